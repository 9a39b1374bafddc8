"""A results table's column header dates the figures in its column (pipeline/table_columns.py)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

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
