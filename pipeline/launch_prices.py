"""Launch prices: the product a price is for when the story gives it with the product's launch or availability, not
with a price verb right after the product's name (segment_frames.priced_product):

- a launch verb and its object, then "for" and the price: "the company launched its Roku TV Wireless Speakers for
  $199", "The company has introduced a Wacom One display that lets you draw directly on a screen for $400";
- an availability phrase with its date between: "The new Fire TV Cube, available June 21 for $119", "Available this
  spring for $79, the Smart Clock includes ...".

A launch's object is a product, never a company or a stake bought or sold (those verbs are not launch verbs). The
launch verbs are segments.yaml's `launch_verbs`; the cases are in tests/test_segment_frames.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .word_patterns import listed
from .segments import SUBJECT_CUT, SUBJECT_LEAD, MAX_WORDS, SegmentWords, words_alternation, has_content, trim_phrase

RULE = "launch_prices.v1"
# what ends a launched product's name: a relative clause, a preposition of use, the next clause
_OBJECT_END = re.compile(r"\s(?:that|which|who|with|to|at|in|on|from|and|or|by|as)\s|[,;:()\u2014\u2013]|\s-\s")
_NAMED_AFTER = re.compile(r"^\s*,\s+(?:the|its|their)\s+(?:(?:new|all-new|latest)\s+)?"
                          r"(?P<np>[A-Z][\w+.-]*(?:\s+[A-Z0-9][\w+.-]*){0,4})")


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a launch verb, its product and "for" before the price; "available ... for" before it; a product's name
    after the verb that calls it so), from segments.yaml's launch lists."""
    words = res.segment_lists
    hedges = listed(words["launch_hedges"], space=r"\s+")
    launch = re.compile(r"\b(?:" + words_alternation(words["launch_verbs"]) + r")\s+(?:its|their|his|her|a|an|the)\s+"
                        r"(?:(?:" + listed(words["launch_modifiers"]) + r")\s+)?"
                        r"(?P<np>[^.;]{1,90}?)\s+for\s+(?:(?:" + hedges + r")\s+)?$")
    available = re.compile(r"(?:^|,?\s+)(?:(?:is|are|will\s+be|now|also|be)\s+)*available\s+(?:[\w.]+\s+){0,3}?for\s+"
                           r"(?:(?:" + listed(words["available_hedges"]) + r")\s+)?$", re.I)
    called = re.compile(r"^.*\b(?:" + listed(words["naming_verbs"]) + r")\s+(?:the\s+)?", re.I)
    return launch, available, called


def _named(phrase: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    phrase = trim_phrase(phrase, words, entity_words)
    return phrase if phrase and len(phrase.split()) <= MAX_WORDS and has_content(phrase, words, entity_words) else ""


def launched_item(before: str, after: str, res: Resources, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The product a launch or availability phrase gives the price of, or ""."""
    tail = before[-160:]
    launch_rx, available_rx, called_rx = _patterns(res)
    m = launch_rx.search(tail)
    if m is not None:
        np = m.group("np")
        end = _OBJECT_END.search(np)
        return _named(np[:end.start()] if end else np, words, entity_words)
    m = available_rx.search(tail)
    if m is None:
        return ""
    head = "" if re.search(r"[.!?:]\s*$", tail[:m.start()]) else re.sub(r"\s+and$", "", tail[:m.start()])
    cuts = list(SUBJECT_CUT.finditer(head))  # "Assistant. Available ...", "the iPad Mini and available now for"
    head = SUBJECT_LEAD.sub("", called_rx.sub("", (head[cuts[-1].end():] if cuts else head).strip()))
    if head:
        return _named(head, words, entity_words)
    named = _NAMED_AFTER.match(after[:80])  # "Available this spring for $79, the Smart Clock includes"
    return _named(named.group("np"), words, entity_words) if named else ""
