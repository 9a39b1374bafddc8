"""Draw facts whose sources give more than one value, at random (fixed seed), with every report, for
finding real cross-source disagreements by reading (the recall half of issue 16's audit).

    PYTHONPATH=. python bench/conflict_audit/draw_facts.py RUN_DIR --n 80 --seed 18 --out bench/conflict_audit/modern-facts-draw.jsonl

A fact is drawn when two or more independent sources report it and its reports hold two or more
values, whatever the run made of it (conflict, ambiguous, revised, disagreed); each item carries
the run's status and whether a conflict row names it, so the judged file gives the share of real
disagreements that the run flags.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    import pandas as pd

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--n", type=int, default=80)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    facts = pd.read_parquet(args.run / "facts.parquet")
    conflicts = pd.read_parquet(args.run / "conflicts.parquet")
    flagged = set(conflicts["fact_id"])
    pool = facts[(facts["n_sources"] >= 2) & (facts["n_values"] >= 2)]
    drawn = pool.sample(n=min(args.n, len(pool)), random_state=args.seed)
    claims = pd.read_parquet(args.run / "claims.parquet").set_index("claim_id")
    with args.out.open("w", encoding="utf-8") as fh:
        for k, f in enumerate(drawn.itertuples(index=False)):
            reports = []
            for cid in str(f.claim_ids).split()[:12]:
                if cid not in claims.index:
                    continue
                c = claims.loc[cid]
                reports.append({"claim_id": cid, "article_id": c["article_id"], "source": c["source"],
                                "title": c["title"], "published": str(c["published"]), "figure": c["figure"],
                                "value": float(c["value"]), "unit": c["unit"], "period": c["period_label"],
                                "sentence": c["sentence"]})
            item = {"id": f"f{k:03d}", "fact_id": f.fact_id, "entity": f.entity, "segment": f.segment,
                    "metric": f.metric, "basis": f.basis, "modality": f.modality, "period": f.period_label,
                    "status": f.status, "flagged": f.fact_id in flagged, "n_sources": int(f.n_sources),
                    "reports": reports}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} of {len(pool):,} facts with several values from several sources -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
