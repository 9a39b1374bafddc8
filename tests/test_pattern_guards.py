"""The cheap exact tests before slow patterns (pipeline/pattern_guards.py) and the lowered scans (pipeline/lowered.py):
each may only spare a pattern a window or a position where it cannot match."""
from __future__ import annotations

import re

import pytest

from pipeline.calendar_grammar import grammar
from pipeline.figure_tables import _PRICE_NOTE
from pipeline.fiscal_owners import _noun_rx
from pipeline.held_amounts import _patterns as held_patterns
from pipeline.lowered import finditer_lowered, lower_pattern, lowered_for_ascii_pattern
from pipeline.pattern_guards import may_match, opening_guard
from pipeline.resources import load_resources

RES = load_resources()

# (pattern, window, whether the pattern matches in it): shortened dump phrasings
WINDOWS = [
    ("price_note", "Prices are in dlrs per bushel", True),
    ("price_note", "PRICES IN DLRS PER BU", True),  # case-insensitive: the literals are looked for lowered
    ("price_note", "Wheat exports rose 1.5 pct in the week", False),
    ("price_note", "paid in dollars for the cargo", False),  # a literal, no match: the pattern still runs
    ("price_note", "in dollar\u017f per bu", True),  # "\u017f" folds to "s" in re, not in lower(): tried
    ("held", "The two investors control around ", True),
    ("held", "Borrowers from the farm credit system hold some ", True),
    ("held", "The company reported revenue of ", False),
    ("held", "asked for clearance to hold ", False),
    ("fiscal", "Debt held by the public now stands at ", True),
    ("fiscal", "Shares of Acme rose ", False),
]


def _pattern(name: str) -> re.Pattern:
    return {"price_note": _PRICE_NOTE, "held": held_patterns(RES)[0], "fiscal": _noun_rx(RES)}[name]


@pytest.mark.parametrize("name, window, matches", WINDOWS)
def test_may_match_never_spares_a_match(name, window, matches):
    rx = _pattern(name)
    assert bool(rx.search(window)) == matches
    if matches:
        assert may_match(rx, window)


@pytest.mark.parametrize("name, window, spared", [
    ("price_note", "Wheat exports rose 1.5 pct in the week", True),
    ("held", "The company reported revenue of ", True),
    ("fiscal", "Shares of Acme rose ", True),
    ("price_note", "paid in dollars for the cargo", False),  # "dollars" is a required literal: tried
])
def test_may_match_spares_a_window_without_the_literals(name, window, spared):
    assert may_match(_pattern(name), window) is not spared


@pytest.mark.parametrize("window, tried", [
    ("Brent crude rose 1.8%", True),
    ("BRENT rose", True),
    ("Shares of Acme rose", False),
])
def test_may_match_reads_a_leading_inline_case_flag(window, tried):
    rx = re.compile(r"(?i)\b(?:brent(?: crude)?|wti)\b")  # metrics.yaml's by-clause names are written so
    assert may_match(rx, window) is tried
    assert tried or rx.search(window) is None


def test_may_match_without_literals_always_tries():
    assert may_match(re.compile(r"\d+"), "no digits here")
    assert may_match(re.compile(r"(?x) a b"), "none")  # verbose: not read


@pytest.mark.parametrize("pattern, guard", [
    (r"\b(?:the\s+)?(?:march|may)\b", "(?=[mt])"),
    (r"(?<![\d.])(?P<y>[12]\d{3})-(?P<m>\d\d)", "(?=[12])"),
    (r"\d{1,2}(?:st|nd|rd|th)", r"(?=[\d])"),
    (r"(?:a|an)?\s+week", r"(?=[\sa])"),
    (r"(?:next)?", ""),  # may match the empty string: no guard
    (r"[^a]b", ""),  # a negated class: not read
    (r".b", ""),
    (r"(?i:q)\d", ""),  # inline flags: not read
])
def test_opening_guard(pattern, guard):
    assert opening_guard(pattern) == guard


SENTENCES = [
    "Revenue rose 12% to $2.4 billion in the fourth quarter ended Dec. 31, 2024, from a year earlier.",
    "The Fed meets on March 18-19 and again on the 30th of April; Q3 FY25 results are due next Tuesday.",
    "CHICAGO, March 3 - Wheat closed 1-1/2 cents higher at 3.02 dlrs a bushel, the 1986/87 season's high.",
    "Shares of Acme (NASDAQ:ACME) fell 3.4% on Friday after the company cut its 2025 outlook to $1.10-$1.20.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_calendar_scanner_guards_change_no_match(text):
    g = grammar(RES)
    def unguard(m: re.Match) -> str:
        return m.group(1) if m.group(2) in g.atom_names else m.group(0)

    unguarded = re.compile(re.sub(r"(\(\?P<(\w+)>)\(\?=\[[^\]]*\]\)", unguard, g.pattern.pattern), re.I)
    assert unguarded.pattern != g.pattern.pattern
    for at in range(len(text)):
        a, b = unguarded.match(text, at), g.pattern.match(text, at)
        assert (a and (a.span(), a.lastgroup, a.groupdict())) == (b and (b.span(), b.lastgroup, b.groupdict()))


def test_lower_pattern_keeps_group_names():
    assert lower_pattern(r"(?P<Seg>Cloud)\s+(?P=Seg)\S") == r"(?P<Seg>cloud)\s+(?P=Seg)\S"


@pytest.mark.parametrize("text", [
    "The company's Cloud division grew; the firm's ADVERTISING unit shrank.",
    "İstanbul-based the Company said",  # a letter lower() changes apart from re: the pattern as written
])
def test_finditer_lowered_gives_the_spans_of_the_pattern(text):
    rx = re.compile(r"\b(?P<seg>cloud|advertising)\s+(?P<noun>division|unit)\b|\bthe company\b", re.I)
    lowered = [(m.span(), m.span("seg")) for m in finditer_lowered(rx, text, lowered_for_ascii_pattern(text))]
    assert lowered == [(m.span(), m.span("seg")) for m in rx.finditer(text)]
