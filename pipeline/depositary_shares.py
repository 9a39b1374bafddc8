"""A company's share price or move that its story quotes for the American depositary receipts (guide 4: a share
class such as `ADR` is a segment): "Infosys, which lost 3.4%" under the headline "Asian Equities Traded in the US as
American Depositary Receipts Lower", "Up 22.02% from its 52-week closing low" under "BP p.l.c. Sponsored ADR (BP) is
currently at $34.36".

The story must tie the receipts to the company: its headline says the equities it lists trade as such receipts, or
a sentence of it writes the company's (first) name word a few words before "ADR"/"ADRs"/"American depositary receipts"
("BP p.l.c. Sponsored ADR", "Infosys ADRs") or right after "ADRs of". A list that names receipts for some of its rows
("NYSE New 52-Week Highs And Lows") gives none to the rest.
"""
from __future__ import annotations

import re

# the share-price metrics whose figure is the price or move of one line of the company's shares
_PRICE_METRICS = frozenset({"share_price", "price_change"})
_RECEIPTS = r"(?:ADRs?|ADSs?|American [Dd]eposit[ao]ry (?:[Rr]eceipts?|[Ss]hares?))"
# "Asian Equities Traded in the US as American Depositary Receipts Lower": every equity the story quotes
_HEADLINE = re.compile(r"\b(?i:traded|trading|listed)\s+(?:(?i:in)\s+the\s+(?:US|U\.S\.)\s+)?(?i:as)\s+" + _RECEIPTS)
_RECEIPT = re.compile(r"\b" + _RECEIPTS + r"(?![\w-])")
_NEAR = 40  # characters between the company's name and the receipts' word in the same sentence
_WORD = re.compile(r"[A-Za-z][\w&.'’-]*")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z])|\n")  # not an abbreviation's point ("BP p.l.c. Sponsored")


_AFTER_LINK = re.compile(r"^\s+(?:of|in|for)\s+(?:the\s+)?")  # "ADRs of Infosys"


def _word_forms(window: str) -> frozenset[str]:
    """The window's words as `depositary_class` compares them with the company's first name word."""
    return frozenset(w.removesuffix("'s").removesuffix("’s").rstrip(".") for w in _WORD.findall(window))


_LAST_TEXT: list = [None, ()]  # the last article's text and its receipts' word forms (every figure of it asks)


def _receipt_words(text: str) -> tuple[frozenset[str], ...]:
    """For each receipts' word of `text`, the words that may name their company: those before it in its sentence
    and those of the name right after "ADRs of" (up to a comma)."""
    if _LAST_TEXT[0] is text:
        return _LAST_TEXT[1]
    out = []
    for m in _RECEIPT.finditer(text):
        start, end = max(0, m.start() - _NEAR), m.end() + _NEAR
        before, after = text[start:m.start()], text[m.end():end]
        # stay inside the receipts' sentence
        cut = None
        for cut in _SENTENCE_END.finditer(before):
            pass
        before = before[cut.end():] if cut is not None else before
        stop = _SENTENCE_END.search(after)
        after = after[:stop.start()] if stop is not None else after
        link = _AFTER_LINK.match(after)
        words = _word_forms(before)
        if link is not None:
            words |= _word_forms(after[link.end():].split(",")[0])
        out.append(words)
    _LAST_TEXT[:] = [text, tuple(out)]
    return _LAST_TEXT[1]


def depositary_class(text: str, headline: str, metric: str, entity: str) -> str:
    """"ADR" when the figure is a share price or move and its story says the shares of the company named `entity`
    it quotes are American depositary receipts, else ""."""
    first = _WORD.search(entity or "")
    if metric not in _PRICE_METRICS or first is None or not first.group()[:1].isupper():
        return ""
    name = first.group().removesuffix("'s").rstrip(".")
    if _HEADLINE.search(headline or ""):
        return "ADR"
    return "ADR" if any(name in words for words in _receipt_words(text)) else ""
