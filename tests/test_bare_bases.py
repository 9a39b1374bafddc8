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
