"""A calendar week's days: a price's move takes the week's sessions (Monday to Friday, "this week" to the
published day); a weekly stocks report's week runs Saturday to Friday; a move "this quarter" or "this month" runs to the
published day."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import find_periods
from pipeline.figures import resolve_figures
from pipeline.week_spans import current_to_date, trading_week

CASES = [
    # sentence, the figure as written, its metric, published, (start, end) expected or None (kept)
    ("Nationwide U.S. crude inventories dropped by 878,000 barrels last week, according to analysts.",
     "878,000 barrels", "other", date(2019, 11, 27), (date(2019, 11, 16), date(2019, 11, 22))),
    ("U.S. natural gas in underground storage fell by 100 billion cubic feet last week to 2,297 Bcf.",
     "100 billion cubic feet", "other", date(2025, 2, 13), (date(2025, 2, 1), date(2025, 2, 7))),
    ("Crude inventories grew last week by 2.2 million barrels, the Energy Information Administration said.",
     "2.2 million barrels", "other", date(2019, 11, 15), (date(2019, 11, 2), date(2019, 11, 8))),
    ("Shares of Reliance Power and Reliance Infrastructure have crashed almost 60 percent this week.",
     "60 percent", "price_change", date(2019, 2, 8), (date(2019, 2, 4), date(2019, 2, 8))),
    ("Shares of the electric-vehicle company fell 10% last week.", "10%", "price_change", date(2025, 2, 10),
     (date(2025, 2, 3), date(2025, 2, 7))),
    ("The stock has gained 4% this week.", "4%", "price_change", date(2019, 2, 6),
     (date(2019, 2, 4), date(2019, 2, 6))),
    # a week the text bounds itself, or no price nor stocks report
    ("Shares rose 3% in the week ended Wednesday.", "3%", "price_change", date(2019, 2, 8), None),
    ("The company hired 500 workers last week.", "500", "employees_change", date(2019, 2, 8), None),
]


@pytest.mark.parametrize("sentence,written,metric,published,want", CASES)
def test_a_week_is_its_sessions_or_its_report_week(sentence, written, metric, published, want, resources):
    figs = [f for f in resolve_figures(sentence, resources)[0] if f.text == written]
    assert figs, [f.text for f in resolve_figures(sentence, resources)[0]]
    periods = find_periods(sentence, published, res=resources)
    assert periods
    period = periods[-1]
    got = trading_week(period, figs[0], sentence, (0, len(sentence)), metric, published, resources)
    if want is None:
        assert got is period
    else:
        assert (got.period_start, got.period_end) == want and got.rule == "claims.week_span.v1"


TO_DATE = [
    # sentence, its metric, modality, published, (start, end) expected or None (kept)
    ("* HubSpot Inc shares had risen by 12.6% this quarter.", "price_change", "actual", date(2025, 2, 12),
     (date(2025, 1, 1), date(2025, 2, 12))),
    ("Gold has gained 9% so far this month.", "commodity_price", "actual", date(2025, 2, 12),
     (date(2025, 2, 1), date(2025, 2, 12))),
    ("The rupee has weakened 1.2% in the current quarter.", "exchange_rate", "actual", date(2019, 8, 20),
     (date(2019, 7, 1), date(2019, 8, 20))),
    # a forecast, a flow, a quarter the text names, or one that has ended: kept
    ("Analysts see the stock rising 5% this quarter.", "price_change", "forecast", date(2025, 2, 12), None),
    ("Acme's revenue rose 5% this quarter.", "revenue_growth", "actual", date(2025, 2, 12), None),
    ("Acme shares fell 3% in the first quarter.", "price_change", "actual", date(2025, 2, 12), None),
    ("Acme shares fell 3% in the first quarter.", "price_change", "actual", date(2025, 4, 12), None),
]


@pytest.mark.parametrize("sentence,metric,modality,published,want", TO_DATE)
def test_a_move_this_quarter_runs_to_date(sentence, metric, modality, published, want, resources):
    period = find_periods(sentence, published, res=resources)[-1]
    got = current_to_date(period, metric, modality, published, resources)
    if want is None:
        assert got is period
    else:
        assert (got.period_start, got.period_end) == want and got.rule == "claims.current_to_date.v1"
