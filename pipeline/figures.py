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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .comparatives import find_comparatives
from .counted import counted_noun
from .numbers import decimals_written, parse_digits, parse_word_tokens, parse_words
from .records import Figure, Skipped
from .table_cells import table_cells
from .resources import Resources

# NOTE: the fraction alternative comes first so that "3/4" is not read as 3; dates such as
# "3/15/2024" fail its lookahead and fall through to the plain number.
_DIGITS = (r"\d{1,3}/\d{1,3}(?![\d/])"
           r"|(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d{1,3}(?:[\u202f\u2009]\d{3})+(?!\d)|\d+)(?:[.]\d+)?"
           r"(?:[eE][+-]?\d{1,3}(?![\w.]))?(?:(?:-|\s{1,2})\d{1,2}/\d{1,3}(?![\d/]))?|[.]\d+")
_PCT = r"(?<=\d)pc\b|percentage[\s-]points?\b|pct\s?points?\b|per\s?cent(?:age)?\s?points?\b|%|pct\b|per\s?cents?\b|percents?\b|percentage\b|points?\b(?=\s+(?:of|in|to|higher|lower|above|below))|pp\b|basis[\s-]points?\b|bps\b|bp\b"
_MULT = r"×|[xX](?![A-Za-z0-9])"
_QUAL = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "approx": "about",
    "approx.": "about", "some": "about", "circa": "about", "close to": "about", "an estimated": "about",
    "over": "over", "more than": "over", "above": "over", "at least": "over", "upwards of": "over",
    "in excess of": "over", "exceeding": "over", "just over": "over", "well over": "over", "north of": "over",
    "less than": "under", "under": "under", "nearly": "under", "almost": "under", "just under": "under",
    "below": "under", "up to": "under", "at most": "under", "fewer than": "under", "as much as": "under",
    "no more than": "under", "not more than": "under", "shy of": "under", "lower than": "under",
    "higher than": "over", "greater than": "over", "no less than": "over", "not less than": "over",
}
_QUAL_RE = re.compile(r"(?:^|\W)(" + "|".join(sorted((re.escape(q) for q in _QUAL), key=len, reverse=True))
                      + r")\s+(?:of\s+)?(?:an?\s+)?$", re.I)
_TIMES_CONTEXT = re.compile(r"\b(?:earnings|p/?e|price[- /]to|multiple|valuation|valued|ebitda|sales|book|revenue|cash flow|trades? at|trading at)\b", re.I)
_TIMES_NOT = re.compile(r"^\s+(?:more|less|higher|lower|larger|bigger|smaller|as|over|the|a|in|per|each|this|that|since|during|faster|greater)\b", re.I)
_PE_BEFORE = re.compile(r"(?:p/?e|price[- /]to[- /]earnings|earnings multiple|multiple|ev/ebitda)(?:\s+ratio)?\s+(?:of|at|is|was|stood at|near|around|about)?\s*$", re.I)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_MONTH_BEFORE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$", re.I)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b", re.I)
_TENOR = re.compile(r"^[\s-]*(?:day|week|month|year|quarter|hour|minute)s?\b", re.I)
_LIST_NUM = re.compile(r"^[.)]\s")
_ARITH = re.compile(r"^\s?[+*/=]\s?\d|\d\s?[+*/=]\s?$")
# The words between a range's ends: "4%-4.5%", "20 to 30", "$10 billion to a little under $20 billion"
# (a qualifier on the upper end keeps it one range; issue 17).
_RANGE_SEP = re.compile(r"^\s*(?P<sep>-|–|to|through|and|or)(?:\s+(?:(?:a\s+little|just|slightly|well|somewhat)\s+)?(?:" +
                        "|".join(sorted((re.escape(q) for q in _QUAL if " " not in q or q.endswith(" than") or q in ("up to", "as much as", "close to")),
                                        key=len, reverse=True)) + r"))?\s*$", re.I)
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
            variants = [v + (" " if v else "") + w for v in variants for w in {p.lower(), p[:1].upper() + p[1:].lower()}]
        forms.update(variants)
    if len(name) <= 5:  # wire tables shout: "6.48 DLRS VS PROFIT 23 CTS"
        forms.add(name.upper())
    return forms


def _alt(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _decimal_comma(scales) -> str:
    """A decimal comma ("EUR 12,99 million", "3,5%"): one or two digits after the comma (a thousands
    group has three), read so only after a currency written before it or before a scale word or a
    percent sign; "1,50" alone stays two numbers. numbers.parse_digits reads the comma as the point."""
    after = rf"\s?(?:{_alt(scales)}|%|pct\b|per\s?cent)(?![^\W\d_])"
    return rf"(?(pcur)|(?=\d{{1,3}},\d{{1,2}}{after}))\d{{1,3}},\d{{1,2}}(?![\d,]|\.\d)"


def _prefix_alt(forms) -> str:
    """Currency forms written before the amount, each followed by an optional space, except a lone
    letter ("Y1.2 billion" is yen, but "Generation Y 2024" is not): it must touch the digits."""
    return "|".join(re.escape(f) + ("" if len(f) == 1 and f.isalpha() else r"\s?")
                    for f in sorted(forms, key=len, reverse=True))


class Scanner:
    """The compiled pattern for one Resources (built once per models/ folder)."""

    def __init__(self, res: Resources):
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
        self.paren_prefix = re.compile(r"(?<![\w.])(" + _alt(k for k in prefix if not k.replace(" ", "").isalpha())
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
        signs = _alt(nw.get("sign_words") or {})
        names_after = _alt(suffix)
        self.pattern = re.compile(
            rf"(?<![\w.$€£¥%])(?P<wsign>(?i:{signs})\s+(?=[^\W\d_]*[$€£¥]|[A-Z]{{3}}\s?\d))?(?:(?P<pcur>{_prefix_alt(prefix)})(?=[\d.+-])|(?P<bcur>{_alt(before)})\s(?=\d))?"
            rf"(?P<sign>[+-](?=[\d.])|(?i:{signs})\s+(?=[\d.]|\w))?"
            rf"(?:(?P<num>{_decimal_comma(self.scales)}|{_DIGITS})|(?P<words>\b{wordnum}\b)|(?P<art>\b[Aa]n?)(?=\s(?:{_alt(res.currency_plain_names)})\b))"
            rf"(?:\s{{0,2}}(?P<scale>{_alt(self.scales)})(?![^\W\d_])|-(?P<hscale>{_alt(k for k in self.scales if len(k) > 2)})(?![^\W\d_]))?"
            rf"(?:\s?(?P<unit>{_PCT}|{_MULT})|\s(?P<times>times)\b|(?:\s?|-)(?P<sub>{_alt(subunits)})(?![^\W\d_])"
            rf"|(?P<hyph>\s?|-)(?P<scur>{names_after})(?![^\W\d_])|\s?(?P<ssym>{_alt(sym_after)})(?!\s?\d)"
            rf"|\s(?P<qunit>(?i:{_alt(res.physical_units)}))(?![^\W\d_]))?"
        )
        # NOTE: find_atoms tries the pattern only where a token that can open an atom starts (the pattern is
        # a long alternation that re would otherwise try at every character); keep in sync with the pattern.
        first = lambda forms: {w for f in forms if (w := re.split(r"[^A-Za-z]+", f)[0])}  # noqa: E731
        words = (first(prefix) | first(before) | set(nw["units"]) | set(nw["tens"]) | set(nw["magnitudes"])
                 | set(nw["denominators"]) | set(nw.get("dozen") or ()) | set(nw.get("sign_words") or ()) | {"a", "an"})
        self.start_words = frozenset(v for w in words for v in (w, w.lower(), w.upper(), w.capitalize()))
        symbols = {f[0] for f in prefix if not f[0].isalnum()}
        self.start_token = re.compile(r"(\d|[.+\-](?=\d)|[" + re.escape("".join(sorted(symbols))) + r"])|[^\W\d_]+")
        self.words_map = nw
        self.plain_names = frozenset(n.lower() for n in res.currency_plain_names)
        self.physical = {k.lower(): v for k, v in res.physical_units.items()}


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
    cur = (sc.prefix.get((m.group("pcur") or "").rstrip()) or sc.before.get(m.group("bcur") or "")
           or sc.suffix.get(m.group("scur") or "") or sc.sym_after.get(m.group("ssym") or "") or "")
    return cur, "", Decimal(1)


# After "a dollar" these words keep it an amount ("a dollar and 42 cents", "a dollar a share");
# any other word makes the name a modifier ("a dollar rate", "a dollar surge").
_ARTICLE_FOLLOWERS = frozenset("a an and or per each apiece for to in of at from than on by is was were will would "
                               "if when but so the this that".split())


def _in_url(text: str, start: int) -> bool:
    """Whether the number at `start` sits inside a URL ("...?q=30%25%2020%" is not three percentages)."""
    if start == 0 or text[start - 1].isspace():
        return False
    ws = max(text.rfind(" ", max(0, start - 300), start), text.rfind("\n", max(0, start - 300), start))
    token = text[ws + 1:start]
    return "://" in token or token.startswith("www.")


def find_atoms(text: str, res: Resources) -> list[Atom]:
    """Every number-like span with whatever currency, scale and unit is attached."""
    sc = _scanner(res)
    atoms = []
    pos = 0
    match, starts = sc.pattern.match, sc.start_words
    # candidate starts: digits, currency symbols and signs always; words only when they can open a number
    cands = [t.start() for t in sc.start_token.finditer(text) if t.lastindex or t.group() in starts]
    for at in cands:
        if at < pos:
            continue
        m = match(text, at)
        if m is None:
            continue
        pos = m.end()
        num_group = "num" if m.group("num") else "words" if m.group("words") else "art"
        num_text = m.group(num_group)
        if not num_text or _in_url(text, m.start()):
            continue
        start, end = m.start(), m.end()
        bare = False
        words_start = m.start(num_group)
        if num_group == "num":
            value = parse_digits(num_text)
            decimals = decimals_written(num_text)
        elif num_group == "art":
            value, decimals = Decimal(1), 0
            follow = re.match(r"(?:-|\s+([a-z]+)\b)", text[end:end + 20])
            if follow and (follow.group(1) or "-") not in _ARTICLE_FOLLOWERS:
                continue
        else:
            tokens = [(t.group().lower(), t.end()) for t in _TOKEN.finditer(num_text)]
            value, used = parse_word_tokens([t for t, _ in tokens], sc.words_map)
            decimals = 0
            if value is None and len(tokens) > 1 and tokens[0][0] in ("a", "an"):
                # "a twelve-cent dividend": the article belongs to the noun, not to the number
                value, used = parse_word_tokens([t for t, _ in tokens[1:]], sc.words_map)
                lead = len(num_text) - len(num_text[tokens[0][1]:].lstrip(" -"))
                start = words_start = words_start + lead
                tokens = [(t, e - lead) for t, e in tokens[1:]]
                num_text = num_text[lead:]
            if value is None:
                dens = sc.words_map["denominators"]
                if tokens[0][0] in dens:  # "the third round": kept as a skipped word
                    value, bare, used = Decimal(1) / Decimal(dens[tokens[0][0]]), True, 1
                else:
                    continue
            elif used == 1 and tokens[0][0] in sc.words_map["magnitudes"]:
                continue  # "billions of dollars", "million-dollar question": no number is written
            if used < len(tokens):  # the words run on past the number ("at one point, ..."): cut there
                cut = words_start + tokens[used - 1][1]
                num_text, end = text[words_start:cut], cut
                atoms.append(_plain_atom(m, start, words_start, end, num_text, value, decimals, bare))
                pos = cut
                continue
        if value is None:
            continue
        sign = -1 if (m.group("sign") or m.group("wsign") or "+")[:1] in "-mMnN" else 1
        scale_text = m.group("scale") or m.group("hscale") or ""  # "$11-million"
        scale = sc.scales.get(scale_text, Decimal(1))
        currency, unit, factor = _unit_of(m, sc)
        model = re.search(r"([A-Z][A-Za-z]+)\s$", text[max(0, start - 20):start]) if m.group("sub") else None
        if model and len(m.group("sub")) == 1 and model.group(1).lower() not in res.table_labels:
            # "iPhone 5c": a model, not five cents; but "Shr 27.5p vs 24.3p", "Div 3p" are a table's pence
            currency, factor, end = "", Decimal(1), m.start("sub")
        elif m.group("sub") and len(m.group("sub")) == 1 and _not_a_subunit(text, m, sc):
            currency, factor, end = "", Decimal(1), len(text[:m.start("sub")].rstrip())
        if (m.group("pcur") or "").isalpha() and len(m.group("pcur")) == 1 and _not_letter_currency(m):
            continue
        if (m.group("scur") and "-" in (m.group("hyph") or "") and num_group == "num"
                and m.group("scur").lower() not in sc.plain_names):
            # "the 20,000-mark level", "a 5-pound bag": after digits and a hyphen only a plain name is money
            currency = ""
            end = m.start("hyph")
        elif m.group("scur") and currency and not m.group("pcur"):
            not_money = _name_not_money(text, m, sc)
            if not_money == "weight":  # "weighs 208 pounds", "500 mln pounds of fiber" (issue 17)
                currency, unit = "", "q:" + sc.physical.get("lbs", "pound (weight)")
            elif not_money == "level":  # "the 2400 mark" on an index: a level in points, counted
                currency, unit = "", "level"
            elif not_money:  # "275 pound-feet": no amount of money
                currency, end = "", len(text[:m.start("scur")].rstrip())
        if scale_text in sc.ambiguous and not currency:
            # "5m" with no currency may be metres: give the scale back as plain text
            if not unit:
                num_end = m.start("scale") if m.group("scale") else m.start("hscale") - 1
                num_end = num_end if not text[num_end - 1].isspace() else len(text[:num_end].rstrip())
                atoms.append(Atom(start, num_end, num_text, value, decimals, sign=sign, words=num_group != "num",
                                  num_start=m.start("sign") if m.group("sign") else words_start, num_end=num_end,
                                  loose_scale=scale, loose_end=max(m.end("scale"), m.end("hscale"))))
                continue
            scale, scale_text = Decimal(1), ""
        prev = atoms[-1] if atoms else None
        if (num_group == "num" and (currency or unit) and prev and not prev.words and not (prev.unit or prev.currency)
                and re.fullmatch(r"\d{3}(?:\.\d+)?", num_text) and prev.end == start - 1 and text[prev.end] == " "
                and not m.group("pcur") and re.fullmatch(r"\d{1,3}(?: \d{3})*", prev.number)):
            # "5 000 dollars": thousands grouped by a space
            atoms.pop()
            start, num_text = prev.start, prev.number + " " + num_text
            value, decimals = parse_digits(num_text), decimals_written(num_text)
            m_num_start = prev.num_start
        else:
            m_num_start = m.start("sign") if m.group("sign") else words_start
        atoms.append(Atom(
            start=start, end=end, number=num_text, value=value, decimals=decimals,
            currency=currency, scale=scale * factor, scale_text=scale_text, unit=unit,
            sign=sign, words=num_group != "num", bare=bare,
            num_start=m_num_start,
            num_end=max(m.end("scale"), m.end("hscale")) if scale_text else m.end(num_group),
            subunit=bool(m.group("sub")) and bool(currency),
        ))
    return atoms


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


# capitalised words before a number that are not product names ("Part 2", "Phase 3")
_NOT_PRODUCT_WORDS = frozenset("The A An In On At By For Of To Part Section Chapter Phase Page Vol Volume No Item "
                               "Rule Article Step Stage Round Level Tier Class Series Proposition Title Week Day Year "
                               "Game Act Scene Exhibit Table Figure Appendix".split())


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


_ONE_NOT = re.compile(r"\b(?:the|this|that|which|each|every|any|no|another|some)\s+$", re.I)
_DASH_SIGN = re.compile(r"(?:^|[\n(=])\s*(-\s+)$")
_WORD_TOKEN = re.compile(r"[^\s-]+")


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
    if re.match(r"\s+(?:mark|level|threshold|barrier|line)\b", after):
        return "level"  # "the 2400 mark" on an index
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
    before = text[max(0, start - 30):start]
    m = _QUAL_RE.search(before)
    if m and m.group(1).lower() in _COMPARATIVES and re.search(r"\d", before[:m.start(1)]):
        return "exact"  # "3.6 pct higher than 1.11 billion": the base of a comparison, not a bound
    return _QUAL[m.group(1).lower()] if m else "exact"


_COMPARATIVES = frozenset(("higher than", "lower than", "greater than"))


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


def _atom_unit(text: str, a: Atom, res: Resources) -> tuple[str, str]:
    """(unit, kind) of an atom, reading "N times" and "a P/E of N" as multiples where the context says so,
    and a plain number before a counted noun ("81 rigs", "three casinos") as a count."""
    unit, kind = _classify(a)
    if not unit and not a.unit and not a.bare and a.scale == 1 and a.loose_scale == 1:
        # the noun first: most unit-less numbers have none, and the reasons to skip a number cost more to read
        noun = counted_noun(text, a.start, a.end, a.value, a.words, bool(_YEAR.match(a.number)), res)
        if noun and _skip_reason(text, a) in ("no_unit", "year", "number_word"):
            a.counted = noun
            return "count", "count"
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
    if len(atoms) == 2 and _shares_scale(atoms[0], last) and kind in ("money", "count"):
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


def resolve_figures(text: str, res: Resources, dollar: str = "USD", title: str = "") -> tuple[list[Figure], list[Skipped]]:
    """Resolve atoms into figures and skips. `dollar` is what a bare $/dlrs means here; `title` is the
    headline, which names the market of a price table (table_cells)."""
    atoms = find_atoms(text, res)
    for a in atoms:
        if a.sign == 1 and _paren_negative(text, a.start, a.end):
            a.sign = -1  # "(0.01)", "(100 %)" in a table
            cur = _scanner(res).paren_prefix.search(text, max(0, a.start - 12), a.start) if not (a.currency or a.unit) else None
            if cur:
                a.currency = _scanner(res).prefix[cur.group(1).rstrip()]  # "$(0.01)": the figure is "0.01", in USD
    figures: list[Figure] = []
    skipped: list[Skipped] = []
    used = set()
    for i, a in enumerate(atoms):
        if i in used:
            continue
        unit, kind = _atom_unit(text, a, res)
        if kind in ("", "count") and a.scale != 1:
            cur = _currency_in_context(text, atoms, i)
            if cur:
                a.currency = cur
                unit, kind = cur, "money"
        if kind == "money" and i + 1 < len(atoms) and _subunit_follows(text, a, atoms[i + 1]):
            # "20 dollars 43 cents", "$20 and 43c", "3 CHF 4 cents": one amount in two units
            b = atoms[i + 1]
            whole = Atom(a.start, b.end, text[a.start:b.end], a.value + b.value * b.scale, max(a.decimals, 2),
                         currency=a.currency, sign=a.sign)
            fig = _figure(text, [whole], _currency(unit, dollar), kind, "figures.money.v2", _qualifier(text, a.start))
            if a.currency == "DOLLAR":
                fig = Figure(**{**fig.__dict__, "currency_assumed": True})
            figures.append(fig)
            used.update((i, i + 1))
            continue
        if i + 1 < len(atoms) and i + 1 not in used and not a.bare and not atoms[i + 1].bare:
            b = atoms[i + 1]
            sep_m = _RANGE_SEP.match(text[a.end:b.start])
            sep = sep_m.group("sep").lower() if sep_m else text[a.end:b.start].strip().lower()
            b_unit, b_kind = _atom_unit(text, b, res)
            if b.unit == "times" and unit == "x":
                b_unit, b_kind = "x", "multiple"
            if kind == "money" and b_kind == "count" and a.scale == 1 and b.scale != 1:
                b.currency, b_unit, b_kind = a.currency, unit, "money"  # "$91-93 billion", "$91 to 93 billion"
            elif (kind == "money" and not b_unit and a.scale == 1 and text[a.end:b.start] in ("-", "–")
                    and b.loose_scale == 1 and not b.words and a.value < b.value):
                b.currency, b_unit, b_kind = a.currency, unit, "money"  # "$1-2 a share": the symbol written once
            between = _RANGE_BETWEEN.search(text[max(0, a.start - 40):a.start])
            is_from = bool(between) and "from" in between.group(0).lower()
            if is_from and not _CHANGE_BEFORE.search(text[max(0, a.start - 90):a.start - len(between.group(0)) + 5]):
                is_from, between = False, None  # "from 10 dollars to 20 dollars" with no move: a range
            moved = _MOVE_BEFORE.search(text[max(0, a.start - 30):a.start])
            if (sep_m and b_unit and (not a.currency or not b.currency or a.currency == b.currency)
                    and not (not unit and b.scale != 1 and _YEAR.match(a.number))  # "of 1987 to 6.67 billion rand"
                    and (sep != "or" or _alternatives(a, b))):
                two_figures = (sep == "and" and not (between and not is_from)) or is_from or (moved and unit and sep not in ("-", "–"))
                if two_figures and not unit and sep != "and":
                    # "rose from 10 to 20 dollars": the first number takes the second's unit
                    unit, kind = b_unit, b_kind
                    a.currency, a.unit = b.currency, b.unit
                    if _shares_scale(a, b):
                        a.scale = b.scale
                elif not two_figures and (not unit or unit == b_unit):
                    approx = _qualifier(text, a.start)
                    fig = _figure(text, [a, b], _currency(b_unit, dollar), b_kind, f"figures.range.{b_kind}.v2", approx)
                    figures.append(_signed(text, fig, res))
                    used.update((i, i + 1))
                    continue
        if not unit:
            pct = _PCT_OF.search(text, max(0, a.start - 24), a.start)
            if pct and pct.end() == a.start and not a.bare:
                # "percent of 10", "per cent of twenty-two": the percent word written first
                fig = _figure(text, [a], "%", "percent", "figures.percent.v2", "exact")
                figures.append(Figure(**{**fig.__dict__, "text": text[pct.start("w"):a.end], "start": pct.start("w")}))
                continue
            skipped.append(Skipped(a.number, a.start, _skip_reason(text, a)))
            continue
        rule = "figures.count.noun.v1" if a.counted else f"figures.{kind}.v2"
        fig = _figure(text, [a], _currency(unit, dollar), kind, rule, _qualifier(text, a.start))
        if a.currency == "DOLLAR" or unit == "DOLLAR":
            fig = Figure(**{**fig.__dict__, "currency_assumed": True})
        figures.append(_signed(text, fig, res))
    if "flat" in text.lower():
        figures = _flat_to(text, figures)
    figures.extend(find_word_changes(text, res, figures))
    if " vs " in text or " VS " in text:
        figures, skipped = _table_rows(text, res, figures, skipped, dollar)
    if "-" in text:
        figures, skipped = _price_table_ranges(text, figures, skipped, dollar)
    if "(" in text:
        figures, skipped = find_comparatives(text, figures, skipped)
    if "  " in text or "|" in text or "\t" in text:  # a table row: aligned columns or markdown bars
        cells, skipped = table_cells(text, res, skipped, dollar, title, frozenset(f.start for f in figures))
        figures.extend(cells)
    figures.sort(key=lambda f: f.start)
    return figures, skipped


# A percent word with no number before it, then "of N": "percent of 10" (not "40 percent of 200 workers").
_PCT_OF = re.compile(r"(?<![\w%])(?<!\d\s)(?P<w>(?i:per\s?cents?|percents?|percentage))\s+of\s+")
# words of change before "from X to Y": then the two numbers are two levels, not a range
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|increas(?:e[sd]?|ing)|"
    r"decreas(?:e[sd]?|ing)|declin(?:e[sd]?|ing)|drop(?:s|ped|ping)?|grew|grow(?:s|n|ing|th)?|gain(?:s|ed|ing)?|lost|"
    r"los(?:e|es|ing)|cut(?:s|ting)?|rais(?:e[sd]?|ing)|lower(?:s|ed|ing)?|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|"
    r"reduc(?:e[sd]?|ing)|trim(?:s|med|ming)?|slash(?:es|ed|ing)?|hik(?:e[sd]?|ing)|went|go(?:es|ing|ne)?|"
    r"mov(?:e[sd]?|ing)|chang(?:e[sd]?|ing)|shift(?:s|ed|ing)?|upgrad(?:e[sd]?|ing)|downgrad(?:e[sd]?|ing)|"
    r"revis(?:e[sd]?|ing)|slid(?:e|es|ing)?|slip(?:s|ped|ping)?|eas(?:e[sd]|ing)|surg(?:e[sd]?|ing)|soar(?:s|ed|ing)?|"
    r"plung(?:e[sd]?|ing)|tumbl(?:e[sd]?|ing)|shr(?:ank|unk|inks?|inking)|widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|"
    r"expand(?:s|ed|ing)?|contract(?:s|ed|ing)|sw(?:ung|ings?|inging)|improv(?:e[sd]?|ing)|advanc(?:e[sd]?|ing)|"
    r"retreat(?:s|ed|ing)?|rall(?:y|ied|ies|ying)|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|add(?:s|ed|ing)?|up|down|"
    r"higher|bump(?:s|ed|ing)?|adjust(?:s|ed|ing)?|swell(?:s|ed|ing)?|sank|sink(?:s|ing)?|spik(?:e[sd]|ing)|"
    r"tick(?:s|ed|ing)\s+(?:up|down)|inch(?:es|ed|ing)|edg(?:e[sd]|ing)\s+(?:up|down|higher|lower)|"
    r"rebound(?:s|ed|ing)?|recover(?:s|ed|ing)?|accelerat(?:e[sd]?|ing)|slow(?:s|ed|ing)|shed(?:s|ding)?|"
    r"dip(?:s|ped|ping)?|halv(?:e[sd]?|ing))\b[^.;\n]*$", re.I)


# A table cell after an accounting negative: only numbers, signs, "vs", n/a, dashes or a markdown
# table's bars ("| (0.01) | 0.03 |") to the line's end.
_CELLS_TO_EOL = re.compile(r"(?:[ \t]*\|(?=[ \t]|$)|[ \t]+(?:vs\.?|(?:[$€£]\s?)?\(?-?\d[\d,.]*\s?%?\)?|n/?a|nm|-+|—))*[ \t]*(?:\n|$)", re.I)


def _paren_negative(text: str, start: int, end: int) -> bool:
    """Whether a number is written as an accounting negative, "(0.01)" or "(100 %)", in a table:
    the parentheses close right after it and nothing but other cells follows on its line. In prose
    ("a 51% stake (51%).") the parentheses are an aside, not a sign (issue 17)."""
    if not re.search(r"\(\s*$", text[max(0, start - 3):start]):
        return False
    close = re.match(r"\s*\)", text[end:end + 3])
    return bool(close) and bool(_CELLS_TO_EOL.match(text, end + close.end()))


# "flat to 5% higher", "flat to down 3%": a range from no change to the figure (issue 17)
_FLAT_TO = re.compile(r"\bflat\s+(?:to|and)\s+(?:(?:up|down|slightly)\s+)?(?:(?:about|around|roughly)\s+)?$", re.I)


def _flat_to(text: str, figures: list[Figure]) -> list[Figure]:
    out = []
    for f in figures:
        m = _FLAT_TO.search(text, max(0, f.start - 40), f.start) if f.kind == "percent" and f.low == f.high else None
        if m is None or m.end() != f.start:
            out.append(f)
            continue
        lo, hi = min(Decimal(0), f.value), max(Decimal(0), f.value)
        out.append(Figure(**{**f.__dict__, "text": text[m.start():f.end], "start": m.start(), "value": (lo + hi) / 2,
                             "low": lo, "high": hi, "rule": "figures.range.flat.v1"}))
    return out


def _subunit_follows(text: str, a: Atom, b: Atom) -> bool:
    """Whether `b` is the subunit part of the amount `a` ("$20 and 43c", "3 CHF 4 cents")."""
    if a.subunit or a.scale != 1 or not b.subunit or b.value >= 100 or b.value != b.value.to_integral_value():
        return False
    if b.currency != a.currency and not (b.currency == "DOLLAR" and b.scale == Decimal("0.01")):
        return False
    return bool(re.fullmatch(r"\s*(?:and\s+|,\s*)?", text[a.end:b.start], re.I))


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
        if _paren_negative(text, sk.start, sk.start + len(sk.text)):
            value = -value  # "Shr loss (0.01) vs profit 0.03"
        label = row[2]
        is_count = "shrs" in label or "shares" in label
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


def _price_table_ranges(text: str, figures: list[Figure], skipped: list[Skipped], dollar: str):
    """Join "1.50-1.56" on a table line into one price range when the article's note names the unit."""
    note = _PRICE_NOTE.search(text)
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
    if f.kind == "count" and not ("shrs" in label or "shares" in label):
        fields.update(unit=dollar, kind="money", currency_assumed=True)
    if word and word[-1] == "loss" and label.startswith(("shr", "oper shr")) and f.value > 0:
        fields.update(value=-f.value, low=-f.high, high=-f.low)
    if word:
        fields["table_label"] = label + (" " + word[-1] if word[-1] not in label else "")
    return Figure(**fields)


def _currency(unit: str, dollar: str) -> str:
    return dollar if unit == "DOLLAR" else unit


def _signed(text: str, fig: Figure, res: Resources) -> Figure:
    """Apply the sign a falling verb before or a falling noun after gives a change.

    "fell 3.2%", "slumping more than 8%", "a 12% fall in profit", "the recent 5% decrease" are
    negative; "fell to 3.2%" is a level and keeps its sign. The words are number_words.yaml's
    `falling_words` and `falling_nouns`.
    """
    if fig.kind not in ("percent", "pp") or fig.value < 0:
        return fig
    before_rx, after_rx = _sign_patterns(res)
    if before_rx.search(text[max(0, fig.start - 40):fig.start]) or after_rx.match(text, fig.end):
        return Figure(**{**fig.__dict__, "value": -fig.value, "low": -fig.high, "high": -fig.low, "sign_from_verb": True})
    return fig


# words that may stand between a figure and the falling noun after it: adjectives ("a 12% annual
# fall", "a 5% year-on-year decline") but no function word ("rose 5% after a fall in costs")
_NOT_BETWEEN = ("of|in|on|at|to|from|for|by|with|after|before|since|than|and|or|but|as|the|a|an|its|his|her|"
                "their|this|that|these|those|is|was|were|are|be|been|while|versus|vs|despite|following|amid|"
                "offsetting|reversing|erasing|compared|against|over|under")


@lru_cache(maxsize=4)
def _sign_patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """(falling words before a change, falling nouns after it), from models/lexicons/number_words.yaml."""
    nw = res.number_words
    before = _alt(nw.get("falling_words") or ())
    nouns = _alt(nw.get("falling_nouns") or ())
    quals = "|".join(sorted((re.escape(q) for q in _QUAL), key=len, reverse=True))
    before_rx = re.compile(r"\b(?:" + before + r")\s+(?:(?:[\w-]+\s+){0,3}by\s+)?(?:a further\s+|another\s+)?"
                           r"(?:(?:" + quals + r")\s+)?$", re.I)
    after_rx = re.compile(r"(?:\s+(?!(?:" + _NOT_BETWEEN + r")\b)[a-z][a-z-]*){0,2}?\s+(?:" + nouns + r")\b", re.I)
    return before_rx, after_rx


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
        if re.match(r"(?:\s+|-)(?:digits?|down on|check|dip|taxation|standard|bottom|edged|screen|rate|fee|tax)\b", after):
            continue
        if m.group().lower() in ("flat", "unchanged") and not _FLAT_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "flat screen", "a flat fee": only a stated level change counts
        pct, approx = changes[m.group().lower()]
        v = Decimal(str(pct))
        out.append(Figure(text=m.group(), start=m.start(), end=m.end(), value=v, low=v, high=v, unit="%",
                          kind="word_change", approx=approx, rule="figures.word_change.v2"))
    return out
