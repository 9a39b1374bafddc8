"""A company's part named with its part noun as the subject of the figure's clause (pipeline/part_subjects.py):
phrasings from results stories of the news dumps that name a part, and phrasings that must not."""
from __future__ import annotations

import pytest

from pipeline.measured_parts import part_words
from pipeline.part_subjects import part_subject
from pipeline.segments import entity_words_of, segment_words


@pytest.mark.parametrize("sentence, figure, entity, expected", [
    # the part heads the sentence after a determiner, its verb right after it
    ("* The Intermodal segment reported revenues of $73.1 million, down from $86.9 million in the prior year.",
     "$86.9 million", "Hub Group", "Intermodal segment"),
    ("The Gas segment reported net income of $257 million, down from $294 million in 2023.", "$257 million",
     "DTE Energy", "Gas segment"),
    ("The real estate segment was weaker than expected, with net profit decreasing by 3% YoY to $306m.", "$306m",
     "Keppel", "real estate segment"),
    ("* The tabletop segment recorded SEK 4.4 billion in net sales, driven by trading card games.", "SEK 4.4 billion",
     "Embracer Group", "tabletop segment"),
    ("Our Corporate & Other segment produced a core loss of $91 million for the fourth quarter of 2024.",
     "$91 million", "CNA Financial", "Corporate & Other segment"),
    ("The direct-to-consumer unit is expected to lose $800 million in the first quarter, McCarthy said.",
     "$800 million", "Disney", "direct-to-consumer unit"),
    # after an opening adverb
    ("However, the Intermodal segment continued to underperform, with revenues down 15.9% year-over-year.", "15.9%",
     "Hub Group", "Intermodal segment"),
    ("Meanwhile, its customers and products segment suffered a loss of $0.3 billion due to reduced fuel margins.",
     "$0.3 billion", "BP", "customers and products segment"),
    # the part's name set off after its noun is the part
    ("Its cloud segment, AWS, reported a robust 19% revenue increase, reaching $28.8 billion.", "$28.8 billion",
     "Amazon", "AWS"),
    # after its owner's possessive, with a relative clause or an aside in dashes before the verb
    ("The company's Energy Storage division, which sells lithium, reported a $1.1 billion drop in revenue.",
     "$1.1 billion", "Albemarle", "Energy Storage division"),
    ("National's distilled spirits business has sales of about 580 mln dlrs, American Brands said.", "580 mln dlrs",
     "National Distillers", "distilled spirits business"),
    ("Unilever's ice cream business--which includes the Magnum and Wall's brands--generated turnover of 8.3 billion "
     "euros in 2024.", "8.3 billion euros", "Unilever", "ice cream business"),
    ("The company's cloud division, Amazon Web Services (AWS), reported a 19% revenue increase to $28.8 billion.",
     "$28.8 billion", "Amazon", "Amazon Web Services"),
    # after an opening phrase set off by a comma, or a report's "that"
    ("In addition to the growth in services, the wearables, home and accessories category grew even more rapidly, "
     "reaching $10.0 billion (compared to $7.3 billion a year ago).", "$7.3 billion", "Apple",
     "wearables, home and accessories category"),
    ("* Phillips noted that the Trucking segment performed well, with revenue of $5 million.", "$5 million", "Daseke",
     "Trucking segment"),
    # the part before ", which" and its verb, anywhere before the figure; the nearer part wins
    ("He emphasized the strength of the Contract Logistics segment, which achieved a 52.7% revenue increase.",
     "52.7%", "Hub Group", "Contract Logistics segment"),
    ("The Trucking segment performed well, driven by the specialized heavy-haul wind business, which accounted for "
     "32.1% of segment revenue in 2024.", "32.1%", "Daseke", "specialized heavy-haul wind business"),
    ("He attributed this performance to the cloud security business, which saw accelerated ARR growth of 19%.", "19%",
     "Radware", "cloud security business"),
    # the whole's words, the company's name or no modifier: no part
    ("The company's core business grew 5% in the quarter.", "5%", "Acme", ""),
    ("The Acme division posted $5 million in sales.", "$5 million", "Acme", ""),
    ("The unit had $2 million in sales.", "$2 million", "Acme", ""),
    ("The fourth-quarter results of the segment were $4 million.", "$4 million", "Acme", ""),
    # a unit that speaks: no part
    ("The Fitch Solutions unit sees Henry Hub prices averaging $3.4/mmBtu this year.", "$3.4", "Henry Hub", ""),
    # another clause, another part or a sentence break between the part and the figure
    ("The Metal Cutting segment reported sales of $5 million, while the company's debt fell 3%.", "3%", "Acme", ""),
    ("Despite challenges in the Intermodal segment, management is projecting revenues of $1.7 billion.",
     "$1.7 billion", "Hub Group", ""),
    ("The Trucking segment grew. Revenue rose 4% to $12 million.", "$12 million", "Acme", ""),
])
def test_part_subject(resources, sentence, figure, entity, expected):
    at = sentence.index(figure)
    assert part_subject(sentence[:at], resources, segment_words(resources), entity_words_of(entity),
                        part_words(resources).whole) == expected


@pytest.mark.parametrize("sentence, figure, owner, expected", [
    # the owner read as a name no list knows is the part itself: the part still
    ("The Metal Cutting segment reported a sales decline of 4% for the quarter.", "4%", "Metal Cutting",
     "Metal Cutting segment"),
    ("Its cloud segment, AWS, reported a robust 19% revenue increase.", "19%", "AWS", "AWS"),
    ("The company's star label Gucci posted quarterly sales of 1.92 billion euros.", "1.92 billion euros", "Gucci",
     "Gucci"),
    # the whole's words: no part, whoever the owner
    ("The company's core business reported a sales decline of 4% for the quarter.", "4%", "Metal Cutting", ""),
])
def test_part_of_unknown_owner(resources, sentence, figure, owner, expected):
    at = sentence.index(figure)
    assert part_subject(sentence[:at], resources, segment_words(resources), entity_words_of(owner),
                        part_words(resources).whole, owner) == expected
