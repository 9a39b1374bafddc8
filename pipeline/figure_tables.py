"""Figures of wire tables and price tables: accounting negatives ("(0.01)"), rows of "label  this  vs
last" figures, and grain-table ranges ("1.50-1.56"); called by pipeline/figures.py's resolve_figures.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from .figure_atoms import Atom, scanner
from .pattern_guards import may_match
from .numbers import decimals_written, parse_digits, parse_words
from .records import Figure, Skipped
from .resources import Resources
from .word_patterns import listed

# A table cell after an accounting negative: only numbers, signs, "vs", n/a, dashes or a markdown
# table's bars ("| (0.01) | 0.03 |") to the line's end.
_CELLS_TO_EOL = re.compile(r"(?:[ \t]*\|(?=[ \t]|$)|[ \t]+(?:vs\.?|(?:[$€£]\s?)?\(?-?\d[\d,.]*\s?(?:%|bps?\b|pp\b)?\)?|n/?a|nm|-+|—))*[ \t]*(?:\n|$)", re.I)


def bracketed_signs(text: str, atoms: list[Atom], res: Resources) -> None:
    """A number in brackets is negative: "(0.01)", "(100 %)" in a table, "$(3) million of bad debt expense"."""
    for a in atoms:
        if a.sign == 1 and paren_negative(text, a.start, a.end):
            a.sign = -1
            cur = scanner(res).paren_prefix.search(text, max(0, a.start - 12), a.start) if not (a.currency or a.unit) else None
            if cur:
                a.currency = scanner(res).prefix[cur.group(1).rstrip()]  # "$(0.01)": the figure is "0.01", in USD
        elif a.sign == 1 and not (a.currency or a.unit) and a.scale == 1:
            paren_scaled(text, a, res)  # "$(3) million of bad debt expense": negative in prose too
        elif a.sign == 1 and a.currency and not a.unit:
            paren_money(text, a, res)  # "EPS of ($0.05)", "($1.7) million"


def paren_negative(text: str, start: int, end: int) -> bool:
    """Whether a number is written as an accounting negative, "(0.01)" or "(100 %)", in a table:
    the parentheses close right after it and nothing but other cells follows on its line. In prose
    ("a 51% stake (51%).") the parentheses are an aside, not a sign (issue 17)."""
    if not re.search(r"\(\s*$", text[max(0, start - 3):start]):
        return False
    close = re.match(r"\s*\)", text[end:end + 3])
    return bool(close) and bool(_CELLS_TO_EOL.match(text, end + close.end()))


def paren_scaled(text: str, a: Atom, res: Resources) -> None:
    """An accounting negative with the currency before the parentheses and the scale after them,
    "$(3) million", "£(1.2)bn": negative wherever it stands, as no prose writes an aside so
    (issue 17). Sets the atom's sign, currency and scale and stretches it over the symbol and scale."""
    sc = scanner(res)
    cur = sc.paren_prefix.search(text, max(0, a.start - 12), a.start)
    if not cur or cur.end() != a.start:
        return
    m = _PAREN_SCALE.match(text, a.end)
    if not m or m.group(1) not in sc.scales:
        return
    a.sign, a.currency, a.scale, a.scale_text = -1, sc.prefix[cur.group(1).rstrip()], sc.scales[m.group(1)], m.group(1)
    a.start, a.end = cur.start(1), m.end()


def paren_money(text: str, a: Atom, res: Resources) -> None:
    """An amount of money written whole in brackets as a value, an accounting negative in prose (issue 17):
    "GAAP EPS of ($0.05)", "net loss improved to ($1.7) million" (the scale after the bracket), "were ($0.05)
    and $0.54". A bracket after a currency word or another amount restates it ("20 billion reais ($3.47
    billion)"), and one after a noun is an aside ("a Sonos Sub ($700)"): both keep their sign, unless a
    scale follows the bracket, which no aside writes. Sets the atom's sign (and scale) and stretches it."""
    if not re.search(r"\(\s?$", text[max(0, a.start - 2):a.start]) or not re.match(r"\s?\)", text[a.end:a.end + 2]):
        return
    scale = _PAREN_SCALE.match(text, a.end)
    if scale and scale.group(1) in scanner(res).scales and a.scale == 1:
        a.sign, a.scale, a.scale_text, a.end = -1, scanner(res).scales[scale.group(1)], scale.group(1), scale.end()
        return
    before = text[max(0, a.start - 30):a.start].rstrip()[:-1].rstrip()
    if _paren_links(res).search(before):
        a.sign = -1


@lru_cache(maxsize=4)
def _paren_links(res: Resources) -> re.Pattern:
    words = res.number_words["paren_negative_links"]
    return re.compile(r"(?:(?<![\w.])(?:" + listed(w for w in words if w[:1].isalpha()) + r")|"
                      + "|".join(re.escape(w) for w in words if not w[:1].isalpha()) + r")$", re.I)


_PAREN_SCALE = re.compile(r"\s?\)\s?([^\W\d_]+)(?![^\W\d_])")


# "flat to 5% higher", "flat to down 3%": a range from no change to the figure (issue 17)
@lru_cache(maxsize=4)
def _flat_to(res: Resources) -> re.Pattern:
    return re.compile(r"\bflat\s+(?:to|and)\s+(?:(?:up|down|slightly)\s+)?(?:(?:"
                      + listed(res.number_words["flat_to_hedges"]) + r")\s+)?$", re.I)


def flat_to(text: str, figures: list[Figure], res: Resources) -> list[Figure]:
    out = []
    for f in figures:
        m = _flat_to(res).search(text, max(0, f.start - 40), f.start) if f.kind == "percent" and f.low == f.high else None
        if m is None or m.end() != f.start:
            out.append(f)
            continue
        lo, hi = min(Decimal(0), f.value), max(Decimal(0), f.value)
        out.append(Figure(**{**f.__dict__, "text": text[m.start():f.end], "start": m.start(), "value": (lo + hi) / 2,
                             "low": lo, "high": hi, "rule": "figures.range.flat.v1"}))
    return out


def subunit_follows(text: str, a: Atom, b: Atom) -> bool:
    """Whether `b` is the subunit part of the amount `a` ("$20 and 43c", "3 CHF 4 cents")."""
    if a.subunit or a.scale != 1 or not b.subunit or b.value >= 100 or b.value != b.value.to_integral_value():
        return False
    if b.currency != a.currency and not (b.currency == "DOLLAR" and b.scale == Decimal("0.01")):
        return False
    return bool(re.fullmatch(r"\s*(?:and\s+|,\s*)?", text[a.end:b.start], re.I))


# A wire result-table row: "Shr loss 6.48 dlrs vs profit 23 cts", "Net 807,000 vs 2,858,000".
_TABLE_ROW = re.compile(r"(?im)^[ \t]*(?:[A-Z][^\n]{0,80}? - )?(?P<label>[A-Za-z][A-Za-z.&/ -]{0,28}?)[ \t]+(?:(?:loss|profit)[ \t]+)?"
                        r"(?:[\d(.-]|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)[^\n]*?\bvs\.?\b[^\n]*$")


def _share_count(label: str) -> bool:
    """Whether a row's label counts shares ("Avg shrs", "Avg shr", "Primary avg shrs"), not money a share."""
    return "shrs" in label or "shares" in label or bool(re.search(r"\bavg shr\b", label))


def written_currency(figures: list[Figure]) -> str:
    """The currency most of the story's amounts write in digits ("552 mln stg", "$2.1 billion"; not "eight real
    estate"), "" when none writes one."""
    written = Counter(f.unit for f in figures if f.kind == "money" and not f.currency_assumed
                      and any(ch.isdigit() for ch in f.text))
    return written.most_common(1)[0][0] if written else ""


def table_rows(text: str, res: Resources, figures: list[Figure], skipped: list[Skipped], dollar: str):
    """Give wire-table numbers their unit and role: before "vs" is current, after it the year-earlier figure."""
    rows = [(m.start("label"), m.end(), m.group("label").strip().lower(), m) for m in _TABLE_ROW.finditer(text)]
    rows = [r for r in rows if any(r[2].startswith(k) for k in res.table_labels)]
    if not rows:
        return figures, skipped
    out_figs, keep_skips = [], []
    row_of = lambda pos: next((r for r in rows if r[0] <= pos < r[1]), None)  # noqa: E731
    # a table that names one currency ("Parent shr 1.66 yen vs 7.28") has its bare amounts in it ("Net 1.59 billion
    # vs 6.88 billion"), not in the dateline's dollar (issue 17, w20: ~85 wire tables in yen, marks, stg...)
    named = {f.unit for f in figures if f.kind == "money" and not f.currency_assumed and row_of(f.start)}
    # a table that names none is in the currency the story writes ("pre-tax profit rose to 552 mln stg" over "Revs
    # 46.9 mln vs 40.0 mln"), else the dateline's dollar
    dollar = next(iter(named)) if len(named) == 1 else (not named and written_currency(figures)) or dollar
    for f in figures:
        row = row_of(f.start)
        if row is None:
            out_figs.append(f)
            continue
        out_figs.append(_table_figure(text, f, row, dollar))
    for sk in skipped:
        row = row_of(sk.start)
        if row is None or sk.reason not in ("no_unit", "year", "number_word"):
            keep_skips.append(sk)
            continue
        value = parse_digits(sk.text) if sk.reason != "number_word" else parse_words(sk.text, res.number_words)
        if value is None:
            keep_skips.append(sk)
            continue
        if paren_negative(text, sk.start, sk.start + len(sk.text)):
            value = -value  # "Shr loss (0.01) vs profit 0.03"
        label = row[2]
        is_count = _share_count(label)
        unit, kind = ("count", "count") if is_count else (dollar, "money")
        if label.startswith(("shr", "oper shr", "primary shr", "fully")) and not is_count and value >= 1000:
            keep_skips.append(sk)
            continue
        f = Figure(text=sk.text, start=sk.start, end=sk.start + len(sk.text), value=value, low=value, high=value,
                   unit=unit, kind=kind, rule="figures.table.v2", currency_assumed=not is_count,
                   decimals=decimals_written(sk.text))
        out_figs.append(_table_figure(text, f, row, dollar))
    return out_figs, keep_skips


# A price table's note naming the unit of its bare numbers: "(DLRS A BU)", "Price in dlrs per bushel",
# "in cents per lb". Only then is "1.50-1.56" on a table line a range of prices (issue 17).
_PRICE_NOTE = re.compile(r"\b(?:price\s+)?(?:in\s+)?(?P<cur>dlrs|dollars|cents|cts)\s+(?:a|per)\s+"
                         r"(?:bu|bushels?|cwt|tonnes?|tons?|lbs?|pounds?|barrels?|ounces?|gallons?|head)\b", re.I)
_BARE_RANGE = re.compile(r"(?<![\w.-])(?P<a>\d{1,4}\.\d{2,4})-(?P<b>\d{1,4}\.\d{2,4})(?![\w.%/-]|-\d)")


def price_table_ranges(text: str, figures: list[Figure], skipped: list[Skipped], dollar: str):
    """Join "1.50-1.56" on a table line into one price range when the article's note names the unit."""
    note = _PRICE_NOTE.search(text) if may_match(_PRICE_NOTE, text) else None
    if not note:
        return figures, skipped
    factor = Decimal("0.01") if note.group("cur").lower() in ("cents", "cts") else Decimal(1)
    by_start = {s.start: s for s in skipped}
    drop, out = set(), []
    for m in _BARE_RANGE.finditer(text):
        a, b = by_start.get(m.start("a")), by_start.get(m.start("b"))
        if a is None or b is None:
            continue
        line_end = text.find("\n", m.end())
        rest = text[m.end():line_end if line_end >= 0 else len(text)]
        if re.search(r"[a-z]{4,}\s+[a-z]{4,}\s+[a-z]{4,}", rest):  # prose goes on: not a table cell
            continue
        lo, hi = Decimal(m.group("a")) * factor, Decimal(m.group("b")) * factor
        lo, hi = min(lo, hi), max(lo, hi)
        out.append(Figure(text=m.group(), start=m.start(), end=m.end(), value=(lo + hi) / 2, low=lo, high=hi,
                          unit=dollar, kind="money", rule="figures.range.price_table.v1", currency_assumed=True,
                          decimals=max(decimals_written(m.group("a")), decimals_written(m.group("b")))))
        drop.update((a.start, b.start))
    return figures + out, [s for s in skipped if s.start not in drop]


def _table_figure(text: str, f: Figure, row, dollar: str) -> Figure:
    start, end, label, m = row
    line = text[start:end]
    vs = re.search(r"\bvs\.?\b", line, re.I)
    role = "prior" if vs and f.start >= start + vs.end() else "current"
    before = text[start:f.start].lower()
    word = re.findall(r"\b(loss|profit)\b", before[-60:])  # the nearest words: a long row stays linear
    fields = {**f.__dict__, "table_role": role, "table_label": label}
    if f.kind == "count" and not _share_count(label):
        fields.update(unit=dollar, kind="money", currency_assumed=True)
    if word and word[-1] == "loss" and label.startswith(("shr", "oper shr")) and f.value > 0:
        fields.update(value=-f.value, low=-f.high, high=-f.low)
    if word:
        fields["table_label"] = label + (" " + word[-1] if word[-1] not in label else "")
    return Figure(**fields)
