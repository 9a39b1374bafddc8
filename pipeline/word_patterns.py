"""Regex alternations built from the word lists of models/: the words are data, the pattern around them code.

A list's words are joined in the order its file writes them, as the code's literal alternations were, so a
pattern built from a list matches what the literal matched (an alternation tries its branches in order).
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping


def listed(words: Iterable[object], space: str = r"\ ") -> str:
    r"""The words as one alternation, escaped, in the order given; a space in a phrase written as `space`.

    >>> print(listed(["vs.", "versus"]))
    vs\.|versus
    >>> print(listed(["compared with", "than"], space=r"\s+"))
    compared\s+with|than
    """
    return "|".join(re.escape(str(w)).replace("\\ ", space) for w in words)


def longest_first(words: Iterable[object], space: str = r"\ ") -> str:
    r"""The words as one alternation, escaped, longest first (a longer phrase wins over its own start); a space in
    a phrase written as `space`.

    >>> longest_first(["bank", "banks", "investment bank"])
    'investment\\ bank|banks|bank'
    >>> print(longest_first(["valued at", "was valued at"], space=r"\s+"))
    was\s+valued\s+at|valued\s+at
    """
    return listed(sorted(map(str, words), key=len, reverse=True), space)


def whole_words(words: Iterable[object], ignore_case: bool = True) -> re.Pattern | None:
    """The words as one pattern of whole words (no letter, digit or hyphen beside them), longest first, in any
    case unless `ignore_case` is off; None for no words.

    >>> whole_words(["fiscal", "fiscal year"]).search("the Fiscal Year end, not fiscal-year").group()
    'Fiscal Year'
    >>> whole_words(["fiscal year"], ignore_case=False).search("Fiscal Year") is None
    True
    """
    words = [str(w) for w in words]
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + longest_first(words) + r")(?![\w-])", re.I if ignore_case else 0)


def names_pattern(names: Mapping[object, object], tail: str = "") -> tuple[re.Pattern | None, dict[str, str]]:
    """A pattern of a mapping's names as whole words, longest first, then `tail`; and the mapping as strings.

    (None, {}) for an empty mapping. subjects.yaml `governments` ("Trump" -> United States) and `market_cities`
    ("Seoul" -> KOSPI) are read so.

    >>> rx, names = names_pattern({"Seoul": "KOSPI", "Seoul Composite": "KOSPI"})
    >>> rx.search("the Seoul Composite rose").group(), names["Seoul"]
    ('Seoul Composite', 'KOSPI')
    """
    out = {str(k): str(v) for k, v in names.items()}
    if not out:
        return None, {}
    return re.compile(r"(?<![\w-])(?:" + longest_first(out) + r")" + tail + r"(?![\w-])"), out
