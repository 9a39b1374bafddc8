"""A place written as a modifier of a company's part, or as where a company is based, owns no figure
(`pipeline/place_modifiers.py`; guide 3.7, "a place named as a place is not the subject of a company's figure").

Rows are written for these tests after phrasings of the yardstick's and the dumps' stories: a unit abroad ("the
U.K. arm of"), a business or assets by country ("Japan equity assets"), a company's revenue in
a country after its possessive; the negative rows are a country's own sales, which no company's possessive heads.
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
COMPANY = [
    ("Tech Giants Are Not Fixing Their U.K. Gender Pay Gap Problem",
     "At WeWork International Limited, the U.K. arm of the work-sharing startup, women were paid 23.4 percent less, "
     "and make up 39.4 percent of the top jobs.", "39.4 percent", "WeWork International"),
    ("Sparx Group's assets under management rise", "Sparx Group said assets under management rose in January.\n\n"
     "By segment, Japan equity assets fell 1.3% to 1.359 trillion yen, while OneAsia increased 8.8% to 112.4 billion "
     "yen.", "1.3%", "Sparx Group"),
    ("VF Corp raises outlook", "In its third quarter, VF's China revenue soared 23 percent, excluding the impact of "
     "currency, it said Friday.", "23 percent", "VF"),
]

# negative: a country's or a market's sales, no company's possessive before the place
COUNTRY = [
    ("US retail sales top estimates", "U.S. retail "
     "sales rose 0.7% in July, the most in four months, according to the Commerce Department.", "0.7%",
     "United States"),
    ("America's largest milk brand", "According to Nielsen data, U.S. sales of oat milk rose 636% to more than $52 "
     "million just in the last year.", "636%", "United States"),
]


@pytest.mark.parametrize("title,text,figure,want", COMPANY, ids=[r[2] for r in COMPANY])
def test_a_place_that_modifies_a_companys_part_gives_way_to_the_company(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", COUNTRY, ids=[r[2] for r in COUNTRY])
def test_a_countrys_own_sales_stay_the_countrys(title, text, figure, want):
    assert _entity(title, text, figure) == want
