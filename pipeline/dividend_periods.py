"""A dividend's period from the words that say which payout it is (called by `claim_dating.final_period`).

A dividend is a flow of the period it is paid for (CLAIM_LABELING_GUIDE.md 6: "dividends declared for a quarter"),
not the quarter a results story reports. Where its text names no period:

- one the board proposes, or calls final, total or full-year, is the payout for a fiscal year, the one ending nearest
  the story (proposed after it ends, forecast as it ends): "the Board of Directors is proposing a dividend of EUR 0.26
  per share" in February is for 2024, "bringing the total to 70.00 yen per share for the fiscal year" in February, for
  a company whose year ends in March, for the year to March 2025;
- a year-end dividend is the second half's, of the fiscal year ending nearest the story: "It forecasted year-end
  dividend of 45 yen" in February, for a company whose year ends in March, is October to March;
- one declared, raised or affirmed now in a story that names its payout quarterly is for the calendar quarter under
  way, as the payout its body calls quarterly ("Acme raises dividend by 5.3% to $0.20" over "declares $0.20/share
  quarterly dividend"); not one by the year, the month or the half, nor a one-off ("raised its dividend to 78 cts
  a year", "special dividend").

The words are models/lexicons/periods.yaml `dividend_year_words`, `dividend_half_words`, `dividend_payout_nouns`,
`dividend_other_words`, `quarter_payout_words` and `month_payout_words`.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .date_math import month_shift
from .records import Figure, Period
from .reporting_periods import fiscal_year_of, fiscal_year_span, quarter_span
from .resources import Resources
from .word_patterns import longest_first

_BEFORE = 80  # characters of the figure's clause before it that may name its kind
_AFTER = 30  # and after it: "a dividend of 78 cts a year", "$0.14 per share monthly"
_DIVIDEND = "dividend"


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    P = res.periods

    def words(key: str) -> str:
        return longest_first(P[key], space=r"[\s-]+")

    year = re.compile(r"\b(?:" + words("dividend_year_words") + r")\b", re.I)
    half = re.compile(r"\b(?:" + words("dividend_half_words") + r")\b", re.I)
    other = re.compile(r"\b(?:" + words("dividend_other_words") + r")\b", re.I)
    nouns = r")\s+(?:[a-z]+\s+){0,2}?(?:" + words("dividend_payout_nouns") + r")\b"
    quarterly = re.compile(r"\b(?:" + words("quarter_payout_words") + nouns, re.I)
    monthly = re.compile(r"\b(?:" + words("month_payout_words") + nouns, re.I)
    return year, half, other, quarterly, monthly


def quarter_under_way(ref: date, rule: str) -> Period:
    """The calendar quarter that holds `ref`."""
    q = (ref.month - 1) // 3 + 1
    ps, pe = quarter_span(ref.year, q)
    return Period("", -1, -1, ps, pe, f"{ref.year}-Q{q}", "quarter", rule)


def names_quarterly_payout(text: str, res: Resources) -> bool:
    """Whether a story calls its payout quarterly ("declares $0.20/share quarterly dividend") and none monthly."""
    *_, quarterly, monthly = _patterns(res)
    return quarterly.search(text) is not None and monthly.search(text) is None


def dividend_period(fig: Figure, text: str, clause: tuple[int, int], metric: str, modality: str, ref: date | None,
                    fy_end: int, quarterly_story: bool, res: Resources, scaled: bool = False) -> tuple[Period | None, str]:
    """The period of a dividend its text dates by no period words, and which kind of payout set it ("year", "half",
    "quarter"); (None, "") for other figures, a prior or estimated dividend, or one of no kind the words settle.
    `scaled`: the figure is written with a scale word, a total paid out ("returned $1.2 billion in dividends"), not the
    rate a share that a quarterly story declares."""
    if ref is None or metric != _DIVIDEND or modality in ("historical", "estimate"):
        return None, ""
    year, half, other, *_ = _patterns(res)
    lo = max(clause[0], fig.start - _BEFORE)
    before = text[lo:fig.start]
    if half.search(before):
        fy = _nearest_fiscal_year(ref, fy_end)
        ps, pe = fiscal_year_span(fy, fy_end)
        start = date(*month_shift(ps.year, ps.month, 6), 1)
        label = f"FY{fy}-H2" if fy_end != 12 else f"{fy}-H2"
        return Period("", -1, -1, start, pe, label, "half", "claims.dividend_half.v1"), "half"
    if year.search(before):
        fy = _nearest_fiscal_year(ref, fy_end)
        ps, pe = fiscal_year_span(fy, fy_end)
        return Period("", -1, -1, ps, pe, f"FY{fy}" if fy_end != 12 else str(fy),
                      "fiscal_year" if fy_end != 12 else "year", "claims.dividend_year.v1"), "year"
    after = text[fig.end:min(clause[1], fig.end + _AFTER)]
    if quarterly_story and not scaled and modality in ("actual", "forecast") and not other.search(before) \
            and not other.search(after):
        return quarter_under_way(ref, "claims.dividend_quarter.v1"), "quarter"
    return None, ""


def _nearest_fiscal_year(ref: date, fy_end: int) -> int:
    """The fiscal year whose end is nearest `ref`: the one under way, or the one just ended."""
    under_way = fiscal_year_of(ref, fy_end)
    _, end = fiscal_year_span(under_way, fy_end)
    _, ended = fiscal_year_span(under_way - 1, fy_end)
    return under_way if (end - ref) <= (ref - ended) else under_way - 1
