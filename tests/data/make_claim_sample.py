"""Draw claims at random from runs over the three news dumps, for labeling every field (claims_yardstick.jsonl).

Reads the `claims.csv` of a default run over each dump (`claims run DUMP --out DIR`),
shuffles the claims with a fixed seed and keeps them in that order, at most
`--per-article` from one article, until each dump has its quota. No claim is chosen
by hand. Each item carries the figure's context from the article as read, the
pipeline's value and unit (which the labeler judges) and nothing else the pipeline
decided: entity, segment, metric, period and modality are labeled from scratch
(CLAIM_LABELING_GUIDE.md). The split is by article (`split_of`, a hash of the article
id); a training script that also reads the older labeled sets (metric_*.jsonl,
subject_*.jsonl) drops their items whose article falls in this set's dev or test split.

    python tests/data/make_claim_sample.py --run modern=/work/runs/base-modern \
        --run reuters=/work/runs/base-ry --run yahoo=/work/runs/base-ry \
        --quota modern=800 --quota reuters=500 --quota yahoo=500 --out tests/data/claims_items.jsonl
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent
DUMP_DIR = DATA.parents[2] / "shared" / "news-dump"
DUMPS = {"modern": "modern-2025.jsonl.gz", "reuters": "reuters21578.jsonl.gz",
         "yahoo": "yahoo-finance-2017-2020.jsonl.gz"}
SEED = 20261205


def split_of(article_id: str) -> str:
    """train (55%), dev (20%) or test (25%), by a hash of the article id (every claim of an article together)."""
    h = int(hashlib.sha1(f"yardstick-split:{article_id}".encode()).hexdigest(), 16) % 100
    return "train" if h < 55 else "dev" if h < 75 else "test"


def dump_of(article_id: str) -> str:
    return "modern" if article_id.startswith("bw-") else "reuters" if article_id.startswith("reuters") else "yahoo"


def context(text: str, start: int, end: int, sentence: str) -> dict:
    """The figure's sentence (figure marked [[...]]) located in the text as read, and the text around it."""
    probe = sentence[:40]
    at = text.rfind(probe, max(0, start - len(sentence) - 50), start + 1) if probe else -1
    if at < 0 or at > start:  # the cleaned sentence differs from the text: a window of the paragraph
        at = max(text.rfind("\n", 0, start) + 1, start - 300)
        stop = text.find("\n", end)
        stop = min(stop if stop >= 0 else len(text), end + 300)
    else:
        stop = max(end, at + len(sentence))
    return {"before": text[max(0, at - 600):at], "sentence": f"{text[at:start]}[[{text[start:end]}]]{text[end:stop]}",
            "after": text[stop:stop + 250]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", action="append", required=True, help="dump=DIR of a run over that dump")
    ap.add_argument("--quota", action="append", required=True, help="dump=N claims to draw")
    ap.add_argument("--per-article", type=int, default=2)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--prefix", default="cy")
    ap.add_argument("--seed", default=str(SEED), help="another seed draws another set (the yardstick's is the default)")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a labeled set (JSONL) whose articles to leave out, for a set unseen by it")
    args = ap.parse_args()
    excluded = {json.loads(line)["article_id"] for path in args.exclude
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    runs = dict(r.split("=", 1) for r in args.run)
    quota = {k: int(v) for k, v in (q.split("=", 1) for q in args.quota)}
    csv.field_size_limit(sys.maxsize)

    items = []
    for dump, n in quota.items():
        rows = [r for r in csv.DictReader(open(Path(runs[dump]) / "claims.csv", encoding="utf-8", newline=""))
                if dump_of(r["article_id"]) == dump and r["article_id"] not in excluded]
        rows.sort(key=lambda r: r["claim_id"])  # a fixed order before the seeded shuffle
        random.Random(f"{args.seed}:{dump}").shuffle(rows)
        per_article: dict[str, int] = {}
        picked = []
        for r in rows:
            if len(picked) >= n:
                break
            if per_article.get(r["article_id"], 0) >= args.per_article:
                continue
            per_article[r["article_id"]] = per_article.get(r["article_id"], 0) + 1
            picked.append(r)
        wanted = {r["article_id"] for r in picked}
        texts = {}
        with gzip.open(DUMP_DIR / DUMPS[dump], "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    texts[rec["id"]] = rec
        for r in picked:
            rec = texts[r["article_id"]]
            s, e = int(r["char_start"]), int(r["char_end"])
            items.append({
                "article_id": r["article_id"], "dump": dump, "source": rec.get("source") or "",
                "published": rec.get("published") or "", "title": rec.get("title") or "",
                "split": split_of(r["article_id"]), "char_start": s, "char_end": e,
                "lead": rec["text"][:300], **context(rec["text"], s, e, r["sentence"]), "figure": rec["text"][s:e],
                "value": float(r["value"]), "value_low": float(r["value_low"]), "value_high": float(r["value_high"]),
                "unit": r["unit"], "per": r.get("per", ""), "claim_id": r["claim_id"],
            })
    random.Random(args.seed if args.seed != str(SEED) else SEED).shuffle(items)  # labeling batches mix dumps and articles
    with args.out.open("w", encoding="utf-8") as out:
        for k, it in enumerate(items, 1):
            out.write(json.dumps({"id": f"{args.prefix}-{k:04d}", **it}, ensure_ascii=False) + "\n")
    by = {}
    for it in items:
        by[(it["dump"], it["split"])] = by.get((it["dump"], it["split"]), 0) + 1
    print(f"wrote {len(items)} items to {args.out}: " + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(by.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
