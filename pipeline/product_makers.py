"""A product's price is its maker's: "Canon PowerShot SX420 for $199" is Canon's (guide 3.8).

A deals list or a review writes a product by its maker's name and its model ("Google Chromecast",
"Canon PowerShot SX420"), a name chunk no list knows. When its leading words are a company the
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
    if subject is None or metric != "other" or subject.source != "name" or subject.entity_id != slug(subject.entity):
        return subject
    words = subject.entity.split()
    if len(words) < 2:
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
