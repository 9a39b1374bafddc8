"""Periods: calendar expressions ("next Tuesday", "July 13 to 15", "the end of 2012", "three days
after Easter", "since August") found in text and resolved against a reference date.

Words are data (models/lexicons/periods.yaml, holidays.yaml, number_words.yaml). `find_calendar`
works in two steps, as the figures stage does: a scanner yields atoms (a weekday, a day of a month,
a month, a holiday, "next week", "3 days"...), then rules join neighbouring atoms and the words
around them (intersections "Monday, Feb 18", ordinals "the third Tuesday of September", shifts
"2 weeks ago", parts "end of April", ranges "from 13 to 15 July", bounds "after 2016") and resolve
each expression to a half-open day range `Span`.

`prefer` decides what an expression that names no year or week means: "past" (news, and
Recognizers-Text's first reading) takes the latest such period that has begun; "future" (calendar
assistants, Duckling) the next one. The same switch picks each suite's convention where the two
differ (a weekend from Friday evening, the slice called "end of the month", whole units in "the
last 2 months").

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

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Mapping

from .numbers import parse_word_tokens


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
    """A duration: n units ("3 days", "a week", "few months")."""

    n: int
    unit: str


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
    def __init__(self, ref: date, prefer: str, grammar: "Grammar"):
        self.ref, self.prefer, self.g = ref, prefer, grammar
        self.future = prefer == "future"


# ---------------------------------------------------------------------------
# calendar arithmetic

def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: date, k: int) -> date:
    idx = d.year * 12 + d.month - 1 + k
    y, m = idx // 12, idx % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _day(d: date, label: str = "") -> Span:
    return Span(d, d + timedelta(days=1), "day", label or d.isoformat())


def _month(y: int, m: int) -> Span:
    return Span(date(y, m, 1), add_months(date(y, m, 1), 1), "month", f"{y}-{m:02d}")


def _year(y: int) -> Span:
    return Span(date(y, 1, 1), date(y + 1, 1, 1), "year", str(y))


def _quarter(y: int, q: int) -> Span:
    s = date(y, 3 * (q - 1) + 1, 1)
    return Span(s, add_months(s, 3), "quarter", f"{y}-Q{q}")


def _week(start: date) -> Span:
    return Span(start, start + timedelta(days=7), "week", f"{start.isoformat()}..{(start + timedelta(days=6)).isoformat()}")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
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
    ref = ctx.ref
    if c.y is not None and c.m is not None and c.d is not None:
        d = _safe_date(c.y, c.m, c.d)
        return _day(d) if d else None
    if c.y is not None and c.m is not None:
        return _month(c.y, c.m) if 1 <= c.m <= 12 else None
    if c.y is not None and c.m is None and c.d is None:
        return _year(c.y)
    if c.m is not None and c.d is not None:
        days = []
        for y in range(ref.year - 30, ref.year + 31):
            d = _safe_date(y, c.m, c.d)
            if d and (c.wd is None or d.weekday() == c.wd):
                days.append(_day(d))
        if c.wd is not None:
            if not ctx.future:  # "Tuesday March 7" in news and Recognizers-Text: the date rules, not the weekday
                return resolve_cal(Cal(c.y, c.m, c.d), ctx)
            this = _safe_date(ref.year, c.m, c.d)  # "Sunday, Feb 10": this year's when the weekday fits, else search
            if this and this.weekday() == c.wd:
                return _day(this)
        return _pick(days, ctx, tolerance=0 if ctx.future else 1)
    if c.m is not None:
        return _pick([_month(y, c.m) for y in range(ref.year - 2, ref.year + 3)], ctx)
    if c.d is not None:
        months = []
        for k in range(-36, 37):
            first = add_months(date(ref.year, ref.month, 1), k)
            d = _safe_date(first.year, first.month, c.d)
            if d and (c.wd is None or d.weekday() == c.wd):
                months.append(_day(d))
        if c.wd is not None:
            this = _safe_date(ref.year, ref.month, c.d)
            if this and this.weekday() == c.wd:
                return _day(this)
        return _pick(months, ctx)
    if c.wd is not None:
        days = [_day(ref + timedelta(days=k)) for k in range(-7, 8) if (ref + timedelta(days=k)).weekday() == c.wd]
        return _pick(days, ctx, strict_future=True)
    return None


def holiday_date(key: str, y: int, g: "Grammar") -> date | None:
    rule = g.holiday_rules.get(key)
    if rule is None:
        return None
    if "fixed" in rule:
        m, d = (int(x) for x in str(rule["fixed"]).split("-"))
        return _safe_date(y, m, d)
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
        return _safe_date(y, m, d)
    return None


def resolve_hol(h: Hol, ctx: Ctx, around: date | None = None) -> Span | None:
    if h.y is not None:
        d = holiday_date(h.key, h.y, ctx.g)
        return _day(d) if d else None
    ref = around or ctx.ref
    cands = [_day(d) for y in range(ref.year - 2, ref.year + 3) if (d := holiday_date(h.key, y, ctx.g))]
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


def season_span(name: str, y: int, g: "Grammar") -> Span | None:
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


# ---------------------------------------------------------------------------
# the grammar: words from models/lexicons, compiled once per models/ folder

def _alt(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def _spaced(forms) -> str:
    """An alternation where a space in a form matches any run of spaces or a hyphen."""
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in sorted(set(forms), key=len, reverse=True))


class Grammar:
    """The period scanner and its word tables, built from a Resources' periods, holidays and number words."""

    def __init__(self, res, legacy: list[tuple[str, str]]):
        P: Mapping = res.periods
        nw: Mapping = res.number_words
        self.weekdays = {str(k).lower(): int(v) for k, v in P["weekdays"].items()}
        self.months = {str(k).lower(): int(v) for k, v in P["months"].items()}
        self.units = {str(k).lower(): str(v) for k, v in P["units"].items()}
        self.next_words = [w.lower() for w in P["next"]]
        self.last_words = [w.lower() for w in P["last"]]
        self.this_words = [w.lower() for w in P["this"]]
        self.rel_days = {str(k).lower(): int(v) for k, v in P["relative_days"].items()}
        self.seasons = {str(k).lower(): list(v) for k, v in P["seasons"].items()}
        self.parts = P["parts"]
        self.not_dates = frozenset(P.get("not_dates") or ())
        self.ordinals = {str(k).lower(): int(v) for k, v in P["ordinals"].items()}
        ords = {str(k).lower(): int(v) for k, v in P["day_ordinals"].items()}
        tens = {"twenty": 20, "thirty": 30}
        for t, tv in tens.items():
            for u, uv in list(ords.items()):
                if uv < 10 and tv + uv <= 31:
                    ords[f"{t}-{u}"] = ords[f"{t} {u}"] = tv + uv
        cards = {str(k): int(v) for k, v in nw["units"].items() if 1 <= int(v) <= 19}
        for t, tv in tens.items():
            cards[t] = tv
            for u, uv in list(cards.items()):
                if 1 <= uv <= 9 and tv + uv <= 31:
                    cards[f"{t}-{u}"] = cards[f"{t} {u}"] = tv + uv
        self.day_ords, self.day_cards = ords, cards
        self.numbers = nw
        hol = (res.holidays or {}).get("holidays") or {}
        self.holiday_rules = {k: v["rule"] for k, v in hol.items()}
        self.holiday_names = {}
        for key, row in hol.items():
            for name in row["names"]:
                for form in {name.lower(), name.lower().replace("'", "’"), name.lower().replace("'", "")}:
                    self.holiday_names[form] = key
        self.legacy_kinds = tuple(name for name, _ in legacy)

        MON = rf"(?:{_alt(self.months)})"
        WD = rf"(?:{_alt(self.weekdays)})"
        DOMN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
        ORDW = rf"(?:{_spaced(ords)})"
        CARDW = rf"(?:{_spaced(k for k, v in cards.items() if v > 10 or ' ' in k or '-' in k)})"  # not "April one analyst"
        DAY = rf"(?:{DOMN}|{ORDW}|{CARDW})"
        Y4 = r"(?:1\d{3}|2\d{3})(?!\d)"
        NOT_NUM = r"(?!\s*(?:%|pct\b|percent|per\s?cent|mln\b|million|billion|bln\b|bn\b|thousand|tonnes?|barrels?|points?|shares?|people|[-\s]?(?:hour|minute|min)s?\b)|[:.]\d|\s*[ap]\.?m\b)"
        NEXT, LAST, THIS = _spaced(self.next_words), _spaced(self.last_words), _spaced(self.this_words)
        UNIT = _spaced(self.units)
        UNIT1 = _spaced(u for u in self.units if not u.endswith("s") or u == "days")  # "next week", not "coming weeks"
        SEASON = _alt(self.seasons)
        HOL = _spaced(self.holiday_names)
        ORDS = _alt(self.ordinals)
        NUMW = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|couple\s+of|a\s+couple\s+of|a\s+few)"
        atoms = [
            ("ymd", r"(?<![\d.])(?P<ymd_y>[12]\d{3})(?P<ymd_s>[-/.])(?P<ymd_m>\d{1,2})(?P=ymd_s)(?P<ymd_d>\d{1,2})(?!\d|\.\d|%)"
                    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"),
            ("ymon", rf"(?<![\d.])(?P<ymon_y>[12]\d{{3}})[-/](?:(?P<ymon_m>{MON})[-/](?P<ymon_d>\d{{1,2}})|(?P<ymon_d2>\d{{1,2}})[-/](?P<ymon_m2>{MON}))\b"),
            ("dmon", rf"(?<![\d.])(?P<dmon_d>\d{{1,2}})[-/](?:(?P<dmon_y>[12]\d{{3}})[-/](?P<dmon_m>{MON})|(?P<dmon_m2>{MON})[-/](?P<dmon_y2>\d{{4}}|\d{{2}}))\b"),
            ("mond", rf"\b(?P<mond_m>{MON})-(?P<mond_d>\d{{1,2}})-(?P<mond_y>\d{{4}})\b"),
            ("nmdy", r"(?<![\d/.$])(?P<nmdy_a>\d{1,2})(?P<nmdy_s>[/.-])(?P<nmdy_b>\d{1,2})(?:(?P=nmdy_s)|,\s?)(?P<nmdy_y>\d{4}|\d{2})(?![\d%/]|[.,]\d)"),
            ("rday", rf"\b(?P<rday_p>{_spaced(self.rel_days)})\b"),
            ("hol", rf"\b(?:(?P<hol_w>{NEXT}|{LAST}|{THIS})\s+)?(?P<hol_n>{HOL})(?:'s)?\b(?:\s+(?:day\b))?"),
            ("nth", rf"\b(?:the\s+)?(?:(?P<nth_o>{ORDS})\s+(?P<nth_last>last\s+)?|(?P<nth_l>last|final)\s+)(?P<nth_u>{WD}|day|week[\s-]?end|wkend|week)\b(?=\s+(?:of|in)\b)"
                    rf"|\b(?:the\s+)?(?P<nth_o2>{ORDS})\s+(?P<nth_u2>{WD})\b"),
            ("wan", rf"\b(?P<wan_w>{WD})\s+after\s+next\b"),
            ("rel", rf"\b(?P<rel_w>{NEXT}|{LAST}|{THIS})\s+(?:(?P<rel_u>{UNIT1})\b(?!\s+(?:of\s+)?(?:19|20)\d\d\b)|(?P<rel_wd>{WD})\b\.?|(?P<rel_m>{MON})\b|(?P<rel_s>{SEASON}|season)s?\b)"),
            ("wkno", r"\bweek\s+(?P<wkno_n>\d{1,2})\b"),
            ("ad", r"\b(?P<ad_y>\d{1,4})\s*(?:a\.d\.|ad\b)"),
            ("pabbr", r"\b(?P<pabbr_v>eom|bom|eoy|boy|eow|bow)\b"),
            ("partu", r"\b(?:the\s+)?(?P<partu_p>beginning|start|middle|end|rest|remaining|remainder|later|earlier)\s+(?:of\s+|in\s+)?(?:the\s+|this\s+|current\s+|my\s+)?(?P<partu_u>day|week|month|year)\b(?!\s+(?:of|in|to)\b)"),
            ("wkend", r"\b(?:the\s+)?(?P<wkend_w>week[\s-]?end|wkend)\b"),
        ] + list(legacy) + [
            ("mdt", rf"\b(?P<mdt_m>{MON})(?:\.|\b|(?=\d))(?:\s*[,/]?\s*(?:the\s+)?|-)(?P<mdt_d>{DAY})(?!\d|[/.]\d){NOT_NUM}"
                    rf"(?:(?:\s*,\s*|\s+|-)(?:of\s+|in\s+)?(?P<mdt_y>{Y4}|'\d{{2}}(?!\d)))?"),
            ("dmt", rf"(?<![\d.,$])(?<!\d:)\b(?:the\s+)?(?P<dmt_d>{DOMN}|{ORDW})\.?(?:\s+day)?(?:\s+of\s+|\s*,\s*|\s*-\s*|\s*)(?P<dmt_m>{MON})(?:\.|\b)"
                    rf"(?:(?:\s*,\s*|\s+|-)(?:of\s+|in\s+)?(?P<dmt_y>{Y4}|'\d{{2}}(?!\d))|\s+of\s+(?P<dmt_y2>\d{{2}})(?!\d)|\s+(?P<dmt_y3>\d{{2}})(?=\s*(?:$|[.,;!?)])))?"),
            ("ym", rf"\b(?P<ym_y>{Y4})\s*,?\s+(?P<ym_m>{MON})\b"),
            ("mon", rf"\b(?P<mon_m>{MON})(?:\.|\b)(?:(?:\s*,\s*|\s+|\s*[-/]\s*)(?:of\s+)?(?P<mon_y>{Y4}))?"),
            ("nmy", r"(?<![\d/.$-])(?P<nmy_m>\d{1,2})\s*[-/]\s*(?P<nmy_y>[12]\d{3})(?![\d/-])"),
            ("nym", r"(?<![\d/.$-])(?P<nym_y>[12]\d{3})\s*(?P<nym_s>[-/.])\s*(?P<nym_m>\d{1,2})(?![\d%]|\s*[-/.]\s*\d|\.\d|\s*(?:mln|million|billion|bn|pct|percent|per\s?cent)\b)"),
            ("nmd", r"(?<![\d/.,$:])(?P<nmd_a>\d{1,2})(?P<nmd_sp>\s?)(?P<nmd_s>[/.-])(?P=nmd_sp)(?P<nmd_b>\d{1,2})"
                    r"(?![\d/:]|[.,]\d|\s*(?:%|pct|percent|per\b|a\.?m\b|p\.?m\b|h\b|:|mln|million|billion|bn\b))"),
            ("wd", rf"\b(?P<wd_w>{WD})(?:(?P<wd_dot>\.)|(?P<wd_pl>s)\b|\b)"
                   rf"(?:\s*,?\s*(?:the\s+)?(?P<wd_d>{DOMN}|{ORDW}|{CARDW})(?![\d:/-]|\.\d|\s*(?:[ap]\.?m\b|o'?clock|h\d*\b|:)))?"),
            ("sea", rf"\b(?P<sea_n>{SEASON})\b(?:\s+(?:of\s+)?(?P<sea_y>{Y4}))?"),
            ("dom", rf"\b(?:(?P<dom_p>on\s+the|the|on|for\s+the)\s+)(?P<dom_d>\d{{1,2}}(?:st|nd|rd|th)|(?:(?<=on\sthe\s)|(?<=for\sthe\s)|(?<=on\s))\d{{1,2}}(?=\s*(?:$|[!?,;]|\.(?!\d)))|(?:(?<=on\sthe\s)|(?<=for\sthe\s)){ORDW}|{ORDW}(?=\s+day\s+of))(?:\s+day)?"
                    rf"(?=\s+of\s+(?:the\s+)?(?:{THIS}|{NEXT}|{LAST})\s+month|\s+of\s+the\s+month|\s*(?:$|[!?,;:)]|\.(?!\d)|\s-\s)|\s+(?:to|through|thru|till|until|or|at)\b)"
                    rf"|\b(?P<dom_d2>\d{{1,2}}(?:st|nd|rd|th)?|{ORDW})(?:\s+day)?(?=\s+of\s+(?:the\s+)?(?:{THIS}|{NEXT}|{LAST})\s+month|\s+of\s+the\s+month)"),
            ("yr", r"(?<![\d.,$])\b(?P<yr_y>(?:19[5-9]\d|20\d\d))\b(?![.,]\d|\s*(?:%|pct\b|percent|per\s?cent))"),
            ("dur", rf"\b(?P<dur_n>{NUMW})\s*(?P<dur_u>{UNIT}|fortnight|hour|hr|minute|min|{WD})s?\b"),
        ]
        self.atom_names = tuple(name for name, _ in atoms)
        self.pattern = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in atoms), re.I)
        # NOTE: the scanner is tried only where a word that can open an atom starts (the pattern is a long
        # alternation that Python's re would otherwise try at every character); keep this list in sync
        # with the atoms above and the legacy patterns in pipeline/dates.py.
        first = lambda forms: {re.split(r"[\s-]+", f.lower())[0] for f in forms}  # noqa: E731
        words = (
            first(self.months) | first(self.weekdays) | first(self.next_words) | first(self.last_words)
            | first(self.this_words) | first(self.rel_days) | first(self.holiday_names) | first(self.seasons)
            | first(self.ordinals) | first(ords) | first(cards) | first(self.units)
            | set(nw["units"]) | set(nw["tens"])
            | {"the", "on", "for", "a", "an", "few", "several", "couple", "its", "fiscal", "fy", "ytd", "year", "so",
               "since", "prior", "previous", "sequentially", "just", "final", "last", "eom", "bom", "eoy", "boy", "eow",
               "bow", "beginning", "start", "middle", "end", "rest", "remaining", "remainder", "later", "earlier", "wkend",
               "week", "fortnight", "hour", "hr", "minute", "min", "right", "my", "day", "this", "next",
               "quarter", "qtr", "half", "yr", "period", "latest", "financial"})
        self.start_words = frozenset(v for w in words for v in (w, w.upper(), w.capitalize()))
        # a token opens a candidate when it is digits, a code such as "Q3", "H1", "FY24", or one of the words
        self.token = re.compile(r"(\d|(?i:q|h|fy|w)\d)|[^\W\d_]+")
        self.DAYW = {**ords, **cards}


@lru_cache(maxsize=4)
def grammar(res, legacy: tuple) -> Grammar:
    return Grammar(res, list(legacy))


# ---------------------------------------------------------------------------
# atoms: one scanner match -> one Node

def _num_year(text: str, ref: date | None) -> int:
    y = int(text.lstrip("'"))
    if y < 100:
        base = ref.year if ref else 2000
        y += (base // 100) * 100
        if y > base + 20:
            y -= 100
    return y


def _day_num(text: str, g: Grammar) -> int | None:
    t = re.sub(r"[\s-]+", " ", text.lower().strip())
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?$", t)
    if m:
        return int(m.group(1))
    return g.DAYW.get(t) or g.DAYW.get(t.replace(" ", "-"))


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|during|since|until|till|by|of|from|to|through|the|this|next|last|early|late|mid|"
                                 r"before|after|between|on|for|around|throughout|starting|beginning|ending|past)\s+$", re.I)
# lower-case "may" and "march" are verbs unless a preposition of time asks for a month
_MAY_BEFORE = re.compile(r"\b(?:in|during|since|until|till|of|from|through|early|late|mid|next|last|this|before|after)\s+$", re.I)
_MODAL_AFTER = re.compile(r"^\s+(?:i|we|you|he|she|it|they|be|have|not|also|well|still|the|a|an|this|that|take|make|"
                          r"help|ask|see|need|want|get|come|go|do|say|seem|prove|result|include|require)\b", re.I)
_AMBIGUOUS_ABBR = frozenset(("sat", "sun", "wed", "mon", "mar", "dec"))  # English words, newspapers, tickers


def _bare_word_ok(text: str, s: int, e: int, word: str) -> bool:
    """A month or weekday written alone is a date only where a date is expected.

    "It may be in may", "in dec", "on Sun.": yes; "investors may sell", "The Sun reported", "we sat": no.
    """
    before = text[max(0, s - 25):s]
    low = word.lower().rstrip(".")
    if low in _AMBIGUOUS_ABBR:  # "Sun", "Mar", "Dec", "SAT": words, newspapers and tickers as often as dates
        if word.endswith(".") or text[e:e + 1] == "." or re.match(r",?\s*(?:the\s+)?\d|,\s*[A-Z][a-z]{2}", text[e:e + 8]):
            return True  # "Sun.", "Wed, 22 of Jan", "Mon 13th"
        if not before.strip() and not text[e:].strip(" .!?"):
            return True  # the whole text is the word: "sat"
        return bool(_ABBR_BEFORE.search(before))
    if word[:1].isupper():
        if low == "may" and _MODAL_AFTER.match(text[e:e + 20]):
            return False  # "May I ask", "May be"
        return True
    if (not before.strip() and not text[e:].strip(" .!?")) and low not in ("may", "march"):
        return True  # the whole text is the word: "thu."
    if re.match(r"\s+(?:of\s+)?(?:next|last|this)\s+year\b", text[e:e + 20], re.I) and low not in ("may", "march"):
        return True  # "june next year"
    if low in ("may", "march"):
        return bool(_MAY_BEFORE.search(before)) and not re.match(r"\s+[a-z]", text[e:e + 3])
    return bool(_PREPOSITION_BEFORE.search(before)) and not _MODAL_AFTER.match(text[e:e + 20])


_ABBR_BEFORE = re.compile(r"\b(?:on|this|next|last|every|by|until|till|since|from|in|during|through|to|of|before|after)\s+$", re.I)


def _fraction_not_date(a: int, b: int, text: str, s: int, e: int) -> bool:
    """"3/4 pct", "1/8 point", "4 3/4": a written fraction, not a month and day."""
    if a < b and b in (2, 4, 8, 16, 32, 64):
        return True
    return a < b and bool(re.search(r"\d[\s-]$", text[max(0, s - 2):s]))


class Atoms:
    """Turn scanner matches into nodes (values not yet combined)."""

    def __init__(self, g: Grammar, ctx: Ctx | None, legacy_resolve):
        self.g, self.ctx, self.legacy_resolve = g, ctx, legacy_resolve

    def node(self, m: re.Match, text: str) -> Node | None:
        kind = m.lastgroup
        gd = m.groupdict()
        s, e = m.start(), m.end()
        g, ctx = self.g, self.ctx
        ref = ctx.ref if ctx else None
        if kind in g.legacy_kinds:
            return Node(s, e, m, "legacy:" + kind)
        if kind == "ymd":
            return Node(s, e, Cal(int(gd["ymd_y"]), int(gd["ymd_m"]), int(gd["ymd_d"])), "date")
        if kind == "ymon":
            mon = gd["ymon_m"] or gd["ymon_m2"]
            return Node(s, e, Cal(int(gd["ymon_y"]), g.months[mon.lower()], int(gd["ymon_d"] or gd["ymon_d2"])), "date")
        if kind == "dmon":
            mon = gd["dmon_m"] or gd["dmon_m2"]
            return Node(s, e, Cal(_num_year(gd["dmon_y"] or gd["dmon_y2"], ref), g.months[mon.lower()], int(gd["dmon_d"])), "date")
        if kind == "mond":
            return Node(s, e, Cal(int(gd["mond_y"]), g.months[gd["mond_m"].lower()], int(gd["mond_d"])), "date")
        if kind == "nmdy":
            a, b, y = int(gd["nmdy_a"]), int(gd["nmdy_b"]), _num_year(gd["nmdy_y"], ref)
            mo, d = (a, b) if a <= 12 else (b, a)
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                return None
            return Node(s, e, Cal(y, mo, d), "date")
        if kind == "rday":
            if ref is None:
                return None
            phrase = re.sub(r"[\s-]+", " ", gd["rday_p"].lower())
            if phrase == "now" and not re.match(r"\s*(?:$|[.!?,;:)]|(?:and|to|until|till|through|on)\b)", text[e:e + 9]) \
                    and not re.search(r"\b(?:from|between|until|till|since|by)\s+$", text[max(0, s - 9):s]):
                return None  # "the company now expects": an adverb, not a date
            off = g.rel_days.get(phrase)
            if off is None:
                return None
            return Node(s, e, Fix(_day(ref + timedelta(days=off))), "day")
        if kind == "hol":
            key = g.holiday_names.get(re.sub(r"[\s-]+", " ", gd["hol_n"].lower()))
            if key is None:
                return None
            w = (gd["hol_w"] or "").lower()
            rel = 1 if self._is(w, g.next_words) else -1 if self._is(w, g.last_words) else 0
            return Node(s, e, Hol(key, None, rel), "hol")
        if kind == "nth":
            if gd["nth_l"]:
                n, from_end = 1, True
            else:
                n, from_end = g.ordinals[(gd["nth_o"] or gd["nth_o2"]).lower()], bool(gd["nth_last"])
            u = (gd["nth_u"] or gd["nth_u2"]).lower()
            unit = g.weekdays.get(u.rstrip(".")) if u.rstrip(".") in g.weekdays else g.units.get(re.sub(r"[\s-]+", " ", u), u)
            if unit == "week end":
                unit = "weekend"
            return Node(s, e, Nth(n, unit, from_end), "nth")
        if kind == "wan":
            return Node(s, e, ("after_next", g.weekdays[gd["wan_w"].lower()]), "wan")
        if kind == "rel":
            return self._rel(m, gd, s, e, text)
        if kind == "wkno":
            n = int(gd["wkno_n"])
            if not 1 <= n <= 53 or ref is None:
                return None
            try:
                start = date.fromisocalendar(ref.year, n, 1)
            except ValueError:
                return None
            return Node(s, e, Fix(_week(start)), "week")
        if kind == "ad":
            y = int(gd["ad_y"])
            if y < 1:
                return None
            return Node(s, e, Cal(y), "year")
        if kind == "pabbr":
            v = gd["pabbr_v"].lower()
            unit = {"m": "month", "y": "year", "w": "week"}[v[-1]]
            part = "start" if v[0] == "b" else "end"
            return Node(s, e, ("part", part, unit), "pabbr")
        if kind == "partu":
            p = gd["partu_p"].lower()
            p = {"beginning": "start", "middle": "mid", "remaining": "rest", "remainder": "rest", "later": "end",
                 "earlier": "start"}.get(p, p)
            return Node(s, e, ("part", p, gd["partu_u"].lower()), "partu")
        if kind == "wkend":  # "the weekend": the nearest one in news (the last one on a Monday), the next one read forward
            if ctx is None:
                return None
            this = week_start(ctx.ref)
            if not ctx.future and ctx.ref.weekday() <= 2:
                this -= timedelta(days=7)
            return Node(s, e, Fix(weekend_span(this, ctx)), "weekend")
        if kind == "yr":
            return Node(s, e, Cal(int(gd["yr_y"])), "year")
        if kind == "mdt":
            mon = gd["mdt_m"]
            d = _day_num(gd["mdt_d"], g)
            if d is None or not 1 <= d <= 31:
                return None
            if not gd["mdt_y"] and mon.lower() in ("may", "march", "mar", "dec") and not _bare_word_ok(text, s, s + len(mon), mon):
                if mon.islower() and (text[:s].strip() or mon.lower() == "may") and \
                        not re.search(r"\b(?:on|by|since|until|till|from|before|after|of)\s+$", text[max(0, s - 8):s], re.I):
                    return None  # "investors may 5", "troops march first"; but "on march eighteenth"
            y = _num_year(gd["mdt_y"], ref) if gd["mdt_y"] else None
            return Node(s, e, Cal(y, g.months[mon.lower().rstrip(".")], d), "date")
        if kind in ("dmt", "mdt", "nmd") and re.search(r"[$€£¥]\s*$", text[max(0, s - 3):s]):
            return None  # "$ 12 December": an amount, then a date
        if kind == "dmt":
            d = _day_num(gd["dmt_d"], g)
            if d is None or not 1 <= d <= 31:
                return None
            mon = gd["dmt_m"]
            if mon.lower() in ("may", "march", "mar", "dec", "jan") and mon.islower() and not re.search(r"\d", gd["dmt_d"]) \
                    and " of " not in m.group():
                return None
            yt = gd["dmt_y"] or gd["dmt_y2"] or gd["dmt_y3"]
            y = _num_year(yt, ref) if yt else None
            return Node(s, e, Cal(y, g.months[mon.lower().rstrip(".")], d), "date")
        if kind == "ym":
            return Node(s, e, Cal(int(gd["ym_y"]), g.months[gd["ym_m"].lower()]), "month")
        if kind == "mon":
            mon = gd["mon_m"]
            if not gd["mon_y"] and not _bare_word_ok(text, s, s + len(mon), mon):
                return None
            y = int(gd["mon_y"]) if gd["mon_y"] else None
            return Node(s, e, Cal(y, g.months[mon.lower().rstrip(".")]), "month")
        if kind == "nmy":
            mo = int(gd["nmy_m"])
            return Node(s, e, Cal(int(gd["nmy_y"]), mo), "month") if 1 <= mo <= 12 else None
        if kind == "nym":
            y, mo = int(gd["nym_y"]), int(gd["nym_m"])
            if not 1 <= mo <= 12:
                return None
            if gd["nym_s"] == "-" and len(gd["nym_m"]) == 2 and mo > y % 100:
                return None  # "2010-12": the years 2010 to 2012
            if gd["nym_s"] == "." and len(gd["nym_m"]) != 1:
                return None  # "2015.25" is a number
            return Node(s, e, Cal(y, mo), "month")
        if kind == "nmd":
            a, b, sep = int(gd["nmd_a"]), int(gd["nmd_b"]), gd["nmd_s"]
            if m.group() in g.not_dates:
                return None
            mo, d = (a, b) if a <= 12 else (b, a)
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                return None
            before = text[max(0, s - 12):s].lower()
            on = re.search(r"\b(?:on|for|from|between|until|till|by|since|due)\s+$", before) or \
                re.search(rf"\b(?:{_alt(g.weekdays)})\.?,?\s+$", before)
            if sep == "/":
                if _fraction_not_date(a, b, text, s, e):
                    return None
            elif re.search(r"\bat\s+$", before):
                return None  # "at 4.22", "at 4-22": a time
            elif sep == "." and not on:
                return None
            elif sep == "-" and not (on or (b > 12 and a <= 12)):
                return None
            return Node(s, e, Cal(None, mo, d), "date")
        if kind == "wd":
            w = gd["wd_w"]
            if not gd["wd_d"] and w.lower() in _AMBIGUOUS_ABBR and not _bare_word_ok(text, s, s + len(w) + (1 if gd["wd_dot"] else 0), w + (gd["wd_dot"] or "")):
                return None
            wd = g.weekdays[w.lower()]
            if gd["wd_pl"]:
                return Node(s, e, ("weekdays", wd), "wdpl")
            d = _day_num(gd["wd_d"], g) if gd["wd_d"] else None
            if gd["wd_d"] and (d is None or not 1 <= d <= 31):
                return Node(s, s + len(w) + (1 if gd["wd_dot"] else 0), Cal(wd=wd), "wd")
            return Node(s, e, Cal(d=d, wd=wd), "wd" if d is None else "date")
        if kind == "sea":
            name = gd["sea_n"].lower()
            if name == "fall" and not gd["sea_y"] and not re.search(r"\b(?:the|this|next|last|in|during|of|early|late)\s+$", text[max(0, s - 12):s], re.I):
                return None  # "sales fall": a verb
            return Node(s, e, Sea(name, int(gd["sea_y"]) if gd["sea_y"] else None), "season")
        if kind == "dom":
            d = _day_num(gd["dom_d"] or gd["dom_d2"], g)
            if d is None or not 1 <= d <= 31:
                return None
            if re.search(r"\b(?:around|between)\s+$", text[max(0, s - 10):s], re.I):
                return None
            tail = re.match(r"\s+of\s+the\s+month\b", text[e:e + 20], re.I)
            if tail and ctx:  # "the thirty-first day of the month": of this month
                day = _safe_date(ctx.ref.year, ctx.ref.month, d)
                return Node(s, e + tail.end(), Fix(_day(day)), "date") if day else None
            return Node(s, e, Cal(d=d), "dom")
        if kind == "dur":
            nt = gd["dur_n"].lower()
            n = int(nt) if nt.isdigit() else 3 if "few" in nt or "several" in nt else 2 if "couple" in nt else \
                (parse_word_tokens([nt], g.numbers)[0] if nt not in ("a", "an") else 1)
            if n is None:
                return None
            u = gd["dur_u"].lower()
            unit = g.weekdays.get(u) if u in g.weekdays else g.units.get(re.sub(r"[\s-]+", " ", u), u)
            if u in ("hour", "hr", "minute", "min"):
                unit = "minute"
            elif u == "fortnight":
                unit, n = "day", int(n) * 14
            return Node(s, e, Dur(int(n), unit), "dur")
        return None

    @staticmethod
    def _is(word: str, forms: list[str]) -> bool:
        return re.sub(r"[\s-]+", " ", word) in forms

    def _rel(self, m: re.Match, gd: dict, s: int, e: int, text: str) -> Node | None:
        g, ctx = self.g, self.ctx
        if ctx is None:
            return None
        w = re.sub(r"[\s-]+", " ", gd["rel_w"].lower())
        k = 1 if w in g.next_words else -1 if w in g.last_words else 0
        if gd["rel_wd"]:
            return Node(s, e, Fix(rel_weekday(g.weekdays[gd["rel_wd"].lower()], k, w, ctx)), "day")
        if gd["rel_m"]:
            mo = g.months[gd["rel_m"].lower()]
            return Node(s, e, Fix(rel_month_name(mo, k, ctx)), "month")
        if gd["rel_s"]:
            name = gd["rel_s"].lower()
            if name == "season":
                return Node(s, e, Sea("season", None, k), "season")
            return Node(s, e, Sea(name, None, k), "season")
        unit = g.units[re.sub(r"[\s-]+", " ", gd["rel_u"].lower())]
        if unit == "season":
            return Node(s, e, Sea("season", None, k), "season")
        sp = rel_unit(unit, k, ctx, calendar_year="calendar" in w)
        return Node(s, e, Fix(sp), unit) if sp else None


def rel_weekday(wd: int, k: int, word: str, ctx: Ctx) -> Span:
    """"this/next/last Monday": the Monday of this, next or last week (Monday-based weeks).

    "this Monday" read forward (Duckling) and "coming Monday" are the next Monday after today.
    """
    ref = ctx.ref
    if (k == 0 and ctx.future) or word in ("coming", "upcoming", "this coming"):
        d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
        return _day(d)
    return _day(week_start(ref) + timedelta(days=7 * k + wd))


def rel_month_name(mo: int, k: int, ctx: Ctx) -> Span:
    """"next March", "last June", "this September"."""
    ref = ctx.ref
    if k == 0:
        return _month(ref.year, mo)
    if k > 0:
        y = ref.year if mo > ref.month else ref.year + 1
        return _month(y, mo)
    y = ref.year if mo < ref.month else ref.year - 1
    return _month(y, mo)


def weekend_span(wk_start: date, ctx: Ctx) -> Span:
    """The weekend of the week starting `wk_start`: Saturday and Sunday; from Friday read forward."""
    s = wk_start + timedelta(days=4 if ctx.future else 5)
    return Span(s, wk_start + timedelta(days=7), "weekend", f"{s.isoformat()} weekend")


def rel_unit(unit: str, k: int, ctx: Ctx, calendar_year: bool = False) -> Span | None:
    """"this/next/last week|month|quarter|year|day|weekend": the unit containing the reference date, moved by k."""
    ref = ctx.ref
    if unit == "day":
        return _day(ref + timedelta(days=k))
    if unit == "week":
        return _week(week_start(ref) + timedelta(days=7 * k))
    if unit == "weekend":
        return weekend_span(week_start(ref) + timedelta(days=7 * k), ctx)
    if unit == "month":
        first = add_months(date(ref.year, ref.month, 1), k)
        return _month(first.year, first.month)
    if unit == "quarter":
        q0 = (ref.month - 1) // 3 + k
        y, q = ref.year + q0 // 4, q0 % 4 + 1
        return _quarter(y, q)
    if unit == "year":
        if k == 0 and not ctx.future and not calendar_year:
            return Span(date(ref.year, 1, 1), ref + timedelta(days=1), "ytd", f"YTD {ref.year}")
        return _year(ref.year + k)
    return None


# ---------------------------------------------------------------------------
# rules: join neighbouring nodes and the words around them

_PARTS = {"beginning": "start", "start": "start", "early": "start", "earlier": "start", "middle": "mid", "mid": "mid",
          "end": "end", "late": "end", "later": "end"}
_PART_BEFORE = re.compile(r"(?:\b(?:at|in|towards?)\s+)?(?:the\s+)?\b(?P<p>(?:beginning|start|middle|end)\s+of|mid|early|"
                          r"late|later|earlier)(?:\s+in)?[\s-]+(?:the\s+)?(?:around\s+)?$", re.I)
_REST_BEFORE = re.compile(r"\b(?:the\s+)?(?:rest|remaining|remainder)(?:\s+of)?\s+(?:the\s+)?$", re.I)
_BOUND_BEFORE = re.compile(r"(?:^|(?<=\W))(?P<b>(?:anytime\s+|any\s+time\s+)?after|since|before|by|until|till|up\s+to|"
                           r"no\s+later\s+than|not\s+later\s+than|later\s+than|earlier\s+than|prior\s+to|"
                           r"starting(?:\s+(?:on|from))?|beginning(?:\s+(?:on|from))?|as\s+early\s+as|as\s+late\s+as|"
                           r"greater\s+than|>\s*=|<\s*=|>|<)\s*(?:on\s+)?(?:the\s+)?$", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|through|thru|till|until|and|/)\s*(?:the\s+)?$", re.I)
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.I)
_INTERSECT_GAP = re.compile(r"^\s*(?:,|of|in|on|the|from|-)?\s*(?:the\s+)?$", re.I)
_DUR_AGO = re.compile(r"^\s+(?P<w>ago|back|earlier|before\s+now|hence|later|from\s+now|from\s+right\s+now)\b", re.I)
_DUR_ANCHOR = re.compile(r"^\s+(?P<w>after|from|before)\s+$", re.I)
_IN_BEFORE = re.compile(r"\b(?P<w>in|within|after)\s+$", re.I)
_WINDOW_BEFORE = re.compile(r"\b(?:the\s+)?(?P<w>next|coming|upcoming|following|last|past|previous|prior|preceding)\s+$", re.I)
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)(?:\s+on)?\s+(?:the\s+)?$", re.I)
_DAYS_BEFORE = re.compile(r"(?:\b(?:from|between)\s+)?(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until|and)\s*"
                          r"(?:the\s+)?$", re.I)
_DAYS_IN_BEFORE = re.compile(r"(?:\b(?:from|between)\s+)?(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until|and)\s*"
                             r"(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:in\s+|of\s+)?(?:the\s+)?$", re.I)
_DAY_AFTER = re.compile(r"^\s*(?:-|–|to|through|thru|till|until)\s*(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[ap]\.?m\b|:|h\b|%)|[./:]\d)", re.I)
_DAYS_AFTER = re.compile(r"^\s+(?:between|from)\s+(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|-|through|till|until)\s+(?:the\s+)?"
                         r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b", re.I)


def _is_cal(v, *need: str, without: tuple[str, ...] = ()) -> bool:
    return isinstance(v, Cal) and all(getattr(v, f) is not None for f in need) and all(getattr(v, f) is None for f in without)


def _merge_cal(a: Cal, b: Cal) -> Cal | None:
    vals = {}
    for f in ("y", "m", "d", "wd"):
        x, y = getattr(a, f), getattr(b, f)
        if x is not None and y is not None and x != y:
            return None
        vals[f] = x if x is not None else y
    return Cal(**vals)


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    return d


def _shifted_day(anchor: date, dur: Dur, sign: int, ctx: Ctx, ago: bool = False) -> Span | None:
    """A point moved by a duration: "3 days ago", "in two weeks", "2 thursdays back", "two years ago"."""
    if isinstance(dur.unit, int):  # weekdays: the n-th one after (before) the anchor
        step = 1 if sign > 0 else -1
        d, seen = anchor, 0
        for _ in range(7 * dur.n + 7):
            d += timedelta(days=step)
            if d.weekday() == dur.unit:
                seen += 1
                if seen == dur.n:
                    return _day(d)
        return None
    if dur.unit == "minute":
        return _day(anchor)
    if dur.unit == "season":
        return None
    d = _shift(anchor, sign * dur.n, dur.unit)
    if dur.unit == "year" and ctx.future and ago:  # Duckling reads "two years ago" to the month
        return _month(d.year, d.month)
    return _day(d)


def _window(dur: Dur, forward: bool, ctx: Ctx) -> Span | None:
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
            s = _shift(base, 1, unit)
            return Span(s, _shift(s, n, unit), "range", label)
        return Span(_shift(base, -n, unit), base, "range", label)
    if forward:
        s = ref + timedelta(days=1)
        return Span(s, _shift(s, n, unit), "range", label)
    return Span(_shift(ref, -n, unit), ref, "range", label)


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
        i = -nth.n if nth.from_end else nth.n - 1
        return _day(days[i]) if -len(days) <= i < len(days) else None
    if nth.unit == "week":
        if sp.grain == "year" or sp.grain == "ytd":
            y = sp.start.year
            weeks = [date.fromisocalendar(y, w, 1) for w in range(1, date(y, 12, 28).isocalendar()[1] + 1)]
        else:  # a month: its first week starts on its first Monday (Duckling) or holds its 4th (Recognizers-Text)
            first = sp.start + timedelta(days=(7 - sp.start.weekday()) % 7)
            if not ctx.future:
                first = week_start(sp.start + timedelta(days=3))
            weeks = [first + timedelta(days=7 * k) for k in range(6) if first + timedelta(days=7 * k) < sp.end]
            if nth.from_end:
                if ctx.future:  # the last week that ends inside the month (Duckling)
                    weeks = [w for w in weeks if w + timedelta(days=7) <= sp.end]
                else:  # the week holding the month's last day (Recognizers-Text)
                    weeks = sorted(set(weeks) | {week_start(sp.end - timedelta(days=1))})
        i = -nth.n if nth.from_end else nth.n - 1
        return _week(weeks[i]) if -len(weeks) <= i < len(weeks) else None
    if nth.unit == "weekend":
        sats = [sp.start + timedelta(days=k) for k in range((sp.end - sp.start).days)
                if (sp.start + timedelta(days=k)).weekday() == 5]
        i = -nth.n if nth.from_end else nth.n - 1
        if not -len(sats) <= i < len(sats):
            return None
        return weekend_span(week_start(sats[i]), ctx)
    return None


def _dur_of(n_text: str, u_text: str, g: Grammar) -> Dur | None:
    nt = n_text.lower()
    n = int(nt) if nt.isdigit() else 3 if nt in ("few", "several") else 1 if nt in ("a", "an") else \
        parse_word_tokens([nt], g.numbers)[0]
    unit = g.units.get(u_text.lower())
    return Dur(int(n), unit) if n is not None and unit else None


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


def _pair(a: Node, b: Node, gap: str, text: str, ctx: Ctx) -> Node | None:
    va, vb = a.v, b.v
    if isinstance(vb, re.Match) and isinstance(va, (Hol, Cal)) and vb.lastgroup == "rel_prev" and vb.group("rp_n") \
            and not gap.strip():  # "thanksgiving 3 months ago": the holiday of that time
        dur = _dur_of(vb.group("rp_n"), vb.group("rp_u"), ctx.g) if ctx else None
        if dur is None:
            return None
        b = Node(b.s, b.e - len(re.search(r"\s+\w+$", vb.group()).group()), dur, "dur")  # "ago" is read below
        vb = dur
    # intersections: "Monday, Feb 18", "Jul 18, Fri", "Halloween 2013", "20 of next month", "wednesday next week"
    if _INTERSECT_GAP.match(gap) and len(gap) < 12:
        if isinstance(va, Cal) and isinstance(vb, Cal) and not (a.kind == "year" and b.kind == "year"):
            if (va.wd is not None and vb.wd is None) or (vb.wd is not None and va.wd is None) or \
                    (b.kind == "year" and va.y is None and va.m is not None) or (a.kind == "dom" and vb.m is not None and vb.d is None):
                merged = _merge_cal(va, vb)
                if merged is not None and not (merged.m is None and merged.y is not None):
                    return Node(a.s, b.e, merged, "date")
        if isinstance(va, Hol) and va.y is None and _is_cal(vb, "y", without=("m", "d")):
            return Node(a.s, b.e, Hol(va.key, vb.y), "hol")
        if isinstance(va, Sea) and va.y is None and _is_cal(vb, "y", without=("m", "d")):
            return Node(a.s, b.e, Sea(va.name, vb.y), "season")
        if _is_cal(va, "y", without=("m", "d")) and a.kind == "year" and not gap.strip():  # "2023 summer", "2023 Black Friday"
            if isinstance(vb, Sea) and vb.y is None:
                return Node(a.s, b.e, Sea(vb.name, va.y), "season")
            if isinstance(vb, Hol) and vb.y is None:
                return Node(a.s, b.e, Hol(vb.key, va.y), "hol")
        if isinstance(vb, Fix) and ctx:
            sp = vb.span
            if isinstance(va, Hol) and sp.grain in ("year", "ytd") and va.y is None:
                return Node(a.s, b.e, Hol(va.key, sp.start.year), "hol")
            if isinstance(va, Cal) and va.y is None and va.m is not None and sp.grain in ("year", "ytd"):
                return Node(a.s, b.e, Cal(sp.start.year, va.m, va.d, va.wd), "date" if va.d else "month")
            if _is_cal(va, "d", without=("m", "y")) and sp.grain == "month":
                d = _safe_date(sp.start.year, sp.start.month, va.d)
                return Node(a.s, b.e, Fix(_day(d)), "date") if d else None
            if _is_cal(va, "wd", without=("m", "d", "y")) and sp.grain == "week" and "," not in gap:
                return Node(a.s, b.e, Fix(_day(sp.start + timedelta(days=va.wd))), "date")
        if isinstance(va, Fix) and ctx and va.span.grain == "week" and _is_cal(vb, "wd", without=("m", "d", "y")) \
                and re.match(r"^\s*(?:on|-|,)?\s*$", gap):
            return Node(a.s, b.e, Fix(_day(va.span.start + timedelta(days=vb.wd))), "date")
    if not ctx:
        return None
    # ordinals inside a period: "the first Monday of this month", "last week of September 2014"
    if isinstance(va, Nth) and re.match(r"^\s+(?:of|in)\s+(?:the\s+)?$", gap, re.I):
        sp = span_of(vb, ctx)
        if sp is not None:
            got = nth_in(va, sp, ctx)
            return Node(a.s, b.e, Fix(got), "date") if got else None
    # shifts from an anchor: "three days after Easter", "2 days from tomorrow"
    if isinstance(va, Dur) and _DUR_ANCHOR.match(gap):
        anchor = span_of(vb, ctx)
        if anchor is not None and anchor.start is not None:
            sign = -1 if "before" in gap.lower() else 1
            got = _shifted_day(anchor.start, va, sign, ctx)
            return Node(a.s, b.e, Fix(got), "date") if got else None
    # a holiday or month moved by a duration: "thanksgiving in 9 months", "Lakshmi Puja six years hence"
    if isinstance(va, (Hol, Cal)) and isinstance(vb, Dur) and isinstance(vb.unit, str) and vb.unit in ("day", "week", "month", "year") \
            and not (isinstance(va, Cal) and va.y is not None):
        after = text[b.e:b.e + 20]
        ago = _DUR_AGO.match(after)
        if re.match(r"^\s+in\s+$", gap, re.I) or (gap.strip() == "" and ago):
            sign = -1 if ago and ago.group("w").lower() in ("ago", "back", "earlier") else 1
            around = _shift(ctx.ref, sign * vb.n, vb.unit)
            if isinstance(va, Hol):
                got = resolve_hol(va, ctx, around=around)
            else:
                got = resolve_cal(Cal(around.year, va.m, va.d, va.wd), ctx) if va.m else None
            end = b.e + (ago.end() if ago else 0)
            return Node(a.s, end, Fix(got), "date") if got else None
    # ranges: "July 13 - July 15", "from 10/25 to 01/25", "between today and tomorrow", "Jan-Feb 2017"
    m = _RANGE_GAP.match(gap)
    if m and len(gap) < 16:
        word = gap.strip().lower()
        prefix = _RANGE_FROM.search(text[max(0, a.s - 12):a.s])
        if word in ("and",) and not (prefix and "between" in prefix.group().lower()):
            return None
        if word == "/" and not (_is_cal(va, "y", "m", "d") and _is_cal(vb, "y", "m", "d")):
            return None
        got = _range(va, vb, ctx)
        if got is not None:
            s = a.s - len(prefix.group()) if prefix else a.s
            return Node(s, b.e, Fix(got), "range")
    return None


def _range(va, vb, ctx: Ctx) -> Span | None:
    """[start of the first, end of the second), the second's missing year or month taken from the first
    (and the first's from the second: "Nov-Feb 2017" starts in November 2016)."""
    if isinstance(va, Cal) and isinstance(vb, Cal):
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
    sa = span_of(va, ctx)
    if sa is not None and sa.start is not None and isinstance(vb, Cal) and vb.y is None and (vb.m is not None or vb.wd is not None):
        # the end named without a year (or week) is the first one after the start: "between now and May 21"
        if vb.m is not None:
            for y in (sa.start.year, sa.start.year + 1):
                d = _safe_date(y, vb.m, vb.d or 1)
                if d and d >= sa.start:
                    vb = Cal(y, vb.m, vb.d, vb.wd)
                    break
        else:
            d = sa.start + timedelta(days=(vb.wd - sa.start.weekday()) % 7)
            vb = Fix(_day(d))
    sb = span_of(vb, ctx)
    if sa is None or sb is None or sa.start is None or sb.end is None or sb.end <= sa.start:
        return None
    if (sb.end - sa.start).days > 366 * 30:
        return None
    return Span(sa.start, sb.end, "range", f"{sa.label}..{sb.label}", rule="dates.range.v1")


def _single(a: Node, text: str, ctx: Ctx) -> Node | None:
    """Rules on one node and the words around it (parts, bounds, shifts, windows, partial ranges)."""
    if ctx is None:
        return None
    v = a.v
    before = text[max(0, a.s - 40):a.s]
    after = text[a.e:a.e + 40]
    if isinstance(v, Dur):
        ago = _DUR_AGO.match(after)
        if ago:
            w = ago.group("w").lower()
            sign = -1 if w in ("ago", "back", "earlier", "before now") else 1
            got = _shifted_day(ctx.ref, v, sign, ctx, ago=sign < 0)
            return Node(a.s, a.e + ago.end(), Fix(got), "date") if got else None
        win = _WINDOW_BEFORE.search(before)
        if win:
            forward = win.group("w").lower() in ("next", "coming", "upcoming", "following")
            got = _window(v, forward, ctx)
            return Node(a.s - len(win.group()), a.e, Fix(got), "range") if got else None
        inn = _IN_BEFORE.search(before)
        if inn and isinstance(v.unit, int):
            inn = None  # "in a Tuesday note": weekdays move only with "ago" or "from now"
        if inn:
            w = inn.group("w").lower()
            if w == "within" and isinstance(v.unit, str):
                got = Span(ctx.ref, _shift(ctx.ref, v.n, v.unit), "range", f"within {v.n} {v.unit}")
                return Node(a.s - len(inn.group()), a.e, Fix(got), "range")
            got = _shifted_day(ctx.ref, v, 1, ctx)
            if got and w == "after":
                got = Span(got.start, None, "range", f"after {got.label}", "after")
            return Node(a.s - len(inn.group()), a.e, Fix(got), "date") if got else None
        return None
    if isinstance(v, tuple) and v[0] == "after_next":  # "friday after next": the second one to come
        got = _shifted_day(ctx.ref, Dur(2, v[1]), 1, ctx)
        return Node(a.s, a.e, Fix(got), "date") if got else None
    if isinstance(v, tuple) and v[0] == "part":  # "EOM", "end of the month", "rest of the week"
        _, part, unit = v
        base = rel_unit(unit, 0, ctx, calendar_year=True)
        if unit == "day":
            return Node(a.s, a.e, Fix(_day(ctx.ref)), "date")
        got = part_of(base, part, ctx)
        if got is None:
            return None
        return Node(a.s, a.e, Fix(got), "part")
    if isinstance(v, Nth) and isinstance(v.unit, int) and not v.from_end:  # "first Sunday": of this month
        got = nth_in(v, _month(ctx.ref.year, ctx.ref.month), ctx)
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
    # the week of a date: "the week of October 6th", "the week beginning February 4"
    wk = _WEEK_OF.search(before)
    if wk and isinstance(v, (Cal, Fix, Hol)):
        sp = span_of(v, ctx)
        if sp is not None and sp.grain == "day":
            start = week_start(sp.start)
            if ctx.future and sp.start.weekday() == 6:
                start += timedelta(days=7)  # Duckling's week of a Sunday is the one it leads into
            return Node(a.s - len(wk.group()), a.e, Fix(_week(start)), "weekof")
    # day ranges written once for a month: "from 13 to 15 July", "1-8 september", "23rd to 26th Oct"
    if _is_cal(v, "m", "d"):
        db = _DAYS_BEFORE.search(before)
        if db and int(db.group("d1")) < v.d:
            got = _range(Cal(v.y, v.m, int(db.group("d1"))), v, ctx)
            if got:
                return Node(a.s - len(db.group()), a.e, Fix(got), "range")
        da = _DAY_AFTER.match(after)
        if da and int(da.group("d2")) > v.d:
            got = _range(v, Cal(v.y, v.m, int(da.group("d2"))), ctx)
            if got:
                return Node(a.s, a.e + da.end(), Fix(got), "range")
    # days of a month named after them: "from 4 to 22 this month", "between 3 and 12 of Sept"
    if (isinstance(v, Fix) and v.span.grain == "month") or _is_cal(v, "m", without=("d",)):
        sp = span_of(v, ctx)
        dib = _DAYS_IN_BEFORE.search(before)
        if sp is not None and dib and int(dib.group("d1")) < int(dib.group("d2")):
            d1 = _safe_date(sp.start.year, sp.start.month, int(dib.group("d1")))
            d2 = _safe_date(sp.start.year, sp.start.month, int(dib.group("d2")))
            if d1 and d2:
                return Node(a.s - len(dib.group()), a.e, Fix(Span(d1, d2 + timedelta(days=1), "range", "")), "range")
        das = _DAYS_AFTER.match(after)
        if sp is not None and das and int(das.group("d1")) < int(das.group("d2")):
            d1 = _safe_date(sp.start.year, sp.start.month, int(das.group("d1")))
            d2 = _safe_date(sp.start.year, sp.start.month, int(das.group("d2")))
            if d1 and d2:
                return Node(a.s, a.e + das.end(), Fix(Span(d1, d2 + timedelta(days=1), "range", "")), "range")
    # parts: "end of April", "early next week", "the beginning of 2017", "late last year"
    pm = _PART_BEFORE.search(before)
    if pm and isinstance(v, (Cal, Fix)):
        word = pm.group("p").lower().split()[0]
        part = _PARTS.get(word)
        sp = span_of(v, ctx)
        explicit = a.kind == "year" and _is_cal(v, "y", without=("m",))
        got = part_of(sp, part, ctx, explicit_year=explicit) if part and sp else None
        if got is not None:
            return Node(a.s - len(pm.group()), a.e, Fix(got), "part")
    rest = _REST_BEFORE.search(before)
    if rest and isinstance(v, Fix):
        got = part_of(v.span, "rest", ctx)
        if got is not None:
            return Node(a.s - len(rest.group()), a.e, Fix(got), "part")
    # bounds: "after 2016", "since August", "before independence day", "by the end of next month"
    bm = _BOUND_BEFORE.search(before)
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


def find_calendar(text: str, ref: date | None, prefer: str, g: Grammar, legacy_resolve) -> list[tuple[int, int, object]]:
    """Calendar expressions in `text` as (start, end, Span or a legacy match to resolve in order)."""
    ctx = Ctx(ref, prefer, g) if ref is not None else None
    atoms = Atoms(g, ctx, legacy_resolve)
    nodes: list[Node] = []
    pos = 0
    match, starts = g.pattern.match, g.start_words
    cands = [t.start() for t in g.token.finditer(text) if t.lastindex or t.group() in starts]
    for at in cands:
        if at < pos:
            continue
        m = match(text, at)
        if m is None:
            continue
        n = atoms.node(m, text)
        if n is None:  # a rejected atom may hide another one inside it ("1-8 september"): go on word by word
            continue
        pos = m.end()
        if text[n.e - 1] == "." and re.search(r"[a-z]{5,}\.$|\b(?:may|june|july)\.$", text[n.s:n.e], re.I):
            n.e -= 1  # "in January.": the full stop ends the sentence, not an abbreviation
        if n.kind.startswith("legacy:"):
            kind = n.kind[7:]
            sp = legacy_resolve(kind, m, ctx) if kind != "rel_prev" else None
            if sp is not None:
                n = Node(n.s, n.e, Fix(sp), sp.grain)
        nodes.append(n)
    if ctx is not None:
        nodes = combine(nodes, text, ctx)
    out = []
    for n in nodes:
        if isinstance(n.v, re.Match):
            out.append((n.s, n.e, n.v))
            continue
        if ctx is None:
            sp = n.v.span if isinstance(n.v, Fix) else (resolve_cal(n.v, Ctx(date.min, prefer, g)) if _is_cal(n.v, "y") else None)
        else:
            sp = span_of(n.v, ctx)
        if sp is not None:
            out.append((n.s, n.e, sp))
    return out
