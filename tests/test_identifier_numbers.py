"""Numbers that name are no figures (pipeline/identifier_numbers.py): telephone numbers in real contact-line shapes, a
category's number, and the figures beside them."""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.identifier_numbers import phone_spans


@pytest.mark.parametrize("text, phone", [
    ("CONTACT: INVESTOR AND ANALYST CONTACT\n\n+33 6 47 21 60 49\n", "+33 6 47 21 60 49"),
    ("| tel. +31 6 54 79 82 53 |  |", "+31 6 54 79 82 53"),
    ("Telephone: +1 (604) 694-1730, Fax: +1 (604) 357-1313", "+1 (604) 694-1730"),
    ("Tel: (212) 686-1060", "(212) 686-1060"),
    ("contact Josh Wilson directly at 877-247-4292 or 212-983-9330 (Ext. 1310).", "877-247-4292"),
    ("**Investor Contact:**\n+1-617-307-7503\nir@crisprtx.com", "+1-617-307-7503"),
    ("Tel: +61 8 9322 1587", "+61 8 9322 1587"),
])
def test_contact_numbers_are_phone_numbers(text, phone):
    assert phone in [text[a:b] for a, b in phone_spans(text)]


@pytest.mark.parametrize("text", [
    "Amsterdam AEX Index           931.73      +7.63      +0.83",  # a row of changes
    "| Sing dlr | 1.356 | 1.3553 | -0.07 |",
    "Revenue rose 12% to $2.4 billion in 2024-2025.",
    "The index gained +12 points, 15 points and 20 points over three sessions.",
    "Shares traded between 100-120-140 yen.",
])
def test_figures_are_no_phone_numbers(text):
    assert phone_spans(text) == []


def test_a_contact_block_makes_no_claims_and_the_story_keeps_its_figures():
    # the table makes the story's bare number lines read as rows: the contact lines made 12 claims before
    text = ("Carmila reported net rental income of EUR 370 million for 2024, up 4.6%.\n\n"
            "| Indicator | 2024 | 2023 |\n| --- | --- | --- |\n| Net rental income | 370 | 354 |\n\n"
            "CONTACT: INVESTOR AND ANALYST CONTACT\n\nPierre-Yves Thirion - CFO\n\n+33 6 47 21 60 49\n\n"
            "PRESS CONTACT\n\n+33 7 86 54 40 10\n")
    claims, _ = extract([text], published="2025-02-11")
    assert not [f for f in claims["figure"] if f.lstrip("+").isdigit() and int(f.lstrip("+")) < 100]
    assert {"4.6%", "EUR 370 million", "370", "354"} <= set(claims["figure"])


@pytest.mark.parametrize("text, kept, dropped", [
    ("Eli Lilly sells a treatment for obesity and type 2 diabetes.", [], ["2"]),
    ("The drug is approved in adult Type 2 diabetes patients, and sales rose 12% to $2.1 billion.",
     ["12%", "$2.1 billion"], ["2"]),
    ("Demand for Class 8 vocational vehicles persisted, lifting orders 9%.", ["9%"], ["8"]),
    ("17% were Grade 1 and 1.7% were Grade 2.", ["17%", "1.7%"], ["1", "2"]),
    ("The company secured seven Tier 1 and enterprise deals in Q4.", [], ["1"]),
    # negatives: a quantity after such a word, a level's figure, a count
    ("The Tier 1 capital ratio rose to 13.5%.", ["13.5%"], ["1"]),
    ("The index closed above the 5,000 level for the first time.", ["5,000"], []),
    ("It has 15 stores in the region.", ["15"], []),
])
def test_a_categorys_number_is_no_figure(text, kept, dropped):
    claims, _ = extract([text], published="2025-02-11")
    figures = list(claims["figure"])
    assert all(k in figures for k in kept), figures
    assert not any(d in figures for d in dropped), figures
