"""A headline's company name written in a form its words alone misread (pipeline/headline_subject.py, guide 3.10).

Four rule families, each from the dumps' headlines (shortened): a wire headline in capitals whose name joins
its words with "OF", "DE" or "AND" ("BANK OF JAPAN": title-cased word by word it was "Bank Of Japan", in no
list and no body, and only "Bank" was left); a name followed by a comma and its legal form ("Air T, Inc.
Reports ...": the legal form was read as a name of its own, "Inc"); a legal form glued to the name's last
word where a feed dropped "Co.,Ltd."'s punctuation ("Idemitsu KosanLtd"); a function word before the name
("Why Comcast (CMCSA) Stock ...", "Here's When Apple's ..." were "Why Comcast" and "Here"). Each has negative rows.
"""
from __future__ import annotations

import pytest

from pipeline.resources import load_resources
from pipeline.headline_subject import headline_subject
from pipeline.subjects import clean_name

RES = load_resources()


def _name(want):
    """The gazetteer's name for `want`; "=Nasdaq" is that name as written (the company, not the index its alias is)."""
    if want is not None and want.startswith("="):
        return want[1:]
    return RES.alias_index[want].name if want in RES.alias_index else want


# (headline, body, want)
WIRE_JOINERS = [
    # bugs caught: reuters21578 headlines whose topic was "Bank", "House", "Helen"
    ("BANK OF JAPAN TO SELL 500 BILLION IN BILLS", "The Bank of Japan will sell bills to the market.", "Bank of Japan"),
    ("BANK OF ENGLAND INVITES BORROWING AT 10 PCT", "The Bank of England invited the discount houses to borrow.",
     "Bank of England"),
    ("BANK OF CEYLON TO ADOPT NEW POLICIES", "The state-owned Bank of Ceylon will adopt new policies.",
     "Bank of Ceylon"),
    ("HOUSE OF FABRICS <HF> SEES RESULTS IMPROVING", "House of Fabrics Inc said results will improve.",
     "House of Fabrics"),
    ("CREDIT FONCIER DE FRANCE ISSUES 150 MLN ECU BOND", "Credit Foncier de France is issuing a bond.",
     "Credit Foncier de France"),
    ("FRUIT OF THE LOOM OFFERS DEBENTURES, NOTES", "Fruit of the Loom Inc said it is offering debentures.",
     "Fruit of the Loom"),
    # negative: no joining word inside the name; a joining word that opens no name
    ("GM <GM> OUTPUT FELL LAST MONTH", "General Motors Corp said output fell.", "General Motors"),
    ("HARPER GROUP <HARG> 4TH QTR NET", "Shr 42 cts vs 30 cts.", "Harper Group"),
    ("PERU MOVES CLOSER TO DEBT ACCORD", "Peru's finance minister said talks went well.", "Peru"),
]

LEGAL_FORMS = [
    # bugs caught: modern-2025 headlines whose topic was "Inc"
    ("Air T, Inc. Reports Third Quarter Fiscal 2025 Results",
     "Air T, Inc. is an industrious American company with a portfolio of businesses, each of which is independent "
     "yet interrelated. We seek dynamic individuals and teams to operate companies.", "Air T"),
    ("Healthcare Services Group, Inc. Reports Q4 2024 Results",
     "Healthcare Services Group, Inc., a leader in managing housekeeping, laundry, dining, and nutritional services "
     "within the healthcare industry, has released its financial results.", "Healthcare Services Group"),
    ("Nasdaq, Inc. Announces Cash Tender Offers for Up to $200 Million Outstanding Debt Securities",
     "Nasdaq, Inc. (\"Nasdaq\") announced cash tender offers for its notes. The Nasdaq Composite rose.", "=Nasdaq"),
    # negative: a list of names; a clause's comma; a legal form with no comma
    ("Stocks to Watch Today: Infosys, Wipro, Titan, Lupin", "Stocks to watch.", None),
    ("In Japan, Toyota Sales Rise", "Toyota sales rose.", "Japan"),
    ("Azenta, Inc. SEC 10-Q Report", "Azenta, Inc., a leading provider of life sciences solutions, has released its "
     "Form 10-Q report.", "Azenta"),
]

GLUED_LEGAL_FORMS = [
    # bugs caught: simplywall headlines whose topic kept "Ltd" glued on
    ("Idemitsu KosanLtd Third Quarter 2025 Earnings: EPS: JP¥21.16 (vs JP¥52.80 in 3Q 2024)",
     "Idemitsu KosanLtd (TSE:5019) Third Quarter 2025 Results", "Idemitsu Kosan"),
    ("Hangzhou Huasu TechnologyLtd (SZSE:301157) Might Be Having Difficulty Using Its Capital Effectively",
     "Hangzhou Huasu TechnologyLtd's returns on capital are low.", "Hangzhou Huasu Technology"),
    # negative: "Corp" glued on is a name's own ending
    ("Hero MotoCorp faces challenges as market share declines, leaders quit",
     "Hero MotoCorp's market share fell.", "Hero MotoCorp"),
    ("GrainCorp Sees Higher Fiscal 2025 Underlying Earnings", "GrainCorp said earnings would rise.", "GrainCorp"),
]


# a function word opening a headline opens no name (subjects.yaml `headline_not_openers`): bugs caught, modern and
# Yahoo headlines whose topic was "Why", "Here", "What", "Watch", "This"
FUNCTION_OPENERS = [
    ("Why Comcast (CMCSA) Stock Lacks the Moat Charlie Munger Demands", "Comcast's broadband lost subscribers.",
     "Comcast"),
    ("Here's When Apple's Next Big Event Will Take Place", "Apple will hold its event in March.", "Apple"),
    ("What Does Korn Ferry's (NYSE:KFY) Share Price Indicate?", "Korn Ferry (NYSE:KFY) shares rose 3%.", "Korn Ferry"),
    ("Watch live: Powell testifies before Senate Banking Committee", "Federal Reserve Chair Jerome Powell testifies.",
     "Powell"),
    ("This recently listed stock tanks 20% on weak Q3; down 25% from issue price", "The stock fell 20%.", None),
    # negative: a name that holds or follows such a word
    ("WhatsApp Adds Payments in India", "WhatsApp said payments are live.", "WhatsApp"),
    ("Meta Reports Fourth Quarter Results", "Meta said revenue rose.", "Meta"),
    ("Buy Brightline Logistics; target of Rs 900: Kotak", "Brightline Logistics grew.", "Brightline Logistics"),
]

ROWS = WIRE_JOINERS + LEGAL_FORMS + GLUED_LEGAL_FORMS + FUNCTION_OPENERS


@pytest.mark.parametrize("title,body,want", ROWS, ids=[r[0][:50] for r in ROWS])
def test_headline_name_form(title, body, want):
    got = headline_subject(title, RES, {}, body)
    assert (got.entity if got is not None else None) == _name(want)


@pytest.mark.parametrize("surface,want", [("Idemitsu KosanLtd", "Idemitsu Kosan"), ("IbidenLtd", "Ibiden"),
                                          ("Federal Industries Ltd", "Federal Industries"),
                                          ("Hero MotoCorp", "Hero MotoCorp"), ("SoftBank Corp", "SoftBank")])
def test_clean_name_cuts_a_glued_legal_form(surface, want):
    assert clean_name(surface, RES) == want
