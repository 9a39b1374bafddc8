"""Amounts whose unit or size the cues misread: "Operating profit 629.0 mln", "an 800 mln bond issue", "C$7 a share".

A wire table's line or a sentence that names its currency once ("... 800 mln francs in addition to an 800 mln bond
issue") leaves a scaled number with no unit of its own: the figure is a count, and the metrics of money
(profit, operating income, debt) take no count, so the claim was `other`. When the clause's money cues name such a
metric with a specific phrase (a cue of weight 4 or more, `metric_model.WEAK_CUE`: "operating profit", "bond
issue"), the count is that metric's amount. A metric of one share ("a share", "dividend") never: "2.9 mln shares"
is no price. Measured on the yardstick's train and dev splits (issue 15, session 15): 2 right, none wrong.

The converse, `per_share_metric`: an amount of one share ("at C$7 a share") the cues filed under a total's metric
(debt, from "financing") is the share's price (1 right, none wrong there).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .resources import Resources
from .share_counts import one_off_pattern
from .word_patterns import listed

STRONG_CUE = 4.0
# the shares a scaled count counts, a name between: "38 mln San Miguel shares", "1.16 mln ordinary Sedgwick shares"
_SHARES_AFTER = re.compile(r"\s+(?:(?:[A-Z][\w&.'-]*|ordinary|common|preferred|new|existing)\s+){0,4}(?:shares?|shrs?)\b")


@lru_cache(maxsize=4)
def scaled_rx(res: Resources) -> re.Pattern:
    """A figure written with a scale word or suffix ("629.0 mln", "$1.97 billion", "Rs 154 crore", "6.2bn";
    claim_metrics and claim_dating read it too): scales.yaml `scale_words` (plural too) and `scale_suffixes`."""
    return re.compile(r"\b(?:" + listed(res.scale_words) + r")s?\b|\d\s?(?:" + listed(res.scale_suffixes) + r")\b")


def money_metric_of_count(kind: str, figure_text: str, metric: str, score_now: float, clause: str, figure_at: int,
                          res: Resources, score: Callable[[str, int, str, Resources], tuple[str, float]]) -> tuple[str, float]:
    """The metric and score of a figure of `kind` the cues left `metric` (scored `score_now`): a scaled count's
    clause that names a money metric strongly makes it that metric's amount; any other figure keeps its own.

    clause: the figure's clause; figure_at: the figure's offset in it; score: `claim_metrics.score_metric` (the
    cue scorer, passed in to keep this module free of the claims stage).

    >>> from pipeline.resources import load_resources
    >>> from pipeline.claim_metrics import score_metric
    >>> res = load_resources()
    >>> money_metric_of_count("count", "629.0 mln", "other", 0.0, "Operating profit 629.0 mln", 17, res, score_metric)[0]
    'operating_income'
    >>> money_metric_of_count("count", "2.9 mln", "other", 0.0, "Avg shrs 2.9 mln", 9, res, score_metric)[0]
    'other'
    >>> money_metric_of_count("count", "54 million", "other", 0.0, "The coffee harvest is expected to reach 54 million bags",
    ...                       39, res, score_metric)[0]
    'other'
    """
    if kind != "count" or metric != "other" or not scaled_rx(res).search(figure_text) \
            or _SHARES_AFTER.match(clause, figure_at + len(figure_text)):
        return metric, score_now  # "to pay 3.8 billion pesos in cash for 38 mln San Miguel shares": shares counted
    named, weight = score(clause, figure_at, "money", res)
    if weight < STRONG_CUE or named not in res.metrics or res.metrics[named].per_share \
            or res.metrics[named].day_slack is not None:  # a market quote's level: "54 million bags" of coffee is no price
        return metric, score_now
    return named, weight


# "C$7 a share", "$22.50 apiece", "$3.18 per share": an amount of one share
PER_SHARE_AFTER = re.compile(r"\s*(?:a|per|each|for each)\s+(?:common\s+|ordinary\s+|class\s+\w\s+)?(?:share|ADR|ADS)\b|\s*apiece\b",
                              re.I)
# metrics an amount of one share may be besides the per-share ones: a takeover's offer, a per-share charge or gain
_ALSO_PER_SHARE = frozenset({"deal_value", "other"})


def per_share_metric(kind: str, metric: str, text: str, end: int, res: Resources) -> str:
    """`metric`, or share_price for an amount of one share the cues filed under a total's metric.

    "complete a C$300 million financing at C$7 a share": "financing" names debt, but C$7 is what one share is
    sold at, and no debt, revenue or cash is an amount of one share. An offer ("45 dlrs a share": deal_value),
    a per-share charge (other) and the per-share metrics (eps, dividend, price target) stand.
    end: the figure's end in `text`.

    >>> from pipeline.resources import load_resources
    >>> per_share_metric("money", "debt", "a financing at C$7 a share", 18, load_resources())
    'share_price'
    >>> per_share_metric("money", "debt", "a financing of C$7 million", 26, load_resources())
    'debt'
    """
    if kind != "money" or metric in _ALSO_PER_SHARE or metric not in res.metrics or res.metrics[metric].per_share:
        return metric
    if scaled_rx(res).search(text, max(0, end - 12), end) or not PER_SHARE_AFTER.match(text, end):
        return metric
    return "share_price"


# a share price the cues named only by "a share" / "per share" (weight 3 or less: no "closed at", no "share price")
WEAK_SHARE_PRICE = 3.5
# words near a per-share amount that make it a quote or an offer after all ("closed at", "priced at", "offered")
_QUOTE_WORDS = re.compile(r"\b(?:clos|open|trad|pric|stock|shares\b|offer|bid|tender|rose|fell|gained|lost|up\b|down\b)",
                          re.I)


def one_off_per_share(kind: str, metric: str, score_now: float, text: str, end: int, sentence_before: str,
                      res: Resources) -> str:
    """`metric`, or other for an amount of one share that a one-off item's words come before ("non-operating gains,
    which included six cts a share", "a loss from the cumulative effect of an accounting change of 67,000 dlrs, or
    one ct a share"): the cues named a share's price from "a share" alone (METRIC_LABELING_GUIDE.md: a one-off
    charge or gain is other, and so is its amount per share).

    end: the figure's end in `text`; sentence_before: the sentence up to the figure.

    >>> from pipeline.resources import load_resources
    >>> t = "non-operating gains, which included six cts a share"
    >>> one_off_per_share("money", "share_price", 2.7, t, t.index(" a share"), t[:36], load_resources())
    'other'
    >>> t = "After a restructuring charge, the stock closed at six dlrs a share"
    >>> one_off_per_share("money", "share_price", 2.7, t, t.index(" a share"), t[:50], load_resources())
    'share_price'
    """
    if kind != "money" or metric != "share_price" or score_now >= WEAK_SHARE_PRICE \
            or not PER_SHARE_AFTER.match(text, end):
        return metric
    if _QUOTE_WORDS.search(sentence_before[-80:]):
        return metric
    words = one_off_pattern(res)
    return "other" if words is not None and words.search(sentence_before) else metric
