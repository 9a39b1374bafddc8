"""A country written as where a company's or a commodity's figure happened is not its owner (guide 3.7).

"West Texas Intermediate oil ... as of 9:02 a.m. in Singapore after advancing as much as $1.46", "the number
of Teslas in Norway surged by more than 25%", "ADRs in the Beijing-based company ... climbing 13% in New
York": the place follows "in", "at" or "across" and the sentence names, before the figure, a company,
commodity or index that the head also offers. That candidate, the best the head scores among them, takes
the figure. A sentence that names no such candidate keeps the country: "exports in Japan rose 3%".
"""
from __future__ import annotations

import re

from .subject_ranker import choose
from .subjects import FEATURES

_F = {name: i for i, name in enumerate(FEATURES)}
_LOCATIVE = re.compile(r"\b(?:in|at|across|throughout|within)\s+(?:the\s+)?$", re.I)
_OWNER_KINDS = frozenset({"company", "commodity", "index", "crypto", "unit", "name"})


def place_owner(text: str, fig, cands: list, best, head):
    """The sentence's company, commodity or index before the figure where the pick is a country written as a
    place ("in Singapore"); else `best`."""
    if best is None or best.kind != "country" or best.start < 0 \
            or not _LOCATIVE.search(text, max(0, best.start - 12), best.start):
        return best
    others = [c for c in cands if c.kind in _OWNER_KINDS and c.start >= 0 and c.end <= fig.start
              and c.features[_F["in_sentence"]] and not c.features[_F["reporter"]]]
    if not others:
        return best
    pick, _ = choose(others, head)
    return pick if pick is not None else best
