"""A count of shares read by the verb that governs it (rule `claims.share_count.v1`).

"institutions who collectively own 4.8 mln of the company's shares", "employees were granted 512 million shares",
"intends to subscribe for two mln shares": a stake written as a number of shares is `ownership_pct`; "sold 60
million American depositary shares", "marketing 65.75 million shares": an offering's size is `other`; "plans to
issue 32 mln common shares to buy the companies": an acquisition paid in shares is `deal_value`
(METRIC_LABELING_GUIDE.md). The metric cues weigh words such as "employees" or "sold" that name other counts.
"Bought back" shares are a buyback's, and shares traded on a day are volume: neither is read here.

The verbs are data (`models/lexicons/share_counts.yaml`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .word_patterns import longest_first

RULE = "claims.share_count.v1"
# what follows a count of shares: "shares", "common shares", "American depositary shares", "of the company's
# approximately 268.0 mln shares", "of Nippon Lace's shares"; not "a share", "shares outstanding"
_SHARES_AFTER = re.compile(r"\s+(?:(?:mln|million|billion|bln|m|bn)\s+)?(?:(?:of\s+(?:the\s+|its\s+|their\s+)?)?"
                           r"(?:[\w.'’&-]+\s+){0,5}?)?(?:shares|ADSs|ADRs|American depositary (?:shares|receipts)|"
                           r"stock units)\b(?!\s+(?:outstanding|changed hands|traded|were traded))", re.I)


def _phrases(words) -> str:
    """The phrases as one alternation, longest first, a space matching any run of spaces."""
    return longest_first(words, space=r"\s+")


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[tuple[re.Pattern, str], ...]:
    """(the verb-before pattern, its metric) per metric of share_counts.yaml, and the paid-with pattern."""
    data = res.share_counts
    quals = longest_first(data["qualifiers"])
    out = [(re.compile(rf"\b(?:{_phrases(verbs)})\s+(?:(?:{quals})\s+)*$", re.I), metric)
           for metric, verbs in data["verbs"].items()]
    paid = _phrases(data["paid_with"])
    out.append((re.compile(rf"[^.;]{{0,40}}?\b(?:{paid})\b", re.I) if paid else None, "deal_value"))
    return tuple(out)


@lru_cache(maxsize=4)
def one_off_pattern(res: Resources) -> re.Pattern | None:
    """share_counts.yaml `one_off`: the words of a one-off item whose amount per share is no share price
    (scaled_counts.one_off_per_share)."""
    words = res.share_counts["one_off"] or ()
    alts = _phrases(words)
    return re.compile(rf"\b(?:{alts})\b", re.I) if alts else None


def share_count_metric(res: Resources, before: str, after: str) -> str | None:
    """The metric of a count figure by the verb in its clause right `before` it, where `after` it shares are counted;
    else None (no shares, or no such verb).

    >>> from pipeline.resources import load_resources
    >>> M = load_resources()
    >>> share_count_metric(M, "The company's employees were granted ", " shares when it listed")
    'ownership_pct'
    """
    pats = _patterns(res)
    shares = _SHARES_AFTER.match(after)
    if shares is None:
        return None
    *verbs, (paid, paid_metric) = pats
    for rx, metric in verbs:
        if rx.search(before[-80:]):
            if metric == "other" and paid is not None and paid.match(after, shares.end()):
                return paid_metric
            return metric
    return None
