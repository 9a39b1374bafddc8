"""Counts of business quantities: a plain number that counts what a business counts.

"81 rigs", "477,200 Viacom common shares", "four additional stations", "a workforce of 3,500":
the number carries no unit of its own, the noun after it (or the head noun before "of") says
what is counted. The nouns are models/lexicons/counts.yaml's `count_nouns` and `count_heads`;
figures._atom_unit asks `counted_noun` for a number that has no unit, and makes it a count
(rule figures.count.noun.v2).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .resources import Resources
from .word_patterns import caseless_alternation, listed, longest_first

_MODIFIER = r"(?:[A-Za-z][\w&'.]*(?:-[A-Za-z][\w&'.]*)*)"
# a second modifier joined to the first: "domestic and international flights", "issued and outstanding shares"
_JOINED = rf"(?:[ \t]+(?:and|or)[ \t]+(?P<second>(?!(?:and|or|the|a|an|its|their|of|more|less|fewer|greater)\b){_MODIFIER}))"
# A share exchange ratio ("0.5 shares for each share held", "two shares for every one"): no count.
_RATIO_AFTER = re.compile(r"\s+(?:for\s+(?:each|every)|per|in\s+exchange\s+for)\b", re.I)
# "the top 10 shareholders", "No. 3 stores": a rank, not a quantity
_RANK_BEFORE = re.compile(r"(?:\b(?:top|bottom|first|last|number|no\.?)|#)\s*$", re.I)


_JOINER_BEFORE = re.compile(r"\b(?:of|at|totall?ing|numbering|reached)\s+(?:[a-z]+\s+){0,2}$", re.I)


@lru_cache(maxsize=4)
def _anaphor_before(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.number_words["anaphor_before"]) + r")\s+$", re.I)


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    nouns = caseless_alternation(res.count_nouns)
    heads = caseless_alternation(res.count_nouns | res.count_heads)
    # a partitive of the owner's things may come first: "three of its major shareholders" (issue 17, s18)
    # or a partitive of a number of them: "7 of 23 brokerages" (issue 17, s21)
    after = re.compile(rf"(?P<part>[ \t]+of[ \t]+(?:its|their|our|the[ \t]+(?:company|group|bank|firm)['’]s|\d[\d,]*))?"
                       rf"(?:[ \t]+(?P<mod>{_MODIFIER}{_JOINED}?)){{0,3}}?[ \t]+(?P<noun>{nouns})\b(?![-'])", re.I)
    before = re.compile(rf"\b(?:{heads})\s+(?:of|at|totall?ing|numbering|reached)\s+"
                        r"(?:(?:" + listed(res.count_head_hedges, space=r"\s+") + r")\s+)?$", re.I)
    return after, before


@lru_cache(maxsize=4)
def _role_noun(res: Resources) -> re.Pattern:
    """A noun of people right after the number and the words that make them a business's ("2,000 people working for
    Revolut", "17 analysts covering ESCO"): counts.yaml `count_roles`."""
    space = r"[ \t]+"
    alts = [re.escape(noun) + space + "(?:" + longest_first(words, space=space) + ")"
            for noun, words in sorted(res.count_roles.items())]
    if not alts:
        return re.compile(r"(?!)")
    return re.compile(r"[ \t]+(?P<noun>(?:" + "|".join(alts) + r"))\b", re.I)


@lru_cache(maxsize=4)
def _year_rx(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """The words before a year-like number ("1700 lawsuits", "2000 employees") that make it a year, and those that
    make it a count: number_words.yaml `year_words_before`, `count_words_before`."""
    words = res.number_words
    year = re.compile(r"(?:\b(?:" + listed(words["year_words_before"]) + r")|'s|[-/])\s*$", re.I)
    count = re.compile(r"\b(?:" + listed(words["count_words_before"], space=r"\s+") + r")\s+$", re.I)
    return year, count


@lru_cache(maxsize=4)
def _rating_pattern(res: Resources) -> re.Pattern:
    words = longest_first(res.rating_words, space=r"\s+")
    return re.compile(rf"[ \t]+[\"“](?:{words})[,.]?[\"”]", re.I)


def counted_noun(text: str, start: int, end: int, value: Decimal, words: bool, year_like: bool,
                 res: Resources) -> str:
    """The noun that says a unit-less number counts a business quantity, or "" when none does.

    text (str): the cleaned text; start/end (int): the number's span; value (Decimal): its value;
    words (bool): written in words ("three"); year_like (bool): four digits that could be a year.

    >>> from pipeline.resources import load_resources
    >>> res = load_resources()
    >>> t = "Precision has 81 rigs operating and four additional stations."
    >>> counted_noun(t, 14, 16, Decimal(81), False, False, res), counted_noun(t, 36, 40, Decimal(4), True, False, res)
    ('rigs', 'stations')
    >>> counted_noun("In 2024 shares rose.", 3, 7, Decimal(2024), False, True, res)
    ''
    """
    if not res.count_nouns or value != value.to_integral_value():
        return ""
    if res.rating_words and not year_like and _rating_pattern(res).match(text, end):
        return "ratings"  # '2 "strong buy" or "buy," 4 "hold"' and 'one "sell"': a breakdown of analysts' ratings
    if value < (2 if words else 0):
        return ""
    after_rx, before_rx = _patterns(res)
    before = text[max(0, start - 40):start]
    if _RANK_BEFORE.search(before):
        return ""
    if words and value <= 10 and _anaphor_before(res).search(before):
        return ""  # "the two companies", "all three plants": the ones already named, not a quantity
    # the joiner must end the text before the number ("a workforce of 3,500") before the heads are looked for:
    # the heads' long alternation, tried at every place of 40 characters, is most of this step's cost
    head = _JOINER_BEFORE.search(before) and before_rx.search(before)
    if head and not words and not year_like:
        return "of"
    noun, mods = _noun_after(text, end, after_rx, res)
    if not noun and not year_like:
        noun, mods = _role_noun(res).match(text, end), []
        noun = noun.group("noun").split()[0].lower() if noun else ""
    if not noun or (words and len(mods) > 2):
        return ""  # "Apple's two other neglected computer lines": three words between only after digits (w20)
    year_before, count_before = _year_rx(res)
    if year_like and (mods or year_before.search(before) or not count_before.search(before)):
        return ""
    return noun


def _noun_after(text: str, end: int, after_rx: re.Pattern, res: Resources) -> tuple[str, list[str]]:
    """(the counted noun after a number ending at `end`, the modifiers before it), or ("", [])."""
    m = after_rx.match(text, end)
    if m is None:
        return "", []
    between = text[max(end, m.end("part")):m.start("noun")]
    # two modifiers joined by "and"/"or" fill one place: "2,600 production and maintenance workers" (issue 17, w24)
    joined = len(re.findall(_JOINED, between))
    raw = re.findall(_MODIFIER, re.sub(_JOINED, lambda j: " " + j.group("second"), between))
    mods = [w.lower() for w in raw]
    if any(w in res.count_stop_words or w.endswith("est") for w in mods) or _RATIO_AFTER.match(text, m.end()):
        return "", []
    if len(raw) - joined > 2 and not raw[0][0].isupper():
        return "", []  # three words between only where a name opens them: "179,200 France Fund common shares" (w20)
    return m.group("noun").lower(), mods


def scaled_count_noun(text: str, end: int, res: Resources) -> str:
    """The counted noun after a scaled number ("3 mln subscribers", "12.5 million shares"), or "": such a
    number counts that noun and takes no currency from a money figure near it (issue 17).

    >>> from pipeline.resources import load_resources
    >>> scaled_count_noun("worth 450 mln dlrs, or 12.5 mln shares.", 31, load_resources())
    'shares'
    """
    if not res.count_nouns:
        return ""
    noun = _noun_after(text, end, _patterns(res)[0], res)[0]
    if noun:
        return noun
    # any plural noun after it, one modifier at most ("two million troops", "$800 billion, and ... 2 million
    # troops"): it counts that, and takes no currency (issue 17, s22); not a singular ("a 38.1 mln loss")
    m = _PLURAL_AFTER.match(text, end)
    if m and not any(w.lower() in res.count_stop_words for w in (m.group("mod") or "", m.group("noun"))):
        return m.group("noun").lower()
    return ""


_PLURAL_AFTER = re.compile(r"[ \t]+(?:(?P<mod>[a-z][a-z-]*)[ \t]+)?(?P<noun>[a-z]{2,}(?<![su]s|is)s)\b(?![-'])")
