"""Train the subject stage's head from the hand-labeled subject claims, and report it on the eval set.

    python scripts/train_subject_head.py [--out models/heads/subject_head.npz] [--no-save]
    python scripts/train_subject_head.py --report     # the shipped head on the eval set

Each labeled item (tests/data/subject_train.jsonl; SUBJECT_LABELING_GUIDE.md) is found
again by running the pipeline over its article from the news dump; its candidates get
`subject_model.structural_features` (position, kind, headline). The head is a logistic
regression, candidate by candidate, "is this the subject". The switch margin is the
smallest at which the seed gold does not move (HEAD_MARGIN); C is picked by 5-fold
cross-validation over articles on the training items, at that margin: the accuracy of
the stage's decision (the head's pick only when it beats the rules' by the margin);
other margins are printed for comparison. The eval set (subject_eval.jsonl) is scored
at the end and takes no part in any choice. scikit-learn is needed here only.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DUMP_DIR = ROOT.parent / "shared" / "news-dump"
C_GRID = (0.1, 1.0, 10.0)
# The seed gold must not move (issue 8). Cross-validation liked 0.1; at 0.1 and 0.2 the head
# took a seed's "Up about 28%, slightly ahead of the Nasdaq's 20% gain" for the Nasdaq (a
# conflict lost); 0.25 is the smallest margin tried at which the seeds score as without the
# stage (measured with ../shared/tools/score_gold.py). C is then picked by cross-validation
# at that margin.
HEAD_MARGIN = 0.25


def labeled(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def find_claims(items: list[dict]):
    """The pipeline's claim for each item (None when it is no longer a weak-route claim with candidates)."""
    from pipeline.ingest import make_article
    from pipeline.metric_model import locate_figure
    from pipeline.resources import load_resources
    from pipeline.runner import process_article

    res = load_resources()
    wanted = {it["article_id"] for it in items}
    claims_by_article = {}
    for name in ("reuters21578.jsonl.gz", "yahoo-finance-2017-2020.jsonl.gz"):
        with gzip.open(DUMP_DIR / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    claims_by_article[rec["id"]] = process_article(make_article(rec, rec["id"], name), res).claims
    out = []
    for it in items:
        hit = None
        for c in claims_by_article.get(it["article_id"], ()):
            if c.sentence == it["sentence"] and c.subject_candidates and locate_figure(c) == (it["figure_start"], it["figure_end"]):
                hit = c
                break
        out.append(hit)
    return out


def dataset(items: list[dict], claims):
    """Per item: candidate keys, features, the index of the labeled subject (-1 when not a candidate)."""
    from pipeline.subject_model import _entity, structural_features

    rows = []
    for it, c in zip(items, claims):
        if c is None:
            rows.append(None)
            continue
        keys, x = structural_features(c)
        names = [_entity(c, k).entity for k in keys]
        gold = names.index(it["subject"]) if it["subject"] in names else -1
        rows.append((keys, x, gold))
    return rows


def fit(rows, c_value: float):
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([r[1] for r in rows])
    y = np.concatenate([[1.0 if i == r[2] else 0.0 for i in range(len(r[0]))] for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c_value, max_iter=2000, class_weight="balanced").fit((x - mean) / scale, y)
    return lr.coef_[0], float(lr.intercept_[0]), mean, scale


def decisions(head, rows) -> tuple[int, int, int]:
    """(rules right, stage right, items) over the rows."""
    from pipeline.subject_model import FEATURES, pick

    rule_col = FEATURES.index("rule")
    ok_rule = ok_stage = 0
    for keys, x, gold in rows:
        rule = [i for i in range(len(keys)) if x[i, rule_col] > 0]
        r = rule[0] if rule else -1
        picked = pick(head, keys, x)
        s = keys.index(picked[0]) if picked is not None else r
        ok_rule += int(r == gold and gold >= 0)
        ok_stage += int(s == gold and gold >= 0)
    return ok_rule, ok_stage, len(rows)


def report(head, evals) -> None:
    """Rules vs stage on the eval items: all of them, and those whose subject is among the candidates."""
    ev = [r for r in evals if r is not None]
    ev_ans = [r for r in ev if r[2] >= 0]
    for name, rows in (("eval, all found", ev), ("eval, subject among candidates", ev_ans)):
        r, s, n = decisions(head, rows)
        print(f"{name}: n={n} rules {r} ({r / max(n, 1):.1%}) stage {s} ({s / max(n, 1):.1%}) "
              f"gain {(s - r) / max(n, 1) * 100:+.1f} pt")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "heads" / "subject_head.npz")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--report", action="store_true", help="only score the shipped head on the eval set (no training)")
    ap.add_argument("--margin", type=float, default=HEAD_MARGIN, help="the switch margin (see HEAD_MARGIN)")
    args = ap.parse_args()
    from pipeline.subject_model import FEATURES, SubjectHead

    train_items, eval_items = labeled(DATA / "subject_train.jsonl"), labeled(DATA / "subject_eval.jsonl")
    if args.report:
        from pipeline.resources import load_resources
        from pipeline.subject_model import load_subject_head

        head = load_subject_head(load_resources().models_dir)
        if head is None:
            sys.exit("no shipped subject head fits these features")
        report(head, dataset(eval_items, find_claims(eval_items)))
        return
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit("training the head needs scikit-learn: pip install scikit-learn")
    train = dataset(train_items, find_claims(train_items))
    evals = dataset(eval_items, find_claims(eval_items))
    lost = sum(r is None for r in train) + sum(r is None for r in evals)
    train_rows = [(r, it) for r, it in zip(train, train_items) if r is not None]
    print(f"{len(train_rows)} training items found again ({lost} of {len(train) + len(evals)} items no longer weak-route)")
    answerable = [(r, it) for r, it in train_rows if r[2] >= 0]
    fold_of = [int(hashlib.sha1(it["article_id"].encode()).hexdigest(), 16) % 5 for _, it in train_rows]
    results = {}
    for c_value in C_GRID:
        for margin in sorted({0.0, 0.1, args.margin, 0.3}):
            tot = np.zeros(3, dtype=int)
            for k in range(5):
                fit_rows = [r for (r, it), f in zip(train_rows, fold_of) if f != k and r[2] >= 0]
                test_rows = [r for (r, it), f in zip(train_rows, fold_of) if f == k]
                coef, b, mean, scale = fit(fit_rows, c_value)
                head = SubjectHead(coef, b, mean, scale, margin)
                tot += decisions(head, test_rows)
            results[(c_value, margin)] = tot
            print(f"CV C={c_value:<5} margin={margin:.1f}: rules {tot[0]}/{tot[2]}, stage {tot[1]}/{tot[2]}")
    c_value = max(C_GRID, key=lambda c: results[(c, args.margin)][1])
    margin = args.margin
    coef, b, mean, scale = fit([r for r, _ in answerable], c_value)
    head = SubjectHead(coef, b, mean, scale, margin)
    print("chosen C", c_value, "margin", margin)
    print("weights:", ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, coef)))
    report(head, evals)
    if not args.no_save:
        np.savez(args.out, coef=coef, intercept=b, mean=mean, scale=scale, margin=margin, features=np.array(FEATURES))
        print("wrote", args.out)


if __name__ == "__main__":
    main()
