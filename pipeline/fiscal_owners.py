"""A government's fiscal or external figure is its country's (guide 3: "the country or area for macro figures").

"The budget gap swelled from a $86.7B deficit in December and a $21.9B shortfall", "Debt held by the public now
stands at $28.9 trillion", "Net direct tax collection grows by 14.7% to Rs 17.8 trn", "Net FDI flows made up 51.7%
of total capital flows": the figure's sentence, up to the figure and the few words after it, names a public
finance or balance-of-payments measure (`models/lexicons/fiscal.yaml` `fiscal_nouns`). Such a figure is no
company's, person's or reporting office's, nor a headline's words': it is the country's. Which country: the one
the figure's sentence names (a country's name, a mention read as a country's index, a capitalised demonym: "Swiss
foreign exchange reserves"), else the one the headline names, else the one public office the story cites (the
gazetteer's `country` of "the U.S. Treasury"), else the one country whose currency the figure is in (not a
currency assumed from a bare "$"). A subject that is already a country or a group stays; so does the figure when
the sentence names two countries, or writes an owner no list knows as a country right before the measure
("Lebanon's public debt"). (The country the story names most was tried as a last resort: on dump stories it gave
"India" to "Japan's current account surplus" and "United States" to Lebanon's debt.)
"""
from __future__ import annotations

import re
from functools import lru_cache

from .pattern_guards import may_match
from .records import Mention
from .resources import Resources
from .subject_finish import headline_countries
from .subjects import subject_words
from .word_patterns import longest_first

RULE = "fiscal_owners.v1"
# a subject that keeps a fiscal figure: a country, or a name no country stands for (a state, a group)
_KEEP_KINDS = frozenset({"country", "group", "state", "region"})
_AFTER = re.compile(r"[^.;:!?\n]{0,40}")  # "the estimated 174 billion dlr deficit for ...": the words after it
# an owner written right before the measure: "Lebanon's public debt", "the state's", "the company's"
_OWNER_BEFORE = re.compile(r"\b(?!(?:the\s+)?(?:country|nation|government|Centre|center|federal)['’]s)[\w.&-]+['’]s?\s+(?:[a-z-]+\s+){0,2}$")


@lru_cache(maxsize=4)
def _noun_rx(res: Resources) -> re.Pattern:
    nouns = longest_first(res.fiscal["fiscal_nouns"], space=r"[\s-]+")
    return re.compile(r"(?<![\w-])(?:" + nouns + r")(?![\w-])", re.I)


def fiscal_noun(text: str, sent_start: int, fig_start: int, fig_end: int, res: Resources) -> int | None:
    """Where the fiscal measure the figure's sentence names (up to the figure and the words just after it) starts;
    None where it names none."""
    rx = _noun_rx(res)
    m = rx.search(text, sent_start, fig_start) if may_match(rx, text[sent_start:fig_start]) else None
    if m is None:
        after = _AFTER.match(text, fig_end)
        m = rx.search(text, fig_end, after.end()) if after and may_match(rx, text[fig_end:after.end()]) else None
    return m.start() if m is not None else None


@lru_cache(maxsize=4)
def countries_by_id(res: Resources) -> dict:
    return {e.entity_id: e for e in res.alias_index.values() if e.kind == "country"}


def _country(entity_id: str, res: Resources):
    return countries_by_id(res).get(entity_id)


def _one(found: dict):
    return next(iter(found.values())) if len(found) == 1 else None


def _sentence_countries(text: str, sent_start: int, sent_end: int, mentions: tuple, res: Resources) -> dict:
    """The countries the sentence names: its country mentions, a mention whose words are a country's name
    ("Japan’s" read as its index), a capitalised demonym ("Swiss foreign exchange reserves")."""
    countries, found = countries_by_id(res), {}
    for m in mentions:
        if not sent_start <= m.start < sent_end:
            continue
        entry = res.alias_index.get(re.sub(r"['’]s?$", "", m.text))
        if m.kind == "country":
            found[m.entity_id] = countries.get(m.entity_id) or res.alias_index.get(m.entity)
        elif entry is not None and entry.kind == "country":
            found[entry.entity_id] = entry
    words = subject_words(res)
    if words.demonym_rx is not None:
        for dm in words.demonym_rx.finditer(text, sent_start, sent_end):
            if dm.group(0)[:1].isupper():
                entry = res.alias_index.get(words.demonyms[dm.group(0).lower()])
                if entry is not None and entry.kind == "country":
                    found[entry.entity_id] = entry
    return {k: v for k, v in found.items() if v is not None}


def fiscal_owner(subject: Mention | None, text: str, sent_start: int, sent_end: int, fig_start: int, fig_end: int,
                 mentions: tuple, headline: str, res: Resources, currency: str = "") -> Mention | None:
    """The country of a fiscal figure (see the module's doc); else `subject`."""
    if subject is not None and subject.kind in _KEEP_KINDS:
        return subject
    noun = fiscal_noun(text, sent_start, fig_start, fig_end, res)
    if noun is None:
        return subject
    in_sentence = _sentence_countries(text, sent_start, sent_end, mentions, res)
    found = _one(in_sentence)
    if found is None and in_sentence:
        return subject  # two countries: whose is it? leave the ranked choice
    owner = _OWNER_BEFORE.search(text[max(sent_start, noun - 40):noun])
    if found is None and owner is not None:
        return subject  # "Lebanon's public debt", "the state's tax collections": an owner no list knows as a country
    if found is None:
        found = _one(headline_countries(headline, res))
    if found is None:
        cited = {}
        for m in mentions:
            entry = res.alias_index.get(m.entity)
            country = _country(getattr(entry, "country", "") or "", res) if entry is not None else None
            if country is not None and m.kind == "regulator":
                cited[country.entity_id] = country
        found = _one(cited)
    if found is None and currency:  # "Net direct tax collection grows ... to Rs 17.8 trn": the one country of its money
        found = _one({e.entity_id: e for e in countries_by_id(res).values() if e.currency == currency})
    if found is None:
        return subject
    return Mention(found.name, -1, -1, found.name, found.entity_id, "country", source="gazetteer")
