"""An amount held now, and one traded (called by `claim_dating._undated_period`).

A figure whose text names no period and whose words before it say it is held ("The two investors control around
$2 billion of Apple stock", "Borrowers from the farm credit system hold some four billion dlrs in system stock") or
stands as an estimate of a standing amount ("his wealth estimated at $7.9 billion", "reserves to a depth of 1,200
feet are estimated at over one mln tons") is a point: it holds on the day the story reports (CLAIM_LABELING_GUIDE.md
6: points, ownership, a stake), not an event with no period; so is what a company has or runs ("Sycamore has 111
women's apparel stores", "Ark Restaurants owns and operates 16 restaurants"), not a holding to come ("it will have
about 28.5 mln shares outstanding"). The verbs and nouns are models/lexicons/periods.yaml `holding_verbs` (present
tense only: "Guinea held 50 pct" is a past holding) and `standing_nouns`.

An amount a sale or purchase is made for, its sentence naming no period ("bought the stake ... for 266,958 dlrs", "Kimbal
Sells $28M Worth of Stock", "sold a stake of about 30% in the IPO, raising 225 million shekels", "shareholders would
receive for each share 29 dlrs cash"), is the value of an event: no period (CLAIM_LABELING_GUIDE.md 6: a deal's value,
a one-off payment), not a stake or cash held on the published day. A day the filing's paragraph names for the trades
dates it later (trade_days.py). The verbs are periods.yaml `traded_verbs`, the words between the verb and the amount
`traded_links`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .pattern_guards import may_match
from .records import Figure
from .resources import Resources
from .word_patterns import longest_first

_QUALIFIERS = (r"(?:\s+(?:about|around|some|over|nearly|almost|roughly|approximately|more\s+than|less\s+than|"
               r"at\s+least|just))*")
# not a holding: a plan to hold ("asked for clearance to hold more than 30 mln dlrs of Intermedics stock"), "own" as a
# possessive's adjective ("followed up with their own $1 billion initiatives")
_NOT_HELD = (r"(?<!\bto\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)(?<!\bmy\s)(?<!\btheir\s)"
             r"(?<!\byour\s)(?<!\bthe\s)")
_REACH = 80  # characters before the figure
# a holding to come, a modal and at most one word before the verb: "it will have about 28.5 mln shares outstanding",
# "About 19% of the workers will even have more than 50% of their work tasks taken away"
_TO_COME = re.compile(r"\b(?:will|would|could|may|might|should|must|can)\s+(?:\w+\s+)?$", re.I)


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    verbs = longest_first(res.periods["holding_verbs"], space=r"\s+")
    nouns = longest_first(res.periods["standing_nouns"], space=r"\s+")
    held = re.compile(_NOT_HELD + r"\b(?:" + verbs + r")\b" + _QUALIFIERS + r"\s*$", re.I)
    standing = re.compile(r"\b(?:" + nouns + r")\b[^.;:$]{0,50}?\b(?:estimated|valued|put)\s+at" + _QUALIFIERS
                          + r"\s*$", re.I)
    return held, standing


_TRADE_REACH = 150  # characters of the sentence before the figure
_TRADE_GAP = 90  # the most between the verb and the link word before the amount


@lru_cache(maxsize=4)
def _traded(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    verbs = longest_first(res.periods["traded_verbs"], space=r"\s+")
    links = longest_first(res.periods["traded_links"], space=r"\s+")
    linked = re.compile(r"\b(?:" + verbs + r")\b[^.;:!?]{0,%d}?\b(?:" % _TRADE_GAP + links + r")" + _QUALIFIERS
                        + r"\s*$", re.I)
    bare = re.compile(r"\b(?:" + verbs + r")" + _QUALIFIERS + r"\s*$", re.I)  # "Kimbal Sells $28M Worth of Stock"
    worth = re.compile(r"\s+worth\b", re.I)
    return linked, bare, worth


def traded(fig: Figure, text: str, sentence_start: int, res: Resources) -> bool:
    """Whether the words before the figure in its sentence make it the amount a sale or purchase is made for."""
    linked, bare, worth = _traded(res)
    lo = max(sentence_start, fig.start - _TRADE_REACH)
    return linked.search(text, lo, fig.start) is not None or (
        bare.search(text, lo, fig.start) is not None and worth.match(text, fig.end) is not None)


def held_now(fig: Figure, text: str, clause_start: int, res: Resources) -> bool:
    """Whether the words right before the figure, in its clause, say it is held now or a standing amount (not a
    change written in words: "it has doubled capacity")."""
    if fig.kind == "word_change":
        return False
    held, standing = _patterns(res)
    lo = max(clause_start, fig.start - _REACH)
    window = text[lo:fig.start]
    if may_match(standing, window) and standing.search(text, lo, fig.start):
        return True
    m = held.search(text, lo, fig.start) if may_match(held, window) else None
    return m is not None and _TO_COME.search(text, max(0, m.start() - 25), m.start()) is None
