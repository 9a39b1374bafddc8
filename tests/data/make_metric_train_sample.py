"""Draw the claims the transformer stage sees, for hand-labeling a training set (metric_train.jsonl).

The stage (pipeline/metric_model.py) only reads claims whose metric rests on a weak cue
(`needs_model`) and, optionally, those the rules left `other`. This script runs the
pipeline over the two news dumps, keeps those claims, drops every article that is in
the eval or dev set (tests/data/metric_eval.jsonl, metric_dev.jsonl), keeps one claim
per sentence, and draws a seeded sample. It assigns no metric and writes no rule
answer: labels are decided by reading (METRIC_LABELING_GUIDE.md).

    python tests/data/make_metric_train_sample.py --out /tmp/train/cands.jsonl [--n 600]

A second batch reads further into the dumps and leaves out sentences already labeled:

    python tests/data/make_metric_train_sample.py --out /tmp/train2/cands.jsonl --skip 4000 \
        --articles 12000 --exclude tests/data/metric_train.jsonl --prefix mt2
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from pathlib import Path

DUMP_DIR = Path(__file__).resolve().parents[3] / "shared" / "news-dump"
DATA = Path(__file__).resolve().parent
SOURCES = {"reuters": "reuters21578.jsonl.gz", "yahoo": "yahoo-finance-2017-2020.jsonl.gz"}


def _key(text: str) -> str:
    return hashlib.sha1(("metric-train:" + text).encode()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=600, help="claims to draw (weak-cue 3/4, rules' `other` 1/4)")
    ap.add_argument("--articles", type=int, default=4000, help="articles read from each dump")
    ap.add_argument("--skip", type=int, default=0, help="Reuters articles skipped first (Yahoo, the smaller dump, is read whole)")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="labeled files whose sentences are not drawn again")
    ap.add_argument("--prefix", default="mt", help="item ids: PREFIX-0001...")
    args = ap.parse_args()

    from pipeline.ingest import make_article
    from pipeline.metric_model import claim_kind, locate_figure, needs_model
    from pipeline.resources import load_resources
    from pipeline.runner import process_article

    res = load_resources()
    held_out = {json.loads(line)["article_id"] for name in ("metric_eval.jsonl", "metric_dev.jsonl")
                for line in (DATA / name).open(encoding="utf-8")}
    seen = {json.loads(line)["sentence"] for path in [DATA / "metric_eval.jsonl", DATA / "metric_dev.jsonl", *args.exclude]
            for line in path.open(encoding="utf-8")}
    weak, other = [], []
    for source, name in SOURCES.items():
        with gzip.open(DUMP_DIR / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= args.articles:
                    break
                if source == "reuters" and i < args.skip:
                    continue
                rec = json.loads(line)
                if rec["id"] in held_out:
                    continue
                art = make_article(rec, rec["id"], name)
                for c in process_article(art, res, use_ner=False).claims:
                    kind = claim_kind(c, res)
                    if c.rule.startswith("figures.table") or kind == "word_change" or c.sentence in seen:
                        continue
                    start, end = locate_figure(c)
                    if start < 0:
                        continue
                    item = {"article_id": rec["id"], "source": source, "published": rec.get("published"),
                            "title": rec.get("title") or "", "sentence": c.sentence, "figure": c.figure,
                            "figure_start": start, "figure_end": end, "kind": kind}
                    if c.metric == "other":
                        other.append(item)
                    elif needs_model(c, kind, res):
                        weak.append(item)
                    else:
                        continue
                    seen.add(c.sentence)
    n_other = args.n // 4
    picked = sorted(weak, key=lambda it: _key(it["sentence"]))[:args.n - n_other] + \
        sorted(other, key=lambda it: _key(it["sentence"]))[:n_other]
    picked.sort(key=lambda it: _key(it["article_id"] + it["sentence"]))
    with args.out.open("w", encoding="utf-8") as out:
        for k, it in enumerate(picked, 1):
            out.write(json.dumps({"id": f"{args.prefix}-{k:04d}", **it}) + "\n")
    print(f"{len(weak)} weak-cue and {len(other)} `other` claims; wrote {len(picked)} to {args.out}")


if __name__ == "__main__":
    main()
