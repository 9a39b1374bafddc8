"""A commodity's volumes in a country's story are the country's (`pipeline/commodity_countries.py`, guide 3).

Rows are written for these tests after phrasings of the yardstick's Reuters and modern stories; the
negative rows are the commodity's own prices, and volumes in a story no country heads.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-12"}]))
    rows = claims[claims["figure"].str.startswith(figure)]  # "54 million bags": the unit may be read with it
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
COUNTRY = [
    ("Malaysia end-January palm oil stocks fall 7.55%, MPOB says",
     "Crude palm oil production was down 16.8% in January, while palm oil exports fell 12.94% to 1.17 million tons, "
     "the board said.", "12.94%", "Malaysia"),
    ("THAI RICE EXPORTS FALL IN MARCH", "Rice exports fell to 310,000 tonnes in March from 420,000 in February, the "
     "Commerce Ministry said.", "310,000 tonnes", "Thailand"),
    ("Brazil coffee harvest seen lower", "The coffee harvest is expected to reach 54 million bags, down from 58 million "
     "last season.", "54 million", "Brazil"),
]

# negative: the commodity's own price, or no country heads the story
COMMODITY = [
    ("Malaysia end-January palm oil stocks fall", "Palm oil futures rose 1.2% to 4,300 ringgit a tonne.", "1.2%",
     "palm oil"),
    ("Handy and Harman sees sufficient silver supplies", "Silver supplies will total 420 million ounces this year.",
     "420 million ounces", "silver"),
]


@pytest.mark.parametrize("title,text,figure,want", COUNTRY, ids=[r[3] for r in COUNTRY])
def test_a_commoditys_volume_in_a_countrys_story_is_the_countrys(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", COMMODITY, ids=[r[3] for r in COMMODITY])
def test_a_commoditys_price_stays_the_commoditys(title, text, figure, want):
    assert _entity(title, text, figure) == want
