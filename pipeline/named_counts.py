"""Named counts: a bare number after "to" or "by" counts the business quantity its clause names just before.

"cutting staff to 125 from 300", "increase the number of robots at Belvidere to 244 from 41", "the company increased the
shares to 200,000", "its worldwide workforce has been reduced by 11,000", "bringing the total number of bank failures
this year to 51": the number writes no noun, the count noun (counts.yaml `count_nouns`, `count_heads`) or "the number
of" and a plural stands a few words before "to"/"by" in the same clause, and figures.resolve_figures skipped the
number for want of a unit. It becomes a count (rule figures.count.named.v1), and carried_counts then carries the count
to the number it is compared with ("from 300"). Issue 17, w23-w24: about 1 wire article in 150 writes a count so.

Not a count: a share's price ("its shares rose to 42": a share noun takes only a number with thousands groups), a
clause that names money or an index ("cut staff costs by 20"), a year, a fraction, a number with a noun of its own.

>>> from pipeline.resources import load_resources
>>> res = load_resources()
>>> t = "It is cutting staff to 125 from 300."
>>> [(f.text, f.value, f.unit) for f in named_counts(t, res, [Skipped("125", 23, "no_unit")])[0]]
[('125', Decimal('125'), 'count')]
"""
from __future__ import annotations

import re
from decimal import Decimal  # noqa: F401 (the module example uses it)
from functools import lru_cache

from .figure_signs import signed
from .index_points import index_words
from .numbers import decimals_written, parse_digits, parse_words
from .records import Figure, Skipped
from .resources import Resources
from .word_patterns import caseless_alternation, listed

_REASONS = ("no_unit", "number_word")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# after the number: the clause ends or goes on with a comparison, a preposition or a word of time, no noun of its own
_AFTER_OK = re.compile(r"(?=\s*(?:[,;:)]|\.(?:\s|$)|$))|\s+(?=(?:in|at|on|by|the|last|this|next|previous|earlier|"
                       r"before|after|since|during|for|over|when|as|and|but|while|with|from|versus|vs\.?|compared|"
                       r"against|year-earlier|year-ago|a\s+year|within|through|under)\b)", re.I)
_WORDS_BETWEEN = 6  # "the number of robots at Belvidere to", "staff positions were cut by"


@lru_cache(maxsize=4)
def _named_before(res: Resources) -> re.Pattern:
    """The count noun, or "number of" and a plural, then a few words with no number or clause break, then "to"/"by"
    and a hedge right before the number."""
    nouns = caseless_alternation(res.count_nouns | res.count_heads)
    hedges = listed(res.number_words["carried_compared_hedges"])
    return re.compile(rf"\b(?P<noun>{nouns}|number\s+of\s+(?:[a-z-]+\s+)?[a-z]+s)\b(?P<gap>(?:\s+[A-Za-z][\w'’&.-]*)"
                      rf"{{0,{_WORDS_BETWEEN}}}?)\s+(?:to|by)\s+(?:(?:{hedges})\s+)?$", re.I)


@lru_cache(maxsize=4)
def _share_nouns(res: Resources) -> frozenset[str]:
    return frozenset(w.lower() for w in res.number_words["share_price_nouns"])


def named_counts(text: str, res: Resources, skipped: list[Skipped]) -> tuple[list[Figure], list[Skipped]]:
    """Counts for the skipped bare numbers whose clause names the counted noun before "to"/"by"; the skips that
    remain."""
    if not res.count_nouns:
        return [], skipped
    out, keep = [], []
    for sk in skipped:
        fig = _named(text, res, sk) if sk.reason in _REASONS else None
        (out.append(fig) if fig else keep.append(sk))
    return out, keep


def _named(text: str, res: Resources, sk: Skipped) -> Figure | None:
    start, end = sk.start, sk.start + len(sk.text)
    before = text[max(0, start - 120):start]
    m = _named_before(res).search(before)
    if m is None or not _AFTER_OK.match(text, end) or _YEAR.fullmatch(sk.text):
        return None
    noun, gap = m.group("noun").lower(), m.group("gap")
    if re.search(r"[.;!?](?:\s|$)", gap) and not re.search(r"\b[A-Z]\.\s", gap):
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", before[max(0, m.start() - 40):])}
    if words & res.moved_count_money_words or index_words(res).search(before[m.start():]):
        return None  # "cut staff costs by 20", "the index of shares rose to 290": money or a level, not a count
    if noun in _share_nouns(res) and not _GROUPED.fullmatch(sk.text):
        return None  # "its shares rose to 42": a share's price
    value = parse_words(sk.text, res.number_words) if sk.reason == "number_word" else parse_digits(sk.text)
    if value is None or value != value.to_integral_value() or value < 1:
        return None
    fig = Figure(text=sk.text, start=start, end=end, value=value, low=value, high=value, unit="count", kind="count",
                 rule="figures.count.named.v1", decimals=decimals_written(sk.text))
    return signed(text, fig, res)  # "workforce has been reduced by 11,000": a fall
