"""The reviewer's decisions on conflicts: an append-only audit trail in `claims.db`.

Every decision is a row of the `decisions` table; changing one's mind adds a row,
and undo marks a row `undone` (with who and when) instead of deleting it, so the
whole history is kept. A conflict's status is read from its latest row that is
not undone and that carries a verdict (a `note` row carries none).

The pipeline's writer replaces `claims`, `conflicts`, `articles` and
`article_texts` on every run but never touches `decisions`; since conflict and
claim ids are stable across runs, the decisions survive a re-run. The writer then
calls `apply_decisions` (or uses `current_statuses` / `disputed_claims` itself) to
set `conflicts.status` and `claims.disputed`.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, TextIO

# Each verdict and the conflict status it implies. `note` records a comment only.
# NOTE: keep in sync with the buttons and shortcuts in review/templates/conflict.html.
STATUS_OF_DECISION = {
    "a_right": "confirmed",   # claim A is right, B is wrong
    "b_right": "confirmed",   # claim B is right, A is wrong
    "neither": "confirmed",   # both figures are wrong
    "both_hold": "dismissed", # both hold on a different basis (GAAP vs adjusted, forward vs trailing...)
    "dismissed": "dismissed", # not a real conflict; `reason` says why
}
DECISIONS = (*STATUS_OF_DECISION, "note")
# keys 1-8 on the review page, in this order (new reasons go before extraction_error, keeping 1-3)
DISMISS_REASONS = ("rounding", "different_period", "different_entity", "wrong_metric", "different_basis", "revision",
                   "extraction_error", "other")
DISPUTED_SIDES = ("a", "b", "both")

DECISION_COLUMNS = (
    "decision_id", "conflict_id", "decision", "status", "reason", "disputed",
    "claim_a", "claim_b", "note", "reviewer", "decided_at",
    "undone", "undone_at", "undone_by",
)
# Conflict context added to each exported row (from the current run, when present).
EXPORT_CONTEXT = ("entity", "segment", "metric", "value_a", "value_b", "unit", "severity")

DB_NAME = "claims.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    decision_id INTEGER PRIMARY KEY AUTOINCREMENT,
    conflict_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    disputed TEXT NOT NULL DEFAULT '',
    claim_a TEXT NOT NULL DEFAULT '',
    claim_b TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT NOT NULL DEFAULT '',
    undone_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS decisions_by_conflict ON decisions (conflict_id, decision_id);
"""

# The latest live verdict of each conflict (notes and undone rows do not count).
_LATEST_VERDICTS = f"""
SELECT d.* FROM decisions d
JOIN (SELECT conflict_id, MAX(decision_id) AS decision_id FROM decisions
      WHERE undone = 0 AND decision IN ({",".join(repr(d) for d in STATUS_OF_DECISION)})
      GROUP BY conflict_id) latest USING (decision_id)
"""


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds: `2025-09-30T12:00:00Z`."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the `decisions` table and its index if they do not exist yet.

    conn (sqlite3.Connection): an open connection to a run's `claims.db`.
    """
    conn.executescript(_SCHEMA)


def current_statuses(conn: sqlite3.Connection) -> dict[str, str]:
    """conflict_id -> `confirmed` / `dismissed` from each conflict's latest live verdict.

    Conflicts without one are `open` and are not in the dict.
    """
    if not _has_table(conn, "decisions"):
        return {}
    rows = conn.execute(f"SELECT conflict_id, decision FROM ({_LATEST_VERDICTS})").fetchall()
    return {cid: STATUS_OF_DECISION[decision] for cid, decision in rows}


def disputed_claims(conn: sqlite3.Connection) -> set[str]:
    """Claim ids that a live dismissal for `extraction_error` marks as wrongly extracted."""
    if not _has_table(conn, "decisions"):
        return set()
    rows = conn.execute(
        f"SELECT disputed, claim_a, claim_b FROM ({_LATEST_VERDICTS}) "
        "WHERE decision = 'dismissed' AND reason = 'extraction_error'"
    ).fetchall()
    out: set[str] = set()
    for side, claim_a, claim_b in rows:
        if side in ("a", "both", "") and claim_a:
            out.add(claim_a)
        if side in ("b", "both", "") and claim_b:
            out.add(claim_b)
    return out


def apply_decisions(conn: sqlite3.Connection, conflict_ids: Iterable[str] | None = None) -> None:
    """Set `conflicts.status` and `claims.disputed` from the decisions.

    conflict_ids (iterable of str | None): only these conflicts (and their claims);
        None for all of them, as the writer does after replacing the tables.
    Runs inside the caller's transaction; a table that is missing is skipped.
    """
    statuses = current_statuses(conn)
    disputed = disputed_claims(conn)
    has_conflicts = _has_table(conn, "conflicts")
    has_disputed = _has_table(conn, "claims") and "disputed" in _columns(conn, "claims")
    if conflict_ids is None:
        # one pass over each table, joined to small temp tables: no per-row index needed
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS decided (conflict_id TEXT PRIMARY KEY, status TEXT)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS disputed_ids (claim_id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.decided")
        conn.execute("DELETE FROM temp.disputed_ids")
        conn.executemany("INSERT INTO temp.decided VALUES (?, ?)", statuses.items())
        conn.executemany("INSERT INTO temp.disputed_ids VALUES (?)", [(c,) for c in disputed])
        if has_conflicts:
            conn.execute("UPDATE conflicts SET status = COALESCE((SELECT d.status FROM temp.decided d"
                         " WHERE d.conflict_id = conflicts.conflict_id), 'open')")
        if has_disputed:
            conn.execute("UPDATE claims SET disputed = (claim_id IN (SELECT claim_id FROM temp.disputed_ids))")
        return
    conflict_ids = list(conflict_ids)
    if has_conflicts:
        conn.executemany("UPDATE conflicts SET status = ? WHERE conflict_id = ?",
                         [(statuses.get(cid, "open"), cid) for cid in conflict_ids])
    if has_disputed:
        conn.executemany("UPDATE claims SET disputed = ? WHERE claim_id = ?",
                         [(int(cid in disputed), cid) for cid in sorted(set(_claims_of(conn, conflict_ids)))])


def record_decision(
    conn: sqlite3.Connection,
    conflict_id: str,
    decision: str,
    *,
    reason: str = "",
    disputed: str = "",
    note: str = "",
    reviewer: str = "",
    claim_a: str = "",
    claim_b: str = "",
) -> int:
    """Append one decision row, update the conflict's status, and return its decision_id.

    The caller has checked the values (see `check_decision`); this runs in its own
    short `BEGIN IMMEDIATE` transaction so that two reviewers writing at once both land.
    """
    with _immediate(conn):
        cur = conn.execute(
            "INSERT INTO decisions (conflict_id, decision, reason, disputed, claim_a, claim_b,"
            " note, reviewer, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (conflict_id, decision, reason, disputed, claim_a, claim_b, note, reviewer, utc_now()),
        )
        apply_decisions(conn, [conflict_id])
        return int(cur.lastrowid)


def undo_decision(conn: sqlite3.Connection, decision_id: int, reviewer: str = "") -> str | None:
    """Mark one decision undone (kept in the trail) and return its conflict_id.

    Returns None when there is no such decision or it was undone already.
    """
    with _immediate(conn):
        row = conn.execute(
            "SELECT conflict_id FROM decisions WHERE decision_id = ? AND undone = 0", (decision_id,)
        ).fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE decisions SET undone = 1, undone_at = ?, undone_by = ? WHERE decision_id = ?",
            (utc_now(), reviewer, decision_id),
        )
        apply_decisions(conn, [row[0]])
        return row[0]


def latest_decision_id(conn: sqlite3.Connection, conflict_id: str) -> int | None:
    """The id of the conflict's latest decision (verdict or note) that is not undone."""
    row = conn.execute(
        "SELECT MAX(decision_id) FROM decisions WHERE conflict_id = ? AND undone = 0", (conflict_id,)
    ).fetchone()
    return row[0] if row and row[0] is not None else None


def check_decision(decision: str, reason: str, disputed: str) -> str | None:
    """The one-line problem with a decision's values, or None when they are valid."""
    if decision not in DECISIONS:
        return f"decision {decision!r} is not one of {', '.join(DECISIONS)}"
    if decision == "dismissed" and reason not in DISMISS_REASONS:
        return f"a dismissal needs a reason, one of {', '.join(DISMISS_REASONS)}"
    if decision != "dismissed" and reason:
        return "only a dismissal takes a reason; put anything else in the note"
    if disputed and (decision, reason) != ("dismissed", "extraction_error"):
        return "only a dismissal for extraction_error marks a claim as disputed"
    if disputed not in ("", *DISPUTED_SIDES):
        return f"disputed {disputed!r} is not one of {', '.join(DISPUTED_SIDES)}"
    return None


def decision_rows(conn: sqlite3.Connection, *, descending: bool = False,
                  limit: int | None = None, offset: int = 0) -> list[dict]:
    """Decisions in the order they were made (newest first when `descending`), with the
    status each implies and the context of its conflict in the current run."""
    context = ", ".join(f"c.{col} AS {col}" for col in EXPORT_CONTEXT) if _has_table(conn, "conflicts") \
        else ", ".join(f"'' AS {col}" for col in EXPORT_CONTEXT)
    join = "LEFT JOIN conflicts c USING (conflict_id)" if _has_table(conn, "conflicts") else ""
    sql = f"SELECT d.*, {context} FROM decisions d {join} ORDER BY d.decision_id{' DESC' if descending else ''}"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    cur = conn.execute(sql)
    names = [c[0] for c in cur.description]
    rows = []
    for row in cur:
        rec = dict(zip(names, row))
        rec["status"] = STATUS_OF_DECISION.get(rec["decision"], "")
        rec["undone"] = bool(rec["undone"])
        rows.append({k: rec.get(k, "") for k in (*DECISION_COLUMNS, *EXPORT_CONTEXT)})
    return rows


def export_decisions(out_dir: Path, fmt: str = "csv", dest: Path | None = None) -> int:
    """Write every decision of a run (the whole trail, undone rows too) and return the row count.

    out_dir (Path): the run's output folder, holding `claims.db`.
    fmt (str): `csv` or `json` (a list of objects).
    dest (Path | None): the file to write; None writes to stdout.
    """
    if fmt not in ("csv", "json"):
        raise ValueError(f"format {fmt!r} is not supported; use csv or json")
    db = Path(out_dir) / DB_NAME
    if not db.is_file():
        raise FileNotFoundError(f"{db}: no such file; run `claims run INPUT --out {out_dir}` first")
    conn = connect(db)
    try:
        rows = decision_rows(conn) if _has_table(conn, "decisions") else []
    finally:
        conn.close()
    if dest is None:
        write_rows(rows, fmt, sys.stdout)
    else:
        with open(dest, "w", encoding="utf-8", newline="") as fh:
            write_rows(rows, fmt, fh)
    return len(rows)


def connect(db: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """Open `claims.db` for short transactions; waits up to `timeout` s for another writer."""
    conn = sqlite3.connect(db, timeout=timeout, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return conn


def write_rows(rows: list[dict], fmt: str, fh: TextIO) -> None:
    """Write `decision_rows` output as CSV (booleans as 0/1) or as a JSON list of objects."""
    columns = (*DECISION_COLUMNS, *EXPORT_CONTEXT)
    if fmt == "json":
        json.dump(rows, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
        return
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else int(v) if isinstance(v, bool) else v) for k, v in row.items()})


class _immediate:
    """`with _immediate(conn):` one short write transaction, taken at the start.

    BEGIN IMMEDIATE takes the write lock up front, so a second reviewer's write waits
    (busy_timeout) instead of failing halfway; autocommit connections only.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def _claims_of(conn: sqlite3.Connection, conflict_ids: Iterable[str]) -> Iterable[str]:
    for cid in conflict_ids:
        row = conn.execute("SELECT claim_a, claim_b FROM conflicts WHERE conflict_id = ?", (cid,)).fetchone()
        if row is not None:
            yield from (c for c in row if c)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone() is not None


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
