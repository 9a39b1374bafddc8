"""The metric of a figure read from what governs it: the next conjunct's cue is not the figure's
(claim_metrics._own_conjunct), a count of shares by its verb (share_counts.py), a pipe table's column header
(column_metrics.py), a market's or an industry's size (market_sizes.py),
a one-off item's amount per share (scaled_counts.one_off_per_share). Sentences written for these tests in the
yardstick's phrasings, none copied from it.
"""
from __future__ import annotations

from functools import partial

import pytest

from conftest import claim_metric
from pipeline.column_metrics import header_cell
from pipeline.market_sizes import market_size_metric
from pipeline.resources import load_resources
from pipeline.share_counts import share_count_metric

# (text, figure, metric)
CONJUNCTS = [
    # a cue that opens the next conjunct names that conjunct's figure
    ("Revenue in the quarter ended June 30 was $4.12 billion and profit excluding items was 88 cents a share, "
     "Initech said.", "$4.12 billion", "revenue"),
    ("Sales for the year were 310 mln dlrs, while net income came to 12 mln dlrs.", "310 mln dlrs", "revenue"),
    # the cue of the figure's own conjunct still counts
    ("Sales for the year were 310 mln dlrs, while net income came to 12 mln dlrs.", "12 mln dlrs", "profit"),
    ("Globex said net income rose to $52 million and revenue climbed 8% to $1.1 billion.", "$52 million", "profit"),
]

SHARE_COUNTS = [
    # a stake written as a number of shares
    ("Pension funds that together own 3.1 mln of the company's 90 mln shares back the proposal.", "3.1 mln",
     "ownership_pct"),
    ("Initech's employees were granted 240 million shares at the listing.", "240 million", "ownership_pct"),
    ("A director intends to subscribe for 1.5 mln shares of Globex at the same price.", "1.5 mln", "ownership_pct"),
    # an offering's size in shares
    ("The Hong Kong-based company sold 45 million American depositary shares at $14 apiece.", "45 million", "other"),
    # an acquisition paid in shares
    ("Initech plans to issue 18 mln common shares to buy the two Texas-based distributors.", "18 mln", "deal_value"),
]

ONE_OFF_PER_SHARE = [
    # a one-off item's amount per share is other, not a share's price (scaled_counts.one_off_per_share)
    ("Globex said the writedowns will offset extraordinary gains, which included 14 cts a share in the year.",
     "14 cts", "other"),
    ("1986 net excludes a loss from the cumulative effect of an accounting change of 91,000 dlrs, or two cts a share.",
     "two cts", "other"),
    # a quote stays a share's price
    ("After the restructuring charge Globex stock closed at 14 dlrs a share.", "14 dlrs", "share_price"),
]

MARKET_SIZES = [
    # a market's or an industry's size is other (METRIC_LABELING_GUIDE.md), even "valued at"
    ("The global drone delivery market was valued at $2.4 billion last year, the research firm said.", "$2.4 billion",
     "other"),
    ("Hooli leads the $45 billion online advertising industry in the region.", "$45 billion", "other"),
    # a company's value and an amount sold in a market stay theirs
    ("Hooli's market value reached a $45 billion peak on Friday.", "$45 billion", "market_cap"),
    ("Initech's sales in the U.S. market rose to $310 million.", "$310 million", "revenue"),
]

COLUMNS = [
    ("Top undervalued stocks based on cash flows\n\n| **Name** | **Current Price** | **Fair Value (Est)** | "
     "**Discount (Est)** |\n| --- | --- | --- | --- |\n| Initech (NasdaqGS:INTC) | US$41.20 | US$80.15 | 48.6% |\n",
     "US$80.15", "valuation_estimate"),
    ("Undiscovered gems with strong fundamentals\n\n| Name | Debt To Equity | Revenue Growth | Earnings Growth |\n"
     "| --- | --- | --- | --- |\n| Globex Shipping | 3.10% | 22.45% | 40.02% |\n", "22.45%", "revenue_growth"),
]

# a results-surprise table's estimate and actual cells are earnings per share (LSEG's earnings summaries, seed 3434
# sample, shortened); not a table with no verdict column, nor a cell no share's amount
SURPRISE = ("Initech Corp reports results for the quarter ended December 31 - Earnings Summary\n\n"
            "| QUARTER ENDING | ESTIMATE | ACTUAL | BEAT, MET, MISSED |\n| --- | --- | --- | --- |\n"
            "| Dec. 31 2024 | 0.54 | 0.53 | Missed |\n| Sep. 30 2024 | 0.52 | 0.52 | Met |\n"
            "| Jun. 30 2024 | 1,510.00 | 1,540.00 | Beat |\n")
NO_VERDICT = ("Globex fleet update\n\n| QUARTER ENDING | ESTIMATE | ACTUAL |\n| --- | --- | --- |\n"
              "| Dec. 31 2024 | 0.54 | 0.53 |\n")
SURPRISES = [
    (SURPRISE, "0.54", "eps"),
    (SURPRISE, "0.53", "eps"),
    (SURPRISE, "0.52", "eps"),
    (SURPRISE, "1,540.00", "other"),
    (NO_VERDICT, "0.53", "other"),
]


_metric = partial(claim_metric, published="2025-02-10")


CASES = CONJUNCTS + SHARE_COUNTS + ONE_OFF_PER_SHARE + MARKET_SIZES + COLUMNS + SURPRISES


@pytest.mark.parametrize("text, figure, metric", CASES, ids=[f"{c[1]}:{c[2]}" for c in CASES])
def test_metric_of_conjuncts_share_counts_and_columns(text, figure, metric):
    assert _metric(text, figure) == metric


def test_header_cell_needs_a_separator_row():
    text = "| Initech | $8.45 | $17.27 |\n| Globex | $3.10 | $4.00 |"
    assert header_cell(text, text.index("$4.00")) is None


# the two readers on the clause's words around the figure (their docstrings show one example each)
# (reader, its arguments after the resources: before, after; expected metric)
READERS = [
    (market_size_metric, ("Hooli is the leader of a ", " global language learning market"), "other"),
    (market_size_metric, ("The stock market was valued at ", " at the end of June"), None),
    (market_size_metric, ("Hooli reached a ", " market value"), None),
    (market_size_metric, ("Hooli had sales of ", " in the U.S. market"), None),
    (share_count_metric, ("The company sold ", " American depositary shares at $22.50 apiece"), "other"),
    (share_count_metric, ("Holder plans to issue ", " common shares to buy the Nashville-based companies"),
     "deal_value"),
    (share_count_metric, ("The company bought back ", " shares"), None),
]


@pytest.mark.parametrize("reader, args, expected", READERS, ids=[f"{c[0].__name__}:{c[1][0]}" for c in READERS])
def test_readers_on_the_words_around(reader, args, expected):
    assert reader(load_resources(), *args) == expected
