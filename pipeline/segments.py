"""Segment: the part of the entity a figure is about, read from word order (issue 15).

The claims step names a segment only from a closed list ("cloud revenue", "the gaming
division"). Labeled news names far more parts than any list holds: a product ("Danner Light
Bison hiking boots: $300"), a share class or tranche ("Berkshire's Class A shares",
"$600,000 promissory note", "7.0% subordinated notes due 2055"), a business line
("termite and ancillary services surged 16.6%"), what a tariff is on ("10% tariffs on goods
from China"), a trade partner ("the deficit with Japan"), an index's futures ("Dow e-minis"), a
bond's term. This module reads those from the figure's sentence, one pattern family a function,
each returning the words as the text writes them or "". (A futures contract month is read by
segment_frames.py, after "for" only: "Brent for March settlement"; `dates.py` keeps it out of the period.)

What is left when the words that name the whole (the entity, a metric, "net", "total",
"shares") are taken out decides: nothing left, no segment. The word lists are
`models/lexicons/segments.yaml` (`generic_words`, `subject_verbs`, `stated_participles`, `whole_nouns`,
`not_products`),
the month names periods.yaml's; the cases are in
`tests/test_segments.py`.

Pure functions over strings; no spaCy: the parse is off by default (see parse.py), and the
clause's word order carries these patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .calendar_grammar import grammar
from .lowered import lowered_for_ascii_pattern
from .resources import Resources
from .word_patterns import caseless_alternation, listed, longest_first

RULE = "segments.v1"
MAX_WORDS = 8  # a longer phrase is a clause, not the name of a part

_WORD = re.compile(r"[A-Za-z][\w&.'-]*")
# a share class, a preferred or common issue, a depositary receipt, a listing
_SHARE_CLASS = re.compile(
    r"\b(?:[Cc]lass\s+[A-Z]\b(?:\s+(?i:common|ordinary|preferred|preference|voting))?(?:\s+(?i:shares?|stock))?"
    r"|[Ss]eries\s+[A-Z0-9]{1,2}\s+(?i:(?:convertible|cumulative)\s+)*(?i:preferred|preference|shares?|stock|notes?)"
    r"|(?i:(?:(?:convertible|cumulative|non-?cumulative|perpetual|redeemable|participating|exchangeable)\s+){0,3}"
    r"(?:preferred|preference)\s+(?:stock|shares?))"
    r"|ADRs?\b|ADSs?\b|(?i:American\s+deposit[ao]ry\s+(?:shares|receipts))"
    # a class letter after the company's name, as Nordic and Swiss listings write it: "the Fram B share"
    r"|(?<=[A-Za-z]\s)[A-D](?:-|\s+)(?i:shares?|stock)\b(?!\s+(?i:options?|awards?|units?))"
    r"|(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*-listed\s+(?i:shares?|stock))")
# a debt instrument as the text names it: "7.0% subordinated notes due 2055", "promissory note", "term loan"
_DEBT = re.compile(
    r"\b(?:[\w.%-]+\s+){0,5}?(?:notes?|debentures?|bonds?)\s+due\s+(?:19|20)\d\d\b"
    r"|\b(?:(?:senior|subordinated|secured|unsecured|convertible|exchangeable|promissory|green)\s+){1,3}"
    r"(?:notes?|debentures?|bonds?|loans?)\b"
    r"|\b(?:term\s+loan|revolving\s+credit\s+facility|credit\s+facility|commercial\s+paper(?:\s+program)?)\b", re.I)
_TRADE_PARTNER = re.compile(
    r"\b(?:deficit|surplus|trade|imbalance)\s+(with\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")
# a flow to or from a partner, the clause's subject before its figure: "West German exports to Western
# industrialised countries also fell in January to 34.76 billion marks"
_TRADE_FLOW = re.compile(r"\b(?:exports|imports)\s+(?:to|from)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,3}")
# "a 25% tariff on steel and aluminum imports": what the duty falls on
_TARIFF_ON = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}(?:tariffs?|duty|duties|levy|levies)\s+on\s+(?:all\s+)?"
                        r"((?:[\w.&'-]+\s*){1,8}?)(?=\s*(?:[,;.()\"\u201c\u201d]|\bbeginning\b|\bstarting\b|\bfrom\s+\w+day\b|\bwithout\b|"
                        r"\bthat\b|\bwhich\b|\bwould\b|\bwill\b|\bif\b|\bunless\b|\bas\b|\bon\s+\w+day\b|\bin\s+(?:19|20)\d\d\b|"
                        r"\b(?:was|were|is|are|has|have|had)\b|$))",
                        re.I)
# a product named right after its price: "Roku debuts $179 Smart Soundbar", "the $500 Xbox One X"
_PRODUCT_AFTER = re.compile(r"^\s+((?:(?:[A-Z]|i[A-Z])[\w.+-]*|\d+[\w.+-]*)(?:\s+(?:(?:[A-Z]|i[A-Z])[\w.+-]*|\d+[\w.+-]*)){0,4})"
                            r"(?=[\s,.;:)]|$)")
# a product listing line: "Canon PowerShot SX420 for $199 ($180 off)", "Hulu Live TV: $44 per month"
_LISTING = re.compile(r"^\s*(?:[*\-•]\s*)?(?:Buy\s+)?((?:[A-Z0-9][\w.&'+-]*\s+){0,7}[A-Za-z0-9][\w.&'+-]*)"
                      r"(?:\s+(?:on|at|from)\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)?\s*(?::|\s-|\s–|\s+for)\s*$"
                      # a line that opens with a name and gives its price after a colon may go on in lower case:
                      # "Benchmade Mini-Griptilian serrated knife: $80", "Danner + United by Blue Light Bison hiking boots:"
                      r"|^\s*(?:[*\-•]\s*)?((?:[A-Z][\w.&'+-]*\s+)(?:(?:[\w.&'+-]+|\+)\s+){0,7}[\w.&'+-]*[A-Za-z0-9])\s*:\s*$")


@dataclass(frozen=True)
class SegmentWords:
    """The segment rules' word lists, from models/lexicons/segments.yaml, built once per resources."""

    generic: frozenset[str]  # words that name the whole or the measure, never a part alone
    subject_verb: re.Pattern  # a clause's subject ends at one of these verbs before the figure
    whole_nouns: frozenset[str]  # nouns that describe a whole company ("the medical devices company")
    not_products: frozenset[str]  # capitalised words after a price that name no product ("Series", "IPO")
    measure_heads: frozenset[str]  # a subject with one of these names a measure, not a part ("the retention rate")
    leading_time: re.Pattern  # a clause's opening time phrase, left out of its subject
    between: re.Pattern  # the words a subject's verb and its figure may have between them
    reported: re.Pattern  # a report's verb the subject follows ("said sales rose")
    opener: re.Pattern  # a clause's opening word, left out of its subject
    not_a_subject: re.Pattern  # a clause that is no noun phrase: a verb, a modal, a relative or a report
    provided: frozenset[str]  # a word after a name that makes it whose estimate it is ("FactSet consensus")


@lru_cache(maxsize=4)
def segment_words(res: Resources) -> SegmentWords:
    # 131 verbs: as a trie the pattern takes a third of the CPU of the alternation (word_patterns.trie_alternation)
    verbs = caseless_alternation(res.segment_subject_verbs)
    months = longest_first(grammar(res).months)
    stated = longest_first(res.segment_lists["stated_participles"])
    return SegmentWords(leading_time=re.compile(_LEADING_TIME.format(months=months), re.I),
                        between=re.compile(_BETWEEN_VERB_AND_FIGURE.format(stated=stated), re.I),
                        generic=res.segment_generic_words, whole_nouns=res.segment_whole_nouns,
                        not_products=res.segment_not_products,
                        measure_heads=frozenset(res.segment_lists["measure_heads"]),
                        provided=frozenset(res.segment_lists["provided_words"]),
                        reported=re.compile(r"\b(?:" + listed(res.segment_lists["reported_words"]) + r")\s+", re.I),
                        opener=re.compile(r"^\s*(?:" + listed(res.segment_lists["subject_openers"], space=r"\s+") + r")\s+",
                                          re.I),
                        not_a_subject=re.compile(r"\b(?:" + listed(res.segment_lists["not_subject_words"])
                                                 + r")\b|[$%\d]", re.I),
                        subject_verb=re.compile(r"\s+(?:(?:has|have|had|was|were|is|are|also|all|each|both|will|would|"
                                                r"\w+ly)\s+)*(?:" + verbs + r")\b", re.I))


def has_content(phrase: str, words: SegmentWords, entity_words: frozenset[str]) -> bool:
    """Whether a phrase names something beyond the whole entity and its measure."""
    for w in _WORD.findall(phrase):
        low = w.lower().strip(".'").removesuffix("'s")
        if low and low not in words.generic and low not in entity_words and not low.isdigit():
            return True
    return False


def trim_phrase(phrase: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The phrase without leading articles, possessors, the entity's name and the whole's words."""
    tokens = phrase.split()
    while tokens:
        low = tokens[0].lower().strip(",;:*\"“”'")
        bare = low.removesuffix("'s").removesuffix("’s").strip(".")
        if low.endswith(("'s", "’s")) or bare in entity_words or bare in words.generic or not bare:
            tokens.pop(0)
            continue
        break
    while len(tokens) > 1 and tokens[-1].lower().strip(",;:.") in _TRAILING:
        tokens.pop()  # "international reserves now"
    return " ".join(tokens).strip(" ,;:*\"“”'")


_TRAILING = frozenset({"now", "of", "in", "for", "from", "to", "at", "on", "by", "the", "a", "an", "and", "or",
                       "so", "far", "still", "also", "just", "only", "then", "today", "yesterday", "earlier",
                       "later"})


# characters around a figure where its share class, tranche or trade partner is named: a sentence that is a
# table on one line holds hundreds of figures, and each looks at its own neighbourhood only
_NEAR = 120


def share_class(clause: str, fig_start: int = 0, fig_end: int | None = None) -> str:
    fig_end = len(clause) if fig_end is None else fig_end
    m = _SHARE_CLASS.search(clause, max(0, fig_start - _NEAR), fig_end + _NEAR)
    if m is None:
        return ""
    # the short form news and the labels use: "American depositary shares" is the ADS, "... receipts" the ADR
    return _DEPOSITARY.get(m.group(0).lower().split()[-1], m.group(0)) if m.group(0)[:8].lower() == "american" else m.group(0)


_DEPOSITARY = {"shares": "ADS", "receipts": "ADR"}


# a word every match of _DEBT holds (in lower case): a window without any cannot match
_DEBT_WORDS = ("note", "debenture", "bond", "loan", "facility", "paper")


def debt_instrument(clause: str, fig_end: int) -> str:
    low = lowered_for_ascii_pattern(clause[max(0, fig_end - 1):fig_end + _NEAR])
    if low is not None and not any(w in low for w in _DEBT_WORDS):
        return ""
    m = _DEBT.search(clause, max(0, fig_end - 1), fig_end + _NEAR)
    # the search starts on the figure's last character: "2.25% Convertible Senior Notes" is found from its "%"
    return _LEADING_FUNCTION.sub("", m.group(0).strip().lstrip("%.-")).strip() if m and m.start() - fig_end <= 40 else ""


_LEADING_FUNCTION = re.compile(r"^(?:(?:of|the|its|their|a|an|and|in|for|to|with)\s+)+", re.I)


def trade_partner(clause: str, fig_start: int = 0, fig_end: int | None = None) -> str:
    fig_end = len(clause) if fig_end is None else fig_end
    m = _TRADE_PARTNER.search(clause, max(0, fig_start - _NEAR), fig_end + _NEAR)
    return m.group(1) if m else ""


def trade_flow(before: str, words: SegmentWords) -> str:
    """The flow and its partner that the figure's clause has for subject: "exports to Western industrialised
    countries"; the partner's words end at a verb or a function word ("imports from Cuba and set against")."""
    found = None
    for found in _TRADE_FLOW.finditer(before, max(0, len(before) - _NEAR)):
        pass
    if found is None or len(before) - found.end() > _VERB_REACH or re.search(r"[.;:]\s|,", before[found.end():]):
        return ""
    flow = found.group().split()
    kept = flow[:3 if flow[2].lower() != "the" else 4]
    for i, tok in enumerate(flow[len(kept):], len(kept)):
        # a word an article follows is a verb with its object: "Foreign steel imports to Europe hold a 27% share"
        if i + 1 < len(flow) and flow[i + 1].lower() in ("a", "an") or tok.lower() in _TRAILING or \
                tok.lower() in words.generic or words.subject_verb.fullmatch(" " + tok) or \
                tok.lower() in ("also", "set", "were", "was", "have", "has", "had", "are", "is", "will", "would"):
            break
        kept.append(tok)
    return " ".join(kept)


# a word every match of _TARIFF_ON holds (in lower case): tariff(s), duty/duties, levy/levies
_TARIFF_WORDS = ("tariff", "dut", "lev")


def tariff_target(after: str) -> str:
    low = lowered_for_ascii_pattern(after)
    if low is not None and not any(w in low for w in _TARIFF_WORDS):
        return ""
    m = _TARIFF_ON.match(after)
    return m.group(1).strip() if m else ""


_GLUED_BUY = re.compile(r"(?<=\d)\s+(?=Buy\s)")


def listing_item(before: str) -> str:
    """A listing's item name when the figure follows it at the line's start ("Name: $X", "Name for $X")."""
    line = before.rsplit("\n", 1)[-1]
    # deals glued into one line: "Buy WH-1000XM4 at Amazon - $278 Buy WH-1000XM4 at Best Buy - $278"
    line = _GLUED_BUY.split(line)[-1]
    m = _LISTING.match(line)
    name = m.group(1) or m.group(2) if m else ""
    return re.sub(r"^Buy\s+", "", name) if name and len(name.split()) <= MAX_WORDS else ""


def product_after(after: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """A capitalised name right after a price: "$179 Smart Soundbar" -> "Smart Soundbar"."""
    m = _PRODUCT_AFTER.match(after)
    if m is None or not m.group(1)[:1].isalpha() or \
            (nxt := _WORD.match(after, m.end(1) + 1)) is not None and nxt.group().lower().strip(".'") in words.provided:
        return ""  # "the $16.33 FactSet consensus": whose estimate, not what it is of
    name = m.group(1)
    if all(w.isupper() and w.isalpha() for w in name.split()):
        return ""  # a line in capitals ("$1.86 BILLION YEAR AGO"): its case tells no name
    first = name.split()[0].lower()
    if first in words.not_products or first.isupper() and len(first) <= 4 and first.lower() in words.generic:
        return ""
    name = trim_phrase(name, words, entity_words)
    return name if name and has_content(name, words, entity_words) else ""


# a price and the one product it buys: "plus $399 for a BoxCast encoder", "$49 for an Echo Dot"
_PRODUCT_FOR = re.compile(r"^(?:\s+(?:per|a|each|extra|more)\s+(?:month|year)?)?\s+for\s+(?:a|an)\s+"
                          r"((?:[A-Z]|i[A-Z]|\d)[\w.+:-]*(?:\s+(?:(?:[A-Z]|i[A-Z]|\d)[\w.+:-]*|[a-z]+(?=[\s,.;)]|$))){0,4})")


def product_for(after: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The product a price is paid for, named after "for a": "$399 for a BoxCast encoder" -> "BoxCast encoder"."""
    m = _PRODUCT_FOR.match(after)
    if m is None or m.group(1).split()[0].lower() in words.not_products:
        return ""
    name = m.group(1)
    return name if has_content(name, words, frozenset()) else ""


def clause_subject(before: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The clause's subject when a change or level verb joins it to the figure right after: "termite and
    ancillary services surged 16.6%" -> "termite and ancillary services"; "Net profit jumps 14%" -> "".

    Only a common-noun phrase: a subject with a name in it ("Toronto-Dominion Bank rose 1.7%", "the S&P/TSX
    Composite Index fell") is a whole entity, not a part of one."""
    found = _subject_words(before, words)
    return _part_named(*found, words, entity_words) if found is not None else ""


def _subject_words(before: str, words: SegmentWords) -> tuple[str, bool] | None:
    """The words of the clause's subject before the change or level verb joined to the figure, less an opening
    time phrase, a report's verb and a whole company's possessive; and whether they open a sentence (a first word
    capitalised anyway). None where no such verb stands before the figure."""
    window_at = max(0, len(before) - _VERB_REACH)
    verb = None
    for verb in words.subject_verb.finditer(before, window_at):
        pass
    if verb is None or words.between.fullmatch(before, verb.end()) is None:
        return None
    head = _GLUED_SENTENCE.sub(". ", before[:verb.start()])  # "in a week.The British pound gained"
    cut = max((head.rfind(c), c) for c in _CUTS)
    # after a line break, a bullet or a colon a new sentence starts: its first word is capitalised anyway
    sentence_start = cut[0] < 0 or cut[1] in _STARTS
    head = head[cut[0] + len(cut[1]):] if cut[0] >= 0 else head
    reported = None
    for reported in words.reported.finditer(head):
        pass
    if reported is not None:
        head, sentence_start = head[reported.end():], False
    head = words.leading_time.sub("", words.opener.sub("", head.lstrip(_QUOTES), count=1), count=1)
    sentence_start = sentence_start and head[:1].isupper()
    return _after_whole_owner(_TRAILING_TIME.sub("", head), words), sentence_start


def _part_named(head: str, sentence_start: bool, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The part a clause's subject names, or "": no name, no whole described, no measure, no verb of its own."""
    tokens = head.split()
    if not tokens or len(tokens) > MAX_WORDS or words.not_a_subject.search(head) or \
            any(words.subject_verb.fullmatch(" " + t) for t in tokens) or _has_clause(tokens):
        return ""
    for i, tok in enumerate(tokens):
        if (tok[:1].isupper() or tok[:1].isdigit()) and not (i == 0 and sentence_start) \
                and tok.lower().removesuffix("'s").strip(".") not in entity_words:
            return ""  # a name: the subject is an entity, or the entity misread
    if tokens[-1].lower() in words.whole_nouns:
        return ""  # "shares of the medical devices company": the entity described, not a part of it
    if any(t.lower().strip(",.") in words.measure_heads for t in tokens):
        return ""  # "The company's dollar-based net retention rate was": the measure, not a part
    phrase = trim_phrase(head, words, entity_words)
    last = phrase.split()[-1] if phrase else ""
    if last.islower() and last.endswith("ed") and "-" not in last:
        return ""  # "Net capital employed increased", "The Middle East experienced declines of": a verb's, no part
    if not phrase or tokens[0].lower() in ("the", "a", "an") and len(tokens) == 2 and phrase.islower():
        return ""  # "The team generated $10.8 million": a bare common noun after an article refers, it names no part
    # a capitalised first word of the sentence may be a name ("Aritzia shares fell"): it needs company
    first_kept = phrase.split()[0] == tokens[0]
    rest = phrase.split(maxsplit=1)[1] if first_kept and sentence_start and " " in phrase else \
        ("" if first_kept and sentence_start else phrase)
    return phrase if has_content(rest, words, entity_words) else ""


_QUOTES = " \"'\u201c\u201d\u2018\u2019"
# words after which an article may stand inside a noun phrase ("imports of the bloc"); after any other word the
# article opens a verb's object: "DBS anticipates the supplementary rents totaling", "insiders scored the highest"
_ARTICLE_AFTER = frozenset("of in on at for from to by with and or into over under across per between among".split())
_PARTICIPLE_LINK = frozenset("in by from for at on to into with".split())


def _has_clause(tokens: list[str]) -> bool:
    """Whether the words before a subject's verb hold a verb of their own, so they name no part: an article after
    a word no preposition ("anticipates the supplementary rents"), a participle and its preposition ("The total
    raised in IPOs plunged", "receipts issued by ARCs for purchasing stressed loans stood at")."""
    low = [t.lower().strip(",.") for t in tokens]
    for i in range(1, len(low)):
        if low[i] in ("the", "a", "an") and low[i - 1] not in _ARTICLE_AFTER:
            return True
        if low[i - 1].endswith("ed") and len(low[i - 1]) > 4 and tokens[i - 1].islower() and low[i] in _PARTICIPLE_LINK:
            return True
    return False


def _after_whole_owner(head: str, words: SegmentWords) -> str:
    """The words after a possessive that describes the whole company: "The beauty and personal care company's net
    profit" -> "net profit", "The home furnishings retailer's revenue" -> "revenue" (the part's owner, not a part)."""
    tokens = head.split()
    for i in range(len(tokens) - 1, -1, -1):
        low = tokens[i].lower().strip(",.")
        if low.endswith(("'s", "\u2019s")) and low[:-2] in words.whole_nouns:
            return " ".join(tokens[i + 1:])
    return head


_TRAILING_TIME = re.compile(r"\s+(?:(?:for|in|during|over|at|of)\s+(?:the\s+)?)?(?:(?:first|second|third|fourth|last|"
                            r"latest|past|same|full|fiscal|this|next|rolling|trailing|three|six|nine|twelve)\s+)?"
                            r"(?:quarter|year|period|month|week|half)s?\b.*$",
                            re.I)
_GLUED_SENTENCE = re.compile(r"(?<=[a-z])\.(?=[A-Z])")
_CUTS = (",", ";", ":", "(", ")", "\n", ". ", " - ", " – ", "—", "*", "•")
_STARTS = frozenset({":", "\n", ". ", "*", "•", " - ", " – "})
# an opening time phrase ("In January", "During the fourth quarter of 2024,"); the month names are periods.yaml's
_LEADING_TIME = (r"^\s*(?:in|during|on|for|by|since|at|after|over|through)\s+(?:the\s+)?(?:(?:first|second|third|fourth|"
                 r"last|latest|past|same|previous|prior|current|final)\s+)?(?:(?:{months})\.?|(?:19|20)\d\d|"
                 r"quarter|year|month|week|period|half|Q[1-4])(?:\s+(?:19|20)\d\d)?,?\s+")
_VERB_REACH = 60  # characters before the figure where the verb stands
# the words a verb and its figure may have between them: "rose 5%", "was up 6.6%", "fell by about 3%"
_BETWEEN_VERB_AND_FIGURE = (r"(?:\s+[\d.,]+\s?(?:%|pct|percent|per\s+cent)\s+to)?"
                            # "non-registered debt was estimated at 9.03 billion dlrs": a figure stated by others
                            r"(?:\s+(?:now|currently|still))?(?:\s+(?:{stated})(?:\s+to\s+be)?)?"
                            r"(?:\s+(?:by|to|at|up|down|about|around|nearly|almost|some|roughly|over|"
                            r"more|than|less|just|only|a|an|record|of|in|as|much|for|approximately|"
                            r"higher|lower))*\s*")


def find_segment(clause: str, fig_start: int, fig_end: int, fig_kind: str, words: SegmentWords,
                 entity_words: frozenset[str]) -> str:
    """The part of the entity the figure in `clause` (at fig_start..fig_end) is about, or ""."""
    return trim_end(_find_segment(clause, fig_start, fig_end, fig_kind, words, entity_words))


_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")


def trim_end(segment: str) -> str:
    """A segment less the punctuation it ends with, but for the dot of initials that end it ("the U.S.").

    >>> trim_end("steel imports into the U.S."), trim_end("Class A."), trim_end("its cloud unit, ")
    ('steel imports into the U.S.', 'Class A', 'its cloud unit')
    """
    trimmed = segment.rstrip(" .,;:")
    if _INITIALS_END.search(trimmed) and segment.rstrip(" ,;:").endswith(trimmed + "."):
        return trimmed + "."
    return trimmed


def _find_segment(clause: str, fig_start: int, fig_end: int, fig_kind: str, words: SegmentWords,
                  entity_words: frozenset[str]) -> str:
    before, after = clause[:fig_start], clause[fig_end:]
    for found in (share_class(clause, fig_start, fig_end), debt_instrument(clause, fig_end),
                  trade_partner(clause, fig_start, fig_end)):
        if found:
            return found
    flow = trade_flow(before, words)
    if flow:
        return flow
    if fig_kind == "percent":
        target = tariff_target(after)
        if target and has_content(target, words, entity_words):
            return target
    if fig_kind == "money":
        item = trim_phrase(listing_item(before), words, entity_words)
        if item and has_content(item, words, entity_words):
            return item
    if fig_kind == "money":
        item = product_after(after, words, entity_words) or product_for(after, words, entity_words)
        if item:
            return item
    return clause_subject(before, words, entity_words)


def words_alternation(words) -> str:
    """The words as one regex alternation, longest first, a space matching any run of spaces."""
    return longest_first(words, space=r"\s+")


SUBJECT_CUT = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\.\s|\b(?:and|but|while|which|that|when|if|as|said|says|say|"
                          r"told)\s",
                          re.I)
# articles, possessors, and the adverbs and participles that describe the copy priced ("a similarly outfitted",
# "a fully loaded"), not the product
SUBJECT_LEAD = re.compile(r"^(?:(?:(?i:the|a|an|its|their|his|her|our|this|these|those|new|all-new|latest|newest|"
                           r"base|entry-level|cheapest)|[a-z]+ly|[a-z]+ed)\s+)+")


_FUTURES = re.compile(r"\b(?:futures|e-?minis?)\b", re.I)
_BOND_WORDS = re.compile(r"\b(?:yields?|treasur(?:y|ies)|bonds?|notes?|gilts?|bunds?|JGBs?|OATs?|BTPs?|bills?)\b", re.I)


def index_futures(text: str, mention_start: int, mention_end: int, fig_start: int, sent_start: int) -> str:
    """"futures" when an index's figure is its futures' ("Dow e-minis were up 0.12%", "Futures up: Dow 0.18%",
    "S&P 500 futures gained 0.3%"): the word stands just before or after the index's name, before the figure."""
    lo = max(sent_start, mention_start - 20)
    hi = min(fig_start, mention_end + 25) if mention_start < fig_start else mention_end + 25
    if _FUTURES.search(text, lo, max(lo, hi)):
        return "futures"
    # the sentence's frame: "In the futures, the S&P 500 fell 0.2%, the Nasdaq was down 0.1%"; a list the word
    # heads: "Futures contracts on the Dow Jones Industrial Average and Nasdaq 100 gained 0.8 percent and 1.1 percent"
    head = text[sent_start:min(mention_start, fig_start)]
    return "futures" if _FUTURES_FRAME.match(head) or _FUTURES_ON.search(head) else ""


_FUTURES_FRAME = re.compile(r"\s*(?:[*\-•]\s*)?(?:In|Among)\s+(?:the\s+)?(?:(?:stock|index|equity|stock-index)\s+)?futures"
                            r"(?:\s+(?:market|trading|pits?))?\s*,")
_FUTURES_ON = re.compile(r"\b(?i:futures|e-?minis?)(?:\s+contracts?)?\s+(?:on|for|tied\s+to|linked\s+to)\s+(?:the\s+)?"
                         r"(?:[A-Z0-9][\w&.'/-]*\s+|and\s+|the\s+|,\s*)*$")


def bond_term(clause: str, figure_at: int, term_of) -> str:
    """A bond's term ("10-year") for a move or level of a government bond whatever the metric the rules chose
    ("the yield on the 10-year Treasury note was falling about nine basis points")."""
    return term_of(clause, figure_at) if _BOND_WORDS.search(clause) else ""


def entity_words_of(*names: str) -> frozenset[str]:
    """The lower-case words of the entity's names, to be left out of a segment."""
    out = set()
    for name in names:
        for w in _WORD.findall(name or ""):
            out.add(w.lower().removesuffix("'s").strip("."))
    return frozenset(out)
