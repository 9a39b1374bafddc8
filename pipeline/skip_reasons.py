"""Why a number with no unit is no figure ("year", "model_name", "date_part", "tenor", ...): the reasons
`figures.resolve_figures` writes on its `Skipped` records (run.json counts them), and a date's day
("Feb 27") that a range or a pair must not take."""
from __future__ import annotations

import re
from functools import lru_cache

from .figure_atoms import Atom
from .resources import Resources
from .word_patterns import longest_first

YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_TENOR = re.compile(r"^[ \t-]*(?:day|week|month|year|quarter|hour|minute)s?\b", re.I)  # not the next line's "Year"
_LIST_NUM = re.compile(r"^[.)]\s")
_ARITH = re.compile(r"^\s?[+*/=]\s?\d|\d\s?[+*/=]\s?$")


@lru_cache(maxsize=4)
def _month_rx(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """A month (periods.yaml `months`) right before a number ("March 5") or after a day's ("5th of March")."""
    m = longest_first(res.periods["months"])
    return re.compile(r"\b(?:" + m + r")\.?\s+$", re.I), re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + m + r")\b", re.I)


def date_day(text: str, a: Atom, res: Resources) -> bool:
    """Whether a bare number of one or two digits is the day of a date written before it ("Feb 27", "March 3,")."""
    if a.currency or a.unit or a.scale != 1 or a.words or not a.number.isdigit() or len(a.number) > 2:
        return False
    return bool(_month_rx(res)[0].search(text[max(0, a.start - 12):a.start]))


def skip_reason(text: str, a: Atom, res: Resources) -> str:
    """Why a number with no unit is not a figure."""
    before, after = text[max(0, a.start - 30):a.start], text[a.end:a.end + 30]
    if a.words:
        return "number_word"
    if a.start > 0 and (text[a.start - 1].isalpha() or (text[a.start - 1] == "-" and a.start > 1 and text[a.start - 2].isalnum())):
        return "model_name"
    if after[:1].isalpha() or after.startswith((".HK", ".SS", ".SZ", ".T ")):
        return "identifier"
    if _ARITH.search(before[-3:]) or _ARITH.match(after[:3]):
        return "arithmetic"
    if _TENOR.match(after):
        return "indicator_window" if re.match(r"^-(?:day|week)", after) else "tenor"
    line_start = text.rfind("\n", 0, a.start) + 1
    if not text[line_start:a.start].strip() and _LIST_NUM.match(after):
        return "list_number"
    if re.match(r"\s+(?:mark|level|threshold|barrier|line)\b", after):
        return "level"  # "the 2400 mark" on an index
    if YEAR.match(a.number):
        return "year"
    month_before, month_after = _month_rx(res)
    if (month_before.search(before) or month_after.match(after)) and re.fullmatch(r"\d\d?", a.number):
        return "date_part"  # a day or "Dec 87"; "Dec  161.0  161.6" on a futures line is no date
    prev = re.search(r"([A-Z][\w-]*)\s+$", before)
    if prev and not month_before.search(before) and (("." in a.number) or len(a.number) <= 3) \
            and prev.group(1) not in res.number_words["not_product_names"]:
        return "model_name"  # "Llama 3", "Claude 3.5 Sonnet", "Boeing 737"
    if before.rstrip().endswith((":", "#")) or re.search(r"\b(?:NYSE|NASDAQ|HKG|HKEX|SEHK|TSE|SSE|SZSE|LSE)\s*:\s*$", before, re.I):
        return "identifier"
    return "no_unit"
