"""The part a figure's measure names: "Drinkware sales increased 3% to $358.1 million", "Coinbase
reported stablecoin revenue of $226 million", "revenue in its microfinance business dropped 5 per cent",
"Net sales in the U.S. increased 1%"; and the people a company serves, counted with the words that name the part
("lost 4.1 million total video customers": served_part, its nouns segments.yaml's `served_nouns`).

A results story gives the whole company's revenue and then each part's; when the part's words are not
read, the part's figure is filed as the whole's and set against the whole's figure from another outlet:
in the recall clusters' run (bench/recall) 8 of 17 conflicts were such a part against its whole. The
words between a figure and the measure noun it is tied to say whether a part is named: a modifier before
the noun that is neither the whole's word ("net", "total", "quarterly", "adjusted": segments.yaml's
`generic_words`, `measure_modifiers`) nor the entity's name, or a business or a place after it ("in
its microfinance business", "in the U.S.").

Pure functions over the figure's sentence; the word lists are segments.yaml's (`measure_nouns`,
`measure_modifiers`, `part_stop_words`); the cases are in tests/test_measured_parts.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .calendar_grammar import grammar
from .resources import Resources
from .word_patterns import longest_first

_REACH = 90  # characters before the figure where its measure noun stands
MAX_MODIFIERS = 4
_TOKEN = re.compile(r"[A-Za-z][\w&.'’+/-]*")
# what may stand between the measure noun and its figure: a short verb phrase with no clause break
# ("increased", "saw a sharp rise of", "was up 5.2% year-over-year during the quarter to"); a percent
# before "to" is the same measure's change ("increased 1%, to $437.6 million")
PART_LINK = re.compile(r"(?:\s+(?:[A-Za-z][\w'’-]*|[+-]?[\d.,]+\s?(?:%|percent|per\s+cent),?)){0,8}?\s*(?:[:=]\s*)?$", re.I)
# "revenue in its microfinance business", "sales from the cloud unit", "net sales in the U.S."
_WHERE = re.compile(r"^\s+(?i:in|from|at|of)\s+(?:(?i:its|the|their|our)\s+)?"
                    r"(?:(?P<what>(?:[\w&'’.-]+\s+){0,3}?[\w&'’.-]+)\s+(?P<unit>(?i:business(?:es)?|segments?|divisions?|"
                    r"units?|arms?|operations|subsidiar(?:y|ies)|portfolio|category|categories))\b"
                    r"|(?P<place>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}))")
_PERIOD_TOKEN = re.compile(r"^(?:f?[qh][1-4]?|[1-4]q|fy\d*|\d{4}s?|\d+(?:-\w+)?|[1-4](?:st|nd|rd|th))$", re.I)


@dataclass(frozen=True)
class PartWords:
    nouns: re.Pattern  # the measure nouns a part's figure is of ("revenue", "sales", "turnover"), not a compound's end
    # ("being pre-revenue")
    whole: frozenset[str]  # words that qualify the whole's measure, never a part ("net", "comparable", "Q4")
    stop: frozenset[str]  # words a modifier never runs past (verbs of reporting, function words)
    time: frozenset[str]  # month and weekday names (periods.yaml): "revenue in January" names no place
    served: re.Pattern  # a count of the people a company serves, with the modifiers between ("4.1 million video
    # customers", "77.5 million monthly U.S. users")
    known: re.Pattern  # segments.yaml's `segments` (business lines news names in lower case: "fixed-income trading")
    known_names: dict  # their names as labeled ("fixed income" -> "fixed-income trading")
    clause: frozenset[str]  # words that open another clause or a comparison (segments.yaml `clause_words`)
    of_clause: frozenset[str]  # words no modifier of a served noun is (segments.yaml `served_stop_words`)


@lru_cache(maxsize=4)
def part_words(res: Resources) -> PartWords:
    nouns = longest_first(res.measure_nouns)
    return PartWords(nouns=re.compile(r"(?<!-)\b(?:" + nouns + r")\b", re.I),
                     whole=res.segment_generic_words | res.measure_modifiers, stop=res.part_stop_words,
                     time=frozenset(grammar(res).months) | frozenset(grammar(res).weekdays),
                     served=re.compile(r"\s+(?P<mods>(?:[\w.&'’-]+\s+){1,4}?)(?P<noun>"
                                       + longest_first(res.segment_lists["served_nouns"]) + r")\b"),
                     known=re.compile(r"(?:" + longest_first(res.segments) + r")(?![\w-])", re.I),
                     known_names={k.lower(): v for k, v in res.segments.items()},
                     clause=frozenset(res.segment_lists["clause_words"]),
                     of_clause=frozenset(res.segment_lists["served_stop_words"]))


def part_modifiers(before: str, words: PartWords) -> list[re.Match]:
    """The words right before a measure noun that modify it ("Homecare distributor", "Coolers & Equipment")."""
    out: list[re.Match] = []
    end = len(before)
    for m in reversed(list(_TOKEN.finditer(before))):
        if before[m.end():end].strip() not in ("", "&"):  # a comma, a bracket or a figure: the noun phrase has ended
            break
        tok = m.group()
        # an adverb, a participle ("anticipated", "acquired") or a lone letter ends the noun phrase's modifiers
        if tok.lower().rstrip(".") in words.stop or tok.lower().endswith(("ly", "ed")) and tok.islower() or \
                len(tok.rstrip(".")) < 2 or "--" in tok or \
                tok.endswith(("'s", "’s", "s'")) or \
                any(c.isdigit() for c in tok) and not _PERIOD_TOKEN.match(tok) or len(out) >= MAX_MODIFIERS:
            break
        out.insert(0, m)
        end = m.start()
    return out


def _named(text: str, tokens: list[re.Match], words: PartWords, entity_words: frozenset[str]) -> str:
    """The words of `text` from the first token that is neither the whole's word nor the entity's name to the
    last such; "" for none."""
    def whole(t: str) -> bool:
        low = t.lower().strip(".'’-")
        return low in words.whole or low in entity_words or low in words.time or bool(_PERIOD_TOKEN.match(low)) or \
            all(part in words.whole or part in entity_words or _PERIOD_TOKEN.match(part) for part in low.split("-"))
    while tokens and whole(tokens[0].group()):
        tokens = tokens[1:]
    while tokens and whole(tokens[-1].group()):
        tokens = tokens[:-1]
    return text[tokens[0].start():tokens[-1].end()].strip(" -") if tokens else ""


# after the figure: "24% growth in Grid Technologies", "$226 million in stablecoin revenue"
_CHANGE_IN = re.compile(r"^\s+(?:(?i:year-over-year|year-on-year|y/y|yoy|annual|organic|sequential)\s+)?"
                        r"(?i:growth|increase|rise|jump|gain|decline|drop|fall|decrease|slide|slump|surge|plunge)\s+in\s+(?:(?:its|the|their)\s+)?"
                        r"(?P<what>[A-Za-z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Za-z][\w&'’.-]*){0,3})")
_LINE_MEASURE = re.compile(r"(?i:revenues?|sales|turnover|bookings)")  # a line's money ("advertising revenue")
_IN_MEASURE = re.compile(r"^\s+(?:in|of)\s+(?:(?i:its|the|their|our)\s+)?(?P<what>[A-Za-z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Za-z][\w&'’.-]*){0,3}?)\s+"
                         r"(?i:revenues?|sales|turnover|bookings)\b")


def part_after(sentence: str, fig_end: int, words: PartWords, entity_words: frozenset[str]) -> str:
    """The part named right after the figure: "24% growth in Grid Technologies" -> "Grid Technologies"."""
    after = sentence[fig_end:fig_end + 80]
    m = _IN_MEASURE.match(after)
    if m is None:  # a change "in" a named part or place; "a 20% increase in deliveries" names a measure, not a part
        m = _CHANGE_IN.match(after)
        if m is None:
            return ""
        if not m.group("what")[:1].isupper():  # a business line news writes in lower case: "a 21 percent slide in
            # fixed-income trading", "18% growth in advertising"
            line = words.known.match(m.group("what"))
            rest = [t.rstrip(".") for t in _TOKEN.findall(m.group("what")[line.end():])[:1]] if line else []
            # the line's own measure or nothing after it; "an increase in trading volumes" is a measure's change
            ends = not rest or rest[0].lower() in words.stop or rest[0].lower() in words.clause or \
                _LINE_MEASURE.fullmatch(rest[0]) is not None
            return words.known_names[line.group().lower()] if line and ends else ""
    what = m.group("what")
    tokens = []
    for t in _TOKEN.finditer(what):  # up to a word that ends the phrase ("in China to $2 billion")
        if t.group().lower() in words.stop or t.group().lower() in words.clause:
            break
        tokens.append(t)
    owners = [i for i, t in enumerate(tokens) if t.group().endswith(("'s", "’s"))]
    tokens = tokens[owners[-1] + 1:] if owners else tokens  # "of the social network's total revenues": its owner's
    return re.sub(r"(?<=[a-z]{2})\.$", "", _named(what, tokens, words, entity_words))  # "in Brazil." ends the sentence


def measured_part(sentence: str, fig_start: int, words: PartWords, entity_words: frozenset[str],
                  fig_end: int | None = None) -> str:
    """The part named by the measure noun the figure at `fig_start` is tied to, or ""."""
    if fig_end is not None:
        found = part_after(sentence, fig_end, words, entity_words)
        if found:
            return found
    lo = max(0, fig_start - _REACH)
    noun = None
    for noun in words.nouns.finditer(sentence, lo, fig_start):
        pass
    if noun is None:
        return ""
    between = sentence[noun.end():fig_start]
    where = _WHERE.match(between)
    link = between[where.end():] if where else between
    if not PART_LINK.fullmatch(link) or any(w.lower() in words.clause for w in re.findall(r"[A-Za-z]+", link)):
        return ""
    if where:
        if where.group("what"):
            what = where.group("what")
            found = _named(what, list(_TOKEN.finditer(what)), words, entity_words)
        else:
            place = re.sub(r"['’]s$", "", where.group("place"))
            first = place.split()[0].lower().strip(".")
            found = place if first not in entity_words and first not in words.time and first not in words.stop and \
                not any(c.isdigit() for c in place) else ""
        if found:
            return found
    before = sentence[max(0, noun.start() - 60):noun.start()]
    return _named(before, part_modifiers(before, words), words, entity_words)


_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K.": a place, though the whole's word in a measure's name


def served_part(sentence: str, fig_end: int, words: PartWords, entity_words: frozenset[str]) -> str:
    """The part a count of the people a company serves names with the words between it and its noun: "lost 4.1
    million total video customers" -> "video customers", "77.5 million monthly U.S. users" -> "U.S. users"."""
    m = words.served.match(sentence, fig_end, fig_end + 80)
    if m is None:
        return ""
    kept = [t for t in m.group("mods").split() if _INITIALS.match(t) or
            t.lower().strip(".'’") not in words.whole | words.stop | words.time | entity_words]
    if not kept or any(t.lower() in words.of_clause for t in m.group("mods").split()):
        return ""  # "2 million of its users": a share of them, not a part named
    return " ".join([*kept, m.group("noun")]) if all(_TOKEN.fullmatch(t.strip(".")) or _INITIALS.match(t) for t in kept) else ""
