"""Resolving the calendar grammar's values against a reference date: a partly named date ("Feb 18",
"Tuesday"), a holiday, a season, "next week", "the third Tuesday of September", "the end of April",
"3 days ago", "the past 2 weeks".

`prefer` (in `Ctx`) decides what a value that names no year or week means: "past" (news, and
Recognizers-Text's first reading) takes the latest such period that has begun; "future" (calendar
assistants, Duckling) the next one. The same switch picks each suite's convention where the two
differ (a weekend from Friday evening, the slice called "end of the month", whole units in "the
last 2 months").
"""
from __future__ import annotations

from datetime import date, timedelta

from .calendar_spans import (Cal, Ctx, Dur, Fix, Hol, Nth, Sea, Span, calendar_quarter, day_span, month_span,
                             week_span, year_span)
from .date_math import add_months, easter, month_end, safe_date, shift, week_start



# resolution of the open values

def _pick(cands, ctx: Ctx, strict_future: bool = False, tolerance: int = 0):
    """From spans in time order choose by preference: past = the latest that has begun (on or before
    the reference, `tolerance` days of slack); future = the first that has not ended."""
    ref = ctx.ref
    if ctx.future:
        for sp in cands:
            if (sp.start > ref) if strict_future else (sp.end > ref):
                return sp
        return None
    best = None
    for sp in cands:
        if sp.start <= ref + timedelta(days=tolerance):
            best = sp
    return best


def resolve_cal(c: Cal, ctx: Ctx) -> Span | None:
    """A date named in part: whole when it has a year, else the one `prefer` picks near the reference date."""
    if c.y is not None and c.m is not None:
        return _dated(c)
    if c.y is not None and c.d is None:
        return year_span(c.y)
    if c.m is not None and c.d is not None:
        return _month_and_day(c, ctx)
    if c.m is not None:
        return _pick([month_span(y, c.m) for y in range(ctx.ref.year - 2, ctx.ref.year + 3)], ctx)
    if c.d is not None:
        return _day_of_a_month(c, ctx)
    if c.wd is not None:
        ref = ctx.ref
        days = [day_span(ref + timedelta(days=k)) for k in range(-7, 8) if (ref + timedelta(days=k)).weekday() == c.wd]
        return _pick(days, ctx, strict_future=True)
    return None


def _dated(c: Cal) -> Span | None:
    """A day or a month with its year: "March 5, 2024", "March 2024"."""
    if c.d is not None:
        d = safe_date(c.y, c.m, c.d)
        return day_span(d) if d else None
    return month_span(c.y, c.m) if 1 <= c.m <= 12 else None


def _month_and_day(c: Cal, ctx: Ctx) -> Span | None:
    """"March 7", "Sunday, Feb 10": the year `prefer` picks among 30 years either side."""
    ref = ctx.ref
    if c.wd is not None:
        if not ctx.future:  # "Tuesday March 7" in news and Recognizers-Text: the date rules, not the weekday
            return resolve_cal(Cal(c.y, c.m, c.d), ctx)
        this = safe_date(ref.year, c.m, c.d)  # "Sunday, Feb 10": this year's when the weekday fits, else search
        if this and this.weekday() == c.wd:
            return day_span(this)
    days = [day_span(d) for y in range(ref.year - 30, ref.year + 31)
            if (d := safe_date(y, c.m, c.d)) and (c.wd is None or d.weekday() == c.wd)]
    return _pick(days, ctx, tolerance=0 if ctx.future else 1)


def _day_of_a_month(c: Cal, ctx: Ctx) -> Span | None:
    """"the 20th", "Tuesday the 19th": this month's when the weekday fits, else the month `prefer` picks."""
    ref = ctx.ref
    if c.wd is not None:
        this = safe_date(ref.year, ref.month, c.d)
        if this and this.weekday() == c.wd:
            return day_span(this)
    days = []
    for k in range(-36, 37):
        first = add_months(date(ref.year, ref.month, 1), k)
        d = safe_date(first.year, first.month, c.d)
        if d and (c.wd is None or d.weekday() == c.wd):
            days.append(day_span(d))
    return _pick(days, ctx)


def holiday_date(key: str, y: int, g) -> date | None:
    rule = g.holiday_rules.get(key)
    if rule is None:
        return None
    if "fixed" in rule:
        m, d = (int(x) for x in str(rule["fixed"]).split("-"))
        return safe_date(y, m, d)
    if "nth_weekday" in rule:
        m, wd, n = rule["nth_weekday"]
        if n > 0:
            first = date(y, m, 1)
            return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        last = month_end(y, m)
        return last - timedelta(days=(last.weekday() - wd) % 7 + 7 * (-n - 1))
    if "easter" in rule:
        return easter(y) + timedelta(days=int(rule["easter"]))
    if "after" in rule:
        base, off = rule["after"]
        d = holiday_date(base, y, g)
        return d + timedelta(days=int(off)) if d else None
    if "table" in rule:
        md = rule["table"].get(y) or rule["table"].get(str(y))
        if not md:
            return None
        m, d = (int(x) for x in str(md).split("-"))
        return safe_date(y, m, d)
    return None


def resolve_hol(h: Hol, ctx: Ctx, around: date | None = None) -> Span | None:
    if h.y is not None:
        d = holiday_date(h.key, h.y, ctx.g)
        return day_span(d) if d else None
    ref = around or ctx.ref
    cands = [day_span(d) for y in range(ref.year - 2, ref.year + 3) if (d := holiday_date(h.key, y, ctx.g))]
    if around is not None:  # "thanksgiving in 9 months": the one in that year
        same = [sp for sp in cands if sp.start.year == around.year]
        return same[0] if same else None
    if h.rel == 1:
        return next((sp for sp in cands if sp.start > ctx.ref), None)
    if h.rel == -1:
        prev = [sp for sp in cands if sp.end <= ctx.ref]
        return prev[-1] if prev else None
    if ctx.future:
        return next((sp for sp in cands if sp.end > ctx.ref), None)
    prev = [sp for sp in cands if sp.start <= ctx.ref]
    return prev[-1] if prev else None


def season_span(name: str, y: int, g) -> Span | None:
    """The season `name` that begins in year `y` (winter 2016 begins in December 2016)."""
    code, s, e = g.seasons[name]
    sm, sd = (int(x) for x in s.split("-"))
    em, ed = (int(x) for x in e.split("-"))
    start = date(y, sm, sd)
    end = date(y + (1 if (em, ed) <= (sm, sd) else 0), em, ed)
    return Span(start, end, "season", f"{y}-{code}")


def resolve_sea(s: Sea, ctx: Ctx) -> Span | None:
    g, ref = ctx.g, ctx.ref
    if s.name == "season":  # "this season", "last season": the one around the reference date
        spans = sorted((sp for n in ("spring", "summer", "fall", "winter") for y in (ref.year - 1, ref.year)
                        if (sp := season_span(n, y, g))), key=lambda sp: sp.start)
        cur = max((i for i, sp in enumerate(spans) if sp.start <= ref), default=None)
        if cur is None:
            return None
        i = cur + (s.rel or 0)
        return spans[i] if 0 <= i < len(spans) else None
    code = g.seasons[s.name][0]
    if s.y is not None:
        sp = season_span(s.name, s.y, g)
        return Span(sp.start, sp.end, "season", f"{s.y}-{code}")
    cands = [season_span(s.name, y, g) for y in range(ref.year - 2, ref.year + 3)]
    if s.rel is None:
        sp = _pick(cands, ctx) if not ctx.future else next((c for c in cands if c.end > ref), None)
        return Span(sp.start, sp.end, "season", code) if sp else None
    if s.rel == 0:  # "this summer": the one of this year
        sp = next((c for c in cands if c.start.year == ref.year), None)
        return sp
    cur = max((i for i, c in enumerate(cands) if c.start <= ref), default=0)
    if s.rel > 0:
        nxt = next((c for c in cands if c.start > ref), None)
        return nxt
    prev = [c for c in cands if c.end <= ref]
    return prev[-1] if prev else cands[cur]


def span_of(v, ctx: Ctx) -> Span | None:
    if isinstance(v, Fix):
        return v.span
    if isinstance(v, Cal):
        return resolve_cal(v, ctx)
    if isinstance(v, Hol):
        return resolve_hol(v, ctx)
    if isinstance(v, Sea):
        return resolve_sea(v, ctx)
    return None



def rel_weekday(wd: int, k: int, word: str, ctx: Ctx) -> Span:
    """"this/next/last Monday": the Monday of this, next or last week (Monday-based weeks).

    "this Monday" read forward (Duckling) and "coming Monday" are the next Monday after today.
    """
    ref = ctx.ref
    if (k == 0 and ctx.future) or word in ("coming", "upcoming", "this coming"):
        d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
        return day_span(d)
    return day_span(week_start(ref) + timedelta(days=7 * k + wd))


def rel_month_name(mo: int, k: int, ctx: Ctx) -> Span:
    """"next March", "last June", "this September"."""
    ref = ctx.ref
    if k == 0:
        return month_span(ref.year, mo)
    if k > 0:
        y = ref.year if mo > ref.month else ref.year + 1
        return month_span(y, mo)
    y = ref.year if mo < ref.month else ref.year - 1
    return month_span(y, mo)


def weekend_span(wk_start: date, ctx: Ctx) -> Span:
    """The weekend of the week starting `wk_start`: Saturday and Sunday; from Friday read forward."""
    s = wk_start + timedelta(days=4 if ctx.future else 5)
    return Span(s, wk_start + timedelta(days=7), "weekend", f"{s.isoformat()} weekend")


def rel_unit(unit: str, k: int, ctx: Ctx, calendar_year: bool = False) -> Span | None:
    """"this/next/last week|month|quarter|year|day|weekend": the unit containing the reference date, moved by k."""
    ref = ctx.ref
    if unit == "day":
        return day_span(ref + timedelta(days=k))
    if unit == "week":
        return week_span(week_start(ref) + timedelta(days=7 * k))
    if unit == "weekend":
        return weekend_span(week_start(ref) + timedelta(days=7 * k), ctx)
    if unit == "month":
        first = add_months(date(ref.year, ref.month, 1), k)
        return month_span(first.year, first.month)
    if unit == "quarter":
        q0 = (ref.month - 1) // 3 + k
        y, q = ref.year + q0 // 4, q0 % 4 + 1
        return calendar_quarter(y, q)
    if unit == "year":
        if k == 0 and not ctx.future and not calendar_year:
            return Span(date(ref.year, 1, 1), ref + timedelta(days=1), "ytd", f"YTD {ref.year}")
        return year_span(ref.year + k)
    return None



def shifted_day(anchor: date, dur: Dur, sign: int, ctx: Ctx, ago: bool = False) -> Span | None:
    """A point moved by a duration: "3 days ago", "in two weeks", "2 thursdays back", "two years ago"."""
    if isinstance(dur.unit, int):  # weekdays: the n-th one after (before) the anchor
        step = 1 if sign > 0 else -1
        d, seen = anchor, 0
        for _ in range(7 * dur.n + 7):
            d += timedelta(days=step)
            if d.weekday() == dur.unit:
                seen += 1
                if seen == dur.n:
                    return day_span(d)
        return None
    if dur.unit == "minute":
        return day_span(anchor)
    if dur.unit == "season":
        return None
    d = shift(anchor, sign * dur.n, dur.unit)
    if dur.unit == "year" and ctx.future and ago:  # Duckling reads "two years ago" to the month
        return month_span(d.year, d.month)
    return day_span(d)


def window_span(dur: Dur, forward: bool, ctx: Ctx) -> Span | None:
    """"the next 3 days", "the past 2 weeks": from the reference date (news, Recognizers-Text), or
    whole units next to the current one when read forward (Duckling)."""
    ref, unit, n = ctx.ref, dur.unit, dur.n
    if not isinstance(unit, str) or unit in ("minute", "season", "weekend"):
        return None
    label = f"{'next' if forward else 'past'} {n} {unit}{'s' if n > 1 else ''}"
    if ctx.future and unit != "day":
        base = {"week": week_start(ref), "month": date(ref.year, ref.month, 1),
                "quarter": date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1), "year": date(ref.year, 1, 1)}[unit]
        if forward:
            s = shift(base, 1, unit)
            return Span(s, shift(s, n, unit), "range", label)
        return Span(shift(base, -n, unit), base, "range", label)
    if forward:
        s = ref + timedelta(days=1)
        return Span(s, shift(s, n, unit), "range", label)
    return Span(shift(ref, -n, unit), ref, "range", label)


def part_of(sp: Span, part: str, ctx: Ctx, explicit_year: bool = False) -> Span | None:
    """"end of April", "early next week", "the beginning of the year": a slice of a period."""
    if sp is None or sp.start is None or sp.end is None:
        return None
    g = ctx.g
    table = g.parts["future" if ctx.future else "past"]
    grain = sp.grain
    if part == "rest":
        if not (sp.start <= ctx.ref < sp.end):
            return None
        return Span(ctx.ref, sp.end - timedelta(days=1), "range", f"rest of {sp.label}")
    if grain in ("day",):
        return sp
    if grain in ("year", "ytd"):
        lo, hi = g.parts["explicit_year"][part] if explicit_year else table["year"][part]
        y = sp.start.year
        s = date(y, lo, 1)
        e = date(y + 1, 1, 1) if hi > 12 else date(y, hi, 1)
        return Span(s, e, "range", f"{part} {y}", rule="dates.part.v1")
    if grain == "month":
        lo, hi = table["month"][part]
        last = (sp.end - timedelta(days=1)).day
        s = date(sp.start.year, sp.start.month, min(lo, last))
        e = sp.end if hi > last else date(sp.start.year, sp.start.month, hi)
        return Span(s, e, "range", f"{part} {sp.label}", rule="dates.part.v1")
    if grain == "week":
        lo, hi = table["week"][part]
        return Span(sp.start + timedelta(days=lo), sp.start + timedelta(days=hi), "range", f"{part} {sp.label}",
                    rule="dates.part.v1")
    if grain in ("quarter", "half"):
        days = (sp.end - sp.start).days
        third = {"start": (0, days // 3), "mid": (days // 3, 2 * days // 3), "end": (2 * days // 3, days)}[part]
        return Span(sp.start + timedelta(days=third[0]), sp.start + timedelta(days=third[1]), "range", f"{part} {sp.label}")
    return None


def nth_in(nth: Nth, sp: Span, ctx: Ctx) -> Span | None:
    """"the third Tuesday of September", "the last week of October", "the 2nd last week of 2018"."""
    if sp is None or sp.start is None or sp.end is None:
        return None
    if isinstance(nth.unit, int) or nth.unit == "day":
        days = [sp.start + timedelta(days=k) for k in range((sp.end - sp.start).days)]
        if isinstance(nth.unit, int):
            days = [d for d in days if d.weekday() == nth.unit]
        got = _nth_of(days, nth)
        return day_span(got) if got else None
    if nth.unit == "week":
        got = _nth_of(_weeks_in(sp, nth.from_end, ctx), nth)
        return week_span(got) if got else None
    if nth.unit == "weekend":
        sats = [sp.start + timedelta(days=k) for k in range((sp.end - sp.start).days)
                if (sp.start + timedelta(days=k)).weekday() == 5]
        got = _nth_of(sats, nth)
        return weekend_span(week_start(got), ctx) if got else None
    return None


def _nth_of(items: list[date], nth: Nth) -> date | None:
    i = -nth.n if nth.from_end else nth.n - 1
    return items[i] if -len(items) <= i < len(items) else None


def _weeks_in(sp: Span, from_end: bool, ctx: Ctx) -> list[date]:
    """The Mondays of the weeks of a year (ISO weeks) or of a month, in order."""
    if sp.grain == "year" or sp.grain == "ytd":
        y = sp.start.year
        return [date.fromisocalendar(y, w, 1) for w in range(1, date(y, 12, 28).isocalendar()[1] + 1)]
    # a month: its first week starts on its first Monday (Duckling) or holds its 4th (Recognizers-Text)
    first = sp.start + timedelta(days=(7 - sp.start.weekday()) % 7)
    if not ctx.future:
        first = week_start(sp.start + timedelta(days=3))
    weeks = [first + timedelta(days=7 * k) for k in range(6) if first + timedelta(days=7 * k) < sp.end]
    if from_end:
        if ctx.future:  # the last week that ends inside the month (Duckling)
            weeks = [w for w in weeks if w + timedelta(days=7) <= sp.end]
        else:  # the week holding the month's last day (Recognizers-Text)
            weeks = sorted(set(weeks) | {week_start(sp.end - timedelta(days=1))})
    return weeks
