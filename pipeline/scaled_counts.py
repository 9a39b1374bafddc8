"""The metric of a scaled amount written without its currency: "Operating profit 629.0 mln", "an 800 mln bond issue".

A wire table's line or a sentence that names its currency once ("... 800 mln francs in addition to an 800 mln bond
issue") leaves a scaled number with no unit of its own: the figure is a count, and the metrics of money
(profit, operating income, debt) take no count, so the claim was `other`. When the clause's money cues name such a
metric with a specific phrase (a cue of weight 4 or more, `metric_model.WEAK_CUE`: "operating profit", "bond
issue"), the count is that metric's amount. A metric of one share ("a share", "dividend") never: "2.9 mln shares"
is no price. Measured on the yardstick's train and dev splits (issue 15, session 15): 2 right, none wrong.
"""
from __future__ import annotations

import re
from typing import Callable

from .resources import Resources

# "629.0 mln", "1.6 billion", "6.2bn": a number with a scale word, the currency left to the reader
SCALED = re.compile(r"\b(?:thousand|million|mln|mn|billion|bln|bn|trillion|tn|crore|lakh)s?\b|\d\s?(?:[mMbBkK]|bn|tn)\b")
STRONG_CUE = 4.0


def money_metric_of_count(kind: str, figure_text: str, metric: str, score_now: float, clause: str, figure_at: int,
                          res: Resources, score: Callable[[str, int, str, Resources], tuple[str, float]]) -> tuple[str, float]:
    """The metric and score of a figure of `kind` the cues left `metric` (scored `score_now`): a scaled count's
    clause that names a money metric strongly makes it that metric's amount; any other figure keeps its own.

    clause: the figure's clause; figure_at: the figure's offset in it; score: `claims.score_metric` (the cue
    scorer, passed in to keep this module free of claims.py).

    >>> from pipeline.resources import load_resources
    >>> from pipeline.claims import score_metric
    >>> res = load_resources()
    >>> money_metric_of_count("count", "629.0 mln", "other", 0.0, "Operating profit 629.0 mln", 17, res, score_metric)[0]
    'operating_income'
    >>> money_metric_of_count("count", "2.9 mln", "other", 0.0, "Avg shrs 2.9 mln", 9, res, score_metric)[0]
    'other'
    """
    if kind != "count" or metric != "other" or not SCALED.search(figure_text):
        return metric, score_now
    named, weight = score(clause, figure_at, "money", res)
    if weight < STRONG_CUE or named not in res.metrics or res.metrics[named].per_share:
        return metric, score_now
    return named, weight
