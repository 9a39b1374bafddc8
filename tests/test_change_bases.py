"""A year a percent change is measured from ("up 4.7% from 2023", "a 13% increase over 2023") is the base, not the
change's period: the change, and the level it moved to, are about the year after it; a base counted from the
published day ("from last year", "versus last year") leaves the figure the sentence's or the story's report period
(change_bases.py, claim_periods.year_after_base)."""
from __future__ import annotations

import pytest

from conftest import one_claim

_Q4 = "Hooli Reports Fourth Quarter 2024 Results"
_FY = "Hooli Reports Full Year 2024 Results"

# title, published, text, the figure as written, expected period label
CASES = [
    (_Q4, "2025-02-12", "NAREIT FFO totaled $126.7 million or $1.78 per share, up 4.7% from 2023.", "4.7%", "2024"),
    (_FY, "2025-02-12", "Full-year adjusted EBITDA reached $4 billion, a 13% increase over 2023, with a margin "
     "improvement of over 200 basis points.", "13%", "2024"),
    (_FY, "2025-02-12", "Hooli posted full year 2024 adj EBIT of $385 mln, up 25% from 2023, topping its prior "
     "guidance of $355-$360 mln.", "25%", "2024"),
    (_FY, "2025-02-12", "A CFO reported a full-year same-property NOI of $162.6 million, a 5% growth over 2023.", "5%",
     "2024"),
    ("U.S. NON-FARM PRODUCTIVITY FELL 2.2 PCT IN QTR", "1987-03-02", "For all of 1986, productivity increased 0.7 pct "
     "from 1985, reflecting rises of 4.3 pct in the first quarter.", "0.7 pct", "1986"),
    (_Q4, "2025-02-12", "The company reported revenue of $2.1 billion, an increase of 10% over 2023.", "10%", "2024"),
    (_FY, "2025-02-12", "Net income rose 8% from 2023 to $45 million.", "$45 million", "2024"),
    # a base counted from the published day: the period the sentence or the story reports
    (_Q4, "2025-02-12", "GAAP operating profit in the quarter of $774 million was up 44% from last year.", "44%",
     "2024-Q4"),
    (_Q4, "2025-02-12", "Hooli reported fourth-quarter results. Revenue decreased 5% compared to last year.", "5%",
     "2024-Q4"),
    (_FY, "2025-02-12", "Hooli reported results for 2024. Sales rose 12% compared with last year to $2 billion.", "12%",
     "2024"),
    # negatives: a year after a bare "from" or "over" is the span itself
    ("Kohl sets tax cuts", "1987-06-19", "The government will introduce tax cuts worth 44 billion marks from 1990, "
     "Kohl said.", "44 billion marks", "1990"),
    ("Hooli shares in 2024", "2025-02-12", "Hooli shares gained 35% over 2024.", "35%", "2024"),
    (_FY, "2025-02-12", "Carrier's 2024 sales of $22.5 billion increased 19% compared to the prior year.", "19%", "2024"),
    # a base before another figure of its clause is that figure's own year
    ("Amazon Posts Solid Earnings", "2025-02-06", "That figure would be a 27% increase from 2024, which was 57% higher "
     "than the previous year.", "57%", "2024"),
    # a year not yet ended is where the figure starts
    ("Financial Services Roundup: Market Talk", "2025-02-10", "Public Bank's dividend yield is forecast to exceed 5% "
     "from 2025 based on organic growth alone, CIMB Securities says.", "5%", "2025"),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_change_base_year(title, published, text, figure, label):
    assert one_claim(title, published, text, figure).period_label == label
