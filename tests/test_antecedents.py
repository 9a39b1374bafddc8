"""What "the company" stands for when the headline's topic is title-case words, no name (guide 3.1).

`pipeline/antecedents.py`: a reference reads as the headline's topic where that topic is a name;
where the headline opens with words no list knows and the body never writes as a name, the
reference points back to the last company named before it. Rows are written for these tests,
after phrasings of the yardstick's train split; the negative rows keep a real topic.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.antecedents import weak_topic
from pipeline.records import Mention
from pipeline.resources import load_resources

RES = load_resources()


def _entity(text: str, figure: str, title: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-11"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
REFERENCES = [
    # new: the headline's words name no company; the reference is the company just named
    ("Corporate America Tallies the Mounting Costs of Climate Change",
     "Utilities were hit hardest.\nAT&T said storms and floods damaged its network. The company noted that disasters "
     "cost it $627 million in 2017.", "$627 million", "AT&T"),
    ("How carriers will keep the capital online during the inauguration",
     "Carriers are adding capacity.\nVerizon set up new cell sites. In a statement, the company said it spent "
     "$15 million on the work.", "$15 million", "Verizon"),
    ("Retail Stocks Benefiting From Lower Rates",
     "Lower rates help retailers.\nWalmart is one of them. The company reported sales of $180 billion, a 4.1% rise "
     "from the prior-year quarter.", "4.1%", "Walmart"),
    # negative: a topic the body writes as a name keeps the reference
    ("Halvorsen Shipping Reports Fourth Quarter Results",
     "Halvorsen Shipping posted record volumes. Maersk cut its rates. The company reported revenue of "
     "$412 million.", "$412 million", "Halvorsen Shipping"),
    ("Corsair Gaming: Outlook Is Strong But Margins Remain A Concern",
     "The market was weak, as shown by Corsair's guidance cut, while Nvidia delayed chips. The company expects revenues of "
     "$1.5 billion.", "$1.5 billion", "Corsair"),
]


@pytest.mark.parametrize("title,text,figure,want", REFERENCES, ids=[r[0][:40] for r in REFERENCES])
def test_a_reference_under_a_nameless_headline_points_back(title, text, figure, want):
    got = _entity(text, figure, title)
    assert got == (RES.alias_index[want].name if want in RES.alias_index else want)


def test_weak_topic_reads_the_body():
    topic = Mention("Benefiting", -1, -1, "Benefiting", "benefiting", "name", source="title")
    assert weak_topic(topic, "Stocks benefiting from reshoring rose.")
    assert not weak_topic(Mention("Acme Widgets", -1, -1, "Acme Widgets", "acme-widgets", "name"),
                          "Shares of Acme Widgets rose.")
    assert not weak_topic(Mention("Apple", -1, -1, "Apple", "AAPL", "company"), "Nothing here.")


# a headline that lists names has no one topic: "the company" points back to the last company named before it in its
# paragraph or the one before (the roundup's item), not to the story's most named company; after the dumps' mover
# lists and Market Talk items (session 17)
LISTED = [
    ("Biggest stock movers Tuesday: LSCC, FLNC, SMCI, and more",
     "* Super Micro Computer (NASDAQ:SMCI) shares rose 12% after the company said its filing was on track. Super "
     "Micro Computer expects revenue growth.\n\n* Fluence Energy (NASDAQ:FLNC) shares tumbled 36% after the company "
     "slashed its FY2025 outlook. The company lowered its total revenue guidance to $3.1B-$3.7B, with a midpoint of "
     "$3.4B.", "$3.4B", "Fluence Energy"),
    ("Stocks making the biggest moves premarket: Ford, Tesla, Nike",
     "Ford shares fell 2% after Ford cut its outlook. Ford expects lower sales, Ford said.\n\nTesla shares rose 3% "
     "after the company said deliveries rose. The company delivered 495,000 vehicles in the quarter.", "495,000",
     "Tesla"),
]


@pytest.mark.parametrize("title,text,figure,want", LISTED, ids=[r[3] for r in LISTED])
def test_a_reference_under_a_headline_that_lists_names_points_back(title, text, figure, want):
    assert _entity(text, figure, title) == want
