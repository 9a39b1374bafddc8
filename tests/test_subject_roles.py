"""Names that are no owner of a figure by the role word order gives them (issue 15, guide section 3).

Two rule families of `pipeline/subject_roles.py`: the market words around a commodity (its exchange,
market town or ticker, a generic word after a named benchmark) and the speakers of a figure (an
analyst, official or institute that says or forecasts it, guide 3.2). Rows are written for these
tests; each family has negative rows the rule must leave alone.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.resources import load_resources

RES = load_resources()


def _entity(text: str, figure: str, title: str = "") -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-11"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (text, figure, want)
COMMODITY_MARKETS = [
    # new: a generic commodity word after a named benchmark is part of it
    ("West Texas Intermediate crude oil slipped 0.9% to $68.20 a barrel.", "$68.20", "WTI crude"),
    ("Front-month US West Texas Intermediate crude oil added 1.1% to $74.05 per barrel.", "$74.05", "WTI crude"),
    ("Brent crude oil futures rose 40 cents to $77.10 a barrel.", "$77.10", "Brent crude"),
    # new: the exchange or market town before a commodity, and a ticker, are where it trades
    ("LME zinc was quoted at 2,910 dlrs a tonne in the afternoon.", "2,910 dlrs", "zinc"),
    ("The Chicago wheat contract lost 1.2% to $5.41 a bushel.", "$5.41", "wheat"),
    ("Nymex crude (CL1:COM) ended 2% lower at $69.30/bbl on Friday.", "$69.30", "WTI crude"),
    ("Soybeans on the Chicago Board of Trade (CBOT) rose 0.4% to $10.52 a bushel.", "$10.52", "soybeans"),
    # new: a currency's word after an amount is the money's unit, not the subject
    ("The People's Bank of China injected a net 420 billion yuan ($58 billion) into the banking system on Tuesday.",
     "$58 billion", "People's Bank of China"),
    # negative: a company's oil, a bare benchmark and a currency's own rate keep their owner
    ("The yuan weakened 0.3% to 7.31 per dollar.", "0.3%", "yuan"),
    ("Exxon Mobil said its oil output rose 4% to 2.6 million barrels a day.", "4%", "Exxon Mobil"),
    ("Brent rose 1.3% to $80.10 a barrel.", "$80.10", "Brent crude"),
    ("Gold fell 0.4% to $2,650 an ounce.", "$2,650", "gold"),
]


@pytest.mark.parametrize("text,figure,want", COMMODITY_MARKETS, ids=[r[0][:50] for r in COMMODITY_MARKETS])
def test_a_commoditys_market_is_not_its_subject(text, figure, want):
    assert _entity(text, figure) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (text, figure, title, want)
SPEAKERS = [
    # new: a person or an institute that says or forecasts a figure speaks of it
    ("Turning to the trade deficit of Germany of 12 billion euros, Hartmann said it was too large.",
     "12 billion euros", "", "Germany"),
    ("Maria Lopez, the bank's chief economist, said Brazil's economy would grow 2.1% this year.", "2.1%", "",
     "Brazil"),
    ("The KERI said it now expects Taiwan's exports to grow 3.5% in 2025.", "3.5%", "", "Taiwan"),
    # negative: a company that says its own figures keeps them
    ("Halvorsen Shipping said revenue rose 12% to 450 million crowns.", "12%", "Halvorsen Shipping Reports Results",
     "Halvorsen Shipping"),
    ("Apple said revenue rose 5% to $95 billion.", "5%", "", "Apple"),
]


@pytest.mark.parametrize("text,figure,title,want", SPEAKERS, ids=[r[0][:50] for r in SPEAKERS])
def test_a_speaker_is_not_the_subject(text, figure, title, want):
    assert _entity(text, figure, title) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (text, figure, title, want): a list of movers, each figure right after its own name and verb (guide 3.3)
MOVERS = [
    # new
    ("Brightwell Foods is down 1.1% and Corvale Minerals declines 3.25%.", "3.25%", "Brightwell Foods Slips", "Corvale Minerals"),
    ("Harlow Systems was up 2.2 percent and Tessaro, down 14 percent this month, rose 1.5 percent today.", "14 percent",
     "Harlow Systems Gains", "Tessaro"),
    ("The dollar was flat, while the Japanese yen weakened 0.4% to 151.20 per dollar.", "0.4%", "Tesla Shares Rise",
     "yen"),
    # negative: a name after a preposition, a part after its owner's possessive, an aside after a comma
    ("Wheat for July ended at 5.41 dollars on the Chicago Board of Trade, down 0.6 cents.", "0.6 cents", "", "wheat"),
    ("Berkshire Hathaway's Class A shares are up 6.1% this year.", "6.1%", "", "Berkshire Hathaway"),
]


@pytest.mark.parametrize("text,figure,title,want", MOVERS, ids=[r[0][:50] for r in MOVERS])
def test_a_movers_figure_is_its_own(text, figure, title, want):
    assert _entity(text, figure, title) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (text, figure, title, want): a roundup's item opens with its company, in the figure's own sentence (guide 3.3)
ITEM_HEADS = [
    # new
    ("Tata Motors fell 2%, and brokers picked three other stocks for the week.\n\nKestrel Pumps | CMP: Rs 412.30\n\nMarlow Textiles | CMP: Rs 96.40",
     "Rs 96.40", "Stocks to buy this week", "Marlow Textiles"),
    ("Infosys led the quarter's results, which were mixed.\n\n**Coastal Prawns** – Net profit up 41 percent YoY to Rs 82 crore; revenue up "
     "[[6 percent]] YoY to Rs 911 crore.".replace("[[", "").replace("]]", ""), "6 percent", "Results roundup",
     "Coastal Prawns"),
    # negative: a row's first cell that names no one
    ("Tata Motors fell 2% on Monday.\n\nAnalysts | CMP: Rs 96.40", "Rs 96.40", "Stocks to buy this week", "Tata Motors"),
]


@pytest.mark.parametrize("text,figure,title,want", ITEM_HEADS, ids=[r[0][:50] for r in ITEM_HEADS])
def test_an_items_head_owns_its_figures(text, figure, title, want):
    assert _entity(text, figure, title) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (text, figure, title, want)
MACRO_OWNERS = [
    # new: a macro figure read as a central bank's, statistics office's or institute's is its country's
    ("The Federal Reserve's preferred gauge showed core PCE inflation eased to 2.6% in January.", "2.6%", "",
     "United States"),
    ("The Bank of Japan said consumer inflation in Tokyo slowed to 2.1% in March.", "2.1%", "", "Japan"),
    ("The National Statistics Institute said consumer price inflation in Portugal slowed to 2.4% in May.", "2.4%", "",
     "Portugal"),
    ("The Central Statistics Office said GDP grew 0.6% in the fourth quarter.", "0.6%",
     "IRISH GDP GROWTH SLOWS IN FOURTH QUARTER", "Ireland"),
    # negative: a central bank's own policy rate stays the bank's; a company's figure stays the company's
    ("The Brookfield Institute Corp said its revenue rose 4% in the quarter.", "4%", "", "Brookfield Institute"),
    ("The Federal Reserve raised its policy rate by 25 basis points to 5.5% on Wednesday.", "5.5%", "",
     "Federal Reserve"),
    ("Walmart said its U.S. comparable sales rose 4.1% in the quarter.", "4.1%", "", "Walmart"),
]


@pytest.mark.parametrize("text,figure,title,want", MACRO_OWNERS, ids=[r[0][:50] for r in MACRO_OWNERS])
def test_a_macro_figure_is_its_countrys(text, figure, title, want):
    assert _entity(text, figure, title) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (text, figure, title, want): a country written as an amount's currency says which money, not whose figure
MONEY_PLACES = [
    # new
    ("TAIPEI, March 20 - Export orders for Taiwanese products fell 1.37 pct to 3.58 billion U.S. Dlrs in February "
     "from 3.63 billion in January, an Economic Ministry official said.", "3.63 billion",
     "TAIWAN'S EXPORT ORDERS FALL IN FEBRUARY", "Taiwan"),
    ("Hudson Bay Mining and Smelting Co Ltd said special high grade zinc now costs 37-1/2 U.S. cents and 50 Canadian "
     "cents a pound.", "50 Canadian cents", "HUDSON BAY MINING CUTS ZINC PRICES", "Hudson Bay Mining and Smelting"),
    # negative: a country that owns its figure
    ("U.S. retail sales rose 0.6% in January, the Commerce Department said.", "0.6%", "", "United States"),
]


@pytest.mark.parametrize("text,figure,title,want", MONEY_PLACES, ids=[r[0][:50] for r in MONEY_PLACES])
def test_an_amounts_currency_country_is_no_owner(text, figure, title, want):
    assert _entity(text, figure, title) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (text, figure, title, want): a broker that speaks through its analyst or rates a stock owns none of the figures
RESEARCH_EMPLOYERS = [
    # new
    ("CAR Group shares slipped after the result. E&P has a neutral rating and A$34.80 target price on the stock, "
     "which is at A$41.03 ahead of the open.", "A$41.03", "CAR Shares May Underperform — Market Talk", "CAR Group"),
    ("Brightwell Foods rose after the upgrade. Kestrel Securities analyst Dana Moore said she sees 2026 earnings of "
     "3.35 dlrs a share.", "3.35 dlrs", "Brightwell Foods shares rise", "Brightwell Foods"),
    # negative: a company's own figure, said by its spokesman
    ("Halvorsen Shipping spokesman Erik Dahl said revenue rose 12% to 450 million crowns.", "12%", "", "Halvorsen Shipping"),
]


@pytest.mark.parametrize("text,figure,title,want", RESEARCH_EMPLOYERS, ids=[r[0][:50] for r in RESEARCH_EMPLOYERS])
def test_a_brokers_analyst_or_call_makes_it_no_owner(text, figure, title, want):
    assert _entity(text, figure, title) == (RES.alias_index[want].name if want in RES.alias_index else want)


# (title, text, figure, want): a macro figure read as a person's or as headline words no list knows is the
# country the headline names (subject_finish.headline_country)
HEADLINE_COUNTRIES = [
    ("Daily Roundup of Key US Economic Data for Feb. 7",
     "The unemployment rate fell to 4.0% from 4.1% in December, with an increase in the labor force.", "4.1%",
     "United States"),
    ("Japan Posts Weak Data as Exports Slow",
     "Consumer prices rose 3.2% in January from a year earlier, the fastest pace in two years.", "3.2%", "Japan"),
]


@pytest.mark.parametrize("title,text,figure,want", HEADLINE_COUNTRIES)
def test_a_macro_figure_is_the_headlines_country(title, text, figure, want):
    claims, _ = extract(pd.DataFrame([{"id": "m1", "title": title, "text": text, "published": "2025-02-07"}]))
    assert claims[claims["figure"] == figure].iloc[0]["entity"] == want
