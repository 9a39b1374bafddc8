"""Join the drawn items (make_claim_sample.py) with their labels into claims_yardstick.jsonl.

    python tests/data/merge_claim_labels.py --items ITEMS.jsonl --labels 'LABELS-*.jsonl' \
        [--second 'RELABEL-*.jsonl'] --out tests/data/claims_yardstick.jsonl

Each item keeps its context and split and gains `gold` (the label, CLAIM_LABELING_GUIDE.md)
and, where a second labeler labeled it too, `second` (used by bench/yardstick.py --agreement).
Items with no label yet are left out.
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path


def read_labels(pattern: str) -> dict[str, dict]:
    out = {}
    for path in sorted(glob.glob(pattern)):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                out[label["id"]] = label
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=Path, required=True)
    ap.add_argument("--labels", required=True, help="a glob of label files")
    ap.add_argument("--second", default="", help="a glob of a second labeler's files")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    labels = read_labels(args.labels)
    second = read_labels(args.second) if args.second else {}
    n = 0
    with args.out.open("w", encoding="utf-8") as out:
        for line in args.items.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["id"] not in labels:
                continue
            item["gold"] = {k: v for k, v in labels[item["id"]].items() if k != "id"}
            if item["id"] in second:
                item["second"] = {k: v for k, v in second[item["id"]].items() if k != "id"}
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} labeled items -> {args.out} ({len(second)} with a second label)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
