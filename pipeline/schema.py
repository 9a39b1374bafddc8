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
    "fact_id", "majority_value", "majority_sources", "outlier_sources", "chance_real",
)

# One row per fact (README, "The facts table"): the claims that state one entity's segment, metric,
# basis and modality for one period, with their consensus, sources and status.
FACT_COLUMNS = (
    "fact_id", "entity", "entity_id", "segment", "metric", "basis", "modality",
    "period_start", "period_end", "period_label", "unit", "value", "value_low", "value_high", "spread",
    "n_reports", "n_articles", "n_sources", "n_values", "status", "majority_sources", "outlier_value",
    "outlier_sources", "reason", "first_published", "last_published", "claim_ids",
)
FACT_CLAIM_COLUMNS = ("fact_id", "claim_id", "value_group", "majority")
FACT_STATUSES = ("single", "agreed", "conflict", "revised", "ambiguous", "spread", "disagreed", "unlike")

ARTICLE_COLUMNS = (
    "article_id", "source", "published", "title", "n_chars", "n_claims", "status", "error",
    # beyond the contract
    "doc", "published_inferred", "note",
)

SEVERITIES = ("high", "medium", "low")
CONFLICT_STATUSES = ("open", "confirmed", "dismissed")
