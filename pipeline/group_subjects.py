"""A group named as the subject of its figure's clause: the group as written is the entity.

"AI startups raised $110 billion", "During the confirmation fight, liberal groups spent more than $1 million",
"noting that public companies now hold over $55 billion", "The location data market was valued at $10 billion":
the clause opens with a common noun phrase whose head is a plural noun of agents (`models/lexicons/subjects.yaml`
`group_nouns`) or a market or industry with a modifier (`group_markets`), and nothing but lower-case words (its
verb, an adverb, "more than") stands between that phrase and the figure. The labeling guide takes such a group as
the holder or subject ("Japanese investors", "big U.S. banks"); no name the sentence or the story offers is.
So is the group a compared figure is of: "compared to 178 bps for private banks", "vs. 33% for the European
insurance sector" (both in the modern dump, the only two such phrasings in the three dumps).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .identity import slug
from .resources import Resources
from .subjects import FEATURES, Candidate
from .word_patterns import caseless_alternation, listed

RULE = "group_subjects.v1"

# where the figure's clause starts: the sentence's start, a comma, semicolon or colon, "that", a dash
_BREAK = re.compile(r"[,;:]\s|\bthat\s|\s[-–—]\s|\n|[.!?]\s")


@lru_cache(maxsize=4)
def _words(res: Resources) -> tuple[str, str, re.Pattern]:
    """A modifier, the determiner before the group, and the words between the group and the figure: subjects.yaml
    `group_not_modifiers`, `group_determiners`, `group_rest_stops`."""
    words = res.subject_words
    # a modifier: a word that is no function word, number or possessive ("AI", "U.S.-focused", "oil", "liberal")
    word = (r"(?!(?:" + listed(words["group_not_modifiers"]) + r")\s)(?![\w.&/+-]*['’]s?\s)(?!\d)[\w.&/+-]+")
    determiners = r"(?:(?:" + listed(words["group_determiners"]) + r")\s+)?"
    # between the group and the figure: its verb, adverbs, "more than"; no preposition that brings in another noun
    rest = re.compile(r"(?:(?!(?:" + listed(words["group_rest_stops"]) + r")\s)[a-z][a-z'’-]*\s+){1,5}")
    return word, determiners, rest


@lru_cache(maxsize=4)
def _group_phrase(res: Resources) -> str | None:
    """A determiner, then the group's noun phrase as `np`: modifiers and a plural noun of agents, or modifiers and a
    market word; None when subjects.yaml lists neither."""
    nouns = sorted((str(w).lower() for w in res.subject_words.get("group_nouns") or ()), key=len, reverse=True)
    markets = sorted((str(w).lower() for w in res.subject_words.get("group_markets") or ()), key=len, reverse=True)
    if not nouns and not markets:
        return None
    plural = caseless_alternation(nouns) or "(?!)"
    single = caseless_alternation(markets) or "(?!)"
    word, determiners, _ = _words(res)
    return (determiners + r"(?P<np>(?:" + word + r"\s+){0,3}(?:" + plural + r")|(?:" + word + r"\s+){1,3}(?:"
            + single + r"))")


@lru_cache(maxsize=4)
def _group_rx(res: Resources) -> re.Pattern | None:
    phrase = _group_phrase(res)
    return None if phrase is None else re.compile(r"^\s*" + phrase + r"\s+(?P<rest>.*)$", re.I | re.S)


@lru_cache(maxsize=4)
def _compared_before(res: Resources) -> re.Pattern:
    """A figure set against the one before it, then "for" and the group it is of: "compared with 20-30x for U.S.
    mega-cap tech", "versus 15% for European banks" (subjects.yaml `compared_words`, `compared_hedges`)."""
    words = res.subject_words
    return re.compile(r"\b(?:" + listed(words["compared_words"], space=r"\s+") + r")\s+(?:(?:"
                      + listed(words["compared_hedges"]) + r")\s+)?$", re.I)


@lru_cache(maxsize=4)
def _compared_group_rx(res: Resources) -> re.Pattern | None:
    phrase = _group_phrase(res)
    return None if phrase is None else re.compile(r"\s+for\s+" + phrase + r"(?![\w-])", re.I | re.S)


def group_owner(text: str, fig, sent_start: int, best, res: Resources):
    """A candidate for the group the figure's clause opens with ("AI startups raised $110 billion"), or the group a
    compared figure is of ("compared with 20-30x for U.S. mega-cap tech"); else `best`."""
    rx = _group_rx(res)
    if rx is None:
        return best
    if _compared_before(res).search(text, max(sent_start, fig.start - 40), fig.start):
        after = _compared_group_rx(res).match(text, fig.end)
        if after is not None:
            np_text = after.group("np")
            return Candidate(np_text, slug(np_text), "group", "", "group", after.start("np"), after.end("np"),
                             tuple(0.0 for _ in FEATURES))
    head = text[sent_start:fig.start]
    cut = 0
    for m in _BREAK.finditer(head):
        cut = m.end()
    m = rx.match(head[cut:])
    if m is None or not _words(res)[2].fullmatch(m.group("rest")):
        return best
    np_text = m.group("np")
    start = sent_start + cut + m.start("np")
    if best is not None and best.start >= start + len(np_text) and best.start < fig.start:
        return best  # a name between the group and the figure
    return Candidate(np_text, slug(np_text), "group", "", "group", start, start + len(np_text),
                     tuple(0.0 for _ in FEATURES))
