"""A dividend whose text names no period takes the payout its words or its story name (dividend_periods.py): the
fiscal year for one proposed, final or total, the second half for a year-end one, the quarter under way for one
declared now in a story that pays quarterly; other dividends keep their reading."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline import extract
from pipeline.dividend_periods import dividend_period
from pipeline.figures import resolve_figures

_QUARTERLY = "\n\n* Hooli Inc (NYSE:HOO) declares $0.20/share quarterly dividend, 5.3% increase from prior dividend of $0.19."

# title, published, text, figure, expected period label
CASES = [
    # proposed, final or total: the fiscal year ending nearest the story
    ("Hooli financial statements release 2024", "2025-02-13", "Hooli Oyj's adjusted EBITDA rose to EUR 177 million. "
     "Therefore, the Board of Directors is proposing a dividend of EUR 0.26 per share, to be paid in two installments.",
     "EUR 0.26", "2024"),
    ("Hooli Bank Q4 2024 and the full-year 2024 results", "2025-02-12", "* The Board proposes a dividend payment of "
     "ISK 11.5 per share, equivalent to around ISK 16bn.", "ISK 11.5", "2024"),
    ("Hooli Bank Q4 2024 and the full-year 2024 results", "2025-02-12", "The board of directors of Hooli Bank will "
     "propose at the AGM on 12 March that a dividend be paid amounting to ISK 11.5 a share.", "ISK 11.5", "2024"),
    ("Hooli profit rises", "2025-02-13", "Hooli Plc also launched an up to 1 billion pound share buyback and declared "
     "a total dividend of 8.4 pence.", "8.4 pence", "2024"),
    # year-end: the second half of the fiscal year ending nearest the story (Japanese years end in March)
    ("Hooli Financial Holdings' Nine-Month Profit Jumps 20%", "2025-02-12", "Hooli Financial Holdings said nine-month "
     "net profit rose 20% to 24.1 billion yen. It forecasted year-end dividend of 45 yen per share.", "45 yen",
     "FY2025-H2"),
    ("Hooli Holdings' Nine-Month Profit Climbs 56%", "2025-02-12", "Hooli Holdings said nine-month net profit rose "
     "56%. The company expects to pay a year-end dividend of 35.00 yen per share, bringing the total to 70.00 yen per "
     "share for the fiscal year.", "70.00 yen", "FY2025"),
    # declared now in a story whose payout is quarterly: the quarter under way, as the body's quarterly dividend
    ("Hooli raises dividend by 5.3% to $0.20", "2025-02-10", "Hooli raises dividend by 5.3% to $0.20" + _QUARTERLY,
     "$0.20", "2025-Q1"),
    ("Hooli declares $0.10 dividend", "2025-02-12", "Hooli declares $0.10 dividend\n\n* Hooli Inc declares "
     "$0.10/share quarterly dividend, in line with previous.", "$0.10", "2025-Q1"),
    ("Hooli Board Declares Distribution on Common Stock", "2025-02-14", "Hooli Inc today announced that its Board "
     "declared a quarterly cash distribution. The distribution of $0.45 per share is payable March 31, 2025 to "
     "stockholders of record on March 7, 2025.", "$0.45", "2025-Q1"),
    # negatives: a dividend by the year or a one-off in a quarterly story, a story paying monthly, a prior dividend,
    # a dividend of no kind its words or story settle keep their reading (the story's latest quarter, or none)
    ("Hooli raises dividend", "2025-02-12", "Hooli Inc raised its quarterly dividend to 19.5 cts. It raised its "
     "annual dividend to 78 cts a year.", "78 cts", ""),
    ("Hooli declares special dividend", "2025-02-12", "Hooli Inc declared a special dividend of $1.50 per share, "
     "payable in March to holders of record, on top of its regular quarterly dividend.", "$1.50", "2024-Q4"),
    ("Hooli raises dividend by 5.3% to $0.20", "2025-02-10", "Hooli raises dividend by 5.3% to $0.20" + _QUARTERLY,
     "$0.19", "2024-Q4"),
    ("Hooli REIT declares distribution", "2025-02-12", "Hooli REIT declares $0.10 dividend\n\n* Hooli REIT declares "
     "$0.10/share monthly distribution; its quarterly dividend was cut in 2023.", "$0.10", "2024-Q4"),
    ("Hooli announces new dividend", "2025-02-12", "Hooli Ltd has announced a new dividend distribution of AUD 0.25 "
     "per share for its ordinary fully paid shares.", "AUD 0.25", ""),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_dividend_period(title, published, text, figure, label):
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    rows = claims[claims.figure == figure].sort_values("char_start")
    assert not rows.empty, list(claims.figure)
    assert rows.iloc[0].period_label == label


def test_a_total_paid_out_is_no_quarterly_rate(resources):
    """A dividend written with a scale word is a total paid out, not the rate a share a quarterly story declares."""
    text = "The company paid dividends of $1.2 billion."
    fig = next(f for f in resolve_figures(text, resources)[0] if f.text == "$1.2 billion")
    args = (fig, text, (0, len(text)), "dividend", "actual", date(2025, 2, 12), 12, True, resources)
    assert dividend_period(*args, scaled=True) == (None, "")
    assert dividend_period(*args, scaled=False)[0].label == "2025-Q1"
