"""The decisions audit trail: statuses, disputed claims, undo, re-runs, export, concurrent writers."""
from __future__ import annotations

import csv
import json
import sqlite3
import threading

import pytest

from pipeline import decisions
from pipeline.review.sample import small_run


@pytest.fixture()
def run(tmp_path):
    small_run(tmp_path)
    return tmp_path


@pytest.fixture()
def conn(run):
    c = decisions.connect(run / "claims.db")
    yield c
    c.close()


def decide(conn, cid, decision, **kw):
    claim_a, claim_b = conn.execute("SELECT claim_a, claim_b FROM conflicts WHERE conflict_id = ?", (cid,)).fetchone()
    return decisions.record_decision(conn, cid, decision, claim_a=claim_a, claim_b=claim_b, **kw)


def status_in_table(conn, cid):
    return conn.execute("SELECT status FROM conflicts WHERE conflict_id = ?", (cid,)).fetchone()[0]


def test_ensure_schema_is_idempotent_and_has_the_audit_columns(conn):
    decisions.ensure_schema(conn)
    decisions.ensure_schema(conn)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(decisions)")]
    for name in ("decision_id", "conflict_id", "decision", "reason", "note", "reviewer", "decided_at", "undone"):
        assert name in columns


@pytest.mark.parametrize("decision,reason,status", [
    ("a_right", "", "confirmed"),
    ("b_right", "", "confirmed"),
    ("neither", "", "confirmed"),
    ("both_hold", "", "dismissed"),
    ("dismissed", "rounding", "dismissed"),
    ("dismissed", "different_period", "dismissed"),
])
def test_each_verdict_sets_its_status(conn, decision, reason, status):
    decide(conn, "cf-pe-12", decision, reason=reason, reviewer="ana")
    assert decisions.current_statuses(conn) == {"cf-pe-12": status}
    assert status_in_table(conn, "cf-pe-12") == status


def test_conflicts_without_decisions_are_open_and_absent(conn):
    assert decisions.current_statuses(conn) == {}
    assert status_in_table(conn, "cf-pe-12") == "open"


def test_a_changed_decision_adds_a_row_and_the_latest_wins(conn):
    first = decide(conn, "cf-pe-12", "a_right", reviewer="ana")
    second = decide(conn, "cf-pe-12", "both_hold", reviewer="bo")
    assert second > first
    rows = conn.execute("SELECT decision, reviewer, decided_at FROM decisions ORDER BY decision_id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("a_right", "ana"), ("both_hold", "bo")]
    assert all(r[2].endswith("Z") and "T" in r[2] for r in rows)
    assert decisions.current_statuses(conn) == {"cf-pe-12": "dismissed"}


def test_undo_keeps_the_row_and_falls_back_to_the_previous_verdict(conn):
    first = decide(conn, "cf-pe-12", "a_right", reviewer="ana")
    second = decide(conn, "cf-pe-12", "both_hold", reviewer="ana")
    assert decisions.undo_decision(conn, second, reviewer="bo") == "cf-pe-12"
    assert decisions.current_statuses(conn) == {"cf-pe-12": "confirmed"}
    assert decisions.undo_decision(conn, second) is None  # undone already
    assert decisions.undo_decision(conn, first) == "cf-pe-12"
    assert decisions.current_statuses(conn) == {}
    assert status_in_table(conn, "cf-pe-12") == "open"
    rows = conn.execute("SELECT undone, undone_by FROM decisions ORDER BY decision_id").fetchall()
    assert [tuple(r) for r in rows] == [(1, ""), (1, "bo")]


def test_a_note_is_kept_but_does_not_change_the_status(conn):
    decide(conn, "cf-pe-12", "b_right")
    decide(conn, "cf-pe-12", "note", note="check the filing")
    assert decisions.current_statuses(conn) == {"cf-pe-12": "confirmed"}
    assert decisions.latest_decision_id(conn, "cf-pe-12") == 2


@pytest.mark.parametrize("side,expected", [("a", {"pe1"}), ("b", {"pe2"}), ("both", {"pe1", "pe2"}),
                                           ("", {"pe1", "pe2"})])
def test_an_extraction_error_dismissal_marks_the_chosen_claims(conn, side, expected):
    decide(conn, "cf-pe-12", "dismissed", reason="extraction_error", disputed=side)
    assert decisions.disputed_claims(conn) == expected
    flagged = {r[0] for r in conn.execute("SELECT claim_id FROM claims WHERE disputed = 1")}
    assert flagged == expected


def test_a_later_verdict_lifts_the_dispute(conn):
    decide(conn, "cf-pe-12", "dismissed", reason="extraction_error", disputed="a")
    decide(conn, "cf-pe-12", "a_right")
    assert decisions.disputed_claims(conn) == set()
    assert conn.execute("SELECT SUM(disputed) FROM claims").fetchone()[0] == 0


def test_other_dismissal_reasons_dispute_nothing(conn):
    decide(conn, "cf-pe-12", "dismissed", reason="rounding")
    assert decisions.disputed_claims(conn) == set()


def test_decisions_survive_a_rerun_that_replaces_the_tables(run, conn):
    decide(conn, "cf-pe-12", "a_right")
    decide(conn, "cf-pe-13", "dismissed", reason="extraction_error", disputed="b")
    small_run(run)  # the writer replaces claims/conflicts/articles and re-applies decisions
    assert decisions.current_statuses(conn) == {"cf-pe-12": "confirmed", "cf-pe-13": "dismissed"}
    assert status_in_table(conn, "cf-pe-12") == "confirmed"
    assert status_in_table(conn, "cf-pe-23") == "open"
    assert {r[0] for r in conn.execute("SELECT claim_id FROM claims WHERE disputed = 1")} == {"pe3"}


def test_apply_decisions_resets_stale_statuses(conn):
    conn.execute("UPDATE conflicts SET status = 'confirmed'")
    conn.execute("UPDATE claims SET disputed = 1")
    decide(conn, "cf-pe-12", "both_hold")
    decisions.apply_decisions(conn)
    statuses = dict(conn.execute("SELECT conflict_id, status FROM conflicts").fetchall())
    assert statuses["cf-pe-12"] == "dismissed"
    assert {s for c, s in statuses.items() if c != "cf-pe-12"} == {"open"}
    assert conn.execute("SELECT SUM(disputed) FROM claims").fetchone()[0] == 0


def test_statuses_read_a_database_without_a_decisions_table(tmp_path):
    conn = sqlite3.connect(tmp_path / "empty.db")
    assert decisions.current_statuses(conn) == {}
    assert decisions.disputed_claims(conn) == set()


@pytest.mark.parametrize("decision,reason,disputed,ok", [
    ("a_right", "", "", True),
    ("dismissed", "rounding", "", True),
    ("dismissed", "extraction_error", "b", True),
    ("dismissed", "", "", False),           # a dismissal needs a reason
    ("dismissed", "boredom", "", False),    # not in the list
    ("a_right", "rounding", "", False),     # only dismissals take a reason
    ("dismissed", "rounding", "a", False),  # only extraction errors dispute a claim
    ("dismissed", "extraction_error", "c", False),
    ("maybe", "", "", False),
    ("", "", "", False),
])
def test_check_decision(decision, reason, disputed, ok):
    assert (decisions.check_decision(decision, reason, disputed) is None) == ok


def test_export_csv_and_json_hold_the_whole_trail(run, conn, tmp_path, capsys):
    decide(conn, "cf-pe-12", "a_right", reviewer="ana", note='said "11x", a typo?')
    did = decide(conn, "cf-rev-12", "dismissed", reason="rounding", reviewer="bo")
    decisions.undo_decision(conn, did, reviewer="bo")
    assert decisions.export_decisions(run, "csv", tmp_path / "d.csv") == 2
    rows = list(csv.DictReader(open(tmp_path / "d.csv", encoding="utf-8")))
    assert [r["decision"] for r in rows] == ["a_right", "dismissed"]
    assert rows[0]["note"] == 'said "11x", a typo?' and rows[0]["status"] == "confirmed"
    assert rows[0]["entity"] == "Alibaba" and rows[0]["metric"] == "forward_pe"
    assert rows[1]["undone"] == "1" and rows[1]["undone_by"] == "bo"

    assert decisions.export_decisions(run, "json", None) == 2
    data = json.loads(capsys.readouterr().out)
    assert [d["conflict_id"] for d in data] == ["cf-pe-12", "cf-rev-12"]
    assert data[1]["undone"] is True and data[0]["reviewer"] == "ana"


def test_export_of_a_run_without_decisions_writes_a_header_only(run, tmp_path):
    assert decisions.export_decisions(run, "csv", tmp_path / "d.csv") == 0
    assert open(tmp_path / "d.csv").read().startswith("decision_id,conflict_id,decision,")


def test_export_errors_say_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="claims run"):
        decisions.export_decisions(tmp_path, "csv", None)
    with pytest.raises(ValueError, match="use csv or json"):
        decisions.export_decisions(tmp_path, "xml", None)


def test_two_writers_at_once_lose_nothing(run):
    errors = []

    def reviewer(name):
        c = decisions.connect(run / "claims.db")
        try:
            for i in range(40):
                decide(c, "cf-pe-12" if i % 2 else "cf-rev-12", "a_right", reviewer=name)
        except sqlite3.Error as exc:  # pragma: no cover - the failure being tested for
            errors.append(exc)
        finally:
            c.close()

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in ("ana", "bo", "cy")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    c = decisions.connect(run / "claims.db")
    counts = dict(c.execute("SELECT reviewer, COUNT(*) FROM decisions GROUP BY reviewer").fetchall())
    assert counts == {"ana": 40, "bo": 40, "cy": 40}


def test_the_csv_export_quotes_notes_with_newlines_and_commas(conn, run, tmp_path):
    decide(conn, "cf-pe-12", "note", note="line one\nline two, with a comma")
    decisions.export_decisions(run, "csv", tmp_path / "d.csv")
    rows = list(csv.DictReader(open(tmp_path / "d.csv", encoding="utf-8", newline="")))
    assert rows[0]["note"] == "line one\nline two, with a comma"
