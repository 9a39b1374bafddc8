"""The metric a pipe table's column header names for the figures in that column (rule `claims.column_metric.v1`).

A screen or a filing sets its figures out in a pipe table whose first row names each column ("| Name | Current Price |
Fair Value (Est) | Discount (Est) |", "| Name | Debt To Equity | Revenue Growth | Earnings Growth |"): a row's cells
say which company, the header what each figure measures. The row's own words ("| Coastal Financial (NasdaqGS:CCB) |
US$86.45 | US$172.68 | 49.9% |") name no metric, so the cues left such figures `other`. The header cell's metric
cues (models/lexicons/metrics.yaml, read as on a clause, a specific phrase only: weight 4 or more) decide when the
figure's own clause named nothing as strong.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

RULE = "claims.column_metric.v1"
STRONG_CUE = 4.0  # a specific phrase ("fair value", "revenue growth"), as metric_model.WEAK_CUE
_UP_LINES = 60  # table rows walked up to the header
_PER_SHARE_SIZE = 1000  # a bare cell this large is no amount of one share


def _line_at(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _is_separator(line: str) -> bool:
    return bool(line.strip()) and set(line.strip()) <= set("|-: ")


def header_cell(text: str, fig_start: int) -> str | None:
    """The header cell above the figure's cell in a pipe table, or None (no pipe table, or no header row).

    >>> t = "| Name | Price | Fair Value (Est) |\\n| --- | --- | --- |\\n| Initech | $8.45 | $17.27 |"
    >>> header_cell(t, t.index("$17.27"))
    'Fair Value (Est)'
    >>> header_cell("Initech closed at $8.45.", 18) is None
    True
    """
    found = header_row(text, fig_start)
    if found is None:
        return None
    cells, column = found
    return cells[column] or None


@lru_cache(maxsize=64)
def header_row(text: str, fig_start: int) -> tuple[tuple[str, ...], int] | None:
    """The header row's cells of the pipe table the figure sits in and the figure's column, or None (cached: a cell's
    surprise-table reading and its column's metric both ask)."""
    ls, le = _line_at(text, fig_start)
    row = text[ls:le]
    if not row.lstrip().startswith("|"):
        return None
    column = text.count("|", ls, fig_start) - 1  # the cells before the figure's, the leading pipe left out
    lines = []
    at = ls
    for _ in range(_UP_LINES):
        if at == 0:
            break
        ps, pe = _line_at(text, at - 1)
        line = text[ps:pe]
        if not line.lstrip().startswith("|"):
            break
        lines.append(line)
        at = ps
    # the table's first row is its header when a separator row follows it
    if len(lines) < 2 or not _is_separator(lines[-2]):
        return None
    cells = tuple(c.strip().strip("*").strip() for c in lines[-1].strip().strip("|").split("|"))
    if column < 0 or column >= len(cells):
        return None
    return cells, column


def column_metric(text: str, fig_start: int, kind: str, score_now: float, res,
                  score: Callable[[str, int, str, object], tuple[str, float]]) -> str | None:
    """The metric the figure's column header names, when its cue is specific and outweighs the figure's own cues
    (`score_now`); else None. score: `claim_metrics.score_metric` (passed in: no import of the claims stage)."""
    cell = header_cell(text, fig_start)
    if cell is None:
        return None
    metric, weight = score(cell, len(cell), kind, res)
    if metric == "other" or weight < STRONG_CUE or weight <= score_now:
        return None
    return metric


def surprise_metric(text: str, fig, res) -> str | None:
    """The per-share result a results-surprise table tracks, for a cell of its estimate or actual column ("|
    QUARTER ENDING | ESTIMATE | ACTUAL | BEAT, MET, MISSED |" over "| Dec. 31 2024 | 0.22 | 0.25 | Beat |"): the
    header names no metric, its verdict column says the figures are a result set against its estimate, and a bare
    cell of a share's size is earnings per share (metric_frames.yaml `surprise_*`); else None."""
    found = header_row(text, fig.start)
    if found is None or fig.unit or abs(fig.value) >= _PER_SHARE_SIZE:
        return None
    cells, column = found
    heads, verdicts, metrics = (res.metric_frames[k] for k in ("surprise_heads", "surprise_verdicts", "surprise_metrics"))
    if cells[column].lower() not in heads:
        return None
    if not any(w in cell.lower() for cell in cells for w in verdicts):
        return None
    return metrics[0]
