"""A sentence that opens with its company described, "The Italian bank on Tuesday said ...", is that company's.

News names a company once and then describes it by its country and trade: "UniCredit guided for stable profit
... The Italian bank on Tuesday said it expects this year's net profit to be ... 9.31 billion euros", "The French
luxury group booked revenue of 4.39 billion euros", "India's largest four-wheeler manufacturer reported". The
description names no owner, so the subject head fell back on the headline's topic ("European Midday Briefing": the
European Union), the country or the story's main company. The owner is the headline's company, else the last
company named before the sentence, whose country, where the gazetteer knows it, is the description's
(subjects.yaml `demonyms`, `company_nouns`; "European" fits any), unless the head's pick is itself a company of
that country.
"""
from __future__ import annotations

import re

from .records import Mention
from .resources import Resources
from .subjects import FEATURES, is_reporter, opener_candidate, subject_words

RULE = "described_owners.v1"

_OPENING = re.compile(r"[\s*•#>_\"'“‘(\[\\-]*(?:\d{3,4}\s+[A-Z]{2,4}\s+[-–—]\s+)?(?:The|THE)\s+")  # "0553 ET - The ..."
_LEAD = re.compile(r"[\s*•#>_\"'“‘(\[\\-]*")
_NEXT_WORD = re.compile(r"\s+([\w&-]+)")
_JOINERS = frozenset({"and", "or", "&"})
_REACH = 1500  # characters before the sentence searched for the company described
_TOPIC = FEATURES.index("topic")
_ANY_COUNTRY = frozenset({"EU"})  # "The European electronics company": a company of any of its countries


def described_owner(text: str, sent_start: int, fig_start: int, before: list[Mention], sentence: list[Mention],
                    cands: list, best, res: Resources):
    """The head's pick, or the company the sentence's opening description stands for ("The Italian bank", "India's
    largest four-wheeler manufacturer")."""
    words = subject_words(res)
    code = _described_country(text, sent_start, fig_start, sentence, res)
    if code is None:
        return best
    if best is not None and best.kind in ("company", "unit") and _country(best.entity, res) == code:
        return best  # the head's pick fits the description: "Merck KGaA ... Bayer ... The German pharma company"

    def fits(name: str) -> bool:
        known = _country(name, res)
        return not (known and code and code not in _ANY_COUNTRY and known != code)

    # the headline's company, when it fits: "Maruti Suzuki shares extend gains" over a rival's model named before
    topic = next((c for c in cands if c.features[_TOPIC] and c.kind in ("company", "unit") and fits(c.entity)), None)
    if topic is not None:
        return topic
    near = (m for m in before if sent_start - _REACH <= m.start and m.end <= sent_start)
    for m in sorted(near, key=lambda m: -m.start):
        if m.kind not in ("company", "unit") or m.source in ("main", "reference") or is_reporter(m.entity, words):
            continue
        if not fits(m.entity):
            continue  # "SpringWorks ... The German pharma company": not the American one
        if best is not None and (m.entity_id or m.entity) == (best.entity_id or best.entity):
            return best
        return opener_candidate(m, cands)
    return best


def _described_country(text: str, sent_start: int, fig_start: int, sentence: list[Mention],
                       res: Resources) -> str | None:
    """The country code of the description the sentence opens with ("The Italian bank": "IT"; "India's largest
    four-wheeler manufacturer": "IN"; "" for a country the gazetteer lacks), else None."""
    words = subject_words(res)
    if words.company_noun_rx is None:
        return None
    lead = _LEAD.match(text, sent_start, fig_start)
    first = next((m for m in sentence if m.start >= sent_start), None)
    if first is not None and lead is not None and first.start == lead.end() and first.kind == "country" \
            and first.possessive and first.end < fig_start:
        end = text.find(" ", first.end)  # "India's", "U.S.'s"; a word between: "Saudi Arabia's fund" is the state's
        return first.entity_id if end > 0 and _heads(text, end, fig_start, words, 2) else None
    opening = _OPENING.match(text, sent_start, fig_start)
    demonym = words.demonym_rx.match(text, opening.end(), fig_start) if opening and words.demonym_rx else None
    if demonym is None or not _heads(text, demonym.end(), fig_start, words):
        return None
    country = res.alias_index.get(words.demonyms[demonym.group().lower()])
    return country.entity_id if country is not None else ""


def _heads(text: str, pos: int, fig_start: int, words, least: int = 1) -> bool:
    """A company noun heads the words at `pos` ("largest four-wheeler manufacturer reported"), of `least` words at
    least, not a modifier of another noun ("Switzerland's producer and import prices", "producer prices")."""
    noun = words.company_noun_rx.match(text, pos, fig_start)
    if noun is not None and len(noun.group().split()) < least:
        return False
    after = _NEXT_WORD.match(text, noun.end()) if noun is not None else None
    word = after.group(1).lower() if after else ""
    # a measure word next is the noun the company noun modifies; a verb in the past ("reported") is the clause's
    return noun is not None and not (word in _JOINERS or (word in words.not_subjects and not word.endswith("ed")))


def _country(name: str, res: Resources) -> str:
    """The gazetteer's country of a company ("IT" for UniCredit), else ""."""
    entry = res.alias_index.get(name)
    return entry.country if entry is not None else ""
