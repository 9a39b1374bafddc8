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
    return _SpelledNumber(tokens, words).read()


_STOP = (0, None)  # a token that ends the number
_NUMERIC = ("unit", "teen", "tens", "hundred", "digits", "mag", "point")
_WHOLE = ("unit", "teen", "tens", "hundred", "digits")


class _SpelledNumber:
    """One reading of `parse_word_tokens`: a step per kind of token over the running sums. `total` holds the
    magnitudes read ("two million"), `group` what is below the last one, `small` the last group's part
    below a hundred; `last` is the kind of the token read before."""

    def __init__(self, tokens: list[str], words: Mapping[str, object]):
        self.tokens, self.words = tokens, words
        self.units: Mapping = words["units"]
        self.tens: Mapping = words["tens"]
        self.mags: Mapping = words["magnitudes"]
        self.dens: Mapping = words["denominators"]
        self.tails: Mapping = words.get("ordinal_tails") or {}
        self.dozen: Mapping = words.get("dozen") or {}
        self.point = words.get("decimal_point", "point")
        self.total = self.group = self.small = Decimal(0)
        self.top_mag = self.last_mag = Decimal(0)
        self.scale = Decimal(1)  # "three million and a half": the half is of the million, unless a magnitude follows
        self.and_at: tuple[Decimal, Decimal, Decimal] | None = None  # (total, group, magnitude just before) at "and"
        self.and_after = ""  # the kind of token before "and": a whole number may go on after a hundred or a magnitude only
        self.last = ""

    def read(self) -> tuple[Decimal | None, int]:
        best: tuple[Decimal | None, int] = (None, 0)
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            step, kind = self._token(i, tokens[i], tokens[i + 1] if i + 1 < len(tokens) else "")
            if not step:
                break
            i += step
            if kind is None:  # read, but no number of its own ("and", "a" before a fraction or a magnitude)
                continue
            self.last = kind
            if kind != "bare":
                best = (self.total + self.group * self.scale, i)
        return best

    def _token(self, i: int, tok: str, nxt: str) -> tuple[int, str | None]:
        """(tokens read, their kind) for the token at `i`; _STOP where the number ends."""
        if tok == "and":
            return self._and(nxt)
        if i == 0 and tok[:1].isdigit():
            return self._digits(tok)
        if tok in ("a", "an"):
            return self._article(i, nxt)
        if tok == self.point and self.last in _WHOLE:
            return self._point(i)
        if tok in self.dens or (tok in self.tens and (nxt in self.tails or (nxt in self.dens and self.dens[nxt] < 10))):
            return self._fraction(tok, nxt)
        if tok in self.units or tok in self.tens:
            if self.last == "and" and self.and_after not in ("hundred", "mag") and nxt not in self.dens:
                return _STOP  # "between one and two billion": two numbers; "one hundred and two", "five and three
                # quarters" are one (issue 17, s26)
            return self._small(tok)
        if tok in self.mags:
            return self._magnitude(tok)
        if tok in self.dozen:
            return self._dozen(tok)
        return _STOP

    def _and(self, nxt: str) -> tuple[int, str | None]:
        if self.last not in _NUMERIC or not nxt:
            return _STOP
        self.and_at = (self.total, self.group, self.last_mag if self.last == "mag" else Decimal(0))
        self.and_after, self.last = self.last, "and"
        return 1, None

    def _digits(self, tok: str) -> tuple[int, str | None]:
        try:
            self.group = self.small = Decimal(tok)
        except ArithmeticError:
            return _STOP
        return 1, "digits"

    def _article(self, i: int, nxt: str) -> tuple[int, str | None]:
        tokens = self.tokens
        compound_den = nxt in self.tens and i + 2 < len(tokens) and (tokens[i + 2] in self.tails or tokens[i + 2] in self.dens)
        if nxt in self.dens or compound_den:
            self.last = "a"  # "a fifth", "a twenty-first": the numerator is one
            return 1, None
        if (nxt in self.mags or nxt in self.dozen) and self.last in ("", "and", "bare", "frac"):
            if self.last in ("", "and"):  # "a million", "and a half million"
                self.group, self.small = self.group + 1, Decimal(1)
                self.last = "a"
            return 1, None
        return _STOP

    def _point(self, i: int) -> tuple[int, str | None]:
        digits, j = _digit_words(self.tokens, i + 1, self.words)
        if not digits:
            return _STOP
        self.group += Decimal("0." + digits)
        self.small = self.group
        return j - i, "point"

    def _fraction(self, tok: str, nxt: str) -> tuple[int, str | None]:
        """"three fifths", "a twenty-first", "half": the numerator is what precedes (after "and": what follows it)."""
        step = 1
        if tok in self.tens:
            den = Decimal(self.tens[tok] + (self.tails[nxt] if nxt in self.tails else self.dens[nxt]))
            step = 2
        else:
            den = Decimal(self.dens[tok])
        last, and_at = self.last, self.and_at
        if last == "a":
            num = Decimal(1)
        elif last in _NUMERIC and and_at is not None:
            num = self.group - (and_at[1] if not and_at[2] else 0)
        elif last in _NUMERIC:
            num = self.total + self.group
        elif last == "":
            num = Decimal(1)
        else:
            return _STOP
        if and_at is not None and last in ("a",) + _NUMERIC:
            base_total, base_group, base_mag = and_at
            if base_mag:
                self.total, self.group, self.scale = base_total, num / den, base_mag
            else:
                self.total, self.group = base_total, base_group + num / den
            self.and_at = None
        else:
            self.total, self.group, self.top_mag = Decimal(0), num / den, Decimal(0)
        self.small = self.group
        return step, "bare" if last == "" else "frac"

    def _small(self, tok: str) -> tuple[int, str | None]:
        """A unit, teen or tens: after a tens only a unit ("twenty-one"), else after a magnitude or "and"."""
        v = Decimal(self.units[tok] if tok in self.units else self.tens[tok])
        kind = "tens" if tok in self.tens else ("teen" if v >= 10 else "unit")
        last = self.last
        if not ((last == "tens" and kind == "unit" and v > 0) or last in ("", "hundred", "mag", "and")):
            return _STOP
        if last in ("", "mag", "and"):
            self.small = Decimal(0)
        self.group += v
        self.small += v
        return 1, kind

    def _magnitude(self, tok: str) -> tuple[int, str | None]:
        """"hundred" multiplies the group; a larger magnitude multiplies all that precedes, a smaller one its group."""
        mag = Decimal(self.mags[tok])
        if self.last == "and" or (self.last == "mag" and mag <= self.last_mag):
            return _STOP
        self.scale = Decimal(1)
        if mag == 100:
            if self.last not in ("unit", "teen", "tens", "digits", "a", "") or (self.group >= 100 and self.last != "digits"):
                return _STOP
            self.group = (self.group or 1) * mag
            self.small = Decimal(0)
            return 1, "hundred"
        if mag > self.top_mag:
            self.total = (self.total + (self.group if self.group or self.total else 1)) * mag
            self.top_mag = mag
        else:
            self.total += (self.group or 1) * mag
        self.group = self.small = Decimal(0)
        self.last_mag = mag
        return 1, "mag"

    def _dozen(self, tok: str) -> tuple[int, str | None]:
        if self.last not in ("unit", "teen", "tens", "digits", "a", "frac", "bare", "point"):
            return _STOP
        self.group = self.group - self.small + (self.small or 1) * Decimal(self.dozen[tok])
        self.small = Decimal(0)
        return 1, "dozen"


def first_significant_step(value: Decimal, decimals: int) -> Decimal:
    """Half the last written digit's step: the rounding slack of a figure as written."""
    return Decimal(1).scaleb(-decimals) / 2
