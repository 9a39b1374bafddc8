"""A company one article names with its ticker and another by its name alone is one entity across the run."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline import runner
from pipeline.identity import shared_ids, slug, with_shared_ids


@pytest.mark.parametrize("pairs, expected", [
    # the name's slug takes the ticker another article wrote beside it
    ([("Pitney Bowes", "pitney-bowes"), ("Pitney Bowes", "PBI")], {"pitney-bowes": "PBI"}),
    # the same name spelled with other punctuation is the same slug
    ([("Trade Desk", "trade-desk"), ("Trade  Desk", "TTD")], {"trade-desk": "TTD"}),
    # two tickers for one name: nothing says which company a bare name is
    ([("Delta", "delta"), ("Delta", "DAL"), ("Delta", "DELTA.TA")], {}),
    # no slug in the run: nothing to map
    ([("Lyft", "LYFT"), ("Lyft", "LYFT")], {}),
    # a slug no other id shares stays
    ([("Quipt Home Medical", "quipt-home-medical"), ("Acme", "ACME")], {}),
    # empty names or ids are no evidence
    ([("", "PBI"), ("Pitney Bowes", ""), ("Pitney Bowes", "pitney-bowes")], {}),
])
def test_shared_ids(pairs, expected):
    assert shared_ids(pairs) == expected


def test_slug():
    assert slug("Fidelity National Information Services, Inc.") == "fidelity-national-information-services-inc"


def test_claims_take_the_shared_id_and_others_keep_theirs():
    claims = pd.DataFrame({"entity": ["Pitney Bowes", "Acme", "Pitney Bowes"],
                           "entity_id": ["pitney-bowes", "acme", "PBI"]})
    out = with_shared_ids(claims, {"pitney-bowes": "PBI"})
    assert list(out["entity_id"]) == ["PBI", "acme", "PBI"]


def test_a_run_groups_a_named_and_a_tickered_report_into_one_fact(tmp_path):
    dump = tmp_path / "dump.jsonl"
    records = [
        {"id": "w1", "published": "2025-02-12", "source": "wire", "title": "Zentrova beats",
         "text": "Zentrova Biologics (NASDAQ:ZNTV) reported fourth-quarter revenue of $412.5 million."},
        {"id": "w2", "published": "2025-02-12", "source": "blog", "title": "Zentrova results",
         "text": "Zentrova Biologics said fourth-quarter revenue came to $398 million."},
    ]
    dump.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    out = tmp_path / "out"
    runner.run([dump], runner.RunOptions(out=out, workers=1, batch_size=5, silent=True, use_model=False, gate=False))
    claims = pd.read_parquet(out / "claims.parquet")
    revenue = claims[claims["metric"] == "revenue"]
    assert set(revenue["entity_id"]) == {"ZNTV"}, revenue[["article_id", "entity", "entity_id"]]
    facts = pd.read_parquet(out / "facts.parquet")
    fact = facts[facts["metric"] == "revenue"]
    # two values of one fact; `doubtful`, not `conflict`, as no pair passes the conflict rows' gates (the
    # headlines name "Zentrova" alone)
    assert len(fact) == 1 and fact.iloc[0]["n_values"] == 2 and fact.iloc[0]["status"] in ("conflict", "doubtful")
