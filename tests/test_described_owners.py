"""A sentence that opens with its company described by country and trade is that company's (described_owners.py).

Rows are shortened dump phrasings (Dow Jones briefings and Market Talk, seed-2020 audit); the negative rows
describe no company ("The German economy"), or a company of another country than the last one named.
"""
from __future__ import annotations

import pytest

from pipeline import extract


def _entity(text: str, figure: str) -> str:
    claims, _ = extract([text], published="2025-02-11")
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (text, figure, want)
DESCRIBED = [
    # bugs caught: the company named just before the description, or the headline's, was not the head's pick
    ("European stocks little moved despite trade tensions\n\nEuropean stocks were little changed on Tuesday. Kering "
     "shares fell 2% and UniCredit rose.\n\nThe Italian bank said it expects this year's net profit to be broadly in "
     "line with 2024's result of 9.31 billion euros.\n", "9.31 billion euros", "UniCredit"),
    ("European stocks rise despite metal tariffs plan\n\nEuropean stocks rose on Monday. Siemens shares gained 1% and "
     "Nokia rose.\n\nThe Finnish telecommunication company recently signed a deal worth $2.3 billion to buy a "
     "networking firm.\n", "$2.3 billion", "Nokia"),
    ("Maruti Suzuki shares extend gains as HSBC maintains 'buy'\n\nThe E-Vitara will take on the likes of the "
     "Mahindra BE 6 and Tata Curvv EV.\n\nIndia's largest four-wheeler manufacturer reported a 16 percent "
     "year-on-year rise in consolidated net profit to Rs 3,727 crore for the third quarter of FY25.\n",
     "Rs 3,727 crore", "Maruti Suzuki"),
    # negative: no company noun after the demonym, or one that modifies a measure ("producer prices"); the head's
    # pick already fits the description
    ("European Midday Briefing: Stocks Rise\n\nSiemens shares rose.\n\nThe German economy grew 0.2% in the quarter.\n",
     "0.2%", "Germany"),
    ("European markets mostly lower\n\nEuropean stocks fell. Siemens shares lost 1%.\n\nSwitzerland's producer and "
     "import prices fell 0.3% Y/Y in January.\n", "0.3%", "Switzerland"),
    ("European markets mostly lower\n\nEuropean stocks fell. Siemens shares lost 1%.\n\nGermany's producer prices "
     "fell 0.3% Y/Y in January.\n", "0.3%", "Germany"),
    ("Turkey Wealth Fund Said to Hire Banks for 1 Billion Euro Loan\n\nThe fund hired banks including Industrial and Commercial Bank of China."
     "\n\nSaudi Arabia's fund last year signed an $11 billion loan with some of the world's biggest banks.\n",
     "$11 billion", "Saudi Arabia"),
    ("Germany's DAX edges up\n\nMerck KGaA's potential acquisition of SpringWorks Therapeutics puts its strategy into "
     "question, Equita analyst Davide Marchesin says. Shares of Bayer rose 1%.\n\nThe German pharma company previously "
     "said it would pay up to 4 billion euros for deals.\n", "4 billion euros", "Merck KGaA"),
]


@pytest.mark.parametrize("text,figure,want", DESCRIBED, ids=[r[2] + " " + r[1] for r in DESCRIBED])
def test_a_described_company_is_the_one_named_before(text, figure, want):
    assert _entity(text, figure) == want
