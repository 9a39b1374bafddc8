"""Table cells: the numbers in rows of results, price and rate tables that carry no unit of their own.

A row is a markdown row (`| Operating lease assets, net | 89.1 | | 65.3 |`) or a row of aligned
columns (`Diluted      459      458      454`, `Volvo Series B    312.50    +1.40    +0.45`): a label,
then cells that hold only numbers, signs, parentheses or dashes, and at most two short comment cells
with no digit after them (`Ground rent costs   0.0   0.0   paid`). figures.resolve_figures hands over
the numbers it skipped for want of a unit; each cell in such a row becomes a figure, its unit read,
in this order, from:

1. the headline of a price or rate table (models/lexicons/tables.yaml): `Stockholm Closing Stock
   Prices` makes prices and changes SEK, the percent change % (checked by arithmetic: change /
   (price - change)), and a grouped whole number the volume (count); `Money Rates` makes rates %;
2. the table's caption naming the currency and scale (`(in millions of dollars)`, `($ in thousands)`,
   `(USD)`, `| EUR million | Oct-Dec |`; table_captions.py);
3. nothing: the cell keeps its value as printed with no unit (kind `table_cell`). No metric takes
   that kind, so such a claim's metric is `other` and it never enters facts or conflicts.

A cell that writes its currency sign ("| Revenue | $ 117,419 | $ 127,091 |") was read by the figures stage as an
amount as printed; under a caption naming a scale ("(in thousands)") it takes that scale too (`captioned_amounts`),
unless its row is of a per-share or per-unit amount.

An accounting negative, `(0.1)` or `(233 | )` with the parenthesis in the next markdown cell, is
negative. Rules: figures.table.price.v1, figures.table.rate.v1, figures.table.caption.v1,
figures.table.cell.v1.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from .numbers import decimals_written, parse_digits
from .records import Figure, Skipped
from .scaled_counts import scaled_rx
from .resources import Resources
from .table_captions import caption_unit, label_caption, not_money_label
from .table_views import label_currency, view
from .word_patterns import longest_first

# the reasons figures gives a bare number that a table cell may have ("SDTY 50.45" reads as a model name)
_CELL_REASONS = ("no_unit", "model_name", "identifier")
_SIGN = r"[$€£]"  # a currency sign: before a cell's number, or a cell of its own before it ("$      236.2")
_BLANK = re.compile(r"-{1,3}|—|–|~")  # a blank cell
# a cell's digits: thousands groups of three (or Indian lakh groups, "4,00,000"), or one decimal comma ("12,5");
# "(2,4,5)" is a list of footnotes and "95,76318,191" two cells run together, no number (35 claims of the modern
# dump, each written three times over one span)
_GROUPED = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+(?:,\d{1,2})?),?"
# one cell of numbers: "459", "(0.1)", "+1.74", "-3.2%", "(233", "--", "n/a", "—", "~" (a blank, as "—")
# a currency sign may stand apart from its number, padded to the column's width ("$      236.2"; issue 17, s20);
# a percent sign may stand after an accounting negative's parenthesis ("(941.4) %"; issue 17, s26)
# a futures line's cell may end in its quote's letter: bid, asked, low, high, traded ("MAY7   2165B  2170A  2166")
_NUMERIC = re.compile(rf"[-+]?\(?[-+]?{_SIGN}?\s*\(?{_GROUPED}(?:\.\d+)?(?-i:[BAHLT](?![a-z]))?\s*%?\s*\)?(?:\s*%)?|{_BLANK.pattern}"
                      r"|n/?a|nm|\(|\)|%", re.I)
_QUOTE_LETTER = re.compile(r"(?<=\d[BAHLT])(?=\d)")  # "1453B1458A": a bid and an asked glued together
_SIGN_ONLY = re.compile(_SIGN)
_ONE_NUMBER = re.compile(rf"[-+]?\(?{_GROUPED}(?:\.\d+)?(?:[BAHLT](?![a-z]))?\)?%?")
_FOOTNOTES = re.compile(r"\(\d{1,2}(?:,\d{1,2})+\)")  # "(2,4,5)", "(6,7)": a row's note numbers
_SPLIT = re.compile(r"\t+| {2,}|\u00a0{2,}")
_WORD = re.compile(r"[A-Za-z]")
_CODE = re.compile(r"\([A-Z][A-Za-z0-9.=-]{2,15}\)")


def _cells(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the cells of a table line, offsets into the line; [] when it is no table row."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        out, pos = [], 0
        for part in line.split("|"):
            s = part.strip().strip("*").strip()  # "| **275** |": a bold cell is its number (issue 17, s21)
            if s:
                at = line.index(s, pos)
                out.append((at, at + len(s), s))
            pos += len(part) + 1
        return out
    out, pos = [], 0
    for m in _SPLIT.finditer(line):
        if line[pos:m.start()].strip():
            s = line[pos:m.start()]
            out.append((pos + len(s) - len(s.lstrip()), m.start(), s.strip()))
        pos = m.end()
    if line[pos:].strip():
        s = line[pos:]
        out.append((pos + len(s) - len(s.lstrip()), len(line.rstrip()), s.strip()))
    # a column of amounts with the currency sign set apart ("Net income (loss)   $    791,916   $   (445,684)"):
    # the sign and the amount after it are one cell
    merged: list[tuple[int, int, str]] = []
    for k, c in enumerate(out):
        if merged and _SIGN_ONLY.fullmatch(merged[-1][2]) and re.match(r"\(?\d", c[2]):
            ps = merged.pop()[0]
            merged.append((ps, c[1], line[ps:c[1]]))
        else:
            merged.append(c)
    # a wire table's pairs set one space apart ("COPPER -A-  918.00 920.00  882.00 883.00  920.00", a bid and
    # an offer): each number is a cell (issue 17, s20); a blank ("--- 147.00") is a cell of its own (s24)
    out = []
    for cs, ce, s in merged:
        parts = [(cs + m.start() + a, cs + m.start() + b) for m in re.finditer(r"[^ ]+", s)
                 for a, b in _pieces(m.group())]
        if (len(parts) > 1 and all(_ONE_NUMBER.fullmatch(x) or _BLANK.fullmatch(x) for x in (line[a:b] for a, b in parts))
                and any(_ONE_NUMBER.fullmatch(line[a:b]) for a, b in parts)):
            out.extend((a, b, line[a:b]) for a, b in parts)
        elif not out and _quoted_tail(line, parts):  # "MAY7 1454L 1457H  1453": the quotes one space apart
            out.append((cs, parts[0][1], line[cs:parts[0][1]]))
            out.extend((a, b, line[a:b]) for a, b in parts[1:])
        else:
            out.append((cs, ce, s))
    return out if len(out) >= 2 else []


def _pieces(token: str) -> list[tuple[int, int]]:
    """(start, end) of a token's pieces: itself, or a bid and an asked glued together ("1453B1458A")."""
    cuts = [0] + [m.start() for m in _QUOTE_LETTER.finditer(token)] + [len(token)]
    return list(zip(cuts, cuts[1:]))


def _quoted_tail(line: str, parts: list[tuple[int, int]]) -> bool:
    """Whether a row's first cell is one word, then only quotes with their letters ("MAY7 1454L 1457H")."""
    return len(parts) > 1 and all(re.fullmatch(r"\d[\d,]*(?:\.\d+)?[BAHLT]", line[a:b]) for a, b in parts[1:])


def _blank(line: str, start: int) -> str:
    """The line with everything before `start` blanked out, offsets kept (a markdown row keeps its opening bar)."""
    if line.strip().startswith("|") and start > 0:
        return "|" + " " * (start - 1) + line[start:]
    return " " * start + line[start:]


def _bare_row(line: str) -> list[tuple[int, int, str]] | None:
    """The cells of a row of numbers with no label ("13.5     27.6     40.4", "| | 5,560 | | 2,840 | (24,931 | ) |"):
    three cells or more, all numeric, not a header of years; None otherwise (issue 17, s23-s24)."""
    cells = _cells(line)
    if len(cells) > 1 and _FOOTNOTES.fullmatch(cells[0][2]) and any("." in c[2] for c in cells[1:]):
        cells = cells[1:]  # a label wrapped onto the lines above leaves its notes here: "(2,4,5)   $ 0.334   $ 0.330"
    digits = [c for c in cells if re.search(r"\d", c[2])]
    if len(digits) < 3 or not all(_NUMERIC.fullmatch(c[2]) for c in cells) or len(line) > 300:
        return None
    if all(re.fullmatch(r"(?:FY|CY)?\s*(?:19|20)\d\d[A-Z]?", c[2]) for c in digits):
        return None  # "2024   2023   2022": a header of years
    return cells


def _row(line: str) -> tuple[str, list[tuple[int, int, str]]] | None:
    """(label, numeric cells) of a table row: text cells first, then only numeric cells; None otherwise."""
    cells = _cells(line)
    if not cells:
        return None
    i = 0
    while i < len(cells) and not _NUMERIC.fullmatch(cells[i][2]):
        i += 1
    j = i
    while j < len(cells) and _NUMERIC.fullmatch(cells[j][2]):
        j += 1
    # a short note after the numbers ("Ground rent costs   0.0   0.0   0.0   paid", "... 12.1   stable"):
    # a comment column, no number in it (issue 17, s19); anything longer is no table row
    label_cells, nums, notes = cells[:i], cells[i:j], cells[j:]
    if notes and label_cells and nums and (more := _row(_blank(line, notes[0][0]))) is not None:
        # a statement printed in two halves side by side ("TOTAL ASSETS  17,648.7  17,918.0  LIABILITIES  17,648.7
        # 17,918.0"): each half a label and its numbers; the row keeps the first half's label (issue 17, s25)
        return " ".join(c[2] for c in label_cells), nums + more[1]
    # a code column ("(GL97-SIN)", a quote's code) may hold digits
    if not label_cells or not nums or len(notes) > 2 or \
            any((re.search(r"\d", c[2]) and not _CODE.fullmatch(c[2])) or len(c[2]) > 25 for c in notes):
        return None
    if (glued := _glued_cell(label_cells[-1], nums)) is not None:
        label_cells, nums = label_cells[:-1] + [glued[0]], [glued[1]] + nums
    label = " ".join(c[2] for c in label_cells)
    if not _WORD.search(label) or len(label) > 90 or len(line) > 300:
        return None
    if not any(re.search(r"\d", c[2]) for c in nums):
        return None
    return label, nums


# the label's last word (or a grade's number after it), one space, then a number: "Start Stocks 0.43   0.33", "2CW
# 12.5 PC 179.00  164.66", "Grade 3 1.25   1.30"
_GLUED = re.compile(r"(?P<label>.*[A-Za-z.)](?: \d{1,2})?) (?P<num>\d[\d,]*(?:\.\d+)?)")


_FALL_WORD = re.compile(r"\b(?:dn|down|off|lower)$", re.I)


def _shape(cell: str) -> tuple[int, bool]:
    return len(cell.partition(".")[2]), "," in cell


def _glued_cell(last: tuple[int, int, str], nums: list) -> tuple[tuple, tuple] | None:
    """(the label cell less its number, the number's cell) where a wire table set its first column one space after
    the label, the number of the shape of the row's next cell, with decimals or thousands groups as it: "Total
    options 52,700    62,408" (issue 17, w22: first cells of USDA, Wheat Board and LIFFE tables were no figure).
    A label's own number ("Series 3   1.25", "14.5 PC   214.60") is none."""
    m = _GLUED.fullmatch(last[2])
    if m is None or not nums or not _ONE_NUMBER.fullmatch(nums[0][2]) or _FALL_WORD.search(m.group("label")):
        return None  # "10.85 dn 7.00": a fall the cell's sign does not write
    shape = _shape(m.group("num"))
    if shape != _shape(nums[0][2]) or shape == (0, False):
        return None
    cut = last[0] + m.start("num")
    return (last[0], last[0] + m.end("label"), m.group("label")), (cut, last[1], m.group("num"))


@lru_cache(maxsize=4)
def _title_patterns(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern, dict]:
    t = res.tables
    alt = longest_first
    markets = {k.lower(): v for k, v in t["markets"].items()}
    return (re.compile(r"\b(?:" + alt(t["price_titles"]) + r")\b", re.I),
            re.compile(r"\b(?:" + alt(t["rate_titles"]) + r")\b", re.I),
            re.compile(r"\b(?:" + alt(markets) + r")\b", re.I), markets)


def _signed_value(line: str, c_start: int, c_end: int, cell: str) -> Decimal | None:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", cell)
    value = parse_digits(digits.group()) if digits else None
    if value is None:
        return None
    # "(0.1)", "(233 | )", "(148 | | )": the parenthesis may close in a later, otherwise empty markdown cell
    closes = re.search(r"\)\s*%?$", cell) or re.match(r"(?:\s*\|)+\s*\)", line[c_end:c_end + 12])
    core = re.sub(r"^[$€£]\s*", "", cell)  # "$   (445,684)": the sign before the parenthesis
    if (core.startswith("(") and closes) or re.match(r"[-−–]\s?\(?\d", core):
        value = -value
    return value


def table_cells(text: str, res: Resources, skipped: list[Skipped], dollar: str, title: str = "",
                taken: frozenset = frozenset()) -> tuple[list[Figure], list[Skipped]]:
    """Figures for the skipped numbers that are cells of a table row, and the skips that remain.

    text (str): the cleaned article; skipped: resolve_figures' skips; dollar (str): what "$" means;
    title (str): the headline (names a price or rate table's market); taken: starts of the figures
    already found.
    """
    price_rx, rate_rx, market_rx, markets = _title_patterns(res)
    market = market_rx.search(title or "")
    title_unit = ""
    if title and price_rx.search(title) and market:
        title_unit = "price:" + markets[market.group().lower()]
    elif title and rate_rx.search(title):
        title_unit = "rate"
    by_line: dict[int, list[Skipped]] = {}
    keep = []
    for sk in skipped:
        if sk.reason not in _CELL_REASONS:
            keep.append(sk)
            continue
        by_line.setdefault(text.rfind("\n", 0, sk.start) + 1, []).append(sk)
    out: list[Figure] = []
    captions: dict = {}  # each line's caption reading, shared by the rows of a table (table_captions.caption_unit)
    for ls, sks in by_line.items():
        le = text.find("\n", ls)
        line = view(text[ls:le if le >= 0 else len(text)])
        row = _row(line)
        if row is None and title_unit == "rate":  # a rate table's row carried on a line of its own (issue 17, s20)
            cells = _cells(line)
            row = ("", cells) if cells and all(_NUMERIC.fullmatch(c[2]) and "." in c[2] for c in cells) else None
        if row is None and (bare := _bare_row(line)) is not None:
            row = ("", bare)
        if row is None:
            keep.extend(sks)
            continue
        label, nums = row
        cells = []  # (cell start, end, text, value) for every numeric cell with a number
        for cs, ce, cell in nums:
            v = _signed_value(line, cs, ce, cell)
            if v is not None:
                cells.append((ls + cs, ls + ce, cell, v))
        if label[:1].islower() and ls > 1:
            # a label wrapped from the line above ("Net income per" over " share   $   1.25")
            above = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1].strip()
            if above and len(above) < 60 and not re.search(r"\d", above):
                label = above + " " + label
        units = _units(cells, title_unit, label, text, ls, res, dollar, captions)
        for sk in sks:
            hit = next((k for k, c in enumerate(cells) if c[0] <= sk.start < c[1]), None)
            if hit is None or units[hit] is None or cells[hit][0] in taken:
                keep.append(sk)
                continue
            start, end, cell, value = cells[hit]
            unit, kind, scale, rule = units[hit]
            lead = re.search(r"[-+]?\(?[-+]?(?:[$€£]\s*)?\(?\d", cell)
            trail = re.search(r"\d[\d,]*(?:\.\d+)?\s*%?\s*\)?(?=[BAHLT]?$)", cell)
            s = start + (lead.start() if lead else 0)
            e = start + (trail.end() if trail else len(cell))
            v = value * scale
            if kind in ("table_cell", "money") and ("%" in cell or re.match(r"[\s*]*\|\s*%\s*(?:\||$)", line[e - ls:])):
                # "| -1 | % |": the percent sign in a cell of its own (issue 17, s21), or behind bold markers
                # ("**350.9****%**", s22); a percent under a row's currency is still a percent
                unit, kind, v = "%", "percent", value
            out.append(Figure(text=text[s:e], start=s, end=e, value=v, low=v, high=v, unit=unit, kind=kind,
                              rule=rule, currency_assumed=unit == dollar and "$" not in cell,
                              decimals=decimals_written(re.sub(r"[^\d.,]", "", cell))))
    return out, keep


def _units(cells, title_unit: str, label: str, text: str, at: int, res: Resources, dollar: str,
           captions: dict | None = None) -> list:
    """(unit, kind, scale, rule) for each numeric cell of one row, None where no reading holds."""
    n = len(cells)
    if title_unit.startswith("price:"):
        cur = title_unit[6:]
        units: list = [None] * n
        for k, (_, _, cell, v) in enumerate(cells):
            if units[k] is not None:  # the change or percent of the price before it
                continue
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", cell):  # a grouped whole number: the volume
                units[k] = ("count", "count", Decimal(1), "figures.table.price.v1")
            elif not cell.startswith(("+", "-")) and "." in cell and "%" not in cell:
                units[k] = (cur, "money", Decimal(1), "figures.table.price.v1")
                # the next two cells, signed or decimal: the change and, if the arithmetic holds, its percent (a
                # gainers table writes a rise unsigned: "Converge Tech Solutions  CTS  5.41  1.88  53.26")
                if k + 2 < n and all(cells[j][2].startswith(("+", "-")) or "." in cells[j][2] for j in (k + 1, k + 2)):
                    chg, pct = cells[k + 1][3], cells[k + 2][3]
                    # the change is over this cell's price less the change ("Last  Change  %"), or over this cell
                    # itself where it is the previous close after the last ("24.75  24.05  +0.70  +2.91"; s25)
                    bases = [v - chg] + ([v] if k and abs(cells[k - 1][3] - v - chg) <= Decimal("0.011") else [])
                    if any(base and abs(chg / base * 100 - pct) <= Decimal("0.02") * abs(pct) + Decimal("0.011")
                           for base in bases) or _rounded_change(v, chg, pct, cells[k + 1][2]):
                        units[k + 1] = (cur, "money", Decimal(1), "figures.table.price.v1")
                        units[k + 2] = ("%", "percent", Decimal(1), "figures.table.price.v1")
                elif k + 1 < n and cells[k + 1][2].startswith(("+", "-")) and \
                        (k + 2 == n or not cells[k + 2][2].startswith(("+", "-"))):
                    # "NetApp  NTAP  119.56  -3.46  1,088,482": a price, its change, then the volume (issue 17, s21)
                    units[k + 1] = (cur, "money", Decimal(1), "figures.table.price.v1")
        return units
    if title_unit == "rate":
        return [("%", "percent", Decimal(1), "figures.table.rate.v1") if "." in c[2] else None for c in cells]
    caption = caption_unit(text, at, res, dollar, captions)
    low = label.lower()
    per_share = bool(re.search(r"per (?:diluted |basic )?(?:share|unit|ads)|\beps\b", low))
    named = label_currency(label, res, dollar)
    if named:  # "| Diluted EPS (in EUR) | 0.03 |", "| Gasoline 97 ($/bbl) | 86.29 |": the label names the unit (s22)
        scale = caption[1] if caption and not per_share and "/" not in label else Decimal(1)
        return [(named, "money", scale, "figures.table.label.v1")] * n
    # a share count, a ratio or a head count under a money caption is not money
    # "Shares used in computing diluted net income per share", "Weighted average shares outstanding": a count
    counted = re.match(r"(?:(?:basic|diluted|weighted[- ]average|number of|ordinary|common)\s+)*shares\b", low)
    if caption and caption[0] and not not_money_label(low, res) and not counted \
            and (per_share or not re.search(r"\bshares?\b", low)):
        cur, scale = caption
        return [(cur, "money", Decimal(1) if per_share else scale, "figures.table.caption.v1")] * n
    # a cell that writes its currency sign is that currency's amount, at the scale a caption above names
    # ("(in millions, except per share data)") or as printed ("| Adjusted gross margin | $      236.2 |");
    # the other cells keep no unit (issue 17, s20)
    signs = {"$": dollar, "€": "EUR", "£": "GBP"}
    scale = caption[1] if caption and not per_share else Decimal(1)
    return [(signs[c[2][0]], "money", scale, "figures.table.sign.v1") if c[2][0] in signs
            else ("", "table_cell", Decimal(1), "figures.table.cell.v1") for c in cells]


_PER_SHARE_CELL = re.compile(r"\d\.\d\d\)?$")  # two decimals: cents of a per-share amount
_PER_ROW = re.compile(r"\bper\b|\beps\b|/|\bprices?\b", re.I)  # "Net income per diluted share", "Price ($/bbl)", "Average homesale price": per unit


# a guided range in one cell: "$75 - $85", "($70) - ($61)", "$1.47 to $1.53"
_RANGE_CELL = re.compile(r"\(?[$€£]?\s*\d[\d,.]*\)?\s*(?:-|–|to)\s*\(?[$€£]?\s*\d[\d,.]*\)?")


def _row_label(line: str) -> str | None:
    """The label of a table row whose cells are numbers or ranges of amounts ("| Adjusted EBITDA | $205 - $230 |",
    "(in millions)      $75 - $85"); None when the line is no such row."""
    if (row := _row(line)) is not None:
        return row[0]
    cells = _cells(line)
    k = next((i for i, c in enumerate(cells) if re.search(r"\d", c[2])), len(cells))
    if not 0 < k < len(cells) or not all(_NUMERIC.fullmatch(c[2]) or _RANGE_CELL.fullmatch(c[2]) for c in cells[k:]):
        return None
    label = " ".join(c[2] for c in cells[:k])
    return label if _WORD.search(label) else None


def _rounded_change(price: Decimal, chg: Decimal, pct: Decimal, chg_cell: str) -> bool:
    """The percent is the change over the price before it, the change rounded as written: a penny stock's "0.185
    -0.10 -33.93" is a change of -0.095 to -0.105 from 0.28 to 0.29."""
    half = Decimal(5) / Decimal(10) ** (decimals_written(re.sub(r"[^\d.,]", "", chg_cell)) + 1)
    ends = [c / (price - c) * 100 for c in (chg - half, chg + half) if price - c > 0]
    return len(ends) == 2 and min(ends) - Decimal("0.011") <= pct <= max(ends) + Decimal("0.011")


def captioned_amounts(text: str, figures: list[Figure], res: Resources, dollar: str) -> list[Figure]:
    """The figures, each amount with its currency sign in a table row under a caption that names a scale ("(in
    thousands)", "($ in millions, except per share data)") scaled by it: "| Revenue | $ 117,419 |" is $117.4 million."""
    captions: dict = {}
    scales: dict[tuple[int, int], Decimal] = {}  # each row's scale (1: none), read once for the amounts of one line
    out = []
    for f in figures:
        if f.kind != "money" or not f.rule.startswith(("figures.money", "figures.range.money")) or f.table_label \
                or scaled_rx(res).search(f.text):
            out.append(f)
            continue
        line = text.rfind("\n", 0, f.start) + 1, text.find("\n", f.end)  # an amount may run past the line's break
        if line not in scales:
            ls, le = line
            label = _row_label(view(text[ls:le if le >= 0 else len(text)]))
            # a caption in the row's own label ("Adj. EBITDA (in millions)"), else up the table
            caption = None if label is None else label_caption(label, res, dollar) or caption_unit(text, ls, res, dollar, captions)
            scales[line] = Decimal(1) if caption is None or _PER_ROW.search(label) \
                or not_money_label(label.lower(), res) else caption[1]
        scale = scales[line]
        if scale <= 1 or _PER_SHARE_CELL.search(f.text) and abs(f.value) < 100:
            out.append(f)  # "Diluted   $0.21  $1.35", "$ 1.89": a per-share amount under "(except per share data)"
            continue
        out.append(replace(f, value=f.value * scale, low=f.low * scale, high=f.high * scale))
    return out
