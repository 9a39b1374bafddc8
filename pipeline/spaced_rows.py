"""The metric a plain-text table's row label names for its cells (rule `claims.row_label_metric.v1`, as row_labels.py).

A wire release often sets its statements out in columns of spaces, not pipes: "Cost of sales       (21,008)    --
(21,008)", "Net income (loss)      $    791,916   $   (445,684)". The cues read each word of such a line as the
figure's: "sales" of "Cost of sales" as revenue, the "net" of "Property, plant and equipment, net" or the "income" of
"Deferred income tax liabilities" as profit (session 21: about 40% of such rows' metrics were wrong on 600 dump
articles). A row here is a line that opens with its label, words with single spaces, then two spaces or more and at
least two cells of numbers alone. Its label decides as a pipe table's does (row_labels.py): a head that is one metric
cue whole names the cells' metric; a cue anywhere else in the label makes the row a statement's line item, `other`.
A label a release wrapped onto the lines above its row is read whole ("Cash and cash\nequivalents", "Funds from
operations/unit\n - basic": the row's words alone named nothing or the wrong thing, "income" of "Operating\nincome");
a label with no cue leaves the figure to the cues.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .column_metrics import STRONG_CUE
from .row_labels import label_head, label_words, row_label_metric
from .word_patterns import listed

_ROW = re.compile(r"[ \t]*(?P<label>(?:[-–] )?[A-Za-z](?:[^\d|\s]| (?! ))*)[ \t]{2,}"
                  r"(?P<cells>(?:[$€£¥][ \t]+)?[-–—$€£¥()%,.\d]*\d[-–—$€£¥()%,.\d]*(?:[ \t]+[-–—$€£¥()%,.\d]+)+)[ \t]*")
# a line of a label's words alone, single-spaced: the head of a label wrapped onto the row ("Funds from
# operations/unit\n - basic    $ 0.334", "Net cash provided by\n operating\n activities   $ 108,754")
_HEAD_LINE = re.compile(r"[ \t]*(?P<words>[A-Za-z](?:[^\d|\s]| (?! ))*?)[ \t]*")
_WRAPPED_LINES = 3  # the most lines a wrapped label's head takes above its row


def spaced_label(text: str, fig_start: int) -> tuple[str, int] | None:
    """The label of the plain-text table row the figure is a cell of, and its offset; else None.

    >>> t = "Cost of sales       (21,008)        --       (21,008)"
    >>> spaced_label(t, t.index("(21,008)"))
    ('Cost of sales', 0)
    """
    ls = text.rfind("\n", 0, fig_start) + 1
    le = text.find("\n", fig_start)
    m = _ROW.fullmatch(text, ls, len(text) if le < 0 else le)
    if m is None or fig_start < m.start("cells"):
        return None
    return _unwrapped(text, ls, m.group("label").strip(), m.start("label"))


def _unwrapped(text: str, ls: int, label: str, start: int) -> tuple[str, int] | None:
    """The row's label with the head a release wrapped onto the lines above it: a row's label that opens in lower
    case or with a dash continues the words-only line above it ("Cash and cash\nequivalents"); None for a dash
    with no head (a list's line)."""
    for _ in range(_WRAPPED_LINES):
        if not (label[:1].islower() or label[:1] in "-–") or ls == 0:
            break
        above = text.rfind("\n", 0, ls - 1) + 1
        head = _HEAD_LINE.fullmatch(text, above, ls - 1)
        if head is None:
            break
        label, start, ls = f"{head.group('words')} {label}", head.start("words"), above
    return None if label[:1] in "-–" else (label, start)


def spaced_row_metric(text: str, fig, score_now: float, res, find: Callable[[str], list]) -> tuple[str, str] | None:
    """(metric, step) a plain-text row's label gives the figure: the metric its head names whole
    (`row_labels.row_label_metric`), or `other` for a line item; None where the label names nothing.
    fig (Figure): the figure; find: `claim_metrics.find_cues` over a text."""
    found = spaced_label(text, fig.start)
    if found is None:
        return None
    found = (_untailed(found[0], res), found[1])  # "Net loss on a GAAP basis", "Cash at end of period"
    if _counts(res).match(found[0]):
        return "other", "row_labels.spaced_item"  # "Weighted-average shares used to compute net income per share"
    metric = row_label_metric(text, fig, score_now, res, find, found)
    if metric is not None:
        return metric, "row_labels.spaced"
    label = found[0]
    qualifiers, ratios = label_words(res)
    heads = {label_head(label, qualifiers, False), label_head(label, qualifiers)}
    if any(a == 0 and b == len(h) and w >= STRONG_CUE for h in heads for _, a, b, w in find(h)):
        return None  # the head names a metric the figure's kind does not take: the cues decide
    if ratios.search(label):
        return "other", "row_labels.spaced_item"
    cues = find(label.lower())
    if not cues or _not_item(label.lower(), heads, cues, res):
        return None
    return "other", "row_labels.spaced_item"


@lru_cache(maxsize=4)
def _tails(res) -> re.Pattern:
    tails = listed(res.metric_frames["spaced_label_tails"], space=r"\s+")
    return re.compile(rf"\s+(?:{tails})\b.*$", re.I)


@lru_cache(maxsize=4)
def _counts(res) -> re.Pattern:
    """A label that counts shares (metric_frames.yaml `spaced_count_labels`): its "net income per share" names what
    the count is used for, not its cells' metric."""
    counts = listed(res.metric_frames["spaced_count_labels"], space=r"[-\s]+")
    return re.compile(rf"(?:{counts})\b", re.I)


def _untailed(label: str, res) -> str:
    """The label less a closing phrase that says when or on what basis, not what (metric_frames.yaml
    `spaced_label_tails`): "Net loss on a GAAP basis" is the net loss, "Cash at end of period" the cash."""
    return _tails(res).sub("", label) or label


@lru_cache(maxsize=4)
def _exceptions(res) -> tuple[re.Pattern, frozenset[str]]:
    frames = res.metric_frames
    # \b, not word_patterns.whole_words (no hyphen beside): "per share- basic", "per share-data" are per share
    per = re.compile(rf"\b(?:{listed(frames['spaced_per_words'])})\b", re.I)
    return per, frozenset(frames["spaced_part_metrics"])


def _not_item(label: str, heads: set[str], cues: list, res) -> bool:
    """Whether a label that holds a cue among other words still names no line item: an amount per share ("Cash
    distribution per Unit"), or a part of a metric whose cue ends the head with no "of" before it ("Subscription
    Revenue"; metric_frames.yaml `spaced_per_words`, `spaced_part_metrics`)."""
    per, parts = _exceptions(res)
    if per.search(label):
        return True
    for head in heads:
        for metric, a, b, _ in cues:
            if metric in parts and label.startswith(head) and b == len(head) and not head[:a].rstrip().endswith(" of"):
                return True
    return False
