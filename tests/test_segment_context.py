"""Segment context (pipeline/segment_context.py): a debt instrument the story named before, taken up by a definite
reference in the figure's sentence; and phrasings that must name none."""
import pytest

from pipeline.resources import load_resources
from pipeline.segment_context import referred_instrument

RES = load_resources()


def referred(story: str, figure: str) -> str:
    at = story.index(figure)
    return referred_instrument(story, story.rfind("\n", 0, at) + 1, at, RES)


@pytest.mark.parametrize("story, figure, expected", [
    # a word every issue has: the story's first instrument
    ("LONDON, March 19 - British Land Co Plc <BLND.L> convertible eurobond issued yesterday has been raised to 33 mln "
     "stg.\nThe coupon has been fixed at 7.50 pct and the conversion price at 248 pence.", "7.50 pct",
     "convertible eurobond"),
    ("LONDON - Societe Generale is issuing a 15 billion yen bond due April 21, 1992 carrying a coupon of 4-1/2 pct for "
     "the first four years.\nIn the fifth year, the coupon rises to 7-1/2 pct but the bond is callable.", "7-1/2 pct",
     "15 billion yen bond due April 21, 1992"),
    ("NEW YORK - Acme Inc is raising 600 mln dlrs through offerings of 10-year notes and debentures due 2017.\n"
     "Two banks co-managed the two issues, which were each increased from initial offerings of 250 mln dlrs.",
     "250 mln dlrs", "10-year notes"),
    # the instrument's own noun: its first mention with a name
    ("HONG KONG - Goodman Fielder is planning a 100 mln U.S. Dlr multi-option note issuance facility, BT Asia said.\n"
     "The facility is underwritten up to 75 mln dlrs at a maximum of 17.5 basis points over Libor.", "75 mln dlrs",
     "Dlr multi-option note issuance facility"),
    ("HONG KONG - ANZ is planning a 100 mln Australian dlr Euro-commercial paper program, its arranger said.\n"
     "Under the program, notes in denominations of 100,000 dlrs will be issued.", "100,000 dlrs",
     "100 mln Australian dlr Euro-commercial paper program"),
    ("ROME - The Treasury will offer 9,500 billion lire of six-month bills at a base price of 95.35 pct.\n"
     "The bills replace maturing paper worth 23,442 billion lire.", "23,442 billion lire", "six-month bills"),
    # no instrument named before, or none named by a debt's words, or no definite reference
    ("Acme said its board approved a new share repurchase program.\nUnder the program, it may buy up to 5 mln shares.",
     "5 mln", ""),
    ("The issue emerged this March following reports that the data of up to 87 million users were harvested.",
     "87 million", ""),
    ("Acme sold 200 mln dlrs of convertible debentures.\nIts shares rose 5 pct to 20 dlrs.", "5 pct", ""),
    ("Acme plans a 100 mln dlr eurobond.\nThe bond market yields fell to 7.1 pct.", "7.1 pct", ""),
])
def test_referred_instrument(story, figure, expected):
    assert referred(story, figure) == expected


def test_reference_a_clause_away_names_none():
    story = ("Acme is selling 100 mln dlrs of convertible debentures.\nConcurrent with the debenture offering, Acme said "
             "it plans to sell 30 mln dlrs of debentures to Fuji Co Ltd, which currently owns about 30 pct of the company.")
    assert referred(story, "30 pct") == ""
