"""A government's fiscal or external figure is its country's (`pipeline/fiscal_owners.py`; guide 3, "the country
or area for macro figures").

Rows are written for these tests after phrasings of the yardstick's and the dumps' stories: a budget gap, the
public debt, tax collections, FDI flows, reserves, a fiscal deficit target; the negative rows name the measure's
owner as a name no list knows as a country, or no fiscal measure at all.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-12"}]))
    rows = claims[claims["figure"].str.startswith(figure)]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
COUNTRY = [
    # no country in the sentence: the public office the story cites
    ("Federal deficit climbs to $127B in January",
     "The federal government spent $126.6B more than it collected, according to the U.S. Treasury's monthly "
     "statement.\n\nThe budget gap swelled from a $86.7B deficit in December and a $21.9B shortfall in January 2024.",
     "$21.9B", "United States"),
    # the headline's one country
    ("Tackling debt: what the new administration means for the US economy",
     "Analysts at a think tank weighed the plans.\n\nDebt held by the public now stands at $28.9 trillion, equal to "
     "100 per cent of GDP.", "$28.9 trillion", "United States"),
    # the one country of the figure's money
    ("Net direct tax collection grows by 14.7% to Rs 17.8 trn until Feb 10",
     "Net direct tax collection grew 14.7 per cent to Rs 17.8 trillion between April 1 and February 10, according to "
     "data released by the income tax department.", "Rs 17.8 trillion", "India"),
    # a demonym in the sentence
    ("Reserves rise in January", "Swiss foreign exchange reserves increased in January to CHF 736 billion, up from "
     "CHF 730 billion in December, according to data released by the central bank.", "CHF 730", "Switzerland"),
    # the sentence's one country over a person's goal
    ("DOGE savings tracker", "The savings represent just 1.8% of Musk's goal to reduce U.S. government spending by up "
     "to $2 trillion.", "$2 trillion", "United States"),
]

# negative: an owner the sentence writes that no list knows as a country, or no fiscal measure (a company's tax):
# (title, text, figure, a country the figure must not be given)
KEPT = [
    ("Goldman says Lebanon may restructure", "The International Monetary Fund projects Lebanon's public debt burden "
     "will rise further to near 180% of economic output by 2023.", "180%", "United States"),
    ("Acme Corp reports results", "Acme Corp said its tax expense rose to $12 million in the quarter.", "$12 million",
     "United States"),
]


@pytest.mark.parametrize("title,text,figure,want", COUNTRY, ids=[r[2] for r in COUNTRY])
def test_a_fiscal_figure_is_its_countrys(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", KEPT, ids=[r[2] for r in KEPT])
def test_a_written_owner_or_a_companys_figure_is_no_countrys(title, text, figure, want):
    assert _entity(title, text, figure) != want


# a statistics office's figures are its country's whatever their metric (`pipeline/statistics_owners.py`), after the
# dumps' "The Bureau of Labor Statistics (BLS) announced 143,000 new jobs", "Statistics Canada reported canola stocks",
# "The National Census and Statistics Office (NCSO) said imports of ..."
OFFICES = [
    ("January jobs report", "The Bureau of Labor Statistics (BLS) announced 143,000 new jobs for January, according "
     "to the Establishment Survey.", "143,000", "United States"),
    ("Canola stocks fall", "Statistics Canada reported canola stocks at the end of 2024 were about 19 percent smaller "
     "than those the year before.", "19 percent", "Canada"),
    ("PHILIPPINES POSTS 68 MLN DLR JANUARY TRADE DEFICIT", "MANILA, March 12 - The Philippines posted a trade "
     "deficit in January.\n\nThe National Census and Statistics Office (NCSO) said imports of 436 mln dlrs in January "
     "were up from 371 mln in January 1986.", "436 mln", "Philippines"),
]


@pytest.mark.parametrize("title,text,figure,want", OFFICES, ids=[r[2] for r in OFFICES])
def test_a_statistics_offices_figure_is_its_countrys(title, text, figure, want):
    assert _entity(title, text, figure) == want
