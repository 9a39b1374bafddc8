"""A sentence that opens with its company described, "The Italian bank on Tuesday said ...", is that company's.

News names a company once and then describes it by its country and trade: "UniCredit guided for stable profit
... The Italian bank on Tuesday said it expects this year's net profit to be ... 9.31 billion euros", "The French
luxury group booked revenue of 4.39 billion euros", "the Chinese communications giant". The description names no
owner, so the subject head fell back on the headline's topic ("European Midday Briefing": the European Union) or
the story's main company. The owner is the last company named before the sentence whose country, where the
gazetteer knows it, is the demonym's (subjects.yaml `demonyms`, `company_nouns`; "European" fits any), unless the
head's pick is itself a company of that country.
"""
from __future__ import annotations

import re

from .records import Mention
from .resources import Resources
from .subjects import is_reporter, opener_candidate, subject_words

RULE = "described_owners.v1"

_OPENING = re.compile(r"[\s*•#>_\"'“‘(\[\\-]*(?:\d{3,4}\s+[A-Z]{2,4}\s+[-–—]\s+)?(?:The|THE)\s+")  # "0553 ET - The ..."
_REACH = 1500  # characters before the sentence searched for the company described
_ANY_COUNTRY = frozenset({"EU"})  # "The European electronics company": a company of any of its countries


def described_owner(text: str, sent_start: int, fig_start: int, before: list[Mention], cands: list, best,
                    res: Resources):
    """The head's pick, or the company the sentence's opening description stands for ("The Italian bank")."""
    words = subject_words(res)
    opening = _OPENING.match(text, sent_start, fig_start)
    if opening is None or words.demonym_rx is None or words.company_noun_rx is None:
        return best
    demonym = words.demonym_rx.match(text, opening.end(), fig_start)
    if demonym is None or not words.company_noun_rx.match(text, demonym.end(), fig_start):
        return best
    country = res.alias_index.get(words.demonyms[demonym.group().lower()])
    code = country.entity_id if country is not None else ""
    if best is not None and best.kind in ("company", "unit") and _country(best.entity, res) == code:
        return best  # the head's pick fits the description: "Merck KGaA ... Bayer ... The German pharma company"
    for m in sorted((m for m in before if sent_start - _REACH <= m.start and m.end <= sent_start), key=lambda m: -m.start):
        if m.kind not in ("company", "unit") or m.source in ("main", "reference") or is_reporter(m.entity, words):
            continue
        known = _country(m.entity, res)
        if known and code and code not in _ANY_COUNTRY and known != code:
            continue  # "SpringWorks ... The German pharma company": not the American one
        if best is not None and (m.entity_id or m.entity) == (best.entity_id or best.entity):
            return best
        return opener_candidate(m, cands)
    return best


def _country(name: str, res: Resources) -> str:
    """The gazetteer's country of a company ("IT" for UniCredit), else ""."""
    entry = res.alias_index.get(name)
    return entry.country if entry is not None else ""
