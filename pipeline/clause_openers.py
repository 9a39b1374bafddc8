"""A candidate that opens its sentence or clause: the clause's subject, read by word order alone.

"Accion Venture Lab launched a $24 million fund", "NTPC's second bond issue raised 4.51 billion
rupees", "Shares in Skyward Specialty added 9.6 percent", "While Umicore said it expects ..." : the
name the clause opens with, before the figure, is what the clause is about. The main company of the
story or the country of its headline, named nowhere in the sentence, is not. Without the parse the
subject head (pipeline/subjects.py) had only where a name stands among the other names
("first_in_sentence"); this says where it stands in the clause: nothing but the words of
`models/lexicons/subjects.yaml` `clause_openers` ("the", "shares in", "while", "at", a "-based"
description) between the clause's start and the name. A feature of the head, not a rule.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .identity import slug
from .subjects import FEATURES, is_reporter, subject_words, written_lower

RULE = "clause_openers.v1"

# where a clause starts: a sentence's start, a semicolon or colon, a dash between spaces, a line break,
# a comma before a joining word ("..., while Bet365 had 10%")
_BREAK = re.compile(r"[;:]\s|\s[-–—]\s|\n|,\s+(?=(?:while|but|and|whereas|followed by)\s)|[.!?]\s")
_LEAD_PUNCT = re.compile(r"^[\s*•#>|_\"'“‘(\[\-–—\\]+")
_DESCRIPTION = r"(?:[A-Z][\w.&'’]*\s+){0,3}[\w.&'’]+-(?:based|backed|listed|owned|headquartered|focused)"


@lru_cache(maxsize=4)
def _opener_rx(res: Resources) -> re.Pattern | None:
    words = sorted((str(w).lower() for w in res.subject_words.get("clause_openers") or ()), key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?:(?:" + alt + r"|" + _DESCRIPTION + r"),?\s+)*", re.I)


def opens_clause(text: str, sent_start: int, start: int, fig_start: int, res: Resources) -> float:
    """1.0 when the name at `start`, before the figure, opens its sentence or clause; else 0.0."""
    if start < sent_start or start >= fig_start:
        return 0.0
    rx = _opener_rx(res)
    if rx is None:
        return 0.0
    head = text[sent_start:start]
    cut = 0
    for m in _BREAK.finditer(head):
        cut = m.end()
    prefix = _LEAD_PUNCT.sub("", head[cut:])
    return float(rx.fullmatch(prefix) is not None)


_F = {name: i for i, name in enumerate(FEATURES)}
_LIST_LINE = re.compile(r"[ \t]*(?:[*•|#>]|-\s|\\\*)")
_NOT_OPENERS = frozenset({"segment", "currency", "person"})


def opener_owner(text: str, fig, sent_start: int, cands: list, best, res: Resources):
    """The candidate that opens the figure's clause, where the head's pick is named nowhere in the sentence; else `best`."""
    if best is None or best.features[_F["in_sentence"]] or _LIST_LINE.match(text, sent_start):
        return best  # "* Core ED business contributed ...": a results list's line is its company's part
    words = subject_words(res)
    for c in sorted(cands, key=lambda c: -c.start):
        f = c.features
        if not f[_F["in_sentence"]] or not f[_F["before"]] or not f[_F["same_clause"]] or f[_F["figure_between"]] \
                or f[_F["reporter"]] or c.kind in _NOT_OPENERS:
            continue
        if c.source == "name" and c.entity_id == slug(c.entity) and all(
                written_lower(w, text, words) for w in re.findall(r"[A-Za-z]{3,}", c.entity)):
            continue  # "Mineral Reserves for the pit", "Entertainment & Services delivered": capitalised common nouns
        if c.source == "name" and c.entity_id == slug(c.entity) and " " in c.entity \
                and res.alias_index.get(c.entity.split()[0]) is not None:
            continue  # "The Fitbit Charge 4 is on sale for $100": a known company's product (product_makers.py)
        if c.entity.isupper() and len(c.entity.split()) >= 3:
            continue  # "**CLICK HERE FOR THE CHART** The stock ...": a link's or a heading's capitals, no name
        if any(is_reporter(" ".join(c.entity.split()[:k]), words) for k in range(1, len(c.entity.split()))):
            continue  # "Wells Fargo Bank NA has agreed to syndicate ...": a broker's or bank's own arm
        if _speech_that(text, c.end, res):
            continue  # "Roger Almond noted that 70%-75% of revenue ...": a speaker of the story's company's figure
        if opens_clause(text, sent_start, c.start, fig.start, res):
            return c
    return best


@lru_cache(maxsize=4)
def _speech_rx(res: Resources) -> re.Pattern | None:
    verbs = sorted((str(v) for v in res.subject_words.get("speech_verbs") or ()), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(v) for v in verbs) + r")\s+that\b", re.I) if verbs else None


def _speech_that(text: str, end: int, res: Resources) -> bool:
    """The name is followed by a verb of speech and "that": it says the clause, it does not own its figure."""
    rx = _speech_rx(res)
    return rx is not None and rx.match(text, end) is not None
