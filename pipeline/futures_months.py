"""A futures contract month is not the period (called by `claim_dating.date_figure`).

In a futures market report a delivery month stands for its contract: "July was up 2.25 cents at 106.25
cents", "May closed 2.21 cents higher" tell the session's move of the July and May contracts, not July's. A
bare month (no year) that opens its clause as the subject of a market verb
(models/lexicons/periods.yaml `contract_month_verbs`), in a story about futures (`futures_story_words`), dates
its figure to the session: the published day.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Period
from .resources import Resources
from .word_patterns import whole_words

RULE = "claims.contract_month.v1"
_OPENS = re.compile(r"(?:^|[.;:]\s*|,\s*(?:while|and|but)?\s*|\b(?:while|and|but|with)\s+|\bthe\s+)$", re.I)
_BARE_MONTH = re.compile(r"^[A-Z][a-z]{2,8}\.?$")


@lru_cache(maxsize=4)
def _word_patterns(res: Resources) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(periods.yaml `contract_month_verbs`, `futures_story_words`) as whole-word patterns."""
    return (whole_words(res.periods.get("contract_month_verbs") or ()),
            whole_words(res.periods.get("futures_story_words") or ()))


def contract_month_day(period: Period | None, text: str, cs: int, title: str, ref, res: Resources) -> Period | None:
    """The published day for a futures contract's month that opens its clause as a market verb's subject
    ("July was up 2.25 cents"); the period unchanged otherwise ("January exports fell", "in July")."""
    if period is None or ref is None or period.start < cs or period.granularity != "month" \
            or not _BARE_MONTH.match(period.text):
        return period
    verbs, story = _word_patterns(res)
    if verbs is None or story is None or not _OPENS.search(text[cs:period.start]):
        return period
    after = re.match(r"\s+(\S+)", text[period.end:period.end + 20])
    if after is None or not verbs.fullmatch(after.group(1)):
        return period
    if not (story.search(title) or story.search(text[:2000])):
        return period
    return Period("", -1, -1, ref, ref, ref.isoformat(), "day", RULE)
