"""A change set by a year still to come runs from the base year's start to the target year's end
(CLAIM_LABELING_GUIDE.md: growth over several years); a level the year is a deadline for keeps the year."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import find_periods
from pipeline.figures import resolve_figures
from pipeline.target_years import target_span

CASES = [
    # sentence, the figure as written, published, fiscal year end month, (start, end) expected or None (kept)
    ("The company had earlier announced plans to double its turnover to Rs 20,000 crore by 2030.", "double",
     date(2025, 2, 10), 3, (date(2024, 4, 1), date(2030, 3, 31))),
    ("Achieved over 33% reduction in total Scope 1 and Scope 2 emissions compared to the 2021 baseline, creating "
     "additional progress towards our goal of 50% reduction in GHG emissions by 2030;", "50%",
     date(2025, 2, 10), 12, (date(2021, 1, 1), date(2030, 12, 31))),
    ("They were each given about one pct growth until 1991.", "one pct", date(1987, 3, 2), 12,
     (date(1987, 1, 1), date(1991, 12, 31))),
    ("PPL aims to achieve net-zero carbon emissions by 2050, with interim targets of a 70% reduction by 2035.",
     "70%", date(2025, 2, 12), 12, (date(2025, 1, 1), date(2035, 12, 31))),
    ("Lattice CEO Ford Tamer sees 15% to 20% growth by 2026.", "15% to 20%", date(2025, 2, 12), 12,
     (date(2025, 1, 1), date(2026, 12, 31))),
    ("The new goals include an up to 5% decrease in energy use by 2027.", "5%", date(2025, 2, 12), 12,
     (date(2025, 1, 1), date(2027, 12, 31))),
    ("Japan is prepared to double defense spending by 2027.", "double", date(2025, 2, 8), 12,
     (date(2025, 1, 1), date(2027, 12, 31))),
    # a level the deadline is for keeps the year
    ("Modi's target is to more than double the share of natural gas to 15 per cent of India's energy mix by 2030.",
     "15 per cent", date(2025, 2, 10), 12, None),
    ("Apple predicts total App Store subscriptions will top 500 million by 2020, up from 360 million now.",
     "500 million", date(2019, 3, 1), 12, None),
    # a change in a year that is no deadline
    ("Rio forecasts its iron ore shipments to rise as much as 5% in 2020.", "5%", date(2019, 12, 1), 12, None),
    # a deadline already past
    ("Revenue grew 12% by 2018, the company said.", "12%", date(2019, 3, 1), 12, None),
]


@pytest.mark.parametrize("sentence,written,published,fy_end,want", CASES)
def test_a_change_by_a_target_year_spans_to_it(sentence, written, published, fy_end, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text == written]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    fig = figs[0]
    periods = [p for p in find_periods(sentence, published, fy_end, res=resources) if p.start >= fig.end]
    assert periods
    period = periods[-1]
    got = target_span(period, fig, sentence, (0, len(sentence)), (0, len(sentence)), published, fy_end, resources)
    if want is None:
        assert got is period
    else:
        assert (got.period_start, got.period_end) == want and got.rule == "claims.target_span.v1"
