"""A market move's period is its session, not the reporting period of the news it moved on (pipeline/move_reasons.py);
sentences shortened from the modern dump, the published day fixed."""
from __future__ import annotations

import pytest

from tests.conftest import one_claim

DAY = "2025-02-12"

# text, figure, expected period label
CASES = [
    ("Leidos stock rose 3% after the defense contractor beat expectations for fourth-quarter earnings.", "3%", DAY),
    ("Crocs surges 19% as 4Q results beat estimates.", "19%", DAY),
    ("Hanwha Aerospace jumped 21% after strong 4Q results.", "21%", DAY),
    ("After strong fourth-quarter results, Initech shares jumped 12%.", "12%", DAY),
    ("Mullen Group shares retreated by 6% after headwinds weighed on earnings in the final quarter of 2024.", "6%", DAY),
    ("Hooli's stock fell 4% after the company reported weak January deliveries.", "4%", DAY),
    ("Hooli slid 25% after fourth-quarter earnings.", "25%", DAY),
    # negatives: the move's own span, a base it is measured from, a period no reason word sets apart
    ("Hooli shares rose 25% in the fourth quarter.", "25%", "2024-Q4"),
    ("Hooli shares rose 25% in the fourth quarter, after a weak third quarter.", "25%", "2024-Q4"),
    ("Hooli shares fell 5% in January after weak sales.", "5%", "2025-01"),
    ("As of the fourth quarter of 2024, Hooli's shares had fallen 12% from their high.", "12%", "2024-Q4"),
    ("Globex shares are up 20% since the fourth quarter of 2023.", "20%", "2023-10-01..2025-02-12"),
]


@pytest.mark.parametrize("text, figure, label", CASES, ids=[c[0][:50] for c in CASES])
def test_a_move_takes_its_session_not_its_reasons_quarter(text, figure, label):
    assert one_claim("Stocks", DAY, text, figure).period_label == label
