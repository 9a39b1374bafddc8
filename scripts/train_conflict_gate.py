"""Fit the conflict gate (pipeline/conflict_gate.py) on the judged conflicts of bench/conflict_audit/.

    python scripts/train_conflict_gate.py            # fit, print the leave-one-audit-out table, save
    python scripts/train_conflict_gate.py --no-save

Each audit round is a draw (`modern-draw-sN.jsonl`, `wire-web-draw-sN.jsonl`: both claims of each conflict
with their sentences) and its verdicts (`judged-sN-part*.jsonl` ...: `real` yes or no, read against
GUIDE.md). The target is `real`. The estimate is a logistic regression over `conflict_gate.FEATURES`. Each
round is scored by a head fitted on the other rounds; the threshold is the least chance at which the latest
rounds' pairs so scored (those drawn from runs of the latest rules: RECENT) were at least TARGET real, with
at least MIN_KEPT pairs kept. The head saved is then fitted on every round. scikit-learn is needed here only.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
AUDIT = ROOT / "bench" / "conflict_audit"
# round -> (draw, verdict files); session 7's verdicts predate the per-session names. Later rounds draw whole
# runs, so most of their pairs were judged in earlier rounds too: judged_pairs keeps one row per pair.
ROUNDS = {"s7": ("modern-draw.jsonl", ("modern-judged.jsonl",)),
          "w8": ("wire-web-draw-s8.jsonl", ("wire-web-judged-part*.jsonl",))}
for _s in ("s8", "s9", "s10", "s11", "s12", "s13", "s13b", "s14", "s14a", "s15", "s16", "s16r", "s17", "s18",
           "s18-final", "s19", "s20", "s20b", "s21", "s22-recall9", "s22"):
    ROUNDS[_s] = (f"modern-draw-{_s}.jsonl", (f"judged-{_s}-part*.jsonl", f"judged-{_s}.jsonl"))
for _s in ("s12", "s13", "s22"):
    ROUNDS["w" + _s[1:]] = (f"wire-web-draw-{_s}.jsonl", (f"wire-web-judged-{_s}-part*.jsonl", f"wire-web-judged-{_s}.jsonl"))
ROUNDS["ry18"] = ("ry-draw-s18.jsonl", ("ry-judged-s18.jsonl",))
# the pairs of the rounds drawn from runs of the latest rules (sessions 16-22; s20b is the band the gate held)
RECENT = ("s16", "s16r", "s17", "s18", "s18-final", "s19", "s20", "s20b", "s21", "s22-recall9", "s22")
TARGET, MIN_KEPT = 0.8, 20
C = 1.0  # within a point of precision at C from 0.1 to 3 (leave-one-audit-out)
_SIDE = ("article_id", "sentence", "figure", "entity", "segment", "metric", "period", "modality", "value")


def judged_pairs() -> list[dict]:
    """Every judged pair of claims once: its draw row with `round` (the first round that drew it, so that a
    round held out takes its pairs' later copies with it), `recent` (drawn by a RECENT round) and `real` (its
    latest verdict: a pair whose claims changed is another pair, judged against the claims as they are)."""
    pairs: dict[tuple, dict] = {}
    for name, (draw, verdict_globs) in ROUNDS.items():
        verdicts = {}
        for pattern in verdict_globs:
            for path in sorted(AUDIT.glob(pattern)):
                for line in path.open():
                    row = json.loads(line)
                    verdicts[row["id"]] = row
        for line in (AUDIT / draw).open():
            row = json.loads(line)
            if row["id"] not in verdicts:
                continue
            key = tuple(sorted(tuple(str(row[s].get(k)) for k in _SIDE) for s in ("a", "b")))
            first = pairs.get(key, {"round": name, "recent": False})
            pairs[key] = {**row, "round": first["round"], "recent": first["recent"] or name in RECENT,
                          "real": verdicts[row["id"]].get("real") == "yes"}
    return list(pairs.values())


def features(row: dict, res) -> tuple[float, ...]:
    from dataclasses import replace

    from pipeline.conflict_gate import pair_features, sentence_cues
    from pipeline.fact_reports import basis_of

    a, b = row["a"], row["b"]
    days = row.get("days_apart")
    if days is None:  # session 7's draws carry only the articles' dates
        days = abs((date.fromisoformat(a["published"][:10]) - date.fromisoformat(b["published"][:10])).days)
    cues = res.conflict_cues
    a_cues, b_cues = (replace(sentence_cues(c["sentence"], c["entity"], cues),
                              extended=basis_of(c["sentence"], c["figure"], res, c["metric"]) == "extended") for c in (a, b))
    return pair_features(cues.family_of.get(a["metric"], "other"), a["modality"], float(a["value"]), float(b["value"]),
                         int(days), a["period"] or "", a_cues, b_cues)


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    from pipeline.conflict_gate import FEATURES, HEAD_FILE
    from pipeline.resources import load_resources

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args()
    res = load_resources()
    rows = judged_pairs()
    x = np.array([features(r, res) for r in rows])
    y = np.array([r["real"] for r in rows])
    rounds = np.array([r["round"] for r in rows])
    chance = np.zeros(len(rows))
    drawn = [name for name in ROUNDS if (rounds == name).any()]  # a round of only earlier pairs has none
    for name in drawn:
        held = rounds == name
        model = LogisticRegression(C=C, max_iter=5000).fit(x[~held], y[~held])
        chance[held] = model.predict_proba(x[held])[:, 1]
    print(f"{len(rows)} judged pairs, {int(y.sum())} real; each round scored by a head fitted without it")
    thresholds = np.round(np.arange(0.1, 0.71, 0.05), 2)
    print("| round | real | " + " | ".join(f">= {t:.2f}" for t in thresholds) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in thresholds) + " |")
    for name in drawn:
        held = rounds == name
        cells = [f"{int(y[held & (chance >= t)].sum())}/{int((held & (chance >= t)).sum())}" for t in thresholds]
        print(f"| {name} | {int(y[held].sum())}/{int(held.sum())} | " + " | ".join(cells) + " |")
    recent = np.array([r["recent"] for r in rows])
    print("| latest rounds | " + " | ".join(f"{int(y[recent & (chance >= t)].sum())}/{int((recent & (chance >= t)).sum())}"
                                            for t in thresholds) + " |")
    threshold = next((float(t) for t in thresholds if (recent & (chance >= t)).sum() >= MIN_KEPT
                      and y[recent & (chance >= t)].mean() >= TARGET), float(thresholds[-1]))
    kept = recent & (chance >= threshold)
    print(f"threshold {threshold:.2f}: latest rounds {int(y[kept].sum())}/{int(kept.sum())} real kept, "
          f"{int(y[kept].sum())} of their {int(y[recent].sum())} real ones")
    model = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    for name, coef in sorted(zip(FEATURES, model.coef_[0]), key=lambda p: -abs(p[1])):
        print(f"  {name:16s} {coef:+.2f}")
    if not args.no_save:
        path = ROOT / "models" / HEAD_FILE
        np.savez(path, features=np.array(FEATURES), coef=model.coef_[0].astype(np.float32),
                 intercept=np.float32(model.intercept_[0]), threshold=np.float32(threshold))
        print(f"saved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
