""""That year" names the year the text named just before it (called by `dates.find_periods`).

"A similar phenomenon occurred in 1997 amid an outbreak of avian influenza. That year, the S&P 500 rose 31%.": the
figure is 1997's (CLAIM_LABELING_GUIDE.md 6: the period the figure is about). The year is the last calendar year
written as such before it, within a few sentences; with none, "that year" names no period.
"""
from __future__ import annotations

import re

from .records import Period

RULE = "dates.that_year.v1"
THAT_YEAR_REACH = 400  # how far back the year it points to may stand
_THAT_YEAR = re.compile(r"\bthat\s+year\b(?![-\w'’])", re.I)


def points_back(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says "that year", so the sentences before it are read with it."""
    return _THAT_YEAR.search(text, start, end) is not None


def that_years(text: str, periods: list[Period]) -> list[Period]:
    """`periods` (in text order) with each "that year" added as the last year named within reach before it."""
    found = list(periods)
    for m in _THAT_YEAR.finditer(text):
        if any(p.start <= m.start() < p.end for p in periods):
            continue
        years = [p for p in periods if p.end <= m.start() and m.start() - p.end <= THAT_YEAR_REACH and p.granularity == "year"
                 and p.period_start is not None and not p.relative_to_previous]
        if years:
            y = years[-1]
            found.append(Period(m.group(), m.start(), m.end(), y.period_start, y.period_end, y.label, "year", RULE))
    return sorted(found, key=lambda p: p.start) if len(found) != len(periods) else periods
