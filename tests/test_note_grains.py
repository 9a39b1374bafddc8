"""A wire results story's note dates its amounts by the bare period word after them ("in quarter", "in year"), the
section of the story's table; the amount after "vs" is the year before's (pipeline/note_grains.py)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline import extract

_Q4 = "Shr 10 cts vs 8 cts\nNet 1,000,000 vs 800,000\n"

# title, published, text, figure, expected (start, end), expected modality
CASES = [
    ("OXFORD FIRST CORP <OFC> 4TH QTR NET", "1987-03-16", _Q4 + "NOTE: Net excludes losses from discontinued "
     "operations of 161,000 dlrs vs 66,000 dlrs in quarter and 464,000 dlrs vs 226,000 dlrs in year.",
     "464,000 dlrs", ("1986-01-01", "1986-12-31"), "actual"),
    ("OXFORD FIRST CORP <OFC> 4TH QTR NET", "1987-03-16", _Q4 + "NOTE: Net excludes losses from discontinued "
     "operations of 161,000 dlrs vs 66,000 dlrs in quarter and 464,000 dlrs vs 226,000 dlrs in year.",
     "66,000 dlrs", ("1985-10-01", "1985-12-31"), "historical"),
    # a stated end in the headline puts the quarter and the half on the company's calendar
    ("MACGREGOR SPORTING GOODS INC <MGS>2ND QTR JAN 31", "1987-03-17", "Shr one cent vs nine cts\nNOTE: Net "
     "includes gains of 28,000 dlrs, or one cent a share, vs 61,000 dlrs, or seven cts a share, in quarter and "
     "453,000 dlrs, or seven cts a share, vs 61,000 dlrs, or one cent a share, in half from tax loss carryforwards.",
     "453,000 dlrs", ("1986-08-01", "1987-01-31"), "actual"),
    ("MACGREGOR SPORTING GOODS INC <MGS>2ND QTR JAN 31", "1987-03-17", "Shr one cent vs nine cts\nNOTE: Net "
     "includes gains of 28,000 dlrs, or one cent a share, vs 61,000 dlrs, or seven cts a share, in quarter.",
     "28,000 dlrs", ("1986-11-01", "1987-01-31"), "actual"),
    ("ALTUS BANK <ALTS.O> 3RD QTR NET", "1987-10-19", "Shr 50 cts vs 40 cts\nNOTE: Operating net excludes "
     "extraordinary gains of 231,000 dlrs, or four cts a share, vs 2,657,000 dlrs, or 55 cts a share, in quarter and "
     "1,341,000 dlrs, or 28 cts a share, vs 4,637,000 dlrs, or 95 cts a share, in the nine months.",
     "4,637,000 dlrs", ("1986-01-01", "1986-09-30"), "historical"),
    # the note's subject: "Current qtr"
    ("PEGASUS GOLD INC <PGULF> 4TH QTR NET", "1987-03-05", "Shr 10 cts vs 8 cts\nNOTE: Current qtr includes gain "
     "of 1.1 mln dlrs from tax benefit.", "1.1 mln dlrs", ("1986-10-01", "1986-12-31"), "actual"),
    # a year opening the note: the year before's quarter in an October story
    ("CONVERGENT INC <CVGT.O> 3RD QTR NET", "1987-10-20", "Shr 10 cts vs 8 cts\nNOTE: 1986 net includes tax "
     "credits of 1,646,000 dlrs in quarter and 3,401,000 dlrs in nine mths.", "3,401,000 dlrs",
     ("1986-01-01", "1986-09-30"), "historical"),
    # a note opening with the year before: all its amounts are that year's
    ("VHC LTD <VHCL> 4TH QTR OPER NET", "1987-03-11", _Q4 + "Year-ago excludes losses of 75,809 dlrs or four cts in "
     "qtr and 146,061 dlrs or eight cts in year from discontinued operations.", "146,061 dlrs",
     ("1985-01-01", "1985-12-31"), "historical"),
    ("ACME INC 4TH QTR NET", "1987-03-02", _Q4 + "NOTE: Net excludes investment gains 20,000 dlrs vs 86,000 dlrs in "
     "quarter and 586,000 dlrs vs 195,000 dlrs in year.", "586,000 dlrs", ("1986-01-01", "1986-12-31"), "actual"),
]


@pytest.mark.parametrize("title,published,text,figure,span,modality", CASES)
def test_note_grain(title, published, text, figure, span, modality):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    assert (str(row.period_start), str(row.period_end)) == span
    assert row.modality == modality


def test_first_period_word_only():
    """The first period word after the amount is another one ("in 2nd qtr 1987"): not the bare "six mths" after."""
    text = ("Shr 10 cts vs 8 cts\nNote: oper data does not include extraordinary gain of 28,000 dlrs, or one ct per "
            "shr, in 2nd qtr 1987 or 118,000 dlrs, or four cts per shr, in six mths.")
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "1987-06-18",
                                       "title": "APPLIED SOLAR ENERGY CORP <SOLR.O> 2ND QTR NET"}]))
    first = claims[claims.figure == "28,000 dlrs"].iloc[0]
    half = claims[claims.figure == "118,000 dlrs"].iloc[0]
    assert (str(half.period_start), str(half.period_end)) == ("1986-10-01", "1987-03-31")
    assert (first.period_start, first.period_end) != (half.period_start, half.period_end)


@pytest.mark.parametrize("title,published,text,figure", [
    # a forecast "in the quarter" is the coming quarter, not the table's
    ("ARVIN <ARV> SES FLAT 1ST QTR RESULTS", "1987-03-31", "Arvin said it might earn 57 cts to 60 cts a share in the "
     "quarter.", "57 cts to 60 cts"),
    # amounts paired with their periods by "respectively"
    ("REPUBLIC PICTURES CORP <RPICA> 4TH QTR LOSS", "1987-03-30", _Q4 + "Note: Current qtr and year figures exclude "
     "losses from discontinued operations of 303,000 dlrs, or seven cts per share and 354,000 dlrs, or nine cts per "
     "share, respectively.", "354,000 dlrs"),
])
def test_note_grain_left_alone(title, published, text, figure):
    from pipeline.figures import resolve_figures
    from pipeline.note_grains import note_period
    from pipeline.resources import load_resources

    res = load_resources()
    fig = next(f for f in resolve_figures(text, res)[0] if f.text == figure)
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    row = claims[claims.figure == figure].iloc[0]
    if row.modality == "forecast":
        return  # claim_dating leaves a forecast to its own reading
    period, _ = note_period(fig, text, (text.rfind("\n", 0, fig.start) + 1, len(text)), title,
                            date.fromisoformat(published), 12, res)
    assert period is None


def test_prose_story_untouched():
    """A story with no upper-case wire headline keeps its own dating of "in the year"."""
    from pipeline.figures import resolve_figures
    from pipeline.note_grains import note_period
    from pipeline.resources import load_resources

    text = "It booked a charge of $40 million in the year."
    res = load_resources()
    fig = next(f for f in resolve_figures(text, res)[0] if f.text == "$40 million")
    for title, found in (("Hooli Q4 results", False), ("HOOLI INC 4TH QTR NET", True)):
        period, _ = note_period(fig, text, (0, len(text)), title, date(2025, 2, 13), 12, res)
        assert (period is not None) == found

