"""The run's article stream: duplicates and oversized articles marked as they are read, batches for the
workers, and the progress shown while they go."""
from __future__ import annotations

import sys
from dataclasses import replace
from typing import Iterable, Iterator

from .errors import message
from .ingest import text_hash
from .records import Article
from .parts import SeenIndex


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def dedupe(articles: Iterable[Article], max_chars: int, seen: SeenIndex) -> Iterator[tuple[Article, str, str]]:
    """Yield (article, text hash, status hint): exact duplicates and oversized articles are marked, not dropped.

    `seen` starts with the text hashes of earlier segments (to their article ids).
    """
    for a in articles:
        if a.error:
            yield a, "", ""
            continue
        if len(a.text) > max_chars:
            yield replace(a, error=message("A004", n_chars=len(a.text), limit=max_chars), text=""), "", ""
            continue
        h = text_hash(a.text)
        first = seen.first_with_text(h) if a.text.strip() else None
        if first is not None:
            yield replace(a, note=message("A010", first=first)), h, "skipped_duplicate"
            continue
        seen.add_text(h, a.article_id)
        earlier = seen.hash_of_id(a.article_id)
        if earlier is not None and earlier != h:
            new_id = f"{a.article_id}-{h[:8]}"
            a = replace(a, article_id=new_id, doc=new_id, note=message("A009", new_id=new_id))
        seen.add_id(a.article_id, h)
        yield a, h, ""


def progress_line(done: int, resumed_at: int, total: int | None, seconds: float) -> str:
    """The periodic log line off a terminal: "1,200 of ~17,600 articles, 95.0 articles/s, ETA 2m56s"."""
    rate = (done - resumed_at) / seconds if seconds > 0 else 0.0
    line = f"{done:,} articles, {rate:.1f} articles/s" if total is None else f"{done:,} of ~{total:,} articles, {rate:.1f} articles/s"
    if total is not None and rate > 0 and total > done:
        eta = int((total - done) / rate)
        line += f", ETA {eta // 3600}h{eta % 3600 // 60:02d}m" if eta >= 3600 else f", ETA {eta // 60}m{eta % 60:02d}s"
    return line


def progress_bar(silent: bool, total: int | None = None, initial: int = 0):
    """A bar with articles/s and, when the input's size can be estimated, an ETA; None off a terminal."""
    if silent or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.1, total=total, initial=initial)
