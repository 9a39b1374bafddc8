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
    # a label wrapped onto the lines above its row is read whole (session 24: the row's words alone read "income" of
    # "Operating income" as profit, "of sales" of "Impact on cost of sales" as revenue)
    ("Operating\n income                 85.6           43.1          329.3", "43.1", "operating_income"),
    ("Net operating\n income            $ 115,559  $ 111,512   3.6 %  $ 457,617", "$ 111,512", "operating_income"),
    ("Impact on\n cost of sales                  23.3          (17.6)            0.7", "23.3", "other"),
    ("Impact on other\n income, net                    3.5             3.8", "3.8", "other"),
    ("Other current\n assets                                         131.3        114.9", "131.3", "other"),
    ("Net cash provided by\n operating\n activities      $    108,754   $    118,316", "$    108,754", "other"),
    ("Cash and cash\nequivalents    $214,854   $185,217", "$214,854", "cash"),
    # a head that is a cue's longer phrase is that cue whole, as its shorter word alone would be
    ("Assets under management      $ 12,400   $ 11,900", "$ 12,400", "assets"),
    ("Cash and equivalents      $ 8,715   $ 9,902", "$ 9,902", "cash"),
    # a closing phrase of when or on what basis is no part of what the label names (spaced_label_tails)
    ("Net loss on a GAAP basis     $    (88,054)     $    (94,096)", "$    (94,096)", "loss"),
    ("Cash at end of period                                $ 3,905       $ 4,264", "$ 3,905", "cash"),
    ("Gross margin on\n a GAAP basis                  74.1%             73.2%", "73.2%", "gross_margin"),
    ("Cash paid during the period for interest      $ 1,204      $ 1,377", "$ 1,204", "other"),
    # a count of shares, whatever per-share metric its label names after it (spaced_count_labels)
    ("Weighted-average shares used to compute non-GAAP net\n income per share, basic         329,406,849       309,101,119",
     "329,406,849", "other"),
    ("Net earnings per\n share      $   0.52  $   0.53  (1)  $   2.15  $   2.16", "$   0.53", "eps"),
    # a head set apart by a blank line, or a row opening in capitals, is no wrapped label: the row's own words decide
    ("Operating\n\n Net income      $ 5,120   $ 4,870", "$ 5,120", "profit"),
    ("Operating expenses\nCost of sales       $(21,008)        --       $(21,008)", "$(21,008)", "other"),
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
    # the last word of a wrapped label with no head above it names nothing: the cues decide
    assert spaced_label("equivalents    $214,854   $185,217", 15) == ("equivalents", 0)


@pytest.mark.parametrize("text, figure, label", [
    ("Funds from operations/unit\n - basic                    $ 0.334  $ 0.330   1.2 %", "$ 0.330",
     "Funds from operations/unit - basic"),
    ("Adjusted funds from\n operations/unit - basic    $ 0.309  $ 0.304   1.6 %", "$ 0.309",
     "Adjusted funds from operations/unit - basic"),
    ("Cash generated\n from\n operating\n activities      $    108,754   $    118,316", "$    118,316",
     "Cash generated from operating activities"),
    ("Three Months Ended        Year Ended\n income    85.6    43.1", "85.6", "income"),  # a header row is no head
    ("December 31,\n- Revenue      100.0    200.0", "100.0", None),  # a list's dash with no words-only line above
])
def test_a_wrapped_label_is_read_with_its_head(text, figure, label):
    found = spaced_label(text, text.index(figure))
    assert (found and found[0]) == label
