"""Run the stages over a stream of articles and write the tables.

`process_article` runs the registered per-article stages (pipeline/stages.py: clean -> published ->
figures -> entities -> ner -> parse -> dates -> claims -> sources) over one article as one pure function,
so worker processes can map it over batches, then the batch stages (the transformer's) over each batch;
`run` feeds it from ingest, drops exact duplicates, then finds the conflicts across all claims and writes
the outputs.
"""
from __future__ import annotations

import gc
import json
import logging
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Sequence

import pandas as pd

from . import __version__
from .conflicts import SortedConflicts
from . import fact_buckets
from .fact_buckets import FactBuckets
from .facts import Options as FactOptions
from .sources import source_ids
from .dask_pool import DaskPool
from .errors import message, run_error, usage
from .identity import entity_pairs, shared_ids, with_shared_ids
from .article_stream import batches, dedupe, progress_bar, progress_line
from .ingest import check_inputs, estimate_articles, read_articles
from .parts import STATE as STATE_FILE, PartStore, SeenIndex, fingerprint
from .schema import CLAIM_COLUMNS
from .records import Article, ArticleResult, claim_row
from .resources import Resources, load_resources
from .stages import (BATCH_STAGES, DEFAULT_STAGES, ArticleState, BatchContext, dollar_for,  # noqa: F401 (dollar_for: tests)
                     run_batch_stages, run_stages, stages_enabled)

log = logging.getLogger("claims")


@dataclass(frozen=True)
class RunOptions:
    out: Path
    workers: int = 1
    batch_size: int = 64
    max_chars: int = 5_000_000
    window_days: int = 7
    gate: bool = True  # the conflict gate (pipeline/conflict_gate.py); --all-conflicts turns it off
    models_dir: str | None = None
    silent: bool = False
    use_ner: bool = False  # spaCy NER fallback for subjects (see the --ner help for why it is off by default)
    fast: bool = False  # the rules-only mode: no transformer stage (--fast)
    parse: bool = False  # spaCy's dependency parse of the figure sentences as subject features (--parse)
    use_model: bool = True  # the transformer metric/subject stage, when its package is installed
    model_path: str | None = None
    device: str = "cpu"
    model_ready: bool = False  # set by run() after checking that the model can be loaded
    engine: str = "local"  # local (processes on this machine) or dask
    scheduler: str | None = None  # a Dask scheduler address; None starts a LocalCluster
    text_column: str = "text"  # the field of a dump's records that holds the article (--text-column)
    crawled: date | None = None  # the day the inputs were crawled: dates a relative `published` (--crawled)
    today: date | None = None  # the run's start day (set once by run()): the latest publication date a text can give


def process_article(article: Article, res: Resources, use_ner: bool = False, parse: bool = False,
                    trace: list | None = None, today: date | None = None,
                    stages: Sequence[str] = DEFAULT_STAGES) -> ArticleResult:
    """Run the per-article stages (pipeline/stages.py) over one article (pure).

    `parse` adds spaCy's dependency parse of the figures' sentences to the subject step's features
    (its own trained head); `trace` collects each figure's subject candidates. `today` is the run's
    start day: an article without a publication date gets the latest date its text names up to that
    day; with None it keeps none (the day is passed in so that the output does not depend on when
    this function runs). `stages` names the registered stages to run, in order.
    """
    state = ArticleState(article, res, use_ner=use_ner, parse=parse, today=today, trace=trace)
    return run_stages(state, stages).result()


_FROZEN = []  # whether this process has frozen what models/ loaded (freeze_loaded)


def freeze_loaded() -> None:
    """Once a process, when models/ is loaded and before any article: move every object alive now (the gazetteer,
    the lexicons, the compiled patterns) out of the cyclic collector's generations, so that its full passes walk
    only what the articles make, and a forked worker does not copy the pages those passes would touch."""
    if not _FROZEN:
        gc.freeze()
        _FROZEN.append(True)


def _process_batch(batch: list[Article], models_dir: str | None, use_ner: bool = False,
                   model: tuple | None = None, parse: bool = False, today: date | None = None) -> list[ArticleResult]:
    """Process a batch; `model` is (path, device) for the transformer stage, or None to skip it."""
    res = load_resources(models_dir)
    freeze_loaded()
    out = []
    for a in batch:
        try:
            out.append(process_article(a, res, use_ner, parse, today=today))
        except Exception as exc:  # one bad article must not stop a run: record it and go on
            out.append(ArticleResult(a, status="failed", error=message("A011", reason=f"{type(exc).__name__}: {exc}"[:200]),
                                     n_chars=len(a.text)))
    return run_batch_stages(out, BatchContext(res, model))


def stages_run(opts: "RunOptions", model_info: dict) -> list[str]:
    """The stages a run's articles went through, in order (run.json and the summary line)."""
    model = (opts.model_path, opts.device) if model_info.get("used") else None
    return (stages_enabled(opts, DEFAULT_STAGES) + stages_enabled(BatchContext(None, model), BATCH_STAGES, batch=True)
            + ["facts", "conflicts"])


def model_status(opts: "RunOptions") -> dict:
    """Whether the transformer stage will run, and why not when it will not (for run.json)."""
    if opts.fast:
        return {"used": False, "note": "turned off with --fast"}
    if not opts.use_model:
        return {"used": False, "note": "turned off with --no-model"}
    try:
        from .encoder import model_available
    except ImportError:
        return {"used": False, "note": "pipeline.metric_model is not present"}
    ok, note = model_available(opts.model_path)
    return {"used": ok, "note": note}


def _rows(results: list[tuple[ArticleResult, str]]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One flushed batch as the part store's three tables."""
    claim_rows, article_rows, text_rows = [], [], []
    for r, h in results:
        a = r.article
        for c in r.claims:
            row = claim_row(c)
            row["disputed"] = False
            claim_rows.append(row)
        article_rows.append({
            "article_id": a.article_id, "source": a.source, "published": a.published, "title": a.title,
            "n_chars": r.n_chars or len(a.text), "n_claims": len(r.claims), "status": r.status,
            "error": r.error, "doc": a.doc, "published_inferred": a.published_inferred, "note": a.note,
            "text_hash": h, "skipped": json.dumps(dict(Counter(s.reason for s in r.skipped))),
            "timings": json.dumps({k: round(v, 6) for k, v in r.timings.items()}),
            "source_bands": r.source_bands,
        })
        if r.status == "ok":
            text_rows.append({"article_id": a.article_id, "text": a.text})
    claims = pd.DataFrame(claim_rows) if claim_rows else pd.DataFrame(columns=list(CLAIM_COLUMNS))
    return claims, pd.DataFrame(article_rows), pd.DataFrame(text_rows, columns=["article_id", "text"])


def run(inputs: list[Path], opts: RunOptions) -> dict:
    """Run the pipeline over `inputs` into `opts.out`, resuming or appending to what is there; return run.json."""
    started = time.time()
    if opts.today is None:  # the run's day, taken once: every article of the run is read against it
        opts = replace(opts, today=date.fromtimestamp(started))
    if opts.fast:  # the rules-only mode: what it turns off is decided here, once
        opts = replace(opts, use_model=False, parse=False)
    if opts.engine == "dask" and opts.scheduler:  # before the seconds of loading models/, so a wrong address fails fast
        DaskPool(opts.scheduler, opts.workers).shutdown()
    res = load_resources(opts.models_dir)
    freeze_loaded()
    out = opts.out
    for inp in inputs:
        if inp.is_dir() and out.resolve().is_relative_to(inp.resolve()):
            raise usage("E004", out=out, inp=inp)
    check_inputs(inputs)
    if out.exists() and not out.is_dir():
        raise usage("E012", path=out)
    created = [p for p in (out, out / ".parts") if not p.exists()]  # removed again if the run writes nothing
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise usage("E003", path=out, reason=exc.strerror or str(exc)) from exc
    model_info = model_status(opts)
    opts = replace(opts, model_ready=model_info["used"])
    store = PartStore(out)
    key_options = {"max_chars": opts.max_chars, "ner": opts.use_ner, "model": model_info["used"], "fast": opts.fast,
                   "parse": opts.parse,
                   "model_path": opts.model_path}
    if opts.text_column != "text":  # only then, so the runs made before the option keep their keys
        key_options["text_column"] = opts.text_column
    if opts.crawled is not None:
        key_options["crawled"] = opts.crawled.isoformat()
    seg = store.segment_for(fingerprint(inputs, key_options, __version__, res.models_dir),
                            [str(Path(p).resolve()) for p in inputs])
    try:
        if not seg.done:
            _process_segment(inputs, opts, store, seg)
        if not seg.parts:  # an empty dump, or a folder of empty dumps: nothing to write
            raise usage("E011", inputs=", ".join(str(p) for p in inputs))
    except BaseException:
        if not seg.parts:
            store.drop(seg)
            _remove_if_unused(created, store)
        raise
    info = _finish(out, store, res, opts, inputs, started, model_info)
    _check_something_done(store, seg, out)
    return info


def _remove_if_unused(created: list[Path], store: PartStore) -> None:
    """Remove the --out folder and its .parts that this run created, when no segment wrote anything into them.

    A failed first run (a missing input, a CSV without its text column, no Dask scheduler) would
    otherwise leave an empty folder behind, or one with only .parts in it.
    """
    if any(s.parts for s in store.segments):
        return
    for path in reversed(created):  # .parts first, then --out
        if path.name == ".parts":
            for name in (STATE_FILE, "seen.sqlite"):
                (path / name).unlink(missing_ok=True)
        try:
            path.rmdir()  # never more than the run's own files: rmdir refuses a folder with anything else in it
        except OSError:
            return


def _check_something_done(store: PartStore, seg, out: Path) -> None:
    """Exit non-zero (CONTRACT.md: nothing could be done) when every article of these inputs failed.

    The tables are written first: articles.csv lists each article's reason.
    """
    codes: Counter = Counter()
    example: dict[str, str] = {}  # a code's first message ("A005: line 1 is not valid JSON (...)")
    n = 0
    for name in seg.parts:
        rows = pd.read_parquet(store.dir / f"{name}.articles.parquet", columns=["status", "error"])
        if (rows["status"] != "failed").any():
            return
        n += len(rows)
        for e in rows["error"]:
            codes[e[:4]] += 1
            example.setdefault(e[:4], e[:160])
    if n == 0:
        return
    code, count = codes.most_common(1)[0]
    reason = example[code]
    hint = ""
    if reason.startswith(("A005", "A003")):
        hint = "; is INPUT a news dump (one JSON object a line) or a folder of articles?"
    elif reason.startswith("A006"):
        hint = "; pass --text-column NAME if the articles are in another field"
    raise run_error("E013", n=n, count=count, reason=reason, out=out, hint=hint)


def _process_segment(inputs: list[Path], opts: RunOptions, store: PartStore, seg) -> None:
    seen = SeenIndex(store.dir / "seen.sqlite")
    for path in store.files("articles", exclude=seg):  # one part at a time: memory stays flat
        prior = pd.read_parquet(path, columns=["text_hash", "article_id"])
        seen.add_texts((h, aid) for h, aid in zip(prior["text_hash"], prior["article_id"]) if h)
    stream = dedupe(read_articles(inputs, opts.text_column, opts.crawled), opts.max_chars, seen)
    total = None if opts.silent else estimate_articles(inputs)  # about: lines sampled, not counted
    bar = progress_bar(opts.silent, total, seg.consumed)
    t_start = time.time()
    if opts.engine == "dask":
        pool = DaskPool(opts.scheduler, opts.workers)
    else:
        pool = ProcessPoolExecutor(max_workers=opts.workers) if opts.workers > 1 else None
    consumed, last_log, pending = 0, time.time(), []
    resumed_at = seg.consumed  # the segment's count moves on with each flush: the rate counts from here
    flush_size = opts.batch_size * max(opts.workers, 1) * 4
    try:
        for item in stream:
            consumed += 1
            if consumed <= seg.consumed:  # written by the run that was stopped: skip, keeping the dedupe state
                continue
            pending.append(item)
            if len(pending) >= flush_size:
                _flush(pending, opts, pool, store, seg, consumed)
                if bar is not None:
                    bar.update(len(pending))
                elif not opts.silent and time.time() - last_log > 10:
                    log.info("%s", progress_line(consumed, resumed_at, total, time.time() - t_start))
                    last_log = time.time()
                pending = []
        if pending:
            _flush(pending, opts, pool, store, seg, consumed)
            if bar is not None:
                bar.update(len(pending))
        store.finish(seg)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
        seen.close()


def _flush(pending: list, opts: RunOptions, pool, store: PartStore, seg, consumed: int) -> None:
    todo = [a for a, _, status in pending if not status]
    model = (opts.model_path, opts.device) if opts.use_model and opts.model_ready else None
    if pool is None:
        done = iter(_process_batch(todo, opts.models_dir, opts.use_ner, model, opts.parse, opts.today))
    else:
        parts = list(batches(todo, opts.batch_size))
        done = (r for batch in pool.map(_process_batch, parts, [opts.models_dir] * len(parts),
                                        [opts.use_ner] * len(parts), [model] * len(parts),
                                        [opts.parse] * len(parts), [opts.today] * len(parts)) for r in batch)
    results = []
    for a, h, status in pending:
        if status == "skipped_duplicate":
            results.append((ArticleResult(a, status=status, error=a.note, n_chars=len(a.text)), h))
        else:
            results.append((next(done), h))
    store.write_part(seg, *_rows(results), consumed=consumed)


def _finish(out: Path, store: PartStore, res: Resources, opts: RunOptions, inputs: list[Path], started: float,
            model_info: dict) -> dict:
    """Stream every part into the final tables; memory holds one part and one conflict bucket at a time."""
    import pyarrow.parquet as pq

    from .outputs import DatabaseWriter, TableWriter, read_decisions, write_json
    from .schema import ARTICLE_COLUMNS, CONFLICT_COLUMNS, FACT_CLAIM_COLUMNS, FACT_COLUMNS

    t_write = time.perf_counter()
    statuses, disputed = read_decisions(out / "claims.db")
    claim_files = store.files("claims")
    n_claims = sum(pq.ParquetFile(p).metadata.num_rows for p in claim_files)
    # a name one article gives with its ticker and another without is one entity (pipeline/identity.py)
    ids = shared_ids(pair for p in claim_files
                     for pair in entity_pairs(pd.read_parquet(p, columns=["entity", "entity_id"])).itertuples(index=False))
    buckets = FactBuckets(store.dir / "buckets", max(1, -(-n_claims // fact_buckets.BUCKET_ROWS)), res)
    writers = [TableWriter(out, "claims", CLAIM_COLUMNS), TableWriter(out, "articles", ARTICLE_COLUMNS, parquet=False)]
    db = DatabaseWriter(out)
    stage_time: Counter = Counter()
    skipped: Counter = Counter()
    status: Counter = Counter()
    failures = []
    article_ids, bands = [], []  # articles with claims and their near-duplicate band hashes
    try:
        for path in claim_files:
            claims = with_shared_ids(pd.read_parquet(path), ids)
            claims["disputed"] = claims["claim_id"].isin(disputed) if disputed else False
            writers[0].write(claims)
            db.write("claims", claims, CLAIM_COLUMNS)
            buckets.add(claims)
        db.write("claims", pd.DataFrame(), CLAIM_COLUMNS)  # the table exists even without claims
        for path in store.files("articles"):
            articles = pd.read_parquet(path)
            writers[1].write(articles)
            db.write("articles", articles, ARTICLE_COLUMNS)
            for t in articles["timings"]:
                stage_time.update(json.loads(t or "{}"))
            for sk in articles["skipped"]:
                skipped.update(json.loads(sk or "{}"))
            status.update(articles["status"])
            if "source_bands" in articles.columns:  # parts written before sources were kept have none
                has = articles["source_bands"].fillna("") != ""
                article_ids.extend(articles.loc[has, "article_id"])
                bands.extend(articles.loc[has, "source_bands"])
            bad = articles[articles["status"] == "failed"]
            if len(failures) < 1000:  # run.json lists the first 1,000; the count is in `counts`
                failures.extend({"article_id": a, "error": e} for a, e in zip(bad["article_id"], bad["error"]))
        db.write("articles", pd.DataFrame(), ARTICLE_COLUMNS)
        for path in store.files("texts"):
            db.write("article_texts", pd.read_parquet(path), ("article_id", "text"))
        t0 = time.perf_counter()
        sources = source_ids(article_ids, bands)
        del article_ids, bands
        stage_time["sources"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        found = SortedConflicts(store.dir / "conflicts")
        fact_writer = TableWriter(out, "facts", FACT_COLUMNS)
        writers.append(fact_writer)
        n_facts, fact_status = 0, Counter()
        for facts, conflicts, links in buckets.group(FactOptions(window_days=opts.window_days, gate=opts.gate), sources):
            fact_writer.write(facts)
            db.write("facts", facts, FACT_COLUMNS)
            db.write("fact_claims", links, FACT_CLAIM_COLUMNS)
            found.add(conflicts)
            n_facts += len(facts)
            fact_status.update(facts["status"])
        db.write("facts", pd.DataFrame(), FACT_COLUMNS)  # the tables exist even without facts
        db.write("fact_claims", pd.DataFrame(), FACT_CLAIM_COLUMNS)
        stage_time["conflicts"] = time.perf_counter() - t0
        conflict_writer = TableWriter(out, "conflicts", CONFLICT_COLUMNS)
        writers.append(conflict_writer)
        n_conflicts = 0
        for conflicts in found.batches():
            if statuses and len(conflicts):
                conflicts["status"] = conflicts["conflict_id"].map(statuses).fillna("open")
            conflict_writer.write(conflicts)
            db.write("conflicts", conflicts, CONFLICT_COLUMNS)
            n_conflicts += len(conflicts)
        for w in writers:
            w.commit()
        db.commit()
    except BaseException:
        for w in writers:
            w.abort()
        db.abort()
        raise
    info = {
        "version": __version__,
        "inputs": [str(p) for p in inputs],
        "segments": [{"inputs": s.inputs, "articles": s.consumed, "done": s.done} for s in store.segments],
        "options": {"workers": opts.workers, "batch_size": opts.batch_size, "max_chars": opts.max_chars,
                    "window_days": opts.window_days, "all_conflicts": not opts.gate, "models_dir": str(res.models_dir), "ner": opts.use_ner,
                    "fast": opts.fast, "parse": opts.parse, "engine": opts.engine, "scheduler": opts.scheduler,
                    "today": opts.today.isoformat() if opts.today else None},
        "model_stage": model_info,
        "stages": stages_run(opts, model_info),
        "counts": {"articles": sum(status.values()), "ok": status["ok"], "failed": status["failed"],
                   "skipped_duplicate": status["skipped_duplicate"], "claims": n_claims, "facts": n_facts,
                   "conflicts": n_conflicts, "facts_by_status": dict(sorted(fact_status.items()))},
        "timings_s": {k: round(v, 3) for k, v in sorted(stage_time.items())}
        | {"write": round(time.perf_counter() - t_write - stage_time["conflicts"], 3), "total": round(time.time() - started, 3)},
        "skipped_figures": dict(sorted(skipped.items())),
        "failures": failures[:1000],
    }
    write_json(out / "run.json", info)
    return info
