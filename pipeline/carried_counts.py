"""Carried counts: a bare number compared with a count just before it counts the same thing.

"increased its board to seven members from three", "69 offerings in 2024 versus 41 such instances a
year earlier", "12 stores, up from 9": the second number writes no noun (or only "such" and a
synonym), and figures.resolve_figures skipped it for want of a unit; the comparison word ("from",
"versus", "vs", "compared with", "against", "than") ties it to the count before it in the same
clause, whose unit it takes (issue 17, s22). A noun of time after the number ("from three years
ago") or a unit of its own leaves it alone. Rule figures.count.carried.v1.

>>> from pipeline.resources import load_resources
>>> from pipeline.records import Skipped
>>> res = load_resources()
>>> t = "It increased its board to seven members from three in connection with the sale."
>>> f = Figure(text="seven", start=26, end=31, value=Decimal(7), low=Decimal(7), high=Decimal(7), unit="count",
...            kind="count", rule="figures.count.noun.v2")
>>> [(g.text, g.value, g.unit) for g in carried_counts(t, res, [f], [Skipped("three", 45, "number_word")])[0]]
[('three', Decimal('3'), 'count')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal  # noqa: F401 (the module example uses it)

from .compared_amounts import listed_after
from .numbers import decimals_written, parse_digits, parse_words
from .records import Figure, Skipped
from .resources import Resources
from .word_patterns import listed, longest_first

_REASONS = ("no_unit", "number_word")
@lru_cache(maxsize=4)
def _compared(res: Resources) -> re.Pattern:
    """The comparison or total right before the bare number: counts.yaml `carried_joiners` ("from", "versus", "for a
    total of": "signed two new agreements, for a total of six"; issue 17, s24-s25)."""
    joiners = longest_first(res.carried_joiners, space=r"\s+")
    hedges = listed(res.number_words["carried_compared_hedges"])
    return re.compile(r"(?<![\w-])(?:" + joiners + r")\s+(?:(?:" + hedges + r")\s+)?$", re.I)
# after the bare number: the clause goes on with no noun of its own, or "such" and a synonym of the noun
_AFTER_OK = re.compile(r"(?:\s+such\s+[a-z]+\b|(?=\s*(?:[,.;:)]|$))|\s+(?=(?:in|at|on|a|the|last|this|previous|"
                       r"earlier|before|after|since|until|previously|during|for|over|when|as|and|but|while|with|year-earlier|"
                       r"year-ago)\b))", re.I)
# a noun of time or a unit right after the number: "from three years ago", "from 5 a.m."
_OWN_NOUN = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|quarters?|times|a\.m\.|"
                       r"p\.m\.|am|pm|percent|per\s+cent|pct|points?)\b", re.I)
_REACH = 120
# the clause's end between the count and the comparison; an initial's dot is none ("189,610 U.S. cars in March, up
# from 150,520": issue 17, w24)
_BREAK = re.compile(r"(?<!\b[A-Z])[.;!?](?:\s|$)")


def carried_counts(text: str, res: Resources, figures: list[Figure], skipped: list[Skipped]
                   ) -> tuple[list[Figure], list[Skipped]]:
    """Counts for the skipped bare numbers compared with a count before them; the skips that remain."""
    counts = [f for f in figures if f.kind == "count" and f.unit == "count"]
    if not counts:
        return [], skipped
    out, keep = [], []
    for sk in skipped:
        fig = _carried(text, res, counts, sk) if sk.reason in _REASONS else None
        (out.append(fig) if fig else keep.append(sk))
    return out, keep


def _carried(text: str, res: Resources, counts: list[Figure], sk: Skipped) -> Figure | None:
    start, end = sk.start, sk.start + len(sk.text)
    before = text[max(0, start - _REACH):start]
    cmp_ = _compared(res).search(before)
    if cmp_ is None:  # "307,000 week ago and 311,000 a year ago": listed after the count, each with its time
        prior = [f for f in counts if f.end <= start and listed_after(text, f.end, start, end)]
    elif _OWN_NOUN.match(text, end) or not _AFTER_OK.match(text, end):
        return None
    else:
        at = start - len(before) + cmp_.start()
        prior = [f for f in counts if f.end <= at and not _BREAK.search(text[f.end:at])]
    if not prior:
        return None
    value = parse_words(sk.text, res.number_words) if sk.reason == "number_word" else parse_digits(sk.text)
    if value is None or value != value.to_integral_value() or (sk.reason == "no_unit" and re.fullmatch(r"(?:19|20)\d\d", sk.text)):
        return None  # "from 2023": a year
    return Figure(text=sk.text, start=start, end=end, value=value, low=value, high=value, unit="count", kind="count",
                  rule="figures.count.carried.v1", decimals=decimals_written(sk.text))
