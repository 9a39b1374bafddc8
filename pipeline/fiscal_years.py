"""A bare year that dates a company's forecast on a fiscal calendar (called by `claim_dating._text_period`).

A company whose fiscal year does not end in December writes its outlook by the fiscal year's number: "UPDATED
FISCAL 2025 OUTLOOK" over a table headed "2025 Range", "expects 2025 revenue of" from a company whose first
quarter ends in December (CLAIM_LABELING_GUIDE.md 6: fiscal periods on the company's fiscal calendar; a
forecast takes the period it is about). A forecast or estimate of a reported metric (revenue, EBITDA, EPS) that
its text dates by a year written as four digits alone, in a story whose own words, quarter labels or the lists
settle a non-December calendar, is that fiscal year (Compass Minerals' "2025" is October 2024 to September 2025).
A calendar settled only by the story's currency (yen, rupees: March) is no such calendar: "2025" stays the
calendar year there, as it does in a country's story and where the clause writes "calendar".
"""
from __future__ import annotations

import re
from dataclasses import replace

from .records import Period
from .reporting_periods import fiscal_year_span

_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_CALENDAR = re.compile(r"\bcalendar\b", re.I)
_AHEAD = ("forecast", "estimate")


def fiscal_bare_year(period: Period | None, modality: str, reported: bool, fy_end: int, settled: bool,
                     clause: str) -> Period | None:
    """The fiscal year a bare calendar year stands for (see the module's note); other periods are kept.
    `reported`: the figure's metric is one a company reports for a period (revenue, EPS, margins: metrics.yaml
    `default_period: report`); `settled`: the story's own calendar is not only its currency's.

    >>> from datetime import date
    >>> p = Period("2025", 10, 14, date(2025, 1, 1), date(2025, 12, 31), "2025", "year")
    >>> q = fiscal_bare_year(p, "forecast", True, 9, True, "2025 Range")
    >>> (q.period_start, q.period_end, q.label)
    (datetime.date(2024, 10, 1), datetime.date(2025, 9, 30), 'FY2025')
    >>> fiscal_bare_year(p, "actual", True, 9, True, "2025 Range") is p
    True
    >>> fiscal_bare_year(p, "forecast", True, 3, False, "2025 Range") is p  # a calendar only the yen says
    True
    """
    if period is None or not settled or fy_end == 12 or modality not in _AHEAD or not reported \
            or period.granularity not in ("year", "column") or period.relative_to_previous \
            or period.period_start is None or _CALENDAR.search(clause) \
            or not _BARE_YEAR.fullmatch((period.text if period.granularity == "year" else period.label).strip()):
        return period
    fy = period.period_start.year
    if period.period_start.month != 1 or period.period_end is None or period.period_end.year != fy:
        return period
    ps, pe = fiscal_year_span(fy, fy_end)
    return replace(period, period_start=ps, period_end=pe, label=f"FY{fy}", granularity="fiscal_year",
                   rule="claims.fiscal_bare_year.v1")
