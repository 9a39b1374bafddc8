"""One compiled scanner tried only where a token can open a match: the loop the figures' and the calendar's
scanners share (`figure_atoms.find_atoms`, `calendar_scan._scan`)."""
from __future__ import annotations

import re
from typing import Callable, Collection, Iterator


class TokenScan:
    """The matches of `match` at the starts of `token`'s matches that can open one, in order.

    A start counts where the token matched a group (digits, a symbol) or is one of `starts` (a word that can
    open a match). The caller sets `pos` past what it keeps; starts before `pos` are skipped.

    >>> words = re.compile(r"\\d+ [a-z]+|[a-z]+ \\d+").match
    >>> [m.group() for m in TokenScan("a 12 b 345", re.compile(r"(\\d+)|[a-z]+"), {"b"}, words)]
    ['12 b', 'b 345']
    >>> scan = TokenScan("a 12 b 345", re.compile(r"(\\d+)|[a-z]+"), {"b"}, words)
    >>> kept = []
    >>> for m in scan:
    ...     kept.append(m.group())
    ...     scan.pos = m.end()
    >>> kept
    ['12 b']
    """

    def __init__(self, text: str, token: re.Pattern, starts: Collection[str],
                 match: Callable[[str, int], re.Match | None]) -> None:
        self.text, self.token, self.starts, self.match = text, token, starts, match
        self.pos = 0

    def __iter__(self) -> Iterator[re.Match]:
        text, match, starts = self.text, self.match, self.starts
        for at in [t.start() for t in self.token.finditer(text) if t.lastindex or t.group() in starts]:
            if at < self.pos:
                continue
            m = match(text, at)
            if m is not None:
                yield m
