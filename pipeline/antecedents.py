"""What "the company" stands for when the headline's topic is no name (guide 3.1).

`entities.find_entities` marks references ("the company", "the beverage giant", "the airline")
and `subject_candidates.candidate_rows` reads each as the story's topic, the company its headline names.
A headline whose first capitalised words no list knows and the body never writes as a name
("Corporate America Tallies the Mounting Costs ...", "How carriers will keep D.C. online",
"3 Industrial Stocks Benefiting From ...", "BP Touts 'New Beginning' ... Roundup") has a run of
title-case words for its topic, not a company: there the reference is read the way a reader
reads it, as the last company named before it in its paragraph or the one before (the item of a
roundup, the company a feature has just named), else the article's main company. So is it under a headline
that gives no one topic ("Biggest stock movers Tuesday: LSCC, FLNC, SMCI, and more", a Market Talk
roundup), unless that headline names the main company and lists no names ("Morgan Stanley's Bankers Tap
Cash Spigot ...": "the bank" is Morgan Stanley); `subject_candidates._entity_mentions`.
"""
from __future__ import annotations

import re

from .records import Mention
from .word_patterns import has_word, word_matches

RULE = "antecedents.v1"

_OWNER_KINDS = frozenset({"company", "unit"})


def weak_topic(topic: Mention | None, body: str) -> bool:
    """A headline topic no list knows (kind "name") that the body never writes as a name: neither the whole
    name ("Halvorsen Shipping posted ...") nor its first word alone ("Corsair's guidance ..." under "Corsair Gaming")."""
    if topic is None or topic.kind != "name":
        return False
    name = topic.text or topic.entity
    first = name.split()[0] if name.split() else ""
    names = [name]
    if len(first) >= 4 and first.isalpha() and first != name and not has_word(body[:20000], first.lower(), "&-", "&-"):
        names.append(first)  # a word the body never writes in lower case
    return not any(_written_as_name(n, body) for n in names)


def _written_as_name(name: str, body: str) -> bool:
    for start in word_matches(body[:20000], name, "&-", "&-"):
        before = body[max(0, start - 3):start]
        opening = start == 0 or re.search(r"(?:^|[.!?:\n*|\"“]\s*)$", before)
        if name[:1].isupper() and (" " in name or not opening) and not _title_case_line(body, start):
            return True  # written with its capitals in a sentence (one word: inside it)
    return False


def _title_case_line(body: str, pos: int) -> bool:
    """Whether the line at `pos` is a headline or subhead: most of its words capitalised."""
    line = body[body.rfind("\n", 0, pos) + 1:body.find("\n", pos) if "\n" in body[pos:] else len(body)]
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def antecedent(text: str, ref: Mention, mentions: list[Mention], main: Mention | None) -> Mention | None:
    """The company a reference points back to: the last company or unit named before it in its paragraph or
    the one before, else the main company."""
    end = text.rfind("\n", 0, ref.start)  # the previous paragraph, past any blank lines
    while end > 0 and text[end - 1].isspace():
        end -= 1
    floor = text.rfind("\n", 0, max(0, end)) + 1
    best = None
    for m in mentions:
        if m.source == "reference" or m.kind not in _OWNER_KINDS or m.start < floor or m.end > ref.start:
            continue
        if best is None or m.start > best.start:
            best = m
    return best if best is not None else main
