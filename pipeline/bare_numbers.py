"""A number figures found no unit for, read from the words around it (issue 17, sets s20 and s21).

- compared with the amount just before it: that amount's currency or physical unit ("rose to 193 dlrs from 168",
  "563,889 tonnes against 528,152"; compared_amounts);
- followed by "points" where the sentence names an index: the index's level or move (index_points);
- a rate of exchange, "1,455 per dollar", "152.3 yen to the dollar" with the currency named before it in
  the sentence ("the South Korean won held ... below 1,455 per dollar"): that currency's level;
- a ratio written "N-to-one ratio" or "N-to-1 margin" ("by a 1.5-to-one ratio"): a multiple;
- a physical unit after a bracketed size of it: "275,000 (60-kilo) bags", "40,000 (42-gallon) barrels";
- a bond's issue price after "priced at" in a sentence that names a bond: a percent of its face value;
- the total before a per-share amount: "gain of 150,000, or two cts a share" (compared_amounts).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .compared_amounts import compared_currency, compared_percent, compared_quantity, per_share_total
from .index_points import index_points
from .resources import Resources
from .word_patterns import longest_first

_PER_DOLLAR = re.compile(r"\s+(?:per|to\s+the|against\s+the|a)\s+(?:U\.?S\.?\s+)?(?:dollar|greenback|euro)\b", re.I)
_TO_ONE = re.compile(r"(?:-|\s)to(?:-|\s)(?:one|1)\b(?![.,]\d)[\s-]+(?:ratio|margin)\b", re.I)
_SIZED_UNIT = re.compile(r"\s+\([^()\n]{0,6}\d[^()\n]{0,14}\)\s+(?P<unit>[A-Za-z]+(?:\s[A-Za-z]+)?)")
_SENTENCE = re.compile(r"[.!?](?:\s|$)|\n")
# a U.S. share's price as the wire wrote it, in eighths: "11-5/8", "3/8", "101-1/2"
_EIGHTHS = re.compile(r"(?:\d{1,4}-)?\d{1,2}/(?:2|4|8|16|32|64)")
_TICKER = re.compile(r"<[A-Z][A-Z.]{0,8}>")


@lru_cache(maxsize=4)
def _price_move_before(res: Resources) -> re.Pattern:
    """A move or level word right before a share's price: number_words.yaml `move_words`, "to", "at"."""
    words = longest_first([*res.number_words["move_words"], "to", "at", "off", "unchanged at"], space=r"\s+")
    return re.compile(r"\b(?:" + words + r")\s+(?:(?:about|some|nearly|almost|around)\s+)?$", re.I)


@lru_cache(maxsize=4)
def _share_nouns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """(words that name a listed share, words of a bond's sentence): number_words.yaml `share_price_nouns`,
    `share_price_bond_words`."""
    nw = res.number_words
    return (re.compile(r"\b(?:" + longest_first(nw["share_price_nouns"]) + r")\b", re.I),
            re.compile(r"\b(?:" + longest_first(nw["share_price_bond_words"], space=r"\s+") + r")\b", re.I))


def _share_price(text: str, atoms: list, i: int, res: Resources) -> bool:
    """Whether atom i is a share's price or its move, written in eighths with no currency after a move or level word,
    in a sentence that names a share or a ticker: "shot up 11-5/8 to 29-3/8", "lost 1/4 to 52-1/4"; a whole number
    is one as the level a price in eighths moved to ("was up 2-1/2 to 34"). Issue 17, f11: about 2,900 bare
    eighths in the Reuters dump, most of them share prices, were no figure."""
    a = atoms[i]
    if not _EIGHTHS.fullmatch(text, a.start, a.end):
        prev = atoms[i - 1] if i else None
        if not (prev and _EIGHTHS.fullmatch(text, prev.start, prev.end) and re.fullmatch(r"\s+to\s+", text[prev.end:a.start])):
            return False
    if not _price_move_before(res).search(text, max(0, a.start - 30), a.start):
        return False
    breaks = [m.end() for m in _SENTENCE.finditer(text, 0, a.start)]
    s = breaks[-1] if breaks else 0
    nxt = _SENTENCE.search(text, a.end)
    e = nxt.start() if nxt else len(text)
    shares, bonds = _share_nouns(res)
    return bool((shares.search(text, s, e) or _TICKER.search(text, s, e)) and not bonds.search(text, s, e))


@lru_cache(maxsize=4)
def _bond_price_before(res: Resources) -> re.Pattern:
    words = longest_first(res.number_words["bond_price_before"], space=r"\s+")
    return re.compile(r"\b(?:" + words + r")\s+(?:(?:about|around)\s+)?$", re.I)


def _bond_price(text: str, a, res: Resources) -> bool:
    """Whether bare atom `a` is a bond's issue price, a share of its face value: "priced at 99.80 to yield", "is priced
    at 100-1/4", in a sentence that names a bond; a price far from par (under 50 or over 150) is none."""
    if not _bond_price_before(res).search(text, max(0, a.start - 30), a.start) or not 50 <= a.value <= 150:
        return False
    breaks = [m.end() for m in _SENTENCE.finditer(text, 0, a.start)]
    nxt = _SENTENCE.search(text, a.end)
    return bool(_share_nouns(res)[1].search(text, breaks[-1] if breaks else 0, nxt.start() if nxt else len(text)))


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
    if compared_currency(text, atoms, i, res):
        return a.currency, "money"
    if (q := compared_quantity(text, atoms, i, res)):
        return q[2:], "quantity"
    if compared_percent(text, atoms, i, res):
        return "%", "percent"
    if (cur := per_share_total(text, atoms, i)):
        return cur, "money"
    if a.words:
        return "", ""
    if index_points(text, a.start, a.end, res):
        a.unit = "level"
        return "count", "count"
    if (code := _exchange_rate(text, a.start, a.end, res)):
        a.currency = code
        return code, "money"
    if a.scale == 1 and _bond_price(text, a, res):
        a.unit = "%"
        return "%", "percent"
    if _share_price(text, atoms, i, res):
        a.currency = "DOLLAR"
        return "DOLLAR", "money"
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
