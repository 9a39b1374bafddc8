"""A product price's segment from the headline: a review, a launch or a deals story names its product in the title
and prices it in the text without its name again ("Apple iMac review" ... "my review unit topped out at a whopping
$3,449"; "Is the MacBook Pro a better buy than the Air?" ... "At $1,299 (to start), the ...").

Only a product line the lexicon knows (subjects.yaml `product_lines`) and its model words right after it
(segments.yaml `model_words`, or a token with a digit: "iPhone 11 Pro", "Galaxy S20", "Apple Watch Series 4"); only
for a price (a money figure of no named metric) whose claim names no part, or only a product's common noun
("the phone will cost $949", segments.yaml `product_nouns`), and whose entity is the line's maker or
makes no line of its own (a retailer's sale): a headline product is not the part of another maker's figure ("Apple Q2
earnings rise on App Store, Apple TV" over an Amazon figure). The cases are in tests/test_headline_products.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .identity import slug
from .resources import Resources
from .word_patterns import longest_first

RULE = "headline_products.v1"


@lru_cache(maxsize=4)
def _lines(res: Resources) -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    """The headline product pattern, each line's maker's slug, and every maker's slug (once per resources)."""
    lines = {str(k): str(v) for k, v in (res.subject_words.get("product_lines") or {}).items()}
    models = longest_first(res.segment_lists["model_words"])
    rx = re.compile(r"(?<![\w-])(?P<line>" + longest_first(lines) +
                    r")(?![\w-])(?P<model>(?:\s+(?:[A-Za-z]*\d[\w+-]*|(?=[A-Z])(?i:" + models + r"))(?![\w-]))*)")
    makers = {k: _maker_slug(v, res) for k, v in lines.items()}
    return rx, makers, frozenset(makers.values())


def _maker_slug(maker: str, res: Resources) -> str:
    entry = res.alias_index.get(maker)
    return entry.entity_id if entry is not None else slug(maker)


_LEAD = re.compile(r"^(?:the|its|their|a|an|this|that|these|those|new|latest|all-new|base|entry-level|\s)+", re.I)


def common_product(segment: str, res: Resources) -> bool:
    """Whether a segment is a product's common noun only ("phone", "the new models"): a headline's product is better."""
    return _LEAD.sub("", segment).lower().strip() in res.segment_lists["product_nouns"]


def headline_product(headline: str, entity: str, entity_id: str, res: Resources) -> str:
    """The product line (with its model) the headline names, when the entity may own its price; else ""."""
    rx, makers, all_makers = _lines(res)
    own = {entity_id, _maker_slug(entity, res)} - {""} if entity else {entity_id} - {""}
    for m in rx.finditer(headline or ""):
        maker = makers[m.group("line")]
        if maker in own or not own & all_makers:
            return m.group(0).strip()
    return ""
