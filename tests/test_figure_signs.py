"""The sign of a change (figure_signs.py, number_words.yaml `falling_words`, `falling_amount_nouns`): one table of
phrasings from the dumps, shortened, with the negatives that keep their sign."""
from __future__ import annotations

import pytest

from pipeline.figures import resolve_figures

CASES = [
    # sentence, figure as written, expected value
    # a tilde glued to the figure after the falling verb
    ("** ULVR stock fell about ~3.5% YTD", "3.5%", -3.5),
    ("Hooli shares fell ~2.1% on Tuesday.", "2.1%", -2.1),
    # an economy to contract: the verb after a modal or "to" (the noun keeps its sign)
    ("The region will contract 5.8% in 2020, the worst ever.", "5.8%", -5.8),
    ("Bank of America forecasts the economy to contract 8% this year.", "8%", -8.0),
    ("Hooli signed a contract 5% larger than the last one.", "5%", 5.0),
    # an amount a falling noun names is the change
    ("Net Sales: $3,818.1 million, a decrease of $34.7 million compared to 2023.", "$34.7 million", -34.7e6),
    ("The group saw a decline of EUR 12 million in costs.", "EUR 12 million", -12e6),
    ("Adjusted EBITDA was $270 million, a decrease of about $7 million from $277 million.", "$7 million", -7e6),
    # ... and the amount a falling noun follows, in a noun phrase its article opens
    ("* a $19.9 million decrease in revenues in the three months", "$19.9 million", -19.9e6),
    ("Payrolls surged $40.8 billion in December after a $5.4 billion decline in November.", "$5.4 billion", -5.4e9),
    ("The latest pattern has appeared following a $1,000 pullback from $10,350.", "$1,000", -1000.0),
    ("Payrolls surged $40.8 billion in December after a $5.4 billion decline in November.", "$40.8 billion", 40.8e9),
    ("Hooli posted a $5 million loss in the quarter.", "$5 million", 5e6),
    ("Hooli sold a $3 billion drop-in replacement unit.", "$3 billion", 3e9),
    # a loss is a level, not a change; an amount before the noun keeps its sign
    ("Hooli reported a loss of $5 million.", "$5 million", 5e6),
    ("Revenue of $3.8 billion marked a decline from last year.", "$3.8 billion", 3.8e9),
]


@pytest.mark.parametrize("sentence,written,value", CASES)
def test_the_sign_of_a_change(sentence, written, value, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text == written]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    assert float(figs[0].value) == pytest.approx(value)
