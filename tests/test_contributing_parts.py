"""Contributing parts (pipeline/contributing_parts.py): the part of the entity that, as the subject of a contribution
verb, yields the amount right after it; and subjects that are the whole, a pronoun or a relative."""
import pytest

from pipeline.contributing_parts import contributing_part
from pipeline.resources import load_resources
from pipeline.segments import entity_words_of, segment_words

RES = load_resources()
WORDS = segment_words(RES)


@pytest.mark.parametrize("before, entity, expected", [
    ("* Entertainment & Services delivered ", "Embracer Group", "Entertainment & Services"),
    ("For Sale revenue reached $428 million in Q4, while Rentals contributed ", "Cavco", "Rentals"),
    ("The Multiomics segment generated ", "Standard BioTools", "Multiomics segment"),
    ("Social casino/free-to-play games contributed $73 million, while SuperNation generated ", "Playtika",
     "SuperNation"),
    ("Prestige generated ", "Coty", "Prestige"),
    ("Insurance delivered ", "Berkshire Hathaway", "Insurance"),
    ("In its most recent quarter, Intel Foundry generated ", "Intel", "Foundry"),
    ("* Entertainment & Services delivered net sales of ", "Embracer Group", "Entertainment & Services"),
    # the part's name before an appositive
    ("Investment banking, an area where Barclays has a significant presence in the U.S., contributed ", "Barclays",
     "Investment banking"),
    ("Merchant Solutions, the biggest segment in terms of dollars, generated ", "Global Payments", "Merchant Solutions"),
    ("Spinraza, a drug for spinal muscular atrophy, generated ", "Biogen", "Spinraza"),
    # the whole, a pronoun, a relative: none
    ("In 2024, BP delivered ", "BP", ""),
    ("The company generated ", "Acme", ""),
    ("We generated ", "Acme", ""),
    ("Cooper detailed the integration of the RPT Realty acquisition, which contributed ", "Kimco Realty", ""),
    ("* OneSubsea, in which Aker Solutions holds a 20% stake, delivered ", "Aker Solutions", ""),
    ("The firm generated ", "Acme", ""),
    ("For the six months ended December 31, 2024, Prestige and Consumer Beauty generated ", "Coty", ""),
    ("According to IQVIA data as of MAT December 2024, the drug generated sales of ", "AstraZeneca", ""),
    ("The team generated ", "Wells Fargo", ""),
    ("AMZN generated ", "Apple", ""),
    ("AMZN also flexed its earnings power as it generated ", "Apple", ""),
])
def test_contributing_part(before, entity, expected):
    assert contributing_part(before, "money", RES, WORDS, entity_words_of(entity)) == expected


def test_only_amounts():
    assert contributing_part("Rentals contributed ", "percent", RES, WORDS, entity_words_of("Cavco")) == ""
