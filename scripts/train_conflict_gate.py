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
# round -> (draw, verdict files); session 7's verdicts predate the per-session names
ROUNDS = {"s7": ("modern-draw.jsonl", ("modern-judged.jsonl",)),
          "w8": ("wire-web-draw-s8.jsonl", ("wire-web-judged-part*.jsonl",))}
for _s in ("s8", "s9", "s10", "s11", "s12", "s13", "s13b", "s14a"):
    ROUNDS[_s] = (f"modern-draw-{_s}.jsonl", (f"judged-{_s}-part*.jsonl",))
for _s in ("s12", "s13"):
    ROUNDS["w" + _s[1:]] = (f"wire-web-draw-{_s}.jsonl", (f"wire-web-judged-{_s}-part*.jsonl",))
RECENT = ("s12", "s13", "s13b", "s14a")
TARGET, MIN_KEPT = 0.8, 20
C = 1.0  # within a point of precision at C from 0.1 to 3 (leave-one-audit-out)


def judged_pairs() -> list[dict]:
    """Every judged conflict: its draw row with `round` and `real` added."""
    out = []
    for name, (draw, verdict_globs) in ROUNDS.items():
        verdicts = {}
        for pattern in verdict_globs:
            for path in sorted(AUDIT.glob(pattern)):
                for line in path.open():
                    row = json.loads(line)
                    verdicts[row["id"]] = row
        for line in (AUDIT / draw).open():
            row = json.loads(line)
            if row["id"] in verdicts:
                out.append({**row, "round": name, "real": verdicts[row["id"]].get("real") == "yes"})
    return out


def features(row: dict, res) -> tuple[float, ...]:
    from pipeline.conflict_gate import pair_features, sentence_cues

    a, b = row["a"], row["b"]
    days = row.get("days_apart")
    if days is None:  # session 7's draws carry only the articles' dates
        days = abs((date.fromisoformat(a["published"][:10]) - date.fromisoformat(b["published"][:10])).days)
    cues = res.conflict_cues
    return pair_features(cues.family_of.get(a["metric"], "other"), a["modality"], float(a["value"]), float(b["value"]),
                         int(days), a["period"] or "", sentence_cues(a["sentence"], a["entity"], cues),
                         sentence_cues(b["sentence"], b["entity"], cues))


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
    for name in ROUNDS:
        held = rounds == name
        model = LogisticRegression(C=C, max_iter=5000).fit(x[~held], y[~held])
        chance[held] = model.predict_proba(x[held])[:, 1]
    print(f"{len(rows)} judged conflicts, {int(y.sum())} real; each round scored by a head fitted without it")
    thresholds = np.round(np.arange(0.1, 0.71, 0.05), 2)
    print("| round | real | " + " | ".join(f">= {t:.2f}" for t in thresholds) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in thresholds) + " |")
    for name in ROUNDS:
        held = rounds == name
        cells = [f"{int(y[held & (chance >= t)].sum())}/{int((held & (chance >= t)).sum())}" for t in thresholds]
        print(f"| {name} | {int(y[held].sum())}/{int(held.sum())} | " + " | ".join(cells) + " |")
    recent = np.isin(rounds, RECENT)
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
