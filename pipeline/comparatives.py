"""Prior-period comparatives in parentheses: "SEK 4,864.2 million (4,847.3)", "EUR 12.1m (10.9)".

Nordic and many European releases write the year-earlier figure bare, in parentheses, right after
the current one; it takes the current figure's unit and scale (bench/figure_recall/GUIDE.md,
rule 3). "76% (73%)" writes its unit and needs no help. Many write the scale once, after the
parentheses, for both: "EUR 2,322 (2,174) million", "SEK 25,960 (50,169) thousand": the current
figure then takes that scale too. Rule figures.comparative.v1; the figure's table_role is "prior",
as for the figure after "vs" in a wire table.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from .numbers import decimals_written, parse_digits
from .records import Figure, Skipped
from .resources import Resources
from .word_patterns import whole_words

RULE = "figures.comparative.v1"  # claim_dating dates such a figure in prose a year before the one it follows
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@lru_cache(maxsize=4)
def _scale_after(res: Resources) -> re.Pattern:
    """A scale word right after the closing parenthesis ("(2,174) million"): scales.yaml `scale_words`."""
    return re.compile(r"\s*\)\s*(" + whole_words(res.scale_words, ignore_case=False).pattern + ")")


def find_comparatives(text: str, figures: list[Figure], skipped: list[Skipped],
                      res: Resources) -> tuple[list[Figure], list[Skipped]]:
    """Figures for bare numbers in parentheses right after a figure, and the skips that remain.

    >>> from pipeline.resources import load_resources
    >>> from pipeline.figures import resolve_figures
    >>> figs, _ = resolve_figures("Sales rose to SEK 4,864.2 million (4,847.3).", load_resources())
    >>> [(f.text, f.value, f.unit, f.table_role) for f in figs][1]
    ('4,847.3', Decimal('4847300000.0'), 'SEK', 'prior')
    """
    ends = {f.end: f for f in figures if f.low == f.high and f.kind in ("money", "count", "quantity")}
    scaled: dict[int, Figure] = {}  # a current figure that takes the scale written after its comparative
    out, keep = [], []
    for sk in skipped:
        m = re.search(r"(?:^|\S)(\s*\(\s*-?)$", text[max(0, sk.start - 6):sk.start]) if sk.reason == "no_unit" else None
        end = sk.start + len(sk.text)
        cur = ends.get(sk.start - len(m.group(1))) if m else None
        if cur is None or not re.match(r"\s*\)", text[end:end + 3]):
            keep.append(sk)
            continue
        written = _NUMBER.search(cur.text)
        base = parse_digits(written.group()) if written else None
        value = parse_digits(sk.text)
        if not base or value is None:
            keep.append(sk)
            continue
        after = _scale_after(res).match(text, end)
        if after is not None and cur.value == base * (-1 if cur.value < 0 else 1):
            scale = Decimal(str(res.scales[after.group(1).lower()]))
            scaled[id(cur)] = replace(cur, value=cur.value * scale, low=cur.low * scale, high=cur.high * scale)
        else:
            scale = (abs(cur.value) / base).normalize()
        if scale not in (1, 1000, 10 ** 6, 10 ** 9, 10 ** 12, Decimal("0.01")):
            keep.append(sk)
            continue
        if re.fullmatch(r"\d", sk.text) and len(written.group()) > 1:
            keep.append(sk)  # "$50.2 million (1)": a footnote marker, not last year's 1 million
            continue
        if not base / 5 <= value <= base * 5:
            keep.append(sk)  # a prior figure is of the same order as the current one
            continue
        if scale >= 1:
            scale = Decimal(int(scale))
        v = value * scale * (-1 if "-" in m.group(1) else 1)
        out.append(Figure(text=sk.text, start=sk.start, end=end, value=v, low=v, high=v, unit=cur.unit, kind=cur.kind,
                          rule=RULE, currency_assumed=cur.currency_assumed,
                          decimals=decimals_written(sk.text), table_role="prior", table_label=cur.table_label))
    return [scaled.get(id(f), f) for f in figures] + out, keep
