"""Conflicts: pairs of claims about the same thing that cannot both be right.

Claims are blocked by (entity, segment, metric, modality); point-in-time
metrics (share price, P/E) are compared within a window of published dates,
flow metrics (revenue, returns) only for the same period. Inside a block,
claims are sorted by time and compared with their neighbours in the window,
so the cost grows with the number of claims, not its square. Each figure is
widened by what it says of itself: its rounding ("$88" is 87.5-88.5), its
qualifier ("about" +-10%, "over" is a floor) and a currency conversion's slack.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .resources import Resources

RULE = "conflicts.v1"
COMPARABLE_MODALITIES = ("actual", "forecast", "estimate")
ABOUT_SLACK = 0.10
FX_SLACK = 0.05
MIN_REL_DIFF = 0.02
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@dataclass(frozen=True)
class Options:
    window_days: int = 7
    min_period_overlap: float = 0.8


def _written_slack(figure: str, value: float, decimals: int | None = None) -> float:
    """Half a unit of the last digit as written, in base units ("$53bn" -> 0.5e9)."""
    m = _NUMBER.search(figure or "")
    if not m:
        return abs(value) * 0.005
    written = float(m.group().replace(",", "")) or 1.0
    digits = len(m.group().split(".", 1)[1]) if "." in m.group() else 0
    scale = abs(value) / written if written else 1.0
    return 0.5 * 10 ** (-digits) * (scale if scale >= 1 else 1.0)


def _interval(row, factor: float) -> tuple[float, float]:
    lo, hi = row.value_low * factor, row.value_high * factor
    if lo > hi:
        lo, hi = hi, lo
    slack = _written_slack(row.figure, row.value * factor)
    approx = row.approx
    if approx == "about":
        slack = max(slack, ABOUT_SLACK * abs(row.value * factor))
    lo, hi = lo - slack, hi + slack
    if approx == "over":
        hi = math.inf
    elif approx == "under":
        lo = -math.inf
    return lo, hi


def _usd_factor(unit: str, day, res: Resources) -> float | None:
    if unit == "USD":
        return 1.0
    year = day.year if isinstance(day, date) else 2020
    rate = res.usd_rate(unit, year)
    return None if rate is None else 1.0 / rate


def _overlap(a0, a1, b0, b1) -> float:
    if not (a0 and a1 and b0 and b1):
        return 0.0
    inter = (min(a1, b1) - max(a0, b0)).days + 1
    union = (max(a1, b1) - min(a0, b0)).days + 1
    return max(inter, 0) / union if union > 0 else 0.0


def _near(a, b, days: int) -> bool:
    """Point-in-time periods, each widened by the window, intersect."""
    from datetime import timedelta

    pad = timedelta(days=days)
    return a.period_start - pad <= b.period_end and b.period_start - pad <= a.period_end


def _fmt(v: float, unit: str) -> str:
    if unit in ("%", "pp"):
        return f"{v:g}{'%' if unit == '%' else ' pp'}"
    if unit == "x":
        return f"{v:g}x"
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= scale:
            return f"{unit} {v / scale:.4g}{suffix}"
    return f"{unit} {v:,.4g}"


def _severity(rel: float, days: int, window: int, conf: float) -> str:
    level = 0 if rel >= 0.5 else 1 if rel >= 0.15 else 2
    if days > window / 2 and window > 0:
        level += 1
    if conf < 0.5:
        level += 1
    return ("high", "medium", "low")[min(level, 2)]


def _compare(a, b, res: Resources, opts: Options, timing: str) -> dict | None:
    if a.unit != b.unit:
        fa, fb = _usd_factor(a.unit, a.published, res), _usd_factor(b.unit, b.published, res)
        if fa is None or fb is None or a.unit in ("%", "x", "pp", "count") or b.unit in ("%", "x", "pp", "count"):
            return None
        unit, fx = "USD", True
    else:
        fa = fb = 1.0
        unit, fx = a.unit, False
    la, ha = _interval(a, fa)
    lb, hb = _interval(b, fb)
    if fx:
        la, ha, lb, hb = la * (1 - FX_SLACK), ha * (1 + FX_SLACK), lb * (1 - FX_SLACK), hb * (1 + FX_SLACK)
    if not (ha < lb or hb < la):
        return None
    va, vb = a.value * fa, b.value * fb
    rel = abs(va - vb) / max(abs(va), abs(vb)) if max(abs(va), abs(vb)) else 0.0
    if rel < MIN_REL_DIFF:
        return None
    days = abs((a.published - b.published).days) if isinstance(a.published, date) and isinstance(b.published, date) else 0
    window = opts.window_days if timing == "point" else 0
    severity = _severity(rel, days, window, min(a.confidence, b.confidence))
    label = a.metric.replace("_", " ").replace("forward pe", "forward P/E").replace("trailing pe", "trailing P/E")
    qa = "" if a.approx == "exact" else a.approx + " "
    qb = "" if b.approx == "exact" else b.approx + " "
    reason = (f"{a.entity} {label} {qa}{_fmt(va, unit)} ({a.published}) vs {qb}{_fmt(vb, unit)} ({b.published}), "
              f"{days} day{'s' if days != 1 else ''} apart")
    if fx:
        reason += f"; converted to USD at {a.unit} {1 / fa:.4g} and {b.unit} {1 / fb:.4g} per USD"
    ids = sorted((a.claim_id, b.claim_id))
    return {
        "conflict_id": hashlib.sha1("|".join(ids).encode()).hexdigest()[:16],
        "entity": a.entity, "segment": a.segment, "metric": a.metric,
        "claim_a": a.claim_id, "claim_b": b.claim_id, "value_a": va, "value_b": vb, "unit": unit,
        "rel_diff": round(rel, 4), "severity": severity, "reason": reason, "status": "open",
        "published_a": a.published, "published_b": b.published, "days_apart": days,
        "period_label_a": a.period_label, "period_label_b": b.period_label,
    }


def find_conflicts(claims: pd.DataFrame, res: Resources, opts: Options = Options()) -> pd.DataFrame:
    """All conflicting pairs among `claims` (a claims table as written to claims.parquet)."""
    from .schema import CONFLICT_COLUMNS

    if claims.empty:
        return pd.DataFrame(columns=list(CONFLICT_COLUMNS))
    df = claims[claims["modality"].isin(COMPARABLE_MODALITIES) & (claims["metric"] != "other")
                & (claims["entity"].fillna("") != "")].copy()
    if "disputed" in df.columns:
        df = df[~df["disputed"].fillna(False).astype(bool)]
    df["entity_key"] = df["entity_id"].fillna("").where(df["entity_id"].fillna("") != "", df["entity"].str.lower())
    # a claim stated twice in one article is one fact: keep its first statement
    df = df.sort_values(["article_id", "char_start"]).drop_duplicates(
        ["article_id", "entity_key", "segment", "metric", "modality", "unit", "value"], keep="first")
    rows = []
    for (_, _, metric, _), block in df.groupby(["entity_key", "segment", "metric", "modality"], sort=True):
        if len(block) < 2:
            continue
        timing = res.metrics[metric].timing if metric in res.metrics else "flow"
        if timing == "flow":  # only claims with a period can be compared; sort so that the scan can stop early
            block = block[block["period_start"].notna() & block["period_end"].notna()]
            items = list(block.sort_values(["period_start", "published", "article_id"]).itertuples(index=False))
        else:
            items = list(block.sort_values(["published", "article_id", "char_start"]).itertuples(index=False))
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if not (isinstance(a.published, date) and isinstance(b.published, date)):
                    continue
                gap = (b.published - a.published).days
                if timing == "point":
                    if gap > opts.window_days:
                        break
                    if a.period_start and b.period_start and not _near(a, b, opts.window_days):
                        continue  # "$88 in September 2025" and a price in March are different moments
                else:
                    if b.period_start > a.period_end:
                        break
                    if _overlap(a.period_start, a.period_end, b.period_start, b.period_end) < opts.min_period_overlap:
                        continue
                if a.article_id == b.article_id:
                    continue
                found = _compare(a, b, res, opts, timing)
                if found:
                    rows.append(found)
    return sort_conflicts(pd.DataFrame(rows, columns=list(CONFLICT_COLUMNS)))


def sort_conflicts(df: pd.DataFrame) -> pd.DataFrame:
    """Most severe first, then by entity, metric and id: the same order on every run."""
    rank = {"high": 0, "medium": 1, "low": 2}
    return df.sort_values(["severity", "entity", "metric", "conflict_id"],
                          key=lambda s: s.map(rank) if s.name == "severity" else s).reset_index(drop=True)
