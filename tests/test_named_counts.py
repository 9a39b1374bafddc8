"""Counts named before "to"/"by" and units carried to a prior figure across a few words (issue 17, w23-w24).

"cutting staff to 125 from 300", "the number of robots at Belvidere to 244 from 41" (pipeline/named_counts.py);
"21,404 tonnes of coffee last year, up from 20,602", "load factor was 49 pct, down from 50"
(pipeline/compared_amounts.py). Phrasings are the wire dumps' (Reuters 1987), shortened; the properties vary the
words the rules read from models/lexicons.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.figures import resolve_figures
from pipeline.resources import load_resources

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
# count nouns a share's price is also written after ("its shares rose to 42") take only grouped numbers
SHARE_NOUNS = {"shares", "shrs", "stocks", "units", "warrants"}


@lru_cache(maxsize=1)
def res():
    return load_resources()


def _nouns() -> list[str]:
    return sorted(n for n in res().count_nouns if " " not in n and n.lower() not in SHARE_NOUNS
                  and n.lower() not in res().moved_count_money_words)


@SETTINGS
@given(st.integers(2, 999), st.integers(2, 999), st.sampled_from(_nouns()),
       st.sampled_from(["increase the number of {n} to", "raise its {n} to", "cut the {n} at the unit to",
                        "bring the total number of {n} this year to"]),
       st.sampled_from([" from {}", ", up from {}", " compared with {}"]))
def test_a_number_after_to_counts_the_noun_its_clause_names(a, b, noun, frame, cmp_):
    """Any count noun, named before "to" in the clause: the number after it is a count, and so is the number it is
    compared with."""
    text = f"Acme said it will {frame.format(n=noun)} {a}{cmp_.format(b)} in 1988."
    figures, _ = resolve_figures(text, res(), "USD")
    got = [(f.value, f.unit) for f in figures]
    assert got == [(Decimal(a), "count"), (Decimal(b), "count")], f"{text!r} -> {figures}"


@SETTINGS
@given(st.integers(2, 999), st.sampled_from(["profit", "costs", "revenue", "dividend", "price"]))
def test_no_count_where_the_clause_names_money(a, money):
    text = f"Acme cut its staff {money} by {a} last year."
    figures, _ = resolve_figures(text, res(), "USD")
    assert not [f for f in figures if f.unit == "count"], f"{text!r} -> {figures}"


@SETTINGS
@given(st.integers(100, 99_999), st.integers(100, 99_999).filter(lambda v: not 1800 <= v <= 2099),
       st.sampled_from(["pct", "percent", "tonnes", "dlrs", "barrels"]),
       st.sampled_from(["", " in the week", " of coffee last year", " in 1987"]),
       st.sampled_from(res().number_words["compared_directions"]),
       st.sampled_from([" in 1986.", " a year earlier.", ", the ministry said."]))
def test_a_bare_prior_figure_takes_the_unit_across_a_few_words(a, b, unit, phrase, direction, tail):
    """A level with a unit, a few words of what or when, a word of direction and "from": the bare number takes the
    unit when the two are of a size; no unit when not."""
    text = f"Exports were {a:,} {unit}{phrase}, {direction} from {b:,}{tail}"
    figures, _ = resolve_figures(text, res(), "USD")
    of_a_size = 0.1 <= b / a <= 10
    units = [f.unit for f in figures]
    assert len(figures) == (2 if of_a_size else 1), f"{text!r} -> {figures}"
    assert len(set(units)) == 1 and figures[0].value == Decimal(a), f"{text!r} -> {figures}"
    if of_a_size:
        assert figures[1].value == Decimal(b), f"{text!r} -> {figures}"


def _dens() -> list[str]:
    return sorted(d for d in res().number_words["denominators"] if not d.startswith("hal") and d.endswith("s"))


@SETTINGS
@given(st.integers(2, 9), st.sampled_from(_dens()), st.sampled_from(["its", "the group's", "all", "total", "Acme's"]),
       st.sampled_from(["about ", "more than ", "nearly ", ""]))
def test_a_fraction_of_a_whole_is_its_percent(n, den, whole, hedge):
    """Any numerator word, plural denominator and owner: "two fifths of its sales" is 40 %; a numerator as large as
    the denominator ("three thirds") or quarters other than three ("six quarters of growth": a span) is none."""
    word = next(w for w, v in res().number_words["units"].items() if v == n)
    if n >= res().number_words["denominators"][den] or (den == "quarters" and n != 3):
        text = f"Acme gets {word}-{den} of its revenue from China."
        assert not resolve_figures(text, res(), "USD")[0], text
        return
    text = f"Acme gets {hedge}{word}-{den} of {whole} revenue from China."
    figures, _ = resolve_figures(text, res(), "USD")
    want = Decimal(n) * 100 / Decimal(str(res().number_words["denominators"][den]))
    assert [(f.unit, f.kind) for f in figures] == [("%", "percent")], f"{text!r} -> {figures}"
    assert abs(figures[0].value - want) < Decimal("0.01"), f"{text!r} -> {figures}"


@SETTINGS
@given(st.sampled_from(["a quarter", "half", "a third", "two-thirds"]),
       st.sampled_from(res().number_words["share_fraction_time_nouns"]))
def test_a_fraction_of_a_span_of_time_is_no_share(frac, noun):
    text = f"Sales rose in {frac} of the {noun}."
    figures, _ = resolve_figures(text, res(), "USD")
    assert not [f for f in figures if f.rule == "figures.fraction.share.v1"], f"{text!r} -> {figures}"
