"""Figure atoms: the spans of numbers, amounts, percentages and multiples in a text (the first of the
figures stage's two steps, as in Recognizers-Text; pipeline/figures.py resolves them into figures).

One compiled `Scanner` per resources (models/lexicons: currencies, scales, number words, units) finds
every number with the unit and scale written around it (`number_spans.find_numbers` lists bare numbers from
them for the peer suites). The cases are in tests/test_figures.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .numbers import decimals_written, parse_digits, parse_word_tokens
from .resources import Resources
from .token_scan import TokenScan, start_pattern
from .word_patterns import longest_first as alternation  # figure_signs, fraction_amounts import it from here
from .word_scales import spelled_scale

# NOTE: the fraction alternative comes first so that "3/4" is not read as 3; dates such as
# "3/15/2024" fail its lookahead and fall through to the plain number.
# Indian grouping ("4,00,000", "12,34,567": lakh and crore) comes before the thousands groups.
# A percent, point or basis-point unit may be joined by a hyphen as a compound adjective ("a 25-basis-point cut",
# "a 10-percent increase", "a 3.5-per-cent rise"): Recognizers-Text's NumberWithSuffixPercentage allows only
# spaces there, but news writes the hyphen before a noun (issue 17, s24/s25).
_DIGITS = (r"\d{1,3}/\d{1,3}(?![\d/])"
           r"|(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]\d)|\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d{1,3}(?:[\u202f\u2009]\d{3})+(?!\d)|\d+)(?:[.]\d+)?"
           r"(?:[eE][+-]?\d{1,3}(?![\w.]))?(?:(?:-|\s{1,2})\d{1,2}/\d{1,3}(?![\d/]))?|[.]\d+")
_PCT = r"(?<=\d)pc\b|percentage[\s-]points?\b|pct[\s-]?points?\b|per[\s-]?cent(?:age)?[\s-]?points?\b|%|pct\b|per[\s-]?cents?\b|percents?\b|percentage\b|points?\b(?=\s+(?:of|in|to|higher|lower|above|below|over\s+{spread_base}))|pp\b|basis[\s-]points?\b|bps\b|bp\b"
_MULT = r"×|[xX](?![A-Za-z0-9])"


def _pct(res: Resources) -> str:
    """_PCT with its spread benchmarks filled in: "1-1/8 points over Libor" is a loan's margin in percentage points
    (number_words.yaml `spread_benchmarks`; "rose 200 points over the week" stays an index's points; issue 17, s25)."""
    bases = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in sorted(res.number_words["spread_benchmarks"],
                                                                       key=len, reverse=True))
    return _PCT.replace("{spread_base}", r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?i:" + bases + r")\b")


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
    loose_scale: Decimal = Decimal(1)  # "10k", "1.2b" with no currency: a scale only find_numbers applies
    loose_end: int = -1  # where that scale ends
    subunit: bool = False  # "43 cents": a hundredth of the currency
    bare: bool = False  # a fraction word with no numerator ("third", "quarter"): not a number by itself
    counted: str = ""  # the noun that makes a plain number a count ("81 rigs"): counted.counted_noun


def _case_forms(name: str) -> set[str]:
    """The ways news capitalises a currency name: as listed, lower case, each word capitalised or not."""
    parts = name.split(" ")
    forms = {name, name.lower(), name[:1].upper() + name[1:]}
    if 1 < len(parts) <= 3:
        variants = [""]
        for p in parts:
            # "U.S. Dlrs": a word keeps its written case too when the next one is capitalised
            variants = [v + (" " if v else "") + w for v in variants for w in {p, p.lower(), p[:1].upper() + p[1:].lower()}]
        forms.update(variants)
    if len(name) <= 5:  # wire tables shout: "6.48 DLRS VS PROFIT 23 CTS"
        forms.add(name.upper())
    return forms


def _decimal_comma(scales) -> str:
    """A decimal comma ("EUR 12,99 million", "3,5%"): one or two digits after the comma (a thousands
    group has three), read so only after a currency written before it or before a scale word or a
    percent sign; "1,50" alone stays two numbers. numbers.parse_digits reads the comma as the point."""
    after = rf"\s?(?:{alternation(scales)}|%|pct\b|per\s?cent)(?![^\W\d_])"
    return rf"(?(pcur)|(?=\d{{1,3}},\d{{1,2}}{after}))\d{{1,3}},\d{{1,2}}(?![\d,]|\.\d)"


def _prefix_alt(forms) -> str:
    """Currency forms written before the amount, each followed by an optional space, except a lone
    letter ("Y1.2 billion" is yen, but "Generation Y 2024" is not): it must touch the digits."""
    return "|".join(re.escape(f) + ("" if len(f) == 1 and f.isalpha() else r"\s?")
                    for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=4)
def qualifiers(res: Resources) -> dict[str, str]:
    """number_words.yaml `qualifiers`: a bound's words before a figure ("about", "more than") -> about, over or under."""
    return {str(k): str(v) for k, v in res.number_words["qualifiers"].items()}


class Scanner:
    """The compiled pattern for one Resources (built once per models/ folder)."""

    def __init__(self, res: Resources):
        # after "a dollar" these words keep it an amount ("a dollar and 42 cents"); any other makes it a modifier
        self.article_followers = frozenset(res.number_words["article_followers"])
        prefix, suffix, subunits, before, sym_after = {}, {}, {}, {}, {}
        for cur in res.currencies.values():
            for sym in cur.symbols:
                prefix[sym] = cur.code
                if not re.search(r"[A-Za-z]$", sym) and " " not in sym:  # "20€", "100元", "10$"
                    sym_after.setdefault(sym, cur.code)
            for code in cur.codes:
                prefix.setdefault(code, cur.code)
                suffix.setdefault(code, cur.code)
            for name in cur.names:
                for form in _case_forms(name):
                    suffix.setdefault(form, cur.code)
            for name in cur.names_before:
                for form in _case_forms(name):
                    before.setdefault(form, cur.code)
            for sub, factor in cur.subunits.items():
                subunits[sub] = (cur.code, Decimal(str(factor)))
                if 1 < len(sub) <= 5:  # not "C": 25 C is a temperature
                    subunits[sub.upper()] = (cur.code, Decimal(str(factor)))
        self.prefix, self.suffix, self.subunits, self.before = prefix, suffix, subunits, before
        # "$(0.01)": an accounting negative with the symbol outside the parentheses
        self.paren_prefix = re.compile(r"(?<![\w.])(" + alternation(k for k in prefix if not k.replace(" ", "").isalpha())
                                       + r")\s?\(\s*$")
        self.sym_after = sym_after
        self.generic_sub = {k for k, (code, _) in subunits.items() if res.currencies.get(code) and res.currencies[code].dollar_like}
        self.scales = {k: Decimal(str(v)) for k, v in res.scales.items()}
        for k, v in list(self.scales.items()):
            if len(k) > 2:
                self.scales.setdefault(k.capitalize(), v)
        self.ambiguous = res.ambiguous_scales
        nw = res.number_words
        tens = "|".join(nw["tens"])
        tails = "|".join(list(nw.get("ordinal_tails") or ()) + [d for d, n in nw["denominators"].items() if n < 10])
        words = (list(nw["units"]) + list(nw["tens"]) + list(nw["magnitudes"]) + list(nw["denominators"])
                 + list(nw.get("dozen") or ()))
        word = "(?:" + rf"(?:{tens})[\s-]+(?:{tails})\b|" + "|".join(sorted(words, key=len, reverse=True)) + ")"
        point = nw.get("decimal_point", "point")
        sep = r"(?:[\s-]+and[\s-]+an?[\s-]+|[\s-]+and[\s-]+|[\s-]+an?[\s-]+|[\s-]+|[\s-]+" + point + r"[\s-]+)"
        wordnum = rf"(?i:(?:an?[\s-]+)?{word}(?:{sep}{word})*)"
        signs = alternation(nw.get("sign_words") or {})
        names_after = alternation(suffix)
        # "-$0.41", "(-$2.9M)": a minus written before the currency symbol (not "2023-$0.70", a label's dash)
        symbol_prefix = alternation(k for k in prefix if not k.replace(" ", "").isalpha())
        self.pattern = re.compile(
            rf"(?<![\w.$€£¥%])(?P<wsign>(?i:{signs})\s+(?=[^\W\d_]*[$€£¥]|[A-Z]{{3}}\s?\d)|-(?=(?:{symbol_prefix})\d))?(?:(?P<pcur>{_prefix_alt(prefix)})(?=[\d.+-])|(?P<bcur>{alternation(before)})\s(?=\d))?"
            rf"(?P<sign>[+-](?=[\d.])|(?i:{signs})\s+(?=[\d.]|\w))?"
            rf"(?:(?P<num>{_decimal_comma(self.scales)}|{_DIGITS})|(?P<words>\b{wordnum}\b)|(?P<art>\b[Aa]n?)(?=\s(?:{alternation(res.currency_plain_names)})\b))"
            rf"(?:\s{{0,2}}(?P<scale>{alternation(self.scales)})(?![^\W\d_])|-(?P<hscale>{alternation(k for k in self.scales if len(k) > 2)})(?![^\W\d_]))?"
            rf"(?:(?:\s?|-(?=[a-z]))(?P<unit>{_pct(res)}|{_MULT})|\s(?P<times>times)\b|(?:\s?|-)(?P<sub>{alternation(subunits)})(?![^\W\d_])"
            rf"|(?P<hyph>\s?|-)(?P<scur>{names_after})(?![^\W\d_])|\s?(?P<ssym>{alternation(sym_after)})(?!\s?\d)"
            rf"|(?:\s|-(?=[^\W\d_]{{4}})|(?=[a-z]?[A-Z][A-Za-z]{{0,2}}\d?(?![^\W\d_])))(?P<qunit>(?i:{alternation(res.physical_units)}))(?![^\W\d_]))?"
        )
        # NOTE: find_atoms tries the pattern only where a token that can open an atom starts (the pattern is
        # a long alternation that re would otherwise try at every character); keep in sync with the pattern.
        first = lambda forms: {w for f in forms if (w := re.split(r"[^A-Za-z]+", f)[0])}  # noqa: E731
        words = (first(prefix) | first(before) | set(nw["units"]) | set(nw["tens"]) | set(nw["magnitudes"])
                 | set(nw["denominators"]) | set(nw.get("dozen") or ()) | set(nw.get("sign_words") or ()) | {"a", "an"})
        symbols = {f[0] for f in prefix if not f[0].isalnum()}
        sym_class = "[" + re.escape("".join(sorted(symbols))) + "]"
        self.starts = start_pattern(r"\d|[.+\-](?=\d)|-(?=" + sym_class + ")|" + sym_class,
                                    {v for w in words for v in (w, w.lower(), w.upper(), w.capitalize())})
        self.words_map = nw
        self.plain_names = frozenset(n.lower() for n in res.currency_plain_names)
        self.physical = {k.lower(): v for k, v in res.physical_units.items()}


@lru_cache(maxsize=4)
def scanner(res: Resources) -> Scanner:
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
    cur = (sc.prefix.get((m.group("pcur") or "").rstrip()) or sc.before.get(m.group("bcur") or "")
           or sc.suffix.get(m.group("scur") or "") or sc.sym_after.get(m.group("ssym") or "") or "")
    return cur, "", Decimal(1)




def _in_url(text: str, start: int) -> bool:
    """Whether the number at `start` sits inside a URL ("...?q=30%25%2020%" is not three percentages)."""
    if start == 0 or text[start - 1].isspace():
        return False
    ws = max(text.rfind(" ", max(0, start - 300), start), text.rfind("\n", max(0, start - 300), start))
    token = text[ws + 1:start]
    return "://" in token or token.startswith("www.")


def _range_dash(text: str, at: int, sc: Scanner) -> bool:
    """Whether the minus at `at` before a currency symbol is a range's dash: it follows a number, a percent or a
    scale word ("$14,000 -$16,000", "$4 million -$18 million"), not a word or a bracket ("Feb -$3", "(-$2.9M)")."""
    before = text[max(0, at - 12):at].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] == "%" or before.split()[-1] in sc.scales)


def find_atoms(text: str, res: Resources) -> list[Atom]:
    """Every number-like span with whatever currency, scale and unit is attached."""
    sc = scanner(res)
    atoms: list[Atom] = []
    # candidate starts: digits, currency symbols and signs always; words only when they can open a number
    scan = TokenScan(text, sc.starts, sc.pattern.match)
    for m in scan:
        scan.pos = m.end()
        if m.group("wsign") == "-" and _range_dash(text, m.start(), sc):
            scan.pos = m.start() + 1  # read again from the currency symbol, unsigned
            continue
        num_group = "num" if m.group("num") else "words" if m.group("words") else "art"
        if not m.group(num_group) or _in_url(text, m.start()):
            continue
        number = _read_number(m, num_group, text, sc)
        if number is None:
            continue
        if number.cut is not None:  # the words run on past the number ("at one point, ..."): cut there
            atoms.append(spelled_scale(_plain_atom(m, number.start, number.words_start, number.end, number.text,
                                                   number.value, number.decimals, number.bare), sc.words_map))
            scan.pos = number.cut
            continue
        atom = _attached_atom(m, num_group, number, text, res, sc)
        if atom is not None:  # "two billion" read as "2 billion" (word_scales)
            _append_grouped(atoms, spelled_scale(atom, sc.words_map), m, num_group, text)
    return atoms


@dataclass
class _Number:
    """The number a scanner match writes, as read (before its currency, scale and unit)."""

    start: int
    end: int
    words_start: int  # where the number itself begins (after an article that is the noun's)
    text: str
    value: Decimal | None
    decimals: int
    bare: bool = False  # a fraction word with no numerator
    cut: int | None = None  # where words that run on past the number were cut


def _read_number(m: re.Match, num_group: str, text: str, sc: Scanner) -> _Number | None:
    """The match's digits, article ("a-", "an") or spelled number; None where it writes none."""
    num_text = m.group(num_group)
    start, end = m.start(), m.end()
    words_start = m.start(num_group)
    if num_group == "num":
        return _Number(start, end, words_start, num_text, parse_digits(num_text), decimals_written(num_text))
    if num_group == "art":
        follow = re.match(r"(?:-|\s+([a-z]+)\b)", text[end:end + 20])
        if follow and (follow.group(1) or "-") not in sc.article_followers:
            return None
        return _Number(start, end, words_start, num_text, Decimal(1), 0)
    bare = False
    tokens = [(t.group().lower(), t.end()) for t in _TOKEN.finditer(num_text)]
    value, used = parse_word_tokens([t for t, _ in tokens], sc.words_map)
    if value is None and len(tokens) > 1 and tokens[0][0] in ("a", "an"):
        # "a twelve-cent dividend": the article belongs to the noun, not to the number
        value, used = parse_word_tokens([t for t, _ in tokens[1:]], sc.words_map)
        lead = len(num_text) - len(num_text[tokens[0][1]:].lstrip(" -"))
        start = words_start = words_start + lead
        tokens = [(t, e - lead) for t, e in tokens[1:]]
        num_text = num_text[lead:]
    if value is None:
        dens = sc.words_map["denominators"]
        if tokens[0][0] not in dens:
            return None
        value, bare, used = Decimal(1) / Decimal(dens[tokens[0][0]]), True, 1  # "the third round": a skipped word
    elif used == 1 and tokens[0][0] in sc.words_map["magnitudes"]:
        return None  # "billions of dollars", "million-dollar question": no number is written
    if used < len(tokens):
        cut = words_start + tokens[used - 1][1]
        return _Number(start, cut, words_start, text[words_start:cut], value, 0, bare, cut=cut)
    return _Number(start, end, words_start, num_text, value, 0, bare)


def _attached_atom(m: re.Match, num_group: str, number: _Number, text: str, res: Resources, sc: Scanner) -> Atom | None:
    """The number with the sign, scale, currency and unit its match attaches, where they are what they seem:
    "iPhone 5c" is a model, "a 5-pound bag" a weight, "the 2400 mark" a level, "5m" with no currency maybe
    metres (a loose scale). None where a one-letter currency is no currency."""
    start, end, value = number.start, number.end, number.value
    if value is None:
        return None
    sign = -1 if (m.group("sign") or m.group("wsign") or "+")[:1] in "-mMnN" else 1
    scale_text = m.group("scale") or m.group("hscale") or ""  # "$11-million"
    scale = sc.scales.get(scale_text, Decimal(1))
    currency, unit, factor = _unit_of(m, sc)
    if unit == "pp" and value >= 10 and re.match(r"points?\s+over\b", m.group("unit") + text[m.end():m.end() + 6], re.I):
        unit = "bps"  # "150 points over Treasuries": a spread of ten points or more is written in basis points
    if m.group("sub") and len(m.group("sub")) == 1:
        currency, factor, end = _one_letter_subunit(m, start, text, res, sc, currency, factor, end)
    if (m.group("pcur") or "").isalpha() and len(m.group("pcur")) == 1 and _not_letter_currency(m):
        return None
    if m.group("scur"):
        currency, unit, end = _named_currency(m, num_group, text, sc, currency, unit, end)
    if scale_text in sc.ambiguous and not currency:
        if not unit:
            return _loose_scaled(m, num_group, number, text, sign, scale)
        scale, scale_text = Decimal(1), ""
    return Atom(
        start=start, end=end, number=number.text, value=value, decimals=number.decimals,
        currency=currency, scale=scale * factor, scale_text=scale_text, unit=unit,
        sign=sign, words=num_group != "num", bare=number.bare,
        num_start=m.start("sign") if m.group("sign") else number.words_start,
        num_end=max(m.end("scale"), m.end("hscale")) if scale_text else m.end(num_group),
        subunit=bool(m.group("sub")) and bool(currency),
    )


def _one_letter_subunit(m: re.Match, start: int, text: str, res: Resources, sc: Scanner, currency: str,
                        factor: Decimal, end: int) -> tuple[str, Decimal, int]:
    """(currency, factor, end) of a number before a one-letter subunit, where the letter is none: "iPhone 5c" is a
    model (but "Shr 27.5p vs 24.3p", "Div 3p" are a table's pence), and `_not_a_subunit`."""
    model = re.search(r"([A-Z][A-Za-z]+)\s$", text[max(0, start - 20):start])
    if model and model.group(1).lower() not in res.table_labels:
        return "", Decimal(1), m.start("sub")
    if _not_a_subunit(text, m, sc):
        return "", Decimal(1), len(text[:m.start("sub")].rstrip())
    return currency, factor, end


def _named_currency(m: re.Match, num_group: str, text: str, sc: Scanner, currency: str, unit: str,
                    end: int) -> tuple[str, str, int]:
    """(currency, unit, end) of a number before a currency's name, where the name is no money."""
    if "-" in (m.group("hyph") or "") and num_group == "num" and m.group("scur").lower() not in sc.plain_names:
        # "the 20,000-mark level", "a 5-pound bag": after digits and a hyphen only a plain name is money
        return "", unit, m.start("hyph")
    if not currency or m.group("pcur"):
        return currency, unit, end
    not_money = _name_not_money(text, m, sc)
    if not_money == "weight":  # "weighs 208 pounds", "500 mln pounds of fiber" (issue 17)
        return "", "q:" + sc.physical.get("lbs", "pound (weight)"), end
    if not_money == "level":  # "the 2400 mark" on an index: a level in points, counted
        return "", "level", end
    if not_money:  # "275 pound-feet": no amount of money
        return "", unit, len(text[:m.start("scur")].rstrip())
    return currency, unit, end


def _loose_scaled(m: re.Match, num_group: str, number: _Number, text: str, sign: int, scale: Decimal) -> Atom:
    """"5m" with no currency or unit may be metres: the scale given back as plain text, a loose scale."""
    num_end = m.start("scale") if m.group("scale") else m.start("hscale") - 1
    num_end = num_end if not text[num_end - 1].isspace() else len(text[:num_end].rstrip())
    return Atom(number.start, num_end, number.text, number.value, number.decimals, sign=sign, words=num_group != "num",
                num_start=m.start("sign") if m.group("sign") else number.words_start, num_end=num_end,
                loose_scale=scale, loose_end=max(m.end("scale"), m.end("hscale")))


def _append_grouped(atoms: list[Atom], atom: Atom, m: re.Match, num_group: str, text: str) -> None:
    """Append the atom; "5 000 dollars" (thousands grouped by a space) joins the plain number before it."""
    prev = atoms[-1] if atoms else None
    if (num_group == "num" and (atom.currency or atom.unit) and prev and not prev.words
            and not (prev.unit or prev.currency) and re.fullmatch(r"\d{3}(?:\.\d+)?", atom.number)
            and prev.end == atom.start - 1 and text[prev.end] == " " and not m.group("pcur")
            and re.fullmatch(r"\d{1,3}(?: \d{3})*", prev.number)):
        atoms.pop()
        atom.start, atom.number, atom.num_start = prev.start, prev.number + " " + atom.number, prev.num_start
        atom.value, atom.decimals = parse_digits(atom.number), decimals_written(atom.number)
    atoms.append(atom)


_TOKEN = re.compile(r"[^\s-]+")
# "1080p video", "720p touchscreen", "1080p-friendly": a video resolution; "3p ET", "6p/5c": a time of day
_RESOLUTION_AFTER = re.compile(r"(?:[/-]|\s*(?:HD\b|video|resolution|display|screen|touchscreen|panel|monitor|TV\b|"
                               r"webcam|footage|stream|camera|at\s+\d+\s*fps)|\s+(?:ET|EST|EDT|PT|PST|PDT|CT|CST|GMT|BST|UTC)\b)", re.I)


def _not_a_subunit(text: str, m: re.Match, sc: Scanner) -> bool:
    """A one-letter subunit ("3p", "43c") touches its digits; only the dollar's "c" may stand apart
    ("10 c", Duckling's corpus); and "1080p video" is a resolution."""
    sub = m.group("sub")
    spaced = m.start("sub") > 0 and not text[m.start("sub") - 1].isdigit()
    if spaced and sub not in sc.generic_sub:
        return True
    return sub == "p" and bool(_RESOLUTION_AFTER.match(text, m.end("sub")))


def _name_not_money(text: str, m: re.Match, sc: Scanner) -> str:
    """Why a currency name after a number is no money: "weight", "compound", "level" or "" (it is money).

    "pounds" is a weight next to a weight word ("weighs 208 pounds") or before "of" and a thing that
    is no money ("500 mln pounds of fiber", but "5 million pounds of investment"); "275 pound-feet" is
    torque; singular "mark" after a determiner and a number is a level ("the 2400 mark"). The words
    are number_words.yaml's `weight_words` and `money_nouns`.
    """
    name = m.group("scur")
    low = name.lower()
    after = text[m.end("scur"):m.end("scur") + 30]
    if low in ("pound", "pounds"):
        if re.match(r"-(?:feet|foot|force|inch(?:es)?)\b", after, re.I):
            return "compound"
        nw = sc.words_map
        after = text[m.end("scur"):m.end("scur") + 60]
        of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+|new\s+|extra\s+|additional\s+)?([a-z']+)(?:\s+([a-z']+))?", after, re.I)
        if of:  # "pounds of the funds", "pounds of bilateral trade": money if either of the next two words says so
            words = {f for w in of.groups() if w for f in (w.lower(), w.lower().rstrip("'"), re.sub(r"'s$", "", w.lower()))}
            if not words & set(nw.get("money_nouns") or ()):
                return "weight"
        clause = re.split(r"[.;!?]\s", text[max(0, m.start() - 60):m.start()])[-1].lower()
        if any(re.search(r"\b" + re.escape(w) + r"\b", clause) for w in nw.get("weight_words") or ()):
            return "weight"
    if name == "mark" and m.group("num") and not m.group("scale") and parse_digits(m.group("num")) != 1 \
            and re.search(r"\b(?:the|a|that|this|its|key|psychological|important)\s+(?:[\w-]+\s+)?$",
                          text[max(0, m.start() - 30):m.start()], re.I):
        return "level"
    return ""


def _not_letter_currency(m: re.Match) -> bool:
    """"Y2K" is the year 2000 bug and "asteroid Y4" a name, not yen: a lone letter before a single digit
    needs a scale word ("Y5bn")."""
    num = m.group("num") or ""
    scale = m.group("scale") or m.group("hscale") or ""
    return len(num) == 1 and len(scale) <= 1


def _plain_atom(m: re.Match, start: int, words_start: int, end: int, num_text: str, value: Decimal, decimals: int,
                bare: bool) -> Atom:
    sign = -1 if (m.group("sign") or m.group("wsign") or "+")[:1] in "-mMnN" else 1
    num_start = m.start("sign") if m.group("sign") else words_start
    return Atom(start, end, num_text, value, decimals, sign=sign, words=True, bare=bare, num_start=num_start, num_end=end)
