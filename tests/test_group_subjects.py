"""A group named as the subject of its figure's clause is the figure's entity, as written
(`pipeline/group_subjects.py`; guide 3, "A group as holder or subject").

Rows are written for these tests after phrasings of the yardstick's modern and Yahoo stories: a
funding tally ("AI startups raised ..."), a campaign's spending, an industry's budget cuts, a market's size.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.group_subjects import group_owner
from pipeline.resources import load_resources


class _Fig:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


# (sentence, figure, group or None): the group the figure's clause opens with
GROUPS = [
    ("According to new figures from a data firm, AI startups raised $110 billion in funding last year.", "$110",
     "AI startups"),
    ("During the confirmation fight, liberal groups spent more than $1 million on a campaign.", "$1", "liberal groups"),
    ("U.S.-focused oil producers have already slashed more than $27 billion from drilling budgets.", "$27",
     "U.S.-focused oil producers"),
    ("The firm cites corporate interest, noting that public companies now hold over $55 billion worth of BTC.", "$55",
     "public companies"),
    ("The location data market was valued at $10 billion last year.", "$10", "location data market"),
    ("Chinese chipmakers spent $40 billion on equipment in 2024.", "$40", "Chinese chipmakers"),
    ("The market retraced to the $2.8 trillion mark.", "$2.8", None),  # a bare "market": no group named
    ("But some investors zeroed in on its disappointing 16% sales gain.", "16%", None),  # the company's gain
    ("Apple's market value rose 5%.", "5%", None),  # a possessive owns it
    ("Shareholders would receive for each share 29 dlrs cash.", "29", None),  # a per-share payment
    ("Interest rate future traders were betting on only one 25 basis point cut.", "25", None),
    ("Investors in Acme received $5 a share.", "$5", None),  # a name between the group and the figure
]


@pytest.mark.parametrize("sentence,figure,want", GROUPS)
def test_the_group_the_clause_opens_with(sentence, figure, want):
    at = sentence.index(figure)
    got = group_owner(sentence, _Fig(at, at + len(figure)), 0, None, load_resources())
    assert (got.entity if got is not None else None) == want


# (sentence, figure, group or None): a figure set against another ("compared with", "versus", "than"), then "for"
# and the group it is of; after the dumps' "compared to 178 bps for private banks", "vs. 33% for the European
# insurance sector"
COMPARED = [
    ("Loans rose 182 bps for state-owned banks, compared to 178 bps for private banks.", "178 bps", "private banks"),
    ("The stock is up 64% vs. 33% for the European insurance sector.", "33%", "European insurance sector"),
    ("Its margin was 12%, versus about 15% for European lenders.", "15%", "European lenders"),
    ("Growth was faster than the 3% for U.S. manufacturers.", "3%", None),  # "the" before the figure: not this form
    ("Apple raised $5 million for AI startups.", "$5 million", None),  # no comparison: the money is for them
    ("Revenue was $5 million, compared with $4 million for the year before.", "$4 million", None),  # no group
]


@pytest.mark.parametrize("sentence,figure,want", COMPARED)
def test_the_group_a_compared_figure_is_of(sentence, figure, want):
    at = sentence.index(figure)
    got = group_owner(sentence, _Fig(at, at + len(figure)), 0, None, load_resources())
    assert (got.entity if got is not None else None) == want


def test_the_group_owns_the_figure_over_the_main_company():
    text = ("Dealroom tracks venture funding across Europe and the U.S.\n\n"
            "According to new figures from analytics firm Dealroom, AI startups raised $110 billion in funding "
            "last year, up 62% on the year before.")
    claims, _ = extract(pd.DataFrame([{"id": "t1", "title": "AI investments surged 62% to $110 billion in 2024",
                                       "text": text, "published": "2025-02-10"}]))
    rows = claims[claims["figure"].str.startswith("$110")]
    assert len(rows) and rows.iloc[0]["entity"] == "AI startups"
