"""Figures: find money, percentages, multiples, basis points, ranges and word changes.

Two steps, as in Recognizers-Text: `find_atoms` yields spans (one compiled
scanner built from models/lexicons), `resolve_figures` turns them into `Figure`
records (value in base units, unit, qualifier, sign, range) and `Skipped`
records for numbers that are not claims (years, list numbers, model names...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .numbers import decimals_written, parse_digits, parse_words
from .records import Figure, Skipped
from .resources import Resources

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)(?:[.]\d+)?(?:[- ]\d{1,2}/\d{1,3}(?![\d/]))?|[.]\d+"
# NOTE: longer forms first: "1.5 pct points" is percentage points, not a percent
_PCT = r"percentage[\s-]points?\b|pct\s?points?\b|per\s?cent(?:age)?\s?points?\b|%|pct\b|per\s?cent\b|percent\b|points?\b(?=\s+(?:of|in|to|higher|lower|above|below))|pp\b|basis[\s-]points?\b|bps\b|bp\b"
_MULT = r"×|[xX](?![A-Za-z0-9])"
_QUAL = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "approx": "about",
    "approx.": "about", "some": "about", "circa": "about", "close to": "about", "an estimated": "about",
    "over": "over", "more than": "over", "above": "over", "at least": "over", "upwards of": "over",
    "in excess of": "over", "exceeding": "over", "just over": "over", "well over": "over", "north of": "over",
    "less than": "under", "under": "under", "nearly": "under", "almost": "under", "just under": "under",
    "below": "under", "up to": "under", "at most": "under", "fewer than": "under", "as much as": "under",
    "no more than": "under", "not more than": "under", "shy of": "under",
}
_QUAL_RE = re.compile(r"(?:^|\W)(" + "|".join(sorted((re.escape(q) for q in _QUAL), key=len, reverse=True))
                      + r")\s+(?:of\s+)?(?:an?\s+)?$", re.I)
_FALL = re.compile(r"\b(?:fell|falls|fall|falling|declined?|declines|declining|dropped|drops|drop|dropping|down|lost|loses|"
                   r"slid|slides|slipped|sank|sinks|plunged|plunges|plummeted|tumbled|tumbles|decreased?|decreases|lower|"
                   r"shrank|shrunk|contracted|eased|slumped|retreated|shed|dipped|dips|cut|cuts|reduced|lowered|narrowed|trimmed|"
                   r"a decline of|a drop of|a fall of|a decrease of|a cut of)\s+(?:(?:[\w-]+\s+){0,3}by\s+)?(?:a further\s+|another\s+)?(?:(?:" +
                   "|".join(sorted((re.escape(q) for q in _QUAL), key=len, reverse=True)) + r")\s+)?$", re.I)
_TIMES_CONTEXT = re.compile(r"\b(?:earnings|p/?e|price[- /]to|multiple|valuation|valued|ebitda|sales|book|revenue|cash flow|trades? at|trading at)\b", re.I)
_TIMES_NOT = re.compile(r"^\s+(?:more|less|higher|lower|larger|bigger|smaller|as|over|the|a|in|per|each|this|that|since|during|faster|greater)\b", re.I)
_PE_BEFORE = re.compile(r"(?:p/?e|price[- /]to[- /]earnings|earnings multiple|multiple|ev/ebitda)(?:\s+ratio)?\s+(?:of|at|is|was|stood at|near|around|about)?\s*$", re.I)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_MONTH_BEFORE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$", re.I)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", re.I)
_TENOR = re.compile(r"^[\s-]*(?:day|week|month|year|quarter|hour|minute)s?\b", re.I)
_LIST_NUM = re.compile(r"^[.)]\s")
_ARITH = re.compile(r"^\s?[+*/=]\s?\d|\d\s?[+*/=]\s?$")
_RANGE_SEP = re.compile(r"^\s*(?:-|to|through|and)\s*$", re.I)
_RANGE_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:about\s+|around\s+|roughly\s+|(?:a|an|its|the)\s+(?:\w+\s+){0,2}(?:of|at)\s+)?$", re.I)
_FLAT_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|remained|stayed|held|largely|roughly|nearly|essentially|"
                          r"virtually|broadly|ended|closed|traded|finished|came in|mostly)\s+$", re.I)
# "rose 5 dlrs to 410 dlrs" is a change and a level, not a range
_MOVE_BEFORE = re.compile(r"\b(?:rose|rises|risen|fell|falls|fallen|up|down|increased?|decreased?|raised|raises|cut|cuts|lifted|"
                          r"lowered|gained|lost|added|jumped|climbed|dropped|declined|slipped|slid|eased|widened|narrowed|"
                          r"grew|surged|soared|plunged|tumbled|shrank)\s+(?:by\s+)?(?:about\s+|around\s+|some\s+)?$", re.I)
_LIST_SEP = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$", re.I)


@dataclass
class Atom:
    start: int
    end: int
    number: str
    value: Decimal
    decimals: int
    currency: str = ""  # ISO code or DOLLAR
    scale: Decimal = Decimal(1)
    scale_text: str = ""
    unit: str = ""  # %, pp, bps, x, times, sub (currency subunit)
    sign: int = 1
    words: bool = False
    num_start: int = -1  # the number itself, with its scale word: "1.5 million" in "$1.5 million"
    num_end: int = -1


class Scanner:
    """The compiled pattern for one Resources (built once per models/ folder)."""

    def __init__(self, res: Resources):
        prefix, suffix, subunits = {}, {}, {}
        for cur in res.currencies.values():
            for sym in cur.symbols:
                prefix[sym] = cur.code
            for code in cur.codes:
                prefix.setdefault(code, cur.code)
                suffix.setdefault(code, cur.code)
            for name in cur.names:
                forms = {name, name.lower(), name[:1].upper() + name[1:]}
                if len(name) <= 5:  # wire tables shout: "6.48 DLRS VS PROFIT 23 CTS"
                    forms.add(name.upper())
                for form in forms:
                    suffix.setdefault(form, cur.code)
            for sub, factor in cur.subunits.items():
                subunits[sub] = (cur.code, Decimal(str(factor)))
                if len(sub) <= 5:
                    subunits[sub.upper()] = (cur.code, Decimal(str(factor)))
        self.prefix, self.suffix, self.subunits = prefix, suffix, subunits
        self.scales = {k: Decimal(str(v)) for k, v in res.scales.items()}
        for k, v in list(self.scales.items()):
            if len(k) > 2:
                self.scales.setdefault(k.capitalize(), v)
        self.ambiguous = res.ambiguous_scales
        nw = res.number_words
        words = list(nw["units"]) + list(nw["tens"]) + list(nw["magnitudes"]) + list(nw["fractions"]) + ["dozen"]
        word = "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"
        wordnum = rf"(?i:(?:an?[\s-]+)?{word}(?:(?:[\s-]+and[\s-]+an?[\s-]+|[\s-]+and[\s-]+|[\s-]+an?[\s-]+|[\s-]+){word})*)"

        def alt(forms) -> str:
            return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))

        glued_ok = [p for p in prefix if not p[-1:].isalpha() or p.isupper() or p in ("Rmb", "Rs.")]
        self.pattern = re.compile(
            rf"(?<![\w.$€£¥])(?:(?P<pcur>{alt(prefix)})(?:\s?)(?=[\d.+-]))?"
            rf"(?P<sign>[+-](?=[\d.]))?"
            rf"(?:(?P<num>{_DIGITS})|(?P<words>\b{wordnum}\b))"
            rf"(?:\s?(?P<scale>{alt(self.scales)})(?![A-Za-z]))?"
            rf"(?:\s?(?P<unit>{_PCT}|{_MULT})|\s(?P<times>times)\b|\s?(?P<sub>{alt(subunits)})(?![A-Za-z])|\s?(?P<scur>{alt(suffix)})(?![A-Za-z])"
            rf"|\s(?P<qunit>(?i:{alt(res.physical_units)}))(?![A-Za-z]))?"
        )
        self.glued_prefix = frozenset(glued_ok)
        self.physical = {k.lower(): v for k, v in res.physical_units.items()}
        self.words_map = nw


@lru_cache(maxsize=4)
def _scanner(res: Resources) -> Scanner:
    return Scanner(res)


def _unit_of(m: re.Match, sc: Scanner) -> tuple[str, str, Decimal]:
    """Return (currency, unit, subunit factor) from the scanner's groups."""
    if m.group("sub"):
        code, factor = sc.subunits[m.group("sub")]
        return code, "", factor
    unit = m.group("unit") or ""
    if unit:
        u = unit.lower()
        if u in ("×", "x"):
            return "", "x", Decimal(1)
        if "basis" in u or u.startswith("bp"):
            return "", "bps", Decimal(1)
        if "point" in u or u == "pp":
            return "", "pp", Decimal(1)
        return "", "%", Decimal(1)
    if m.group("times"):
        return "", "times", Decimal(1)
    if m.group("qunit"):
        return "", "q:" + sc.physical[m.group("qunit").lower()], Decimal(1)
    cur = sc.prefix.get(m.group("pcur") or "") or sc.suffix.get(m.group("scur") or "") or ""
    return cur, "", Decimal(1)


def find_atoms(text: str, res: Resources) -> list[Atom]:
    """Every number-like span with whatever currency, scale and unit is attached."""
    sc = _scanner(res)
    atoms = []
    for m in sc.pattern.finditer(text):
        num_text = m.group("num") or m.group("words")
        if not num_text:
            continue
        if m.group("num"):
            value = parse_digits(num_text)
            decimals = decimals_written(num_text)
        else:
            if num_text.lower() in ("a", "an"):
                continue
            value = parse_words(num_text, sc.words_map)
            decimals = 0
        if value is None:
            continue
        scale_text = m.group("scale") or ""
        scale = sc.scales.get(scale_text, Decimal(1))
        currency, unit, factor = _unit_of(m, sc)
        if scale_text in sc.ambiguous and not currency:
            # "5m" with no currency may be metres: give the scale back as plain text
            if not unit:
                end = m.start("scale")
                atoms.append(Atom(m.start(), end if not text[end - 1].isspace() else end - 1, num_text, value,
                                  decimals, sign=-1 if m.group("sign") == "-" else 1, words=not m.group("num")))
                continue
            scale, scale_text = Decimal(1), ""
        num_group = "num" if m.group("num") else "words"
        atoms.append(Atom(
            start=m.start(), end=m.end(), number=num_text, value=value, decimals=decimals,
            currency=currency, scale=scale * factor, scale_text=scale_text, unit=unit,
            sign=-1 if m.group("sign") == "-" else 1, words=not m.group("num"),
            num_start=m.start("sign") if m.group("sign") else m.start(num_group),
            num_end=m.end("scale") if scale_text else m.end(num_group),
        ))
    return atoms


# capitalised words before a number that are not product names ("Part 2", "Phase 3")
_NOT_PRODUCT_WORDS = frozenset("The A An In On At By For Of To Part Section Chapter Phase Page Vol Volume No Item "
                               "Rule Article Step Stage Round Level Tier Class Series Proposition Title Week Day Year "
                               "Game Act Scene Exhibit Table Figure Appendix".split())


def find_numbers(text: str, res: Resources) -> list[tuple[int, int, Decimal]]:
    """Every number as (start, end, value), digits or words, with its scale word ("1.5 million")."""
    out = []
    for a in find_atoms(text, res):
        scale = a.scale if a.scale_text else Decimal(1)
        out.append((a.num_start, a.num_end, a.value * a.sign * scale))
    return out


def _skip_reason(text: str, a: Atom) -> str:
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
    if _YEAR.match(a.number):
        return "year"
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return "date_part"
    prev = re.search(r"([A-Z][\w-]*)\s+$", before)
    if prev and not _MONTH_BEFORE.search(before) and (("." in a.number) or len(a.number) <= 3) \
            and prev.group(1) not in _NOT_PRODUCT_WORDS:
        return "model_name"  # "Llama 3", "Claude 3.5 Sonnet", "Boeing 737"
    if before.rstrip().endswith((":", "#")) or re.search(r"\b(?:NYSE|NASDAQ|HKG|HKEX|SEHK|TSE|SSE|SZSE|LSE)\s*:\s*$", before, re.I):
        return "identifier"
    return "no_unit"


def _qualifier(text: str, start: int) -> str:
    m = _QUAL_RE.search(text[max(0, start - 30):start])
    return _QUAL[m.group(1).lower()] if m else "exact"


def _currency_in_context(text: str, atoms: list[Atom], i: int) -> str:
    """A bare scaled number takes the currency of the money figure it is listed or compared with.

    "86 billion and 32 billion RMB"; "rose to 98.83 billion francs ... from 107.74 billion".
    """
    for j in (i + 1, i + 2):
        if j < len(atoms) and atoms[j].currency and _LIST_SEP.match(text[atoms[j - 1].end:atoms[j].start]):
            return atoms[j].currency
    if i > 0 and atoms[i - 1].currency and atoms[i - 1].scale != 1:
        gap = text[atoms[i - 1].end:atoms[i].start]
        if len(gap) <= 60 and "\n" not in gap and _COMPARED_GAP.search(gap):
            return atoms[i - 1].currency
    return ""


_COMPARED_GAP = re.compile(r"\b(?:from|vs|versus|compared with|against|and|or)\b|,", re.I)


def _atom_unit(text: str, a: Atom) -> tuple[str, str]:
    """(unit, kind) of an atom, reading "N times" and "a P/E of N" as multiples where the context says so."""
    unit, kind = _classify(a)
    if a.unit == "times":
        ctx = text[max(0, a.start - 200):a.end + 60]
        if _TIMES_CONTEXT.search(ctx) and not _TIMES_NOT.match(text[a.end:a.end + 12]):
            return "x", "multiple"
    if not unit and _PE_BEFORE.search(text[max(0, a.start - 40):a.start]):
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
    if len(atoms) == 2 and atoms[0].scale == 1 and last.scale != 1 and kind in ("money", "count"):
        values[0] = atoms[0].value * atoms[0].sign * last.scale  # "$91 to 93 billion": the scale is shared
    if unit == "pp" and any(a.unit == "bps" for a in atoms):
        values = [v / 100 for v in values]
    low, high = min(values), max(values)
    value = (low + high) / 2 if len(values) > 1 else values[0]
    return Figure(text=text[first.start:last.end], start=first.start, end=last.end, value=value, low=low, high=high,
                  unit=unit, kind=kind, approx=approx, rule=rule, decimals=max(a.decimals for a in atoms))


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
    if a.unit.startswith("q:"):
        return a.unit[2:], "quantity"
    if a.scale != 1 and not a.words:
        return "count", "count"
    if a.scale != 1 and a.words and a.scale_text:
        return "count", "count"
    return "", ""


def resolve_figures(text: str, res: Resources, dollar: str = "USD") -> tuple[list[Figure], list[Skipped]]:
    """Resolve atoms into figures and skips. `dollar` is what a bare $/dlrs means here."""
    atoms = find_atoms(text, res)
    figures: list[Figure] = []
    skipped: list[Skipped] = []
    used = set()
    for i, a in enumerate(atoms):
        if i in used:
            continue
        unit, kind = _atom_unit(text, a)
        if kind in ("", "count") and a.scale != 1:
            cur = _currency_in_context(text, atoms, i)
            if cur:
                a.currency = cur
                unit, kind = cur, "money"
        if i + 1 < len(atoms) and i + 1 not in used:
            b = atoms[i + 1]
            sep = text[a.end:b.start].strip().lower()
            b_unit, b_kind = _atom_unit(text, b)
            if b.unit == "times" and unit == "x":
                b_unit, b_kind = "x", "multiple"
            if kind == "money" and b_kind == "count" and a.scale == 1 and b.scale != 1:
                b.currency, b_unit, b_kind = a.currency, unit, "money"  # "$91-93 billion", "$91 to 93 billion"
            between = _RANGE_BETWEEN.search(text[max(0, a.start - 40):a.start])
            is_from = bool(between) and "from" in between.group(0).lower()
            moved = _MOVE_BEFORE.search(text[max(0, a.start - 30):a.start])
            if _RANGE_SEP.match(text[a.end:b.start]) and b_unit and (not a.currency or not b.currency or a.currency == b.currency):
                two_figures = (sep == "and" and not (between and not is_from)) or is_from or (moved and unit)
                if two_figures and not unit and sep != "and":
                    # "rose from 10 to 20 dollars": the first number takes the second's unit
                    unit, kind = b_unit, b_kind
                    a.currency, a.unit = b.currency, b.unit
                    if a.scale == 1 and b.scale != 1:
                        a.scale = b.scale
                elif not two_figures and (not unit or unit == b_unit):
                    approx = _qualifier(text, a.start)
                    fig = _figure(text, [a, b], _currency(b_unit, dollar), b_kind, f"figures.range.{b_kind}.v1", approx)
                    figures.append(_signed(text, fig, text[max(0, a.start - 40):a.start]))
                    used.update((i, i + 1))
                    continue
        if not unit:
            skipped.append(Skipped(a.number, a.start, _skip_reason(text, a)))
            continue
        fig = _figure(text, [a], _currency(unit, dollar), kind, f"figures.{kind}.v1", _qualifier(text, a.start))
        if a.currency == "DOLLAR" or unit == "DOLLAR":
            fig = Figure(**{**fig.__dict__, "currency_assumed": True})
        figures.append(_signed(text, fig, text[max(0, a.start - 40):a.start]))
    figures.extend(find_word_changes(text, res, figures))
    if " vs " in text or " VS " in text:
        figures, skipped = _table_rows(text, res, figures, skipped, dollar)
    figures.sort(key=lambda f: f.start)
    return figures, skipped


# A wire result-table row: "Shr loss 6.48 dlrs vs profit 23 cts", "Net 807,000 vs 2,858,000".
_TABLE_ROW = re.compile(r"(?im)^[ \t]*(?:[A-Z][^\n]{0,80}? - )?(?P<label>[A-Za-z][A-Za-z.&/ -]{0,28}?)[ \t]+(?:(?:loss|profit)[ \t]+)?"
                        r"(?:[\d(.-]|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)[^\n]*?\bvs\.?\b[^\n]*$")


def _table_rows(text: str, res: Resources, figures: list[Figure], skipped: list[Skipped], dollar: str):
    """Give wire-table numbers their unit and role: before "vs" is current, after it the year-earlier figure."""
    rows = [(m.start("label"), m.end(), m.group("label").strip().lower(), m) for m in _TABLE_ROW.finditer(text)]
    rows = [r for r in rows if any(r[2].startswith(k) for k in res.table_labels)]
    if not rows:
        return figures, skipped
    out_figs, keep_skips = [], []
    row_of = lambda pos: next((r for r in rows if r[0] <= pos < r[1]), None)  # noqa: E731
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
        label = row[2]
        is_count = "shrs" in label or "shares" in label
        unit, kind = ("count", "count") if is_count else (dollar, "money")
        if label.startswith(("shr", "oper shr", "primary shr", "fully")) and not is_count and value >= 1000:
            keep_skips.append(sk)
            continue
        f = Figure(text=sk.text, start=sk.start, end=sk.start + len(sk.text), value=value, low=value, high=value,
                   unit=unit, kind=kind, rule="figures.table.v1", currency_assumed=not is_count,
                   decimals=decimals_written(sk.text))
        out_figs.append(_table_figure(text, f, row, dollar))
    return out_figs, keep_skips


def _table_figure(text: str, f: Figure, row, dollar: str) -> Figure:
    start, end, label, m = row
    line = text[start:end]
    vs = re.search(r"\bvs\.?\b", line, re.I)
    role = "prior" if vs and f.start >= start + vs.end() else "current"
    before = text[start:f.start].lower()
    word = re.findall(r"\b(loss|profit)\b", before)
    fields = {**f.__dict__, "table_role": role, "table_label": label}
    if f.kind == "count" and not ("shrs" in label or "shares" in label):
        fields.update(unit=dollar, kind="money", currency_assumed=True)
    if word and word[-1] == "loss" and label.startswith(("shr", "oper shr")) and f.value > 0:
        fields.update(value=-f.value, low=-f.high, high=-f.low)
    if word:
        fields["table_label"] = label + (" " + word[-1] if word[-1] not in label else "")
    return Figure(**fields)


def _currency(unit: str, dollar: str) -> str:
    return dollar if unit == "DOLLAR" else unit


def _signed(text: str, fig: Figure, before: str) -> Figure:
    """Apply the sign a falling verb gives a change ("fell 3.2%" is -3.2; "fell to 3.2%" is not)."""
    if fig.kind not in ("percent", "pp") or fig.value < 0:
        return fig
    if _FALL.search(before):
        return Figure(**{**fig.__dict__, "value": -fig.value, "low": -fig.high, "high": -fig.low, "sign_from_verb": True})
    return fig


@lru_cache(maxsize=4)
def _word_change_pattern(res: Resources) -> tuple[re.Pattern, dict]:
    changes = {k.lower(): v for k, v in res.number_words["word_changes"].items()}
    forms = sorted(changes, key=len, reverse=True)
    alts = [re.escape(f) for f in forms]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I), changes


def find_word_changes(text: str, res: Resources, figures: list[Figure]) -> list[Figure]:
    """'doubled', 'more than double', 'halved', 'flat': percent changes written in words."""
    pattern, changes = _word_change_pattern(res)
    out = []
    for m in pattern.finditer(text):
        if any(f.start <= m.start() < f.end for f in figures):
            continue
        after = text[m.end():m.end() + 25].lower()
        if re.match(r"\s+(?:digits?|-digit|down on|check|dip|taxation|standard|bottom|edged|screen|rate|fee|tax)\b", after):
            continue
        if m.group().lower() in ("flat", "unchanged") and not _FLAT_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "flat screen", "a flat fee": only a stated level change counts
        pct, approx = changes[m.group().lower()]
        v = Decimal(str(pct))
        out.append(Figure(text=m.group(), start=m.start(), end=m.end(), value=v, low=v, high=v, unit="%",
                          kind="word_change", approx=approx, rule="figures.word_change.v1"))
    return out
