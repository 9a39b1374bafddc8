"""The values of the calendar grammar: day-granular spans and the partly named dates, holidays, seasons,
durations and ordinals the scanner finds before they are resolved (pipeline/calendar_resolve.py).

A `Span` is half-open, [start, end), with None for an open side ("since 2019"); pipeline/dates.py turns
it into the stage's `Period` record (inclusive last day).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .date_math import add_months
from .records import Period


@dataclass(frozen=True)
class Span:
    """A day-granular period: [start, end) with `end` exclusive; None for an open side."""

    start: date | None
    end: date | None
    grain: str  # day, week, weekend, month, quarter, half, year, season, range, ytd
    label: str = ""
    mod: str = ""  # before, after, since, until for an open bound
    rule: str = ""


# ---------------------------------------------------------------------------
# values of parsed expressions (resolved against the reference date when asked)

@dataclass(frozen=True)
class Cal:
    """A date named in part: any of year, month, day of month, weekday ("Feb 18", "Tuesday the 19th")."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None


@dataclass(frozen=True)
class Hol:
    """A holiday, in a given year, or the next (+1) / last (-1) / nearest (0) one."""

    key: str
    y: int | None = None
    rel: int = 0


@dataclass(frozen=True)
class Sea:
    """A season: "summer", "summer 2016", "this summer" (rel 0), "next spring" (rel 1)."""

    name: str
    y: int | None = None
    rel: int | None = None


@dataclass(frozen=True)
class Dur:
    """A duration: n units ("3 days", "a week", "few months"), or n weekdays ("friday after next": two Fridays)."""

    n: int
    unit: str | int  # a unit of time, or a weekday 0-6 (calendar_rules checks which)


@dataclass(frozen=True)
class Nth:
    """"the first Monday", "the 2nd last week", "the last day": the n-th (from the end) of a unit."""

    n: int
    unit: str | int  # day, week, weekend, or a weekday 0-6
    from_end: bool


@dataclass(frozen=True)
class Fix:
    span: Span


@dataclass
class Node:
    s: int
    e: int
    v: object
    kind: str = ""


class Ctx:
    """What resolving needs: the reference date, the reading ("past" or "future") and the grammar's tables."""

    def __init__(self, ref: date, prefer: str, grammar):  # grammar: a calendar_grammar.Grammar
        self.ref, self.prefer, self.g = ref, prefer, grammar
        self.future = prefer == "future"



def day_span(d: date, label: str = "") -> Span:
    return Span(d, d + timedelta(days=1), "day", label or d.isoformat())


def month_span(y: int, m: int) -> Span:
    return Span(date(y, m, 1), add_months(date(y, m, 1), 1), "month", f"{y}-{m:02d}")


def year_span(y: int) -> Span:
    return Span(date(y, 1, 1), date(y + 1, 1, 1), "year", str(y))


def calendar_quarter(y: int, q: int) -> Span:
    s = date(y, 3 * (q - 1) + 1, 1)
    return Span(s, add_months(s, 3), "quarter", f"{y}-Q{q}")


def week_span(start: date) -> Span:
    return Span(start, start + timedelta(days=7), "week", f"{start.isoformat()}..{(start + timedelta(days=6)).isoformat()}")



def is_cal(v, *need: str, without: tuple[str, ...] = ()) -> bool:
    return isinstance(v, Cal) and all(getattr(v, f) is not None for f in need) and all(getattr(v, f) is None for f in without)


def merge_cal(a: Cal, b: Cal) -> Cal | None:
    vals = {}
    for f in ("y", "m", "d", "wd"):
        x, y = getattr(a, f), getattr(b, f)
        if x is not None and y is not None and x != y:
            return None
        vals[f] = x if x is not None else y
    return Cal(**vals)


def span_of_period(p: Period | None) -> Span | None:
    """A resolved reporting `Period` as a calendar `Span` (exclusive end), so rules can join it."""
    if p is None or p.period_start is None or p.period_end is None:
        return None
    return Span(p.period_start, p.period_end + timedelta(days=1), p.granularity, p.label, rule=p.rule)


def period_of_span(sp: Span, text: str, s: int, e: int) -> Period:
    """A resolved `Span` as the stage's record (inclusive last day; None for an open side)."""
    pe = sp.end - timedelta(days=1) if sp.end else None
    if sp.start and pe and pe < sp.start:
        pe = sp.start
    gran = "range" if sp.mod else sp.grain
    rule = sp.rule or f"dates.{'bound' if sp.mod else sp.grain}.v2"
    return Period(text[s:e], s, e, sp.start, pe, sp.label, gran, rule)
