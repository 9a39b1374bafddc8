"""Moved counts after a change's percent: "car sales were off 15.5 pct to 109,174 from 129,242" (issue 17, w22).

The grouped number a change moved to, with the change's percent written between the verb and "to", counts what the
clause's subject names, and the number it is compared with takes the count (carried_counts). Phrasings are the wire
dumps' (Reuters 1987), shortened.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.figures import resolve_figures
from pipeline.resources import load_resources

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def res():
    return load_resources()


def _counts(text: str) -> list[tuple[str, Decimal]]:
    figures, _ = resolve_figures(text, res(), "USD")
    return [(f.text, f.value) for f in figures if f.unit == "count"]


@pytest.mark.parametrize("text, expected", [
    ("Ford said car sales in the March 11-20 period were off 15.5 pct to 109,174 from 129,242 a year earlier.",
     [("109,174", 109174), ("129,242", 129242)]),
    ("Domestic car sales for the period fell 42.5 pct to 1,572 from 2,734 cars in the same period last year.",
     [("1,572", 1572), ("2,734", 2734)]),
    ("Equity options contracts climbed 81.3 pct to 217,127 from 119,738 a year ago.",
     [("217,127", 217127), ("119,738", 119738)]),
    ("Total contracts increased 90.6 pct to 1,196,731 compared to 627,895 in March 1986.",
     [("1,196,731", 1196731), ("627,895", 627895)]),
    ("Truck sales were up 46 pct to 6,360 in the period.", [("6,360", 6360)]),
    ("Registrations rose by 12 pct to 14,385 last month.", [("14,385", 14385)]),
])
def test_a_grouped_number_a_change_moved_to_after_its_percent_is_a_count(text, expected):
    assert _counts(text) == [(t, Decimal(v)) for t, v in expected]


@pytest.mark.parametrize("text", [
    "Net profit rose 12 pct to 241,000 from 198,000.",  # money with its currency unwritten
    "Its revenues were up 8.8 pct to 45,015 in the quarter.",
    "Sales rose 12 pct to 1,190 dlrs a tonne from 1,060 dlrs.",  # the sentence names money
    "Output rose 4.2 pct to 1,450 in 1986 and earnings rose 12 pct to 4.5 mln dlrs.",
    "The rate rose 0.5 pct to 7.25, dealers said.",  # no thousands group: not a count
])
def test_no_count_where_the_change_moves_money_or_a_small_bare_number(text):
    figures, _ = resolve_figures(text, res(), "USD")
    assert not [f for f in figures if f.rule == "figures.count.moved.v1"], figures


@SETTINGS
@given(st.integers(1_000, 9_999_999), st.integers(1_000, 9_999_999),
       st.sampled_from(sorted(res().moved_count_change_words)),
       st.sampled_from(["1.5 pct", "12 pct", "81.3 percent", "9.6%", "by 4 pct"]),
       st.sampled_from(["Car sales", "Housing starts", "Unit shipments", "The number of jobless"]),
       st.sampled_from([" from {}", " compared with {}", ", versus {}"]))
def test_a_change_word_its_percent_and_to_make_the_level_a_count(a, b, word, pct, subject, cmp_):
    """Any listed change word, percent form and subject with no money: the level is a count, and so is the number
    it is compared with."""
    text = f"{subject} {word} {pct} to {a:,}{cmp_.format(f'{b:,}')} a year earlier."
    figures, _ = resolve_figures(text, res(), "USD")
    got = [(f.value, f.unit) for f in figures if f.unit == "count"]
    assert got == [(Decimal(a), "count"), (Decimal(b), "count")], f"{text!r} -> {figures}"
