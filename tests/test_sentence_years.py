"""A results figure its clause dates by no period takes the one year its sentence writes elsewhere after a
preposition of time ("net income increased to $143.4 million, or diluted EPS of $2.81, in 2024"), not its company's
quarter; not a year set against it, one a comparison word stands between, nor one long before or after the story
(sentence_years.py). Shortened dump phrasings."""
from __future__ import annotations

import pytest

from conftest import one_claim

_Q4 = "Hooli Reports Strong Fourth Quarter and Full Year 2024 Results"
_Q4_ONLY = "Hooli Reports Fourth Quarter 2024 Results"

# title, published, text, the figure as written, expected period label
CASES = [
    (_Q4, "2025-02-11", "Hooli reported fourth-quarter results. Hooli's net income increased to $143.4 million, or "
     "diluted EPS of $2.81, in 2024, compared to $137.2 million, or diluted EPS of $2.69, in 2023.", "$143.4 million",
     "2024"),
    (_Q4, "2025-02-11", "Hooli reported fourth-quarter results. Hooli's net income increased to $143.4 million, or "
     "diluted EPS of $2.81, in 2024, compared to $137.2 million, or diluted EPS of $2.69, in 2023.", "$2.81", "2024"),
    ("Most Gulf markets gain on earnings", "2025-02-10", "Hooli Water posted fourth-quarter results. Hooli Water posted "
     "a standalone net profit of 8.01 billion dirhams ($2.18 billion) for 2024, up from 7.82 billion dirhams a year "
     "earlier.", "8.01 billion dirhams", "2024"),
    ("Hooli posts annual profit miss", "2025-02-13", "Hooli's fourth-quarter sales fell. The Belgium-based company "
     "reported an adjusted net profit of 255 million euros ($267 million) for 2024, while analysts were expecting "
     "it to reach 266 million euros.", "255 million euros", "2024"),
    ("Markets Darken", "2018-10-31", "Hooli reported third-quarter results. Meanwhile, revenue is expected to rise to "
     "$68 billion in 2018, up nearly 23 percent.", "23 percent", "2018"),
    # negatives: a year a comparison word puts on the base, a year set against, one years before the story
    (_Q4_ONLY, "2025-02-11", "Hooli reported fourth-quarter results.\n\n* Revenues of $2.85 billion, comparable to $2.80 "
     "billion in 2023.", "$2.85 billion", "2024-Q4"),
    (_Q4_ONLY, "2025-02-11", "Hooli reported fourth-quarter results. Operating income rose to $9 million, the company, "
     "founded in 1998, said.", "$9 million", "2024-Q4"),
    (_Q4_ONLY, "2025-02-11", "Hooli filed its fourth-quarter report.\n\n* **Net Income:** $43.4 "
     "million, a decrease due to the absence of a gain on the sale of real estate which was present in 2022.",
     "$43.4 million", "2024-Q4"),
]


@pytest.mark.parametrize("title,published,text,figure,label", CASES)
def test_sentence_year(title, published, text, figure, label):
    assert one_claim(title, published, text, figure).period_label == label


def test_an_amount_in_brackets_after_another_takes_no_sentence_year():
    """"EBIT was EUR -51 million (EUR -100 million) in 2024": the bracketed amount is the year before's (or a
    conversion), never the year the sentence writes for the amount before it."""
    claim = one_claim("Hooli financial statements release 2024", "2025-02-11", "Hooli reported fourth-quarter results. "
                      "EBIT was EUR -51 million (EUR -100 million) in 2024.", "EUR -100 million")
    assert claim.period_label != "2024"
