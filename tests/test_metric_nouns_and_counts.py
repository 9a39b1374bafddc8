"""Session 15's metric rules on whole sentences: a scaled amount written without its currency takes the money
metric its clause names, and an amount of one share the cues filed under a total is its price
(pipeline/scaled_counts.py); measures.yaml nouns for a balance-sheet total, working capital, a likelihood, app
installs, equity (own funds, share capital) and gross proceeds; "bought back" as a buyback. Sentences written for
these tests, none from the yardstick; each table has cases the rule must leave alone.
"""
from __future__ import annotations

from functools import partial

import pytest

from conftest import claim_metric


# (text, figure, metric)
SCALED_COUNTS = [
    # a wire table's line or a currency named once before: the count is the named metric's amount
    ("Operating profit 412.5 mln, a 9.3 pct increase", "412.5 mln", "operating_income"),
    ("Freedonia Steel is to receive a state grant of 300 mln francs in addition to a 500 mln bond issue planned for "
     "May.", "500 mln", "debt"),
]
SCALED_COUNTS_NEGATIVE = [
    # no money metric named, or one of one share: the count stays a count
    ("Avg shrs 12.4 mln vs 11.9 mln", "12.4 mln", "other"),
    ("Globex Corp said it will have about 28.5 mln shares outstanding after the offering.", "28.5 mln", "other"),
    ("Hooli said 3.1 billion people used at least one of its apps each month.", "3.1 billion", "users"),
]
PER_SHARE = [
    # an amount of one share the clause's total names no metric of: the price shares are sold at
    ("To fund the purchase, Globex Corp plans to complete a C$150 million financing at C$4 a share.", "C$4",
     "share_price"),
    ("To fund the purchase, Globex Corp plans to complete a C$150 million financing at C$4 a share.", "C$150 million",
     "debt"),
    # an offer, a per-share earnings figure stand
    ("Globex Corp offered 45 dlrs a share for the rest of Initech Corp.", "45 dlrs", "deal_value"),
    ("Initech said net income rose to 12 mln dlrs, or 15 cts a share, in the first quarter.", "15 cts", "eps"),
]
NOUNS = [
    # a balance-sheet total is the bank's assets
    ("Together the two lenders would have a combined balance sheet of 1.4 trillion euros.", "1.4 trillion euros",
     "assets"),
    # working capital is no revenue, though sales are named beside it
    ("Initech said operating working capital was 310 million euro, or 6% of sales, at the end of the quarter.",
     "310 million euro", "other"),
    # the likelihood of a rate move is no rate
    ("Futures price in a 64% probability of a rate cut at the Fed's next meeting.", "64%", "other"),
    ("Traders see a 30% chance of an interest rate hike in June.", "30%", "other"),
    # app installs are no users
    ("Hooli's chat app recorded 410 million installs last year, the tracker said.", "410 million", "other"),
    # equity is no profit or loss; what an issue brought in is no share's price
    ("Globex Bank said own funds were 14 billion francs vs 9.1 billion after a transfer from profits.", "9.1 billion",
     "other"),
    ("The regulator said Initech Airways had lost its share capital of 2.1 billion rupees.", "2.1 billion rupees",
     "other"),
    ("Shareholders' equity was $1.2 billion at year end, and net income rose 4%.", "$1.2 billion", "other"),
    ("Holders exercised 90,000 options at $0.15 per share, for gross proceeds of C$13,500.", "C$13,500", "other"),
    # "bought back" is a buyback as "buy back" is
    ("Globex AG said it has bought back 820 million francs of its shares so far this year.", "820 million francs",
     "buyback"),
]
NOUNS_NEGATIVE = [
    ("Globex Bank said total assets rose to $12.4 billion at the end of the year.", "$12.4 billion", "assets"),
    ("The central bank cut its benchmark interest rate to 4.5% on Tuesday.", "4.5%", "interest_rate"),
    ("Hooli said its app now has 310 million monthly active users.", "310 million", "users"),
    ("Initech said net sales rose to 2.1 billion euro in the quarter.", "2.1 billion euro", "revenue"),
]

SHARES = [
    # a share of a market is market share; a region's share of sales is not
    ("Globex said its rupee holdings of about 300 mln rupees are about 45 pct of the total market.", "45 pct",
     "market_share"),
    ("Initech holds a 12% market share in the region, the tracker said.", "12%", "market_share"),
    ("North America accounted for 51 percent of sales in 2024, Europe for 30 percent and Asia for 19 percent.",
     "30 percent", "other"),
]


_metric = partial(claim_metric, published="1987-03-20")


@pytest.mark.parametrize("text, figure, metric", SCALED_COUNTS + SCALED_COUNTS_NEGATIVE,
                         ids=[c[0][:60] for c in SCALED_COUNTS + SCALED_COUNTS_NEGATIVE])
def test_a_scaled_count_takes_the_money_metric_its_clause_names(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", NOUNS + NOUNS_NEGATIVE, ids=[c[0][:60] for c in NOUNS + NOUNS_NEGATIVE])
def test_balance_sheets_working_capital_likelihoods_installs_and_buybacks(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", SHARES, ids=[c[0][:60] for c in SHARES])
def test_a_share_of_a_market_and_a_share_of_another_whole(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", PER_SHARE, ids=[f"{c[0][:50]} {c[1]}" for c in PER_SHARE])
def test_an_amount_of_one_share_is_no_total(text, figure, metric):
    assert _metric(text, figure) == metric
