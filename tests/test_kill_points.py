"""kill -9 at many points of a run: what is on disk stays readable, and a re-run gives the same tables.

The code has no fault-injection hook, so the kill points are found from outside: a watcher polls
the output folder every half millisecond and SIGKILLs the run when a trigger shows up (a number of
parts in .parts/state.json, a temporary file of a given writer, the SQLite WAL of claims.db), or
after a delay drawn from a seeded RNG over the reference run's duration. Kill points two at a time
(two cores); the ones inside the final write start from the state a kill after the last part
leaves (FINISH_PHASE), to spare a whole run each. After each kill:

  (a) every table present in DIR is complete: claims/conflicts/articles .csv byte-identical to the
      uninterrupted run's (a fresh DIR can only hold a finished table), the .parquet files equal
      to it, claims.db passes `PRAGMA integrity_check` and its claims/conflicts/articles tables (when
      present) equal the reference's, run.json and .parts/state.json parse, and every part that
      state.json lists is a readable Parquet file;
  (b) re-running the same command exits 0 and the tables are those of the uninterrupted run: CSV
      byte for byte, Parquet and claims.db value for value.

A kill point whose trigger never showed before the run ended is "missed" (the run just finished);
`test_enough_kill_points_hit` asks for at least 10 real kills. The reviewer's decisions are
checked the same way: recorded in claims.db, then a re-run (a new dump appended) is killed and
run again, and the decisions and the conflict statuses they set must survive.
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "news-dump" / "reuters21578.jsonl.gz"
SEEDS = ROOT / "corpus" / "seeds"
N_ARTICLES = 40
N_MORE = 20  # a second dump for the re-runs of the decision tests
# every conflict, the gate's doubtful ones too: the decisions tested here are made on the seeds' conflicts
OPTS = ["--silent", "--workers", "1", "--batch-size", "1", "--no-ner", "--no-model", "--all-conflicts"]
CSV_TABLES = ("claims.csv", "conflicts.csv", "articles.csv")
PARQUET_TABLES = ("claims.parquet", "conflicts.parquet")
DB_TABLES = ("claims", "conflicts", "articles")
RNG = random.Random(20241124)
HITS: dict[str, dict] = {}


def _cmd(out: Path, *inputs: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", *map(str, inputs), "--out", str(out), *OPTS]


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    if not REUTERS.exists():
        pytest.skip(f"news dump not found at {REUTERS}")
    path = tmp_path_factory.mktemp("dump") / "sample.jsonl"
    with gzip.open(REUTERS, "rt", encoding="utf-8") as src:
        lines = list(itertools.islice(src, N_ARTICLES))
    path.write_text("".join(lines + lines[:5]), encoding="utf-8")  # 5 duplicates: skipped_duplicate rows
    return path


def db_rows(db: Path) -> dict[str, list[tuple]] | None:
    """The pipeline's tables of a claims.db, read from a copy (with its WAL) so the original is untouched.

    None for a table that is not there; raises if the file is not a sound SQLite database.
    """
    tmp = db.parent.parent / f"dbcopy-{os.getpid()}-{time.monotonic_ns()}"
    tmp.mkdir()
    try:
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{db}{suffix}").exists():
                shutil.copy(f"{db}{suffix}", tmp / f"claims.db{suffix}")
        conn = sqlite3.connect(tmp / "claims.db")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            out = {}
            for t in (*DB_TABLES, "decisions"):
                out[t] = conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() if t in names else None
            return out
        finally:
            conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def snapshot(out: Path) -> dict:
    snap = {name: (out / name).read_bytes() for name in CSV_TABLES}
    snap.update({name: pq.read_table(out / name) for name in PARQUET_TABLES})
    snap["db"] = db_rows(out / "claims.db")
    return snap


@pytest.fixture(scope="module")
def reference(dump, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("ref") / "out"
    t0 = time.perf_counter()
    subprocess.run(_cmd(out, dump), check=True, cwd=ROOT)
    snap = snapshot(out)
    snap["seconds"] = time.perf_counter() - t0
    snap["parts"] = _parts_done(out)
    snap["out"] = out
    return snap


def _state(out: Path) -> dict | None:
    try:
        return json.loads((out / ".parts" / "state.json").read_text())
    except (OSError, json.JSONDecodeError):
        return None


def _parts_done(out: Path) -> int:
    st = _state(out)
    return sum(len(s["parts"]) for s in st["segments"]) if st else 0


def _listing(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def check_complete(out: Path, ref: dict) -> list[str]:
    """(a): every table present is complete. Returns the names present."""
    present = []
    for name in CSV_TABLES:
        if (out / name).exists():
            present.append(name)
            assert (out / name).read_bytes() == ref[name], f"{name} is present but not the complete table"
    for name in PARQUET_TABLES:
        if (out / name).exists():
            present.append(name)
            assert pq.read_table(out / name).equals(ref[name]), f"{name} is present but not the complete table"
    if (out / "claims.db").exists():
        present.append("claims.db")
        rows = db_rows(out / "claims.db")
        for t in DB_TABLES:
            if rows[t] is not None:
                present.append(f"claims.db:{t}")
                assert rows[t] == ref["db"][t], f"claims.db table {t} is present but not complete"
    if (out / "run.json").exists():
        present.append("run.json")
        json.loads((out / "run.json").read_text())
    if (out / ".parts" / "state.json").exists():
        st = _state(out)
        assert st is not None, "state.json is not valid JSON"
        for seg in st["segments"]:
            for name in seg["parts"]:
                for kind in ("claims", "articles", "texts"):
                    pq.read_table(out / ".parts" / f"{name}.{kind}.parquet")
    return present


def check_identical(out: Path, ref: dict) -> None:
    """(b): the tables of an uninterrupted run, byte for byte (CSV) and value for value (Parquet, SQLite)."""
    for name in CSV_TABLES:
        assert (out / name).read_bytes() == ref[name], f"{name} differs from the uninterrupted run"
    for name in PARQUET_TABLES:
        assert pq.read_table(out / name).equals(ref[name]), f"{name} differs from the uninterrupted run"
    assert db_rows(out / "claims.db") == ref["db"], "claims.db differs from the uninterrupted run"


def _trigger(kind: str, arg, ref: dict):
    """A function of the output folder that says when to kill."""
    if kind == "parts":
        n = arg if isinstance(arg, int) else max(1, int(ref["parts"] * arg))
        return lambda out: _parts_done(out) >= n
    if kind == "parts_dir":  # a temporary file of that name in .parts
        return lambda out: any(arg in name for name in _listing(out / ".parts"))
    if kind == "out_dir":
        return lambda out: any(name.startswith(arg) for name in _listing(out))
    if kind == "exists":
        return lambda out: (out / arg).exists()
    if kind == "delay":
        start = time.perf_counter()
        return lambda out: time.perf_counter() - start >= arg * ref["seconds"]
    raise ValueError(kind)


# Points in the final write are reached from the state a run killed after its last part leaves
# (every part written, the segment done, no table yet): the re-run goes straight to writing the
# tables, so each of these costs seconds instead of a whole run. The others start from nothing.
FINISH_PHASE = {"during-claims-csv-write", "during-claims-parquet-write", "during-conflicts-write",
                "during-claims-db-write", "after-claims-csv-is-in-place", "after-conflicts-csv-is-in-place"}
KILL_POINTS = [
    # id, trigger kind, argument
    ("after-1-part", "parts", 1),
    ("after-half-the-parts", "parts", 0.5),
    ("after-the-last-part", "parts", 1.0),
    ("during-a-part-write", "parts_dir", ".tmp-"),
    ("during-state-json-update", "parts_dir", ".state.json.tmp-"),
    ("during-claims-csv-write", "out_dir", ".claims.csv.tmp-"),
    ("during-claims-parquet-write", "out_dir", ".claims.parquet.tmp-"),
    ("during-conflicts-write", "out_dir", ".conflicts.csv.tmp-"),
    ("during-claims-db-write", "exists", "claims.db-wal"),
    ("after-claims-csv-is-in-place", "exists", "claims.csv"),
    ("after-conflicts-csv-is-in-place", "exists", "conflicts.csv"),
    # not here: "during run.json write": its window is well under a millisecond and was missed every time
] + [(f"random-delay-{i + 1}", "delay", round(RNG.uniform(0.15, 0.6), 3)) for i in range(2)]
# (the delays are fractions of the reference run's time, drawn early: under a changing load a run
# can take half as long as the reference did, and a kill after it ended is no kill)


def kill_when(cmd: list[str], out: Path, trigger, timeout: float = 120) -> dict:
    """Start `cmd`, SIGKILL it when `trigger(out)` holds; report whether it was still running then."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t0 = time.perf_counter()
    killed = False
    try:
        while proc.poll() is None and time.perf_counter() - t0 < timeout:
            if trigger(out):
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
                    killed = True
                break
            time.sleep(0.0005)
    finally:
        if proc.poll() is None and not killed:
            proc.kill()
        proc.wait()
        proc.stderr.close()
    return {"killed": killed, "at_s": round(time.perf_counter() - t0, 3), "rc": proc.returncode}


def kill_and_resume(dump: Path, reference: dict, out: Path, kind: str, arg, finish_phase: bool = False) -> dict:
    """One kill point: kill, check (a), re-run, check (b). Returns what happened; raises on a failed check."""
    if finish_phase:
        shutil.copytree(reference["out"] / ".parts", out / ".parts")
        assert all(s["done"] for s in _state(out)["segments"])
    hit = kill_when(_cmd(out, dump), out, _trigger(kind, arg, reference))
    hit["parts_at_kill"] = _parts_done(out)
    hit["present"] = check_complete(out, reference)
    t0 = time.perf_counter()
    r = subprocess.run(_cmd(out, dump), cwd=ROOT, capture_output=True, text=True)
    hit["resume_s"] = round(time.perf_counter() - t0, 3)
    assert r.returncode == 0, r.stderr[-2000:]
    check_identical(out, reference)
    hit["leftover_tmp"] = sorted(n for n in _listing(out) + _listing(out / ".parts") if ".tmp-" in n)
    return hit


@pytest.fixture(scope="module")
def kill_results(dump, reference, tmp_path_factory) -> dict[str, dict]:
    """Every kill point, two at a time (the machine has two cores): point -> result or the error it raised."""
    from concurrent.futures import ThreadPoolExecutor

    base = tmp_path_factory.mktemp("kills")

    def one(point_kind_arg):
        point, kind, arg = point_kind_arg
        try:
            return point, kill_and_resume(dump, reference, base / point, kind, arg, point in FINISH_PHASE)
        except Exception as exc:  # reported by the point's own test
            return point, {"error": exc}

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(one, KILL_POINTS))
    HITS.update({p: h for p, h in results.items() if "error" not in h})
    path = os.environ.get("CLAIMS_KILL_POINTS")
    if path:
        Path(path).write_text(json.dumps({"reference_s": reference["seconds"], "parts": reference["parts"],
                                          "points": {p: {k: v for k, v in h.items() if k != "error"}
                                                     | ({"error": str(h["error"])} if "error" in h else {})
                                                     for p, h in results.items()}}, indent=1))
    return results


@pytest.mark.parametrize("point", [pytest.param(p, id=p) for p, _, _ in KILL_POINTS])
def test_kill_then_resume_gives_the_uninterrupted_tables(kill_results, point):
    result = kill_results[point]
    if "error" in result:
        raise result["error"]


def test_enough_kill_points_hit(kill_results):
    killed = [p for p, h in kill_results.items() if h.get("killed")]
    assert len(killed) >= 10, {p: h.get("killed") for p, h in kill_results.items()}


@pytest.mark.xfail(strict=True, reason="temporary files of a killed run are never removed: each kill leaves its "
                                       "'.NAME.tmp-PID' files (a part, claims.csv, ...) in DIR or DIR/.parts for good; "
                                       "PartStore.write_part and outputs.TableWriter only remove their own on a clean "
                                       "abort, and a later run does not sweep them")
def test_a_resumed_run_leaves_no_temporary_files(kill_results):
    tmp_points = [p for p, k, a in KILL_POINTS if k in ("parts_dir", "out_dir") and kill_results[p].get("killed")]
    if not tmp_points:
        pytest.skip("no kill landed while a temporary file was open")
    leftovers = {p: h["leftover_tmp"] for p, h in HITS.items() if h["leftover_tmp"]}
    assert not leftovers, leftovers


# --- the reviewer's decisions survive killed re-runs ------------------------------------------

@pytest.fixture(scope="module")
def more(dump) -> Path:
    """A second dump: a re-run with it appends a segment (real work to kill in the middle of)."""
    path = dump.parent / "more.jsonl"
    with gzip.open(REUTERS, "rt", encoding="utf-8") as src:
        path.write_text("".join(itertools.islice(src, N_ARTICLES, N_ARTICLES + N_MORE)), encoding="utf-8")
    return path


# two outlets' accounts of one company's quarter that disagree by a factor of ten: with the seeds' conflicts, the
# three a reviewer decides on below
DISPUTES = [
    {"id": "d1", "published": "2025-02-12", "source": "wire-a", "title": "Globex Corp fourth-quarter results",
     "text": "Globex Corp said on Wednesday its fourth-quarter revenue rose 8% to $2.4 billion, helped by strong "
             "demand for its cloud software. Analysts polled by LSEG had expected earnings of $1.10 per share for the "
             "quarter. The company also raised its dividend."},
    {"id": "d2", "published": "2025-02-12", "source": "site-b", "title": "Globex beats on the top line",
     "text": "Shares of Globex Corp were little changed after the software maker posted fourth-quarter revenue of $24 "
             "billion. Wall Street analysts, according to FactSet, had forecast earnings of $1.25 per share for the "
             "quarter. Management struck a confident tone on the call."},
]


@pytest.fixture(scope="module")
def disputes(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("disputes") / "disputes.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in DISPUTES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def base_run(dump, disputes, tmp_path_factory) -> Path:
    """A finished run over the seeds and two disputing outlets (they have conflicts) and the sample; tests work
    on copies."""
    out = tmp_path_factory.mktemp("base") / "out"
    subprocess.run(_cmd(out, SEEDS, disputes, dump), check=True, cwd=ROOT)
    return out


def _record(out: Path) -> tuple[dict, list[tuple], str]:
    """Three decisions on the run's conflicts: {conflict_id: status} for the ones that stay conflicts,
    the decisions rows as recorded, and the claim a dismissal for extraction_error disputes."""
    from pipeline.decisions import connect, record_decision

    conn = connect(out / "claims.db")
    try:
        conflicts = conn.execute("SELECT conflict_id, claim_a, claim_b FROM conflicts ORDER BY conflict_id").fetchall()
        assert len(conflicts) >= 3, "the sample needs three conflicts"
        (c1, a1, b1), (c2, a2, b2), (c3, a3, b3) = conflicts[:3]
        record_decision(conn, c1, "a_right", reviewer="alice", claim_a=a1, claim_b=b1, note="A is the filing")
        record_decision(conn, c2, "both_hold", reviewer="alice", claim_a=a2, claim_b=b2, note="GAAP vs adjusted")
        record_decision(conn, c3, "dismissed", reason="extraction_error", disputed="b", reviewer="bob",
                        claim_a=a3, claim_b=b3)
        rows = [tuple(r) for r in conn.execute("SELECT * FROM decisions ORDER BY decision_id")]
        return {c1: "confirmed", c2: "dismissed"}, rows, b3
    finally:
        conn.close()


def _check_decisions(out: Path, statuses: dict, rows: list[tuple], disputed_claim: str) -> None:
    """The decisions rows unchanged; the statuses they set in claims.db and conflicts.csv; the disputed claim.

    The conflict dismissed for extraction_error is not checked: its claim is disputed, and disputed
    claims are left out of conflict detection by design, so that conflict is not found again.
    """
    import pandas as pd

    from pipeline.decisions import connect

    conn = connect(out / "claims.db")
    try:
        assert [tuple(r) for r in conn.execute("SELECT * FROM decisions ORDER BY decision_id")] == rows
        for cid, status in statuses.items():
            row = conn.execute("SELECT status FROM conflicts WHERE conflict_id = ?", (cid,)).fetchone()
            assert row is not None and row[0] == status, (cid, row, status)
        disputed = conn.execute("SELECT disputed FROM claims WHERE claim_id = ?", (disputed_claim,)).fetchone()
        assert disputed is not None and str(disputed[0]) in ("1", "True"), disputed
    finally:
        conn.close()
    conflicts = pd.read_csv(out / "conflicts.csv", dtype=str).set_index("conflict_id")
    for cid, status in statuses.items():
        assert conflicts.loc[cid, "status"] == status
    claims = pd.read_csv(out / "claims.csv", dtype=str).set_index("claim_id")
    assert claims.loc[disputed_claim, "disputed"] == "True"


@pytest.mark.parametrize("point, kind, arg", [
    pytest.param("after-2-parts-of-the-new-dump", "parts", 2, id="after-2-parts-of-the-new-dump"),
    pytest.param("during-claims-db-write", "exists", "claims.db-wal", id="during-claims-db-write"),
])
def test_decisions_survive_a_killed_rerun(base_run, more, dump, disputes, tmp_path, point, kind, arg):
    out = tmp_path / "out"
    shutil.copytree(base_run, out)
    statuses, rows, disputed_claim = _record(out)
    assert not (out / "claims.db-wal").exists()  # so the trigger below sees the re-run's WAL
    before = _parts_done(out)
    trigger = (lambda o: _parts_done(o) >= before + arg) if kind == "parts" else _trigger(kind, arg, {})
    hit = kill_when(_cmd(out, more), out, trigger)
    assert hit["killed"], f"the re-run ended before {point}"
    assert [tuple(r) for r in db_rows(out / "claims.db")["decisions"]] == rows  # right after the kill
    r = subprocess.run(_cmd(out, more), cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    _check_decisions(out, statuses, rows, disputed_claim)
    if kind == "parts":  # and a plain re-run of the first inputs (it only rewrites the tables)
        r = subprocess.run(_cmd(out, SEEDS, disputes, dump), cwd=ROOT, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr[-2000:]
        _check_decisions(out, statuses, rows, disputed_claim)


def test_decision_recorded_during_a_run_keeps_its_status(base_run, more, tmp_path):
    from pipeline.decisions import connect, record_decision

    out = tmp_path / "out"
    shutil.copytree(base_run, out)
    conn = connect(out / "claims.db")
    cid, a, b = conn.execute("SELECT conflict_id, claim_a, claim_b FROM conflicts ORDER BY conflict_id").fetchone()
    conn.close()
    proc = subprocess.Popen(_cmd(out, more), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writing = _trigger("out_dir", ".claims.csv.tmp-", {})
    t0 = time.perf_counter()
    while proc.poll() is None and not writing(out) and time.perf_counter() - t0 < 120:
        time.sleep(0.0005)
    in_window = proc.poll() is None
    conn = connect(out / "claims.db")
    record_decision(conn, cid, "a_right", reviewer="carol", claim_a=a, claim_b=b)
    conn.close()
    in_window = in_window and proc.poll() is None and writing(out)
    assert proc.wait(timeout=120) == 0
    if not in_window:
        pytest.skip("the decision did not land while the run was writing")
    conn = connect(out / "claims.db")
    status = conn.execute("SELECT status FROM conflicts WHERE conflict_id = ?", (cid,)).fetchone()[0]
    n = conn.execute("SELECT COUNT(*) FROM decisions WHERE conflict_id = ?", (cid,)).fetchone()[0]
    conn.close()
    assert n == 1
    assert status == "confirmed"


# --- a precise kill point inside the claims.db swap ------------------------------------------

_SWAP_KILLER = """
import os, sys
from pathlib import Path
import pandas as pd
from pipeline import outputs
from pipeline.schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CONFLICT_COLUMNS

out, stop_at = Path(sys.argv[1]), sys.argv[2]
writer = outputs.DatabaseWriter(out)
for table, columns in (("claims", CLAIM_COLUMNS), ("articles", ARTICLE_COLUMNS), ("conflicts", CONFLICT_COLUMNS)):
    writer.write(table, pd.DataFrame(), columns)
real = writer.conn


class KillAt:  # the connection, except that the statement `stop_at` is a kill -9
    def __getattr__(self, name):
        return getattr(real, name)

    def __enter__(self):
        return real.__enter__()

    def __exit__(self, *exc):
        return real.__exit__(*exc)

    def execute(self, sql, *args):
        if sql.startswith(stop_at):
            os._exit(137)
        return real.execute(sql, *args)


writer.conn = KillAt()
writer.commit()
"""


def test_claims_db_swap_is_all_or_nothing(base_run, tmp_path):
    """Killed in the middle of swapping the new tables in, claims.db must still hold the previous run's tables."""
    out = tmp_path / "out"
    shutil.copytree(base_run, out)
    before = db_rows(out / "claims.db")
    assert before["conflicts"], "the base run needs conflicts"
    r = subprocess.run([sys.executable, "-c", _SWAP_KILLER, str(out), "ALTER TABLE conflicts_new"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 137, r.stderr[-2000:]  # the kill point was reached
    after = db_rows(out / "claims.db")
    for t in DB_TABLES:
        assert after[t] == before[t], f"claims.db table {t} is {'gone' if after[t] is None else 'changed'}"
