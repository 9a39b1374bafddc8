"""A forecast of no report metric under a paragraph opening that guides for a period not yet ended is about that
period (claim_dating._guided_opening; CLAIM_LABELING_GUIDE.md 6: a forecast takes the period it is about); an
opening with only a modal, or one naming an ended period, gives none."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

# title, published, text, figure, expected period label
CASES = [
    ("USA Compression Reports Record Earnings and Future Growth Plans", "2025-02-12",
     "For 2025, USA Compression Partners provided detailed guidance, projecting an adjusted EBITDA range of $590 "
     "million to $610 million. The company also expects a 1.5% increase in active horsepower, primarily in the "
     "Permian region.", "1.5%", "2025"),
    ("Kimco Realty Corp: Strategic Gains and Cautious Outlook", "2025-02-14",
     "Looking ahead to 2025, Kimco Realty Corp provided guidance projecting a Funds From Operations per share range "
     "of $1.74 to $1.76. The company anticipates same-property NOI growth of 2% or more.", "2%", "2025"),
    ("Harley-Davidson Struggles with Declining Demand", "2025-02-12",
     "In 2025, the company expects flat to 5% lower HDMC revenue and an operating income margin between 7.0% and "
     "8.0%. HDFS's operating income is projected to decrease by 10% to 15%.", "10%", "2025"),
    # negative: an opening that guides nothing ("could" is a bare modal) leaves the figure undated
    ("Stadia launch", "2019-06-07", "A free version will eventually hit the market in 2020. The free version "
     "will also lack a 10% discount on games.", "10%", ""),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_guided_opening(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (row.period_label or "") == label
