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
_GROUPING = re.compile(r"[,\s\u202f\u2009\u00a0]")  # thousands separators: "1,234", "1 234" (narrow no-break space)
# NOTE: only figures' scanner hands over a decimal comma ("12,99" before "million" or after "EUR");
# a thousands group has three digits, so "d,dd" cannot be one.
_DECIMAL_COMMA = re.compile(r"^(\d{1,3}),(\d{1,2})$")


def parse_digits(text: str) -> Decimal | None:
    """Parse digits with thousands commas, decimals and wire fractions.

    >>> parse_digits("1,234.50")
    Decimal('1234.50')
    >>> parse_digits("4-3/4")
    Decimal('4.75')
    >>> parse_digits("12,99")  # a decimal comma: a thousands group has three digits
    Decimal('12.99')
    """
    t = text.strip()
    comma = _DECIMAL_COMMA.match(t)
    if comma:
        t = comma.group(1) + "." + comma.group(2)
    m = _FRACTION.match(t)
    if m:
        whole = Decimal(m.group(1) or 0)
        den = Decimal(m.group(3))
        if den == 0:
            return None
        return whole + Decimal(m.group(2)) / den
    try:
        return Decimal(_GROUPING.sub("", t))
    except InvalidOperation:
        return None


def decimals_written(text: str) -> int:
    """Digits after the decimal point as written: the precision of the figure."""
    comma = _DECIMAL_COMMA.match(text.strip())
    t = comma.group(1) + "." + comma.group(2) if comma else _GROUPING.sub("", text)
    if "." in t and "e" not in t.lower():
        return len(t.split(".", 1)[1].rstrip())
    return 0


def parse_words(text: str, words: Mapping[str, object]) -> Decimal | None:
    """Parse English number words with the lexicon in models/lexicons/number_words.yaml.

    The whole text must be a number; `parse_word_tokens` reads the longest number at the start.

    >>> from pipeline.resources import load_resources
    >>> parse_words("two and a half million", load_resources().number_words)
    Decimal('2500000.0')
    >>> parse_words("three fifths", load_resources().number_words)
    Decimal('0.6')
    """
    tokens = [t for t in _WORD_SPLIT.split(text.lower().strip()) if t]
    value, used = parse_word_tokens(tokens, words)
    return value if used == len(tokens) and used else None


def _digit_words(tokens: list[str], i: int, words: Mapping[str, object]) -> tuple[str, int]:
    """Decimal digits spelled after "point": "zero three" -> "03", "seventy-one" -> "71", "eleven" -> "11"."""
    units: Mapping = words["units"]
    tens: Mapping = words["tens"]
    digits = ""
    while i < len(tokens):
        tok = tokens[i]
        if tok.isdigit():
            digits += tok
        elif tok in tens:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in units and 0 < units[nxt] < 10:
                digits += str(tens[tok] + units[nxt])
                i += 1
            else:
                digits += str(tens[tok])
        elif tok in units:
            digits += str(units[tok])
        else:
            break
        i += 1
    return digits, i


def parse_word_tokens(tokens: list[str], words: Mapping[str, object]) -> tuple[Decimal | None, int]:
    """The value of the longest number spelled at the start of `tokens`, and how many tokens it takes.

    Tokens are lower-case words ("and", "a" and hyphen-split parts included); the first may be
    digits ("322 hundred", "6 crore and two hundred"). Fractions follow Recognizers-Text's reading:
    without "and" the numerator is all that precedes ("two thirds", "one million ... three fifths");
    after "and" a fraction adds to what precedes, scaled by a preceding thousand or more
    ("five billion and three quarters" = 5.75e9, "one hundred and three quarters" = 100.75).
    A bare fraction ("half", "quarter") counts only before a magnitude ("half a million").
    """
    units: Mapping = words["units"]
    tens: Mapping = words["tens"]
    mags: Mapping = words["magnitudes"]
    dens: Mapping = words["denominators"]
    tails: Mapping = words.get("ordinal_tails") or {}
    dozen: Mapping = words.get("dozen") or {}
    point = words.get("decimal_point", "point")
    total = group = small = Decimal(0)
    top_mag = last_mag = Decimal(0)
    scale = Decimal(1)  # "three million and a half": the half is of the million, unless a magnitude follows
    and_at: tuple[Decimal, Decimal, Decimal] | None = None  # (total, group, magnitude just before) at "and"
    last = ""  # category of the last token read
    best: tuple[Decimal | None, int] = (None, 0)
    numeric = ("unit", "teen", "tens", "hundred", "digits", "mag", "point")
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        step = 1
        if tok == "and":
            if last not in numeric or not nxt:
                break
            and_at = (total, group, last_mag if last == "mag" else Decimal(0))
            last = "and"
            i += 1
            continue
        if i == 0 and tok[:1].isdigit():
            try:
                group = small = Decimal(tok)
            except ArithmeticError:
                break
            kind = "digits"
        elif tok in ("a", "an"):
            compound_den = nxt in tens and i + 2 < len(tokens) and (tokens[i + 2] in tails or tokens[i + 2] in dens)
            if nxt in dens or compound_den:
                last = "a"  # "a fifth", "a twenty-first": the numerator is one
                i += 1
                continue
            if (nxt in mags or nxt in dozen) and last in ("", "and", "bare", "frac"):
                if last in ("", "and"):
                    group, small = group + 1, Decimal(1)
                last = "a" if last in ("", "and") else last
                i += 1
                continue
            break
        elif tok == point and last in ("unit", "teen", "tens", "hundred", "digits"):
            digits, j = _digit_words(tokens, i + 1, words)
            if not digits:
                break
            group += Decimal("0." + digits)
            small = group
            step = j - i
            kind = "point"
        elif tok in dens or (tok in tens and (nxt in tails or (nxt in dens and dens[nxt] < 10))):
            if tok in tens:
                den = Decimal(tens[tok] + (tails[nxt] if nxt in tails else dens[nxt]))
                step = 2
            else:
                den = Decimal(dens[tok])
            if last == "a":
                num = Decimal(1)
            elif last in numeric and and_at is not None:
                num = group - (and_at[1] if not and_at[2] else 0)
            elif last in numeric:
                num = total + group
            elif last == "":
                num = Decimal(1)
            else:
                break
            if and_at is not None and last in ("a",) + numeric:
                base_total, base_group, base_mag = and_at
                if base_mag:
                    total, group, scale = base_total, num / den, base_mag
                else:
                    total, group = base_total, base_group + num / den
                and_at = None
            else:
                total, group, top_mag = Decimal(0), num / den, Decimal(0)
            small = group
            kind = "bare" if last == "" else "frac"
        elif tok in units or tok in tens:
            v = Decimal(units[tok] if tok in units else tens[tok])
            kind = "tens" if tok in tens else ("teen" if v >= 10 else "unit")
            if not ((last == "tens" and kind == "unit" and v > 0) or last in ("", "hundred", "mag", "and")):
                break
            if last in ("", "mag", "and"):
                small = Decimal(0)
            group += v
            small += v
        elif tok in mags:
            mag = Decimal(mags[tok])
            if last == "and" or (last == "mag" and mag <= last_mag):
                break
            scale = Decimal(1)
            if mag == 100:
                if last not in ("unit", "teen", "tens", "digits", "a", "") or (group >= 100 and last != "digits"):
                    break
                group = (group or 1) * mag
                small = Decimal(0)
                kind = "hundred"
            else:
                if mag > top_mag:
                    total = (total + (group if group or total else 1)) * mag
                    top_mag = mag
                else:
                    total += (group or 1) * mag
                group = small = Decimal(0)
                last_mag = mag
                kind = "mag"
        elif tok in dozen:
            if last not in ("unit", "teen", "tens", "digits", "a", "frac", "bare", "point"):
                break
            group = group - small + (small or 1) * Decimal(dozen[tok])
            small = Decimal(0)
            kind = "dozen"
        else:
            break
        last = kind
        i += step
        if kind != "bare":
            best = (total + group * scale, i)
    return best


def first_significant_step(value: Decimal, decimals: int) -> Decimal:
    """Half the last written digit's step: the rounding slack of a figure as written."""
    return Decimal(1).scaleb(-decimals) / 2
