"""Table views: a markdown row as table_cells reads it, and the currency a row's own label names.

Results tables converted to markdown write their cells in ways the cell reader did not take (issue 17, s22):

- the currency sign in a cell of its own, the amount in the next (`| $ | 772,904 |  | $ | (17,167 | ) |`);
- bold markers inside the number (`| **(14,718****)** | **350.9****%** |`);
- the unit in the row's label rather than in a caption above (`| Diluted EPS (in EUR) | 0.03 |`,
  `| Gasoline 97 ($/bbl) | 86.29 | -2.05 |`).

`view` rewrites such a row one character for one character (offsets into the article stay true): the bar
between a lone currency sign and its amount and the bold markers become spaces. `label_currency` reads the
currency a label names in parentheses.

>>> view("| Net sales | $ | 772,904 |  | $ | (17,167 | ) |")
'| Net sales | $   772,904 |  | $   (17,167 | ) |'
>>> view("| **Total** | **(14,718****)** | **350.9****%** |")
'|   Total   |   (14,718    )   |   350.9    %   |'
>>> view("Net sales   $   772,904")
'Net sales   $   772,904'
"""
from __future__ import annotations

import re

from .resources import Resources

# a currency sign alone in a markdown cell, the next cell opening with a number: "| $ | 772,904 |"
_LONE_SIGN = re.compile(r"(?<=\|)([ \t]*[$€£][ \t]*)\|(?=[ \t]*[-(]?[ \t]*\d)")
# "(in EUR)", "($/bbl)", "(US$ per tonne)", "(EUR)": a currency named in a label's parentheses, alone or per unit
_LABEL_UNIT = re.compile(r"\((?:in\s+)?(?P<cur>US\$|U\.S\.\s?\$|[$€£]|[A-Z]{3})\s*(?:(?:/|per\s+)\s*[A-Za-z.]{1,12})?\s*\)")
_SIGNS = {"€": "EUR", "£": "GBP"}


def view(line: str) -> str:
    """The row with each lone currency sign joined to its amount and bold markers blanked (markdown rows only)."""
    if not line.lstrip().startswith("|"):
        return line
    line = _LONE_SIGN.sub(lambda m: m.group(1) + " ", line)
    return line.replace("*", " ")


def label_currency(label: str, res: Resources, dollar: str) -> str:
    """The currency a table row's label names in parentheses ("EPS (in EUR)", "Gasoline 97 ($/bbl)"), or "".

    >>> label_currency("Gasoline 97 ($/bbl)", None, "USD")
    'USD'
    >>> label_currency("Net income (loss)", None, "USD")
    ''
    """
    for m in _LABEL_UNIT.finditer(label):
        cur = m.group("cur")
        if "$" in cur:
            return "USD" if cur.startswith("U") else dollar
        if cur in _SIGNS:
            return _SIGNS[cur]
        if res is not None and cur in res.currencies:
            return cur
    return ""
