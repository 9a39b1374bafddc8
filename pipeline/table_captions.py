"""Table captions: the currency and scale a table states once for all its cells.

A results table states its unit once, above or at the head of its columns, and its rows' cells write bare numbers:

- a caption in brackets over the table or in its first header cell: `(In thousands)`, `($ in millions, except per
  share data)`, `| FRESHWORKS INC.CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS(in thousands, ...) | |`, one
  wrapped over two lines of an aligned header (`(in thousands of   Three Months Ended` over `Canadian dollars)`);
- a header cell naming currency and scale without brackets: `| EUR million | Oct-Dec |`, `EUR million or as
  indicated`, `MSEK`, `USD thousands`.

The caption is looked for over the whole table, up from the row to the first line of prose beyond 2,500 characters
(a long results statement sets its caption many rows above its last lines), the nearest first; a markdown table ends
at its header row and three title lines over it, not reaching into the table above ("Operating Highlights" under a
"(Stated in thousands of Canadian dollars)" statement counts rigs). A caption naming only a scale takes
the currency the table writes elsewhere: a `$` in a cell, a header `U.S. Dollars`. Rule: figures.table.caption.v1.

>>> _wrapped("(in thousands of   Three Months Ended", "Canadian dollars)")
'in thousands of Canadian dollars'
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .resources import Resources
from .word_patterns import longest_first

_REACH = 40000  # characters walked up a table at most
_NEAR = 2500  # within this many characters of the row a caption holds across prose too (a table with none of its own)
_CAPTION = re.compile(r"\((?P<body>[^()\n]{0,80}?)\)")
_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+| {2,}")
_TAIL_AT = re.compile(r"[,:]\s*|\s(?=in\s)")
_FIGURES = re.compile(r"\d,\d{3}|\d\.\d")
_DOLLAR_CELL = re.compile(r"(?<![A-Za-z])\$\s*\(?\d|(?:^|\|)\s*\$\s*(?:\||$)")
_BELOW = 40  # table lines read below a row for the currency its table writes
_MD_RULE = re.compile(r"\s*\|\s*:?-{3,}")  # "| --- | --- |" under a markdown table's header row
_TITLE_LINES = 3  # lines over a markdown table that may hold its caption ("**(In thousands)**")
_PROSE_WORDS = 12  # a line of this many words with no column gap is prose: the table's top
_DOLLAR_CODES = {"US": "USD", "U.S.": "USD", "C": "CAD", "A": "AUD", "NZ": "NZD", "HK": "HKD", "S": "SGD"}


@lru_cache(maxsize=4)
def _patterns(res: Resources):
    t = res.tables
    scales = {k.lower(): Decimal(str(v)) for k, v in t["caption_scales"].items()}
    curs = {k.lower(): v for k, v in t["caption_currencies"].items()}
    codes = sorted(c for c in res.currencies if re.fullmatch(r"[A-Z]{3}", c))
    scale_rx = r"(?P<scale>" + longest_first(scales) + r")"
    cur_rx = r"(?P<cur>" + longest_first(list(curs) + codes + ["$"]) + r")"
    tail = r"(?:\s*,?\s*(?:" + longest_first(t["caption_tails"]) + r"))?"
    prefixes = "".join(t["caption_scale_prefixes"])
    # a header cell that is a caption whole: "EUR million", "in USD thousands", "Millions of euros", "€m", "MSEK"
    cell = re.compile(r"\(?(?:in\s+)?(?:" + cur_rx + r"\s*" + scale_rx + r"|"
                      + scale_rx.replace("scale", "scale2") + r"\s+of\s+" + cur_rx.replace("cur", "cur2") + r"|"
                      r"(?P<pre>[" + prefixes + r"])(?P<code>" + "|".join(codes) + r"))" + tail + r"\)?", re.I)
    scale_word = re.compile(r"(?<![\w'])(?:" + longest_first(k for k in scales if len(k) > 3) + r")\b", re.I)
    cur_word = re.compile(r"(?<!\w)(?:" + longest_first(k for k in curs if not k.endswith("$")) + r")(?!\w)|"
                          r"\b(?:" + "|".join(codes) + r")\b", re.I)
    not_money = re.compile(r"(?<!\w)(?:" + longest_first(t["caption_not_money"]) + r")(?!\w)", re.I)
    return scales, curs, cell, scale_word, cur_word, not_money


def not_money_label(label: str, res: Resources) -> bool:
    """Whether a row's label names no amount (a count, a ratio, a rate), whatever the table's money caption."""
    return bool(_patterns(res)[5].search(label))


def _wrapped(line: str, below: str) -> str:
    """The body of a caption opened in a line's first cell and closed in the next line's first cell, or ""."""
    first = _CELL_SPLIT.split(line.strip(" |"), maxsplit=1)[0]
    nxt = _CELL_SPLIT.split(below.strip(" |"), maxsplit=1)[0]
    if first.startswith("(") and ")" not in first and nxt.endswith(")") and "(" not in nxt and len(nxt) < 40:
        return first[1:] + " " + nxt[:-1]
    return ""


def _currency(body: str, res: Resources, dollar: str) -> str:
    """The currency a caption's words name, or ""."""
    _, curs, _, _, cur_word, _ = _patterns(res)
    if re.search(r"\$|\bdollars?\b", body, re.I):
        for m in cur_word.finditer(body):  # "Canadian dollars"
            code = curs.get(m.group().lower(), m.group().upper())
            if code in res.currencies and code != "DOLLAR":
                return code
        code = re.search(r"\b(US|U\.S\.|C|A|NZ|HK|S)\s?\$|\$\s?(US|C|A)\b", body)
        return _DOLLAR_CODES.get(code.group(1) or code.group(2), dollar) if code else dollar
    for m in cur_word.finditer(body):
        word = m.group()
        code = curs.get(word.lower(), word if word.isupper() else "")
        if code in res.currencies:
            return code
    return ""


def _caption_in(body: str, res: Resources, dollar: str) -> tuple[str, Decimal] | None:
    """(currency or "", scale) a bracketed caption's body names, None when it names neither."""
    scales, _, _, scale_word, _, _ = _patterns(res)
    cur = _currency(body, res, dollar)
    scale = scale_word.search(body)
    if cur and (scale or re.fullmatch(r"\s*(?:in\s+)?\S{1,4}\s*", body)):
        return cur, scales[scale.group().lower()] if scale else Decimal(1)
    if scale:
        return "", scales[scale.group().lower()]
    return None


def label_caption(label: str, res: Resources, dollar: str) -> tuple[str, Decimal] | None:
    """(currency or "", scale) a row label's bracketed caption names ("Adj. EBITDA (in millions)", "($ in
    thousands)"), None when it names no scale."""
    for m in _CAPTION.finditer(label):
        if (got := _caption_in(m.group("body"), res, dollar)) is not None and got[1] > 1:
            return got
    return None


def _header_cell(line: str, res: Resources, dollar: str) -> tuple[str, Decimal] | None:
    """(currency, scale) of a header cell that is a caption whole ("| EUR million | Oct-Dec |", "MSEK  2024")."""
    scales, curs, cell_rx, _, _, _ = _patterns(res)
    if _FIGURES.search(line):
        return None  # a row of figures
    for cell in _CELL_SPLIT.split(line.strip(" |*")):
        cell = cell.strip(" *")
        # the cell whole, or its end after a comma, colon or "in": "KEY FIGURES, MSEK", "Amounts in EUR million"
        m = cell_rx.fullmatch(cell) or next((cell_rx.fullmatch(cell[t.end():]) for t in _TAIL_AT.finditer(cell)
                                             if cell_rx.fullmatch(cell[t.end():])), None)
        if m is None:
            continue
        if m.group("pre"):
            return m.group("code").upper(), Decimal(str(res.tables["caption_scale_prefixes"][m.group("pre").upper()]))
        word = m.group("cur") or m.group("cur2")
        scale = scales[(m.group("scale") or m.group("scale2")).lower()]
        if word == "$":
            return dollar, scale
        code = curs.get(word.lower(), word.upper())
        if code in res.currencies:
            return code, scale
    return None


def _rows_below(text: str, at: int) -> list[str]:
    """The table's lines below the row starting at `at`, up to a blank line or prose ("| Total free cash flow | $ |
    35,879 |" under the row a scale-only caption's currency is asked for)."""
    out, pos = [], text.find("\n", at)
    while pos >= 0 and len(out) < _BELOW:
        end = text.find("\n", pos + 1)
        line = text[pos + 1:end if end >= 0 else len(text)]
        if not line.strip() or _is_prose(line):
            break
        out.append(line)
        pos = end
    return out


def _is_prose(line: str) -> bool:
    s = line.strip()
    if s.startswith("|") or re.search(r"\S(?: {3,}|\t)\S", s):
        return False
    return len(s.split()) >= _PROSE_WORDS


def caption_unit(text: str, at: int, res: Resources, dollar: str, cache: dict | None = None) -> tuple[str, Decimal] | None:
    """(currency, scale) the caption of the table whose row starts at `at` states ("" for a caption naming only a
    scale, in a table that writes no currency either), or None when the table states neither. `cache` keeps each
    line's own reading across the rows of one article (every row of a table walks up the same lines)."""
    lines = []
    pos, stop = at, max(0, at - _REACH)
    ruled, headers, titles = False, 0, 0  # above a markdown table's rule: its header row, then its title lines
    while pos > stop:
        ps = text.rfind("\n", 0, pos - 1) + 1
        line = text[ps:pos - 1] if pos - 1 >= ps else ""
        if _is_prose(line) and at - ps > _NEAR:
            break
        if ruled:
            piped = line.lstrip().startswith("|")
            headers, titles = headers + piped, titles + (not piped and bool(line.strip()))
            if headers > 1 or titles > _TITLE_LINES:
                break  # the table above this one's, or the story
        ruled = ruled or bool(_MD_RULE.match(line))
        lines.append((ps, line))
        pos = ps
        if ps == 0:
            break
    below = text[at:text.find("\n", at)] if text.find("\n", at) >= 0 else text[at:]
    cache = {} if cache is None else cache
    for k, (ps, line) in enumerate(lines):
        if (ps, dollar) not in cache:  # the line below it is the text's next line, so the reading is the line's own
            cache[(ps, dollar)] = _line_caption(line, lines[k - 1][1] if k else below, res, dollar)
        got = cache[(ps, dollar)]
        if got is None:
            continue
        if got[0]:
            return got
        # a caption with a scale alone: the currency the table writes between it and the row, else in its rows below
        between = [ln for _, ln in lines[:k]]
        if any(_DOLLAR_CELL.search(ln) for ln in between + _rows_below(text, at)):
            return dollar, got[1]
        for ln in between:
            if not re.search(r"\d", ln) and (cur := _currency(ln, res, dollar)) and len(ln.strip()) < 60:
                return cur, got[1]
        return got
    return None


def _line_caption(line: str, below: str, res: Resources, dollar: str) -> tuple[str, Decimal] | None:
    """(currency or "", scale) one line states as a caption: a header cell, a bracketed body, one wrapped onto the
    line below; None when it states none."""
    got = _header_cell(line, res, dollar)
    if got is not None:
        return got
    # a row of figures states its own label's unit ("Dividend per share (EUR)   0.31"), no caption
    bodies = [] if _FIGURES.search(line) else [m.group("body") for m in reversed(list(_CAPTION.finditer(line)))]
    if wrapped := _wrapped(line, below):
        bodies.insert(0, wrapped)
    return next((got for body in bodies if (got := _caption_in(body, res, dollar)) is not None), None)
