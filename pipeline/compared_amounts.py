"""A bare number listed or compared with an amount takes that amount's currency (and scale) or physical unit.

"the intervention price rose to 193 dlrs from 168", "raised its target to $150 from 140 a month ago",
"earned 31 cts against 28": the prior figure after `from`, `against`, `versus` or `compared with` is written
without its unit, which the amount before it names (bench/figure_recall/GUIDE.md, rule 4: a unit carries to a
neighbouring bare number). figures._resolve_atom asks `compared_currency` for a number it would skip for want of a
unit. Scaled numbers ("to 4.04 billion from 3.58 billion") are `currency_in_context`'s; `compared_currency` is for
numbers without a scale word, so it holds only where the two sizes are alike (a tenth to ten times), the number is
no year ("from 1986") and no noun follows it ("from 168 stores" counts stores). Issue 17, set s21.

`compared_currency` and `compared_quantity` set the atom's currency or unit, and its scale, when it takes one:

>>> from pipeline.figure_atoms import find_atoms
>>> from pipeline.resources import load_resources
>>> t = "the intervention price however rose to 193 dlrs from 168."
>>> atoms = find_atoms(t, load_resources())
>>> compared_currency(t, atoms, 1), atoms[1].scale
('DOLLAR', Decimal('1'))
>>> t = "sales rose to 193 dlrs from 1986 levels"
>>> compared_currency(t, find_atoms(t, load_resources()), 1)
''
>>> t = "Exports were 480,450 tonnes against 717,689, the ministry said."
>>> atoms = find_atoms(t, load_resources())
>>> compared_quantity(t, atoms, 1), atoms[1].scale
('q:tonne', Decimal('1'))
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .word_patterns import listed

# the amount's denominator may come between ("42 cts a share from 37", "210 dlrs a tonne against 185"), then a few
# words that say of what or when, with no number but a year ("21,404 tonnes of coffee last year, up from 20,602",
# "95,000 tonnes in 1987 from 85,000"), and a word of direction ("49 pct, down from 50"); number_words.yaml
# `compared_directions`, and `compared_phrase_stops`, the words that open another clause or object (issue 17, w24)
_PHRASE_WORDS = 5


@lru_cache(maxsize=4)
def _gap(res) -> re.Pattern:
    nw = res.number_words if res is not None else {"compared_directions": [], "compared_phrase_stops": []}
    stops = listed(nw["compared_phrase_stops"]) or "(?!)"
    directions = listed(nw["compared_directions"]) or "(?!)"
    word = rf"(?:(?!(?:{stops})\b)[A-Za-z][\w'’&.-]*|(?:1[89]|20)\d\d)"
    return re.compile(rf"(?:\s+(?:a|an|per)\s+[a-z]+)?(?:\s+{word}){{0,{_PHRASE_WORDS}}}?\s*,?\s*"
                      rf"(?:(?:{directions})\s+)?(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+", re.I)


# what may follow the bare number: punctuation, the line's end, or a word that opens a time or a clause
_AFTER = re.compile(r"[ \t]*\n|\s*(?:[,;)]|\.(?:\s|$)|$|\s(?:in|on|at|a|an|the|last|previously|earlier|before|over|during|for|"
                    r"and|or|when|while|as|with|according|said|says)\b)", re.I)
_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)")
# scaled numbers: a list ("86 billion and 32 billion RMB"), a comparison ("98.83 billion francs ... from 107.74 billion")
_LIST_SEP = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$", re.I)
_COMPARED_GAP = re.compile(r"\b(?:from|vs|versus|compared with|against|and|or)\b|,", re.I)
# a sentence's end, also one glued to the next: "in the 12-month period ended December.The number of shoppers" (w26)
_SENTENCE_BREAK = re.compile(r"\n|[.;:!?](?:\s|$)|(?<=[a-z])\.(?=[A-Z][a-z])")
# "... to 4.04 billion from 3.58 billion" after "246.9 mln stg": a comparison after it names nothing (issue 17, s20)
_NAMES_NOTHING = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$|\s(?:and|or|respectively|each|apiece|vs|versus|from|against|after"
                            r"|compared|the|last|this|in|a\s+year|earlier|previously|rises?|falls?|increases?|"
                            r"decreases?|declines?|drops?|gains?|cuts?|reductions?)\b)", re.I)


# a second figure listed after "and" with its own time or use written after it, as the first has: "33,000 tonnes in
# 1986 and 31,000 in 1985", "362,400 tonnes for the current season and 151,000 for the 1987/88 season", "307,000 week
# ago and 311,000 a year ago" (issue 17, w24: about 1 wire article in 200 lists a figure so)
_LISTED_MID = re.compile(r"(?:\s+(?:[^\s\d,;:.]+|(?:1[89]|20)\d\d(?:/\d\d)?)){1,7}?\s*,?\s+and\s+")
_LISTED_TIME = re.compile(r"\b(?:in|for|during|last|ago|previous|prior|year-ago|year-earlier)\b", re.I)
_LISTED_AFTER = re.compile(r"\s+(?:in|for|during|last|a\s+(?:year|week|month)\s+(?:ago|earlier)|(?:a\s+)?(?:week|year|month)"
                           r"\s+ago|the\s+(?:previous|prior|same|year-ago|year-earlier))\b", re.I)


def listed_after(text: str, prev_end: int, start: int, end: int) -> bool:
    """Whether the bare number at start:end is listed after "and" with the figure ending at prev_end, each with its own
    time or use after it ("33,000 tonnes in 1986 and 31,000 in 1985"), so that it takes that figure's unit.

    >>> t = "Exports fell to 33,000 tonnes in 1986 and 31,000 in 1985."
    >>> listed_after(t, 29, 42, 48), listed_after("It sold 33,000 tonnes and 31,000 ships.", 21, 26, 32)
    (True, False)
    """
    mid = _LISTED_MID.fullmatch(text, prev_end, start)
    return bool(mid and _LISTED_TIME.search(text, prev_end, start) and _LISTED_AFTER.match(text, end))


def compared_currency(text: str, atoms: list, i: int, res=None) -> str:
    """The currency atom i takes from the amount it is compared with just before it, or "" (atom i then keeps
    none). Sets the atom's currency and scale when it takes one (examples: the module's).
    """
    return _take_compared(text, atoms, i, "currency", lambda prev: bool(prev.currency), res)


def compared_quantity(text: str, atoms: list, i: int, res=None) -> str:
    """The physical unit ("q:tonne") atom i takes from the amount it is compared with just before it, as
    `compared_currency` does: "563,889 tonnes against 528,152 a year earlier", "1.075 mln tonnes from 980,000"
    (issue 17, w20: about 1 article in 100 of the wire dumps compares a tonnage so; examples: the module's).
    """
    return _take_compared(text, atoms, i, "unit", lambda prev: prev.unit.startswith("q:") and not prev.currency, res)


def compared_percent(text: str, atoms: list, i: int, res) -> str:
    """"%" where atom i is the prior level of the percent before it, as `compared_currency` reads an amount: "load
    factor was 49 pct, down from 50", "an average yield of 15.473 pct, down from 15.870 last week" (issue 17, w24).
    A percent change is no level: "rose 4.0 pct from 6.67" sets no unit.

    >>> from pipeline.figure_atoms import find_atoms
    >>> from pipeline.resources import load_resources
    >>> res = load_resources()
    >>> t = "Its load factor was 49 pct, down from 50 a year ago."
    >>> compared_percent(t, find_atoms(t, res), 1, res)
    '%'
    >>> t = "Demand rose 4.0 pct from 6.67 last year."
    >>> compared_percent(t, find_atoms(t, res), 1, res)
    ''
    """
    return _take_compared(text, atoms, i, "unit", lambda prev: _percent_level(text, prev, res), res)


@lru_cache(maxsize=4)
def _change_words(res) -> tuple[re.Pattern, re.Pattern]:
    """(a move word right before a percent, a change noun right after it): number_words.yaml `move_words`,
    `change_words`, `fold_nouns`, `falling_amount_nouns`, `link_change_nouns`."""
    nw = res.number_words
    before = listed([*nw["move_words"], *nw["change_words"], "by"])
    after = listed([*nw["fold_nouns"], *nw["falling_amount_nouns"], *nw["link_change_nouns"]])
    return (re.compile(rf"\b(?:{before})\s+(?:(?:about|around|some|nearly|almost|an?)\s+)?$", re.I),
            re.compile(rf"[\s-]+(?:{after})\b", re.I))


def _percent_level(text: str, a, res) -> bool:
    if a.unit != "%" or a.currency or res is None:
        return False
    before, after = _change_words(res)
    return not before.search(text, max(0, a.start - 30), a.start) and not after.match(text, a.end)


def _take_compared(text: str, atoms: list, i: int, field: str, named, res=None) -> str:
    """Atom i's `field` (currency or unit) and scale taken from the amount before it that `named` holds for and
    that it is compared with; the value taken, or "" (the atom is left as it was)."""
    j = i - 1
    while j > 0 and _passed_over(atoms[j]) and atoms[j].end > atoms[i].start - 60:
        j -= 1  # "95,000 tonnes in 1987 from 85,000", "in the third quarter": a year or a fraction word is passed over
    if j < 0 or not named(atoms[j]) or (scale := _compared_scale(text, atoms[j], atoms[i], res)) is None:
        return ""
    taken = getattr(atoms[j], field)
    setattr(atoms[i], field, taken)
    atoms[i].scale = scale
    return taken


def _compared_scale(text: str, prev, a, res=None):
    """The scale bare atom `a` takes from the amount `prev` before it that it is compared with, or None where it is
    none: the amount's scale where the two numbers are of a size ("42 cts from 37", "4.04 mln from 3.58"), no
    scale where the whole amounts are ("1.075 mln tonnes from 980,000")."""
    if a.currency or a.unit or a.words or a.scale != 1 or a.loose_scale != 1:
        return None
    compared = _gap(res).fullmatch(text, prev.end, a.start) and _AFTER.match(text, a.end)
    if not (compared or listed_after(text, prev.end, a.start, a.end)) or _YEAR.fullmatch(a.number):
        return None
    if not prev.value or not a.value:
        return None
    if 0.1 <= a.value / prev.value <= 10:
        return prev.scale
    if prev.scale != 1 and 0.1 <= a.value / (prev.value * prev.scale) <= 10:
        return Decimal(1)
    return None


def currency_in_context(text: str, atoms: list, i: int, res=None) -> str:
    """A bare scaled number takes the currency of the money figure it is listed or compared with.

    "86 billion and 32 billion RMB"; "rose to 98.83 billion francs ... from 107.74 billion".
    """
    for j in (i + 1, i + 2):
        if j < len(atoms) and atoms[j].currency and _LIST_SEP.match(text[atoms[j - 1].end:atoms[j].start]):
            return atoms[j].currency
    if (cur := per_share_total(text, atoms, i)):
        return cur  # "down from 404 mln, or 1.67 dlrs a share"
    if i > 0 and atoms[i - 1].currency and atoms[i - 1].scale != 1:
        gap = text[atoms[i - 1].end:atoms[i].start]
        if len(gap) <= 60 and "\n" not in gap and _COMPARED_GAP.search(gap):
            return atoms[i - 1].currency
    # further on in the sentence, a bare scaled number that names nothing after it: "would drain 957 mln stg
    # while exchequer transactions ... would take out 15 mln and 25 mln respectively" (issue 17, s17)
    j = _further_on(text, atoms, i, lambda a: bool(a.currency), lambda a, b: a.currency == b.currency, res)
    return atoms[j].currency if j is not None else ""


def _further_on(text: str, atoms: list, i: int, named, same, res=None) -> int | None:
    """The scaled amount earlier in the sentence whose unit bare scaled atom i takes, or None: the nearest of the
    two atoms before it that `named` holds for, the atoms between of its unit (`same`), bare and scaled, or a change's
    percent right before the comparison ("up 2.1 pct from"). A year or a fraction word between is passed over: "11.9
    billion dlrs in 1986, down from 14 billion", "146.4 mln dlrs in the third quarter from 110.3 mln" (w22); so is a
    percent, which no scaled amount shares a unit with ("47.8 billion dlrs in December ..., fell back 10 pct to 43.1
    billion"), and a tenor ("250 mln ringgit of eight-year stock at 6.6 pct, 700 mln of 10-year stock") (w26). What
    follows the number may be a verb or a clause's opening (`carried_amount_followers`)."""
    if atoms[i].scale == 1:
        return None
    seen = 0
    for j in range(i - 1, -1, -1):
        prev = atoms[j]
        if _no_amount(text, prev):
            continue
        seen += 1
        if seen > 2:
            break
        if not (named(prev) and prev.scale != 1):
            continue
        gap = text[prev.end:atoms[i].start]
        if len(gap) <= 150 and not _SENTENCE_BREAK.search(gap) and _names_nothing(text, atoms, i, res) \
                and all(same(atoms[k], prev) or _no_amount(text, atoms[k])
                        or (atoms[k].scale != 1 and not atoms[k].unit and _names_nothing(text, atoms, k))
                        or (k == i - 1 and _change_from(text, atoms[k], atoms[i])) for k in range(j + 1, i)):
            return j
        break
    return None


# a tenor ("of eight-year stock at 6.6 pct, 700 mln of 10-year stock"): a span of time, no amount (w26)
_TENOR = re.compile(r"-(?:years?|months?|weeks?|days?)\b", re.I)


def _no_amount(text: str, a) -> bool:
    """An atom a bare scaled number's carry passes over: a year, a fraction word, a percent or a tenor."""
    return _passed_over(a) or (a.unit == "%" and not a.currency) or bool(_TENOR.match(text, a.end))


def _passed_over(a) -> bool:
    """A year ("in 1986") or a fraction word ("the third quarter") between two amounts: no amount of its own."""
    return not (a.currency or a.unit) and a.scale == 1 and (a.bare or bool(_YEAR.fullmatch(a.number)))


# "554.79 billion kilowatt hours, up 2.1 pct from 543.15 billion": the change's percent between the amount and the
# number it is compared with (issue 17, w22: about 1 wire article in 400 writes a volume or an amount so)
_PERCENT_FROM = re.compile(r"\s+(?:from|against|over|compared\s+(?:with|to)|vs\.?|versus)\s+(?:the\s+|a\s+)?", re.I)


def _change_from(text: str, pct, a) -> bool:
    """Whether percent atom `pct` is a change that bare scaled atom `a` right after it is the prior level of."""
    return pct.unit == "%" and not pct.currency and bool(_PERCENT_FROM.fullmatch(text, pct.end, a.start))


def _names_nothing(text: str, atoms: list, i: int, res=None) -> bool:
    """Whether no noun follows atom i: "15 mln and 25 mln respectively", "to 4.04 billion from 3.58 billion.", "at
    313.3 mln after 252.2 mln" (a wire's comparison: the next number must name nothing either)
    (the number it is compared with names nothing either; "3.2 mln from 2.9 mln units" counts units)."""
    m = _NAMES_NOTHING.match(text, atoms[i].end)
    if not m and res is not None:  # "34.7 billion has lifted", "44.1 billion of which"; not "430 mln of the shares"
        f = _followers(res).match(text, atoms[i].end)
        return bool(f) and not (f.group().strip().lower() == "of" and _counted_after(text, f.end(), res))
    if not m or not re.search(r"from|against|compared|after", m.group(), re.I):
        return bool(m)
    nxt = atoms[i + 1] if i + 1 < len(atoms) else None
    return bool(nxt and nxt.start - m.end() <= 12 and not nxt.unit and not nxt.currency
                and _NAMES_NOTHING.match(text, nxt.end))


@lru_cache(maxsize=4)
def _followers(res) -> re.Pattern:
    """A verb or a clause's opening right after a bare scaled number: it names no noun (number_words.yaml)."""
    return re.compile(rf"\s+(?:{listed(res.number_words['carried_amount_followers']) or '(?!)'})\b", re.I)


_PHRASE = re.compile(r"[^,;:.()\n]{0,60}")


def _counted_after(text: str, start: int, res) -> bool:
    """Whether the phrase after "of" names a thing counted (counts.yaml `count_nouns`): "of the BHPGM shares"."""
    words = re.findall(r"[a-z]+", _PHRASE.match(text, start).group().lower())[:5]
    return any(w in res.count_nouns for w in words)


def quantity_in_context(text: str, atoms: list, i: int, res=None) -> str:
    """A bare scaled number compared with a scaled physical amount before it takes its unit, as a
    currency carries: "rose to 2.60 mln tonnes ... from 2.50 mln" (issue 17); further on in the sentence when it
    names nothing: "two mln tonnes higher at 173 mln against 169 mln" (w20). Returns "q:unit" or ""."""
    if i > 0 and atoms[i - 1].unit.startswith("q:") and atoms[i - 1].scale != 1 and not atoms[i - 1].currency:
        gap = text[atoms[i - 1].end:atoms[i].start]
        if len(gap) <= 80 and "\n" not in gap and _COMPARED_GAP.search(gap):
            return atoms[i - 1].unit
    j = _further_on(text, atoms, i, lambda a: a.unit.startswith("q:") and not a.currency,
                    lambda a, b: a.unit == b.unit, res)
    return atoms[j].unit if j is not None else ""


def listed_pair(text: str, a, b, b_kind: str) -> bool:
    """Whether bare atom `a`, "and" and amount `b` list two amounts of b's unit: "tested 1,020 and 950 barrels a day",
    "closed at 752.50 and 750 ringgit per tonne respectively" (issue 17, w20). Numbers of a size only, and no count:
    "Boeing 737 and 747 aircraft" names models, "the 13 and 53 week periods" no unit.

    >>> from pipeline.figure_atoms import find_atoms
    >>> from pipeline.resources import load_resources
    >>> t = "The wells tested 1,020 and 950 barrels a day."
    >>> a, b = find_atoms(t, load_resources())[-2:]
    >>> listed_pair(t, a, b, "quantity")
    True
    """
    return (b_kind in ("money", "quantity", "percent") and not (a.currency or a.unit or a.words) and a.scale == 1
            and a.loose_scale == 1 and not _YEAR.fullmatch(a.number) and bool(a.value) and bool(b.value)
            and 0.1 <= a.value / b.value <= 10)


# "gain of 150,000, or two cts a share", "net to 152,049,000 or 1.29 dlrs per share": the total before a per-share amount
_OR_BETWEEN = re.compile(r"\s*,?\s+or\s+(?:about\s+|some\s+)?", re.I)
_A_SHARE = re.compile(r"\s+(?:a\s+|per\s+)?(?:share|shr)\b", re.I)


def per_share_total(text: str, atoms: list, i: int) -> str:
    """The currency of the per-share amount that bare atom i is the total of, or "": "includes gain of 150,000, or two
    cts a share" (issue 17, w20: wire results notes write the total bare before its per-share amount). Sets the
    atom's currency.

    >>> from pipeline.figure_atoms import find_atoms
    >>> from pipeline.resources import load_resources
    >>> t = "Net includes a gain of 150,000, or two cts a share."
    >>> per_share_total(t, find_atoms(t, load_resources()), 0)
    'DOLLAR'
    """
    a = atoms[i]
    nxt = atoms[i + 1] if i + 1 < len(atoms) else None
    if nxt is None or not nxt.currency or a.currency or a.unit or a.words or _YEAR.fullmatch(a.number):
        return ""
    if not _OR_BETWEEN.fullmatch(text, a.end, nxt.start) or not _A_SHARE.match(text, nxt.end):
        return ""
    a.currency = "DOLLAR" if nxt.currency == "DOLLAR" else nxt.currency
    return a.currency
