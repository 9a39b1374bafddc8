"""The seed corpus scored by the shared gold scorer: the issue's acceptance figures."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_gold.py"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus" / "seeds"), "--out", str(out),
                    "--silent"], check=True, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def seed_run_all_conflicts(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds-all")
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus" / "seeds"), "--out", str(out),
                    "--silent", "--all-conflicts"], check=True, cwd=ROOT)
    return out


def _summary(run: Path) -> dict:
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is not at {SCORER}")
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(SHARED / "corpus/seeds/gold.yaml"),
                          "--corpus", str(SHARED / "corpus/seeds"), "--run", str(run)],
                         capture_output=True, text=True, check=True)
    line = res.stdout.strip().splitlines()[-1]
    nums = dict(figures=r"figures (\d+)/(\d+)", entity=r"entity (\d+)%", metric=r"metric (\d+)%",
                flagged=r"conflicts flagged (\d+)/(\d+)", false=r"false alarms (\d+)/", high=r"too high (\d+)/")
    out = {}
    for key, rx in nums.items():
        m = re.search(rx, line)
        assert m, f"scorer summary changed: {line}"
        out[key] = tuple(int(g) for g in m.groups())
    return out


def test_seed_gold_meets_acceptance(seed_run):
    s = _summary(seed_run)
    found, total = s["figures"]
    assert found / total >= 0.95, s
    assert s["entity"][0] >= 90, s
    assert s["metric"][0] >= 90, s
    assert s["false"][0] == 0, s
    assert s["high"][0] == 0, s


def test_seed_conflicts_are_flagged_without_the_gate_and_doubtful_with_it(seed_run, seed_run_all_conflicts):
    # the seeds' three conflicts (a P/E, a share price and a year-to-date move, each about half the other) are of
    # the kinds the conflict gate finds unlikely: in the audited dumps such pairs were real a few times in a hundred
    s = _summary(seed_run_all_conflicts)
    assert s["flagged"][0] >= 2 and s["flagged"][1] == 3, s  # all three: the strict xfail below
    assert s["false"][0] == 0 and s["high"][0] == 0, s
    import pandas as pd

    every = pd.read_csv(seed_run_all_conflicts / "conflicts.csv")
    facts = pd.read_csv(seed_run / "facts.csv").set_index("fact_id")
    assert (facts.loc[every["fact_id"], "status"] == "doubtful").all()
    from pipeline.conflict_gate import load_gate

    threshold = load_gate(ROOT / "models").threshold
    assert len(pd.read_csv(seed_run / "conflicts.csv")) == (every["chance_real"] >= threshold).sum()


@pytest.mark.xfail(strict=True, reason="'compared with 20-30x for U.S. mega-cap tech' is now rightly actual, not a prior "
                   "value, and its entity is still Alibaba (gold: the U.S. group): Alibaba's forward P/E fact holds two "
                   "values from one source and is ambiguous, so the P/E conflict is not flagged (session 15)")
def test_all_three_seed_conflicts_without_the_gate(seed_run_all_conflicts):
    assert _summary(seed_run_all_conflicts)["flagged"][0] == 3


def test_rerun_gives_identical_tables(seed_run, tmp_path):
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus" / "seeds"), "--out", str(tmp_path),
                    "--silent", "--workers", "2"], check=True, cwd=ROOT)
    for name in ("claims.csv", "conflicts.csv", "articles.csv"):
        assert (seed_run / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_offsets_point_into_the_text_as_read(seed_run):
    import pandas as pd

    claims = pd.read_csv(seed_run / "claims.csv", keep_default_na=False)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "corpus" / "seeds").glob("*.txt")}
    assert len(claims) > 50
    for row in claims.itertuples():
        assert texts[row.doc][row.char_start:row.char_end] == row.figure
