"""The period of figures whose text names none (claim_dating): an unnamed percentage in a results story, a full-year
story's year, a session's volume, a restatement in another currency."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

_Q4 = "Hooli Inc's fourth-quarter revenue rose 8% to $2.2 billion, and net income was $410 million. "

# an opening of no results words, longer than the reach where a story says it reports results
_OPENING = ("Hooli Inc makes speakers and headphones in three countries and sells them through its own shops, "
            "online and through retail partners across Europe, Asia and the Americas. " * 4)

# title, published, text, figure, expected period label
CASES = [
    # a percentage of no named metric in a results story is about the period the story reports (a share of a
    # whole, a component of a change, a rise of an operating figure)
    ("Hooli Q4 results", "2025-02-13", _Q4 + "These efforts contributed to a 7% increase in gross average order "
     "value to $108.", "7%", "2024-Q4"),
    ("Hooli Q4 results", "2025-02-13", _Q4 + "* A positive currency effect of +0.5%, mainly due to the appreciation "
     "of the British pound.", "+0.5%", "2024-Q4"),
    ("Hooli Q4 results", "2025-02-13", _Q4 + "Margins improved as 80% of the digital sales growth came from "
     "same-day fulfillment options.", "80%", "2024-Q4"),
    # negatives: a rate laid on something, and a percentage in a story that reports no period, stay undated
    ("Hooli Q4 results", "2025-02-13", _Q4 + "Washington imposed a 10% tariff on goods from China.", "10%", ""),
    ("Pew: Americans doubt tech platforms", "2020-02-25", "The study found that 74% of Americans don't believe "
     "platforms will be able to prevent election interference.", "74%", ""),
    # a results story that names no quarter (its headline or its opening has results words) dates its undated results
    # to the latest quarter of its calendar that has ended
    ("Hooli net profit rises 38% YoY", "2025-02-13", "Hooli Inc's revenue rose to $1.37 billion from $953.3 million "
     "a year ago.", "$1.37 billion", "2024-Q4"),
    ("Hooli shares jump", "2025-02-13", "Hooli Inc reported results on Thursday. Revenue rose to $1.37 billion.",
     "$1.37 billion", "2024-Q4"),
    ("HOOLI INC <HOO> OMITS DIVIDEND", "1987-03-25", "Hooli Inc said it omitted payment of the quarterly dividend. "
     "Hooli's revenue rose 12 pct to 40 mln dlrs.", "40 mln dlrs", "1986-Q4"),
    ("Hooli, Inc. SEC 10-Q Report", "2025-02-13", _OPENING + "Net income rose 26% to $2.1 million.", "$2.1 million",
     "2024-Q4"),
    # a half the headline names, reported weeks after December, is of a year ending in June ("1H25" in February);
    # not a half written with a calendar year, nor a country's
    ("Hooli 1H25 Earnings Call Highlights", "2025-02-20", "In the first half, revenue grew 24% to $314 million.",
     "$314 million", "FY2025-H1"),
    ("Hooli Posts Higher Fiscal H1 Earnings", "2025-02-13", "Hooli said its first-half profit rose to $51.7 million.",
     "$51.7 million", "FY2025-H1"),
    ("Hooli ASA Proposes First Half 2025 Dividend", "2025-02-13", "Hooli ASA proposes a dividend of NOK 5.00 per "
     "share for the first half of 2025.", "NOK 5.00", "2025-H1"),
    # a European release names itself: "Financial Statements Release", "Year-end report", "Interim report"
    ("Hooli continues to invest", "2025-02-11", "Hooli Oyj Financial Statements Release 11 February 2025\n\n"
     "* Cash flow from operations was EUR 1.8 (-1.9) million, an increase of EUR 3.7 million", "EUR 3.7 million",
     "2024-Q4"),
    ("Hooli AB publishes its interim report", "2025-02-12", "* Net sales increased to SEK 512 million.",
     "SEK 512 million", "2024-Q4"),
    # negatives: results words only further down are an aside (a rating agency's "resilient earnings", a gadget
    # story's link to another company's earnings): no results story, so no quarter
    ("Fitch upgrades Hooli's rating to 'A'", "2025-02-11", _OPENING + "Fitch cited Hooli's resilient earnings. Hooli's "
     "revenue rose 12% to $2 billion.", "$2 billion", ""),
    ("Hooli's $199 earbuds to take on AirPods", "2020-05-06", "Hooli's noise-cancelling earbuds will launch May 12 "
     "and cost $250. " + _OPENING + "Tech Support: Apple Q2 2020 earnings will be all about the iPhone.", "$250",
     "2020-05-06"),
    # a story in the weeks after a year ended, naming no quarter, reports that year
    ("Hooli Launches $1 Billion Buyback, Expects Growth Ahead", "2025-02-14", "Hooli Inc launched a share buyback."
     "\n\nFor 2024, Hooli reported a pretax profit drop to 1.94 billion euros from 2.20 billion euros a year "
     "earlier.\n\nRevenue increased nearly 12%, driven by the Australia-Pacific region.", "12%", "2024"),
    ("Hooli Launches $1 Billion Buyback", "2025-02-14", "Hooli Inc launched a share buyback.\n\nFor 2024, Hooli "
     "reported a pretax profit drop to 1.94 billion euros.\n\nOperating profit fell nearly 9% to 2.13 billion "
     "euros.", "2.13 billion euros", "2024"),
    # a share of no metric takes the year just ended where its sentence names it; negatives: a year ended long before
    # is background; two such years leave it open; a year named elsewhere dates no share of no metric (a screen's
    # ratio)
    ("Coal Drops Further to 4-Year Low", "2025-02-11", "Coal futures fell on Tuesday.\n\nAlso, Hooli's output rose to a "
     "record high 836 million tonnes in 2024, 18% above its target.", "18%", "2024"),
    ("Hooli Soars But It's A Story Of Risk", "2025-02-14", "Hooli shares jumped 40% in 2024.\n\nImports from China "
     "account for about 15% of Hooli's total cost of goods sold.", "15%", ""),
    ("Hooli Soars But It's A Story Of Risk", "2025-02-14", "Hooli's shares doubled in 2024.\n\nThe company's debt to "
     "equity ratio has improved over five years from 25.6% to 19.2%.", "19.2%", ""),
    ("Hooli Launches $1 Billion Buyback", "2025-06-20", "Hooli Inc launched a share buyback.\n\nFor 2024, Hooli "
     "reported a pretax profit drop to 1.94 billion euros.\n\nRevenue increased nearly 12%.", "12%", ""),
    # a session's volume is the session's day
    ("Stocks close at records", "2019-11-13", "About 6.8 billion shares changed hands in U.S. exchanges, roughly in "
     "line with the daily average.", "6.8 billion", "2019-11-13"),
    ("USAir shares rise", "1987-03-04", "USAir closed up 5-3/8 at 49-1/8 on volume of 1.9 mln shares.", "1.9 mln",
     "1987-03-04"),
    # a level stated as holding now stays on the published day in a story about the year just ended
    ("Bolivia debt talks", "1987-03-12", "Bolivia's output fell 3 pct in 1986.\n\nNogales said Bolivia's net "
     "international reserves now stood at around 250 mln dlrs.", "250 mln dlrs", "1987-03-12"),
    # a restatement in another currency in brackets takes the period of the amount it restates
    ("China injects record funds", "2019-01-16", "The People's Bank of China pumped in a net 560 billion yuan ($83 "
     "billion) into the financial system on Wednesday.", "$83 billion", "2019-01-16"),
    ("Hooli reports results", "2025-02-10", "Hooli Inc's net cash used in operating activities was RMB 5.5 million "
     "(US$0.76 million) for the fiscal year ended September 30, 2023.", "US$0.76 million", "12 months to 2023-09"),
    # a result does not take the quarter under way that a later clause names (the guidance's), but the story's; the
    # guidance keeps it
    ("Key takeaways from Hooli earnings", "2025-02-12", "Hooli slid 25% after fourth-quarter earnings.\n\nRevenues "
     "grew 22% to $741M, short of forecasts for $759.6M, and company guidance for the current quarter wasn't upbeat: "
     "It expects revenue of at least $575M.", "$741M", "2024-Q4"),
    ("Key takeaways from Hooli earnings", "2025-02-12", "Hooli slid 25% after fourth-quarter earnings.\n\nRevenues "
     "grew 22% to $741M, short of forecasts for $759.6M, and company guidance for the current quarter wasn't upbeat: "
     "It expects revenue of at least $575M.", "$575M", "2025-Q1"),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_story_report_period(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (row.period_label or "") == label


_FILING = ("| Reporter Name | Deneke J Heath |\n| --- | --- |\n| Type | Sell |\n| Amount | $131,067 |\n| SEC Filing | "
           "Form 4 |\n\n")
# an opening of no results words, longer than the reach where a story says it reports results
_OPENING = ("Hooli Inc makes speakers and headphones in three countries and sells them through its own shops, "
            "online and through retail partners across Europe, Asia and the Americas. " * 4)

# title, published, text, figure, expected period label: an insider's amount stated in a filing table or a headline
# takes the days of the trades the paragraph stating the same amount names
TRADES = [
    ("Summit Midstream Corp's CEO Sells 3,000 Shares", "2025-02-13", _FILING + "Deneke J Heath, CEO of Summit "
     "Midstream Corp, sold 3,000 shares of Common Stock over three days, with transactions dated February 10, 11, and "
     "12, 2025. The sales were conducted at weighted average prices ranging from $43.18 to $44.35 per share, "
     "resulting in a total sale amount of $131,067.", "$131,067", "2025-02-10..2025-02-12"),
    ("Summit Midstream Corp's CEO Sells 3,000 Shares", "2025-02-13", _FILING + "Deneke J Heath, CEO of Summit "
     "Midstream Corp, on February 11, 2025, sold 3,000 shares of Common Stock for $131,067. The sales were made "
     "under a Rule 10b5-1 trading plan adopted on November 17, 2023.", "$131,067", "2025-02-11"),
    # negative: a paragraph trading shares for another amount leaves the table's amount on the published day
    ("Summit Midstream Corp's CEO Sells 3,000 Shares", "2025-02-13", _FILING + "Deneke J Heath, CEO of Summit "
     "Midstream Corp, on February 11, 2025, sold 1,000 shares of Common Stock for $43,000.", "$131,067",
     "2025-02-13"),
]


@pytest.mark.parametrize("title,published,text,figure,label", TRADES)
def test_trade_days(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": title + "\n\n" + text, "published": published, "title": title}]))
    rows = claims[(claims.figure == figure) & (claims.metric == "stake_value")]
    assert rows.iloc[0].period_label == label
