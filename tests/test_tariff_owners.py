"""A tariff's rate is the imposing country's (`pipeline/tariff_owners.py`, guide 3: a government's own rate).

Rows are written for these tests after phrasings of the yardstick's modern and Reuters stories; the
negative rows name the tariff's target only after "on" or "from", or are no tariff's rate at all.
"""
from __future__ import annotations

import pytest

from pipeline import extract


def _entity(text: str, figure: str) -> str:
    claims, _ = extract([text], published="2025-02-10")
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (text, figure, want): the imposer, a country or a leader or capital standing for it
IMPOSERS = [
    ("Trump imposes 25% tariffs on steel and aluminum, says no exemptions.", "25%", "United States"),
    ("Trump's orders increase aluminium tariffs from 10 percent to 25 percent, reversing exemptions.", "10 percent",
     "United States"),
    ("Trump's orders increase aluminium tariffs from 10 percent to 25 percent, reversing exemptions.", "25 percent",
     "United States"),
    ("Trump had last week imposed a 10% duty on China, drawing ire and retaliation from Beijing.", "10%",
     "United States"),
    ("China said it would impose a 15% tariff on U.S. coal and liquefied natural gas.", "15%", "China"),
    ("The White House said it would put a 100 pct duty on 300 mln dlrs of Japanese electronics.", "100 pct",
     "United States"),
]

# negative: no tariff's rate, or no imposer named before it
OTHERS = [
    ("Shares of Nucor rose 5% after the tariff announcement.", "5%", "Nucor"),
    ("Steel Dynamics said tariffs lifted its margin to 14% in the quarter.", "14%", "Steel Dynamics"),
]


@pytest.mark.parametrize("text,figure,want", IMPOSERS, ids=[f"{r[1]} {r[0][:30]}" for r in IMPOSERS])
def test_a_tariffs_rate_is_the_imposing_countrys(text, figure, want):
    assert _entity(text, figure) == want


@pytest.mark.parametrize("text,figure,want", OTHERS, ids=[r[2] for r in OTHERS])
def test_other_figures_near_a_tariff_keep_their_owner(text, figure, want):
    assert _entity(text, figure) == want
