"""Conflicts: facts whose independent sources disagree, one row per outlier (pipeline/facts.py).

The conflict table keeps the contract's pairwise columns: each row sets the majority's best report
(or, when two sources stand one against one, the other side) against an outlier's, the earlier
article as `claim_a`, with a reason that names both sides and a likely cause. This module sorts
the rows and gathers them in bounded memory; grouping and judging live in pipeline/facts.py.
"""
from __future__ import annotations

import pandas as pd

from .fact_reports import FACT_INPUT, in_table, sentence_key
from .conflict_rows import MAX_DISAGREEMENTS_PER_ARTICLE_PAIR
from .facts import COMPARABLE_MODALITIES, MIN_CONFIDENCE, Options, group_facts
from .resources import Resources
from .schema import CONFLICT_COLUMNS

RULE = "conflicts.v2"
__all__ = ["COMPARABLE_MODALITIES", "MAX_DISAGREEMENTS_PER_ARTICLE_PAIR", "MIN_CONFIDENCE", "FACT_INPUT", "Options",
           "find_conflicts", "in_table", "sentence_key", "sort_conflicts", "SortedConflicts"]


def find_conflicts(claims: pd.DataFrame, res: Resources, opts: Options = Options(), sources: dict | None = None) -> pd.DataFrame:
    """The conflicts among `claims` (a claims table as written to claims.parquet), sorted; each article is
    its own source unless `sources` maps article ids to near-duplicate sources."""
    if claims.empty:
        return pd.DataFrame(columns=list(CONFLICT_COLUMNS))
    table = group_facts(claims, res, opts, sources)[1]
    return sort_conflicts(table) if len(table) else pd.DataFrame(columns=list(CONFLICT_COLUMNS))


_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
_ORDER = ["severity", "entity", "metric", "conflict_id"]


def sort_conflicts(df: pd.DataFrame) -> pd.DataFrame:
    """Most severe first, then by entity, metric and id: the same order on every run."""
    return df.sort_values(_ORDER, key=lambda s: s.map(_SEVERITY_RANK) if s.name == "severity" else s).reset_index(drop=True)


class SortedConflicts:
    """Conflict chunks in, the whole table out in `sort_conflicts` order, in bounded memory.

    Chunks are kept in memory up to `spill_rows` rows; past that each is sorted and written
    to a Parquet file in `spill_dir`, and `batches` merges the files (heapq over small row
    batches). An external sort written here because the run's other tables are streamed as
    they come, and neither pandas nor pyarrow merges sorted files without loading them whole.
    """

    def __init__(self, spill_dir, spill_rows: int = 200_000, batch_rows: int = 20_000):
        from pathlib import Path

        self.dir, self.spill_rows, self.batch_rows = Path(spill_dir), spill_rows, batch_rows
        for stale in self.dir.glob("conflicts-*.parquet"):  # left by a run killed while merging
            stale.unlink()
        self.held: list[pd.DataFrame] = []
        self.held_rows = 0
        self.files: list = []

    def add(self, chunk: pd.DataFrame) -> None:
        if not len(chunk):
            return
        self.held.append(chunk)
        self.held_rows += len(chunk)
        if self.files or self.held_rows > self.spill_rows:
            self._spill()

    def _spill(self) -> None:
        for chunk in self.held:
            self.dir.mkdir(parents=True, exist_ok=True)
            path = self.dir / f"conflicts-{len(self.files):05d}.parquet"
            sort_conflicts(chunk).to_parquet(path, index=False, row_group_size=self.batch_rows)
            self.files.append(path)
        self.held, self.held_rows = [], 0

    def batches(self):
        """Sorted DataFrames of about `batch_rows` rows (one, possibly empty, when nothing spilled)."""
        if not self.files:
            yield sort_conflicts(pd.concat(self.held, ignore_index=True)) if self.held \
                else pd.DataFrame(columns=list(CONFLICT_COLUMNS))
            return
        import heapq

        import pyarrow.parquet as pq

        def rows(path):
            for batch in pq.ParquetFile(path).iter_batches(batch_size=2_000):
                yield from batch.to_pandas().itertuples(index=False, name=None)

        names = list(pq.ParquetFile(self.files[0]).schema_arrow.names)
        at = [names.index(c) for c in _ORDER]
        rank = at[0]
        merged = heapq.merge(*(rows(p) for p in self.files),
                             key=lambda r: (_SEVERITY_RANK[r[rank]], r[at[1]], r[at[2]], r[at[3]]))
        out: list[tuple] = []
        for row in merged:
            out.append(row)
            if len(out) >= self.batch_rows:
                yield pd.DataFrame(out, columns=names)
                out = []
        if out:
            yield pd.DataFrame(out, columns=names)
        for p in self.files:
            p.unlink(missing_ok=True)
