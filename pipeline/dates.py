"""Dates and periods: find time expressions and resolve them against the published date.

Calendar expressions (days, weekdays, months, years, holidays, ranges, bounds, parts, shifts) are
found and resolved by the grammar in pipeline/periods.py, from the words in models/lexicons; what is
particular to company reporting (quarters, halves, fiscal years with each company's calendar,
year-to-date, "a month earlier" anchored to the period mentioned before) is resolved here. Every
`Period` carries its granularity.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from .records import Period

# Month and ordinal words are the English calendar itself, not tunable data.
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4, "last": 4}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "twelve": 12, "a": 1, "the": 1}
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_YR = r"(?:19[5-9]\d|20\d\d)"
_NUMW_REL = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|\d{1,2})"
# Kinds particular to company reporting; pipeline/periods.py adds the calendar's own atoms around them.
_PATTERNS = [
    # a reporting period named by its length and its last month ("the quarter ended Dec. 31", "nine months
    # to September", "the fiscal year ending March 2025"): tried before the quarter and half words it holds
    ("ended", rf"\b(?:(?:the|its|a)\s+)?(?:(?:latest|fiscal|financial|first|second|third|fourth|final)\s+)*(?P<en_len>quarter|qtr|half[- ]year|half|year|yr|period|(?P<en_n>three|six|nine|twelve|3|6|9|12)[- ]months?)"
              rf"\s+(?:that\s+)?(?P<en_w>ended|ending|ends|to|through|thru)\s+(?:on\s+)?(?P<en_m>{_MON})\b\.?(?:\s+(?P<en_d>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<en_y>{_YR})\b)?"),
    ("ytd", r"\b(?:year[- ]to[- ]date|ytd|so far this year|since the (?:start|beginning) of (?:the|this) year|this year so far)\b"),
    ("fq_word", rf"\b(?:(?:the|its|a)\s+)?(?:fiscal\s+(?:(?P<fqw_y1>{_YR})\s+)?(?P<fqw_o>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|(?P<fqw_o2>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter of (?:fiscal(?: year)?|FY)\s*(?P<fqw_y2>{_YR}|\d\d))\b"),
    ("q_word", rf"\b(?P<qw_o>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:quarter|qtr)\b(?:\s+(?:of\s+)?(?P<qw_y>{_YR}))?"),
    ("q_code", rf"\b(?:(?:fiscal\s+)?Q(?P<qc_q>[1-4])[\s-]?(?:FY)?'?(?P<qc_y>{_YR}|\d\d)?|(?P<qc_q2>[1-4])Q\s?'?(?P<qc_y2>{_YR}|\d\d)?|(?:FY|fiscal)\s?'?(?P<qc_y3>{_YR}|\d\d)\s?Q(?P<qc_q3>[1-4])|(?P<qc_y4>{_YR})[\s-]?Q(?P<qc_q4>[1-4])|(?P<qc_y5>\d\d)Q(?P<qc_q5>[1-4]))\b"),
    ("q_month", rf"\bthe (?P<qm_m>{_MON}) quarter\b"),
    ("half", rf"\b(?:(?P<h_o>first|second|1st|2nd)[- ]half(?:\s+of)?(?:\s+(?P<h_y>{_YR}))?|(?P<h_c>[12])H\s?'?(?P<h_y2>{_YR}|\d\d)|H(?P<h_c2>[12])\s?'?(?P<h_y3>{_YR}|\d\d)?|(?P<h_y4>{_YR})[\s-]?H(?P<h_c3>[12]))\b"),
    ("fy", rf"\b(?:FY\s?'?(?P<fy_y>{_YR}|\d\d)|fiscal(?: year)?\s+(?P<fy_y2>{_YR})|(?:the\s+)?(?P<fy_y3>{_YR})\s+(?:fiscal|financial)\s+year|(?P<fy_rel>last|this|next|previous|prior|current) (?:fiscal|financial) year)\b"),
    ("rel_prev", rf"\b(?:(?:just\s+)?(?P<rp_n>{_NUMW_REL})\s+(?P<rp_u>years?|months?|quarters?|weeks?|days?)\s+(?:earlier|before|ago|prior)|(?P<rp_ya>year[- ](?:ago|earlier)|prior[- ]year|previous year's|the previous (?P<rp_pu>quarter|month|year)|the prior (?P<rp_pu2>quarter|month|year)|sequentially))\b"),
]
_LEGACY = tuple(_PATTERNS)  # handed to pipeline/periods.py's scanner; resolved by _resolve below


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _year(text: str | None, ref: date | None) -> int | None:
    if not text:
        return None
    y = int(text)
    if y < 100:
        century = (ref.year // 100) * 100 if ref else 2000
        y = century + y
        if ref and y > ref.year + 20:
            y -= 100
    return y


def quarter_span(y: int, q: int) -> tuple[date, date]:
    m0 = 3 * (q - 1) + 1
    return date(y, m0, 1), _month_end(y, m0 + 2)


def fiscal_year_span(fy: int, fy_end_month: int) -> tuple[date, date]:
    """Fiscal year `fy` is named for the calendar year in which it ends."""
    if fy_end_month == 12:
        return date(fy, 1, 1), date(fy, 12, 31)
    sy, sm = _add_months(fy, fy_end_month, -11)
    return date(sy, sm, 1), _month_end(fy, fy_end_month)


def fiscal_quarter_span(fy: int, q: int, fy_end_month: int) -> tuple[date, date]:
    start, _ = fiscal_year_span(fy, fy_end_month)
    sy, sm = _add_months(start.year, start.month, 3 * (q - 1))
    ey, em = _add_months(sy, sm, 2)
    return date(sy, sm, 1), _month_end(ey, em)


def fiscal_year_of(d: date, fy_end_month: int) -> int:
    return d.year if d.month <= fy_end_month else d.year + 1


def _latest_ended_quarter(ref: date) -> tuple[int, int]:
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


def shift_period(p: Period, months: int) -> Period | None:
    """`p` moved by whole months, keeping its granularity (the year-ago quarter of a story's quarter)."""
    moved = _shift(p, months, "", -1, -1)
    return replace(moved, rule=p.rule + "+shift", relative_to_previous=False) if moved else None


def _shift(p: Period, months: int, text: str, start: int, end: int) -> Period | None:
    if not p.period_start or not p.period_end:
        return None
    sy, sm = _add_months(p.period_start.year, p.period_start.month, months)
    ey, em = _add_months(p.period_end.year, p.period_end.month, months)
    ps = date(sy, sm, min(p.period_start.day, calendar.monthrange(sy, sm)[1]))
    pe = date(ey, em, min(p.period_end.day, calendar.monthrange(ey, em)[1]))
    if p.granularity in ("month", "quarter", "year", "half", "fiscal_year", "fiscal_quarter"):
        pe = _month_end(ey, em)
    label = _label_for(ps, pe, p.granularity)
    return Period(text, start, end, ps, pe, label, p.granularity, "dates.relative.v1", relative_to_previous=True)


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


_ENDED_MONTHS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}


def _ended(g: dict, ref: date | None, text: str, s: int, e: int) -> Period | None:
    """A period of a stated length ending in a stated month, on month boundaries as results are
    labeled: a 52/53-week quarter "ended Feb. 1" is the quarter to January. With no year, the latest
    such month that has ended ("ended"), or the nearest one ("ending", "to": a coming year end too)."""
    words = text.lower()
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
        return None  # "the period ended March 31": no length
    if re.search(r"\b(?:first|second|third|fourth|final)\s+(?:quarter|qtr)", words):
        months = 3
    mo = MONTHS[g["en_m"].lower().rstrip(".")]
    y = _year(g["en_y"], ref)
    if y is None:
        if ref is None:
            return None
        options = (ref.year - 1, ref.year, ref.year + 1)
        if g["en_w"].lower() == "ended":
            y = max(yy for yy in options if _month_end(yy, mo) <= ref + timedelta(days=7))
        else:
            y = min(options, key=lambda yy: abs((_month_end(yy, mo) - ref).days))
    if g["en_d"] and int(g["en_d"]) <= 7:
        y, mo = _add_months(y, mo, -1)
    sy, sm = _add_months(y, mo, -(months - 1))
    ps, pe = date(sy, sm, 1), _month_end(y, mo)
    if months == 3:
        gran = "quarter" if mo % 3 == 0 else "fiscal_quarter"
    elif months == 12:
        gran = "year" if mo == 12 else "fiscal_year"
    else:
        gran = "half" if months == 6 else "range"
    label = _label_for(ps, pe, gran) if gran in ("quarter", "year") else f"{months} months to {y}-{mo:02d}"
    return Period(text, s, e, ps, pe, label, gran, "dates.ended.v1")


def _resolve(kind: str, m: re.Match, ref: date | None, fy_end: int, previous: Period | None,
             prefer: str = "past") -> Period | None:
    g = m.groupdict()
    text, s, e = m.group(), m.start(), m.end()

    def P(ps, pe, label, gran, rule):
        return Period(text, s, e, ps, pe, label, gran, rule)

    if kind == "ended":
        return _ended(g, ref, text, s, e)
    if kind == "ytd":
        if not ref:
            return P(None, None, "YTD", "ytd", "dates.ytd.v1")
        return P(date(ref.year, 1, 1), ref, f"YTD {ref.year}", "ytd", "dates.ytd.v1")
    if kind == "fq_word":
        q = ORDINALS[(g["fqw_o"] or g["fqw_o2"]).lower()]
        fy = _year(g["fqw_y1"] or g["fqw_y2"], ref)
        if fy is None:
            if not ref:
                return None
            fy = fiscal_year_of(ref, fy_end)
            ps, pe = fiscal_quarter_span(fy, q, fy_end)
            if pe >= ref:  # the latest such quarter that has ended
                fy -= 1
        ps, pe = fiscal_quarter_span(fy, q, fy_end)
        return P(ps, pe, _fq_label(fy, q, fy_end), "fiscal_quarter", "dates.fiscal_quarter.v1")
    if kind == "q_word":
        word = g["qw_o"].lower()
        y = _year(g["qw_y"], ref)
        if fy_end != 12 and word != "last" and (y or ref):
            # a company on a fiscal calendar names its fiscal quarters ("Siemens' third quarter")
            q = ORDINALS[word]
            fy = y or fiscal_year_of(ref, fy_end)
            if y is None and fiscal_quarter_span(fy, q, fy_end)[0] > ref:
                fy -= 1  # not begun yet: last fiscal year's
            ps, pe = fiscal_quarter_span(fy, q, fy_end)
            return P(ps, pe, _fq_label(fy, q, fy_end), "fiscal_quarter", "dates.fiscal_quarter.v1")
        if word == "last" and not y:
            if not ref:
                return None
            y, q = _latest_ended_quarter(ref)
        else:
            q = ORDINALS[word]
            if y is None:
                if not ref:
                    return None
                y = _year_of_quarter(q, ref, prefer)
        ps, pe = quarter_span(y, q)
        return P(ps, pe, f"{y}-Q{q}", "quarter", "dates.quarter.v1")
    if kind == "q_code":
        q = int(g["qc_q"] or g["qc_q2"] or g["qc_q3"] or g["qc_q4"] or g["qc_q5"])
        fiscal = bool(g["qc_q3"]) or "FY" in text.upper() or text.lower().startswith("fiscal")
        y = _year(g["qc_y"] or g["qc_y2"] or g["qc_y3"] or g["qc_y4"] or g["qc_y5"], ref)
        if y is None:
            if not ref:
                return None
            y = _year_of_quarter(q, ref, prefer)
        if fiscal and fy_end != 12:
            ps, pe = fiscal_quarter_span(y, q, fy_end)
            return P(ps, pe, _fq_label(y, q, fy_end), "fiscal_quarter", "dates.fiscal_quarter.v1")
        ps, pe = quarter_span(y, q)
        return P(ps, pe, f"{y}-Q{q}", "quarter", "dates.quarter.v1")
    if kind == "q_month":
        mo = MONTHS[g["qm_m"].lower().rstrip(".")]
        if not ref:
            return None
        y = ref.year if _month_end(ref.year, mo) <= ref + timedelta(days=45) else ref.year - 1
        sy, sm = _add_months(y, mo, -2)
        ps, pe = date(sy, sm, 1), _month_end(y, mo)
        return P(ps, pe, f"{y}-{mo:02d} quarter", "quarter", "dates.quarter_month.v1")
    if kind == "half":
        h = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get((g["h_o"] or "").lower()) or int(g["h_c"] or g["h_c2"] or g["h_c3"])
        explicit = _year(g["h_y"] or g["h_y2"] or g["h_y3"] or g["h_y4"], ref)
        y = explicit or (ref.year if ref else None)
        if y is None:
            return None
        if fy_end != 12:  # the first half of the company's fiscal year, the year it ends in
            fy = explicit or fiscal_year_of(ref, fy_end)
            start, _ = fiscal_year_span(fy, fy_end)
            sy, sm = _add_months(start.year, start.month, 6 * (h - 1))
            if explicit is None and ref is not None and date(sy, sm, 1) > ref:
                fy -= 1
                start, _ = fiscal_year_span(fy, fy_end)
                sy, sm = _add_months(start.year, start.month, 6 * (h - 1))
            ey, em = _add_months(sy, sm, 5)
            return P(date(sy, sm, 1), _month_end(ey, em), f"FY{fy}-H{h}", "half", "dates.fiscal_half.v1")
        ps, pe = (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        return P(ps, pe, f"{y}-H{h}", "half", "dates.half.v1")
    if kind == "fy":
        fy = _year(g["fy_y"] or g["fy_y2"] or g["fy_y3"], ref)
        if fy is None:
            if not ref:
                return None
            current = fiscal_year_of(ref, fy_end)
            rel = g["fy_rel"].lower()
            fy = {"last": current - 1, "previous": current - 1, "prior": current - 1, "next": current + 1}.get(rel, current)
            if rel == "last" and fiscal_year_span(current, fy_end)[1] < ref:
                fy = current
        ps, pe = fiscal_year_span(fy, fy_end)
        return P(ps, pe, f"FY{fy}", "fiscal_year", "dates.fiscal_year.v1")
    if kind == "rel_prev":
        if g["rp_ya"]:
            word = g["rp_ya"].lower()
            unit = (g["rp_pu"] or g["rp_pu2"] or ("quarter" if word == "sequentially" else "year")).lower()
            n = 1
        else:
            n_text = g["rp_n"].lower()
            n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 3 if n_text in ("few", "several") else 1)
            unit = g["rp_u"].lower().rstrip("s")
        months = {"year": 12, "month": 1, "quarter": 3, "week": 0, "day": 0}[unit] * n
        anchor = previous if previous and previous.period_start else None
        if anchor is None:
            if not ref:
                return None
            if g["rp_ya"] and unit in ("quarter", "month", "year") and not word.startswith("year"):
                # "from the previous quarter": the unit containing ref is the anchor
                if unit == "quarter":
                    qs, qe = quarter_span(ref.year, (ref.month - 1) // 3 + 1)
                    anchor = Period("", -1, -1, qs, qe, "", "quarter")
                elif unit == "month":
                    anchor = Period("", -1, -1, date(ref.year, ref.month, 1), _month_end(ref.year, ref.month), "", "month")
                else:
                    anchor = Period("", -1, -1, date(ref.year, 1, 1), date(ref.year, 12, 31), "", "year")
            else:
                anchor = Period("", -1, -1, ref, ref, ref.isoformat(), "day")
        if unit in ("week", "day"):
            days = 7 * n if unit == "week" else n
            ps = anchor.period_start - timedelta(days=days)
            pe = anchor.period_end - timedelta(days=days)
            gran = "day" if ps == pe else "range"
            return Period(text, s, e, ps, pe, _label_for(ps, pe, gran), gran, "dates.relative.v1", True)
        if prefer == "future" and unit == "year" and anchor.granularity == "day" and not anchor.text:
            y, mo = _add_months(anchor.period_start.year, anchor.period_start.month, -months)  # Duckling: to the month
            return Period(text, s, e, date(y, mo, 1), _month_end(y, mo), f"{y}-{mo:02d}", "month", "dates.relative.v1", True)
        return _shift(anchor, -months, text, s, e)
    return None


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
    import bisect

    from . import periods as cal
    from .resources import load_resources

    if prefer not in ("past", "future"):
        raise ValueError(f"prefer={prefer!r}: use 'past' or 'future'")
    g = cal.grammar(res or load_resources(), _LEGACY)

    def legacy(kind: str, m: re.Match, ctx) -> "cal.Span | None":
        p = _resolve(kind, m, ref, fy_end_month, None, prefer)
        return _span_of(p)

    out: list[Period] = []
    previous: Period | None = None
    sentence = -1
    for s, e, item in cal.find_calendar(text, ref, prefer, g, legacy):
        current = bisect.bisect_right(sentence_starts, s)
        if current != sentence:  # "a year earlier" anchors to a period of its own sentence only
            previous, sentence = None, current
        if isinstance(item, re.Match):
            p = _resolve(item.lastgroup, item, ref, fy_end_month, previous, prefer)
        else:
            p = _period_of(item, text, s, e)
        if p is None:
            continue
        out.append(p)
        if p.period_start and p.period_end and p.granularity not in ("ytd",) and not p.relative_to_previous:
            previous = p
    return out


def _span_of(p: Period | None):
    from .periods import Span

    if p is None or p.period_start is None or p.period_end is None:
        return None
    return Span(p.period_start, p.period_end + timedelta(days=1), p.granularity, p.label, rule=p.rule)


def _period_of(sp, text: str, s: int, e: int) -> Period:
    """A resolved periods.Span as the stage's record (inclusive last day; None for an open side)."""
    pe = sp.end - timedelta(days=1) if sp.end else None
    if sp.start and pe and pe < sp.start:
        pe = sp.start
    gran = "range" if sp.mod else sp.grain
    rule = sp.rule or f"dates.{'bound' if sp.mod else sp.grain}.v2"
    return Period(text[s:e], s, e, sp.start, pe, sp.label, gran, rule)


_FULL_DATE = re.compile(rf"\b(?:(?P<m>{_MON})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YR})|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MON})\.?,?\s+(?P<y2>{_YR})|(?P<iso>{_YR}-[01]\d-[0-3]\d))\b", re.I)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MON})\.?,?\s+(?P<y>{_YR})\b", re.I)


def infer_published(text: str, today: date) -> date | None:
    """Guess a publication date from the text: its latest full date, else its latest month, else year.

    today (date): the run's start day; a date after it is not a publication date. It is passed in,
    not read here, so that the output does not depend on the day the function happens to be called.

    >>> infer_published("On December 17, 2024, it sold ... On January 1, 2025, it said", date(2025, 6, 1))
    datetime.date(2025, 1, 1)
    """
    limit = today
    best = None
    for m in _FULL_DATE.finditer(text):
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
    for m in _MONTH_YEAR.finditer(text):
        d = _month_end(int(m.group("y")), MONTHS[m.group("m").lower().rstrip(".")])
        if d <= limit and (best is None or d > best):
            best = d
    if best:
        return best
    years = [int(y) for y in re.findall(rf"\b({_YR})\b", text) if int(y) <= limit.year]
    return date(max(years), 12, 31) if years else None
