"""A level stated at a period's end is a point on its last day (called by `claim_dating._text_period`).

CLAIM_LABELING_GUIDE.md 6, points: the day the value holds, "at the end of the quarter" is the quarter's last day.
The calendar reads "the end of 2024" as its last months and "year-end 2024" as the year; for a level ("cash of
$850,000 at the end of 2024", "€5.9 million at end June 2024", "net leverage decreased to 2.2x by year-end 2024",
"the tender pipeline grew to about NOK 86 billion at year end") the period is that one day. "At year-end" with no
year written is the story's fiscal year end: the latest one ended for an actual figure, the next for a forecast.
A level is a point metric's figure, or a figure of no named metric written as a level (a word of
periods.yaml `end_level_words` right before it: "to", "at", "reach", "of"); a move ("up 8.1% at end-2024",
"gained 26% since the end of November") keeps its span, and so does a flow ("$29 billion in sales by the end of the
decade") or an event ("a bond issue at the end of 1986").
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .date_math import month_end
from .records import Figure, Period
from .resources import Resources
from .word_patterns import longest_first

_RULE = "claims.period_end_day.v1"
_REACH = 60  # characters between the figure and the end phrase after it
# the end phrase right before a period the calendar read ("at the end of 2024", "end-2024", "year-end 2024", "end
# June 2024", "at the close of December 2024", "by the end of the year"); "weekend" and "end-to-end" are none
_END_BEFORE = re.compile(r"(?:\b(?:end|close)\s+of\s+(?:the\s+|fiscal\s+)?|(?<![\w-])end[- ]|\byear[- ]end\s+)$", re.I)
# "at year-end" with no year after it
_YEAR_END = re.compile(r"\b(?:at|by)\s+(?:the\s+)?year[- ]?end\b(?!\s*(?:of\s+)?(?:fiscal\s+)?'?\d)", re.I)
# "at the end of the quarter", "at quarter-end": the report period's end, which the story sets (claim_dating)
_REPORT_END = re.compile(r"\b(?:at|by|as\s+of)\s+(?:the\s+)?"
                         r"(?:end\s+of\s+the\s+(?:quarter|reporting\s+period)|quarter[- ]?end)\b", re.I)
_SINCE = re.compile(r"\b(?:since|until|till|before|after)\s+(?:the\s+)?$", re.I)
_AHEAD = ("forecast", "target", "estimate")
_PAST = ("actual", "historical")
_BY = re.compile(r"\bby\b", re.I)
_NAMED = re.compile(r"\d|\b(?:this|next|current|coming)\b", re.I)  # a year the words name, not the one just ended
# a base of comparison ("fell to 299 mln dlrs at year end from 430 mln dlrs") takes only an end phrase written after
# it ("from 430 mln dlrs at year end 1985"); an average ("averaging 51.2 billion over the month") is no level
_BASE = re.compile(r"\b(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:\w+\s+)?[^\w\s]{0,3}\s*$", re.I)
_AVERAGE = re.compile(r"\baverag\w*\s+(?:\w+\s+)?[^\w\s]{0,3}\s*$", re.I)


@lru_cache(maxsize=16)
def _words_before(res: Resources, words_key: str, link: str, hedges_key: str, tail: str) -> re.Pattern:
    """periods.yaml's `words_key` words right before a figure: "<word> <link><hedge> <tail>$"."""
    words = longest_first(res.periods[words_key], space=r"\s+")
    hedges = longest_first(res.periods[hedges_key], space=r"\s+")
    return re.compile(r"\b(?:" + words + r")\s+" + link + r"(?:(?:" + hedges + r")\s+)?" + tail + r"$", re.I)


def _level_before(res: Resources) -> re.Pattern:
    return _words_before(res, "end_level_words", "", "end_level_hedges", r"(?:[a-z]{0,3}[^\w\s]{0,2}\s*)")


def _level(fig: Figure, text: str, cs: int, metric: str, res: Resources) -> bool:
    """Whether the figure is a level: a point metric's, or one no metric names written after a level word."""
    if fig.kind == "word_change":  # "plans to double its data centers from 30 at the end of 2024"
        return False
    spec = res.metrics.get(metric)
    if spec is not None:
        return spec.timing == "point"
    return bool(_level_before(res).search(text, max(cs, fig.start - 40), fig.start))


def _change_before(res: Resources) -> re.Pattern:
    return _words_before(res, "change_words", r"(?:by\s+)?", "to_level_hedges", r"[^\w\s]{0,3}\s*")


def _stated_level(fig: Figure, text: str, cs: int, metric: str, res: Resources) -> bool:
    """A level, not a move ("up 8.1%", "gained 26%", "increased by $3.9 million" right before it) nor an average."""
    return _level(fig, text, cs, metric, res) and not _change_before(res).search(text, max(cs, fig.start - 30), fig.start) \
        and not _AVERAGE.search(text, max(cs, fig.start - 30), fig.start)


def _ends(p: Period, text: str, cs: int) -> bool:
    """Whether the period is written as its end: the end phrase in its words or right before them."""
    if p.start < 0 or p.period_end is None or p.granularity == "day" or p.relative_to_previous:
        return False
    lo = max(cs, p.start - 25)
    head = text[lo:p.start]
    inner = re.match(r"(?:(?:at|by|as\s+of)\s+)?(?:the\s+)?(?:end|close)\s+of\b", p.text, re.I)
    if inner is not None:
        return not _SINCE.search(head)
    m = _END_BEFORE.search(head)
    return m is not None and not _SINCE.search(head, 0, m.start())


def _last_ended(day: date, ref: date) -> date:
    """`day` moved back by whole years to the last one on or before `ref`."""
    while day > ref:
        day = month_end(day.year - 1, day.month)
    return day


def _fiscal_year_end(ref: date, fy_end: int, ahead: bool) -> date:
    end = month_end(ref.year, fy_end)
    if ahead:
        return end if end >= ref else month_end(ref.year + 1, fy_end)
    return end if end < ref else month_end(ref.year - 1, fy_end)


def end_day(period: Period | None, fig: Figure, text: str, cs: int, ce: int, metric: str, modality: str,
            ref: date | None, fy_end: int, res: Resources) -> Period | None:
    """The last day of the period a level is stated at the end of; else `period` as it was."""
    if not _stated_level(fig, text, cs, metric, res):
        return period
    base = bool(_BASE.search(text, max(cs, fig.start - 30), fig.start))
    if period is not None:
        # "valued at $6.02 billion at the end of the quarter" after "in the first three months of the year"
        after = (fig.end, min(ce, fig.end + _REACH))
        quarter_end = period.period_end is not None and period.granularity != "day" and (
            _REPORT_END.search(text, *after) is not None  # "in the first three months ... at the end of the quarter"
            or period.granularity in ("year", "fiscal_year") and _YEAR_END.search(text, *after) is not None)
        if not quarter_end and (not _ends(period, text, cs) or base and period.start < fig.end):
            return period
        day = period.period_end
        if ref is not None and day > ref and modality in _PAST and not _NAMED.search(period.text) \
                and not _BY.search(text, max(cs, period.start - 4), period.start + 3):  # "by the end of the year"
            day = _last_ended(day, ref)  # "stood at 13.6% at the end of the year" in February: the year just ended
        return _on_day(period.text, period.start, period.end, day)
    if ref is None:
        return None
    m = _YEAR_END.search(text, fig.end, min(ce, fig.end + _REACH)) or (
        None if base else _YEAR_END.search(text, cs, fig.start))
    if m is None:
        return None
    day = _fiscal_year_end(ref, fy_end, modality in _AHEAD)
    return _on_day(m.group(0), m.start(), m.end(), day)


def _on_day(text: str, start: int, end: int, day: date) -> Period:
    return Period(text, start, end, day, day, day.isoformat(), "day", _RULE)


def at_report_end(fig: Figure, text: str, cs: int, ce: int, metric: str, res: Resources) -> bool:
    """Whether a level is stated "at the end of the quarter" (or "at quarter-end") with no quarter named: its day is
    the last of the story's report period."""
    if not _stated_level(fig, text, cs, metric, res):
        return False
    if _REPORT_END.search(text, fig.end, min(ce, fig.end + _REACH)):
        return True
    return not _BASE.search(text, max(cs, fig.start - 30), fig.start) and bool(_REPORT_END.search(text, cs, fig.start))


def report_end_day(period: Period | None) -> Period | None:
    """The last day of the report period a level "at the end of the quarter" takes."""
    if period is None or period.period_end is None:
        return period
    return _on_day(period.text, period.start, period.end, period.period_end)
