"""A range's second end whose scale is written in words: "1.5 to two billion dlrs", "eight or nine million euros".

The atoms read "two billion" as one number, 2,000,000,000, with no scale of its own, so the first end,
bare, was read as 1.5 dollars where "1.5 to 2 billion dlrs" shares the scale (issue 17, set s26). The
magnitude ending the words (number_words.yaml `magnitudes`, a thousand or more) is split off as the end's
scale, which the first end then shares as it shares a scale written in digits (figures._shares_scale).
"""
from __future__ import annotations

import re
from decimal import Decimal

from .figure_atoms import Atom
from .resources import Resources

# the words between a range's ends that let the first share the second's scale
_RANGE_SEP = re.compile(r"\s*(?:-|–|to|or|and)\s*", re.I)


def split_word_scale(text: str, a: Atom, b: Atom, res: Resources) -> None:
    """Give `b` ("two billion") its magnitude as scale when `a` before it is a range's bare first end no
    larger than b's leading number ("1.5 to two billion"); else leave both as they are.

    >>> from pipeline.resources import load_resources
    >>> from pipeline.figure_atoms import find_atoms
    >>> t = "arranging 1.5 to two billion dlrs"
    >>> a, b = find_atoms(t, load_resources())
    >>> split_word_scale(t, a, b, load_resources()); (b.value, b.scale, b.scale_text)
    (Decimal('2'), Decimal('1000000000'), 'billion')
    """
    if not b.words or b.scale != 1 or a.scale != 1 or a.loose_scale != 1 or a.value <= 0:
        return
    if not _RANGE_SEP.fullmatch(text[a.end:b.start]):
        return
    last = re.split(r"[\s-]+", b.number.strip())[-1].lower()
    mag = res.number_words["magnitudes"].get(last)
    if not mag or int(mag) < 1000:
        return
    lead = b.value / Decimal(int(mag))
    if lead >= 1000 or a.value > lead:
        return
    b.value, b.scale, b.scale_text = lead, Decimal(int(mag)), last
