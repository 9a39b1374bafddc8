"""Metric accuracy of the rules alone and of the rules plus the transformer stage, and what the stage costs.

    python bench/metric_eval.py [--eval tests/data/metric_eval.jsonl] [--n 600] [--repeats 3] [--no-speed]
    python bench/metric_eval.py --whole --repeats 2   # end to end over both news dumps, default --workers,
                                                      # with the built encoder cached and with an empty cache

Accuracy: each item of the hand-labeled set (tests/data/METRIC_LABELING_GUIDE.md)
is run through `pipeline.extract` as its own one-sentence article with its
published date; the claim whose span overlaps the labeled figure is the
rules' answer (no such claim counts as wrong), and `refine_claims` over those
claims is the stage's. Reported overall, on the claims the stage calls unsure
(`needs_model`), on `hard` items, and for each half of the set (a first look
at 0.05 used me-0001..me-0214; MARGIN itself was set on a dev set and the seed
gold, see pipeline/metric_model.py). `--sweep` prints the accuracy at other
margins, to show how stable the gain is; do not pick MARGIN from it. A second
table shows the stage with the rules' `other` claims sent to the model too
(`include_other`), at the same margin, for comparison.

Cost: `claims run` (pipeline.runner.run, one worker, so the model stays loaded
in this process) over the first N articles of the Yahoo dump with the stage on
and off, after a warm-up run of each; prints articles/s for each repeat, the
median and spread, and the on/off time ratio. The model's one-off load (imports,
weights, phrase table) is timed apart: it is paid once per process, not per batch.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT / "tests" / "data" / "metric_eval.jsonl"
DEFAULT_DUMP = ROOT.parent / "shared" / "news-dump" / "yahoo-finance-2017-2020.jsonl.gz"
HALF = 214  # items me-0001..me-0214, then me-0215..: the two halves are reported apart


def rule_claims(items: list[dict]):
    """The rules' claim for each item (None where no claim overlaps the labeled figure)."""
    import pandas as pd

    from pipeline import extract
    from pipeline.records import TRANSIENT_CLAIM_FIELDS, Claim

    frame = pd.DataFrame([{"id": it["id"], "text": it["sentence"], "published": it["published"]} for it in items])
    claims, _ = extract(frame)
    names = [f.name for f in dataclasses.fields(Claim) if f.name not in TRANSIENT_CLAIM_FIELDS]
    by_article: dict[str, list] = {}
    for row in claims.to_dict("records"):
        fields = {k: (None if isinstance(row[k], float) and math.isnan(row[k]) and k.startswith(("period", "published"))
                      else row[k]) for k in names}
        by_article.setdefault(row["article_id"], []).append(Claim(**fields))
    out = []
    for it in items:
        a, b = it["figure_start"], it["figure_end"]
        overlapping = [c for c in by_article.get(it["id"], []) if c.char_start < b and c.char_end > a]
        out.append(max(overlapping, key=lambda c: min(b, c.char_end) - max(a, c.char_start)) if overlapping else None)
    return out


def accuracy_table(items: list[dict], rules: list, refined: list, unsure: list[bool]) -> list[tuple]:
    """Rows of (subset, n, rules correct, rules+model correct)."""
    subsets = {
        "overall": lambda i: True,
        "unsure (needs_model)": lambda i: unsure[i],
        "hard": lambda i: items[i]["hard"],
        f"overall, me-0001..{HALF:04d}": lambda i: i < HALF,
        f"unsure, me-0001..{HALF:04d}": lambda i: i < HALF and unsure[i],
        f"overall, me-{HALF + 1:04d}..": lambda i: i >= HALF,
        f"unsure, me-{HALF + 1:04d}..": lambda i: i >= HALF and unsure[i],
    }
    rows = []
    for name, keep in subsets.items():
        idx = [i for i in range(len(items)) if keep(i)]
        ok_r = sum(1 for i in idx if rules[i] is not None and rules[i].metric == items[i]["metric"])
        ok_m = sum(1 for i in idx if refined[i] is not None and refined[i].metric == items[i]["metric"])
        rows.append((name, len(idx), ok_r, ok_m))
    return rows


def evaluate(eval_path: Path, margins: list[float], include_other: bool) -> None:
    from pipeline import encoder
    from pipeline import metric_model as mm
    from pipeline.resources import load_resources

    items = [json.loads(line) for line in eval_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    res = load_resources()
    model = encoder.load_metric_model(None, "cpu")
    rules = rule_claims(items)
    found = [c for c in rules if c is not None]
    unsure_by_id = {id(c): mm.needs_model(c, mm.claim_kind(c, res), res, include_other) for c in found}
    unsure = [c is not None and unsure_by_id[id(c)] for c in rules]
    gate = "weak cue or `other`" if include_other else "weak cue (the default)"
    for margin in margins:
        t0 = time.perf_counter()
        new = iter(mm.refine_claims(found, model, res, margin, include_other))
        secs = time.perf_counter() - t0
        refined = [next(new) if c is not None else None for c in rules]
        head = mm.load_head(res.models_dir, model.name, res.metric_names)
        how = f"trained head, margin {head.margin:.2f}" if head else f"metric phrases, margin {margin:.3f}"
        print(f"\n{eval_path.name}: {len(items)} items, {len(items) - len(found)} with no overlapping claim "
              f"(wrong for both); unsure = {gate}: {sum(unsure)}; {how}; stage {secs:.1f}s")
        print(f"{'subset':<44}{'n':>5}{'rules':>9}{'+model':>9}{'gain':>8}")
        for name, n, ok_r, ok_m in accuracy_table(items, rules, refined, unsure):
            if n:
                print(f"{name:<44}{n:>5}{ok_r / n:>9.1%}{ok_m / n:>9.1%}{(ok_m - ok_r) / n * 100:>+7.1f}pt")
        switched = sum(1 for c in refined if c is not None and c.metric_source == "model")
        print(f"switched by the model: {switched}")


def sample(dump: Path, n: int, dest: Path) -> int:
    count = 0
    with gzip.open(dump, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            out.write(line)
            count += 1
            if count >= n:
                break
    return count


def timed_run(path: Path | list[Path], use_model: bool, workers: int = 1) -> float:
    from pipeline.runner import RunOptions, run

    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        info = run(path if isinstance(path, list) else [path],
                   RunOptions(out=Path(out), workers=workers, silent=True, use_model=use_model))
        secs = time.perf_counter() - t0
    if info["model_stage"]["used"] != use_model:
        sys.exit(f"the stage did not {'run' if use_model else 'stay off'}: {info['model_stage']['note']}")
    return secs


def load_seconds() -> float:
    """The stage's one-off cost in a process: imports, weights, the phrase table."""
    from pipeline import encoder
    from pipeline import metric_model as mm
    from pipeline.resources import load_resources

    t0 = time.perf_counter()
    model = encoder.load_metric_model(None, "cpu")
    if model is None:
        sys.exit(f"the stage cannot run: {encoder.model_available(None)[1]}")
    res = load_resources()
    mm.phrase_vectors(model, mm.load_phrases(res.models_dir, res.metric_names))
    return time.perf_counter() - t0


def throughput(dump: Path, n: int, repeats: int, load_secs: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        arts = sample(dump, n, path)
        timed_run(path, False), timed_run(path, True)  # warm-up: caches, lexicons, the model's first batch
        off, on = [], []
        for _ in range(repeats):
            off.append(timed_run(path, False))
            on.append(timed_run(path, True))
    print(f"\n{dump.name}: first {arts} articles, claims run --workers 1, {repeats} repeats after a warm-up")
    for name, secs in (("stage off (--no-model)", off), ("stage on", on)):
        rates = [arts / s for s in secs]
        print(f"{name:<24}{statistics.median(rates):>8.1f} articles/s  (runs: {', '.join(f'{r:.1f}' for r in rates)})")
    ratio = statistics.median(on) / statistics.median(off)
    print(f"time on/off = {ratio:.3f}: the stage costs {(1 - 1 / ratio):.1%} of throughput "
          f"(+{(ratio - 1):.1%} time); its one-off load per process, {load_secs:.1f}s, is not in these runs")


def whole_dump(repeats: int) -> None:
    """End to end over the whole news dump (both files), default --workers, the model's load included.

    Each run is its own `python -m pipeline run` process, as a user would start it (a run in
    this process would fork workers that inherit a model loaded here, and never load one).
    Each repeat times three runs: the stage off; on, with the built encoder in its cache (every
    run after a machine's first); on, with an empty cache, so each worker builds it (a
    machine's first run)."""
    from pipeline import encoder

    dumps = sorted(DEFAULT_DUMP.parent.glob("*.jsonl.gz"))
    workers = os.cpu_count() or 1
    # build the cache when this machine has none, so that the warm runs find it
    subprocess.run([sys.executable, "-c", "from pipeline import encoder; encoder.load_metric_model(None)"], check=True)
    times: dict[str, list[float]] = {"stage off (--no-model)": [], "stage on, cache built": [], "stage on, empty cache": []}
    for _ in range(repeats):
        times["stage off (--no-model)"].append(cli_run(dumps, ["--no-model"]))
        times["stage on, cache built"].append(cli_run(dumps, []))
        with tempfile.TemporaryDirectory() as empty:
            times["stage on, empty cache"].append(cli_run(dumps, [], {"CLAIMS_CACHE": empty}))
    arts = sum(1 for d in dumps for _ in gzip.open(d, "rt", encoding="utf-8"))
    print(f"\nwhole news dump ({', '.join(d.name for d in dumps)}): {arts} articles, `python -m pipeline run` with "
          f"--workers {workers} (the default), {repeats} repeats (built encoder cache: {encoder.cache_dir()})")
    for name, secs in times.items():
        rates = [arts / t for t in secs]
        print(f"{name:<24}{statistics.median(rates):>8.1f} articles/s  (runs: {', '.join(f'{r:.1f}' for r in rates)})")
    off = statistics.median(times["stage off (--no-model)"])
    for name in list(times)[1:]:
        ratio = statistics.median(times[name]) / off
        print(f"{name}: time on/off = {ratio:.3f}, the stage costs {(1 - 1 / ratio):.1%} of end-to-end throughput")


def cli_run(inputs: list[Path], options: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds for one `python -m pipeline run` over `inputs`, process start to exit."""
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "run", *map(str, inputs), "--out", out, "--silent", *options],
                       check=True, cwd=ROOT, env={**os.environ, **(env or {})})
        secs = time.perf_counter() - t0
        used = json.loads((Path(out) / "run.json").read_text())["model_stage"]["used"]
    if used != ("--no-model" not in options):
        sys.exit(f"the stage was {'on' if used else 'off'} in a run with options {options}")
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    ap.add_argument("--n", type=int, default=600, help="articles from the start of the dump for the cost")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--sweep", action="store_true", help="also print accuracy at other margins")
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    ap.add_argument("--whole", action="store_true",
                    help="time the whole news dump end to end with default --workers instead of a sample")
    args = ap.parse_args()
    if args.whole:
        whole_dump(args.repeats)
        return
    load_secs = load_seconds()
    margins = [0.0, 0.02, 0.05, 0.08, 0.1, 0.15] if args.sweep else [None]
    from pipeline.metric_model import MARGIN

    margins = [MARGIN if m is None else m for m in margins]
    evaluate(args.eval, margins, include_other=False)
    evaluate(args.eval, [MARGIN], include_other=True)
    if not args.no_speed:
        throughput(args.dump, args.n, args.repeats, load_secs)


if __name__ == "__main__":
    main()
