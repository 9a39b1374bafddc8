"""The part a figure's measure noun names (pipeline/measured_parts.py): a modifier of "revenue" or
"sales" that is neither the whole's word nor the company's name, or a business or place after it."""
from __future__ import annotations

import pytest

from pipeline.measured_parts import measured_part, part_words, served_part
from pipeline.segments import entity_words_of


@pytest.mark.parametrize("sentence, figure, entity, part", [
    # a modifier before the measure noun names the part
    ("Cookware sales increased 4% to $212.3 million, driven by new colours.", "$212.3", "Hartwell", "Cookware"),
    ("Hartwell reported subscription revenue of $96 million, up from $81 million.", "$96", "Hartwell", "subscription"),
    ("* Field service revenue saw a steep rise of 41% to $3.2 million year-over-year.", "41%", "Hartwell",
     "Field service"),
    ("Pet & Garden sales fell 2% to $88 million.", "$88", "Hartwell", "Pet & Garden"),
    ("Retail-channel revenues increased over 30% year-over-year to $410 million.", "30%", "Hartwell",
     "Retail-channel"),
    # a business or a place after it
    ("Revenue in its leasing business dropped about 7 per cent to Rs 410 crore.", "7 per cent", "Hartwell", "leasing"),
    ("Net sales in Canada increased 3%, to $61.2 million.", "$61.2", "Hartwell", "Canada"),
    ("Net sales in Canada increased 3%, to $61.2 million.", "3%", "Hartwell", "Canada"),
    ("Net sales in the U.S. rose 2% to $80 million.", "$80", "Hartwell", "U.S."),
    # a participle, an adverb or a verb before the noun ends the part's words
    ("Hartwell anticipated revenue of $400 million for the year.", "$400", "Hartwell", ""),
    ("The unit will generate revenue of $12 million.", "$12", "Hartwell", ""),
    ("Revenue of AROUND $5 million came in.", "$5", "Hartwell", ""),
    # the whole's own words name no part: periods, bases, totals, the company's name
    ("Revenue was up 5.2% year-over-year during the quarter to $546.6 million.", "$546.6", "Hartwell", ""),
    ("Q4 revenue jumped to $1.87 billion from $822.4 million.", "$1.87", "Hartwell", ""),
    ("The company posted fourth-quarter adjusted revenue of $2.1 billion.", "$2.1", "Hartwell", ""),
    ("Same-store sales rose 4.1% in the period.", "4.1%", "Hartwell", ""),
    ("Hartwell Corp revenue rose 5% to $3 billion.", "5%", "Hartwell Corp", ""),
    ("Hartwell's revenue rose 5% to $3 billion.", "5%", "Acme", ""),
    ("Revenue in the fourth quarter rose 5%.", "5%", "Hartwell", ""),
    ("Revenue in January rose 5%.", "5%", "Hartwell", ""),
    ("Consolidated net revenue of CAD75 million beat estimates.", "CAD75", "Hartwell", ""),
    # a verb or an adjective before the noun is no part
    ("For 2025, Hartwell is expecting revenue to grow 4.6% to 5.2% year over year.", "4.6%", "Hartwell", ""),
    ("That guidance assumes revenue of $126 billion to $128 billion.", "$126", "Hartwell", ""),
    ("The company reported stable revenue of $61.4 million.", "$61.4", "Hartwell", ""),
    # a figure not tied to the noun: another clause stands between
    ("Revenue rose, while the company bought back shares worth $50 million.", "$50", "Hartwell", ""),
    ("Sales of cars in Germany fell 3% and profit dropped 12%.", "12%", "Hartwell", ""),
])
def test_measured_part(resources, sentence, figure, entity, part):
    at = sentence.index(figure)
    assert measured_part(sentence, at, part_words(resources), entity_words_of(entity), at + len(figure)) == part


@pytest.mark.parametrize("sentence, figure, part", [
    ("Orders rose on 31% growth in Power Systems, the company said.", "31%", "Power Systems"),
    ("Hartwell booked $120 million in licensing revenue.", "$120 million", "licensing"),
    ("Sales rose on a 9% increase in Brazil.", "9%", "Brazil"),
    ("Hartwell posted $53 billion in net sales.", "$53 billion", ""),
    ("The results showed a 20% increase in deliveries.", "20%", ""),
    ("Shares jumped after a 5% rise in the fourth quarter.", "5%", ""),
    ("Revenue got a 4% lift from a 6% gain in January.", "6%", ""),
    # a business line news writes in lower case (segments.yaml's `segments`), alone or before its measure
    ("Citigroup reported a 21 percent slide in fixed-income trading.", "21 percent", "fixed-income trading"),
    ("Hartwell posted 18% growth in advertising revenue.", "18%", "advertising"),
    ("The quarter brought a 12% increase in wealth management, the bank said.", "12%", "wealth management"),
    # a share of a part's measure after an article; an owner's measure
    ("Margins improved as 80% of the digital sales growth came from in-store pickup.", "80%", "digital"),
    ("That is just 5% to 9% of the social network's total revenues.", "9%", ""),
    # a line's word before another noun is a measure's change, not a part's
    ("The bank saw a 9% rise in trading volumes.", "9%", ""),
    ("Hartwell reported a 5% increase in delivery times.", "5%", ""),
])
def test_the_part_after_the_figure(resources, sentence, figure, part):
    at = sentence.index(figure)
    assert measured_part(sentence, at, part_words(resources), entity_words_of("Hartwell"), at + len(figure)) == part


@pytest.mark.parametrize("sentence, figure, entity, part", [
    # the people a company serves, counted with the words that name its part
    ("In 2019, the company lost 4.1 million total video customers.", "4.1 million", "AT&T", "video customers"),
    ("Snapchat will have 77.5 million monthly U.S. users in 2019.", "77.5 million", "Snap", "U.S. users"),
    ("Ant hopes to sign up 300 million Xiang Hu Bao users within two years.", "300 million", "Ant Financial",
     "Xiang Hu Bao users"),
    ("The utility serves 4.7 million retail customers in four states.", "4.7 million", "WEC Energy",
     "retail customers"),
    # the whole's people: its measure's words, its own name, a share of them
    ("Facebook has 2.3 billion monthly active users.", "2.3 billion", "Facebook", ""),
    ("Netflix added 8.8 million paid subscribers.", "8.8 million", "Netflix", ""),
    ("Netflix added 8.8 million Netflix subscribers.", "8.8 million", "Netflix", ""),
    ("It lost 2 million of its users in a year.", "2 million", "Acme", ""),
    ("Facebook removed 2.2 billion fake accounts.", "2.2 billion", "Facebook", ""),
])
def test_served_part(resources, sentence, figure, entity, part):
    end = sentence.index(figure) + len(figure)
    assert served_part(sentence, end, part_words(resources), entity_words_of(entity)) == part
