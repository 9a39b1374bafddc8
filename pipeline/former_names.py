"""A company under the name news used for it then: "Facebook" in 2019, "Glaxo" and "Cheung Kong" in 1987.

The gazetteer files each company under today's name, and its older names are aliases, so "Facebook
Inc said" in a 2019 story resolves to Meta. The claim should still read as the story did (guide 3.6:
"in that article, in that year"; 3.10: "the name news uses"): a company's `former_names`
(`models/gazetteer/companies.yaml`) say which names it went by and until when. The entity id stays
the company's, so facts and conflicts still join its stories across the years.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .records import Mention
from .resources import Entry, Resources
from .word_patterns import has_word

RULE = "former_names.v1"

_LEGAL = re.compile(r"(?:['’]s?|\s+(?:Inc|Corp|Co|Ltd|Plc|PLC|plc|AG|SA|NV)\.?)$")


@lru_cache(maxsize=4)
def _renamed(res: Resources) -> dict[str, Entry]:
    return {e.entity_id: e for e in res.entries if e.former}


def _bare(name: str) -> str:
    """A surface reduced for comparison: no possessive or legal suffix, upper case ("GLAXO'S" = "Glaxo")."""
    name = name.strip()
    while True:
        cut = _LEGAL.sub("", name)
        if cut == name:
            return name.upper()
        name = cut


def _written(alias: str, text: str) -> bool:
    return has_word(text, alias, "&/-", "&/-")


def name_then(subject: Mention | None, entity: str, published: date | None, text: str, title: str, res: Resources) -> str:
    """The entity's name as its story wrote it: a former name, when the story is dated before that name ended.

    The name is the one the subject's own words match ("Hutchison" of CK Hutchison in 1987 is Hutchison
    Whampoa); for a subject read from the headline, "the company" or the story's main company, the one
    former name of the company the article writes, if only one. Else `entity`.
    """
    if subject is None or published is None:
        return entity
    entry = _renamed(res).get(subject.entity_id)
    if entry is None or entity != entry.name:
        return entity
    day = published.isoformat()
    live = [f for f in entry.former if day < f[1]]
    if not live:
        return entity
    surface = _bare(text[subject.start:subject.end] if 0 <= subject.start < subject.end <= len(text) else subject.text)
    by_surface = [f for f in live if any(_bare(a) == surface for a in f[2])]
    if by_surface:
        name = by_surface[0][0]
    else:
        story = f"{title}\n{text}"
        upper = story.upper()
        written = {f[0] for f in live if any(_written(a, story) or (len(a) > 3 and _written(a.upper(), upper))
                                             for a in f[2])}
        if len(written) != 1 or _written(entry.name, story):
            return entity  # none, two ("Cheung Kong rose 75 cents ... Hutchison 1.50 dlrs"), or today's name too
        name = written.pop()
    return name
