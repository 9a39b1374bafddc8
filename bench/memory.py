"""Peak memory of `claims run` on the Reuters dump repeated 1x, 10x and 100x (generated here, not committed).

    python bench/memory.py [--times 1 10 100] [--dump ../shared/news-dump/reuters21578.jsonl.gz]
    python bench/memory.py --times 100 --only-dedupe   # the reading and duplicate index alone

`--only-dedupe` runs just the reading and the duplicate index (`article_stream.dedupe` over
`SeenIndex`) over the N-times dump, in a process of its own: the one part of a run whose
state grows with the number of articles, measured at a size a full run reaches only in
hours on a small machine.

Each copy gets new ids and its published dates shifted by 40 days a copy, so the
copies are neither exact duplicates (which would only measure deduplication) nor
all in one conflict window. The peak is the sum of RSS over the run's whole
process tree (parent and workers), sampled every 0.2 s.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DUMP = ROOT.parent / "shared" / "news-dump" / "reuters21578.jsonl.gz"


DEDUPE_ONLY = """
import sys
from pathlib import Path
from pipeline.ingest import read_articles
from pipeline.parts import SeenIndex
from pipeline.article_stream import dedupe as _dedupe
seen = SeenIndex(Path(sys.argv[2]))
n = sum(1 for _ in _dedupe(read_articles([Path(sys.argv[1])]), 5_000_000, seen))
seen.close()
"""


def make_dump(src: Path, times: int, dest: Path) -> int:
    records = [json.loads(line) for line in gzip.open(src, "rt", encoding="utf-8")]
    n = 0
    with gzip.open(dest, "wt", encoding="utf-8", compresslevel=1) as out:
        for k in range(times):
            for rec in records:
                r = dict(rec)
                r["id"] = f"{rec['id']}-c{k}"
                if rec.get("published"):
                    r["published"] = (date.fromisoformat(rec["published"]) + timedelta(days=40 * k)).isoformat()
                if k:
                    r["text"] = f"(copy {k}) " + rec["text"]
                out.write(json.dumps(r) + "\n")
                n += 1
    return n


def peak_rss(cmd: list[str]) -> tuple[float, float, list[float]]:
    """(seconds, peak MB of the process tree, the peak MB in each fifth of the run) for one command.

    The fifths show whether memory grows as the run goes on (it should stay flat)."""
    t0 = time.time()
    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        try:
            procs = [proc] + proc.children(recursive=True)
            samples.append((time.time() - t0, sum(p.memory_info().rss for p in procs if p.is_running())))
        except psutil.Error:
            pass
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"run failed: {proc.stderr.read().decode()[-2000:]}")
    secs = time.time() - t0
    fifths = [max((r for t, r in samples if k * secs / 5 <= t < (k + 1) * secs / 5), default=0) / 2**20
              for k in range(5)]
    return secs, max((r for _, r in samples), default=0) / 2**20, fifths


def report(dump: Path, times_list: list[int], extra: list[str], only_dedupe: bool = False) -> None:
    """Print one row per N: the N-times dump's articles, seconds, articles/s and peak RSS of the run."""
    print(f"{'dump':<10}{'articles':>10}{'seconds':>10}{'articles/s':>12}{'peak RSS MB':>13}")
    for times in times_list:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{dump.name.split('.')[0]}-x{times}.jsonl.gz"
            n = make_dump(dump, times, path)
            if only_dedupe:
                cmd = [sys.executable, "-c", DEDUPE_ONLY, str(path), str(Path(tmp) / "seen.sqlite")]
            else:
                cmd = [sys.executable, "-m", "pipeline", "run", str(path), "--out", str(Path(tmp) / "out"), "--silent",
                       *extra]
            secs, mb, fifths = peak_rss(cmd)
            print(f"{str(times) + 'x':<10}{n:>10,}{secs:>10.0f}{n / secs:>12,.0f}{mb:>13,.0f}"
                  f"   by fifth of the run: {' / '.join(f'{f:,.0f}' for f in fifths)}", flush=True)
            run_json = Path(tmp) / "out" / "run.json"
            if run_json.exists():  # what the run's end (all claims written, conflicts found) had to hold
                info = json.loads(run_json.read_text())
                counts, timings = info["counts"], info["timings_s"]
                print(f"{'':<10}claims {counts['claims']:,}, conflicts {counts['conflicts']:,}; "
                      f"end of run: writing {timings.get('write', 0):,.0f}s, conflicts {timings.get('conflicts', 0):,.0f}s",
                      flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, default=DEFAULT_DUMP)
    ap.add_argument("--times", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--extra", nargs="*", default=[], help="extra options for claims run")
    ap.add_argument("--only-dedupe", action="store_true", help="measure reading + the duplicate index only")
    args = ap.parse_args()
    report(args.dump, args.times, args.extra, args.only_dedupe)


if __name__ == "__main__":
    main()
