"""Time the review page's list over a large synthetic run (the issue asks for < 200 ms a page).

    python bench/review_pages.py                 # 100,000 conflicts, 15 runs a page
    python bench/review_pages.py --conflicts 20000 --runs 5

Builds the run in a temporary folder (pipeline.review.sample.synthetic_run), warms
up once per page, then times each page through Starlette's TestClient (so the
figure includes routing, SQL and template rendering, but no network) and prints
the median and the spread in ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with warnings.catch_warnings():  # starlette >= 1.0 prefers httpx2 but still runs on httpx
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from pipeline.review import create_app  # noqa: E402
from pipeline.review.sample import synthetic_run  # noqa: E402

PAGES = (
    ("first page", "/conflicts"),
    ("deep page (1,500 of 2,000)", "/conflicts?page=1500"),
    ("last page", "/conflicts?page=2000"),
    ("filtered: severity + metric", "/conflicts?severity=high&metric=revenue"),
    ("filtered: one entity", "/conflicts?entity=Company%2000042"),
    ("filtered: status open, page 300", "/conflicts?status=open&page=300"),
    ("search: one word", "/conflicts?q=2025-03-14"),
    ("search: two words, deep", "/conflicts?q=eps+2025-05&page=20"),
    ("list JSON twin", "/conflicts.json?page=700"),
    ("one conflict", "/conflicts/x005001011"),
)


def time_page(client: TestClient, url: str, runs: int) -> list[float]:
    assert client.get(url).status_code == 200, url  # warm-up, and a check that the page works
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conflicts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        synthetic_run(Path(tmp), args.conflicts)
        built = time.perf_counter() - t0
        t0 = time.perf_counter()
        with TestClient(create_app(Path(tmp))) as client:  # one event loop for all requests
            client.get("/conflicts")  # the first request builds the review indexes
            indexed = time.perf_counter() - t0
            print(f"{args.conflicts:,} conflicts: run built in {built:.1f} s, indexes and first page "
                  f"in {indexed:.2f} s; {args.runs} timed runs a page", file=sys.stderr)
            print(f"{'page':<34} {'median ms':>10} {'min':>7} {'max':>7}")
            for name, url in PAGES:
                times = time_page(client, url, args.runs)
                print(f"{name:<34} {statistics.median(times):>10.1f} {min(times):>7.1f} {max(times):>7.1f}")


if __name__ == "__main__":
    main()
