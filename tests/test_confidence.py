"""The claims' confidence (pipeline/confidence.py): its head fits the features the code makes, and a metric the
transformer stage sets is the one the row says."""
from datetime import date

from pipeline.confidence import FEATURES, features, load_confidence_head, with_model_metric
from pipeline.resources import load_resources


def _row(metric="eps", n=1, published=date(2025, 2, 10)):
    return features("attached", 0.9, "gazetteer", 6.0, metric, False, None, False, "money", False, n, 120, published)


def test_shipped_head_was_fitted_on_these_features():
    # a FEATURES change without scripts/train_confidence.py leaves every claim on the plain prior
    assert load_confidence_head(load_resources().models_dir) is not None


def test_row_names_metric_sentence_and_era():
    f = dict(zip(FEATURES, _row(n=3, published=date(1987, 3, 2))))
    assert f["metric_eps"] == 1.0 and f["metric_other"] == 0.0
    assert f["figures_in_sentence"] == 0.3 and f["alone_in_sentence"] == 0.0
    assert f["era_wire"] == 1.0 and f["era_modern"] == 0.0


def test_model_metric_replaces_the_rules_metric_in_the_row():
    f = dict(zip(FEATURES, with_model_metric(_row(metric="other"), "revenue")))
    assert f["metric_model"] == 1.0 and f["metric_revenue"] == 1.0 and f["metric_other"] == 0.0 and f["metric_eps"] == 0.0

