"""A figure that modifies a rate laid on goods or a price, a change written in words and the noun it changes, and a
subject with two prepositional tails (pipeline/measures.py, models/lexicons/measures.yaml `rate_nouns`,
`moved_nouns`): one expected metric <- many phrasings, and negatives. Sentences written for these tests (issue 15),
none from the yardstick or the seeds.
"""
from __future__ import annotations

from functools import partial

import pytest

from conftest import claim_metric


# (text, figure, metric)
RATES = [
    # a tariff, a duty, a takeover premium or a discount in percent is a rate laid on something: other
    ("Freedonia imposed 15% tariffs on cars from Sylvania on Monday.", "15%", "other"),
    ("The government paused a planned 20% tariff on imports of Sylvanian timber.", "20%", "other"),
    ("Sylvania will levy a 5% duty on steel from Freedonia.", "5%", "other"),
    ("Initech Corp's offer of $31 a share marks a 38% premium to Globex Corp's closing price.", "38%", "other"),
    ("The Freedonian market trades at a 15% discount to its peers.", "15%", "other"),
]
RATES_NEGATIVE = [
    # a tariff named before the figure, or a holding, keeps its own reading
    ("Initech Corp said it holds a 12% stake in Globex Corp.", "12%", "ownership_pct"),
    ("Initech Corp shares rose 5% on Monday despite new tariffs.", "5%", "price_change"),
]
WORDS = [
    # a change in words and its possessed object: the object's change, other when no metric names it
    ("Initech Corp plans to double its turnover to $4 billion by 2030.", "double", "revenue_growth"),
    ("Globex Corp aims to triple its sales in India within five years.", "triple", "revenue_growth"),
    ("Hooli is well placed to double its office portfolio in the next three years.", "double", "other"),
    # its subject before it
    ("Venture investment in Freedonia has tripled over the last two years.", "tripled", "investment"),
    ("Initech Corp's capital spending has doubled since 2022.", "doubled", "capex"),
]
WORDS_NEGATIVE = [
    # a stock that doubles is its shares' move
    ("Initech Corp shares have doubled this year.", "doubled", "price_change"),
]
TAILS = [
    # a period's end in the tail, its date's comma included
    ("Globex REIT said core FFO for the twelve months ended December 31, 2024 increased 8.4% to $211.2 million.", "8.4%",
     "profit_growth"),
    # a change noun between the noun and "of"
    ("Globex Corp guided for adjusted EBITDA growth of 6% next year.", "6%", "ebitda"),
    ("Globex Wealth assumes AUA growth of 18% a year.", "18%", "assets"),
    # the goods a percent counts more or fewer of
    ("In the latest ten-day period Globex Motors sold 12.5 pct fewer cars.", "12.5 pct", "units_sold"),
    # a subject with two prepositional tails before its move verb
    ("Globex Corp's revenue for the first half of its fiscal year rose 7.2% from a year earlier.", "7.2%",
     "revenue_growth"),
    ("Initech Corp's net sales in the three months to June rose 4.1%.", "4.1%", "revenue_growth"),
]

PARTICIPLES = [
    # a clause that opens with a move's participle moves the lead clause's subject
    ("Initech Corp said operating expenses saw a sharp increase, rising by 24% to $8.1 million.", "24%", "other"),
    ("Freedonia's industrial output rose 1.2 pct in March from February while rising 3.4 pct from a year earlier.",
     "3.4 pct", "other"),
    ("Globex Corp's capital spending reached $2 billion last year, climbing 15% from 2023.", "15%", "capex"),
]
RELATIVES = [
    # a relative clause's figure measures the noun right before ", which", a preposition's object or not
    ("Initech Corp reported a sequential improvement in adjusted EBITDA, which increased by 3.8% from the prior quarter.",
     "3.8%", "ebitda"),
    ("Globex Corp cut its net debt, which has fallen 12% since March.", "12%", "debt"),
]
PARTICIPLES_NEGATIVE = [
    # the lead names no noun of the tables: the cues stand
    ("Initech Corp shares opened higher on Monday, rising 3% after the results.", "3%", "price_change"),
]
BUSINESS_LINES = [
    # a business line's move is its sales'
    ("Globex Corp said its cloud unit grew 31% in the quarter.", "31%", "revenue_growth"),
    ("Initech Corp's consumer business dropped 4.2% year on year.", "4.2%", "revenue_growth"),
    ("Hooli's advertising division rose 11% from a year earlier.", "11%", "revenue_growth"),
]

LABELS = [
    # a label right before its amount, with no link word, or before a colon
    ("* Net margin: 12.5% (up from 9.8% in FY 2023) at Globex Corp.", "12.5%", "other"),
    ("Initech Corp: gross profit 4.1 mln dlrs vs 3.8 mln dlrs.", "4.1 mln dlrs", "other"),
]
LABELS += [
    # a bracketed figure right after its noun, and the figure it is compared with
    ("Freedonia's building activity grew, driven by a rebound in industrial production (3.1% vs -0.4% in May).",
     "-0.4%", "other"),
]
LABELS_NEGATIVE = [
    ("* Revenue: $412 million at Globex Corp, up from $380 million.", "$412 million", "revenue"),
]

FEES_AND_FUNDING = [
    # an amount written before the sales it counts
    ("Initech Corp guided for $410 million adjusted EBITDA on $1.9 billion revenue in 2025.", "$1.9 billion", "revenue"),
    ("Globex Corp expects more than $1bn revenues in 2025.", "$1bn", "revenue"),
    # fees a firm earns are its revenue
    ("Initech Capital has earned about $45 million in fees advising on the merger.", "$45 million", "revenue"),
    ("Globex Asset Management's quarter was lifted by $3.2 million in management fees.", "$3.2 million", "revenue"),
    # money pumped into a company is an investment
    ("Hooli Ventures plans to pump $2 billion of equity into the startup this year.", "$2 billion", "investment"),
]


_metric = partial(claim_metric, published="2025-02-12")


@pytest.mark.parametrize("text, figure, metric", RATES + RATES_NEGATIVE, ids=[c[0][:60] for c in RATES + RATES_NEGATIVE])
def test_a_rate_laid_on_goods_or_a_price_is_other(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", WORDS + WORDS_NEGATIVE, ids=[c[0][:60] for c in WORDS + WORDS_NEGATIVE])
def test_a_change_in_words_measures_its_object_or_subject(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", TAILS, ids=[c[0][:60] for c in TAILS])
def test_a_subject_with_two_tails_before_its_move(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", PARTICIPLES + PARTICIPLES_NEGATIVE,
                         ids=[c[0][:60] for c in PARTICIPLES + PARTICIPLES_NEGATIVE])
def test_a_participle_clause_moves_the_lead_clauses_subject(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", BUSINESS_LINES, ids=[c[0][:60] for c in BUSINESS_LINES])
def test_a_business_lines_move_is_its_sales(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", LABELS + LABELS_NEGATIVE, ids=[c[0][:60] for c in LABELS + LABELS_NEGATIVE])
def test_a_label_right_before_its_amount(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", FEES_AND_FUNDING, ids=[c[0][:60] for c in FEES_AND_FUNDING])
def test_fees_earned_and_money_pumped_in(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", RELATIVES, ids=[c[0][:60] for c in RELATIVES])
def test_a_relative_clause_moves_the_noun_before_it(text, figure, metric):
    assert _metric(text, figure) == metric
