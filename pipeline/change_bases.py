"""A year a change is measured from (called by `claim_periods.period_for` and `claim_dating`).

"NAREIT FFO totaled $126.7 million, up 4.7% from 2023", "adjusted EBITDA reached $4 billion, a 13% increase over
2023", "productivity increased 0.7 pct from 1985": the year after a percent change and "from" (or a change noun and
"over") is the base the change is measured from, not the change's period. `claim_periods.base_period` keeps a year
after a bare "from" or "over" as the span itself ("tax cuts worth 44 billion marks from 1990", "shares gained 35% over
2024"), so without this the change was dated the base year. The change, and a level its clause moves to ("rose 8%
from 2023 to $45 million"), are about the year after the base (CLAIM_LABELING_GUIDE.md 6: a flow's reporting
period). The words: models/lexicons/periods.yaml `change_base_units`, `change_base_nouns`.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .reporting_periods import shift_period
from .records import Figure, Period
from .resources import Resources
from .word_patterns import listed

_YEAR_GRAINS = ("year", "fiscal_year")
_REACH = 60  # characters before the year
# between the base year and the level the change moved to: "from 2023 to $45 million", "from 2023, at 1.2 million"
_WHICH = re.compile(r"\s*,?\s*(?:which|when|that)\b", re.I)  # the base year is the subject of what follows
_TO_LEVEL = re.compile(r"\s*,?\s*(?:to|at)\s+(?:[a-z]+\s+){0,2}?\S{0,4}$", re.I)


@lru_cache(maxsize=4)
def _before_base(res: Resources) -> re.Pattern:
    units = listed(res.periods["change_base_units"], space=r"\s+")
    nouns = listed(res.periods["change_base_nouns"], space=r"\s+")
    unit = r"\d\s?(?:" + units + r")(?:\s+(?:year[\s-]+(?:over|on)[\s-]+year|y/y|yoy))?"
    against = r"(?:from|versus|vs\.?|compared\s+(?:to|with)|against)"
    # "up 4.7% from", "a 13% increase over", "an increase of 10% over", "350 basis points versus"
    return re.compile(r"(?:" + unit + r"(?:\s+(?:" + nouns + r")\s*,?\s*(?:" + against + r"|over)|\s*,?\s*" + against
                      + r")|\b(?:" + nouns + r")\s+of\s+(?:\w+\s+){0,2}?[\d.,]*" + unit + r"\s*,?\s*(?:"
                      + against + r"|over))\s+(?:the\s+)?(?:(?:full|fiscal|calendar)[\s-]+(?:year\s+)?)?$", re.I)


def written_year(p: Period) -> bool:
    """Whether the year is written with its number ("2023", "fiscal 2023", "FY24"), not counted from the published
    day ("last year", "the prior year"): only such a year moved a year on is the year after the base."""
    return bool(re.search(r"\d", p.text or ""))


def change_base(p: Period, text: str, res: Resources, ref: date | None) -> bool:
    """Whether `p` is a year a percent change just before it is measured from: one ended by `ref`, the published
    day (a year to come is where the figure starts: "a dividend yield forecast to exceed 5% from 2025")."""
    return p.granularity in _YEAR_GRAINS and p.start > 0 and p.period_end is not None \
        and (ref is None or p.period_end < ref) \
        and _before_base(res).search(text, max(0, p.start - _REACH), p.start) is not None


def base_of(p: Period, fig: Figure, text: str, res: Resources, ref: date | None) -> bool:
    """Whether `p` is a year a change is measured from, so no period of the figure: a base after the figure, or one
    before it ("rose 8% from 2023 to $45 million", "decline 4% to 6% from 2024, ..., representing a 3.3% drop"),
    except one a relative clause makes the subject of the figure ("a 27% increase from 2024, which was 57% higher
    than the previous year": 2024's own)."""
    return (p.start >= fig.end or p.end <= fig.start and _WHICH.match(text, p.end, fig.start) is None) \
        and change_base(p, text, res, ref)


def year_after_change_base(fig: Figure, periods: list[Period], text: str, res: Resources,
                           ref: date | None) -> Period | None:
    """The year after the one a change just before the figure is measured from, for the level the change moved to
    ("rose 8% from 2023 to $45 million": 2024); None when there is no such base."""
    for p in periods:
        if p.period_start and written_year(p) and p.end <= fig.start and _TO_LEVEL.match(text, p.end, fig.start) \
                and change_base(p, text, res, ref):
            return shift_period(p, 12)
    return None
