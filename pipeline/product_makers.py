"""A product's price is its maker's: "Canon PowerShot SX420 for $199" is Canon's (guide 3.8).

A deals list or a review writes a product by its maker's name and its model ("Google Chromecast",
"Canon PowerShot SX420"), a name chunk no list knows; or by a product line's name alone ("MacBook Air",
"Galaxy S20": subjects.yaml `product_lines`). When its leading words are a company the
gazetteer knows and the rest are no company's or place's words (not "Alcan Australia", "Tata Steel"
or "Fannie Mae Home Purchase Sentiment Index"), a figure of no named metric read as the chunk's is
the maker's.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .identity import slug
from .records import Mention
from .resources import Resources
from .subjects import subject_words

RULE = "product_makers.v1"


def product_maker(subject: Mention | None, metric: str, text: str, res: Resources) -> Mention | None:
    """The maker of the product the subject names; else `subject`."""
    if subject is None or metric not in ("other", "price_change") or subject.source != "name" \
            or subject.entity_id != slug(subject.entity):
        return subject
    line = _product_line(subject.entity, res)  # "MacBook Air", "Galaxy S20": a line the maker's name does not begin
    if line is not None:  # its price, or its price cut ("on sale for $28, which is 30 percent off")
        return replace(subject, entity=line.name, entity_id=line.entity_id, kind="segment", parent=subject.entity)
    words = subject.entity.split()
    if len(words) < 2 or metric != "other":
        return subject
    words_of = subject_words(res)
    for k in range(len(words) - 1, 0, -1):
        entry = res.alias_index.get(" ".join(words[:k]))
        if entry is None:
            continue
        rest = words[k:]
        if entry.kind != "company" or any(
                w.lower() in words_of.not_subjects or w.lower() in words_of.demonyms or w in res.alias_index
                or re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", text) for w in rest):
            return subject  # "Alcan Australia", "Fannie Mae Home Purchase Sentiment Index": a unit's or an index's name
        # the product is the segment (guide 3.8: "Apple, segment iPhone 16"), as for a segment mention
        return replace(subject, entity=entry.name, entity_id=entry.entity_id, kind="segment", parent=" ".join(rest))
    return subject


def _product_line(name: str, res: Resources):
    """The gazetteer entry of the maker of the product line `name` begins with (subjects.yaml `product_lines`)."""
    lines = res.subject_words.get("product_lines") or {}
    words = name.split()
    for k in (2, 1):
        maker = lines.get(" ".join(words[:k])) if len(words) >= k else None
        if maker is not None:
            entry = res.alias_index.get(str(maker))
            return entry if entry is not None and entry.kind == "company" else None
    return None
