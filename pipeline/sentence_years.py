"""A results figure's year its sentence writes in another clause (called by `claim_dating.date_figure`).

"Everus' net income increased to $143.4 million, or diluted EPS of $2.81, in 2024, compared to $137.2 million ... in
2023", "posted a standalone net profit of 8.01 billion dirhams ($2.18 billion) for 2024, up from 7.82 billion dirhams
a year earlier", "revenue is expected to rise to $68 billion in 2018": the clause cut at the commas leaves the figure
no period of its own, and the sentence's one report period (`claim_periods.sentence_report_period`) is a quarter, a
half or a fiscal year, never a calendar year, so the figure took its company's quarter. A year written after a
preposition of time ("in 2024", "for fiscal 2024", "during the full year 2024"), not one set against ("compared to
... in 2023", "from 2023") nor one a comparison word stands between it and the figure ("Revenues of $2.85 billion,
comparable to $2.85 billion in 2023"), dates the result when the sentence writes just one such year, and that year is
one the news reports: within a year of the story ("the previous January import record set in 2022" in a 2025 story
dates the record, not the figure). An amount in brackets after another ("EBIT was EUR -51 million (EUR -100 million) in
2024") is the year before's or a conversion, which `claim_dating` dates by the amount it follows.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .claim_periods import Periods, base_period, compared_with, dates_a_base, names_an_extreme
from .records import Figure, Period
from .word_patterns import listed

_YEAR_GRAINS = ("year", "fiscal_year")
_DIGITS = re.compile(r"\d{4}")
_IN_BRACKETS = re.compile(r"\(\s*$")
_CLOSED = re.compile(r"\s*\)")
_YEARS_OFF = 1  # how many years before or after the story's a year the news reports may end


@lru_cache(maxsize=4)
def _year_opener(res) -> re.Pattern:
    """The preposition (and the year words after it) written just before a year that dates a figure: "in ",
    "for the full year ", "during fiscal "."""
    words = res.periods
    return re.compile(r"\b(?:" + listed(words["sentence_year_prepositions"]) + r")\s+(?:the\s+)?(?:(?:"
                      + listed(words["sentence_year_modifiers"]) + r")\s+)?$", re.I)


@lru_cache(maxsize=4)
def _against(res) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.periods["sentence_year_against"]) + r")\b", re.I)


def sentence_year(fig: Figure, periods: Periods, start: int, end: int, text: str, ref: date | None, res,
                  base_from: int | None = None) -> Period | None:
    """The one year (calendar or fiscal, its number written) the sentence from `start` to `end` writes after a
    preposition of time, within a year of `ref`, setting it against nothing and set against the figure by no word
    between them; None when it writes none or several. From `base_from` on (a next figure set against this one) the
    years date that figure."""
    if ref is None or _IN_BRACKETS.search(text, max(0, fig.start - 3), fig.start) and _CLOSED.match(text, fig.end):
        return None  # "EBIT was EUR -51 million (EUR -100 million) in 2024": the year before's, or a conversion's
    opener, against = _year_opener(res), _against(res)
    found = {(p.period_start, p.period_end): p for p in periods.within(start, base_from or end, days=False)
             if p.granularity in _YEAR_GRAINS and p.period_start is not None and not p.relative_to_previous
             and abs(p.period_end.year - ref.year) <= _YEARS_OFF and _DIGITS.search(p.text or "")
             and opener.search(text, max(0, p.start - 40), p.start) is not None
             and against.search(text, *sorted((fig.end, p.start) if p.start >= fig.end else (p.end, fig.start))) is None
             and not compared_with(p, text) and not dates_a_base(p, text) and not base_period(p, text)
             and not names_an_extreme(p, text, res)}
    return next(iter(found.values())) if len(found) == 1 else None
