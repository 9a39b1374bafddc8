"""A bare number compared with the amount just before it takes that amount's currency and scale.

"the intervention price rose to 193 dlrs from 168", "raised its target to $150 from 140 a month ago",
"earned 31 cts against 28": the prior figure after `from`, `against`, `versus` or `compared with` is written
without its unit, which the amount before it names (bench/figure_recall/GUIDE.md, rule 4: a unit carries to a
neighbouring bare number). figures._resolve_atom asks `compared_currency` for a number it would skip for want of a
unit. Scaled numbers ("to 4.04 billion from 3.58 billion") are figures._currency_in_context's; this is for
numbers without a scale word, so it holds only where the two sizes are alike (a tenth to ten times), the number is
no year ("from 1986") and no noun follows it ("from 168 stores" counts stores). Issue 17, set s21.
"""
from __future__ import annotations

import re

# the amount's denominator may come between ("42 cts a share from 37", "210 dlrs a tonne against 185")
_GAP = re.compile(r"(?:\s+(?:a|an|per)\s+[a-z]+)?\s*,?\s*(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+", re.I)
# what may follow the bare number: punctuation, the end, or a word that opens a time or a clause
_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$|\s(?:in|on|at|a|an|the|last|previously|earlier|before|over|during|for|"
                    r"and|or|when|while|as|with|according|said|says)\b)", re.I)
_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)")


def compared_currency(text: str, atoms: list, i: int) -> str:
    """The currency atom i takes from the amount it is compared with just before it, or "" (atom i then keeps
    none). Sets the atom's currency and scale when it takes one.

    >>> from pipeline.figure_atoms import find_atoms
    >>> from pipeline.resources import load_resources
    >>> t = "the intervention price however rose to 193 dlrs from 168."
    >>> atoms = find_atoms(t, load_resources())
    >>> compared_currency(t, atoms, 1), atoms[1].scale
    ('DOLLAR', Decimal('1'))
    >>> t = "sales rose to 193 dlrs from 1986 levels"
    >>> compared_currency(t, find_atoms(t, load_resources()), 1)
    ''
    """
    if i == 0:
        return ""
    a, prev = atoms[i], atoms[i - 1]
    if not prev.currency or a.currency or a.unit or a.words or a.scale != 1 or a.loose_scale != 1:
        return ""
    if not _GAP.fullmatch(text, prev.end, a.start) or _YEAR.fullmatch(a.number) or not _AFTER.match(text, a.end):
        return ""
    if not prev.value or not a.value or not (0.1 <= a.value / prev.value <= 10):
        return ""
    a.currency, a.scale = prev.currency, prev.scale
    return prev.currency
