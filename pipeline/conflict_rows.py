"""Conflict rows: a fact's majority against an outlier, with severity and a reason a reviewer can read (issue 16).

`facts.group_facts` finds the pairs; this module writes them as rows of the conflicts table
(schema.CONFLICT_COLUMNS): both sides, their gap and its likely cause ("a factor of 10, likely a unit
or decimal slip"), the sources each side has, and a severity from the gap and the claims' confidence.
"""
from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd

from .fact_reports import days_text
from .schema import CONFLICT_COLUMNS

# the least gap between two values converted from different currencies, or of nearby days; two values in
# one unit on one day need only miss each other's written precision: a consensus quoted as $758.9 million
# and $759.6 million is two consensuses (12 of issue 16's 31 labeled real disagreements are such)
MIN_REL_DIFF = 0.02
# two articles that disagree on more than this many of one entity's facts are reading different
# things (a quarter against the year, a segment against the whole, one table's columns against
# another's), not contradicting each other: on the modern dump such pairs of articles held 54% of
# the pairs flagged (bench/RESULTS.md, "Conflicts")
MAX_DISAGREEMENTS_PER_ARTICLE_PAIR = 2


def fmt(v: float, unit: str) -> str:
    if unit in ("%", "pp"):
        return f"{v:g}{'%' if unit == '%' else ' pp'}"
    if unit == "x":
        return f"{v:g}x"
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= scale:
            return f"{unit} {v / scale:.4g}{suffix}"
    return f"{unit} {v:,.4g}"


def likely_cause(a: float, b: float) -> str:
    """What a gap between two figures of one fact most often is.

    >>> likely_cause(2.4e9, 24e9)
    'a factor of 10, likely a unit or decimal slip'
    >>> likely_cause(300.0, 410.0)
    '27% apart'
    >>> likely_cause(758.9e6, 759.6e6)
    '0.09% apart'
    """
    big, small = max(abs(a), abs(b)), min(abs(a), abs(b))
    if small > 0:
        power = math.log10(big / small)
        if round(power) >= 1 and abs(power - round(power)) < 0.01:
            return f"a factor of {10 ** round(power):,}, likely a unit or decimal slip"
    if not big:
        return "apart"
    rel = abs(a - b) / big
    return f"{rel:.0%} apart" if rel >= 0.01 else f"{rel:.2%} apart"  # "0.09% apart", not "0% apart"


def conflict_rows(cols, conflicts, value, usd, mixed, unit, money, pub, conf, off, facts, min_confidence: float,
                  scorer=None, fact_of=None) -> pd.DataFrame:
    """The conflict rows of `facts.group_facts`' pairs (fact, majority's report, outlier's report, their sources, days
    apart), less the pairs no reviewer should read: without the gate a side below `min_confidence`, both sides in one article, a side
    off its article's topic, a gap within a conversion's or a day's noise, a pair whose chance of being real is under
    the conflict gate's threshold (`scorer`: conflict_gate.pair_scorer), and articles that disagree too often. A
    `conflict` fact left with no row (`fact_of`: each report's fact) is `doubtful`."""
    names = list(CONFLICT_COLUMNS)
    out = []
    for f, a, b, maj_n, out_n, gap in conflicts:
        if (scorer is None and min(conf[a], conf[b]) < min_confidence) or cols["article_id"][a] == cols["article_id"][b]:
            continue
        if off[a] or off[b]:
            continue  # one side is a figure of a name its headline does not name (pipeline/headline_topic.py)
        usd_a = mixed[a] or (gap > 0 and money[a] and unit[a] != unit[b])  # two facts of two currencies
        va = value[a] * (usd[a] if usd_a else 1.0)
        vb = value[b] * (usd[b] if usd_a else 1.0)
        big = max(abs(va), abs(vb))
        rel = abs(va - vb) / big if big else 0.0
        if rel < MIN_REL_DIFF and (usd_a or gap > 0):
            continue  # within a conversion's or a day's noise; in one unit on one day, the written digits decide
        days = int(abs(pub[a] - pub[b])) if pub[a] == pub[a] and pub[b] == pub[b] else 0
        chance = scorer[0](a, b, va, vb, days) if scorer else float("nan")
        if scorer and chance < scorer[1]:
            continue
        out.append(_row(cols, f, a, b, va, vb, bool(mixed[a]) or gap > 0, rel, maj_n, out_n, gap, pub, facts, conf,
                        unit, money) | {"chance_real": chance})
    if not out:
        _doubt(facts, set())
        return pd.DataFrame(columns=names)
    table = pd.DataFrame(out)
    # two articles that disagree on several of one entity's facts read different things
    pair = pd.DataFrame({"x": np.minimum(table["_art_a"], table["_art_b"]), "y": np.maximum(table["_art_a"], table["_art_b"]),
                         "k": table["_entity_key"]})
    many = pair.groupby(["x", "y", "k"])["k"].transform("size").to_numpy() > MAX_DISAGREEMENTS_PER_ARTICLE_PAIR
    table = table[~many]
    reasons = dict(zip(table["_fact"], table["reason"]))
    facts["reason"] = [reasons.get(f, "") for f in facts.index]
    shown = set(table["_fact"]) | ({int(fact_of[b]) for b in table["_b"]} if fact_of is not None else set())
    _doubt(facts, shown)
    return table[names].reset_index(drop=True)


def _doubt(facts: pd.DataFrame, shown: set) -> None:
    """A fact the grouping found in conflict that no conflict row shows is `doubtful`: its reports differ, but no
    pair of them passed the gates above (the reviewer finds it in the facts table)."""
    facts.loc[(facts["status"] == "conflict") & ~facts.index.isin(list(shown)), "status"] = "doubtful"


# a side less sure than this lowers the severity (0.5 before session 21 shifted confidence down: the same cut)
SURE_CONFIDENCE = 0.39


def _severity(rel: float, conf: float, nearby: bool = False) -> str:
    # a nearby day's fact is a weaker witness: none of 42 such conflicts read in session 8's audit was real
    level = (0 if rel >= 0.5 else 1 if rel >= 0.15 else 2) + (conf < SURE_CONFIDENCE) + nearby
    return ("high", "medium", "low")[min(level, 2)]


def _row(cols, f, a, b, va, vb, converted, rel, maj_n, out_n, gap, pub, facts, conf, unit, money) -> dict:
    """One conflict row: the majority's best report against one outlier's (or, `gap` days apart, one day's
    fact against a nearby day's), earlier article first."""
    converted = converted and money[a] and (unit[a] != unit[b] or gap == 0)
    shown_unit = "USD" if converted else unit[a]
    label = cols["metric"][a].replace("_", " ").replace("forward pe", "forward P/E").replace("trailing pe", "trailing P/E")
    period = cols["period_label"][a] or days_text(pub[a:a + 1])[0]
    segment = cols["segment"][a]
    who = f"{cols['entity'][a]}'s {label}" + (f" ({segment})" if segment else "") + f" for {period}"

    def give(k: int) -> str:
        return f"{k} source{'s' if k > 1 else ''} give{'s' if k == 1 else ''}"

    day_a, day_b = days_text(pub[[a, b]])
    if gap > 0:  # a nearby day's fact
        other = cols["period_label"][b] or day_b
        who = who.rsplit(" for ", 1)[0]
        reason = (f"{give(maj_n)} {who} as {fmt(va, shown_unit)} for {period}; {give(out_n)} {fmt(vb, shown_unit)} "
                  f"for {other}, {gap} day{'s' if gap > 1 else ''} apart: {likely_cause(va, vb)}")
    elif maj_n == out_n:  # no majority: the two sides as they came
        reason = (f"sources split on {who}: {give(maj_n)} {fmt(va, shown_unit)} ({day_a}), "
                  f"{give(out_n)} {fmt(vb, shown_unit)} ({day_b}): {likely_cause(va, vb)}")
    else:
        reason = f"{give(maj_n)} {who} as {fmt(va, shown_unit)}; {give(out_n)} {fmt(vb, shown_unit)} ({day_b}): {likely_cause(va, vb)}"
    if converted:
        reason += f"; converted to USD from {unit[a]} and {unit[b]}"
    art = cols["article_id"]
    first, second = (a, b) if (pub[a], art[a]) <= (pub[b], art[b]) else (b, a)
    v_first, v_second = (va, vb) if first == a else (vb, va)
    ids = sorted((cols["claim_id"][a], cols["claim_id"][b]))
    return {
        "conflict_id": hashlib.sha1("|".join(ids).encode()).hexdigest()[:16],
        "entity": cols["entity"][a], "segment": segment, "metric": cols["metric"][a],
        "claim_a": cols["claim_id"][first], "claim_b": cols["claim_id"][second], "value_a": v_first, "value_b": v_second,
        "unit": shown_unit, "rel_diff": round(rel, 4), "severity": _severity(rel, min(conf[a], conf[b]), gap > 0),
        "reason": reason, "status": "open", "published_a": day_a if first == a else day_b,
        "published_b": day_b if first == a else day_a,
        "days_apart": int(abs(pub[a] - pub[b])) if pub[a] == pub[a] and pub[b] == pub[b] else 0,
        "period_label_a": cols["period_label"][first], "period_label_b": cols["period_label"][second],
        "fact_id": facts["fact_id"].get(f), "majority_value": va if maj_n > out_n and not gap else float("nan"),
        "majority_sources": maj_n, "outlier_sources": out_n,
        "_fact": f, "_b": b, "_art_a": art[a], "_art_b": art[b], "_entity_key": cols["entity_id"][a] or str(cols["entity"][a]).lower(),
    }
