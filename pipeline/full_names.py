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
from typing import Iterator

from .identity import slug
from .quote_rows import CLASS_TAIL
from .records import Mention
from .resources import Resources
from .subjects import CALENDAR_WORDS, subject_words
from .word_patterns import has_word

RULE = "full_names.v3"

_WORD = r"[A-Z][\w&'’.-]*"
# not "and": "Sify Technologies and Infosys" are two; not a gap of two spaces or a tab, a table's column break
# ("Nayax                        NYAX        40.70": the ticker's cell is no part of the name, quote_rows.py)
_JOIN = r"(?:\s+(?:&|of|de)\s+| (?![ \t]))"
_SOURCES = frozenset({"name", "title"})
_RUN_ON = re.compile(r"(?:" + _JOIN + _WORD + r")+")  # the words after the short name
_NOT_BEFORE = "_&'’.-"  # besides letters and digits: what may not stand right before a name
_SENTENCE_END = re.compile(r"\w\w\.(?=\s)")  # a word of two letters or more and its dot, unlike an initial's ("J. P.")


@lru_cache(maxsize=4)
def _not_first_names(res: Resources) -> frozenset[str]:
    """subjects.yaml `not_first_names`, lower case."""
    return frozenset(str(w).lower() for w in res.subject_words["not_first_names"])


@lru_cache(maxsize=4)
def _office_words(res: Resources) -> frozenset[str]:
    """subjects.yaml `office_words`, lower case."""
    return frozenset(str(w).lower() for w in res.subject_words["office_words"])


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
    for start, run_on in _runs_on(short, text):
        end = _SENTENCE_END.search(run_on)
        run_on = run_on[:end.end()] if end else run_on  # "... of CRISPR Therapeutics AG. CASGEVY® and": two sentences
        added = run_on.split()
        if CLASS_TAIL.fullmatch(run_on):
            continue  # the security's class, no part of the name: "Banco Bradesco Pref", "Gerdau S/A Ord"
        if "\n" in run_on or len(added) > 2 or _headline(text, start) or any(
                w.lower().strip(".,") in _office_words(res) for w in added):
            continue  # a headline's verbs ("Lundin Mining Announces"), "the Carrier Investor Relations site"
        if added[-1].rstrip(".,").upper() not in _suffixes(res) and any(
                w.lower().strip(".,'’s") in not_names or w.lower() in CALENDAR_WORDS or w.lower() in breaks
                or _lower_too(w, text) for w in added):
            continue  # "Deepak Nitrite Q3", "Catalyst Fund Director ..."; a legal form closes a name whatever its
            # words: "Carrier Global Corporation" though the release writes "global"
        found.add(_trimmed(short + run_on, res))
    if " " not in short:  # a surname after a first name: "Arvind Kejriwal", "Chief Minister Arvind Kejriwal"
        for start, first, end in _first_names(short, text):
            opening = not text[:start].rstrip(" \t\"'“(*") or text[:start].rstrip(" \t\"'“(*")[-1] in ".!?:\n"
            if not opening and first.lower() not in not_names and first.lower() not in _not_first_names(res) \
                    and not _headline(text, start) and not _lower_too(first, text):
                found.add(_trimmed(text[start:end], res))
    found = {f for f in found if f.lower() != short.lower() and len(f.split()) <= 5}
    return found.pop() if len(found) == 1 else ""


def _runs_on(short: str, text: str) -> Iterator[tuple[int, str]]:
    r"""(start, words after) where `text` writes `short` and capitalised words after it: what
    re.finditer(r"(?<![\w&'’.-])" + re.escape(short) + r"(" + _RUN_ON + ")") finds, without compiling a
    pattern per name (2 ms of CPU a compile; 3,695 of them took 3% of a run over 2,000 articles)."""
    i = text.find(short)
    while i >= 0:
        ch = text[i - 1:i] if i else ""
        m = None if ch and (ch.isalnum() or ch in _NOT_BEFORE) else _RUN_ON.match(text, i + len(short))
        if m is not None:
            yield i, m.group()
        i = text.find(short, m.end() if m is not None else i + 1)


def _first_names(short: str, text: str) -> Iterator[tuple[int, str, int]]:
    r"""(start, first name, end) where `text` writes a capitalised word, blanks and `short`: what
    re.finditer(r"(?<![\w&'’.-])([A-Z][a-z]+)[ \t]+" + re.escape(short) + r"(?![\w&'’-])") finds. The word
    before one `short` can only start where its run of lower-case letters does."""
    last, i, n = 0, text.find(short), len(short)
    while i >= 0:
        after = text[i + n:i + n + 1]
        gap = i
        while gap > 0 and text[gap - 1] in " \t":
            gap -= 1
        word = gap
        while word > 0 and "a" <= text[word - 1] <= "z":
            word -= 1
        start = word - 1
        if not (after and (after.isalnum() or after in "_&'’-")) and gap < i and 0 < word < gap and start >= last \
                and "A" <= text[start] <= "Z" and not (start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE)):
            yield start, text[start:gap], i + n
            last = i + n
            i = text.find(short, last)
        else:
            i = text.find(short, i + 1)


def _headline(text: str, pos: int) -> bool:
    """Whether the line at `pos` is a headline or subhead: four words or more, most of them capitalised."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _lower_too(word: str, text: str) -> bool:
    """Whether the article also writes the word in lower case: a common word ("brand", "about", "rival")."""
    low = word.lower().strip(".,'’")
    return bool(low) and has_word(text, low)
