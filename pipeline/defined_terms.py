"""Brackets that define a term, not a ticker: "Net Rental Income (NRI)", "Adjusted return on equity (ROE)".

`entities.learn_aliases` reads a bracketed code after a name as the name's ticker ("Quantix Systems (QNTX)").
A results release also defines its measures and its business lines that way, and each such reading made
a company of a row label: "Earnings Before Tax (EBT)", "Earnings per Diluted Common Share (EPS)",
"Reconciliation of Reported (GAAP) to Adjusted", and a table's wrapped label "Fleet Management\n Solutions\n
(FMS)" read back to its last line, "Solutions" (session 23's seed-2727 audit: 200 of 7,494 claims in two
releases took such a label as their entity). The brackets define a term when

- they close on a measure's name (entities.yaml `measure_heads`) written in capitals or abbreviated by them;
- they hold only measures' abbreviations (subjects.yaml `not_subjects` in capitals: EPS, ROE, EBT, GAAP), not
  a currency's code (NOK is Nokia's ticker too);
- their code spells the initials of more words than the name read before them holds: the phrase runs on
  before the name, in lower case or across a table's line breaks ("return on equity (ROE)", "Supply Chain\n
  Solutions (SCS)"). A company's initials lie within its name ("Tata Consultancy Services (TCS)").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources

RULE = "defined_terms.v1"

_WORD = re.compile(r"[A-Za-z][\w'’-]*|&")
_JOINERS = frozenset({"of", "on", "and", "&", "for", "per", "the", "to", "in", "a", "an", "from"})
_NOT_IN_PHRASE = re.compile(r"[^A-Za-z\s&'’-]")  # a digit or a mark: "(NASDAQ:CENX) added 13% and Alcoa"


def defines_a_term(text: str, bracket: int, name: str, inner: str, measure_heads: frozenset[str],
                   res: Resources) -> bool:
    """Whether the brackets at `bracket`, after the name `name` read before them and holding `inner`, define a
    term (a measure or a business line) rather than give the name's ticker."""
    codes = [c.split(":")[-1].strip() for c in re.split(r"[;,/]", inner) if c.strip()]
    return (_defines_a_measure(name, inner, measure_heads)
            or bool(codes) and all(c in _measure_codes(res) for c in codes)
            or len(codes) == 1 and _spells_a_longer_phrase(text, bracket, name, codes[0]))


def _defines_a_measure(name: str, inner: str, measure_heads: frozenset[str]) -> bool:
    """"Net Rental Income (NRI)", "EBITDA (LTM)", "NET INCOME (LOSS)": a name whose last word is a measure's
    (entities.yaml `measure_heads`), written in capitals or abbreviated by the brackets' initials, is a measure;
    its brackets hold no ticker. "Realty Income (O)" is a company: "O" abbreviates none of its words."""
    words = name.split()
    if not words or words[-1].rstrip(".,").lower() not in measure_heads:
        return False
    if words[-1].isupper():
        return True
    code = inner.replace(" ", "").upper()
    # "Net Asset Value (NAV)" is read back as "Asset Value" ("Net" opens no name): the initials may end the code
    initials = ["".join(w[0] for w in words[k:]).upper() for k in range(len(words))]
    return any(i == code or (len(i) >= 2 and code.endswith(i)) for i in initials)


@lru_cache(maxsize=4)
def _measure_codes(res: Resources) -> frozenset[str]:
    currencies = {c for c in res.currencies if len(c) == 3 and c.isalpha() and c.isupper()}
    return frozenset(w for w in map(str, res.subject_words["not_subjects"])
                     if len(w) >= 2 and w.upper() == w and any(ch.isalpha() for ch in w) and w not in currencies)


def _spells_a_longer_phrase(text: str, bracket: int, name: str, code: str) -> bool:
    """Whether `code` spells the initials of the last words before the brackets, more of them than `name` holds
    ("Fleet Management\n Solutions (FMS)" read back as "Solutions"; "return on equity (ROE)")."""
    if not (2 <= len(code) <= 6 and code.isalpha() and code.isupper()):
        return False
    window = text[max(0, bracket - 120):bracket]
    words = _WORD.findall(window[_phrase_start(window):])
    named = len(_WORD.findall(name))
    for k in range(named + 1, min(len(words), 8) + 1):
        phrase = words[-k:]
        if phrase[0].lower() in _JOINERS:
            continue
        full = "".join(w[0] for w in phrase).upper()
        bare = "".join(w[0] for w in phrase if w.lower() not in _JOINERS).upper()
        if code in (full, bare):
            return True
    return False


def _phrase_start(window: str) -> int:
    """Where the run of words (letters, blanks, line breaks) that ends the window begins."""
    start = 0
    for m in _NOT_IN_PHRASE.finditer(window):
        start = m.end()
    return start
