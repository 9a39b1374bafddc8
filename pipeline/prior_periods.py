"""A results figure set against the year-ago (or prior quarter's) figure with nothing in its sentence to count back from.

"EPS of $0.34, up from $0.26 in the previous year", "a loss per share of $0.22 in the prior year period", "up from
6 million euros in year-ago period" in a story of a quarter: the words name the story's report period a year back,
not the calendar year before the published day, which is what `reporting_periods` makes of "the previous year" when
no period is written before it in the sentence. Such a figure is dated back from the report period instead, as
"a year earlier" is (`claim_periods.months_back`). Words before the figure ("In the previous year, adjusted EPS
gained 9.5%") are the year's own and stay.
"""
from __future__ import annotations

from .records import Figure, Period

_BACK_MONTHS = {"year": 12, "quarter": 3}  # "the previous month" of a quarter's story is no quarter back


def unanchored_back(period: Period | None, fig: Figure, written_before: list[Period]) -> int:
    """Months back from the report period that `period`, the figure's text period, stands for: a period relative
    to an unwritten one (a calendar year, quarter or month counted from the published day) after the figure; 0
    otherwise. `written_before`: the periods of the figure's sentence before `period`."""
    if period is None or not period.relative_to_previous or period.start < fig.end \
            or period.granularity not in _BACK_MONTHS or any(p.period_start for p in written_before):
        return 0
    return _BACK_MONTHS[period.granularity]
