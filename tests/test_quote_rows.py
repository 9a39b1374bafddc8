"""A stock list's row is the company its first cell names (`pipeline/quote_rows.py`; guide 3.3, a list's item
is the company that item names).

Rows are written for these tests after the modern dump's wire stock lists ("NASDAQ New 52-Week Highs And
Lows", "NYSE Most Active Issues", "Paris Closing Stock Prices") and its results tables.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entities(title: str, text: str) -> dict[str, str]:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "title": title, "text": text, "published": "2025-02-12"}]))
    return dict(zip(claims["figure"], claims["entity"]))


HIGHS = """NASDAQ New 52-Week Highs And Lows

```
New Highs 103

COMPANY                      SYMBOL       HIGH         VOLUME
-------                      ------       ----         ------
Affirm Holdings Cl A         AFRM        76.88     23,375,427
Alkermes                     ALKS        33.73      1,995,782
Direxion Dly META Bull 2X    METU        50.07        284,768
Meta Platforms               META       725.76      8,669,948
Tango Therapeutics           TNGX         2.41        459,201
10x Genomics                 TXG         11.55      2,397,758
```
"""

ACTIVE = """NYSE Most Active Issues

```
                             SYMBOL      VOLUME       LAST     CHANGE   %CHANGE
BigBear.ai                  BBAI   229,025,263      8.59     1.82     26.88
Ford Motor                     F   140,315,489      9.24    -0.02     -0.22
Kindly MD                   KDLY   200,916,205      5.25     0.40      8.25
```
"""

CLOSING = """Paris Closing Stock Prices

```
                            CLOSE     CHANGE     %CHANGE
  Airbus                   169.88      +2.66      +1.59
  Danone                    67.20      +0.60      +0.90
  Kering                   264.75     +17.35      +7.01
```
"""

CHILE = """Chile's Closing Stock Prices

```
                                 Close     Change   % Change
  Banco de Chile                123.98      +0.58      +0.47
  Cia Cervecerias Unidas      6,070.00       unch       unch
  Vina Concha y Toro          1,157.00      +1.80      +0.16
  Embotelladra Andina Pfd B   3,254.90      -0.10       0.00
```
"""

MOST_ACTIVE = """Brazil Most Actives

```
                                     Volume        Close       Change     % Change

  Banco Bradesco Pref            50,244,700        11.99        -0.49        -3.93
  Braskem Pref A                 34,977,000        13.16        -0.17        -1.28
  Gerdau S/A Ord                 33,491,500        16.39        +0.53        +3.34
```
"""

MEXICO = """Mexico Most Actives

```
                                     Volume        Close       Change     % Change
  Gpo Financiero Banorte O        4,684,711       147.80        +0.99        +0.67
  Grupo Mexico Series B           5,848,962       106.88        +0.93        +0.88
  Gentera                         2,515,526        28.38        -0.08        -0.28
```
"""

# (text, figure, owner): the row's company, the name without its share class, never a name inside another's cell
ROWS = [
    (HIGHS, "2.41", "Tango Therapeutics"),
    (HIGHS, "459,201", "Tango Therapeutics"),
    (HIGHS, "33.73", "Alkermes"),
    (HIGHS, "76.88", "Affirm Holdings"),
    (HIGHS, "50.07", "Direxion Dly META Bull 2X"),
    (HIGHS, "725.76", "Meta"),
    (HIGHS, "11.55", "10x Genomics"),
    (ACTIVE, "8.59", "BigBear.ai"),
    (ACTIVE, "140,315,489", "Ford"),
    (ACTIVE, "5.25", "Kindly MD"),
    (CLOSING, "67.20", "Danone"),
    (CLOSING, "+0.60", "Danone"),
    (CHILE, "+0.58", "Banco de Chile"),
    (CHILE, "6,070.00", "Cia Cervecerias Unidas"),
    (CHILE, "1,157.00", "Vina Concha y Toro"),
    (CHILE, "-0.10", "Embotelladra Andina"),
    (MOST_ACTIVE, "11.99", "Banco Bradesco"),
    (MOST_ACTIVE, "-0.17", "Braskem"),
    (MOST_ACTIVE, "16.39", "Gerdau"),
    (MEXICO, "106.88", "Grupo Mexico"),
    (MEXICO, "+0.99", "Gpo Financiero Banorte"),
]


@pytest.mark.parametrize("text,figure,want", ROWS)
def test_a_rows_figures_are_its_company(text, figure, want):
    got = _entities(text.split("\n", 1)[0], text)
    assert got.get(figure) == want, got


RESULTS = """Red Rock Resorts, Inc. reported results for the fourth quarter of 2024.

```
                                 Three Months Ended        Year Ended
Room                              16,320      14,636      63,768      55,064
Other                              7,629       8,084      30,669      32,549
Net income                        87,722     108,916     291,292     337,776
Total revenues                   495,708     +12.0      -14.0       1,937,030
```
"""


# not a stock list: a results table's line items, a lone line that looks like a row
@pytest.mark.parametrize("text,figure,want", [
    (RESULTS, "16,320", "Red Rock Resorts"),
    (RESULTS, "30,669", "Red Rock Resorts"),
    (RESULTS, "87,722", "Red Rock Resorts"),
    (RESULTS, "495,708", "Red Rock Resorts"),  # change cells, but a measure's words: no company
])
def test_a_results_tables_lines_stay_the_companys(text, figure, want):
    got = _entities("Red Rock Resorts Announces Fourth Quarter and Full Year 2024 Results", text)
    assert got.get(figure) == want, got


HIGHS = """NASDAQ New 52-Week Highs And Lows

Tango Therapeutics           TNGX         2.41        459,201
Affirm Holdings Cl A         AFRM         71.02       1,203,114
"""
ASIA = """Shanghai Stocks Close Mixed

Air China Ltd A                 7.07       7.22      -0.15      -2.08
Wilmar Cahaya Indonesia     2,030.00   2,080.00     -50.00      -2.40
"""
ACTIVES = """Nasdaq Most Active Issues

Opendoor Technologies       OPEN    50,413,725      1.47     0.09      6.52
Addvalue Technologies          14,895,500         0.01         unch         unch
"""
CELLS = [  # (list, cell, metric): a cell measures by its place and shape; the day is the list's
    (HIGHS, "2.41", "share_price"), (HIGHS, "459,201", "trading_volume"), (HIGHS, "1,203,114", "trading_volume"),
    (ASIA, "7.07", "share_price"), (ASIA, "7.22", "share_price"),  # signed changes: an unsigned decimal is a price
    (ASIA, "-0.15", "price_change"), (ASIA, "-2.08", "price_change"),
    (ASIA, "2,030.00", "share_price"), (ASIA, "2,080.00", "share_price"), (ASIA, "-50.00", "price_change"),  # a price in groups of three is no volume
    (ACTIVES, "50,413,725", "trading_volume"), (ACTIVES, "1.47", "share_price"),
    (ACTIVES, "0.09", "price_change"), (ACTIVES, "6.52", "price_change"),  # unsigned changes after the price
]


@pytest.mark.parametrize("text,figure,want", CELLS)
def test_a_rows_cells_measure_by_their_place(text, figure, want):
    claims, _ = extract(pd.DataFrame([{"id": "a", "text": text, "title": text.split("\n", 1)[0], "published": "2025-02-11"}]))
    row = claims[claims["figure"] == figure].iloc[0]
    assert (row["metric"], str(row["period_start"])) == (want, PREVIOUS_DAY.get(figure, "2025-02-11"))


# the previous close, the price less it the change after it, is the session before the list's (issue 15, s20): the
# weekday before the published day
PREVIOUS_DAY = {"7.22": "2025-02-10", "2,080.00": "2025-02-10"}
CLOSES = """Hong Kong Closing Stock Prices

  China Coal Energy               8.51       8.54      -0.03      -0.35
  Hong Kong & China Gas           6.08       6.09      -0.01      -0.16
  Air New Zealand                 0.64       0.64       unch       unch
"""


@pytest.mark.parametrize("published, figure, day", [
    ("2025-02-14", "8.54", "2025-02-13"), ("2025-02-14", "6.09", "2025-02-13"),
    ("2025-02-17", "8.54", "2025-02-14"),  # a Monday's list: the Friday before
    ("2025-02-14", "8.51", "2025-02-14"), ("2025-02-14", "-0.03", "2025-02-14"),  # the close and its change: the day's
])
def test_a_previous_close_is_the_session_before(published, figure, day):
    claims, _ = extract(pd.DataFrame([{"id": "a", "text": CLOSES, "title": CLOSES.split("\n", 1)[0], "published": published}]))
    row = claims[claims["figure"] == figure].iloc[0]
    assert str(row["period_start"]) == day == str(row["period_end"])


def test_a_results_tables_lines_take_no_cell_metric():
    claims, _ = extract(pd.DataFrame([{"id": "a", "text": RESULTS, "title": "Red Rock Resorts Q4", "published": "2025-02-11"}]))
    assert not claims["metric"].isin(["trading_volume", "share_price"]).any()


def test_an_unchanged_rows_prior_is_the_session_before():
    claims, _ = extract(pd.DataFrame([{"id": "a", "text": CLOSES, "title": CLOSES.split("\n", 1)[0], "published": "2025-02-14"}]))
    rows = claims[claims["figure"] == "0.64"].sort_values("char_start")
    assert [str(d) for d in rows["period_start"]] == ["2025-02-14", "2025-02-13"]
