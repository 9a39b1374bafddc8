"""Every number in a text as (start, end, value), digits or words, with its scale word: broader than the
figures, for the peer suites (bench/peer_suites.py), read from `figure_atoms.find_atoms`' spans."""
from __future__ import annotations

import re
from decimal import Decimal

from .figure_atoms import Atom, find_atoms
from .numbers import parse_digits, parse_word_tokens
from .resources import Resources

_ONE_NOT = re.compile(r"\b(?:the|this|that|which|each|every|any|no|another|some)\s+$", re.I)
_DASH_SIGN = re.compile(r"(?:^|[\n(=])\s*(-\s+)$")
_WORD_TOKEN = re.compile(r"[^\s-]+")


def find_numbers(text: str, res: Resources) -> list[tuple[int, int, Decimal]]:
    """Every number as (start, end, value), digits or words, with its scale word ("1.5 million").

    Broader than the figures: "10k" and "1.2b" count without a currency, digits grouped by
    spaces ("1 234 567") join, and words after digits continue them ("6 crore and two hundred").

    >>> from pipeline.resources import load_resources
    >>> find_numbers("minus five point five and 1 234 567", load_resources())
    [(0, 21, Decimal('-5.5')), (26, 35, Decimal('1234567'))]
    >>> [str(v) for _, _, v in find_numbers("3/4, five eighths, 2.5k, 6 crore and two hundred", load_resources())]
    ['0.75', '0.625', '2500.00', '60000200']
    """
    nw = res.number_words
    out: list[tuple[int, int, Decimal]] = []
    atoms = [a for a in find_atoms(text, res) if not a.bare]
    i = 0
    while i < len(atoms):
        a = atoms[i]
        i += 1
        start, end = a.num_start, a.num_end
        if a.words and a.number.lower() == "one" and _ONE_NOT.search(text[max(0, start - 12):start]):
            continue  # "which one", "this one": a pronoun
        if not a.words and a.loose_scale == 1 and not a.scale_text and text[end:end + 1].isalpha():
            continue  # "4th", "180ml", "A1B2": an ordinal, a measurement or an identifier
        value = a.value * (a.scale if a.scale_text else Decimal(1))
        if a.loose_scale != 1:
            value, end = value * a.loose_scale, a.loose_end
        if not a.words and not a.scale_text and a.loose_scale == 1:
            # digits grouped by spaces: "1 234 567", "40 000"
            while (i < len(atoms) and not atoms[i].words and atoms[i].num_start == end + 1 and text[end] == " "
                   and re.fullmatch(r"\d{3}(?:\.\d+)?", atoms[i].number) and re.fullmatch(r"\d{1,3}(?:\s\d{3})*", text[start:end].lstrip("-+"))):
                b = atoms[i]
                value = parse_digits(text[start:b.num_end].lstrip("-+")) or value
                end = b.num_end
                i += 1
            # words continuing digits: "322 hundred", "3 dozens", "6 crore and two hundred", "1 point 1"
            value, end, i = _continue_in_words(text, start, end, value, atoms, i, nw)
        elif a.scale_text and not a.words:
            value, end, i = _continue_in_words(text, start, end, value, atoms, i, nw, scaled=True)
        sign = a.sign
        dash = _DASH_SIGN.search(text[max(0, start - 6):start]) if sign == 1 else None
        if dash:  # "- 1,200,000" at the start of a line
            start, sign = start - len(dash.group(1)), -1
        out.append((start, end, value * sign))
    return out




def _continue_in_words(text: str, start: int, end: int, value: Decimal, atoms: list[Atom], i: int, nw,
                       scaled: bool = False) -> tuple[Decimal, int, int]:
    """Read on from a number in digits through the number words after it (find_numbers only)."""
    after = text[end:end + 80]
    if not re.match(r"\s+[A-Za-z]", after):
        return value, end, i
    num_end = end
    tokens, ends = [], []
    if scaled:  # "6 crore and ...": restart from the digits so the parser sees the magnitude
        m = re.match(r"[+-]?[\d.,\s]+?(?=\s*[A-Za-z])", text[start:end])
        if not m:
            return value, end, i
        num_end = start + m.end()
        lead = parse_digits(m.group().strip().lstrip("+-"))
        if lead is None:
            return value, end, i
    else:
        lead = value
    tokens.append(format(lead, "f"))
    ends.append(num_end)
    for t in _WORD_TOKEN.finditer(text[num_end:num_end + 80]):
        tokens.append(t.group().lower())
        ends.append(num_end + t.end())
        if len(tokens) > 12:
            break
    got, used = parse_word_tokens(tokens, nw)
    if got is None or used <= 1 or ends[used - 1] <= end:
        return value, end, i
    new_end = ends[used - 1]
    while i < len(atoms) and atoms[i].start < new_end:
        i += 1
    return got, new_end, i
