"""An insider's share count, the price of the shares traded and a percent of the shares are the company's, not the
insider's (`pipeline/insider_owners.py`; guide 3.4). Rows are shortened from the modern dump's SEC Form 4 stories
(session 24's audit samples, seeds 3030 and the yardstick's articles); the negative rows keep a company's own EPS
"per share" and a company no list knows that sells its own shares.
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


MPS = ("Monolithic Power Systems Executives Sell Shares to Cover Taxes",
       "Several executives of Monolithic Power Systems sold shares on February 10, 2025, according to recent SEC Form 4 "
       "filings.\n\nTheodore Blegen, EVP and CFO, sold 532 shares at a price of $717.1007 per share, totaling $381,497. "
       "Following the sale, Blegen directly owns 52,912 shares and indirectly owns 10,662 shares through irrevocable "
       "trusts.\n\nMaurice Sciammas, EVP of WW Sales & Marketing, sold 662 shares at a price of $717.1006 per share, "
       "totaling $474,720. Sciammas directly owns 102,301 shares.")

# (title, text, figure, want)
COMPANY = [
    (*MPS, "52,912", "Monolithic Power Systems"),  # a surname alone, titled earlier in its paragraph
    (*MPS, "102,301", "Monolithic Power Systems"),
    (*MPS, "$717.1006", "Monolithic Power Systems"),  # the price the shares traded at
    ("Dynatrace Executive Sells Over $2 Million in Company Stock",
     "Dynatrace shares were little changed.\n\nJames M. Benson, EVP, CFO, and Treasurer of Dynatrace, sold 34,932 "
     "shares of common stock on February 12, 2025, at a weighted average price of $61.05.", "34,932", "Dynatrace"),
    ("Pathfinder Bancorp Senior VP Sells Shares",
     "Pathfinder Bancorp shares were flat.\n\nWilliam D O'Brien, Senior Vice President of Pathfinder Bancorp, sold "
     "2,353 shares of Common Stock on February 12, 2025, at a price of $17.14 per share, totaling $40,330.",
     "2,353", "Pathfinder Bancorp"),
]

# (title, text, figure, the entity the figure must not take)
KEPT = [
    # a company no list knows selling its own shares is no insider
    ("Truist starts Sionna Therapeutics at buy", "Truist started coverage with a buy rating.\n\nSionna Therapeutics "
     "sold 12.5 million shares at $18 per share in its initial public offering.", "12.5 million", "Truist"),
    # a company's own EPS, though written per share
    ("Acme Corp beats estimates", "Acme Corp reported earnings.\n\nLate Monday, Jane Roe, the chief executive, said "
     "the company earned $0.43 per share in the quarter.", "$0.43", "Jane Roe"),
]


@pytest.mark.parametrize("title,text,figure,want", COMPANY, ids=[r[2] for r in COMPANY])
def test_an_insiders_shares_are_the_companys(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,other", KEPT, ids=[r[2] for r in KEPT])
def test_a_stakes_value_or_a_companys_eps_is_not_moved(title, text, figure, other):
    assert _entity(title, text, figure) != other


# bugs caught (session 25's seed-3434 audit): an earnings call's officers, titled after their names, took the
# figures they report ("Lesley Gibson, CFO, reported a 3.6% increase in NOI"); negative: the officer's own money
OFFICER = ("CT REIT targets 600,000 sq. ft. GLA additions in 2025",
           "Earnings Call Insights: CT Real Estate Investment Trust Q4 2024\n\n* Lesley Gibson, CFO, reported a 3.6% "
           "increase in NOI for Q4, driven by same-property growth.\n* Jodi Shpigel, SVP of Real Estate, outlined three "
           "Q4 investments totaling $59 million.\n* Lesley Gibson, CFO, received a salary of $450,000 in 2024.\n"
           "* Aditi Nayar, chief economist, ICRA Ratings, said there is room for another 25-bps repo rate cut.\n"
           "* Jacob Passey, director of brewing operations for Pinthouse Pizza, said prices could go up 9%.\n")


# negative: the officer's own money, an outsider's title (an economist), another company's officer
@pytest.mark.parametrize("figure,entity,same", [("3.6%", "CT REIT", True), ("$450,000", "Lesley Gibson", True),
                                                ("25-bps", "CT REIT", False), ("9%", "CT REIT", False)])
def test_an_officers_report_is_the_companys(figure, entity, same):
    assert (_entity(*OFFICER, figure) == entity) == same
