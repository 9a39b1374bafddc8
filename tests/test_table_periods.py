"""Wire result tables: the period a headline's or line's stated end and a table's sections set (table_periods)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

_Q = "Shr 40 cts vs 30 cts\nNet 4,100,000 vs 3,200,000\nRevs 51.5 mln vs 47.3 mln"

# title, published, text, figure, expected period label
CASES = [
    # a headline's quarter end puts the quarter on the company's fiscal calendar, with or without "ended"
    ("WIDGET CORP <WDG> 2ND QTR JAN 31 NET", "1987-03-06", "NEW YORK, March 6 - " + _Q, "4,100,000",
     "1986-11-01..1987-01-31"),
    ("WIDGET CORP <WDG> 2ND QTR ENDED JAN 31 NET", "1987-03-06", "NEW YORK, March 6 - " + _Q, "3,200,000",
     "1985-11-01..1986-01-31"),
    # a section below runs to the same end
    ("WIDGET CORP <WDG> 3RD QTR MAY 31 LOSS", "1987-06-19",
     "NEW YORK, June 19 - " + _Q + "\nNine mths\nShr 1.10 dlrs vs 90 cts\nNet 12.2 mln vs 9.9 mln", "12.2 mln",
     "1986-09-01..1987-05-31"),
    ("WIDGET CORP <WDG> 4TH QTR JAN 31 NET", "1987-03-26",
     "NEW YORK, March 26 - " + _Q + "\nYear\nShr 1.60 dlrs vs 1.20 dlrs\nSales 206.4 mln vs 188.0 mln", "206.4 mln",
     "1986-02-01..1987-01-31"),
    # the opener states the end; a 52-53 week year's "Feb one" is January's end
    ("WIDGET CORP <WDG> 3RD QTR NET", "1987-03-18", "CLEVELAND, March 18 - Ended Feb 28\n" + _Q, "51.5 mln",
     "1986-12-01..1987-02-28"),
    ("WIDGET CORP <WDG> 4TH QTR FEB ONE", "1987-03-31", "DAYTON, Ohio, March 31 - " + _Q, "51.5 mln",
     "1986-11-01..1987-01-31"),
    # months the headline counts, to a stated end or to the month before the published one
    ("WIDGET CORP <WDG> FIVE MTHS NET", "1987-06-19", "BOSTON, June 19 - Five mths end May 31\n" + _Q, "4,100,000",
     "1987-01-01..1987-05-31"),
    ("WIDGET CORP <WDG> TWO MTHS NET", "1987-03-30", "BOSTON, March 30 - " + _Q, "3,200,000",
     "1986-01-01..1986-02-28"),
    ("WIDGET CORP <WDG> 12 MTHS FEB 28 LOSS", "1987-03-26", "HAMMOND, Ind., March 26 - " + _Q, "51.5 mln",
     "1986-03-01..1987-02-28"),
    # a note after the table states the end; "Six months" and "1st half" are sections too
    ("WIDGET CORP <WDG> 2ND QTR NET", "1987-03-17",
     "NEW YORK, March 17 - " + _Q + "\nSix mths\nShr 70 cts vs 50 cts\nNet 7,300,000 vs 5,100,000\n"
     "NOTE: Quarter ends January 31.", "7,300,000", "1986-08-01..1987-01-31"),
    ("WIDGET CORP <WDG> 3RD QTR NET", "1987-10-19",
     "NEW YORK, Oct 19 - " + _Q + "\nNine months\nShr 1.10 dlrs vs 90 cts\nNet 12.2 mln vs 9.9 mln", "9.9 mln",
     "1986-01-01..1986-09-30"),
    ("WIDGET CORP <WDG> SIX MONTHS TO APRIL 30", "1987-06-19", "TOKYO, June 19 - " + _Q, "3,200,000",
     "1985-11-01..1986-04-30"),
    # with no stated end, the latest quarter of the company's fiscal calendar that has ended (Nvidia's year ends
    # in January)
    ("NVIDIA CORP <NVDA> 1ST QTR NET", "1987-05-20", "SANTA CLARA, Calif., May 20 - " + _Q, "4,100,000",
     "1987-02-01..1987-04-30"),
    # a section at the end of the dateline, or a line naming a quarter; a row whose label the vocabulary lacks
    # takes the section's period too (after "vs" a year before)
    ("WIDGET CORP <WDG>", "1987-03-31", "SAN MATEO, Calif., March 31 - Year\n" + _Q, "51.5 mln", "1986"),
    ("WIDGET CORP <WDG> YEAR 1986", "1987-03-25", "LONDON, March 25 - " + _Q + "\nMinority interest 700,000 vs 1.1 mln",
     "1.1 mln", "1985"),
    ("WIDGET PLC RAISES PROFIT", "1987-06-18", "LONDON, June 18 - Year to end-March\nTurnover 9.42 billion, a 12.4 pct "
     "increase\nFourth quarter 1987\nOperating profit 629.0 mln, a 12.1 pct increase", "629.0 mln", "1987-Q1"),
    ("WIDGET CORP <WDG> SIX MONTHS TO APRIL 30", "1987-06-19", "TOKYO, June 19 - " + _Q +
     "\nOperating loss 8.76 billion vs profit 6.52 billion", "6.52 billion", "1985-11-01..1986-04-30"),
    # a quarter that ended the day before is not yet reported: "4TH QTR" on April 1 is December's, after "vs" the
    # year before's
    ("WIDGET CORP <WDG> 4TH QTR OPER LOSS", "1987-04-01", "BOSTON, April 1 - Oper shr loss 1.10 dlrs vs loss 8.63 dlrs\n"
     "Oper net loss 5.1 mln vs loss 42.1 mln", "8.63 dlrs", "1985-Q4"),
    ("WIDGET CORP <WDG> 4TH QTR OPER LOSS", "1987-04-01", "BOSTON, April 1 - Oper shr loss 1.10 dlrs vs loss 8.63 dlrs\n"
     "Oper net loss 5.1 mln vs loss 42.1 mln", "5.1 mln", "1986-Q4"),
    # a first line longer than a row with its dateline is a row after it
    ("WIDGET SA <WDG.PA> YEAR ENDED DEC 31", "1987-03-27", "PARIS, March 27 - Provisional consolidated net attributable "
     "profit 242.1 mln francs vs 240.1 mln.\nInvestments 318 mln vs 317 mln.", "240.1 mln", "1985-01-01..1985-12-31"),
    # a level's line (assets, deposits) holds on the period's last day
    ("WIDGET BANCORPORATION <WBC> 1ST QTR NET", "1987-04-08", "SAN RAFAEL, Calif., April 8 - " + _Q +
     "\nAssets 1.15 billion vs 1.02 billion\nDeposits 1.01 billion vs 912.0 mln", "1.15 billion", "1987-03-31"),
    ("WIDGET BANCORPORATION <WBC> 1ST QTR NET", "1987-04-08", "SAN RAFAEL, Calif., April 8 - " + _Q +
     "\nAssets 1.15 billion vs 1.02 billion\nDeposits 1.01 billion vs 912.0 mln", "912.0 mln", "1986-03-31"),
    ("WIDGET BANK <WBK> YEAR MAY 31 NET", "1987-06-29", "NEW YORK, June 29 - " + _Q +
     "\nAssets 426.4 mln dlrs vs 334.1 mln dlrs", "426.4 mln dlrs", "1987-05-31"),
    # negatives: no stated end keeps the latest calendar quarter (a quick reporter's "1ST QTR" a week into April is
    # March's); a date in prose is no period end of the table
    ("WIDGET CORP <WDG> 1ST QTR NET", "1987-04-07", "CHICAGO, April 7 - " + _Q, "4,100,000", "1987-Q1"),
    ("WIDGET CORP <WDG> 1ST QTR NET", "1987-04-20", "CHICAGO, April 20 - The company will meet on May 12.\n" + _Q,
     "4,100,000", "1987-Q1"),
    ("WIDGET SEES GROWTH", "1987-04-20", "CHICAGO, April 20 - Year-end sales at Widget Corp rose to 51.5 mln dlrs "
     "from 47.3 mln dlrs, the company said in a statement on Monday.", "51.5 mln dlrs", ""),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_table_period(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert row.period_label == label
