"""A forecast's period named without its year (called by `claim_dating._text_period`).

The calendar reads a month, a day, a quarter or a week named with no year as its latest instance begun by the
published day, which is right for what happened. A forecast or an estimate of one is about the coming instance
(CLAIM_LABELING_GUIDE.md 6: a forecast takes the period it is about): "the 75 ct preferred dividend will be paid May
one" in March 1987, "about 1.5 million barrels per day of capacity offline in the week ending Feb. 14" on Feb. 10,
2025, "a 7% increase in the third quarter, analysts predict" in June 2020. One whose latest instance ended within half
a year stays (the consensus for "Q4" in February is the quarter just ended, not yet reported); so does one written with
its year or with a word that places it ("last June"; periods.yaml `last`, `next`, `this`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .records import Period
from .reporting_periods import shift_period
from .resources import Resources
from .word_patterns import listed

# the calendar's rules for a period named by its name alone, read as its latest instance begun
_NAMED_RULES = ("dates.quarter.v1", "dates.fiscal_quarter.v1", "dates.quarter_month.v1", "dates.length_to.v1",
                "dates.part.v1")
_NAMED_SPANS = ("day", "month", "season")  # the calendar's spans, "dates.{grain}.v2"
_YEAR_WRITTEN = re.compile(r"\d{4}|'\d\d\b|\b[A-Z]{1,2}\d{2}\b")
_AHEAD = ("forecast", "estimate")
# a forecast or an estimate may be of a quarter ended up to half a year before: a report not yet out, a late one, a
# fiscal quarter the calendar reads as the calendar's ("expected to report $0.38 for 3Q" in February from a company
# whose year ends in March)
_LAG_DAYS = 183


@lru_cache(maxsize=4)
def _placed(res: Resources) -> re.Pattern:
    words = [*res.periods["last"], *res.periods["next"], *res.periods["this"]]
    return re.compile(r"\b(?:" + listed(words, r"\s+") + r")\b", re.I)


def coming_period(p: Period | None, modality: str, ref: date | None, res: Resources) -> Period | None:
    """The coming instance of a period named without its year where the figure is a forecast or an estimate and the
    latest instance ended longer ago than the report lag; else `p`."""
    if p is None or ref is None or modality not in _AHEAD or p.start < 0 or not (
            p.rule in _NAMED_RULES or p.granularity in _NAMED_SPANS and p.rule == f"dates.{p.granularity}.v2") \
            or p.period_end is None or _YEAR_WRITTEN.search(p.text) or _placed(res).search(p.text):
        return p
    if (ref - p.period_end).days <= _LAG_DAYS:
        return p
    coming = shift_period(p, 12)
    if coming is None or coming.period_end is None or coming.period_end < ref:
        return p
    return replace(coming, text=p.text, start=p.start, end=p.end, rule=p.rule + "+coming")
