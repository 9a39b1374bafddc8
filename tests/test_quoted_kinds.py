"""A subject filed as a company whose own name is a commodity's, a token's or a currency's quotes that thing
(pipeline/subject_roles.py, quoted_kind): one expected metric <- many phrasings, and names that stay companies. Articles
written for these tests (issue 15), none from the yardstick or the seeds.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

# (headline, body, figure, metric)
QUOTED = [
    # the headline's topic is the commodity: its moves and levels in the body are the commodity's price
    ("Comex Gold Settles 0.8% Higher at $2,611.40 — Data Talk", "* Up $41.30 or 1.61% over the last three sessions",
     "1.61%", "commodity_price"),
    ("Front Month Nymex Natural Gas Fell 1.5% to Settle at $3.4120 — Data Talk",
     "* Year-to-date it is up 21.40 cents or 6.7%", "21.40 cents", "commodity_price"),
    # ... Nymex's gasoline grade and diesel contract (issue 15: their Data Talk lines had been stock moves and prices)
    ("Front Month Nymex RBOB Gasoline Rose 2.24% This Week to Settle at $2.1050 — Data Talk",
     "* Up 5.43 cents or 2.65% over the last two sessions", "5.43 cents", "commodity_price"),
    ("Front Month Nymex RBOB Gasoline Rose 2.24% This Week to Settle at $2.1050 — Data Talk",
     "* Up 12.57% from its 52-week low of $1.87 hit Tuesday, Sept. 10, 2024", "$1.87", "commodity_price"),
    ("Front Month Nymex ULSD Rose 1.40% This Week to Settle at $2.4308 — Data Talk",
     "* Today it is up 3.28 cents or 1.37%", "1.37%", "commodity_price"),
    # a token named in the headline: its levels are its price, not a share's
    ("Dogecoin (DOGE) Slides Again: Will Buyers Defend Support?",
     "If the slide continues, the price might fall toward the $0.1850 level in the near term.", "$0.1850",
     "commodity_price"),
]
QUOTED_NEGATIVE = [
    # a company whose name holds a commodity's word is a company: its move is its shares'
    ("Senco Gold Jumps After Results", "It was up 4.2% on Monday after the results.", "4.2%", "price_change"),
]


def _metric(title: str, body: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "a1", "title": title, "text": title + "\n\n" + body,
                                       "published": "2025-02-12"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric']].to_dict('records')}"
    return rows.iloc[0]["metric"]


@pytest.mark.parametrize("title, body, figure, metric", QUOTED + QUOTED_NEGATIVE,
                         ids=[c[0][:50] for c in QUOTED + QUOTED_NEGATIVE])
def test_a_subject_whose_name_is_a_quoted_thing(title, body, figure, metric):
    assert _metric(title, body, figure) == metric
