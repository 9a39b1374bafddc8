"""A wire results story's note: the period a bare period word gives its amounts (called by `claim_dating`).

A 1987 Reuters results story ("ACME INC 4TH QTR NET") ends its table with notes in prose: "NOTE: Net excludes
investment gains 20,000 dlrs vs 86,000 dlrs in quarter and 586,000 dlrs vs 195,000 dlrs in year", "Current qtr
figures exclude loss from discontinued operations of 30,000 dlrs ... vs loss of 54,000 dlrs". The bare "quarter",
"year" or "half" is the section of the story's own table (CLAIM_LABELING_GUIDE.md 6: the reporting period, on the
company's calendar, as the headline or a stated end gives it), and the amount after "vs" is the year before's, as
in the table's lines. The period itself is read by `table_periods.table_period` with that section.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .records import Figure, Period
from .resources import Resources
from .table_periods import table_period
from .word_patterns import longest_first, listed

RULE = "claims.note_grain.v1"
_REACH = 200  # how far after an amount its period word may stand


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[dict[str, str], re.Pattern, dict[str, str], re.Pattern, re.Pattern]:
    after = {str(k).lower(): str(v) for k, v in res.periods["note_grains"].items()}
    current = {str(k).lower(): str(v) for k, v in res.periods["note_current"].items()}
    # "in quarter", "in the year": not a period named further ("in the quarter ended", "in year-ago", "in the year to
    # March", "in the half of 1986")
    grain = re.compile(r"\bin\s+(" + longest_first(after, space=r"\s+") + r")\b(?![-\w]|\s+(?:ended|ending|to|of|"
                       r"through|ago|earlier|before|\d))", re.I)
    now = re.compile(r"\b(" + longest_first(current, space=r"\s+") + r")\b", re.I)
    prior = re.compile(r"\b(?:" + listed(res.periods["note_prior_words"], space=r"\s+") + r")(?!\w)", re.I)
    return after, grain, current, now, prior


@lru_cache(maxsize=4)
def _prior_opener(res: Resources) -> re.Pattern:
    return re.compile(r"\s*(?:note\s*:\s*)?(?:" + listed(res.periods["note_prior_openers"], space=r"[\s-]+")
                      + r")\b", re.I)


# a note whose amounts are listed against two periods in order ("Current qtr and year figures exclude losses of 303,000
# dlrs ... and 354,000 dlrs ..., respectively") pairs them by position, which this reading does not do
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


# any period word: the first after the amount must be the bare one ("28,000 dlrs in 2nd qtr 1987 or 118,000 dlrs in
# six mths" is the quarter's); a year opening the note says which year ("NOTE: 1986 net includes" in October 1987 is
# the year before's quarter)
_ANY_GRAIN = re.compile(r"\b(?:qtrs?|quarters?|years?|halfs?|halves|mths|months)\b", re.I)
_YEAR = re.compile(r"\s*(?:note\s*:\s*)?((?:19|20)\d\d)\b", re.I)


def _section(phrase: str, table: dict[str, str]) -> str:
    return table[re.sub(r"\s+", " ", phrase.lower())]


def note_period(fig: Figure, text: str, sent: tuple[int, int], title: str, ref: date | None, fy_end: int,
                res: Resources) -> tuple[Period | None, bool]:
    """The period a wire results note's bare period word gives the figure: the first "in quarter" / "in year" after
    it in its sentence, else a "current qtr" before it; the year before's when the last "vs" or "and" before it in
    the sentence is a "vs" (then True: the amount is historical). None outside an upper-case wire headline that
    names its table's period ("2ND QTR JAN 31")."""
    if ref is None or not title or title.upper() != title \
            or table_period(fig, text, ref, title, fy_end, res, [], "") is None:
        return None, False
    after, grain, current, now, prior = _patterns(res)
    s, e = sent
    if _RESPECTIVELY.search(text, s, e):
        return None, False
    opening = _YEAR.match(text, s, fig.start)
    stop = text.find(";", fig.end, e)
    hi = min(e if stop < 0 else stop, fig.end + _REACH)
    m = grain.search(text, fig.end, hi)
    first = _ANY_GRAIN.search(text, fig.end, hi)
    if m is not None and first is not None and first.start() < m.start(1):
        return None, False
    if m is not None:
        sec = _section(m.group(1), after)
    else:
        before = list(now.finditer(text, s, fig.start))
        if not before:
            return None, False
        sec = _section(before[-1].group(1), current)
    marks = [(x.start(), "prior") for x in prior.finditer(text, s, fig.start)] + \
        [(x.start(), "and") for x in re.finditer(r"\band\b|;", text[s:fig.start])]
    marks = [(p if kind == "prior" else p + s, kind) for p, kind in marks]
    role = max(marks)[1] if marks else ""
    if _prior_opener(res).match(text, s, fig.start):  # "Year-ago excludes loss of 54,808 dlrs ... in qtr"
        role = "prior"
    if opening is not None:  # "NOTE: 1986 net includes ... in quarter": that year's, the story's or the one before
        this = table_period(fig, text, ref, title, fy_end, res, [(-1, sec)], "")
        year = int(opening.group(1))
        if this is None or year not in (this.period_end.year, this.period_end.year - 1):
            return None, False
        role = "prior" if year < this.period_end.year else ""
    p = table_period(fig, text, ref, title, fy_end, res, [(-1, sec)], "prior" if role == "prior" else "")
    if p is None:
        return None, False
    return Period(p.text, -1, -1, p.period_start, p.period_end, p.label, p.granularity, RULE), role == "prior"
