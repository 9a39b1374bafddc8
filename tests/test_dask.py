"""The Dask engine gives the same tables as the single-process run."""
from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from pipeline.runner import RunOptions, run

pytest.importorskip("dask.distributed")
ROOT = Path(__file__).resolve().parent.parent
YAHOO = ROOT.parent / "shared" / "news-dump" / "yahoo-finance-2017-2020.jsonl.gz"


def test_local_cluster_matches_single_process(tmp_path):
    if not YAHOO.exists():
        pytest.skip(f"news dump not found at {YAHOO}")
    dump = tmp_path / "sample.jsonl"
    with gzip.open(YAHOO, "rt", encoding="utf-8") as src:
        dump.write_text("".join(itertools.islice(src, 120)), encoding="utf-8")
    single, dask = tmp_path / "single", tmp_path / "dask"
    run([dump], RunOptions(out=single, workers=1, batch_size=8, silent=True, use_model=False))
    run([dump], RunOptions(out=dask, workers=2, batch_size=8, silent=True, use_model=False, engine="dask"))
    for name in ("claims.csv", "conflicts.csv", "articles.csv"):
        assert (single / name).read_bytes() == (dask / name).read_bytes(), name
    for out, engine in ((single, "local"), (dask, "dask")):  # run.json says how the run was made
        options = json.loads((out / "run.json").read_text())["options"]
        assert options["engine"] == engine and options["scheduler"] is None
