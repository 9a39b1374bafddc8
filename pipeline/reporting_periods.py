"""Reporting periods: quarters, halves, fiscal years (with a company's fiscal calendar), year-to-date,
"the quarter ended Dec. 31" and "a year earlier" anchored to the period named before.

These are the expressions particular to company reporting. Their patterns (`PATTERNS`) are scanned
together with the calendar's own atoms by pipeline/calendar_grammar.py, and each match is resolved
here by `resolve_reporting`, one named step per kind. This module calls only pipeline/date_math.py and
the `Period` record; the calendar modules call it, never the reverse.

>>> [p.label for p in (resolve_reporting(m.lastgroup, m, date(2025, 2, 10), 3) for m in scan("Q3 FY25 and fiscal 2024"))]
['FY2025-Q3', 'FY2024']
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from .date_math import full_year, month_end, month_shift
from .records import Period

# Month and ordinal words are the English calendar itself, not tunable data: the month names and their
# three-letter forms from the standard library, and "sept". NOTE: `months` in models/lexicons/periods.yaml
# (the calendar grammar's) must hold the same forms; tests/test_dates.py checks that they agree.
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4, "last": 4}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "twelve": 12, "a": 1, "the": 1}
# the patterns' month is one of MONTHS, so every month they match can be looked up ("Sepember" is none)
_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YR = r"(?:19[5-9]\d|20\d\d)"
_NUMW_REL = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|\d{1,2})"
# the period named before it, a year back: "the same period of 2023", "the corresponding quarter of FY24", "the
# same quarter last year", "last year's quarter" (a base of comparison in a results story; resolved like "a year
# earlier", anchored to the period named before it in the sentence, else to the story's period by claims)
_SAME_A_YEAR_BEFORE = (
    r"(?P<rp_same>(?:the\s+)?(?:same|corresponding|comparable|equivalent)\s+(?:(?:fiscal|financial|reporting)\s+)?"
    r"(?:period|quarter|qtr|half|(?:three|six|nine|twelve|3|6|9|12)[- ]months?(?:\s+period)?)\s+"
    r"(?:(?:of|in|for|during)\s+(?:the\s+)?)?(?:(?:last|previous|prior|preceding)\s+(?:(?:fiscal|financial)\s+)?year"
    rf"|a\s+year\s+(?:ago|earlier|before)|(?:fiscal\s+)?(?P<rp_y>{_YR})|FY\s?'?(?P<rp_fy>{_YR}|\d\d))"
    r"|last\s+year's\s+(?:same\s+|corresponding\s+)?(?:period|quarter|qtr|half))")
# Kinds particular to company reporting; pipeline/calendar_grammar.py adds the calendar's own atoms around them.
PATTERNS = (
    # a reporting period named by its length and its last month ("the quarter ended Dec. 31", "nine months
    # to September", "the fiscal year ending March 2025", "the three months ended in December"): tried before the
    # quarter and half words it holds
    ("ended", rf"\b(?:(?:the|its|a)\s+)?(?:(?:latest|fiscal|financial|first|second|third|fourth|final)\s+)*(?P<en_len>quarter|qtr|half[- ]year|half|year|yr|period|(?P<en_n>three|six|nine|twelve|3|6|9|12)[- ]months?)"
              rf"\s+(?:that\s+)?(?P<en_w>ended|ending|ends|to|through|thru)\s+(?:(?:on|in)\s+)?(?P<en_m>{_MON})\b\.?(?:\s+(?P<en_d>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<en_y>{_YR})\b)?"),
    # the year to date, or its first months: "the first two months of 1987", "the first nine months of its fiscal year",
    # "9MFY25" (Indian results copy: the first nine months of fiscal 2025)
    ("ytd", rf"\b(?:(?P<td_u>month|quarter|week)[- ]to[- ]date|year[- ]to[- ]date|ytd|so far this year|since the (?:start|beginning) of (?:the|this) year|this year "
            rf"so far|(?:the\s+)?first\s+(?P<fm_n>{_NUMW_REL})\s+months(?:\s+of\s+(?:(?P<fm_y>{_YR})|(?:this|the)\s+year|"
            rf"(?:its|the|this)\s+(?:current\s+)?(?P<fm_f>fiscal|financial)\s+year))?|(?-i:(?P<fm_c>9)M\s?FY)\s?'?(?P<fm_fy>{_YR}|\d\d))\b"),
    ("fq_word", rf"\b(?:(?:the|its|a)\s+)?(?:fiscal\s+(?:(?P<fqw_y1>{_YR})\s+)?(?P<fqw_o>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+(?:of\s+)?(?P<fqw_y3>{_YR}))?|(?P<fqw_o2>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter of (?:fiscal(?: year)?|FY)\s*(?P<fqw_y2>{_YR}|\d\d))\b"),
    ("q_word", rf"\b(?:(?P<qw_y0>{_YR})(?:['’]s)?[\s-]+)?(?P<qw_o>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:quarter|qtr)\b(?:\s+(?:of\s+)?(?P<qw_y>{_YR})|\s+of\s+(?:the\s+)?(?P<qw_rel>this|current|last|previous|prior|next)\s+year\b)?"),
    ("q_code", rf"\b(?:(?:fiscal\s+)?Q(?P<qc_q>[1-4])[\s-]?(?:FY)?'?(?P<qc_y>{_YR}|\d\d)?|(?P<qc_q2>[1-4])Q\s?'?(?P<qc_y2>{_YR}|\d\d)?|(?:FY|fiscal)\s?'?(?P<qc_y3>{_YR}|\d\d)\s?Q(?P<qc_q3>[1-4])|(?P<qc_y4>{_YR})[\s-]?Q(?P<qc_q4>[1-4])|(?P<qc_y5>\d\d)Q(?P<qc_q5>[1-4]))\b"),
    ("q_month", rf"\b(?:the|its|their)\s+(?P<qm_m>{_MON})[- ]quarter\b"),  # "its December quarter", "the March-quarter"
    # a half: its words, "1H24", "H2 2023", "2024-H1", with its fiscal year ("H1FY25", "1H FY25"), or alone in capitals
    # ("JB Hi-Fi reported a A$285.4 million net profit in 1H"; "2h ago" is hours)
    ("half", rf"\b(?:(?:(?P<h_y0>{_YR})(?:['’]s)?[\s-]+)?(?P<h_o>first|second|1st|2nd)[- ]half(?:\s+of)?(?:\s+(?P<h_y>{_YR}))?|(?-i:H(?P<h_c5>[12])|(?P<h_c6>[12])H)\s?(?:FY|fiscal\s)\s?'?(?P<h_fy>{_YR}|\d\d)|(?P<h_c>[12])H\s?'?(?P<h_y2>{_YR}|\d\d)|(?<![\w$.,])(?-i:(?P<h_c4>[12])H)(?![\w'’-])|H(?P<h_c2>[12])\s?'?(?P<h_y3>{_YR}|\d\d)?|(?P<h_y4>{_YR})[\s-]?H(?P<h_c3>[12]))\b"),
    # "FY2024-25", "financial year 2023-24": a split year is named by the year it ends in
    ("fy", rf"\b(?:(?:FY\s?'?(?P<fy_y>{_YR}|\d\d)|(?:fiscal(?: year)?|financial year)\s+(?P<fy_y2>{_YR}))(?:[-/–](?P<fy_to>(?:20)?\d\d)(?![\d-]))?|(?:the\s+)?(?P<fy_y3>{_YR})\s+(?:fiscal|financial)\s+year|(?P<fy_rel>last|this|next|previous|prior|current) (?:fiscal|financial) year)\b"),
    ("rel_prev", rf"\b(?:(?:just\s+)?(?P<rp_n>{_NUMW_REL})\s+(?P<rp_u>years?|months?|quarters?|weeks?|days?)\s+(?:earlier|before|ago|prior)|{_SAME_A_YEAR_BEFORE}|(?P<rp_ya>year[- ](?:ago|earlier|prior)|prior[- ]year|previous year's|the previous (?P<rp_pu>quarter|month|year)|the prior (?P<rp_pu2>quarter|month|year)|sequentially))\b"),
)
KINDS = tuple(name for name, _ in PATTERNS)
ANCHORED = "rel_prev"  # the one kind resolved against the period named before it, after the scan
_SCAN = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in PATTERNS), re.I)
# patterns of a full date and of a month and year, for guessing a publication date (pipeline/dates.py)
FULL_DATE = re.compile(rf"\b(?:(?P<m>{_MON})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YR})|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MON})\.?,?\s+(?P<y2>{_YR})|(?P<iso>{_YR}-[01]\d-[0-3]\d))\b", re.I)
MONTH_YEAR = re.compile(rf"\b(?P<m>{_MON})\.?,?\s+(?P<y>{_YR})\b", re.I)
YEAR = re.compile(rf"\b({_YR})\b")


def scan(text: str):
    """The reporting expressions of `text` alone, without the calendar's atoms (doctests, checks)."""
    return _SCAN.finditer(text)


def _year(text: str | None, ref: date | None) -> int | None:
    return full_year(int(text), ref, window_without_ref=False) if text else None


# ---------------------------------------------------------------------------
# spans of the company calendar

def quarter_span(y: int, q: int) -> tuple[date, date]:
    m0 = 3 * (q - 1) + 1
    return date(y, m0, 1), month_end(y, m0 + 2)


def fiscal_year_span(fy: int, fy_end_month: int) -> tuple[date, date]:
    """Fiscal year `fy` is named for the calendar year in which it ends."""
    if fy_end_month == 12:
        return date(fy, 1, 1), date(fy, 12, 31)
    sy, sm = month_shift(fy, fy_end_month, -11)
    return date(sy, sm, 1), month_end(fy, fy_end_month)


def fiscal_quarter_span(fy: int, q: int, fy_end_month: int) -> tuple[date, date]:
    start, _ = fiscal_year_span(fy, fy_end_month)
    sy, sm = month_shift(start.year, start.month, 3 * (q - 1))
    ey, em = month_shift(sy, sm, 2)
    return date(sy, sm, 1), month_end(ey, em)


def fiscal_half_span(fy: int, h: int, fy_end_month: int) -> tuple[date, date]:
    start, _ = fiscal_year_span(fy, fy_end_month)
    sy, sm = month_shift(start.year, start.month, 6 * (h - 1))
    ey, em = month_shift(sy, sm, 5)
    return date(sy, sm, 1), month_end(ey, em)


def fiscal_year_of(d: date, fy_end_month: int) -> int:
    return d.year if d.month <= fy_end_month else d.year + 1


def latest_ended_quarter(ref: date) -> tuple[int, int]:
    """The last calendar quarter that ended before `ref` ("last quarter")."""
    q = (ref.month - 1) // 3 + 1
    y, q = (ref.year, q - 1) if q > 1 else (ref.year - 1, 4)
    return y, q


def _year_of_quarter(q: int, ref: date, prefer: str = "past") -> int:
    """A quarter named without a year: this year's once it has begun, else last year's (news looks back);
    read forward, this year's until it has ended, else next year's."""
    if prefer == "future":
        return ref.year if quarter_span(ref.year, q)[1] >= ref else ref.year + 1
    return ref.year if quarter_span(ref.year, q)[0] <= ref else ref.year - 1


def _fq_label(fy: int, q: int, fy_end: int) -> str:
    return f"FY{fy}-Q{q}" if fy_end != 12 else f"{fy}-Q{q}"


def _label_for(ps: date, pe: date, gran: str) -> str:
    if gran == "day":
        return ps.isoformat()
    if gran == "month":
        return ps.strftime("%Y-%m")
    if gran == "quarter":
        return f"{ps.year}-Q{(ps.month - 1) // 3 + 1}"
    if gran in ("year", "fiscal_year"):
        return str(pe.year) if gran == "year" else f"FY{pe.year}"
    return f"{ps.isoformat()}..{pe.isoformat()}"


def shift_period(p: Period, months: int) -> Period | None:
    """`p` moved by whole months, keeping its granularity (the year-ago quarter of a story's quarter)."""
    moved = _shift(p, months, "", -1, -1)
    return replace(moved, rule=p.rule + "+shift", relative_to_previous=False) if moved else None


def _shift(p: Period, months: int, text: str, start: int, end: int) -> Period | None:
    if not p.period_start or not p.period_end:
        return None
    sy, sm = month_shift(p.period_start.year, p.period_start.month, months)
    ey, em = month_shift(p.period_end.year, p.period_end.month, months)
    ps = date(sy, sm, min(p.period_start.day, month_end(sy, sm).day))
    pe = date(ey, em, min(p.period_end.day, month_end(ey, em).day))
    if p.granularity in ("month", "quarter", "year", "half", "fiscal_year", "fiscal_quarter"):
        pe = month_end(ey, em)
    label = _label_for(ps, pe, p.granularity)
    return Period(text, start, end, ps, pe, label, p.granularity, "dates.relative.v1", relative_to_previous=True)


# ---------------------------------------------------------------------------
# one resolver a kind: the match's groups, the reference date and the company's fiscal year end

class _Match:
    """What every resolver is given: the match's groups and text, the reference date, the fiscal year's
    last month, the period named before (for "a year earlier") and the reading ("past" or "future")."""

    def __init__(self, m: re.Match, ref: date | None, fy_end: int, previous: Period | None, prefer: str):
        self.g, self.text, self.s, self.e = m.groupdict(), m.group(), m.start(), m.end()
        self.ref, self.fy_end, self.previous, self.prefer = ref, fy_end, previous, prefer

    def period(self, ps, pe, label: str, gran: str, rule: str, relative: bool = False) -> Period:
        return Period(self.text, self.s, self.e, ps, pe, label, gran, rule, relative)

    def first(self, *groups: str) -> str | None:
        return next((self.g[k] for k in groups if self.g[k]), None)


_ENDED_MONTHS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}


def _ended_length(g: dict, words: str) -> int | None:
    """The months of "the quarter/half/year/nine months ended ...": None for "the period ended" (no length)."""
    length = g["en_len"].lower()
    if g["en_n"]:
        months = _ENDED_MONTHS[g["en_n"].lower()]
    elif length in ("quarter", "qtr"):
        months = 3
    elif length.startswith("half") or re.search(r"\b(?:first|second)\s+half", words):
        months = 6
    elif length in ("year", "yr"):
        months = 12
    else:
        return None
    if re.search(r"\b(?:first|second|third|fourth|final)\s+(?:quarter|qtr)", words):
        months = 3
    return months


def _ended_year(x: _Match, mo: int) -> int | None:
    """The year of the period's last month: written, else the latest such month that has ended ("ended"),
    else the nearest one ("ending", "to": a coming year end too)."""
    y = _year(x.g["en_y"], x.ref)
    if y is not None or x.ref is None:
        return y
    ref = x.ref
    options = (ref.year - 1, ref.year, ref.year + 1)
    if x.g["en_w"].lower() == "ended":
        return max(yy for yy in options if month_end(yy, mo) <= ref + timedelta(days=7))
    return min(options, key=lambda yy: abs((month_end(yy, mo) - ref).days))


def _ended(x: _Match) -> Period | None:
    """A period of a stated length ending in a stated month, on month boundaries as results are
    labeled: a 52/53-week quarter "ended Feb. 1" is the quarter to January."""
    months = _ended_length(x.g, x.text.lower())
    if months is None:
        return None  # "the period ended March 31": no length
    mo = MONTHS[x.g["en_m"].lower().rstrip(".")]
    y = _ended_year(x, mo)
    if y is None:
        return None
    if x.g["en_d"] and int(x.g["en_d"]) <= 7:
        y, mo = month_shift(y, mo, -1)
    sy, sm = month_shift(y, mo, -(months - 1))
    ps, pe = date(sy, sm, 1), month_end(y, mo)
    if months == 3:
        gran = "quarter" if mo % 3 == 0 else "fiscal_quarter"
    elif months == 12:
        gran = "year" if mo == 12 else "fiscal_year"
    else:
        gran = "half" if months == 6 else "range"
    label = _label_for(ps, pe, gran) if gran in ("quarter", "year") else f"{months} months to {y}-{mo:02d}"
    return x.period(ps, pe, label, gran, "dates.ended.v1")


def _ytd(x: _Match) -> Period | None:
    unit = (x.g["td_u"] or "").lower()[:1]
    if unit:  # "Down 5.78% month-to-date": from the month's (quarter's, week's) first day to the reference day
        if not x.ref:
            return None
        ref = x.ref
        start = ref - timedelta(days=ref.weekday()) if unit == "w" else \
            date(ref.year, ref.month if unit == "m" else ref.month - (ref.month - 1) % 3, 1)
        return x.period(start, ref, f"{unit.upper()}TD {ref.isoformat()}", "range", "dates.to_date.v1")
    n = x.g["fm_n"] or x.g["fm_c"]  # "the first nine months", "9MFY25"
    if n:
        return _first_months(x, int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0))
    if not x.ref:
        return x.period(None, None, "YTD", "ytd", "dates.ytd.v1")
    return x.period(date(x.ref.year, 1, 1), x.ref, f"YTD {x.ref.year}", "ytd", "dates.ytd.v1")


def _first_months(x: _Match, n: int) -> Period | None:
    """The first `n` months of a year: the one written, else of the (fiscal) year that ended them last."""
    y = _year(x.g["fm_y"], x.ref)
    if not 1 < n < 12 or y is None and x.ref is None and not x.g["fm_fy"]:
        return None
    sm = x.fy_end % 12 + 1 if y is None and (x.g["fm_f"] or x.fy_end != 12) else 1
    if x.g["fm_fy"]:  # "9MFY25": the first months of that fiscal year
        start = fiscal_year_span(_year(x.g["fm_fy"], x.ref), x.fy_end)[0]
        y, sm = start.year, start.month
    if y is None:
        y = x.ref.year if x.ref.month >= sm else x.ref.year - 1
        if month_end(*month_shift(y, sm, n - 1)) > x.ref:
            y -= 1
    ey, em = month_shift(y, sm, n - 1)
    return x.period(date(y, sm, 1), month_end(ey, em), f"{n} months to {ey}-{em:02d}", "range", "dates.first_months.v1")


def _fiscal_quarter(x: _Match, fy: int, q: int) -> Period:
    ps, pe = fiscal_quarter_span(fy, q, x.fy_end)
    return x.period(ps, pe, _fq_label(fy, q, x.fy_end), "fiscal_quarter", "dates.fiscal_quarter.v1")


def _calendar_quarter(x: _Match, y: int, q: int) -> Period:
    ps, pe = quarter_span(y, q)
    return x.period(ps, pe, f"{y}-Q{q}", "quarter", "dates.quarter.v1")


def _fq_word(x: _Match) -> Period | None:
    """"fiscal third quarter", "the second quarter of fiscal 2024": without a year, the latest that has begun, as
    "third quarter" (CLAIM_LABELING_GUIDE.md 6: an outlook's "fiscal first quarter" is the current one; one that
    has ended is the latest ended)."""
    q = ORDINALS[x.first("fqw_o", "fqw_o2").lower()]
    fy = _year(x.first("fqw_y1", "fqw_y2", "fqw_y3"), x.ref)
    if fy is None:
        if not x.ref:
            return None
        fy = fiscal_year_of(x.ref, x.fy_end)
        if fiscal_quarter_span(fy, q, x.fy_end)[0] > x.ref:
            fy -= 1  # not begun yet: last fiscal year's
    return _fiscal_quarter(x, fy, q)


# a quarter "of this year", "of last year": that (fiscal) year, counted from the published day's
_REL_YEAR = {"this": 0, "current": 0, "last": -1, "previous": -1, "prior": -1, "next": 1}


def _q_word(x: _Match) -> Period | None:
    """"the third quarter (of 2024)", "1987 third-quarter", "1986's 4th qtr", "last quarter"; a company on a fiscal
    calendar names its fiscal quarters ("Siemens' third quarter")."""
    word = x.g["qw_o"].lower()
    y, ref = _year(x.first("qw_y", "qw_y0"), x.ref), x.ref
    rel = (x.g.get("qw_rel") or "").lower()
    if rel and ref is not None:  # "the first quarter of this year", "the fourth quarter of last year"
        y = fiscal_year_of(ref, x.fy_end) + _REL_YEAR[rel]
    if x.fy_end != 12 and word != "last" and (y or ref):
        q = ORDINALS[word]
        fy = y or fiscal_year_of(ref, x.fy_end)
        if y is None and fiscal_quarter_span(fy, q, x.fy_end)[0] > ref:
            fy -= 1  # not begun yet: last fiscal year's
        return _fiscal_quarter(x, fy, q)
    if not y and not ref:
        return None
    if word == "last" and not y:
        y, q = latest_ended_quarter(ref)
    else:
        q = ORDINALS[word]
        y = y if y is not None else _year_of_quarter(q, ref, x.prefer)
    return _calendar_quarter(x, y, q)


def _q_code(x: _Match) -> Period | None:
    """"Q3 2024", "3Q24", "FY25 Q1", "Q2FY25": on a company's fiscal calendar its fiscal quarter, as "the
    third quarter (of 2024)" is ("Apple Q2 earnings" in April is its January-March quarter; "IRCTC Q3
    results" in February its October-December one); else the calendar quarter."""
    q = int(x.first("qc_q", "qc_q2", "qc_q3", "qc_q4", "qc_q5"))
    y = _year(x.first("qc_y", "qc_y2", "qc_y3", "qc_y4", "qc_y5"), x.ref)
    if x.fy_end != 12 and (y or x.ref):
        if y is None:
            y = fiscal_year_of(x.ref, x.fy_end)
            if fiscal_quarter_span(y, q, x.fy_end)[0] > x.ref:
                y -= 1  # not begun yet: last fiscal year's
        return _fiscal_quarter(x, y, q)
    if y is None:
        if not x.ref:
            return None
        y = _year_of_quarter(q, x.ref, x.prefer)
    return _calendar_quarter(x, y, q)


def _q_month(x: _Match) -> Period | None:
    """"the December quarter": the three months to the latest such month (45 days of slack)."""
    mo = MONTHS[x.g["qm_m"].lower().rstrip(".")]
    ref = x.ref
    if not ref:
        return None
    y = ref.year if month_end(ref.year, mo) <= ref + timedelta(days=45) else ref.year - 1
    sy, sm = month_shift(y, mo, -2)
    return x.period(date(sy, sm, 1), month_end(y, mo), f"{y}-{mo:02d} quarter", "quarter", "dates.quarter_month.v1")


def _half(x: _Match) -> Period | None:
    """"the first half (of 2024)", "1986 first half", "H1 24", "2H'23": of the company's fiscal year when it has one."""
    g = x.g
    h = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get((g["h_o"] or "").lower()) \
        or int(x.first("h_c", "h_c2", "h_c3", "h_c4", "h_c5", "h_c6"))
    explicit = _year(x.first("h_y", "h_y0", "h_y2", "h_y3", "h_y4", "h_fy"), x.ref)
    y = explicit or (x.ref.year if x.ref else None)
    if y is None:
        return None
    if x.fy_end != 12:  # the first half of the company's fiscal year, the year it ends in
        fy = explicit or fiscal_year_of(x.ref, x.fy_end)
        ps, pe = fiscal_half_span(fy, h, x.fy_end)
        if explicit is None and x.ref is not None and ps > x.ref:
            fy -= 1
            ps, pe = fiscal_half_span(fy, h, x.fy_end)
        return x.period(ps, pe, f"FY{fy}-H{h}", "half", "dates.fiscal_half.v1")
    ps, pe = (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    return x.period(ps, pe, f"{y}-H{h}", "half", "dates.half.v1")


def _fy(x: _Match) -> Period | None:
    """"FY24", "fiscal 2024", "last fiscal year" (the one that has ended when the current one has not)."""
    fy = _year(x.first("fy_y", "fy_y2", "fy_y3"), x.ref)
    if fy is not None and x.g.get("fy_to") and int(x.g["fy_to"]) % 100 == (fy + 1) % 100:
        fy += 1
    if fy is None:
        if not x.ref:
            return None
        current = fiscal_year_of(x.ref, x.fy_end)
        rel = x.g["fy_rel"].lower()
        fy = {"last": current - 1, "previous": current - 1, "prior": current - 1, "next": current + 1}.get(rel, current)
        if rel == "last" and fiscal_year_span(current, x.fy_end)[1] < x.ref:
            fy = current
    ps, pe = fiscal_year_span(fy, x.fy_end)
    return x.period(ps, pe, f"FY{fy}", "fiscal_year", "dates.fiscal_year.v1")


def _rel_prev_step(g: dict) -> tuple[int, str, str]:
    """How far back "a year earlier", "three months before", "the previous quarter", "sequentially" go:
    (count, unit, the year-ago word or "")."""
    if g.get("rp_same"):
        return 1, "year", "year-ago"
    if g["rp_ya"]:
        word = g["rp_ya"].lower()
        unit = (g["rp_pu"] or g["rp_pu2"] or ("quarter" if word == "sequentially" else "year")).lower()
        return 1, unit, word
    n_text = g["rp_n"].lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 3 if n_text in ("few", "several") else 1)
    return n, g["rp_u"].lower().rstrip("s"), ""


def _rel_prev_anchor(x: _Match, unit: str, word: str) -> Period | None:
    """What "earlier" counts from: the period named before in the sentence, else the reference date (or,
    for "from the previous quarter", the unit that holds it)."""
    if x.previous and x.previous.period_start:
        return x.previous
    ref = x.ref
    if not ref:
        return None
    if word and unit in ("quarter", "month", "year") and not word.startswith("year"):
        if unit == "quarter":
            qs, qe = quarter_span(ref.year, (ref.month - 1) // 3 + 1)
            return Period("", -1, -1, qs, qe, "", "quarter")
        if unit == "month":
            return Period("", -1, -1, date(ref.year, ref.month, 1), month_end(ref.year, ref.month), "", "month")
        return Period("", -1, -1, date(ref.year, 1, 1), date(ref.year, 12, 31), "", "year")
    return Period("", -1, -1, ref, ref, ref.isoformat(), "day")


def _rel_prev(x: _Match) -> Period | None:
    n, unit, word = _rel_prev_step(x.g)
    months = {"year": 12, "month": 1, "quarter": 3, "week": 0, "day": 0}[unit] * n
    anchor = _rel_prev_anchor(x, unit, word)
    if anchor is None:
        return None
    if x.g.get("rp_y") and anchor.text and anchor.period_end:
        # "the same period of 2023" after "the fourth quarter" (of 2024): that quarter in the year named
        months = 12 * max(1, min(3, anchor.period_end.year - int(x.g["rp_y"])))
    if unit in ("week", "day"):
        days = 7 * n if unit == "week" else n
        ps = anchor.period_start - timedelta(days=days)
        pe = anchor.period_end - timedelta(days=days)
        gran = "day" if ps == pe else "range"
        return x.period(ps, pe, _label_for(ps, pe, gran), gran, "dates.relative.v1", True)
    if x.prefer == "future" and unit == "year" and anchor.granularity == "day" and not anchor.text:
        y, mo = month_shift(anchor.period_start.year, anchor.period_start.month, -months)  # Duckling: to the month
        return x.period(date(y, mo, 1), month_end(y, mo), f"{y}-{mo:02d}", "month", "dates.relative.v1", True)
    return _shift(anchor, -months, x.text, x.s, x.e)


# ---------------------------------------------------------------------------
# a quarter label: `story_calendar.fiscal_year_end_from_labels` reads a fiscal calendar the gazetteer does not hold from them

def quarter_label(text: str, ref: date | None) -> tuple[int, int | None, bool] | None:
    """A quarter label's number, its year (None when not written) and whether it is written as fiscal
    ("Q3 FY25", "the second quarter of fiscal 2025"); a half's label as its last quarter ("1H" is the second
    quarter's end: a first half reported in February ended in December); None for any other period, "last
    quarter" included.

    >>> quarter_label("Q3FY25", date(2025, 2, 13)), quarter_label("the third quarter", None)
    ((3, 2025, True), (3, None, False))
    >>> quarter_label("first-half", None), quarter_label("1H FY25", date(2025, 2, 13))
    ((2, None, False), (2, 2025, True))
    """
    m = _SCAN.search(text)
    if m is None or m.lastgroup not in ("q_word", "q_code", "fq_word", "half"):
        return None
    x = _Match(m, ref, 12, None, "past")
    if m.lastgroup == "half":
        h = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get((x.g["h_o"] or "").lower()) \
            or int(x.first("h_c", "h_c2", "h_c3", "h_c4", "h_c5", "h_c6"))
        return 2 * h, _year(x.first("h_y", "h_y0", "h_y2", "h_y3", "h_y4", "h_fy"), ref), bool(x.g["h_fy"])
    if m.lastgroup == "q_word":
        word = x.g["qw_o"].lower()
        return None if word == "last" else (ORDINALS[word], _year(x.g["qw_y"], ref), False)
    if m.lastgroup == "fq_word":
        return ORDINALS[x.first("fqw_o", "fqw_o2").lower()], _year(x.first("fqw_y1", "fqw_y2", "fqw_y3"), ref), True
    q = int(x.first("qc_q", "qc_q2", "qc_q3", "qc_q4", "qc_q5"))
    fiscal = bool(x.g["qc_q3"]) or "FY" in x.text.upper() or x.text.lower().startswith("fiscal")
    return q, _year(x.first("qc_y", "qc_y2", "qc_y3", "qc_y4", "qc_y5"), ref), fiscal


_RESOLVERS = {"ended": _ended, "ytd": _ytd, "fq_word": _fq_word, "q_word": _q_word, "q_code": _q_code,
              "q_month": _q_month, "half": _half, "fy": _fy, "rel_prev": _rel_prev}
assert set(_RESOLVERS) == set(KINDS)  # NOTE: a new pattern needs its resolver


def resolve_reporting(kind: str, m: re.Match, ref: date | None, fy_end: int, previous: Period | None = None,
                      prefer: str = "past") -> Period | None:
    """The period a reporting expression (a match of `PATTERNS`, of kind `kind`) names, or None.

    ref (date | None): the reference (published) date; fy_end (int): the last month of the company's
    fiscal year; previous (Period | None): the period named before in the sentence ("a year earlier");
    prefer (str): "past" or "future", the reading of a quarter named without a year.
    """
    return _RESOLVERS[kind](_Match(m, ref, fy_end, previous, prefer))
