"""The metric a pipe table's row label names for the figures in that row (rule `claims.row_label_metric.v1`).

A results release sets its key figures out in a pipe table whose first cell names each row and whose other cells are
the periods' values and their changes ("| EBITDA | -2,189 | -1,703 | 28.5 % |", "| Net sales | 56.8 | 59.7 | -4.8% |").
The cells are bare numbers or percents with no words of their own, so the cues left them `other`, though a figure in
a result table's row gets the row's metric (CLAIM_LABELING_GUIDE.md; METRIC_LABELING_GUIDE.md, rule 2).

The label decides only where its head, its words up to its first comma, slash or footnote mark, less those in
brackets and the qualifiers that open or close it ("Adjusted EBITDA 1)", "Diluted EPS adj.1)2)"), is one metric cue whole
(models/lexicons/metrics.yaml, weight 4 or more): a statement's line items ("Cost of sales", "Income tax
receivables", "Gross profit", "U.S. Pipe Distribution") hold a cue among other words and name no metric.
A bare number is an amount only in a table whose header opens with a currency ("| EUR million |"), and a percent
in a row of a level ("Net sales") is its change (metrics.yaml `growth_of`). A label that is a ratio ("Equity ratio,
%", "Net debt / LTM adjusted EBITDA") names no metric of its cells (metric_frames.yaml `row_label_ratios`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .column_metrics import STRONG_CUE, header_cell

RULE = "claims.row_label_metric.v1"
_CAPTIONED = ("figures.table.caption.v1", "figures.table.label.v1")  # table_cells' amounts by a caption or label
_CHANGE_KINDS = ("percent", "pp")
_RESULT = ("profit", "loss")  # a row of either ("Net income/(loss)"): its figure's sign says which
_MONEY_HEAD = re.compile(r"[$€£¥]|\b[A-Z]{3}\b")  # "EUR million", "EUR 1,000", "$ thousands"
_HEAD_END = re.compile(r"[(,/:;*\\[]|\d\)|\s[-–]\s")  # where a label's head ends
_BRACKETED = re.compile(r"\([^()]*\)")  # "(loss)", "(EBIT)": words set aside; those after them stay ("from operations")
# a number of a row's cell, and its percent sign if any ("1,413", "$ 58.3", "(21,008)", "23.3 | %", "(5.5)%")
_NUMBER_CELL = re.compile(r"(?<![\w.,])[-–+]?\(?\d[\d,]*(?:\.\d+)?\)?[ \t]*(\|?[ \t]*%)?")
_MARK = re.compile(r"^[\d¹²³⁴⁵⁶⁷⁸⁹⁰)*.\s]+$")  # a footnote mark closing the head: "EBITDA 1", "EBIT²"


@lru_cache(maxsize=4)
def label_words(res) -> tuple[frozenset[str], re.Pattern]:
    frames = res.metric_frames
    ratios = "|".join(re.escape(w) if w.strip() != w else rf"\b{re.escape(w)}\b" for w in frames["row_label_ratios"])
    return frozenset(w.lower() for w in frames["row_label_qualifiers"]), re.compile(ratios, re.I)


def row_label(text: str, fig_start: int) -> tuple[str, int] | None:
    """The first cell of the pipe table row the figure sits in and its offset, when the figure is in a later cell;
    else None.

    >>> t = "| EBITDA | -2,189 | -1,703 | 28.5 % |"
    >>> row_label(t, t.index("-2,189"))
    ('EBITDA', 2)
    """
    ls = text.rfind("\n", 0, fig_start) + 1
    bar = text.find("|", ls, fig_start)
    if bar < 0 or text[ls:bar].strip():
        return None
    end = text.find("|", bar + 1, fig_start)
    if end < 0:
        return None
    label = text[bar + 1:end].strip().strip("*").strip()
    return (label, text.index(label, bar + 1, end)) if label else None


def label_head(label: str, qualifiers: frozenset[str], opening: bool = True) -> str:
    """The words that name a row: the label lower-cased without its bracketed words, up to its first comma, slash,
    open bracket or footnote mark, less the qualifiers that close it and, with `opening`, those that open it.

    >>> q = frozenset({"adjusted", "adj.", "diluted", "total"})
    >>> label_head("Adjusted EBITDA 1)", q), label_head("Diluted EPS adj.1)2)", q), label_head("Net income/(loss)", q)
    ('ebitda', 'eps', 'net income')
    >>> label_head("Cost of sales", q), label_head("Income (loss) from operations", q)
    ('cost of sales', 'income from operations')
    """
    head = _HEAD_END.split(_BRACKETED.sub(" ", label.lower()), 1)[0]
    words = head.split()
    while words and (words[-1] in qualifiers or _MARK.match(words[-1])):
        words.pop()
    while opening and words and words[0] in qualifiers:
        words.pop(0)
    return " ".join(words)


def money_table(text: str, label_start: int, res) -> bool:
    """Whether the table's header row opens with a currency ("| EUR million | 10–12/2024 | ..."): its bare cells
    are amounts of money.

    >>> t = "| EUR million | Q4 |\\n| --- | --- |\\n| EBITDA | 2.8 |"
    >>> money_table(t, t.index("EBITDA"), None)
    True
    >>> t = "| U.S. Demand (bcfd) | Week |\\n| --- | --- |\\n| U.S. Pipe Distribution | 2.7 |"
    >>> money_table(t, t.index("U.S. Pipe"), None)
    False
    """
    head = header_cell(text, label_start)
    if head is None:
        return False
    for m in _MONEY_HEAD.finditer(head):
        if len(m.group()) == 1 or res is None or m.group() in res.currencies:
            return True
    return False


def row_label_metric(text: str, fig, score_now: float, res, find: Callable[[str], list],
                     found: tuple[str, int] | None = None) -> str | None:
    """The metric the figure's row label names whole, when it outweighs the figure's own cues (`score_now`); else
    None. fig (Figure): the figure. find: `claim_metrics.find_cues` over a text (passed in: no import of the claims
    stage). found: the row's label and its offset, when not a pipe table's (spaced_rows.py)."""
    found = found or row_label(text, fig.start)
    if found is None or "%" in found[0]:
        return None
    label, start = found
    qualifiers, ratios = label_words(res)
    if ratios.search(label):
        return None
    whole = {}  # metric -> weight of its cues that span the head ("net interest income" as written, "net sales" as "sales")
    for head in {label_head(label, qualifiers, False), label_head(label, qualifiers)}:
        for metric, a, b, w in find(head):
            if a == 0 and b == len(head) and w >= STRONG_CUE:
                whole[metric] = max(w, whole.get(metric, 0.0))
    if not whole:
        return None
    kind = fig.kind
    fits = {m: w for m, w in whole.items() if kind in res.metrics[m].kinds}
    if not fits and (kind in _CHANGE_KINDS or not fig.unit) and (
            money_table(text, start, res) or (kind in _CHANGE_KINDS and _change_cell(text, start + len(label), fig.start, res))):
        fits = {m: w for m, w in whole.items() if "money" in res.metrics[m].kinds}  # a bare cell: an amount
        change = kind in _CHANGE_KINDS
    else:
        change = False
    if not fits:
        return None
    metric = max(fits, key=lambda m: (fits[m], m))
    if metric in _RESULT and any(m in _RESULT and m != metric for m, *_ in find(label.lower())):
        # "Net income/(loss)"; a cell in brackets the figure left out of its span, "($2,633)", is below zero too
        negative = fig.value < 0 or (text[fig.start - 1:fig.start] == "(" and text[fig.end:fig.end + 1] == ")")
        metric = "loss" if negative and not change else "profit"
    if fits.get(metric, max(fits.values())) <= score_now:
        return None
    return res.growth_of.get(metric, metric) if change else metric


def _change_cell(text: str, label_end: int, fig_start: int, res) -> bool:
    """Whether a percent cell follows two amounts in its row, its column's header naming no part of a whole: the
    row's levels and their change ("Net debt    1,413    1,312    8%", "| Net profit | 1,148.5 | 1,166.4 | +1.6% |");
    not "| Adjusted EBITDA | 17.2 | 25.3% |" under "% of sales" or "Margin" (a ratio to another row).

    >>> t = "| Net profit | 1,148.5 | 1,166.4 | +1.6% |"
    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> _change_cell(t, 12, t.index("+1.6%"), R), _change_cell(t, 12, t.index("1,166.4"), R)
    (True, False)
    """
    cells = [m.group(1) for m in _NUMBER_CELL.finditer(text, label_end, fig_start)]
    if len(cells) < 2 or any(cells[-2:]):
        return False  # two amounts, then their change: not "| $ | 373,723 | 100.0 | % | $ | 303,152 | [[100.0]] | %"
    head = header_cell(text, fig_start)
    return head is None or not _part_heads(res).search(head)


@lru_cache(maxsize=4)
def _part_heads(res) -> re.Pattern:
    """metric_frames.yaml `change_column_part_heads`: a column header over parts of a whole, no change."""
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in res.metric_frames["change_column_part_heads"]),
                      re.I)


def line_item(text: str, fig, res, find: Callable[[str], list]) -> bool:
    """Whether a cell a table's caption made an amount ("| EUR million |" over "| Cost of sales | -41.2 |") sits in a
    statement's line item: a row whose label's head holds a metric cue among other words, no cue spanning it whole;
    its words name no metric of the cell, as for a bare cell, nor do a ratio's (issue 15, s20)."""
    if fig.rule not in _CAPTIONED:
        return False
    found = row_label(text, fig.start)
    if found is None:
        return False
    if label_words(res)[1].search(found[0]):
        return True  # a ratio ("Net debt / adjusted EBITDA") names neither
    qualifiers = label_words(res)[0]
    heads = {label_head(found[0], qualifiers, False), label_head(found[0], qualifiers)}
    cues = [(h, a, b, w) for h in heads for _, a, b, w in find(h)]
    return bool(cues) and not any(a == 0 and b == len(h) and w >= STRONG_CUE for h, a, b, w in cues)
