"""A bare year dating a company's forecast on a non-December fiscal calendar is that fiscal year (fiscal_years.py,
CLAIM_LABELING_GUIDE.md 6: fiscal periods on the company's fiscal calendar); a calendar only the story's currency
gives, a figure of another entity and an actual result keep the calendar year."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

_CMP = ("* Compass Minerals press release (NYSE:CMP): Q1 Non-GAAP EPS of -$0.55  misses by $0.50.\n"
        "* Revenue of $307.2M (-10.1% Y/Y)  beats by $13.3M.\n* UPDATED FISCAL 2025 OUTLOOK:\n"
        "* | Salt Segment | |\n  | --- | --- |\n  |  | 2025 Range1 |\n"
        "  | Revenue (in millions) | $900 - $1,000 |\n  | Adj. EBITDA (in millions) | $205 - $230 |\n")

# title, published, text, figure, expected (period_start, period_end)
CASES = [
    # a guidance table's "2025 Range" under a company whose first quarter ends in December (Oct-Sep year)
    ("Compass Minerals Non-GAAP EPS of -$0.55 misses by $0.50, revenue of $307.2M beats by $13.3M", "2025-02-10",
     _CMP, "$205 - $230", ("2024-10-01", "2025-09-30")),
    ("Compass Minerals Non-GAAP EPS of -$0.55 misses by $0.50, revenue of $307.2M beats by $13.3M", "2025-02-10",
     _CMP, "$900 - $1,000", ("2024-10-01", "2025-09-30")),
    # analysts' estimates of a January-year company's "2025" and "2026"
    ("Nvidia Stock Warning: Trump Could Further Curb Nvidia's Chip Sales", "2025-02-12",
     "Nvidia reported fiscal third-quarter revenue of $35.1 billion in November. Analysts tracking Nvidia expect "
     "sales to rise from $129 billion in 2025 to $196 billion in 2026.", "$129 billion", ("2024-02-01", "2025-01-31")),
    # negatives: an actual result of a year keeps the calendar year; a yen story's March calendar is only the
    # currency's, so its "2025" forecast stays the calendar year
    ("Hooli Reports Fiscal 2025 First-Quarter Results", "2025-02-10",
     "Hooli Inc's fiscal first-quarter revenue rose 5% to $307 million. Hooli said sales in 2024 were $1.2 billion.",
     "$1.2 billion", ("2024-01-01", "2024-12-31")),
    ("Hoorai sees profit growth", "2025-02-14", "Hoorai KK expects revenue of 70 billion yen in 2025, up from "
     "61 billion yen.", "70 billion yen", ("2025-01-01", "2025-12-31")),
]


@pytest.mark.parametrize("title,published,text,figure,span", CASES)
def test_fiscal_bare_year(title, published, text, figure, span):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (str(row.period_start)[:10], str(row.period_end)[:10]) == span
