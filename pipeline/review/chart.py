"""Geometry of the conflict view's chart: every claim of one entity and metric over time.

`plot` only computes numbers and labels; `templates/_chart.svg` draws them, so that
every label (titles, figures from articles) goes through Jinja2's escaping.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from pipeline.review.evidence import compact_number

WIDTH, HEIGHT = 900, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 34
UNDATED_BAND = 56  # width kept at the right for claims without a date


@dataclass
class Point:
    x: float
    y: float
    role: str  # a, b or other
    label: str  # tooltip: figure, date, title
    claim_id: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    points: list[Point] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, text-anchor
    median_y: float | None = None
    median_label: str = ""
    undated_x: float | None = None
    left: int = LEFT
    right: float = WIDTH - RIGHT
    top: int = TOP
    bottom: float = HEIGHT - BOTTOM
    unit: str = ""
    hidden: int = 0  # claims in another unit, not drawn
    empty: bool = True


def plot(claims: list[dict], conflict: dict) -> Chart:
    """Place the claims of a conflict's group on a value-over-time chart, A and B marked.

    The two sides are drawn at the conflict's `value_a` / `value_b` (in the conflict's
    unit, converted when needed); other claims only when they are in that unit.
    """
    unit = conflict.get("unit") or ""
    sides = {conflict.get("claim_a"): ("a", conflict.get("value_a")),
             conflict.get("claim_b"): ("b", conflict.get("value_b"))}
    rows, hidden = [], 0
    for c in claims:
        role, value = sides.get(c["claim_id"], ("other", c.get("value")))
        if role == "other" and (c.get("unit") or "") != unit:
            hidden += 1
            continue
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        rows.append((role, float(value), _day(c.get("published")), c))
    chart = Chart(unit=unit, hidden=hidden)
    if not rows:
        return chart
    chart.empty = False
    values = [v for _, v, _, _ in rows]
    lo, hi = _nice_range(min(values), max(values))
    dated = [d for _, _, d, _ in rows if d is not None]
    undated = any(d is None for _, _, d, _ in rows)
    x_right = chart.right - (UNDATED_BAND if undated else 0)
    d0, d1 = (min(dated), max(dated)) if dated else (0, 1)
    if d1 - d0 < 2:
        d0, d1 = d0 - 3, d1 + 3

    def x_of(day: int | None, i: int) -> float:
        if day is None:
            return x_right + UNDATED_BAND / 2 + (i % 3 - 1) * 8
        return chart.left + 8 + (day - d0) / (d1 - d0) * (x_right - chart.left - 16)

    def y_of(v: float) -> float:
        return chart.bottom - (v - lo) / (hi - lo) * (chart.bottom - chart.top)

    # draw others first so that A and B stay on top
    for i, (role, v, day, c) in enumerate(sorted(rows, key=lambda r: r[0] != "other")):
        when = c.get("published") or "no date"
        label = f"{role.upper() + ': ' if role != 'other' else ''}{c.get('figure') or compact_number(v)} · {when}"
        if c.get("title"):
            label += f" · {c['title']}"
        chart.points.append(Point(round(x_of(day, i), 1), round(y_of(v), 1), role, label, c["claim_id"]))
    chart.y_ticks = [(round(y_of(t), 1), compact_number(t)) for t in _ticks(lo, hi)]
    if dated:
        first, last = min(dated), max(dated)
        days = {first, last} | ({(first + last) // 2} if last - first > 20 else set())
        days = sorted(days)
        anchors = ["middle"] if len(days) == 1 else ["start", *["middle"] * (len(days) - 2), "end"]
        chart.x_ticks = [(round(x_of(d, 0), 1), date.fromordinal(d).isoformat(), anchor)
                         for d, anchor in zip(days, anchors)]
    if undated:
        chart.undated_x = x_right + UNDATED_BAND / 2
    if len(values) >= 3:
        m = median(values)
        chart.median_y, chart.median_label = round(y_of(m), 1), f"median {compact_number(m)}"
    return chart


def _day(published) -> int | None:
    try:
        return date.fromisoformat(str(published)[:10]).toordinal()
    except ValueError:
        return None


def _nice_range(lo: float, hi: float) -> tuple[float, float]:
    if lo == hi:
        pad = abs(lo) * 0.1 or 1.0
        return lo - pad, hi + pad
    pad = (hi - lo) * 0.12
    lo2, hi2 = lo - pad, hi + pad
    if lo >= 0 > lo2:  # don't invent negative values for positive quantities
        lo2 = 0.0
    return lo2, hi2


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    step = 10 ** math.floor(math.log10((hi - lo) / n))
    for m in (1, 2, 2.5, 5, 10):
        if (hi - lo) / (step * m) <= n:
            step *= m
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]
