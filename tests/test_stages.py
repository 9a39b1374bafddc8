"""The stage contract (issue 18): registered, versioned stages over one article's state, run from a list."""
from __future__ import annotations

import datetime

import pytest

from pipeline.claims import make_claims
from pipeline.errors import UsageError
from pipeline.records import Article
from pipeline.runner import RunOptions, _process_batch, process_article, stages_run
from pipeline.stages import (BATCH_STAGES, DEFAULT_STAGES, ArticleState, BatchContext, add_stage, get_stage,
                             run_batch_stages, run_stages, stage)

TEXT = ("Acme Corp said first-quarter revenue rose 5% to $10.2 billion. Net income was $1.1 billion, "
        "up from $900 million a year earlier.")
PUBLISHED = datetime.date(2024, 5, 1)


def _article(text: str = TEXT, aid: str = "a1") -> Article:
    return Article(article_id=aid, doc=aid, text=text, published=PUBLISHED)


# A newcomer's stage, registered here, outside pipeline/: it counts the article's figures.
@stage("figure_count", version=1, when=lambda s: s.clean is not None)
def count_figures(state: ArticleState) -> ArticleState:
    state.extra["figure_count"] = len(state.figures)
    return state


class SentenceCount:
    """A stage as a class with `__call__`, as spaCy's components."""

    def __call__(self, state: ArticleState) -> ArticleState:
        state.extra["sentences"] = len(state.clean.sentences)
        return state


add_stage("sentence_count.v1", SentenceCount())


@stage("always_fails", version=1)
def always_fails(state: ArticleState) -> ArticleState:
    return state.fail("A011: processing failed: test stage")


def test_a_newcomers_stage_runs_from_the_list_without_touching_the_runner(resources):
    names = DEFAULT_STAGES[:DEFAULT_STAGES.index("figures.v1") + 1] + ("figure_count.v1", "sentence_count.v1") \
        + DEFAULT_STAGES[DEFAULT_STAGES.index("figures.v1") + 1:]
    state = run_stages(ArticleState(_article(), resources), names)
    assert state.status == "ok"
    assert state.extra["figure_count"] == len(state.figures) >= 3
    assert state.extra["sentences"] == 2
    assert {"figure_count", "sentence_count", "claims"} <= set(state.timings)
    # the runner's entry takes the list too, and the added stages change no claim
    assert process_article(_article(), resources, stages=names).claims == process_article(_article(), resources).claims


def test_an_unknown_stage_name_is_one_line_naming_the_known_ones(resources):
    with pytest.raises(UsageError) as err:
        run_stages(ArticleState(_article(), resources), ("clean.v1", "clean.v9"))
    text = str(err.value)
    assert text.startswith("E017: unknown stage 'clean.v9'") and "\n" not in text
    assert all(name in text for name in DEFAULT_STAGES)
    with pytest.raises(UsageError, match="E017: unknown batch stage 'metric_model.v2'.*metric_model.v1"):
        get_stage("metric_model.v2", batch=True)


def test_the_default_order_reads_dates_before_claims():
    order = list(DEFAULT_STAGES)
    assert order.index("figures.v1") < order.index("entities.v1") < order.index("dates.v1") < order.index("claims.v1")
    assert order[0] == "clean.v1" and order[-1] == "sources.v1"
    assert BATCH_STAGES == ("metric_model.v1",)


def test_claims_read_the_dates_stages_record(resources):
    state = run_stages(ArticleState(_article(), resources))
    assert state.dates is not None and state.dates.fy_end == 12 and state.dates.periods
    alone = make_claims(state.article, state.clean, state.figures, state.entities, resources)  # reads its own
    assert tuple(alone) == state.claims


def test_a_failing_stage_stops_its_article_and_the_batch_goes_on(resources):
    empty = run_stages(ArticleState(_article(""), resources))
    assert (empty.status, empty.error, empty.timings) == ("failed", "A001: empty text", {"clean": empty.timings["clean"]})
    assert empty.result().claims == () and empty.result().status == "failed"
    stopped = run_stages(ArticleState(_article(), resources), ("clean.v1", "always_fails.v1") + DEFAULT_STAGES[1:])
    assert stopped.error == "A011: processing failed: test stage" and "claims" not in stopped.timings
    results = _process_batch([_article("", "empty"), _article(" \n ", "blank"), _article(aid="good")], None)
    assert [(r.article.article_id, r.status, r.error[:4]) for r in results] == [
        ("empty", "failed", "A001"), ("blank", "failed", "A002"), ("good", "ok", "")]
    assert results[2].claims


def test_a_stage_must_return_the_state(resources):
    add_stage("forgets_return.v1", lambda state: None)
    with pytest.raises(TypeError, match="forgets_return.v1 returned NoneType.*forgot to return"):
        run_stages(ArticleState(_article(), resources), ("clean.v1", "forgets_return.v1"))


def test_a_name_is_one_behaviour(resources):
    with pytest.raises(ValueError, match="claims.v1 is registered already"):
        add_stage("claims.v1", lambda state: state)
    with pytest.raises(ValueError, match="'figure_total' is not <name>.v<N>"):
        add_stage("figure_total", lambda state: state)


def test_options_that_are_off_make_their_stages_no_ops(resources):
    off = run_stages(ArticleState(_article(), resources))
    assert {"ner", "parse", "published"}.isdisjoint(off.timings)
    undated = Article(article_id="u", doc="u", text="Acme said on March 3, 2024 that sales rose 5%.")
    dated = run_stages(ArticleState(undated, resources, today=datetime.date(2024, 6, 1)))
    assert dated.article.published == datetime.date(2024, 3, 3) and "published" in dated.timings
    results = [process_article(_article(), resources)]
    assert run_batch_stages(results, BatchContext(resources, None)) is results  # the model off: untouched


def test_run_json_stages_come_from_the_lists(tmp_path):
    opts = RunOptions(out=tmp_path, today=PUBLISHED)
    assert stages_run(opts, {"used": False}) == [n for n in DEFAULT_STAGES if n not in ("ner.v1", "parse.v1")] \
        + ["facts", "conflicts"]
    with_ner = stages_run(RunOptions(out=tmp_path, today=PUBLISHED, use_ner=True), {"used": True})
    assert with_ner[with_ner.index("entities.v1") + 1] == "ner.v1"
    assert with_ner[-3:] == ["metric_model.v1", "facts", "conflicts"]


def test_the_architecture_docs_example_runs(resources):
    """docs/ARCHITECTURE.md's "How to add a stage" example, run as written."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = doc[doc.index("## How to add a stage"):]
    code = section[section.index("```python\n") + 10:section.index("```\n", section.index("```python\n") + 10)]
    scope = {"article": _article(), "res": resources, "__name__": "docs_example"}
    exec(compile(code, "docs/ARCHITECTURE.md", "exec"), scope)  # noqa: S102 - our own docs
    assert scope["result"].status == "ok" and scope["result"].claims == process_article(_article(), resources).claims
    state = run_stages(ArticleState(_article(), resources), scope["names"])
    assert state.extra["word_count"] == len(state.clean.text.split()) and "word_count" in state.timings
