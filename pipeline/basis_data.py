"""models/lexicons/basis.yaml read once: the bases a figure is stated on, and the limits of a company's total.

`resources.load_resources` calls `load_basis` with its reader and error builder, as it does `measures.load_measures`;
the file was read four times before (once per key), now once.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Mapping


def load_basis(path: Path, metrics: Mapping, read_yaml: Callable, fail: Callable, compile_lower: Callable) -> dict:
    """Resources' basis fields from `path`: basis, quote_only_bases, moment_bases, estimate_plain_bases, least_total,
    not_totals.

    metrics: the metrics' names (metrics.yaml) that `totals: except` may name; fail(path, detail, valid) builds
    errors; compile_lower(path, pattern) compiles a pattern for lower-cased text (`models_yaml.compile_lower`).
    """
    data = read_yaml(path)
    return {"basis": _bases(path, data, fail, compile_lower), "quote_only_bases": _named_bases(path, data, "quote_only", fail),
            "moment_bases": _named_bases(path, data, "stated_moment", fail),
            "estimate_plain_bases": frozenset(data.get("estimate_plain") or ()), **_totals(path, data, metrics, fail)}


def _totals(path: Path, data: dict, metrics: Mapping, fail: Callable) -> dict:
    """`totals`: {least: amount, except: [metric, ...]} -> least_total, not_totals."""
    totals = data["totals"]
    least, unknown = totals.get("least"), [m for m in totals.get("except") or () if m not in metrics]
    if not isinstance(least, (int, float)) or unknown:
        raise fail(path, f"`totals` needs `least` (a number) and `except` (metric names; unknown: {unknown})",
                   "models/lexicons/basis.yaml")
    return {"least_total": float(least), "not_totals": frozenset(totals.get("except") or ())}


def _named_bases(path: Path, data: dict, key: str, fail: Callable) -> frozenset[str]:
    """`quote_only` (bases only a market quote takes) or `stated_moment`: names of bases of its `basis` mapping."""
    names = data.get(key) or []
    unknown = [n for n in names if n not in (data.get("basis") or {})] if isinstance(names, list) else names
    if unknown:
        raise fail(path, f"`{key}` lists bases the `basis` mapping does not name: {unknown}",
                   "models/lexicons/basis.yaml")
    return frozenset(str(n) for n in names)


def _bases(path: Path, data: dict, fail: Callable, compile_lower: Callable) -> dict[str, re.Pattern]:
    """`basis`: {name: regex}, tried in order on lower-cased text."""
    rules = data.get("basis") if isinstance(data, dict) else None
    if not isinstance(rules, dict) or not rules:
        raise fail(path, "needs a `basis` mapping of {name: regex}", "models/lexicons/basis.yaml")
    return {str(k): compile_lower(path, str(v)) for k, v in rules.items()}
