"""The story's fiscal calendar: the month its company's fiscal year ends (called by `claims.make_claims`).

The lists settle it where they know the headline's company (or, with no headline company, the main one);
else the quarters the story's results are labeled with (`labels_fiscal_year_end`: "Q3 results" in February
is a year ending in March); else the usual year-end of the story's currency; else December. A headline about
a country reads calendar quarters.
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from .antecedents import weak_topic
from .claim_periods import compared_with
from .dates import find_periods
from .entities import ArticleEntities
from .records import Figure, Mention, Period
from .reporting_periods import MONTHS, fiscal_quarter_span, fiscal_year_of, quarter_label
from .lowered import lowered_for_ascii_pattern
from .resources import Resources
from .subjects import is_reporter, subject_words


def gazetteer_fiscal_year_end(topic: Mention | None, ents: ArticleEntities, res: Resources) -> int | None:
    """The month the story's company ends its fiscal year, where the lists settle it: the headline company's
    (the gazetteer's), else the main company's; None when the headline names a company no list holds (the
    main company is then often another one: "Lulu Retail" is no Lululemon) or a country (Germany's GDP
    quarters are no quarters of Apple's, whatever the story says of Apple)."""
    if topic is not None:
        entry = res.alias_index.get(topic.entity)
        if entry is None or entry.kind == "country":
            return None
        if entry.kind in ("company", "unit"):
            return entry.fy_end_month
    if ents.main is not None:
        entry = res.alias_index.get(ents.main.entity)
        if entry is not None and entry.kind in ("company", "unit"):
            return entry.fy_end_month
    return None


# a headline listing three or more tickers ("Biggest stock movers Wednesday: KHC, SMCI, UPST, Lyft, and more",
# "CVX, XOM, OXY: Oil Stocks Rise") is a roundup about no one company: the company it names most is not the story's
_TICKER_LIST = re.compile(r"\b[A-Z]{1,5}(?:,\s+[A-Z]{1,5}){2,}\b")


def roundup_headline(headline: str) -> bool:
    """Whether the headline lists three or more tickers."""
    return bool(headline) and _TICKER_LIST.search(headline) is not None


_MONTH = r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|" \
    r"Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<d>\d{1,2})\b"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# a results story that states its calendar: "the third quarter of fiscal 2025 ended December 31, 2024", "its fiscal
# second quarter ended Dec. 28, 2024", "the fiscal year ended September 30, 2024"
_STATED_QUARTER = re.compile(r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal\s+)?quarter"
                             r"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?:fiscal\s+)?(?:\d{4}|20\d\d/\d\d))?,?"
                             r"\s+(?:ended|ending)\s+(?:on\s+)?" + _MONTH, re.I)
_STATED_YEAR = re.compile(r"\bfiscal\s+(?:year\s+)?(?:\d{4}\s+)?(?:ended|ending)\s+(?:on\s+)?" + _MONTH, re.I)
_STATED_REACH = 6000  # characters of the story, from its start, where a results release states its period


def _month_of(m: re.Match) -> int:
    """The month a period ending on the matched day ends in: a 52-53 week year's "ended January 3" is December's."""
    month = MONTHS[m.group("m").lower().rstrip(".")[:3]]
    return 12 if month == 1 and int(m.group("d")) <= 7 else month - 1 if int(m.group("d")) <= 7 else month


def stated_fiscal_year_end(text: str) -> int | None:
    """The fiscal year end the story's opening states: a quarter's ordinal and the day it ended (the third quarter
    ending in December is a year ending in March), or the fiscal year's own end; None when it states none or
    two that differ."""
    said = set()
    head = text[:_STATED_REACH]
    low = lowered_for_ascii_pattern(head)
    if low is not None and "quarter" not in low and "fiscal" not in low:
        return None  # each pattern needs its word (the text holds none of the letters re folds apart from lower())
    quarters = list(_STATED_QUARTER.finditer(head))
    for m in quarters:
        q = _ORDINAL[m.group("q").lower()]
        said.add((_month_of(m) - 1 + 3 * (4 - q)) % 12 + 1)
    for m in _STATED_YEAR.finditer(head):
        if not any(x.start() < m.end() and m.start() < x.end() for x in quarters):  # not "quarter of fiscal 2025 ended"
            said.add(_month_of(m))
    return said.pop() if len(said) == 1 else None


def story_fiscal_year_end(topic: Mention | None, ents: ArticleEntities, figures: list[Figure], res: Resources,
                          labels_say: int | None = None, body: str = "", headline: str = "") -> int:
    """The month the story's company ends its fiscal year: the lists' (`gazetteer_fiscal_year_end`), else
    the one the story's quarter labels say (`labels_say`, from `labels_fiscal_year_end`), else the main
    company's, else the usual year-end of the currency most of the story's money is in
    (models/lexicons/periods.yaml `fiscal_year_end_by_currency`: Indian and Japanese companies end in
    March), else December. A roundup's headline (`roundup_headline`) has no story company: its sentences read on
    the calendars of the companies they name (`sentence_fiscal_year_end`), else the currency's."""
    roundup = topic is None and roundup_headline(headline)
    known = gazetteer_fiscal_year_end(topic, ents, res) if not roundup else None
    if known is not None:
        return known
    stated = stated_fiscal_year_end(body) if not roundup else None
    if stated is not None:
        return stated
    if labels_say is not None:
        return labels_say
    # a headline naming a company no list holds, which the body writes as a name: the main company is often another
    # one (a footer's "News Corp" under a Wendy's story), whose fiscal year is none of the story's
    named_topic = topic is not None and topic.kind == "name" and not weak_topic(topic, body)
    entry = res.alias_index.get(ents.main.entity) if ents.main is not None and not named_topic and not roundup else None
    if country_story(topic, res):
        entry = None  # a country's story: its government's fiscal year, by its currency ("Japan's fiscal 1987")
    if entry is not None and entry.kind in ("company", "unit"):
        return entry.fy_end_month
    counts: dict[str, int] = {}
    for f in figures:
        if f.kind == "money":
            counts[f.unit] = counts.get(f.unit, 0) + 1
    if counts:
        currency = max(counts, key=counts.get)
        return int(res.periods.get("fiscal_year_end_by_currency", {}).get(currency, 12))
    return 12


def calendar_settled(topic: Mention | None, ents: ArticleEntities, res: Resources, text: str) -> bool:
    """Whether the lists or the story's own words settle its fiscal calendar (or it is a country's), so its
    quarter labels are not read for one."""
    return gazetteer_fiscal_year_end(topic, ents, res) is not None or country_story(topic, res) \
        or stated_fiscal_year_end(text) is not None


def country_story(topic: Mention | None, res: Resources) -> bool:
    """Whether the headline is about a country: its quarters are calendar quarters (GDP, trade), whatever
    quarters it names ("the deficit narrowed from the third quarter")."""
    entry = res.alias_index.get(topic.entity) if topic is not None else None
    return entry is not None and entry.kind == "country"


def sentence_fiscal_year_end(ents: ArticleEntities, start: int, end: int, res: Resources) -> int | None:
    """The fiscal calendar of the companies a sentence names from the gazetteer, when they share one
    ("Amazon reported higher Q1 sales" in a story about Apple: Amazon's calendar quarter); None when it
    names none or several calendars; an index's quarters are calendar quarters. A broker, rating agency or data
    provider (subjects.yaml `reporters`) sets none: "First-quarter net sales decreased 35% to $6.81 billion, ...,
    according to data compiled by LSEG" in a Deere story is Deere's fiscal quarter, not LSEG's calendar one."""
    words = subject_words(res)
    starts = ents.mention_starts
    months = set()
    for m in ents.mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]:
        if m.source != "gazetteer" or is_reporter(m.entity, words) or is_reporter(m.text, words):
            continue
        entry = res.alias_index.get(m.entity)
        if entry is not None and entry.kind in ("company", "unit"):
            months.add(entry.fy_end_month)
        elif entry is not None and entry.kind == "index":  # "S&P 500 companies' fourth-quarter earnings": calendar
            months.add(12)
    return months.pop() if len(months) == 1 else None


# a quarter something starts in is no quarter reported ("starting in the second quarter, it will reduce its quarterly
# dividend to 14 cents from 25 cents currently")
STARTING = re.compile(r"\b(?:starting|beginning|effective|commencing)(?:\s+(?:in|with|from))?(?:\s+the)?\s+$", re.I)


_CALENDAR_YEAR = re.compile(r"(?<![Ff][Yy])(?<![Ff][Yy] )\b(?:19|20)\d\d\b")


def labels_fiscal_year_end(labeled: list[tuple[str, Period | None]], headline: str, text: str, ref: date,
                            prior: int, res: Resources, halves: bool = True) -> int | None:
    """The fiscal year end the story's quarter labels say (`fiscal_year_end_from_labels`),
    `prior` (the calendar in use) when they fit it: the labels that date an actual figure (`labeled`: its
    modality and the period its clause or sentence names), not those it is compared with ("up from Q4 2023"),
    and the headline's written as fiscal ("Reports Fiscal Second Quarter 2025 Results"; a forecast of such a
    quarter, not yet ended, fits no calendar). A half the headline names counts as its last quarter ("Temple &
    Webster 1H25 Earnings Call Highlights" in February: a year ending in June), with `halves` (a headline that
    names a company, not a country), unless written with a calendar year ("First Half 2025 Dividend"); a half in
    the body does not count (a roundup's items, a central bank's "first half")."""
    found: dict[int, tuple] = {}
    for modality, p in labeled:
        if p is not None and p.granularity == "half":
            continue
        if modality == "actual" and p is not None and p.start >= 0 and not p.relative_to_previous \
                and not compared_with(p, text) and not STARTING.search(text, max(0, p.start - 20), p.start):
            label = quarter_label(p.text, ref)
            if label is not None:
                found[p.start] = label
    at = 0 if text.startswith(headline) else -len(headline) - 1  # the headline's own offsets, counted once
    for p in find_periods(headline, ref, res=res) if headline else ():
        if p.granularity == "half" and (not halves or _CALENDAR_YEAR.search(p.text)):
            continue
        label = quarter_label(p.text, ref)
        if label is not None and (label[2] or p.granularity == "half"):
            found.setdefault(at + p.start, label)
    lag = res.periods.get("report_lag_days") or (7, 100)
    months = res.periods.get("fiscal_year_end_months") or (3, 6, 9, 12)
    return fiscal_year_end_from_labels(list(found.values()), ref, tuple(lag), tuple(months), prior)


def fiscal_year_end_from_labels(labels: list[tuple[int, int | None, bool]], ref: date, lag_days: tuple[int, int],
                                months: tuple[int, ...], prior: int = 12) -> int | None:
    """The month a company's fiscal year ends, read from the quarters its results story names; None when
    they tell nothing.

    Companies report a quarter some weeks after it ends (`lag_days`: the fewest and most days). A label
    of an actual result fits a year-end month (of `months`, and `prior`) when, read on the fiscal year that
    ends then (the one named for its written year, else either of the latest two), its quarter ended within
    that lag before `ref`: "Q3" in February fits a year ending in March (October-December), "Q2 2025" in
    February one ending in June. Each label votes for `prior` (the calendar in use) when it fits, else
    the calendar year (12), else the month that makes its quarter the latest; `prior` wins a tie, then 12.

    labels ((q, year or None, written as fiscal)): from `quarter_label` (on a fiscal calendar "Q3" and
    "Q3 FY25" read alike, so whether it is written as fiscal does not count here); ref (date): the
    published day.

    >>> fiscal_year_end_from_labels([(2, 2025, False), (2, None, True)], date(2025, 2, 12), (7, 100), (3, 6, 9, 12))
    6
    >>> fiscal_year_end_from_labels([(4, 2024, False), (3, None, False)], date(2025, 2, 12), (7, 100), (3, 6, 9, 12))
    12
    """
    lo, hi = lag_days
    votes: dict[int, int] = {}
    for q, y, _ in labels:
        fits = []
        for month in sorted(set(months) | {prior}):
            current = fiscal_year_of(ref, month)
            for fy in ((y,) if y else (current, current - 1)):
                lag = (ref - fiscal_quarter_span(fy, q, month)[1]).days
                if lo <= lag <= hi:
                    fits.append((lag, month))
        if fits:
            month = prior if any(m == prior for _, m in fits) else min(fits, key=lambda f: (f[1] != 12, f[0]))[1]
            votes[month] = votes.get(month, 0) + 1
    if not votes:
        return None
    return max(votes, key=lambda month: (votes[month], month == prior, month == 12))
