"""A stock list's row: its figures are the company its first cell names (guide 3.3, each item's figure is the
company that item names).

Wire stock lists ("NASDAQ New 52-Week Highs And Lows", "NYSE Most Active Issues", "Stocks Ex-Dividend",
"Canada Net Change Percentage Gainers & Losers") write one company a line, in cells set apart by runs of
spaces: its name, its ticker, then numbers ("Tango Therapeutics           TNGX         2.41        459,201").
Read as prose, the name ran on into the ticker ("Tango Therapeutics TNGX"), or a line in title case gave no
name at all and the story's main company took the row. The row's numbers are its company's: the company the
name cell resolves to, else the name as written, without its share class ("Affirm Holdings Cl A").
A line of a results table ("Net income       $    135,334", "Room     16,320    14,636") names no company: a
row without a ticker cell is a company's when its name cell is a name the lists or the article know, or when
it ends in a price's change and percent change ("Banco de Chile      123.98      +0.58      +0.47", a
closing-prices list) and its name does not open with a measure's word ("Total", "Net", "Revenue").

A row's cells measure by their place and shape (`cell_metric`): a whole number in groups of three is the
session's volume ("459,201"), the row's first decimal its share price ("2.41"), a later decimal its change
("+0.58", "+0.47"; where the changes are signed, an unsigned later decimal is the previous close, a price): every label of the lists read (a sample of 8 rows of the uniform claim set, all so labeled).
"""
from __future__ import annotations

import re

from .resources import Resources
from .subjects import FEATURES, Candidate, resolve_name, subject_words
from .identity import slug

# name cell, ticker cell (a closing-prices list has none: "Edenred      32.84   +1.02   +3.21"), then the number
# cells, each set apart by two or more spaces
_ROW = re.compile(r"^[ \t]*(?P<name>[A-Za-z0-9][^\n]*?\S) {2,}(?:(?P<tick>[A-Z][A-Z0-9.]{0,6}) {2,})?"
                  r"(?P<cells>[-+$.]?\d[\d,.%]* {2,}(?:[-+$.]?\d|unch\b)[^\n]*)$", re.M)
# a price list's change and percent-change cells, side by side: "+0.58      +0.47", "-0.26      -2.32", "unch  unch"
_CHANGE_CELLS = re.compile(r"(?:[+-]\d[\d,.]*|unch) {2,}(?:[+-]?\d[\d,.]*|unch)(?: |$)")
_JOINERS = frozenset({"&", "of", "de", "and", "the", "-", "y", "do", "da", "e", "del", "des", "du", "la", "di", "von", "van"})
# the security's class, written after the company's name: "Affirm Holdings Cl A", "Braskem Pref A", "Gerdau S/A Ord",
# "Embotelladra Andina Pfd B", "Bellevue Life Sciences Wt", "Grupo Mexico Series B", "Gpo Financiero Banorte O"
CLASS_TAIL = re.compile(r"(?:\s+(?:(?:Cl|Pref|Pfd|Pf|Ord|ADR|ADS|Wt|Rt|Un|S/A|Series)\b(?:\s+[A-Z]{1,3}\b)?|[A-Z]\b))+$")


def _row_at(text: str, pos: int) -> re.Match | None:
    """The stock-list row of the line holding `pos`, or None."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    m = _ROW.match(text, start, len(text) if end < 0 else end)
    if m is None or pos < m.start("cells"):
        return None
    # every word of a company's name has a capital ("Chefs' Warehouse", "BigBear.ai", "iSh MSCI Europe Finls");
    # "Annual net rents" is a label
    name = m.group("name")
    if not re.search(r"[A-Za-z]{2}", name) or not all(
            w[0].isdigit() or w.lower() != w or w in _JOINERS for w in name.split()):
        return None
    return m


def _in_list(text: str, row: re.Match) -> bool:
    """The row has a neighbour row: a list, not one line that happens to look like one."""
    if row.start() > 0:
        before = text.rfind("\n", 0, row.start() - 1) + 1
        if _ROW.match(text, before, row.start() - 1) is not None:
            return True
    after = text.find("\n", row.end() + 1)
    return row.end() < len(text) and _ROW.match(text, row.end() + 1, len(text) if after < 0 else after) is not None


def row_owner(text: str, fig, cands: list, best, res: Resources, learned: dict):
    """The company a stock list's row names for a figure in its number cells; else `best`."""
    row = _row_at(text, fig.start)
    if row is None or not _in_list(text, row):
        return best
    s, e = row.span("name")
    name = CLASS_TAIL.sub("", row.group("name"))
    for c in cands:  # a company the lists know written as the whole cell ("Meta Platforms"; not "Direxion Dly META
        # Bull 2X", nor "MPC" of "MPC Container Ships", nor the Bank of England of "BOE Technology Group A")
        if c.start == s and c.end == s + len(name) and c.kind in ("company", "unit") and \
                c.source not in ("name", "title") and c.entity_id != slug(c.entity):
            return c
    entry = resolve_name(name, res, learned) or resolve_name(row.group("name"), res, learned)
    if entry is not None and entry.kind in ("company", "unit"):
        return Candidate(entry.name, entry.entity_id, entry.kind, entry.parent, "gazetteer", s, e,
                         tuple(0.0 for _ in FEATURES))
    if row.group("tick") is None and not (_CHANGE_CELLS.search(row.group("cells")) and
                                          name.split()[0].lower() not in subject_words(res).not_subjects):
        # without a ticker cell, a row is a company's by a known name or a price's change cells beside each other
        # ("Banco de Chile      123.98      +0.58      +0.47"); not a results table's "Room   16,320   14,636"
        return best
    return Candidate(name, slug(name), "company", "", "name", s, s + len(name), tuple(0.0 for _ in FEATURES))


_VOLUME_CELL = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL_CELL = re.compile(r"[-+$]?[\d,]*\.\d+")


def cell_metric(text: str, fig) -> str | None:
    """What a stock list's number cell measures, for a row with a ticker cell or a change's two cells (as
    `row_owner` reads a company's row): `trading_volume`, `share_price` or `price_change`; None elsewhere.
    """
    row = _row_at(text, fig.start)
    if row is None or not _in_list(text, row):
        return None
    if row.group("tick") is None and not _CHANGE_CELLS.search(row.group("cells")):
        return None
    cells = row.group("cells")
    # where the changes are signed, an unsigned decimal after the price is another price (the previous close)
    signed = re.search(r"(?:^|\s)(?:[+-]\d|unch\b)", cells) is not None  # "unch": a signed list's no change
    first_decimal = True
    for m in re.finditer(r"\S+", cells):
        at = row.start("cells") + m.start()
        cell = m.group()
        decimal = _DECIMAL_CELL.fullmatch(cell.rstrip("%")) is not None
        if at <= fig.start < at + len(cell):
            if _VOLUME_CELL.fullmatch(cell):
                return "trading_volume"
            if decimal:
                return "share_price" if first_decimal or (signed and cell[0] not in "+-") else "price_change"
            return None
        first_decimal = first_decimal and not decimal
    return None


def previous_close(text: str, fig) -> bool:
    """Whether the figure is a closing-prices list's previous close: the unsigned decimal after the row's price, the
    price less it the change after it ("China Coal Energy     8.51     8.54     -0.03     -0.35"; issue 15, s20).
    """
    row = _row_at(text, fig.start)
    if row is None or not _in_list(text, row):
        return False
    cells = [(row.start("cells") + m.start(), m.group()) for m in re.finditer(r"\S+", row.group("cells"))]
    k = next((j for j, (at, c) in enumerate(cells) if at <= fig.start < at + len(c)), None)
    if k is None or k == 0 or k + 1 >= len(cells):
        return False
    price, this, change = (cells[j][1] for j in (k - 1, k, k + 1))
    if not (_DECIMAL_CELL.fullmatch(price) and _DECIMAL_CELL.fullmatch(this) and this[0] not in "+-$"):
        return False
    if change == "unch":  # "Air New Zealand     0.64     0.64     unch     unch"
        return price == this
    if change[0] not in "+-" or not _DECIMAL_CELL.fullmatch(change):
        return False
    value = lambda c: float(c.replace(",", "").lstrip("+$"))
    return abs(value(price) - value(this) - value(change)) <= 0.011
