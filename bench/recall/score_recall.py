"""Recall of real cross-outlet disagreements (issue 16), and the precision of the conflicts the run
raises among the same articles, from the readers' labels (RECALL_GUIDE.md).

    PYTHONPATH=. python bench/recall/score_recall.py RUN_DIR bench/recall/labels-*.jsonl [--snapshots]

A labeled disagreement is *extracted* when the run has a claim for each side (same article, the
claim's figure overlapping the labeled figure's text in the labeled sentence), *grouped* when both
claims are reports of one fact, and *flagged* when a conflict row sets them (or their fact's values)
against each other. Real = kinds slip, consensus and different; --snapshots also counts snapshot pairs.

A conflict row whose two claims both come from the clusters' articles is *in the clusters*; it is
right when it matches a labeled line (real or snapshot), since the readers listed every disagreement
of the shared facts they found.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.yardstick import wilson as yardstick_wilson

REAL = ("slip", "consensus", "different")


def wilson(k: int, n: int) -> tuple[float, float]:
    """The 95% Wilson interval of k/n, in percent (bench/yardstick.py's, scaled)."""
    lo, hi = yardstick_wilson(k, n)
    return 100 * max(0.0, lo), 100 * min(1.0, hi)


def find_claim(claims, side: dict) -> str | None:
    """The claim of the article whose figure is the labeled one (its text inside the other's), in its sentence."""
    rows = claims.get(side["article_id"], [])
    fig = side["figure"].strip()
    sent = " ".join(side.get("sentence", "").split())
    best = None
    for c in rows:
        cf = str(c["figure"]).strip()
        if not cf or not (cf in fig or fig in cf):
            continue
        if sent and " ".join(str(c["sentence"]).split()) not in sent and sent not in " ".join(str(c["sentence"]).split()):
            if best is None:
                best = c["claim_id"]
            continue
        return c["claim_id"]
    return best


def main() -> int:
    import pandas as pd

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("labels", type=Path, nargs="+")
    ap.add_argument("--clusters", type=Path, action="append",
                    default=[Path(__file__).with_name(f"clusters{n}.jsonl") for n in ("", "-2", "-3", "-4")])
    ap.add_argument("--snapshots", action="store_true", help="count snapshot pairs as real too")
    ap.add_argument("--show", action="store_true", help="print each labeled line with what the run made of it")
    args = ap.parse_args()
    lines = [json.loads(x) for p in args.labels for x in p.open(encoding="utf-8") if x.strip()]
    summaries = {x["cluster"]: x for x in lines if x.get("summary")}
    pairs = [x for x in lines if not x.get("summary")]
    kinds = REAL + (("snapshot",) if args.snapshots else ())
    real = [x for x in pairs if x["kind"] in kinds]
    read_clusters = set(summaries)
    articles = {a["article_id"] for p in args.clusters if p.exists() for line in p.open(encoding="utf-8")
                for c in [json.loads(line)] if c["id"] in read_clusters for a in c["articles"]}

    cl = pd.read_parquet(args.run / "claims.parquet", columns=["claim_id", "article_id", "figure", "sentence"])
    cl = cl[cl["article_id"].isin(articles)]
    claims: dict[str, list] = {}
    for row in cl.to_dict("records"):
        claims.setdefault(row["article_id"], []).append(row)
    facts = pd.read_parquet(args.run / "facts.parquet", columns=["fact_id", "claim_ids", "status"])
    fact_of = {cid: (f, s) for f, ids, s in facts.itertuples(index=False) for cid in str(ids).split()}
    conflicts = pd.read_parquet(args.run / "conflicts.parquet", columns=["conflict_id", "claim_a", "claim_b", "fact_id"])
    flagged_pairs = {frozenset((a, b)) for a, b in zip(conflicts["claim_a"], conflicts["claim_b"])}
    flagged_facts = set(conflicts["fact_id"])

    extracted = grouped = flagged = 0
    for x in real:
        a, b = find_claim(claims, x["a"]), find_claim(claims, x["b"])
        fa, fb = fact_of.get(a), fact_of.get(b)
        got = a is not None and b is not None
        same = got and fa is not None and fb is not None and fa[0] == fb[0]
        hit = got and (frozenset((a, b)) in flagged_pairs or (same and fa[0] in flagged_facts))
        extracted += got
        grouped += same
        flagged += hit
        if args.show:
            print(f"{x['cluster']} {x['kind']:10s} {x['entity']} {x['metric']} {x['a']['figure']} vs {x['b']['figure']}: "
                  f"{'flagged' if hit else 'grouped, ' + fa[1] if same else 'extracted' if got else 'missing ' + ('a' if a is None else 'b')}"
                  + ("" if same or not got else f" (facts {fa and fa[0]} / {fb and fb[0]})"))
    n = len(real)
    print(f"clusters read: {len(summaries)}; shared facts: {sum(s.get('shared_facts', 0) for s in summaries.values())}; "
          f"labeled disagreements ({', '.join(kinds)}): {n}")
    for name, k in (("both sides extracted", extracted), ("grouped as one fact", grouped), ("flagged", flagged)):
        lo, hi = wilson(k, n)
        print(f"  {name}: {k}/{n} = {100 * k / max(n, 1):.0f}% ({lo:.0f}-{hi:.0f})")

    labeled = set()
    for x in pairs:
        a, b = find_claim(claims, x["a"]), find_claim(claims, x["b"])
        if a and b:
            labeled.add(frozenset((a, b)))
    inside = conflicts[conflicts["claim_a"].isin(cl["claim_id"]) & conflicts["claim_b"].isin(cl["claim_id"])]
    right = sum(frozenset((a, b)) in labeled for a, b in zip(inside["claim_a"], inside["claim_b"]))
    lo, hi = wilson(right, len(inside))
    print(f"conflicts among the clusters' articles: {len(inside)}; matching a labeled disagreement: {right} "
          f"({100 * right / max(len(inside), 1):.0f}%, {lo:.0f}-{hi:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
