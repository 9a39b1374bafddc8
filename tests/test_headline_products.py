"""A price's product from the headline (`pipeline/headline_products.py`, guide section 4).

Rows are written after phrasings of the yardstick's Yahoo reviews and deals lists: the headline names the product,
the sentence prices it without its name. Negative rows: another maker's product in the headline, a figure that is no
price, a sentence that names its own part.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.headline_products import headline_product
from pipeline.resources import load_resources


def _segment(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2019-11-21"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["segment"]


# (title, text, figure, want)
PRICED = [
    ("Samsung Galaxy Note 10 review: the big phone grows up", "Samsung says the phone will cost $949 when it ships in "
     "August.", "$949", "Galaxy Note 10"),
    ("Samsung Galaxy Note 10 review", "Preorders open Friday, and at $949 it undercuts last year's model.", "$949",
     "Galaxy Note 10"),
    ("Apple iPad Air review: a lighter tablet", "Apple's new tablet starts at $499 with 64GB of storage.", "$499",
     "iPad Air"),
]


@pytest.mark.parametrize("title,text,figure,want", PRICED, ids=[r[3] for r in PRICED])
def test_a_price_takes_the_headlines_product(title, text, figure, want):
    assert _segment(title, text, figure) == want


# (headline, entity, want): whose figure may take the headline's product
HEADLINES = [
    ("Is the MacBook Pro a better buy than the Air?", "Apple", "MacBook Pro"),
    ("Apple Watch Series 4 review", "Apple", "Apple Watch Series 4"),
    ("Best Buy knocks $100 off the Xbox One X", "Best Buy", "Xbox One X"),  # a retailer's sale: the product is its part
    ("Apple Q2 earnings rise on App Store, Apple TV", "Amazon", ""),  # another maker's product
    ("iPhone Suppliers Slide as Apple Cuts Forecast", "Apple", "iPhone"),  # title-case words are no model
    ("Apple earnings beat estimates", "Apple", ""),
]


@pytest.mark.parametrize("headline,entity,want", HEADLINES, ids=[r[0][:30] for r in HEADLINES])
def test_the_headline_product_a_figure_may_own(headline, entity, want):
    assert headline_product(headline, entity, "", load_resources()) == want


def test_a_figure_that_is_no_price_takes_no_headline_product():
    assert _segment("Apple iMac review", "Apple shares rose 2% on Tuesday.", "2%") == ""
