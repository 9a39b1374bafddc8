"""A market's or an industry's size is `other` (rule `claims.market_size.v1`).

"The location data market was valued at $10 billion last year", "the $3 trillion industry", "a $60 billion global
language learning market": METRIC_LABELING_GUIDE.md files market and industry sizes under `other`, even when written
"valued at" (a market value cue) or "generated" (a revenue cue). A traded market's total ("the stock market was valued
at", "the crypto market retraced to $2.8 trillion") is a market value and is left to the cues. Amounts of money only:
"the market fell 2%" is a move.

The words are data (`models/lexicons/market_sizes.yaml`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .word_patterns import longest_first

RULE = "claims.market_size.v1"
_WORD = r"[\w.'’&/-]+"


def _alt(words) -> str:
    return longest_first(words, space=r"\s+")


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """(the whole before its link and the figure, the figure before the whole it sizes)."""
    data = res.market_sizes
    wholes, quoted, not_after = _alt(data["wholes"]), _alt(data["quoted"]), _alt(data["not_after"])
    qual = rf"(?:(?:{_alt(data['qualifiers'])})\s+)?"
    # "the location data market was valued at", "The market for dynamic random-access memory is set to reach":
    # up to three words before the whole, none of them a traded market's
    mods = rf"(?:(?!(?:{quoted})\b){_WORD}\s+){{0,3}}"
    before = re.compile(rf"(?:^|\b(?:the|a|an|its|this|that|global|world|worldwide)\s+|[,;:(]\s*){mods}(?:{wholes})"
                        rf"(?:\s+for\s+(?:{_WORD}\s+){{1,4}}?)?\s+(?:(?:{_alt(data['links'])})\s+){qual}$", re.I)
    # "the $3 trillion industry", "a $60 billion global language learning market"
    # (the figure's own modifiers only: "$300 million in the U.S. market" is an amount in a market, not its size)
    plain = rf"(?:(?!(?:{quoted}|{_alt(data['function_words'])})\b){_WORD}\s+){{0,3}}"
    after = re.compile(rf"\s+{plain}(?:{wholes})\b(?!\s+(?:{not_after})\b)", re.I)
    return before, after


def market_size_metric(res: Resources, before: str, after: str) -> str | None:
    """'other' for an amount of money whose clause (`before` it, `after` it) sizes a market or an industry, else None.

    >>> from pipeline.resources import load_resources
    >>> M = load_resources()
    >>> market_size_metric(M, "The location data market was valued at ", " last year")
    'other'
    """
    before_rx, after_rx = _patterns(res)
    if before_rx.search(before[-120:]) or after_rx.match(after):
        return "other"
    return None
