"""A forecast's or an estimate's period named without its year is the coming one (coming_periods.py). Shortened dump
phrasings, names changed."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

# title, published, text, figure, expected period label
CASES = [
    ("Grades rise as refining demand grows", "2025-02-10", "U.S. oil refiners are expected to have about 1.5 million "
     "barrels per day of capacity offline in the week ending Feb. 14, IIR Energy said.",
     "1.5 million barrels per day", "2025-02-08..2025-02-14"),
    ("HOOLI SHIPYARDS OMITS COMMON DIVIDEND", "1987-03-25", "Hooli said the 75 ct preferred dividend will be paid May "
     "one to shareholders of record April 15.", "75 ct", "1987-05"),
    ("Hooli Ad Sales Hit as Advertisers Bail", "2020-06-29", "Hooli's sales will rise 1% in the June period, followed "
     "by a 7% increase in the third quarter, analysts predict.", "7%", "2020-Q3"),
    ("Turkey Lowers Price Forecast", "2019-07-31", "JPMorgan sees price growth below 10% by October.", "10%",
     "2019-10"),
    # known bad (session 24): the 20% is now the dividend's own change (METRIC_LABELING_GUIDE.md rule 3), not a share's
    # move, and a dividend, a flow, takes no day: its payment day is dropped, as its "¥60.00"'s always was
    pytest.param("Hooli Bank's Upcoming Dividend Will Be Larger", "2025-02-14", "The board of Hooli Bank has announced "
                 "that it will be increasing its dividend by 20% on the 23rd of June to ¥60.00.", "20%", "2025-06-23",
                 marks=pytest.mark.xfail(strict=True, reason="a dividend's payment day is no flow's period")),
    # negatives: a quarter just ended and not yet reported, a period written with its year or placed by a word, and
    # what happened stay as read
    ("Hooli Q4 preview", "2025-02-13", "Analysts expect fourth-quarter EPS of $1.20.", "$1.20", "2024-Q4"),
    ("North American Morning Briefing", "2025-02-12", "Hooli Inc is expected to report $0.38 for 3Q.", "$0.38",
     "2024-Q3"),
    ("Hooli outlook", "2025-02-13", "Hooli expects revenue of $2 billion in the third quarter of 2024.", "$2 billion",
     "2024-Q3"),
    ("Hooli outlook", "2025-02-13", "Hooli earned $2 billion last June and expects $3 billion next June.",
     "$2 billion", "2024-06"),
    ("Hooli sales", "2025-02-13", "Hooli's sales rose 8% to $900 million in October.", "$900 million", "2024-10"),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_coming_period(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (row.period_label or "") == label
