"""A macro figure that the discourse gave to a company or index its sentence does not name is its economy's
(`pipeline/economy_owners.py`; guide 3, "the country or area for macro figures"), and a bond's term before a
headline's issuer words opens no name ("10-Year Treasury Yield Rises", `headline_subject._TENOR_TOKEN`).

Rows are shortened from the dumps' stories (session 24's audit sample, seed 3030): a market wrap or a company story
that quotes the consumer or producer price data, a bank's note on a country's jobs, a week-ahead wrap's section on one economy, a Data Talk bond headline. The
negative rows name the company in the figure's sentence, or measure no economy.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-13"}]))
    rows = claims[claims["figure"].str.startswith(figure)]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
ECONOMY = [
    # the company's home country: no country in the sentence or the headline
    ("Futures edge higher, Ukraine peace hopes, Cisco earnings - what's moving markets",
     "Cisco shares rose after the network equipment maker lifted its forecast.\n\nEconomists estimate that producer "
     "prices increased by 0.3% on a monthly basis in January, up from 0.2% in December.", "0.3%", "United States"),
    # the country the headline names over the bank the story is about
    ("TD Comments on Last Week's Tariffs Focus, Data in Canada",
     "TD Bank said trade risks have bumped the jobs market to runner-up.\n\nImportantly, the unemployment rate dipped "
     "to 6.6%, as population growth ebbs.", "6.6%", "Canada"),
    # the one country the sentence names, over an index the headline names
    ("Sensex, Nifty marginally up on cooling inflation data",
     "The Sensex rose 0.1 percent on Thursday.\n\nU.S. consumer prices jumped 0.5 percent in January, pushing the "
     "annual inflation rate to 3 percent, up from 2.9 percent in December.", "3 percent", "United States"),
    # the last country named before the sentence: a week-ahead wrap's section, under a headline naming another
    ("Week Ahead for FX, Bonds: U.S. Inflation Data, Fed Comments in Focus",
     "ANZ expects the Reserve Bank to cut rates.\n\nSINGAPORE\n\nA flurry of data recapping the Singapore economy's "
     "performance in 2024 is due on Friday.\n\nRevised figures will likely reaffirm that the economy grew by 4.3% on "
     "year in the fourth quarter of 2024.", "4.3%", "Singapore"),
    # a company's home country, from a market wrap
    ("Stocks rise as Walmart gains", "Walmart shares rose 2% on Thursday.\n\nThe PPI rose 0.4% M/M in January, "
     "surpassing the 0.3% advance expected.", "0.4%", "United States"),
]

# negative: the sentence names the company, or the metric measures no economy:
# (title, text, figure, the entity the figure keeps)
KEPT = [
    ("Sysco raises outlook", "Sysco said its net sales increased 6.2%, driven by a 2.7% mix and inflation impact.",
     "2.7%", "Sysco"),
    ("Futures edge higher, Cisco earnings", "Cisco shares rose after the results.\n\nThe network equipment maker "
     "posted revenue of $14 billion in the quarter.", "$14 billion", "Cisco"),
]


@pytest.mark.parametrize("title,text,figure,want", ECONOMY, ids=[r[2] for r in ECONOMY])
def test_a_macro_figure_the_discourse_gave_a_company_is_its_economys(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", KEPT, ids=[r[2] for r in KEPT])
def test_a_named_company_or_its_own_metric_keeps_the_figure(title, text, figure, want):
    assert _entity(title, text, figure) == want


# (headline, topic entity): a bond's term opens no name, and the issuer's words after it are read as such
TENORS = [
    ("10-Year Treasury Yield Rises to 4.536% — Data Talk", "U.S. Treasury"),
    ("30-Year Treasury Yield Falls to 4.688% This Week — Data Talk", "U.S. Treasury"),
    ("2-Year Treasury Yield Climbs to 4.3% — Data Talk", "U.S. Treasury"),
    ("German 10-Year Bund Yield Falls", "Germany"),  # a country before the term stays the topic
]


@pytest.mark.parametrize("headline,want", TENORS, ids=[r[0] for r in TENORS])
def test_a_bond_term_opens_no_headline_name(resources, headline, want):
    from pipeline.headline_subject import headline_subject
    body = headline + "\n\nThe yield rose 0.044 percentage point to 4.536% today."
    topic = headline_subject(headline, resources, {}, body)
    assert topic is not None and topic.entity == want


def test_a_data_talk_bond_story_is_the_treasurys():
    title = "10-Year Treasury Yield Rises to 4.536% — Data Talk"
    text = (title + "\n\nThe 10-year yield rose 0.044 percentage point to 4.536% today. The price fell 11/32 to 97 "
            "24/32.\n\n* Yield is up 0.115 percentage point over the last four trading days")
    assert _entity(title, text, "0.115 percentage point") == "U.S. Treasury"
