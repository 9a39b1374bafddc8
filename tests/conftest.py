from __future__ import annotations

import datetime
import os
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline import extract
from pipeline.resources import load_resources

REF = datetime.date(2024, 5, 15)
CASES_DIR = Path(__file__).parent / "cases"
GROUPS = ("bugs_caught", "new", "held_out", "known_bad", "negative")


@pytest.fixture(scope="session", autouse=True)
def encoder_cache(tmp_path_factory):
    """The transformer stage's built-encoder cache, kept in a folder of this test session (and
    inherited by the CLI runs tests start) instead of the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("encoder-cache")
    old = os.environ.get("CLAIMS_CACHE")
    os.environ["CLAIMS_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("CLAIMS_CACHE", None)
    else:
        os.environ["CLAIMS_CACHE"] = old


@pytest.fixture(scope="session")
def resources():
    return load_resources()


def case_params(stage: str) -> list:
    """Rows of tests/cases/<stage>.yaml as pytest params, one per phrasing; the id is the input text.

    A row gives `text` or `texts` (many phrasings, one expected value). Rows under
    known_bad run as strict xfail, so a fix makes the row fail until it is moved.
    """
    data = yaml.safe_load((CASES_DIR / f"{stage}.yaml").read_text(encoding="utf-8")) or {}
    unknown = set(data) - set(GROUPS)
    assert not unknown, f"tests/cases/{stage}.yaml: unknown groups {sorted(unknown)}; use {GROUPS}"
    params = []
    for group in GROUPS:
        for row in data.get(group) or []:
            texts = row["texts"] if "texts" in row else [row["text"]]
            marks = [pytest.mark.xfail(strict=True, reason=row.get("bug", "known bad"))] if group == "known_bad" else []
            params += [pytest.param(text, row, group, id=text, marks=marks) for text in texts]
    return params


def claim_metric(text: str, figure: str, published: str) -> str:
    """The metric of the first claim of `figure` (as written) in `text`, an article of that day; fails naming the
    claims found when `figure` has none. Each metric test binds its day: `partial(claim_metric, published=...)`."""
    claims, _ = extract([text], published=published)
    rows = claims[claims["figure"] == figure]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric']].to_dict('records')}"
    return rows.iloc[0]["metric"]


def one_claim(title: str, published: str, text: str, figure: str):
    """The one claim of `figure` (as written) in an article of that headline and day; fails naming the claims found
    when there is none or more than one."""
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": title}]))
    rows = claims[claims["figure"] == figure]
    assert len(rows) == 1, f"{len(rows)} claims of {figure!r}: {claims[['figure', 'period_label']].to_dict('records')}"
    return rows.iloc[0]
