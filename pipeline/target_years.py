"""A change aimed at a target year (called by `claim_dating.date_figure`).

A change its sentence sets "by", "until" or "through" a year still to come is growth over several years
(CLAIM_LABELING_GUIDE.md, decided while labeling: "double turnover by 2030" runs from the base year's start to the
target year's end), not the target year alone: "our goal of 50% reduction in GHG emissions by 2030", "plans to
double its turnover to Rs 20,000 crore by 2030", "textile export growth was limited to 0.5 pct each year until
1988". The base year is the one the sentence names as the baseline ("compared to the 2021 baseline", "from 2019
levels"), else the story's current (fiscal) year. A level the year is a deadline for ("to 15 per cent of India's
energy mix by 2030", "1 million customers by 2018") keeps the year. The stems that make a percent a change are
models/lexicons/periods.yaml `target_change_words`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .records import Figure, Period
from .reporting_periods import fiscal_year_of, fiscal_year_span
from .resources import Resources
from .word_patterns import longest_first

RULE = "claims.target_span.v1"
# the words before the year: "by 2030", "until 1991", "through fiscal 2027", "by the end of 2026"
_DEADLINE = re.compile(r"\b(?:by|until|till|through|thru)\s+(?:the\s+end\s+of\s+|end[- ](?:of\s+)?)?"
                       r"(?:(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?((?:19|20)\d\d)$", re.I)
# the baseline the sentence names: "compared to the 2021 baseline", "from 2019 levels", "versus a 2005 base"
_BASELINE = re.compile(r"\b((?:19|20)\d\d)\s+(?:baseline|base\s+year|base|levels?)\b", re.I)
# a level the deadline is for: "to 15 per cent", "at 20%"
_LEVEL_BEFORE = re.compile(r"(?<!\bup )\b(?:to|at|reach|hit|top)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)
_AFTER_SKIP = re.compile(r"\s*(?:(?:annual(?:ized)?|yearly|per\s+cent|percent|pct)\s+)?", re.I)
_CHANGE_KINDS = ("percent", "pp", "word_change")
_REACH = 40  # characters before the figure, or after it, where its change word stands


@lru_cache(maxsize=4)
def _change_words(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + longest_first(str(w).lower() for w in res.periods["target_change_words"]) + r")\w*", re.I)


def _a_change(fig: Figure, text: str, cs: int, res: Resources) -> bool:
    """Whether the figure is a change: a word change ("double"), or a percent a change word stands beside in its
    clause ("50% reduction", "cut costs by 20%", "growth of 3%"), not a level it reaches ("to 15 per cent")."""
    if fig.kind == "word_change":
        return True
    if fig.kind not in _CHANGE_KINDS:
        return False
    before = text[max(cs, fig.start - _REACH):fig.start]
    if _LEVEL_BEFORE.search(before):
        return False
    rx = _change_words(res)
    after = text[fig.end:fig.end + _REACH]
    return bool(rx.search(before) or rx.match(after, _AFTER_SKIP.match(after).end()))


def target_span(period: Period | None, fig: Figure, text: str, clause: tuple[int, int], sentence: tuple[int, int],
                ref: date | None, fy_end: int, res: Resources) -> Period | None:
    """From the base year's start to the target year's end for a change set by a year still to come; the period
    unchanged otherwise. The deadline stands in the figure's clause, the baseline anywhere in its sentence."""
    (cs, ce), (ss, se) = clause, sentence
    if period is None or ref is None or period.start < cs or period.end > ce:
        return period
    m = _DEADLINE.search(text, max(cs, period.start - 40), period.end)
    if m is None or m.end() != period.end or not _a_change(fig, text, cs, res):
        return period
    year = int(m.group(1))
    if year <= ref.year:  # a deadline past or this year: the year as read
        return period
    months = fy_end  # the story's calendar: "by 2030" in an Indian company's story ends in March 2030
    _, end = fiscal_year_span(year, months)
    base = _BASELINE.search(text, ss, se)
    if base is not None and int(base.group(1)) <= ref.year:
        start, _ = fiscal_year_span(int(base.group(1)), months)
    else:
        start, _ = fiscal_year_span(fiscal_year_of(ref, months), months)
    if end <= start:
        return period
    return replace(period, period_start=start, period_end=end, label=f"{start.isoformat()}..{end.isoformat()}",
                   granularity="multi_year", rule=RULE)
