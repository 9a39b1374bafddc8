"""The examples in pipeline's docstrings run as tests (issue 18: they had never been run)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import pipeline

MODULES = sorted(m.name for m in pkgutil.walk_packages(pipeline.__path__, "pipeline.") if not m.name.endswith("__main__"))


def _has_examples(name: str) -> bool:
    return any(t.examples for t in doctest.DocTestFinder().find(importlib.import_module(name)))


WITH_EXAMPLES = [name for name in MODULES if _has_examples(name)]


def test_the_modules_with_examples_are_found():
    assert {"pipeline.numbers", "pipeline.calendar_rules", "pipeline.reporting_periods", "pipeline.date_math", "pipeline.facts"} <= set(WITH_EXAMPLES), WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
