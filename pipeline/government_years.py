"""A government's fiscal year (called by `claim_dating.date_figure`).

A budget, a deficit or an appropriation "for fiscal 2021" or "for the 1988 financial year" is the
government's year, not a company's: the U.S. federal fiscal year runs October to September, so "fiscal
2021" is October 2020 - September 2021. The month each government's year ends is listed by the currency its
figures are in (models/lexicons/periods.yaml `government_fiscal_year_end_by_currency`), and the words that
make a sentence a government's budget story are listed there too (`government_budget_words`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .records import Period
from .reporting_periods import fiscal_year_span
from .resources import Resources
from .word_patterns import whole_words

RULE = "claims.government_year.v1"
# the period's words, or those right beside them, say a fiscal year ("fiscal 2021", "the 1988 financial year",
# "FY2021", "budget year 1988")
_FISCAL_WORDS = re.compile(r"\b(?:fiscal|financial|budget)\b|\bFY\s?'?\d", re.I)
_BEFORE = re.compile(r"\b(?:fiscal|budget|financial)(?:\s+year)?\s+$", re.I)
_AFTER = re.compile(r"^\s+(?:fiscal|budget|financial)\s+year\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=4)
def _budget_words(res: Resources) -> re.Pattern | None:
    return whole_words(res.periods.get("government_budget_words") or ())


def government_year(period: Period | None, text: str, cs: int, ce: int, unit: str, res: Resources) -> Period | None:
    """The government's fiscal year for a whole fiscal year the figure's sentence (`text[cs:ce]`) names in a
    government's budget words; the period unchanged otherwise (a split year "1987/88", a quarter, a company's
    year)."""
    if period is None or period.start < 0 or period.period_end is None or "/" in period.text \
            or text[period.end:period.end + 1] == "/" or period.granularity not in ("year", "fiscal_year"):
        return period
    if not (_FISCAL_WORDS.search(period.text) or _BEFORE.search(text, max(0, period.start - 20), period.start)
            or _AFTER.match(text[period.end:period.end + 20])):
        return period
    sentence = text[cs:ce]
    month = (res.periods.get("government_fiscal_year_end_by_currency") or {}).get(unit)
    rx = _budget_words(res)
    years = _YEAR.findall(period.text)
    if not month or rx is None or not rx.search(sentence) or len(years) != 1:
        return period
    fy = int(years[0])
    ps, pe = fiscal_year_span(fy, int(month))
    if (ps, pe) == (period.period_start, period.period_end):
        return period
    return replace(period, period_start=ps, period_end=pe, label=f"FY{fy}", granularity="fiscal_year", rule=RULE)
