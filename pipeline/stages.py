"""The stages, registered by versioned name, and the lists the runner runs (issue 18).

A per-article stage is a function (or an object with `__call__`, as spaCy's components) over one
article's `ArticleState`: it reads what the stages before it wrote, writes its own fields and returns
the record. `run_stages` runs a list of names in order, times each stage into `state.timings` under
its name without the version ("claims.v1" -> "claims"), and stops at the first stage that fails the
article (`state.fail(reason)`): its reason goes to articles.csv and the run goes on. A batch stage is
a function over a batch's `ArticleResult`s and a `BatchContext`, run in the parent (`run_batch_stages`).

A stage's `enabled` test reads the run's options (use_ner, parse, today; for a batch stage the
context's model), so an option that is off makes the stage a no-op, not another list; its `when` test
reads the article (no figures: nothing to parse). To add a stage, see docs/ARCHITECTURE.md.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Sequence

from .bounds import drop_crowded
from .claims import make_claims
from .clean import clean_text
from .dates import infer_published
from .datelines import dollar_for
from .entities import ArticleEntities, find_entities
from .errors import message, usage
from .figures import resolve_figures
from .ner import add_named_mentions
from .parse import ParseIndex, load_parser, parse_spans, spans_to_parse
from .records import Article, ArticleResult, Claim, CleanText, Figure, Skipped
from .resources import Resources
from .rule_registry import RULE_ID
from .sources import band_hashes, encode as encode_bands
from .story_dates import StoryDates, read_dates

# the per-article stages in the order they run; dates before claims, which reads its record
DEFAULT_STAGES = ("clean.v1", "published.v1", "figures.v1", "entities.v1", "ner.v1", "parse.v1", "dates.v1",
                  "claims.v1", "sources.v1")
BATCH_STAGES = ("metric_model.v1",)  # over a batch's results, in the parent, after the per-article stages


@dataclass(eq=False)
class ArticleState:
    """One article on its way through the stages: the run's options, then each stage's output."""

    article: Article
    res: Resources
    use_ner: bool = False  # --ner: spaCy's named entities for the figures' sentences
    parse: bool = False  # --parse: spaCy's dependency parse of the figures' sentences
    today: date | None = None  # the run's day: the latest a text without a publication date is dated to
    trace: list | None = None  # collects each figure's subject candidates (make_claims)
    n_chars: int = 0
    clean: CleanText | None = None  # clean.v1
    figures: list[Figure] = field(default_factory=list)  # figures.v1
    skipped: list[Skipped] = field(default_factory=list)  # figures.v1: numbers that are no figures
    entities: ArticleEntities | None = None  # entities.v1, ner.v1
    parses: ParseIndex | None = None  # parse.v1
    dates: StoryDates | None = None  # dates.v1
    claims: tuple[Claim, ...] = ()  # claims.v1
    bands: str = ""  # sources.v1
    extra: dict = field(default_factory=dict)  # what a stage registered elsewhere writes, under its name
    timings: dict[str, float] = field(default_factory=dict)
    status: str = "ok"
    error: str = ""

    def fail(self, reason: str) -> ArticleState:
        """Stop the article here with its one-line reason (errors.message)."""
        self.status, self.error = "failed", reason
        return self

    def result(self) -> ArticleResult:
        if self.status == "failed":  # a failed article's row holds its reason alone
            return ArticleResult(self.article, status="failed", error=self.error, n_chars=self.n_chars)
        return ArticleResult(self.article, tuple(self.claims), tuple(self.skipped), n_chars=self.n_chars,
                             timings=self.timings, source_bands=self.bands)


@dataclass(frozen=True)
class BatchContext:
    """What a batch stage reads besides the results: models/ and the transformer stage's (path, device)."""

    res: Resources | None
    model: tuple[str | None, str] | None = None  # None: the transformer stage is off


@dataclass(frozen=True)
class Stage:
    name: str  # "claims.v1"
    fn: Callable
    enabled: Callable[[object], bool] | None = None  # over the options (ArticleState, RunOptions, BatchContext)
    when: Callable[[ArticleState], bool] | None = None  # over the article
    batch: bool = False

    @property
    def key(self) -> str:
        """The timing key: the name without its version (run.json and articles.csv read these)."""
        return self.name.rsplit(".v", 1)[0]


_REGISTRY: dict[tuple[bool, str], Stage] = {}  # (batch, name) -> stage


def add_stage(name: str, fn: Callable, *, enabled: Callable | None = None, when: Callable | None = None,
              batch: bool = False) -> Stage:
    """Register `fn` as the stage `name` (<name>.v<N>); a name is one behaviour: change it, raise the version."""
    if not RULE_ID.fullmatch(name) or "{" in name:
        raise ValueError(f"stage name {name!r} is not <name>.v<N>; write it as figure_count.v1")
    old = _REGISTRY.get((batch, name))
    if old is not None and _origin(old.fn) != _origin(fn):  # the same function again is a reloaded module
        raise ValueError(f"stage {name} is registered already ({_origin(old.fn)}); give yours another name or version")
    st = _REGISTRY[(batch, name)] = Stage(name, fn, enabled, when, batch)
    return st


def stage(name: str, version: int = 1, *, enabled: Callable | None = None, when: Callable | None = None,
          batch: bool = False) -> Callable:
    """Decorator: `@stage("figure_count", version=1)` registers the function as figure_count.v1."""
    def register(fn: Callable) -> Callable:
        add_stage(f"{name}.v{version}", fn, enabled=enabled, when=when, batch=batch)
        return fn
    return register


def _origin(fn: Callable) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', type(fn).__qualname__)}"


def get_stage(name: str, batch: bool = False) -> Stage:
    """The stage registered as `name`; an unknown name is a usage error (E017) listing the known ones."""
    st = _REGISTRY.get((batch, name))
    if st is None:
        known = ", ".join(sorted(n for b, n in _REGISTRY if b == batch))
        raise usage("E017", kind="batch stage" if batch else "stage", name=name, known=known)
    return st


def stages_enabled(options: object, names: Sequence[str], batch: bool = False) -> list[str]:
    """The names of `names` whose options are on in `options` (run.json's `stages`)."""
    return [n for n in names if (st := get_stage(n, batch)).enabled is None or st.enabled(options)]


def run_stages(state: ArticleState, names: Sequence[str] = DEFAULT_STAGES) -> ArticleState:
    """Run the stages `names` over one article in order, timing each; stop at the first that fails it."""
    for st in [get_stage(n) for n in names]:  # every name first: a wrong one fails before any work
        if (st.enabled and not st.enabled(state)) or (st.when and not st.when(state)):
            continue
        t0 = time.perf_counter()
        out = st.fn(state)
        if not isinstance(out, ArticleState):
            raise TypeError(f"stage {st.name} returned {type(out).__name__}, not the article's state; "
                            "maybe you forgot to return it?")
        state = out
        state.timings[st.key] = time.perf_counter() - t0
        if state.status == "failed":
            break
    return state


def run_batch_stages(results: list[ArticleResult], ctx: BatchContext,
                     names: Sequence[str] = BATCH_STAGES) -> list[ArticleResult]:
    """Run the batch stages `names` over one batch's results (a stage charges its time to an article itself)."""
    for st in [get_stage(n, batch=True) for n in names]:
        if st.enabled is None or st.enabled(ctx):
            results = st.fn(results, ctx)
    return results


@stage("clean", 1)
def clean_article(state: ArticleState) -> ArticleState:
    """The text normalized and cut into sentences; an empty, blank or binary text fails here."""
    article = state.article
    if article.error:
        return state.fail(article.error)
    if not article.text:
        return state.fail(message("A001"))
    state.n_chars = len(article.text)
    if not article.text.strip():
        return state.fail(message("A002"))
    if "\x00" in article.text[:4096]:
        return state.fail(message("A003"))
    state.clean = clean_text(article.text, state.res, article.origin)
    if not state.clean.text.strip():
        return state.fail(message("A012"))
    return state


@stage("published", 1, enabled=lambda o: o.today is not None, when=lambda s: s.article.published is None)
def date_published(state: ArticleState) -> ArticleState:
    """An article without a publication date: the latest day its text names, up to the run's day."""
    guess = infer_published(state.clean.text, state.today)
    if guess is not None:
        state.article = replace(state.article, published=guess, published_inferred=True)
    return state


@stage("figures", 1)
def find_figures(state: ArticleState) -> ArticleState:
    text, res = state.clean.text, state.res
    year = state.article.published.year if state.article.published else 0
    figures, skipped = resolve_figures(text, res, dollar_for(text, res), state.article.title or "", year)
    state.figures, crowded = drop_crowded(figures, state.clean)  # a sentence of more than 200 figures is a list
    state.skipped = list(skipped) + crowded
    return state


@stage("entities", 1)
def find_article_entities(state: ArticleState) -> ArticleState:
    state.entities = find_entities(state.clean, state.res, state.article.title)
    return state


@stage("ner", 1, enabled=lambda o: o.use_ner, when=lambda s: bool(s.figures))
def add_ner_mentions(state: ArticleState) -> ArticleState:
    state.entities = add_named_mentions(state.clean, state.entities, [f.start for f in state.figures], state.res)
    return state


@stage("parse", 1, enabled=lambda o: o.parse and load_parser() is not None, when=lambda s: bool(s.figures))
def parse_figure_sentences(state: ArticleState) -> ArticleState:
    text, clean = state.clean.text, state.clean
    spans = spans_to_parse(text, clean, [f.start for f in state.figures])
    state.parses = ParseIndex(parse_spans(text, spans, load_parser()))
    return state


@stage("dates", 1)
def read_story_dates(state: ArticleState) -> ArticleState:
    state.dates = read_dates(state.article, state.clean, state.figures, state.entities, state.res)
    return state


@stage("claims", 1)
def make_article_claims(state: ArticleState) -> ArticleState:
    state.claims = tuple(make_claims(state.article, state.clean, state.figures, state.entities, state.res,
                                     state.parses, trace=state.trace, dates=state.dates))
    return state


@stage("sources", 1, when=lambda s: bool(s.claims))  # only an article with claims can be another's copy in a fact
def hash_bands(state: ArticleState) -> ArticleState:
    state.bands = encode_bands(band_hashes(state.clean.text))
    return state


@stage("metric_model", 1, enabled=lambda ctx: ctx.model is not None, batch=True)
def refine_metrics(results: list[ArticleResult], ctx: BatchContext) -> list[ArticleResult]:
    """The transformer stage over a whole batch's uncertain claims at once (one model per process)."""
    from .encoder import load_metric_model
    from .metric_model import refine_claims

    model = load_metric_model(*ctx.model)
    if model is None:
        return results
    t0 = time.perf_counter()
    refined = iter(refine_claims([c for r in results for c in r.claims], model, ctx.res))
    out = [replace(r, claims=tuple(next(refined) for _ in r.claims)) for r in results]
    if out:  # charge the stage's time to the batch's first article, so run.json sums it
        out[0] = replace(out[0], timings={**out[0].timings, "model": time.perf_counter() - t0})
    return out
