"""The period a claim's own sentence gives its figure (called by `claims.make_claims`).

A figure takes the period its clause names, else the one opening its sentence; a period it is set against
("grew 20% from Q4 2023") dates no figure, and one after a next figure set against it dates that one. A results
figure whose sentence names none takes the one reporting period its sentence names elsewhere, else (in
`claims`) its company's or the story's.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .calendar_grammar import grammar
from .change_bases import base_of, written_year
from .dividend_periods import quarter_under_way
from .modality import modality_cues
from .records import Figure, Period
from .reporting_periods import fiscal_year_of, fiscal_year_span, shift_period
from .word_patterns import listed

if TYPE_CHECKING:
    from .clauses import SentenceView

# The periods a results figure's story reports in (a quarter, a half, a fiscal year).
REPORT_GRAINS = ("quarter", "fiscal_quarter", "fiscal_year", "half")


class Periods:
    """The article's periods in text order, sliced by span (bisect): a figure looks at its own sentence's only."""

    def __init__(self, periods: list[Period]):
        self.items = sorted(periods, key=lambda p: p.start)
        self.starts = [p.start for p in self.items]

    def within(self, lo: int, hi: int, days: bool = True) -> list[Period]:
        found = self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]
        return found if days else [p for p in found if p.granularity != "day"]


def period_for(fig: Figure, periods: Periods, view: SentenceView, res, days: bool = True,
               next_start: int | None = None, text: str = "", starts: list[int] | None = None,
               ref: date | None = None) -> Period | None:
    """The period the figure's clause (or the sentence's opening clause) names; `days` False for a
    results figure, whose period is never one day ("said Thursday it made revenue of ..."). A period
    relative to another written after the next figure dates that one ("rose to $989.8 million from $960.1
    million in the prior-year period"), as does any period after a later figure of the clause set against
    another ("a decrease of $7 million from $277 million for the same period in 2023", "traffic increased 14.6 pct
    to 1.94 billion miles from 1.70 billion last year"); a period the figure is compared with dates no figure
    ("management fees in Q4 2024 grew 20% from Q4 2023"), and so does a day weeks back in a clause of its own about
    such a base ("market cap has shrunk to $850 billion from the $1 trillion mark it hit on Aug. 2"; "cut its rate to
    7-3/4 pct from eight pct on March 9" dates the cut). `starts`: the article's figure starts, sorted."""
    cs, ce = view.clause_of(fig.start)
    base_at = next_start if next_start is not None and text and compared_before(text, next_start) else None
    if base_at is None and starts and text:
        i = bisect.bisect_right(starts, fig.start)
        base_at = next((s for s in starts[i:bisect.bisect_left(starts, ce)] if s > fig.end and compared_before(text, s)),
                       None)
    own = [p for p in periods.within(cs, ce, days)
           if not ((p.relative_to_previous and next_start is not None and p.start >= next_start)
                   or base_at is not None and p.start >= base_at and (p.granularity in SPAN_GRAINS
                                                                       or base_day(p, text, base_at, ref)))
           and not base_period(p, text) and not base_of(p, fig, text, res, ref)
           and not names_an_extreme(p, text, res) and not coming_day(p, ref)]
    if own:
        after = [p for p in own if p.start >= fig.end]
        return (after or own)[0] if not any(p.start < fig.start and p.relative_to_previous for p in own) else own[-1]
    # a period opening the sentence ("In the third quarter of 2024, ...") covers the whole sentence
    first_clause = view.clauses[0] if view.clauses else (view.start, view.end)
    lead = [p for p in periods.within(*first_clause, days) if p.end <= fig.start and not base_period(p, text)
            and not base_of(p, fig, text, res, ref) and not coming_day(p, ref)]
    if lead:
        return lead[-1]
    return None


# a day written with no year that the past reading puts most of a year back is the coming one ("will be available
# starting at $399 on Sept. 21" in a September 12 story, "bills for resale on April 2" on March 5), the day of a plan
# or a launch, not the day the figure holds: the figure is dated as if its sentence named no day
_COMING_DAYS = (275, 366)
_YEAR_WRITTEN = re.compile(r"\d{4}|['’]\d\d\b")


def coming_day(p: Period, ref: date | None) -> bool:
    """Whether `p` is a day named without its year that lies months past by the news reading, so most likely the
    coming one."""
    return ref is not None and p.granularity == "day" and not p.relative_to_previous and p.period_start is not None \
        and _COMING_DAYS[0] <= (ref - p.period_start).days <= _COMING_DAYS[1] and not _YEAR_WRITTEN.search(p.text or "")


# a year that says which low or high a move is measured from ("Up 14.87% from its 2025 settlement low of $3.9885
# hit Thursday, Jan. 2, 2025"): the move runs from that low's day, which the sentence gives
@lru_cache(maxsize=4)
def _extreme_after(res) -> re.Pattern:
    return re.compile(r"\s+(?:(?:" + listed(res.periods["extreme_modifiers"]) + r")\s+)?(?:low|high)s?\b", re.I)


def names_an_extreme(p: Period, text: str, res) -> bool:
    """Whether the period is a year naming a low or high the figure is measured from, not the figure's period."""
    return p.granularity == "year" and p.end > 0 and _extreme_after(res).match(text, p.end) is not None


# Periods a figure's value covers (not the day of an event: "raised rates to 0.5% from 0.25% at its meeting on
# January 23-24" dates both rates).
SPAN_GRAINS = REPORT_GRAINS + ("year", "month")
_BASE_DAY_DAYS = 7  # a day in a base's own clause this long before the story dates the base, not the figure
# a base's own clause between it and the day: "from the $1 trillion mark it ceremoniously hit on Aug. 2", "from $45,
# which it reached on March 3"
_BASE_CLAUSE = re.compile(r"\b(?:it|they|which|that|when)\b", re.I)


def base_day(p: Period, text: str, base_at: int, ref: date | None) -> bool:
    """Whether `p` is one day more than a week before the published day, written in a clause of its own after the
    base of comparison at `base_at` ("... from the $1 trillion mark it hit on Aug. 2"); with no such clause the day
    dates the change ("cut its rate to 7-3/4 pct from eight pct on March 9")."""
    return p.granularity == "day" and ref is not None and p.period_end is not None \
        and p.period_end < ref - timedelta(days=_BASE_DAY_DAYS) and p.start > base_at \
        and _BASE_CLAUSE.search(text, base_at, p.start) is not None


def base_period(p: Period, text: str) -> bool:
    """A period the figure is set against, which dates no figure: a reporting period, a month or one named
    from another ("grew 20% from Q4 2023", "fell in January from December's", "up 5.8% from the previous
    year", "the first nine months ... rose 8.9% from a year earlier"); not a span that only starts or runs on ("from
    2025", "over the next six months")."""
    if text and p.granularity == "year" and not p.relative_to_previous:
        return bool(_YEAR_BASE_BEFORE.search(text[max(0, p.start - 40):p.start]))
    return bool(text) and (p.granularity in REPORT_GRAINS + ("month",) or p.relative_to_previous
                           and p.granularity in SPAN_GRAINS + ("range", "ytd")) and compared_with(p, text)


# ("lower than in January 1986", "higher than in the same 1986 period", "fallen 0.8 pct against the same month a
# year earlier": a base with its preposition)
_SAME = r"(?:same\s+(?:(?:month|quarter|period|week|half|time|day|season)\s+(?:of\s+|in\s+)?)?)"
COMPARED_BEFORE = re.compile(r"\b(?:compared (?:to|with)|from|vs\.?|versus|than|over|against|since)\s+(?:(?:in|during)\s+)?"
                             r"(?:the\s+)?" + _SAME + "?$", re.I)
# a year set against: "up 3.3 pct on the same 1985 quarter", "a 16% increase from the same month of 2023", "compared
# with 2023" (not "from 2025" or "over 2024", which may be the span itself)
_YEAR_BASE_BEFORE = re.compile(r"\b(?:(?:compared (?:to|with)|from|vs\.?|versus|than|over|against|on)\s+(?:(?:in|during)\s+)?"
                               r"(?:the\s+)?" + _SAME + r"|(?:compared (?:to|with)|vs\.?|versus|than|against)\s+(?:(?:in|during)\s+)?)$",
                               re.I)


def report_period(p: Period, ref: date | None) -> bool:
    """A reporting period that has ended: a quarter, a half or a fiscal year, not relative to another."""
    return bool(p.period_start) and p.granularity in REPORT_GRAINS and not p.relative_to_previous \
        and (ref is None or p.period_end <= ref)


def compared_with(p: Period, text: str) -> bool:
    """A base of comparison, not the period reported: "a 700% increase compared to Q4 2023"."""
    return compared_before(text, p.start)


# a period that dates a figure set against another: "up from 35% in FY 2023", "compared with $3.2 million for the"
_BASE_FIGURE_BEFORE = re.compile(r"\b(?:from|vs\.?|versus|compared (?:to|with)|against)\s+\S*\d[^\s,;()]*(?:\s+[a-z]+)?"
                                 r"\s+(?:in|for|during|of)\s+(?:the\s+)?$", re.I)


def dates_a_base(p: Period, text: str) -> bool:
    """Whether `p` dates the figure another is set against ("margin of 48%, up from 35% in FY 2023"), so no
    period the story reports."""
    return bool(_BASE_FIGURE_BEFORE.search(text[max(0, p.start - 60):p.start]))


def compared_before(text: str, at: int) -> bool:
    """Whether what starts at `at` is set against what comes before: "from $277 million", "vs Q4 2023"."""
    return bool(COMPARED_BEFORE.search(text[max(0, at - 30):at]))


def sentence_report_period(periods: Periods, start: int, end: int, text: str,
                           base_from: int | None = None) -> Period | None:
    """The one reporting period (a quarter, a half, a fiscal year) a sentence names in another clause: "net
    income of $184 million, or $1.61 a share, for the quarter through Dec. 31"; none when it names several.
    From `base_from` on (a next figure set against this one) the periods date that figure: "Profit margin: 48%
    (up from 35% in FY 2023)"."""
    found = {(p.period_start, p.period_end): p for p in periods.within(start, base_from or end, days=False)
             if report_period(p, None) and not compared_with(p, text) and not dates_a_base(p, text)}
    return next(iter(found.values())) if len(found) == 1 else None


# how far after a figure a year it is set against may stand ("a decrease of $34.7 million compared to 2023")
_BASE_REACH = 40
_YEAR_GRAINS = ("year", "fiscal_year")


# a level followed by its change set against a year: "$5,981 million, a 16% increase from 2023", "550,000, or about
# 10 percent, from 2024"
@lru_cache(maxsize=4)
def _change_then_base(res) -> re.Pattern:
    return re.compile(r"\)?\s*[,(]\s*(?:an?\s+|or\s+|up\s+|down\s+)?(?:(?:" + _words(res, "base_change_hedges") + r")\s+)?"
                      r"[+-]?\d[\d.,]*\s?(?:%|percent|pct)\s*(?:increase|decrease|rise|drop|decline|gain|"
                      r"growth|fall|jump|higher|lower)?\s*,?\s*(?:from|compared (?:to|with)|over|versus|vs\.?)\s+"
                      r"(?=(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d\d\b)", re.I)


def _words(res, key: str) -> str:
    """periods.yaml's words under `key` as one alternation in file order, a space matching any run of spaces."""
    return listed(res.periods[key], space=r"\s+")


def year_after_base(fig: Figure, periods: Periods, end: int, text: str, next_start: int | None, res,
                    ahead: bool = False) -> Period | None:
    """A year the figure is set against, just after it with no figure between ("a decrease of $34.7 million
    compared to 2023", "up 12% from fiscal 2023"): the figure is about the year after it. A year counted from the
    published day ("versus last year") is moved on only for a figure `ahead` (a forecast: "aim to deliver $250
    million of benefits versus last year"); a result set against it is the report period's."""
    hi = min(end, fig.end + _BASE_REACH, next_start if next_start is not None and next_start > fig.end else end)
    for p in periods.within(fig.end, hi, days=False):
        if p.granularity in _YEAR_GRAINS and p.period_start and not p.relative_to_previous \
                and (ahead or written_year(p)) and compared_with(p, text):
            return shift_period(p, 12)
    change = _change_then_base(res).match(text, fig.end, min(end, fig.end + _BASE_REACH * 2))
    if change is not None:  # "$5,981 million, a 16% increase from 2023": the change's base year dates the level too
        for p in periods.within(change.end(), change.end() + 1, days=False):
            if p.granularity in _YEAR_GRAINS and p.period_start and not p.relative_to_previous:
                return shift_period(p, 12)
    if next_start is not None and fig.end < next_start < end and compared_before(text, next_start):
        # the next figure is set against this one and dated a year ("48%, up from 35% in FY 2023", "$5.1
        # million, compared with $4.2 million in the fourth quarter of 2023"): this one is a year later
        for p in periods.within(next_start, min(end, next_start + _BASE_REACH), days=False):
            if p.granularity in _YEAR_GRAINS + REPORT_GRAINS and p.period_start and not p.relative_to_previous \
                    and dates_a_base(p, text):
                return shift_period(p, 12)
    return None


# "a year" that dates a base ("from $2.05 billion a year earlier", "a year ago") is no rate
_PER_YEAR = re.compile(r"\b(?:a|per|every|each) year\b(?![\s-]+(?:earlier|ago|before|prior|previously)\b)|\bannual(?:ly)?\b"
                       r"|\bshare capital\b", re.I)


def per_year(sentence: str) -> bool:
    """Whether a sentence states its figures by the year ("78 cts a year", "annual revenue") or as a standing
    amount ("share capital"), so a quarter is not what they are about."""
    return bool(_PER_YEAR.search(sentence))


# a level compared with the past ("the lowest price since August, 1981", "its highest since November 9, 2020"):
# "since" bounds the comparison, not the span of the figure ("at least 30 percent since October" is no superlative)
@lru_cache(maxsize=4)
def _level_since(res) -> re.Pattern:
    return re.compile(r"\b(?<!\bat )(?:" + _words(res, "since_superlatives") + r")\b[^,;.]{0,40}$", re.I)


def close_since(p: Period | None, text: str, ref: date | None, res) -> Period | None:
    """A span written from its start only ("slumped 30% since October", "up 11% since the start of 2025") runs to
    the story's day (CLAIM_LABELING_GUIDE.md 6: a move's span); "since" after a superlative ("the lowest since
    1981") dates no figure (None), nor does a start still to come ("spend 800 mln dlrs beginning late this year":
    no end is stated, so the period cannot be read)."""
    if p is None or ref is None or not p.period_start or p.period_end is not None or not p.label.startswith("since "):
        return p
    if p.start >= 0 and _level_since(res).search(text[max(0, p.start - 60):p.start]) or p.period_start > ref:
        return None
    return replace(p, period_end=ref, label=f"{p.period_start.isoformat()}..{ref.isoformat()}")


# a change measured from a dated base: "Up 22.02% from its 52-week closing low of $28.16 on Nov. 12, 2024",
# "rebounding 20 percent from a low on Dec. 24"
# (not "raised rates to 0.5% from 0.25% at its meeting on January 23": a level, set against a figure, on the
# day of an event)
_FROM_BASE = re.compile(r"^[\s)]*(?:points?\s+|pct\s+|percent\s+)?(?:higher\s+|lower\s+)?"
                        r"from\s+(?![\d$€£¥])[^;:]{0,80}$", re.I)


@lru_cache(maxsize=4)
def _level_before(res) -> re.Pattern:
    return re.compile(r"\b(?:to|at)\s+(?:(?:" + _words(res, "to_level_hedges") + r")\s+)?$", re.I)


_CHANGE_KINDS = ("percent", "pp", "word_change")


# a change measured from a high, a low or an event dated by a month or part of one: "down nearly 20% from early
# October 2018 highs", "more than 30 percent below a four-year high in early October", "has lost more than 80 percent
# since short seller Bonitas Research questioned the company's reporting in September"
_FROM_EXTREME = re.compile(r"^[\s)]*(?:points?\s+|pct\s+|percent\s+)?(?:(?:from|below|above|off)\s+(?![\d$€£¥])"
                           r"[^;:.]{0,60}?\b(?:highs?|lows?|peaks?|tops?|bottoms?|record)\b[^;:.]{0,20}?(?:\s(?:in|on|of|hit|set))?"
                           r"\s+(?:the\s+)?$|(?:from|below|above|off)\s+$|since\s+[^;:.]{0,80}?\s(?:in|on)\s+$)", re.I)
_EXTREME_NEXT = re.compile(r"['’]?s?\s+(?:highs?|lows?|peaks?|tops?|bottoms?|record)\b", re.I)
_BASE_GRAINS = ("month", "range")
_BARE_BASE = re.compile(r"^[\s)]*(?:points?\s+|pct\s+|percent\s+)?(?:from|below|above|off)\s+$", re.I)


def move_from_day(p: Period | None, fig: Figure, text: str, ref: date | None, res) -> Period | None:
    """A change set against a base dated one day before the story runs from that day to the published day
    (CLAIM_LABELING_GUIDE.md 6: a move's span), as does one set against a high, a low or an event dated by a month
    or part of one ("from early October 2018 highs", "since ... questioned its accounts in September"); other
    periods are kept."""
    if p is None or ref is None or not p.period_start or not p.period_end or p.period_end >= ref \
            or fig.kind not in _CHANGE_KINDS or p.start < fig.end \
            or _level_before(res).search(text, max(0, fig.start - 20), fig.start):
        return p
    between = text[fig.end:p.start]
    if p.granularity == "day":
        if not _FROM_BASE.match(between):
            return p
    elif p.granularity not in _BASE_GRAINS or not (
            _FROM_EXTREME.match(between) and (not _BARE_BASE.search(between) or _EXTREME_NEXT.match(text, p.end))):
        return p
    return replace(p, period_end=ref, granularity="range", label=f"{p.period_start.isoformat()}..{ref.isoformat()}")


def undated_figure(p: Period | None, fig: Figure, text: str, res, metric: str, default: str, timing: str) -> bool:
    """Whether a figure has no period whatever its sentence's dates say (CLAIM_LABELING_GUIDE.md 6): an event's
    amount (a flow metric whose default period is none: a deal's value, an investment) dated only by the day or
    month it happened ("NCino said Tuesday it acquired Sandbox for $52.5 million", "bought it in June for C$445
    million"; a figure of no named metric keeps its day or month: most such are dated right), or an
    instrument's coupon ("with a 4.15% coupon", "its 6-3/4 pct convertible debentures")."""
    if p is not None and metric in res.metrics and default == "none" and timing == "flow" \
            and p.granularity in ("day", "month") \
            and p.text.strip().lower() not in res.periods["now_words"]:
        return True
    if fig.kind != "percent":
        return False
    g = grammar(res)
    return bool(g.coupon_before is not None and g.coupon_before.search(text, max(0, fig.start - 50), fig.start)
                or g.coupon_after is not None and g.coupon_after.match(text, fig.end))


def stated_now(fig: Figure, text: str, res) -> bool:
    """Whether the figure is stated as holding now ("public debt now stands at $28.9 trillion", "it currently has
    more than 1 billion devices"): a point on the published day, whatever its metric."""
    g = grammar(res)
    return g.present_state is not None and bool(g.present_state.search(text, max(0, fig.start - 60), fig.start))


# "this year" is read to date ("shares have rallied 50% this year"); a figure its clause looks ahead to ("forecasts
# the economy to contract 8% this year", "should rise by 4.3 pct against a planned 4.1 pct this year") is about the
# whole year (CLAIM_LABELING_GUIDE.md 6: a forecast takes the period it is about); "so far this year" stays to date,
# as does a move after a forecast in another clause ("Any slowdown would hurt it, as sales jumped 18% this year")
@lru_cache(maxsize=4)
def _to_date(res) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.periods["to_date_words"]) + r")\b", re.I)


_AHEAD_CUES = ("forecast", "forecast_modal", "estimate")


def year_ahead(p: Period | None, fig: Figure, text: str, clause_start: int, res) -> Period | None:
    """The whole year for "this year" read to date when a forecast or estimate cue stands before the figure in its
    clause; other periods are kept."""
    if p is None or p.granularity != "ytd" or not p.period_start or not p.period_end or _to_date(res).search(p.text) \
            or _to_date(res).search(text, clause_start, fig.start):
        return p
    if not any(name in _AHEAD_CUES for _, _, name in modality_cues(text, clause_start, fig.start, res)):
        return p
    y = p.period_start.year
    return replace(p, period_end=date(y, 12, 31), granularity="year", label=str(y))


# between a figure and the one that restates it: "a loss of $1.5 million, or $0.04", "$1.97 billion, or 46 cents"
@lru_cache(maxsize=4)
def _restated_by(res) -> re.Pattern:
    return re.compile(r"\s*,?\s*(?:or|\()\s*(?:" + _words(res, "restated_hedges") + r")?\s*$", re.I)


def prior_months_back(fig: Figure, periods: Periods, starts: list[int], end: int, text: str,
                      ref: date | None, res) -> int:
    """How many months back "a year earlier" reaches for a prior value when it follows the figure and the one
    restating it, out of the figure's clause ("compared with $1.97 billion, or 46 cents a share, in last year's
    quarter", "a loss of US$1.5 million, or US$0.04, in the year-prior quarter"): words after a restatement date
    the pair; a figure that is no restatement stops them. 0 when none."""
    if ref is None:
        return 0
    i = bisect.bisect_right(starts, fig.start)
    if i < len(starts) and starts[i] < end:
        # a restatement right after the figure shares its words; any other figure takes those after it
        end = min(end, starts[i + 1] if i + 1 < len(starts) else end) if _restated_by(res).fullmatch(
            text, fig.end, starts[i]) else starts[i]
    for p in periods.within(fig.end, end):
        if p.relative_to_previous and p.granularity == "day" and p.period_start:
            return round((ref - p.period_start).days / 30.44)
    return 0


def months_ago(p: Period | None, fig: Figure, timing: str, ref: date | None) -> int:
    """How many months (a quarter's or a year's) back a flow's own words date it with nothing to anchor them ("the
    wearables category reached $10.0 billion (compared to $7.3 billion a year ago)", "from $15.6 million for the same
    quarter last year"): the story's report period that far back, not the day; 0 for a point, a change, or a day."""
    if p is None or ref is None or not p.relative_to_previous or p.granularity != "day" or not p.period_start \
            or timing == "point" or fig.kind in _CHANGE_KINDS:
        return 0
    months = round((ref - p.period_start).days / 30.44)
    return months if months in (3, 12) else 0


def months_back(fig: Figure, periods: Periods, view: SentenceView, ref: date | None, next_start: int | None = None,
                text: str = "") -> int:
    """How many months back "a year earlier" in the figure's clause reaches, when nothing before it
    anchored it (0 when none): the shift of the story's period, not of the published day. Words after the
    next figure date that figure only: "rose to $989.8 million from $960.1 million in the prior-year period"."""
    if ref is None:
        return 0
    for p in periods.within(*view.clause_of(fig.start)):
        if next_start is not None and p.start >= next_start:
            continue
        if p.relative_to_previous and p.granularity == "day" and p.period_start \
                and not (text and compared_with(p, text)):  # "rose 16% to $62.2 million from a year ago": the base's
            return round((ref - p.period_start).days / 30.44)
    return 0


def guided_period(prev, sentence: str, unit: str) -> Period | None:
    """The period of the guidance an estimate is set against in its sentence, the figure before it: a forecast in
    the same unit ("expects annual revenue between $9.23 billion and $9.38 billion, vs est. of $9.57 billion",
    "guided for income in the 15.2 billion to 15.7 billion pound range, in line with expectations of 15.5 billion
    pounds"); None when the figure before is no such forecast (`prev`: that figure's claim, or None)."""
    if prev is None or prev.modality != "forecast" or prev.sentence != sentence or prev.unit != unit \
            or not prev.period_start or not prev.period_end:
        return None
    return Period("", -1, -1, prev.period_start, prev.period_end, prev.period_label, "range", "claims.guided_estimate.v1")


def report_change(fig: Figure, text: str, metric: str, modality: str, res) -> bool:
    """Whether the figure is the change of a balance-sheet level ("The balance sheet increased by 0.8% during the
    quarter", "average deposits fell 3 percent"): dated like a results figure, by the report period, not the day."""
    g = grammar(res)
    return modality == "actual" and metric in g.report_change_metrics and g.change_before is not None \
        and bool(g.change_before.search(text, max(0, fig.start - 40), fig.start))


@lru_cache(maxsize=4)
def _after_before(res) -> re.Pattern:
    return re.compile(r"\b(?:after|following|since|before)\s+(?:(?:" + listed(res.periods["base_year_modifiers"])
                      + r")\s+)*$", re.I)


def headline_year(p: Period, title: str, ref: date | None, res) -> bool:
    """A year a results headline names as what it reports ("BASF SAYS 1986 RESULTS AFFECTED BY DLR", "Year-End
    Report 2024"): ended, and reported within the months after it; not a base ("UP AFTER WEAK 1986")."""
    return ref is not None and p.granularity in _YEAR_GRAINS and bool(p.period_start) and bool(p.period_end) \
        and not p.relative_to_previous and p.period_end <= ref and (ref - p.period_end).days <= 200 \
        and not compared_before(title, p.start) and not _after_before(res).search(title[max(0, p.start - 30):p.start])


def payout_quarter(fig: Figure, text: str, metric: str, modality: str, ref: date | None, res) -> Period | None:
    """The calendar quarter under way for a quarterly payout declared or paid now ("declares $0.46/share quarterly
    dividend", "will pay a regular quarterly distribution of 60 cts a unit on April 15"); None for other figures and
    for a prior payout ("from prior dividend of $4.26")."""
    g = grammar(res)
    if ref is None or modality == "historical" or metric not in g.quarter_payout_metrics or g.quarter_payout is None \
            or not g.quarter_payout.search(text, max(0, fig.start - 40), min(len(text), fig.end + 40)):
        return None
    return quarter_under_way(ref, "claims.payout_quarter.v1")


def whole_year_of(base: Period, fy_end: int) -> Period:
    """The fiscal year that holds the story's report period ("for the year" in a fourth-quarter story)."""
    fy = fiscal_year_of(base.period_end, fy_end)
    ps, pe = fiscal_year_span(fy, fy_end)
    return Period("", -1, -1, ps, pe, f"FY{fy}" if fy_end != 12 else str(fy),
                  "fiscal_year" if fy_end != 12 else "year", "claims.whole_year.v1")


def guided_year(base: Period, fy_end: int, ref: date | None = None) -> Period:
    """The fiscal year after the story's report period ends: what guidance with no period words is about
    ("Adjusted EBITDA is expected to range from $263 million to $278 million" in a fourth-quarter story is the
    coming year; in a second-quarter story the year under way). A report period not yet ended at publication is
    the one under way, so its own year ("Sales in the year to March are seen at ..." in March)."""
    if ref is not None and base.period_end is not None and base.period_end > ref:
        return replace(whole_year_of(base, fy_end), rule="claims.guided_year.v1")
    after = Period("", -1, -1, base.period_end, base.period_end + timedelta(days=1), "", "day", "")
    return replace(whole_year_of(after, fy_end), rule="claims.guided_year.v1")
