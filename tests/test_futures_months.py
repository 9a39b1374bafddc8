"""A futures contract month opening its clause is the session's contract, not the month."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import find_periods
from pipeline.futures_months import contract_month_day

REF = date(1987, 4, 7)
FUTURES = "NY COFFEE FUTURES CLOSE HIGHER"

CASES = [
    # title, sentence, month, the session's day?
    (FUTURES, "July was up 2.25 cents at 106.25 cents.", "July", True),
    (FUTURES, "May closed 2.21 cents higher at 104.25 cents, its highest close since March 30.", "May", True),
    ("CBT WHEAT FUTURES CLOSE MIXED", "The market firmed late, while December settled 1-1/4 cents higher at 2.78 dlrs.",
     "December", True),
    # a month of data, not a contract
    ("THAI RICE EXPORTS FALL", "January exports fell from 73,164 to 35,910 tonnes.", "January", False),
    (FUTURES, "Coffee imports in January were 1.2 mln bags.", "January", False),
    # a month in no futures story
    ("U.S. JOBLESS RATE STEADY", "February was the third month the rate held at 6.7 pct.", "February", False),
]


@pytest.mark.parametrize("title,sentence,month,session", CASES)
def test_a_contract_month_is_the_session(title, sentence, month, session, resources):
    found = [p for p in find_periods(sentence, REF, res=resources) if p.text == month]
    assert found
    got = contract_month_day(found[0], sentence, 0, title, REF, resources)
    if session:
        assert (got.period_start, got.period_end, got.rule) == (REF, REF, "claims.contract_month.v1")
    else:
        assert got is found[0]
