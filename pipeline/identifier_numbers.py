"""Numbers that name, not measure, are no figures, whatever unit their sentence would lend them:

- a telephone number: a press release's contact lines ("+33 6 47 21 60 49", "Tel: (212) 686-1060", "+1-617-307-7503")
  and a law firm's notice ("call 877-247-4292") hold digit groups that otherwise read as a table row's cells or as
  counts (on the modern dump: in 800 of 15,848 articles, 67 claims);
- a category's number right after its word (number_words.yaml `category_words`): "type 2 diabetes", "15 active
  phase 3 projects", "Class 8 trucks", "17% were Grade 1" (the carried percent), "Tier 1 automotive suppliers"
  (on the modern dump: about 130 claims, 98 of them "type 2").

Written by hand: no library in the stack finds phone numbers in running text (`phonenumbers` would, with a region
to assume for each number; the shapes below are the ones news prints).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .figure_atoms import Atom
from .records import Skipped
from .resources import Resources
from .word_patterns import longest_first

# an international number ("+" and a country code, then groups apart by spaces or hyphens, never a dot: "+7.63 +0.83"
# is a row of changes), a North American one with its area code in brackets, or three-three-four digits
_PHONE = re.compile(r"(?<![\w.+-])(?:\+\d{1,3}[ -]?(?:\(0?\d{1,4}\)[ -]?\d{2,4}(?:[ -]\d{2,4}){1,4}|\d{1,4}(?:[ -]\d{2,5}){2,5})"
                    r"|\(\d{3}\) ?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4})(?![\w.%-]|[.,]\d)")
_SMALL_WHOLE = re.compile(r"\d{1,3}")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the telephone numbers in `text`.

    >>> t = "Tel: +33 6 47 21 60 49 or (212) 686-1060; shares rose +7.63 +0.83 and 3.5%"
    >>> [t[a:b] for a, b in phone_spans(t)]
    ['+33 6 47 21 60 49', '(212) 686-1060']
    """
    return [m.span() for m in _PHONE.finditer(text)]


@lru_cache(maxsize=4)
def _category_before(res: Resources) -> re.Pattern:
    """A category's word ending the text before a number, one space apart: "type ", "Phase "."""
    return re.compile(r"(?<![\w-])(?:" + longest_first(res.number_words["category_words"]) + r") $", re.I)


def _names_a_category(text: str, a: Atom, res: Resources) -> bool:
    if a.currency or a.unit or a.scale != 1 or a.words or not _SMALL_WHOLE.fullmatch(a.number) or a.start < 2:
        return False
    return bool(_category_before(res).search(text, max(0, a.start - 16), a.start))


def outside_identifiers(text: str, atoms: list[Atom], res: Resources) -> tuple[list[Atom], list[Skipped]]:
    """The atoms that are no telephone number's digits nor a category's number, and a skip for each one that is."""
    spans = phone_spans(text)
    kept, skipped = [], []
    for a in atoms:
        if spans and any(s <= a.start and a.end <= e for s, e in spans):
            skipped.append(Skipped(text[a.start:a.end], a.start, "phone_number"))
        elif _names_a_category(text, a, res):
            skipped.append(Skipped(text[a.start:a.end], a.start, "category_number"))
        else:
            kept.append(a)
    return kept, skipped
