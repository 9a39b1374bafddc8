"""A section's heading names the owner of the figures under it (pipeline/headings.py, guide 3.3).

Rows are written for these tests after the list styles of the yardstick's train split (a markdown
heading per item, a bold line per company, a bold label opening the item); the negative rows are a
company's own report, whose headings are its sections.
"""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.headings import heading_name

LAYOFFS = ("A comprehensive list of 2025 tech layoffs\n"
           "Tech companies keep cutting jobs. Amazon cut more staff this year.\n\n"
           "### Brightwell Labs\n\nLaid off 40% of its staff, CEO Dana Moore wrote on LinkedIn.\n\n"
           "### Corvale\n\nHas laid off 20% of its total workforce as it faces struggles.\n")
RESULTS = ("Stocks to Watch Today: TCS, Hindalco, RBL Bank in focus\n"
           "Tata Consultancy Services signed a deal.\n\n"
           "**Tessaro Chemicals Q3 (Consolidated YoY)**\n\nProfit plunges 51.5% to Rs 98.1 crore Vs Rs 202 crore\n\n"
           "Revenue declines 5.3% to Rs 1,903.4 crore Vs Rs 2,009.2 crore\n\n"
           "**Harlow Logistics:** Reported a jump in net profit for Q3. Ebitda fell 6.2 per cent YoY to Rs 102.4 crore.\n")
OWN_REPORT = ("Halvorsen Shipping Reports Fourth Quarter Results\n"
              "Halvorsen Shipping ASA reported results on Thursday.\n\n"
              "### Management View\n\nRevenue grew 12% to NOK 450 million in the quarter.\n")


@pytest.mark.parametrize("text,figure,want", [
    # new: the item's heading owns the figures under it
    (LAYOFFS, "40%", "Brightwell Labs"),
    (LAYOFFS, "20%", "Corvale"),
    (RESULTS, "5.3%", "Tessaro Chemicals"),
    (RESULTS, "6.2 per cent", "Harlow Logistics"),
    # negative: a company's report, its headings its sections
    (OWN_REPORT, "12%", "Halvorsen Shipping"),
])
def test_a_headings_name_owns_the_figures_under_it(text, figure, want):
    claims, _ = extract([text], published="2025-02-10")
    row = claims[claims["figure"] == figure].iloc[0]
    assert row["entity"] == want, row.to_dict()


# bugs caught (session 25's seed-3434 audit): a section's heading of common words or a day's name took the figures
# under it ("### Review" 13 claims, "**Operations**", "### Thursday", "**Image Credits**")
SECTIONS = (LAYOFFS + "\n### Review\n\nIn all, the cuts reached 12% of staff.\n\n### Thursday\n\nShares fell 3% on the day.\n"
            "\n**Image Credits**\n\nThe startup raised $5 million.\n")


@pytest.mark.parametrize("figure,heading", [("12%", "Review"), ("3%", "Thursday"), ("$5 million", "Image Credits")])
def test_a_sections_heading_names_no_owner(figure, heading):
    claims, _ = extract([SECTIONS], published="2025-02-10")
    assert claims[claims["figure"] == figure].iloc[0]["entity"] != heading


@pytest.mark.parametrize("raw,want", [
    ("Deepak Nitrite Q3 (Consolidated YoY)", "Deepak Nitrite"),
    ("Delhivery", "Delhivery"),
    ("Retention.com", "Retention.com"),
    ("key takeaways", ""),
])
def test_heading_name(raw, want):
    assert heading_name(raw) == want
