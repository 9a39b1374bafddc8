"""Draw conflicts at random (fixed seed) from a run, with both claims' sentences and titles, for judging.

    python bench/conflict_audit/draw.py RUN_DIR --n 100 --seed 16 --out bench/conflict_audit/modern-draw.jsonl
    python bench/conflict_audit/draw.py RUN_DIR --n 50 --seed 17 --out bench/conflict_audit/wire-web-draw.jsonl
    python bench/conflict_audit/draw.py RUN_DIR --n 100 --seed 61 --exclude bench/conflict_audit/*draw*.jsonl --out ...

--exclude leaves out the conflicts earlier draws hold (by conflict_id), for an audit of pairs nobody has judged.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="earlier draws whose conflicts to leave out")
    args = ap.parse_args()
    import pandas as pd

    conflicts = pd.read_parquet(args.run / "conflicts.parquet")
    if conflicts.empty:
        print("no conflicts in the run", file=sys.stderr)
        return 1
    seen = {json.loads(line).get("conflict_id") for path in args.exclude for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()}
    conflicts = conflicts[~conflicts["conflict_id"].isin(seen)]
    drawn = conflicts.sample(n=min(args.n, len(conflicts)), random_state=args.seed)
    ids = set(drawn["claim_a"]) | set(drawn["claim_b"])
    claims = pd.read_parquet(args.run / "claims.parquet")
    claims = claims[claims["claim_id"].isin(ids)].set_index("claim_id")
    con = sqlite3.connect(args.run / "claims.db")
    with args.out.open("w", encoding="utf-8") as fh:
        for k, row in enumerate(drawn.itertuples(index=False)):
            item = {"id": f"c{k:03d}", "conflict_id": row.conflict_id, "reason": row.reason, "severity": row.severity,
                    "majority_sources": getattr(row, "majority_sources", None),
                    "outlier_sources": getattr(row, "outlier_sources", None),
                    "days_apart": int(row.days_apart) if row.days_apart == row.days_apart else None}
            for side, cid in (("a", row.claim_a), ("b", row.claim_b)):
                c = claims.loc[cid]
                item[side] = {"article_id": c["article_id"], "title": c["title"], "source": c["source"],
                              "published": str(c["published"]), "entity": c["entity"], "segment": c["segment"],
                              "metric": c["metric"], "figure": c["figure"], "value": float(c["value"]), "unit": c["unit"],
                              "period": c["period_label"], "modality": c["modality"], "sentence": c["sentence"],
                              "confidence": round(float(c["confidence"]), 2)}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    con.close()
    print(f"{len(drawn)} of {len(conflicts):,} conflicts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
