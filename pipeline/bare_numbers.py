"""A number figures found no unit for, read from the words around it (issue 17, sets s20 and s21).

- compared with the amount just before it: that amount's currency ("rose to 193 dlrs from 168";
  compared_amounts);
- followed by "points" where the sentence names an index: the index's level or move (index_points);
- a rate of exchange, "1,455 per dollar", "152.3 yen to the dollar" with the currency named before it in
  the sentence ("the South Korean won held ... below 1,455 per dollar"): that currency's level;
- a ratio written "N-to-one ratio" or "N-to-1 margin" ("by a 1.5-to-one ratio"): a multiple;
- a physical unit after a bracketed size of it: "275,000 (60-kilo) bags", "40,000 (42-gallon) barrels".
"""
from __future__ import annotations

import re
from functools import lru_cache

from .compared_amounts import compared_currency
from .index_points import index_points
from .resources import Resources
from .word_patterns import longest_first

_PER_DOLLAR = re.compile(r"\s+(?:per|to\s+the|against\s+the|a)\s+(?:U\.?S\.?\s+)?(?:dollar|greenback|euro)\b", re.I)
_TO_ONE = re.compile(r"(?:-|\s)to(?:-|\s)(?:one|1)\b(?![.,]\d)[\s-]+(?:ratio|margin)\b", re.I)
_SIZED_UNIT = re.compile(r"\s+\([^()\n]{0,6}\d[^()\n]{0,14}\)\s+(?P<unit>[A-Za-z]+(?:\s[A-Za-z]+)?)")
_SENTENCE = re.compile(r"[.!?](?:\s|$)|\n")


@lru_cache(maxsize=4)
def _currency_names(res: Resources) -> tuple[re.Pattern, dict]:
    """A pattern of the currencies' names that are no dollar (won, yen, rupee, yuan...), and name -> code."""
    names = {}
    for cur in res.currencies.values():
        if cur.dollar_like or cur.code in ("USD", "EUR"):
            continue
        for n in cur.names:
            if "dollar" not in n.lower() and "dlr" not in n.lower():
                names[n.lower()] = cur.code
    alt = longest_first(names)
    return re.compile(rf"\b(?:{alt})\b", re.I), names


def _exchange_rate(text: str, start: int, end: int, res: Resources) -> str:
    """The currency whose rate against the dollar the number is, or ""."""
    if not _PER_DOLLAR.match(text, end):
        return ""
    breaks = [m.end() for m in _SENTENCE.finditer(text, 0, start)]
    rx, names = _currency_names(res)
    found = list(rx.finditer(text, breaks[-1] if breaks else 0, start))
    return names[found[-1].group().lower()] if found else ""


def bare_number_unit(text: str, atoms: list, i: int, res: Resources) -> tuple[str, str]:
    """(unit, kind) of atom i from its context, or ("", "") when none of the readings above holds.

    >>> from pipeline.figure_atoms import find_atoms
    >>> from pipeline.resources import load_resources
    >>> res = load_resources()
    >>> t = "The South Korean won held its recent decline below 1,455 per dollar."
    >>> bare_number_unit(t, find_atoms(t, res), 0, res)
    ('KRW', 'money')
    >>> t = "Declining stocks outnumbered rising ones by a 1.5-to-one ratio."
    >>> bare_number_unit(t, find_atoms(t, res), 0, res)
    ('x', 'multiple')
    >>> t = "Roastings were 275,000 (60-kilo) bags."
    >>> bare_number_unit(t, find_atoms(t, res), 0, res)
    ('bag', 'quantity')
    """
    a = atoms[i]
    if compared_currency(text, atoms, i):
        return a.currency, "money"
    if a.words:
        return "", ""
    if index_points(text, a.start, a.end, res):
        a.unit = "level"
        return "count", "count"
    if (code := _exchange_rate(text, a.start, a.end, res)):
        a.currency = code
        return code, "money"
    if _TO_ONE.match(text, a.end):
        a.unit = "x"
        return "x", "multiple"
    if (m := _SIZED_UNIT.match(text, a.end)):
        units = {k.lower(): v for k, v in res.physical_units.items()}
        for form in (m.group("unit"), m.group("unit").split()[0]):
            if form.lower() in units:
                a.unit = "q:" + units[form.lower()]
                return units[form.lower()], "quantity"
    return "", ""
