"""The failing paths of issue 18, as a new user met them: each ends in one line that names the fix.

Helpers (`invoke`, `run_cli`, `_one_line_error`, `article`) are test_bad_inputs.py's.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.errors import ModelsError
from pipeline.lexicons import GAZETTEER_KEYS, LEXICONS
from pipeline.resources import LexiconLoader, _read_yaml

from test_bad_inputs import ROOT, _one_line_error, article, invoke

MODELS = ROOT / "models"


# --- 1. a models/ file with a renamed key --------------------------------------------------------

def _renamed_keys() -> list:
    params = [pytest.param(f, k, id=f"{f}:{k}") for f in LEXICONS for k in LEXICONS[f]]
    for path in sorted((MODELS / "gazetteer").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LexiconLoader)  # noqa: S506 - a SafeLoader
        params += [pytest.param(f"gazetteer/{path.name}", k, id=f"gazetteer/{path.name}:{k}") for k in data]
    return params


def _rename_key(path: Path, key: str) -> None:
    """Rename the top-level `key:` line of a YAML file to `key_renamed:`, as a hand edit would."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(f"{key}:")]
    assert len(hits) == 1, (path, key)
    lines[hits[0]] = lines[hits[0]].replace(f"{key}:", f"{key}_renamed:", 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_every_lexicon_has_a_schema():
    """A new file under models/lexicons/ needs its keys in pipeline/lexicons.py, or it is read unchecked."""
    files = {f"lexicons/{p.name}" for p in (MODELS / "lexicons").glob("*.yaml")}
    assert files == set(LEXICONS)
    for rel in LEXICONS:  # and the shipped files pass their own schema
        _read_yaml(MODELS / rel)


@pytest.mark.parametrize("rel, key", _renamed_keys())
def test_a_renamed_key_names_the_file_and_the_key(tmp_path, rel, key):
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    shutil.copy(MODELS / rel, path)
    _rename_key(path, key)
    with pytest.raises(ModelsError) as info:
        _read_yaml(path)
    msg = str(info.value)
    assert msg.startswith("E005: ") and "\n" not in msg
    assert rel in msg and repr(key if rel.startswith("lexicons/") else f"{key}_renamed") in msg


@pytest.mark.parametrize("rel, key", [("lexicons/scales.yaml", "scales"), ("lexicons/number_words.yaml", "tens")])
def test_a_renamed_key_stops_the_run_before_any_article(tmp_path, rel, key):
    """scales.yaml gave a bare KeyError; number_words.yaml failed every article (A011) and exited 0."""
    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    _rename_key(models / rel, key)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article("a"), encoding="utf-8")
    r = invoke(folder, "--out", tmp_path / "o", "--models", models, "--workers", "1", "--no-model")
    _one_line_error(r, "E005", rel, f"'{key}' is missing", "fix the file")
    assert not (tmp_path / "o").exists()
