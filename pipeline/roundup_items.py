"""A roundup's item: the company a paragraph opens with owns the figures its sentences name no owner for.

In a Market Talk column, a results digest or a "stocks to watch" list, each paragraph is an item
about its own company ("1839 ET - Ansell's bull at Macquarie ... Shares are down 2.6% at A$36.79."):
a figure whose sentence names no owner is that item's, not the article's main company's
(`subjects.paragraph_subject` finds the opener). A country that opens a paragraph says where the
company works ("Norway's offshore fields kept the yards busy.", "1.9 billion dlrs U.S."), and is no item.
"""
from __future__ import annotations

from .records import Mention
from .subjects import FEATURES, opener_candidate

RULE = "roundup_items.v1"


def item_owner(best, cands: list, opener: Mention | None, sent_start: int, fig_start: int, topic: Mention | None,
               outlet: str):
    """The head's pick, or, when it names no owner in the figure's sentence, the company the paragraph opens
    with (a roundup's item), unless that is the story's topic, the pick itself or the article's own outlet."""
    if opener is None or opener.start >= fig_start or opener.entity.lower() == outlet.lower():
        return best
    if opener.kind == "country" and best.kind in ("company", "unit"):
        return best  # "Norway's offshore fields ...", "(1.9 billion dlrs U.S.)": where the company works, no item
    if opener.start >= sent_start:
        # the opener heads the figure's own sentence ("**Avanti Feeds** – Net profit up ...; revenue up 9%",
        # "Redington | CMP: Rs 231.80"): it takes the figure from the article's main company only, not from the
        # headline's topic (a results story's bullets open with its segments: "* Asia-Pacific was down")
        f = dict(zip(FEATURES, best.features))
        if not f["main"] or f["topic"]:
            return best
    if (opener.entity_id or opener.entity) in (best.entity_id or best.entity,
                                               (topic.entity_id or topic.entity) if topic is not None else None):
        return best
    return opener_candidate(opener, cands)
