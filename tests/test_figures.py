"""Figures as a table: tests/cases/figures.yaml, one expected value <- many phrasings.

Each row is run through `resolve_figures`; every figure found must be listed in
the row (nothing extra), and a negative row must give no figure at all, with the
skip reason it names.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import case_params
from pipeline.figures import resolve_figures
from pipeline.runner import dollar_for

OPTIONAL = ("text", "table_role", "table_label")


def _expected(exp: dict) -> dict:
    value = Decimal(str(exp["value"]))
    out = {
        "value": value,
        "low": Decimal(str(exp.get("low", value))),
        "high": Decimal(str(exp.get("high", value))),
        "unit": exp["unit"],
        "kind": exp["kind"],
        "approx": exp.get("approx", "exact"),
    }
    out.update({k: exp[k] for k in OPTIONAL if k in exp})
    return out


def _actual(fig, exp: dict) -> dict:
    out = {"value": fig.value, "low": fig.low, "high": fig.high, "unit": fig.unit, "kind": fig.kind, "approx": fig.approx}
    out.update({k: getattr(fig, k) for k in OPTIONAL if k in exp})
    return out


@pytest.mark.parametrize("text, row, group", case_params("figures") + case_params("figures_counts")
                         + case_params("figures_tables"))
def test_figures_table(text, row, group, resources):
    dollar = row.get("dollar", "USD")
    if dollar == "dateline":
        dollar = dollar_for(text, resources)
    figures, skipped = resolve_figures(text, resources, dollar, row.get("title", ""), row.get("year", 0))
    for f in figures:  # offsets always point at the figure's own text
        assert text[f.start:f.end] == f.text
    if "expect" in row or "figures" in row:
        expected = [row["expect"]] if "expect" in row else row["figures"]
        found = [f.text for f in figures]
        assert len(figures) == len(expected), f"found {found}"
        for fig, exp in zip(figures, expected):
            assert _actual(fig, exp) == _expected(exp), f"figure {fig.text!r} (rule {fig.rule})"
    else:
        assert figures == [], f"a non-figure was read as {[(f.text, f.unit) for f in figures]}"
        if "skip" in row:
            assert row["skip"] in {s.reason for s in skipped}, f"skipped {[(s.text, s.reason) for s in skipped]}"


def test_values_are_decimals_never_floats(resources):
    figures, _ = resolve_figures("Sales rose 3.2% to $1.1bn at 11x earnings.", resources)
    assert [f.text for f in figures] == ["3.2%", "$1.1bn", "11x"]
    assert all(isinstance(v, Decimal) for f in figures for v in (f.value, f.low, f.high))


def test_a_dateline_without_a_local_dollar_keeps_usd(resources):
    assert dollar_for("NEW YORK, March 3 - Acme said profit rose to 5 mln dlrs.", resources) == "USD"
