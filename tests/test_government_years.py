"""A government's budget year: "fiscal 2021" in a U.S. budget sentence runs October to September."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import find_periods
from pipeline.government_years import government_year

REF = date(2020, 2, 7)

CASES = [
    # sentence, the period's words, currency, (start, end) expected
    ("President Donald Trump is set to request a budget of $25.6 billion for NASA for its fiscal 2021 operating year.",
     "fiscal 2021", "USD", (date(2020, 10, 1), date(2021, 9, 30))),
    ("Miller urged the Republicans to hold firm against a tax hike to reduce the estimated 174 billion dlr deficit "
     "for the 1988 financial year.", "1988 financial year", "USD", (date(1987, 10, 1), date(1988, 9, 30))),
    ("The Pentagon's spending for fiscal 2020 is set at $718 billion.", "fiscal 2020", "USD",
     (date(2019, 10, 1), date(2020, 9, 30))),
    # a company's fiscal year: no budget words
    ("Apple expects revenue of $260 billion in fiscal 2020.", "fiscal 2020", "USD", None),
    # a government's budget in a currency whose government year the lists do not hold
    ("Spending is forecast to be 3.4 pct higher in the 1988 budget year.", "1988", "JOD", None),
    ("The administration forecast a deficit of $144 billion in the 1988 budget year.", "1988", "USD",
     (date(1987, 10, 1), date(1988, 9, 30))),
    # a year that is no fiscal year
    ("The federal deficit was $221 billion in 1986.", "1986", "USD", None),
    # a split year is not read here
    ("The budget deficit for fiscal 1987/88 is 174 billion dlrs.", "fiscal 1987", "USD", None),
]


@pytest.mark.parametrize("sentence,words,unit,want", CASES)
def test_a_budget_year_is_the_governments(sentence, words, unit, want, resources):
    found = [p for p in find_periods(sentence, REF, res=resources) if words in sentence[p.start:p.end]
             or sentence[p.start:p.end] in words]
    assert found
    period = found[0]
    got = government_year(period, sentence, 0, len(sentence), unit, resources)
    if want is None:
        assert got is period
    else:
        assert (got.period_start, got.period_end) == want and got.rule == "claims.government_year.v1"
