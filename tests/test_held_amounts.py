"""An amount the words before it say is held now, or a standing amount "estimated at", is a point on the published
day; a past or planned holding, or "own" as an adjective, is not. An amount a sale or purchase is made for is an
event's value: no period."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.figures import resolve_figures
from pipeline.held_amounts import held_now, traded

CASES = [
    # sentence, the figure as written, held now
    ("The two investors control around $2 billion of Apple stock.", "$2 billion", True),
    ("Borrowers from the farm credit system hold some four billion dlrs in system stock.", "four billion dlrs", True),
    ("He continues to diversify his wealth estimated at $7.9 billion.", "$7.9 billion", True),
    ("The property's drill indicated reserves to a depth of 1,200 feet are estimated at over one mln tons.",
     "one mln tons", True),
    ("BankAmerica, which holds about 2.70 billion dlrs in Brazilian loans, stands to lose.", "2.70 billion dlrs", True),
    ("Berkshire also holds $8.5 billion of 8% Occidental preferred stock.", "$8.5 billion", True),
    ("The rapper, whose net worth is estimated at $400 million by Forbes, said no.", "$400 million", True),
    # a verb of having or running what a company counts
    ("Sycamore has 111 women's apparel stores in Indiana, Ohio, Illinois, Kentucky and Michigan, May said.", "111", True),
    ("Ark Restaurants owns and operates 16 restaurants and bars, 12 fast food concepts and catering operations.",
     "16", True),
    ("Virginia Federal has over 700 mln dlrs in assets and operates 16 branches in Virginia.", "16", True),
    ("The food distributor has more than 4,000 suppliers, he says.", "4,000", True),
    ("The business comprises 17 stores selling womenswear, kidswear and home goods.", "17", True),
    ("Zimbabwe has around two mln tonnes of surplus maize in storage.", "two mln tonnes", True),
    # a past holding, a plan to hold or a holding to come, a change in words, "own" as an adjective, an event
    ("Oracle said after the offering it will have about 28.5 mln shares outstanding.", "28.5 mln", False),
    ("About 19% of the workers will even have more than 50% of their work tasks taken away.", "50%", False),
    ("Sprint, meanwhile, says it has doubled capacity on its 1.9 GHz cell sites.", "doubled", False),
    ("Originally, Guinea held 50 pct in the project.", "50 pct", False),
    ("The group asked regulators for clearance to hold more than 30 mln dlrs of Intermedics stock.",
     "30 mln dlrs", False),
    ("Google and Facebook followed up with their own $1 billion initiatives.", "$1 billion", False),
    ("The company raised $300 million in a funding round.", "$300 million", False),
]


@pytest.mark.parametrize("sentence,written,want", CASES)
def test_an_amount_held_now_is_a_point(sentence, written, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text == written]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    assert held_now(figs[0], sentence, 0, resources) is want


TRADED = [
    # sentence, the figure as written, the amount a sale or purchase is made for
    ("Cotton said he bought the stake, which includes warrants to buy 186,300 shares, for 266,958 dlrs.",
     "266,958 dlrs", True),
    ("* Hooli Director Kimbal Sells $28M Worth of Stock", "$28M", True),
    ("Initech Insider Bought Shares Worth $294,149, According to a Recent SEC Filing", "$294,149", True),
    ("The exchange operator sold a stake of about 30% in the IPO, raising 225 million shekels.", "225 million shekels",
     True),
    ("If all the shares are tendered, shareholders would receive for each share 29 dlrs cash.", "29 dlrs", True),
    ("Holders of the debentures agreed to exchange their holdings for about 380,000 dlrs worth of Hooli stock.",
     "380,000 dlrs", True),
    # a stake held, built or valued now; a price paid a share is no trade's amount here
    ("We note that their impressive stake in the company is worth CA$564m.", "CA$564m", False),
    ("Elliott said it had built a stake of more than $2.5 billion in the oil refiner.", "$2.5 billion", False),
    ("The two investors control around $2 billion of Apple stock.", "$2 billion", False),
    ("Berkshire Is Losing Money on Its $9 Billion Hooli Stake.", "$9 Billion", False),
]


@pytest.mark.parametrize("sentence,written,want", TRADED)
def test_an_amount_traded_is_an_event(sentence, written, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text == written]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    assert traded(figs[0], sentence, 0, resources) is want


# title, published, text, figure: an amount traded, its sentence naming no day, has no period; one held, the day
DATED = [
    ("Hooli Director Sells Stock", "2025-02-11", "* Hooli Director Kimbal Sells $28M Worth of Stock", "$28M", ""),
    ("Bourse debut", "2019-08-01", "The exchange operator sold a stake of about 30% in the IPO, raising 225 million "
     "shekels ($64 million).", "$64 million", ""),
    ("Hooli insiders", "2025-02-14", "Insiders have a JP¥10b stake in this JP¥22b business.", "JP¥10b", "2025-02-14"),
    # a sentence that names a period keeps it or its reading; a price paid for a product is no stake's value
    ("First Tick", "2025-02-13", "The Foreign institutional investors (FIIs) remained net sellers on sixth "
     "consecutive session February 12 as they sold equities worth Rs 4969 crore, while domestic institutional "
     "investors (DIIs) bought equities worth Rs 5929 crore, on same day.", "Rs 5929 crore", "2025-02-13"),
    ("Hooli Posts Holiday Sales", "2019-10-30", "The company said it sold $33.4 billion worth of iPhones in the "
     "quarter, beating estimates.", "$33.4 billion", "2019-10-30"),
]


@pytest.mark.parametrize("title,published,text,figure,label", DATED)
def test_traded_amount_period(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    rows = claims[claims.figure == figure]
    assert not rows.empty, list(claims.figure)
    assert rows.iloc[0].period_label == label
