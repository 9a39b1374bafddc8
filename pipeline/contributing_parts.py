"""The part of the entity that yields an amount as the subject of a contribution verb: "Entertainment & Services
delivered SEK 2.6 billion in net sales", "For Sale revenue reached $428 million in Q4, while Rentals contributed $116
million", "The Multiomics segment generated $66.5 million" (guide 4: a business line, a named unit, a region).

The subject is the words right before the verb back to the clause's start (a sentence start, a bullet, a comma, a
colon, "while"): at most five, none a pronoun, a relative, a modal or a figure, no list ("Prestige and Consumer Beauty
generated $2,230.2 million and $1,111.2 million, respectively"), no bare common noun after an article ("the drug
generated", "The team generated"), not the entity's own name ("BP delivered $5 billion in dividends", "the company
generated $806 million": the whole), nor a company the gazetteer knows ("AMZN generated $1.86 in EPS"). The verbs and the words
between the verb and its amount are segments.yaml's `contribution_verbs`, `contribution_fillers`; the cases are in
tests/test_contributing_parts.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .segments import SegmentWords, has_content, trim_phrase
from .word_patterns import longest_first

_MAX_WORDS = 5
_NAME_TOKEN = r"[A-Za-z][\w&/'’.+-]*"
# "Investment banking, an area where Barclays has a significant presence in the U.S., contributed 2.61 billion pounds",
# "Merchant Solutions, the biggest segment in terms of dollars, generated $2,146M"
_APPOSITIVE = r"(?:,\s+(?i:an?|the|another|one\s+of|its)\s+[^,;]{3,80},)?"
_CLAUSE_START = r"(?:^|[,;:*•(\n]|\s-\s|\.\s|\b(?i:while|whereas))\s*"
# words no part's name has: pronouns, determiners of the whole, relatives ("which contributed"), modals
_NOT_A_PART = frozenset("we i you he she it they this that these those which who whose what there here our its their "
                        "his her will would could should may might can also company firm group business".split())


@lru_cache(maxsize=4)
def _pattern(res: Resources) -> re.Pattern:
    lists = res.segment_lists
    verbs = longest_first(lists["contribution_verbs"])
    fillers = longest_first(lists["contribution_fillers"])
    np = _NAME_TOKEN + r"(?:\s+(?:&\s+)?" + _NAME_TOKEN + r"){0,%d}" % (_MAX_WORDS - 1)
    return re.compile(_CLAUSE_START + r"(?P<det>(?i:the|a|an)\s+)?(?!(?i:while|whereas)\b)(?P<np>" + np + ")" +
                      _APPOSITIVE + r"\s+(?:(?i:also|each|alone|together|again)\s+)?(?i:" + verbs + r")\s+(?:(?i:" +
                      fillers + r")\s+)*$")


def contributing_part(before: str, fig_kind: str, res: Resources, words: SegmentWords,
                      entity_words: frozenset[str]) -> str:
    """The part the subject of a contribution verb right before an amount names, or ""."""
    if fig_kind != "money":
        return ""
    m = _pattern(res).search(before[-120:])
    if m is None:
        return ""
    np = m.group("np")
    tokens = [t.lower().strip(".,'’").removesuffix("'s").removesuffix("’s") for t in np.split()]
    if any(t in _NOT_A_PART or t in words.whole_nouns or t.isdigit() for t in tokens) or \
            words.not_a_subject.search(np) or all(t in entity_words or t == "&" for t in tokens):
        return ""
    if "and" in tokens or (m.group("det") and len(tokens) == 1 and np.islower()):
        return ""  # "Prestige and Consumer Beauty generated $2,230.2 million and ...": a list; "the drug", "The team"
    known = res.entry(np)
    if known is not None and known.kind not in ("unit", "segment"):
        return ""  # another company the gazetteer knows ("AMZN generated"), or an alias of the entity
    phrase = trim_phrase(np, words, entity_words)
    return phrase if phrase and has_content(phrase, words, entity_words) else ""
