"""A result's base of comparison written with no period of its own is the same period a year earlier (called by
`claim_dating.date_figure`).

"EBITDA tumbled 44.7 percent to Rs 168.5 crore from Rs 304.6 crore", "Ancillary revenue per passenger rose to NOK 188,
up from NOK 173", "revenue was 313.7 million euros, compared with 321.3 million euros": in a results story the
amount a result is set against, with no words dating it, is the year-ago period's (CLAIM_LABELING_GUIDE.md 6: a prior
value's period; results copy compares year on year unless it says otherwise). Such a base was dated the story's
report period itself. It is dated back a year, as "a year earlier" is (`claim_periods.months_back`), unless its
sentence says the comparison is of another kind: sequential, against a previous guidance or estimate, an average
(models/lexicons/periods.yaml `bare_base_other_words`), or the words after it name another subject ("versus 6.6% for
the rest of Amazon").

"Last year" right after such a base ("third-quarter sales of ILS 1.25 billion, up from ILS 1.05 billion last year",
"Nine month profits were up 23 pct to 64 cts a share from 52 cts last year") says the comparison is year on year, not
that the base is the calendar year before the story: the base is dated back a year from the report period
(`counted_year_back`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .change_bases import written_year
from .records import Figure, Period
from .resources import Resources
from .word_patterns import listed

_YEAR_AGO = 12
# right before the base: "from", "up from", "compared with", "vs.", "versus", "against"
_AGAINST = re.compile(r"\b(?:from|compared\s+(?:to|with)|vs\.?|versus|against)\s+(?:about\s+|around\s+|nearly\s+)?$",
                      re.I)


# a base of another subject, not another time: "versus 6.6% for the rest of Amazon", "compared to 3.87 per cent in
# urban regions" (a year-ago phrase after it, "in the prior year", dates it back as "a year earlier" does; "in
# Q4CY23", a label the calendar does not read, is a time)
_OTHER_SUBJECT = re.compile(r"\s*(?:for|in|at|among|across|on)\s+(?!(?:the|its|a)\s+(?:prior|previous|same|year|"
                            r"corresponding|comparable|preceding|last)\b)(?!last\b|prior\b)(?![^\s,.;]*\d)", re.I)


@lru_cache(maxsize=4)
def _other_kind(res: Resources) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + listed(res.periods["bare_base_other_words"], space=r"[\s-]+") + r")(?![\w-])",
                      re.I)


def bare_base_back(fig: Figure, text: str, sentence: tuple[int, int], modality: str, after: list[Period],
                   res: Resources) -> int:
    """Months back from the report period for a historical base set against the result just before it, with no
    words of another comparison in its sentence and no period written after it (`after`, the sentence's periods
    after the figure: "compared to $1,376m, or EPS of $4.86 in FY23" is FY23's); 0 otherwise."""
    if modality != "historical" or not _AGAINST.search(text, max(sentence[0], fig.start - 30), fig.start):
        return 0
    if any(p.period_start and not p.relative_to_previous and written_year(p) for p in after):
        return 0
    if _OTHER_SUBJECT.match(text, fig.end, sentence[1]):  # "36.9% ..., versus 6.6% for the rest of Amazon"
        return 0
    return 0 if _other_kind(res).search(text, sentence[0], sentence[1]) else _YEAR_AGO


# between a base and the year after it: nothing, or its unit's words ("from $1,364 per ounce last year", "from 52 cts
# a share last year")
_TO_YEAR = re.compile(r"[ \t]*(?:[a-z]+[ \t]+){0,3}?$", re.I)
_YEAR_GAP = 25


def counted_year_back(p: Period | None, fig: Figure, text: str, sentence_start: int, modality: str) -> int:
    """Months back from the report period (12) when `p`, the period the figure's words give it, is a year counted from
    the published day ("last year") written right after a historical base set against a result ("up from ILS 1.05
    billion last year"): the comparison is year on year, whatever else the sentence names, and the base no figure of
    that calendar year; 0 otherwise."""
    return _YEAR_AGO if p is not None and modality == "historical" and p.granularity == "year" \
        and not written_year(p) and fig.end <= p.start <= fig.end + _YEAR_GAP \
        and _TO_YEAR.fullmatch(text, fig.end, p.start) is not None \
        and _AGAINST.search(text, max(sentence_start, fig.start - 30), fig.start) is not None else 0
