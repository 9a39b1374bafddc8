"""A commodity's price is the commodity's the sentence names (`pipeline/commodity_prices.py`, guide 3).

Rows are shortened from the dumps' market wraps and Market Talk items (seed 2222 audit), where a price sentence
with no company took the headline's topic, the paragraph's opener or a country; the negative rows have a
company that sets the price, or name the commodity only after the figure (a grade's differential to it).
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(title: str, text: str, figure: str) -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-12"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


WRAP = ("Asian stocks were mixed as investors weighed trade talks and the Federal Reserve.\nCurrencies\nThe yen was "
        "steady at 108.65 per dollar.\nBonds\nThe yield on 10-year Treasuries dipped one basis point to 2.07% Friday.\n"
        "Commodities\nWest Texas Intermediate crude fell 0.3% to $56.04 a barrel.Gold was up 0.1% to $1,420.07 an ounce.")
TALK = ("1455 ET - Consumer credit rose 5.8% in December. The data exclude loans backed by real estate. "
        "(mat.grossman@wsj.com, @mattgrossman)\n\n1510 ET - Gold briefly climbs to new intraday highs over $2,900 a troy "
        "ounce following economic data early in the session, before ending up 0.4% to $2,867.30 an ounce. It's the "
        "second-highest ever close.")
INDIA = ("Higher benchmark rates make emerging markets, including India, less attractive. Trump's moves could also "
         "strengthen the US dollar. The dollar index rose 0.3 per cent to 108.3. The rupee hit an all-time intraday low "
         "against the dollar, trading at 87.47. Investors also moved money to safer assets, causing gold prices to rise "
         "by 1.54 per cent to $2,905 per ounce in international trading.")

# (title, text, figure, want)
OWNED = [
    ("Stocks Look Mixed With Trade Talks, Fed in Focus: Markets Wrap", WRAP, "$56.04", "WTI crude"),
    ("U.S. Stocks Fall as Job Growth Slows — Market Talk", TALK, "$2,867.30", "gold"),
    ("U.S. Stocks Fall as Job Growth Slows — Market Talk", TALK, "0.4%", "gold"),
    ("Markets fall as US fires fresh trade salvo; Sensex down 548 points", INDIA, "1.54 per cent", "gold"),
]

KEPT = [
    # a company that sets the price owns it
    ("TEXACO RAISES CRUDE POSTINGS", "NEW YORK, March 4 - Texaco Inc raised its posted price for West Texas "
     "Intermediate crude by 50 cents to 17.50 dlrs a barrel.", "50 cents to 17.50 dlrs", "Texaco"),
]


@pytest.mark.parametrize("title,text,figure,want", OWNED, ids=[f"{r[2]}-{r[3]}" for r in OWNED])
def test_a_commodity_price_is_the_commodity_s(title, text, figure, want):
    assert _entity(title, text, figure) == want


@pytest.mark.parametrize("title,text,figure,want", KEPT, ids=[r[3] for r in KEPT])
def test_a_price_a_company_sets_stays_the_company_s(title, text, figure, want):
    assert _entity(title, text, figure) == want


def test_a_grade_s_differential_to_a_benchmark_named_after_it_is_not_the_benchmark_s():
    text = ("Physically traded domestic crude grades broadly rose on Monday, dealers said.\n"
            "* Mars Sour (WTC-MRS) rose 5 cents to a midpoint of a $1.20 premium and was seen bid and offered between "
            "a $1.10 and $1.30 a barrel premium to U.S. crude futures")
    assert _entity("Grades rise as domestic refining demand grows", text, "$1.30") != "WTI crude"


def _cand(entity: str, kind: str, start: int, before: bool = True):
    from pipeline.subjects import FEATURES, Candidate

    f = [0.0] * len(FEATURES)
    f[FEATURES.index("before")] = 1.0 if before else 0.0
    return Candidate(entity, entity.lower().replace(" ", "-"), kind, "", "common", start, start + len(entity), tuple(f))


def _mention(entity: str, kind: str, start: int, source: str = "title"):
    from pipeline.records import Mention

    return Mention(entity, start, start + len(entity) if start >= 0 else -1, entity, entity.lower().replace(" ", "-"),
                   kind, source=source)


# bugs caught (seed 2222 audit, the owner each figure had): (subject, candidates, want)
# "Gold briefly climbs ... before ending up 0.4% to $2,867.30" under "U.S. Stocks Fall ... — Market Talk"
# "causing gold prices to rise by 1.54 per cent" in an Indian wrap whose paragraph opened with India
# "West Texas Intermediate crude fell 0.3% to $56.04" under "Stocks Look Mixed ..., Fed in Focus"
OWNER_ROWS = [
    (_mention("United States", "country", -1), [_cand("gold", "commodity", 5)], "gold"),
    (_mention("India", "country", 40, "name"), [_cand("India", "country", 40), _cand("gold", "commodity", 90)], "gold"),
    (_mention("Federal Reserve", "regulator", -1), [_cand("WTI crude", "commodity", 0)], "WTI crude"),
    # negative: a company named in the sentence sets its price; the commodity named only after the figure ("a $1.20
    # premium to U.S. crude futures"); two commodities; a group as written
    (_mention("Texaco", "company", 20, "gazetteer"), [_cand("Texaco", "company", 20), _cand("WTI crude", "commodity", 60)],
     "Texaco"),
    (_mention("Intercontinental Exchange", "company", -1, "main"), [_cand("WTI crude", "commodity", 150, before=False)],
     "Intercontinental Exchange"),
    (_mention("United States", "country", -1), [_cand("Brent crude", "commodity", 0), _cand("WTI crude", "commodity", 60)],
     "United States"),
    (_mention("oil sector", "group", 4, "group"), [_cand("crude oil", "commodity", 4)], "oil sector"),
]

# a country written as the commodity's owner keeps a figure read as its price (a harvest's progress, exports)
OWNED_CROPS = [("Brazil's soybean harvest was 41 pct complete by May 2, the ministry said.", "Brazil", "soybean"),
               ("French soft wheat exports to other European Community countries fell 18 pct", "French", "wheat")]


@pytest.mark.parametrize("text,place,crop", OWNED_CROPS, ids=[r[0][:40] for r in OWNED_CROPS])
def test_a_country_s_own_crop_stays_the_country_s(text, place, crop):
    from pipeline.commodity_prices import commodity_price_owner
    from pipeline.resources import load_resources

    subject = _mention(place, "country", text.index(place), "name")
    cands = [_cand(place, "country", text.index(place)), _cand(crop, "commodity", text.index(crop))]
    assert commodity_price_owner(subject, "commodity_price", cands, text, load_resources()).entity == place

# a miner's own realized price stays the miner's (seed 2323: "| Net realized gold price1,2 (per oz) | $2,545 |")
REALIZED = "| Net realized gold price1,2 (per oz) | $2,545 |  | $2,383 |\n| Average LBMA cash price (per oz) | $2,664 |"


@pytest.mark.parametrize("at,want", [(REALIZED.index("gold"), "First Quantum Minerals"),
                                     (REALIZED.index("LBMA"), "LBMA")])
def test_a_realized_price_is_the_company_s(at, want):
    from pipeline.commodity_prices import commodity_price_owner
    from pipeline.resources import load_resources

    name = REALIZED[at:at + 4]
    got = commodity_price_owner(_mention("First Quantum Minerals", "company", -1), "commodity_price",
                                [_cand(name, "commodity", at)], REALIZED, load_resources())
    assert got.entity == want


# an exchange rate read as a body's or the discourse's: the one currency the sentence names before it (seed 2323)
# "The dollar was being quoted at 6.0950/70 francs" under "BANK OF FRANCE BUYS DOLLARS, SELLS YEN - DEALERS";
# "The yen was flat at 107.61 per dollar after depreciating 0.3%" in an Asia wrap
RATE_ROWS = [
    (_mention("Banque de France", "regulator", -1), [_cand("U.S. dollar", "currency", 4)], "U.S. dollar"),
    (_mention("Asia", "country", -1), [_cand("yen", "currency", 4)], "yen"),
    # negative: two currencies before the figure ("The euro was a touch higher at $1.1227 while the dollar rose")
    (_mention("Asia", "country", -1), [_cand("euro", "currency", 4), _cand("U.S. dollar", "currency", 50)], "Asia"),
]


@pytest.mark.parametrize("subject,cands,want", OWNER_ROWS, ids=[f"{r[0].entity}-{r[2]}" for r in OWNER_ROWS])
def test_commodity_price_owner(subject, cands, want):
    from pipeline.commodity_prices import commodity_price_owner

    assert commodity_price_owner(subject, "commodity_price", cands).entity == want
    assert commodity_price_owner(subject, "revenue", cands).entity == subject.entity  # a price only


@pytest.mark.parametrize("subject,cands,want", RATE_ROWS, ids=[f"{r[0].entity}-{r[2]}" for r in RATE_ROWS])
def test_an_exchange_rate_is_the_currency_s(subject, cands, want):
    from pipeline.commodity_prices import commodity_price_owner

    assert commodity_price_owner(subject, "exchange_rate", cands).entity == want
