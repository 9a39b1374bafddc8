"""Turn the text of a number ("1,234.5", "4-3/4", "two and a half million") into a Decimal.

Used by the figures stage once it has found a span; pure functions, no regex
scanning of whole articles here.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Mapping

_FRACTION = re.compile(r"^(?:(\d+)[\s-]+)?(\d{1,3})/(\d{1,3})$")
_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_digits(text: str) -> Decimal | None:
    """Parse digits with thousands commas, decimals and wire fractions.

    >>> parse_digits("1,234.50")
    Decimal('1234.50')
    >>> parse_digits("4-3/4")
    Decimal('4.75')
    """
    t = text.strip()
    m = _FRACTION.match(t)
    if m:
        whole = Decimal(m.group(1) or 0)
        den = Decimal(m.group(3))
        if den == 0:
            return None
        return whole + Decimal(m.group(2)) / den
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation:
        return None


def decimals_written(text: str) -> int:
    """Digits after the decimal point as written: the precision of the figure."""
    t = text.replace(",", "")
    if "." in t:
        return len(t.split(".", 1)[1].rstrip())
    return 0


def parse_words(text: str, words: Mapping[str, object]) -> Decimal | None:
    """Parse English number words with the lexicon in models/lexicons/number_words.yaml.

    >>> from pipeline.resources import load_resources
    >>> parse_words("two and a half million", load_resources().number_words)
    Decimal('2500000.0')
    """
    units: Mapping = words["units"]
    tens: Mapping = words["tens"]
    mags: Mapping = words["magnitudes"]
    fractions: Mapping = words["fractions"]
    tokens = [t for t in _WORD_SPLIT.split(text.lower().strip()) if t]
    total = current = frac = Decimal(0)
    seen = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "and":
            i += 1
            continue
        if tok in ("a", "an"):
            if nxt in fractions:  # "a half", "a quarter"
                frac += Decimal(str(fractions[nxt]))
                seen = True
                i += 2
                continue
            if nxt not in mags and nxt != "dozen":
                return None
            if not current and not frac:  # "a million"; but "half a million" keeps the half
                current = Decimal(1)
        elif tok in units:
            current += Decimal(units[tok])
        elif tok in tens:
            current += Decimal(tens[tok])
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok in fractions:  # "three quarters", or "half" alone
            frac += (current or 1) * Decimal(str(fractions[tok]))
            current = Decimal(0)
        elif tok in mags:
            mag = Decimal(mags[tok])
            if mag == 100:
                current = (current or 1) * mag
            else:
                total += (current + frac or Decimal(1)) * mag
                current = frac = Decimal(0)
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    return total + current + frac


def first_significant_step(value: Decimal, decimals: int) -> Decimal:
    """Half the last written digit's step: the rounding slack of a figure as written."""
    return Decimal(1).scaleb(-decimals) / 2
