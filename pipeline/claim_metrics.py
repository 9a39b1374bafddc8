"""The metric step of the claims stage: what a figure measures.

A table row's label names it; else the noun the figure is tied to ("customer numbers rose 18%", "a $600,000
promissory note", measures.py); else the amount it restates or changes ("601 million euros ($624 million)",
amount_links.py); else the metric cues (models/lexicons/metrics.yaml) of its clause and sentence, weighed by
their distance to the figure. A quote's clause may name what is quoted ("Brent rose 1.8%": the commodity's price).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .claim_draft import Draft, Story
from .entities import ArticleEntities
from .measures import laid_rate, measured_noun, share_metric, table_row_metric
from .resources import Resources, lower_text
from .scaled_counts import money_metric_of_count, one_off_per_share, per_share_metric, scaled_rx
from .column_metrics import column_metric, surprise_metric
from .market_sizes import market_size_metric
from .pattern_guards import may_match
from .quote_rows import cell_metric
from .row_labels import line_item, row_label_metric
from .metric_frames import (chart_level, estimate_of_before, level_of_move, portion_of, preferred_dividend, price_move,
                            price_moved_to, result_item)
from .share_counts import share_count_metric
from .spaced_rows import spaced_row_metric
from .share_trades import traded_metric
from .subject_roles import quoted_kind
from .word_patterns import listed


@lru_cache(maxsize=4)
def _coordinated(res: Resources) -> re.Pattern:
    """Words between two amounts that make the second one more of the first: "tax credits of 60,000 dlrs in quarter
    and 218,000 dlrs in year", "losses from discontinued operations of 279,000 dlrs and 555,000 dlrs"."""
    return re.compile(r"\s*(?:in (?:the )?(?:quarter|qtr|year|period|half|first half|nine months)\s*)?,?\s*"
                      r"(?:and|vs\.?|versus|against|compared with)\s+(?:(?:" + listed(res.number_words["coordinated_hedges"])
                      + r")\s+)?", re.I)

# subjects that are quoted themselves: "Oil major BP fell 2%" is BP's share move, not oil's (metric_by_clause)
_OWN_QUOTES = frozenset({"company", "unit", "segment", "index"})
# the base a change is measured from, just before the figure: "from an estimated 98 billion", "up from 11.2 billion"
_BASE_BEFORE = re.compile(r"\b(?:from|versus|vs\.?|compared with)\s+(?:(?:an?|the|its|a record|record|an estimated|"
                          r"estimated|revised|about|around|nearly|some|over|more than|\S+'s)\s+){0,3}$", re.I)
# words between two amounts that make the second one more of the first: "tax credits of 60,000 dlrs in quarter
# and 218,000 dlrs in year", "losses from discontinued operations of 279,000 dlrs and 555,000 dlrs"
_LAST_MONEY = "<money>"  # previous_metric's key for a sentence's last amount of money, whatever its currency
# a clause that gives the earlier value of the figure before it: "rose to 11%, up from 8.6%"
_PRIOR_VALUE = re.compile(r"^[\s,;(-]*(?:up|down|compared|against|versus|vs\.?)?\s*(?:from|with)\b", re.I)
# no share and no amount of one share is worth this much, in any currency's base units the dumps quote (Berkshire's
# class A share, the dearest, trades below 1,000,000 dollars): a figure this large is a total or a count of shares
_NO_SHARE_AMOUNT = 1_000_000
_NAMED_MOVE = 3.0  # the weight of a price_change cue that names what moved, not only that something did
_CHANGE_METRICS = ("price_change", "revenue_growth", "profit_growth", "eps_growth", "market_cap_change")
# a level a move reached or left is no move: its clause's cues for changes are the move's words
_MOVE_METRICS = (*_CHANGE_METRICS, "drawdown_from_high")
_SHARE_WORDS = re.compile(r"\b(?:shares?|stock|price|ADRs?)\b", re.I)
# the words from a figure to a cue that open the next conjunct: "Revenue was $2.58 billion and profit was $1.24 a
# share", "sales of $5 million, while net income": the cue names that conjunct's figure, not this one
_NEXT_CONJUNCT = re.compile(r"[\s,;]*(?:and|but|while|whereas)\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?", re.I)


@lru_cache(maxsize=64)
def _cue_plan(res: Resources, kinds: frozenset[str] | None) -> tuple:
    """The metrics `find_cues` scans for `kinds`, in the vocabulary's order, each with its (pattern, weight,
    literals) cues: worked out once per models/ folder and kinds, not once per clause."""
    plan = []
    for spec in res.metrics.values():
        if kinds is not None and not (spec.kinds & kinds):
            continue
        plan.append((spec.name, tuple((rx, weight, literals) for (rx, weight), literals
                                      in zip(spec.cues, spec.cue_literals or [()] * len(spec.cues)))))
    return tuple(plan)


def _by_start_longest(span: tuple[int, int, float]) -> tuple[int, int]:
    return span[0], span[0] - span[1]


def find_cues(text: str, res: Resources, kinds: frozenset[str] | None = None) -> list[tuple[str, int, int, float]]:
    """Every metric cue in `text` as (metric, start, end, weight); a cue inside a longer one of its metric is dropped.

    With `kinds`, only metrics that take one of those figure kinds are scanned.
    """
    out = []
    text = lower_text(text)  # the cues are compiled for lowercased text (resources.lower_text)
    contains = text.__contains__
    for name, cues in _cue_plan(res, kinds):
        spans: list[tuple[int, int, float]] = []
        for rx, weight, literals in cues:
            if literals and not any(map(contains, literals)):
                continue  # none of the literals every match needs: the pattern cannot match here
            for m in rx.finditer(text):
                spans.append((m.start(), m.end(), weight))
        if not spans:
            continue
        spans.sort(key=_by_start_longest)
        reach = -1  # the furthest end of a kept span: every kept span starts at or before `a` (sorted)
        for a, b, w in spans:
            if b <= reach:  # inside a longer (or earlier) kept span of this metric
                continue
            out.append((name, a, b, w))
            reach = b
    return out


_NAMED = frozenset({"company", "unit", "name"})
# the reader of a kind of figure's clause (its text before the figure, and after it to the clause's end) and its step:
# a count's verb ("employees were granted 512 million shares": a stake; "sold 60 million ADSs": no stake), an amount's
# words that size a market ("The location data market was valued at $10 billion")
_CLAUSE_READERS = {"count": (share_count_metric, "share_counts"), "money": (market_size_metric, "market_sizes")}


def _outside_names(cues: list[tuple[str, int, int, float]], offset: int, ents: ArticleEntities) -> list:
    """The cues that are no word of a company's name: "Maiden Holdings 0.8500" is no holding, "Gladstone
    Capital" no capital (a list of new highs had every price filed as a stake's value)."""
    if not cues:
        return cues
    starts = ents.mention_starts
    lo, hi = offset + min(c[1] for c in cues), offset + max(c[2] for c in cues)
    names = [(m.start, m.end) for m in ents.mentions[max(0, bisect.bisect_right(starts, lo) - 1):bisect.bisect_right(starts, hi)]
             if m.kind in _NAMED and m.start >= 0]
    if not names:
        return cues
    return [c for c in cues if not any(a <= offset + c[1] and offset + c[2] <= b for a, b in names)]


def score_cues(cues: list[tuple[str, int, int, float]], lo: int, hi: int, fig_pos: int, kind: str,
               res: Resources, fig_len: int = 0) -> tuple[str, float]:
    """The best metric for a figure of `kind` at `fig_pos`, from the cues inside [lo, hi).

    fig_len (int): the figure's length: a cue inside the figure itself is no cue ("to [[double]] its
    rental portfolio" is no share's move though "doubl" is a price_change cue).
    """
    per_metric: dict[str, list[float]] = {}
    for metric, a, b, w in cues:
        if a < lo or b > hi or (fig_len and fig_pos <= a and b <= fig_pos + fig_len):
            continue
        spec = res.metrics[metric]
        if kind not in spec.kinds and not (kind == "word_change" and "percent" in spec.kinds):
            continue
        dist = 0 if a <= fig_pos <= b else min(abs(a - fig_pos), abs(b - fig_pos))
        per_metric.setdefault(metric, []).append(w / (1 + dist / 80))
    best, best_score = "other", 0.0
    for metric in res.metrics:  # the vocabulary's order breaks ties, as before
        scores = per_metric.get(metric)
        if scores:
            score = max(scores) + 0.1 * (len(scores) - 1)
            if score > best_score:
                best, best_score = metric, score
    return best, best_score


@lru_cache(maxsize=4)
def metric_kinds(res: Resources) -> dict[str, frozenset]:
    """Each metric's figure kinds (metrics.yaml `kinds`), once per models/ folder."""
    return {name: spec.kinds for name, spec in res.metrics.items()}


def metric_by_clause(metric: str, fig_kind: str, subject_kind: str, text: str, cs: int, ce: int, res: Resources,
                     seen: dict | None = None) -> str:
    """The metric of a quote whose clause names what is quoted though its subject is none of that kind.

    "Henry Hub natural gas futures rose 2%", "The contract closed 8 cents higher at $52.72 a barrel":
    metrics.yaml `by_clause_words` (the rule metrics `by_subject_kind` replaces, for the same figure kinds).
    A company's, a unit's or an index's figure needs a quote marker ("a barrel", "futures"), not a name alone.
    `seen` keeps each clause's pattern results, so that the figures of one long clause (a table on one line)
    share one pass.
    """
    for kind, (named, markers, unless) in res.metric_by_clause_words.items():
        target, fig_kinds, replaces = res.metric_by_subject_kind[kind]
        if metric not in replaces or fig_kind not in fig_kinds or subject_kind == kind:
            continue
        key = (kind, cs, ce)
        found = seen.get(key) if seen is not None else None
        if found is None:
            clause = text[cs:ce]
            found = (bool(_searched(unless, text, cs, ce, clause)
                          or _searched(res.not_by_subject_kind, text, cs, ce, clause)),
                     bool(_searched(markers, text, cs, ce, clause)), bool(_searched(named, text, cs, ce, clause)))
            if seen is not None:
                seen[key] = found
        stopped, marked, named_here = found
        if stopped:
            continue
        if marked or (subject_kind not in _OWN_QUOTES and named_here):
            return target
    return metric


def _searched(rx: re.Pattern | None, text: str, cs: int, ce: int, clause: str) -> re.Match | None:
    return rx.search(text, cs, ce) if rx is not None and may_match(rx, clause) else None


def score_metric(clause_text: str, fig_pos: int, kind: str, res: Resources) -> tuple[str, float]:
    """The best metric for a figure of `kind` at `fig_pos` in `clause_text`, and its score."""
    return score_cues(find_cues(clause_text, res), 0, len(clause_text), fig_pos, kind, res)


def measure_figure(story: Story, d: Draft) -> None:
    """Set the draft's metric, its score and the cue score (the strength of the words that named it)."""
    fig = d.fig
    measured = share = rate = None
    if fig.table_label:
        label = next((k for k in sorted(story.res.table_labels, key=len, reverse=True) if fig.table_label.startswith(k)), "")
        metric, mscore = story.res.table_labels.get(label, "other"), 5.0
        cue_score = mscore  # the row label names the metric: never a weak cue
        d.metric_step = "table_label"
    else:
        metric, mscore, cue_score, measured, share, rate = _worded_metric(story, d)
    metric, cue_score = _linked_metric(story, d, metric, mscore, cue_score, measured)
    if metric == "price_change" and measured is None and fig.kind == "percent" \
            and level_of_move(story.res, story.text[d.sent.start:fig.start]):
        metric = _unmoved_metric(story, d)  # "occupancy rise to [[89.2%]], up from 87.6%": a level in percent
        d.metric_step = "frames.level_of_move"
    measured_key = (d.sent.start, fig.unit)
    if measured is not None:
        story.previous_measured[measured_key] = measured
    elif metric == "price_change" and measured_key in story.previous_measured and not _named_move(story, d):
        # "construction output declined by 0.2%, reversing from a 0.6% gain", "export prices fell 0.3 pct to stand
        # 3.0 pct lower": a change the move words alone read as a price's continues the noun's before it
        metric, d.metric_step = story.previous_measured[measured_key], "measures.previous"
    story.coordinated = (fig.end, measured, fig.unit) if measured is not None and share is None else None
    story.previous_metric[(d.sent.start, fig.unit)] = metric
    if fig.kind == "money":
        story.previous_metric[(d.sent.start, _LAST_MONEY)] = metric
    metric = _subject_metric(story, d, metric, measured)
    if metric == "other" and (cell := cell_metric(story.text, fig)) is not None:
        metric, mscore, cue_score = cell, 5.0, 5.0  # a stock list's cell: its volume, price or change by its place
        d.metric_step = "quote_rows.cell"
    d.metric, d.mscore, d.cue_score, d.measured, d.share, d.rate = metric, mscore, cue_score, measured, share, rate


def _unmoved_metric(story: Story, d: Draft) -> str:
    """The best metric the clause's cues name other than a change, or `other`."""
    kinds = frozenset({d.fig.kind})
    cues = [c for c in story.cue_cache.get(((d.cs, d.ce), kinds), ()) if c[0] not in _MOVE_METRICS]
    metric, score = score_cues(cues, 0, d.ce - d.cs, d.fig.start - d.cs, d.fig.kind, story.res, d.fig.end - d.fig.start)
    return metric if score > 0 else "other"


def _named_move(story: Story, d: Draft) -> bool:
    """Whether the figure's sentence names a price's move by more than a move word: a stock, an index, a session
    (a price_change cue of weight 3 or more, metrics.yaml)."""
    kinds = frozenset({d.fig.kind, "percent"} if d.fig.kind == "word_change" else {d.fig.kind})
    cues = story.cue_cache.get(((d.sent.start, d.sent.end), kinds), ())
    return any(c[0] == "price_change" and c[3] >= _NAMED_MOVE for c in cues)


def _worded_metric(story: Story, d: Draft) -> tuple[str, float, float, str | None, str | None, bool]:
    """A figure's metric from the words around it (no table row): the clause's cues, then the noun it is tied to
    or the estimate before it, then the frames that settle an amount; with its score, cue score and the measured,
    share-of-a-whole and laid-rate readings."""
    text, res, fig, cs, ce, sent = story.text, story.res, d.fig, d.cs, d.ce, d.sent
    metric, mscore, cue_score = _cued_metric(story, d)
    was = metric
    metric, mscore = money_metric_of_count(fig.kind, fig.text, metric, mscore, text[cs:ce], fig.start - cs, res,
                                           score_metric)  # "Operating profit 629.0 mln": a scaled count is money
    if metric != was:  # its currency: the story's, as the wire line's "Net 5.0 mln dlrs vs" above it names
        d.metric_step, d.unit = "scaled_counts.money_of_count", story.money_unit
    was = metric
    metric = per_share_metric(fig.kind, metric, text, fig.end, res)  # "a financing at C$7 a share"
    d.metric_step = "scaled_counts.per_share" if metric != was else d.metric_step
    was = metric
    # "non-operating gains, which included six cts a share": a one-off item's amount per share, no price
    metric = one_off_per_share(fig.kind, metric, mscore, text, fig.end, text[sent.start:fig.start], res)
    d.metric_step = "scaled_counts.one_off" if metric != was else d.metric_step
    measured, share, rate = _measured_metric(story, d, mscore)
    if measured is not None:
        metric, mscore, cue_score = measured, 5.0, max(cue_score, 5.0)
    elif (sent.start, fig.unit) in story.previous_metric and estimate_of_before(
            res, text[sent.start:fig.start]):  # "to $3B, in line with the street estimate of $3B"
        metric, mscore, cue_score = story.previous_metric[(sent.start, fig.unit)], 5.0, max(cue_score, 5.0)
        d.metric_step = "frames.estimate_of_before"
    framed = _framed_metric(story, d, metric) if fig.kind == "money" else None
    if framed is not None:
        metric, mscore, cue_score = framed, 5.0, max(cue_score, 5.0)
        measured = measured if framed == "dividend" else None
        d.metric_step = "frames.money"
    elif measured is None and fig.kind == "percent" and portion_of(res, metric, text[fig.end:ce]):
        metric = "other"  # "make up 39.4 percent of the top jobs": a share of a whole, no move
        d.metric_step = "frames.portion_of"
    elif fig.kind == "money" and result_item(res, text[sent.start:fig.start]):
        metric, mscore = "other", 5.0  # "1986 net includes gain on bond portfolio of 1,160,000 dlrs": an item
        d.metric_step = "frames.result_item"
    elif fig.kind == "money" and (traded := traded_metric(res, metric, text[sent.start:sent.end], fig.start - sent.start,
                                                      fig.end - sent.start, bool(scaled_rx(res).search(fig.text)))):
        metric, mscore, cue_score = traded, 5.0, max(cue_score, 5.0)  # "sold 19,287 shares for $3,275,553"
        d.metric_step = "share_trades"
    return metric, mscore, cue_score, measured, share, rate


def _linked_metric(story: Story, d: Draft, metric: str, mscore: float, cue_score: float,
                   measured: str | None) -> tuple[str, float]:
    """The metric of the amount before it that the figure restates or changes (amount_links.py), or `other` for a
    gap to an estimate ("beats by $0.08"); noted on the story's trail for the figures after it."""
    text, fig, cs, sent, trail = story.text, d.fig, d.cs, d.sent, story.trail
    linked = None if fig.table_label or measured is not None else trail.restated(text, fig.kind, fig.start, sent.start) \
        or (trail.changed(text, fig.kind, fig.start, fig.end, sent.start) if mscore < 3.0 else None)
    difference = story.res.difference_before
    if difference is not None and difference.search(text, max(cs, fig.start - 60), fig.start):
        metric = linked = "other"  # "beats by $0.08": the gap to the estimate
        d.metric_step = "difference_before"
    elif linked:  # "601 million euros ($624 million)", "EBITDA of $47.9 million, a 4.4% growth" (amount_links.py)
        metric, cue_score = linked, max(cue_score, 5.0)
        d.metric_step = "amount_links"
    trail.note(fig.kind, fig.end, metric, sent.start, change=bool(linked))
    return metric, cue_score


def _subject_metric(story: Story, d: Draft, metric: str, measured: str | None) -> str:
    """The metric the subject's kind or the clause settles last: a word change in a sentence about shares is a
    price change; "Brent rose 1.8%" the commodity's price, not a stock's move (metric_by_subject_kind)."""
    text, res, fig, cs, ce, sent = story.text, story.res, d.fig, d.cs, d.ce, d.sent
    if fig.kind == "word_change" and measured is None and metric not in _CHANGE_METRICS \
            and _SHARE_WORDS.search(text[sent.start:sent.end]):
        metric, d.metric_step = "price_change", "word_change_shares"
    quoted = quoted_kind(d.best, res)
    if metric == "price_change" and quoted == "country" and measured is None and not _named_move(story, d) \
            and not _market_words(res).search(text, sent.start, sent.end):
        # "Completions of new homes fell 0.2 pct", "driving Canadian drilling activity up 12%": a country's series
        # moved by a move word alone, its sentence naming no stock market, is no share's or index's move
        metric, d.metric_step = "other", "country_moves"
    by_kind = res.metric_by_subject_kind.get(quoted)  # "gold" from a headline: a commodity
    if by_kind is not None and measured is None and fig.kind in by_kind[1] and metric in by_kind[2] and not (
            res.not_by_subject_kind is not None and res.not_by_subject_kind.search(text, cs, ce)):
        d.metric_step = "by_subject_kind" if by_kind[0] != metric else d.metric_step
        return by_kind[0]  # "a 25% tariff on steel" is no steel price
    if measured is None and not fig.table_label:
        clause_metric = metric_by_clause(metric, fig.kind, quoted, text, cs, ce, res, story.clause_words_seen)
        d.metric_step = "by_clause" if clause_metric != metric else d.metric_step
        return clause_metric
    return metric


@lru_cache(maxsize=4)
def _market_words(res: Resources) -> re.Pattern:
    """metric_frames.yaml `market_words`, or a Reuters instrument code in brackets ("(.FTNMX601010)", "(.COLCAP)")."""
    return re.compile(r"\b(?:" + listed(res.metric_frames["market_words"]) + r")\b|\(\.[A-Z][A-Z0-9]+\)", re.I)


def _measured_metric(story: Story, d: Draft, mscore: float) -> tuple[str | None, str | None, bool]:
    """The metric the noun the figure is tied to names ("customer numbers rose 18%", "a $600,000 promissory note"),
    which outweighs the clause's cues (it says what this figure counts, they what the clause is about); and the
    share-of-a-whole and laid-rate readings it comes from where it does."""
    text, res, fig, cs, ce, sent = story.text, story.res, d.fig, d.cs, d.ce, d.sent
    share = share_metric(res.measures, lower_text(text[fig.end:ce]), fig.kind) if res.measures is not None else None
    rate = res.measures is not None and laid_rate(res.measures, lower_text(text[fig.end:ce]))  # "a 10% tariff"
    measured = share or ("other" if rate else None) or (
        measured_noun(res.measures, lower_text(text[cs:fig.start]), lower_text(text[fig.end:ce]), fig.kind,
                      metric_kinds(res), lower_text(text[sent.start:cs])) if res.measures is not None else None)
    step = "measures.share" if share else "measures.rate" if rate else "measures.noun"
    if measured is None and res.measures is not None:
        measured, step = table_row_metric(res.measures, text, fig.start, fig.end), "measures.table_row"  # "| Amount | $131,067 |"
    if measured is None and (reader := _CLAUSE_READERS.get(fig.kind)) is not None:
        measured, step = reader[0](res, text[cs:fig.start], text[fig.end:ce]), reader[1]
    if measured is None:  # "| QUARTER ENDING | ESTIMATE | ACTUAL | BEAT, MET, MISSED |" over "| Dec. 31 2024 | [[0.22]] |"
        measured, step = surprise_metric(text, fig, res), "column_metrics.surprise"
    if measured is None:  # "| Name | Current Price | Fair Value (Est) |" over "| Initech | $8.45 | [[$17.27]] |"
        measured, step = column_metric(text, fig.start, fig.kind, mscore, res, score_metric), "column_metrics"
    if measured is None:  # "| EBITDA | [[-2,189]] | -1,703 |": a results table's row label
        measured, step = row_label_metric(text, fig, mscore, res, lambda s: _label_cues(story, s)), "row_labels"
    if measured is None and line_item(text, fig, res, lambda s: _label_cues(story, s)):  # "| Cost of sales | -41.2 |"
        measured, step = "other", "row_labels.line_item"
    if measured is None and (spaced := spaced_row_metric(text, fig, mscore, res, lambda s: _label_cues(story, s))):
        measured, step = spaced  # "Cost of sales       (21,008)        --" (spaced_rows.py)
    coordinated = story.coordinated
    if measured is None and coordinated is not None and coordinated[2] == fig.unit and coordinated[0] >= sent.start \
            and _coordinated(res).fullmatch(text, coordinated[0], fig.start):
        measured, step = coordinated[1], "coordinated"  # the second of two amounts of one noun
    if measured is not None:
        d.metric_step = step
    return measured, share, rate


def _label_cues(story: Story, label: str) -> list[tuple[str, int, int, float]]:
    """`find_cues` of a table row's label, once per label: the figures of one row share it."""
    key = ("row label", label)
    cues = story.cue_cache.get(key)
    if cues is None:
        cues = story.cue_cache[key] = find_cues(label, story.res)
    return cues


def _framed_metric(story: Story, d: Draft, metric: str) -> str | None:
    """The metric a frame around an amount of money settles (metric_frames.py); None where none does."""
    text, res, fig, sent = story.text, story.res, d.fig, d.sent
    before, after = text[sent.start:fig.start], text[fig.end:sent.end]
    if chart_level(res, fig.text, before, after):
        return "share_price"  # "Stop-Loss: Rs 230": a chart's price level
    if preferred_dividend(res, fig.text, after):
        return "dividend"  # "its 11 dlr cumulative preferred"
    if price_move(res, fig.text, metric, before, after):
        return "price_change"  # "Lai Sun gained 50 cents to 70.50 dlrs"
    if price_moved_to(res, fig.text, metric, before):
        return "share_price"  # "Lai Sun gained 50 cents to [[70.50 dlrs]]"
    return None


def _cued_metric(story: Story, d: Draft) -> tuple[str, float, float]:
    """(metric, score, cue score) from the cue words of the figure's clause and sentence."""
    text, res, fig, cs, ce, sent = story.text, story.res, d.fig, d.cs, d.ce, d.sent
    kind = fig.kind
    cue_cache = story.cue_cache
    # one pass of the cue patterns per clause and per sentence, shared by their figures
    cue_kinds = frozenset({kind, "percent"} if kind == "word_change" else {kind})
    # the clause is scanned on its own: in the sentence a longer cue that starts before the
    # clause ("divestment of ... shares, a transaction valued at") hides the clause's own
    for span in ((cs, ce), (sent.start, sent.end)):
        if (span, cue_kinds) not in cue_cache:
            cue_cache[(span, cue_kinds)] = _outside_names(find_cues(text[span[0]:span[1]], res, cue_kinds),
                                                          span[0], story.ents)
    own = fig.end - fig.start
    clause_cues = _own_conjunct(cue_cache[((cs, ce), cue_kinds)], text, cs, fig.end)
    sent_cues = _own_conjunct(cue_cache[((sent.start, sent.end), cue_kinds)], text, sent.start, fig.end)
    metric, mscore = score_cues(clause_cues, 0, ce - cs, fig.start - cs, kind, res, own)
    s_metric, s_score = score_cues(sent_cues, 0, sent.end - sent.start, fig.start - sent.start, kind, res, own)
    cue_score = s_score
    d.metric_step = "cues.clause" if mscore > 0 else "cues.none"
    if s_score * 0.6 > mscore:
        metric, mscore = s_metric, s_score * 0.6
        d.metric_step = "cues.sentence"
    prior_value = _PRIOR_VALUE.match(text[cs:fig.start])
    prior_key = (sent.start, fig.unit)
    previous_metric = story.previous_metric
    if prior_key not in previous_metric and fig.kind == "count" and scaled_rx(res).search(fig.text) \
            and (prior_value or _BASE_BEFORE.search(text, max(cs, fig.start - 60), fig.start)):
        # "rose to 16.8 billion dlrs in 1986 from 11.2 billion": a base written without its currency
        # restates the last amount of money before it in the sentence
        prior_key = (sent.start, _LAST_MONEY)
    if (mscore < 1.0 or prior_value) and prior_key in previous_metric:
        metric, mscore = previous_metric[prior_key], 1.0  # "better than Baidu's 7.7%"
        d.metric_step = "cues.previous_metric"
    if metric in res.metrics and res.metrics[metric].per_share and (scaled_rx(res).search(fig.text)
                                                                    or abs(fig.value) >= _NO_SHARE_AMOUNT):
        # "$1.97 billion", "$61,013,000, or $0.30 per diluted share" are no amount of one share: the best of the
        # other metrics the cues name
        per_share = {m for m, spec in res.metrics.items() if spec.per_share}
        metric, mscore = score_cues([c for c in clause_cues if c[0] not in per_share],
                                    0, ce - cs, fig.start - cs, kind, res, own)
        s_metric, s_score = score_cues([c for c in sent_cues if c[0] not in per_share], 0, sent.end - sent.start,
                                       fig.start - sent.start, kind, res, own)
        d.metric_step = "cues.not_per_share"
        if s_score * 0.6 > mscore:
            metric, mscore = s_metric, s_score * 0.6
        cue_score = s_score
    return metric, mscore, cue_score


def _own_conjunct(cues: list[tuple[str, int, int, float]], text: str, offset: int, fig_end: int) -> list:
    """The cues less those that open the conjunct after the figure ("Revenue was [[$2.58 billion]] and profit was
    $1.24 a share": `profit` is the next figure's); cues at `offset` in `text`."""
    out = []
    for c in cues:
        a = offset + c[1]
        if a >= fig_end and _NEXT_CONJUNCT.fullmatch(text, fig_end, a):
            continue
        out.append(c)
    return out
