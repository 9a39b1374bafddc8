"""Draw clusters of modern articles about one subject within two days, from different outlets, at
random (fixed seed), for finding real cross-outlet disagreements by reading (issue 16's recall set).

    PYTHONPATH=. python bench/recall/draw_clusters.py RUN_DIR --n 80 --seed 16 --out bench/recall/clusters.jsonl
    PYTHONPATH=. python bench/recall/draw_clusters.py RUN_DIR --n 40 --min-outlets 2 --prefix m \
        --exclude bench/recall/clusters.jsonl --out bench/recall/clusters-2.jsonl

A cluster is found from the run's own claims only to know what each article is about: an article's
subject is the entity its title names (entity_source 'title'),
kept where two titles or more spell it, which drops words the title route mistakes for names. The readers then list every fact that
two articles state with different values, whatever the run extracted (RECALL_GUIDE.md), so the set
measures what the run flags without being drawn from its conflicts.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import defaultdict
from datetime import date
from pathlib import Path

DUMP = Path(__file__).resolve().parents[2].parent / "shared" / "news-dump" / "modern-2025.jsonl.gz"
MAX_ARTICLES = 4
MAX_CHARS = 6000  # a reader's budget per article; the lead holds most figures


def title_subjects(run: Path) -> dict[str, str]:
    import pandas as pd

    claims = pd.read_parquet(run / "claims.parquet", columns=["article_id", "entity", "entity_source"])
    titled = claims[claims["entity_source"] == "title"]
    return titled.groupby("article_id")["entity"].agg(lambda s: s.mode().iloc[0]).to_dict()


def clusters(articles: list[dict], subjects: dict[str, str], min_outlets: int = 3) -> list[list[dict]]:
    by_subject = defaultdict(list)
    for a in articles:
        if a["id"] in subjects:
            by_subject[subjects[a["id"]]].append(a)
    out = []
    for subject, group in by_subject.items():
        group.sort(key=lambda a: a["published"])
        i = 0
        while i < len(group):
            day0 = date.fromisoformat(group[i]["published"][:10])
            window = [a for a in group[i:] if (date.fromisoformat(a["published"][:10]) - day0).days <= 2]
            picked, sources, titles = [], set(), set()
            for a in window:
                if a["source"] not in sources and a["title"].lower() not in titles:
                    picked.append(a)
                    sources.add(a["source"])
                    titles.add(a["title"].lower())
            named = [a for a in picked if subject.lower() in a["title"].lower()]
            if len(picked) >= min_outlets and len(named) >= 2:
                out.append([{**a, "subject": subject} for a in picked])
            i += len(window)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--dump", type=Path, default=DUMP)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--prefix", default="k", help="cluster ids are PREFIX000, PREFIX001...")
    ap.add_argument("--min-outlets", type=int, default=3)
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a clusters file drawn before: clusters sharing an article with it are not drawn again")
    args = ap.parse_args()
    subjects = title_subjects(args.run)
    with gzip.open(args.dump, "rt", encoding="utf-8") as fh:
        articles = [a for a in map(json.loads, fh) if a.get("id") in subjects]
    seen = {a["article_id"] for path in args.exclude for line in path.open(encoding="utf-8")
            for a in json.loads(line)["articles"]}
    pool = [g for g in clusters(articles, subjects, args.min_outlets) if not seen & {a["id"] for a in g}]
    rng = random.Random(args.seed)
    drawn = rng.sample(pool, min(args.n, len(pool)))
    with args.out.open("w", encoding="utf-8") as fh:
        for k, group in enumerate(drawn):
            group = rng.sample(group, min(MAX_ARTICLES, len(group)))
            item = {"id": f"{args.prefix}{k:03d}", "subject": group[0]["subject"],
                    "articles": [{"article_id": a["id"], "source": a["source"], "published": a["published"],
                                  "title": a["title"], "text": a["text"][:MAX_CHARS]} for a in group]}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} of {len(pool):,} clusters (one subject, two days, {args.min_outlets} or more outlets) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
