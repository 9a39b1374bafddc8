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
