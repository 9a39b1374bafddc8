"""A results table's column header dates the figures in its column (pipeline/table_columns.py)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline import extract
from pipeline.figures import resolve_figures
from pipeline.resources import load_resources
from pipeline.stages import dollar_for
from pipeline.table_columns import column_period

_PIPE = ("Hooli Inc reports fourth-quarter results.\n\n"
         "| **Highlights** | **4Q24** | **4Q23** | **Variance Vs 4Q23** | **YTD24** | **YTD23** | **Variance Vs YTD23** |\n"
         "| --- | --- | --- | --- | --- | --- | --- |\n"
         "| Block Hours | 121,549 | 115,118 | 5.6% | 470,751 | 438,913 | 7.3% |\n")
_SPACED = ("Hooli Inc reports fourth-quarter results.\n\n"
           "Fiscal Year 2024 Financial Highlights\n\n"
           "                                  FY 2024   FY 2023   Y/Y Change\n"
           "                                  -------   -------   ----------\n"
           "Subscription Revenue               $922.1    $729.1      26%\n")
_STACKED = ("Hooli Inc reports fourth-quarter results.\n\n"
            "                     Three months ended      For the year ended December\n"
            "                        December 31,                     31,\n"
            "                   -------------------------  ---------------------------\n"
            "                   2024    2023     Change     2024     2023     Change\n"
            "Segment\n"
            " revenue          $  615     443     39%     $ 2,446    1,785     37%\n")
_BALANCE = ("Hooli Inc reports fourth-quarter results.\n\n"
            "                                          December 31,\n"
            "                                      2024            2023\n"
            "Total assets                        $ 2,694,911   $ 2,460,809\n")
# a pipe table's group label stands in the first column it spans, the others left empty (Pulse Seismic, Kelly
# Services releases, s19 period audit)
_SPANNED = ("Hooli Inc reports 2024 results.\n\n"
            "| SELECTED FINANCIAL INFORMATION |  |  |  |  |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| (Thousands of dollars) | Three months ended December 31, | | Years ended December 31, | |\n"
            "| except per share data | 2024 | 2023 | 2024 | 2023 |\n"
            "| Revenue | 5,576 | 16,861 | 23,379 | 39,127 |\n")
_SPANNED_SIGNS = ("Hooli Inc reports fourth-quarter results.\n\n"
                  "|  | Fourth Quarter | | | | | | |  | December Year to Date | | | | | | |\n"
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
                  "| SG&A Expenses: |  | 2024 |  |  |  | 2023 |  |  |  | 2024 |  |  |  | 2023 |\n"
                  "| Restructuring |  | 0.3 |  |  |  | 7.9 |  |  |  | 6.1 |  |  |  | 35.5 |\n")
# negatives: an empty cell over a column whose left neighbour names no span ("| | Hooli | |"), or over the change
# column, keeps the bottom line's period
_NOT_SPANNED = ("Hooli Inc reports 2024 results.\n\n"
                "| Segment | Hooli Cloud | | Change |\n"
                "| --- | --- | --- | --- |\n"
                "| USD million | 2024 | 2023 | % |\n"
                "| Revenue | 5,576 | 6,861 | -19% |\n")
# issue 15, s20: a header of periods with no label cell, set off its rows by one (Kemira's key figures); a period over
# the currency sign's cell, its figure in the next (PennantPark's statement of operations)
_SHORT_HEADER = ("Hooli Oyj's financial statements bulletin 2024.\n\n"
                 "| EUR million | Oct-Dec | Oct-Dec | Jan-Dec | Jan-Dec |\n"
                 "| --- | --- | --- | --- | --- |\n"
                 "| 2024 | 2023 | 2024 | 2023 |\n"
                 "| Revenue | 723.7 | 808.8 | 2,948.1 | 3,383.7 |\n")
_SIGN_COLUMN = ("Hooli Inc reports results for the quarter ended December 31, 2024.\n\n"
                "|  |  | Three Months Ended December 31, | | | | | |  |\n"
                "|  |  | 2024 | |  |  | 2023 | |  |\n"
                "| Interest |  | $ | 18,767 |  |  | $ | 21,068 |  |\n"
                "| General and administrative expenses |  |  | 1,250 |  |  |  | 1,214 |  |\n")
# a space-aligned table's column rule: the header centred over it, the figures set right under it (CNA Financial)
_RULED = ("Hooli Inc reports fourth-quarter results.\n\n"
          "               Results for the Three Months    Results for the Year Ended\n"
          "                     Ended December 31                 December 31\n"
          "              ------------------------------  ----------------------------\n"
          "                   2024            2023           2024           2023\n"
          "              --------------  --------------  ------------  --------------\n"
          "Fixed income\n"
          " securities\n"
          " and other    $          550  $          533  $      2,177  $      2,062\n"
          "Limited\n"
          " partnership\n"
          " investments              94              78           320           202\n")
# a group's end day on a line of its own between its span and the years (Glimpse Group's statement of operations)
_END_DAY_LINE = ("Hooli Inc reports second quarter fiscal 2025 results.\n\n"
                 "|  | For the Three Months Ended | | | | |  | For the Six Months Ended | | | | |  |\n"
                 "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
                 "|  | December 31 | | | | |  | December 31 | | | | |  |\n"
                 "|  | 2024 | |  | 2023 | |  | 2024 | |  | 2023 | |  |\n"
                 "| Interest income |  | 18,945 |  |  | 74,098 |  |  | 37,224 |  |  | 125,483 |  |\n")
# header words a converter ran together (LegalZoom's, The RealReal's and Freshworks' reconciliations)
_GLUED = ("Hooli Inc reports preliminary results.\n\n"
          "|  | Three Months EndedDecember 31, 2024 | | | | | |  | Year EndedDecember 31, 2024 | | | | | |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
          "|  | LowEstimate | | | HighEstimate | | |  | LowEstimate | | | HighEstimate | | |\n"
          "| Interest expense |  | 5,916 |  |  | 5,917 |  |  |  | 21,384 |  |  | 21,385 |  |\n")
_GLUED_STACK = ("Hooli Inc reports preliminary results.\n\n"
                "|  | Three monthsended December 31, | | | | Twelve months ended December 31, | | |\n"
                "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
                "|  |  | 2024 |  |  |  | 2024 |  |\n"
                "| Purchase of property and equipment |  | (6,707 | ) |  |  | (35,696 | ) |\n")
# the caption wrapped in the labels' column between the span and the years (CNA Financial's highlights)
_WRAPPED_LABEL = ("Hooli Inc reports fourth-quarter results.\n\n"
                  "                      Results for the Three Months                 Results for the Year Ended\n"
                  "                            Ended December 31                              December 31\n"
                  "($ millions,\n"
                  "except per\n"
                  "share data)            2024                   2023                  2024                 2023\n"
                  "               ---------------------  --------------------  --------------------  -------------------\n"
                  "Net income     $                  21  $                367  $                959   $            1,205\n")
# a group label written as one cell, so its line has fewer cells than the rows, its words in bold pieces (Avient's
# segment operations and its EPS reconciliation, where the years' line is one cell a year too)
_GROUP_CELLS = ("Hooli Inc reports fourth-quarter and full-year results.\n\n"
                "|  | **Three Months Ended**  **December 31,** |  | **Year Ended**  **December 31,** |\n"
                "|  | **2024** |  | **2023** |  | **2024** |  | **2023** |\n"
                "| Operating income | $               85.6 |  | $               43.1 |  | $               329.3 |  | "
                "$               196.8 |\n")
_GROUP_YEARS = ("Hooli Inc reports fourth-quarter and full-year results.\n\n"
                "|  | **Three Months Ended December 31,** |\n| --- | --- |\n|  | **2024** |  | **2023** |\n"
                "| **Reconciliation** | **$** |  | **EPS(1)** |  | **$** |  | **EPS(1)** |\n"
                "| Special items, after-tax | (18.0) |  | (0.20) |  | 5.4 |  | 0.06 |\n")

# text, figure, expected period label (the column's; a change column's the later of the two before it)
CASES = [
    (_PIPE, "121,549", "2024-Q4"),
    (_PIPE, "115,118", "2023-Q4"),
    (_PIPE, "470,751", "2024"),
    (_PIPE, "7.3%", "2024"),  # "Variance Vs YTD23" names the base, not the column's period
    (_SPACED, "$922.1", "FY2024"),
    (_SPACED, "$729.1", "FY2023"),
    (_STACKED, "$  615", "2024-Q4"),  # the padded dollar sign is the cell's (issue 17, s20)
    (_STACKED, "443", "2023-Q4"),
    (_STACKED, "1,785", "2023"),
    (_BALANCE, "$ 2,460,809", "2023-12-31"),
    (_SPANNED, "5,576", "2024-Q4"),
    (_SPANNED, "16,861", "2023-Q4"),
    (_SPANNED, "23,379", "2024"),
    (_SPANNED, "39,127", "2023"),
    (_SPANNED_SIGNS, "0.3", "2024-Q4"),
    (_SPANNED_SIGNS, "7.9", "2023-Q4"),
    (_SPANNED_SIGNS, "35.5", "2023"),
    (_NOT_SPANNED, "5,576", "2024"),
    (_NOT_SPANNED, "6,861", "2023"),
    (_SHORT_HEADER, "723.7", "2024-10..2024-12"),
    (_SHORT_HEADER, "808.8", "2023-10..2023-12"),
    (_SHORT_HEADER, "2,948.1", "2024-01..2024-12"),
    (_SHORT_HEADER, "3,383.7", "2023-01..2023-12"),
    (_SIGN_COLUMN, "$ | 18,767", "2024-Q4"),
    (_SIGN_COLUMN, "1,250", "2024-Q4"),
    (_SIGN_COLUMN, "1,214", "2023-Q4"),
    (_RULED, "$          550", "2024-Q4"),
    (_RULED, "78", "2023-Q4"),
    (_RULED, "320", "2024"),
    (_RULED, "202", "2023"),
    (_END_DAY_LINE, "18,945", "2024-Q4"),
    (_GLUED, "5,916", "2024-Q4"),
    (_WRAPPED_LABEL, "$                367", "2023-Q4"),
    (_WRAPPED_LABEL, "$            1,205", "2023"),
    (_GLUED, "21,384", "2024"),
    (_GLUED, "5,917", "2024-Q4"),  # the high estimate's column: the group label left of its empty cell
    (_GLUED, "21,385", "2024"),
    (_GLUED_STACK, "(6,707", "2024-Q4"),
    (_GLUED_STACK, "(35,696", "2024"),
    (_END_DAY_LINE, "125,483", "6 months to 2023-12"),
    (_GROUP_CELLS, "$               85.6", "2024-Q4"),
    (_GROUP_CELLS, "$               43.1", "2023-Q4"),
    (_GROUP_CELLS, "$               329.3", "2024"),
    (_GROUP_CELLS, "$               196.8", "2023"),
    (_GROUP_YEARS, "(0.20)", "2024-Q4"),
    (_GROUP_YEARS, "5.4", "2023-Q4"),
    (_GROUP_YEARS, "0.06", "2023-Q4"),
]


@pytest.mark.parametrize("text,figure,label", CASES)
def test_column_period(text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-12", "title": "Hooli Q4 results"}]))
    rows = claims[claims.figure.str.strip() == figure.strip()]
    assert not rows.empty, list(claims.figure)
    assert rows.iloc[0].period_label == label


def test_prose_has_no_column():
    claims, _ = extract(pd.DataFrame([{"text": "Hooli Inc's revenue rose 8% to $2.2 billion in the fourth quarter.",
                                       "published": "2025-02-12", "title": "Hooli Q4 results"}]))
    assert claims[claims.figure == "$2.2 billion"].iloc[0].period_label == "2024-Q4"


@pytest.mark.parametrize("text", [_PIPE, _SPANNED, _SPANNED_SIGNS, _NOT_SPANNED, _SPACED, _STACKED, _GROUP_CELLS])
def test_shared_cache_reads_as_a_fresh_one(text):
    """The article's cache (each header line's cells and periods, read once) gives every figure of a table the
    period a fresh read gives it, in any order of the figures."""
    res = load_resources()
    figures, _ = resolve_figures(text, res, dollar_for(text, res), "Hooli Q4 results", 2025)
    ref = date(2025, 2, 12)
    fresh = [column_period(text, f, ref, 12, res) for f in figures]
    assert any(p is not None for p in fresh)
    shared: dict = {}
    assert [column_period(text, f, ref, 12, res, shared) for f in reversed(figures)] == fresh[::-1]
    assert [column_period(text, f, ref, 12, res, shared) for f in figures] == fresh
