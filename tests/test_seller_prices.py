"""A deals post's "Buy <product> at <seller> - $P" offer is the seller's price (`pipeline/seller_prices.py`;
guide 3, a retailer's sale price of someone else's product).

Rows are written for these tests after the offer lines of the Yahoo dump's weekly deals posts.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entities(title: str, text: str) -> list[tuple[str, str]]:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "title": title, "text": text, "published": "2020-12-04"}]))
    return list(zip(claims["figure"], claims["entity"]))


# (offer line, figure, seller)
OFFERS = [
    ("Buy WH-1000XM4 at Amazon - $278 Buy WH-1000XM4 at Best Buy - $279", "$279", "Best Buy"),
    ("Buy WH-1000XM4 at Amazon - $278 Buy WH-1000XM4 at Best Buy - $279", "$278", "Amazon"),
    ("Buy Echo Show 5 at Amazon - $45 Buy Echo Show 5 bundle at Amazon - $50", "$45", "Amazon"),
    ("Buy GoPro Hero 8 Black at Amazon - $249 Buy GoPro Hero 8 Black at Best Buy - $250", "$250", "Best Buy"),
]


@pytest.mark.parametrize("line,figure,want", OFFERS)
def test_the_offer_is_the_sellers(line, figure, want):
    text = ("This week's best deals include headphones, smart displays and cameras.\n\n"
            "Sony's noise-cancelling headphones are back on sale.\n" + line + "\n")
    got = dict(_entities("This week's best deals: $60 off the Apple Watch SE and more", text))
    assert got.get(figure) == want, got
