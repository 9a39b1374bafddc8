"""Train the subject head (pipeline/subjects.py) on the yardstick's train split; report train and dev.

    python scripts/train_subject_ranker.py            # both heads: with the parse (--parse), and without it
    python scripts/train_subject_ranker.py --no-save  # report only

Each labeled claim of the yardstick (tests/data/claims_yardstick.jsonl, CLAIM_LABELING_GUIDE.md)
is found again by running the pipeline over its article with a trace of every figure's
candidate subjects (`process_article(trace=...)`). A candidate is right when its name or id
matches the labeled entity as bench/yardstick.py scores it. The head is a logistic
regression, candidate by candidate ("is this the subject"); the subject is the candidate it
scores highest. C is picked by 5-fold cross-validation over the train split's articles; the
dev split is reported and takes no part in any choice; the test split is never read here.
scikit-learn is needed here only.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DUMP_DIR = ROOT.parent / "shared" / "news-dump"
YARDSTICK = ROOT / "tests" / "data" / "claims_yardstick.jsonl"
DUMPS = {"modern": "modern-2025.jsonl.gz", "reuters": "reuters21578.jsonl.gz", "yahoo": "yahoo-finance-2017-2020.jsonl.gz"}
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def load_items(splits: set[str]) -> list[dict]:
    items = [json.loads(line) for line in YARDSTICK.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [it for it in items if it["split"] in splits and it["gold"].get("is_claim") and it["gold"].get("entity")]


def articles_for(items: list[dict]) -> dict[str, dict]:
    wanted = {it["article_id"] for it in items}
    out = {}
    for dump in sorted({it["dump"] for it in items}):
        with gzip.open(DUMP_DIR / DUMPS[dump], "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    out[rec["id"]] = rec
    return out


def traced(items: list[dict], records: dict[str, dict], fast: bool) -> list[tuple[dict, list]]:
    """(item, candidates) for each item whose figure the pipeline finds."""
    from pipeline.ingest import make_article
    from pipeline.resources import load_resources
    from pipeline.runner import process_article

    res = load_resources()
    traces: dict[str, list] = {}
    for aid, rec in records.items():
        trace: list = []
        process_article(make_article(rec, aid, "yardstick"), res, parse=not fast, trace=trace)
        traces[aid] = trace
    out = []
    for it in items:
        best = None
        for (s, e), cands, _ in traces.get(it["article_id"], ()):
            overlap = min(e, it["char_end"]) - max(s, it["char_start"])
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, cands)
        if best is not None:
            out.append((it, best[1]))
    return out


def rows(pairs: list[tuple[dict, list]]):
    """Feature rows, labels, the item index of each row, and the items with a right candidate."""
    from yardstick import norm_entity

    x, y, group = [], [], []
    for k, (it, cands) in enumerate(pairs):
        wanted = {norm_entity(n) for n in [it["gold"]["entity"], *it["gold"].get("entity_alt", [])] if n}
        for c in cands:
            x.append(c.features)
            y.append(int(norm_entity(c.entity) in wanted or norm_entity(c.entity_id) in wanted))
            group.append(k)
    return np.asarray(x, dtype=np.float64), np.asarray(y), np.asarray(group)


def top1(coef: np.ndarray, intercept: float, x: np.ndarray, y: np.ndarray, group: np.ndarray, n_items: int) -> float:
    """Share of items whose chosen candidate (`subject_ranker.choose`: the head, and the rules' attached override) is
    right; items without candidates count wrong."""
    from pipeline.subject_ranker import SubjectHead, choose
    from pipeline.subjects import FEATURES, Candidate

    if n_items == 0:
        return 0.0
    head = SubjectHead(coef, intercept, FEATURES)
    right = 0
    for k in np.unique(group):
        idx = np.where(group == k)[0]
        cands = [Candidate(str(i), str(i), "", "", "", 0, 0, tuple(x[i])) for i in idx]
        best, _ = choose(cands, head)
        right += int(y[int(best.entity)])
    return right / n_items


def fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def cross_validate(pairs: list, c: float, folds: int = 5) -> float:
    import hashlib

    fold_of = [int(hashlib.sha1(it["article_id"].encode()).hexdigest(), 16) % folds for it, _ in pairs]
    right = total = 0
    for f in range(folds):
        train = [p for p, k in zip(pairs, fold_of) if k != f]
        test = [p for p, k in zip(pairs, fold_of) if k == f]
        x, y, _ = rows(train)
        coef, b = fit(x, y, c)
        xt, yt, gt = rows(test)
        right += top1(coef, b, xt, yt, gt, len(test)) * len(test)
        total += len(test)
    return right / total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--only", choices=["parse", "fast"], help="train one of the two heads")
    args = ap.parse_args()
    from pipeline.resources import load_resources
    from pipeline.subject_ranker import FAST_HEAD_FILE, HEAD_FILE
    from pipeline.subjects import FEATURES

    train_items, dev_items = load_items({"train"}), load_items({"dev"})
    records = articles_for(train_items + dev_items)
    models_dir = load_resources().models_dir
    for fast, head_file in ((False, HEAD_FILE), (True, FAST_HEAD_FILE)):
        if args.only and args.only != ("fast" if fast else "parse"):
            continue
        train, dev = traced(train_items, records, fast), traced(dev_items, records, fast)
        x, y, g = rows(train)
        covered = len({k for k, v in zip(g, y) if v})
        cv = {c: cross_validate(train, c) for c in C_GRID}
        best_c = max(cv, key=cv.get)
        coef, b = fit(x, y, best_c)
        xd, yd, gd = rows(dev)
        dev_cov = len({k for k, v in zip(gd, yd) if v})
        print(f"{'fast' if fast else 'parse'}: train {len(train)}/{len(train_items)} found, right candidate in {covered}; "
              f"CV top-1 by C {', '.join(f'{c}: {v:.3f}' for c, v in cv.items())}; C={best_c}")
        print(f"  train top-1 {top1(coef, b, x, y, g, len(train_items)):.3f} (of all labeled); dev top-1 "
              f"{top1(coef, b, xd, yd, gd, len(dev_items)):.3f} of {len(dev_items)} (right candidate in {dev_cov})")
        for name, w in sorted(zip(FEATURES, coef), key=lambda t: -abs(t[1]))[:12]:
            print(f"    {name:22} {w:+.2f}")
        if not args.no_save:
            np.savez(models_dir / head_file, coef=coef, intercept=np.float64(b), features=np.array(FEATURES),
                     c=np.float64(best_c))
            print(f"  wrote {models_dir / head_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
