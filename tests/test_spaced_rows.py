"""A plain-text table's row label names its cells' metric (pipeline/spaced_rows.py): rows of wire results releases
set out in columns of spaces, shortened from the modern dump (session 21)."""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.spaced_rows import spaced_label

CAPTION = "CONSOLIDATED STATEMENTS (in thousands of U.S. dollars)\n\n"

# (row, figure, metric)
ROWS = [
    # a statement's line item: a cue among the label's other words names no metric of its cells
    ("Cost of sales       $(21,008)        --       $(21,008)", "$(21,008)", "other"),
    ("Property, plant and equipment, net              $32,937          $45,070", "$45,070", "other"),
    ("Deferred income tax liabilities                  $2,470           $2,690", "$2,470", "other"),
    ("Other income, net            $19,288         $21,775         $84,486", "$21,775", "other"),
    ("Accumulated other comprehensive loss         $(17,760)        $(17,366)", "$(17,366)", "other"),
    ("Sales and marketing         $35,178   $31,406   $139,929", "$31,406", "other"),
    # but a part of revenue is revenue, an amount per unit the per-share metric its cues name (metric_frames.yaml)
    ("Subscription Revenue                             $922.1    $729.1", "$922.1", "revenue"),
    ("Cash\ndistribution per Unit         $0.120         $0.100       $0.120", "$0.100", "dividend"),
    ("Cost of revenue         $35,178   $31,406", "$31,406", "other"),
    # a head that is one cue whole names the metric, a result's row by its sign
    ("Net (loss) income      $(49,461)          $783     $(57,846)", "$783", "profit"),
    ("Net (loss) income      $(49,461)          $783     $(57,846)", "$(49,461)", "loss"),
    ("Net income (loss)                   $1,426   ($2,633)   ($7,202)", "$1,426", "profit"),
    ("Net income (loss)                   $1,426   ($2,633)   ($7,202)", "($2,633)", "loss"),
    ("GAAP Operating Loss                         $(105.8)  $(84.7)   $(21.1)", "$(84.7)", "operating_income"),
    ("Total revenue         $261,220        $213,184", "$213,184", "revenue"),
    ("GAAP operating margin         (40.5%)           (39.7%)           (43.5%)", "(39.7%)", "operating_margin"),
]


def _metric(text: str, figure: str) -> str:
    claims, _ = extract([CAPTION + text], published="2025-02-12")
    norm = lambda s: s.replace(" ", "").replace("(", "").replace(")", "").replace("$", "")  # noqa: E731
    rows = claims[claims["figure"].map(norm) == norm(figure)]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric']].to_dict('records')}"
    return rows.iloc[0]["metric"]


@pytest.mark.parametrize("row, figure, metric", ROWS, ids=[f"{r[0][:40]} [{r[1]}]" for r in ROWS])
def test_a_spaced_rows_label_names_its_cells_metric(row, figure, metric):
    assert _metric(row, figure) == metric


@pytest.mark.parametrize("line, figure", [
    ("Morgan Stanley               MS         142.03      1,947,394", "142.03"),  # a stock list's ticker cell
    ("Revenue was  $5.2 million in the year, up from $4.1 million.", "$5.2 million"),  # prose with a double space
    ("Net income  $5.2 million", "$5.2 million"),  # one cell with words: no table
])
def test_a_line_that_is_no_spaced_row_has_no_label(line, figure):
    assert spaced_label(line, line.index(figure)) is None


def test_a_label_with_no_cue_leaves_the_figure_to_the_cues():
    # the last word of a wrapped label ("Cash and cash\nequivalents") names nothing: the cues decide as before
    assert spaced_label("equivalents    $214,854   $185,217", 15) == ("equivalents", 0)
    assert _metric("Cash and cash\nequivalents    $214,854   $185,217", "$214,854") == "other"
