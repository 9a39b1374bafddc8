"""A level stated at a period's end is a point on its last day (CLAIM_LABELING_GUIDE.md 6: "at the end of the
quarter" is the quarter's last day); "at year-end" with no year is the story's fiscal year end; a move, a flow and a
word change keep their span."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import find_periods
from pipeline.figures import resolve_figures
from pipeline.period_ends import at_report_end, end_day

PUB = date(2025, 2, 10)
CASES = [
    # sentence, the figure as written, metric, modality, the day expected (None: the period is kept)
    ("The company had about $368 million on hand at the end of 2024 and 170 full-time employees.", "$368 million",
     "cash", "actual", date(2024, 12, 31)),
    ("Kacholia, who held a 1.73 percent stake in Balu Forge at the close of December 2024, has raised it.",
     "1.73 percent", "ownership_pct", "actual", date(2024, 12, 31)),
    ("As of December 31, 2024, Theraclion had a cash balance of €4.1 million, down from €5.9 million at end June 2024.",
     "€5.9 million", "cash", "historical", date(2024, 6, 30)),
    ("The company's net leverage decreased to 2.2x by year-end 2024.", "2.2x", "other", "actual", date(2024, 12, 31)),
    ("Sparx Group reported assets under management of 1.929 trillion yen at the end of January, down 6.8 bln.",
     "1.929 trillion yen", "assets", "actual", date(2025, 1, 31)),
    ("In 9M FY25, the company's net debt was reduced to Rs 740 crore, compared to Rs 1,160 crore at the end of FY24.",
     "Rs 1,160 crore", "debt", "historical", date(2024, 3, 31)),
    ("My calculations point to a price of $148.5/share by the end of this year.", "$148.5", "share_price", "forecast",
     date(2025, 12, 31)),
    ("The order backlog remains solid at NOK 61 billion and the tender pipeline grew to about NOK 86 billion at "
     "year end.", "NOK 86 billion", "other", "actual", date(2024, 12, 31)),
    ("James O'Sullivan highlighted that client assets grew by 24%, reaching $480 billion by year-end, driven by core "
     "business.", "$480 billion", "assets", "actual", date(2024, 12, 31)),
    ("Van Eck stated that SOL could reach $500 by year-end.", "$500", "commodity_price", "forecast", date(2025, 12, 31)),
    ("The company's cash and equivalents fell to 299 mln dlrs at year end from 430 mln dlrs at year end 1985.",
     "430 mln dlrs", "cash", "historical", date(1985, 12, 31)),
    ("Its common equity tier 1 ratio stood at 13.6% at the end of the year, within its target range.", "13.6%",
     "other", "actual", date(2024, 12, 31)),
    ("Auto loan balances rose by $11 billion and stood at $1.66 trillion at the end of the year.", "$1.66 trillion",
     "other", "actual", date(2024, 12, 31)),
    ("The bank expects the ratio to reach 14% at the end of the year.", "14%", "other", "forecast", date(2025, 12, 31)),
    ("Its stake climbed 19% in the first three months of the year to 59.5 million shares valued at $6.02 billion at "
     "the end of the quarter.", "$6.02 billion", "stake_value", "actual", date(2024, 3, 31)),
    ("Aggregate exposure to Argentina, Brazil, Mexico and Venezuela was almost four billion dlrs at year-end 1986.",
     "four billion dlrs", "other", "actual", date(1986, 12, 31)),
    ("First City said its nonperforming assets nearly doubled last year to 347 mln dlrs at year-end.", "347 mln dlrs",
     "assets", "actual", date(2024, 12, 31)),
    # a move, a flow, a word change, a since-bound, a base before the phrase, an average: kept
    ("Current assets at year-end fell to 2.41 billion dlrs from 4.43 billion dlrs.", "4.43 billion dlrs", "assets",
     "historical", None),
    ("Reserve holdings fell 300 mln marks to 51.9 billion marks at the end of February, averaging 51.2 billion over "
     "the month.", "51.2 billion", "stake_value", "actual", None),
    ("MicroStrategy shares are down around 26% since their last peak at the end of November last year.", "26%",
     "price_change", "actual", None),
    ("The 10 meds stand to generate a whopping $29 billion in annual sales by the end of the decade.", "$29 billion",
     "revenue", "forecast", None),
    ("CoreWeave plans to double its data centers from 30 at the end of 2024 to 60 in 2025.", "double", "other",
     "forecast", None),
    ("Client assets grew by 24% at the end of 2024.", "24%", "assets", "actual", None),
    ("Lee Enterprises identified $40 million in cost reductions to be executed by the end of the second quarter.",
     "$40 million", "other", "actual", None),
]


@pytest.mark.parametrize("sentence,written,metric,modality,want", CASES)
def test_a_level_at_a_periods_end_is_its_last_day(sentence, written, metric, modality, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text.startswith(written)]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    fig = figs[0]
    periods = find_periods(sentence, PUB, 3 if "FY" in sentence else 12, res=resources)
    after = [p for p in periods if p.start >= fig.end]
    before = [p for p in periods if p.end <= fig.start]
    period = after[0] if after else before[-1] if before else None  # the clause's period, after the figure first
    got = end_day(period, fig, sentence, 0, len(sentence), metric, modality, PUB, 12, resources)
    if want is None:
        assert got is period
    else:
        assert got is not None and (got.period_start, got.period_end) == (want, want)
        assert got.rule == "claims.period_end_day.v1"


REPORT_END = [
    # sentence, the figure as written, metric, whether it takes the report period's last day
    ("The company maintained a cash balance of $4.8 million at the end of the quarter.", "$4.8 million", "cash", True),
    ("Equity stood at NOK 5.9 billion at quarter-end, equivalent to NOK 22 per share.", "NOK 5.9 billion", "other",
     True),
    ("Total assets under management stayed at above $1T at the end of the quarter.", "$1T", "assets", True),
    ("Revenue was $40 million at the end of the quarter.", "$40 million", "revenue", False),
    ("Cash fell by $2 million at the end of the quarter.", "$2 million", "cash", False),
]


@pytest.mark.parametrize("sentence,written,metric,want", REPORT_END)
def test_a_level_at_the_end_of_the_quarter_takes_the_report_periods_end(sentence, written, metric, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text.startswith(written)]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    assert at_report_end(figs[0], sentence, 0, len(sentence), metric, resources) is want
