"""table_captions: a caption far up a long statement holds; prose far above the table ends its reach."""
import pytest

from pipeline.resources import load_resources
from pipeline.table_captions import caption_unit

ROWS = "".join(f"| Line item {k} | {k},{k:03d} | | {k},{k + 1:03d} |\n" for k in range(1, 120))
PROSE = "The company reported these results in its annual report, which the board approved on the same day.\n"


@pytest.mark.parametrize("text, unit", [
    ("| CONDENSED STATEMENTS OF OPERATIONS(in thousands) | | |\n| Revenue | $ | 5,120 |\n" + ROWS, ("USD", 1000)),
    ("| EUR million | Oct-Dec | Oct-Dec |\n" + ROWS, ("EUR", 1000000)),
    ("(in millions)\n" + PROSE + ROWS, None),  # the caption of another table, many rows above the prose
    ("($ in millions)\n" + PROSE + "| Revenue | 1,204 | 1,187 |\n", ("USD", 1000000)),  # near, across a sentence
])
def test_a_tables_caption_reaches_its_rows(text, unit):
    res = load_resources()
    at = text.rstrip("\n").rfind("\n") + 1
    got = caption_unit(text, at, res, "USD")
    assert (got and (got[0], int(got[1]))) == unit if unit else got is None


_STATEMENT = ("Hooli Inc reports fourth quarter results.\n\nHOOLI INC.\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n"
              "(In thousands, except per share data)\n\n| | Q4 2024 | Q4 2023 |\n| --- | --- | --- |\n"
              "| Revenue | $ 117,419 | $ 127,091 |\n| Net loss | $ (12,209) | $ 7,527 |\n"
              "| Net income per diluted share | $ 0.45 | $ 0.38 |\n| Average selling price | $ 470,119 | $ 506,676 |\n")
_ALIGNED = ("Hooli Corp results\n\n($ in millions)\n\n                       Q4 2024     Q4 2023\n"
            "Free Cash Flow           $29.1       $6.8\nDiluted                  $1.35       $0.74\n")


# a cell that writes its currency sign takes the caption's scale; a per-share, per-unit or price row does not, nor a
# sentence with no caption
@pytest.mark.parametrize("text, figure, value", [
    (_STATEMENT, "$ 117,419", 117_419_000.0),
    (_STATEMENT, "$ 127,091", 127_091_000.0),
    (_ALIGNED, "$29.1", 29_100_000.0),
    (_ALIGNED, "$6.8", 6_800_000.0),
    (_STATEMENT, "$ 0.45", 0.45),
    (_STATEMENT, "$ 470,119", 470_119.0),
    (_ALIGNED, "$1.35", 1.35),
    ("Hooli said revenue was $ 117,419 for the period.", "$ 117,419", 117_419.0),
])
def test_a_signed_cell_takes_its_captions_scale(text, figure, value):
    from pipeline.figures import resolve_figures

    figs = [f for f in resolve_figures(text, load_resources())[0] if f.text == figure]
    assert figs, [f.text for f in resolve_figures(text, load_resources())[0]]
    assert float(figs[0].value) == pytest.approx(value)
