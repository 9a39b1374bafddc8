"""A country written as where a figure happened ("in Singapore") gives the figure back to the sentence's
company, commodity or index (`pipeline/place_asides.py`; guide 3.7, a place named as a place).

Rows are written for these tests after phrasings of the yardstick's oil and equity wraps.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "title": title, "text": text, "published": "2019-08-08"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
CASES = [
    ("Oil Rebounds From Seven-Month Low",
     "Oil rebounded from a seven-month low.\n\nWest Texas Intermediate oil for September delivery added $1.19 to "
     "$52.28 a barrel as of 9:02 a.m. in Singapore after advancing as much as $1.46 earlier.", "$1.46", "WTI crude"),
    ("Gold Climbs in Asia",
     "Gold extended gains.\n\nSpot gold traded at $1,500 an ounce at 10:15 a.m. in Singapore after rising as much as "
     "1.2% earlier.", "1.2%", "gold"),
    ("JAPAN EXPORTS RISE",
     "Japan's exports rose in January.\n\nExports in Japan rose 3.5% from a year earlier, the ministry said.",
     "3.5%", "Japan"),  # no company, commodity or index before the figure: the country stays
]


@pytest.mark.parametrize("title,text,figure,want", CASES)
def test_a_place_aside_owns_no_figure(title, text, figure, want):
    assert _entity(title, text, figure) == want


# (title, text, figure, want): a benchmark crude grade is its own commodity, not its country (subjects.yaml
# `common_subjects`)
GRADES = [
    ("Canadian Oil Surge Fails to Lift Producers",
     "Canadian oil producers remain under pressure.\n\nWestern Canadian Select crude has almost doubled to about $43 "
     "a barrel since the curtailment.", "$43", "Western Canadian Select"),
    ("Russian Oil Exports Slip",
     "Russia's seaborne exports fell in March.\n\nUrals crude traded at $58.20 a barrel in Rotterdam.", "$58.20",
     "Urals crude"),
]


@pytest.mark.parametrize("title,text,figure,want", GRADES)
def test_a_crude_grade_is_its_own_commodity(title, text, figure, want):
    assert _entity(title, text, figure) == want
