"""The name a figure's clause opens with takes the figure from the story's main company or headline
country when the sentence names neither (`pipeline/clause_openers.py`).

Rows are written for these tests after phrasings of the yardstick's Reuters, Yahoo and modern stories: a
deal story's target ("National Tech had sales of ..."), a roundup's other company, a country's company.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract
from pipeline.clause_openers import opens_clause
from pipeline.resources import load_resources


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "title": title, "text": text, "published": "2025-02-10"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (sentence, name, figure, opens): the name opens the sentence or clause the figure is in
OPENS = [
    ("Accion Venture Lab launched a $24 million fintech fund.", "Accion", "$24", True),
    ("NTPC's second bond issue raised 4.51 billion rupees.", "NTPC", "4.51", True),
    ("Shares in Skyward Specialty added 9.6 percent, compounding gains of 5.1 percent.", "Skyward", "5.1", True),
    ("While Umicore said it expects growth, its projections of 100,000 tons slipped.", "Umicore", "100,000", True),
    ("When the Stratolaunch project began, the cost was estimated at $300 million.", "Stratolaunch", "$300", True),
    ("The New York City-based SecurityScorecard raised $50 million.", "SecurityScorecard", "$50", True),
    ("Revenue rose 5%; Acme said margins hit 12%.", "Acme", "12%", True),
    ("Samsung rival Apple announced $58.3 billion in revenue.", "Apple", "$58.3", False),
    ("Sole manager Kidder Peabody said the spread is 40 basis points.", "Kidder", "40", False),
    ("Prices rose 12% after Acme cut output.", "Acme", "12%", False),  # after the figure
]


@pytest.mark.parametrize("sentence,name,figure,want", OPENS)
def test_a_name_opens_its_clause(sentence, name, figure, want):
    res = load_resources()
    assert opens_clause(sentence, 0, sentence.index(name), sentence.index(figure), res) == float(want)


# (title, text, figure, want): the opener, not the headline's country or company
OWNERS = [
    ("C.O.M.B. <CMCO> MAKES ACQUISITION",
     "C.O.M.B. Co said it agreed to buy National Tech Industries Inc for cash.\n\n"
     "National Tech had sales of about 23 mln dlrs for 1986, it said.", "23 mln dlrs", "National Tech Industries"),
    ("INDIAN STATE COMPANY BONDS PROVOKE COMPLAINTS",
     "Indian state companies raised more money through bonds last year.\n\n"
     "NTPC's second bond issue at the end of 1986 raised 4.51 billion rupees against 1.2 billion permitted.",
     "4.51 billion rupees", "NTPC"),
]

@pytest.mark.parametrize("title,text,figure,want", OWNERS)
def test_the_clause_opener_owns_the_figure(title, text, figure, want):
    assert _entity(title, text, figure) == want



# (sentence, name, says): a name followed by a verb of speech and "that" says its clause
SPEAKERS = [
    ("Roger Almond noted that approximately 70%-75% of revenue comes from APAC.", "Roger Almond", True),
    ("Acme said that sales rose 5%.", "Acme", True),
    ("While Umicore said it expects growth, its projections of 100,000 tons slipped.", "Umicore", False),
    ("National Tech had sales of about 23 mln dlrs for 1986.", "National Tech", False),
]


@pytest.mark.parametrize("sentence,name,says", SPEAKERS)
def test_a_speaker_of_a_that_clause_is_no_opener(sentence, name, says):
    from pipeline.clause_openers import _speech_that

    end = sentence.index(name) + len(name)
    assert _speech_that(sentence, end, load_resources()) == says
