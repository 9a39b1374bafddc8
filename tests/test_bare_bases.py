"""A result's base of comparison with no period of its own ("to NOK 188, up from NOK 173") is the same period a year
earlier, under its paragraph's opening period where there is one; a sentence of another comparison (sequential,
against a previous guidance, a forecast) or a period written after the base keeps it (bare_bases.py)."""
from __future__ import annotations

import pytest

from conftest import one_claim

_Q4 = "Hooli Reports Fourth Quarter 2024 Results"

# title, published, text, the figure as written, expected period label
CASES = [
    ("Norwegian Air Shuttle signals reduced growth", "2025-02-13", "Norwegian reported fourth-quarter results. "
     "Ancillary revenue per passenger rose to NOK 188, up from NOK 173.", "NOK 173", "2023-Q4"),
    ("Hanatour Service's Net Income Zooms 266% in Q4 2024", "2025-02-12", "The South Korean travel agency company's "
     "sales jumped 19% year over year to 142.2 billion won from 119.5 billion won, according to a filing.",
     "119.5 billion won", "2023-Q4"),
    ("Kering Posts Lower FY24 Net Income, Revenue", "2025-02-11", "Kering reported its results for fiscal 2024. EPS "
     "moved to 9.24 euros from 24.37 euros.", "24.37 euros", "FY2023"),
    ("Datadog Defies Expectations", "2025-02-13", "Datadog reported fourth-quarter results. With a free cash flow "
     "margin reaching 32.7%, up from 29.5%, Datadog continues to demonstrate fiscal strength.", "29.5%", "2023-Q4"),
    ("Varun Beverages down 6% after Q3", "2025-02-11", "Varun Beverages reported Q3 results. Its profit climbed "
     "40.3 per cent year-on-year to Rs 185.1 crore in Q4CY24, from Rs 131.9 crore in Q4CY23.", "Rs 131.9 crore",
     "2023-10-01..2023-12-31"),
    # under a full-year opening: the year before
    (_Q4, "2025-02-13", "Hooli reported fourth-quarter results.\n\nFull Year 2024 Highlights\n\n* Diluted EPS was $4.34 "
     "versus $3.04, up $1.31 from the prior year.", "$3.04", "2023"),
    # negatives: another comparison, or a period written after the base
    (_Q4, "2025-02-13", "Hooli reported fourth-quarter results. Net income rose to $2 billion from $1.5 billion "
     "sequentially.", "$1.5 billion", "2024-Q3"),
    ("Hooli Q3 FY25", "2025-02-12", "Hooli reported Q3 results. Revenue is now expected at 4 billion euros, against 3.8 "
     "billion euros previously.", "3.8 billion euros", "FY2025-Q3"),
    ("Amazon Posts Solid Earnings", "2025-02-06", "Amazon reported fourth-quarter results. In the latest quarter, AWS "
     "had a 36.9% operating profit margin, versus 6.6% for the rest of Amazon.", "6.6%", "2024-Q4"),
    ("Aptiv: A Deep Value Stock", "2025-02-09", "The company improved adjusted net income significantly to $1,607m, "
     "compared to $1,376m, or EPS of $4.86 in FY23.", "$1,376m", "FY2023"),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_bare_base_year_ago(title, published, text, figure, label):
    assert one_claim(title, published, text, figure).period_label == label


# "last year" right after a base: the result's period (or the report period) a year back, not the calendar year
# before the story; title, published, text, the figure as written, expected period label
LAST_YEAR = [
    ("Hooli Announces 2024 Fourth Quarter and Year End Results", "2025-02-13", "* Internationally, fourth quarter "
     "revenue increased 6% as we realized revenue of US$37 million versus US$35 million in the prior year.",
     "US$35 million", "2023-Q4"),
    ("Hooli Bank SpA Says Q4 Operating Income EUR 112.8 Million", "2025-02-13", "* HOOLI BANK- THE COMPANY CLOSED 2024 "
     "WITH AN EBITDA OF EUR 17.1 MILLION, COMPARED TO EUR 16.4 MILLION LAST YEAR", "EUR 16.4 MILLION", "2023"),
    ("Hooli results", "2025-02-13", "Hooli Inc's fourth-quarter revenue rose 8% to $2.2 billion. Revenue for the full "
     "year rose to $8 billion from $7 billion last year.", "$7 billion", "2023"),
    ("Hooli Q4 profit rises", "2025-02-13", "Hooli Inc reported fourth-quarter sales of $1.25 billion, up from $1.05 "
     "billion last year.", "$1.05 billion", "2023-Q4"),
    # negatives: "last year" dating the result, or a base of a change the sentence's own words date
    ("Hooli results", "2025-02-13", "Hooli Inc's revenue rose to $5.2 billion last year from $4.1 billion in 2023.",
     "$5.2 billion", "2024"),
    ("Hooli results", "2025-02-13", "Hooli Inc's revenue rose to $5.2 billion last year from $4.1 billion in 2023.",
     "$4.1 billion", "2023"),
]


@pytest.mark.parametrize("title,published,text,figure,label", LAST_YEAR)
def test_last_year_after_a_base(title, published, text, figure, label):
    assert one_claim(title, published, text, figure).period_label == label
