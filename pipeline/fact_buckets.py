"""The claims that can state a fact, kept between the claims pass and the grouping (pipeline/runner.py).

A run's claims are streamed part by part; facts are grouped per entity, and a fact never crosses
entities, so the comparable claims (`fact_reports.comparable`, with what their text tells a fact) go
into buckets by entity: one in memory for a run under BUCKET_ROWS claims, else Parquet files on disk,
grouped one at a time so memory holds one bucket.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .fact_reports import FACT_INPUT, comparable, with_text_columns
from .facts import Options as FactOptions, group_facts
from .resources import Resources

# Facts and conflicts read only these columns, in buckets of about this many claims
# (claims are bucketed by entity, and a fact never crosses entities).
FACT_INPUT_COLUMNS = [c for c in FACT_INPUT if c != "source_id"]  # the source is joined at grouping time
BUCKET_ROWS = 400_000


def bucket_schema():
    import pyarrow as pa

    types = {"value": pa.float64(), "value_low": pa.float64(), "value_high": pa.float64(), "confidence": pa.float64(),
             "char_start": pa.int64(), "disputed": pa.bool_(), "off_topic": pa.bool_(),
             "entity_named": pa.bool_(), "prior_words": pa.bool_(), "numbers": pa.int64(), "listed": pa.bool_(),
             "published": pa.date32(), "period_start": pa.date32(), "period_end": pa.date32()}
    return pa.schema([pa.field(c, types.get(c, pa.string())) for c in FACT_INPUT_COLUMNS])


class FactBuckets:
    """Claims that can state a fact, split by entity into buckets small enough to group in memory."""

    def __init__(self, directory: Path, n: int, res: Resources):
        self.n, self.dir, self.res = n, directory, res
        self.frames: list[list[pd.DataFrame]] = [[] for _ in range(n)]
        self.writers: dict[int, object] = {}
        if n > 1:
            directory.mkdir(parents=True, exist_ok=True)

    def add(self, claims: pd.DataFrame) -> None:
        df = comparable(claims, self.res)
        if not len(df):
            return
        if "sentence" in df.columns:  # what the text tells a fact (its copies, its basis, its headline), kept without it
            df = with_text_columns(df, self.res)
        df = df[[c for c in FACT_INPUT_COLUMNS if c in df.columns]]
        if self.n == 1:
            self.frames[0].append(df)
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        key = df["entity_id"].fillna("").where(df["entity_id"].fillna("") != "", df["entity"].str.lower())
        bucket = pd.util.hash_pandas_object(key, index=False) % self.n
        schema = bucket_schema()
        for b, part in df.groupby(bucket.to_numpy()):
            table = pa.Table.from_pandas(part.astype({"disputed": bool}), schema=schema, preserve_index=False)
            if b not in self.writers:
                self.writers[b] = pq.ParquetWriter(self.dir / f"bucket-{b:04d}.parquet", schema)
            self.writers[b].write_table(table)

    def group(self, opts: FactOptions, sources: dict):
        """(facts, conflicts, fact_claims) for each bucket in turn."""
        if self.n == 1:
            if self.frames[0]:
                yield group_facts(pd.concat(self.frames[0], ignore_index=True), self.res, opts, sources)
            return
        for w in self.writers.values():
            w.close()
        for b in sorted(self.writers):
            path = self.dir / f"bucket-{b:04d}.parquet"
            yield group_facts(pd.read_parquet(path), self.res, opts, sources)
            path.unlink()
