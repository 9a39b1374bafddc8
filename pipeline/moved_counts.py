"""Moved counts: a bare whole number right after a verb of total or move counts what the clause's subject names.

"Actual resales of homes during February totaled 241,000", "Ford said sales for the month-to-date rose as well to
118,079", "total nonfarm payrolls in the US rose by 143,000 last month", a change's percent between: "car sales were
off 15.5 pct to 109,174 from 129,242" (w22): the number is written with thousands groups,
has no unit, scale or decimals of its own, and the verb (counts.yaml `moved_count_verbs`, with its preposition) stands
right before it. figures.resolve_figures skipped it for want of a unit; here it becomes a count (rule
figures.count.moved.v1), and carried_counts then carries the count to the number it is compared with ("versus
106,321", "from the January total of 216,000"). Money keeps it from being a count: a sentence that names an amount of
money, or a clause whose words before the verb name money (`moved_count_money_words`: "net profit totaled 241,000"
is a wire's money with its currency left unwritten), and so does a market index named there ("the Nifty dropped
to 22,798": a level). Issue 17, set s27 (Reuters and Yahoo).

>>> from pipeline.resources import load_resources
>>> res = load_resources()
>>> t = "Actual resales of homes during February totaled 241,000, up 11.6 pct."
>>> [(f.text, f.value, f.unit) for f in moved_counts(t, res, [], [Skipped("241,000", 48, "no_unit")])[0]]
[('241,000', Decimal('241000'), 'count')]
"""
from __future__ import annotations

import re
from decimal import Decimal  # noqa: F401 (the module example uses it)
from functools import lru_cache

from .index_points import index_words
from .numbers import decimals_written, parse_digits
from .records import Figure, Skipped
from .resources import Resources
from .word_patterns import listed, longest_first

_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
# after the number: the clause ends or goes on with a preposition or a word of time, no noun of its own
_AFTER_OK = re.compile(r"(?=\s*(?:[,;:)]|\.(?:\s|$)|$))|\s+(?=(?:in|at|on|the|last|this|previous|earlier|before|after|"
                       r"since|during|for|over|when|as|and|but|while|with|from|versus|vs\.?|compared|against|"
                       r"year-earlier|year-ago|up|down|a\s+year|an\s+increase|a\s+rise|a\s+decline|a\s+drop)\b)", re.I)
# a second number the first pairs with, whose unit both take: "rose to 26,314 and 18,778 tonnes"
_PAIRED = re.compile(r"\s*(?:and|or|to|-|–)\s*\d", re.I)
# the number compared with it writes a physical unit both share: "increased to 393,000 from 333,000 ha"
_COMPARED_UNIT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:from|versus|vs\.?|against)\s+\d[\d,.]*\s+(?P<unit>[A-Za-z]+)")
_CLAUSE_BREAK = re.compile(r"[.;!?:](?:\s|$)|\n|,\s+(?:and|but|while|which|who)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_REACH = 160


@lru_cache(maxsize=4)
def _verb_before(res: Resources) -> re.Pattern:
    """The verb of total or move right before the number, or a change word and its percent before "to": "were off
    15.5 pct to" (counts.yaml `moved_count_change_words`)."""
    verbs = longest_first(res.moved_count_verbs, space=r"\s+")
    changes = longest_first(res.moved_count_change_words, space=r"\s+")
    hedges = listed(res.number_words["carried_compared_hedges"])
    percent = r"(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?\d+(?:\.\d+)?\s?(?:pct|percent|per\s+cent|%)\s+to"
    return re.compile(r"(?<![\w-])(?:" + verbs + r"|(?:" + changes + r")\s+" + percent + r")\s+(?:(?:" + hedges
                      + r")\s+)?$", re.I)


@lru_cache(maxsize=4)
def _units(res: Resources) -> frozenset[str]:
    return frozenset(k.lower() for k in res.physical_units)


def moved_counts(text: str, res: Resources, figures: list[Figure], skipped: list[Skipped]
                 ) -> tuple[list[Figure], list[Skipped]]:
    """Counts for the skipped grouped numbers a verb of total or move stands before; the skips that remain."""
    out, keep = [], []
    for sk in skipped:
        fig = _moved(text, res, figures, sk) if sk.reason == "no_unit" and _GROUPED.fullmatch(sk.text) else None
        (out.append(fig) if fig else keep.append(sk))
    return out, keep


_BREAK_BEFORE = re.compile(r"[.!?](?=\s+[A-Z\"'(])|\n")
_BREAK_AFTER = re.compile(r"[.!?](?=\s+[A-Z\"'(]|\s*$)|\n")
_LOOK_BACK = 2000  # characters searched at a time for the sentence's start: no scan of the whole text per number


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo, breaks = start, []
    while lo > 0 and not breaks:  # endpos: a break's lookahead sees no further than the number
        lo = max(0, lo - _LOOK_BACK)
        breaks = [m.end() for m in _BREAK_BEFORE.finditer(text, lo, start)]
    tail = _BREAK_AFTER.search(text, end)
    return (breaks[-1] if breaks else 0), (tail.end() if tail else len(text))


def _moved(text: str, res: Resources, figures: list[Figure], sk: Skipped) -> Figure | None:
    start, end = sk.start, sk.start + len(sk.text)
    before = text[max(0, start - _REACH):start]
    verb = _verb_before(res).search(before)
    if verb is None or not _AFTER_OK.match(text, end) or _PAIRED.match(text, end):
        return None
    if (m := _COMPARED_UNIT.match(text, end)) and m.group("unit").lower() in _units(res):
        return None
    s0, s1 = _sentence(text, start, end)
    if any(f.kind == "money" and s0 <= f.start < s1 for f in figures):
        return None  # "sales totaled 241,000 against 1.2 mln dlrs": the sentence counts money
    at = start - len(before) + verb.start()
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, s0, at)]
    clause = text[breaks[-1] if breaks else s0:at]
    if {w.lower() for w in _WORD.findall(clause)} & res.moved_count_money_words or index_words(res).search(clause):
        return None  # "net profit totaled 241,000": money with its currency unwritten; "the Nifty dropped to 22,798"
    value = parse_digits(sk.text)
    if value is None or value != value.to_integral_value():
        return None
    return Figure(text=sk.text, start=start, end=end, value=value, low=value, high=value, unit="count", kind="count",
                  rule="figures.count.moved.v1", decimals=decimals_written(sk.text))
