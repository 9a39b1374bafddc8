"""Regex alternations built from the word lists of models/: the words are data, the pattern around them code.

A list's words are joined in the order its file writes them, as the code's literal alternations were, so a
pattern built from a list matches what the literal matched (an alternation tries its branches in order).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Mapping


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


def _set_apart(text: str, start: int, end: int, before: str, after: str) -> bool:
    """No word character nor one of `before` just before `start`, none of `after` just at `end`."""
    ch, nxt = text[start - 1:start] if start else "", text[end:end + 1]
    return not (ch and (ch.isalnum() or ch == "_" or ch in before)) and \
        not (nxt and (nxt.isalnum() or nxt == "_" or nxt in after))


def word_matches(text: str, word: str, before: str = "-", after: str = "-") -> Iterator[int]:
    r"""Where `text` writes `word`, with no word character nor one of `before` just before it and none of `after`
    just after: the starts `re.finditer(r"(?<![\w<before>])" + re.escape(word) + r"(?![\w<after>])", text)` gives.

    A name or word of one article was compiled into such a pattern per call: 0.4 ms a compile, most of them
    cache misses (565 names in 605 calls over 300 articles), against a few str.find calls.

    >>> list(word_matches("Ford, Fords and ford-based Ford", "Ford"))
    [0, 27]
    """
    n, i = len(word), text.find(word)
    while i >= 0:
        if _set_apart(text, i, i + n, before, after):
            yield i
            i = text.find(word, i + (n or 1))  # finditer goes on after the match
        else:
            i = text.find(word, i + 1)


def has_word(text: str, word: str, before: str = "-", after: str = "-", not_then: re.Pattern | None = None) -> bool:
    r"""Whether `text` writes `word` as `word_matches` finds it (re.search of that pattern), and where given, with
    `not_then` not matching right after it (the pattern's lookahead `(?![\w<after>]|<not_then>)`).

    >>> has_word("the cloud-based unit", "cloud"), has_word("the cloud unit", "cloud")
    (False, True)
    >>> has_word("at arvinas.com", "arvinas", not_then=re.compile(r"\.[a-z]"))
    False
    """
    n, i = len(word), text.find(word)
    while i >= 0:
        if _set_apart(text, i, i + n, before, after) and (not_then is None or not not_then.match(text, i + n)):
            return True
        i = text.find(word, i + 1)
    return False


def trie_alternation(words: Iterable[object], tail: Callable[[str], str] | None = None) -> str:
    r"""The words as `longest_first` matches them, written as a trie: words sharing a start share its branch.

    Where the words can match at a point of the text they all lie on one path of the trie (each is the start
    of the longer ones), and a branch tries its longer words first, so the pattern matches what
    `longest_first` does; but the engine reads a character once instead of once per word. The chunk scan's
    pattern of 1,500 special names took 0.27 s of CPU over 300 modern articles as an alternation. In any case
    (re.I) only for words of lower-case ASCII, where no two branches can take the same character.

    >>> print(trie_alternation(["bank", "banks", "band", "b.c."]))
    b(?:\.c\.|an(?:d|k(?:s)?))
    >>> print(trie_alternation(["sale", "sales", "cost"], tail=lambda w: "" if w.endswith("s") else "(?:e?s)?"))
    (?:cost(?:e?s)?|sale(?:s|(?:e?s)?))
    >>> import re
    >>> words, text = ["bank", "banks", "investment bank"], "investment banks, banks"
    >>> re.findall(trie_alternation(words), text) == re.findall(longest_first(words), text) == ['investment bank', 'banks']
    True
    """
    trie: dict = {}
    for word in map(str, words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = tail(word) if tail else ""  # a word ends here, then its tail
    return _branches(trie)


def _branches(node: dict) -> str:
    arms = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    end = node.get("")
    if not arms:
        return end or ""
    body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
    if end is None:
        return body
    return f"(?:{body}|{end})" if end else f"(?:{body})?"


def caseless_alternation(words: Iterable[object]) -> str:
    """`longest_first` for a pattern in any case (re.I): as a trie where the words are lower-case ASCII (no two
    branches then take the same character), else as the alternation.

    >>> print(caseless_alternation(["sales", "sale"]), caseless_alternation(["Sale", "sales"]))
    sale(?:s)? sales|Sale
    """
    words = [str(w) for w in words]
    return trie_alternation(words) if all(w.isascii() and w == w.lower() for w in words) else longest_first(words)
