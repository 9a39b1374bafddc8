"""Run the stages over a stream of articles and write the tables.

`process_article` is the whole per-article pipeline as one pure function
(clean -> figures -> entities -> claims), so worker processes can map it over
batches; `run` feeds it from ingest, drops exact duplicates, then finds the
conflicts across all claims and writes the outputs.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from . import __version__
from .claims import make_claims
from .clean import clean_text
from .conflicts import Options as ConflictOptions, find_conflicts
from .dates import infer_published
from .entities import add_named_mentions, find_entities
from .errors import message, usage
from .figures import resolve_figures
from .ingest import read_articles, text_hash
from .records import Article, ArticleResult
from .resources import Resources, load_resources

log = logging.getLogger("claims")


@dataclass(frozen=True)
class RunOptions:
    out: Path
    workers: int = 1
    batch_size: int = 64
    max_chars: int = 5_000_000
    window_days: int = 7
    models_dir: str | None = None
    silent: bool = False
    use_ner: bool = True


def dollar_for(text: str, res: Resources) -> str:
    """What a bare $/dlrs means: the dateline city's dollar ("TORONTO, March 2 -"), else USD."""
    head = text[:80].upper()
    for city, code in res.datelines.items():
        if head.startswith(city) or head.lstrip().startswith(city + ",") or head.lstrip().startswith(city + " ("):
            return code
    return "USD"


def process_article(article: Article, res: Resources, use_ner: bool = True) -> ArticleResult:
    """Clean, find figures and entities, and make claims for one article (pure)."""
    timings: dict[str, float] = {}
    if article.error:
        return ArticleResult(article, status="failed", error=article.error)
    text = article.text
    if not text:
        return ArticleResult(article, status="failed", error=message("A001"))
    if not text.strip():
        return ArticleResult(article, status="failed", error=message("A002"), n_chars=len(text))
    if "\x00" in text[:4096]:
        return ArticleResult(article, status="failed", error=message("A003"), n_chars=len(text))
    t0 = time.perf_counter()
    clean = clean_text(text, res, article.origin)
    timings["clean"] = time.perf_counter() - t0
    if not clean.text.strip():
        return ArticleResult(article, status="failed", error=message("A012"), n_chars=len(text))
    if article.published is None:
        guess = infer_published(clean.text)
        if guess is not None:
            article = replace(article, published=guess, published_inferred=True)
    t0 = time.perf_counter()
    figures, skipped = resolve_figures(clean.text, res, dollar_for(clean.text, res))
    timings["figures"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ents = find_entities(clean, res, article.title)
    timings["entities"] = time.perf_counter() - t0
    if use_ner and figures:
        t0 = time.perf_counter()
        ents = add_named_mentions(clean, ents, [f.start for f in figures], res)
        timings["ner"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims = make_claims(article, clean, figures, ents, res)
    timings["claims"] = time.perf_counter() - t0
    return ArticleResult(article, tuple(claims), tuple(skipped), n_chars=len(text), timings=timings)


def _process_batch(batch: list[Article], models_dir: str | None, use_ner: bool = True) -> list[ArticleResult]:
    res = load_resources(models_dir)
    out = []
    for a in batch:
        try:
            out.append(process_article(a, res, use_ner))
        except Exception as exc:  # one bad article must not stop a run: record it and go on
            out.append(ArticleResult(a, status="failed", error=message("A011", reason=f"{type(exc).__name__}: {exc}"[:200]),
                                     n_chars=len(a.text)))
    return out


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dedupe(articles: Iterable[Article], max_chars: int, stats: Counter) -> Iterator[Article]:
    """Mark exact duplicates and oversized articles; give a reused id with other text a new id."""
    seen_text: dict[str, str] = {}
    seen_id: dict[str, str] = {}
    for a in articles:
        stats["read"] += 1
        if a.error:
            yield a
            continue
        if len(a.text) > max_chars:
            yield replace(a, error=message("A004", n_chars=len(a.text), limit=max_chars), text="")
            continue
        h = text_hash(a.text)
        if h in seen_text and a.text.strip():
            yield replace(a, error="", note=message("A010", first=seen_text[h]), extra={**a.extra, "duplicate": "1"})
            continue
        seen_text[h] = a.article_id
        if a.article_id in seen_id and seen_id[a.article_id] != h:
            new_id = f"{a.article_id}-{h[:8]}"
            a = replace(a, article_id=new_id, doc=new_id, note=message("A009", new_id=new_id))
        seen_id[a.article_id] = h
        yield a


def _progress(total_hint: int | None, silent: bool):
    if silent or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total_hint, unit="art", file=sys.stderr, dynamic_ncols=True)


def run(inputs: list[Path], opts: RunOptions) -> dict:
    """Run the pipeline over `inputs` and write the tables to `opts.out`; return run.json's content."""
    started = time.time()
    res = load_resources(opts.models_dir)
    out = opts.out
    for inp in inputs:
        if inp.is_dir() and out.resolve().is_relative_to(inp.resolve()):
            raise usage("E004", out=out, inp=inp)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise usage("E003", path=out, reason=exc.strerror or str(exc)) from exc
    stats: Counter = Counter()
    skipped_reasons: Counter = Counter()
    stage_time: Counter = Counter()
    claim_rows, article_rows, texts = [], [], []
    bar = _progress(None, opts.silent)
    last_log = time.time()
    articles = _dedupe(read_articles(inputs), opts.max_chars, stats)

    def results() -> Iterator[ArticleResult]:
        todo = []
        for a in articles:
            if a.extra.get("duplicate") == "1":
                yield ArticleResult(a, status="skipped_duplicate", error=a.note, n_chars=len(a.text))
                continue
            todo.append(a)
            if len(todo) >= opts.batch_size * max(opts.workers, 1) * 4:
                yield from _run_many(todo)
                todo = []
        if todo:
            yield from _run_many(todo)

    pool = ProcessPoolExecutor(max_workers=opts.workers) if opts.workers > 1 else None

    def _run_many(todo: list[Article]) -> Iterator[ArticleResult]:
        if pool is None:
            yield from _process_batch(todo, opts.models_dir, opts.use_ner)
            return
        batches = list(_batches(todo, opts.batch_size))
        for batch in pool.map(_process_batch, batches, [opts.models_dir] * len(batches), [opts.use_ner] * len(batches)):
            yield from batch

    try:
        for r in results():
            a = r.article
            stats[r.status] += 1
            for k, v in r.timings.items():
                stage_time[k] += v
            for s in r.skipped:
                skipped_reasons[s.reason] += 1
            for c in r.claims:
                row = dataclasses.asdict(c)
                row["disputed"] = False
                claim_rows.append(row)
            article_rows.append({
                "article_id": a.article_id, "source": a.source, "published": a.published, "title": a.title,
                "n_chars": r.n_chars or len(a.text), "n_claims": len(r.claims), "status": r.status,
                "error": r.error, "doc": a.doc, "published_inferred": a.published_inferred, "note": a.note,
            })
            if r.status == "ok":
                texts.append((a.article_id, a.text))
            if bar is not None:
                bar.update(1)
            elif not opts.silent and time.time() - last_log > 10:
                log.info("%d articles, %d claims", len(article_rows), len(claim_rows))
                last_log = time.time()
    finally:
        if pool is not None:
            pool.shutdown()
        if bar is not None:
            bar.close()
    claims = pd.DataFrame(claim_rows)
    if claims.empty:
        from .schema import CLAIM_COLUMNS
        claims = pd.DataFrame(columns=list(CLAIM_COLUMNS))
    claims = claims.sort_values(["article_id", "char_start", "char_end"]).reset_index(drop=True) if len(claims) else claims
    from .outputs import read_decisions, write_run

    statuses, disputed = read_decisions(out / "claims.db")
    if disputed and len(claims):
        claims["disputed"] = claims["claim_id"].isin(disputed)
    t0 = time.perf_counter()
    conflicts = find_conflicts(claims, res, ConflictOptions(window_days=opts.window_days))
    stage_time["conflicts"] = time.perf_counter() - t0
    if statuses and len(conflicts):
        conflicts["status"] = conflicts["conflict_id"].map(statuses).fillna("open")
    articles_df = pd.DataFrame(article_rows)
    info = {
        "version": __version__,
        "inputs": [str(p) for p in inputs],
        "options": {"workers": opts.workers, "batch_size": opts.batch_size, "max_chars": opts.max_chars,
                    "window_days": opts.window_days, "models_dir": str(res.models_dir),
                    "ner": opts.use_ner},
        "counts": {"articles": len(article_rows), "ok": stats["ok"], "failed": stats["failed"],
                   "skipped_duplicate": stats["skipped_duplicate"], "claims": len(claims), "conflicts": len(conflicts)},
        "timings_s": {k: round(v, 3) for k, v in sorted(stage_time.items())} | {"total": round(time.time() - started, 3)},
        "skipped_figures": dict(sorted(skipped_reasons.items())),
        "failures": [{"article_id": r["article_id"], "error": r["error"]} for r in article_rows if r["status"] == "failed"][:1000],
    }
    t0 = time.perf_counter()
    write_run(out, claims, conflicts, articles_df, texts, info)
    info["timings_s"]["write"] = round(time.perf_counter() - t0, 3)
    return info
