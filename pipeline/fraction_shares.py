"""A fraction of a whole written in words is a percent: "about a quarter of its workforce" (25 %), "two-thirds of
the chain's sales", "more than half of the company's shares" (issue 17, w23-w24: about 1 wire or Yahoo article in
70 writes a share of something so, and the atoms read the fraction word as no number).

The fraction is a numerator ("a", "one", "two": number_words.yaml `units`) and a denominator (`denominators`), or
"half" alone; "of" and what it is of follow ("of the", "of its", "of Japan's", "of outstanding shares"). Not a share: a part of a
span of time ("the first half of 1987", "a quarter of an hour", "half of the year": number_words.yaml
`share_fraction_time_nouns` after it, `share_fraction_not_before` before it), a fraction of one unit ("half a cent":
fraction_amounts). Rule figures.fraction.share.v1.

>>> from pipeline.resources import load_resources
>>> res = load_resources()
>>> [(f.text, f.value, f.unit) for f in find_fraction_shares("It will lay off about a quarter of its staff.", res)]
[('a quarter', Decimal('25'), '%')]
>>> find_fraction_shares("Sales rose in the first half of the year.", res)
[]
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .records import Figure
from .resources import Resources
from .word_patterns import listed

# what the fraction is of: a determiner, an owner or a plain noun phrase ("of its staff", "of Japan's exports", "of
# outstanding shares"); not "a"/"an" (a fraction of one unit: fraction_amounts), a relative or a personal pronoun ("a
# quarter of which", "one-third of it")
_WHOLE = r"(?!(?:a|an|which|whom|whose|what|it|them|us|you|him|me|one)\b)[A-Za-z]"


@lru_cache(maxsize=4)
def _pattern(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    nw = res.number_words
    nums = listed(["a", "one", *(w for w, v in nw["units"].items() if 1 < v < 10)])
    dens = listed(sorted((d for d in nw["denominators"] if d not in ("half", "halves")), key=len, reverse=True))
    frac = re.compile(rf"\b(?:(?P<num>{nums})[-\s]+(?P<den>{dens})|(?P<half>half))\s+of\s+(?={_WHOLE})", re.I)
    time = re.compile(r"\s+of\s+(?:[\w&.'’-]+\s+){0,2}?(?:" + listed(nw["share_fraction_time_nouns"])
                      + r"|(?:1[89]|20)\d\d)\b", re.I)
    before = re.compile(r"\b(?:" + listed(nw["share_fraction_not_before"]) + r")[\s-]+$", re.I)
    return frac, time, before


def find_fraction_shares(text: str, res: Resources) -> list[Figure]:
    """Percent figures for the fractions of a whole in `text` (the module's examples)."""
    if " of " not in text:
        return []
    frac, time, before = _pattern(res)
    out = []
    for m in frac.finditer(text):
        end = m.end("den") if m.group("den") else m.end("half")
        if time.match(text, end) or before.search(text, max(0, m.start() - 20), m.start()):
            continue
        if m.group("half"):
            value = Decimal(50)
        else:
            nw = res.number_words
            num = m.group("num").lower()
            n = Decimal(1) if num in ("a", "one") else Decimal(str(nw["units"][num]))
            den = m.group("den").lower()
            if den == "quarters" and num != "three":
                continue  # "ended six quarters of sales declines", "two quarters of growth": a span of quarters
            value = n * 100 / Decimal(str(nw["denominators"][den]))
            if value >= 100:
                continue
            value = value.to_integral_value() if value == value.to_integral_value() else value.quantize(Decimal("0.01"))
        out.append(Figure(text=text[m.start():end], start=m.start(), end=end, value=value, low=value, high=value,
                          unit="%", kind="percent", rule="figures.fraction.share.v1"))
    return out
