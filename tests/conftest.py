from __future__ import annotations

import datetime

import pytest

from pipeline.resources import load_resources

REF = datetime.date(2024, 5, 15)


@pytest.fixture(scope="session")
def resources():
    return load_resources()
