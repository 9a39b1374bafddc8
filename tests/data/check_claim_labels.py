"""Check a file of claim labels against CLAIM_LABELING_GUIDE.md's schema; print one line per problem.

    python tests/data/check_claim_labels.py LABELS.jsonl [--items ITEMS.jsonl]

Exits 1 when a label is malformed or (with --items) an item has no label.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MODALITIES = {"actual", "forecast", "estimate", "historical"}
FIELDS = {"id", "is_claim", "value_ok", "entity", "entity_alt", "segment", "metric", "period_start", "period_end",
          "period_label", "modality", "unsure", "note", "value", "value_low", "value_high", "unit"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def vocabulary() -> set[str]:
    metrics = yaml.safe_load((ROOT / "models" / "lexicons" / "metrics.yaml").read_text(encoding="utf-8"))["metrics"]
    return set(metrics) | {"other"}


def problems(label: dict, vocab: set[str]) -> list[str]:
    out = []
    extra = set(label) - FIELDS
    if extra:
        out.append(f"unknown fields {sorted(extra)}")
    if not isinstance(label.get("is_claim"), bool):
        out.append("is_claim must be true or false")
    if label.get("is_claim") is False:
        return out
    if not isinstance(label.get("value_ok"), bool):
        out.append("value_ok must be true or false")
    elif label["value_ok"] is False and ("value" not in label or "unit" not in label):
        out.append("value_ok false needs value and unit")
    for key in ("entity", "segment", "period_label"):
        if not isinstance(label.get(key), str):
            out.append(f"{key} must be a string")
    if not isinstance(label.get("entity_alt", []), list):
        out.append("entity_alt must be a list")
    if label.get("metric") not in vocab:
        out.append(f"metric {label.get('metric')!r} is not in the vocabulary")
    ps, pe = label.get("period_start"), label.get("period_end")
    if not (ps == pe == "" or (isinstance(ps, str) and isinstance(pe, str) and DATE.match(ps) and DATE.match(pe) and ps <= pe)):
        out.append(f"period must be two ISO dates (start <= end) or both empty: {ps!r}..{pe!r}")
    if label.get("modality") not in MODALITIES:
        out.append(f"modality {label.get('modality')!r} is not one of {sorted(MODALITIES)}")
    if not isinstance(label.get("unsure", []), list):
        out.append("unsure must be a list")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", type=Path)
    ap.add_argument("--items", type=Path)
    args = ap.parse_args()
    vocab = vocabulary()
    bad = 0
    seen = set()
    for n, line in enumerate(args.labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"line {n}: not JSON ({exc})")
            bad += 1
            continue
        for p in problems(label, vocab):
            print(f"line {n} ({label.get('id')}): {p}")
            bad += 1
        seen.add(label.get("id"))
    if args.items:
        ids = [json.loads(l)["id"] for l in args.items.read_text(encoding="utf-8").splitlines() if l.strip()]
        for i in ids:
            if i not in seen:
                print(f"{i}: no label")
                bad += 1
    print(f"{len(seen)} labels, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
