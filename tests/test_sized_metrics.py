"""A metric whose name says the direction (metrics.yaml `sized`: fund_underweight) holds the size, positive, where
the words around the figure read it as a fall, as CLAIM_LABELING_GUIDE.md's signs make drawdown_from_high positive
("the metric names the direction"; a distance below a peak is kept positive by figure_signs' peak_words); any
other metric keeps the sign."""
from __future__ import annotations

import pytest

from pipeline import extract

CASES = [
    # (text, figure, metric, value)
    ("Fund managers remain cautious: global funds were 2.4% below Tencent's weighting in the benchmark as of June.",
     "2.4%", "fund_underweight", 2.4),
    ("The shares remain 38% below their 2021 highs.", "38%", "drawdown_from_high", 38.0),
    ("Bitcoin traded 12 percent below its record high on Monday.", "12 percent", "drawdown_from_high", 12.0),
    # not sized: a fall stays negative
    ("Quarterly profit fell 12% to $3.1 billion.", "12%", "profit_growth", -12.0),
]


@pytest.mark.parametrize("text, figure, metric, value", CASES, ids=[c[1] + ":" + c[2] for c in CASES])
def test_a_sized_metric_holds_the_size(text, figure, metric, value):
    claims, _ = extract([text], published="2025-02-10")
    rows = claims[claims["figure"] == figure]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric', 'value']].to_dict('records')}"
    row = rows.iloc[0]
    assert (row["metric"], float(row["value"])) == (metric, value)
    assert float(row["value_low"]) <= float(row["value_high"])
