"""The period a claim takes when its sentence names none: the story's report period, or for guidance the year ahead."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

_Q4 = "Hooli Inc's fourth-quarter revenue rose 8% to $2.2 billion, and net income was $410 million. "
_Q2 = "Hooli Inc's second-quarter revenue rose 8% to $2.2 billion, and net income was $410 million. "

_UNNAMED = ("Hooli Inc posted results on Wednesday that beat lowered expectations.\n\n* Net income fell to $1.62 billion, "
            "from $2.05 billion a year earlier, even as revenue rose.\n* Revenue fell to $2.04 billion from $2.18 billion a "
            "year ago.")

# title, published, text, figure, expected period label
CASES = [
    # a preview's undated forecasts and estimates are for the quarter its headline says is to be reported, not the
    # year after it, nor a later quarter its analysts also see
    ("Hooli Faces Unknowns Heading Into Q4 Results, Acme Says", "2025-02-10",
     "Hooli Inc is scheduled to report Q4 results Tuesday. Acme expects EPS of $0.61 on revenue of $5.80 billion. "
     "Wall Street is looking for $0.64 and $5.89 billion, respectively. For Q1, Acme projects EPS of $0.72.",
     "$5.80 billion", "2024-Q4"),
    ("Hooli Faces Unknowns Heading Into Q4 Results, Acme Says", "2025-02-10",
     "Hooli Inc is scheduled to report Q4 results Tuesday. Acme expects EPS of $0.61 on revenue of $5.80 billion. "
     "Wall Street is looking for $0.64 and $5.89 billion, respectively. For Q1, Acme projects EPS of $0.72.",
     "$5.89 billion", "2024-Q4"),
    ("Hooli Faces Unknowns Heading Into Q4 Results, Acme Says", "2025-02-10",
     "Hooli Inc is scheduled to report Q4 results Tuesday. Acme expects EPS of $0.61 on revenue of $5.80 billion. "
     "Wall Street is looking for $0.64 and $5.89 billion, respectively. For Q1, Acme projects EPS of $0.72.",
     "$0.72", "2025-Q1"),
    # a company no list holds keeps the calendar year, not the fiscal year of the company the story names most
    # (Microsoft's ends in June), and a quarter something starts in is no quarter the story reports
    ("Initech beats on same-store sales for the first time in seven quarters", "2025-02-13",
     "Initech Co.'s stock rose 1.3% early Thursday, after the chain posted better-than-expected fourth-quarter "
     "earnings.\n\nInitech had net income of $47.5 million, or 23 cents a share, for the quarter.\n\nStarting in "
     "the second quarter, Initech will reduce its quarterly dividend to 14 cents a share from 25 cents currently.\n\n"
     "Initech sells its software through Microsoft's cloud. Microsoft said it would help. Microsoft shares rose.",
     "$47.5 million", "2024-Q4"),
    # guidance with no period words is about the fiscal year after the report period: the coming one after a
    # fourth quarter, the one under way after a second
    ("Hooli Q4 results", "2025-02-13", _Q4 + "Adjusted EBITDA is expected to range from $900 million to $950 million.",
     "$900 million", "2025"),
    ("Hooli Q4 results", "2025-02-13", _Q4 + "The company expects revenue of about $9.5 billion.", "$9.5 billion", "2025"),
    ("Hooli Q2 results", "2024-08-06", _Q2 + "The company expects revenue of about $9.5 billion.", "$9.5 billion", "2024"),
    # an estimate set against the guidance before it takes the guided period; one set against a result, the result's
    ("Hooli Q4 results", "2025-02-13", _Q4 + "Hooli Inc expects annual revenue to be between $9.23 billion and "
     "$9.38 billion, vs est. of $9.57 billion.", "$9.57 billion", "2025"),
    ("Hooli Q4 results", "2025-02-13", _Q4 + "Hooli Inc's EPS was $1.20, above the $1.10 analysts expected.",
     "$1.10", "2024-Q4"),
    # a year the figure is set against dates the figure a year later; a figure set against a dated one is a year
    # after it (and that date is no period the story reports)
    ("Hooli results", "2025-02-11", "Hooli Inc's net sales were $3.8 billion, a decrease of $34.7 million compared "
     "to 2023.", "$34.7 million", "2024"),
    ("Hooli results", "2025-02-14", "Hooli Inc reported its results.\n\n* Profit margin: 48% (up from 35% in FY 2023).",
     "48%", "FY2024"),
    ("Hooli results", "2025-02-14", "Hooli Inc said its revenue was $5.1 million, compared with $4.2 million in the "
     "fourth quarter of 2023.", "$5.1 million", "2024-Q4"),
    ("Hooli results", "2025-02-14", "Hooli Inc said its revenue was $5.1 million, compared with $4.2 million in the "
     "fourth quarter of 2023.", "$4.2 million", "2023-Q4"),
    # words dating a prior value back a year reach over the figure restating it ("or 46 cents a share")
    ("Hooli Q4 results", "2025-02-11", _Q4 + "Hooli Inc reported a profit of $2.20 billion, or 51 cents a share, "
     "compared with $1.97 billion, or 46 cents a share, in last year's quarter.", "$1.97 billion", "2023-Q4"),
    ("Hooli Q4 results", "2025-02-11", _Q4 + "Hooli Inc reported a profit of $2.20 billion, or 51 cents a share, "
     "compared with $1.97 billion, or 46 cents a share, in last year's quarter.", "$2.20 billion", "2024-Q4"),
    ("Hooli Q4 results", "2025-02-11", _Q4 + "Hooli Inc said it lost $1.1 million, or $0.03 per share, compared "
     "with a loss of $1.5 million, or $0.04, in the year-prior quarter.", "$0.04", "2023-Q4"),
    # a flow's own "a year ago" with nothing to anchor it is the story's report period a year back, not the day; a
    # point keeps the day
    ("Hooli Q4 results", "2025-02-11", _Q4 + "Hooli Inc's wearables category grew even more rapidly, reaching a "
     "record $10.0 billion (compared to $7.3 billion a year ago).", "$7.3 billion", "2023-Q4"),
    ("Hooli Q4 results", "2025-02-11", _Q4 + "Hooli Inc's shares traded at $41.20 a year ago.", "$41.20",
     "2024-02-11"),
    # a balance-sheet level written as its change changed over the report period; the level itself holds on the day
    ("Hooli Q4 results", "2025-02-12", _Q4 + "Hooli Inc's average deposits fell 3 percent.", "3 percent", "2024-Q4"),
    ("Hooli Q4 results", "2025-02-12", _Q4 + "Hooli Inc's loans increased by $20.1 million.", "$20.1 million",
     "2024-Q4"),
    ("Hooli Q4 results", "2025-02-12", _Q4 + "Hooli Inc's deposits were $3 billion.", "$3 billion", "2025-02-12"),
    # a month the figure is set against ("lower than in January 1986") dates no figure
    ("Hooli export prices", "1987-03-24", "In January Hooli Inc's export prices fell 0.3 pct against December to "
     "stand 3.0 pct lower than in January 1986.", "0.3 pct", "1987-01"),
    # a base of comparison "the same" period ("than in the same 1986 period", "on the same 1985 quarter", "from the
    # same month of 2023", "against the same month a year earlier") dates no figure: the figure's own period does
    ("China output", "1987-03-09", "Hooli Inc's industrial output in January and February this year was 14.1 pct "
     "higher than in the same 1986 period.", "14.1 pct", "1987-01..1987-02"),
    ("U.K. GDP", "1987-03-20", "In the fourth quarter, GDP rose 0.7 pct over the previous quarter and was up 3.3 pct "
     "on the same 1985 quarter.", "0.7 pct", "1986-Q4"),
    ("Homes for sale", "2025-02-13", "In December, 1.15 million homes were for sale in the U.S., a 16% increase from "
     "the same month of 2023.", "16%", "2024-12"),
    ("German prices", "1987-03-04", "In January prices had fallen 0.8 pct against the same month a year earlier.",
     "0.8 pct", "1987-01"),
    # a period after a later figure set against another ("from 1.70 billion last year") dates that figure
    ("Hooli traffic", "1987-04-03", "Hooli Inc said its March traffic increased 14.6 pct to 1.94 billion revenue "
     "passenger miles from 1.70 billion last year.", "14.6 pct", "1987-03"),
    # negatives: a year the span starts from or runs over is the figure's own
    ("Hooli plans", "2025-02-12", "Hooli Inc's sales rose 12% over 2024.", "12%", "2024"),
    # a paragraph's opening sentence, or a list's lead-in line, names the period its results figures are about; an
    # ended one for a result, one to come for guidance; a year named as background gives none
    ("Hooli Q4 and full year results", "2025-02-13", "Hooli Inc's fourth-quarter revenue rose 8% to $700 million.\n\n"
     "For the full fiscal year 2024, revenue reached $2.68 billion. GAAP net income per diluted share was $0.52.",
     "$0.52", "FY2024"),
    ("Hooli Q4 and full year results", "2025-02-12", "Hooli Inc's fourth-quarter revenue rose 8% to $700 million.\n\n"
     "For the full year 2024, highlights include:\n\n* Revenue increased by 8% to $7.8 billion.\n"
     "* Net income was $348 million.", "$348 million", "2024"),
    ("Hooli: Q4 Earnings, Outlook Is Strong", "2025-02-13", "Hooli Inc's fourth-quarter revenue rose 8% to $700 "
     "million.\n\nHooli's 2025 guidance suggests a recovery. The company expects revenues of $1.4-1.6 billion.",
     "$1.4-1.6 billion", "2025"),
    ("Hooli Year-End Report 2024", "2025-02-11", "Hooli Inc's fourth-quarter sales rose 8%.\n\nHooli sums up another "
     "year of growth. In 2024, we welcomed five new companies. Sales increased by 13 percent, with a margin of 19.6 "
     "percent.", "19.6 percent", "2024"),
    ("Hooli beats estimates", "2019-05-16", "Hooli Inc has had its slowest growth since it went public in 2004. "
     "Its sales rose 16% to $10 billion.\nHooli's first-quarter net income rose 17%.", "16%", "2019-Q1"),
    # a monthly data story's headline month dates its figures that name no period; a month long past, or one to
    # come, does not
    ("JAPANESE FOREIGN BOND PURCHASES JUMP IN FEBRUARY", "1987-03-27", "Foreign investors took a gross 26.59 billion "
     "dlrs of Japanese bonds, up from 14.16 billion.", "26.59 billion dlrs", "1987-02"),
    ("Hooli Household Spending Falls in December", "2025-02-10", "Consumption increased for food and beverages (0.9% "
     "vs 0.1%).", "0.9%", "2024-12"),
    ("Hooli to hold vote in March", "2025-02-10", "Hooli Inc took a 26.5 billion yen loan.", "26.5 billion yen", ""),
    # a day named without its year that the news reading puts most of a year back is a coming one (a launch, a
    # plan): it dates no figure, which is dated as if its sentence named none; a recent past day keeps it
    ("Hooli Watch", "2018-09-12", "The new Hooli Watch will be available starting at $399 on Sept. 21.", "$399",
     "2018-09-12"),
    ("Money market", "1987-03-05", "The central bank purchased bills for resale to the market on April 2 at an "
     "interest rate of 10-15/16 pct.", "10-15/16 pct", "1987-03-05"),
    ("Brazil debt", "1987-03-20", "On February 20, Brazil said it would suspend interest payments on about 68 "
     "billion dlrs owed to foreign banks.", "68 billion dlrs", "1987-02-20"),
    # a period named from another and set against ("from a year earlier") dates no figure
    ("Honda nine months", "2025-02-13", "Hooli Inc's revenue for the first nine months of its fiscal year rose 8.9% "
     "from a year earlier.", "8.9%", "9 months to 2024-12"),
    # a results headline naming a year that has just ended reports that year; a year it names as a base does not
    ("HOOLI SAYS 1986 RESULTS AFFECTED BY DLR", "1987-03-30", "Hooli Inc's pre-tax profit rose by 3.2 pct to 1.97 "
     "billion marks.", "1.97 billion marks", "1986"),
    ("HOOLI GROWTH RATE UP AFTER WEAK 1986", "1987-03-09", "Hooli Inc's profit rose 5 pct to 2 billion yuan.",
     "2 billion yuan", ""),
    # an annual report's story: a results figure with no period words is about the latest ended fiscal year
    ("HOOLI INC. SEC 10-K Report", "2025-02-13", "Hooli Inc reported its results.\n\n* **Earnings per share**: "
     "$1.76, reflecting the decrease in net earnings.", "$1.76", "2024"),
    # a quarterly payout declared now is for the quarter under way; the prior one it is set against is not
    ("Hooli raises dividend", "2025-02-10", "Hooli Inc said its net income rose in the fourth quarter.\n\n* Hooli Inc "
     "declares $0.46/share quarterly dividend, up from prior dividend of $0.44.", "$0.46", "2025-Q1"),
    ("Hooli payout", "1987-03-03", "Hooli Inc said it will pay a regular quarterly distribution of 60 cts a unit on "
     "April 15.", "60 cts", "1987-Q1"),
    # a results story naming no quarter: the latest quarter that has ended, unless stated by the year
    ("Hooli results", "2025-02-12", "**Hooli Foods** - Net profit up 41% YoY to Rs 120 crore; revenue from operations "
     "up 9% YoY to Rs 1,366 crore.", "Rs 120 crore", "2024-Q4"),
    ("Hooli raises dividend", "2025-02-12", "Hooli Inc said its net income rose. It raised its dividend to 78 cts a "
     "year.", "78 cts", ""),
    ("Hooli signs deal", "2025-02-12", "Hooli Inc sells about $2 billion of chips to Initech.", "$2 billion", ""),
    # a move written from its start only runs to the published day; "since" after a superlative bounds the
    # comparison, not the move (the move is the day's)
    ("Steel shares slump", "2018-12-19", "Shares of Aperam SA have slumped 30 percent since October.", "30 percent",
     "2018-10-01..2018-12-19"),
    ("Gold climbs", "2025-02-11", "The price of gold has risen 11% since the start of 2025.", "11%",
     "2025-01-01..2025-02-11"),
    ("Rupee slides", "2025-02-10", "The rupee has lost 3.2% against the dollar since November 6, 2024.", "3.2%",
     "2024-11-06..2025-02-10"),
    ("Steel shares slump", "2018-12-19", "Shares of Aperam SA have slumped at least 30 percent since October.",
     "30 percent", "2018-10-01..2018-12-19"),
    # a start still to come, with no end, gives no period
    ("Farm credit", "1987-06-19", "Congress should plan to spend at least 800 mln dlrs beginning late this year to "
     "bail out Hooli Inc.", "800 mln dlrs", ""),
    # "this year" a figure's clause looks ahead to is the whole year; a move so far, or one after a forecast in
    # another clause, is the year to date
    ("Mexico outlook", "2020-04-12", "Bank of America forecasts the economy to contract 8% this year.", "8%", "2020"),
    ("Soviet plan", "1987-10-19", "National income should rise by 4.3 pct against a planned 4.1 pct this year.",
     "4.1 pct", "1987"),
    ("Hooli rallies", "2019-06-19", "Hooli Inc shares have rallied 50% this year.", "50%", "YTD 2019"),
    ("Green bonds", "2019-06-19", "Any slowdown would hurt the market, as a surge in issuance helped Hooli Inc's "
     "sales jump 18 percent this year.", "18 percent", "YTD 2019"),
    ("Hooli fleet", "2019-05-23", "Hooli Inc is set to gain after its fleet surged by more than 25% so far this year.",
     "25%", "YTD 2019"),
    ("Miners rally", "2025-02-14", "Shares of Evolution Mining rose 2.4% to their highest since November 9, 2020.",
     "2.4%", "2025-02-14"),
    # a change set against a base dated before the story runs from that day to the published day; a day that
    # dates the move itself stays that day
    ("Hooli stock rebounds", "2025-02-10", "Hooli Inc shares are up 22.02% from their 52-week closing low of $28.16 "
     "on Nov. 12, 2024.", "22.02%", "2024-11-12..2025-02-10"),
    ("Oil rallies", "2019-01-18", "Brent crude has rebounded more than 20 percent from a low on Dec. 24.",
     "20 percent", "2018-12-24..2019-01-18"),
    # a move from a high, a low or an event dated by a month or part of one runs from there to the published day; a
    # bare month the move is set against is no such base
    ("Hooli stock slides", "2019-05-21", "Hooli Inc's stock is down nearly 20% from early October 2018 highs.", "20%",
     "2018-10-01..2019-05-21"),
    ("Oil holds gain", "2019-01-16", "Still, Brent prices remain more than 30 percent below a four-year high in early "
     "October.", "30 percent", "2018-10-01..2019-01-16"),
    ("Hooli plunges", "2019-01-18", "Hooli Inc has lost more than 80 percent since a short seller questioned its "
     "reporting in September.", "80 percent", "2018-09-01..2019-01-18"),
    ("Hooli exports", "1987-04-20", "Hooli Inc's exports rose 5 pct in April from March.", "5 pct", "1987-04"),
    # a year that names which low the move is from is not its period: the low's day is where the move starts
    ("Copper settles higher", "2025-02-10", "* Up 14.87% from its 2025 settlement low of $3.9885 hit Thursday, "
     "Jan. 2, 2025", "14.87%", "2025-01-02..2025-02-10"),
    ("Hooli stock falls", "2025-02-12", "Hooli Inc shares are down 9% from their 2024 closing high of $50 hit Dec. 3, 2024.",
     "9%", "2024-12-03..2025-02-12"),
    ("Hooli stock falls", "2025-02-12", "Hooli Inc shares fell 3% on Monday, Feb. 10, 2025.", "3%", "2025-02-10"),
    # an event's amount dated only by the day or month it happened has no period; a coupon is a term of the
    # instrument, with none either; an event given a span keeps it
    ("Hooli buys Initech", "2025-02-11", "Hooli Inc said Tuesday it has acquired Initech for $52.5 million in cash.",
     "$52.5 million", ""),
    ("Hooli buys Initech", "2019-11-19", "Hooli Inc bought Initech in June for about $445 million.", "$445 million", ""),
    ("Hooli sells bonds", "2025-02-11", "Hooli Inc's 15-year bonds trade near 3.87%, with a 4.15% coupon.", "4.15%", ""),
    ("Hooli redeems debt", "1987-04-08", "Hooli Inc said it completed the redemption of its 47 mln dlr, 6-3/4 pct "
     "convertible subordinated debentures due 2011.", "6-3/4 pct", ""),
    ("Hooli sells bonds", "1987-03-19", "The coupon has been fixed at 7.50 pct, Hooli Inc said.", "7.50 pct", ""),
    ("AI funding", "2025-02-11", "AI startups such as Hooli Inc raised $110 billion in funding last year.",
     "$110 billion", "2024"),
    ("Hooli bonds", "2025-02-11", "Hooli Inc holds 5% of the bonds.", "5%", "2025-02-11"),
    # a figure stated as holding now is a point on the published day, whatever its metric; a plan "now" is not
    ("US debt", "2025-02-12", "Debt held by the public now stands at $28.9 trillion, the CBO said.", "$28.9 trillion",
     "2025-02-12"),
    ("Hooli devices", "2019-05-01", "Hooli Inc currently has more than 1 billion active devices.", "1 billion",
     "2019-05-01"),
    ("Hooli plans", "2025-02-12", "Hooli Inc now plans to invest $5 billion in new plants.", "$5 billion", ""),
    # a day weeks back in a base of comparison's own clause dates the base (its past level), not the figure set
    # against it; a day right after the base dates the change, weeks back or not
    ("Hooli stock rout", "2018-11-20", "Hooli Inc's market cap has shrunk to $850 billion from the $1 trillion mark it "
     "ceremoniously hit on Aug. 2.", "$850 billion", "2018-11-20"),
    ("Hooli stock rout", "2018-11-20", "Hooli Inc's market value is down to $610 billion from $700 billion, which it "
     "reached on Sept. 4.", "$610 billion", "2018-11-20"),
    ("Hooli shares", "2018-11-20", "Hooli Inc shares rose to $50 from $45 on Monday.", "$50", "2018-11-19"),
    ("Bank of France", "1987-03-18", "The Bank of France cut its rate to 7-3/4 pct from eight pct on March 9.",
     "7-3/4 pct", "1987-03-09"),
    # a headline listing tickers is a roundup: no story calendar from the company it names most (Super Micro's year
    # ends in June); a headline about that company reads its quarters on its calendar
    ("Biggest stock movers Wednesday: KHC, SMCI, HOOL, and more", "2025-02-12",
     "* Super Micro Computer (SMCI) shares jumped 10%. Super Micro Computer said it would file on time.\n"
     "* Hooli Inc (HOOL) posted a strong Q4, and its revenue rose 15% Y/Y to $4.3 billion.", "$4.3 billion", "2024-Q4"),
    ("Super Micro Computer shares jump", "2025-02-12",
     "* Super Micro Computer (SMCI) shares jumped 10%. Super Micro Computer said it would file on time.\n"
     "* Super Micro Computer posted a strong Q2, and its revenue rose 15% Y/Y to $4.3 billion.", "$4.3 billion",
     "FY2025-Q2"),
    # negatives: guidance naming its period keeps it; a result with none takes the report period
    ("Hooli Q4 results", "2025-02-13", _Q4 + "The company expects first-quarter revenue of about $2.3 billion.",
     "$2.3 billion", "2025-Q1"),
    ("Hooli Q4 results", "2025-02-13", _Q4 + "Operating income was $520 million.", "$520 million", "2024-Q4"),
    # a results story naming no quarter: its calendar's latest ended one, "a year earlier" / "a year ago" dating the
    # base a year back, not stating the figures by the year (s19 period audit: CVS, ING, Gildan stories)
    ("Hooli profit falls as medical costs climb", "2025-02-12", _UNNAMED, "$1.62 billion", "2024-Q4"),
    ("Hooli profit falls as medical costs climb", "2025-02-12", _UNNAMED, "$2.05 billion", "2023-Q4"),
    ("Hooli profit falls as medical costs climb", "2025-02-12", _UNNAMED, "$2.04 billion", "2024-Q4"),
    ("Hooli profit falls as medical costs climb", "2025-02-12", _UNNAMED, "$2.18 billion", "2023-Q4"),
    # negatives: a figure stated by the year is no quarter's
    ("Hooli profit falls as medical costs climb", "2025-02-12", _UNNAMED + "\n* Hooli pays a dividend of 78 cents a "
     "year.", "78 cents", ""),
    ("Hooli profit falls as medical costs climb", "2025-02-12", _UNNAMED + "\n* Hooli's annual sales are about $8 "
     "billion, up from a year-earlier $7 billion.", "$8 billion", ""),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_period_without_words(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert row.period_label == label


# a story that states the day its fiscal quarter (or year) ended reads its quarters on that calendar, whatever its labels say
DATED = [
    # a figure followed by its change set against a year is about the year after it, whatever its metric
    ("Initech results", "2025-02-11", "* **Gross Margin**: $5,981 million, a 16% increase from 2023, primarily due to "
     "pricing.", "$5,981 million", "2024-01-01", "2024-12-31"),
    ("Initech outlook", "2025-02-11", "* Initech Co expects annual membership decline of approximately 550,000, or "
     "approximately 10 percent, from 2024.", "10 percent", "2025-01-01", "2025-12-31"),
    ("Initech outlook", "2025-02-11", "Initech Co said its headcount fell by 120 people, or 3%, from 2023 levels.",
     "3%", "2024-01-01", "2024-12-31"),
    ("Initech sustains solid margin improvement", "2025-02-13", "Q3-2025 Highlights\n\n* Revenues decreased 3.9% to "
     "$115.8 million.\n\nInitech Co reported today its results for the third quarter of fiscal 2025 ended December "
     "31, 2024.", "$115.8 million", "2024-10-01", "2024-12-31"),
    ("Initech reports results", "2025-02-06", "Initech Co reported results for its fiscal second quarter ended "
     "Dec. 28, 2024. Net income was $40.2 million.", "$40.2 million", "2024-10-01", "2024-12-31"),
    # the sentence's quarter is on the calendar of the company it names, never on a data provider's or broker's
    # (LSEG's calendar year); an index's quarters are calendar quarters, whatever the story's company
    ("Deere misses revenue estimates", "2025-02-13", "Deere's quarterly revenue slumped. First-quarter net sales "
     "decreased 35% to $6.81 billion, compared with analysts' estimates of $7.7 billion, according to data compiled by "
     "LSEG.", "$6.81 billion", "2024-11-01", "2025-01-31"),
    ("SoftBank posts quarterly loss", "2025-02-12", "SoftBank Group posted a third-quarter net loss of 369.2 billion "
     "yen, against an LSEG consensus estimate of a profit.", "369.2 billion yen", "2024-10-01", "2024-12-31"),
    ("Deere misses revenue estimates", "2025-02-13", "Deere's quarterly revenue slumped. With fourth-quarter reporting "
     "season over halfway through, S&P 500 companies are expected to have posted earnings growth of 14.8%.", "14.8%",
     "2024-10-01", "2024-12-31"),
    # "that year" is the year the sentence before names
    ("Stocks and epidemics", "2020-01-30", "A similar phenomenon occurred in 1997 amid an outbreak of avian influenza "
     "in Hong Kong. That year, the S&P 500 rose 31%.", "31%", "1997-01-01", "1997-12-31"),
    ("Initech pay", "2025-02-10", "Initech named Jane Roe chief executive in 2023. Her total compensation that year "
     "was $10.4 million, according to a filing.", "$10.4 million", "2023-01-01", "2023-12-31"),
]


@pytest.mark.parametrize("title,published,text,figure,start,end", DATED)
def test_period_days(title, published, text, figure, start, end):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (str(row.period_start), str(row.period_end)) == (start, end)
