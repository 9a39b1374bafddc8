"""Draw claims whose subject the rules took by a weak route, for hand-labeling subjects (subject_*.jsonl).

The subject stage (pipeline/subject_model.py) only reads claims whose subject came
from the sentence at large or from the article's main company (`subject_route`
`sentence` or `main`) while the sentence names some other entity. This script runs
the pipeline over the two news dumps, keeps those claims with their candidate
subjects (every entity the sentence names, plus the article's main company), drops
the articles of the metric eval and dev sets, keeps one claim per sentence and
draws a seeded sample. It writes no rule answer: labels are decided by reading
(SUBJECT_LABELING_GUIDE.md).

    python tests/data/make_subject_sample.py --out /tmp/subj/cands.jsonl [--n 700] [--articles 6000]
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
    return hashlib.sha1(("subject:" + text).encode()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=700)
    ap.add_argument("--articles", type=int, default=6000, help="articles read from each dump")
    ap.add_argument("--prefix", default="su")
    args = ap.parse_args()

    from pipeline.ingest import make_article
    from pipeline.metric_model import locate_figure
    from pipeline.resources import load_resources
    from pipeline.runner import process_article

    res = load_resources()
    held_out = {json.loads(line)["article_id"] for name in ("metric_eval.jsonl", "metric_dev.jsonl")
                for line in (DATA / name).open(encoding="utf-8")}
    pool, seen, routes = [], set(), {}
    for source, name in SOURCES.items():
        with gzip.open(DUMP_DIR / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= args.articles:
                    break
                rec = json.loads(line)
                if rec["id"] in held_out:
                    continue
                art = make_article(rec, rec["id"], name)
                for c in process_article(art, res).claims:
                    routes[c.subject_route] = routes.get(c.subject_route, 0) + 1
                    if not c.subject_candidates or c.rule.startswith("figures.table") or c.sentence in seen:
                        continue
                    start, end = locate_figure(c)
                    if start < 0:
                        continue
                    seen.add(c.sentence)
                    at = art.text.rfind(c.sentence[:40], 0, c.char_start + 1)
                    before = art.text[max(0, at - 400):at] if at > 0 else ""
                    pool.append({"article_id": rec["id"], "source": source, "published": rec.get("published"),
                                 "title": rec.get("title") or "", "before": before, "sentence": c.sentence,
                                 "figure": c.figure, "figure_start": start, "figure_end": end,
                                 "candidates": sorted({cd.entity for cd in c.subject_candidates})})
    picked = sorted(pool, key=lambda it: _key(it["article_id"] + it["sentence"]))[:args.n]
    with args.out.open("w", encoding="utf-8") as out:
        for k, it in enumerate(picked, 1):
            out.write(json.dumps({"id": f"{args.prefix}-{k:04d}", **it}) + "\n")
    print(f"routes: {routes}; {len(pool)} unsure claims; wrote {len(picked)} to {args.out}")


if __name__ == "__main__":
    main()
