"""The period a results table's column header gives the figures in that column.

A results release sets its figures out in tables whose header names each column's period: a pipe table
("| | **4Q24** | **4Q23** | **Change** | ... | **YTD24** |"), or one aligned with spaces ("FY 2024   FY 2023   Y/Y
Change", "Three Months Ended December 31,  Year Ended December 31," over "2024  2023  2024  2023", a balance sheet's
"December 31, 2024   December 31, 2023"). A figure in a row of such a table is about its column's period (a prior-year
column's figure about the year before); a change column after two periods is about the later of them. Called by
`claims.make_claims` before the sentence's own words are read.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .claim_periods import compared_with
from .dates import find_periods
from .records import Figure, Period

RULE = "claims.table_column.v1"
_UP_LINES = 80  # table lines walked up to the header
_GAP = re.compile(r"\S(?:\s{2,}|\t)")  # a space-aligned row's gap between cells
_SEPARATOR = re.compile(r"^[\s|:\-=_*]*$")
_RULE = re.compile(r"[-=_]{3,}")
_SIGNS = ("$", "€", "£", "¥")
_YTD = re.compile(r"\b(?:YTD|12M)\s?'?(\d\d)\b", re.I)
# the periods a column header names
_GRAINS = ("quarter", "fiscal_quarter", "half", "year", "fiscal_year", "ytd", "range", "day", "month")
_SLACK = 2  # characters a space-aligned header may stand off its column's figures
_STACK = 4  # header lines read together over a column
# words a header naming a period has one of (a cheap test before the calendar grammar reads a line)
_PERIODISH = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.]\d)|\b[1-4]Q|\bQ[1-4]|\b(?:YTD|12M|FY|H[12])|quarter|month|"
                        r"year|half|week|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_ROW_CHARS = 240  # a longer line is prose, not a table's row or header
# a table cell holding a figure alone: "$ 2,460,809", "(40.5%)", "16.9 %", "$(0.27)", "--"
_FIGURE_CELL = re.compile(r"[(\[]?[-+]?(?:[A-Z]{0,3}[$€£¥])?\s?[(]?[-+]?\d[\d,.]*\)?\s?(?:%|pts?|x|bps)?\)?\]?", re.I)
_CELL = re.compile(r"\S+(?: \S+)*")  # a space-aligned line's cell: words one space apart
_FIGURE = re.compile(r"[$€£¥]\s?\d|\d[\d,]*\.\d|\d,\d{3}")  # a data cell, not a header's day or year
# a group label over several columns names a span's length or kind, not one period ("Three months ended", "Years ended
# December 31,", "Nine Months", "Fiscal Year")
_SPAN_WORDS = re.compile(r"\b(?:months?|quarters?|years?|weeks?|half|ended|ending)\b", re.I)
# a group's end day on a line of its own under its span ("| | December 31 | | | |", between "For the Six Months Ended"
# and the years; issue 15, s20)
_END_DAY = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}", re.I)
# a line with words in its first column only: a label wrapped over lines, in a pipe or a space-aligned header
_LABEL_ONLY = re.compile(r"^(?:\|?[^|\n]*\S[^|\n]*(?:\|\s*)*|\s*\S+(?: \S+)*\s*)$")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
_GLUED_SPAN = re.compile(r"\b(months?|quarters?|years?|weeks?)(ended|ending)\b", re.I)
_PLURAL = re.compile(r"\b(year|month|quarter|week)s\b(?=\s+ended)", re.I)  # "For the years ended": each year


def _unglue(words: str) -> str:
    """A header's words a converter ran together set apart: "Three Months EndedDecember 31," "Three monthsended"
    (issue 15, s20)."""
    return _GLUED_SPAN.sub(r"\1 \2", _GLUED.sub(" ", words))


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _periods(words: str, ref: date, fy_end: int, res, cache: dict | None = None) -> list[Period]:
    """The periods a header names ("YTD24" the year 2024), offsets kept; cached by the words."""
    key = (words, ref, fy_end)
    if cache is not None and key in cache:
        return cache[key]
    if not _PERIODISH.search(words):
        found = []
        if cache is not None:
            cache[key] = found
        return found
    same_length = _YTD.sub(lambda m: f"20{m.group(1)}".rjust(len(m.group(0))), words)
    found = [p for p in find_periods(same_length, ref, fy_end, res=res)
             if p.granularity in _GRAINS and p.period_start and p.period_end and not p.relative_to_previous
             and not compared_with(p, same_length)]  # "Variance Vs YTD23" names the base, not the column's period
    if cache is not None:
        cache[key] = found
    return found


def _pipe_cells(line: str) -> list[tuple[int, int]]:
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    return [(a + 1, b) for a, b in zip(bars, bars[1:])]


def _pick(found: list[Period | None], k: int) -> Period | None:
    """The column's period, else (a change column) the later of the periods just left of it."""
    if k < len(found) and found[k] is not None:
        return found[k]
    left = []
    for j in range(min(k, len(found)) - 1, -1, -1):
        if found[j] is None:
            break
        left.append(found[j])
    return max(left, key=lambda p: p.period_end) if len(left) >= 2 else None


def _stacked(words: list[str], bottom: Period, ref: date, fy_end: int, res, cache: dict) -> Period:
    """The period a column's header lines name read together, top to bottom ("For the three months" / "ended" /
    "December" / "31, 2024"; "3 months" / "Oct-Dec" / "2024"): the longest expression found, when it holds the
    bottom line's year; else the bottom line's period."""
    # bold markers inside a cell ("**Three Months Ended**  **December 31,**") split its words apart
    joined = _PLURAL.sub(r"\1", " ".join(_unglue(w.replace("*", " ")).strip(" |") for w in words))
    found = [p for p in _periods(joined, ref, fy_end, res, cache) if p.period_end.year == bottom.period_end.year]
    return max(found, key=lambda p: len(p.text)) if found else bottom


def _header_lines(text: str, ls: int) -> list[tuple[int, int]]:
    """The lines above the line starting at `ls`, nearest first, up to a blank pair or the walk's limit (a table
    may leave one blank line between its groups of rows)."""
    out, pos, blank = [], ls, 0
    for _ in range(_UP_LINES):
        if pos <= 0:
            break
        ps, pe = _line(text, pos - 1)
        pos = ps
        if not text[ps:pe].strip():
            blank += 1
            if blank > 1:
                break
            continue
        blank = 0
        out.append((ps, pe))
    return out


def _column_words(text: str, lines: list[tuple[int, int]], cell_of, ref: date, fy_end: int, res,
                  cache: dict) -> Period | None:
    """Up the header: the first line whose cell over the column names a period, with the cells over it (up to a
    line with none, or a figure) read together; a change column's period from the cells left of it (`cell_of`
    gives a line's cell over the column as text, or a list of its cells' periods with the column's index)."""
    for n, (ps, pe) in enumerate(lines):
        named = cache.get(("named", ps))
        if named is None:  # whether the line names any period at all, once per line
            named = cache[("named", ps)] = pe - ps > _ROW_CHARS or bool(_periods(text[ps:pe], ref, fy_end, res))
        if not named and text[ps:ps + 1] != "|" and not text[ps:pe].lstrip().startswith("|"):
            continue  # a row of figures or words: the header is further up
        if _SEPARATOR.match(text, ps, pe):
            continue
        got = cell_of(ps, pe)
        if got is None:
            return None  # out of the table
        words, p = got
        if p is None:
            continue
        stack = [words]
        for qs, qe in lines[n + 1:n + 1 + _STACK]:
            if _SEPARATOR.match(text[qs:qe]):
                continue
            above = cell_of(qs, qe, True)
            if above is not None and not above[0].strip() and _LABEL_ONLY.match(text[qs:qe]):
                continue  # a row label wrapped in the first column ("($ millions," "except per" under the span)
            if above is None or not above[0].strip() or _FIGURE.search(above[0]):
                break
            stack.insert(0, above[0])
        return _stacked(stack, p, ref, fy_end, res, cache) if len(stack) > 1 and p.granularity in ("year", "day",
                                                                                                  "month") else p
    return None


def _pipe_period(text: str, ls: int, le: int, fig: Figure, ref: date, fy_end: int, res, cache: dict) -> Period | None:
    cells = _pipe_cells(text[ls:le])
    k = next((i for i, (a, b) in enumerate(cells) if a <= fig.start - ls < b), None)
    if k is None or k == 0:
        return None

    row_words = [text[ls + a:ls + b].strip() for a, b in cells]

    def cell_of(ps: int, pe: int, over: bool = False):
        line = text[ps:pe]
        read = _pipe_row(line, ps, ref, fy_end, res, cache)
        if read is None:
            return None
        row, found, dated = read
        j = _grouped(line, row, found, row_words, k, over)
        j = _shifted(line, row, found, row_words, k) if j is None else j
        words = line[row[j][0]:row[j][1]] if j < len(row) else ""
        if over and not words.strip():
            words = _spanning(line, row, j)
        return words, (_pick(found, j) if dated else None)

    return _column_words(text, _lines_above(text, ls, cache), cell_of, ref, fy_end, res, cache)


def _pipe_row(line: str, ps: int, ref: date, fy_end: int, res, cache: dict):
    """A pipe table line's cells, each cell's one period (or None) and whether a cell past the row labels' names
    one; None for a line out of the table. Once per line: the figures of one table walk up the same header."""
    key = ("pipe row", ps)
    if key in cache:
        return cache[key]
    if not line.lstrip().startswith("|"):
        read = None
    else:
        row = _pipe_cells(line)
        found = []
        for a, b in row:
            got = _periods(_unglue(line[a:b]), ref, fy_end, res, cache)
            found.append(got[0] if len(got) == 1 else None)
        read = row, found, any(p is not None for p in found[1:])
    cache[key] = read
    return read


def _lines_above(text: str, ls: int, cache: dict) -> list[tuple[int, int]]:
    """`_header_lines` once per line of the article."""
    lines = cache.get(("lines", ls))
    if lines is None:
        lines = cache[("lines", ls)] = _header_lines(text, ls)
    return lines


def _shifted(line: str, row: list[tuple[int, int]], found: list, row_words: list[str], k: int) -> int:
    """The header cell over a row's k-th cell, where the converter set the header off the row by one: a header of
    periods with no label cell ("| 2024 | 2023 | 2024 | 2023 |" over "| Revenue | 723.7 | 808.8 | ..."), or a period
    over the currency sign's cell, its figure in the next ("|  |  | 2024 | |" over "| Interest |  | $ | 18,767 |";
    issue 15, s20); else a group label's cell left of an empty one, where it names a whole period."""
    if len(row) == len(row_words) - 1 and found and found[0] is not None and k >= 1:
        return k - 1
    if 1 <= k < len(row) and found[k] is None and not line[row[k][0]:row[k][1]].strip() \
            and found[k - 1] is not None and re.fullmatch(r"[$€£]?", row_words[k - 1]):
        return k - 1
    if 1 <= k < len(row) and found[k] is None and not line[row[k][0]:row[k][1]].strip():
        # a group label naming a whole period, its other columns left empty ("| | Year EndedDecember 31, 2024 | | |"
        # over "| | LowEstimate | | HighEstimate |"): the empty cell's period is the label's
        j = next((j for j in range(k - 1, 0, -1) if line[row[j][0]:row[j][1]].strip()), 0)
        if j and found[j] is not None and _SPAN_WORDS.search(_unglue(line[row[j][0]:row[j][1]])):
            return j
    return k


def _grouped(line: str, row: list[tuple[int, int]], found: list, row_words: list[str], k: int, over: bool) -> int | None:
    """The header cell over the row's k-th cell where the converter wrote each group as one cell, so the header line
    has fewer cells than the rows ("| | Three Months Ended December 31, | | Year Ended December 31, |" or "| | 2024 |
    | 2023 |" over "| Sales | 746.5 | | 719.0 | | 3,240.4 | | 3,142.8 |"): its labels, in order, stand over equal runs
    of the row's filled cells. Each label names a period, or (a line over the periods' line) a span; None where the
    line is no such header (one of as many cells as the row, one whose first cell is a period)."""
    if len(row) >= len(row_words) or not row or found[0] is not None:
        return None
    labels = [j for j in range(1, len(row)) if line[row[j][0]:row[j][1]].strip()]
    filled = [i for i in range(1, len(row_words)) if row_words[i]]
    if not labels or k not in filled or len(filled) % len(labels) or not all(
            found[j] is not None or over and _SPAN_WORDS.search(_unglue(line[row[j][0]:row[j][1]])) for j in labels):
        return None
    return labels[filled.index(k) // (len(filled) // len(labels))]


def _spanning(line: str, row: list[tuple[int, int]], k: int) -> str:
    """A pipe table has no cell spanning columns, so a group label stacked over them stands in the first, its
    others left empty ("| | Three months ended December 31, | | Years ended December 31, | |" over "| | 2024 | 2023 |
    2024 | 2023 |"): an empty cell over a column takes the nearest filled cell left of it that names a span, not the
    row labels' cell; "" when there is none."""
    for j in range(min(k, len(row)) - 1, 0, -1):
        words = line[row[j][0]:row[j][1]]
        if words.strip():
            return words if _SPAN_WORDS.search(_unglue(words)) or _END_DAY.fullmatch(words.strip(" *,")) else ""
    return ""


def _space_period(text: str, ls: int, le: int, fig: Figure, ref: date, fy_end: int, res, cache: dict) -> Period | None:
    line = text[ls:le]
    if len(line) > _ROW_CHARS:
        return None
    gaps = list(_GAP.finditer(line))
    if len(gaps) < 2 or fig.start - ls <= gaps[0].start():
        return None
    cell = next((m for m in _CELL.finditer(line) if m.start() <= fig.start - ls < m.end()), None)
    if cell is None or not (_FIGURE_CELL.fullmatch(cell.group()) or cell.group() in _SIGNS):  # "$          550"
        return None  # a figure in words between wide spaces, not a table's cell
    if _periods(line[:gaps[0].start() + 1], ref, fy_end, res, cache):
        return None  # the row's label dates it ("Net sales December 31, 2023"): the sentence's words do
    lo, hi = fig.start - ls - _SLACK, fig.end - ls + _SLACK
    lines = _lines_above(text, ls, cache)
    others = [(m.start(), m.end()) for m in _CELL.finditer(line) if m.end() <= fig.start - ls or m.start() >= fig.end - ls]
    lo, hi = _ruled(text, lines, lo, hi, others)

    def cell_of(ps: int, pe: int, over: bool = False):
        if pe - ps > _ROW_CHARS:
            return None  # prose: out of the table
        header = text[ps:pe]
        cells = cache.get(ps)
        if cells is None:
            cells = cache[ps] = [(m.start(), m.end()) for m in _CELL.finditer(header)]
        words = " ".join(header[a:b] for a, b in cells if a < hi and b > lo)
        got = [p for p in _periods(header, ref, fy_end, res, cache) if p.start < hi and p.end > lo]
        return words, (got[0] if len(got) == 1 else None)

    return _column_words(text, lines, cell_of, ref, fy_end, res, cache)


def _ruled(text: str, lines: list[tuple[int, int]], lo: int, hi: int, others: list[tuple[int, int]]) -> tuple[int, int]:
    """The figure's span widened to its column's rule: a space-aligned table underlines each column's header with a
    run of dashes the width of the column, its figures set right and its header centred ("      2024" over
    "--------------" over "$          550"; issue 15, s20): the nearest ruled line above, where the run over the
    figure covers no other cell of its row (a group's rule spans several columns)."""
    for ps, pe in lines:
        runs = [m.span() for m in _RULE.finditer(text, ps, pe)]
        if len(runs) < 2 or not _SEPARATOR.match(text[ps:pe]):
            continue
        hit = [(a - ps, b - ps) for a, b in runs if a - ps < hi - _SLACK and b - ps > lo + _SLACK]
        if len(hit) == 1 and not any(a < hit[0][1] and b > hit[0][0] for a, b in others):  # one column's rule
            return min(lo, hit[0][0]), max(hi, hit[0][1])
        return lo, hi
    return lo, hi


def column_period(text: str, fig: Figure, ref: date | None, fy_end: int, res, cache: dict | None = None) -> Period | None:
    """The period the header of the figure's table column names; None when the figure is in no such table.
    `cache`: the article's header lines' periods, shared by its figures."""
    cache = {} if cache is None else cache
    if ref is None:
        return None
    ls, le = _line(text, fig.start)
    line = text[ls:le]
    if line.lstrip().startswith("|") and line.count("|") >= 3:
        p = _pipe_period(text, ls, le, fig, ref, fy_end, res, cache)
    else:
        p = _space_period(text, ls, le, fig, ref, fy_end, res, cache)
    if p is None:
        return None
    return replace(p, text="", start=-1, end=-1, granularity="column", rule=RULE)
