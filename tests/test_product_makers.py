"""A product's price is its maker's (`pipeline/product_makers.py`, guide 3.8).

Rows are written for these tests after phrasings of the yardstick's Yahoo deals lists and reviews; the
negative rows are a company's unit or an index named after a company, and a figure with a metric.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2018-11-21"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
MAKERS = [
    ("Best Deals for Christmas and After", "Canon PowerShot SX420 for $199 ($180 off)", "$199", "Canon"),
    ("Black Friday deals", "The Google Chromecast costs $35 this week.", "$35", "Alphabet"),
    ("Best Deals for the Holidays", "Sony WH1000XM3 for $278, down from $348.", "$278", "Sony"),
]

# (title, text, figure, want): a product line written without its maker (subjects.yaml product_lines)
LINES = [
    ("How the Surface Pro compares", "A similarly outfitted MacBook will cost you $1,299, but sports a less powerful "
     "processor.", "$1,299", "Apple"),
    ("Black Friday tech deals", "The all-new Fire TV Stick is on sale for $28, which is 30 percent off its normal price.",
     "30 percent", "Amazon"),
    ("Pre-order deals", "In the case of the Galaxy S20, the bundle costs $1,000 instead of $1,159.86.", "$1,000",
     "Samsung Electronics"),
]


@pytest.mark.parametrize("title,text,figure,want", LINES, ids=[r[2] for r in LINES])
def test_a_product_lines_price_is_its_makers(title, text, figure, want):
    assert _entity(title, text, figure) == want


# negative: an index or unit whose name starts with a company's, or a figure of a named metric
OTHERS = [
    ("Australian stocks", "Alcan Australia ended four cents down at 1.15 dlrs on Friday.", "four cents",
     "Alcan Australia"),
    ("Deals", "Apple Australia charges A$1,299 for the new model, the company's local unit said.", "A$1,299",
     "Apple Australia"),
]


@pytest.mark.parametrize("title,text,figure,want", MAKERS, ids=[r[3] for r in MAKERS])
def test_a_products_price_is_its_makers(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", OTHERS, ids=[r[3] for r in OTHERS])
def test_a_name_after_a_company_that_is_no_product_stays(title, text, figure, want):
    assert _entity(title, text, figure) == want


def test_the_product_is_the_segment():
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": "Canon PowerShot SX420 for $199 ($180 off)",
                                       "title": "Best Deals for Christmas and After", "published": "2018-11-21"}]))
    row = claims[claims["figure"] == "$199"].iloc[0]
    assert (row["entity"], row["segment"]) == ("Canon", "PowerShot SX420")
