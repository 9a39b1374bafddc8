"""Subjects: whose figure it is (issue 15), chosen among open-vocabulary candidates by a trained head.

The gazetteer is a closed list; real news names thousands of companies, funds, tokens and
bodies it will never hold. So a figure's candidate subjects come from four places: the
entities `entities.find_entities` found in its sentence (gazetteer, the article's own
aliases, "the company"), the proper-name chunks of its sentence's parse that none of those
cover, the commodities, currencies and tokens of `models/lexicons/subjects.yaml` that the
sentence names, and the discourse: the subject of the figure before it in the same
paragraph and the story's topic (the company its headline names, `headline_subject.headline_subject`, else
the entities step's main company).

Each candidate gets features of how it stands to the figure (`syntax.relation`: the
possessor or compound of the measured noun, the subject of the stating verb, the object of
"of"/"on"/"in" ...; before or after, how far, across a clause break or another figure), of
what it is (kind, where it was found, whether it is a broker, agency or source that reports
figures about others, whether it is the subject of a reporting verb) and of the story
(topic, headline, mentions). A logistic head trained on the yardstick's train split
(`scripts/train_subject_ranker.py`, `models/heads/subject_ranker.npz`; `subject_ranker.choose`) scores
them and the best one is the subject. `--fast` runs without the parse: its own head
(`subject_ranker_fast.npz`) was trained with the parse features left out.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from .entities import glued_suffix_rx, link_prefix_rx
from .identity import slug
from .records import Mention
from .resources import Entry, Resources
from .word_patterns import has_word, longest_first, whole_words

RULE = "subjects.v1"

RELATIONS = ("poss", "compound", "subject", "object", "agent", "appos", "other")
KINDS = ("company", "unit", "segment", "index", "group", "country", "regulator", "name", "commodity", "currency",
         "crypto", "bond", "person")
SOURCES = ("gazetteer", "article_alias", "reference", "segment", "name", "common", "demonym", "title")
FIGURE_KINDS = ("money", "percent", "pp", "multiple", "count", "quantity", "word_change")
FEATURES = (
    *(f"rel_{r}" for r in RELATIONS), "in_sentence", "previous", "topic", "main", "recent",
    "before", "after", "distance", "same_clause", "figure_between", "first_in_sentence", "last_before",
    *(f"kind_{k}" for k in KINDS), *(f"src_{s}" for s in SOURCES),
    "reporter", "reporter_subject", "reporting_subject", "locative", "in_title", "in_lead", "mentions",
    "pronoun_subject", "no_other_candidate",
    "country_percent", "commodity_money", "index_percent", "company_money", "reporter_topic",
    # the dependency path from the figure up to the word that dominates both, then down to the candidate
    "path_found", "path_up", "path_down", "down_subject", "down_object", "down_prep", "down_poss", "down_compound",
    "down_conj", "down_appos", "ancestor", "up_relcl", "up_conj", "up_clause",
    # what the word-order rules (figure_subject.choose_subject) picked, and by which route
    "rule_attached", "rule_clause", "rule_sentence", "rule_main",
    # the name written just before the figure, and whether the sentence's figures each have their own
    # ("better than Baidu's 7.7% but behind Amazon's 19%", "Doubao at 24%, Kimi at 18%")
    "adjacent", "comparison", "adjacent_in_comparison",
    # another candidate holds the figure by the name just before it, or owns it directly ("Baidu's 7.7%")
    "other_adjacent", "other_poss", "poss_direct",
)
PARSE_FEATURES = frozenset(f"rel_{r}" for r in RELATIONS if r != "other") | {
    "poss_direct", "other_poss", "reporting_subject", "locative", "pronoun_subject", "path_found", "path_up", "path_down", "down_subject",
    "down_object", "down_prep", "down_poss", "down_compound", "down_conj", "down_appos", "ancestor", "up_relcl",
    "up_conj", "up_clause"}
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
_AGENCY_AFTER = re.compile(r"\s*\([A-Z][\w .&-]{1,30}\)\s*[-–—]\s")  # "WASHINGTON (Reuters) - ", a city in capitals
_PRONOUNS = frozenset({"it", "its", "the company", "the firm", "the group", "the bank", "they", "their"})
NUMBERISH = re.compile(r"^[\d.,%$€£¥-]+$")
_PERIOD_NAME = re.compile(r"^(?:[QH][1-4]|[1-4][QH]|FY|9M|[1-4](?:st|nd|rd|th))(?:[\s'-]*(?:FY|CY)?\d{2,4})?$", re.I)


@dataclass(frozen=True)
class Candidate:
    """One possible subject of a figure, with the features the head scores."""

    entity: str
    entity_id: str
    kind: str
    parent: str
    source: str
    start: int  # offsets in the cleaned text; -1 for a candidate from the discourse only
    end: int
    features: tuple[float, ...]

    def mention(self) -> Mention:
        kind = self.kind if self.kind not in ("name", "commodity", "crypto") else "company"
        return Mention(self.entity, self.start, self.end, self.entity, self.entity_id, kind, parent=self.parent,
                       source=self.source)


@dataclass(frozen=True)
class SubjectWords:
    reporters: frozenset[str]
    reporting_verbs: frozenset[str]
    headline_breaks: frozenset[str]
    common: dict  # lower-case phrase -> (name, kind)
    common_rx: re.Pattern | None
    demonyms: dict  # lower-case adjective -> country name
    demonym_rx: re.Pattern | None
    not_subjects: frozenset[str]
    company_noun_rx: re.Pattern | None = None  # a company noun a few words after a demonym: "Australian miner X"
    # a capitalised word right before a commodity's word that names no market or grade of it: the word ends a
    # company's name ("Senco Gold"), not a market's ("Comex Gold", "Spot Gold"; subjects.yaml `commodity_markets`)
    in_a_name_rx: re.Pattern | None = None
    link_prefix: re.Pattern | None = None  # "New York-based ", "KKR-backed " before a name (entities.yaml `name_links`)
    last_scan: dict = field(default_factory=dict, compare=False)  # the last sentence scanned, one entry


@lru_cache(maxsize=4)
def subject_words(res: Resources) -> SubjectWords:
    data = res.subject_words
    common = {str(k).lower(): (str(v[0]), str(v[1])) for k, v in (data.get("common_subjects") or {}).items()}
    rx = whole_words(common)
    demonyms = {str(k).lower(): str(v) for k, v in (data.get("demonyms") or {}).items()}
    drx = whole_words(demonyms)
    return SubjectWords(frozenset(_key(r) for r in data.get("reporters") or ()),
                        frozenset(str(v).lower() for v in data.get("reporting_verbs") or ()),
                        frozenset(str(v).lower() for v in data.get("headline_breaks") or ()), common, rx, demonyms, drx,
                        frozenset(str(v).lower() for v in data.get("not_subjects") or ()),
                        _company_noun_rx(data.get("company_nouns") or ()),
                        _in_a_name_rx((*(data.get("commodity_markets") or ()), *res.exchanges)),
                        link_prefix_rx(tuple(res.entity_rules["name_links"])))


def _in_a_name_rx(markets) -> re.Pattern:
    """A capitalised word (not one of `markets`) and the space before a commodity's word."""
    alt = longest_first(set(markets))
    return re.compile(r"(?<![\w.])" + (r"(?!(?:" + alt + r")\b)" if alt else "") + r"[A-Z][a-z]{2,}\s+$")


def _company_noun_rx(nouns) -> re.Pattern | None:
    """Up to three words after a demonym, then a company noun ("diversified miner", "travel agency company's")."""
    if not nouns:
        return None
    alt = longest_first(nouns)
    return re.compile(r"\s+(?:[\w&.-]+\s+){0,3}?(?:" + alt + r")(?:'s)?\b", re.I)


_NOT_KEY = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)  # the same few names are asked about for every figure of an article
def _key(name: str) -> str:
    return _NOT_KEY.sub(" ", name.lower().replace("’", "'")).strip()



def is_reporter(name: str, words: SubjectWords) -> bool:
    return _key(name) in words.reporters


def clean_name(surface: str, res: Resources) -> str:
    """A name chunk as a subject: no leading "the", possessive or legal suffix ("The Acme Corp's" -> "Acme")."""
    name = _LEADING_THE.sub("", surface.strip(" ,;:*|\"'“”").lstrip("."))
    name = _POSSESSIVE_END.sub("", name).strip()
    suffixes = _suffix_keys(res)
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",.").upper() in suffixes:
        words.pop()
    if words:  # "Idemitsu KosanLtd": "Co.,Ltd." with its punctuation lost, glued to the name
        words[-1] = glued_suffix_rx(tuple(res.entity_rules["glued_suffixes"])).sub("", words[-1])
    name = " ".join(words).rstrip(",")
    return name if _INITIAL_END.search(name) else name.rstrip(".")  # "U.S." keeps its dot


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
_INITIAL_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")


@lru_cache(maxsize=4)
def _suffix_keys(res: Resources) -> frozenset[str]:
    """entities.yaml's company suffixes in upper case without their dot, once per models/ folder."""
    return frozenset(str(x).upper().rstrip(".") for x in res.entity_rules["company_suffixes"])


def resolve_name(name: str, res: Resources, learned: dict) -> Entry | None:
    """The gazetteer's or the article's entry for a name, or None."""
    for form in (name, name.rstrip(".")):
        entry = learned.get(form) or res.alias_index.get(form)
        if entry is not None:
            return entry
    return None


@dataclass
class Discourse:
    """What earlier figures of the article decided: the last subject, by paragraph, and the names seen."""

    last: Mention | None = None
    last_paragraph: int = -1
    seen: list = None  # in-sentence candidates of earlier figures, as mentions, in text order
    # Per-article lookups that would scan the whole text for every figure (a quadratic cost on a long
    # article: issue 18): the line breaks' offsets, and each name's count in the text.
    newlines: list = None
    counts: dict = None
    openers: dict = None  # paragraph start -> its first owner (paragraph_subject), found once
    weak_topic: bool | None = None  # the topic is title-case words, no name (antecedents.weak_topic)

    def __post_init__(self):
        if self.seen is None:
            self.seen = []
        if self.counts is None:
            self.counts = {}
        if self.openers is None:
            self.openers = {}

    def paragraph(self, text: str, pos: int) -> int:
        """The number of line breaks before `pos` (`text.count("\\n", 0, pos)`), by bisection."""
        if self.newlines is None:
            self.newlines = [m.start() for m in re.finditer("\n", text)]
        return bisect_left(self.newlines, pos)

    def count(self, text: str, name: str) -> int:
        """`text.count(name)`, counted once per name."""
        if name not in self.counts:
            self.counts[name] = text.count(name)
        return self.counts[name]


def recent_mention(text: str, sent_start: int, mentions_before: list[Mention], discourse: Discourse) -> Mention | None:
    """The last name written before the sentence in its paragraph or the one before ("**Gopal Snacks** - Net ...")."""
    floor = text.rfind("\n", 0, max(0, text.rfind("\n", 0, sent_start)))
    floor = max(floor, 0)
    pool = [m for m in mentions_before if floor <= m.start < sent_start and m.kind not in ("currency",)]
    pool += [m for m in discourse.seen if floor <= m.start < sent_start]
    return max(pool, key=lambda m: m.start, default=None)


# a wire item's time stamp before its first words: "1839 ET - ", "0051 GMT - ", "(07:05 GMT) "
_ITEM_STAMP = re.compile(r"[\s*(]*\d{1,2}:?\d{2}\s*(?:[A-Z]{2,4}\b)?[)*\s]*[-–—:]?\s*")
# one capitalised word before a lower-case one opens a roundup's stamped item ("0825 GMT - Bellway is on track",
# "1839 ET - Keyera logged a strong 4Q"); `_name_candidates` drops it where the article writes it in lower case
# ("Gold futures rise", "There are ...")
_SINGULAR_VERB = re.compile(r"[ \t]+(?:is|was|has|had|says|said|[a-z]{3,}ed)\b")  # "Keyera logged", "Alstom is"
_STAMPED_OPENER = re.compile(r"[A-Z][\w&.-]*[a-z0-9](?=[ \t]+[a-z])")
_PARAGRAPH_OPENING = 300  # characters of a paragraph read for the owner it opens with


def paragraph_subject(text: str, pos: int, mentions: list[Mention], res: Resources, learned: dict,
                      discourse: Discourse) -> Mention | None:
    """The first owner named in the opening sentence of `pos`'s paragraph: a known name or a proper-name
    chunk that is no reporter, provider or currency. In a roundup each paragraph is an item about its own
    company ("1839 ET - Ansell's bull at Macquarie ... Shares are down 2.6% at A$36.79."), and a sentence
    that names no owner is that item's, not the article's main company's."""
    start = text.rfind("\n", 0, pos) + 1
    if start in discourse.openers:
        return discourse.openers[start]
    words = subject_words(res)
    stamp = _ITEM_STAMP.match(text, start)
    s0 = stamp.end() if stamp and stamp.end() > start and text[start].isdigit() else start
    para_end = text.find("\n", s0)
    para_end = para_end if para_end >= 0 else len(text)
    end = min(para_end, s0 + _PARAGRAPH_OPENING)
    stop = re.search(r"[.!?](?:\s|$)", text[s0:end])
    end = s0 + stop.end() if stop else end
    found: list[Mention] = [m for m in mentions if s0 <= m.start < end and m.source != "reference"]
    chunks = word_order_chunks(text, s0, end, words)
    # "Ansell's first-half result": a possessive; "Redington | CMP: Rs 231.80": a row's first cell
    opening = re.match(r"[A-Z][\w&.-]*(?=['’]s\b)|[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,4}(?=\s*\|\s*\S)", text[s0:end])
    if opening is None and s0 > start:  # "0825 GMT - Bellway is on track ...": one word opens a stamped item
        opening = _STAMPED_OPENER.match(text[s0:end])
        if opening is not None and not (_named_inside(opening.group(), text) or _SINGULAR_VERB.match(
                text, s0 + opening.end())):
            opening = None  # "Base metal prices rise", "Consumers are ...": capitalised by its place alone
    if opening and (s0, s0 + opening.end()) not in chunks:
        chunks = [(s0, s0 + opening.end()), *chunks]
    taken = [(m.start, m.end) for m in found]
    for s, e, entry, name in _name_candidates(chunks, text, taken, res, learned, (end, end)):
        found.append(Mention(text[s:e], s, e, entry.name, entry.entity_id, entry.kind, parent=entry.parent, source="name")
                     if entry is not None else Mention(text[s:e], s, e, name, slug(name), "name", source="name"))
    paragraph = text[s0:para_end]
    owner = None
    for m in sorted(found, key=lambda m: m.start):
        if m.kind in ("currency", "person") or is_reporter(m.entity, words) or is_reporter(m.text, words):
            continue
        # a proper-name chunk no list knows is an owner when it opens the item or the item names it again
        # ("**Gopal Snacks** - Net profit ...", "Ansell's ... Ansell's healthcare unit"); a chunk such as
        # "Pro" or "South India-based" in passing is not
        if m.source == "name" and m.entity_id == slug(m.entity) and (not (
                not text[s0:m.start].strip(" *_\"'“‘(") or paragraph.count(m.text) >= 2) or _not_an_owner(m.text, words)):
            continue
        owner = m
        break
    discourse.openers[start] = owner
    return owner


_OPENING_FUNCTION_WORDS = frozenset({"in", "at", "on", "for", "with", "by", "from", "as", "after", "before", "under", "about",
                                     "over", "despite", "while", "when", "if", "but", "and", "so", "also", "since", "where",
                                     "although", "though", "because", "once", "unless", "until", "whether"})


def _named_inside(word: str, text: str) -> bool:
    """Whether the article writes `word` capitalised inside a sentence, after a lower-case word or a comma ("U.K.
    housebuilder Bellway appears"), or as a possessive ("Alstom's"): a name, not a word capitalised by its place."""
    return re.search(r"(?:[a-z,] |\()" + re.escape(word) + r"\b|\b" + re.escape(word) + r"['’]s\b", text) is not None


def _not_an_owner(chunk: str, words: SubjectWords) -> bool:
    """A capitalised chunk that describes rather than names: "London-based", "Canadian", "The Italian", "In Canada"."""
    first = chunk.split()[0].lower() if chunk.split() else ""
    bare = _LEADING_THE.sub("", chunk).lower()  # "The Italian bank on Tuesday said": the bank, not a name
    return (chunk.lower().endswith("-based") or bare in words.demonyms or first in _OPENING_FUNCTION_WORDS)


def opener_candidate(opener: Mention, cands: list[Candidate]) -> Candidate:
    """The candidate row of the paragraph's opening owner (its own row when the sentence's candidates hold it)."""
    key = opener.entity_id or opener.entity
    for c in cands:
        if (c.entity_id or c.entity) == key:
            return c
    f = dict.fromkeys(FEATURES, 0.0)
    f["previous"] = 1.0  # it stands to the figure as an earlier subject of its paragraph would
    return Candidate(opener.entity, opener.entity_id, opener.kind, opener.parent, opener.source, opener.start,
                     opener.end, tuple(f[k] for k in FEATURES))


# a run of capitalised words, with the joiners names hold ("Bank of America", "Procter & Gamble")
# ("and" joins two names more often than it names one: "Apple and Microsoft")
# words of one name stand one space apart: a wider gap or a tab is a table's column break ("Tango Therapeutics
# TNGX  2.41", a 52-week-highs table's name, ticker and price cells), and the next cell is no part of the name
_CAPITALISED_RUN = re.compile(r"(?<![\w&.'’-])[A-Z][\w&.'’-]*(?:(?:\s+(?:of|&|de|du|la|von|van|der|the)\s+| (?![ \t]))"
                              r"[A-Z][\w&.'’-]*)*")
_JOINED = re.compile(r"\s+(?:of|&|de|du|la|von|van|der|the)\s+")


CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                            "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
                            "friday saturday sunday".split())


def word_order_chunks(text: str, sent_start: int, sent_end: int, words: SubjectWords) -> list[tuple[int, int]]:
    """Name chunks by capitalisation alone, for runs without the parse: (start, end) spans.

    A single capitalised word that opens the sentence is left out (its capital is its place's);
    "Sionna Therapeutics said ..." is kept, being two words. A head of metric words joined on
    ("Shares of Carraro India", "Revenue of Acme") is cut off at the joiner; a possessive or a
    month ends a chunk ("Japan's SoftBank Group", "Dutch January Industrial Production"). A line
    in title case (a headline, a subhead) gives none: its capitals are the style's.
    """
    sentence = text[sent_start:sent_end]
    tokens = re.findall(r"[A-Za-z][\w'’-]*", sentence)
    if len(tokens) >= 4 and sum(t[0].isupper() for t in tokens) > 0.6 * len(tokens):
        return []
    out = []
    for m in _CAPITALISED_RUN.finditer(text, sent_start, sent_end):
        pieces = []
        start = m.start()
        for w in re.finditer(r"\S+", m.group()):
            ws, we = m.start() + w.start(), m.start() + w.end()
            bare = w.group().lower().rstrip(".,")
            if bare in CALENDAR_WORDS:
                if ws > start:
                    pieces.append((start, ws))
                start = we
            elif re.search(r"['’]s?$", w.group()):  # a possessive owns what follows: its own chunk
                pieces.append((start, we))
                start = we
        if start < m.end():
            pieces.append((start, m.end()))
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and (text[e - 1] in "’'-" or text[e - 1].isspace()):
                e -= 1
            if e <= s:
                continue
            j = _JOINED.search(text, s, e)
            if j is not None and all(w.lower().strip(".,") in words.not_subjects for w in text[s:j.start()].split()):
                s = j.end()
            lead = re.match(r"\S+\s+", text[s:e])  # "Total West German exports": a metric word leads
            # a role or a place adjective before a name: "Executive Chairman Grant Wilson", "Jeddah-based Saudi-French"
            # "The Riyadh-based Gulf Finance House", "New York City-based SecurityScoreCard", "KKR-backed Avendus"
            based = words.link_prefix.match(text[s:e]) if words.link_prefix is not None else None
            if based:
                s += based.end()
                lead = re.match(r"\S+\s+", text[s:e])
            while lead and (lead.group().strip().lower().strip(".,") in words.not_subjects | _OPENING_FUNCTION_WORDS
                            or lead.group().strip().lower().endswith("-based")):  # "When Amazon pledged ..."
                s += lead.end()
                lead = re.match(r"\S+\s+", text[s:e])
            if text[s:e].lower().endswith("-based") or (based and s >= e):
                continue  # "the Singapore-based internet company", "Dubai-listed": a description, not a name
            # the first word of a table cell is capitalised by its place ("| Organic growth |")
            at_start = not text[sent_start:s].strip(" \t\n\"'“‘(*-•|")
            if at_start and " " not in text[s:e] and not re.search(r"[A-Z].*[A-Z]|\d", text[s:e]) \
                    and not _OWNED_NOUN.match(text, e):  # "Aritzia shares fell 3.1%": a company's shares
                continue
            out.append((s, e))
    return out


_OWNED_NOUN = re.compile(r"\s+(?:shares|stock|ADRs)\b")


def found_in_article(kind: str, key: str, search: Callable[[str], bool], text: str, words: SubjectWords) -> bool:
    """Whether `search` finds its words in the article's `text`, searched once per article for each (kind, key)."""
    memo = words.last_scan.get(kind)
    if memo is None or memo[0] is not text:
        memo = words.last_scan[kind] = (text, {})
    found = memo[1].get(key)
    if found is None:
        found = memo[1][key] = search(text)
    return found


def written_lower(name: str, text: str, words: SubjectWords) -> bool:
    """Whether the article writes `name` in lower case somewhere."""
    return found_in_article("lower", name, lambda body: has_word(body, name.lower(), ".-"), text, words)


def _name_candidates(chunks: list[tuple[int, int]], text: str, taken: list[tuple[int, int]], res: Resources,
                     learned: dict, fig_span: tuple[int, int]) -> list[tuple[int, int, Entry | None, str]]:
    """Proper-name chunks (of the parse, or by capitalisation) no entity mention covers: (start, end, entry or None, name).

    A chunk equal to a mention, or inside one, is left to the mention; a longer chunk holding
    a mention ("Carraro India") stands beside it. A chunk of words that name a metric or a role
    (`not_subjects`), or of one word the article also writes in lower case ("Management",
    "Biggest" at a sentence's start), is not a name.
    """
    not_entities = res.entity_rules.get("not_entities", ())
    words = subject_words(res)
    out = []
    for s, e in chunks:
        if not (e <= fig_span[0] or s >= fig_span[1]):
            continue
        if any(a <= s and e <= b for a, b in taken):
            continue
        name = clean_name(text[s:e], res)
        if not name or NUMBERISH.match(name) or len(name) < 2:
            continue
        parts = name.split()
        if all(w.lower().strip(".,") in words.not_subjects or w in not_entities for w in parts):
            continue
        if parts[-1].lower() in _label_heads(res) and resolve_name(name, res, learned) is None:
            continue  # "Core EPS was $5.10", "PreTax Profit": a figure's label
        if _PERIOD_NAME.match(name):
            continue  # "Q2-2025", "FY25", "9MFY25": a report period, capitalised as such
        if _DATELINE_AFTER.match(text, e) or (name.isupper() and _AGENCY_AFTER.match(text, e)):
            continue  # "NEW YORK, March 17 - ...", "WASHINGTON (Reuters) -": the wire's dateline names a place
        if text[e:e + 1] == "$":
            continue  # "US$1.1 million", "C$69.79": the dollar's country names the money, not an owner
        if len(parts) == 1 and not re.search(r"[A-Z].*[A-Z]|\d", name) and written_lower(name, text, words):
            continue  # written in lower case elsewhere: a common word capitalised by its place
        out.append((s, e, resolve_name(name, res, learned), name))
    return out


@lru_cache(maxsize=4)
def _label_heads(res: Resources) -> frozenset[str]:
    return frozenset(str(w).lower() for w in res.subject_words.get("label_heads") or ())
