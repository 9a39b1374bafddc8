"""The transformer stage's metric decisions on the yardstick's weak-cue claims, and a retrained head's.

    PYTHONPATH=. python bench/metric_stage_yardstick.py [--cache /tmp/rows.pkl] [--retrain]

Runs the rules over the yardstick's train+dev articles (never test), matches each labeled
figure to its claim as bench/yardstick.py does, and for the claims `needs_model` calls unsure
prints, per split, (claims asked, switched right, switched wrong) for the shipped head with and
without its gate and consult list, at several margins and gate thresholds. --retrain fits heads
on the head's own training data plus the yardstick's train split (C and the weight of the
yardstick rows on a grid) and prints the same counts: dev is the check. Session 16 (metric6):
see bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from yardstick import DEFAULT_YARDSTICK, DUMP_DIR, DUMPS, load_items  # noqa: E402

from pipeline import encoder  # noqa: E402
from pipeline import metric_model as mm  # noqa: E402
from pipeline.ingest import make_article  # noqa: E402
from pipeline.resources import load_resources  # noqa: E402
from pipeline.runner import process_article  # noqa: E402


def collect(res, model, window: int) -> list[dict]:
    """One row per labeled train/dev claim the rules find: split, gold metric, claim, kind, unsure, context, vector."""
    items = [it for it in load_items(DEFAULT_YARDSTICK, {"train", "dev"})
             if it["gold"].get("is_claim") and it["gold"].get("metric")]
    wanted = {it["article_id"] for it in items}
    claims_by = {}
    for name in sorted({it["dump"] for it in items}):
        path = DUMP_DIR / DUMPS[name]
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                rec = json.loads(line)
                if rec["id"] in wanted:
                    claims_by[rec["id"]] = process_article(make_article(rec, f"{path.name}#{n}", str(path)), res).claims
    rows = []
    for it in items:
        s, e = it["char_start"], it["char_end"]
        best, most = None, 0
        for c in claims_by.get(it["article_id"], ()):
            overlap = min(e, c.char_end) - max(s, c.char_start)
            if overlap > most or (overlap == most and overlap > 0 and c.char_start == s):
                best, most = c, overlap
        if best is not None:
            kind = mm.claim_kind(best, res)
            rows.append({"split": it["split"], "gold": it["gold"]["metric"], "claim": best, "kind": kind,
                         "unsure": mm.needs_model(best, kind, res), "ctx": mm.claim_context(best, kind, window)})
    for r, v in zip(rows, mm.embed_texts(model, [r["ctx"] for r in rows])):
        r["vec"] = v
    return rows


def counts(rows, head, res, consult=None, gate=None, threshold=None) -> dict:
    """Per split: (unsure claims asked, switched to the gold metric, switched away from it)."""
    out = {}
    for split in ("train", "dev"):
        rs = [r for r in rows if r["split"] == split and r["unsure"] and (consult is None or r["claim"].metric in consult)]
        if gate is not None:
            t = gate.threshold if threshold is None else threshold
            rs = [r for r in rs if 1 / (1 + np.exp(-(gate.bias + float(gate.weights[mm.gate_features(
                r["ctx"], r["claim"].metric, r["kind"], len(gate.weights))].sum())))) >= t]
        better = worse = 0
        if rs:
            x = np.hstack([np.array([r["vec"] for r in rs]), mm.rule_onehot([r["claim"].metric for r in rs], res.metric_names)])
            for r, p in zip(rs, head.probabilities(x)):
                picked = head.decide(p, mm.candidate_metrics(r["kind"], res), r["claim"].metric)
                if picked is not None:
                    better += picked == r["gold"] != r["claim"].metric
                    worse += picked != r["gold"] == r["claim"].metric
        out[split] = (len(rs), better, worse)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="rows pickled here (the rules and embeddings take minutes)")
    ap.add_argument("--retrain", action="store_true")
    args = ap.parse_args()
    res = load_resources()
    model = encoder.load_metric_model(None, "cpu")
    head = mm.load_head(res.models_dir, model.name, res.metric_names)
    gate = mm.load_gate(res.models_dir)
    if args.cache and args.cache.exists():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = collect(res, model, head.window)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(rows))
    print("shipped head, gate and consult:", counts(rows, head, res, head.consult, gate))
    print("shipped head, consult, no gate:", counts(rows, head, res, head.consult))
    for t in (0.3, 0.5, 0.8):
        print(f"shipped head, gate threshold {t}:", counts(rows, head, res, head.consult, gate, t))
    for m in (0.5, 0.6, 0.7, 0.8, 0.9):
        print(f"shipped head, every unsure claim, margin {m}:", counts(rows, dataclasses.replace(head, margin=m), res))
    if not args.retrain:
        return
    from metric_eval import rule_claims
    from sklearn.linear_model import LogisticRegression
    data = Path(__file__).resolve().parent.parent / "tests" / "data"
    items = [json.loads(line) for name in ("metric_train.jsonl", "metric_dev.jsonl")
             for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    old = [(it, c, mm.claim_kind(c, res)) for it, c in zip(items, rule_claims(items)) if c is not None]
    old_x = np.hstack([mm.embed_texts(model, [mm.claim_context(c, k, head.window) for _, c, k in old]),
                       mm.rule_onehot([c.metric for _, c, _ in old], res.metric_names)])
    phrases = mm.load_phrases(res.models_dir, res.metric_names)
    phrase_x = np.hstack([mm.phrase_vectors(model, phrases), np.zeros((len(phrases.texts), len(res.metric_names)))])
    train = [r for r in rows if r["split"] == "train"]
    train_x = np.hstack([np.array([r["vec"] for r in train]), mm.rule_onehot([r["claim"].metric for r in train], res.metric_names)])
    x = np.vstack([old_x, phrase_x, train_x])
    y = [it["metric"] for it, _, _ in old] + list(phrases.owners) + [r["gold"] for r in train]
    for c in (16.0, 64.0):
        for weight in (1.0, 3.0):
            w = np.r_[np.ones(len(old_x) + len(phrase_x)), np.full(len(train_x), weight)]
            clf = LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)
            new = mm.MetricHead(clf.coef_, clf.intercept_, tuple(clf.classes_), head.margin, model.name, None, head.window)
            print(f"retrained C={c} yardstick weight {weight}, every unsure claim:", counts(rows, new, res),
                  "consult:", counts(rows, new, res, head.consult))


if __name__ == "__main__":
    main()
