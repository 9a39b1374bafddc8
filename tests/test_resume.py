"""Runs survive being killed: a restarted run ends with the tables of an uninterrupted one."""
from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "news-dump" / "reuters21578.jsonl.gz"


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    if not REUTERS.exists():
        pytest.skip(f"news dump not found at {REUTERS}")
    path = tmp_path_factory.mktemp("dump") / "sample.jsonl"
    with gzip.open(REUTERS, "rt", encoding="utf-8") as src:
        lines = list(itertools.islice(src, 400))
    lines += lines[:10]  # syndicated twice: processed once, listed as duplicates
    # and facts that disagree, so that the conflict rows have something to carry through buckets and spills
    # (the 400 wire stories alone give none since session 14's claims)
    for k, (pe, day) in enumerate([(15, "1987-03-04"), (15, "1987-03-04"), (31, "1987-03-05"), (22, "1987-03-05")]):
        lines.append(json.dumps({"id": f"pe{k}", "published": day, "source": f"outlet{k}", "title": "Acme Corp",
                                 "text": f"Acme Corp trades at {pe} times forward earnings, analysts said."}) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _cmd(dump: Path, out: Path) -> list[str]:
    # every conflict, not only those the gate keeps: more rows for the buckets and the spill to carry
    return [sys.executable, "-m", "pipeline", "run", str(dump), "--out", str(out), "--silent",
            "--workers", "1", "--batch-size", "5", "--no-ner", "--all-conflicts"]


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("claims.csv", "conflicts.csv", "articles.csv")}


@pytest.fixture(scope="module")
def reference(dump, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("ref")
    subprocess.run(_cmd(dump, out), check=True, cwd=ROOT)
    return _tables(out)


def _parts_done(out: Path) -> int:
    state = out / ".parts" / "state.json"
    if not state.exists():
        return 0
    try:
        return sum(len(s["parts"]) for s in json.loads(state.read_text())["segments"])
    except (json.JSONDecodeError, KeyError):
        return 0


@pytest.mark.parametrize("kill_after_parts", [1, 4, 9])
def test_kill_and_resume_gives_the_same_tables(dump, reference, tmp_path, kill_after_parts):
    out = tmp_path / "out"
    proc = subprocess.Popen(_cmd(dump, out), cwd=ROOT)
    deadline = time.time() + 120
    while _parts_done(out) < kill_after_parts and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "claims.csv").exists() or proc.returncode == 0
    subprocess.run(_cmd(dump, out), check=True, cwd=ROOT)
    assert _tables(out) == reference


def test_rerun_after_completion_is_identical(dump, reference, tmp_path):
    out = tmp_path / "out"
    subprocess.run(_cmd(dump, out), check=True, cwd=ROOT)
    subprocess.run(_cmd(dump, out), check=True, cwd=ROOT)
    assert _tables(out) == reference


def test_duplicates_are_listed_once(dump, reference):
    from pipeline.ingest import text_hash

    hashes = [text_hash(json.loads(line)["text"]) for line in dump.read_text(encoding="utf-8").splitlines()]
    repeats = len(hashes) - len(set(hashes))
    rows = reference["articles.csv"].decode().splitlines()
    assert repeats >= 10
    assert sum(",skipped_duplicate," in r for r in rows) == repeats


def test_new_dump_appends_and_recomputes_conflicts(dump, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    first.write_text("".join(lines[:200]), encoding="utf-8")
    second.write_text("".join(lines[200:]), encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run(_cmd(first, out), check=True, cwd=ROOT)
    subprocess.run(_cmd(second, out), check=True, cwd=ROOT)
    whole = tmp_path / "whole"
    subprocess.run(_cmd(dump, whole), check=True, cwd=ROOT)
    import pandas as pd

    a = pd.read_csv(out / "claims.csv").sort_values("claim_id").reset_index(drop=True)
    b = pd.read_csv(whole / "claims.csv").sort_values("claim_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    ca = pd.read_csv(out / "conflicts.csv").sort_values("conflict_id").reset_index(drop=True)
    cb = pd.read_csv(whole / "conflicts.csv").sort_values("conflict_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(ca, cb)


def test_bucketed_conflicts_equal_one_bucket(dump, reference, tmp_path, monkeypatch):
    """With tiny buckets (forcing the on-disk path) the tables are the same as with one bucket."""
    from pipeline import fact_buckets, runner

    monkeypatch.setattr(fact_buckets, "BUCKET_ROWS", 50)
    out = tmp_path / "out"
    runner.run([dump], runner.RunOptions(out=out, workers=1, batch_size=5, silent=True, use_ner=False, gate=False))
    assert _tables(out) == reference


def test_spilled_conflicts_equal_conflicts_sorted_in_memory(dump, reference, tmp_path, monkeypatch):
    """Conflict rows built a bucket at a time and merged from sorted files on disk give the same tables."""
    from pipeline import conflicts, fact_buckets, runner

    monkeypatch.setattr(fact_buckets, "BUCKET_ROWS", 50)
    spilled = []
    real = conflicts.SortedConflicts

    def tiny(spill_dir):
        sink = real(spill_dir, spill_rows=0, batch_rows=2)
        spilled.append(sink)
        return sink

    monkeypatch.setattr(runner, "SortedConflicts", tiny)
    out = tmp_path / "out"
    runner.run([dump], runner.RunOptions(out=out, workers=1, batch_size=5, silent=True, use_ner=False, gate=False))
    assert spilled and spilled[0].files  # the files on disk and their merge, not the in-memory sort, were used
    assert _tables(out) == reference


def test_seen_index_keeps_the_first_id_of_a_text_and_each_id_latest_hash(tmp_path):
    from pipeline.parts import SeenIndex

    path = tmp_path / "seen.sqlite"
    path.write_text("left by a killed run")  # a stale index is never trusted: rebuilt from the stream
    seen = SeenIndex(path)
    assert seen.first_with_text("h1") is None and seen.hash_of_id("a") is None
    seen.add_text("h1", "a")
    seen.add_text("h1", "b")  # a later copy does not replace the first
    seen.add_texts([("h2", "c"), ("h1", "d")])
    seen.add_id("a", "h1")
    seen.add_id("a", "h3")
    assert seen.first_with_text("h1") == "a" and seen.first_with_text("h2") == "c"
    assert seen.hash_of_id("a") == "h3"
    seen.close()
    assert not path.exists()


def test_seen_index_commits_in_steps_and_still_answers(tmp_path, monkeypatch):
    from pipeline.parts import SeenIndex

    monkeypatch.setattr(SeenIndex, "COMMIT_EVERY", 7)
    seen = SeenIndex(tmp_path / "seen.sqlite")
    for k in range(50):
        seen.add_text(f"h{k}", f"id{k}")
        seen.add_id(f"id{k}", f"h{k}")
    assert [seen.first_with_text(f"h{k}") for k in (0, 13, 49)] == ["id0", "id13", "id49"]
    assert seen.hash_of_id("id21") == "h21"
    seen.close()
