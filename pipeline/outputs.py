"""Outputs: write the tables of CONTRACT.md atomically, and keep the reviewer's decisions.

Every file is written to a temporary name and renamed into place, so a run
killed at any point leaves the previous complete file. claims.db replaces its
claims/conflicts/articles tables in one transaction and never touches
`decisions`; conflict statuses and disputed claims are read back from it.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pandas as pd

from .schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CONFLICT_COLUMNS

DATE_COLUMNS = ("published", "period_start", "period_end", "published_a", "published_b")


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _for_text(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in DATE_COLUMNS:
        if col in out.columns:
            out[col] = out[col].map(lambda d: d.isoformat() if hasattr(d, "isoformat") else ("" if d is None or d != d else str(d)))
    return out


def write_table(df: pd.DataFrame, out: Path, name: str, parquet: bool = True) -> None:
    text = _for_text(df)
    _atomic(out / f"{name}.csv", lambda p: text.to_csv(p, index=False, encoding="utf-8"))
    if parquet:
        _atomic(out / f"{name}.parquet", lambda p: text.to_parquet(p, index=False))


def _decision_api():
    try:
        from . import decisions
    except ImportError:  # the review package is optional for a bare pipeline run
        return None
    return decisions


def read_decisions(db_path: Path) -> tuple[dict, set]:
    """Conflict statuses and disputed claim ids recorded by reviewers (empty when none)."""
    api = _decision_api()
    if api is None or not db_path.exists():
        return {}, set()
    conn = sqlite3.connect(db_path)
    try:
        api.ensure_schema(conn)
        return api.current_statuses(conn), api.disputed_claims(conn)
    finally:
        conn.close()


def write_database(out: Path, claims: pd.DataFrame, conflicts: pd.DataFrame, articles: pd.DataFrame,
                   text_parts: list[Path]) -> None:
    """Replace the pipeline's tables in claims.db in one transaction; decisions stay."""
    db = out / "claims.db"
    conn = sqlite3.connect(db, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        api = _decision_api()
        if api is not None:
            api.ensure_schema(conn)
        with conn:
            for name, df in (("claims", claims), ("conflicts", conflicts), ("articles", articles)):
                conn.execute(f"DROP TABLE IF EXISTS {name}")
                _for_text(df).to_sql(name, conn, index=False)
            conn.execute("DROP TABLE IF EXISTS article_texts")
            conn.execute("CREATE TABLE article_texts (article_id TEXT PRIMARY KEY, text TEXT)")
            for part in text_parts:  # one part at a time: texts never all sit in memory
                texts = pd.read_parquet(part)
                conn.executemany("INSERT OR REPLACE INTO article_texts VALUES (?, ?)",
                                 texts[["article_id", "text"]].itertuples(index=False, name=None))
            conn.execute("CREATE INDEX IF NOT EXISTS conflicts_by_key ON conflicts (entity, metric, severity, status)")
            conn.execute("CREATE INDEX IF NOT EXISTS claims_by_id ON claims (claim_id)")
            conn.execute("CREATE INDEX IF NOT EXISTS claims_by_key ON claims (entity, metric)")
    finally:
        conn.close()


def write_run(out: Path, claims: pd.DataFrame, conflicts: pd.DataFrame, articles: pd.DataFrame,
              text_parts: list[Path], run_info: dict) -> None:
    for col in CLAIM_COLUMNS:
        if col not in claims.columns:
            claims[col] = pd.Series(dtype="object")
    write_table(claims[list(CLAIM_COLUMNS)], out, "claims")
    write_table(conflicts[list(CONFLICT_COLUMNS)], out, "conflicts")
    write_table(articles[list(ARTICLE_COLUMNS)], out, "articles", parquet=False)
    write_database(out, claims[list(CLAIM_COLUMNS)], conflicts[list(CONFLICT_COLUMNS)],
                   articles[list(ARTICLE_COLUMNS)], text_parts)
    _atomic(out / "run.json", lambda p: p.write_text(json.dumps(run_info, indent=2, default=str) + "\n", encoding="utf-8"))
