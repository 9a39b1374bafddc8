"""An amount the words before it say is held now, or a standing amount "estimated at", is a point on the published
day; a past or planned holding, or "own" as an adjective, is not."""
from __future__ import annotations

import pytest

from pipeline.figures import resolve_figures
from pipeline.held_amounts import held_now

CASES = [
    # sentence, the figure as written, held now
    ("The two investors control around $2 billion of Apple stock.", "$2 billion", True),
    ("Borrowers from the farm credit system hold some four billion dlrs in system stock.", "four billion dlrs", True),
    ("He continues to diversify his wealth estimated at $7.9 billion.", "$7.9 billion", True),
    ("The property's drill indicated reserves to a depth of 1,200 feet are estimated at over one mln tons.",
     "one mln tons", True),
    ("BankAmerica, which holds about 2.70 billion dlrs in Brazilian loans, stands to lose.", "2.70 billion dlrs", True),
    ("Berkshire also holds $8.5 billion of 8% Occidental preferred stock.", "$8.5 billion", True),
    ("The rapper, whose net worth is estimated at $400 million by Forbes, said no.", "$400 million", True),
    # a past holding, a plan to hold, "own" as an adjective, an event
    ("Originally, Guinea held 50 pct in the project.", "50 pct", False),
    ("The group asked regulators for clearance to hold more than 30 mln dlrs of Intermedics stock.",
     "30 mln dlrs", False),
    ("Google and Facebook followed up with their own $1 billion initiatives.", "$1 billion", False),
    ("The company raised $300 million in a funding round.", "$300 million", False),
]


@pytest.mark.parametrize("sentence,written,want", CASES)
def test_an_amount_held_now_is_a_point(sentence, written, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text == written]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    assert held_now(figs[0], sentence, 0, resources) is want
