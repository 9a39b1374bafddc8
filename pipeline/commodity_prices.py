"""A commodity's price is the commodity's where the sentence names it: "Gold was up 0.1% to $1,420.07 an ounce"
under "Stocks Look Mixed With Trade Talks, Fed in Focus" is gold's, not the Fed's (guide 3: "the commodity for a
commodity price").

The subject step reads such a figure's owner from word order and the discourse, and a price sentence with no
company often took the headline's topic, the paragraph's opening name or a country ("Investors also moved money
to safer assets, causing gold prices to rise by 1.54 per cent to $2,905" in an Indian market wrap: India). Where
the figure is read as a commodity price, its subject is not named in the sentence or is a place or body (no
company setting its price: "Texaco raised its posted price"), and the sentence names one commodity before the
figure (not "a $1.20 premium to U.S. crude futures", a grade's differential), that commodity owns it, unless a
word before its name makes the price the company's own ("Net realized gold price": subjects.yaml `own_price_words`). The mirror of `commodity_countries` (a commodity's volumes are its country's).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .resources import Resources
from .subjects import FEATURES
from .word_patterns import listed

RULE = "commodity_prices.v1"

_NOT_SETTERS = frozenset({"country", "regulator", "index"})  # kinds that set no commodity's price
_BEFORE = FEATURES.index("before")


@lru_cache(maxsize=4)
def _own_price(res: Resources) -> re.Pattern:
    """subjects.yaml `own_price_words`, a whole word just before the commodity's name."""
    return re.compile(r"\b(?:" + listed(res.subject_words["own_price_words"]) + r")\s+$", re.I)


_OWNER_GAP = re.compile(r"(?:['’]s?)?(?:\s+[a-z]+)?\s+")  # "Brazil's ", "French soft ": a place that owns the crop

_QUOTED = {"commodity_price": "commodity", "exchange_rate": "currency"}  # the metric -> the kind that owns it


def commodity_price_owner(subject: Mention | None, metric: str, cands: list, text: str = "",
                          res: Resources | None = None) -> Mention | None:
    """The one commodity the sentence names, for a commodity price read as a place's, a body's or the discourse's
    (and the one currency, for an exchange rate: "The dollar was being quoted at 6.0950/70 francs" under "BANK OF
    FRANCE BUYS DOLLARS" is the dollar's); else `subject`."""
    kind = _QUOTED.get(metric)
    if kind is None or subject is None or subject.source == "group":
        return subject  # "The oil sector will represent about 40% of the economy": the group as written
    named = {c.entity_id: c for c in cands if c.kind == kind and c.start >= 0 and c.features[_BEFORE]}
    if len(named) != 1 or subject.entity_id in named:
        return subject
    c = next(iter(named.values()))
    if res is not None and _own_price(res).search(text, max(0, c.start - 25), c.start):
        return subject  # "Net realized gold price (per oz) | $2,545": the miner's own
    in_sentence = any(x.start >= 0 and x.entity_id == subject.entity_id for x in cands) and subject.start >= 0
    if in_sentence and subject.kind not in _NOT_SETTERS:
        return subject  # "Texaco raised its posted price to 17.50 dlrs": the company sets it
    if in_sentence and 0 <= c.start - subject.end <= 20 and _OWNER_GAP.fullmatch(text, subject.end, c.start):
        return subject  # "Brazil's soybean harvest was 41 pct complete", "French soft wheat exports": the country's
    return c.mention()
