"""Shared money names: a bare "francs" or "crowns" is the money of the story it stands in.

Several countries call their money francs (France, Switzerland, Belgium) or crowns (Sweden, Norway, Denmark,
Iceland); news writes the bare name where the country is plain to its reader. Three things decide, in order:
- the wire story's dateline city, as for the bare dollar (datelines.dollar_for): "ZURICH, March 3 - ... 5.24 billion
  francs" is Swiss francs, "OSLO, March 9 - ... 475 mln crowns" Norwegian crowns (currencies.yaml `shared`
  entries: the placeholder codes FRANC and CROWN and their cities);
- else the one currency of that name the story writes whole or by its code: "91.35 billion Swiss francs ... 16.1
  billion francs" (the Swiss franc again), "SEK 2.6 billion ... 400 mln crowns";
- else the placeholder's default, the most frequent in the dumps (the French franc, the Swedish crown), or from the
  year a currency was withdrawn the default after it (`since`: no French or Belgian franc after 2002, so a bare
  "francs" in a story of 2024 is the Swiss franc: "Swatch ... 6.9 billion francs").
A name written whole ("Swiss francs", "Danish crowns") keeps its own code. Issue 17, s23-s27; about 400 such amounts
in the Reuters dump (francs from Zurich, Basle, Berne and Brussels, crowns from Stockholm, Oslo and Copenhagen).

>>> from pipeline.resources import load_resources
>>> res = load_resources()
>>> local_codes("OSLO, March 9 - Norsk Hydro said ...", res)["CROWN"]
'NOK'
>>> local_codes("Sales were 91.35 billion Swiss francs, and profit 11.2 billion francs.", res)["FRANC"]
'CHF'
>>> local_codes("Its pre-tax profit was 475 mln crowns.", res)["CROWN"]
'SEK'
>>> local_codes("Swatch sold 6.9 billion francs.", res, 2025)["FRANC"], local_codes("It cost 5 francs.", res)["FRANC"]
('CHF', 'FRF')
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .records import Figure
from .resources import Resources
from .word_patterns import longest_first


@lru_cache(maxsize=4)
def _whole_names(res: Resources) -> dict[str, tuple[re.Pattern, dict[str, str]]]:
    """Placeholder -> (a pattern of the whole names and codes of the currencies sharing its name, form -> code)."""
    out = {}
    for ph in (c for c in res.currencies.values() if c.shared_default):
        bare = {n.lower().rstrip("s") for n in ph.names}  # "Danish crown bond": the singular names it too
        forms: dict[str, str] = {}
        for cur in res.currencies.values():
            whole = [n for n in cur.names if " " in n and n.lower().split()[-1].rstrip("s") in bare]
            if cur.shared_default or not whole:
                continue
            forms.update({n.lower(): cur.code for n in whole})
            forms.update({c: cur.code for c in cur.codes if c.isupper() and len(c) == 3})
        names = longest_first([f for f in forms if not f.isupper()], space=r"\s+")
        codes = "|".join(re.escape(f) for f in forms if f.isupper())
        out[ph.code] = (re.compile(rf"(?<![\w-])(?:(?i:{names})|{codes})(?![\w-])"), forms)
    return out


def local_codes(text: str, res: Resources, year: int = 0) -> dict[str, str]:
    """Placeholder code -> the code it means in this story, published in `year` (0: unknown)."""
    head = text[:80].upper().lstrip()
    out = {}
    for cur in res.currencies.values():
        if not cur.shared_default:
            continue
        code = next((c for city, c in cur.shared_datelines.items()
                     if any(head.startswith(city + after) for after in (",", " (", " -"))), "")
        if not code:
            rx, forms = _whole_names(res)[cur.code]
            named = {forms.get(m.group()) or forms.get(re.sub(r"\s+", " ", m.group().lower()), "")
                     for m in rx.finditer(text)}
            named.discard("")
            code = named.pop() if len(named) == 1 else _default(cur, year)
        out[cur.code] = code
    return out


def _default(cur, year: int) -> str:
    later = [y for y in cur.shared_since if year and year >= y]
    return cur.shared_since[max(later)] if later else cur.shared_default


def resolve_shared(text: str, res: Resources, figures: list[Figure], year: int = 0) -> list[Figure]:
    """The figures with a shared placeholder code replaced by the story's own money."""
    if not any(_shared(res, f.unit) for f in figures):
        return figures
    codes = local_codes(text, res, year)
    return [replace(f, unit=codes[f.unit]) if f.unit in codes else f for f in figures]


def _shared(res: Resources, unit: str) -> bool:
    cur = res.currencies.get(unit)
    return bool(cur and cur.shared_default)
