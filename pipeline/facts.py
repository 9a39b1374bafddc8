"""Facts: the claims that state one fact, across articles, and whether their sources agree.

A fact is one entity's segment, metric, basis and modality for one period (a flow's reporting
period; a point-in-time metric's day: the period the text gives, else the published day; never a
window of days). Its reports are the claims that state it; its sources are the reports' articles
joined when they are copies of one story (pipeline/sources.py) or print the same sentence.

Each report is an interval: its value widened by its rounding or cutting off ("$88" is 87.5-89: one unit in
the last written digit is within rounding, except cents with no scale word, which are exact), its qualifier
("about" +-10%, "over" is a floor, of a fall's size a ceiling), a market quote's usual range within a day (`day_slack` in
metrics.yaml; none for a quote at a stated moment, basis.yaml `stated_moment`: the close, after hours) and, across currencies, a dated conversion's slack. Reports whose intervals chain
together hold one value (not through a coarser figure that holds two disagreeing ones: "$582 million" beside
"$582.2 million" and "$582.7 million"); a fact with one value is `agreed` (or `single`, from one source).

A fact with several values is a disagreement when each value comes from its own sources:
- `conflict`: the value most independent sources give is the majority; each other value is an
  outlier, one conflict row each (with a reason that names both sides and a likely cause);
- `revised`: a forecast or estimate whose values follow each other in time (guidance raised,
  a consensus updated: an estimate's values more than ESTIMATE_REVISION_DAYS apart): shown in time order, never a conflict;
- `ambiguous`: one source gives two of the values: the claims read two different things (a
  segment and the whole, GAAP and adjusted, two columns), not a contradiction; yet two values
  within AMBIGUOUS_NEAR_REL of each other that no source gives both of are one quantity quoted two
  ways ("+114.4%" and "115%"), a conflict;
- `spread`: analysts' own figures (a price target), which differ by design;
- `unlike`: values too far apart to be one quantity reported twice (`one_quantity`: more than 5 times
  apart for a market quote, twice for a company's flow, and no slip of 10, 100 or 1,000; or of opposite
  signs): a claim misread another quantity, which is no contradiction between sources.
Everything is array arithmetic over the sorted claims (pandas/numpy); only disagreeing facts,
a small share, are looked at one by one.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from .conflict_gate import pair_scorer
from .conflict_rows import conflict_rows
from .fact_reports import dates_as_days, days_text, exact_cents, prepare, usd_factor, written_slacks
from .fact_values import value_groups
from .resources import Resources
from .schema import CONFLICT_COLUMNS, FACT_COLUMNS

COMPARABLE_MODALITIES = ("actual", "forecast", "estimate")
ABOUT_SLACK = 0.10
FX_SLACK = 0.05
# 0.15 before session 21 shifted confidence down to the claims nobody tuned for (scripts/train_confidence.py): the same cut
MIN_CONFIDENCE = 0.10
# two facts of nearby days (or of nearly the same span) disagree only this far apart, beyond the drift
# their days allow: a quote of another day is a weaker witness than one of the same day
NEIGHBOUR_MIN_REL = 0.25
# in a fact where one source reads several values (a segment's figure filed as the whole's, two columns), two
# values of two other sources this close are still one quantity quoted differently ("+114.4% Y/Y" against
# "115%", a consensus of $582.2 million against $582.7 million); values further apart are the parts
AMBIGUOUS_NEAR_REL = 0.05
# analysts' consensus for one period quoted as two values is a revision only when the quotes lie more than this many days
# apart: within a few days the consensus has hardly moved, and two outlets' values are two polls that disagree
# ("expected $448.9 million" per FactSet on Feb 10, "$447.46 million" per LSEG on Feb 11; CVS's 2025 EPS at $5.86 and
# $5.96 on two days, judged real in session 14). A company's own forecast raised a day later is a revision
ESTIMATE_REVISION_DAYS = 7
NEIGHBOUR_OVERLAP = 0.8  # two flows' spans overlap this much ("year to date" on the 26th and on the 30th)
# two reports of one quantity, read or written twice, differ by a rounding, a slip of the unit or decimal point
# (a factor of 10, 100 or 1,000) or, rarely, by a few times; values further apart are two different quantities
# one claim misread (the wrong metric, a part for the whole). Of
# the 400 conflicts judged in sessions 8-11 (bench/conflict_audit/), 204 were such pairs and none was real;
# the 13 real ones all lie within these bounds (bench/RESULTS.md, "Conflicts, session 12")
UNLIKE_RATIO = 5.0
# A flow a company reports (revenue, EPS, a profit, a growth rate) is copied from one release or one poll: its
# reports differ by rounding, a slip or one consensus against another, never by half. A market quote moves within
# and across sessions, so a year-to-date move quoted as 28% and "more than doubled" can be one quantity. Of the
# judged pairs (sessions 8-12), flows twice or more apart (no slip) were real 0 times in 87; quotes, 3 times in 190
FLOW_UNLIKE_RATIO = 2.0
# Opposite signs are never one quantity either: "fell 4.44%" against "rose 4.5%" is nearly always the claims stage
# reading a direction wrong ("remains down ~17%" read as a rise), or two moves; of the 77 judged pairs of opposite
# signs (sessions 8-12), 1 was real
SLIP_TOLERANCE = 0.03  # in log10: a factor within 7% of 10, 100 or 1,000
_MAX_IDS = 200  # report ids listed in a fact's row; the fact_claims table in claims.db holds all


@dataclass(frozen=True)
class Options:
    # without the conflict gate, a conflict's two sides must both be this sure (pipeline/confidence.py: the chance
    # that entity, metric and period are all right); below it the pair is more likely an extraction error than a
    # disagreement (bench/RESULTS.md, "Conflicts"). With the gate, which reads the pair itself, it only picks the
    # report that shows a value: a consensus sentence that names no one ("Two analysts polled by FactSet expected
    # $0.14.") is unsure to the claims' head yet the likeliest real disagreement (20 such pairs the floor held
    # back on the modern dump, 17 judged real)
    min_confidence: float = MIN_CONFIDENCE
    # a market quote's facts of days this close are set against each other (widened for the days between)
    window_days: int = 7
    # conflicts whose chance of being real (pipeline/conflict_gate.py) is under the head's threshold are left out
    gate: bool = True


def one_quantity(a, b, unlike_ratio: float = UNLIKE_RATIO):
    """Whether two values (or two arrays of them, pairwise) can be one quantity reported twice (`unlike_ratio`):

    >>> one_quantity(2.4e9, 24e9), one_quantity(342.8e6, 317.8e6), one_quantity(-4.44, -4.5)
    (True, True, True)
    >>> one_quantity(226e6, 1.87e9), one_quantity(-4.44, 4.5), one_quantity(0.0, 5.0)
    (False, False, False)
    >>> one_quantity(28.0, 100.0), one_quantity(28e6, 100e6, FLOW_UNLIKE_RATIO)
    (True, False)
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    small, big = np.minimum(np.abs(a), np.abs(b)), np.maximum(np.abs(a), np.abs(b))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = big / small
        power = np.log10(ratio)
        slip = np.isin(np.round(power), (1, 2, 3)) & (np.abs(power - np.round(power)) <= SLIP_TOLERANCE)
    alike = np.where(small == 0, big == 0,
                     ((a < 0) == (b < 0)) & ((ratio <= unlike_ratio) | slip))
    return bool(alike) if alike.ndim == 0 else alike




def group_facts(claims: pd.DataFrame, res: Resources, opts: Options = Options(),
                sources: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(facts, conflicts, fact_claims) for `claims` (a claims table, or `prepare`'s rows).

    `sources` maps article ids to source ids (near-duplicate stories share one); without it each
    article is its own source. fact_claims lists each report: fact_id, claim_id, value_group,
    majority (whether its value is the fact's majority).
    """
    df = claims if "source_id" in claims.columns else prepare(claims, res, sources)
    empty = (pd.DataFrame(columns=list(FACT_COLUMNS)), pd.DataFrame(columns=list(CONFLICT_COLUMNS)),
             pd.DataFrame(columns=["fact_id", "claim_id", "value_group", "majority"]))
    if df.empty:
        return empty
    df = df.reset_index(drop=True)
    n = len(df)
    metric = df["metric"].to_numpy(object)
    unit = df["unit"].fillna("").to_numpy(object)
    value = df["value"].to_numpy(float)
    low = np.minimum(df["value_low"].to_numpy(float), df["value_high"].to_numpy(float))
    high = np.maximum(df["value_low"].to_numpy(float), df["value_high"].to_numpy(float))
    approx = df["approx"].fillna("exact").to_numpy(object)
    pub = dates_as_days(df["published"].to_numpy(object))
    ps, pe = dates_as_days(df["period_start"].to_numpy(object)), dates_as_days(df["period_end"].to_numpy(object))
    spec = {m: res.metrics.get(m) for m in set(metric)}
    point = np.array([spec[m] is not None and spec[m].timing == "point" for m in metric])
    # the fact's time: a flow's period (none: no fact); a point's stated day or period, else its published day
    ps = np.where(point & np.isnan(ps), pub, ps)
    pe = np.where(point & np.isnan(pe), pub, pe)
    dated = ~np.isnan(ps) & ~np.isnan(pe)
    money = np.array([len(u) == 3 and u.isupper() for u in unit])
    # amounts compare across currencies, except a share's own price, EPS or dividend: in another currency it
    # is another listing (an ADR against the Hong Kong line), or another company's stock in a roundup
    per_share = np.array([spec[m] is not None and spec[m].per_share for m in metric])
    family = np.where(money & ~per_share, "money", unit)
    ent = df["entity_id"].fillna("").astype(str).to_numpy(object)
    key_entity = np.where(ent != "", ent, df["entity"].astype(str).str.lower().to_numpy(object))
    frame = pd.DataFrame({"e": key_entity, "s": df["segment"].fillna("").to_numpy(object), "m": metric,
                          "b": df["basis"].to_numpy(object), "mod": df["modality"].to_numpy(object),
                          "ps": ps, "pe": pe, "f": family})
    frame = frame[dated]
    if frame.empty:
        return empty
    rows = frame.index.to_numpy()
    fact = np.full(n, -1)
    fact[rows] = frame.groupby(list(frame.columns), sort=False, dropna=False).ngroup().to_numpy()

    usd, mixed, keep, lo, hi, day_rel, day_pp, as_move = _intervals(df, res, fact, rows, metric, unit, value, low, high,
                                                                      approx, pub, ps, pe, spec, money)
    order, vgroup, coarse = value_groups(fact, keep, lo, hi, n)
    src = _sources(df)

    confidence = pd.to_numeric(df["confidence"], errors="coerce").fillna(0.0).to_numpy(float)
    at = pd.to_numeric(df["char_start"], errors="coerce").fillna(0).to_numpy() if "char_start" in df.columns else np.zeros(n)
    rep = pd.DataFrame({"fact": fact[order], "v": vgroup[order], "src": src[order], "row": order,
                        "pub": pub[order], "conf": confidence[order], "open": ~(np.isfinite(lo) & np.isfinite(hi))[order],
                        "art": df["article_id"].astype(str).to_numpy(object)[order], "at": at[order],
                        "coarse": coarse[order]})
    per_fact = rep.groupby("fact").agg(n_reports=("row", "size"), n_sources=("src", "nunique"),
                                       n_values=("v", "nunique"), first=("pub", "min"), last=("pub", "max"))
    per_value = rep.groupby(["fact", "v"]).agg(n_src=("src", "nunique"), n_rep=("row", "size"),
                                               first=("pub", "min"), last=("pub", "max")).reset_index()
    # the majority: the value most sources give, then most reports, then the earliest
    per_value = per_value.sort_values(["fact", "n_src", "n_rep", "first"], ascending=[True, False, False, True])
    majority = per_value.drop_duplicates("fact").set_index("fact")["v"]
    rep["majority"] = rep["v"].to_numpy() == majority.reindex(rep["fact"]).to_numpy()

    status = pd.Series("agreed", index=per_fact.index, dtype=object)
    status[per_fact["n_sources"] == 1] = "single"
    several = per_fact.index[per_fact["n_values"] > 1]
    spread_metrics = {m for m, s in res.metrics.items() if s.spread}
    cols = {c: df[c].fillna("").to_numpy(object) for c in ("claim_id", "article_id", "entity", "entity_id", "segment",
                                                              "metric", "modality", "period_label", "basis")}
    shown = np.where(mixed, value * usd, value)  # each report in its fact's unit
    quote_metrics = {m for m, s in res.metrics.items() if s.day_slack is not None}
    conflicts, outlier_of = _judge(rep, per_value, majority, several, status, cols, spread_metrics, quote_metrics,
                                   opts.min_confidence, shown)
    series = np.full(n, -1)
    # a quote's facts of several days form one series whatever the moment of each day (a close, an undated quote)
    moment = frame["b"].isin(res.quote_only_bases)
    series[rows] = frame.assign(b=frame["b"].where(~moment, "reported")).drop(columns=["ps", "pe"]).groupby(
        list(frame.columns[:5]) + ["f"], sort=False, dropna=False).ngroup().to_numpy()
    lo_x = np.where(money & ~mixed, lo * usd, lo)  # every money report in USD, to set facts of two currencies side by side
    hi_x = np.where(money & ~mixed, hi * usd, hi)
    # a level's facts of nearby days meet; a day's move does not ("gasoline rose 2.05%" on the 11th and "fell
    # 2.69%" on the 12th are two days' trading): a quote in percent or points is a move, a flow of its day
    # (sessions 8 and 9: 12 of 200 audited conflicts were such moves a day or more apart, none real)
    level = point & ~as_move & (unit != "pp")
    conflicts += _neighbours(rep, status, series, ps, pe, lo_x, hi_x, value, usd, money, day_rel, day_pp, level,
                             cols, opts)
    facts = _fact_rows(cols, rep, per_fact, status, outlier_of, value, usd, mixed, unit, ps, pe)
    off = df["off_topic"].fillna(False).astype(bool).to_numpy() if "off_topic" in df.columns else np.zeros(n, bool)
    scorer = pair_scorer(df, res) if opts.gate else None
    fact_of = np.full(n, -1, dtype=np.int64)
    fact_of[rep["row"].to_numpy()] = rep["fact"].to_numpy()
    table = conflict_rows(cols, conflicts, value, usd, mixed, unit, money, pub, confidence, off, facts, opts.min_confidence,
                          scorer, fact_of)
    links = pd.DataFrame({"fact_id": facts["fact_id"].reindex(rep["fact"]).to_numpy(),
                          "claim_id": cols["claim_id"][rep["row"].to_numpy()],
                          "value_group": rep["v"].to_numpy() - rep.groupby("fact")["v"].transform("min").to_numpy(),
                          "majority": rep["majority"].to_numpy()})
    return facts.reset_index(drop=True)[list(FACT_COLUMNS)], table, links


def _intervals(df, res, fact, rows, metric, unit, value, low, high, approx, pub, ps, pe, spec, money):
    """Each report as an interval: its value widened by its rounding, its qualifier, a quote's day range and, in a
    fact of two currencies, a dated conversion (in USD). (usd factor, mixed-currency fact, kept, low and high ends,
    the day range as a share and in points, a price quoted as a move)."""
    n = len(df)
    # every report in USD where its currency has a rate (a fact in one currency is compared as is)
    usd = np.ones(n)
    years = np.array([int(date.fromordinal(int(d) + 719163).year) if d == d else 2020 for d in pub])
    for (u, y), where in pd.DataFrame({"u": unit, "y": years}).groupby(["u", "y"]).indices.items():
        if len(u) == 3 and u.isupper():
            f = usd_factor(u, date(int(y), 7, 1), res)
            usd[where] = np.nan if f is None else f
    fact_units = pd.Series(unit[rows]).groupby(fact[rows]).nunique()
    mixed = np.zeros(n, dtype=bool)
    mixed[rows] = fact_units.reindex(fact[rows]).to_numpy() > 1
    scale = np.where(mixed, usd, 1.0)
    keep = (fact >= 0) & ~np.isnan(scale)
    written = written_slacks(df["figure"], value)
    # a figure cut off at its last digit lies up to a whole unit past it, away from zero (half a unit more)
    cut = np.where(exact_cents(df["figure"], value, money), 0.0, written)
    slack = np.where(approx == "about", np.maximum(written, ABOUT_SLACK * np.abs(value)), written)
    day_rel = np.array([(spec[m].day_slack or (0.0, 0.0))[0] if spec[m] is not None else 0.0 for m in metric])
    day_pp = np.array([(spec[m].day_slack or (0.0, 0.0))[1] if spec[m] is not None else 0.0 for m in metric])
    # a price quoted as a move ("gold rose 0.9%": a commodity's price in percent) moves like a share's move
    move = res.metrics.get("price_change")
    move_pp = move.day_slack[1] if move is not None and move.day_slack else 0.0
    as_move = np.array([spec[m] is not None and spec[m].day_slack is not None and "percent" not in spec[m].kinds
                        for m in metric]) & (unit == "%")
    day_pp = np.where(as_move, np.maximum(day_pp, move_pp), day_pp)
    quote = ((day_rel > 0) | (day_pp > 0)) & (ps == pe) & ~df["basis"].isin(res.moment_bases).to_numpy()
    slack = slack + np.where(quote, day_rel * np.abs(value) + day_pp, 0.0)
    # "more than" and "nearly" qualify the figure as written, a fall's or a loss's size: "falls more than 20%" is -20
    # or lower, "down nearly 25%" above -25 (as a floor it would agree with a rise and part from a 24% fall)
    fall = value < 0
    floor, ceiling = np.where(fall, approx == "under", approx == "over"), np.where(fall, approx == "over", approx == "under")
    lo = np.where(ceiling, -np.inf, (low - slack - np.where(low < 0, cut, 0.0)) * scale)
    hi = np.where(floor, np.inf, (high + slack + np.where(high > 0, cut, 0.0)) * scale)
    lo = np.where(mixed, lo * (1 - FX_SLACK * np.sign(lo)), lo)
    hi = np.where(mixed, hi * (1 + FX_SLACK * np.sign(hi)), hi)
    return usd, mixed, keep, lo, hi, day_rel, day_pp, as_move


def _sources(df) -> np.ndarray:
    """Each report's source: its article's story, joined with any other that prints the same sentence."""
    src = pd.factorize(df["source_id"].astype(str))[0]
    skey = df["sentence_key"].fillna("").astype(str).to_numpy(object)
    has_key = skey != ""
    if has_key.any():
        joined = pd.Series(src[has_key]).groupby(skey[has_key]).transform("min").to_numpy()
        src = src.copy()
        src[has_key] = joined
    return src


def _judge(rep, per_value, majority, several, status, cols, spread_metrics, quote_metrics, min_confidence,
           shown) -> tuple[list, dict]:
    """Each fact with several values, one by one (a small share of facts): its status, and its conflicts as
    (fact, majority's report row, outlier's report row, majority's sources, outlier's sources, 0)."""
    conflicts: list[tuple] = []
    outlier_of: dict[int, tuple] = {}
    if not len(several):
        return conflicts, outlier_of
    multi = rep[rep["fact"].isin(several)]
    mixed_source = multi.groupby(["fact", "src"])["v"].nunique()
    ambiguous = set(mixed_source[mixed_source > 1].index.get_level_values(0))
    # each ambiguous fact's values' sources, grouped once (not a scan of `multi` per fact)
    value_sources = multi[multi["fact"].isin(ambiguous)].groupby(["fact", "v"])["src"].agg(frozenset).to_dict()
    # each value's report to show: the earliest statement of it (the first article, its first mention) among
    # those sure enough to be a conflict's side, else the surest; a figure before a floor or a ceiling, which
    # only bounds the value ("over 10%" beside "12%"), or a figure with fewer digits that held two values ("$405
    # million" beside "$404.9 million" and "$405.26 million": fact_values._split_bridges)
    best = multi.assign(unsure=multi["conf"] < min_confidence).sort_values(
        ["fact", "v", "unsure", "open", "coarse", "pub", "art", "at"]).drop_duplicates(["fact", "v"])
    best_row = dict(zip(zip(best["fact"], best["v"]), best["row"]))
    pv = per_value[per_value["fact"].isin(several)].sort_values(["fact", "first"], kind="stable")
    fv, vv, nsrc = pv["fact"].to_numpy(), pv["v"].to_numpy(), pv["n_src"].to_numpy()
    first, last = pv["first"].to_numpy(), pv["last"].to_numpy()
    bounds = np.flatnonzero(np.concatenate(([True], fv[1:] != fv[:-1], [True])))
    for s, e in zip(bounds[:-1], bounds[1:]):
        f = int(fv[s])
        row0 = best_row[(f, vv[s])]
        metric, modality = cols["metric"][row0], cols["modality"][row0]
        if metric in spread_metrics:
            status[f] = "spread"
        elif f in ambiguous:
            status[f] = "ambiguous"
            if modality in COMPARABLE_MODALITIES:
                near = _near_values(f, value_sources, vv[s:e], nsrc[s:e], best_row, shown)
                conflicts.extend(near)
                if near:
                    status[f] = "conflict"
                    outlier_of.setdefault(f, (near[0][2], near[0][4]))
        elif modality in ("forecast", "estimate") and bool((first[s + 1:e] > last[s:e - 1] + (
                ESTIMATE_REVISION_DAYS if modality == "estimate" else 0)).all()):
            status[f] = "revised"  # each value's reports all after the previous value's: updated, not disputed
        elif modality not in COMPARABLE_MODALITIES:
            status[f] = "disagreed"
        else:
            maj = majority[f]
            a = best_row[(f, maj)]
            maj_n = int(nsrc[s:e][vv[s:e] == maj][0])
            status[f] = "unlike"
            limit = UNLIKE_RATIO if metric in quote_metrics else FLOW_UNLIKE_RATIO
            for v, k in zip(vv[s:e], nsrc[s:e]):
                if v != maj and one_quantity(shown[a], shown[best_row[(f, v)]], limit):
                    b = best_row[(f, v)]
                    status[f] = "conflict"
                    outlier_of.setdefault(f, (b, int(k)))
                    conflicts.append((f, a, b, maj_n, int(k), 0))
    return conflicts, outlier_of


def _near_values(f, value_sources, values, n_src, best_row, shown) -> list[tuple]:
    """An ambiguous fact's conflicts: each two values next to each other in size, AMBIGUOUS_NEAR_REL apart at most,
    that no source gives both of, as (fact, the side more sources give, the other, their sources, 0).
    `value_sources`: {(fact, value): its sources}."""
    sources = {v: value_sources[(f, v)] for v in values}
    k_src = dict(zip(values, n_src))
    by_size = sorted(values, key=lambda v: shown[best_row[(f, v)]])
    out = []
    for v1, v2 in zip(by_size, by_size[1:]):
        a, b = shown[best_row[(f, v1)]], shown[best_row[(f, v2)]]
        big = max(abs(a), abs(b))
        if not big or abs(a - b) / big > AMBIGUOUS_NEAR_REL or sources[v1] & sources[v2] or (a < 0) != (b < 0):
            continue
        (maj, oth) = (v1, v2) if k_src[v1] >= k_src[v2] else (v2, v1)
        out.append((f, best_row[(f, maj)], best_row[(f, oth)], int(k_src[maj]), int(k_src[oth]), 0))
    return out


def _neighbours(rep, status, series, ps, pe, lo_x, hi_x, value, usd, money, day_rel, day_pp, point, cols,
                opts: Options) -> list[tuple]:
    """Conflicts between a market quote's facts of nearby days, or of nearly the same span ("year to date" on
    two days): each fact's majority range, widened by its day range once more for each day between, must
    still miss the other's, and the two figures lie NEIGHBOUR_MIN_REL apart. A fact meets only the facts
    of its series that start within the window (sorted keys, searchsorted), so the cost stays linear."""
    maj = rep[rep["majority"].to_numpy()]
    if maj.empty or opts.window_days <= 0:
        return []
    rows = maj["row"].to_numpy()
    quote = (day_rel[rows] > 0) | (day_pp[rows] > 0)
    maj = maj[quote]
    rows = rows[quote]
    if maj.empty:
        return []
    per = pd.DataFrame({"fact": maj["fact"].to_numpy(), "lo": lo_x[rows], "hi": hi_x[rows], "row": rows,
                        "unsure": maj["conf"].to_numpy() < opts.min_confidence, "pub": maj["pub"].to_numpy(),
                        "art": maj["art"].to_numpy(), "at": maj["at"].to_numpy(), "src": maj["src"].to_numpy()})
    per = per.sort_values(["fact", "unsure", "pub", "art", "at"])  # the first sure statement shows the fact
    facts = per.groupby("fact").agg(lo=("lo", "min"), hi=("hi", "max"), row=("row", "first"), n=("src", "nunique"))
    facts = facts[facts.index.map(lambda f: status[f] in ("single", "agreed", "conflict"))]
    r = facts["row"].to_numpy()
    facts = facts.assign(series=series[r], ps=ps[r], pe=pe[r], point=point[r], rel=day_rel[r], pp=day_pp[r],
                         v=np.where(money[r], value[r] * usd[r], value[r]),
                         modality=cols["modality"][r])
    facts = facts.assign(start=np.where(facts["point"], facts["pe"], facts["ps"])).sort_values(["series", "start", "pe"])
    facts = facts[facts["modality"].isin(COMPARABLE_MODALITIES) & ~np.isnan(facts["lo"]) & ~np.isnan(facts["hi"])]
    if len(facts) < 2:
        return []
    # every later fact of the same series that starts within the window (a handful a fact: one fact a day)
    key = facts["series"].to_numpy() * 1e7 + facts["start"].to_numpy()
    ends = np.searchsorted(key, key + opts.window_days, side="right")
    counts = np.maximum(ends - np.arange(1, len(key) + 1), 0)
    i = np.repeat(np.arange(len(key)), counts)
    j = i + 1 + (np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts))
    a, b = facts.iloc[i].reset_index(), facts.iloc[j].reset_index()
    step_end = np.abs(b["pe"].to_numpy() - a["pe"].to_numpy())
    gap = np.where(a["point"].to_numpy(), step_end, step_end + np.abs(b["ps"].to_numpy() - a["ps"].to_numpy()))
    inter = np.minimum(a["pe"], b["pe"]).to_numpy() - np.maximum(a["ps"], b["ps"]).to_numpy() + 1
    union = np.maximum(a["pe"], b["pe"]).to_numpy() - np.minimum(a["ps"], b["ps"]).to_numpy() + 1
    near = np.where(a["point"].to_numpy(), (gap > 0) & (gap <= opts.window_days),
                    (gap > 0) & (np.maximum(inter, 0) / union >= NEIGHBOUR_OVERLAP))
    drift_a = gap * (a["rel"].to_numpy() * np.abs(a["v"].to_numpy()) + a["pp"].to_numpy())
    drift_b = gap * (b["rel"].to_numpy() * np.abs(b["v"].to_numpy()) + b["pp"].to_numpy())
    apart = ((a["hi"].to_numpy() + drift_a < b["lo"].to_numpy() - drift_b)
             | (b["hi"].to_numpy() + drift_b < a["lo"].to_numpy() - drift_a))
    va, vb = a["v"].to_numpy(), b["v"].to_numpy()
    big = np.maximum(np.abs(va), np.abs(vb))
    with np.errstate(invalid="ignore", divide="ignore"):
        rel = np.where(big > 0, np.abs(va - vb) / big, 0.0)
    hit = np.flatnonzero(near & apart & (rel >= NEIGHBOUR_MIN_REL) & one_quantity(va, vb))
    out = []
    for k in hit:
        fa, fb = int(a["fact"].iat[k]), int(b["fact"].iat[k])
        ra, rb = int(a["row"].iat[k]), int(b["row"].iat[k])
        status[fa] = status[fb] = "conflict"
        out.append((fa, ra, rb, int(a["n"].iat[k]), int(b["n"].iat[k]), int(gap[k])))
    return out


def fact_id(parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _fact_rows(cols, rep, per_fact, status, outlier_of, value, usd, mixed, unit, ps, pe) -> pd.DataFrame:
    rep = rep.sort_values(["fact", "row"], kind="stable")
    fact_of = rep["fact"].to_numpy()
    report_rows = rep["row"].to_numpy()
    bounds = np.flatnonzero(np.concatenate(([True], fact_of[1:] != fact_of[:-1], [True])))
    index = fact_of[bounds[:-1]]
    rows = report_rows[bounds[:-1]]  # each fact's first report
    shown = np.where(mixed, value * usd, value)  # each report in its fact's unit
    maj_rep = rep[rep["majority"].to_numpy()]
    consensus = pd.Series(shown[maj_rep["row"].to_numpy()]).groupby(maj_rep["fact"].to_numpy()).median()
    shown_rep = shown[report_rows]
    ids = cols["claim_id"][report_rows]
    out = pd.DataFrame(index=index)
    for c in ("entity", "entity_id", "segment", "metric", "basis", "modality"):
        out[c] = cols[c][rows]
    out["period_start"] = days_text(ps[rows])
    out["period_end"] = days_text(pe[rows])
    out["period_label"] = cols["period_label"][rows]
    out["unit"] = np.where(mixed[rows], "USD", unit[rows])
    out["value"] = consensus.reindex(index).to_numpy()
    out["value_low"] = np.minimum.reduceat(shown_rep, bounds[:-1])
    out["value_high"] = np.maximum.reduceat(shown_rep, bounds[:-1])
    with np.errstate(invalid="ignore", divide="ignore"):
        spread = (out["value_high"] - out["value_low"]) / np.abs(out["value"])
    out["spread"] = np.round(np.where(out["value"] != 0, spread, 0.0), 4)
    for c in ("n_reports", "n_sources", "n_values"):
        out[c] = per_fact[c].reindex(index).to_numpy()
    arts = pd.DataFrame({"f": fact_of, "a": cols["article_id"][report_rows]})
    out["n_articles"] = arts.groupby("f")["a"].nunique().reindex(index).to_numpy()
    out["status"] = status.reindex(index).to_numpy()
    out["majority_sources"] = maj_rep.groupby("fact")["src"].nunique().reindex(index).fillna(0).astype(int).to_numpy()
    out["outlier_value"] = pd.Series({f: shown[b] for f, (b, _) in outlier_of.items()}, dtype=float).reindex(index).to_numpy()
    out["outlier_sources"] = pd.Series({f: k for f, (_, k) in outlier_of.items()}, dtype=float).reindex(index).to_numpy()
    out["first_published"] = days_text(per_fact["first"].reindex(index).to_numpy())
    out["last_published"] = days_text(per_fact["last"].reindex(index).to_numpy())
    out["claim_ids"] = [" ".join(ids[s:min(e, s + _MAX_IDS)]) for s, e in zip(bounds[:-1], bounds[1:])]
    key_entity = np.where(out["entity_id"] != "", out["entity_id"], out["entity"].str.lower())
    out["fact_id"] = [fact_id(k) for k in zip(key_entity, out["segment"], out["metric"], out["basis"], out["modality"],
                                               out["period_start"], out["period_end"], out["unit"].map(_family))]
    out["reason"] = ""
    return out


def _family(unit: str) -> str:
    return "money" if isinstance(unit, str) and len(unit) == 3 and unit.isupper() else unit
