"""The run's working store: results written in parts as they come, so runs resume and append.

Layout under `DIR/.parts/`:
  state.json                 segments: one per set of inputs, with how many articles are done
  S-NNNNNN.claims.parquet    claims of one flushed batch of segment S
  S-NNNNNN.articles.parquet  the batch's article rows (with each text's hash, for duplicates)
  S-NNNNNN.texts.parquet     the batch's texts (for claims.db's article_texts)
  seen.sqlite                the duplicate index of the run in progress (rebuilt at each start)

A part is written under a temporary name and renamed, then state.json is
replaced: a run killed at any moment leaves state.json pointing at complete
parts only, and a restart skips the articles they hold. A new dump into the
same DIR becomes a new segment; the final tables are built from all segments.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

STATE = "state.json"


@dataclass
class Segment:
    key: str  # fingerprint of inputs + options + version + models
    inputs: list[str]
    consumed: int = 0  # articles read (and written) so far, in ingest order
    parts: list[str] = field(default_factory=list)
    done: bool = False


def fingerprint(inputs: list[Path], options: dict, version: str, models_dir: Path) -> str:
    """Same inputs (name, size, mtime), options, version and models/ give the same key."""
    h = hashlib.sha1()
    for p in inputs:
        p = Path(p)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            st = f.stat()
            h.update(f"{f.resolve()}|{st.st_size}|{int(st.st_mtime)}\n".encode())
    h.update(json.dumps(options, sort_keys=True).encode())
    h.update(version.encode())
    for f in sorted(Path(models_dir).rglob("*")):
        if f.is_file():
            h.update(f"{f.relative_to(models_dir)}|{f.stat().st_size}|{int(f.stat().st_mtime)}\n".encode())
    return h.hexdigest()[:16]


class PartStore:
    def __init__(self, out: Path):
        self.dir = out / ".parts"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.segments: list[Segment] = []
        path = self.dir / STATE
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            self.segments = [Segment(**s) for s in data.get("segments", [])]

    def _save(self) -> None:
        tmp = self.dir / f".{STATE}.tmp-{os.getpid()}"
        tmp.write_text(json.dumps({"segments": [s.__dict__ for s in self.segments]}, indent=1), encoding="utf-8")
        os.replace(tmp, self.dir / STATE)

    def segment_for(self, key: str, inputs: list[str]) -> Segment:
        """The segment of these inputs: resumed if it exists, restarted if its key changed."""
        for seg in self.segments:
            if seg.inputs == inputs:
                if seg.key != key:  # the code, options or models changed: process these inputs again
                    self._drop_parts(seg)
                    seg.key, seg.consumed, seg.parts, seg.done = key, 0, [], False
                    self._save()
                return seg
        seg = Segment(key=key, inputs=inputs)
        self.segments.append(seg)
        self._save()
        return seg

    def drop(self, seg: Segment) -> None:
        """Forget a segment (one that wrote no part: its inputs held nothing, or it failed at the start)."""
        self._drop_parts(seg)
        self.segments.remove(seg)
        self._save()

    def _drop_parts(self, seg: Segment) -> None:
        for name in seg.parts:
            for kind in ("claims", "articles", "texts"):
                (self.dir / f"{name}.{kind}.parquet").unlink(missing_ok=True)

    def write_part(self, seg: Segment, claims: pd.DataFrame, articles: pd.DataFrame, texts: pd.DataFrame,
                   consumed: int) -> None:
        index = self.segments.index(seg)
        name = f"{index:02d}-{len(seg.parts):06d}"
        for kind, df in (("claims", claims), ("articles", articles), ("texts", texts)):
            final = self.dir / f"{name}.{kind}.parquet"
            tmp = self.dir / f".{name}.{kind}.tmp-{os.getpid()}"
            df.to_parquet(tmp, index=False)
            os.replace(tmp, final)
        seg.parts.append(name)
        seg.consumed = consumed
        self._save()

    def finish(self, seg: Segment) -> None:
        seg.done = True
        self._save()

    def files(self, kind: str, exclude: Segment | None = None) -> list[Path]:
        out = []
        for seg in self.segments:
            if seg is exclude:
                continue
            out.extend(self.dir / f"{name}.{kind}.parquet" for name in seg.parts)
        return out

    def read(self, kind: str, columns: list[str] | None = None, exclude: Segment | None = None) -> pd.DataFrame:
        frames = [pd.read_parquet(p, columns=columns) for p in self.files(kind, exclude)]
        frames = [f for f in frames if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns or [])


class SeenIndex:
    """Text hashes and article ids met so far, kept in SQLite so memory stays flat as the dump grows.

    As two dicts this index grew to 403 MB over 1.76 million articles (bench/memory.py --only-dedupe).
    SQLite's page cache is capped (`CACHE_KB`) and the rest lives on disk. The file
    is scratch: it is rebuilt from the stream (and earlier segments' parts) at each
    start, so a killed run leaves nothing that a restart must trust.
    """

    CACHE_KB = 16_000
    COMMIT_EVERY = 20_000

    def __init__(self, path: Path):
        self.path = path
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute(f"PRAGMA cache_size=-{self.CACHE_KB}")
        self.db.execute("CREATE TABLE text_seen (hash TEXT PRIMARY KEY, article_id TEXT) WITHOUT ROWID")
        self.db.execute("CREATE TABLE id_seen (article_id TEXT PRIMARY KEY, hash TEXT) WITHOUT ROWID")
        self.db.execute("BEGIN")
        self._pending = 0

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= self.COMMIT_EVERY:
            self.db.execute("COMMIT")
            self.db.execute("BEGIN")
            self._pending = 0

    def _value(self, sql: str, key: str) -> str | None:
        row = self.db.execute(sql, (key,)).fetchone()
        return row[0] if row else None

    def first_with_text(self, text_hash: str) -> str | None:
        """The id of the first article with this text hash, or None."""
        return self._value("SELECT article_id FROM text_seen WHERE hash = ?", text_hash)

    def add_text(self, text_hash: str, article_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO text_seen VALUES (?, ?)", (text_hash, article_id))
        self._tick()

    def add_texts(self, pairs) -> None:
        self.db.executemany("INSERT OR IGNORE INTO text_seen VALUES (?, ?)", pairs)

    def hash_of_id(self, article_id: str) -> str | None:
        return self._value("SELECT hash FROM id_seen WHERE article_id = ?", article_id)

    def add_id(self, article_id: str, text_hash: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO id_seen VALUES (?, ?)", (article_id, text_hash))
        self._tick()

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)
