"""Every field of the claims, scored against the hand-labeled yardstick (issue 15).

    python bench/yardstick.py                     # default settings, the train and dev splits
    python bench/yardstick.py --fast --split dev  # the rules-only mode
    python bench/yardstick.py --split test        # rarely: the held-out split
    python bench/yardstick.py --run DIR           # score an existing run's claims.csv instead
    python bench/yardstick.py --yardstick tests/data/claims_uniform.jsonl --split train --split dev --split test
                                                  # 100 modern claims drawn uniformly (no cap per article)

The yardstick (`tests/data/claims_yardstick.jsonl`, CLAIM_LABELING_GUIDE.md) holds claims
drawn at random from runs over the three news dumps, each labeled by reading, at most 3 an article;
`claims_uniform.jsonl` (session 19) holds 100 drawn uniformly from all of a modern run's claims, from
articles outside the yardstick, where list rows and table cells weigh as much as they occur (20-25
points lower on every field; tests/data/uniform/ holds its items, labels and the labelers' task). This script
runs `claims run` (in this process's code, default settings unless --fast) over the
labeled articles, matches each labeled figure to the claim whose span overlaps it, and
prints, per dump and overall, the share right of each field with its 95% interval
(Wilson). Fields are scored on items labeled a claim; an item whose figure the run no
longer finds counts as wrong in `all` and is reported as `found`. The rules for a match:

- value: within 1% of the labeled value (both ends for a range), same unit;
- entity: equal after `norm_entity` to the label or one of its `entity_alt`, or the claim's
  entity_id equal to one of them;
- segment: where one is labeled, the claim's segment shares a word with it after `norm_entity`;
  where none is, the claim's is empty;
- metric, modality: equal;
- period: both empty, or each end within a day (spans of up to 7 days) or 7 days (longer);
- all: every field above right.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_YARDSTICK = ROOT / "tests" / "data" / "claims_yardstick.jsonl"
DUMP_DIR = ROOT.parent / "shared" / "news-dump"
DUMPS = {"modern": "modern-2025.jsonl.gz", "reuters": "reuters21578.jsonl.gz", "yahoo": "yahoo-finance-2017-2020.jsonl.gz"}
FIELDS = ("value", "entity", "segment", "metric", "period", "modality", "all")

# Words that name a company's legal form or are left off its short name; dropped before names are compared.
_LEGAL = frozenset("""inc incorporated corp corporation co company cos ltd limited plc llc lp llp ag sa se nv bv
spa sab ab asa oyj as kgaa group holdings holding hldgs the bancorp trust""".split())
# Spellings of one place or body that news uses interchangeably.
_SAME = {"us": "united states", "usa": "united states", "america": "united states", "u s": "united states",
         "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
         "eurozone": "euro zone", "euro area": "euro zone", "fed": "federal reserve",
         "us treasury": "united states treasury", "treasuries": "united states treasury",
         "us treasuries": "united states treasury", "boe": "bank of england", "ecb": "european central bank",
         "boj": "bank of japan", "rbi": "reserve bank of india", "pboc": "people s bank of china"}


def norm_entity(name: str) -> str:
    """A name reduced for comparison: lower case, no accents or punctuation, no legal-form words.

    >>> norm_entity("Apple Inc.") == norm_entity("apple")
    True
    >>> norm_entity("U.S.")
    'united states'
    """
    s = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode().lower()
    s = s.replace("&", " and ").replace("'s", "").replace("’s", "")
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    words = [w for w in s.split() if w not in _LEGAL] or s.split()
    s = " ".join(words)
    return _SAME.get(s, s)


def entity_right(claim: dict, gold: dict) -> bool:
    wanted = {norm_entity(n) for n in [gold["entity"], *gold.get("entity_alt", [])] if n}
    if not wanted:
        return not claim.get("entity")
    return norm_entity(claim.get("entity", "")) in wanted or norm_entity(claim.get("entity_id", "")) in wanted


def segment_right(claim: dict, gold: dict) -> bool:
    want, got = norm_entity(gold.get("segment", "")), norm_entity(claim.get("segment", ""))
    if not want:
        return not got
    return bool(got) and bool(set(want.split()) & set(got.split()))


def _day(s) -> date | None:
    s = str(s or "")[:10]
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def period_right(claim: dict, gold: dict) -> bool:
    gs, ge = _day(gold.get("period_start")), _day(gold.get("period_end"))
    cs, ce = _day(claim.get("period_start")), _day(claim.get("period_end"))
    if gs is None or ge is None:
        return cs is None and ce is None
    if cs is None or ce is None:
        return False
    tol = 1 if (ge - gs).days <= 7 else 7
    return abs((cs - gs).days) <= tol and abs((ce - ge).days) <= tol


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * abs(b) if b else abs(a) < 1e-9


def value_right(claim: dict, item: dict, gold: dict) -> bool:
    if gold.get("value_ok", True):
        want = (item["value_low"], item["value_high"], item["unit"])
    else:
        v = gold.get("value")
        want = (gold.get("value_low", v), gold.get("value_high", v), gold.get("unit"))
    try:
        lo, hi = float(claim["value_low"]), float(claim["value_high"])
    except (TypeError, ValueError, KeyError):
        return False
    if want[0] is None or want[1] is None:
        return False
    if str(claim.get("unit")) != str(want[2]):
        return False
    if _close(lo, float(want[0])) and _close(hi, float(want[1])):
        return True
    # a loss, a deficit and a loss per share are written either way (CLAIM_LABELING_GUIDE.md)
    either_sign = gold.get("metric") in ("loss", "trade_balance") or (
        gold.get("metric") == "eps" and "loss" in item.get("sentence", "").lower())
    return either_sign and _close(abs(lo), abs(float(want[0]))) and _close(abs(hi), abs(float(want[1])))


def field_marks(claim: dict | None, item: dict) -> dict[str, bool]:
    """Each field right or not for one labeled claim (all False where the run found no claim)."""
    gold = item["gold"]
    if claim is None:
        return dict.fromkeys(FIELDS, False)
    marks = {
        "value": value_right(claim, item, gold),
        "entity": entity_right(claim, gold),
        "segment": segment_right(claim, gold),
        "metric": claim.get("metric") == gold["metric"],
        "period": period_right(claim, gold),
        "modality": claim.get("modality") == gold["modality"],
    }
    marks["all"] = all(marks.values())
    return marks


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a share k/n."""
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def match(items: list[dict], claims: list[dict]) -> dict[str, dict | None]:
    """The run's claim for each labeled figure: same article, overlapping span, most overlap first."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_article[c["article_id"]].append(c)
    out = {}
    for it in items:
        s, e = it["char_start"], it["char_end"]
        best, best_overlap = None, 0
        for c in by_article.get(it["article_id"], ()):
            cs, ce = int(float(c["char_start"])), int(float(c["char_end"]))
            overlap = min(e, ce) - max(s, cs)
            if overlap > best_overlap or (overlap == best_overlap and overlap > 0 and cs == s):
                best, best_overlap = c, overlap
        out[it["id"]] = best
    return out


def load_items(path: Path, splits: set[str]) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [it for it in items if it["split"] in splits and it.get("gold")]


def run_on_items(items: list[dict], fast: bool, workers: int, parse: bool = False) -> tuple[list[dict], float]:
    """`claims run` over the labeled articles (default settings, or --fast); its claims and seconds."""
    from pipeline.runner import RunOptions, run

    wanted = {it["article_id"] for it in items}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as out:
            for name in sorted({it["dump"] for it in items}):
                with gzip.open(DUMP_DIR / DUMPS[name], "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if json.loads(line)["id"] in wanted:
                            out.write(line)
        t0 = time.perf_counter()
        run([src], RunOptions(out=Path(tmp) / "out", workers=workers, silent=True, fast=fast, parse=parse))
        secs = time.perf_counter() - t0
        return read_claims(Path(tmp) / "out"), secs


def read_claims(run_dir: Path) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    with open(run_dir / "claims.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Table:
    rows: dict  # group -> field -> [right, total]

    def add(self, group: str, marks: dict[str, bool]) -> None:
        for f, ok in marks.items():
            cell = self.rows.setdefault(group, {}).setdefault(f, [0, 0])
            cell[0] += ok
            cell[1] += 1

    def render(self) -> str:
        lines = ["| group | n | " + " | ".join(FIELDS) + " |", "| --- | ---: |" + " ---: |" * len(FIELDS)]
        for group, cells in self.rows.items():
            n = cells["all"][1]
            out = []
            for f in FIELDS:
                k, m = cells.get(f, [0, 0])
                lo, hi = wilson(k, m)
                out.append(f"{100 * k / m:.1f} ({100 * lo:.0f}-{100 * hi:.0f})" if m else "-")
            lines.append(f"| {group} | {n} | " + " | ".join(out) + " |")
        return "\n".join(lines)


def score(items: list[dict], claims: list[dict]) -> tuple[Table, dict]:
    matched = match(items, claims)
    table = Table({})
    details = {}
    for it in items:
        gold = it["gold"]
        if not gold.get("is_claim", True):
            continue
        claim = matched[it["id"]]
        marks = field_marks(claim, it)
        found = claim is not None
        for group in ("all dumps", it["dump"]):
            table.add(group, marks)
            table.rows[group].setdefault("found", [0, 0])
            table.rows[group]["found"][0] += found
            table.rows[group]["found"][1] += 1
        details[it["id"]] = {"marks": marks, "claim": claim}
    seg = Table({})
    for it in items:
        gold = it["gold"]
        if gold.get("is_claim", True) and gold.get("segment"):
            seg.add("segment labeled", {"segment": details[it["id"]]["marks"]["segment"]})
    return table, {"details": details, "segment_labeled": seg.rows.get("segment labeled", {}).get("segment", [0, 0])}


CONFIDENCE_BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def calibration(details: dict) -> list[tuple[str, int, float, int]]:
    """(band, claims, mean confidence, claims with entity, metric and period all right) per band of the found claims'
    `confidence`, which estimates that chance (pipeline/confidence.py)."""
    found = [(float(d["claim"]["confidence"]), all(d["marks"][f] for f in ("entity", "metric", "period")))
             for d in details.values() if d["claim"] is not None and d["claim"].get("confidence") not in (None, "")]
    out = []
    for lo, hi in zip(CONFIDENCE_BANDS, CONFIDENCE_BANDS[1:]):
        band = [(p, ok) for p, ok in found if lo <= p < hi]
        if band:
            out.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(band), sum(p for p, _ in band) / len(band), sum(ok for _, ok in band)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--yardstick", type=Path, default=DEFAULT_YARDSTICK)
    ap.add_argument("--split", action="append", choices=["train", "dev", "test"],
                    help="splits to score (default: train and dev; test only when you mean it)")
    ap.add_argument("--fast", action="store_true", help="the rules-only mode (claims run --fast)")
    ap.add_argument("--parse", action="store_true", help="with the parse's subject features (claims run --parse)")
    ap.add_argument("--run", type=Path, help="score this run's claims.csv instead of running the pipeline")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--errors", type=Path, help="write every item with its claim and marks here (JSONL)")
    args = ap.parse_args()
    splits = set(args.split or ["train", "dev"])
    items = load_items(args.yardstick, splits)
    if args.run:
        claims, secs = read_claims(args.run), 0.0
    else:
        claims, secs = run_on_items(items, args.fast, args.workers, args.parse)
    table, extra = score(items, claims)
    n_claims = sum(1 for it in items if it["gold"].get("is_claim", True))
    k_seg, n_seg = extra["segment_labeled"]
    lo, hi = wilson(k_seg, n_seg)
    print(f"yardstick {args.yardstick.name}, splits {'+'.join(sorted(splits))}, {'--fast' if args.fast else '--parse' if args.parse else 'default'}"
          f"{'' if args.run else f', run {secs:.1f} s'}: {len(items)} items, {n_claims} labeled claims")
    print(table.render())
    if n_seg:
        print(f"segment where one is labeled: {100 * k_seg / n_seg:.1f}% ({100 * lo:.0f}-{100 * hi:.0f}) of {n_seg}")
    for group, cells in table.rows.items():
        k, m = cells["found"]
        print(f"found ({group}): {k}/{m}")
    print("| confidence | claims | mean confidence | entity, metric and period right |\n| --- | ---: | ---: | ---: |")
    for band, m, mean, k in calibration(extra["details"]):
        lo, hi = wilson(k, m)
        print(f"| {band} | {m} | {mean:.2f} | {100 * k / m:.0f}% ({100 * lo:.0f}-{100 * hi:.0f}) |")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for it in items:
                d = extra["details"].get(it["id"])
                if d is None:
                    continue
                out.write(json.dumps({"id": it["id"], "item": {k: it[k] for k in ("article_id", "dump", "title", "published", "sentence", "figure")},
                                      "gold": it["gold"], "marks": d["marks"], "claim": d["claim"]}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
