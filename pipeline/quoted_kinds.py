"""The kind of quote a subject's own name makes it (rule `claims.quoted_kind.v1`).

A subject found as a name chunk, an article alias or the headline's topic is filed as a company, though its
name is a commodity's, a token's or a currency's: "gold" taken from "Comex Gold Settles 1.64% Higher", "Front
Month Nymex Natural Gas" from its headline, "Dogecoin" from "Dogecoin (DOGE) Drifts Sideways", "West Texas
Intermediate" as a capitalised chunk. Its figures are that thing's price and moves (metrics.yaml
`by_subject_kind`), as when the sentence names it in lower case. The name is read whole, or after market,
grade and exchange words in front of it (subjects.yaml `commodity_markets`, the gazetteer's exchanges), never
after other words: "Senco Gold" stays a company.
"""
from __future__ import annotations

import re
from functools import lru_cache

RULE = "claims.quoted_kind.v1"
_KINDS = ("commodity", "crypto", "currency")  # the common subjects whose own name makes a quote of them
_FILED_AS = ("company", "name", "title")  # the kinds a route files such a name under


@lru_cache(maxsize=4)
def _tables(res) -> tuple[dict, frozenset]:
    data = res.subject_words
    common = {str(k).lower(): str(v[1]) for k, v in (data.get("common_subjects") or {}).items() if str(v[1]) in _KINDS}
    front = frozenset(str(w).lower() for w in (*(data.get("commodity_markets") or ()), *res.exchanges))
    return common, front


def quoted_kind(mention, res) -> str:
    """The kind `mention` is a subject of: commodity, crypto or currency when its name is one, else its own kind."""
    if mention is None:
        return ""
    if mention.kind not in _FILED_AS:
        return mention.kind
    common, front = _tables(res)
    for name in (mention.entity,):
        words = re.sub(r"[^\w.&'-]+", " ", name.lower()).split()
        for i in range(len(words)):
            if " ".join(words[i:]) in common:
                return common[" ".join(words[i:])]
            if words[i] not in front:
                break
    return mention.kind
