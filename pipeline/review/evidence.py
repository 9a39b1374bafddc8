"""What the conflict view shows of a claim: pieces of text to highlight, values to read.

Article text is untrusted. Nothing here builds HTML: a highlight is a list of
(text, is_figure) pieces that the template escapes one by one, so no markup from
an article can reach the page unescaped.
"""
from __future__ import annotations

import math
import re

Pieces = list[tuple[str, bool]]

PARAGRAPH_LIMIT = 1500  # characters of context kept on each side of the figure
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def sentence_pieces(claim: dict) -> Pieces:
    """The claim's sentence split around its figure.

    >>> sentence_pieces({"sentence": "Sales rose to $5bn.", "figure": "$5bn", "text": ""})
    [('Sales rose to ', False), ('$5bn', True), ('.', False)]
    """
    sentence = claim.get("sentence") or ""
    text = claim.get("text") or ""
    start, end = _span(claim, text)
    if start is not None:
        # exact: the sentence found in the article around the figure's offsets
        lo = max(0, start - len(sentence))
        at = text.find(sentence, lo, end + len(sentence)) if sentence else -1
        if at != -1 and at <= start and end <= at + len(sentence):
            return _split(sentence, start - at, end - at)
    for needle in (text[start:end] if start is not None else "", claim.get("figure") or ""):
        at = sentence.find(needle) if needle else -1
        if at != -1:
            return _split(sentence, at, at + len(needle))
    return [(sentence, False)] if sentence else []


def paragraph_pieces(claim: dict) -> Pieces:
    """The paragraph around the figure (blank-line paragraphs, else lines), split around it.

    >>> paragraph_pieces({"text": "One.\\n\\nTwo $5bn here.\\n\\nThree.", "char_start": 10, "char_end": 14})
    [('Two ', False), ('$5bn', True), (' here.', False)]
    """
    text = claim.get("text") or ""
    start, end = _span(claim, text)
    if start is None:
        return []
    if _BLANK_LINE.search(text):
        before = [m.end() for m in _BLANK_LINE.finditer(text, 0, start)]
        after = _BLANK_LINE.search(text, end)
        p_start, p_end = (before[-1] if before else 0), (after.start() if after else len(text))
    else:
        p_start = text.rfind("\n", 0, start) + 1
        p_end = text.find("\n", end)
        p_end = len(text) if p_end == -1 else p_end
    p_start = max(p_start, start - PARAGRAPH_LIMIT)
    p_end = min(p_end, end + PARAGRAPH_LIMIT)
    return [p for p in ((text[p_start:start], False), (text[start:end], True), (text[end:p_end], False)) if p[0]]


def compact_number(value: float | None) -> str:
    """A value as a reader writes it.

    >>> compact_number(53e9), compact_number(1234.5), compact_number(0.25), compact_number(-2.5e6)
    ('53bn', '1,234.5', '0.25', '-2.5m')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = float(value)
    for scale, suffix in _SCALES:
        if abs(v) >= scale:
            return f"{v / scale:,.3f}".rstrip("0").rstrip(".") + suffix
    digits = 2 if abs(v) >= 100 else 4
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def format_value(value: float | None, unit: str | None) -> str:
    """A normalized value with its unit.

    >>> format_value(53e9, "USD"), format_value(28.0, "%"), format_value(11.0, "x"), format_value(5, "ton")
    ('USD 53bn', '28%', '11x', '5 ton')
    """
    unit = unit or ""
    number = compact_number(value)
    if re.fullmatch(r"[A-Z]{3}", unit):
        return f"{unit} {number}"
    if unit in ("%", "x"):
        return f"{number}{unit}"
    if unit in ("", "count"):
        return number
    return f"{number} {unit}"


def full_number(value: float | None) -> str:
    """A value with all its digits, for the reviewer who checks the conversion.

    >>> full_number(53e9), full_number(0.125)
    ('53,000,000,000', '0.125')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = float(value)
    return f"{int(v):,}" if v == int(v) and abs(v) < 1e18 else f"{v:,.6f}".rstrip("0").rstrip(".")


def conversion_note(reason: str | None) -> str:
    """The part of a conflict's reason that names a conversion or rate, if any.

    >>> conversion_note("HKD 124 (2025-02-16) vs USD 16 (2025-02-18); HKD converted at 7.8 per USD")
    'HKD converted at 7.8 per USD'
    """
    for part in re.split(r"[;()]|, ", reason or ""):
        if re.search(r"\b(convert\w*|rate|per [A-Z]{3}|[A-Z]{3}/[A-Z]{3})\b", part):
            return part.strip()
    return ""


def _span(claim: dict, text: str) -> tuple[int | None, int | None]:
    try:
        start, end = int(claim.get("char_start")), int(claim.get("char_end"))
    except (TypeError, ValueError):
        return None, None
    if 0 <= start < end <= len(text):
        return start, end
    return None, None


def _split(s: str, start: int, end: int) -> Pieces:
    return [p for p in ((s[:start], False), (s[start:end], True), (s[end:], False)) if p[0]]
