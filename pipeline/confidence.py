"""Confidence: the chance that a claim's entity, metric and period are all right (issue 15).

A claim's `confidence` is a logistic estimate over what the claims stage knows of its own
decisions: how the subject was found (attached to the figure, the clause's subject, the
previous figure's, the headline's company ...) and how surely (the subject head's score),
whether the metric rests on a specific cue, on a generic word, on the transformer stage or on
nothing (`other`), and whether the period was written, inferred or left empty. It is fitted by
scripts/train_confidence.py on the yardstick's train split, where each claim's three fields were
checked by reading, then shifted to the uniform samples of claims nobody tuned rules for (the train
split's claims are right more often than a run's). `bench/yardstick.py` prints the calibration table
of the split it scores (bench/RESULTS.md). The conflicts stage gates on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np

from .heads import fitted_head

HEAD_FILE = "heads/confidence.npz"
ROUTES = ("attached", "clause", "sentence", "previous", "recent", "topic", "main")
# the metrics of at least 15 of the yardstick's train claims: how often a claim of each is right differs
# (dev AUC 0.691 -> 0.709 with these and the sentence's and era's features, scripts/train_confidence.py)
COMMON_METRICS = ("price_change", "revenue", "commodity_price", "eps", "profit", "revenue_growth", "share_price",
                  "deal_value", "debt", "ownership_pct", "interest_rate", "investment", "inflation")
FIGURE_KINDS = ("money", "percent", "pp", "multiple", "count", "quantity", "word_change")
FEATURES = (
    *(f"route_{r}" for r in ROUTES), "subject_score", "subject_named", "no_subject",
    "cue", "cue_strong", "metric_other", "metric_model", "table_row",
    "period_written", "period_inferred", "period_none", "period_day", "period_long",
    *(f"kind_{k}" for k in FIGURE_KINDS), "currency_assumed",
    *(f"metric_{m}" for m in COMMON_METRICS), "figures_in_sentence", "alone_in_sentence", "sentence_length",
    "era_wire", "era_modern",
)
METRIC_MODEL = FEATURES.index("metric_model")
_METRIC_AT = {m: FEATURES.index(f"metric_{m}") for m in COMMON_METRICS}
_row = itemgetter(*FEATURES)  # the row's values as a tuple, in FEATURES order


def features(route: str, subject_score: float, subject_source: str, cue_score: float, metric: str,
             table_row: bool, period, period_written: bool, figure_kind: str, currency_assumed: bool,
             figures_in_sentence: int = 1, sentence_length: int = 0, published=None) -> tuple[float, ...]:
    """The feature row of one claim, in FEATURES order."""
    f = dict.fromkeys(FEATURES, 0.0)
    if route in ROUTES:
        f[f"route_{route}"] = 1.0
    f["no_subject"] = float(not route)
    f["subject_score"] = float(subject_score)
    f["subject_named"] = float(subject_source in ("gazetteer", "article_alias"))
    f["cue"] = min(max(cue_score, 0.0), 8.0) / 8.0
    f["cue_strong"] = float(cue_score >= 4.0)
    f["metric_other"] = float(metric == "other")
    f["table_row"] = float(table_row)
    if period is None or period.period_start is None or period.period_end is None:
        f["period_none"] = 1.0
    else:
        f["period_written"] = float(period_written)
        f["period_inferred"] = float(not period_written)
        days = (period.period_end - period.period_start).days
        f["period_day"] = float(days == 0)
        f["period_long"] = float(days > 100)
    if figure_kind in FIGURE_KINDS:
        f[f"kind_{figure_kind}"] = 1.0
    f["currency_assumed"] = float(currency_assumed)
    if metric in COMMON_METRICS:
        f[f"metric_{metric}"] = 1.0
    f["figures_in_sentence"] = min(figures_in_sentence, 10) / 10
    f["alone_in_sentence"] = float(figures_in_sentence == 1)
    f["sentence_length"] = min(sentence_length, 600) / 600
    if published is not None:  # the 1987 wire and 2025's many outlets read differently from 2017-2020's web
        f["era_wire"] = float(published.year < 2000)
        f["era_modern"] = float(published.year >= 2024)
    return _row(f)


@dataclass(frozen=True, eq=False)
class ConfidenceHead:
    coef: np.ndarray
    intercept: float

    def estimate(self, row: tuple[float, ...]) -> float:
        z = float(np.dot(self.coef, row) + self.intercept)
        return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=4)
def load_confidence_head(models_dir: Path) -> ConfidenceHead | None:
    """models/heads/confidence.npz when it was fitted on these features, else None."""
    data = fitted_head(models_dir, HEAD_FILE, FEATURES)
    if data is None:
        return None
    return ConfidenceHead(data["coef"].astype(np.float64), float(data["intercept"]))


def with_model_metric(row: tuple[float, ...], metric: str) -> tuple[float, ...]:
    """The row of a claim whose metric the transformer stage set."""
    out = [1.0 if k == METRIC_MODEL else v for k, v in enumerate(row)]
    if len(out) == len(FEATURES):
        out[FEATURES.index("metric_other")] = float(metric == "other")
        for m, k in _METRIC_AT.items():
            out[k] = float(m == metric)
    return tuple(out)


def estimate(head: ConfidenceHead | None, row: tuple[float, ...]) -> float:
    """The confidence of a claim with feature row `row`, rounded; a plain prior when no head is fitted."""
    if head is None:
        f = dict(zip(FEATURES, row))
        p = 0.2 + 0.3 * f["subject_score"] + 0.2 * f["cue_strong"] + 0.1 * (1 - f["period_none"])
    else:
        p = head.estimate(row)
    return round(min(max(p, 0.01), 0.99), 3)
