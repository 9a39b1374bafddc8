"""A statistics office never owns the figures it publishes: they are its country's (guide 3.2: "data providers
... are never the subject of the figure they report"; guide 3: "the country or area for macro figures").

"The National Census and Statistics Office (NCSO) said imports of 436 mln dlrs in January were up from 371 mln",
"After last year's 2.8 pct rise in real incomes, private consumption was likely to rise 2.25 pct" (the Institute for
Economic Research's forecast): the subject read for the figure is a body whose name has a word of
`models/lexicons/fiscal.yaml` `statistics_words` ("Statistics", "Census", "Economic Research"), whatever the figure's
metric (`subject_roles.macro_owner` covers the macro metrics for every public body). The figure is the office's own
country (the gazetteer's `country`), else the one country the sentence names, else the headline's country.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .fiscal_owners import countries_by_id
from .records import Mention
from .resources import Resources
from .word_patterns import listed

RULE = "statistics_owners.v1"


@lru_cache(maxsize=4)
def _office_rx(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.fiscal["statistics_words"], space=r"\s+") + r")\b")


def statistics_owner(subject: Mention | None, cands: list, topic: Mention | None, res: Resources) -> Mention | None:
    """The country of a figure read as a statistics office's (module doc); else `subject`."""
    rx = _office_rx(res)
    if subject is None or subject.kind == "country" or not rx.search(subject.entity):
        return subject
    entry = res.alias_index.get(subject.entity)
    country = countries_by_id(res).get(getattr(entry, "country", "") or "") if entry is not None else None
    if country is not None:
        return Mention(subject.text, subject.start, subject.end, country.name, country.entity_id, "country",
                       source=subject.source)
    named = {c.entity_id: c for c in cands if c.kind == "country" and c.start >= 0}
    if len(named) == 1:
        c = next(iter(named.values()))
        return Mention(c.entity, c.start, c.end, c.entity, c.entity_id, "country", source=c.source)
    if not named and topic is not None and topic.kind == "country":
        return topic
    return subject
