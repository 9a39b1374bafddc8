"""A market wrap writes a stock market's city for its benchmark index: "Shares in Seoul added 0.8%",
"London flat. Paris flat. Frankfurt +0.1%." The move is the index's (guide 3.7), not the city's nor the
story's country's or company's.

The city (`models/lexicons/subjects.yaml` `market_cities`) must stand right before the move, as what
moved ("Frankfurt +0.1%", "Seoul rose 0.3%"), or after "shares/stocks/equities in" earlier in the
figure's clause. A company's own move in a city ("Tesla rose 3% in Frankfurt") keeps its owner: the
city there follows the figure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .subjects import FEATURES, Candidate
from .word_patterns import listed, names_pattern

RULE = "market_cities.v1"

_PERCENT_KINDS = frozenset({"percent", "pp", "word_change"})


@lru_cache(maxsize=4)
def _cities(res: Resources) -> tuple[re.Pattern | None, dict[str, str], re.Pattern, re.Pattern]:
    """(the market cities, city -> index, a move written right after a city, its market's noun before "in")."""
    words = res.subject_words
    move_after = re.compile(r"[\s:,*]*(?:[+\-−]|flat\b|(?:was|were|is|are)?\s*(?:up|down|higher|lower|unchanged)\b|"
                            r"(?:" + listed(words["city_move_words"]) + r")\b)", re.I)
    shares_in = re.compile(r"\b(?:" + listed(words["city_market_nouns"]) + r")\s+in\s+$", re.I)
    return (*names_pattern(words.get("market_cities") or {}), move_after, shares_in)


def market_index(text: str, fig, sent_start: int, cands: list, best, res: Resources):
    """The benchmark index of the market city that moved by `fig` (a Figure), as a candidate; else `best`."""
    if fig.kind not in _PERCENT_KINDS:
        return best
    rx, cities, move_after, shares_in = _cities(res)
    if rx is None:
        return best
    lo = max(sent_start, fig.start - 120)
    found = None
    for m in rx.finditer(text, lo, fig.start):
        between = text[m.end():fig.start]
        if (len(between) <= 25 and (not between.strip(" :*") or move_after.match(between)) and not re.search(r"[.;]\s", between)) \
                or (shares_in.search(text, max(sent_start, m.start() - 40), m.start()) and not re.search(r"[.;]\s", between)):
            found = m
    if found is None:
        return best
    entry = res.alias_index.get(cities[found.group()])
    if entry is None or entry.kind != "index":
        return best
    for c in cands:
        if c.entity_id == entry.entity_id:
            return c
    f = dict.fromkeys(FEATURES, 0.0)
    f["in_sentence"] = f["kind_index"] = f["src_gazetteer"] = f["before"] = 1.0
    return Candidate(entry.name, entry.entity_id, "index", "", "gazetteer", found.start(), found.end(),
                     tuple(f[k] for k in FEATURES))
