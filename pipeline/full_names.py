"""A short name no list knows, under the full name its article writes: "Banner" is Banner Industries.

News writes a company or a person in full once ("Banner Industries Inc", "Arvind Kejriwal", "TVS Supply
Chain Solutions") and by a short form after ("Banner's", "Kejriwal", a headline's "TVS Supply"). A
subject read from the short form should carry the name the article gave it (guide 3.10: the name news
uses). The full name is the one longer capitalised name the article writes that begins with the short
form's words, or, for a one-word short form, ends with it (a person's surname); two different ones
("Farm Credit System", "Farm Credit Administration") leave the short form as it is.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .identity import slug
from .records import Mention
from .resources import Resources
from .subjects import CALENDAR_WORDS, subject_words

RULE = "full_names.v1"

_WORD = r"[A-Z][\w&'’.-]*"
_JOIN = r"(?:\s+(?:&|of|de)\s+|[ \t]+)"  # not "and": "Sify Technologies and Infosys" are two
_SOURCES = frozenset({"name", "title"})


@lru_cache(maxsize=4)
def _not_first_names(res: Resources) -> frozenset[str]:
    """subjects.yaml `not_first_names`, lower case."""
    return frozenset(str(w).lower() for w in res.subject_words["not_first_names"])


@lru_cache(maxsize=4)
def _suffixes(res: Resources) -> frozenset[str]:
    return frozenset(str(x).upper().rstrip(".") for x in res.entity_rules["company_suffixes"])


def _trimmed(name: str, res: Resources) -> str:
    """The name less its legal form and possessive ("Banner Industries Inc's" -> "Banner Industries")."""
    words = re.sub(r"['’]s?$", "", name.strip()).split()
    suffixes = _suffixes(res)
    while len(words) > 1 and words[-1].rstrip(",.").upper() in suffixes:
        words.pop()
    return " ".join(words).rstrip(",.")


def full_name(subject: Mention | None, text: str, res: Resources) -> Mention | None:
    """The subject under the one longer name the article writes for it; else `subject`."""
    if subject is None or subject.source not in _SOURCES or subject.entity_id != slug(subject.entity):
        return subject  # a name a list knows is already the list's
    short = subject.entity.strip()
    if not short or len(short) < 3:
        return subject
    name = _written_full_name(short, text, res)
    return replace(subject, entity=name, entity_id=slug(name)) if name else subject


@lru_cache(maxsize=512)
def _written_full_name(short: str, text: str, res: Resources) -> str:
    """The one longer name the article writes for `short`, or "". Cached: an article's figures ask for the same
    short names, and each answer scans the whole text (a str hashes once, so a repeated key is cheap)."""
    found = set()
    not_names, breaks = subject_words(res).not_subjects, subject_words(res).headline_breaks
    after = re.compile(r"(?<![\w&'’.-])" + re.escape(short) + r"((?:" + _JOIN + _WORD + r")+)")
    for m in after.finditer(text):
        added = m.group(1).split()
        if "\n" in m.group(1) or len(added) > 2 or _headline(text, m.start()) or any(
                w.lower().strip(".,'’s") in not_names or w.lower() in CALENDAR_WORDS or w.lower() in breaks
                or _lower_too(w, text) for w in added):
            continue  # a headline's verbs ("Lundin Mining Announces"), "Deepak Nitrite Q3", "Catalyst Fund Director ..."
        found.add(_trimmed(m.group(), res))
    if " " not in short:  # a surname after a first name: "Arvind Kejriwal", "Chief Minister Arvind Kejriwal"
        before = re.compile(r"(?<![\w&'’.-])([A-Z][a-z]+)[ \t]+" + re.escape(short) + r"(?![\w&'’-])")
        for m in before.finditer(text):
            opening = not text[:m.start()].rstrip(" \t\"'“(*") or text[:m.start()].rstrip(" \t\"'“(*")[-1] in ".!?:\n"
            if not opening and m.group(1).lower() not in not_names and m.group(1).lower() not in _not_first_names(res) \
                    and not _headline(text, m.start()) and not _lower_too(m.group(1), text):
                found.add(_trimmed(m.group(), res))
    found = {f for f in found if f.lower() != short.lower() and len(f.split()) <= 5}
    return found.pop() if len(found) == 1 else ""


def _headline(text: str, pos: int) -> bool:
    """Whether the line at `pos` is a headline or subhead: four words or more, most of them capitalised."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _lower_too(word: str, text: str) -> bool:
    """Whether the article also writes the word in lower case: a common word ("brand", "about", "rival")."""
    low = word.lower().strip(".,'’")
    return bool(low) and re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text) is not None
