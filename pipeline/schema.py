"""Column names of the output tables (CONTRACT.md); the one list every writer and reader uses."""
from __future__ import annotations

CLAIM_COLUMNS = (
    "claim_id", "article_id", "doc", "published", "published_inferred",
    "entity", "entity_id", "segment", "metric",
    "value", "value_low", "value_high", "unit", "approx",
    "period_start", "period_end", "period_label", "modality",
    "figure", "char_start", "char_end", "sentence", "confidence",
    # beyond the contract (allowed: "the project may write more columns")
    "rule", "metric_source", "entity_source", "source", "title", "disputed",
)

CONFLICT_COLUMNS = (
    "conflict_id", "entity", "segment", "metric", "claim_a", "claim_b",
    "value_a", "value_b", "unit", "rel_diff", "severity", "reason", "status",
    # beyond the contract
    "published_a", "published_b", "days_apart", "period_label_a", "period_label_b",
)

ARTICLE_COLUMNS = (
    "article_id", "source", "published", "title", "n_chars", "n_claims", "status", "error",
    # beyond the contract
    "doc", "published_inferred", "note",
)

SEVERITIES = ("high", "medium", "low")
CONFLICT_STATUSES = ("open", "confirmed", "dismissed")
