"""The period a paragraph's opening sentences, or a list's lead-in line, give the results figures under them.

A results release often names its period once and then lists: "For the full year 2024, highlights include:" over
bullets, "We are providing fiscal 2025 full year financial guidance as follows:" over guided ranges, "For the full
fiscal year 2024, revenue reached $2.68 billion. ... GAAP net income per diluted share was $0.52." A results figure
whose own sentence names no period is about the one reporting period that opening names (called by
`claims.make_claims` before it falls back to the company's or the story's report period).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Callable

from .claim_periods import REPORT_GRAINS, compared_with
from .column_periods import column_periods
from .dates import find_periods
from .records import Claim, Period
from .trade_days import trade_day_periods

# a list item's line: a bullet or a number ("* Repurchased 5.6 million shares", "  + Net sales of", "2) Revenue")
_ITEM = re.compile(r"[ \t]*(?:[*\-+•·]|\d{1,2}[.)])[ \t]")
# the periods an opening can give a results figure
_GRAINS = REPORT_GRAINS + ("year",)
_LEAD_LINES = 40  # list lines walked back over to the lead-in
# a result's opening names the period just reported, not background ("since it went public in 2004")
_RECENT_DAYS = 200
_HEADING_CHARS = 100
_OPENING_CHARS = 1500  # the most of a paragraph read before a figure's sentence  # a line this short not ending a sentence is a heading ("**Full Year 2024 Highlights**")


class ParagraphPeriods:
    """Per article: the opening each figure's sentence sits under, and the one period it names (cached)."""

    def __init__(self, text: str, ref: date | None, fy_end: int, res, sentence_at: Callable):
        self.text, self.ref, self.fy_end, self.res, self.sentence_at = text, ref, fy_end, res, sentence_at
        self._named: dict[tuple[int, int], Period | None] = {}

    def opening(self, at: int) -> tuple[int, int] | None:
        """The span of the lead-in line of the list whose item starts at or before `at`, or of the sentences of
        `at`'s paragraph before its own ("In 2024, we welcomed five companies. Sales increased by 13 percent");
        None when there is none."""
        text = self.text
        line = text.rfind("\n", 0, at) + 1
        if _ITEM.match(text, line):
            for _ in range(_LEAD_LINES):
                if line <= 0:
                    return None
                prev = text.rfind("\n", 0, line - 1) + 1
                words = text[prev:line - 1].strip()
                line = prev
                if not words or _ITEM.match(text, prev):
                    continue
                bare = words.strip("*#_ ")
                if bare.endswith(":") or (len(bare) <= _HEADING_CHARS and not bare.endswith((".", "?", "!"))):
                    return prev, prev + len(text[prev:].split("\n", 1)[0])
                return None
            return None
        para = text.rfind("\n", 0, at) + 1
        first, own = self.sentence_at(para), self.sentence_at(at)
        if first is None or first.end > at or first.start < para - 1:
            return None
        if own is None or own.start - first.start > _OPENING_CHARS:
            return first.start, first.end  # a paragraph as long as a story (one line of text): its first sentence
        return first.start, own.start

    def named(self, span: tuple[int, int]) -> Period | None:
        """The one reporting period (a quarter, a half, a year) the opening names, not as a base; else None."""
        if span not in self._named:
            words = self.text[span[0]:span[1]]
            found = {(p.period_start, p.period_end): p for p in find_periods(words, self.ref, self.fy_end, res=self.res)
                     if p.granularity in _GRAINS and p.period_start and p.period_end and not p.relative_to_previous
                     and not compared_with(p, words)}
            self._named[span] = next(iter(found.values())) if len(found) == 1 else None
        return self._named[span]

    def period(self, at: int, modality: str) -> Period | None:
        """The period the opening over the sentence at `at` names, for a figure of `modality`: an ended one for a
        result, one not yet ended for a forecast (guidance under "2025 Guidance"), either for an estimate (others guess
        a reported quarter and the year ahead alike); None otherwise."""
        span = self.opening(at)
        p = self.named(span) if span is not None else None
        if p is None or self.ref is None:
            return None
        ended = p.period_end <= self.ref
        if modality != "estimate" and ended == (modality == "forecast") or ended and (self.ref - p.period_end).days > _RECENT_DAYS:
            return None
        return Period("", -1, -1, p.period_start, p.period_end, p.label, p.granularity, "claims.paragraph_period.v1")


# a monthly data story's headline names the month it reports ("JAPANESE FOREIGN STOCK PURCHASES JUMP IN FEBRUARY",
# "Swedish Household Spending Falls in December"): reported within weeks of that month's end
_MONTH_REPORTED_DAYS = 75


def headline_month(title: str, ref: date | None, fy_end: int, res) -> Period | None:
    """The one month a headline names that ended within the weeks before the story; None otherwise."""
    if ref is None or not title:
        return None
    found = {(p.period_start, p.period_end): p for p in find_periods(title, ref, fy_end, res=res)
             if p.granularity == "month" and p.period_end and p.period_end < ref
             and (ref - p.period_end).days <= _MONTH_REPORTED_DAYS and not compared_with(p, title)}
    if len(found) != 1:
        return None
    p = next(iter(found.values()))
    return Period("", -1, -1, p.period_start, p.period_end, p.label, "month", "claims.headline_month.v1")


# A headline figure restated in the story's opening paragraph takes the period the restatement gives it. A headline
# is written short and leaves out time words its lede gives: "Implenia AG (VTX:IMPN) Shares Fly 27% But Investors
# Aren't Buying For Growth" opens a story whose first sentence is "shareholders have had their patience rewarded
# with a 27% share price jump in the last month". The headline's figure, read alone, falls back on a default (a move
# with no time words is the published day's); the same figure in the lede (same value and unit) is dated by its own
# sentence (CLAIM_LABELING_GUIDE.md 6: the span of the move).
_TO_DATE_DAYS = 3  # a span to date ends within this many days before the published day (a weekend, a late close)


def _lede_end(text: str, headline: str) -> int:
    """The end of the first paragraph after the headline (the whole text when it has no paragraph break)."""
    at = len(headline) if headline and text.startswith(headline) else 0
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    end = text.find("\n\n", at)
    return len(text) if end < 0 else end


def _same_figure(a: Claim, b: Claim) -> bool:
    """The same value and unit, whatever sign each reading gave it ("slump 12%" and "fell 12%")."""
    return a.unit == b.unit and sorted(map(abs, (a.value_low, a.value_high))) == sorted(map(abs, (b.value_low, b.value_high)))


def _to_date(c: Claim, ref: date | None) -> bool:
    """Whether the claim's period is a span running up to the published day ("in the last month", "so far this
    year"), the span of a move; a reporting quarter or month the lede names ("after reporting ... for the fiscal
    second quarter", "the January employment data") is no span of the headline's move."""
    return ref is not None and c.period_start is not None and c.period_end is not None \
        and c.period_start < ref - timedelta(days=_TO_DATE_DAYS) and ref - timedelta(days=_TO_DATE_DAYS) <= c.period_end <= ref


def restated_periods(claims: list[Claim], text: str, headline: str, ref: date | None, fy_end: int,
                     res) -> list[Claim]:
    """The claims, a headline figure dated by default (its headline names no period) taking the period of the same
    figure (value and unit) in the lede when that one is a span to date; the others as they were. A headline figure
    with no period keeps none: an event's amount ("raises $350M") is undated even where the lede names its day."""
    claims = trade_day_periods(claims, text, ref, res)  # an insider's amount: the days its trades name
    claims = column_periods(claims, text, ref, fy_end, res)  # an undated table cell: its column's one period
    title = (headline or "").strip()
    if not title or not claims:
        return claims
    heads = [i for i, c in enumerate(claims) if c.sentence.strip() == title and c.period_end is not None]
    if not heads or find_periods(title, ref, fy_end, res=res):
        return claims
    lede_end = _lede_end(text, headline)
    lede = [c for c in claims if c.sentence.strip() != title and c.char_start < lede_end and c.period_end is not None]
    out = list(claims)
    for i in heads:
        c = claims[i]
        same = [o for o in lede if _same_figure(o, c)]
        if len(same) != 1:  # none, or two that could each be it
            continue
        o = same[0]
        if _to_date(o, ref) and (o.period_start, o.period_end) != (c.period_start, c.period_end):
            out[i] = replace(c, period_start=o.period_start, period_end=o.period_end, period_label=o.period_label,
                             period_route="lede_headline")
    return out
