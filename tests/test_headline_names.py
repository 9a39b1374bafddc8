"""A headline's topic where no list knows its words (pipeline/headline_names.py, guide 3.9).

Two rule families: a headline that opens with a country, its abbreviation or adjective is about
that country, and one that opens with a commodity, currency or token (after at most its market's
name) is about that. Rows are written for these tests, in the wire and modern headline styles;
each family has negative rows the rule must leave alone (a company's name that holds a country's
adjective or a commodity's word).
"""
from __future__ import annotations

import pytest

from pipeline.resources import load_resources
from pipeline import extract
from pipeline.headline_subject import headline_subject

RES = load_resources()

# (headline, body, want): want is the topic's canonical name, None for no topic
COUNTRY_FIRST = [
    # new: a wire headline that opens with a country, its adjective or abbreviation
    ("S. AFRICAN CURRENT ACCOUNT SURPLUS WIDENS IN MAY", "The surplus widened, the Reserve Bank said.", "South Africa"),
    ("N.Z. TRADE DEFICIT NARROWS IN MARCH", "The deficit narrowed, the statistics department said.", "New Zealand"),
    ("DUTCH MONEY SUPPLY GROWTH SLOWS IN JUNE", "Money supply grew more slowly.", "Netherlands"),
    ("PERU MOVES CLOSER TO DEBT ACCORD", "Peru's finance minister said talks went well.", "Peru"),
    ("THAILAND'S EXPORTS RISE IN APRIL", "Exports rose to 21 billion baht.", "Thailand"),
    # negative: a company's name that opens with a country's adjective stays the company
    ("CANADIAN SOLAR INC <CSIQ> 4TH QTR NET", "", "Canadian Solar"),
    ("Australian Ethical Reports Record Inflows", "Australian Ethical Investment said inflows rose.", "Australian Ethical"),
]

COMMODITY_FIRST = [
    # new: a commodity, currency or token first, or after its exchange or market town
    ("COCOA FUTURES CLOSE LOWER IN LONDON", "Cocoa futures closed lower.", "cocoa"),
    ("NY COFFEE FUTURES END MIXED", "Coffee futures ended mixed on the exchange.", "coffee"),
    ("Comex Gold Settles 0.8% Higher at $2,950.10", "Gold futures rose.", "gold"),
    ("LME COPPER STOCKS FALL 2,125 TONNES", "Copper stocks fell.", "copper"),
    # new: a commodity word the body also writes in lower case still opens the headline ("Fed" is no topic)
    ("Oil Extends Gains as Fed Signals Flexibility", "Oil rose as the Fed signalled patience; oil stocks fell.",
     "crude oil"),
    ("Gold Falls Off Record High as Powell Set to Appear Before Congress", "Spot gold fell 0.3%, Powell said.", "gold"),
    # new: a company's name written in lower case only in its web and mail addresses is still its name
    ("Tessaro Reports Fourth Quarter Results and Provides Corporate Update",
     "Tessaro Inc reported results. For more about Tessaro, visit www.tessaro.com or write to ir@tessaro.io.",
     "Tessaro"),
    # bugs caught (session 23's seed-2525 audit): a contract's and an exchange's words before the commodity ("Data
    # Talk" columns: 36 of the modern dump's headlines took "Front Month Nymex Natural Gas" and the like as a name)
    ("Front Month Nymex Natural Gas Rose 2.18% to Settle at $3.5190 — Data Talk", "Natural gas futures rose.",
     "natural gas"),
    ("Front Month ICE Brent Crude Fell 1.33% This Week to Settle at $74.66 — Data Talk", "Brent crude fell 1.33%.",
     "Brent crude"),
    # negative: a company named after a commodity, or a market word before a company's name
    ("Copper Fox Announces Drilling Results", "Copper Fox Metals Inc said the program is complete.", "Copper Fox"),
    ("Gulf Oil Lubricants shares jump 4% on record date", "Gulf Oil Lubricants India said the dividend is final.",
     "Gulf Oil Lubricants"),
]


@pytest.mark.parametrize("title,body,want", COUNTRY_FIRST + COMMODITY_FIRST,
                         ids=[r[0][:50] for r in COUNTRY_FIRST + COMMODITY_FIRST])
def test_headline_topic(title, body, want):
    got = headline_subject(title, RES, {}, body)
    assert (got.entity if got is not None else None) == (RES.alias_index[want].name if want in RES.alias_index else want)


# bugs caught (session 23's seed-2727 and seed-2525 audits): a column's name before the headline's colon took the
# story's figures ("News Highlights" 182 and "Market Chatter" 108 of the modern dump's headlines, "CFTC Commitments"
# all 228 figures of one report); negative: a company's name before a colon stays the topic
SERIES = [
    ("Market Chatter: Lotte Wellfood Announces 9.5% Price Hike for Snack Products",
     "Lotte Wellfood will raise the prices of 26 snack products.", "Lotte Wellfood"),
    ("CFTC Commitments: Nymex Natural Gas Futures/Options - Feb 07", "COMMITMENTS 215,684 285,837", "natural gas"),
    ("News Highlights: Top Company News of the Day - Thursday at 11 AM ET",
     "**Barclays Guides For Growth After Quarterly Beat**\nThe lender expects an increase in profitability, one "
     "of the first banks to do so.", None),
    ("Technical View: Nifty may extend gains above 23,500", "The Nifty rose 0.5% on Monday.", "Nifty 50"),
    ("Halverton: Q4 sales rise 5% on strong demand", "Halverton Industries said sales rose.", "Halverton"),
    ("NVDA Stock Update: shares rise 3% ahead of results", "Shares of the chipmaker rose 3%.", "Nvidia"),
    # a digest's name: the headline after its colon is one of many stories, and no topic
    ("European Midday Briefing: Stocks Rise on Ukraine Ceasefire Hopes", "Barclays said profit rose.", None),
    ("Auto & Transport Roundup: Market Talk", "The latest Market Talks covering the auto sector.", None),
]


@pytest.mark.parametrize("title,body,want", SERIES, ids=[r[0][:40] for r in SERIES])
def test_a_columns_name_before_a_colon_is_no_topic(title, body, want):
    got = headline_subject(title, RES, {}, body)
    assert (got.entity if got is not None else None) == (RES.alias_index[want].name if want in RES.alias_index else want)


# bugs caught (session 25's seed-3434 audit of 600 dump articles): a title-case headline's common words at the ends
# of its name chunk were taken for a name ("Buyback of Class B" 22 claims, "Unlock 100x Leverage", "Investor
# Scrutiny"); what is left names the topic where a list knows it or the body writes it. Negative rows: a name the body
# writes inside its sentences keeps its words, and a currency's prefix ("US$80M") names no country
STYLE_WORDS = [
    ("Buyback of Class B shares in Essity during week 6, 2025",
     "Between February 3 and February 7, Essity Aktiebolag (publ) repurchased 270,000 own Class B shares under the "
     "buyback program.", "Essity"),
    ("TD Bank Looks to Net C$20B From Schwab Sale", "TD Bank Group said it looks to net about C$20 billion.", "TD Bank"),
    ("Easing Inflation Lifts Swiss Stocks; Nestle Shares Jump", "Swiss stocks rose as inflation eased to 0.4%.",
     "Switzerland"),
    # negative
    ("Champions League Rights Fetch Record Bids", "Broadcasters bid for the Champions League, the league said.",
     "Champions League"),
    ("Wall Street Ends Higher as Tech Rallies", "Stocks on Wall Street rose 1%, the wall of worry easing.", "Wall Street"),
]


@pytest.mark.parametrize("title,body,want", STYLE_WORDS, ids=[r[0][:40] for r in STYLE_WORDS])
def test_a_headlines_common_words_are_no_name(title, body, want):
    got = headline_subject(title, RES, {}, body)
    assert (got.entity if got is not None else None) == (RES.alias_index[want].name if want in RES.alias_index else want)


def test_a_currencys_prefix_in_a_headline_names_no_country():
    got = headline_subject("Discovering 3 Promising Penny Stocks With Over US$80M Market Cap", RES, {},
                           "Amid global market swings, penny stocks offer value.")
    assert got is None or got.kind != "country"


def test_the_headline_repeated_in_the_body_is_not_its_own_evidence():
    # a Dow Jones story repeats its headline under a time stamp: "Renishaw Pretax" 20 claims of one story
    text = ("Renishaw Pretax Profit Rises on Growth in Americas\n(07:01 GMT) Renishaw Pretax Profit Rises on Growth in "
            "Americas\n\nRenishaw said pretax profit was 57.5 million pounds, 2% higher than a year earlier.\n")
    claims, _ = extract([text], published="2025-02-13")
    assert claims[claims["figure"] == "57.5 million pounds"].iloc[0]["entity"] == "Renishaw"
