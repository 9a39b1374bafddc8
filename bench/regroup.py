"""Group a finished run's claims into facts and conflicts again, with this checkout's rules.

    PYTHONPATH=. python bench/regroup.py RUN_DIR [--out DIR]

For measuring a change to pipeline/facts.py on a big run without extracting the claims again: reads
RUN_DIR's claims.parquet and the near-duplicate band hashes its parts kept (RUN_DIR/.parts), and
writes facts.parquet, facts.csv, conflicts.parquet and conflicts.csv to --out (default RUN_DIR).
claims.db is left as it was. Prints the counts by status and the time taken.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd


def main() -> int:
    from pipeline.conflicts import sort_conflicts
    from pipeline.fact_reports import prepare
    from pipeline.facts import Options, group_facts
    from pipeline.resources import load_resources
    from pipeline.sources import source_ids

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--window-days", type=int, default=7)
    ap.add_argument("--all-conflicts", action="store_true", help="no conflict gate (claims run --all-conflicts)")
    args = ap.parse_args()
    out = args.out or args.run
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    res = load_resources()
    claims = pd.read_parquet(args.run / "claims.parquet")
    for col in ("published", "period_start", "period_end"):
        claims[col] = pd.to_datetime(claims[col], errors="coerce").dt.date
    ids, bands = [], []
    for part in sorted((args.run / ".parts").glob("*.articles.parquet")):
        a = pd.read_parquet(part, columns=["article_id", "source_bands"])
        a = a[a["source_bands"].fillna("") != ""]
        ids.extend(a["article_id"])
        bands.extend(a["source_bands"])
    sources = source_ids(ids, bands)
    facts, conflicts, _ = group_facts(prepare(claims, res, sources), res, Options(window_days=args.window_days, gate=not args.all_conflicts))
    conflicts = sort_conflicts(conflicts) if len(conflicts) else conflicts
    for name, table in (("facts", facts), ("conflicts", conflicts)):
        table.to_parquet(out / f"{name}.parquet", index=False)
        table.to_csv(out / f"{name}.csv", index=False)
    n_sources = len(set(sources.values()))
    print(f"{len(claims):,} claims, {len(ids):,} articles with claims in {n_sources:,} sources: {len(facts):,} facts, "
          f"{len(conflicts):,} conflicts in {time.perf_counter() - t0:.0f} s -> {out}")
    print(dict(Counter(facts["status"]).most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
