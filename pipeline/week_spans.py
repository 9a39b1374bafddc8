"""The days a calendar week stands for (called by `claim_dating.date_figure`).

"Last week" and "this week" are read as calendar weeks, Monday to Sunday. A market's move in a week is the
week's sessions, Monday to Friday, and "this week" runs to the published day ("Reliance Power and Reliance
Infrastructure have crashed almost 60 percent this week" on a Friday is Monday to that Friday); a weekly stocks
report's week is the report's, Saturday to Friday ("crude inventories dropped by 878,000 barrels last week" on a
Wednesday: the Saturday-to-Friday week that ended the Friday before). The report's words are
models/lexicons/periods.yaml `report_week_words`; a price is a metric of metrics.yaml `price_metrics`.

A market's move "this quarter" or "this month" runs to the published day too (`current_to_date`: "HubSpot Inc
shares had risen by 12.6% this quarter" on February 12 is January 1 to February 12, as "up 28% this year" is the
year to date), unless the move is a forecast or estimate of the whole unit.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from .records import Figure, Period
from .resources import Resources
from .word_patterns import whole_words

RULE = "claims.week_span.v1"
TO_DATE_RULE = "claims.current_to_date.v1"
# the current quarter or month, as the calendar grammar matched it ("this quarter", "the current month")
_CURRENT_UNIT = re.compile(r"(?:so far\s+)?(?:this|the current|current)\s+(quarter|month)", re.I)


@lru_cache(maxsize=4)
def _report_words(res: Resources) -> re.Pattern:
    return whole_words(res.periods["report_week_words"])


def trading_week(period: Period | None, fig: Figure, text: str, clause: tuple[int, int], metric: str,
                 ref: date | None, res: Resources) -> Period | None:
    """A calendar week's sessions for a price's move, or a stocks report's Saturday-to-Friday week; the period
    unchanged otherwise (a week the text bounds itself: "the week ended Wednesday", "the past week")."""
    if period is None or period.granularity != "week" or period.period_start is None \
            or period.period_start.weekday() != 0 or period.period_end != period.period_start + timedelta(days=6):
        return period
    cs, ce = clause
    rx = _report_words(res)
    if rx is not None and rx.search(text, cs, ce) and metric not in res.price_metrics:
        start, end = period.period_start - timedelta(days=2), period.period_end - timedelta(days=2)
    elif metric in res.price_metrics:
        start, end = period.period_start, period.period_start + timedelta(days=4)
        if ref is not None and start <= ref < end:
            end = ref
    else:
        return period
    return replace(period, period_start=start, period_end=end, label=f"{start.isoformat()}..{end.isoformat()}",
                   rule=RULE)


def current_to_date(period: Period | None, metric: str, modality: str, ref: date | None,
                    res: Resources) -> Period | None:
    """A market's actual move "this quarter" or "this month" from the unit's first day to the published day; the
    period unchanged otherwise."""
    if period is None or ref is None or metric not in res.price_metrics or modality != "actual" \
            or period.period_start is None or period.period_end is None \
            or not period.period_start <= ref < period.period_end:
        return period
    unit = _CURRENT_UNIT.fullmatch(period.text.strip())
    if unit is None:
        return period
    return replace(period, period_end=ref, granularity="range", label=f"{unit.group(1)[0].upper()}TD {ref.isoformat()}",
                   rule=TO_DATE_RULE)
