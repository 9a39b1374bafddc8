"""A broker's call: the figure of a sentence where a broker rates a stock or sets its target is the covered company's.

"* Aperam : Barclays cuts target price to EUR 27 from EUR 28", "Bankinter : HSBC raises target price to EUR 8.9":
the broker that keeps or changes the call (`subject_roles.research_employers`) owns none of the sentence's figures
(guide 3.2), yet the subject head may still pick it where it is the story's main company or was named just
before, over a covered name no list knows ("Aperam"). The figure goes to the best candidate the sentence names
that is no broker of it, else the best candidate that is no broker at all; with none, the head's pick stands. Only
a sentence about a call (subjects.yaml `broker_calls`); "[Morgan Stanley's analysts] saw a 1% contraction" is left
to the head.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .resources import Resources
from .subject_roles import research_employers, subject_word_list
from .subject_ranker import choose
from .subjects import FEATURES
from .word_patterns import longest_first

RULE = "covered_owners.v1"

_F = {name: i for i, name in enumerate(FEATURES)}
_REFERENCES = frozenset({"reference", "main"})


@lru_cache(maxsize=4)
def _calls(res: Resources) -> re.Pattern:
    """A call on a stock (subjects.yaml `broker_calls`: "target price", "rating"): the sentence is about one."""
    return re.compile(r"\b(?:" + longest_first(subject_word_list(res, "broker_calls")) + r")\b", re.I)


def covered_owner(text: str, sent_start: int, sent_end: int, mentions: list[Mention], cands: list, best,
                  res: Resources, head):
    """The head's pick, or the covered company where the pick is a broker whose call the sentence writes."""
    if best is None or not mentions or not _calls(res).search(text, sent_start, sent_end):
        return best
    spans = research_employers(text, [(m, m.kind) for m in mentions], sent_start, sent_end, res)
    # "analysts at the firm": a reference to the story's company is not known to be the broker
    brokers = {m.entity_id or m.entity for m in mentions if (m.start, m.end) in spans and m.source not in _REFERENCES}
    if not brokers or (best.entity_id or best.entity) not in brokers:
        return best
    others = [c for c in cands if (c.entity_id or c.entity) not in brokers and c.kind not in ("person", "currency")]
    named = [c for c in others if c.features[_F["in_sentence"]]]
    pick, _ = choose(named or [c for c in others if not c.features[_F["reporter"]]], head)
    return pick if pick is not None else best
