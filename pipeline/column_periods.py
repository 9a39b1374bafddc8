"""An undated table cell takes the one period its column's dated cells share (called by
`paragraph_periods.restated_periods`).

A table's column holds one period: a quote table's "Close" column the session day ("BOC Hong Kong (Holdings)  25.50"
among rows of share prices dated the published day), a results table's "Three Months Ended December 31, 2024" column
that quarter. A cell whose row names no metric the vocabulary knows ("| Mexico IPC | 53376.14 | 0.85 |",
"Discontinued operations  2.92  --  5.01  (0.05)") fell through every dating step with no period, while the cells
above and below it in the same column were dated (CLAIM_LABELING_GUIDE.md 6: a point on the day the value holds, a
flow its reporting period). Such a cell takes its column's period and modality when at least two dated cells of the
column, in the same block of table lines, share one and none differs (a day only in a block of days: a results
table whose price row was read as a price today is no quote table). A column is a Markdown table's cell (its
count of "|" before the figure), or in a fixed-width table the figures whose right edges align.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .dates import find_periods
from .records import Claim

_MIN_DATED = 2  # dated cells that must agree
_ALIGN = 2  # characters a fixed-width column's right edges may differ by
_FIXED_ROW = re.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S")  # two gaps of two spaces or more


def _line(text: str, at: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return lo, len(text) if hi < 0 else hi


def _block(text: str, at: int) -> int:
    """Where the run of non-blank lines holding `at` starts."""
    i = text.rfind("\n\n", 0, at)
    return 0 if i < 0 else i + 2


def _column(text: str, c: Claim) -> tuple[int, str, int] | None:
    """(block, "md" or "fw", column) of a claim on a table line; None for prose."""
    lo, hi = _line(text, c.char_start)
    line = text[lo:hi]
    if line.lstrip().startswith("|"):
        return _block(text, c.char_start), "md", line.count("|", 0, c.char_start - lo)
    if _FIXED_ROW.search(line):
        return _block(text, c.char_start), "fw", c.char_end - lo
    return None


def _same_column(a: tuple[int, str, int], b: tuple[int, str, int]) -> bool:
    return a[:2] == b[:2] and (a[2] == b[2] if a[1] == "md" else abs(a[2] - b[2]) <= _ALIGN)


def _voter(c: Claim) -> bool:
    """A dated cell whose period says what its column holds: not the published day a small amount of no named
    metric falls back on (a results table's "(182)" read as a price), which would spread one guess down a column."""
    return c.period_end is not None and not (c.metric == "other" and c.period_route == "published_day")


def _spans_block(claims: list[Claim], cols: list, block: int, text: str, ref: date | None, fy_end: int, res) -> bool:
    """Whether the block of table lines starting at `block` is one of reporting periods: a cell dated by a span,
    or a header line naming one ("| For the three months ended December 31, 2024 | Cobre Panamá | Kansanshi |")."""
    if any(c.period_end is not None and c.period_start != c.period_end
           for c, k in zip(claims, cols) if k is not None and k[0] == block):
        return True
    header = text[block:_line(text, block)[1]]
    return any(p.period_start is not None and p.period_start != p.period_end
               for p in find_periods(header, ref, fy_end, res=res))


def column_periods(claims: list[Claim], text: str, ref: date | None, fy_end: int, res) -> list[Claim]:
    """The claims, an undated table cell (no dating step gave it a period) dated by its column; the others as
    they were."""
    undated = [i for i, c in enumerate(claims) if c.period_route == "none" and c.period_end is None]
    if not undated:
        return claims
    cols = [_column(text, c) for c in claims]
    out = list(claims)
    spans_in: dict[int, bool] = {}  # whether a block is a table of reporting periods
    for i in undated:
        col = cols[i]
        if col is None:
            continue
        voters = [c for c, k in zip(claims, cols) if k is not None and _voter(c) and _same_column(col, k)]
        dated = {(c.period_start, c.period_end, c.period_label, c.modality) for c in voters}
        if len(dated) != 1 or len(voters) < _MIN_DATED:
            continue
        ps, pe, label, modality = next(iter(dated))
        if ps == pe and col[0] not in spans_in:
            spans_in[col[0]] = _spans_block(claims, cols, col[0], text, ref, fy_end, res)
        if ps == pe and spans_in[col[0]]:  # a day in a table of reporting periods: a row's reading, not the column's
            continue
        out[i] = replace(claims[i], period_start=ps, period_end=pe, period_label=label, modality=modality,
                         period_route="table_column_cells")
    return out
