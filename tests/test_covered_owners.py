"""A broker's call is the covered company's figure (covered_owners.py, subject_roles.research_employers; guide 3.2).

Rows are shortened dump phrasings (Reuters research-action lists, Market Talk, MT Newswires); the negative rows
are a company's own target or result, which stay its own.
"""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import extract


def _entity(text: str, figure: str, title: str = "") -> str:
    claims, _ = extract(pd.DataFrame([{"id": "t1", "text": text, "title": title, "published": "2025-02-11"}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"]


# (title, text, figure, want)
CALLS = [
    # bugs caught: seed-2020 audit, the broker of a changed call took its target
    ("Danske Bank, HSBC Holdings Plc, IAG",
     "Securities analysts revised their ratings and price targets on several European companies.\n\n"
     "* \\* Aperam : Barclays cuts target price to EUR 27 from EUR 28\n"
     "* \\* Ferrari : Jefferies raises target price to EUR 420 from EUR 400\n"
     "* \\* HSBC Holdings Plc : Barclays raises target price to 940p from 820p", "EUR 27", "Aperam"),
    ("Danske Bank, HSBC Holdings Plc, IAG",
     "Securities analysts revised their ratings and price targets on several European companies.\n\n"
     "* \\* Aperam : Barclays cuts target price to EUR 27 from EUR 28\n"
     "* \\* HSBC Holdings Plc : Barclays raises target price to 940p from 820p", "940p", "HSBC"),
    # the broker is the story's main company: the head picks it over the covered name no list knows
    ("Danske Bank, HSBC Holdings Plc, IAG",
     "Securities analysts revised their ratings and price targets on several European companies including Danske "
     "Bank, HSBC Holdings Plc and IAG on Monday.\n\n"
     "* \\* ABB : HSBC raises target price to CHF 48 from CHF 47\n"
     "* \\* Bankinter : HSBC raises target price to EUR 8.9 from EUR 8.3\n"
     "* \\* HSBC Holdings Plc : Barclays raises target price to 940p from 820p", "EUR 8.9", "Bankinter"),
    ("Amkor Technology Shares Fall After Q4 Results, Guidance",
     "Amkor Technology shares fell 10% after the chip packager issued a weak outlook. After the results, UBS cut its "
     "price target to $27.65 from $32.50, pointing to a soft 2025 outlook.", "$27.65", "Amkor Technology"),
    ("Amkor Technology Shares Fall After Q4 Results, Guidance",
     "Amkor Technology shares fell 10% after the chip packager issued a weak outlook. Morgan Stanley also lowered its "
     "price target to $24 from $26.", "$24", "Amkor Technology"),
    # negative: a company's own target or result, and a broker's own figures
    ("Acme Foods Sets New Goals", "Acme Foods raised its margin target to 12% for 2026.", "12%", "Acme Foods"),
    ("Barclays Profit Rises", "Barclays raised its dividend by 10% after profit rose to 8.1 billion pounds.",
     "8.1 billion pounds", "Barclays"),
]


@pytest.mark.parametrize("title,text,figure,want", CALLS, ids=[r[2] + " " + r[0][:30] for r in CALLS])
def test_a_brokers_call_is_the_covered_companys(title, text, figure, want):
    assert _entity(text, figure, title) == want
