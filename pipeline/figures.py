"""Figures: find money, percentages, multiples, basis points, ranges and word changes.

Two steps, as in Recognizers-Text: `find_atoms` yields spans (one compiled
scanner built from models/lexicons), `resolve_figures` turns them into `Figure`
records (value in base units, unit, qualifier, sign, range) and `Skipped`
records for numbers that are not claims (years, list numbers, model names...).

Rule versions: v2 (issue 17) for every family that existed at v1: yen and pence forms, the
sign from falling nouns and participles, accounting negatives, decimal commas, ranges whose
ends keep their own scales or share one unit ("eight or nine euros"), pounds of weight and
index levels changed what the v1 rules returned. figures.range.flat and
figures.range.price_table are new (v1).

Set s19 of bench/figure_recall (issue 17): figures.range.quote.v1 is new (a bid/offer quote by its
last digits, "4.46/37 pct"); figures.count.noun.v2 counts more nouns, a partitive ("three of its
shareholders") and a rating breakdown, and no longer the ones a story already named ("the two
companies"). A money amount between a falling verb and the level it moved to ("declined 33 cents
to $61.65") is negative under its v2 rule, marked `sign_from_verb` as every sign from a word is.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .caps_lines import fold_caps_lines, kept_words, restore_text
from .comparatives import find_comparatives
from .compared_amounts import currency_in_context, listed_pair, quantity_in_context
from .bare_numbers import bare_number_unit
from .index_points import index_points
from .figure_atoms import Atom, find_atoms, qualifiers
from .carried_counts import carried_counts
from .moved_counts import moved_counts
from .named_counts import named_counts
from .number_spans import find_numbers
from .identifier_numbers import outside_identifiers
from .shared_money import resolve_shared
from .skip_reasons import YEAR, date_day, skip_reason
from .figure_signs import comparative_ranges, fall_verb_before, listed_falls, signed, find_word_changes
from .fraction_amounts import find_fraction_amounts
from .fraction_shares import find_fraction_shares
from .figure_tables import bracketed_signs, flat_to, price_table_ranges, subunit_follows, table_rows
from .counted import counted_noun, scaled_count_noun
from .records import Figure, Skipped
from .table_cells import captioned_amounts, table_cells
from .lowered import lowered_for_ascii_pattern
from .pattern_guards import may_match
from .resources import Resources
from .word_patterns import listed, longest_first

__all__ = ["find_atoms", "find_numbers", "find_word_changes", "resolve_figures"]

# a span of time after a scaled number, on its line ("2 million years"; not a results table's next line "Year")
_SPAN_AFTER = re.compile(r"[ \t-]*(?:day|week|month|year|quarter|hour|minute)s\b", re.I)
# "the difference between 1% and 2%", "the gap between $5 and $7": two figures compared, no range (issue 17, s21)
_COMPARED_BETWEEN = re.compile(r"\b(?:differences?|gaps?|spreads?|contrast|choice)\s+between\s+$", re.I)


@lru_cache(maxsize=4)
def _qualifier_rx(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """A qualifier right before a figure ("about", "more than"), and the words between a range's ends ("4%-4.5%", "20
    to 30", "$10 billion to a little under $20 billion": a qualifier on the upper end keeps it one range; issue 17)."""
    quals = qualifiers(res)
    before = re.compile(r"(?:^|\W)(" + longest_first(quals) + r")\s+(?:of\s+)?(?:an?\s+)?$", re.I)
    words = res.number_words
    sep = re.compile(r"^\s*(?P<sep>-|–|to|through|and|or)(?:\s+(?:(?:" + listed(words["range_end_hedges"], space=r"\s+")
                     + r")\s+)?(?:" +
                     longest_first(q for q in quals if " " not in q or q.endswith(" than")
                                   or q in ("up to", "as much as", "close to")) + r"))?"
                     # "from 40.50 to an average of 49.31 dlrs", "to a high of $12": the end named by its kind
                     r"(?:\s+(?:a|an)\s+(?:" + listed(words["range_end_kinds"]) + r")\s+of)?\s*$", re.I)
    return before, sep


@lru_cache(maxsize=4)
def _range_between(res: Resources) -> re.Pattern:
    """"between", "from" and a hedge or "a high of" before a range's first end (number_words.yaml
    `range_between_hedges`)."""
    return re.compile(r"\b(?:between|from)\s+(?:(?:" + listed(res.number_words["range_between_hedges"]) + r")\s+|"
                      r"(?:a|an|its|the)\s+(?:\w+\s+){0,2}(?:of|at)\s+)?$", re.I)


@lru_cache(maxsize=4)
def _multiple_rx(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """(the words near "N times" that make it a multiple, a P/E's noun and link right before its number):
    number_words.yaml `multiple_context_words`, `multiple_links`."""
    words = res.number_words
    context = re.compile(r"\b(?:oversubscri\w*|over-subscri\w*|p/?e|price[- /]to|trades? at|"
                         + listed(words["multiple_context_words"]) + r")\b", re.I)
    pe_before = re.compile(r"(?:p/?e|price[- /]to[- /]earnings|earnings multiple|multiple|ev/ebitda)(?:\s+ratio)?\s+"
                           r"(?:" + listed(words["multiple_links"]) + r")?\s*$", re.I)
    return context, pe_before


@lru_cache(maxsize=4)
def _change_rx(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """number_words.yaml `change_words` before "from X to Y" (then two levels, not a range), `move_words` right
    before an amount ("rose 5 dlrs to 410 dlrs" is a change and a level, not a range), and `multiple_not_after`
    right after "N times" ("3 times more": no multiple)."""
    words = res.number_words
    change = re.compile(r"\b(?:" + listed(words["change_words"], space=r"\s+") + r")\b[^.;\n]*$", re.I)
    move = re.compile(r"\b(?:" + listed(words["move_words"]) + r")\s+(?:by\s+)?(?:(?:" + listed(words["move_hedges"])
                      + r")\s+)?$", re.I)
    times_not = re.compile(r"^\s+(?:" + listed(words["multiple_not_after"]) + r")\b", re.I)
    return change, move, times_not


def _quote_pair(text: str, a: Atom, b: Atom) -> Decimal | None:
    """The second quote of a bid/offer pair written with only its last digits: "4.46/37 pct" is 4.46 and
    4.37, "152.30/40 yen" 152.30 and 152.40, "1.8450/60 dlrs" 1.8450 and 1.8460 (wire money-market and
    currency reports; issue 17, s19). None when b is no such abbreviation."""
    if text[a.end:b.start] != "/" or not b.number.isdigit() or not 2 <= len(b.number) <= a.decimals:
        return None
    if a.words or b.words or b.scale != 1 or a.scale != 1 or "." not in a.number or "/" in text[max(0, a.start - 1):a.start]:
        return None
    head = a.number.replace(",", "")[:-len(b.number)]
    try:
        return Decimal(head + b.number)
    except ArithmeticError:
        return None


_SPEED_AFTER = re.compile(r"\)?(?:\s*\([^()]{1,30}\))?(?:\s+|-)(?:per|an|a)[-\s]hour\b|\s*/\s*h(?:ou)?r?\b", re.I)
_NAMED_QUANTITY = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?[\s-][A-Z][a-z]+")
# "40 miles north of Fort McMurray", "25 kilometres southeast of Zone 58N": where a site is, not a quantity (f11)
_PLACE_AFTER = re.compile(r"\)?(?:\s*\([^()]{1,30}\))?\s+(?:due\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
                          r"\s+of\b", re.I)


# A leveraged fund's name: "Direxion Daily Financial Bull 3X Shares", "ProShares UltraPro QQQ 3x ETF",
# "2X Long VIX Futures ETF": the multiple is the product's, no figure of a company (issue 17, s19).
_FUND_WORD = r"(?:Bull|Bear|Long|Short|Ultra\w*|Leveraged|Inverse|Daily)"
_FUND_AFTER = re.compile(r"\s+(?:Shares|ETFs?|ETNs?|ETP|Fund|Trust|" + _FUND_WORD + r")\b")
_FUND_BEFORE = re.compile(r"(?:\b" + _FUND_WORD + r"|\b[A-Z][\w&.-]*)\s+$")


def _fund_leverage(text: str, a: Atom) -> bool:
    """Whether a glued multiple ("3X") sits in a capitalised fund name: a name word before, a fund word after."""
    if not re.fullmatch(r"\d+(?:\.\d+)?\s?[xX]", text[a.start:a.end]):
        return False
    return bool(_FUND_BEFORE.search(text, max(0, a.start - 30), a.start) and _FUND_AFTER.match(text, a.end))


def _qualifier(text: str, start: int, res: Resources) -> str:
    before = text[max(0, start - 30):start]
    m = _qualifier_rx(res)[0].search(before)
    if m and m.group(1).lower() in _COMPARATIVES and re.search(r"\d", before[:m.start(1)]):
        return "exact"  # "3.6 pct higher than 1.11 billion": the base of a comparison, not a bound
    return qualifiers(res)[m.group(1).lower()] if m else "exact"


_COMPARATIVES = frozenset(("higher than", "lower than", "greater than"))


def _atom_unit(text: str, a: Atom, res: Resources) -> tuple[str, str]:
    """(unit, kind) of an atom, reading "N times" and "a P/E of N" as multiples where the context says so,
    and a plain number before a counted noun ("81 rigs", "three casinos") as a count."""
    unit, kind = _classify(a)
    if not unit and not a.unit and not a.bare and a.scale == 1 and a.loose_scale == 1:
        # the noun first: most unit-less numbers have none, and the reasons to skip a number cost more to read
        noun = counted_noun(text, a.start, a.end, a.value, a.words, bool(YEAR.match(a.number)), res)
        if noun and skip_reason(text, a, res) in ("no_unit", "year", "number_word"):
            a.counted = noun
            return "count", "count"
    if a.unit == "times":
        ctx = text[max(0, a.start - 200):a.end + 60]
        if _multiple_rx(res)[0].search(ctx) and not _change_rx(res)[2].match(text[a.end:a.end + 12]):
            return "x", "multiple"
    if not unit and _multiple_rx(res)[1].search(text[max(0, a.start - 40):a.start]):
        return "x", "multiple"
    return unit, kind


def _figure(text: str, atoms: list[Atom], unit: str, kind: str, rule: str, approx: str) -> Figure:
    first, last = atoms[0], atoms[-1]
    values = []
    for a in atoms:
        v = a.value * a.sign
        if kind in ("money", "count", "quantity"):
            v *= a.scale if a.scale != 1 or a is last else 1
        values.append(v)
    if len(atoms) == 2 and _shares_scale(atoms[0], last) and kind in ("money", "count", "quantity"):
        values[0] = atoms[0].value * atoms[0].sign * last.scale  # "$91 to 93 billion": the scale is shared
    if unit == "pp" and any(a.unit == "bps" for a in atoms):
        values = [v / 100 for v in values]
    low, high = min(values), max(values)
    value = (low + high) / 2 if len(values) > 1 else values[0]
    return Figure(text=text[first.start:last.end], start=first.start, end=last.end, value=value, low=low, high=high,
                  unit=unit, kind=kind, approx=approx, rule=rule, decimals=max(a.decimals for a in atoms))


def _alternatives(a: Atom, b: Atom) -> bool:
    """Whether "A or B" is one estimate with the unit written once ("eight or nine euros", "about 7 or
    $8 a share", "5 or 6 pct"): close values, rising; not "5 mln dlrs or 1.20 dlrs a share"."""
    va = a.value * (b.scale if _shares_scale(a, b) else a.scale)
    vb = b.value * b.scale
    return 0 < va < vb <= 3 * va


def _shares_scale(a: Atom, b: Atom) -> bool:
    """Whether the first end of a range takes the second end's scale: "$91 to 93 billion" does, but
    "between $250,000 and $1.2 million" does not (issue 17): an end larger than the other as written
    is already in base units."""
    return a.scale == 1 and b.scale != 1 and a.value <= b.value


def _move_shares_scale(a: Atom, b: Atom) -> bool:
    """Whether a move's first end takes the second's scale though it is larger as written: "cut its forecast
    from 162 to 157 million customers" (issue 17, s20); ends of one size as written, under 1,000."""
    return a.scale == 1 and b.scale != 1 and 0 < a.value < 1000 and b.value / 10 <= a.value <= b.value * 10


def _classify(a: Atom) -> tuple[str, str]:
    """(unit, kind) of an atom from what is attached to it; ("", "") when nothing is."""
    if a.currency:
        return a.currency, "money"
    if a.unit == "%":
        return "%", "percent"
    if a.unit in ("pp", "bps"):
        return "pp", "pp"
    if a.unit == "x":
        return "x", "multiple"
    if a.unit == "level":
        return "count", "count"
    if a.unit.startswith("q:"):
        return a.unit[2:], "quantity"
    if a.scale != 1 and not a.words:
        return "count", "count"
    if a.scale != 1 and a.words and a.scale_text:
        return "count", "count"
    return "", ""


def resolve_figures(text: str, res: Resources, dollar: str = "USD", title: str = "", year: int = 0
                    ) -> tuple[list[Figure], list[Skipped]]:
    """Resolve atoms into figures and skips. `dollar` is what a bare $/dlrs means here (a bare francs or crowns:
    shared_money, by the story and its `year`); `title` is the headline, which names the market of a price table."""
    folded = fold_caps_lines(text, kept_words(res))  # "ACME SETS 100 MLN DLR NOTE ISSUE": lower case, offsets kept
    figures, skipped = _resolve_text(folded, res, dollar, title)
    if folded != text:
        figures, skipped = restore_text(figures, text), restore_text(skipped, text)
    return resolve_shared(text, res, figures, year), skipped


def _resolve_text(text: str, res: Resources, dollar: str, title: str) -> tuple[list[Figure], list[Skipped]]:
    atoms, skipped = outside_identifiers(text, find_atoms(text, res), res)
    bracketed_signs(text, atoms, res)
    figures: list[Figure] = []
    used: set[int] = set()
    for i, a in enumerate(atoms):
        if i not in used:
            _resolve_atom(text, atoms, i, res, dollar, figures, skipped, used)
    figures, skipped = _article_passes(text, res, figures, skipped, dollar, title)
    figures.sort(key=lambda f: f.start)
    return listed_falls(text, figures, res), skipped


def _resolve_atom(text: str, atoms: list[Atom], i: int, res: Resources, dollar: str, figures: list[Figure],
                  skipped: list[Skipped], used: set[int]) -> None:
    """Atom `i` as a figure (alone, or a range or an amount with the atom after it, marked `used`) or a skip."""
    a = atoms[i]
    unit, kind = _atom_unit(text, a, res)
    nxt = atoms[i + 1] if i + 1 < len(atoms) else None
    if nxt is not None and (fig := _quote_range(text, a, nxt, res, dollar)) is not None:
        figures.append(fig)
        used.update((i, i + 1))
        return
    if kind == "quantity" and unit in ("kilometre", "mile") and (_SPEED_AFTER.match(text, a.end)
                                                                or _PLACE_AFTER.match(text, a.end)
                                                                or _NAMED_QUANTITY.fullmatch(text[a.start:a.end])):
        # "60 miles (97 km) per hour", "a 40-mile-per-hour storm": a speed; "Nine Mile Two": a plant's name; "40 miles
        # north of Fort McMurray": a place
        skipped.append(Skipped(a.number, a.start, "model_name" if a.words else "no_unit"))
        return
    if kind == "multiple" and _fund_leverage(text, a):
        skipped.append(Skipped(a.number, a.start, "model_name"))
        return
    if kind in ("", "count") and a.scale != 1:
        unit, kind = _unit_in_context(text, atoms, i, res, unit, kind)
    if kind == "money" and nxt is not None and subunit_follows(text, a, nxt):
        figures.append(_with_subunit(text, a, nxt, unit, kind, dollar, res))
        used.update((i, i + 1))
        return
    if nxt is not None and i + 1 not in used and not a.bare and not nxt.bare:
        paired = _paired(text, a, nxt, unit, kind, res, dollar)
        if isinstance(paired, Figure):
            figures.append(paired)
            used.update((i, i + 1))
            return
        if paired is not None:
            unit, kind = paired  # "rose from 10 to 20 dollars": the first number takes the second's unit
    if not unit and not a.bare:  # "rose to 193 dlrs from 168", "the Dow soared almost 750 points"
        unit, kind = bare_number_unit(text, atoms, i, res)
    if not unit:
        pct = _PCT_OF.search(text, max(0, a.start - 24), a.start)
        if pct and pct.end() == a.start and not a.bare:
            # "percent of 10", "per cent of twenty-two": the percent word written first
            fig = _figure(text, [a], "%", "percent", "figures.percent.v2", "exact")
            figures.append(Figure(**{**fig.__dict__, "text": text[pct.start("w"):a.end], "start": pct.start("w")}))
            return
        skipped.append(Skipped(a.number, a.start, skip_reason(text, a, res)))
        return
    rule = "figures.count.noun.v2" if a.counted else f"figures.{kind}.v2"
    fig = _figure(text, [a], _currency(unit, dollar), kind, rule, _qualifier(text, a.start, res))
    if a.currency == "DOLLAR" or unit == "DOLLAR":
        fig = Figure(**{**fig.__dict__, "currency_assumed": True})
    figures.append(signed(text, fig, res))


def _quote_range(text: str, a: Atom, b: Atom, res: Resources, dollar: str) -> Figure | None:
    """A bid/offer quote written with the second's last digits only: "4.46/37 pct", "152.30/40 yen"."""
    quote = _quote_pair(text, a, b)
    if quote is None:
        return None
    b_unit, b_kind = _atom_unit(text, b, res)
    if not (b_unit and b_kind in ("percent", "money", "quantity") and not a.currency and not a.unit):
        return None
    b.value, b.decimals, b.scale, a.scale = quote, a.decimals, Decimal(1), Decimal(1)
    a.currency, a.unit = b.currency, b.unit
    return _figure(text, [a, b], _currency(b_unit, dollar), b_kind, "figures.range.quote.v1", _qualifier(text, a.start, res))


def _unit_in_context(text: str, atoms: list[Atom], i: int, res: Resources, unit: str, kind: str) -> tuple[str, str]:
    """A scaled number with no unit takes the currency or the physical unit of the figures around it ("15 mln and
    25 mln" after "957 mln stg"); "3 mln subscribers" near "5 mln dlrs" counts subscribers: no currency carries."""
    a = atoms[i]
    if _SPAN_AFTER.match(text, a.end):
        return "", ""  # "in the next ten thousand years", "2 million years ago": a span of time, no count
    cur = "" if scaled_count_noun(text, a.end, res) else currency_in_context(text, atoms, i, res)
    if cur:
        a.currency = cur
        return cur, "money"
    if (q := quantity_in_context(text, atoms, i, res)):
        a.unit = q
        return q[2:], "quantity"
    return unit, kind


def _with_subunit(text: str, a: Atom, b: Atom, unit: str, kind: str, dollar: str, res: Resources) -> Figure:
    """"20 dollars 43 cents", "$20 and 43c", "3 CHF 4 cents": one amount in two units."""
    whole = Atom(a.start, b.end, text[a.start:b.end], a.value + b.value * b.scale, max(a.decimals, 2),
                 currency=a.currency, sign=a.sign)
    fig = _figure(text, [whole], _currency(unit, dollar), kind, "figures.money.v2", _qualifier(text, a.start, res))
    if a.currency == "DOLLAR":
        fig = Figure(**{**fig.__dict__, "currency_assumed": True})
    return fig


_COLUMN_DASH = re.compile(r"[ \t]{2,}[-–][ \t]{2,}")  # a dash set apart by columns' gaps on both sides


def _paired(text: str, a: Atom, b: Atom, unit: str, kind: str, res: Resources, dollar: str) -> Figure | tuple[str, str] | None:
    """Atom `a` read with the next one: a range ("$91-93 billion", "between 5% and 7%") as a Figure; two figures
    of a move whose first lacks the unit ("rose from 10 to 20 dollars") as the (unit, kind) it takes; else None."""
    if date_day(text, a, res):
        return None  # "in the week ended Feb 27 to 127.10 mln barrels": the day of a date opens no range (issue 17, s25)
    gap = text[a.end:b.start]
    if _COLUMN_DASH.fullmatch(gap):
        return None  # "$20,669          -  $258,179": a blank cell between two columns, no range
    sep_m = _qualifier_rx(res)[1].match(gap)
    sep = sep_m.group("sep").lower() if sep_m else text[a.end:b.start].strip().lower()
    counted = kind == "count"
    unit, kind, b_unit, b_kind = _pair_units(text, a, b, unit, kind, sep, bool(sep_m), res)
    between, is_from, moved = _move_reading(text, a, b, res)
    if not (sep_m and b_unit and (not a.currency or not b.currency or a.currency == b.currency)
            and not (not unit and b.scale != 1 and YEAR.match(a.number))  # "of 1987 to 6.67 billion rand"
            and (sep != "or" or _alternatives(a, b))):
        return None
    two_figures = (sep == "and" and not (between and not is_from)) or is_from or (moved and unit and sep not in ("-", "–"))
    if two_figures and not unit and (sep != "and" or listed_pair(text, a, b, b_kind)):
        a.currency, a.unit = b.currency, b.unit
        if _shares_scale(a, b) or (is_from and _move_shares_scale(a, b)):
            a.scale = b.scale
        return b_unit, b_kind
    if not two_figures and not between and counted and not unit and b.value * b.scale > 10 * a.value * a.scale:
        # "rose 200 mln to 11.9 billion guilders": a move and its level, ends far apart, the unit written once (w26)
        a.currency, a.unit = b.currency, b.unit
        return b_unit, b_kind
    if not two_figures and (not unit or unit == b_unit):
        fig = _figure(text, [a, b], _currency(b_unit, dollar), b_kind, f"figures.range.{b_kind}.v2", _qualifier(text, a.start, res))
        return signed(text, fig, res)
    return None


def _pair_units(text: str, a: Atom, b: Atom, unit: str, kind: str, sep: str, separated: bool,
                res: Resources) -> tuple[str, str, str, str]:
    """The units and kinds of a pair's two atoms, each end given what the other writes once: an index's levels
    ("49,250–49,000 levels"), a multiple's "times", a currency or scale written on one end only."""
    b_unit, b_kind = _atom_unit(text, b, res)
    if (not unit and not b_unit and sep in ("-", "–", "to") and not a.words and not b.words
            and index_points(text, a.start, a.end, res) and index_points(text, b.start, b.end, res)):
        # "the target of 49,250–49,000 levels": a range of an index's levels, each end bare (issue 17, s25)
        a.unit = b.unit = "level"
        unit, kind, b_unit, b_kind = "count", "count", "count", "count"
    if b.unit == "times" and unit == "x":
        b_unit, b_kind = "x", "multiple"
    if separated and kind == "count" and a.scale != 1 and b.scale != 1 and b_kind in ("money", "quantity") \
            and not (a.unit or a.currency or a.counted):
        unit, kind = "", ""  # "8 billion to 9 billion dlrs": the unit written once on the second end (issue 17, w26)
    elif separated and kind == "money" and b_kind == "count" and a.scale == 1 and b.scale != 1:
        b.currency, b_unit, b_kind = a.currency, unit, "money"  # "$91-93 billion", "$91 to 93 billion"
    elif (kind == "money" and not b_unit and a.scale == 1 and text[a.end:b.start] in ("-", "–")
            and b.loose_scale == 1 and not b.words and a.value < b.value):
        b.currency, b_unit, b_kind = a.currency, unit, "money"  # "$1-2 a share": the symbol written once
        if a.sign < 0 and text[a.start] == "-":
            b.sign = -1  # "MOPS -$0.40-0.50/bbl": the minus before the symbol written once signs both ends
    return unit, kind, b_unit, b_kind


def _move_reading(text: str, a: Atom, b: Atom, res: Resources) -> tuple[re.Match | None, bool, bool]:
    """Whether a pair is a move's two figures: the "between"/"from" before it (none where it compares), whether
    that is a move's "from", and whether a move verb comes before the first ("contracted 5 cents to $10")."""
    between = _range_between(res).search(text[max(0, a.start - 40):a.start])
    if between and _COMPARED_BETWEEN.search(text[max(0, a.start - 40):a.start]):
        between = None
    is_from = bool(between) and "from" in between.group(0).lower()
    change_before, move_before, _ = _change_rx(res)
    if is_from and not change_before.search(text[max(0, a.start - 90):a.start - len(between.group(0)) + 5]):
        is_from, between = False, None  # "from 10 dollars to 20 dollars" with no move: a range
    # "contracted 5 cents to $10", "declines 1 basis point to 287bps": an amount that fell to a level far
    # above it; "to decline 8.5% to 12.5%", ends of one size, stays a range
    before = text[max(0, a.start - 30):a.start]
    moved = bool(may_match(move_before, before) and move_before.search(before)
                 or (b.value * b.scale > 3 * a.value * a.scale
                     and may_match(fall_verb_before(res), before) and fall_verb_before(res).search(before)))
    return between, is_from, moved

# "less and less", "lower to": a comparative range may stand in the text (figure_signs.comparative_ranges); the
# pattern as written and lowered, for an article that lowered_for_ascii_pattern lowers
_COMPARATIVE = re.compile(r"\b(?:less|lower|below|fewer)\s+(?:and|to)\b", re.I)
_COMPARATIVE_LOW = re.compile(r"\b(?:less|lower|below|fewer)\s+(?:and|to)\b")


def _article_passes(text: str, res: Resources, figures: list[Figure], skipped: list[Skipped], dollar: str,
                    title: str) -> tuple[list[Figure], list[Skipped]]:
    """The passes over the whole text that see more than one atom: fractions of a unit in words, "flat",
    comparative ranges, changes in words, wire result rows, price tables, comparatives, table cells."""
    fractions = find_fraction_amounts(text, res, dollar)
    if fractions:  # "half a cent", "a quarter of a percentage point": the fraction's, not "a cent"'s
        figures = [f for f in figures if not any(g.start < f.end and f.start < g.end for g in fractions)]
        figures.extend(signed(text, g, res) for g in fractions)
        skipped = [s for s in skipped if not any(g.start <= s.start < g.end for g in fractions)]
    shares = [g for g in find_fraction_shares(text, res) if not any(f.start < g.end and g.start < f.end for f in figures)]
    if shares:  # "about a quarter of its workforce": a percent
        figures.extend(shares)
        skipped = [s for s in skipped if not any(g.start <= s.start < g.end for g in shares)]
    if "flat" in text.lower():
        figures = flat_to(text, figures, res)
    low = lowered_for_ascii_pattern(text)
    if (_COMPARATIVE_LOW.search(low) if low is not None else _COMPARATIVE.search(text)):
        figures = comparative_ranges(text, figures, res)
    changes = find_word_changes(text, res, figures)
    if changes:
        figures.extend(changes)  # "a 10-fold increase": its digits were skipped as a number with no unit
        skipped = [s for s in skipped if not any(c.start <= s.start < c.end for c in changes)]
    if " vs " in text or " VS " in text:
        figures, skipped = table_rows(text, res, figures, skipped, dollar)
    if "-" in text:
        figures, skipped = price_table_ranges(text, figures, skipped, dollar)
    if "(" in text:
        figures, skipped = find_comparatives(text, figures, skipped, res)
    moved, skipped = moved_counts(text, res, figures, skipped)  # "resales totaled 241,000"
    figures.extend(moved)
    named, skipped = named_counts(text, res, skipped)  # "cutting staff to 125 from 300"
    figures.extend(named)
    carried, skipped = carried_counts(text, res, figures, skipped)  # "to seven members from three"
    figures.extend(carried)
    if "  " in text or "|" in text or "\t" in text:  # a table row: aligned columns or markdown bars
        cells, skipped = table_cells(text, res, skipped, dollar, title, frozenset(f.start for f in figures))
        figures = captioned_amounts(text, figures, res, dollar) + cells
    return figures, skipped


# A percent word with no number before it, then "of N": "percent of 10" (not "40 percent of 200 workers").
_PCT_OF = re.compile(r"(?<![\w%])(?<!\d\s)(?P<w>(?i:per\s?cents?|percents?|percentage))\s+of\s+")


def _currency(unit: str, dollar: str) -> str:
    return dollar if unit == "DOLLAR" else unit
