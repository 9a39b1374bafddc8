"""The subject step's candidates: every entity that may own a figure, with its features (FEATURES order).

Candidates come from the sentence (the entities step's mentions, "the company" read as the story's topic or
what it points back to; the proper-name chunks of the parse or of capitalisation that no mention covers; the
commodities, currencies and demonyms `models/lexicons/subjects.yaml` names) and from the discourse (the
previous figure's subject in the paragraph, a recent mention, the topic, the main company). A name inside a
longer one is part of it ("Carraro India" is not India), a place that modifies a name is none, and a speaker
("..., Yeutter said") owns nothing. Each then gets the features of how it stands to the figure and to the
story, one row per entity (its strongest mention), for the head of subjects.py to score.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter

from .antecedents import antecedent, weak_topic
from .identity import slug
from .opening_words import without_opening_word
from .parse import Parsed
from .lowered import lowered_for_ascii_pattern, lowered_rx
from .records import Mention
from .resources import Resources
from .subject_roles import commodity_parts, research_employers, speaker_spans, without_place_modifiers
from .subjects import (FEATURES, KINDS, PARSE_FEATURES, RELATIONS, SOURCES, Candidate, Discourse, SubjectWords,
                       _name_candidates, is_reporter, recent_mention, resolve_name, subject_words,
                       word_order_chunks)
from .syntax import anchor, name_chunks, path_arcs, path_features, relation, span_head

_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[-–—]\s|\bwhile\b|\bwhereas\b|\bbut\b|\n")
_ADJACENT_CHARS = 30  # "Baidu's 7.7%", "Doubao at 24%", "BIDU being up 61%"
_NEAREST_CHUNKS = 4  # capitalised name chunks taken on each side of a figure (runs without the parse)
_COMPARISON_CHARS = 400  # figures compared in one sentence lie within this of each other
_LOCATIVE_PREPS = frozenset({"in", "at", "from", "to", "across", "throughout", "within", "into", "near", "outside"})


@dataclass(frozen=True, eq=False)
class _Asked:
    """One figure's question: its sentence and the story around it."""

    text: str
    fig: object
    sent_start: int
    sent_end: int
    res: Resources
    learned: dict
    words: SubjectWords
    topic: Mention | None
    main: Mention | None
    discourse: Discourse


def candidate_rows(text: str, fig, sent_start: int, sent_end: int, mentions: list[Mention], p: Parsed | None,
                   res: Resources, learned: dict, topic: Mention | None, main: Mention | None,
                   discourse: Discourse, title: str, figure_starts: list[int],
                   mentions_before: list[Mention] = (), rule_pick: tuple[Mention | None, str] = (None, "")) -> list[Candidate]:
    """Every candidate subject of `fig`, with its features (FEATURES order).

    `rule_pick` is the word-order rules' subject and route (figure_subject.choose_subject): "Baidu's 7.7%",
    "BIDU being up 61%" and "Doubao at 24%" are read there more surely than by any parse.
    """
    q = _Asked(text, fig, sent_start, sent_end, res, learned, subject_words(res), topic, main, discourse)
    fa = None
    if p is not None:
        toks = p.tokens_in(fig.start, fig.end)
        fa = anchor(p, toks) if toks else None
    raw = _entity_mentions(q, mentions, mentions_before, title)
    raw, chunk_spans = _with_name_chunks(q, raw, p)
    picked, route = rule_pick
    if picked is not None and picked.start >= 0 and not any(
            m.start == picked.start and m.end == picked.end for m, _ in raw):
        raw.append((picked, picked.kind if picked.kind in KINDS else "name"))
    if chunk_spans:  # a known name inside a longer one is part of it: "Carraro India" is not India
        raw = [(m, k) for m, k in raw if not any(s <= m.start and m.end <= e and (m.start, m.end) != (s, e)
                                                 for s, e in chunk_spans)]
    raw = _with_common_words(q, raw)
    raw = _without_speakers(q, without_place_modifiers(text, raw))
    by_key = _sentence_rows(q, raw, p, fa, figure_starts, title.lower(), text[:400].lower())
    _add_discourse_rows(q, by_key, mentions_before, title.lower(), text[:400].lower())
    if picked is not None and route in ("attached", "clause", "sentence", "main"):
        row = by_key.get(picked.entity_id or picked.entity)
        if row is not None:
            row["f"][f"rule_{route}"] = 1.0
    for row in by_key.values():
        m = row["m"]
        if m.start >= 0 and not discourse.seen or (m.start >= 0 and discourse.seen[-1].start < m.start):
            discourse.seen.append(m)
    return _candidates(by_key, fa is not None)


def _entity_mentions(q: _Asked, mentions: list[Mention], mentions_before: list[Mention],
                     title: str = "") -> list[tuple[Mention, str]]:
    """The entities step's mentions in the sentence, but the figure's own and currencies; "the company",
    "the beverage giant" read as the story's topic, or as what they point back to under a weak topic."""
    raw: list[tuple[Mention, str]] = []  # (mention, kind) found in the sentence
    fig, topic, discourse = q.fig, q.topic, q.discourse
    for m in mentions:
        if m.kind == "currency" or (m.start < fig.end and fig.start < m.end):
            continue
        if m.source == "reference" and topic is not None:  # "the company", "the beverage giant": the story's topic
            if discourse.weak_topic is None:
                discourse.weak_topic = weak_topic(topic, q.text)
            to = antecedent(q.text, m, [*mentions_before, *mentions], q.main) if discourse.weak_topic else topic
            to = to or topic  # a topic that is title-case words, no name: what the reference points back to
            m = Mention(m.text, m.start, m.end, to.entity, to.entity_id, to.kind, parent=to.parent,
                        source="reference", possessive=m.possessive)
        elif m.source == "reference" and not _headline_of(q.main, title):
            # no one topic ("Biggest stock movers Tuesday: LSCC, FLNC, SMCI"): the company its item names before it
            to = antecedent(q.text, m, [*mentions_before, *mentions], None)
            if to is not None:
                m = Mention(m.text, m.start, m.end, to.entity, to.entity_id, to.kind, parent=to.parent,
                            source="reference", possessive=m.possessive)
        raw.append((m, m.kind))
    return raw


def _headline_of(main: Mention | None, title: str) -> bool:
    """Whether a headline that lists no names names the story's main company ("Morgan Stanley's Bankers Tap ..."):
    there "the bank" is that company, as the entities step read it."""
    return main is not None and "," not in title and bool(main.entity) and main.entity.lower() in title.lower()


def _with_name_chunks(q: _Asked, raw: list, p: Parsed | None) -> tuple[list, list[tuple[int, int]]]:
    """The proper-name chunks (of the parse, else by capitalisation: the nearest few) no mention covers, added
    as names (known or not); and the chunks' spans. A chunk may hold a shorter known name ("Carraro India"
    holds India): both are candidates."""
    text, fig, res, words = q.text, q.fig, q.res, q.words
    taken = [(m.start, m.end) for m, _ in raw if m.source != "segment"]
    chunk_spans: list[tuple[int, int]] = []
    if p is not None:
        chunks = [(p.starts[i], p.ends[j - 1]) for i, j in name_chunks(p)]
    else:
        chunks = without_opening_word(text, q.sent_start, _sentence_words(text, q.sent_start, q.sent_end, words)[2],
                                      words, lambda name: resolve_name(name, res, q.learned) is not None)
        i = bisect_left(chunks, (fig.start, 0))  # the nearest few on each side: a table line is not a roster
        chunks = chunks[max(0, i - _NEAREST_CHUNKS):i + _NEAREST_CHUNKS]
    if not chunks:
        return raw, chunk_spans
    for s, e, entry, name in _name_candidates(chunks, text, taken, res, q.learned, (fig.start, fig.end)):
        if s < q.sent_start or e > q.sent_end:
            continue
        if entry is None and name.lower() in words.demonyms:
            continue  # "Korean", "West German": the country, read below as a demonym
        chunk_spans.append((s, e))
        if entry is not None:
            raw.append((Mention(text[s:e], s, e, entry.name, entry.entity_id, entry.kind, parent=entry.parent,
                                source="name"), entry.kind))
        else:
            k = "index" if len(name.split()) > 1 and name.split()[-1] in (  # "The Milan Stock Index was indicated 2.90 pct higher"
                res.subject_words.get("index_nouns") or ()) else "name"
            raw.append((Mention(text[s:e], s, e, name, slug(name), k, source="name"), k))
    return raw, chunk_spans


def _with_common_words(q: _Asked, raw: list) -> list:
    """The commodities, currencies and tokens the sentence names ("West Texas crude", "the euro"), and the
    countries its demonyms name ("German exports"), where no other candidate stands."""
    text, fig, res, words = q.text, q.fig, q.res, q.words
    taken = [(m.start, m.end) for m, _ in raw]
    common, demonyms, _ = _sentence_words(text, q.sent_start, q.sent_end, words)
    if common:  # "West Texas crude", "Australian dollar": a name chunk or country inside a longer common subject is part of it
        inside = {(m.start, m.end) for m, k in raw for s, e, _, ck in common  # "New Zealand dollar": not New Zealand
                  if (m.source == "name" or k == "country" and ck in ("currency", "bond")) and m.end <= e
                  and (m.start, m.end) != (s, e) and (s <= m.start or text[m.start:s].strip().lower() == "the")}
        if inside:
            raw = [(m, k) for m, k in raw if (m.start, m.end) not in inside]
        raw, common = commodity_parts(text, raw, common, res.exchanges)
        taken = [(m.start, m.end) for m, _ in raw]
    for s, e, name, kind in common:
        if not (s < fig.end and fig.start < e) and not any(a <= s < b for a, b in taken):
            raw.append((Mention(text[s:e], s, e, name, slug(name), kind, source="common"), kind))
    for s, e, adjective in demonyms:
        if (s < fig.end and fig.start < e) or any(a <= s < b for a, b in taken) or not text[s:s + 1].isupper():
            continue
        if any(a <= s < b or (a > e and not text[e:a].strip() and k in ("currency", "bond")) for a, b, _, k in common):
            continue  # "Australian dollar", "British pound", "Japanese government bonds": the currency or bond
        if words.company_noun_rx is not None and words.company_noun_rx.match(text, e):
            continue  # "Australian diversified miner South32": the adjective describes a company
        country = words.demonyms[adjective.lower()]
        entry = resolve_name(country, res, q.learned)
        name, cid = (entry.name, entry.entity_id) if entry is not None else (country, slug(country))
        raw.append((Mention(text[s:e], s, e, name, cid, "country", source="demonym"), "country"))
    return raw


def _without_speakers(q: _Asked, raw: list) -> list:
    """Guide 3.2: a speaker ("..., Yeutter said") or an analyst's employer owns no figure, unless nothing
    else would."""
    speakers = speaker_spans(q.text, raw, q.sent_start, q.sent_end, q.res, lambda name: is_reporter(name, q.words)) \
        | research_employers(q.text, raw, q.sent_start, q.sent_end, q.res)
    if speakers and (len(raw) > len(speakers) or q.topic is not None or q.main is not None):
        raw = [(m, k) for m, k in raw if (m.start, m.end) not in speakers]
    return raw


def _sentence_rows(q: _Asked, raw: list, p: Parsed | None, fa, figure_starts: list[int], title_low: str,
                   lead_low: str) -> dict[str, dict]:
    """One feature row per entity of the sentence (its strongest mention): how it stands to the figure."""
    text, fig, words = q.text, q.fig, q.words

    # each figure of the sentence and the name just before it (no figure between, within a few words)
    def nearest_before(pos: int) -> Mention | None:
        best = None
        for m, _ in raw:
            if m.end <= pos and pos - m.end <= _ADJACENT_CHARS and (best is None or m.end > best.end):
                best = m
        if best is not None and bisect_left(figure_starts, best.end) < bisect_left(figure_starts, pos):
            return None  # a figure lies between
        return best

    # the figures near this one (a sentence of a thousand figures must not cost a million lookups)
    lo_pos, hi_pos = max(q.sent_start, fig.start - _COMPARISON_CHARS), min(q.sent_end, fig.end + _COMPARISON_CHARS)
    sentence_figures = figure_starts[bisect_left(figure_starts, lo_pos):bisect_left(figure_starts, hi_pos)]
    owners = {s: nearest_before(s) for s in sentence_figures}
    owner_keys = {(m.entity_id or m.entity) for m in owners.values() if m is not None}
    own = owners.get(fig.start)
    comparison = float(len(owner_keys) >= 2)
    by_key: dict[str, dict] = {}
    first_start = min((m.start for m, _ in raw), default=-1)
    before_starts = [m.start for m, _ in raw if m.end <= fig.start]
    last_before_start = max(before_starts) if before_starts else -2
    others = [s for s in sentence_figures if s != fig.start]
    for m, kind in raw:
        key = m.entity_id or m.entity
        f = dict.fromkeys(FEATURES, 0.0)
        f["in_sentence"] = 1.0
        rel = "other"
        if fa is not None:
            toks = p.tokens_in(m.start, m.end)
            if toks:
                rel = _parse_features(f, p, fa, span_head(p, toks), words)
        f[f"rel_{rel}"] = 1.0
        before = m.end <= fig.start
        f["before"], f["after"] = float(before), float(not before)
        gap = text[m.end:fig.start] if before else text[fig.end:m.start]
        f["distance"] = math.log1p(len(gap)) / 5.0
        f["same_clause"] = float(not _CLAUSE_BREAK.search(gap))
        lo, hi = (m.end, fig.start) if before else (fig.end, m.start)
        f["figure_between"] = float(any(lo <= s < hi for s in others))
        f["first_in_sentence"] = float(m.start == first_start)
        f["last_before"] = float(m.start == last_before_start)
        f[f"kind_{kind if kind in KINDS else 'name'}"] = 1.0
        src = m.source if m.source in SOURCES else ("gazetteer" if m.source in ("", "ner", "main") else "name")
        f[f"src_{src}"] = 1.0
        _story_features(f, m, words, title_low, lead_low, text, q.topic, q.main, q.discourse)
        if m.source == "reference":
            f["pronoun_subject"] = float(f["rel_subject"] > 0 or f["rel_poss"] > 0)
        _interactions(f, kind, fig.kind)
        if own is not None and own.start == m.start:
            f["adjacent"] = 1.0
            f["comparison"] = comparison
            f["adjacent_in_comparison"] = comparison
        row = by_key.get(key)
        if row is None or _strength(f) > _strength(row["f"]):
            by_key[key] = {"m": m, "kind": kind, "f": f}
    return by_key


def _parse_features(f: dict, p: Parsed, fa, head: int, words: SubjectWords) -> str:
    """The parse's word on a mention whose head token is `head`: its relation to the figure (returned), and
    whether it is the figure's own possessor, a reporting verb's subject or a place's object."""
    rel = relation(p, fa, head)
    dep = p.deps[head]
    # the figure's own possessor: "Baidu's 7.7%", "the Nasdaq's 20% gain"
    f["poss_direct"] = float(dep == "poss" and p.heads[head] in (fa.root, p.heads[fa.root]))
    if dep in ("nsubj", "nsubjpass"):
        verb = p.heads[head]
        if p.words[verb].lower() in words.reporting_verbs:
            f["reporting_subject"] = 1.0
    if dep == "pobj" and p.words[p.heads[head]].lower() in _LOCATIVE_PREPS and rel != "object":
        f["locative"] = 1.0
    path_features(f, path_arcs(p, fa.root, head))
    return rel


def _add_discourse_rows(q: _Asked, by_key: dict, mentions_before: list[Mention], title_low: str, lead_low: str) -> None:
    """The discourse: the previous figure's subject in this paragraph, a recent mention, the topic and the main
    company, each a row of its own or a mark on the sentence's row of the same entity."""
    text, fig, discourse = q.text, q.fig, q.discourse
    para = discourse.paragraph(text, fig.start)
    extra = []
    if discourse.last is not None and discourse.last_paragraph == para:
        extra.append((discourse.last, "previous"))
    recent = recent_mention(text, q.sent_start, mentions_before, discourse)
    if recent is not None:
        extra.append((recent, "recent"))
    if q.topic is not None:
        extra.append((q.topic, "topic"))
    if q.main is not None:
        extra.append((q.main, "main"))
    for m, why in extra:
        key = m.entity_id or m.entity
        row = by_key.get(key)
        if row is None:
            f = dict.fromkeys(FEATURES, 0.0)
            kind = m.kind if m.kind in KINDS else "name"
            f[f"kind_{kind}"] = 1.0
            f[f"src_{'title' if m.source == 'title' else 'gazetteer'}"] = 1.0
            _story_features(f, m, q.words, title_low, lead_low, text, q.topic, q.main, discourse)
            _interactions(f, kind, fig.kind)
            row = by_key[key] = {"m": m, "kind": kind, "f": f}
        row["f"][why] = 1.0


def _candidates(by_key: dict, parsed: bool) -> list[Candidate]:
    """The rows as candidates, with what each knows of the others (another's adjacency or possession)."""
    adjacent_keys = {k for k, row in by_key.items() if row["f"]["adjacent"]}
    poss_keys = {k for k, row in by_key.items() if row["f"]["poss_direct"]}
    for key, row in by_key.items():  # another row than this one is adjacent, possessive
        row["f"]["other_adjacent"] = float(len(adjacent_keys) - (key in adjacent_keys) > 0)
        row["f"]["other_poss"] = float(len(poss_keys) - (key in poss_keys) > 0)
    n = len(by_key)
    out = []
    for key, row in by_key.items():
        f = row["f"]
        f["no_other_candidate"] = float(n == 1)
        if not parsed:
            f.update(_NO_PARSE)
        m = row["m"]
        out.append(Candidate(m.entity, m.entity_id, row["kind"], m.parent, m.source, m.start, m.end,
                             _row(f)))
    return out


_row = itemgetter(*FEATURES)  # a candidate's features as a tuple, in FEATURES order
_NO_PARSE = dict.fromkeys(PARSE_FEATURES, 0.0)  # a run without the parse has none of its features


def _sentence_words(text: str, sent_start: int, sent_end: int, words: SubjectWords) -> tuple[tuple, tuple, list]:
    """The common subjects ("gold", "the euro"), demonyms ("German") and capitalised name chunks of one
    sentence: (start, end, name, kind), (start, end, adjective) and (start, end). Every figure of a
    sentence asks: the sentence is scanned once."""
    key = (id(text), len(text), sent_start, sent_end)
    last = words.last_scan.get("last")
    if last is not None and last[0] == key and last[1] is text:
        return last[2]
    common = []
    if words.common_rx is not None:
        for m in _scan_words(words, words.common_rx, text, sent_start, sent_end):
            written = text[m.start():m.end()]
            name, kind = words.common[written.lower()]
            if kind == "commodity" and words.in_a_name_rx.search(text, max(sent_start, m.start() - 30), m.start()) \
                    and written[:1].isupper() and not text[m.start() - 30:m.start()].isupper():
                continue  # "Senco Gold reported revenue", "Royal Gold's": the word ends a company's name
            common.append((m.start(), m.end(), name, kind))
    demonyms = []
    if words.demonym_rx is not None:
        demonyms = [(m.start(), m.end(), text[m.start():m.end()])
                    for m in _scan_words(words, words.demonym_rx, text, sent_start, sent_end)]
    found = (tuple(common), tuple(demonyms), word_order_chunks(text, sent_start, sent_end, words))
    words.last_scan["last"] = (key, text, found)
    return found


def _scan_words(words: SubjectWords, rx: re.Pattern, text: str, start: int, end: int):
    """rx.finditer(text, start, end) for a case-insensitive pattern of whole words, run as its lowered form over
    the lowered article (twice as fast) where the pattern is ASCII and the text holds no letter re folds apart from
    lower() (lowered.lowered_for_ascii_pattern); the matches' offsets are the text's, their groups lower case."""
    low_rx = lowered_rx(rx)
    if low_rx is None:
        return rx.finditer(text, start, end)
    memo = words.last_scan.get("lowered")
    if memo is None or memo[0] is not text:
        memo = words.last_scan["lowered"] = (text, lowered_for_ascii_pattern(text))
    return rx.finditer(text, start, end) if memo[1] is None else low_rx.finditer(memo[1], start, end)


def _strength(f: dict) -> float:
    return sum(f[f"rel_{r}"] for r in RELATIONS if r != "other") * 2 + f["same_clause"] - f["distance"]


def _story_features(f: dict, m: Mention, words: SubjectWords, title_low: str, lead_low: str, text: str,
                    topic: Mention | None, main: Mention | None, discourse: Discourse) -> None:
    name = m.entity.lower()
    surface = (m.text or m.entity).lower()
    f["reporter"] = float(is_reporter(m.entity, words) or is_reporter(m.text, words))
    f["reporter_subject"] = f["reporter"] * f["rel_subject"]
    f["in_title"] = float(bool(name) and (name in title_low or surface in title_low))
    f["in_lead"] = float(bool(name) and (name in lead_low or surface in lead_low))
    f["mentions"] = math.log1p(discourse.count(text, m.text or m.entity)) / 3.0 if (m.text or m.entity) else 0.0
    key = m.entity_id or m.entity
    if topic is not None and key == (topic.entity_id or topic.entity):
        f["topic"] = 1.0
    if main is not None and key == (main.entity_id or main.entity):
        f["main"] = 1.0
    f["reporter_topic"] = f["reporter"] * f["topic"]


def _interactions(f: dict, kind: str, figure_kind: str) -> None:
    f["country_percent"] = float(kind in ("country", "regulator") and figure_kind in ("percent", "pp"))
    f["commodity_money"] = float(kind in ("commodity", "crypto", "currency") and figure_kind == "money")
    f["index_percent"] = float(kind == "index" and figure_kind in ("percent", "word_change", "count"))
    f["company_money"] = float(kind in ("company", "unit", "name") and figure_kind == "money")
