"""models/rules.yaml lists every rule id the code uses, once, and no id the code has dropped (issue 18)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import stages
from pipeline.errors import ModelsError
from pipeline.models_yaml import fail as _fail, read_yaml as _read_yaml
from pipeline.rule_registry import load_rule_registry

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "models" / "rules.yaml"
# a quoted id ("figures.money.v2") and an f-string that builds one (f"figures.{kind}.v2")
LITERAL = re.compile(r"""["']([a-z_]+(?:\.[a-z_0-9]+)*\.v[0-9]+)["']""")
TEMPLATE = re.compile(r"""\bf["']([a-z_.]*\{[^}"']*(?:'[^']*'[^}"']*)*\}[a-z_.]*\.v[0-9]+)["']""")
_PLACE = re.compile(r"\{[^}]*\}")


def _code_ids() -> tuple[dict[str, str], dict[str, str]]:
    """The ids pipeline/*.py writes as literals and as f-strings (placeholders as {}), each -> a file that does."""
    literals, families = {}, {}
    for path in sorted((ROOT / "pipeline").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for m in LITERAL.finditer(source):
            literals.setdefault(m.group(1), path.name)
        for m in TEMPLATE.finditer(source):
            families.setdefault(_PLACE.sub("{}", m.group(1)), path.name)
    return literals, families


@pytest.fixture(scope="module")
def registry():
    return load_rule_registry(REGISTRY, _read_yaml, _fail)


def test_the_scan_finds_the_known_kinds_of_ids():
    literals, families = _code_ids()
    assert {"former_names.v1", "dates.range.v1", "figures.table.v2", "claims.v1"} <= set(literals)
    assert {"figures.{}.v2", "dates.{}.v2"} <= set(families)


def test_every_rule_id_in_the_code_is_registered(registry):
    literals, families = _code_ids()
    missing = [f"{rid} ({where})" for rid, where in sorted(literals.items()) if rid not in registry]
    registered_families = {_PLACE.sub("{}", rid) for rid in registry if "{" in rid}
    missing += [f"{rid} ({where})" for rid, where in sorted(families.items()) if rid not in registered_families]
    assert not missing, f"add these to models/rules.yaml with a line saying what each means: {missing}"


def test_every_stage_the_pipeline_registers_is_a_registered_rule_id(registry):
    own = [st.name for st in stages._REGISTRY.values() if st.fn.__module__.startswith("pipeline.")]
    assert set(stages.DEFAULT_STAGES) | set(stages.BATCH_STAGES) <= set(own)
    assert [n for n in own if n not in registry] == []


def test_no_registered_id_is_left_that_no_code_uses(registry):
    literals, families = _code_ids()
    stage_names = {st.name for st in stages._REGISTRY.values()}
    stale = [rid for rid in registry
             if rid not in literals and rid not in stage_names and _PLACE.sub("{}", rid) not in families]
    assert stale == [], f"no code uses these: remove them from models/rules.yaml or restore their rule: {stale}"


def test_load_resources_reads_the_registry(resources):
    assert resources.rule_ids["dates.v1"].startswith("the headline")


@pytest.mark.parametrize("body, detail", [
    ("rules:\n  figures.money: an amount\nfamilies: {}\n", "is not an id"),
    ("rules:\n  figures.money.v2: ''\nfamilies: {}\n", "is not one line"),
    ("rules:\n  figures.money.v2: an amount\nfamilies:\n  figures.kind.v2: a number\n", "is not an id"),
    ("rule:\n  figures.money.v2: an amount\nfamilies: {}\n", "`rules` is not a mapping"),
    ("rules:\n  figures.money.v2: an amount\nfamilies: {}\nnotes: x\n", "unknown key 'notes'"),
])
def test_a_malformed_registry_stops_at_load_with_one_line(tmp_path, body, detail):
    path = tmp_path / "rules.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ModelsError) as err:
        load_rule_registry(path, _read_yaml, _fail)
    text = str(err.value)
    assert text.startswith("E005: ") and detail in text and "\n" not in text
