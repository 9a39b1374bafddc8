"""A market move's period is its session, not the reporting period of the news it moved on (CLAIM_LABELING_GUIDE.md
6: "rose 3% on Tuesday" is that Tuesday; a move with no time words is the session the story reports): in "Leidos
stock rose 3% after the defense contractor beat expectations for fourth-quarter earnings" the quarter dates the
earnings, and in "Crocs surges 19% as 4Q results beat estimates" the results. Counted on 1,000 random modern articles:
about 20 of the 31 price moves dated to the fourth quarter of 2024 were such.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Figure, Period
from .resources import Resources
from .word_patterns import listed

_STOP = re.compile(r"[.;]")  # a sentence's or clause list's end between the move and the period

# the grains a piece of news is dated by (a data month, a reporting period); a day, a week or a span to date may be the
# move's own
_REPORT_GRAINS = ("month", "quarter", "fiscal_quarter", "half", "year", "fiscal_year", "nine_months")


@lru_cache(maxsize=4)
def _reason(res: Resources) -> re.Pattern:
    """A word that opens the reason a move is given (periods.yaml `move_reason_words`), not "as of" or "as at", which
    date a level."""
    return re.compile(r"\b(?:" + listed(res.periods["move_reason_words"], space=r"\s+") + r")\b(?!\s+(?:of|at)\b)", re.I)


def reason_period(p: Period | None, fig: Figure, text: str, metric: str, res: Resources) -> Period | None:
    """None for a reporting period written in the reason a market move is given (between the move and the period, or
    before both, a word of `move_reason_words`): the move takes its default, the session; other periods are kept."""
    spec = res.metrics.get(metric)
    if p is None or p.start < 0 or spec is None or spec.default_period != "day":
        return p
    after = p.start >= fig.end
    between = text[fig.end:p.start] if after else text[p.end:fig.start]
    if _STOP.search(between):
        return p  # another sentence's
    if p.rule.startswith("dates.bound"):  # "Hooli slid 25% after fourth-quarter earnings": the bound's own word
        return None if after and _reason(res).match(p.text) else p
    if p.granularity not in _REPORT_GRAINS:
        return p
    # "rose 3% after ... fourth-quarter earnings"; "After strong 4Q results, Hanwha jumped 21%": the reason comes first
    reason = between if after else text[max(0, p.start - 40):p.start]
    return None if _reason(res).search(reason) else p
