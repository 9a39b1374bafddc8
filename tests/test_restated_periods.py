"""A headline figure dated by default takes the period its restatement in the lede gives (paragraph_periods)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract

_FLY = "Widget AG (VTX:WDG) Shares Fly 27% But Investors Aren't Buying For Growth"
_SOARS = "Gadget Group AB (publ) (STO:GDG A) Soars 29% But It's A Story Of Risk Vs Reward"

# title, published, lede (the text is the title, a blank line and the lede), expected label of the headline's figure
CASES = [
    # the move's span the lede states
    (_FLY, "2025-02-14", "**Widget AG** (VTX:WDG) shareholders have had their patience rewarded with a 27% share price "
     "jump in the last month. Taking a wider view, the full year gain of 23% is also fairly reasonable.", "past 1 month"),
    ("Acme shares slump 12% as orders dry up", "2025-02-12", "Acme Corp shares have fallen 12% over the past week as "
     "customers cut orders.", "past 1 week"),
    # negatives: an event's amount stays undated though the lede names its day; a lede with no period for the
    # figure, a reporting period rather than a span to date, or two figures it could be, leaves the headline's own
    # reading; a headline naming a period keeps it
    ("Apptronik raises $350M as category heats up", "2025-02-13", "Apptronik on Thursday announced a $350 million "
     "Series A round of financing.", ""),
    ("Hooli Shares Surge 23%, Marking a 70% Growth in Just One Year", "2025-02-07", "Hooli Holdings just made a big "
     "splash with a 23% jump in its stock after reporting a surprise profit for the fiscal second quarter.",
     "2025-02-07"),
    (_SOARS, "2025-02-14", "The Gadget Group share price has done well, posting an excellent gain of 29%.", "2025-02-14"),
    ("Acme shares slump 12% as orders dry up", "2025-02-12", "Acme Corp shares fell 12% on Tuesday and 12% over the "
     "past week.", "2025-02-12"),
    ("Acme shares slump 12% in January", "2025-02-12", "Acme Corp shares have fallen 12% over the past week.", "2025-01"),
]


@pytest.mark.parametrize("title,published,lede,label", CASES)
def test_headline_restated(title, published, lede, label):
    claims, _ = extract(pd.DataFrame([{"text": title + "\n\n" + lede, "published": published, "title": title}]))
    row = claims.sort_values("char_start").iloc[0]
    assert row.period_label == label
