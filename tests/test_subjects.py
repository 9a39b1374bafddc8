"""The subject step (pipeline/subjects.py): headline subjects, open-vocabulary candidates, the trained head."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline import extract
from pipeline.resources import load_resources
from pipeline.headline_subject import headline_subject
from pipeline.subject_ranker import SubjectHead, choose
from pipeline.subjects import FEATURES, Candidate, clean_name

RES = load_resources()

# headline -> the company it names first (None: it names none); body text where the rule reads it
HEADLINES = [
    # new: modern results headlines
    ("First Quantum Minerals Reports Fourth Quarter 2024 Results", "", "First Quantum Minerals"),
    ("Rexel: Q4 sales & FY 2024 results", "", "Rexel"),
    ("Healthcare Services GAAP EPS of $0.16 misses by $0.04, revenue of $437.8M beats by $3.83M", "", "Healthcare Services"),
    ("Correction: Stora Enso Financial Statement Release 2024: Improved results",
     "In 2024 Stora Enso's sales rose. Stora Enso said the outlook is stable. " * 30, "Stora Enso"),
    ("Imperial Oil Slips in Pre-Market Trade as CEO Corson to Retire in May", "", "Imperial Oil"),
    # a broker's headline is about the company it covers
    ("UBS Raises DoorDash PT to $204", "", "DoorDash"),
    # wire style: the bracketed name, and an upper-case name in the body's case
    ("<OCELOT INDUSTRIES LTD> YEAR LOSS", "", "Ocelot Industries"),
    ("COCA-COLA ENTERPRISES <CCE> SELLS DEBT", "Coca-Cola Enterprises Inc said it sold debt.", "Coca-Cola Enterprises"),
    # a longer name is not cut to a shorter company the gazetteer knows
    ("Delta Galil Q4 sales rise 5%", "", "Delta Galil"),
    # negative: words the story writes in lower case are no name
    ("Top Midday Gainers", "The top gainers at midday were miners.", None),
    ("Fourth Quarter Results", "", None),
]


@pytest.mark.parametrize("title,body,want", HEADLINES, ids=[h[0][:50] for h in HEADLINES])
def test_headline_subject(title, body, want):
    got = headline_subject(title, RES, {}, body)
    assert (got.entity if got is not None else None) == (RES.alias_index[want].name if want in RES.alias_index else want)


@pytest.mark.parametrize("surface,want", [("The Acme Corp's", "Acme"), ("Sionna Therapeutics Inc.", "Sionna Therapeutics"),
                                          ("OCELOT INDUSTRIES LTD", "OCELOT INDUSTRIES"), ("Bank of America", "Bank of America")])
def test_clean_name(surface, want):
    assert clean_name(surface, RES) == want


def _cand(name: str, **features) -> Candidate:
    row = dict.fromkeys(FEATURES, 0.0)
    row.update(features)
    return Candidate(name, name.lower(), "company", "", "name", 0, len(name), tuple(row[k] for k in FEATURES))


def test_choose_takes_the_heads_best_candidate():
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index("rel_poss")] = 3.0
    coef[FEATURES.index("reporter")] = -2.0
    head = SubjectHead(coef, 0.0, FEATURES)
    best, score = choose([_cand("UBS", reporter=1.0, rel_subject=1.0), _cand("DoorDash", rel_poss=1.0)], head)
    assert best.entity == "DoorDash" and score > 0.9
    assert choose([], head) == (None, 0.0)


# sentences whose subject any reader agrees on; the shipped head must get them (issue 15)
SUBJECTS = [
    ("Apple said quarterly revenue rose 12% to $94.9 billion.", "$94.9 billion", "Apple"),
    ("Sionna Therapeutics said it priced its initial public offering at $18 per share.", "$18", "Sionna Therapeutics"),
    ("Gold rose 1% to $2,930 an ounce on Tuesday.", "$2,930", "gold"),
    ("Shares of Carraro India slipped 19 per cent on the BSE on Monday.", "19 per cent", "Carraro India"),
]


@pytest.mark.parametrize("text,figure,want", SUBJECTS, ids=[s[1] for s in SUBJECTS])
def test_shipped_head_reads_clear_subjects(text, figure, want):
    claims, _ = extract([text], published="2025-02-11")
    row = claims[claims["figure"] == figure].iloc[0]
    assert row["entity"] == want, row.to_dict()


def test_a_broker_is_not_the_subject_of_its_price_target():
    claims, _ = extract(["DoorDash shares rose on Tuesday. UBS raised its price target on DoorDash to $204."],
                        published="2025-02-11")
    row = claims[claims["figure"] == "$204"].iloc[0]
    assert row["entity"] == "DoorDash" and row["metric"] == "price_target"


# the wire's brokers and underwriters report, forecast or manage the figures of the company the story is about
BROKER_ROWS = [
    ("SALOMON RAISES CATERPILLAR <CAT> OPINION", "Salomon Brothers raised its opinion of Caterpillar Inc.\n\n"
     "Salomon analyst David Sutliff said he sees 1988 earnings of 3.35 dlrs a share, up from an earlier forecast of "
     "three dlrs for the year.", "three dlrs", "Caterpillar"),
    ("COCA-COLA ENTERPRISES <CCE> SELLS DEBT", "Coca-Cola Enterprises Inc is offering 300 mln dlrs of notes.\n\n"
     "Allen and Co Inc and Merrill Lynch Capital Markets co-managed the two issues, which were each increased from "
     "initial offerings of 250 mln dlrs.", "250 mln dlrs", "Coca-Cola Enterprises"),
]


@pytest.mark.parametrize("title,text,figure,want", BROKER_ROWS)
def test_a_wire_broker_reports_the_storys_company(title, text, figure, want):
    claims, _ = extract(pd.DataFrame([{"id": "b1", "title": title, "text": text, "published": "1987-03-02"}]))
    assert claims[claims["figure"] == figure].iloc[0]["entity"] == want


# a commodity's or currency's figure is its price or rate, unless the clause lays a rate on it (by_subject_kind)
BY_SUBJECT_KIND = [
    ("Brent crude rose 1.8% to $76.56 a barrel on Monday.", "$76.56", "commodity_price"),
    ("The rupee fell 0.2% against the dollar on Monday.", "0.2%", "exchange_rate"),
    ("Trump imposed a 25% tariff on steel imports on Monday.", "25%", None),
    ("India raised import duties on gold to 15% last year.", "15%", None),
]


@pytest.mark.parametrize("text,figure,want", BY_SUBJECT_KIND, ids=[b[1] + " " + b[0][:20] for b in BY_SUBJECT_KIND])
def test_a_things_figure_is_its_price_unless_a_rate_is_laid_on_it(text, figure, want):
    claims, _ = extract([text], published="2025-02-11")
    row = claims[claims["figure"] == figure].iloc[0]
    if want is None:
        assert row["metric"] not in ("commodity_price", "exchange_rate"), row.to_dict()
    else:
        assert row["metric"] == want, row.to_dict()


# a roundup's items: a sentence that names no owner belongs to its own paragraph's company, never to the
# company the article mentions most (issue 16: Market Talk items credited to the column's main name)
ROUNDUP = (
    "Equities Roundup: Market Talk\n"
    "The latest Market Talks covering equities.\n"
    "1839 ET - Brindlewood's bull at Macquarie sees value in the glove maker after its first-half result. "
    "Macquarie raises its target price to A$40.30 and keeps an outperform call on Brindlewood. "
    "Shares are down 2.6% at A$36.79. (analyst@example.com)\n"
    "1831 ET - Macquarie expects a dividend from iron-ore miner Fortescue this month. "
    "Macquarie says the payout ratio rises to 70% of net profit.\n"
    "1828 ET - Kestrel Foods keeps its bull at Macquarie on steady margins. Macquarie retains its call. "
    "Shares are down 1.75% at A$96.07. (analyst@example.com)\n"
)


@pytest.mark.parametrize("figure,want", [("2.6%", "Brindlewood"), ("A$96.07", "Kestrel Foods")])
def test_a_roundup_items_unnamed_figure_is_its_own_paragraphs(figure, want):
    claims, _ = extract([ROUNDUP], published="2025-02-10")
    row = claims[claims["figure"] == figure].iloc[0]
    assert row["entity"] == want, row.to_dict()


def test_a_description_does_not_open_a_paragraph():
    text = "Acme Corp posts higher revenue\nAcme Corp reported results on Monday.\nLondon-based analysts were upbeat. Revenue rose 4% in the quarter.\n"
    claims, _ = extract([text], published="2025-02-10")
    assert list(claims["entity"].str.startswith("Acme")) == [True], claims[["figure", "entity"]]


# a paragraph that opens with a country says where the company works: it is no roundup item of that country
COUNTRY_OPENERS = [
    ("Aker Solutions ASA: Fourth-quarter results\nAker Solutions reported results on Thursday.\n"
     "Norway's offshore fields kept the yards busy. The tender pipeline grew to about NOK 86 billion at year end.\n",
     "NOK 86 billion", "Aker Solutions"),
    ("DOME <DMP> BENEFITS FROM SPECULATION\nDome Petroleum Ltd shares rose on takeover talk.\n"
     "The company has tax credits of 2.5 billion dlrs Canadian (1.9 billion dlrs U.S.). It reported a 1986 loss of "
     "2.2 billion dlrs.\n", "2.2 billion dlrs", "Dome Petroleum"),
]


@pytest.mark.parametrize("text,figure,want", COUNTRY_OPENERS, ids=[c[2] for c in COUNTRY_OPENERS])
def test_a_country_opening_a_paragraph_does_not_take_a_companys_figure(text, figure, want):
    claims, _ = extract([text], published="2025-02-10")
    row = claims[claims["figure"] == figure].iloc[0]
    assert row["entity"] == want, row.to_dict()


def test_a_period_or_a_units_part_in_title_case_is_no_owner():
    text = ("Hooli Reports Results\nHooli said on Monday its results beat forecasts.\n"
            "Fourth Quarter revenue rose 5% to $20 million.\nEach Unit consists of one share priced at $1.50.\n")
    claims, _ = extract([text], published="2025-02-10")
    assert not set(claims["entity"]) & {"Fourth Quarter", "Each Unit"}, claims[["figure", "entity"]]


# an unknown name that ends in an index's noun is an index: its move is its own, not the headline's country's
def test_an_unknown_index_name_owns_its_move():
    text = ("Milan, June 16 - Share prices opened sharply higher, boosted by Italian general election results.\n"
            "The Varese Stock Index was indicated 2.90 pct higher at 0930 GMT as all sectors were stronger. Among "
            "stocks posting early gains was Fiat ordinary, which was indicated 13,090 lire against 12,705.\n")
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": "ITALIAN ELECTION RESULTS BOOST SHARE PRICES",
                                       "published": "1987-06-16"}]))
    row = claims[claims["figure"] == "2.90 pct"].iloc[0]
    assert row["entity"] == "Varese Stock Index", row.to_dict()


# a one-word name that opens its sentence is a name when its shares follow ("Aritzia shares fell 3.1%")
def test_a_sentence_opening_name_before_its_shares_owns_the_move():
    text = ("Toronto Stocks Edge Down; Barrick Gold Jumps\nCanada's main index fell on Tuesday.\n"
            "Brightwell shares fell 3.1% to C$69.79 after the fashion brand said its founder will sell shares.\n")
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": "Toronto Stocks Edge Down; Barrick Gold Jumps",
                                       "published": "2025-02-11"}]))
    row = claims[claims["figure"] == "3.1%"].iloc[0]
    assert row["entity"] == "Brightwell", row.to_dict()
