"""The command line: help that teaches, one-line errors with exit code 2, outputs as in CONTRACT.md."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CONFLICT_COLUMNS, FACT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", ["run", "review", "export-decisions"])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: claims " in result.output


def test_missing_input_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "E001" in result.output and "does not exist" in result.output


def test_output_inside_input_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Acme Corp revenue rose 5%.")
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "E004" in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output(tmp_path):
    (tmp_path / "a.txt").write_text("Acme Corp revenue rose 5%.")
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--out", str(ro / "x")])
    assert result.exit_code == 2 and "E003" in result.output


def test_output_file_as_out_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Acme Corp revenue rose 5%.")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--out", str(blocker / "sub")])
    assert result.exit_code == 2 and "E003" in result.output


def test_run_writes_the_contract_tables(tmp_path):
    dump = tmp_path / "dump.jsonl"
    records = [
        {"id": "a1", "published": "2024-03-04", "source": "wire", "title": "Acme",
         "text": "Acme Corp shares closed at $41.20 on Monday. Acme Corp trades at 15 times forward earnings."},
        {"id": "a2", "published": "2024-03-06", "source": "blog", "title": "Acme again",
         "text": "Acme Corp trades at 31 times forward earnings, the stock closed at $41.50."},
        {"id": "a3", "published": "2024-03-06", "text": ""},
        {"id": "a4", "published": "2024-03-07", "text": "Acme Corp trades at 31 times forward earnings, the stock closed at $41.50."},
    ]
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n{not json\n")
    out = tmp_path / "out"
    # --all-conflicts: a P/E of two days half apart is a pair the conflict gate doubts (tests/test_facts.py)
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(dump), "--out", str(out), "--silent", "--all-conflicts"],
                   check=True, cwd=ROOT)
    claims = pd.read_parquet(out / "claims.parquet")
    conflicts = pd.read_csv(out / "conflicts.csv")
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert list(claims.columns)[:len(CLAIM_COLUMNS)] == list(CLAIM_COLUMNS)
    assert list(conflicts.columns) == list(CONFLICT_COLUMNS)
    assert list(articles.columns) == list(ARTICLE_COLUMNS)
    status = dict(zip(articles.article_id, articles.status))
    assert status["a1"] == "ok" and status["a3"] == "failed" and status["a4"] == "skipped_duplicate"
    assert any(s == "failed" and "not valid JSON" in e for s, e in zip(articles.status, articles.error))
    pe = conflicts[conflicts.metric == "forward_pe"]
    assert len(pe) == 1 and set(pe.iloc[0][["value_a", "value_b"]]) == {15.0, 31.0}
    assert conflicts[conflicts.metric == "share_price"].empty  # 41.20 vs 41.50 is no contradiction
    info = json.loads((out / "run.json").read_text())
    assert info["counts"]["articles"] == 5 and info["counts"]["failed"] == 2
    assert {"clean", "figures", "entities", "claims", "conflicts"} <= set(info["timings_s"])
    import sqlite3
    con = sqlite3.connect(out / "claims.db")
    assert con.execute("select count(*) from claims").fetchone()[0] == len(claims)
    # the facts: one per entity, metric and day; the P/E's two days disagree, the prices agree
    facts = pd.read_csv(out / "facts.csv", keep_default_na=False)
    assert list(facts.columns) == list(FACT_COLUMNS)
    assert con.execute("select count(*) from facts").fetchone()[0] == len(facts) == info["counts"]["facts"]
    pe_facts = facts[facts.metric == "forward_pe"].sort_values("period_start")
    assert list(pe_facts.value) == [15.0, 31.0] and set(pe_facts.status) == {"conflict"}
    linked = con.execute("select count(*) from fact_claims where fact_id = ?", (pe.iloc[0].fact_id,)).fetchone()[0]
    assert linked == 1 and pe.iloc[0].fact_id in set(pe_facts.fact_id)


@pytest.mark.parametrize("command, needles", [
    ("run", (".jsonl.gz --out", "corpus/seeds news.jsonl.gz more.parquet", "--engine dask", "--scheduler tcp://",
             "--fast", "--text-column", "append", "claims.csv")),
    ("review", ("--port", "--host 0.0.0.0")),
    ("export-decisions", ("--output decisions.csv", "--format json")),
])
def test_help_gives_several_worked_examples(command, needles):
    """One example was all each command showed; issue 18 asked for several, as sqlite-utils gives."""
    out = CliRunner().invoke(main, [command, "--help"]).output
    examples = [line for line in out.splitlines() if line.strip().startswith(f"claims {command} ")]
    assert len(examples) >= 3, out
    for n in needles:
        assert n in out, n
