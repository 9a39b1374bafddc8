"""An index's level or move in points: "the Nasdaq gained 0.98% to 19,714.27 points", "the Dow soared almost
750 points", "losses extended to 11 points" on an index; and the level a move in points or percent
ends at ("the Nasdaq gained 0.98% to 19,714.27").

A number followed by "points" has no unit of its own, and "points of", "points to" are read as percentage points
(figure_atoms). Where the sentence names a market index (an index of models/gazetteer/indices.yaml, or the
words index, average, benchmark), the number is the index's level or move, as "the 2400 mark" on an index is:
a figure counted in points (unit `count`, the figures' reading of a level). Issue 17, sets s20 and s21 (index
points were the largest class s20 left).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .word_patterns import longest_first

_POINTS_AFTER = re.compile(r"\s+points?\b(?![-'])", re.I)
_SENTENCE = re.compile(r"[.!?](?:\s|$)|\n")


@lru_cache(maxsize=4)
def index_words(res: Resources) -> re.Pattern:
    names = {a for a, e in res.alias_index.items() if e.kind == "index" and len(a) >= 3}
    alt = longest_first(names)
    return re.compile(rf"(?<![\w&])(?:{alt})(?![\w&])|\b(?i:index|indexes|indices|average|benchmark)\b")


# the level after the move in a market wrap: "gained 0.98% to 19,714.27", "rose 92.1 points, or 0.33%, to 27,783.59";
# a statistics office's words of the month between: "fell 0.1 pct in February from a month earlier to 86.4" (f11)
_MOVE_THEN_LEVEL = re.compile(r"\d(?:\s?%|\s+(?:points?|percent|pct)\b)[^.;\n\d]{0,40}\b(?:to|at)\s+$", re.I)
_LEVEL_END = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$|\s(?:on|in|at|by|for|after|before|while|as|and|points?|from)\b)", re.I)


@lru_cache(maxsize=4)
def _chart_level(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """(a level noun after a number, a chart's level word before it): number_words.yaml `level_nouns`, `chart_words`.
    The range's second end may stand between ("49,250-49,000 levels")."""
    nw = res.number_words
    nouns = longest_first(nw["level_nouns"], space=r"[\s-]+")
    chart = longest_first(nw["chart_words"], space=r"[\s-]+")
    after = re.compile(r"(?:\s*(?:[-–]|to)\s*\d[\d,]*(?:\.\d+)?)?\s+(?:" + nouns + r")\b", re.I)
    before = re.compile(r"\b(?:" + chart + r")(?:\s+(?:level|zone|area))?(?:\s+(?:is|was|seen|placed|kept))?\s+"
                        r"(?:of|at|near|around|to|above|below|toward|towards|from)\s+(?:the\s+)?(?:about\s+)?$", re.I)
    return after, before


def index_points(text: str, start: int, end: int, res: Resources) -> bool:
    """Whether the number at text[start:end] counts an index's points.

    >>> from pipeline.resources import load_resources
    >>> t = "The Dow Jones Industrial Average soared almost 750 points."
    >>> index_points(t, 47, 50, load_resources())
    True
    >>> t = "The dollar index was last seen 0.1 points to 108.22."
    >>> index_points(t, 45, 51, load_resources())
    True
    >>> t = "The team scored 750 points this season."
    >>> index_points(t, 16, 19, load_resources())
    False
    """
    level_after, chart_before = _chart_level(res)
    if not _POINTS_AFTER.match(text, end) and not (_MOVE_THEN_LEVEL.search(text, max(0, start - 60), start)
                                                   and _LEVEL_END.match(text, end)
                                                   and not re.fullmatch(r"(?:1[89]|20)\d\d", text[start:end])):
        # "near the 49,800 level", "a stop-loss of 49,800": a chart's level of the index the sentence names (s25)
        if not (level_after.match(text, end) or chart_before.search(text, max(0, start - 40), start)):
            return False
    breaks = [m.end() for m in _SENTENCE.finditer(text, 0, start)]
    s = breaks[-1] if breaks else 0
    nxt = _SENTENCE.search(text, end)
    return bool(index_words(res).search(text, s, nxt.start() if nxt else len(text)))

