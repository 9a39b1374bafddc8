"""Metric cues of models/lexicons/metrics.yaml and measures.yaml read on whole sentences: a loan the lenders make
the subject, a coupon a bond pays, spending on capacity and capital costs, multiples of sales and profits, a
government's tap stock, a move "at least" so big. Sentences written for these tests, none from the yardstick.
"""
from __future__ import annotations

from functools import partial

import pytest

from conftest import claim_metric


# (text, figure, metric)
CUES = [
    # what customers spend or send through a platform is neither its shares' trading volume nor its revenue
    ("Gross merchandise volume rose 26% to $94.46 billion, beating the consensus estimate of $93.01 billion.",
     "$93.01 billion", "other"),
    ("Analysts had expected more growth, with their estimate for gross bookings coming in at $4.24 billion.",
     "$4.24 billion", "other"),
    ("Total payment volume at Initech climbed to $1.2 trillion.", "$1.2 trillion", "other"),
    ("Trading volume in Globex shares reached $1.5 billion, twice the daily average.", "$1.5 billion",
     "trading_volume"),
    ("Initech said bookings rose to $2.1 billion in the quarter.", "$2.1 billion", "revenue"),
    # the upside or downside an analyst's price target implies is the target's (the metric guide), not a move
    ("The average Initech price target of $24.53 per share implies 19.43% upside potential.", "19.43%",
     "price_target"),
    ("Globex's $160 price target indicates a one-year downside of 12%, the analyst wrote.", "12%", "price_target"),
    ("Initech shares rose 5% on Monday after the upgrade.", "5%", "price_change"),
    # a cost paid in shares is no share price (a results table's row; issue 15)
    ("(in thousands)\n\n| Net income | $ | 5,120 |\n| Stock-based compensation |  | 22,024 |", "22,024", "other"),
    ("(In thousands)\n\n| Net income | $ | 5,120 |\n| Stock based compensation expenses |  | 1,532 |  |", "1,532", "other"),
    # an installed base in use and a site's visits are users, not units sold
    ("Hooli now has more than 600 million active devices worldwide.", "600 million", "users"),
    ("Globex.com recorded 95.2 million visits last month, the traffic tracker said.", "95.2 million", "users"),
    ("Hooli sold 600 million devices last year.", "600 million", "units_sold"),
    # a forecast of an economy's growth or contraction
    ("Globex Bank forecasts the Freedonian economy to contract 4% this year.", "4%", "gdp_growth"),
    ("Economists expect the economy to grow 2.5% in 2025, the central bank said.", "2.5%", "gdp_growth"),
    ("A group of Japanese banks will lend Freedonia 30 billion yen for public works, the finance ministry said.",
     "30 billion yen", "debt"),
    ("Initech Corp said three banks agreed to lend it 250 mln dlrs to finance the purchase.", "250 mln dlrs", "debt"),
    ("Freedonia is issuing a 150 mln ECU eurobond due 1994 paying 8-1/2 pct and priced at 101, the lead manager said.",
     "8-1/2 pct", "interest_rate"),
    ("Globex Telecom said it spent $42 million to expand its network capacity in the region.", "$42 million", "capex"),
    ("Capital costs to build the smelter are estimated at 310 mln dlrs, Globex Mining said.", "310 mln dlrs", "capex"),
    ("Initech Corp stock looks cheap, trading at 0.4x trailing-year revenue.", "0.4x", "price_to_sales"),
    ("The S&P 500 recently traded at 16.1x profits, a strategist said.", "16.1x", "trailing_pe"),
    ("At its last tender the Bank of Freedonia sold 6.2 billion francs of tap stock.", "6.2 billion francs", "debt"),
    ("Initech Corp, Globex Corp and Hooli Inc have all slumped at least 25 percent since March.", "25 percent",
     "price_change"),
    # per share: the per-share version of a total with no comma, a takeover offer, the price shares were sold at
    ("Globex Corp said it expects profit to exceed the record 64.2 mln dlrs or 2.10 dlrs a share it earned a year ago.",
     "2.10 dlrs", "eps"),
    ("The board of Initech SA advised shareholders to accept Globex's latest offer of 3,150 francs per share.",
     "3,150 francs", "deal_value"),
    ("Globex Corp's chief financial officer sold 12,400 shares at a price of $3.18 per share, totaling $39,432.",
     "$3.18", "share_price"),
    # a share's move in headline verbs; a change noun before the earnings or sales it changes
    ("Analysts turn bullish on Initech after Q3; share pops 7%; broker ups target", "7%", "price_change"),
    ("Globex AG Shares Fly 31% But Investors Are Not Buying For Growth", "31%", "price_change"),
    ("Initech Co said a one-time charge led to a 64 pct decline in the company's 1987 third-quarter earnings.",
     "64 pct", "profit_growth"),
    # what an issue brought in
    ("Globex Power's second bond issue at the end of 1986 raised 3.2 billion rupees, the company said.",
     "3.2 billion rupees", "debt"),
    # a currency named in the clause whose subject found is its country
    ("The New Zealand dollar rose to around $0.571 on Tuesday, ahead of inflation data.", "$0.571", "exchange_rate"),
    ("Asian currencies traded lower, with the Thai baht and the Malaysian ringgit down over 1 percent each.",
     "1 percent", "exchange_rate"),
    # the count a change reaches names what changed (measures.yaml reached_nouns); a change noun after sales
    ("Year to date, Globex Tractor sales fell 18.2 pct to 8,120 units from 9,927 units a year ago.", "18.2 pct",
     "units_sold"),
    ("Sales by Initech Motors surged 31% in October to 12,400 vehicles, the company said.", "31%", "units_sold"),
    ("Despite a 64% Y/Y revenue surge, Hooli Inc shares sank 9% as expenses rose.", "64%", "revenue_growth"),
    # what a deal is worth, a funding round in a headline
    ("Globex Energy inks 12-year LNG supply pact worth $4-5 bn with Freedonia's state oil company", "$4-5 bn",
     "deal_value"),
    ("The chief executive noted the completion of over $450 million in accretive acquisitions during the year.",
     "$450 million", "deal_value"),
    ("Hooli Robotics, which makes warehouse robots, raises $120M as the category heats up", "$120M", "investment"),
    # a stock index's percent or points the clause names nothing for is its move
    ("Nasdaq (^IXIC): -1.4% or -131.20 points to 9,212.55", "-1.4%", "price_change"),
    ("The FTSE 100 closed 52 points higher, or 0.6%, at 8,702 on Monday.", "52 points", "price_change"),
    # a total written in full before its amount per share is no amount of one share (session 21)
    ("Net income for the quarter ended December 31, 2024 was $117,085,000, or $0.58 per diluted share, compared to "
     "$121,105,000, or $0.60 per diluted share.", "$117,085,000", "profit"),
    ("Globex posted a net loss attributable to common shareholders of $61,013,000, or $0.30 per diluted share.",
     "$61,013,000", "loss"),
    ("Berkshire Hathaway's class A shares closed at $712,000 a share on Friday.", "$712,000", "share_price"),
    # net sales are sales, not net profit
    ("Initech Corp's games unit delivered SEK 1.8 billion in net sales in the quarter.", "SEK 1.8 billion", "revenue"),
    # a REIT's funds from operations per share or unit are its earnings, no share's price (session 24)
    ("Q4 adjusted FFO per share of $1.21, vs. the average analyst estimate of $1.19.", "$1.21", "eps"),
    ("| Nareit FFO per diluted share | $1.83 | - | $1.89 |", "$1.83", "eps"),
    ("Globex Storage reported that its six-month funds from operations per security rose to AU$0.0329.", "AU$0.0329",
     "eps"),
    ("* Fourth-quarter FFO was $0.85 per share, aligned with the company's outlook.", "$0.85", "eps"),
]
CUES_NEGATIVE = [
    # a REIT's unit price stays a price
    ("Initech REIT's units closed at $14.20 each, giving it an FFO yield of 7%.", "$14.20", "share_price"),
    # a lender's lending volume is its loans; an issue of new shares is no debt
    ("Globex Bank said its lending to small companies rose to $4.2 billion last year.", "$4.2 billion", "loans"),
    ("Initech Corp expects to raise about A$12 million via the issue of 300 million new shares.", "A$12 million",
     "other"),
    ("Globex Corp shares have traded at 30 times forward earnings.", "30 times", "forward_pe"),
    ("Initech Corp's shares were offered at $17 a share in its initial public offering.", "$17", "share_price"),
    ("Globex Corp said net income rose to $48 million in the quarter.", "$48 million", "profit"),
    ("Initech Corp's sales rose 12% to $4.1 billion in the quarter.", "12%", "revenue_growth"),
    ("Initech Corp raises its target price on Globex to 41 euros from 35 euros.", "41 euros", "price_target"),
    # a tip list's target line (issue 15); its technical levels in prose stay the share's
    ("**Globex Finserv | CMP: Rs 1,849.25**\n\nStrategy: Buy\n\nTarget: Rs 2,000\n\nStop-Loss: Rs 1,770", "Rs 2,000",
     "price_target"),
    ("Globex Finserv: sustaining levels above Rs 1,900 may propel the stock towards the next target at Rs 2,000.",
     "Rs 1,900", "share_price"),
    ("The acquisition costs of the two stores were estimated at 2 mln dlrs, Globex Corp said.", "2 mln dlrs", "other"),
    # a share of an index's members is no move of it
    ("Reports beat estimates at 81% of technology companies, compared with 74.5% overall for S&P 500 company earnings "
     "reports so far.", "74.5%", "other"),
    # a net flow is no net profit
    ("Japanese net purchases of U.S. stocks rose to 6 billion dlrs last year, securities sources said.",
     "6 billion dlrs", "other"),
    ("The Freedonian central bank pumped in a net $60 billion into the banking system on Wednesday.", "$60 billion",
     "other"),
    ("Globex Bank anticipates a net result of EUR 1.9 billion in 2025.", "EUR 1.9 billion", "profit"),
    # a trading band's width is no rate; a stock's move is no currency's
    ("The central bank set the midpoint, around which the yuan may trade in a 2% band, at 7.17 per dollar.", "2%",
     "other"),
    ("New Zealand's main stock index rose 1.1% as the New Zealand dollar fell.", "1.1%", "price_change"),
]


# a results headline's present tense moves the result it names, as the past tense does (session 21: "Net profit slips
# 1.4%" was a share's move, "Profit Surges 146%" a stake by "Holdings", "net profit soars 55%" no metric)
PRESENT_TENSE = [
    ("Nomura Holdings' Profit Surges 146% in Fiscal Nine Months", "146%", "profit_growth"),
    ("GS Holdings' Net Income Plunges 94.04% in Q4", "94.04%", "profit_growth"),
    ("Berger Paints India Q3 results: Net profit slips 1.4% to Rs 295.97 cr", "1.4%", "profit_growth"),
    ("Oiltek's FY2024 net profit soars 55% to $9m", "55%", "profit_growth"),
    ("Real estate developer posts 50% drop in Q3 consol net profit, rev falls 11%", "11%", "revenue_growth"),
    ("Hunan Xiangjia Animal Husbandry's Sales Climbs 6% in January", "6%", "revenue_growth"),
    ("Initech's EPS jumps 12% to $1.20 on lower costs", "12%", "eps_growth"),
    # negatives: the amount it moves to stays the level; a share's own move in the same tense stays a share's
    ("Berger Paints India Q3 results: Net profit slips 1.4% to Rs 295.97 cr", "Rs 295.97 cr", "profit"),
    ("Initech shares slips 4% as net profit misses estimates", "4%", "price_change"),
    ("Globex stock jumps 9% after the company raises its sales outlook", "9%", "price_change"),
]


_metric = partial(claim_metric, published="1987-03-20")


@pytest.mark.parametrize("text, figure, metric", CUES + CUES_NEGATIVE, ids=[c[0][:60] for c in CUES + CUES_NEGATIVE])
def test_loans_coupons_spending_multiples_and_tap_stock(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", PRESENT_TENSE, ids=[f"{c[0][:50]} [{c[1]}]" for c in PRESENT_TENSE])
def test_a_results_headline_in_the_present_tense_moves_its_result(text, figure, metric):
    assert _metric(text, figure) == metric
