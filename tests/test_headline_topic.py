"""Whether a claim's entity is what its article's headline is about (pipeline/headline_topic.py)."""
from __future__ import annotations

import pytest

from pipeline.headline_topic import named_in_headline, off_topic

CASES = [  # (entity, entity_id, headline, named)
    ("Super Micro Computer, Inc.", "", "Super Micro Computer shares slump after filing delay", True),
    ("Biogen", "", "Biogen's stock slides on soft guidance and a decline in sales of MS drugs", True),
    ("gold", "gold", "Comex Gold Settles 0.06% Lower at $2912.50 - Data Talk", True),
    ("Brixmor Property Group", "", "Brixmor Property Group Q4 FFO beats estimates", True),
    ("Brixmor Property Group", "", "Stocks to watch: Lyft, DoorDash, Coca-Cola", False),
    ("Delta Air Lines", "", "Delta Galil reports record sales", False),
    ("BP", "", "Oil majors' shares rise as bp sets out new strategy", False),  # a short name only in its own case
    ("Allstate", "ALL", "ALL EYES ON THE FED AS RATES HOLD", False),  # a shouted headline's "ALL" is a word
    ("Target", "", "UBS raises DoorDash price target to $240", True),  # the name is written: the gate cannot tell
]


@pytest.mark.parametrize("entity,entity_id,headline,named", CASES)
def test_a_headline_names_the_entity(resources, entity, entity_id, headline, named):
    assert named_in_headline(entity, entity_id, headline, resources) is named


def test_a_gazetteer_alias_or_ticker_names_it(resources):
    entry = next(e for e in resources.entries if e.kind == "company" and e.tickers and len(e.tickers[0]) >= 2)
    assert named_in_headline(entry.name, entry.entity_id, f"{entry.tickers[0]} shares jump after results", resources)


def test_with_no_headline_nothing_is_off_topic(resources):
    assert not off_topic("Acme", "", "", resources)
    assert not off_topic("Acme", "", None, resources)
    assert off_topic("Acme", "", "Globex beats estimates", resources)


SHORT_FORMS = [  # (entity, headline, named): the short forms headlines write
    ("West Pharmaceutical Services", "West Pharma falls as 2025 profit, revenue forecast below estimates", True),
    ("Super Micro Computer", "PREVIEW: Super Micro falls after recent rally", True),
    ("Reserve Bank of India", "After RBI rate cut, should you reduce EMIs or shorten loan tenure?", True),
    ("West Pharmaceutical Services", "West Africa's cocoa harvest shrinks", False),
    ("Delta Air Lines", "Delta Galil reports record sales", False),
    ("General Electric", "General Motors cuts outlook", False),
    # the name less a generic last word (entities.yaml generic_suffixes), when what is left is a name of its own
    ("Generac Holdings", "Generac posts better-than-expected profit on demand boost for backup generators", True),
    ("Hindalco Industries", "Hindalco Q3FY25 results: Net profit up 60.2%, beats street estimates", True),
    ("Carlyle Group", "Carlyle profit jumps as fundraising rebounds", True),
    ("Generac Holdings", "Holdings of Treasuries by foreign central banks fall", False),
    ("Ares Holdings", "Ares Management beats estimates", False),  # "Ares" alone is too short to stand for it
]


TICKERS = [  # (entity, entity_id, headline, named): the entity's id, when a ticker, is one of its names
    ("Inc", "CBRE", "CBRE signals 2025 EPS growth of 16% amid expanded segment operations", True),
    ("Gartner", "IT", "IT spending to rise 9% in 2025", False),  # a ticker that is also a word
    ("Inc", "CBRE", "Stocks to watch: Lyft, DoorDash, Coca-Cola", False),
]


@pytest.mark.parametrize("entity,entity_id,headline,named", TICKERS)
def test_the_entity_ticker_names_it(resources, entity, entity_id, headline, named):
    assert named_in_headline(entity, entity_id, headline, resources) is named


@pytest.mark.parametrize("entity,headline,named", SHORT_FORMS)
def test_a_headline_may_shorten_the_name(resources, entity, headline, named):
    assert named_in_headline(entity, "", headline, resources) is named
