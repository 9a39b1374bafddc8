"""A deals post's "Buy <product> at <seller> - $278" line: the seller's price (guide 3, a retailer's sale price).

Deals posts list each offer as "Buy Echo Show 5 at Amazon - $45", "Buy WH-1000XM4 at Best Buy - $278", "Buy
Play:5 from Sonos - $499", often several on one line. The price after the dash is the named seller's, not the
product's maker's and not the first seller the line names. The seller must be one of the figure's candidates.
"""
from __future__ import annotations

import re

# "Buy <product> at|on|from <Seller> - " ending right before the figure, on one line
_OFFER = re.compile(r"\bBuy\s+[^\n]{2,80}?\s+(?:at|on|from)\s+(?P<seller>[A-Z][\w&'’.]*(?:\s+[A-Z][\w&'’.]*){0,2})"
                    r"\s+[-–—]\s+$")


def seller_owner(text: str, fig, cands: list, best):
    """The seller of a "Buy X at Seller - $P" offer; else `best`."""
    line_start = text.rfind("\n", 0, fig.start) + 1
    m = _OFFER.search(text, max(line_start, fig.start - 200), fig.start)
    if m is None:
        return best
    s, e = m.span("seller")
    for c in cands:
        if c.start >= 0 and s <= c.start < e:
            return c
    seller = m.group("seller").lower()
    for c in cands:  # one row per entity: its row may stand at another mention ("... at Amazon - $45 ... at Amazon")
        if c.entity.lower() == seller:
            return c
    return best
