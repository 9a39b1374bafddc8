"""One compiled scanner tried only where a token can open a match: the loop the figures' and the calendar's
scanners share (`figure_atoms.find_atoms`, `calendar_scan._scan`)."""
from __future__ import annotations

import re
from typing import Callable, Collection, Iterator

from .word_patterns import trie_alternation

_LETTERS = re.compile(r"[^\W\d_]+")


def start_pattern(group: str, words: Collection[str]) -> re.Pattern:
    """Where a match can open: a match of `group` (digits, a symbol, a code such as "Q3") or a whole run of
    letters that is one of `words` ("million", "March"), found in one pass of the text, so that no other word is
    looked at in Python. A run of letters is all of it or none of it, as a token of `[^\\W\\d_]+` is; a word
    that is no such run is never a start.

    >>> [m.group() for m in start_pattern(r"\\d", {"b", "bb"}).finditer("a 12 b abb bb3")]
    ['1', '2', 'b', 'bb', '3']
    """
    letters = sorted(w for w in set(words) if _LETTERS.fullmatch(w))
    if not letters:
        return re.compile(group)
    return re.compile(group + r"|(?<![^\W\d_])(?:" + trie_alternation(letters) + r")(?![^\W\d_])")


class TokenScan:
    """The matches of `match` at the starts of `starts`'s matches, in order.

    The caller sets `pos` past what it keeps; starts before `pos` are skipped.

    >>> words = re.compile(r"\\d+ [a-z]+|[a-z]+ \\d+").match
    >>> [m.group() for m in TokenScan("a 12 b 345", start_pattern(r"\\d+", {"b"}), words)]
    ['12 b', 'b 345']
    >>> scan = TokenScan("a 12 b 345", start_pattern(r"\\d+", {"b"}), words)
    >>> kept = []
    >>> for m in scan:
    ...     kept.append(m.group())
    ...     scan.pos = m.end()
    >>> kept
    ['12 b']
    """

    def __init__(self, text: str, starts: re.Pattern, match: Callable[[str, int], re.Match | None]) -> None:
        self.text, self.starts, self.match = text, starts, match
        self.pos = 0

    def __iter__(self) -> Iterator[re.Match]:
        text, match = self.text, self.match
        for at in [t.start() for t in self.starts.finditer(text)]:
            if at < self.pos:
                continue
            m = match(text, at)
            if m is not None:
                yield m
