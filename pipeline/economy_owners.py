"""A macro figure that a company took from the discourse is its economy's (guide 3: "the country or area for macro
figures").

A story about a company, an index or a market day quotes the economy's data: "Economists estimate that producer
prices increased by 0.3% ... in January" under a Cisco headline, "The PPI rose 0.4% M/M" under "Dow, S&P, Nasdaq
advance", "the unemployment rate dipped to 6.6%" in a bank's note on Canada. Where the figure's sentence does not
name the company the subject head chose (it came from the headline, the article's main company or an earlier
sentence) and the metric is one of a country's economy (subjects.yaml `macro_metrics`), the figure is the
country's: the one country its sentence names, else the last one named in the 400 characters before it (a wrap's
section on Singapore), else the headline's country (the story's topic or the one the
headline names), else the company's or index's home country (the gazetteer's `country`). A company the sentence
names keeps its figure ("U.S. Foods ... 2.7% mix and inflation impact" where it writes "U.S. Foods"), as does one
no list places.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .resources import Resources
from .subject_finish import headline_countries
from .subject_roles import subject_word_list

RULE = "economy_owners.v1"

_DISCOURSE_KINDS = frozenset({"company", "unit", "index"})  # what a story's discourse hands an economy's figure to


@lru_cache(maxsize=4)
def _countries(res: Resources) -> dict[str, object]:
    return {e.entity_id: e for e in res.alias_index.values() if e.kind == "country"}


_REACH = 400  # characters before the figure's sentence whose last country names the economy its data are about


_WORD = re.compile(r"[\w.&'’-]+")


def _last_country(text: str, lo: int, hi: int, res: Resources) -> Mention | None:
    """The last country the text between `lo` and `hi` names (one to three words the gazetteer knows as a country,
    as written or, in capitals, a section's heading: "the Singapore economy's", "another U.S. inflation reading",
    "CHINA")."""
    words = [(m.start() + lo, m.group().rstrip(".,'’s") if m.group().endswith(("'s", "’s")) else m.group().rstrip(","))
             for m in _WORD.finditer(text[lo:hi])]
    for i in range(len(words) - 1, -1, -1):
        for k in (3, 2, 1):
            if i + k > len(words):
                continue
            phrase = " ".join(w for _, w in words[i:i + k])
            entry = res.alias_index.get(phrase) or (res.alias_index.get(phrase.title()) if phrase.isupper() else None)
            if entry is not None and entry.kind == "country":
                start = words[i][0]
                return Mention(phrase, start, start + len(phrase), entry.name, entry.entity_id, "country", source="name")
    return None


def economy_owner(subject: Mention | None, metric: str, cands: list, topic: Mention | None, sent_start: int,
                  headline: str, res: Resources, text: str = "") -> Mention | None:
    """The country whose economy a macro figure measures, where the subject head gave it to a company, index or
    unit its sentence does not name (module doc); else `subject`."""
    if subject is None or subject.kind not in _DISCOURSE_KINDS or metric not in subject_word_list(res, "macro_metrics"):
        return subject
    key = subject.entity_id or subject.entity
    if subject.start >= sent_start or any((c.entity_id or c.entity) == key and c.start >= sent_start for c in cands):
        return subject  # the sentence names it: "U.S. Foods' 2.7% inflation impact" is its own
    named = {c.entity_id: c for c in cands if c.kind == "country" and c.start >= sent_start}
    if len(named) == 1:
        c = next(iter(named.values()))
        return Mention(c.entity, c.start, c.end, c.entity, c.entity_id, "country", source=c.source)
    last = _last_country(text, max(0, sent_start - _REACH), sent_start, res) if text else None
    if last is not None:  # "SINGAPORE | ... the Singapore economy's performance ... | the economy grew by 4.3%"
        return last
    if topic is not None and topic.kind == "country":
        return topic
    found = headline_countries(headline, res)
    entry = next(iter(found.values())) if len(found) == 1 else None
    if entry is None:
        home = res.alias_index.get(subject.entity)
        entry = _countries(res).get(getattr(home, "country", "") or "") if home is not None else None
    if entry is None:
        return subject
    return Mention(subject.text, subject.start, subject.end, entry.name, entry.entity_id, "country",
                   source=subject.source)
