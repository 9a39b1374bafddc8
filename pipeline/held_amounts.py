"""An amount held now (called by `claim_dating._undated_period`).

A figure whose text names no period and whose words before it say it is held ("The two investors control around
$2 billion of Apple stock", "Borrowers from the farm credit system hold some four billion dlrs in system stock") or
stands as an estimate of a standing amount ("his wealth estimated at $7.9 billion", "reserves to a depth of 1,200
feet are estimated at over one mln tons") is a point: it holds on the day the story reports (CLAIM_LABELING_GUIDE.md
6: points, ownership, a stake), not an event with no period. The verbs and nouns are models/lexicons/periods.yaml
`holding_verbs` (present tense only: "Guinea held 50 pct" is a past holding) and `standing_nouns`.
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


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    verbs = longest_first(res.periods["holding_verbs"], space=r"\s+")
    nouns = longest_first(res.periods["standing_nouns"], space=r"\s+")
    held = re.compile(_NOT_HELD + r"\b(?:" + verbs + r")\b" + _QUALIFIERS + r"\s*$", re.I)
    standing = re.compile(r"\b(?:" + nouns + r")\b[^.;:$]{0,50}?\b(?:estimated|valued|put)\s+at" + _QUALIFIERS
                          + r"\s*$", re.I)
    return held, standing


def held_now(fig: Figure, text: str, clause_start: int, res: Resources) -> bool:
    """Whether the words right before the figure, in its clause, say it is held now or a standing amount."""
    held, standing = _patterns(res)
    lo = max(clause_start, fig.start - _REACH)
    window = text[lo:fig.start]
    return any(may_match(rx, window) and rx.search(text, lo, fig.start) for rx in (held, standing))
