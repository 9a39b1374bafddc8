"""A company's part named with its part noun as the subject of the figure's clause: "The Intermodal segment
reported revenues of $73.1 million", "Its cloud segment, AWS, reported a robust 19% revenue increase", "However,
the Intermodal segment continued to underperform, with revenues down 15.9%", "... the Contract Logistics segment,
which achieved a 52.7% revenue increase to $307.4 million".

segment_frames.owned_part reads a part after its owner's possessive ("Coway's overseas subsidiaries reported");
segments.clause_subject a common-noun subject right before its verb and figure, no name in it. A part that a
results story names with its part noun ("segment", "division", "business", segments.yaml's `part_nouns`) after a
determiner is often capitalised ("The Building Climate Solutions segment saw a 17% increase"), and its figures
stand further on in the sentence ("..., with net profit decreasing by 3% YoY to $306m"): the part noun says it is
a part. Two frames, over the figure's sentence up to the figure:

- the part heads the sentence, after a determiner ("The", "Its", "Our") and an opening adverb at most
  (segments.yaml's `part_subject_openers`: "However,", "Moreover,"), its verb right after it or after its name set
  off by commas ("Its cloud segment, AWS, reported");
- the part heads a relative clause anywhere before the figure ("driven by the specialized heavy-haul wind business,
  which accounted for 32.1% of segment revenue"); this one, nearer the figure, wins.

No part where another clause or another part stands between the part and the figure ("while", "but", a sentence
break, a second part noun), nor where its verb makes it a speaker (`part_speaker_verbs`: "The Fitch Solutions
unit sees Henry Hub prices averaging $3.4"), nor where its words are the whole's (`generic_words`, the entity's name): "The
company's core business grew 5%" names none. The part's name set off after its noun is the part ("AWS"), else
its modifiers with the noun ("Intermodal segment"). Cases: tests/test_part_subjects.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import Resources
from .segments import SegmentWords, has_content
from .word_patterns import listed

RULE = "part_subjects.v1"

_MODS = r"(?P<mods>(?:[\w&/.'’-]+,?\s+(?:(?:and|&)\s+)?){1,4}?)"
_NAME = (r"(?:,\s+(?P<name>[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){0,3})(?:\s+\([^()]{1,20}\))?,"
         r"|\s+(?P<bare>(?-i:[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){0,2})))?")  # "star label Gucci posted"
# words set off between the part and its verb: a relative clause, an aside in dashes ("The company's magazine
# division, which includes "Family Circle," had", "Unilever's ice cream business--which includes ... brands--generated")
_ASIDE = r"(?:,\s+(?:which|that)\s+[^,;()]{1,100},|\s*(?:--|\u2014)[^\u2014;()]{1,100}?(?:--|\u2014))?"
# the words that open the part: a determiner, or its owner's possessive ("The company's", "Unilever's")
_OWNER = (r"(?:(?:The|the)\s+(?:company|group|firm|bank)['’]s|The|the|Its|its|Our|our|"
          r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s)")
# words that are no modifier of a part: function words, the verbs of a clause before it
_NOT_MODIFIERS = frozenset("of in on at for to from by with as or but which that who will would is are was were "
                           "has have had be been this these those it its their our a an the per than".split())
# an opening phrase set off by a comma, or a report's "that", before the clause the part heads ("In addition to the
# growth in services, the wearables, home and accessories category grew", "Phillips noted that the Trucking segment")
_LEAD = r"(?:[^.;:!?()]{0,100}?(?:,|\bthat)\s+)?"
_BETWEEN = re.compile(r"[.;]\s|\b(?:while|whereas|but|although|though|meanwhile)\b", re.I)


@dataclass(frozen=True)
class SubjectFrames:
    head: re.Pattern  # the part heading the sentence, then its verb
    relative: re.Pattern  # the part before ", which" and a verb
    part_noun: re.Pattern  # a part noun after a determiner: a second part between the first and the figure


@lru_cache(maxsize=4)
def subject_frames(res: Resources) -> SubjectFrames:
    lists = res.segment_lists
    nouns = listed(sorted(lists["part_nouns"], key=len, reverse=True), space=r"\s+")
    verb = r"(?:\s+|(?<=-)|(?<=\u2014))(?:also\s+|again\s+|still\s+)?(?P<verb>[a-z]+(?:ed|s)|" + listed(lists["owned_part_verbs"]) + r")\b"
    openers = listed(lists["part_subject_openers"], space=r"\s+")
    noun = r"(?P<noun>(?i:" + nouns + r"))\b"
    return SubjectFrames(
        head=re.compile(r"^\s*(?:[*\-\u2022]\s*)?" + _LEAD + r"(?:(?i:" + openers + r"),?\s+)?" + _OWNER + r"\s+" + _MODS
                        + noun + _NAME + _ASIDE + verb),
        relative=re.compile(r"\b(?:the|its|our)\s+" + _MODS + noun + _NAME + r",\s+which" + verb),
        part_noun=re.compile(r"\b(?:the|its|our)\s+(?:[\w&/.'’-]+\s+){1,4}?(?i:" + nouns + r")\b", re.I))


def _named(m: re.Match, words: SegmentWords, entity_words: frozenset[str], whole: frozenset[str]) -> str:
    name = m.group("name") or m.group("bare")
    if name:
        return name if has_content(name, words, entity_words) else ""
    mods = m.group("mods").strip().rstrip(",")
    tokens = [t.strip(",") for t in mods.split()]
    if any(t.lower() in _NOT_MODIFIERS or t.endswith(("'s", "’s")) or any(c.isdigit() for c in t) for t in tokens):
        return ""  # "The fourth-quarter results of the segment", "The company's ...": no part's modifiers
    named = [t for t in tokens if t.lower() not in whole and t.lower() not in ("and", "&")]
    if not named or not has_content(" ".join(named), words, entity_words):
        return ""  # "its core business", "The Acme division": the whole's words
    return f"{mods} {m.group('noun')}"


def part_subject(before: str, res: Resources, words: SegmentWords, entity_words: frozenset[str],
                 whole: frozenset[str], unknown_owner: str = "") -> str:
    """The company's part the clause before a figure opens with, or "" (`before`: its sentence up to the figure).

    `unknown_owner`: the figure's owner when it is a name no list knows, or a unit the lists file under a parent; a
    part named by it is the part still ("The Metal Cutting segment reported", its owner read as "Metal Cutting"; "The
    company's star label Gucci posted", its owner read as Gucci)."""
    frames = subject_frames(res)
    found = None
    for found in frames.relative.finditer(before):
        pass
    if found is None:
        found = frames.head.match(before)
    if found is None:
        return ""
    rest = before[found.end():]
    if _BETWEEN.search(rest) or frames.part_noun.search(rest) or \
            found.group("verb").lower() in res.segment_lists["part_speaker_verbs"]:
        return ""  # "The Fitch Solutions unit sees Henry Hub prices averaging $3.4": a speaker
    named = _named(found, words, entity_words, whole)
    if not named and unknown_owner:
        named = _named(found, words, frozenset(), whole)
        return named if unknown_owner.lower() in named.lower() else ""
    return named
