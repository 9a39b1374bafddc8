"""Regression floor on the peer suites (issue 4): no suite file may drop below its level in bench/peer_levels.json.

The scoring is bench/peer_suites.py's (loaded by path); spaCy is not run here.
Raise the floors when the parsers improve: python bench/peer_suites.py --no-spacy --raise-levels
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "peer_suites.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_peer_suites", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the file executes
    spec.loader.exec_module(mod)
    return mod


bench = _load_bench()
SUITE_DIR = bench.DEFAULT_SUITE_DIR
FILES = bench.suite_files(SUITE_DIR) if SUITE_DIR.is_dir() else []
LEVELS = json.loads(bench.LEVELS_FILE.read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(
    not FILES, reason=f"peer suites not found: no *.jsonl files in {SUITE_DIR} (the shared ../shared/peer-suites folder)")


@pytest.fixture(scope="module")
def results(resources):
    return {p.name: bench.score_file(p, resources) for p in FILES}


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_file_has_a_level(name):
    assert name in LEVELS, (f"{name} has no floor in {bench.LEVELS_FILE.relative_to(ROOT)}; record one with "
                            f"python bench/peer_suites.py --no-spacy --raise-levels")


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_share_not_below_level(results, name):
    fr = results[name]
    if name not in LEVELS:
        pytest.fail(f"{name} has no floor in bench/peer_levels.json")
    got, floor = bench.level(fr), LEVELS[name]
    fails = fr.failures[:5]
    detail = "\n".join(f"  {r.id}: {r.input!r} missed {[it['text'] for it in r.missed] or 'nothing expected'}"
                       for r in fails)
    assert got >= floor - 1e-9, (f"{name}: {fr.passed}/{fr.cases} passed = {got}% < floor {floor}%\n"
                                 f"first failing cases:\n{detail}")


def test_levels_name_existing_files():
    """A recorded floor for a file that is not in the folder is a typo or a renamed file."""
    names = {p.name for p in FILES}
    stale = [k for k in LEVELS if not k.startswith("_") and k not in names]
    assert not stale, f"bench/peer_levels.json names files not in {SUITE_DIR}: {stale}"
