"""A wire story's bare scaled amounts are in the currency it writes (scaled_counts.py, figure_tables.table_rows): its
money metric's amount ("Operating profit 629.0 mln") and its wire table with no currency of its own ("Revs 46.9 mln vs
40.0 mln") under "pre-tax profit rose to 552 mln stg"; a table or story that writes dollars stays in dollars, and a
count of shares stays a count."""
from __future__ import annotations

import pytest

from pipeline import extract

_STG = ("HOOLI PLC PROFITS UP SHARPLY\n\nLONDON, April 13 - Hooli Plc said pre-tax profit rose to 552 mln stg in the "
        "year.\nOperating profit 629.0 mln, a 12.1 pct increase.\nRevs 46.9 mln vs 40.0 mln.\n")
_DLRS = ("ACME CORP 4TH QTR NET\n\nDALLAS, March 3 - Shr 1.20 dlrs vs 1.10 dlrs\nNet 5.0 mln vs 4.2 mln\n"
         "Revs 46.9 mln vs 40.0 mln\n")
_ESTATE = ("ACME CORP 4TH QTR NET\n\nNEW YORK, March 4 - Shr 13 cts vs 70 cts\nNet 10.3 mln vs 29.8 mln\nRevs 56.2 mln "
           "vs 83.8 mln\nNOTE: 1986 year net includes gain 12.9 mln dlrs from sale of eight real estate properties.\n")
_SHARES = ("HOOLI BUYS STAKE\n\nMANILA, March 22 - Hooli is arranging an offer to pay a total 3.8 billion pesos in cash "
           "for 38 mln San Miguel shares.\n")


@pytest.mark.parametrize("text, figure, unit", [
    (_STG, "629.0 mln", "GBP"),
    (_STG, "46.9 mln", "GBP"),
    (_STG, "40.0 mln", "GBP"),
    (_DLRS, "5.0 mln", "USD"),
    (_DLRS, "46.9 mln", "USD"),
    (_SHARES, "38 mln", "count"),
    (_ESTATE, "56.2 mln", "USD"),  # "eight real estate": no Brazilian real
])
def test_a_bare_amount_is_in_the_storys_currency(text, figure, unit):
    claims, _ = extract([text], published="1987-04-13")
    rows = claims[claims.figure == figure]
    assert len(rows), list(claims.figure)
    assert rows.iloc[0].unit == unit
