"""Train the transformer stage's metric head from the hand-labeled training claims.

    python scripts/train_metric_head.py [--out models/heads/metric_head.npz]

The head is a multinomial logistic regression over the stage's own features: the
claim's context embedding (metric_model.claim_context, WINDOW_WORDS each side, the
figure masked) and the rules' metric, one-hot. Its examples are the hand-labeled
claims of tests/data/metric_train.jsonl and metric_dev.jsonl (never the eval set),
plus the description and example phrases of models/lexicons/metric_descriptions.yaml
as extra examples of their metric (rules' metric unknown). C is picked by 5-fold
cross-validation on the labeled claims, at the switch margin the head will use: the
accuracy of `refine_claims`' decision on the claims `needs_model` calls unsure. scikit-learn is
needed here only; the pipeline reads the weights with numpy.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from pipeline import encoder

from pipeline import metric_model as mm

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "bench"))
# C and the margin go together: a larger C gives surer probabilities, which pass a margin more
# easily. The seed gold must not move (issue 8), and the head, trained on 1987 wire and 2017-2020
# Yahoo stories, flips 2025 seed claims when it is let loose (a share price -> other, market
# shares -> other): with 1,518 labeled claims, C=64 moved the seed metrics at 0.6 (100% -> 93%,
# a conflict lost) and 0.7 (98%), not at 0.8; C=256 (the best in cross-validation at 0.8)
# moved them at 0.8 (95%) and, at 0.9, does worse in cross-validation (60.5%) than C=64 at 0.8
# (61.2%). Measured by running the seeds with ../shared/tools/score_gold.py; the eval set was not used.
C_GRID = (4.0, 16.0, 64.0)
HEAD_MARGIN = 0.8
# The head is asked only about claims whose rules' metric gained this many right answers net
# in cross-validation at the final margin (the rest cost an embedding each for ~nothing).
GATE_MIN_GAIN = 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "heads" / "metric_head.npz")
    ap.add_argument("--margin", type=float, default=HEAD_MARGIN, help="the switch margin (see HEAD_MARGIN)")
    ap.add_argument("--window", type=int, default=mm.WINDOW_WORDS,
                    help="context words each side of the figure (fewer tokens: a cheaper embedding)")
    args = ap.parse_args()
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import KFold
    except ImportError:
        sys.exit("training the head needs scikit-learn: pip install scikit-learn")
    from metric_eval import rule_claims

    from pipeline.resources import load_resources

    res = load_resources()
    model = encoder.load_metric_model(None, "cpu")
    if model is None:
        sys.exit(f"the stage cannot run: {encoder.model_available(None)[1]}")
    items = [json.loads(line) for name in ("metric_train.jsonl", "metric_dev.jsonl")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = rule_claims(items)
    rows = [(it, c, mm.claim_kind(c, res)) for it, c in zip(items, claims) if c is not None]
    print(f"{len(items)} labeled claims, {len(rows)} found by the rules")
    vectors = mm.embed_texts(model, [mm.claim_context(c, k, args.window) for _, c, k in rows])
    features = np.hstack([vectors, mm.rule_onehot([c.metric for _, c, _ in rows], res.metric_names)])
    labels = [it["metric"] for it, _, _ in rows]
    unsure = np.array([mm.needs_model(c, k, res) for _, c, k in rows])
    phrases = mm.load_phrases(res.models_dir, res.metric_names)
    phrase_x = np.hstack([mm.phrase_vectors(model, phrases), np.zeros((len(phrases.texts), len(res.metric_names)))])

    def fit(x, y, c):
        return LogisticRegression(C=c, max_iter=5000).fit(np.vstack([x, phrase_x]), list(y) + list(phrases.owners))

    classes = tuple(sorted(set(labels) | set(phrases.owners)))  # every fold sees them all: the phrases
    margin = args.margin
    idx = np.flatnonzero(unsure)
    rules_right = sum(rows[i][1].metric == labels[i] for i in idx)
    best = None  # (right answers on unsure claims, C, the net gain by the rules' metric)
    for c in C_GRID:
        probs = np.zeros((len(rows), len(classes)))
        for train, test in KFold(5, shuffle=True, random_state=0).split(features):
            clf = fit(features[train], [labels[i] for i in train], c)
            assert tuple(clf.classes_) == classes
            fold_head = mm.MetricHead(clf.coef_, clf.intercept_, classes, margin, model.name)
            probs[test] = fold_head.probabilities(features[test])
        # only its margin and classes are used below, to decide from the folds' probabilities
        head = mm.MetricHead(np.zeros((len(classes), 1)), np.zeros(len(classes)), classes, margin, model.name)
        gains: dict[str, int] = {}
        right = 0
        for i in idx:
            rule = rows[i][1].metric
            picked = head.decide(probs[i], mm.candidate_metrics(rows[i][2], res), rule)
            right += (picked or rule) == labels[i]
            if picked is not None:
                gains[rule] = gains.get(rule, 0) + (picked == labels[i]) - (rule == labels[i])
        print(f"C={c:<5} margin={margin:.1f} window={args.window}: unsure {len(idx)}, rules {rules_right / len(idx):.1%}, "
              f"with the head {right / len(idx):.1%} (5-fold)")
        if best is None or right > best[0]:
            best = (right, c, gains)
    _, c, gains = best
    consult = sorted(m for m, g in gains.items() if g >= GATE_MIN_GAIN)
    asked = sum(1 for i in idx if rows[i][1].metric in consult)
    print(f"net gain by the rules' metric at margin {margin}: {dict(sorted(gains.items(), key=lambda kv: -kv[1]))}")
    print(f"consulted for {', '.join(consult)}: {asked} of {int(unsure.sum())} unsure claims")
    clf = fit(features, labels, c)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out, coef=clf.coef_.astype(np.float32), intercept=clf.intercept_.astype(np.float32),
             classes=np.array(clf.classes_), rule_metrics=np.array(res.metric_names), margin=np.float32(margin),
             model=np.array(model.name), window=np.int32(args.window), consult=np.array(consult))
    print(f"picked C={c}, margin={margin}; wrote {args.out}")


if __name__ == "__main__":
    main()
