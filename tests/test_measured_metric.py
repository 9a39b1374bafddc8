"""A figure's metric from the noun it measures (pipeline/measures.py) and from a quote's clause
(claims.metric_by_clause): one expected metric <- many phrasings, and negatives that must keep the
cues' metric. Sentences written for these tests (issue 15), none from the yardstick or the seeds.
"""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.errors import ModelsError
from pipeline.measures import compile_measures, measured_noun
from pipeline.resources import load_resources

# (text, figure, metric)
MEASURED_NOUN = [
    # the subject of a move is a count or a cost, not a stock: other, whatever verb moves it
    ("Tour operator Hooli said package holiday customer numbers rose 18% in the winter season.", "18%", "other"),
    ("Initech Corp said the number of its stores in Spain grew by about 12% last year.", "12%", "other"),
    ("Initech Corp said operating expenses rose 9% in the quarter.", "9%", "other"),
    ("Output at Globex Corp's smelters fell 4.5% in March.", "4.5%", "other"),
    ("Industrial production in Freedonia increased 2.1 pct in January.", "2.1 pct", "other"),
    ("Freedonia's coffee exports dropped 11% from a year earlier.", "11%", "other"),
    # an amount tied to a line that is no vocabulary metric
    ("Initech Corp said net income includes gains of $3.2 million from asset sales.", "$3.2 million", "other"),
    ("Initech Corp said selling and administrative expenses were $214 million.", "$214 million", "other"),
    ("Gross profit for the period was $61.3 million at Initech Corp.", "$61.3 million", "other"),
    ("Initech Corp's results include a tax credit of 410,000 dlrs.", "410,000 dlrs", "other"),
    # an actor changes the noun: "raise prices by 4%" is no share move
    ("Initech Corp plans to raise its subscription prices by about 4% next month.", "4%", "other"),
    # the noun the figure modifies or is "of": a note or loan is debt, a rate before paper its coupon
    ("Globex Corp repaid its $750,000 promissory note to a lender.", "$750,000", "debt"),
    ("Initech Corp arranged a $300 million term loan with three banks.", "$300 million", "debt"),
    ("Freedonia sold 4 billion euros of five-year bonds at the auction.", "4 billion euros", "debt"),
    ("Initech Corp priced $500 million of 6.25% senior notes due 2032.", "6.25%", "interest_rate"),
    ("Globex Corp redeemed its 8-1/2 pct convertible subordinated debentures due 2009.", "8-1/2 pct", "interest_rate"),
    ("Freedonia's 10-year bond was quoted at par with a 3.9% coupon.", "3.9%", "interest_rate"),
    # a volume or shipments in percent are units sold, a count of deliveries too
    ("Initech Brewing said volume dropped 3.4% in the Americas.", "3.4%", "units_sold"),
    ("Globex Mining expects its iron ore shipments to rise as much as 6% next year.", "6%", "units_sold"),
]

# a high or low a stock set is its price
HIGHS = [
    ("Initech Corp shares touched a new 52-week high of $212.40 on Monday.", "$212.40", "share_price"),
    ("Globex Corp is up 9% from its 52-week closing low of $31.05.", "$31.05", "share_price"),
    ("Initech Corp hit an all-time high of Rs 1,480.5 on Thursday.", "Rs 1,480.5", "share_price"),
    ("Initech Corp rose to a record high of 3,120 yen.", "3,120 yen", "share_price"),
]
HIGHS_NEGATIVE = [
    # a commodity's high is its price
    ("Spot gold hit a record high of $2,950 an ounce.", "$2,950", "commodity_price"),
]
MEASURED_NOUN += [
    ("Analysts expected gross bookings of $4.4 billion at Hooli Rides.", "$4.4 billion", "other"),
    ("Hooli Market's gross merchandise volume grew 12% to $22 billion.", "$22 billion", "other"),
]

# the cues' metric stands: no noun ties the figure to something else
MEASURED_NEGATIVE = [
    ("Initech Corp's revenue rose 18% in the quarter.", "18%", "revenue_growth"),
    ("Initech Corp shares rose 4% on Tuesday.", "4%", "price_change"),
    # "notes" is what a yield is on, not the figure's paper: the yield stands
    ("Yields on 10-year notes were at 4.2% on Monday.", "4.2%", "bond_yield"),
    # a noun that is a preposition's object is not the clause's subject
    ("Its sales of 90,000 tonnes of output in 1986 amounted to 12 billion pesetas at Initech Corp.",
     "12 billion pesetas", "revenue"),
    # "despite rising costs" follows the figure but is not what it modifies
    ("Initech Corp's revenue grew 7% despite rising costs.", "7%", "revenue_growth"),
    # "volume" of a stock's trading in shares is no units sold
    ("Initech Corp closed up 2 at 41 on volume of 2.3 mln shares.", "2.3 mln", "trading_volume"),
]

# a quote's clause names the commodity or quotes by the unit though its subject is an exchange, a contract
# or "futures": the commodity's price
COMMODITY_CLAUSE = [
    ("Futures slipped 0.6% in New York after a two-day rally.", "0.6%", "commodity_price"),
    ("Henry Hub natural gas futures rose 3% to $3.20 per million Btu.", "3%", "commodity_price"),
    ("Futures were up 0.3% at $2,410.50 a troy ounce in early trade.", "$2,410.50", "commodity_price"),
    ("Most-active soybeans on the CBOT were down 1.2% on Friday.", "1.2%", "commodity_price"),
    ("The Nordic power contract for next quarter was at 31.4 euros per megawatt hour.", "31.4 euros", "commodity_price"),
]

COMMODITY_NEGATIVE = [
    # a stock market's words: a share move or an index move, whatever commodity the clause names
    ("Initech Corp's shares rose 3% as copper futures climbed.", "3%", "price_change"),
    # a company's own move needs a quote marker, not a commodity's name
    ("Oil major Initech Corp fell 2% in London.", "2%", "price_change"),
    ("S&P 500 futures rose 0.4% before the open.", "0.4%", "price_change"),
    # a tariff on the thing is no price of it
    ("Freedonia imposed a 25% tariff on steel imports.", "25%", "other"),
]


def _metric(text: str, figure: str) -> str:
    claims, _ = extract([text], published="2025-02-12")
    rows = claims[claims["figure"] == figure]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric']].to_dict('records')}"
    return rows.iloc[0]["metric"]


@pytest.mark.parametrize("text, figure, metric", MEASURED_NOUN + MEASURED_NEGATIVE,
                         ids=[c[0][:60] for c in MEASURED_NOUN + MEASURED_NEGATIVE])
def test_the_noun_a_figure_measures_names_its_metric(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", HIGHS + HIGHS_NEGATIVE, ids=[c[0][:60] for c in HIGHS + HIGHS_NEGATIVE])
def test_a_high_or_low_a_quote_set_is_its_price(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", COMMODITY_CLAUSE + COMMODITY_NEGATIVE,
                         ids=[c[0][:60] for c in COMMODITY_CLAUSE + COMMODITY_NEGATIVE])
def test_a_quotes_clause_names_the_commodity(text, figure, metric):
    assert _metric(text, figure) == metric


@pytest.mark.parametrize("before, after, kind, metric", [
    ("customer numbers rose ", " in may", "percent", "other"),
    ("costs have been ", "", "word_change", "other"),  # "costs have been flat"
    ("the $5 billion purchase of ", "", "money", None),
    ("it has ", " of notes outstanding", "money", "debt"),
    ("it has ", " of notes outstanding", "percent", None),  # a share of the notes, no coupon: "7% notes" is one
])
def test_measured_noun_reads_the_clause_around_the_figure(before, after, kind, metric):
    res = load_resources()
    kinds = {name: spec.kinds for name, spec in res.metrics.items()}
    assert measured_noun(res.measures, before, after, kind, kinds) == metric


@pytest.mark.parametrize("nouns, detail", [
    ({"revenu": ["sales"]}, "names no metric"),
    ({"other/cash": ["fee"]}, "names no figure kind"),
    ({"other": ["Fees"]}, "lower-case phrases"),
])
def test_a_bad_noun_table_stops_the_load(nouns, detail):
    data = {"nouns": nouns, "modified_nouns": {"other": ["note"]}, "move_verbs": ["rose"], "set_verbs": ["cut"],
            "links": ["of"], "change_nouns": ["rise"], "qualifiers": ["about"], "not_modifiers": ["to"]}
    with pytest.raises(ModelsError, match=detail):
        compile_measures(data, ["revenue"], lambda d, v: ModelsError("E005", f"measures.yaml: {d} (valid: {v})"))
