"""The run's working store: results written in parts as they come, so runs resume and append.

Layout under `DIR/.parts/`:
  state.json                 segments: one per set of inputs, with how many articles are done
  S-NNNNNN.claims.parquet    claims of one flushed batch of segment S
  S-NNNNNN.articles.parquet  the batch's article rows (with each text's hash, for duplicates)
  S-NNNNNN.texts.parquet     the batch's texts (for claims.db's article_texts)

A part is written under a temporary name and renamed, then state.json is
replaced: a run killed at any moment leaves state.json pointing at complete
parts only, and a restart skips the articles they hold. A new dump into the
same DIR becomes a new segment; the final tables are built from all segments.
"""
from __future__ import annotations

import hashlib
import json
import os
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
