"""Upper-case lines read in lower case: a wire headline or slug written in capitals, `WALT DISNEY ISSUES 60 MLN
AUS DLR EUROBOND`, `ACME SETS 100 MLN DLRS NOTE ISSUE, UP 20 PCT`, names its amounts in the words the figure
scanner knows in lower or title case only (issue 17). `fold_caps_lines` gives the text with such lines in lower
case, of the same length, so every offset holds; the figures' and skips' text is then copied back from the
original by `restore_text`. Currency codes and the letters of a symbol stay as written (`USD 100 MLN`,
`HK$5 BLN`, `RMB 3 BLN`).

    >>> fold_caps_lines("ACME SETS 100 MLN DLR NOTE ISSUE\\nShr 86 cts", ({"USD": "USD"}, frozenset({"dlr"})))
    'acme sets 100 mln dlr note issue\\nShr 86 cts'
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from .resources import Resources

_LINE = re.compile(r"[^\n]+")
# letters of any script ("TÖGRÖG", "COLÓN"): a word cut at its first non-ASCII letter would not read back
_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_caps(line: str) -> bool:
    """A line with no lower-case letter and at least two words of capitals (not a table row of codes)."""
    return not any(ch.islower() for ch in line) and len(_WORD.findall(line)) >= 2


@lru_cache(maxsize=4)
def kept_words(res: Resources) -> tuple[Mapping[str, str], frozenset]:
    """({word in capitals: the case a currency's code or symbol, or a scale, writes it in}, the lower-case words
    of currencies' names): "RS 5" is "Rs 5", "5 CDN DLRS" is "5 cdn dlrs", "0MM" stays "0MM"."""
    named = frozenset(w.lower() for cur in res.currencies.values() for n in cur.names
                      for w in re.findall(r"[^\W\d_]+", n))
    out = {code: code for code in res.currencies if len(code) == 3}  # not the pseudo-code DOLLAR
    for cur in res.currencies.values():
        for form in (*cur.codes, *cur.symbols):
            out.update((w.upper(), w) for w in _WORD.findall(form) if w.upper() not in out)
    for cur in res.currencies.values():  # "US DLRS 5": a code of two words, as written
        out.update((form.upper(), form) for form in cur.codes if " " in form and form.upper() not in out)
    for scale in res.scales:  # "0MM": a scale the lists write in capitals only
        out.update((w.upper(), w) for w in _WORD.findall(scale)
                   if w.upper() not in out and w != w.lower() and w.lower() not in res.scales)
    return MappingProxyType(out), named


# a currency code of two words right before an amount ("US DLRS 5", "U.S. DLRS 5"), looked up in `kept_words`
_CODE_PHRASE = re.compile(r"\b[A-Z][A-Z.]*\s[A-Z]{2,}(?=\s?\d)")


def fold_caps_lines(text: str, kept: tuple[Mapping[str, str], frozenset]) -> str:
    """text (str) with each all-capitals line in lower case, the same length: a word before an amount or a
    "$" in its symbol's or code's case, a word of a currency's name in lower case, others as `kept_words`
    says or in lower case."""
    cases, named = kept

    def fold(w: re.Match) -> str:
        word, line = w.group(), w.string
        after = line[w.end():w.end() + 2]
        if re.match(r" ?[$¥€£₹₩₽₺₪₱₴₸฿₿₡₦₫]", after):
            return cases.get(word, word)  # "US $5", "HK$5", "MEX$5", "RMB¥5": the letters of a symbol keep its case
        if re.match(r" ?\d", after):
            return cases.get(word, word.lower())  # "RS 1,234", "USD 100", "SETS 100"
        return word.lower() if word.lower() in named else cases.get(word, word.lower())

    if not re.search(r"[A-Z]{2}", text):
        return text
    parts, pos = [], 0
    for m in _LINE.finditer(text):
        line = m.group()
        if not _is_caps(line):
            continue
        low = _WORD.sub(fold, line)
        for code in _CODE_PHRASE.finditer(line):  # "US DLRS 5": a code of two words keeps its case before the amount
            written = cases.get(code.group())
            if written is not None:
                low = low[:code.start()] + written + low[code.end():]
        if len(low) != len(line):  # a letter whose lower case is longer: keep the line
            continue
        parts.append(text[pos:m.start()] + low)
        pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


def restore_text(items: list, original: str) -> list:
    """Figures or skips found on the folded text, with their `text` copied back from the original."""
    out = []
    for it in items:
        t = original[it.start:it.start + len(it.text)]
        out.append(it if t == it.text else dataclasses.replace(it, text=t))
    return out
