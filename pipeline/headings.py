"""A section's heading names the owner of the figures under it (guide 3.3, 3.9).

Lists and digests set each item under its own heading: a markdown heading ("### Retention.com"
then "Laid off 40% of its staff"), a bold line ("**Deepak Nitrite Q3 (Consolidated YoY)**" then
"Revenue declines 5.3% to Rs 1,903.4 crore") or a bold label that opens the item's paragraph
("**Delhivery:** Reported ... Ebitda fell 6.2 per cent"). A figure whose sentence names no
owner, and which the subject step gave to the story (its main company, topic or the previous
figure's subject), is the heading's. A heading of common words ("### Key Highlights",
"**Financial Review**") names no owner, nor do a section's words and a day's ("### Review", "**Operations**",
"### Thursday": subjects.yaml `section_headings`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .identity import slug
from .records import Mention
from .word_patterns import has_word

RULE = "headings.v1"

_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+(?P<h>[^\n#]{2,80}?)[ \t#]*|\*\*(?P<b>[^*\n]{2,80})\*\*[ \t]*:?[ \t]*)$", re.M)
_LABEL = re.compile(r"^[ \t]*\*\*(?P<l>[^*\n]{2,60}?)[ \t]*(?::\*\*|\*\*[ \t]*:)", re.M)  # "**Delhivery:** Reported"
# where a heading's name ends: a report period, a bracket, a colon or dash, a number
_NAME_END = re.compile(r"\s+(?:[QH][1-4]|[1-4]Q|FY\d*|9M|Q[1-4]FY\d*)\b|\s*[(\[:|–—-]\s|\s+\d|\s*$")
_REACH = 2500
_JOINERS = frozenset({"of", "and", "&", "the", "de", "du", "la", "von", "van"})  # characters from a heading to the figures it still heads


def find_headings(text: str) -> list[tuple[int, int, str]]:
    out = [(m.start(), m.end(), m.group("h") or m.group("b")) for m in _HEADING.finditer(text)]
    out += [(m.start(), m.end(), m.group("l")) for m in _LABEL.finditer(text)]
    return sorted(out)


def heading_name(raw: str) -> str:
    """The name a heading opens with: "Deepak Nitrite Q3 (Consolidated YoY)" -> "Deepak Nitrite"."""
    raw = raw.strip(" *#:")
    cut = _NAME_END.search(raw)
    name = raw[:cut.start()].strip(" *#:,.") if cut else raw
    return name if name[:1].isupper() else ""


def section_owner(text: str, fig_start: int, res, learned: dict, words, resolve, is_reporter,
                  headings: list | None = None) -> Mention | None:
    """The owner the nearest heading before `fig_start` names, or None (module doc).

    `resolve(name, res, learned)` gives the gazetteer's or the article's entry; `words` the subject words
    (`not_subjects`); `is_reporter(name)` whether a name reports on others; `headings` the article's
    headings, found once (`find_headings`).
    """
    found = headings if headings is not None else find_headings(text)
    before = [h for h in found if h[1] <= fig_start]
    if not before:
        return None
    start, end, raw = before[-1]
    if fig_start - end > _REACH:
        return None
    name = heading_name(raw)
    if not name or len(name) < 2 or len(name.split()) > 6:
        return None
    entry = resolve(name, res, learned)
    parts = [p for w in name.split() for p in re.split(r"[-/]", w) if p and p.lower() not in _JOINERS]
    if entry is None and any(p.lower() in words.not_subjects or p.lower() in words.headline_breaks
                             or _lower_elsewhere(p, text) for p in parts):
        return None  # "Key Highlights", "Management View", "In North America": words the story writes in lower case
    if entry is None and all(p.lower() in _section_words(res) for p in parts):
        return None  # "### Review", "**Operations**", "### Thursday", "**Image Credits**": a section's or a day's
    if is_reporter(name):
        return None
    if entry is not None:
        return Mention(name, start, end, entry.name, entry.entity_id, entry.kind, parent=entry.parent, source="name")
    return Mention(name, start, end, name, slug(name), "name", source="name")


@lru_cache(maxsize=4)
def _section_words(res) -> frozenset[str]:
    """subjects.yaml `section_headings` and the calendar's day and month names."""
    from .subjects import CALENDAR_WORDS
    return frozenset(str(w).lower() for w in res.subject_words["section_headings"]) | CALENDAR_WORDS


def _lower_elsewhere(word: str, text: str) -> bool:
    return has_word(text, word.lower())


def heading_owner(best, cands: list, text: str, fig_start: int, sent_start: int, res, learned: dict, headings: list,
                  topic: Mention | None, title: str = ""):
    """The head's pick, or the section heading's owner where the pick comes from the story, not the sentence, and
    the headline names no one company (a list: "A comprehensive list of tech layoffs", "Stocks to Watch: TCS,
    Hindalco, ..."); under a company's headline the headings are its report's sections ("Management View")."""
    from .subjects import is_reporter, opener_candidate, resolve_name, subject_words

    if best is None or best.start >= sent_start or not headings or (topic is not None and topic.kind != "name"):
        return best
    if title:  # the headline set again in bold is the story's, not a section's
        headings = [h for h in headings if h[2].strip(" *#:").lower() not in title.lower()]
    words = subject_words(res)
    owner = section_owner(text, fig_start, res, learned, words, resolve_name, lambda n: is_reporter(n, words), headings)
    if owner is None or (owner.entity_id or owner.entity) == (best.entity_id or best.entity):
        return best
    return opener_candidate(owner, cands)
