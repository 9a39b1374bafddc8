"""Wire result tables: the period a table's section ("Year", "Nine mths") or headline ("2ND QTR JAN 31") sets.

A 1987 Reuters results story is a table of lines ("Shr 1.05 dlr vs 51 cts"): the headline names the quarter and
often its end ("4TH QTR JAN 31 NET", "3RD QTR MAY 31 LOSS"), the opener or a line may state it ("Ended Feb 28",
"Five mths end May 31", "qtr ended Jan 31"), and sections below ("Six mths", "Year", "12 mths") run to the same end.
A stated end puts the period on the company's fiscal calendar; with none, the quarter is the latest calendar
quarter that has ended and a year the story calendar's. The "vs" figure (`table_role` "prior") is a year before; a
level's line ("Assets 1.15 billion vs 1.02 billion") holds on the period's last day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .date_math import month_end
from .records import Figure, Period
from .reporting_periods import MONTHS, fiscal_year_of, fiscal_year_span, latest_ended_quarter, quarter_span
from .resources import Resources
from .word_patterns import listed

RULE = "claims.table_period.v2"
# a stated end this early in a month ("4TH QTR FEB ONE", "qtr ended Jan 3") closes a 52-53 week period, written as
# the month before's last day, as the labeling guide writes fiscal periods
_NEAR_MONTH_END = 3
_REACH = 1500  # how far before or after a figure a stated end counts


@lru_cache(maxsize=4)
def _section_words(res: Resources) -> tuple[dict[str, int], re.Pattern, re.Pattern]:
    """number_words.yaml's words for one to twelve (a section's months: "Nine mths"); a section header line:
    "Year", "Nine mths", "12 mths", "4th qtr" (also at the end of the dateline, on a line of its own words: "SAN
    MATEO, Calif., March 31 - Year", "LONDON, April 13 - Six months to end-December", "Fourth quarter 1987"); and a
    headline's months ("FIVE MTHS")."""
    counts = {str(w).lower(): int(v) for w, v in res.number_words["units"].items() if 1 <= v <= 12}
    count = r"(?:\d{1,2}|" + listed(counts) + r")"
    section = re.compile(r"(?im)^(?:[^\n]{0,60}?\s[-\u2013]\s+)?\s*(year|" + count + r" (?:mths|months)|qtr|"
                         r"[1-4](?:st|nd|rd|th) qtr|"
                         r"(?:1st|first) half|(?:first|second|third|fourth) quarter)\b(?=[^\n]{0,40}$)")
    return counts, section, re.compile(r"\b(" + count + r") (?:mths|months)\b", re.I)


def section_pattern(res: Resources) -> re.Pattern:
    """A wire table's section header line; its group 1 is the section ("Nine mths")."""
    return _section_words(res)[1]


_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
_ORDINAL = re.compile(r"\b(1st|2nd|3rd|4th|first|second|third|fourth) (?:qtr|quarter)\b", re.I)
_TITLE_QUARTER = re.compile(r"\b(?:[1-4](?:st|nd|rd|th)|first|second|third|fourth) (?:qtr|quarter)\b|\bqtr\b", re.I)
# "qtr ended Jan 31", "YEAR MAY 31", "2ND QTR JAN 31", "Ended Feb 28", "Five mths end May 31", "4TH QTR FEB ONE"
_STATED_END = re.compile(
    r"\b(?:(?:qtr|quarter|year|yr|months?|mths|weeks?|wks|period|half)s?"
    r"(?:\s+(?:ended|ending|ends|end|to|thru|through))?|ended|ending)\s+"
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2}|one)\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I)


def _count(word: str, counts: dict[str, int]) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else counts[word]


def stated_period_end(title: str, before: str, ref: date, after: str = "") -> date | None:
    """The end a wire table's headline or note gives its period ("qtr ended Jan 31", "year to March 31",
    "4TH QTR JAN 31"): the last one before the figure, else the first in the notes after it ("NOTE: Quarter
    ends January 31."); the latest such date on or before the published day when no year is written."""
    m = None
    for m in _STATED_END.finditer(title + "\n" + before):
        pass
    if m is None:
        m = _STATED_END.search(after)
    if m is None:
        return None
    mon = MONTHS[m.group("mon").lower()]
    day = 1 if m.group("day").lower() == "one" else int(m.group("day"))
    years = [int(m.group("year"))] if m.group("year") else [ref.year, ref.year - 1]
    for y in years:
        try:
            d = date(y, mon, day)
        except ValueError:
            continue
        if m.group("year") or d <= ref:
            return d
    return None


def _months_of(sec: str, counts: dict[str, int]) -> int:
    """How many months a section runs: "year" 12, "nine mths" 9, a quarter 3."""
    if sec.startswith("year"):
        return 12
    if sec.endswith("half"):
        return 6
    if "mths" in sec or "months" in sec:
        return _count(sec.split()[0], counts)
    return 3


def _ordinal(sec: str, title: str) -> int | None:
    """The quarter's number its section ("2nd qtr") or, for a bare "qtr", its headline ("1ST QTR NET") gives."""
    m = _ORDINAL.search(sec) or (_ORDINAL.search(title) if sec == "qtr" else None)
    return _ORDINALS[m.group(1).lower()] if m else None


def _section_of(title: str, title_months: re.Pattern) -> str:
    """The section a headline sets for the lines before any section header: "4TH QTR" a quarter, "FIVE MTHS"."""
    m = title_months.search(title)
    if m:
        return f"{m.group(1).lower()} mths"
    if _TITLE_QUARTER.search(title):
        return "qtr"
    return "year" if re.search(r"\byear\b", title, re.I) else ""


def table_period(fig: Figure, text: str, ref: date | None, title: str, fy_end: int, res: Resources,
                 sections: list[tuple[int, str]] | None = None, role: str = "", lag_days: int = 0,
                 point: bool = False) -> Period | None:
    """Wire tables: the section ("Year", "Nine mths") or title ("4TH QTR") sets the period; vs is a year before.
    `lag_days`: the fewest days from a period's end to the story reporting it (periods.yaml `report_lag_days`): on
    April 1 the quarter that ended the day before is not yet reported, "4TH QTR" is the one that ended in December.
    `point`: the line is a level ("Assets 1.15 billion vs 1.02 billion"): the period's last day."""
    if ref is None:
        return None
    stated_ref, ref = ref, ref - timedelta(days=lag_days)  # a stated end is read on the published day
    counts, section, title_months = _section_words(res)
    if sections is None:
        sections = [(m.start(), m.group(1)) for m in section.finditer(text, 0, fig.start)]
    before = [name for pos, name in sections if pos < fig.start]
    sec = before[-1].lower() if before else _section_of(title, title_months)
    if not sec:
        return None
    months = _months_of(sec, counts)
    stated = stated_period_end(title, text[max(0, fig.start - _REACH):fig.start], stated_ref,
                               text[fig.end:fig.end + _REACH])
    if stated is not None or months % 3:
        # a stated end, else (two or five months) the month before the published one
        pe = stated if stated is not None else date(ref.year, ref.month, 1) - timedelta(days=1)
        if pe.day <= _NEAR_MONTH_END:  # a 52-53 week year's "Feb 1" is the month before's end
            pe = date(pe.year, pe.month, 1) - timedelta(days=1)
        first = pe.year * 12 + pe.month - months  # the month after the one `months` before the end
        ps = date(first // 12, first % 12 + 1, 1)
        label, gran = f"{ps.isoformat()}..{pe.isoformat()}", "range"
    elif sec.startswith("year") or months == 12:
        fy = fiscal_year_of(ref, fy_end) - 1
        ps, pe = fiscal_year_span(fy, fy_end)
        label = f"FY{fy}" if fy_end != 12 else str(fy)
        gran = "fiscal_year"
    elif fy_end == 12:
        y, q = latest_ended_quarter(ref)
        if months == 3 and _ordinal(sec, title) not in (None, q) and _ordinal(sec, title) == latest_ended_quarter(stated_ref)[1]:
            y, q = latest_ended_quarter(stated_ref)  # "1ST QTR NET" a week into April: a quick reporter's March quarter
        ps, pe = quarter_span(y, q)
        label, gran = f"{y}-Q{q}", "quarter"
        if months != 3:
            first_month = pe.month - months + 1
            py = pe.year if first_month > 0 else pe.year - 1
            ps = date(py, (first_month - 1) % 12 + 1, 1)
            label, gran = f"{ps.isoformat()}..{pe.isoformat()}", "range"
    else:
        # the latest quarter of the company's fiscal calendar that has ended ("FOURTH QUARTER" in June for a
        # May year), and the months before it
        pe = date(ref.year, ref.month, 1) - timedelta(days=1)
        while (fy_end - pe.month) % 3:
            pe = date(pe.year, pe.month, 1) - timedelta(days=1)
        first = pe.year * 12 + pe.month - months
        ps = date(first // 12, first % 12 + 1, 1)
        label, gran = f"{ps.isoformat()}..{pe.isoformat()}", "range"
    if (role or fig.table_role) == "prior":
        ps = date(ps.year - 1, ps.month, 1)
        pe = month_end(pe.year - 1, pe.month) if pe == month_end(pe.year, pe.month) else date(pe.year - 1, pe.month, min(pe.day, 28))
        if gran == "range":
            label = f"{ps.isoformat()}..{pe.isoformat()}"
        elif label[:1].isdigit() or label.startswith("FY"):
            label = label.replace(str(pe.year + 1), str(pe.year))
    if point:  # CLAIM_LABELING_GUIDE.md 6: a level holds on a day, the end of the period its table reports
        ps, label, gran = pe, pe.isoformat(), "day"
    return Period(sec, -1, -1, ps, pe, label, gran, RULE)


# a line of a wire table whose label is not a known row label ("Operating loss 8.76 billion vs profit 6.52
# billion", "Minority interest 700,000 vs 1.1 mln", "Operating profit 629.0 mln, a 12.1 pct increase")
_ROW_LABEL = re.compile(r"[A-Z][A-Za-z .,'&/()-]{0,50}")
_ROW_MAX = 90
# a wire story's dateline, which opens its first line: "PARIS, March 27 - ", "SAN GABRIEL, Calif., March 6 - "
_DATELINE = re.compile(r"[A-Z][A-Za-z .'&()-]*(?:,\s*[A-Z][A-Za-z.]*)*,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+[-\u2013]\s+")
# with no "vs", the figure is followed by its change: "Turnover 2.42 billion, a 8.4 pct rise"
_ROW_CHANGE = re.compile(r"\d[^\s,]*(?:\s+[a-z]{1,8})?,\s+(?:a|an|up|down)\s+[\d.]+\s*(?:pct|percent|%)", re.I)


@lru_cache(maxsize=4)
def _row_verb(res: Resources) -> re.Pattern:
    """A label is a noun phrase: one with a verb or preposition is a sentence ("U.S. gold futures were up 0.9% at ...")."""
    return re.compile(r"\b(?:" + listed(res.tables["row_label_verbs"]) + r")\b", re.I)


def wire_row_role(fig: Figure, text: str, res: Resources) -> str:
    """"current" or "prior" (after "vs") when the figure stands in a short line of a wire table that opens with
    a row label and a figure, then "vs" or a comma ("Turnover 2.42 billion, a 8.4 pct rise"), else ""."""
    ls = text.rfind("\n", 0, fig.start) + 1
    le = text.find("\n", fig.end)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    dateline = _DATELINE.match(line)  # "PARIS, March 27 - Net profit 242.1 mln francs vs 240.1 mln.": the row after it
    if dateline and ls + dateline.end() <= fig.start:
        ls, line = ls + dateline.end(), line[dateline.end():]
    if len(line) > _ROW_MAX or not line[:1].isupper():
        return ""
    vs = re.search(r"\s+vs\.?\s+", line)
    head = line[:vs.start()] if vs else line
    label = re.match(r"[^\d]*", head).group().rstrip()
    if not label or not _ROW_LABEL.fullmatch(label) or _row_verb(res).search(label) \
            or (vs is None and not _ROW_CHANGE.search(line)):
        return ""
    return "prior" if vs is not None and fig.start - ls >= vs.end() else "current"
