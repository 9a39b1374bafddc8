"""Segment frames: word patterns around a figure that name the part it is about when the clause's subject
and the measure's modifiers (segments.py, measured_parts.py) name none.

- what an amount is of: "sold 11.05 billion francs of tap stock", "$1.6 billion of leveraged buyout debt",
  "285,000 tons of copper", "400 mln dlrs of convertible debt due April 7, 2002";
- what an amount is the price of, the figure standing as an adjective: "a $5 billion second headquarters",
  "its $100 unlimited plan", "a $133,000-a-month mansion";
- a line of a breakdown with its earlier value in brackets: "restaurants and hotels (3.09% vs. 2.81%)",
  "domestic production (4.4% vs -0.7% in November)";
- a futures contract's month: "Brent for March settlement increased 1.8 percent", "WTI for February
  delivery added 79 cents";
- a product's price: "The Fitbit Charge 4 is on sale for $100", "the Verizon version of the Galaxy S8 will
  retail for $720";
- a measure noun that names its part with its modifiers, not a metric: "Gas consumption is expected to rise
  17%", "App Store subscriptions will top 500 million", "Net direct tax collection grows by 14.7%";
- an instrument named before the words that give its terms: "a 200 mln ECU eurobond due April 23, 1992 paying
  7-1/4 pct", "new warrants ..., exercisable at $0.75";
- a part phrase anywhere before the figure in its clause: "losses from discontinued operations of 555,000 dlrs",
  "The core CPI rose 0.4%, compared to ... 0.2%", "Federal funds were trading at 6-1/8 pct";
- a company's region heading the clause: "* Asia-Pacific was down -136 bps at 1.6%", "In the Americas, ...";
- the owner's part as the sentence's subject: "Coway's overseas subsidiaries reported an annual revenue of ...",
  "The company's star label Gucci posted quarterly sales of ...";
- the goods a tariff rate is on, before the word: "Global 25% Steel, Aluminum Tariffs";
- a market's futures as the subject: "U.S. stock futures fell 0.04%";
- a name no list knows, read as the owner of a price, is the product itself: "Canon PowerShot SX420 for $199";
- a figure that restates the one before or gives its earlier value takes its part: "$80, down from $110"
  (restated_part, called from claim_segments.py with the figure before's segment).

Each family is one function over the figure's sentence returning the words as the text writes them, or "".
The word lists are segments.yaml's (`held_nouns`, `price_verbs`, `named_measure_nouns`, `instrument_heads`,
`term_links`, `part_phrases`, `regions`, `part_nouns`, with `generic_words` and `not_products`), the commodity names
subjects.yaml's, the contract words, instrument nouns and months periods.yaml's; the cases are in
tests/test_segment_frames.py (and tests/test_segments.py for the index futures and listings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .calendar_grammar import grammar
from .measured_parts import PART_LINK, part_modifiers, part_words, served_part
from .resources import Resources
from .word_patterns import listed
from .launch_prices import launched_item
from .segments import (SUBJECT_CUT, SUBJECT_LEAD, MAX_WORDS, SegmentWords, words_alternation, has_content, trim_phrase,
                       listing_item)

RULE = "segment_frames.v1"


@dataclass(frozen=True)
class FrameWords:
    """The frames' patterns, built once per resources."""

    amount_of: re.Pattern  # "of" + up to five modifiers + a held instrument or a commodity (+ "due <date>")
    contract_month: re.Pattern  # "for March settlement"
    month_subject: re.Pattern  # a month opening the clause as its subject: "July was up 2.25 cents at"
    price_verb: re.Pattern  # "is on sale for", "will retail for", "starts at", right before the figure
    named_measure: re.Pattern  # the measure nouns kept with their modifiers
    instrument: re.Pattern  # an instrument's name: up to six words before its noun, and its maturity
    term_link: re.Pattern  # the words that give an instrument's term, the figure up to 40 characters after
    part_phrase: re.Pattern  # phrases that name a part wherever they stand before the figure in its clause
    region_head: re.Pattern  # a region heading the clause ("* Asia-Pacific was", "In the Americas,")
    region_for: re.Pattern  # a region before "for" and the figure ("..., Central Europe for 10 percent")
    issued: re.Pattern  # an instrument right after an amount or a count ("an 800 mln bond issue")
    changed_in: re.Pattern  # a change in a part: "a 3.3 pct increase in non-metallic mineral industries"
    share_from: re.Pattern  # a share of the measure that comes from a region or country ("70% of revenue comes from APAC")
    tariff_before: re.Pattern  # "aluminium tariffs from 10 percent to" right before the figure
    tariff_after: re.Pattern  # "Steel, Aluminum Tariffs" right after it
    owned_part: re.Pattern  # "Coway's overseas subsidiaries reported", "The company's star label Gucci posted"


_FRAME_KEYS = ("month_subject_verbs", "price_auxiliaries", "price_hedges", "region_verbs", "tariff_words",
               "goods_tariff_modifiers", "part_change_nouns", "share_from_measures", "share_from_verbs", "owned_part_verbs")


@lru_cache(maxsize=4)
def frame_words(res: Resources) -> FrameWords:
    lists = res.segment_lists
    commodities = [str(k) for k, v in (res.subject_words.get("common_subjects") or {}).items() if v[1] == "commodity"]
    heads = words_alternation([*lists["held_nouns"], *commodities])
    months = words_alternation(grammar(res).months)
    contract = words_alternation(res.periods.get("contract_month_words") or ())
    verbs, nouns = words_alternation(lists["price_verbs"]), words_alternation(lists["named_measure_nouns"])
    instruments = words_alternation([*lists["instrument_heads"], *(res.periods.get("instrument_nouns") or ())])
    links, regions, phrases = (words_alternation(lists[k]) for k in ("term_links", "regions", "part_phrases"))
    part_nouns = words_alternation(lists["part_nouns"])
    one_good = words_alternation(commodities)
    said = {k: listed(lists[k], space=r"\s+") for k in _FRAME_KEYS}  # the frames' own words, in file order
    goods = r"(?:" + one_good + r")(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:" + one_good + r"))*"
    return FrameWords(
        amount_of=re.compile(r"^\s+(?:worth\s+)?of\s+(?P<np>(?:(?!(?:of|in|to|for|and|or|the|a|an|from|with)\s)"
                             r"[\w&'’.+/-]+\s+){0,5}(?:" + heads + r"))(?![\w-])(?P<due>\s+due\s+"
                             r"(?:\w+\.?\s+\d{1,2},\s+)?(?:19|20)\d\d)?", re.I),
        contract_month=re.compile(r"\bfor\s+(?P<month>(?:" + months + r")\.?(?:\s+(?:19|20)?\d\d)?)\s+(?P<word>"
                                  + contract + r")\b", re.I),
        month_subject=re.compile(r"(?:^|[.;,]\s+(?:and\s+)?|\n)(?P<month>(?-i:(?=[A-Z]))(?:" + months + r")\.?(?:\s+(?:19|20)?\d\d)?)"
                                 r"\s+(?:" + said["month_subject_verbs"] + r")\b(?:[^.;,]|(?<=\d)[.,](?=\d)){0,40}$", re.I),
        # lower case only: a ticker ("Costco Wholesale  COST  1067.00") is no verb
        price_verb=re.compile(r"(?:\b(?:" + said["price_auxiliaries"] + r")\s+)*\b(?:" + verbs + r")(?:\s+(?:"
                              + said["price_hedges"] + r"))?\s*$"),
        named_measure=re.compile(r"\b(?:" + nouns + r")\b", re.I),
        instrument=re.compile(r"(?:[\w.%/$-]+\s+){0,6}?(?i:" + instruments + r")(?:\s+(?i:due)\s+"
                              r"(?:\w+\.?\s+\d{1,2},\s+)?(?:19|20)\d\d)?\b"
                              r"(?!\s+(?i:market|markets|yields?|prices?|funds?))"),
        term_link=re.compile(r"\b(?:" + links + r")\b[^.;]{0,40}$", re.I),
        part_phrase=re.compile(r"\b(?:" + phrases + r")\b", re.I),
        region_head=re.compile(r"(?:^|[*•]\s*|[.;]\s+|\n)\s*(?:(?:In|Across)\s+(?:the\s+)?)?(?P<region>(?i:" +
                               regions + r"))(?:\s*,|\s+(?:" + said["region_verbs"] + r"))"),
        tariff_before=re.compile(r"\b(?P<goods>" + goods + r")\s+(?:" + said["tariff_words"] + r")\s+"
                                 r"(?:from\s+[\d.,/-]+\s*(?:%|percent|pct|per\s+cent)\s+)?to\s+$", re.I),
        tariff_after=re.compile(r"^\s+(?:(?:" + said["goods_tariff_modifiers"] + r")\s+)?(?P<goods>" + goods +
                                r")\s+(?:" + said["tariff_words"] + r")\b", re.I),
        # a word left hanging before "and" is one of two ("2027- and 2031-dated bonds")
        issued=re.compile(r"^\s+(?:in\s+)?(?P<np>(?:[\w.]+-\s+(?:and|or)\s+|(?!(?:of|to|for|and|or|the|a|an|from|with|"
                          r"at|by|on|was|were|is|are)\s)[\w&'\u2019.%/-]+\s+){0,4}?(?:" + words_alternation(lists["issued_nouns"]) + r"))(?![\w-])", re.I),
        changed_in=re.compile(r"^\s+(?:(?:year-over-year|year-on-year|annual)\s+)?(?:" + said["part_change_nouns"]
                              + r")\s+in\s+(?:(?:its|the|their)\s+)?"
                              r"(?P<np>(?:[\w&'\u2019.-]+\s+){1,3}?(?:" + words_alternation([*lists["part_nouns"],
                                                                                 *lists["changed_nouns"]]) + r"))\b",
                              re.I),
        share_from=re.compile(r"^\s+of\s+(?:(?:its|their|the\s+company['\u2019]s|total|group|global)\s+)*"
                              r"(?:" + said["share_from_measures"] + r")\s+(?:(?:" + said["share_from_verbs"] + r")\s+)*"
                              r"(?:from|in)\s+(?:the\s+)?"
                              r"(?P<region>" + regions + "|" + words_alternation(
                                  [n for e in res.entries if e.kind == "country" for n in (e.name, *e.aliases) if len(n) > 2])
                              + r")(?!\w)", re.I),
        region_for=re.compile(r"(?:^|,\s+|\band\s+)(?P<region>(?i:" + regions + r"))\s+for\s+$"),
        # the sentence's subject: the owner's part, named by its modifiers or by the name after its noun
        owned_part=re.compile(r"^\s*(?:[*\-\u2022]\s*)?(?:(?:The|the)\s+(?:company|group|firm|bank)['\u2019]s|Its|"
                              r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['\u2019]s)\s+(?P<mods>(?:[\w&-]+\s+){0,3}?)"
                              r"(?P<noun>" + part_nouns + r")"
                              r"(?:\s+(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,2}))?"
                              r"\s+(?:also\s+|again\s+)?(?P<verb>[a-z]+(?:ed|s)|" + said["owned_part_verbs"] + r")\b"))


_NO_WORDS: frozenset[str] = frozenset()
_PRONOUNS = frozenset("it they he she we you i this that these those which who".split())
_FUNCTION = frozenset("of in on at for to from by with as and or but which that who will would is are was were has "
                      "have had be been after before while when said says say this these it its their than per a an "
                      "the "
                      "open".split())


def amount_of(after: str, kind: str, frames: FrameWords, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """What an amount or a count is of: "$1.6 billion of unwanted leveraged buyout debt" -> "unwanted leveraged
    buyout debt". A percent of something is its share of a whole ("40% of its staff"), not a part: left out."""
    if kind not in ("money", "count", "quantity"):
        return ""
    m = frames.amount_of.match(after[:120])
    if m is None:
        return ""
    phrase = trim_phrase(m.group("np") + (m.group("due") or ""), words, entity_words)
    return phrase if phrase and has_content(phrase, words, entity_words) else ""


# what may stand before an amount used as an adjective: an article or a possessor, and a few size words
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:a|an|its|their|his|her|our|[A-Z][\w.&-]*['’]s)\s+(?:(?:new|proposed|planned|"
                                 r"additional|further|separate|second|massive|whopping|hefty|roughly|nearly|about|"
                                 r"around|some|over|up\s+to)\s+)*$")
_ATTRIBUTIVE_AFTER = re.compile(r"^(?:-a-(?:month|year|week|day))?\s+"
                                r"(?P<np>[A-Za-z][\w&'’+./-]*(?:\s+[A-Za-z][\w&'’+./-]*){0,5})")


def attributive(before: str, after: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The thing an amount is the price or value of when it stands before it as an adjective: "a $5 billion second
    headquarters" -> "second headquarters". Not an event or a measure ("a $1,000 pullback", "its $2 billion
    stake", "a $21.9B shortfall": segments.yaml's not_products), nor a participle ("the $3.8 billion generated")."""
    if not _ATTRIBUTIVE_BEFORE.search(before[-40:]):
        return ""
    m = _ATTRIBUTIVE_AFTER.match(after[:80])
    if m is None:
        return ""
    tokens = []
    for tok in m.group("np").split():
        low = tok.lower().strip(".,;:")
        if low in _FUNCTION or tokens and low.endswith("ed"):
            break
        tokens.append(tok)
        if tok.endswith((",", ".", ";", ":")):
            break
    phrase = " ".join(tokens).strip(".,;:")
    if not phrase or any(t.lower() in words.not_products for t in phrase.split()):
        return ""
    return phrase if has_content(phrase, words, entity_words) else ""


_NUMBER = r"[-+−]?[\d.,]+\s*(?:%|pct|percent|per\s+cent|pp|bps?)?"
_BRACKET = re.compile(r"(?P<np>(?:[A-Za-z][\w&'’/-]*\s+){0,9}[A-Za-z][\w&'’/-]*)\s*\(\s*(?:" + _NUMBER +
                      r"\s*(?:vs\.?|versus)\s*)?$", re.I)
_BRACKET_TAIL = re.compile(r"\(\s*(?:" + _NUMBER + r"\s*(?:vs\.?|versus)\s*)?$", re.I)  # keep in sync with _BRACKET
_MANNER = re.compile(r"\s+[a-z]+ing\s+at\s+an?\s+(?:[a-z]+\s+){0,2}(?:pace|rate|clip)$")
_VERSUS_BEFORE = re.compile(_NUMBER + r"\s*(?:vs\.?|versus)\s*$", re.I)
_VERSUS_AFTER = re.compile(r"^\s*(?:vs\.?|versus)\s*" + _NUMBER, re.I)
_BRACKET_STOPS = frozenset("for in and with while by at of to as on from led driven mainly dragged falls rises the a "
                           "an "
                           "was were is are rose fell increased decreased".split())


def bracket_comparison(before: str, after: str, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """A breakdown's line whose figure is in brackets against another ("restaurants and hotels (3.09% vs.
    2.81%)"): the words before the bracket, back to a clause word ("and" inside a two-word name is kept)."""
    window = before[-120:]
    # the bracket is the window's last "(" (no number holds one): where no figure's bracket ends the window,
    # _BRACKET's ten words need not be tried at every word (0.5 s of 20 in a profile of 300 articles)
    bracket = window.rfind("(")
    m = _BRACKET.search(window) if bracket >= 0 and _BRACKET_TAIL.match(window, bracket) else None
    if m is None or not (_VERSUS_BEFORE.search(before[-40:]) or _VERSUS_AFTER.match(after[:30])):
        return ""
    tokens = m.group("np").split()
    # a manner phrase before the bracket: the line is the participle's subject ("private housing orders declining
    # at a much slower pace (-4.4% vs. -35.4%)")
    manner = _MANNER.search(m.group("np"))
    if manner is not None:
        tokens = m.group("np")[:manner.start()].split()
    kept: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        low = tokens[i].lower()
        if kept and low in _BRACKET_STOPS:
            if low == "and" and i > 0 and tokens[i - 1].lower() not in _BRACKET_STOPS:
                kept.insert(0, tokens[i])  # "food and beverages", "repair and maintenance"
                continue
            break
        kept.insert(0, tokens[i])
    phrase = trim_phrase(" ".join(kept), words, entity_words)
    return phrase if phrase and has_content(phrase, words, entity_words) else ""


def contract_month(before: str, frames: FrameWords) -> str:
    """A futures contract's month in the figure's clause: "Brent for March settlement increased 1.8 percent" ->
    "March settlement" (a contract quoted, not a period: dates.py keeps it out of the figure's period)."""
    found = None
    for found in frames.contract_month.finditer(before, max(0, len(before) - 120)):
        pass
    if found is None or re.search(r"[.;]\s|\.\.\.", before[found.end():]):
        return ""
    return f"{found.group('month')} {found.group('word')}"


def month_subject(before: str, frames: FrameWords) -> str:
    """A futures month as its clause's subject, a money figure its move or price: "July was up 2.25 cents at
    106.25 cents", "March closed 3 cents lower at" -> "July", "March" (a market report's contract; a month's
    statistic is a count or a percent: "January was up 3.1 pct")."""
    found = frames.month_subject.search(before, max(0, len(before) - 90))
    return found.group("month") if found else ""


def priced_product(before: str, frames: FrameWords, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The thing a price verb gives the price of: "The Fitbit Charge 4 is on sale for $100" -> "Charge 4" (the
    maker's name is the entity's). A pronoun or a whole's word ("The stock is now $42") names none."""
    tail = before[-120:]
    m = frames.price_verb.search(tail)
    if m is None:
        return ""
    head = tail[:m.start()]
    cuts = list(SUBJECT_CUT.finditer(head))
    head = SUBJECT_LEAD.sub("", (head[cuts[-1].end():] if cuts else head).strip())
    if not head or len(head.split()) > MAX_WORDS or re.split(r"['’]", head.split()[0].lower())[0] in _PRONOUNS:
        return ""  # "it", "they'll"
    kept = [t for t in head.split() if not (t.islower() and t.endswith("ly"))]
    if kept and kept[-1].lower() in words.whole_nouns:
        return ""  # "The meal kit delivery company finally priced at $10": the entity described, not its product
    phrase = trim_phrase(head, words, entity_words)
    return phrase if phrase and has_content(phrase, words, entity_words) else ""


_NOT_LINKS = frozenset("a an its their his her with via".split())


def named_measure(sentence: str, fig_start: int, res: Resources, frames: FrameWords,
                  entity_words: frozenset[str]) -> str:
    """A measure noun that is no metric of the whole, with the modifiers that name its part: "Gas consumption is
    expected to rise 17%" -> "Gas consumption"; "total App Store subscriptions will top" -> "App Store
    subscriptions". The noun joins its figure as measured_parts.py's measure nouns do."""
    noun = None
    for noun in frames.named_measure.finditer(sentence, max(0, fig_start - 90), fig_start):
        pass
    if noun is None:
        return ""
    link = sentence[noun.end():fig_start]
    if not PART_LINK.fullmatch(link) or any(w.lower() in part_words(res).clause | _NOT_LINKS
                                        for w in re.findall(r"[A-Za-z]+", link)):
        return ""  # "a $40 billion primary investment in OpenAI at a $260 billion valuation": another noun's figure
    at = max(0, noun.start() - 60)
    pw = part_words(res)
    mods = [m for m in part_modifiers(sentence[at:noun.start()], pw)]
    while mods and re.search(r"[a-z]{2}\.$", mods[0].group()):
        mods = mods[1:]  # "and it did. Issuance fell": the last sentence's word
    cut = next((i for i in range(len(mods) - 1, -1, -1) if mods[i].group().endswith(".") and
                re.search(r"[a-z]{2}\.$", mods[i].group())), None)
    if cut is not None:
        mods = mods[cut + 1:]
    keep = [m for m in mods if m.group().lower().strip(".'’") not in pw.whole | pw.time | entity_words]
    if not keep:
        return ""
    return sentence[at + keep[0].start():noun.end()]


# what joins a figure to the one before it when it gives the same part's earlier or other value: "$80, down from
# $110", "rose to 17.3% in 2024 from 17.7%", "(-1.8% vs 0.2%)", "96 mln dlrs (60 mln British pounds)"
_RESTATED = re.compile(r"\s*(?:,\s*)?(?:(?:in|for|during|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*,?\s+)?"
                       r"(?:(?:(?:up|down|compared|higher|lower)\s+)?"
                       r"(?:from|versus|vs\.?|against|compared\s+(?:with|to))\s+"
                       r"(?:the\s+|a\s+|an\s+)?|\()\s*",
                       re.I)


def restated_part(text: str, previous: tuple[int, str], fig_start: int) -> str:
    """The part of the figure before (previous: its end and segment) when this figure restates it or gives its
    earlier value, else ""."""
    end, part = previous
    return part if part and fig_start - end <= 40 and _RESTATED.fullmatch(text, end, fig_start) else ""


_LEADING_VERB = re.compile(r"^.*\b(?i:a|an|the|its|their|of|issuing|issue|issued|sold|redeem|offering|offered|said|"
                           r"says)\s+")


def instrument_terms(before: str, frames: FrameWords, words: SegmentWords, entity_words: frozenset[str]) -> str:
    """The instrument whose term the figure gives: "Denmark is issuing a 200 mln ECU eurobond due April 23, 1992
    paying 7-1/4 pct" -> "200 mln ECU eurobond due April 23, 1992"; "new unregistered warrants ..., which will be
    exercisable at $0.75" -> "unregistered warrants". Not a market's word ("bond market yields")."""
    tail = before[-160:]
    link = frames.term_link.search(tail)
    if link is None:
        return ""
    head = re.split(r"[.;]\s", tail[:link.start()])[-1]
    found = None
    for found in frames.instrument.finditer(head):
        pass
    if found is None or found.group().isupper():  # "NOTE: company pays dividend of 12 cts"
        return ""
    phrase = trim_phrase(_LEADING_VERB.sub("", found.group()), words, entity_words)
    return phrase if phrase and has_content(phrase, words, entity_words) else ""


# what ends the clause a part phrase heads: another part or the whole set against it
_PHRASE_BREAK = re.compile(r"[;:]|\.\s|\b(?:while|whereas|but|headline|overall|excluding|versus|vs)\b", re.I)


_WHOLE_WITH = re.compile(r"\b(?:including|excluding|incl|excl|ex|before|after|with|without)\.?\s+$", re.I)


def part_phrase(before: str, frames: FrameWords) -> str:
    """A part phrase in the figure's clause, up to 100 characters before it: "Note: figures exclude losses from
    discontinued operations of 279,000 dlrs and 555,000 dlrs" -> "discontinued operations"."""
    found = None
    for found in frames.part_phrase.finditer(before, max(0, len(before) - 100)):
        pass
    if found is None or _PHRASE_BREAK.search(before, found.end()) or _WHOLE_WITH.search(before, 0, found.start()):
        return ""  # "Net loss including discontinued operations was $74.9 million": the whole
    return found.group()


def company_region(before: str, frames: FrameWords) -> str:
    """A company's region heading the figure's clause ("In the Americas, sales fell 2.6%, as volume dropped 5.9%",
    "* Asia-Pacific was down -136 bps at 1.6% of sales") or a list's item before "for" ("the Nordic region for 42
    percent, Central Europe for 10 percent")."""
    m = frames.region_for.search(before[-60:])
    if m is None:
        for m in frames.region_head.finditer(before, max(0, len(before) - 100)):
            pass
        if m is not None and re.search(r"[.;]\s", before[m.end():]):
            m = None
    return m.group("region") if m is not None and m.group("region")[:1].isupper() else ""


def issued_instrument(after: str, fig_kind: str, frames: FrameWords) -> str:
    """The instrument an amount or a count is the size of, named right after it: "an 800 mln bond issue with share
    warrants" -> "bond issue", "18 million performance rights" -> "performance rights" (a percent before a noun is
    a share: "80 pct cash and 20 pct note")."""
    m = frames.issued.match(after) if fig_kind in ("money", "count") else None
    return m.group("np") if m is not None else ""


def changed_part(after: str, frames: FrameWords, whole: frozenset[str], entity_words: frozenset[str]) -> str:
    """The part a change right after the figure is in, named by its modifiers and its part noun: "a 3.3 pct increase
    in non-metallic mineral industries" -> "non-metallic mineral industries" ("a 5% rise in its core business": the
    whole's)."""
    m = frames.changed_in.match(after)
    if m is None:
        return ""
    mods = m.group("np").lower().split()[:-1]
    return m.group("np") if any(w not in whole and w.strip(".'") not in entity_words for w in mods) else ""


def region_share(after: str, fig_kind: str, frames: FrameWords) -> str:
    """The region or country a share of a company's measure comes from: "approximately 70%-75% of revenue comes
    from APAC", "40% of its sales are in China"."""
    m = frames.share_from.match(after) if fig_kind == "percent" else None
    return m.group("region") if m is not None and m.group("region")[:1].isupper() else ""


def goods_tariff(before: str, after: str, frames: FrameWords) -> str:
    """The goods a tariff rate is on when they stand before the word: "increase aluminium tariffs from 10 percent to
    25 percent", "Trump Imposes Global 25% Steel, Aluminum Tariffs" (segments.tariff_target reads "tariffs on X")."""
    m = frames.tariff_after.match(after[:80]) or frames.tariff_before.search(before[-100:])
    return m.group("goods") if m is not None else ""


# "U.S. stock futures fell 0.04%": a market's futures as the subject of the figure's verb (an index's own
# futures are segments.index_futures')
_MARKET_FUTURES = re.compile(r"\b(?:stock|equity|stock-index|index)[- ]futures(?:\s+contracts?)?\s+(?:[a-z]+\s+){1,3}$",
                             re.I)


def owned_part(before: str, frames: FrameWords, words: SegmentWords, entity_words: frozenset[str],
               whole: frozenset[str] = frozenset()) -> str:
    """The owner's part that is the subject of the figure's sentence: "Coway's overseas subsidiaries reported an
    annual revenue of KRW 1,545.2 billion" -> "overseas subsidiaries"; "The company's star label Gucci posted
    quarterly sales of" -> "Gucci"; "ThaiBev's Others business also dropped 6.6%" -> "Others business"."""
    m = frames.owned_part.match(before)
    if m is None or re.search(r"[.;]\s", before[m.end():]) or m.group("verb") in _FUNCTION:
        return ""
    if m.group("name"):
        return m.group("name") if has_content(m.group("name"), words, entity_words) else ""
    mods = m.group("mods").strip()
    named = [w for w in mods.split() if w.lower() not in whole]  # "its core business": the whole's
    return f"{mods} {m.group('noun')}" if named and has_content(" ".join(named), words, entity_words) else ""


def frame_segment(sentence: str, fig_start: int, fig_end: int, fig_kind: str, res: Resources,
                  words: SegmentWords, entity_words: frozenset[str], owner_kind: str = "") -> str:
    """The part one of the frames above names for the figure at fig_start..fig_end of `sentence`, or "".
    `owner_kind`: the subject's kind; a company's regions are its parts (a market's are other markets), and a
    name no list knows ("name") that a price is given for is the product itself ("A similarly outfitted MacBook
    will cost you $1,299", "Canon PowerShot SX420 for $199"), its own segment."""
    frames = frame_words(res)
    before, after = sentence[:fig_start], sentence[fig_end:]
    company = owner_kind in ("company", "name", "unit")
    if owner_kind == "name" and fig_kind == "money":
        product = priced_product(before, frames, words, frozenset()) or trim_phrase(listing_item(before), words, frozenset())
        if product and not has_content(product, words, entity_words) and has_content(product, words, _NO_WORDS):
            return product
    found = ("futures" if _MARKET_FUTURES.search(before[-60:]) else "") or contract_month(before, frames) or \
        (month_subject(before, frames) if fig_kind == "money" else "") or \
        (company_region(before, frames) or region_share(after, fig_kind, frames) if company else "") or \
        (goods_tariff(before, after, frames) if fig_kind == "percent" else "") or \
        instrument_terms(before, frames, words, entity_words) or part_phrase(before, frames) or \
        issued_instrument(after, fig_kind, frames) or \
        (changed_part(after, frames, part_words(res).whole, entity_words) if fig_kind == "percent" else "") or \
        (owned_part(before, frames, words, entity_words, part_words(res).whole) if company else "") or \
        bracket_comparison(before, after, words, entity_words) or \
        amount_of(after, fig_kind, frames, words, entity_words) or \
        (served_part(sentence, fig_end, part_words(res), entity_words) if fig_kind == "count" else "")
    if not found and fig_kind == "money":
        found = attributive(before, after, words, entity_words) or priced_product(before, frames, words, entity_words) \
            or launched_item(before, after, res, words, entity_words)
    return (found or named_measure(sentence, fig_start, res, frames, entity_words)).rstrip(" .,;:")
