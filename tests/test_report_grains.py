"""A results figure's grain from its sentence's words ("For the full year, ...", "for the quarter"), a story of a
reporting length ("the nine months ended Dec. 31"), a year-ago base with nothing before it to count from, an actual
result never dated by a period under way, a monthly data story's month, a split fiscal year, a month to date (report_grains.py,
prior_periods.py, claim_dating.py, reporting_periods.py). Shortened dump phrasings, names changed."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline import extract
from pipeline.dates import find_periods

_Q4 = "Hooli Reports Fourth Quarter 2024 Results"
_Q4_LEDE = "Hooli reported fourth-quarter revenue of $2.5 billion, up 12%. "

# title, published, text, figure, expected period label
CASES = [
    # full-year words before the figure's clause, or earlier in its sentence, put it on the whole year
    (_Q4, "2025-02-13", _Q4_LEDE + "For the full year, adjusted EBITDA totaled $4 billion, with a margin of 36%.",
     "$4 billion", "2024"),
    (_Q4, "2025-02-13", _Q4_LEDE + "For the full year, adjusted EBITDA totaled $4 billion, with a margin of 36%.",
     "36%", "2024"),
    (_Q4, "2025-02-13", _Q4_LEDE + "Free cash flow for the year was $4.5 billion, representing a margin of 40%.",
     "40%", "2024"),
    (_Q4, "2025-02-13", _Q4_LEDE + "For the full year, EAD net income was $121 million, or $1.48 per share.",
     "$1.48", "2024"),
    (_Q4, "2025-02-13", _Q4_LEDE + "Hooli reiterated its full-year forecast for revenue in the turf division to "
     "decline by about 10% and in the forestry business to fall by 10% to 15%.", "10% to 15%", "2025"),
    # a wire brief's bare "FY": the year of the story's report period, else the latest fiscal year that has ended
    ("Hooli to List Ice Cream Business", "2025-02-13", "**(07:00 GMT)** \\*Hooli PLC Q4 Turnover EUR15.0B\n\n"
     "**(07:00 GMT)** \\*Hooli PLC FY Net Pft EUR5.74B", "EUR5.74B", "2024"),
    ("Hooli to List Ice Cream Business", "2025-02-13", "**(07:00 GMT)** \\*Hooli PLC Q4 Turnover EUR15.0B\n\n"
     "**(07:06 GMT)** \\*Hooli FY Underlying Operating Margin 18.4%", "18.4%", "2024"),
    ("Hooli Bank FY Profit Falls", "2025-02-13", "* HOOLI BANK FY PROFIT ATTRIBUTABLE 42.3 MILLION DINARS VERSUS 47.1 "
     "MILLION DINARS YEAR AGO", "42.3 MILLION DINARS", "2024"),
    ("Hooli Bank FY Profit Falls", "2025-02-13", "* HOOLI BANK FY REVENUE 559 MILLION DINARS VERSUS 484 MILLION "
     "DINARS YEAR AGO", "484 MILLION DINARS", "2023"),
    # negatives: "FY" with its year is that year; a year's words on a net worth's change date no worth
    ("Hooli Bank FY Profit Falls", "2025-02-13", "Hooli Bank's profit fell 5% to $2 billion in FY 2023.", "$2 billion",
     "FY2023"),
    ("Musk's Wealth Has Dropped This Year", "2025-02-12", "Jeff Bezos is third with a net worth of $252 billion (up "
     "$13.1 billion for the year).", "$252 billion", ""),
    # the year before when its base is written "a year earlier"
    ("RELX Pretax Profit Rises on Strong Revenue Growth", "2025-02-13", "RELX reported higher pretax profit and "
     "revenue for 2024, driven by a continued shift in its business mix toward higher growth analytics and decision "
     "tools, but missed market expectations.\n\nThe information-and-analytics group posted Thursday a rise in pretax "
     "profit for the year to 2.56 billion pounds, equivalent to $3.19 billion, from 2.295 billion pounds a year "
     "earlier.\n\nAdjusted earnings before interest, taxes, depreciation, and amortization climbed to 3.72 billion "
     "pounds from 3.54 billion pounds.",
     "2.295 billion pounds", "2023"),
    # negative: quarter words after them leave the story's quarter
    (_Q4, "2025-02-13", _Q4_LEDE + "Full-year sales met the plan, while net income in the quarter was $461 million.",
     "$461 million", "2024-Q4"),
    # quarter words in a story of a year: that year's last quarter
    ("Hooli targets 17% revenue growth in FY 2025", "2025-02-13", "Hooli's revenue for fiscal 2024 rose 22% to "
     "$428.5 million. Operating cash flow was $49.1 million for the quarter, and free cash flow reached $48.5 "
     "million.", "$49.1 million", "2024-Q4"),
    ("Hooli targets 17% revenue growth in FY 2025", "2025-02-13", "Hooli's revenue for fiscal 2024 rose 22% to "
     "$428.5 million. Cloud revenue for the quarter was $49.4 million, representing 43% of total revenue.",
     "$49.4 million", "2024-Q4"),
    # a story of a reporting length that is no quarter: its other results take it, not the latest quarter
    ("Hooli Logs 4% Higher Profit for Nine Months to December 2024", "2025-02-11", "Hooli recorded a profit of 23.0 "
     "billion yen for the nine months ended Dec. 31, 2024. Total revenue came in at 557.6 billion yen, 18.7% higher "
     "than a year earlier.", "557.6 billion yen", "9 months to 2024-12"),
    ("Hooli Posts Higher Fiscal H1 Profit", "2025-02-11", "Profit for the 26 weeks ended Dec. 28, 2024, was 91.6 "
     "million pounds. The retailer's revenue was 893.7 million pounds.", "893.7 million pounds",
     "26 weeks to 2024-12-28"),
    # negative: a quarter named as often as the nine months stays the story's
    ("Hooli third-quarter profit rises", "2024-11-06", "Hooli's third-quarter revenue rose to $5 billion. Revenue "
     "for the nine months ended Sept. 30 was $14 billion. Net income was $400 million.", "$400 million", "2024-Q3"),
    # a year-ago base after the figure with no period written before it: the report period a year back
    ("Hooli Reports Fiscal First Quarter 2025 Results", "2025-02-12", "Net income for the quarter was $0.5 million, "
     "an improvement from the loss per share of $0.22 in the prior year period.", "$0.22", "2023-10-01..2023-12-31"),
    ("Hooli Q4 results", "2025-02-13", "Hooli's fourth-quarter revenue rose 5% to $1.2 billion. Non-GAAP EPS was "
     "$1.90 compared to $1.72 in the prior year.", "$1.72", "2023-Q4"),
    # negative: the words before the figure name the year itself
    ("Hooli Issues Upbeat Outlook as Fourth-Quarter Results Top Estimates", "2025-02-13", "Hooli reported "
     "fourth-quarter revenue of $990 million. In the previous year, revenue improved 3.5% to $4.1 billion.",
     "$4.1 billion", "2024"),
    # an actual result takes no period its story forecasts and that has not ended; a monthly story its month
    ("Hooli January Revenue Increases; Earthquake to Impact Q1 Revenue", "2025-02-10", "Hooli said revenue "
     "increased to about 293.29 billion Taiwanese dollars. Hooli expects first-quarter revenue of $25 billion to "
     "$25.8 billion.", "293.29 billion", "2025-01"),
    ("Hooli Holdings Logs Lower Sales Revenue in January, Shares Up 5%", "2025-02-13", "Contracted sales revenue "
     "fell 72.5% year over year to 1.02 billion yuan, according to a filing.", "1.02 billion yuan", "2025-01"),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_report_grain_period(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (row.period_label or "") == label


# a split fiscal year is named by the year it ends in; a multi-year span is not read as one
@pytest.mark.parametrize("text,label", [
    ("In the financial year 2023-24, BCCL reported", "FY2024"),
    ("production reached a record in FY 2023-24 (FY24)", "FY2024"),
    ("revenue guidance for FY2024/25", "FY2025"),
    ("revenue CAGR over FY24-27", "FY2024"),
    # a month, quarter or week to date runs from its first day to the reference day
    ("--Down 5.78% month-to-date", "MTD 2025-02-11"),
    ("shares are up 3% quarter-to-date", "QTD 2025-02-11"),
])
def test_split_fiscal_year(text, label, resources):
    periods = find_periods(text, date(2025, 2, 11), 3, res=resources)
    assert periods and periods[0].label == label
