"""A pipe table's row label names the metric of the cells after it (row_labels.py, rule
`claims.row_label_metric.v1`): the label's head must be one metric cue whole. Tables written for these tests in the
dump's key-figure and statement phrasings, none copied from it.
"""
from __future__ import annotations

from functools import partial

import pytest

from conftest import claim_metric
from pipeline.resources import load_resources
from pipeline.row_labels import label_head, row_label

KEY_FIGURES = ("Initech Oyj financial statements bulletin\n\n**KEY FIGURES**\n\n"
               "| EUR million | 10–12/2024 | 10–12/2023 | Change% | 1–12/2024 | 1–12/2023 |\n"
               "| --- | --- | --- | --- | --- | --- |\n"
               "| Net sales | 61.4 | 63.9 | -3.9% | 231.7 | 228.1 |\n"
               "| Cost of sales | -41.2 | -44.6 | -7.6% | -160.3 | -158.8 |\n"
               "| Gross profit | 20.2 | 19.3 | 4.7% | 71.4 | 69.3 |\n"
               "| EBITDA | 6.6 | 5.9 | 11.9% | 24.8 | 21.7 |\n"
               "| Adjusted EBIT 1) | 3.8 | 3.1 | 22.6% | 13.5 | 11.2 |\n"
               "| Net income/(loss) | -1.7 | 2.2 | -177.3% | 5.3 | 6.1 |\n"
               "| Diluted EPS adj. 2) | 0.043 | 0.051 | -15.7% | 0.144 | 0.162 |\n"
               "| Income tax receivables | 1.9 | 1.4 |  | 1.9 | 1.4 |\n"
               "| Equity ratio, % | 41.5% | 43.8% |  | 41.5% | 43.8% |\n"
               "| Net debt / adjusted EBITDA | 1.45 | 1.62 |  | 1.45 | 1.62 |\n")

VOLUMES = ("Weekly supply and demand forecasts\n\n"
           "| U.S. Demand (bcfd) | Prior Week | Current Week | Next Week |\n"
           "| --- | --- | --- | --- |\n"
           "| U.S. Residential | 24.6 | 29.3 | 32.8 |\n"
           "| U.S. Pipe Distribution | 2.7 | 3.1 | 3.4 |\n")

# a header that names no currency: a percent after an amount is still the row's change, but not under a header of
# parts of a whole (seed 3434 and 2525 samples, shortened)
NO_CURRENCY = ("Globex full-year results\n\n"
               "| Key figures | 2023 | 2024 | Change |\n"
               "| --- | --- | --- | --- |\n"
               "| Net sales | 8,409.1 | 8,647.2 | +2.8% |\n"
               "| Net profit | 1,148.5 | 1,166.4 | +1.6% |\n"
               "| Net debt | 2,005.9 | 3,005.5 | +49.8% |\n")
MARGINS = ("Initech quarterly results\n\n"
           "| Quarter | Q4 | Margin |\n"
           "| --- | --- | --- |\n"
           "| Adjusted EBITDA | 17.2 | 25.3% |\n")
# a percent after one amount is its share of the column's total, no change (seed 3535 sample, shortened)
SHARES_OF_TOTAL = ("Globex Insurance premiums\n\n"
                   "| Line | 2024 | % | 2023 | % |\n| --- | --- | --- | --- | --- |\n"
                   "| Gross written premiums | 373,723 | 64.0% | 303,152 | 61.5% |\n")
SPACED = ("Initech fourth quarter results\n\n"
          "                      Q4 2024     Q4 2023     Change\n"
          "Revenues                882         881          -3%\n"
          "Net debt              1,413       1,399          1%\n")

# (text, figure, metric)
CASES = [
    (NO_CURRENCY, "+2.8%", "revenue_growth"),
    (NO_CURRENCY, "+1.6%", "profit_growth"),
    (NO_CURRENCY, "+49.8%", "debt"),  # no change metric of its own: the level's
    (SPACED, "-3%", "revenue_growth"),
    (SPACED, "1%", "debt"),
    (SHARES_OF_TOTAL, "61.5%", "other"),
    # the row label's metric, an amount in the table's currency
    (KEY_FIGURES, "61.4", "revenue"),
    (KEY_FIGURES, "24.8", "ebitda"),
    (KEY_FIGURES, "13.5", "operating_income"),  # "Adjusted EBIT 1)": qualifier and footnote set aside
    (KEY_FIGURES, "0.144", "eps"),  # "Diluted EPS adj. 2)"
    # a percent in a row of a level is its change
    (KEY_FIGURES, "-3.9%", "revenue_growth"),
    (KEY_FIGURES, "11.9%", "ebitda"),  # EBITDA has no change metric of its own
    # "Net income/(loss)": the sign says which
    (KEY_FIGURES, "5.3", "profit"),
    (KEY_FIGURES, "-1.7", "loss"),
    # negative: line items no cue names whole, ratios, a table of volumes
    (KEY_FIGURES, "-41.2", "other"),  # "Cost of sales" is no revenue
    (KEY_FIGURES, "20.2", "other"),  # "Gross profit" is no net profit
    (KEY_FIGURES, "1.9", "other"),  # "Income tax receivables"
    (KEY_FIGURES, "1.45", "other"),  # "Net debt / adjusted EBITDA": a ratio, neither
    (KEY_FIGURES, "41.5%", "other"),  # "Equity ratio, %"
    (VOLUMES, "3.1", "other"),  # "U.S. Pipe Distribution" in bcfd is no dividend
]


_metric = partial(claim_metric, published="2025-02-12")


@pytest.mark.parametrize("text, figure, metric", CASES, ids=[f"{c[1]}:{c[2]}" for c in CASES])
def test_a_row_label_names_its_cells_metric(text, figure, metric):
    assert _metric(text, figure) == metric


def test_a_percent_under_a_header_of_parts_is_no_change_of_its_row():
    assert _metric(MARGINS, "25.3%") != "ebitda"  # "Margin": a ratio to revenue, not the EBITDA's change


@pytest.mark.parametrize("label, head", [
    ("Adjusted EBITDA 1)", "ebitda"), ("**Total assets**", "assets"), ("Comparable EBIT, Finland", "ebit"),
    ("Income (loss) from operations", "income from operations"), ("Net income/(loss)", "income"), ("Net interest income", "interest income"),
    ("Operating income (EBIT) adj.1)", "operating income"), ("Cost of sales", "cost of sales"),
])
def test_a_label_head_sets_aside_brackets_qualifiers_and_footnotes(label, head):
    qualifiers = frozenset(load_resources(None).metric_frames["row_label_qualifiers"])
    assert label_head(label.strip("*"), qualifiers) == head


def test_the_first_cell_is_no_row_of_itself():
    line = "| Revenue | 12.5 |"
    assert row_label(line, line.index("12.5")) == ("Revenue", 2)
    assert row_label(line, line.index("Revenue")) is None


@pytest.mark.parametrize("text, figure, label", [
    ("| EBITDA | -2,189 | -1,703 | 28.5 % |", "-2,189", ("EBITDA", 2)),
    ("| **Net sales** | 56.8 |", "56.8", ("Net sales", 4)),  # bold marks are no part of the label
    ("| 2,189 | EBITDA |", "2,189", None),  # a figure in the first cell has no label before it
    ("EBITDA was 2,189.", "2,189", None),  # prose: no table row
])
def test_the_row_label_of_a_cell(text, figure, label):
    assert row_label(text, text.index(figure)) == label
