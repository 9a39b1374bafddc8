"""Date arithmetic for the period resolvers: month ends, whole-month moves, weeks, Easter, two-digit years.

Month moves use dateutil's `relativedelta`, which keeps the day of month and clips it to the end of a
shorter month (Jan 31 + 1 month = Feb 28/29), as every period rule expects. Nothing here reads words.

>>> add_months(date(2024, 1, 31), 1)
datetime.date(2024, 2, 29)
>>> month_shift(2024, 11, 3)
(2025, 2)
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.easter import easter as _easter
from dateutil.relativedelta import relativedelta


def month_end(y: int, m: int) -> date:
    """The last day of month `m` of year `y`."""
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: date, k: int) -> date:
    """`d` moved by `k` whole months, its day clipped to the new month's length."""
    return d + relativedelta(months=k)


def month_shift(y: int, m: int, k: int) -> tuple[int, int]:
    """The (year, month) `k` months after month `m` of year `y` (before it for a negative `k`)."""
    moved = date(y, m, 1) + relativedelta(months=k)
    return moved.year, moved.month


def shift(d: date, n: int, unit: str) -> date:
    """`d` moved by `n` days, weeks (a weekend moves by weeks), months, quarters or years; other units keep it."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(days=7 * n)
    months = {"month": 1, "quarter": 3, "year": 12}.get(unit)
    return add_months(d, months * n) if months else d


def week_start(d: date) -> date:
    """The Monday of `d`'s week."""
    return d - timedelta(days=d.weekday())


def easter(y: int) -> date:
    """Western Easter Sunday of year `y`."""
    return _easter(y)


def safe_date(y: int, m: int, d: int) -> date | None:
    """date(y, m, d), or None when there is no such day (Feb 30, month 13)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def full_year(y: int, ref: date | None, window_without_ref: bool = True) -> int:
    """A year written with two digits ('25, FY24) as a full year: the one of the reference date's century,
    or of the century before when that would be more than 20 years after the reference date.

    Without a reference date the century is 2000's; `window_without_ref` then still applies the 20-year
    window (to 2020), as the calendar grammar reads dates, or not, as the reporting periods read years.
    NOTE: keep both readings: the two resolvers used them before they shared this function.

    >>> full_year(98, date(2024, 5, 1)), full_year(25, date(2024, 5, 1)), full_year(2019, None)
    (1998, 2025, 2019)
    """
    if y >= 100:
        return y
    base = ref.year if ref else 2000
    y += (base // 100) * 100
    if (ref or window_without_ref) and y > base + 20:
        y -= 100
    return y
