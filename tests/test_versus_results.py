"""An analysts' estimate set against a result takes the result's period (versus_results.py), and a figure a
participle after it names as expected is an estimate (modality.yaml `estimate_participle`); shortened modern dump
phrasings."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def claim(title: str, published: str, text: str, figure: str, nth: int = 0):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    return claims[claims.figure == figure].iloc[nth]


# title, published, text, the estimate's figure, its period label: the result's
SET_AGAINST = [
    ("Rockwell Automation Shares Rise Following Better-Than-Expected 1Q Report", "2025-02-10",
     "Rockwell backed its adjusted per-share earnings outlook for fiscal 2025 of $8.60 to $9.80. Adjusted per-share "
     "earnings were $1.83, beating the $1.58 that analysts surveyed by FactSet were expecting.", "$1.58", "2024-Q4"),
    ("Comcast vs AMC", "2025-02-07",
     "Comcast guided for fiscal 2025 revenue of $125 billion. On the top line, fourth-quarter revenue rose 2% to $31.92 billion, "
     "exceeding analysts' target of $31.64 billion.", "$31.64 billion", "2024-Q4"),
    ("AppLovin Shares Jump After Q4 Results, Q1 Guidance Come Ahead of Estimates", "2025-02-13",
     "AppLovin expects Q1 revenue of $1.36 billion to $1.39 billion. Similarly, revenue rose to $1.37 billion from "
     "$953.3 million a year ago, beat consensus of $1.26 billion.", "$1.26 billion", "2024-Q4"),
    # a base named after it is not its period
    ("Nissan Profit Falls", "2025-02-13",
     "Nissan's operating profit totalled 31.1 billion yen for the October-December quarter, compared with an average "
     "estimate of 63.2 billion yen in a poll of eight analysts by LSEG and a 141.6 billion yen profit in the "
     "year-earlier period.", "63.2 billion yen", "2024-10..2024-12"),
    # a bare estimate after the result whose metric it restates
    ("The Trade Desk Stock Plunges After Q4 Miss", "2025-02-13",
     "The Trade Desk expects first-quarter revenue of at least $575 million. For the fourth quarter, revenue rose 22% "
     "to $741 million. Analysts expected $758.9 million.", "$758.9 million", "2024-Q4"),
    # guidance set against the consensus of its own period, after the result of the quarter reported
    ("Key takeaways from Hooli earnings", "2025-02-12",
     "Hooli slid 25% after fourth-quarter earnings.\n\nRevenues grew 22% to $741M, short of forecasts for $759.6M, "
     "and company guidance for the current quarter wasn't upbeat: It expects revenue of at least $575M, compared with "
     "Street consensus for $582.7M.", "$582.7M", "2025-Q1"),
]

# negative: a period the estimate's own words name stays
OWN_PERIOD = [
    ("Dutch Bros Q4 Results", "2025-02-13",
     "Dutch Bros's fourth-quarter revenue of $342.8 million beat estimates, while analysts expect $355.1 million for "
     "the first quarter of 2025.", "$355.1 million", "2025-Q1"),
]


@pytest.mark.parametrize("title,published,text,figure,label", SET_AGAINST + OWN_PERIOD)
def test_an_estimate_takes_the_period_of_the_result_it_is_set_against(title, published, text, figure, label):
    row = claim(title, published, text, figure)
    assert row.modality == "estimate"
    assert row.period_label == label


def test_a_base_of_comparison_named_after_it_keeps_its_own_period():
    row = claim(*SET_AGAINST[3][:3], "141.6 billion yen")
    assert row.period_label == "2023-10-01..2023-12-31"


# text, figure, modality
PARTICIPLES = [
    ("Amazon's operating profit outlook was $16.0 billion at the midpoint, versus $18.3 billion expected.",
     "$18.3 billion", "estimate"),
    ("Unilever said its underlying sales grew 4.0% in the fourth quarter, compared with 4.1% expected by analysts in "
     "a company-compiled consensus.", "4.1%", "estimate"),
    ("Consumer credit use surged by $40.8 billion in December, compared with a $14.6 billion increase expected in a "
     "survey compiled by Bloomberg.", "$14.6 billion", "estimate"),
    ("Unemployment rate: Fell to 4.0% (vs. 4.1% expected).", "4.1%", "estimate"),
    ("Operating profit increased by 7.1% to 1.04 billion francs, slightly above the 1.02 billion francs expected.",
     "1.02 billion francs", "estimate"),
    ("For the year, the company said it sees earnings per share of 43 cents to 68 cents, compared with the 87 cents "
     "forecast of analysts, according to FactSet.", "87 cents", "estimate"),
    ("Consumer prices rose 0.5% month-over-month, driving inflation to 3.0% annually, above the expected 2.9%.", "2.9%",
     "estimate"),
    ("Total revenue for the three months ended Dec. 31 was a touch ahead of the expected 2.18 billion euro figure.",
     "2.18 billion euro", "estimate"),
    ("Coinbase is expected to report revenue of $1.8 billion for the fourth quarter of 2024.", "$1.8 billion",
     "estimate"),
    ("It is expected to show that both headline and core consumer prices rose by 0.3% last month.", "0.3%",
     "estimate"),
    # negative: no verb of reporting results, the entity's own plan
    ("HSBC Holdings is expected to announce $1.5 billion in planned annual savings after one-time costs.",
     "$1.5 billion", "forecast"),
    ("Post-merger synergies are expected to generate annual cost savings of $700 million by 2027.", "$700 million",
     "forecast"),
    # each figure after the analysts opening the sentence
    ("Analysts polled by FactSet were expecting 24.71 billion euros in sales, 9.39 billion euros in net income, and "
     "5.80 euros in EPS.", "9.39 billion euros", "estimate"),
    ("Wall Street expects the Chicago-based company to post EPS of $0.78, while revenue is expected to decline 3.3% to "
     "$6.67 billion during the quarter.", "3.3%", "estimate"),
    ("Analysts polled by LSEG had forecast a net profit of $945 million from revenues of $4.04 billion.",
     "$4.04 billion", "estimate"),
    # a range's low end is no earlier value
    ("2025 full year adjusted EPS expected to range from $2.70 to $2.94.", "$2.70", "forecast"),
    ("Adjusted EBITDA is expected to range from negative $18 million to negative $20 million.", "negative $18 million",
     "forecast"),
    # negative: a result as expected, an earlier value, the entity's own expectation, and a result set against the
    # forecasts before their source
    ("After excluding food and energy prices, core PPI increased by 0.3% as expected, compared with an upwardly "
     "revised 0.4% gain in the previous month.", "0.3%", "actual"),
    ("While the fall in Swiss inflation to 0.4% in January from 0.6% was expected, underlying pressures are likely "
     "still a bit stronger.", "0.6%", "historical"),
    ("SGS reported 300 million francs in savings already achieved and savings of 700 million francs expected by the "
     "end of 2025.", "700 million francs", "forecast"),
    ("Rockwell's sales fell 8.4% to $1.88 billion, in line with analyst forecasts, according to FactSet.",
     "$1.88 billion", "actual"),
]


@pytest.mark.parametrize("text,figure,modality", PARTICIPLES)
def test_a_figure_named_as_expected_after_it_is_an_estimate(text, figure, modality):
    assert claim("Results", "2025-02-12", text, figure).modality == modality
