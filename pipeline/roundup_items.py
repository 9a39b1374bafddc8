"""A roundup's item: the company a paragraph opens with owns the figures its sentences name no owner for.

In a Market Talk column, a results digest or a "stocks to watch" list, each paragraph is an item
about its own company ("1839 ET - Ansell's bull at Macquarie ... Shares are down 2.6% at A$36.79."):
a figure whose sentence names no owner is that item's, not the article's main company's
(`subjects.paragraph_subject` finds the opener). A country that opens a paragraph says where the
company works ("Norway's offshore fields kept the yards busy.", "1.9 billion dlrs U.S."), and is no item (nor is
a dateline's city, "WASHINGTON (Reuters) -", which is no name: `subjects._name_candidates`).

Nor is a paragraph that opens with someone who speaks of the figures an item: an economist, a broker's
strategists, an institute ("Annabel Bishop, the bank's chief economist, said ...", "Standard Chartered
strategists ... say", "The KDI said it now forecasts ...": `subject_roles.speaker_spans`, guide 3.2). And
under a headline that names its company, a paragraph opening with a name no list knows ("Caserones Mineral
Resource estimates ...", "The Combo Touch won't be available until May", "* Todd Felte, Stonex Wealth
Management: Asked about ...") is that company's mine, product or caller, not another company's item.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .records import Mention
from .resources import Resources
from .subject_roles import research_employers, speaker_spans
from .subjects import FEATURES, is_reporter, opener_candidate, subject_words

RULE = "roundup_items.v1"


_NAMED_TOPICS = frozenset({"company", "unit"})  # a headline topic a list knows: the story is about it


def item_owner(best, cands: list, opener: Mention | None, sent_start: int, fig_start: int, topic: Mention | None,
               outlet: str, text: str = "", res: Resources | None = None):
    """The head's pick, or, when it names no owner in the figure's sentence, the company the paragraph opens
    with (a roundup's item), unless that is the story's topic, the pick itself or the article's own outlet,
    a speaker, or a name no list knows under a headline that names the pick."""
    if opener is None or opener.start >= fig_start or opener.entity.lower() == outlet.lower():
        return best
    if res is not None and text and _speaks(text, opener, res):
        return best
    if best is None:
        return opener_candidate(opener, cands)  # nothing else owns it: "1017 ET - Kestrana logged ..." under a digest
    f = dict(zip(FEATURES, best.features))
    if f["topic"] and topic is not None and opener.kind == "name" and (
            topic.kind in _NAMED_TOPICS or (topic.kind == "name" and _in_paragraph(text, topic, opener.start))):
        return best  # "Lundin Mining Announces ...": "Caserones Mineral Resource estimates ..." is its mine
    if opener.kind == "country" and best.kind in ("company", "unit"):
        return best  # "Norway's offshore fields ...", "(1.9 billion dlrs U.S.)": where the company works, no item
    if opener.start >= sent_start:
        # the opener heads the figure's own sentence ("**Avanti Feeds** – Net profit up ...; revenue up 9%",
        # "Redington | CMP: Rs 231.80"): it takes the figure from the article's main company only, not from the
        # headline's topic (a results story's bullets open with its segments: "* Asia-Pacific was down")
        if not f["main"] or f["topic"]:
            return best
    if (opener.entity_id or opener.entity) in (best.entity_id or best.entity,
                                               (topic.entity_id or topic.entity) if topic is not None else None):
        return best
    return opener_candidate(opener, cands)


def _speaks(text: str, opener: Mention, res: Resources) -> bool:
    """Whether the opener speaks of its sentence's figures or rates them rather than owning them ("Annabel
    Bishop, the bank's chief economist, said", "Standard Chartered strategists ... say", "The KDI said")."""
    start = text.rfind("\n", 0, opener.start) + 1
    stop = re.compile(r"[.!?](?=\s)|\n").search(text, opener.end)
    end = stop.end() if stop else len(text)
    words = subject_words(res)
    lead = re.match(r"(?:the|The)\s+", opener.text)  # "The KDI said": the acronym speaks
    if lead:
        opener = replace(opener, text=opener.text[lead.end():], start=opener.start + lead.end())
    raw = [(opener, opener.kind)]
    return bool(speaker_spans(text, raw, start, end, res, lambda name: is_reporter(name, words))
                or research_employers(text, raw, start, end, res))


def _in_paragraph(text: str, topic: Mention, pos: int) -> bool:
    """Whether the paragraph at `pos` writes the topic's name ("Wall Street is bullish on IAC." under "IAC Stock
    Is Rising"); a roundup's headline words ("Health Care Roundup") are not written in its items."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    name = topic.text or topic.entity
    return bool(name) and re.search(r"(?<![\w&-])" + re.escape(name) + r"(?![\w&-])",
                                    text[start:end if end >= 0 else len(text)]) is not None
