"""How conflict detection scales: 10k, 100k and 1M synthetic claims over thousands of entities.

    python bench/conflicts_scale.py [--sizes 10000 100000 1000000]

Claims are spread over entities (one per ~200 claims), ten metrics, both timings,
a year of published dates and a few percent of disagreeing values, so blocks look
like a real dump's. Prints seconds and microseconds per claim for each size: a
near-constant per-claim cost is near-linear growth.
"""
from __future__ import annotations

import argparse
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pipeline.conflicts import find_conflicts
from pipeline.resources import load_resources

METRICS = ["share_price", "forward_pe", "market_cap", "revenue", "profit", "eps", "capex", "price_change",
           "revenue_growth", "dividend"]


def synthetic(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    entities = max(n // 200, 10)
    ent = rng.integers(0, entities, n)
    metric = rng.choice(METRICS, n)
    day0 = date(2024, 1, 1)
    pub = [day0 + timedelta(days=int(d)) for d in rng.integers(0, 365, n)]
    quarter = rng.integers(0, 4, n)
    pstart = [date(2024, 3 * int(q) + 1, 1) for q in quarter]
    pend = [date(2024, 3 * int(q) + 3, 28) for q in quarter]
    base = (ent % 97 + 1) * 10.0
    noise = np.where(rng.random(n) < 0.03, rng.uniform(0.5, 2.0, n), 1.0)
    value = base * noise
    return pd.DataFrame({
        "claim_id": [f"c{i}" for i in range(n)], "article_id": [f"a{i // 4}" for i in range(n)],
        "entity": [f"Company {e}" for e in ent], "entity_id": [f"E{e}" for e in ent], "segment": "",
        "metric": metric, "modality": "actual", "unit": "USD", "value": value, "value_low": value, "value_high": value,
        "approx": "exact", "figure": [f"${v:.1f}" for v in value], "published": pub,
        "period_start": pstart, "period_end": pend, "period_label": "", "confidence": 0.8,
        "char_start": 0, "disputed": False,
    })


def report(sizes: list[int]) -> None:
    """Print seconds and microseconds per claim of conflict detection at each size."""
    res = load_resources()
    print(f"{'claims':>10}{'conflicts':>11}{'seconds':>10}{'us/claim':>10}")
    for n in sizes:
        df = synthetic(n)
        t0 = time.perf_counter()
        out = find_conflicts(df, res)
        secs = time.perf_counter() - t0
        print(f"{n:>10,}{len(out):>11,}{secs:>10.2f}{secs / n * 1e6:>10.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    report(ap.parse_args().sizes)


if __name__ == "__main__":
    main()
