"""A figure's metric from the amount before it that it restates or changes (pipeline/amount_links.py), and the
cues of a fall from a high, EBITDA written out and a share's trade price (models/lexicons/metrics.yaml).
Sentences written for these tests, none from the yardstick or the seeds.
"""
from __future__ import annotations

from functools import partial

import pytest

from conftest import claim_metric


# (text, figure, metric)
CHANGES = [
    # a change written after the amount, its own words naming no metric: the amount's change metric
    ("Initech Corp reported adjusted EBITDA of $52.1 million, indicating a 6.2% growth from a year earlier.", "6.2%",
     "ebitda"),
    ("Adjusted EBITDA at Globex Corp is expected to range from $410 million to $430 million, reflecting a growth "
     "midpoint of 5.3%.", "5.3%", "ebitda"),
    ("Globex Corp said net sales were $1,204.5 million, a decrease of $41.2 million compared to 2023.", "$41.2 million",
     "revenue_growth"),
    ("Initech Corp said net income was 88.3 mln dlrs, up 12 pct or 9.5 mln dlrs from a year earlier.", "9.5 mln dlrs",
     "profit_growth"),
    ("Globex Corp had 41,200 employees at the end of 2024, up 8 percent from a year earlier.", "8 percent",
     "employees_change"),
    ("Hooli Inc declared a $0.62/share quarterly dividend, a 5.1% increase from the prior dividend of $0.59.", "5.1%",
     "dividend"),
    # its change in brackets
    ("Initech Corp posted revenue of $2.41B (+8.3% Y/Y), ahead of estimates.", "+8.3%", "revenue_growth"),
    # a restatement in another currency is the same measure
    ("Initech Corp said adjusted EBITDA rose to 412 million euros ($428 million) in the fourth quarter.",
     "$428 million", "ebitda"),
    ("Globex Corp said its quarterly net profit rose to 96 billion yen ($640 million).", "$640 million", "profit"),
]
CHANGES_NEGATIVE = [
    # the figure's own clause names what moved
    ("Initech Corp's revenue was $3.1 billion, and its shares rose 4% on the news.", "4%", "price_change"),
    ("Initech Corp reported revenue of $410 million, while its operating expenses rose 9%.", "9%", "other"),
    # the amount is another sentence's
    ("Globex Corp had 12,000 employees last year. Its shares were up 3% on Monday.", "3%", "price_change"),
]

CUES = [
    # how far a quote is below a high it set
    ("Globex Corp is down 18.5% from its all-time closing high of $88.20.", "18.5%", "drawdown_from_high"),
    ("Freedonia's main index has suffered a peak-to-trough slide of 27%.", "27%", "drawdown_from_high"),
    # EBITDA and EBITA written out
    ("Initech Corp said earnings before interest, taxes, depreciation and amortization rose to $77 million.",
     "$77 million", "ebitda"),
    # a share's trade price is no volume
    ("Globex Corp shares traded at 7.12 euros at midday, the lowest in two years.", "7.12 euros", "share_price"),
]
CUES_NEGATIVE = [
    ("Initech Corp shares rose 12% this year.", "12%", "price_change"),
    ("Initech Corp said earnings before interest and taxes rose to $61 million.", "$61 million", "operating_income"),
]


_metric = partial(claim_metric, published="2025-02-12")


@pytest.mark.parametrize("text, figure, metric", CHANGES + CHANGES_NEGATIVE,
                         ids=[c[0][:60] for c in CHANGES + CHANGES_NEGATIVE])
def test_a_figure_restating_or_changing_the_amount_before_it(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", CUES + CUES_NEGATIVE, ids=[c[0][:60] for c in CUES + CUES_NEGATIVE])
def test_highs_ebitda_written_out_and_trade_prices(text, figure, metric):
    assert _metric(text, figure) == metric
