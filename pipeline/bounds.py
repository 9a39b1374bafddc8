"""Bounds on the work one sentence can cost the claims stage.

The claims stage looks at a figure's sentence (its clauses, cues, names and periods) once per
figure, so a sentence's cost grows with its length times its figures. News prose stays far
inside both bounds below; text that passes them is a table flattened to one line or generated
text, and issue 18's single-line article (`Acme revenue rose 5% to $3 billion and ` 30,000
times: one 1.2 MB sentence with 60,000 figures) kept a worker busy for many minutes.
"""
from __future__ import annotations

import bisect
from typing import Callable, Sequence

from .records import CleanText, Figure, Sentence, Skipped

# The longest sentence with a figure in 4,000 articles of each of the three news dumps had 3,274
# characters (modern-2025; Reuters 538, Yahoo 1,471). A longer one is read in windows of at most
# this many characters, cut at a space outside any figure: the figure's window is its sentence.
MAX_SENTENCE_CHARS = 5_000
# The most figures in one sentence there was 34. A sentence with more is a list, not a statement:
# its figures after the first MAX_SENTENCE_FIGURES make no claim (skipped as "crowded_sentence").
MAX_SENTENCE_FIGURES = 200


def drop_crowded(figures: Sequence[Figure], clean: CleanText,
                 limit: int = MAX_SENTENCE_FIGURES) -> tuple[list[Figure], list[Skipped]]:
    """The figures that may make claims, and the rest as Skipped: at most `limit` figures a sentence."""
    firsts = [s.start for s in clean.sentences]
    per_sentence: dict[int, int] = {}
    over = set()
    for f in sorted(figures, key=lambda f: f.start):
        i = bisect.bisect_right(firsts, f.start) - 1  # clean.sentence_at, without its checks
        if i < 0 or f.start >= clean.sentences[i].end:
            continue
        per_sentence[i] = per_sentence.get(i, 0) + 1
        if per_sentence[i] > limit:
            over.add(id(f))
    if not over:
        return list(figures), []
    kept = [f for f in figures if id(f) not in over]
    return kept, [Skipped(f.text, f.start, "crowded_sentence") for f in figures if id(f) in over]


def bounded_sentence_at(clean: CleanText, figures: Sequence[Figure],
                        limit: int = MAX_SENTENCE_CHARS) -> Callable[[int], Sentence | None]:
    """`clean.sentence_at`, but a sentence over `limit` characters is cut into windows of at most `limit`."""
    spans = sorted((f.start, f.end) for f in figures)
    starts = [a for a, _ in spans]
    windows: dict[int, tuple[list[int], list[Sentence]]] = {}

    def at(pos: int) -> Sentence | None:
        s = clean.sentence_at(pos)
        if s is None or s.end - s.start <= limit:
            return s
        if s.start not in windows:
            cut = _windows(clean.text, s, spans, starts, limit)
            windows[s.start] = ([w.start for w in cut], cut)
        firsts, cut = windows[s.start]
        return cut[bisect.bisect_right(firsts, pos) - 1]

    return at


def _windows(text: str, s: Sentence, spans: list[tuple[int, int]], starts: list[int], limit: int) -> list[Sentence]:
    out, start = [], s.start
    while s.end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        i = bisect.bisect_right(starts, cut) - 1
        if cut > 0 and i >= 0 and spans[i][0] < cut < spans[i][1] and spans[i][0] > start:
            cut = spans[i][0]  # never inside a figure ("$3 | billion")
        if cut <= start:
            cut = start + limit  # no space to cut at
        out.append(Sentence(start, cut))
        start = cut
    out.append(Sentence(start, s.end))
    return out
