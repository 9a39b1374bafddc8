"""A fraction of one unit written in words: "half a cent", "a quarter of a percentage point",
"one-tenth of a U.S. cent", "three-quarters of a point", "a quarter-point cut", "a quarter of a
billion dollars" (issue 17, set s17's "one-tenth of a U.S. cent" and the Fed's rate moves).

The atoms read "a cent" as one cent and "a quarter" as no number, so these came out a hundredth of
a dollar or not at all. The fraction words are models/lexicons/number_words.yaml's `units` (the
numerator: "a", "one", "three") and `denominators`; the units are the DOLLAR subunits, percent and
percentage points, and the scale words before a currency name. Called by figures.resolve_figures;
the figures found replace any that overlap them. Rule figures.fraction.v1.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .figure_atoms import alternation
from .records import Figure
from .lowered import lowered_for_ascii_pattern
from .pattern_guards import may_match
from .resources import Resources

# the unit after "of a": (pattern, unit, kind, factor); a currency name after a scale word is read by
# the scale's own pattern below
_UNITS = (
    (r"(?:U\.S\.\s+|US\s+)?(?:cent|penny)", "USD", "money", Decimal("0.01")),
    (r"euro\s*cent", "EUR", "money", Decimal("0.01")),
    (r"percentage[-\s]point", "pp", "pp", Decimal(1)),
    (r"(?:per\s*cent|percent)", "%", "percent", Decimal(1)),
)


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The two patterns, each after a pattern of words every match of it holds.

    The full patterns try some 70 fraction words at every word of the text (0.55 s of CPU over 300 modern
    articles, with no match); the words every match holds, "a cent", "of a billion", find the few texts
    worth it in a tenth of that.
    """
    nw = res.number_words
    nums = alternation(["a", "an", "one"] + [w for w, v in nw["units"].items() if 1 < v < 10])
    dens = alternation(nw["denominators"])
    frac = rf"(?:(?P<num>{nums})[-\s]+)?(?P<den>{dens})"
    units = "|".join(f"(?P<u{k}>{p})" for k, (p, *_) in enumerate(_UNITS))
    of_a = re.compile(rf"\b{frac}\s+(?:of\s+)?(?:a|an|one)\s+(?:{units})\b"
                      rf"|\b(?:a\s+)?(?P<pnum>{nums}[-\s]+)?(?P<pden>quarter|half|three-quarters?)[-\s]point\b", re.I)
    scales = alternation(s for s in res.scales if len(s) > 2 and s.isalpha())
    names = alternation(n for cur in res.currencies.values() for n in cur.names if n.isalpha() or " " in n)
    of_scale = re.compile(rf"\b{frac}\s+of\s+(?:a|an|one)\s+(?P<scale>{scales})\s+(?P<name>{names})\b", re.I)
    # keep in sync with the two above: the text right before the unit, the scale word or "-point"
    units_held = "|".join(p for p, *_ in _UNITS)
    has_a = re.compile(rf"\s(?:a|an|one)\s+(?:{units_held})|(?:quarter|half|three-quarters?)[-\s]point", re.I)
    has_scale = re.compile(rf"\sof\s+(?:a|an|one)\s+(?:{scales})\s", re.I)
    return has_a, of_a, has_scale, of_scale


def _fraction(num: str | None, den: str, res: Resources) -> Decimal:
    nw = res.number_words
    n = Decimal(1) if not num or num.lower() in ("a", "an", "one") else Decimal(str(nw["units"][num.lower()]))
    return n / Decimal(str(nw["denominators"][den.lower()]))


# a fraction's word, which every fraction amount holds: a text without any has none (the words in a lowered
# text, else the case-insensitive pattern)
_FRACTION_WORDS = ("half", "quarter", "third", "fifth", "tenth", "eighth", "hundredth")
_FRACTION_WORD = re.compile("|".join(_FRACTION_WORDS), re.I)


def find_fraction_amounts(text: str, res: Resources, dollar: str = "USD") -> list[Figure]:
    """Figures for a fraction of one unit, in base units.

    >>> from pipeline.resources import load_resources
    >>> [(f.text, f.value, f.unit) for f in find_fraction_amounts("The Fed cut by a quarter of a percentage point.", load_resources())]
    [('a quarter of a percentage point', Decimal('0.25'), 'pp')]
    """
    low = lowered_for_ascii_pattern(text)
    if not (any(w in low for w in _FRACTION_WORDS) if low is not None else _FRACTION_WORD.search(text)):
        return []
    has_a, of_a, has_scale, of_scale = _patterns(res)
    out = []
    for m in (of_a.finditer(text) if may_match(has_a, text) and has_a.search(text) else ()):
        if m.group("pden"):
            den = m.group("pden").lower()
            value = Decimal("0.75") if den.startswith("three") else _fraction(m.group("pnum"), den.rstrip("s"), res)
            unit, kind = "pp", "pp"
        else:
            k = next(k for k in range(len(_UNITS)) if m.group(f"u{k}"))
            _, unit, kind, factor = _UNITS[k]
            if unit == "USD" and not re.match(r"U\.?S", m.group(f"u{k}")):
                unit = dollar  # "half a cent" is of the story's dollar; "a U.S. cent" of the US one
            value = _fraction(m.group("num"), m.group("den"), res) * factor
        out.append(_figure(text, m, value, unit, kind))
    for m in (of_scale.finditer(text) if may_match(has_scale, text) and has_scale.search(text) else ()):
        code = next((cur.code for cur in res.currencies.values()
                     if any(n.lower() == m.group("name").lower() for n in cur.names)), "")
        if not code:
            continue
        code = dollar if code == "DOLLAR" else code
        value = _fraction(m.group("num"), m.group("den"), res) * Decimal(str(res.scales[m.group("scale").lower()]))
        out.append(_figure(text, m, value, code, "money"))
    return out


def _figure(text: str, m: re.Match, value: Decimal, unit: str, kind: str) -> Figure:
    return Figure(text=text[m.start():m.end()], start=m.start(), end=m.end(), value=value, low=value, high=value,
                  unit=unit, kind=kind, rule="figures.fraction.v1")
