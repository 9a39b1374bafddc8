"""A number spelled with a scale word reads as digits with one: "two billion" as "2 billion".

The atoms read "two billion" as one number, 2,000,000,000, with no scale of its own, so what a scale
does for "2 billion" it did not do for "two billion": a range's bare first end did not share it ("1.5 to
two billion dlrs" was 1.5 dollars to two billion; issue 17, set s26), a scaled number with no unit took no
currency from the figures before it ("five billion stg ... around four billion", s23) and counted nothing
("two million troops", s22). The magnitude ending the words (number_words.yaml `magnitudes`, a thousand or
more) is split off as the atom's scale; its value is the number before it.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from .figure_atoms import Atom

_TOKEN = re.compile(r"[\s-]+")


def spelled_scale(atom: "Atom", words: Mapping[str, object]) -> "Atom":
    """The atom with the magnitude its spelled number ends in as its scale ("two billion": 2 and 1e9), or as it was.

    >>> from pipeline.resources import load_resources
    >>> from pipeline.figure_atoms import find_atoms
    >>> [(a.value, a.scale, a.scale_text) for a in find_atoms("1.5 to two billion dlrs", load_resources())][1]
    (Decimal('2'), Decimal('1000000000'), 'billion')
    """
    if not atom.words or atom.bare or atom.scale != 1 or atom.scale_text or atom.value <= 0:
        return atom
    last = _TOKEN.split(atom.number.strip())[-1].lower()
    mag = words["magnitudes"].get(last)
    if not mag or int(mag) < 1000:
        return atom
    atom.value, atom.scale, atom.scale_text = atom.value / Decimal(int(mag)), Decimal(int(mag)), last
    return atom
