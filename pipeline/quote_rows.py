"""A stock list's row: its figures are the company its first cell names (guide 3.3, each item's figure is the
company that item names).

Wire stock lists ("NASDAQ New 52-Week Highs And Lows", "NYSE Most Active Issues", "Stocks Ex-Dividend",
"Canada Net Change Percentage Gainers & Losers") write one company a line, in cells set apart by runs of
spaces: its name, its ticker, then numbers ("Tango Therapeutics           TNGX         2.41        459,201").
Read as prose, the name ran on into the ticker ("Tango Therapeutics TNGX"), or a line in title case gave no
name at all and the story's main company took the row. The row's numbers are its company's: the company the
name cell resolves to, else the name as written, without its share class ("Affirm Holdings Cl A").
A line of a results table ("Net income       $    135,334", "Room     16,320    14,636") names no company: a
row without a ticker cell is a company's only when its name cell is a name the lists or the article know.
"""
from __future__ import annotations

import re

from .resources import Resources
from .subjects import FEATURES, Candidate, resolve_name
from .identity import slug

# name cell, ticker cell (a closing-prices list has none: "Edenred      32.84   +1.02   +3.21"), then the number
# cells, each set apart by two or more spaces
_ROW = re.compile(r"^[ \t]*(?P<name>[A-Za-z0-9][^\n]*?\S) {2,}(?:(?P<tick>[A-Z][A-Z0-9.]{0,6}) {2,})?"
                  r"(?P<cells>[-+$.]?\d[\d,.%]* {2,}[-+$.]?\d[^\n]*)$", re.M)
_JOINERS = frozenset({"&", "of", "de", "and", "the", "-"})
_CLASS_TAIL = re.compile(r"\s+(?:Cl\s+[A-Z]|ADR|ADS)$")


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
    for c in cands:  # a known name the cell opens with ("Meta Platforms"; not "Direxion Dly META Bull 2X")
        if c.start == s and c.end <= e and c.source not in ("name", "title") and c.entity_id != slug(c.entity):
            return c
    name = _CLASS_TAIL.sub("", row.group("name"))
    entry = resolve_name(name, res, learned) or resolve_name(row.group("name"), res, learned)
    if entry is not None and entry.kind in ("company", "unit"):
        return Candidate(entry.name, entry.entity_id, entry.kind, entry.parent, "gazetteer", s, e,
                         tuple(0.0 for _ in FEATURES))
    if row.group("tick") is None:
        return best  # without a ticker cell only a known name makes the row a company's: "Room   16,320   14,636"
    return Candidate(name, slug(name), "company", "", "name", s, s + len(name), tuple(0.0 for _ in FEATURES))
