"""A place written as a modifier of a company's part or as where a company is based owns no figure (guide 3.7:
"a place named as a place is not the subject of a company's figure").

"a 22.5 mln dlr loss on disposal of U.K. properties, a 21.2 mln dlr equity loss", "the U.K. arm of the
work-sharing startup ... make up 39.4 percent", "U.S. revenue for patches was SEK 873 thousand, an increase of 88%",
"Beijing-based Founder has enjoyed a 2019 surge of 33 percent": the country the subject head chose is written right
before a noun of a company's part or its business (`models/lexicons/places.yaml` `place_part_nouns`: "arm",
"properties", "business"), before "-based" ("-listed", "-headquartered"), or before its sales or revenue where a
company's possessive comes first (`place_sales_nouns`: "VF's China revenue soared 23 percent"; not "U.S. retail sales
rose 0.7%", "U.S. sales of oat milk", which are the country's or a market's). The figure is the company's: the head's
best candidate among the companies (else the choice stands: "U.S. retail sales rose 0.3%" in a story
that names no company is the country's).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .subject_ranker import choose
from .subjects import Candidate
from .word_patterns import longest_first

RULE = "place_modifiers.v1"
_OWNER_KINDS = frozenset({"company", "unit", "name"})


@lru_cache(maxsize=4)
def _after_rx(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """What follows a place that modifies: "-based", or at most one lower-case word and a part noun; and the
    pattern of a sales noun, which a place modifies only after a company's possessive."""
    data = res.places

    def after(words) -> str:
        return r"(?:['’]s)?\.?\s+(?:[a-z][a-z-]*\s+)?(?:" + longest_first(words) + r")\b"

    parts = re.compile(r"\.?-(?:" + longest_first(data["place_links"]) + r")\b|" + after(data["place_part_nouns"]))
    return parts, re.compile(after(data["place_sales_nouns"]))


_POSSESSIVE_BEFORE = re.compile(r"(?:['’]s|\bits|\btheir)\s+$")


def _is_country(c: Candidate, res: Resources) -> bool:
    """A country candidate, or a name that is a country's written without its last period ("U.S" before ". revenue")."""
    if c.kind == "country":
        return True
    entry = res.alias_index.get(c.entity) or res.alias_index.get(c.entity + ".")
    return entry is not None and entry.kind == "country"


def modifier_place(text: str, cands: list[Candidate], best: Candidate | None, head, res: Resources) -> Candidate | None:
    """The company that owns a figure the head gave to a country written as a modifier (module doc); else `best`."""
    if best is None or best.start < 0 or not _is_country(best, res):
        return best
    rx = _after_rx(res)
    end = min(len(text), best.end + 60)
    if not (rx[0].match(text, best.end, end) or rx[1].match(text, best.end, end)
                          and _POSSESSIVE_BEFORE.search(text, max(0, best.start - 20), best.start)):
        return best
    rest = [c for c in cands if c.kind in _OWNER_KINDS and not _is_country(c, res)]
    other, _ = choose(rest, head)
    return other if other is not None else best
