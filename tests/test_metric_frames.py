"""The metric a frame around the figure settles (metric_frames.py): an estimate set beside the figure before it takes
that figure's metric, a chart's price level is a price, a preferred series named by its dividend is that dividend,
a price's move in money to a level written after it is a move, the level a price.
Sentences written for these tests in the phrasings of the yardstick and the dumps, none copied from them.
"""
from __future__ import annotations

import pytest

from pipeline import extract

# (text, figure, metric)
ESTIMATES = [
    # an estimate right after the figure it is compared with takes that figure's metric (guide rule 4)
    ("Initech said full-year revenue will range from $4.1B to $4.2B, roughly in line with the street estimate of "
     "$4.15B. Full-year earnings per share will range from $2.10 to $2.20.", "$4.15B", "revenue"),
    ("Globex expects 2025 adjusted EPS to grow 9% to 11% year-over-year vs. estimated growth of 10.4% Y/Y.", "10.4%",
     "eps_growth"),
    ("Hooli reported fourth-quarter revenue of $2.31 billion, beating analysts' estimates of $2.25 billion.",
     "$2.25 billion", "revenue"),
    # a consensus named after an unrelated figure keeps its own cue
    ("Globex shares slid 12% after the company topped profit expectations but missed with revenue growth short of "
     "Wall Street consensus for a 20% rise.", "20%", "revenue_growth"),
]

CHART_LEVELS = [
    # a stop-loss, a support or a resistance of a stock is a price of one share
    ("Hence, we recommend accumulating the stock in the zone of Rs 412-405, with a stop-loss of Rs 390.", "Rs 390",
     "share_price"),
    ("**Globex Industries**  Current Price: Rs 618  Downside Risk: 9.2%  Support: Rs 590; Rs 571  Resistance: Rs 655",
     "Rs 590", "share_price"),
    ("The short-term moving average will also act as resistance around Rs 1,240 for Initech.", "Rs 1,240",
     "share_price"),
    # a token's level is its price
    ("Any more losses might send Bitcoin toward the $88,500 support level in the near term.", "$88,500",
     "commodity_price"),
]

PREFERRED = [
    # a preferred series named by its annual dividend is that dividend ("$3.25 preferred" in the guide)
    ("Globex Corp said it will redeem all of its outstanding 2.40 dlr cumulative preferred stock on May one.",
     "2.40 dlr", "dividend"),
    ("Initech is offering two mln shares of 1.85 dlr convertible exchangeable preferred stock at 25 dlrs a share.",
     "1.85 dlr", "dividend"),
    # the offering's price stays a share's price
    ("Initech is offering two mln shares of 1.85 dlr convertible exchangeable preferred stock at 25 dlrs a share.",
     "25 dlrs", "share_price"),
]


MOVES = [
    # a price's move in money written with the level it went to is the stock's move; the level is its price
    ("Globex Holdings gained 45 cents to 18.35 dlrs in active trading.", "45 cents", "price_change"),
    ("Globex Holdings gained 45 cents to 18.35 dlrs in active trading.", "18.35 dlrs", "share_price"),
    ("Initech closed 15 cents higher at 6.40 dlrs on a national turnover of 22 mln shares.", "15 cents",
     "price_change"),
    ("In autos Globex Motoren shed 18 marks to 912, despite announcing a record 1986 profit.", "18 marks",
     "price_change"),
    # a commodity's quote stays its price
    ("The Dutch May contract was down 1.45 euros at 47.20 euros/MWh.", "1.45 euros", "commodity_price"),
    # an amount with a scale is the level's own change, not a price's
    ("Federal states' deposits fell 1.2 billion marks to 2.1 billion marks.", "1.2 billion marks", "deposits"),
]


def _metric(text: str, figure: str) -> str:
    claims, _ = extract([text], published="2025-02-10")
    rows = claims[claims["figure"] == figure]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric']].to_dict('records')}"
    return rows.iloc[0]["metric"]


CASES = ESTIMATES + CHART_LEVELS + PREFERRED + MOVES


@pytest.mark.parametrize("text, figure, metric", CASES, ids=[f"{c[1]}:{c[2]}" for c in CASES])
def test_metric_of_estimates_chart_levels_and_preferred(text, figure, metric):
    assert _metric(text, figure) == metric
