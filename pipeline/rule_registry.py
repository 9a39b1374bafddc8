"""The registry of rule ids (models/rules.yaml): every id the pipeline writes or registers, with its meaning.

A claim's `rule`, a period's `rule`, a module's RULE and a stage's name (pipeline/stages.py) are ids of
the form <stage>.<family>.v<N>. They were string literals with no list (issue 18); the list is here,
read and checked with the other models/ files (`resources.load_resources`), and
tests/test_rule_registry.py holds the code to it.
"""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

# "figures.money.v2"; a family writes its varying part as one {placeholder}: "figures.{kind}.v2"
RULE_ID = re.compile(r"[a-z_]+(?:\.(?:[a-z_0-9]+|\{[a-z_]+\}))*\.v[0-9]+")
_SECTIONS = ("rules", "families")


def load_rule_registry(path: Path, read_yaml: Callable, fail: Callable) -> Mapping[str, str]:
    """Every id of models/rules.yaml (`rules` and `families`) -> its one-line meaning.

    read_yaml, fail: models_yaml.read_yaml and models_yaml.fail (a malformed file is an E005 at load time).
    """
    data = read_yaml(path)
    ids: dict[str, str] = {}
    for section in _SECTIONS:
        entries = data.get(section)
        if not isinstance(entries, dict) or (section == "rules" and not entries):
            raise fail(path, f"`{section}` is not a mapping of {{rule id: its meaning}}", ", ".join(_SECTIONS))
        for rid, meaning in entries.items():
            if not isinstance(rid, str) or not RULE_ID.fullmatch(rid) or ("{" in rid) != (section == "families"):
                shape = "one {placeholder}: figures.{kind}.v2" if section == "families" else "figures.money.v2"
                raise fail(path, f"{section}: {rid!r} is not an id <stage>.<family>.v<N>", f"ids such as {shape}")
            if not isinstance(meaning, str) or not meaning.strip() or "\n" in meaning.strip():
                raise fail(path, f"{section}: {rid}'s meaning {meaning!r:.40} is not one line of words",
                           "one line saying what the rule does")
            ids[rid] = meaning.strip()
    unknown = sorted(str(k) for k in data if k not in _SECTIONS)
    if unknown:
        raise fail(path, f"unknown key {unknown[0]!r}", ", ".join(_SECTIONS))
    return MappingProxyType(ids)
