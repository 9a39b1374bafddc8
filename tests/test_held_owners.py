"""A stake's figure is the company held when the sentence names it (`pipeline/held_owners.py`; guide 3.4, "the
company owned (Y) when it is named, else the holder").

Rows are written after the dumps' phrasings: a holder's stake "of" or "in" the company held ("acquire 85 pct of the
outstanding common stock of", "holds 49 pct of", "a bid for 49 pct of <X> common shares"), a count of shares of a
company, and "X, 95 pct owned by Y" with the later figures of its list ("..., 16.43 pct by Y2"); the negative rows
are figures that are no stake: a company's share of another's earnings or sales, a move "in" a company's trading.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "1987-03-25"}]))
    rows = claims[claims["figure"].str.startswith(figure)]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
HELD = [
    ("HADSON TO ACQUIRE SEAXE", "Hadson Corp said it has signed a definitive agreement to acquire 85 pct of the "
     "outstanding common stock of Seaxe Energy Corp.", "85 pct", "Seaxe Energy"),
    ("VW SAYS AUTOLATINA TO LOSE 500 MLN MARKS IN 1987", "Ford holds 49 pct of Autolatina.", "49 pct", "Autolatina"),
    ("INDIAN BILLIONAIRES CONSIDER STAKE", "Bharti and Singapore Telecommunications Ltd. plan to make a combined offer "
     "of about 61.5 billion rupees to acquire about 60 percent of Dish TV India Ltd.", "60 percent", "Dish TV India"),
    ("LIFETIME TO BUY SHARES OF NIPPON LACE", "Lifetime also said a private bank intends to subscribe for two mln "
     "shares of Nippon Lace at the same price paid by Lifetime.", "two mln", "Nippon Lace"),
    ("NEWMONT GOLD SEES ITS SALES RISING", "Newmont Gold, 95 pct owned by Newmont Mining Corp, said it expects "
     "significant increases in gold sales.", "95 pct", "Newmont Gold"),
    ("CATHAY PACIFIC FORECASTS GOOD 1987", "Cathay Pacific is now 50.23 pct owned by Swire Pacific Ltd, 16.43 pct by "
     "Hongkong and Shanghai Banking Corp and 12.5 pct by others.", "16.43 pct", "Cathay Pacific"),
]

# negative: no stake, the choice stands
NOT_HELD = [
    ("APPLE SUPPLIERS", "Apple accounted for 30% of Foxconn's sales last year.", "30%", "Apple"),
    ("TOKYO STOCKS", "Sony rose 5% in Tokyo trading on Friday.", "5%", "Sony"),
]


@pytest.mark.parametrize("title,text,figure,want", HELD, ids=[r[2] for r in HELD])
def test_a_stake_is_the_company_held(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", NOT_HELD, ids=[r[2] for r in NOT_HELD])
def test_a_figure_that_is_no_stake_keeps_its_subject(title, text, figure, want):
    assert _entity(title, text, figure) == want
