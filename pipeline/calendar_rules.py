"""Rules of the calendar grammar: join neighbouring atoms and the words around them into expressions
(intersections "Monday, Feb 18", ordinals "the third Tuesday of September", shifts "2 weeks ago",
parts "end of April", ranges "from 13 to 15 July", bounds "after 2016") and resolve each to a
half-open day range `Span` (pipeline/calendar_scan.py runs scanner, atoms and these rules over a text).

Calls go one way: this module -> calendar_atoms (and calendar_ranges) -> calendar_resolve -> calendar_spans -> date_math
(and reporting_periods, for the name of the one kind anchored to the period before it).

Bounds leave a side open (None), which a table row cannot hold, so they are shown here:

>>> from pipeline.dates import find_periods
>>> [(p.text, p.period_start, p.period_end) for p in find_periods("Sales grew since 2019.", date(2024, 5, 15))]
[('since 2019', datetime.date(2019, 1, 1), None)]
>>> [(p.period_start, p.period_end) for p in find_periods("Shares fell after March", date(2024, 5, 15))]
[(datetime.date(2024, 4, 1), None)]
>>> [(p.period_start, p.period_end) for p in find_periods("Sales rose before Christmas", date(2024, 5, 15))]
[(None, datetime.date(2023, 12, 24))]
>>> [(p.period_start, p.period_end) for p in find_periods("Sales rose until April 27", date(2024, 5, 15))]
[(None, datetime.date(2024, 4, 26))]
"""
from __future__ import annotations

import re
from datetime import date, timedelta  # noqa: F401 (date: the module examples use it)

from .calendar_atoms import duration_of
from .calendar_ranges import range_span
from .calendar_resolve import (nth_in, part_of, rel_unit, resolve_cal, resolve_hol, shifted_day, span_of,
                               window_span)
from .calendar_spans import (Cal, Ctx, Dur, Fix, Hol, Node, Nth, Sea, Span, day_span, is_cal, merge_cal, month_span,
                             week_span)
from .date_math import safe_date, shift, week_start
from .reporting_periods import ANCHORED

_PARTS = {"beginning": "start", "start": "start", "early": "start", "earlier": "start", "middle": "mid", "mid": "mid",
          "end": "end", "late": "end", "later": "end"}
_PART_BEFORE = re.compile(r"(?:\b(?:at|in|towards?)\s+)?(?:the\s+)?\b(?P<p>(?:beginning|start|middle|end)\s+of|mid|early|"
                          r"late|later|earlier)(?:\s+in)?[\s-]+(?:the\s+)?(?:around\s+)?$", re.I)
_REST_BEFORE = re.compile(r"\b(?:the\s+)?(?:rest|remaining|remainder)(?:\s+of)?\s+(?:the\s+)?$", re.I)
_BOUND_BEFORE = re.compile(r"(?:^|(?<=\W))(?P<b>(?:anytime\s+|any\s+time\s+)?after|since|before|by|until|till|up\s+to|"
                           r"no\s+later\s+than|not\s+later\s+than|later\s+than|earlier\s+than|prior\s+to|"
                           r"starting(?:\s+(?:on|from))?|beginning(?:\s+(?:on|from))?|as\s+early\s+as|as\s+late\s+as|"
                           r"greater\s+than|>\s*=|<\s*=|>|<)\s*(?:on\s+)?(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^['’]s\b")
# ("in 2019 (through December 23rd)": an end in brackets closes the span as well)
_RANGE_GAP = re.compile(r"^\s*(?:\(\s*(?:through|thru|till|until)|-|–|—|to|through|thru|till|until|and|/)\s*(?:the\s+)?$", re.I)
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.I)
_INTERSECT_GAP = re.compile(r"^\s*(?:,|of|in|on|the|from|-)?\s*(?:the\s+)?$", re.I)
_DUR_AGO = re.compile(r"^\s+(?P<w>ago|back|earlier|before\s+now|hence|later|from\s+now|from\s+right\s+now)\b", re.I)
_DUR_ANCHOR = re.compile(r"^\s+(?P<w>after|from|before)\s+$", re.I)
# between a length and the day it ends on: "the two weeks to Wednesday", "the week ended Wednesday"
_DUR_TO_END = re.compile(r"^\s+(?:to|ended|ending|through|thru)\s+(?:on\s+)?(?:the\s+)?$", re.I)
_IN_BEFORE = re.compile(r"\b(?P<w>in|within|after)\s+$", re.I)
_WINDOW_BEFORE = re.compile(r"\b(?:the\s+)?(?P<w>next|coming|upcoming|following|last|past|previous|prior|preceding)\s+$", re.I)
_WEEK_TO = re.compile(r"\b(?:the\s+)?week\s+(?:ended|ending|to|through)(?:\s+on)?\s+(?:the\s+)?$", re.I)
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)(?:\s+on)?\s+(?:the\s+)?$", re.I)
_DAYS_BEFORE = re.compile(r"(?:\b(?:from|between)\s+)?(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until|and)\s*"
                          r"(?:the\s+)?$", re.I)
_DAYS_IN_BEFORE = re.compile(r"(?:\b(?:from|between)\s+)?(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until|and)\s*"
                             r"(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:in\s+|of\s+)?(?:the\s+)?$", re.I)
_DAY_AFTER = re.compile(r"^\s*(?:-|–|to|through|thru|till|until)\s*(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[ap]\.?m\b|:|h\b|%)|[./:]\d)", re.I)
_DAYS_AFTER = re.compile(r"^\s+(?:between|from)\s+(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|-|through|till|until)\s+(?:the\s+)?"
                         r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b", re.I)


def combine(nodes: list[Node], text: str, ctx: Ctx) -> list[Node]:
    """Apply the rules until nothing changes; each rule replaces one or two nodes by one."""
    changed = True
    rounds = 0
    while changed and rounds < 6:
        changed = False
        rounds += 1
        out: list[Node] = []
        i = 0
        while i < len(nodes):
            a = nodes[i]
            b = nodes[i + 1] if i + 1 < len(nodes) else None
            gap = text[a.e:b.s] if b else ""
            joined = _pair(a, b, gap, text, ctx) if b else None
            if joined is not None:
                out.append(joined)
                i += 2
                changed = True
                continue
            single = _single(a, text, ctx)
            if single is not None:
                out.append(single)
                changed = True
            else:
                out.append(a)
            i += 1
        nodes = out
    return nodes


# ---- rules on two neighbouring nodes: each returns the joined node, None to leave them, or _NO to stop
_NO = object()  # the rule applied but the expression resolves to nothing: neither rules after it nor a join


def _pair(a: Node, b: Node, gap: str, text: str, ctx: Ctx) -> Node | None:
    b = _ago_as_duration(a, b, gap, ctx)
    if b is _NO:
        return None
    steps = (_intersection,) if not ctx else (_intersection, _nth_of, _dur_from_anchor, _dur_to_end, _moved_by_duration,
                                            _range_of)
    return _first_rule(steps, a, b, gap, text, ctx)


def _first_rule(steps, *args) -> Node | None:
    """The node of the first rule that applies; None when none does, or when it resolves to nothing (_NO)."""
    for step in steps:
        got = step(*args)
        if got is not None:
            return None if got is _NO else got
    return None


def _ago_as_duration(a: Node, b: Node, gap: str, ctx: Ctx):
    """"thanksgiving 3 months ago": the reporting match "3 months ago" read as a duration (its "ago" is
    read by _moved_by_duration)."""
    va, vb = a.v, b.v
    if isinstance(vb, re.Match) and isinstance(va, (Hol, Cal)) and vb.lastgroup == ANCHORED and vb.group("rp_n") \
            and not gap.strip():
        dur = duration_of(vb.group("rp_n"), vb.group("rp_u"), ctx.g) if ctx else None
        if dur is None:
            return _NO
        return Node(b.s, b.e - len(re.search(r"\s+\w+$", vb.group()).group()), dur, "dur")
    return b


def _intersection(a: Node, b: Node, gap: str, text: str, ctx: Ctx):
    """"Monday, Feb 18", "Jul 18, Fri", "Halloween 2013", "20 of next month", "wednesday next week"."""
    if not (_INTERSECT_GAP.match(gap) and len(gap) < 12):
        return None
    got = _merged_dates(a, b) or _named_with_year(a, b, gap)
    if got is None and isinstance(b.v, Fix) and ctx:
        got = _within_fixed(a, b, gap)
    if got is None and isinstance(a.v, Fix) and ctx and a.v.span.grain == "week" \
            and is_cal(b.v, "wd", without=("m", "d", "y")) and re.match(r"^\s*(?:on|-|,)?\s*$", gap):
        got = Node(a.s, b.e, Fix(day_span(a.v.span.start + timedelta(days=b.v.wd))), "date")
    return got


def _merged_dates(a: Node, b: Node) -> Node | None:
    """Two parts of one date: a weekday and a date, a month and its year, a day and its month."""
    va, vb = a.v, b.v
    if not (isinstance(va, Cal) and isinstance(vb, Cal)) or (a.kind == "year" and b.kind == "year"):
        return None
    if (va.wd is not None and vb.wd is None) or (vb.wd is not None and va.wd is None) or \
            (b.kind == "year" and va.y is None and va.m is not None) or (a.kind == "dom" and vb.m is not None and vb.d is None):
        merged = merge_cal(va, vb)
        if merged is not None and not (merged.m is None and merged.y is not None):
            return Node(a.s, b.e, merged, "date")
    return None


def _named_with_year(a: Node, b: Node, gap: str) -> Node | None:
    """A holiday or season and its year, either way round: "Halloween 2013", "2023 summer"."""
    va, vb = a.v, b.v
    if isinstance(va, Hol) and va.y is None and is_cal(vb, "y", without=("m", "d")):
        return Node(a.s, b.e, Hol(va.key, vb.y), "hol")
    if isinstance(va, Sea) and va.y is None and is_cal(vb, "y", without=("m", "d")):
        return Node(a.s, b.e, Sea(va.name, vb.y), "season")
    if is_cal(va, "y", without=("m", "d")) and a.kind == "year" and not gap.strip():  # "2023 summer", "2023 Black Friday"
        if isinstance(vb, Sea) and vb.y is None:
            return Node(a.s, b.e, Sea(vb.name, va.y), "season")
        if isinstance(vb, Hol) and vb.y is None:
            return Node(a.s, b.e, Hol(vb.key, va.y), "hol")
    return None


def _within_fixed(a: Node, b: Node, gap: str):
    """A partly named date inside a resolved period: "Christmas this year", "the 20th of next month",
    "Wednesday next week"."""
    va, sp = a.v, b.v.span
    if isinstance(va, Hol) and sp.grain in ("year", "ytd") and va.y is None:
        return Node(a.s, b.e, Hol(va.key, sp.start.year), "hol")
    if isinstance(va, Cal) and va.y is None and va.m is not None and sp.grain in ("year", "ytd"):
        return Node(a.s, b.e, Cal(sp.start.year, va.m, va.d, va.wd), "date" if va.d else "month")
    if is_cal(va, "d", without=("m", "y")) and sp.grain == "month":
        d = safe_date(sp.start.year, sp.start.month, va.d)
        return Node(a.s, b.e, Fix(day_span(d)), "date") if d else _NO
    if is_cal(va, "wd", without=("m", "d", "y")) and sp.grain == "week" and "," not in gap:
        return Node(a.s, b.e, Fix(day_span(sp.start + timedelta(days=va.wd))), "date")
    return None


def _nth_of(a: Node, b: Node, gap: str, text: str, ctx: Ctx):
    """Ordinals inside a period: "the first Monday of this month", "last week of September 2014"."""
    if isinstance(a.v, Nth) and re.match(r"^\s+(?:of|in)\s+(?:the\s+)?$", gap, re.I):
        sp = span_of(b.v, ctx)
        if sp is not None:
            got = nth_in(a.v, sp, ctx)
            return Node(a.s, b.e, Fix(got), "date") if got else _NO
    return None


def _dur_from_anchor(a: Node, b: Node, gap: str, text: str, ctx: Ctx):
    """Shifts from an anchor: "three days after Easter", "2 days from tomorrow"."""
    if isinstance(a.v, Dur) and _DUR_ANCHOR.match(gap):
        anchor = span_of(b.v, ctx)
        if anchor is not None and anchor.start is not None:
            sign = -1 if "before" in gap.lower() else 1
            got = shifted_day(anchor.start, a.v, sign, ctx)
            return Node(a.s, b.e, Fix(got), "date") if got else _NO
    return None


def _dur_to_end(a: Node, b: Node, gap: str, text: str, ctx: Ctx):
    """A length that ends on a named day: "the two weeks to Wednesday" (14 days through it), "the week ended
    Wednesday", "the past three months through Wednesday"."""
    v = a.v
    if not (isinstance(v, Dur) and isinstance(v.unit, str) and v.unit in ("day", "week", "month", "quarter", "year")
            and _DUR_TO_END.match(gap)):
        return None
    end = span_of(b.v, ctx)
    if end is None or end.start is None or end.end is None or (end.end - end.start).days != 1:
        return None
    win = _WINDOW_BEFORE.search(text[max(0, a.s - 20):a.s])
    got = Span(shift(end.end, -v.n, v.unit), end.end, "range", f"{v.n} {v.unit}s to {end.label}",
               rule="dates.length_to.v1")
    return Node(a.s - len(win.group()) if win else a.s, b.e, Fix(got), "range")


def _moved_by_duration(a: Node, b: Node, gap: str, text: str, ctx: Ctx):
    """A holiday or month moved by a duration: "thanksgiving in 9 months", "Lakshmi Puja six years hence"."""
    va, vb = a.v, b.v
    if not (isinstance(va, (Hol, Cal)) and isinstance(vb, Dur) and isinstance(vb.unit, str)
            and vb.unit in ("day", "week", "month", "year") and not (isinstance(va, Cal) and va.y is not None)):
        return None
    ago = _DUR_AGO.match(text[b.e:b.e + 20])
    if not (re.match(r"^\s+in\s+$", gap, re.I) or (gap.strip() == "" and ago)):
        return None
    sign = -1 if ago and ago.group("w").lower() in ("ago", "back", "earlier") else 1
    around = shift(ctx.ref, sign * vb.n, vb.unit)
    if isinstance(va, Hol):
        got = resolve_hol(va, ctx, around=around)
    else:
        got = resolve_cal(Cal(around.year, va.m, va.d, va.wd), ctx) if va.m else None
    end = b.e + (ago.end() if ago else 0)
    return Node(a.s, end, Fix(got), "date") if got else _NO


def _range_of(a: Node, b: Node, gap: str, text: str, ctx: Ctx):
    """Ranges: "July 13 - July 15", "from 10/25 to 01/25", "between today and tomorrow", "Jan-Feb 2017"."""
    if not (_RANGE_GAP.match(gap) and len(gap) < 16):
        return None
    va, vb = a.v, b.v
    word = gap.strip().lower()
    prefix = _RANGE_FROM.search(text[max(0, a.s - 12):a.s])
    if word in ("and",) and not (prefix and "between" in prefix.group().lower()):
        return _month_pair(a, b, ctx)
    if word == "/" and not (is_cal(va, "y", "m", "d") and is_cal(vb, "y", "m", "d")):
        return _NO
    got = range_span(va, vb, ctx)
    if got is None:
        return None
    s = a.s - len(prefix.group()) if prefix else a.s
    return Node(s, b.e, Fix(got), "range")


def _month_pair(a: Node, b: Node, ctx: Ctx):
    """Two neighbouring months joined by "and" are the span of both ("in January and February this year", "in
    February and January"); other pairs stay apart (_NO)."""
    sa, sb = span_of(a.v, ctx), span_of(b.v, ctx)
    if sa is None or sb is None or sa.grain != "month" or sb.grain != "month" or sb.start != sa.end and sa.start != sb.end:
        return _NO
    first, last = (sa, sb) if sa.start < sb.start else (sb, sa)
    return Node(a.s, b.e, Fix(Span(first.start, last.end, "range", f"{first.label}..{last.label}", rule="dates.range.v1")),
                "range")


# ---- rules on one node and the words around it: each returns the new node, None to try the next, or _NO

def _single(a: Node, text: str, ctx: Ctx) -> Node | None:
    """Rules on one node and the words around it (parts, bounds, shifts, windows, partial ranges)."""
    if ctx is None:
        return None
    v = a.v
    before = text[max(0, a.s - 40):a.s]
    after = text[a.e:a.e + 40]
    if isinstance(v, Dur):
        return _duration(a, v, before, after, ctx)
    if isinstance(v, tuple) and v[0] == "after_next":  # "friday after next": the second one to come
        got = shifted_day(ctx.ref, Dur(2, v[1]), 1, ctx)
        return Node(a.s, a.e, Fix(got), "date") if got else None
    if isinstance(v, tuple) and v[0] == "part":  # "EOM", "end of the month", "rest of the week"
        return _part_word(a, v, ctx)
    if isinstance(v, Nth) and isinstance(v.unit, int) and not v.from_end:  # "first Sunday": of this month
        got = nth_in(v, month_span(ctx.ref.year, ctx.ref.month), ctx)
        return Node(a.s, a.e, Fix(got), "date") if got else None
    if isinstance(v, tuple) and v[0] == "weekdays":
        return None
    if a.kind in ("bound", "weekof", "final"):
        return None
    if a.kind in ("part", "pabbr", "partu"):
        bm = _BOUND_BEFORE.search(before)
        sp = span_of(v, ctx) if isinstance(v, Fix) else None
        got = _bound(bm.group("b").lower(), sp, "part", ctx) if bm and sp else None
        return Node(a.s - len(bm.group()), a.e, Fix(got), "bound") if got else None
    return _first_rule((_week_of, _days_in_month_named_after, _days_of_month_named_before, _part_of, _rest_of, _bounded),
                       a, v, before, after, ctx)


def _duration(a: Node, v: Dur, before: str, after: str, ctx: Ctx) -> Node | None:
    """"3 days ago", "2 weeks from now", "the next 3 days", "in two weeks", "within a month", "after 2 years"."""
    ago = _DUR_AGO.match(after)
    if ago:
        w = ago.group("w").lower()
        sign = -1 if w in ("ago", "back", "earlier", "before now") else 1
        got = shifted_day(ctx.ref, v, sign, ctx, ago=sign < 0)
        return Node(a.s, a.e + ago.end(), Fix(got), "date") if got else None
    win = _WINDOW_BEFORE.search(before)
    if win:
        forward = win.group("w").lower() in ("next", "coming", "upcoming", "following")
        got = window_span(v, forward, ctx)
        return Node(a.s - len(win.group()), a.e, Fix(got), "range") if got else None
    inn = _IN_BEFORE.search(before)
    if inn is None or isinstance(v.unit, int):  # "in a Tuesday note": weekdays move only with "ago" or "from now"
        return None
    w = inn.group("w").lower()
    if w == "within" and isinstance(v.unit, str):
        got = Span(ctx.ref, shift(ctx.ref, v.n, v.unit), "range", f"within {v.n} {v.unit}")
        return Node(a.s - len(inn.group()), a.e, Fix(got), "range")
    got = shifted_day(ctx.ref, v, 1, ctx)
    if got and w == "after":
        got = Span(got.start, None, "range", f"after {got.label}", "after")
    return Node(a.s - len(inn.group()), a.e, Fix(got), "date") if got else None


def _part_word(a: Node, v: tuple, ctx: Ctx) -> Node | None:
    _, part, unit = v
    base = rel_unit(unit, 0, ctx, calendar_year=True)
    if unit == "day":
        return Node(a.s, a.e, Fix(day_span(ctx.ref)), "date")
    got = part_of(base, part, ctx)
    if got is None:
        return None
    return Node(a.s, a.e, Fix(got), "part")


def _week_of(a: Node, v, before: str, after: str, ctx: Ctx):
    """The week of a date: "the week of October 6th", "the week beginning February 4"; the week to one: "the
    week ended Wednesday"."""
    wk = _WEEK_OF.search(before)
    if wk and isinstance(v, (Cal, Fix, Hol)):
        sp = span_of(v, ctx)
        if sp is not None and sp.grain == "day":
            start = week_start(sp.start)
            if ctx.future and sp.start.weekday() == 6:
                start += timedelta(days=7)  # Duckling's week of a Sunday is the one it leads into
            return Node(a.s - len(wk.group()), a.e, Fix(week_span(start)), "weekof")
    wk = _WEEK_TO.search(before)
    if wk and isinstance(v, (Cal, Fix, Hol)):
        sp = span_of(v, ctx)
        if sp is not None and sp.grain == "day":  # "the week ended Wednesday": the seven days through it
            got = Span(sp.end - timedelta(days=7), sp.end, "range", f"week to {sp.label}", rule="dates.length_to.v1")
            return Node(a.s - len(wk.group()), a.e, Fix(got), "weekof")
    return None


def _days_in_month_named_after(a: Node, v, before: str, after: str, ctx: Ctx):
    """Day ranges written once for a month: "from 13 to 15 July", "1-8 september", "23rd to 26th Oct"."""
    if not is_cal(v, "m", "d"):
        return None
    db = _DAYS_BEFORE.search(before)
    if db and int(db.group("d1")) < v.d:
        got = range_span(Cal(v.y, v.m, int(db.group("d1"))), v, ctx)
        if got:
            return Node(a.s - len(db.group()), a.e, Fix(got), "range")
    da = _DAY_AFTER.match(after)
    if da and int(da.group("d2")) > v.d:
        got = range_span(v, Cal(v.y, v.m, int(da.group("d2"))), ctx)
        if got:
            return Node(a.s, a.e + da.end(), Fix(got), "range")
    return None


def _days_of_month_named_before(a: Node, v, before: str, after: str, ctx: Ctx):
    """Days of a month named after them: "from 4 to 22 this month", "between 3 and 12 of Sept"."""
    if not ((isinstance(v, Fix) and v.span.grain == "month") or is_cal(v, "m", without=("d",))):
        return None
    sp = span_of(v, ctx)
    if sp is None:
        return None
    dib = _DAYS_IN_BEFORE.search(before)
    if dib and int(dib.group("d1")) < int(dib.group("d2")):
        got = _days_span(sp, int(dib.group("d1")), int(dib.group("d2")))
        if got:
            return Node(a.s - len(dib.group()), a.e, Fix(got), "range")
    das = _DAYS_AFTER.match(after)
    if das and int(das.group("d1")) < int(das.group("d2")):
        got = _days_span(sp, int(das.group("d1")), int(das.group("d2")))
        if got:
            return Node(a.s, a.e + das.end(), Fix(got), "range")
    return None


def _days_span(month: Span, d1: int, d2: int) -> Span | None:
    first = safe_date(month.start.year, month.start.month, d1)
    last = safe_date(month.start.year, month.start.month, d2)
    return Span(first, last + timedelta(days=1), "range", "") if first and last else None


def _part_of(a: Node, v, before: str, after: str, ctx: Ctx):
    """Parts: "end of April", "early next week", "the beginning of 2017", "late last year"."""
    pm = _PART_BEFORE.search(before)
    if pm and isinstance(v, (Cal, Fix)):
        word = pm.group("p").lower().split()[0]
        part = _PARTS.get(word)
        sp = span_of(v, ctx)
        explicit = a.kind == "year" and is_cal(v, "y", without=("m",))
        got = part_of(sp, part, ctx, explicit_year=explicit) if part and sp else None
        if got is not None:
            return Node(a.s - len(pm.group()), a.e, Fix(got), "part")
    return None


def _rest_of(a: Node, v, before: str, after: str, ctx: Ctx):
    rest = _REST_BEFORE.search(before)
    if rest and isinstance(v, Fix):
        got = part_of(v.span, "rest", ctx)
        if got is not None:
            return Node(a.s - len(rest.group()), a.e, Fix(got), "part")
    return None


def _bounded(a: Node, v, before: str, after: str, ctx: Ctx):
    """Bounds: "after 2016", "since August", "before independence day", "by the end of next month"."""
    bm = _BOUND_BEFORE.search(before)
    if bm and _POSSESSIVE.match(after) and bm.group("b").lower().endswith(("after", "before")):
        return None  # "after December's 2.15 billion": the month of what follows, no bound ("as early as next
        # year's first quarter" stays one)
    if bm and isinstance(v, (Cal, Fix, Hol, Sea)):
        sp = span_of(v, ctx)
        got = _bound(bm.group("b").lower(), sp, a.kind, ctx) if sp else None
        if got is not None:
            return Node(a.s - len(bm.group()), a.e, Fix(got), "bound")
    return None


def _bound(word: str, sp: Span, kind: str, ctx: Ctx) -> Span | None:
    if sp.start is None or sp.end is None:
        return None
    word = re.sub(r"\s+", " ", word)
    if word.startswith(("since", "starting", "beginning", "as early as", ">=", "> =")):
        return Span(sp.start, None, "range", f"since {sp.label}", "since")
    if word.startswith(("after", "anytime after", "any time after", "later than", "greater than", ">")):
        start = sp.start if ctx.future or sp.grain in ("day",) or kind == "part" else sp.end
        return Span(start, None, "range", f"after {sp.label}", "after")
    if word.startswith(("before", "prior to", "earlier than", "no later than", "not later than", "as late as", "<")):
        return Span(None, sp.start, "range", f"before {sp.label}", "before")
    if word in ("until", "till") and not ctx.future:
        return Span(None, sp.start, "range", f"until {sp.label}", "before")
    if word in ("by", "until", "till", "up to") and ctx.future:
        return Span(ctx.ref, sp.end, "range", f"by {sp.label}", rule="dates.by.v1")  # Duckling: from now to its end
    return None  # news: "by the end of 2023" names the period itself
