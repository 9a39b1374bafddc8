"""An undated table cell takes the one period its column's dated cells share (column_periods.py): a quote table's
close the session day, its prior close the day before, a results table's column its quarter; a cell whose column's
cells disagree, or prose, stays undated."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from pipeline import extract
from pipeline.column_periods import column_periods
from pipeline.records import Claim

_BRAZIL = ("```\n                                 Close     Change   % Change\n"
           "  B3 Brasil Bolsa Balcao         11.10      +0.14      +1.28\n"
           "  Banco Bradesco Pref            12.00      +0.01      +0.08\n"
           "  Banco do Brasil Ord            27.82      +0.04      +0.14\n"
           "  Embraer                        60.97      -1.33      -2.13\n"
           "  Natura & Co. Holding           12.44      -0.05      -0.40\n"
           "Prices in Brazilian Reals\nSource: FactSet\n\n```\n")
_HONG_KONG = ("```\nPrices in HK$\n\n                                 Close      Prior     Change   % Change\n"
              "  Aluminum Corp China             5.09       5.04      +0.05      +0.99\n"
              "  Bank of China                   4.12       4.07      +0.05      +1.23\n"
              "  BOC Hong Kong (Holdings)       25.50      25.65      -0.15      -0.58\n"
              "  Cathay Pacific Airways         10.08       9.91      +0.17      +1.72\n"
              "  China Mobile                   77.15      75.50      +1.65      +2.19\n```\n")


def _labels(title: str, text: str, published: str) -> dict[str, str]:
    claims, _ = extract(pd.DataFrame([{"text": title + "\n\n" + text, "published": published, "title": title}]))
    return dict(zip(claims.figure, claims.period_label))


def test_a_quote_table_cell_takes_its_columns_day():
    got = _labels("Brazil's Closing Stock Prices", _BRAZIL, "2025-02-10")
    assert got["12.44"] == "2025-02-10" and got["-0.05"] == "2025-02-10" and got["-0.40"] == "2025-02-10"


def test_a_prior_close_cell_takes_the_prior_columns_day():
    got = _labels("Hong Kong Closing Stock Prices", _HONG_KONG, "2025-02-10")
    assert got["25.50"] == "2025-02-10"
    assert got["25.65"] == "2025-02-07"  # the weekday before a Monday's story


def _claim(start: int, end: int, label: str = "", route: str = "") -> Claim:
    day = date.fromisoformat(label) if label else None
    return Claim(claim_id="c", article_id="a", doc="", published=None, published_inferred=False, entity="",
                 entity_id="", segment="", metric="other", value=0.0, value_low=0.0, value_high=0.0, unit="",
                 approx="", period_start=day, period_end=day, period_label=label, modality="actual", figure="",
                 char_start=start, char_end=end, sentence="", confidence=0.5, rule="claims.v1",
                 period_route=route or ("text:dates.day.v2" if label else "none"))


def _cells(text: str, *figures: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for f in figures:
        at = text.index(f, at)
        out.append((at, at + len(f)))
        at += len(f)
    return out


def test_a_column_whose_cells_disagree_leaves_the_cell_undated():
    text = "| A | 1.10 |\n| B | 2.20 |\n| C | 3.30 |\n"
    (a, b, c) = _cells(text, "1.10", "2.20", "3.30")
    claims = [_claim(*a, "2025-02-10"), _claim(*b, "2025-02-07"), _claim(*c)]
    assert column_periods(claims, text, None, 12, None)[2].period_end is None


def test_prose_and_a_lone_dated_cell_leave_the_cell_undated():
    text = "| A | 1.10 |\n| B | 2.20 |\n\nShares of C rose 3.30 in prose, and D 4.40."
    (a, b, c, d) = _cells(text, "1.10", "2.20", "3.30", "4.40")
    claims = [_claim(*a, "2025-02-10"), _claim(*b), _claim(*c), _claim(*d, "2025-02-10")]
    out = column_periods(claims, text, None, 12, None)
    assert out[1].period_end is None  # one dated cell is no column's consensus
    assert out[2].period_end is None


def test_a_markdown_cell_takes_its_columns_day():
    text = "| A | 1.10 | 5 |\n| B | 2.20 | 6 |\n| C | 3.30 | 7 |\n"
    (a, b, c) = _cells(text, "1.10", "2.20", "3.30")
    claims = [_claim(*a, "2025-02-10"), _claim(*b, "2025-02-10"), _claim(*c)]
    assert column_periods(claims, text, None, 12, None)[2].period_label == "2025-02-10"


def test_a_day_in_a_table_headed_by_a_quarter_stays_undated():
    """A results table whose header names its quarter and whose per-pound rows were read as today's prices: the day
    is a row's reading, not its column's."""
    text = ("| For the three months ended December 31, 2024 | Kansanshi |  | Sentinel |  |\n"
            "| AISC (per lb) | $2.14 |  | $2.88 |  |\n| Cash cost (per lb) | $1.21 |  | $2.11 |  |\n"
            "| Cost of sales | (368 | ) | (345 | ) |\n")
    (a, b, c) = _cells(text, "$2.14", "$1.21", "(368")
    claims = [_claim(*a, "2025-02-11"), _claim(*b, "2025-02-11"), _claim(*c)]
    claims = [replace(x, metric="commodity_price", period_route="published_day") if x.period_end else x for x in claims]
    assert column_periods(claims, text, date(2025, 2, 11), 12, None)[2].period_end is None
