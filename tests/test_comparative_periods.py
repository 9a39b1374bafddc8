"""A bare prior-period comparative in brackets in prose ("EUR 723.7 million (808.8)", comparatives.py) is the figure
it follows a year earlier, historical (claim_dating._comparative); and each claim says which dating step set its
period (Claim.period_route), a field no table holds."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.records import Article, claim_row
from pipeline.resources import load_resources
from pipeline.runner import process_article

_Q4 = ("Hooli Oyj Financial Statements Release 2024\n\nOctober-December 2024\n\n"
       "* Revenue decreased by 11% to EUR 723.7 million (808.8) due to the divestment of Oil & Gas.\n"
       "* Group net sales totaled EUR 122.2 (115.7) million, an increase of 5.6%.\n"
       "* Earnings per share, basic was EUR 0.08 (0.17).\n\n"
       "January-December 2024\n\n"
       "* Operative EBITDA for the full year 2024 decreased by 12% to EUR 585.4 million (666.7).\n")
_YEAR = ("Hooli Oyj reported its results for 2024 today.\n\n"
         "The company's net sales from continuing operations in 2024 increased by 7.4 per cent to EUR 1,001.8 (933.0) "
         "million.\n")

# text, title, figure, expected (period_start, period_end, modality)
CASES = [
    (_Q4, "Hooli Q4 2024 results", "808.8", ("2023-10-01", "2023-12-31", "historical")),
    (_Q4, "Hooli Q4 2024 results", "115.7", ("2023-10-01", "2023-12-31", "historical")),
    (_Q4, "Hooli Q4 2024 results", "0.17", ("2023-10-01", "2023-12-31", "historical")),
    (_Q4, "Hooli Q4 2024 results", "666.7", ("2023-01-01", "2023-12-31", "historical")),
    (_YEAR, "Hooli 2024 results", "933.0", ("2023-01-01", "2023-12-31", "historical")),
    # negatives: the current figures keep their own period; a figure in brackets that writes its own unit is no
    # comparative (nor is a restatement in another currency: test_restatement_is_no_comparative)
    (_Q4, "Hooli Q4 2024 results", "EUR 723.7 million", ("2024-10-01", "2024-12-31", "actual")),
    (_YEAR, "Hooli 2024 results", "EUR 1,001.8", ("2024-01-01", "2024-12-31", "actual")),
    ("Hooli Oyj reported its results for 2024 today.\n\nThe gross margin was 40.2% (38.5%) in 2024.",
     "Hooli 2024 results", "38.5%", ("2024-01-01", "2024-12-31", "actual")),
]


def _claims(text: str, title: str):
    a = Article(article_id="t", doc="t", text=text, published=date(2025, 2, 11), title=title)
    return process_article(a, load_resources()).claims


@pytest.mark.parametrize("text,title,figure,expected", CASES)
def test_comparative_period(text, title, figure, expected):
    got = [c for c in _claims(text, title) if c.figure == figure]
    assert got, [c.figure for c in _claims(text, title)]
    c = got[0]
    assert (str(c.period_start or ""), str(c.period_end or ""), c.modality) == expected


def test_restatement_is_no_comparative():
    claims = {c.figure: c for c in _claims("Hooli Corp expects a net profit of 234 billion yen ($1.54 billion) in 2025.",
                                           "Hooli outlook")}
    yen, usd = claims["234 billion yen"], claims["$1.54 billion"]
    assert usd.period_route == "restated"
    assert (usd.period_start, usd.period_end, usd.modality) == (yen.period_start, yen.period_end, yen.modality)


def test_period_route_says_the_step_and_stays_out_of_the_tables():
    claims = {c.figure: c for c in _claims(_Q4, "Hooli Q4 2024 results")}
    assert claims["808.8"].period_route == "comparative"
    assert claims["EUR 723.7 million"].period_route.startswith("report:")
    assert "period_route" not in claim_row(claims["808.8"])


# the scale written once, after the comparative, belongs to both figures (Nordic releases); text, figure, value
SCALE_CASES = [
    ("Group net sales totaled EUR 122.2 (115.7) million, an increase of 5.6%.", "EUR 122.2", 122.2e6),
    ("Group net sales totaled EUR 122.2 (115.7) million, an increase of 5.6%.", "115.7", 115.7e6),
    ("Adjusted EBIT was EUR 121 (51) million.", "EUR 121", 121e6),
    ("Net sales were SEK 25,960 (50,169) thousand in the quarter.", "50,169", 50_169e3),
    ("Revenue reached NOK 44 (39) billion.", "NOK 44", 44e9),
    # a scale written with the current figure is its own; the comparative takes it, as before
    ("Revenue decreased by 11% to EUR 723.7 million (808.8).", "808.8", 808.8e6),
    # no scale after the brackets: both figures as written
    ("Earnings per share, basic was EUR 0.08 (0.17).", "EUR 0.08", 0.08),
    # a footnote marker is no comparative, and the figure keeps its value
    ("Revenue was $50.2 million (1) in the quarter.", "$50.2 million", 50.2e6),
]


@pytest.mark.parametrize("text,figure,value", SCALE_CASES)
def test_scale_after_comparative(text, figure, value):
    got = [c for c in _claims(text, "Hooli Q4 2024 results") if c.figure == figure]
    assert got, [c.figure for c in _claims(text, "Hooli Q4 2024 results")]
    assert got[0].value == pytest.approx(value)
