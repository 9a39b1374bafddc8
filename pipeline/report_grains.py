"""The grain a results figure's sentence names with no date, and the reporting lengths a story may report.

"For the full year, adjusted EBITDA totaled $4 billion, with a margin of 36%": both figures are the whole fiscal
year of the story's report period, though the grain words stand before the figure's clause; "Operating cash flow was
$49.1 million for the quarter" in a story of a year is that year's last quarter. A story of "the nine months ended
Dec. 31, 2024" or "the 26 weeks ended Dec. 28, 2024" reports that span: its other results figures take it, not the
calendar's latest quarter (periods.yaml `full_year_words`, `quarter_grain_words`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from .records import Period
from .reporting_periods import fiscal_year_of
from .resources import Resources
from .word_patterns import listed

# the reporting lengths that are no quarter, half or fiscal year: a span of three to twelve months (or 13 to 53
# weeks) ending on a stated day ("the nine months ended", "the 26 weeks ended", "the first nine months")
_LENGTH_RULES = ("dates.ended.v1", "dates.length_to.v1", "dates.first_months.v1")
_LENGTH_DAYS = (85, 375)
# a named reporting length counts for half a quarter's or a fiscal year's naming: a third-quarter story names its
# nine months too, and its quarter stays the story's
LENGTH_WEIGHT = 0.5


@lru_cache(maxsize=4)
def _grain_rx(res: Resources) -> re.Pattern:
    p = res.periods
    return re.compile(r"\b(?:(?P<year>" + listed(p["full_year_words"], r"\s+") + r")|(?P<quarter>" + listed(
        p["quarter_grain_words"], r"\s+") + r"))\b", re.I)


def grain_named(text: str, start: int, fig: tuple[int, int], clause_end: int, res: Resources) -> str | None:
    """"year" or "quarter": the grain the figure's clause names after it ("$49.1 million for the quarter"), else the
    last grain words of its sentence before it ("For the full year, ...", "Free cash flow for the year was $4.5
    billion, representing a margin of 40%", "reiterated its full-year forecast for revenue ... to fall by 10% to
    15%"); None when none do. `clause_end` is where the figure's clause or the next figure begins."""
    rx = _grain_rx(res)
    found = rx.search(text, fig[1], max(fig[1], clause_end))
    if found is None:
        for found in rx.finditer(text, start, fig[0]):
            pass
    return None if found is None else "year" if found.group("year") else "quarter"


def reporting_length(p: Period) -> bool:
    """Whether `p` is a results span of a stated length that is no quarter, half or fiscal year."""
    return p.granularity == "range" and p.rule in _LENGTH_RULES and p.period_start is not None \
        and p.period_end is not None and _LENGTH_DAYS[0] <= (p.period_end - p.period_start).days <= _LENGTH_DAYS[1]


def last_quarter_of(base: Period, fy_end: int, ref: date | None) -> Period | None:
    """The last quarter of a year-long report period that has ended ("for the quarter" in a story of fiscal 2024);
    None when `base` is shorter or not yet over."""
    ps, pe = base.period_start, base.period_end
    if ps is None or pe is None or (pe - ps).days < 300 or (ref is not None and pe > ref):
        return None
    start = (pe.replace(day=1) - timedelta(days=1)).replace(day=1)
    start = (start - timedelta(days=1)).replace(day=1)
    fy = fiscal_year_of(pe, fy_end)
    label = f"{pe.year}-Q4" if pe.month == 12 else f"FY{fy}-Q4"
    return replace(base, text="", start=-1, end=-1, period_start=start, label=label,
                   granularity="quarter" if pe.month == 12 else "fiscal_quarter", rule="claims.last_quarter.v1",
                   relative_to_previous=False)
