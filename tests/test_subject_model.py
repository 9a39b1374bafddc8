"""The subject stage (issue 8): candidates from the rules, features, the head's decision, the shipped head."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from pipeline import subject_model as sm
from pipeline.ingest import make_article
from pipeline.records import Claim, Mention
from pipeline.runner import process_article

from conftest import REF

ARTICLE = ("Ford Motor Co said on Tuesday its quarterly profit rose.\n"
           "General Motors and Toyota reported results on Tuesday, with margins at 9.5 pct.\n"
           "Toyota's margin was 7.7 pct.\n"
           "Margins were 3.1 pct in the quarter, analysts said.")


def claims_of(text: str, title: str = "Ford profit rises") -> dict[str, Claim]:
    from pipeline.resources import load_resources

    art = make_article({"text": text, "published": REF.isoformat(), "title": title}, "a", "test")
    return {c.figure: c for c in process_article(art, load_resources()).claims}


def test_weak_route_claims_carry_their_candidates_main_company_last():
    c = claims_of(ARTICLE)["9.5 pct"]
    assert c.subject_route == "sentence"
    assert [(m.entity, m.start) for m in c.subject_candidates] == [("General Motors", 0), ("Toyota", 19), ("Ford", -1)]
    assert c.sentence[19:25] == "Toyota"  # offsets are relative to the sentence


def test_attached_subjects_and_lone_main_companies_carry_no_candidates():
    found = claims_of(ARTICLE)
    assert found["7.7 pct"].subject_route == "attached" and found["7.7 pct"].subject_candidates == ()
    # a sentence naming nobody: the main company is the only candidate, so there is nothing to rank
    assert found["3.1 pct"].subject_route == "main" and found["3.1 pct"].subject_candidates == ()
    assert found["3.1 pct"].entity == "Ford"  # "Margins" names a metric, not a company


def test_candidates_are_transient_not_table_columns():
    from pipeline import extract

    claims, _ = extract([ARTICLE], published=REF)
    assert not {"subject_candidates", "subject_route", "cue_score"} & set(claims.columns)
    assert "Toyota" in set(claims.entity)


def claim_with(sentence: str, figure: str, cands: list[tuple[str, str, str, int]], rule_entity: str,
               title: str = "", main: str | None = None, kind: str = "company") -> Claim:
    """A claim whose candidates are (entity, id, surface text, start in sentence), plus an optional main."""
    ms = [Mention(text, start, start + len(text), name, eid, kind, possessive=sentence[start + len(text):].startswith("'s"))
          for name, eid, text, start in cands]
    if main:
        ms.append(Mention(main, -1, -1, main, main.lower(), "company", source="main"))
    start = sentence.index(figure)
    return Claim(claim_id="c", article_id="a", doc="a", published=REF, published_inferred=False, entity=rule_entity,
                 entity_id=rule_entity.lower(), segment="", metric="other", value=1.0, value_low=1.0, value_high=1.0,
                 unit="%", approx="exact", period_start=None, period_end=None, period_label="", modality="actual",
                 figure=figure, char_start=start, char_end=start + len(figure), sentence=sentence, confidence=0.5,
                 rule="figures.percent.v1", title=title, subject_route="sentence", subject_candidates=tuple(ms))


S1 = "Initech and Globex reported on Monday, while margins at Hooli reached 9 pct, up from Umbrella's 4 pct."
# (case, feature, expected value for each candidate in order)
FEATURE_CASES = [
    ("rule pick", "rule", [1, 0, 0, 0]),
    ("before the figure", "before", [1, 1, 1, 0]),
    ("after the figure", "after", [0, 0, 0, 1]),
    ("first named", "first", [1, 0, 0, 0]),
    ("after a preposition", "preposition", [0, 1, 1, 1]),  # "and Globex", "at Hooli", "from Umbrella's"
    ("possessive", "possessive", [0, 0, 0, 1]),
    ("owns another figure", "owns_figure", [0, 0, 0, 1]),
    ("a figure between", "figure_between", [0, 0, 0, 0]),
    ("named in the headline", "in_title", [0, 1, 0, 0]),
    ("in the sentence", "in_sentence", [1, 1, 1, 1]),
]


@pytest.mark.parametrize("case,feature,expected", FEATURE_CASES, ids=[c[0] for c in FEATURE_CASES])
def test_structural_features(case, feature, expected):
    cands = [("Initech", "initech", "Initech", 0), ("Globex", "globex", "Globex", 12),
             ("Hooli", "hooli", "Hooli", S1.index("Hooli")), ("Umbrella", "umbrella", "Umbrella", S1.index("Umbrella"))]
    keys, x = sm.structural_features(claim_with(S1, "9 pct", cands, "Initech", title="Globex shares slip"))
    assert keys == ["initech", "globex", "hooli", "umbrella"]
    assert list(x[:, sm.FEATURES.index(feature)]) == expected


def test_distance_grows_with_the_gap_and_the_main_company_stands_outside_the_sentence():
    cands = [("Initech", "initech", "Initech", 0), ("Hooli", "hooli", "Hooli", S1.index("Hooli"))]
    keys, x = sm.structural_features(claim_with(S1, "9 pct", cands, "Initech", main="Massive Dynamic"))
    dist, main, inside = (x[:, sm.FEATURES.index(f)] for f in ("distance", "main", "in_sentence"))
    assert keys == ["initech", "hooli", "massive dynamic"]
    assert dist[0] > dist[1] > 0 and dist[2] == 0
    assert list(main) == [0, 0, 1] and list(inside) == [1, 1, 0]


def test_a_main_company_named_in_the_sentence_is_one_candidate():
    c = claim_with(S1, "9 pct", [("Initech", "initech", "Initech", 0), ("Hooli", "hooli", "Hooli", S1.index("Hooli"))],
                   "Initech", main="Hooli")
    c = replace(c, subject_candidates=(*c.subject_candidates[:-1], replace(c.subject_candidates[-1], entity_id="hooli")))
    groups = sm.grouped_candidates(c)
    assert [(k, len(ms), is_main) for k, ms, is_main in groups] == [("initech", 1, False), ("hooli", 1, True)]


def canned_head(weights: dict[str, float], margin: float = 0.2) -> sm.SubjectHead:
    coef = np.array([weights.get(f, 0.0) for f in sm.FEATURES])
    n = len(sm.FEATURES)
    return sm.SubjectHead(coef, 0.0, np.zeros(n), np.ones(n), margin)


# (case, head weights, margin, expected pick among the S1 candidates; None keeps the rules' subject)
PICKS = [
    ("the head agrees with the rules", {"rule": 5.0}, 0.2, None),
    ("the other candidate wins by far", {"rule": -10.0}, 0.2, "hooli"),
    ("not by the margin", {"rule": -0.3}, 0.2, None),
    ("a zero margin lets any lead switch", {"rule": -0.3}, 0.0, "hooli"),
]


@pytest.mark.parametrize("case,weights,margin,expected", PICKS, ids=[p[0] for p in PICKS])
def test_pick(case, weights, margin, expected):
    cands = [("Initech", "initech", "Initech", 0), ("Hooli", "hooli", "Hooli", S1.index("Hooli"))]
    keys, x = sm.structural_features(claim_with(S1, "9 pct", cands, "Initech"))
    picked = sm.pick(canned_head(weights, margin), keys, x)
    assert (picked[0] if picked else None) == expected


def test_refine_subjects_switches_with_the_source_and_score_recorded(monkeypatch, tmp_path):
    cands = [("Initech", "initech", "Initech", 0), ("Hooli", "hooli", "Hooli", S1.index("Hooli"))]
    unsure = claim_with(S1, "9 pct", cands, "Initech")
    sure = replace(unsure, subject_candidates=(), subject_route="attached")
    monkeypatch.setattr(sm, "load_subject_head", lambda *_: canned_head({"rule": -10.0}))
    out = sm.refine_subjects([sure, unsure], tmp_path)
    assert out[0] is sure
    assert (out[1].entity, out[1].entity_id, out[1].entity_source) == ("Hooli", "hooli", "model")
    assert out[1].rule.startswith("figures.percent.v1+subject_model.v1:")


def test_load_subject_head_checks_its_features(tmp_path):
    n = len(sm.FEATURES)
    fields = dict(coef=np.zeros(n), intercept=0.0, mean=np.zeros(n), scale=np.ones(n), margin=0.2)
    (tmp_path / "heads").mkdir()
    np.savez(tmp_path / sm.HEAD_FILE, features=np.array(sm.FEATURES), **fields)
    assert sm.load_subject_head(tmp_path).margin == 0.2
    other = tmp_path / "other"
    (other / "heads").mkdir(parents=True)
    np.savez(other / sm.HEAD_FILE, features=np.array(sm.FEATURES[:-1]), **fields)
    assert sm.load_subject_head(other) is None
    assert sm.load_subject_head(tmp_path / "nowhere") is None


def test_shipped_head_fits_the_features(resources):
    data = np.load(resources.models_dir / sm.HEAD_FILE)
    assert tuple(str(f) for f in data["features"]) == sm.FEATURES
    assert data["coef"].shape == (len(sm.FEATURES),) and 0.0 < float(data["margin"]) < 1.0


def test_the_shipped_head_with_the_transformer_stage_in_a_run(tmp_path):
    """A run with the stage on: where the head switches a subject it says so; the rules' claims are kept."""
    from pipeline.metric_model import model_available
    from pipeline.runner import RunOptions, run

    ok, note = model_available(None)
    if not ok:
        pytest.skip(note)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run([tmp_path / "in"], RunOptions(out=tmp_path / "on", workers=1, silent=True))
    run([tmp_path / "in"], RunOptions(out=tmp_path / "off", workers=1, silent=True, use_model=False))
    import pandas as pd

    on = pd.read_csv(tmp_path / "on" / "claims.csv").set_index("claim_id")
    off = pd.read_csv(tmp_path / "off" / "claims.csv").set_index("claim_id")
    assert list(on.index) == list(off.index) and len(on) >= 3
    switched = on.entity != off.entity
    assert (on.entity_source[switched] == "model").all()
    assert all("+subject_model.v1:" in r for r in on.rule[on.entity_source == "model"])
