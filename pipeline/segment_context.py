"""Segment context: the part a figure is about when its own sentence names it only by reference to an earlier one.

- a figure that restates the one before it or gives its earlier value takes its part: "$80, down from $110"
  (segment_frames.restated_part);
- a debt instrument the story named before, taken up by a definite reference in the figure's sentence: "LONDON -
  British Land Co Plc convertible eurobond issued yesterday has been raised ... The coupon has been fixed at 7.50
  pct", "... is planning a 100 mln U.S. Dlr multi-option note issuance facility ... The facility is underwritten up
  to 75 mln dlrs", "The Treasury will also offer ... six-month bills ... The bills replace maturing paper worth ...".
  A reference by the instrument's own noun ("the facility", "the bills") takes the story's first mention of that
  noun; one by a word every issue has ("the coupon", "the two issues") the story's first instrument. A program or a
  facility counts only when its name is a debt's ("Euro-commercial paper program", "note issuance facility"), not a
  buyback's.

The word lists are segments.yaml's (`referring_nouns`, `instrument_references`, `debt_words`); the cases are in
tests/test_segment_context.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import Resources
from .segment_frames import restated_part
from .segments import words_alternation

RULE = "segment_context.v1"
_LOOK_BACK = 3000  # characters of the story before the sentence where the instrument is named
_MAX_MODIFIERS = 6
# characters before the figure where the reference stands: "The coupon has been fixed at 5-1/4 pct compared with the
# indicated range of 5-1/4 to 5-1/2 pct"; not a clause away ("the debenture offering, X said it plans ..., which owns")
_REFERENCE_REACH = 80


@dataclass(frozen=True)
class ContextWords:
    reference: re.Pattern  # "The coupon", "the facility", "Under the program", "the two issues"
    mention: re.Pattern  # an instrument's noun in the story before ("eurobond", "bills", "facility")
    any_issue: frozenset[str]  # referring nouns every issue has: they take the story's first instrument
    debt: frozenset[str]  # words that make a program's or a facility's name a debt's


@lru_cache(maxsize=4)
def context_words(res: Resources) -> ContextWords:
    lists = res.segment_lists
    any_issue = frozenset(lists["referring_nouns"])
    nouns = words_alternation([*any_issue, *lists["instrument_references"]])
    return ContextWords(
        reference=re.compile(r"\b(?:the|this|these|both)\s+(?:(?:two|three|new|same)\s+)?(?P<noun>" + nouns +
                             r")\b(?!\s+(?:market|markets|yields?|prices?|futures))", re.I),
        mention=re.compile(r"\b(?P<noun>" + words_alternation(lists["instrument_references"]) + r")\b(?P<due>\s+due\s+"
                           r"(?:\w+\.?\s+\d{1,2},\s+)?(?:19|20)\d\d)?", re.I),
        any_issue=any_issue, debt=frozenset(lists["debt_words"]))


_TOKEN = re.compile(r"\S+")
# what ends an instrument's name, read back from its noun: a function word, a verb, an owner ("Today's"), a ticker
_NAME_STOPS = frozenset("a an the its their his her our this that these those of by to for from with in on at as and "
                        "or is are was were be has have had will would said says plans planning issuing issued "
                        "sell sells selling sold offer offers offering offered raise raises raising".split())


def _named_instrument(text: str, m: re.Match, words: ContextWords) -> str:
    """The instrument's name ending at its noun: up to six words before it that are no stop ("a 15 billion yen bond
    due April 21, 1992" -> "15 billion yen bond due April 21, 1992"), "" when none is (a bare "the bonds")."""
    kept: list[str] = []
    for tok in reversed(_TOKEN.findall(text[max(0, m.start() - 80):m.start()])):
        low = tok.lower()
        if low in _NAME_STOPS or low.endswith(("'s", "’s", ",", ".", ";", ":", ")")) or "<" in tok or ">" in tok or \
                len(kept) >= _MAX_MODIFIERS:
            break
        kept.insert(0, tok.strip("\"“”"))
    if not kept:
        return ""
    noun = m.group("noun").lower()
    if noun in ("program", "programme", "facility") and not any(w.lower().strip("-") in words.debt or
                                                                  w.lower().split("-")[-1] in words.debt for w in kept):
        return ""  # "its share repurchase program": no debt's
    return " ".join([*kept, m.group("noun") + (m.group("due") or "")])


def _singular(noun: str) -> str:
    noun = noun.lower()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def referred_instrument(text: str, sent_start: int, fig_start: int, res: Resources) -> str:
    """The debt instrument named earlier in the story that a definite reference before the figure takes up, or ""."""
    words = context_words(res)
    ref = None
    for ref in words.reference.finditer(text, max(sent_start, fig_start - _REFERENCE_REACH), fig_start):
        pass
    if ref is None:
        return ""
    wanted = _singular(ref.group("noun"))
    any_issue = ref.group("noun").lower() in words.any_issue
    lo = max(0, sent_start - _LOOK_BACK)
    for m in words.mention.finditer(text, lo, sent_start):
        if any_issue or _singular(m.group("noun")) == wanted:
            name = _named_instrument(text, m, words)
            if name:
                return name
    return ""


def context_part(text: str, previous: tuple[int, str], sent_start: int, fig_start: int, res: Resources) -> str:
    """The part an earlier figure or sentence names for the figure at fig_start: the figure before's when this one
    restates it, else the instrument a definite reference takes up, else ""."""
    return (restated_part(text, previous, fig_start) if previous[0] >= sent_start else "") or \
        referred_instrument(text, sent_start, fig_start, res)
