"""A bare scaled amount takes the unit the sentence wrote on a scaled amount before it, past a change's percent and
before a verb; a range's unit written once after its second scaled end; a price's move and the level it reached
(issue 17, w26-w27). The table rows are tests/cases/figures.yaml's; the properties vary the words the rules read
from models/lexicons (number_words.yaml `carried_amount_followers`, `move_words`) and the numbers.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.figures import resolve_figures
from pipeline.resources import load_resources

SETTINGS = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
SCALES = {"mln": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
UNITS = {"dlrs": "USD", "stg": "GBP", "marks": "DEM", "tonnes": "tonne", "barrels": "barrel"}
TENTHS = st.integers(11, 9999).map(lambda v: Decimal(v) / 10)


@lru_cache(maxsize=1)
def res():
    return load_resources()


@SETTINGS
@given(TENTHS, TENTHS, st.integers(1, 40), st.sampled_from(sorted(SCALES)), st.sampled_from(["dlrs", "stg", "marks"]),
       st.sampled_from(res().number_words["carried_amount_followers"]))
def test_a_bare_scaled_amount_past_a_percent_takes_the_currency(a, b, pct, scale, cur, follower):
    """"X mln dlrs ..., up N pct to Y mln <verb>": Y is money in the first amount's currency."""
    text = f"Deposits were {a} {scale} {cur} in May, up {pct} pct to {b} {scale} {follower} the bank said."
    figures, _ = resolve_figures(text, res(), "USD")
    got = [(f.value, f.unit) for f in figures]
    assert got[-1] == (b * SCALES[scale], UNITS[cur]), f"{text!r} -> {got}"


@SETTINGS
@given(TENTHS, TENTHS, st.sampled_from(sorted(SCALES)), st.sampled_from(["shares", "units", "subscribers"]))
def test_a_counted_noun_keeps_the_count(a, b, scale, noun):
    text = f"It raised {a} {scale} dlrs, up 5 pct, and sold {b} {scale} {noun}."
    figures, _ = resolve_figures(text, res(), "USD")
    assert figures[-1].unit == "count", f"{text!r} -> {[(f.text, f.unit) for f in figures]}"


ENDS = st.integers(1, 500).flatmap(lambda lo: st.tuples(st.just(lo), st.integers(lo + 1, 10 * lo)))


@SETTINGS
@given(ENDS, st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(UNITS)),
       st.sampled_from(["{a} {s} to {b} {s}", "between {a} {s} and {b} {s}", "{a} {s}-{b} {s}"]))
def test_a_range_writes_its_unit_once_after_the_second_scaled_end(ends, scale, unit, form):
    """Ends of a size (the second at most ten times the first): one range in the unit written once."""
    lo, hi = ends
    text = f"Analysts put the total at {form.format(a=lo, b=hi, s=scale)} {unit} this year."
    figures, _ = resolve_figures(text, res(), "USD")
    got = [(f.low, f.high, f.unit) for f in figures]
    assert got == [(lo * SCALES[scale], hi * SCALES[scale], UNITS[unit])], f"{text!r} -> {got}"


@SETTINGS
@given(st.integers(2, 40), st.integers(2, 40), st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(UNITS)))
def test_a_move_far_below_the_level_it_reached_is_no_range(move, times, scale, unit):
    """"raised the figure two mln to 87 mln tonnes": ends more than ten times apart make no range but a move and
    its level, both in the unit written once."""
    level = move * (10 + times)
    text = f"The council raised the trade figure {move} {scale} to {level} {scale} {unit}."
    figures, _ = resolve_figures(text, res(), "USD")
    got = [(f.low, f.high, f.unit) for f in figures]
    want = [(v * SCALES[scale], v * SCALES[scale], UNITS[unit]) for v in (move, level)]
    assert got == want, f"{text!r} -> {got}"


@SETTINGS
@given(st.integers(1, 99), st.integers(1000, 9999), st.sampled_from(res().number_words["move_words"]))
def test_a_move_then_the_level_it_reached(cents, level, verb):
    """"<move> 12 cts to 18.09 dlrs": two figures, the move and the level, never a range."""
    text = f"The crude {verb} {cents} cts to {Decimal(level) / 100} dlrs a barrel."
    figures, _ = resolve_figures(text, res(), "USD")
    got = [(abs(f.value), f.low == f.high, f.unit) for f in figures]
    assert got == [(Decimal(cents) / 100, True, "USD"), (Decimal(level) / 100, True, "USD")], f"{text!r} -> {got}"
