"""Dates and periods: find time expressions and resolve them against the published date.

The entry points of the period modules, which call one another in one direction:

    dates (this facade) -> calendar_scan -> calendar_rules -> calendar_atoms -> calendar_resolve
        -> calendar_spans -> date_math
    dates -> calendar_grammar -> reporting_periods -> date_math;  calendar_scan -> reporting_periods

Calendar expressions (days, weekdays, months, years, holidays, ranges, bounds, parts, shifts) are found
and resolved by the calendar grammar, from the words in models/lexicons; what is particular to company
reporting (quarters, halves, fiscal years with each company's calendar, year-to-date, "a month earlier"
anchored to the period mentioned before) by pipeline/reporting_periods.py. Every `Period` carries its
granularity.

Dates in text are read by this grammar, not by dateparser: on the peer suites dateparser's `search_dates`
found 23% (duckling-datetime) and 33% (recognizers-text-datetime) of the cases, the grammar 97.8% and 97.1%
(bench/RESULTS.md). dateparser reads what it is strong at, the `published` metadata (pipeline/ingest.py).
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from .calendar_grammar import grammar
from .calendar_scan import find_calendar
from .calendar_spans import period_of_span
from .date_math import month_end
from .records import Period
from .that_years import that_years
from .reporting_periods import (FULL_DATE, MONTH_YEAR, MONTHS, YEAR, fiscal_quarter_span, fiscal_year_of,
                                fiscal_year_span, latest_ended_quarter, quarter_span, resolve_reporting,
                                shift_period)

# what the stages import from here (the company calendar's spans are reporting_periods')
__all__ = ["find_periods", "infer_published", "fiscal_quarter_span", "fiscal_year_of", "fiscal_year_span",
           "latest_ended_quarter", "quarter_span", "shift_period"]


def find_periods(text: str, ref: date | None, fy_end_month: int = 12,
                 sentence_starts: tuple[int, ...] = (), prefer: str = "past", res=None) -> list[Period]:
    """Every period expression in `text`, in order, resolved against `ref`.

    prefer (str): "past" (news: a month, weekday or holiday named without a year is the latest one
    that has begun) or "future" (the next one, as calendar assistants read it); res: Resources
    (default: the project's models/).

    >>> [p.label for p in find_periods("rose to 11% in September, up from 8.6% a month earlier", date(2025, 9, 30))]
    ['2025-09', '2025-08']
    >>> [p.label for p in find_periods("Shoppers spent more on Black Friday than at Christmas", date(2024, 12, 2))]
    ['2024-11-29', '2023-12-25']
    >>> [p.label for p in find_periods("Shoppers will spend more at Christmas", date(2024, 12, 2), prefer="future")]
    ['2024-12-25']
    """
    from .resources import load_resources

    if prefer not in ("past", "future"):
        raise ValueError(f"prefer={prefer!r}: use 'past' or 'future'")
    g = grammar(res or load_resources())
    out: list[Period] = []
    previous: Period | None = None
    sentence = -1
    for s, e, item in find_calendar(text, ref, prefer, g, fy_end_month):
        current = bisect.bisect_right(sentence_starts, s)
        if current != sentence:  # "a year earlier" anchors to a period of its own sentence only
            previous, sentence = None, current
        if isinstance(item, re.Match):
            p = resolve_reporting(item.lastgroup, item, ref, fy_end_month, previous, prefer)
        else:
            p = period_of_span(item, text, s, e)
        if p is None or (p.granularity == "month" and g.contract_month is not None and g.contract_month.match(text, e)):
            continue  # "WTI for March delivery", "the December Brent contract": a futures contract, not a period
        if g.maturity is not None and g.maturity.search(text, max(0, s - 30), s):
            continue  # "notes due 2055", "rights set to expire on February 11, 2027": a term, not the figure's period
        out.append(p)
        if p.period_start and p.period_end and p.granularity not in ("ytd",) and not p.relative_to_previous:
            previous = p
    return that_years(text, out)  # "That year, the S&P 500 rose 31%": the year named just before


def infer_published(text: str, today: date) -> date | None:
    """Guess a publication date from the text: its latest full date, else its latest month, else year.

    today (date): the run's start day; a date after it is not a publication date. It is passed in,
    not read here, so that the output does not depend on the day the function happens to be called.

    >>> infer_published("On December 17, 2024, it sold ... On January 1, 2025, it said", date(2025, 6, 1))
    datetime.date(2025, 1, 1)
    """
    limit = today
    best = None
    for m in FULL_DATE.finditer(text):
        try:
            if m.group("iso"):
                d = date.fromisoformat(m.group("iso"))
            else:
                mon = (m.group("m") or m.group("m2")).lower().rstrip(".")
                d = date(int(m.group("y") or m.group("y2")), MONTHS[mon], int(m.group("d") or m.group("d2")))
        except (ValueError, KeyError):
            continue
        if d <= limit and (best is None or d > best):
            best = d
    if best:
        return best
    for m in MONTH_YEAR.finditer(text):
        d = month_end(int(m.group("y")), MONTHS[m.group("m").lower().rstrip(".")])
        if d <= limit and (best is None or d > best):
            best = d
    if best:
        return best
    years = [int(y) for y in YEAR.findall(text) if int(y) <= limit.year]
    return date(max(years), 12, 31) if years else None
