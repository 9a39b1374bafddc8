"""A sentence's first word is capitalised by its place: a common word there is no part of the name after it.

"Figures USTelecom posted in February ... show Verizon", "Nationwide U.S. crude inventories dropped",
"Plaintiff Discovery Global Beacon Partners ... sued Hertz": read by capitalisation alone (the runs
without the parse, `subjects.word_order_chunks`), the opening word joins the name chunk after it and
makes a name no list knows ("Figures USTelecom"), which then owns the figure. The article tells a
common word from a name's first word: it never writes the word capitalised inside a sentence, and it
writes it in lower case elsewhere ("the figures") or the name without it ("U.S. crude stocks"). Such a word is cut off the chunk; a chunk the
gazetteer or the article knows whole ("General Motors", "National Tech" written so mid-sentence) stays.
"""
from __future__ import annotations

import re

from .subjects import SubjectWords, found_in_article, written_lower
from .word_patterns import word_matches

_FIRST_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?(?=\s+\S)")


def _capitalised_inside(word: str, text: str, words: SubjectWords) -> bool:
    """Whether the article writes `word` capitalised after a lower-case word or a comma (inside a sentence)."""
    pattern = r"[a-z0-9,;]\s+" + re.escape(word) + r"(?![\w-])"
    return found_in_article("inside", word, lambda body: re.search(pattern, body) is not None, text, words)


def _written_alone(text: str, s: int, rest: int, e: int, words: SubjectWords) -> bool:
    """Whether the article writes the chunk's rest (`text[rest:e]`) elsewhere without its first word (once a
    chunk: every figure of the sentence asks)."""
    memo = words.last_scan.get("alone")
    if memo is None or memo[0] is not text:
        memo = words.last_scan["alone"] = (text, {})
    if (s, e) not in memo[1]:
        memo[1][(s, e)] = _scan_alone(text, s, rest, e)
    return memo[1][(s, e)]


def _scan_alone(text: str, s: int, rest: int, e: int) -> bool:
    name, first = text[rest:e], text[s:rest]
    return any(text[max(0, i - len(first)):i] != first for i in word_matches(text, name, ".-") if i != rest)


def without_opening_word(text: str, sent_start: int, chunks: list[tuple[int, int]], words: SubjectWords,
                         known) -> list[tuple[int, int]]:
    """`chunks` with the sentence's capitalised common first word cut off the chunk that opens with it.

    `known(name)` says whether a list or the article knows the whole chunk as a name (it is kept)."""
    out = []
    for s, e in chunks:
        first = _FIRST_WORD.match(text, s, e)
        if first is not None and not text[sent_start:s].strip(" \t\n\"'“‘(*-•|") and not known(text[s:e]) \
                and not _capitalised_inside(first.group(), text, words):
            gap = re.match(r"\s+", text[first.end():e])
            rest = first.end() + (gap.end() if gap else 0)
            if written_lower(first.group(), text, words) or _written_alone(text, s, rest, e, words):
                s = rest
        if s < e:
            out.append((s, e))
    return out
