"""The days of an insider's trades, for the amount of the trades (CLAIM_LABELING_GUIDE.md 6: the date the text gives).

A filing story gives the amount of an insider's sale or purchase in a table ("| Amount | $131,067 |") or a
headline ("Globe Life Insider Sold Shares Worth $1,335,891") and the days of the trades in the lede: "sold 3,000
shares of Common Stock over three days, with transactions dated February 10, 11, and 12, 2025, ... resulting in a
total sale amount of $131,067", "on February 11, 2025, sold 11,000 shares in Globe Life for $1,335,891". The amount,
read alone, falls back on the published day; the days named by the sentences that trade the shares, in the paragraph
stating the same amount, date it: their one day, or the span from the first to the last (not "a trading plan adopted
on November 17, 2023" in a sentence of its own) (called by `paragraph_periods.restated_periods`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .records import Claim
from .reporting_periods import MONTHS
from .word_patterns import longest_first

_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
# "February 10, 11, and 12, 2025", "February 6 and 7, 2025", "February 11, 2025", "Feb. 6, 2025"
_DAYS = re.compile(rf"\b(?P<m>{_MON})\.?\s+(?P<days>[0-3]?\d(?:(?:,\s*|,?\s+and\s+)[0-3]?\d)*),\s+(?P<y>(?:19|20)\d\d)\b",
                   re.I)
_DAY = re.compile(r"[0-3]?\d")
_STAKE_METRICS = ("stake_value",)


@lru_cache(maxsize=4)
def _trade_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(r"\b(?:" + longest_first(words) + r")\b", re.I)


def trade_days(sentence: str) -> tuple[date, date] | None:
    """The first and last day a sentence names ("February 6, 7, and 10, 2025" -> Feb 6 to Feb 10); None when it
    names no day or days of more than one month."""
    spans = []
    for m in _DAYS.finditer(sentence):
        month, year = MONTHS[m.group("m").lower().rstrip(".")], int(m.group("y"))
        try:
            spans += [date(year, month, int(d)) for d in _DAY.findall(m.group("days"))]
        except ValueError:
            return None
    return (min(spans), max(spans)) if spans else None


_NOT_MONEY = ("%", "pp", "count", "x")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z*])")


def _paragraph(text: str, start: int, end: int) -> str:
    """The paragraph (between blank lines) holding text[start:end]."""
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", end)
    return text[lo + 2 if lo >= 0 else 0:hi if hi >= 0 else len(text)]


def _amount_key(c: Claim) -> tuple[str, float]:
    return c.unit, round(abs(c.value_high), 2)


def trade_day_periods(claims: list[Claim], text: str, ref: date | None, res) -> list[Claim]:
    """The claims, an insider trade's amount (a stake's value) dated by the days of the trades that the paragraph
    trading shares for the same amount names, when those days are on or before `ref`; the others as they were."""
    rx = _trade_pattern(tuple(str(w) for w in (res.periods.get("trade_words") or ())))
    if rx is None or not claims or not any(c.metric in _STAKE_METRICS for c in claims):
        return claims
    days_of: dict[tuple[str, float], tuple[date, date] | None] = {}
    by_paragraph: dict[str, tuple[date, date] | None] = {}  # a paragraph's amounts share its days
    for c in claims:  # each amount of money stated in a paragraph that trades shares and names the days
        if not c.unit or c.unit in _NOT_MONEY:
            continue
        paragraph = _paragraph(text, c.char_start, c.char_end)
        if paragraph not in by_paragraph:
            trading = [s for s in _SENTENCE_BREAK.split(paragraph) if rx.search(s)]
            by_paragraph[paragraph] = trade_days(" ".join(trading)) if trading else None
        span = by_paragraph[paragraph]
        if span is None or (ref is not None and span[1] > ref):
            continue
        key = _amount_key(c)
        days_of[key] = span if days_of.get(key, span) == span else None  # two different days: left open
    out = list(claims)
    for i, c in enumerate(claims):
        span = days_of.get(_amount_key(c)) if c.metric in _STAKE_METRICS else None
        if span is None:
            continue
        label = span[0].isoformat() if span[0] == span[1] else f"{span[0].isoformat()}..{span[1].isoformat()}"
        out[i] = replace(c, period_start=span[0], period_end=span[1], period_label=label, period_route="trade_days")
    return out
