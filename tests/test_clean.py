"""Cleaning as a table: tests/cases/clean.yaml.

Cleaning must keep offsets: every figure found in the cleaned text is mapped back
with `CleanText.original_span`, and the row lists the raw text it must land on.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import case_params
from pipeline.clean import clean_text
from pipeline.figures import resolve_figures


def _expected(item) -> dict:
    if isinstance(item, str):
        return {"raw": item}
    out = dict(item)
    if "value" in out:
        out["value"] = Decimal(str(out["value"]))
    return out


@pytest.mark.parametrize("text, row, group", case_params("clean"))
def test_clean_table(text, row, group, resources):
    ct = clean_text(text, resources, row.get("origin", ""))
    if row.get("unchanged"):
        assert ct.text == text
    # the offset map: one entry per cleaned character plus the end, never going backwards
    assert len(ct.offsets) == len(ct.text) + 1
    assert ct.offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(ct.offsets, ct.offsets[1:]))
    figures, _ = resolve_figures(ct.text, resources)
    actual = []
    for f in figures:
        start, end = ct.original_span(f.start, f.end)
        actual.append({"raw": text[start:end], "unit": f.unit, "value": f.value})
    expected = [_expected(item) for item in row["figures"]]
    assert [a["raw"] for a in actual] == [e["raw"] for e in expected], f"cleaned: {ct.text!r}"
    for a, e in zip(actual, expected):
        assert {k: a[k] for k in e} == e
    if "sentences" in row:
        assert [ct.text[s.start:s.end] for s in ct.sentences] == row["sentences"]
    for part in row.get("has", []):
        assert part in ct.text, f"cleaned: {ct.text!r}"
    for part in row.get("lacks", []):
        assert part not in ct.text, f"cleaned: {ct.text!r}"


def test_plain_text_is_not_copied_or_remapped(resources):
    text = "Revenue rose 8% to $2bn."
    ct = clean_text(text, resources)
    assert ct.text == text
    assert list(ct.offsets) == list(range(len(text) + 1))


def test_sentence_at_finds_the_sentence_of_an_offset(resources):
    ct = clean_text("Revenue rose 8%. Profit fell 3%.", resources)
    s = ct.sentence_at(ct.text.index("3%"))
    assert ct.text[s.start:s.end] == "Profit fell 3%."
    assert ct.sentence_at(len(ct.text) + 5) is None
