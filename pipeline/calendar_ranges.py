"""A range's span from its two ends, each end's missing year, month or week taken from the other: "13 to 15 July
2016", "Nov-Feb 2017" (starts in November 2016), "between now and May 21" (`calendar_rules` joins the ends).

Calls go one way: calendar_rules -> this module -> calendar_resolve -> calendar_spans -> date_math.
"""
from __future__ import annotations

from datetime import date, timedelta

from .calendar_resolve import resolve_cal, span_of
from .calendar_spans import Cal, Ctx, Fix, Span, day_span
from .date_math import safe_date


def range_span(va, vb, ctx: Ctx) -> Span | None:
    """[start of the first, end of the second), the second's missing year or month taken from the first
    (and the first's from the second: "Nov-Feb 2017" starts in November 2016)."""
    if isinstance(va, Cal) and isinstance(vb, Cal):
        ends = _complete_ends(va, vb, ctx)
        if ends is None:
            return None
        va, vb = ends
    sa = span_of(va, ctx)
    if sa is not None and sa.start is not None:
        vb = _end_after(sa.start, vb, ctx)
    sb = span_of(vb, ctx)
    if sa is None or sb is None or sa.start is None or sb.end is None or sb.end <= sa.start:
        return None
    if (sb.end - sa.start).days > 366 * 30:
        return None
    return Span(sa.start, sb.end, "range", f"{sa.label}..{sb.label}", rule="dates.range.v1")


def _complete_ends(va: Cal, vb: Cal, ctx: Ctx) -> tuple[Cal, Cal] | None:
    """Each end's missing year and month from the other: "13 to 15 July 2016", "Nov-Feb 2017", "Jan-Mar"
    (no year: the first end resolved as a date alone, the second after it)."""
    if va.y is None and vb.y is not None:
        y = vb.y
        if va.m is not None and vb.m is not None and (va.m, va.d or 0) > (vb.m, vb.d or 32):
            y -= 1
        va = Cal(y, va.m if va.m is not None else vb.m, va.d, va.wd)
    elif vb.y is None and va.y is not None and vb.m is not None:
        y = va.y + (1 if (vb.m, vb.d or 32) < (va.m or 0, va.d or 0) else 0)
        vb = Cal(y, vb.m, vb.d, vb.wd)
    if va.m is None and va.d is not None and vb.m is not None:
        va = Cal(va.y if va.y is not None else vb.y, vb.m, va.d, va.wd)
    if vb.m is None and vb.d is not None and va.m is not None:
        vb = Cal(vb.y if vb.y is not None else va.y, va.m, vb.d, vb.wd)
    if va.y is None and vb.y is None and va.m is not None and vb.m is not None:
        first = resolve_cal(va, ctx)
        if first is None:
            return None
        y2 = first.start.year + (1 if (vb.m, vb.d or 0) < (va.m, va.d or 0) else 0)
        vb = Cal(y2, vb.m, vb.d, vb.wd)
        va = Cal(first.start.year, va.m, va.d, va.wd)
    return va, vb


def _end_after(start: date, vb, ctx: Ctx):
    """The end named without a year (or week) is the first one after the start: "between now and May 21"; a
    weekday the story's own reading puts after the start is that one ("up 24% this year through Wednesday" is the
    year to the latest Wednesday, not to the year's first)."""
    if not (isinstance(vb, Cal) and vb.y is None and (vb.m is not None or vb.wd is not None)):
        return vb
    if vb.m is None:
        own = span_of(vb, ctx)
        if own is not None and own.start is not None and own.start >= start:
            return Fix(own)
        return Fix(day_span(start + timedelta(days=(vb.wd - start.weekday()) % 7)))
    for y in (start.year, start.year + 1):
        d = safe_date(y, vb.m, vb.d or 1)
        if d and d >= start:
            return Cal(y, vb.m, vb.d, vb.wd)
    return vb
