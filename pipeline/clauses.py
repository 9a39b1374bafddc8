"""A sentence cut into clauses: at commas, semicolons, colons, brackets, dashes and the words that set
one thing against another ("while", "but", "compared with"). A figure looks first in its own clause."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s-\s|\s--\s|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared (?:with|to)\b|\bversus\b")


@dataclass(frozen=True)
class SentenceView:
    start: int
    end: int
    clauses: tuple[tuple[int, int], ...]

    def clause_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts(), pos) - 1
        if i >= 0:
            a, b = self.clauses[i]
            if a <= pos < b:
                return a, b
        return self.start, self.end

    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_clause_starts")
        if cached is None:
            cached = [a for a, _ in self.clauses]
            object.__setattr__(self, "_clause_starts", cached)
        return cached


def sentence_clauses(text: str, start: int, end: int) -> SentenceView:
    """
    >>> v = sentence_clauses("Sales rose 5% to $1,234 million, while profit fell 2%.", 0, 54)
    >>> [v.clause_of(p) for p in (11, 50)]
    [(0, 31), (33, 54)]
    """
    cuts = [start]
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        # a comma inside a number ("1,234") is not a clause break
        if m.group() == "," and m.start() > 0 and text[m.start() - 1].isdigit() and text[m.end():m.end() + 1].isdigit():
            continue
        cuts.append(m.start())
    cuts.append(end)
    return SentenceView(start, end, tuple((a, b) for a, b in zip(cuts, cuts[1:]) if b > a))
