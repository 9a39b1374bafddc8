"""Figures listed in parallel with their owners (pipeline/coordinated_owners.py, guide 3.3).

Two rule families: "A and B ... x and y, respectively" gives the k-th figure to the k-th name, and
a list of "figure for/in name" items gives each figure the name after it. Rows are written for
these tests after phrasings of the yardstick's train split; each family has negative rows the
rule must leave alone.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.resources import load_resources

RES = load_resources()


def _entity(text: str, figure: str, title: str = "") -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-11"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


def _name(want: str) -> str:
    return RES.alias_index[want].name if want in RES.alias_index else want


# (text, figure, want)
RESPECTIVELY = [
    # new: the k-th figure is the k-th name's
    ("The decliners were led by IT firms Tessaro Systems and Infosys, which lost 3.4% and 2%, respectively.",
     "3.4%", "Tessaro Systems"),
    ("The decliners were led by IT firms Tessaro Systems and Infosys, which lost 3.4% and 2%, respectively.",
     "2%", "Infosys"),
    ("Futures contracts on the Dow Jones Industrial Average and Nasdaq 100 gained as much as 0.8 percent and "
     "1.1 percent respectively.", "0.8 percent", "Dow Jones Industrial Average"),
    # negative: models of one maker, and a list of figures with one owner
    ("The Verizon version of the Galaxy S8 and S8 Plus will retail for $720 and $840, respectively.", "$720", "Verizon"),
    ("Harlow Systems said revenue and profit rose 12% and 9%, respectively.", "9%", "Harlow Systems"),
]


@pytest.mark.parametrize("text,figure,want", RESPECTIVELY, ids=[r[0][:40] + " " + r[1] for r in RESPECTIVELY])
def test_respectively_pairs_figures_with_names(text, figure, want):
    assert _entity(text, figure) == _name(want)


TRAILING = [
    # new: each figure, then "for" or "in" its owner, item after item
    ("Ad-revenue growth was 18% for Amazon.com Inc. (AMZN); 21% for Meta Platforms Inc. (META) and 18% for "
     "Pinterest Inc. (PINS).", "21%", "Meta"),
    ("JPMorgan said Saudi Arabia's weight in the index is 3.3 percent, followed by 2.8 percent for Qatar, 2.6 percent "
     "for Kuwait and 2.3 percent for Bahrain.", "2.8 percent", "Qatar"),
    ("The region will contract, with GDP slipping by 6.8% in the Bahamas, 5.8% in Barbados and 5.3% in Jamaica.",
     "5.8%", "Barbados"),
    # negative: one figure followed by a place, and items whose names come first
    ("Apple shares rose 2% in Germany on Monday.", "2%", "Apple"),
    ("Apple rose 2% in New York and Samsung gained 3% in Seoul.", "3%", "Samsung"),
]


@pytest.mark.parametrize("text,figure,want", TRAILING, ids=[r[0][:40] + " " + r[1] for r in TRAILING])
def test_a_figure_for_its_name_item_after_item(text, figure, want):
    assert _entity(text, figure) == _name(want)
