"""A market wrap's city stands for its benchmark index (`pipeline/market_cities.py`, guide 3.7).

Rows are written for these tests after phrasings of the yardstick's modern market wraps; the negative
rows are a company's own move in a city, or a city that follows the figure.
"""
from __future__ import annotations

import pytest

from pipeline import extract


def _entity(text: str, figure: str) -> str:
    claims, _ = extract([text], published="2025-02-10")
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (text, figure, want)
CITIES = [
    ("Shares in Seoul added 0.8% while those in Taipei gained 0.2%.", "0.8%", "KOSPI"),
    ("In Europe, at midday, London flat. Paris flat. Frankfurt +0.1%.", "+0.1%", "DAX"),
    ("Tokyo rose 1.2% on Monday as exporters gained.", "1.2%", "Nikkei 225"),
    ("Stocks in Hong Kong fell 1.5% on Tuesday.", "1.5%", "Hang Seng Index"),
]

# negative: a company's move, a city after the figure
OTHERS = [
    ("Tesla rose 3% in Frankfurt trading on Monday.", "3%", "Tesla"),
    ("In London, Barclays fell 2% after its results.", "2%", "Barclays"),
]


@pytest.mark.parametrize("text,figure,want", CITIES + OTHERS)
def test_a_market_city_moves_as_its_index(text, figure, want):
    assert _entity(text, figure) == want
