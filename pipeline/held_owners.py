"""A stake's figure is the company held when the sentence names it (guide 3.4: "Ownership (`52.4% owned by X`,
`X holds 9.8% of Y`): the company owned (Y) when it is named, else the holder").

Two word orders name the company held beside the figure:
- after it, through "of"/"in" and the words of what is held (`models/lexicons/holdings.yaml` `held_nouns`):
  "offer ... to acquire about 60 percent of Dish TV India Ltd.", "agreed to sell 80 pct of their interests in RMJ
  Holding Corp", "intends to subscribe for two mln shares of Nippon Lace"; a count must be of shares ("shares",
  "units", "stock" among the words), and a company written as a possessive must be followed by what is held
  ("3.3 pct of Northern Star's current issued capital", not "30% of Foxconn's sales");
- before it, where a participle of ownership follows the figure (`owned_words`): "Saudi-French, 40 pct owned by
  Banque Indosuez", "Honeywell Bull, is 42.5 pct owned by Honeywell Inc, 42.5 pct by Bull": the last company
  before the first "owned by" of the sentence, which keeps the list's later figures ("42.5 pct by Bull").
The held company must be one of the figure's candidates (a company, a unit or a name the lists do not know).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .word_patterns import listed

RULE = "held_owners.v1"
_OWNER_KINDS = frozenset({"company", "unit", "name"})
_SHARE_WORDS = frozenset({"share", "shares", "units", "stock"})
_WORD = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")


@lru_cache(maxsize=4)
def _words(res: Resources) -> tuple[frozenset[str], re.Pattern]:
    """holdings.yaml: the nouns of what is held, and the pattern of "owned by" and its synonyms."""
    held = frozenset(str(w).lower() for w in res.holdings["held_nouns"])
    return held, re.compile(r"\b(?:" + listed(res.holdings["owned_words"]) + r")\s+by\b", re.I)


def _after_owner(text: str, fig, cands: list, held: frozenset[str]):
    """The company named after the figure through "of"/"in" and the held words ("60 percent of Dish TV")."""
    for c in sorted((c for c in cands if c.start >= fig.end and c.kind in _OWNER_KINDS), key=lambda c: c.start):
        gap = text[fig.end:c.start]
        if len(gap) > 80 or "\n" in gap:
            return None
        words = [w.lower() for w in _WORD.findall(gap) if w not in "<"]
        if not words or words[-1] not in ("of", "in", "the") or not all(
                w in held or w in ("of", "in") for w in words):
            return None
        if "in" in words and not any(w in held for w in words[:words.index("in")]):  # "rose 5% in Apple trading"
            return None
        if fig.kind == "count" and not _SHARE_WORDS & set(words):
            return None
        if _possessive(text, c):  # "Hughes' earnings", "Foxconn's sales": no stake
            nxt = _WORD.findall(text[c.end:c.end + 40].lstrip("'’s "))
            if not nxt or nxt[0].lower() not in held:
                return None
        return c
    return None


def _possessive(text: str, c) -> bool:
    return text[c.end:c.end + 2] in ("'s", "’s") or text[c.end:c.end + 1] in ("'", "’") or text[
        c.end - 2:c.end] in ("'s", "’s")


def _before_owner(text: str, fig, sent_start: int, cands: list, owned: re.Pattern):
    """The company before "N pct owned by" ("Saudi-French, 40 pct owned by"), kept by the list's later figures."""
    after = text[fig.end:fig.end + 40]
    first = owned.search(text, sent_start, fig.start + 40)
    if first is None:
        return None
    if not (owned.match(after.lstrip()) or (first.start() < fig.start and re.match(r"\s*by\b", after))):
        return None
    limit = min(first.start(), fig.start)
    before = [c for c in cands if c.kind in _OWNER_KINDS and sent_start <= c.start and c.end <= limit
              and not _possessive(text, c)  # "Northern Telecom, North America's second largest ..., is 52 pct"
              and not re.search(r"\bby\s+(?:the\s+)?$", text[max(sent_start, c.start - 12):c.start])]
    return max(before, key=lambda c: c.start) if before else None


def held_owner(text: str, fig, sent_start: int, cands: list, best, res: Resources):
    """The company a stake's figure is of (module doc); else `best`."""
    if fig.kind not in ("percent", "count"):
        return best
    held, owned = _words(res)
    found = _after_owner(text, fig, cands, held)
    if found is None:
        found = _before_owner(text, fig, sent_start, cands, owned)
    return found if found is not None else best
