"""Outputs: stream the tables of CONTRACT.md from the run's parts, atomically, keeping decisions.

Every table is written part by part (CSV appended, Parquet row groups, SQLite
inserts) under a temporary name and put in place only when complete, so memory
does not grow with the dump and a run killed at any moment leaves the previous
complete files. In claims.db the new tables are filled under temporary names and
swapped in with one transaction; the reviewers' `decisions` table is never touched.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

DATE_COLUMNS = ("published", "period_start", "period_end", "published_a", "published_b")


def _iso(d) -> str:
    if d is None or (isinstance(d, float) and d != d) or d is pd.NaT:
        return ""
    return d.isoformat() if hasattr(d, "isoformat") else str(d)


def as_text_columns(df: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """The contract's columns in order, dates as ISO strings ("" when unknown)."""
    out = pd.DataFrame({c: df[c] if c in df.columns else pd.Series([None] * len(df), dtype="object") for c in columns})
    for col in DATE_COLUMNS:
        if col in out.columns:
            out[col] = out[col].map(_iso).astype("object")
    return out


class TableWriter:
    """Streams DataFrames into NAME.csv (and NAME.parquet) under temporary names; `commit` renames them."""

    def __init__(self, out: Path, name: str, columns: tuple[str, ...], parquet: bool = True):
        self.out, self.name, self.columns = out, name, columns
        self.csv_tmp = out / f".{name}.csv.tmp-{os.getpid()}"
        self.pq_tmp = out / f".{name}.parquet.tmp-{os.getpid()}" if parquet else None
        self._csv = self.csv_tmp.open("w", encoding="utf-8", newline="")
        pd.DataFrame(columns=list(columns)).to_csv(self._csv, index=False)
        self._pq: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self.rows = 0

    def write(self, df: pd.DataFrame) -> None:
        if not len(df):
            return
        text = as_text_columns(df, self.columns)
        text.to_csv(self._csv, index=False, header=False)
        if self.pq_tmp is not None:
            table = pa.Table.from_pandas(text, preserve_index=False)
            if self._pq is None:
                self._schema = _widen(table.schema)
                self._pq = pq.ParquetWriter(self.pq_tmp, self._schema)
            self._pq.write_table(table.cast(self._schema, safe=False) if table.schema != self._schema else table)
        self.rows += len(df)

    def commit(self) -> None:
        self._csv.close()
        os.replace(self.csv_tmp, self.out / f"{self.name}.csv")
        if self.pq_tmp is not None:
            if self._pq is None:  # no rows: an empty table with string columns
                pq.write_table(pa.table({c: pa.array([], pa.string()) for c in self.columns}), self.pq_tmp)
            else:
                self._pq.close()
            os.replace(self.pq_tmp, self.out / f"{self.name}.parquet")

    def abort(self) -> None:
        self._csv.close()
        if self._pq is not None:
            self._pq.close()
        for p in (self.csv_tmp, self.pq_tmp):
            if p is not None and p.exists():
                p.unlink()


def _widen(schema: pa.Schema) -> pa.Schema:
    """Column types that every part can be cast to: null columns become strings, ints become floats where mixed."""
    fields = []
    for f in schema:
        t = f.type
        if pa.types.is_null(t):
            t = pa.string()
        elif pa.types.is_integer(t) and f.name not in ("char_start", "char_end", "n_chars", "n_claims", "days_apart"):
            t = pa.float64()
        fields.append(pa.field(f.name, t))
    return pa.schema(fields)


class DatabaseWriter:
    """Fills claims/conflicts/articles/article_texts as *_new tables, then swaps them in one transaction."""

    TABLES = ("claims", "conflicts", "articles", "article_texts", "facts", "fact_claims")

    def __init__(self, out: Path):
        self.conn = sqlite3.connect(out / "claims.db", timeout=60)
        self.conn.execute("PRAGMA journal_mode=WAL")
        api = _decision_api()
        if api is not None:
            api.ensure_schema(self.conn)
        with self.conn:
            for t in self.TABLES:
                self.conn.execute(f"DROP TABLE IF EXISTS {t}_new")
            self.conn.execute("CREATE TABLE article_texts_new (article_id TEXT PRIMARY KEY, text TEXT)")
        self.columns: dict[str, tuple[str, ...]] = {}

    def write(self, table: str, df: pd.DataFrame, columns: tuple[str, ...]) -> None:
        if table not in self.columns:
            self.columns[table] = columns
            if table != "article_texts":
                cols = ", ".join(f'"{c}"' for c in columns)
                self.conn.execute(f"CREATE TABLE {table}_new ({cols})")
        if not len(df):
            return
        rows = as_text_columns(df, columns) if table != "article_texts" else df[list(columns)]
        marks = ", ".join("?" for _ in columns)
        verb = "INSERT OR REPLACE" if table == "article_texts" else "INSERT"
        with self.conn:
            self.conn.executemany(f"INSERT INTO {table}_new VALUES ({marks})" if verb == "INSERT" else
                                  f"{verb} INTO {table}_new VALUES ({marks})",
                                  (tuple(None if (isinstance(v, float) and v != v) else v for v in r)
                                   for r in rows.itertuples(index=False, name=None)))

    def commit(self) -> None:
        """Swap the new tables in and re-apply the reviewers' decisions, all in one transaction.

        NOTE: Python 3.11's sqlite3 does not open a transaction before DDL, so a
        `with conn:` block would commit each DROP and RENAME on its own: BEGIN explicitly.
        """
        self.conn.isolation_level = None
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for t in self.TABLES:
                if t not in self.columns and t != "article_texts":
                    continue
                self.conn.execute(f"DROP TABLE IF EXISTS {t}")
                self.conn.execute(f"ALTER TABLE {t}_new RENAME TO {t}")
            self.conn.execute("CREATE INDEX IF NOT EXISTS conflicts_by_key ON conflicts (entity, metric, severity, status)")
            self.conn.execute("CREATE INDEX IF NOT EXISTS claims_by_id ON claims (claim_id)")
            self.conn.execute("CREATE INDEX IF NOT EXISTS claims_by_key ON claims (entity, metric)")
            if "facts" in self.columns:
                self.conn.execute("CREATE INDEX IF NOT EXISTS facts_by_id ON facts (fact_id)")
                self.conn.execute("CREATE INDEX IF NOT EXISTS fact_claims_by_fact ON fact_claims (fact_id)")
                self.conn.execute("CREATE INDEX IF NOT EXISTS fact_claims_by_claim ON fact_claims (claim_id)")
            api = _decision_api()
            if api is not None and hasattr(api, "apply_decisions"):
                api.apply_decisions(self.conn)  # decisions recorded while this run was writing count too
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self.conn.close()

    def abort(self) -> None:
        self.conn.close()


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
    conn = sqlite3.connect(db_path, timeout=60)
    try:
        api.ensure_schema(conn)
        return api.current_statuses(conn), api.disputed_claims(conn)
    finally:
        conn.close()


def write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)
