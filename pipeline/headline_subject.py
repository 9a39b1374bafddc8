"""The headline's topic: the company (or country, commodity, index) a story's headline names first.

`headline_subject` cuts the headline's first run of capitalised words into a name and resolves it
(the gazetteer, the article's learned aliases); a name no list knows goes to `headline_names.unknown_topic`
(a country, a commodity, the body's spelling). The claims stage gives it to figures whose sentence
names no owner, and reads the story's fiscal calendar from it (`story_calendar`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .entities import wire_case
from .headline_names import common_topic, unknown_topic, written_as_name
from .identity import slug
from .records import Mention
from .resources import Resources
from .subject_roles import NAMED_KINDS as _NAMED_KINDS
from .subjects import CALENDAR_WORDS, NUMBERISH, clean_name, is_reporter, resolve_name, subject_words, written_lower
from .word_patterns import has_word, listed as word_alternation

_NAME_TOKEN = re.compile(r"^(?:[A-Z0-9][\w&.'’+-]*|&|of|and|de|du|la|van|von|für|the)$")


@lru_cache(maxsize=4)
def _headline_prefix(res: Resources) -> re.Pattern:
    """A wire label before a headline ("UPDATE 2-", "EXCLUSIVE:", "Market Talk |"): subjects.yaml `headline_labels`."""
    labels = word_alternation(res.subject_words["headline_labels"])
    return re.compile(r"^(?:\W*(?:" + labels + r")\b[)\]]?[\s\d]*[-:–—|]+\s*)+", re.I)


@lru_cache(maxsize=4)
def _series_label(res: Resources) -> re.Pattern:
    """A column's name before a colon ("Market Chatter:", "CFTC Commitments:", "News Highlights:"): subjects.yaml
    `headline_series` or `headline_digests` (group `digest`) after up to three capitalised words (and an "&")."""
    series = word_alternation(res.subject_words["headline_series"])
    digests = word_alternation(res.subject_words["headline_digests"])
    return re.compile(r"^(?-i:(?:(?:[A-Z][\w&'’.-]*|&)\s+){0,4})(?:" + series + r"|(?P<digest>" + digests + r"))\s*:\s*",
                      re.I)


def _without_series(text: str, res: Resources, learned: dict) -> str | None:
    """The headline less a column's name before its colon, unless the name holds a company's ("APLT Stock Update:");
    None for a digest's ("European Midday Briefing: Stocks Rise ..." heads many stories: no topic)."""
    m = _series_label(res).match(text)
    if m is None or any((e := resolve_name(w, res, learned)) is not None and e.kind in ("company", "unit")
                        for w in m.group().split()[:-1]):
        return text
    return None if m.group("digest") else text[m.end():]


def headline_subject(title: str, res: Resources, learned: dict, body: str = "") -> Mention | None:
    """The company a headline names first ("First Quantum Minerals Reports ...", "Rexel: Q4 sales ...").

    The name is the headline's first run of capitalised words, cut at a word of
    `headline_breaks` (a headline verb, a period or metric word), then at its longest start
    that the gazetteer, the article's aliases or its body know ("Stora Enso Financial Statement
    Release" -> "Stora Enso"). A name that reports on others ("UBS Raises DoorDash PT") gives
    way to the next name.
    """
    if not title:
        return None
    words = subject_words(res)
    text = _without_series(_headline_prefix(res).sub("", title.strip()).strip(" *#"), res, learned)
    if text is None:
        return None
    m = re.match(r"^<([^<>]{2,60})>", text)  # wire style "<OCELOT INDUSTRIES LTD> YEAR LOSS"
    if m:
        return _title_mention(wire_case(clean_name(m.group(1), res)), res, learned)
    upper = text.isupper()
    chunks, listed, legal = _headline_chunks(text, res, learned, words)
    if len(listed) >= 2:
        # a headline that lists names ("Stocks to Watch Today: TCS, Hindalco, RBL Bank", "movers: CSCO, RDDT, and
        # more") has no one topic; one comma is a clause's ("In Indonesia, Fried Rice ...") or a pair's
        return None
    for i, chunk in enumerate(chunks):
        mention = _chunk_topic(chunk, chunks[i + 1] if i + 1 < len(chunks) else None, title, body, res, learned, words,
                               upper, i in legal)
        if mention is not None and i and mention.kind == "name" and not has_word(body[:20000], mention.text, "&-", "&-"):
            continue  # "AM Best Revises Outlooks to Stable and Affirms Credit Ratings of ...": a later run of title case
        if mention is not None:
            return mention
    return None


def _headline_chunks(text: str, res: Resources, learned: dict, words) -> tuple[list[list[str]], set[int], set[int]]:
    """The headline's first runs of name words (three at most), each cut at a headline break, a date or a
    possessive; which of them a comma and another name follow (a list of names); and which a comma and a
    legal form end ("Air T, Inc. Reports ...": a company's name, the legal form its own)."""
    tokens = re.findall(r"[\w&.'’+-]+|[^\w\s]", text)
    chunks: list[list[str]] = []
    cur: list[str] = []
    listed: set[int] = set()  # chunks followed by a comma and another name
    legal: set[int] = set()  # chunks a comma and a legal form end
    suffixes = _suffixes(res)
    links = frozenset(res.entity_rules["name_links"])
    not_openers = frozenset(res.subject_words["headline_not_openers"])
    for k, tok in enumerate(tokens):
        low = tok.lower().strip(".")
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if tok == "," and cur and nxt.rstrip(".") in suffixes:
            legal.add(len(chunks))
            continue  # "Air T, Inc. Reports ...": the legal form is the name's, no name of its own
        # a period word opens a name only when a name word follows ("First Quantum", not "Fourth Quarter")
        opens_name = not cur and _NAME_TOKEN.match(nxt) is not None and nxt.lower() not in words.headline_breaks \
            and low not in res.subject_words["headline_not_openers"] and not NUMBERISH.match(tok) \
            and not _PERIOD_TOKEN.match(tok) and not NUMBERISH.match(nxt)
        if cur and NUMBERISH.match(tok) and resolve_name(" ".join(cur + [tok]), res, learned) is not None:
            cur.append(tok)  # "S&P 500 Rises 0.03%", "Nikkei 225": a number that is part of a known name
            continue
        # a date ("Net direct tax ... until Feb 10"), a place or holder before a name ("Dallas-Based Thrift",
        # "KKR-backed Avendus"; entities.yaml `name_links`) is no name
        # (a wire title in capitals keeps its words: "NATIONAL BANK ISSUES MORTGAGE-BACKED SECURITIES")
        linked = "-" in low and low.rsplit("-", 1)[1] in links and (not text.isupper() or low.endswith("-based"))
        if linked:  # "Peter Thiel-Backed Plasma Raises $20M": the holder's words before it are no name either
            cur = []
        if not cur and (low in ("of", "and", "for") or _POSSESSIVE.sub("", low) in not_openers or _TENOR_TOKEN.match(tok)):
            continue  # "ASX-listed shares of Civmec fall", "Why Investors Shouldn't ...", "Here's what ...": no name;
            # "10-Year Treasury Yield Rises": a bond's term before its issuer's words
        dated = low in CALENDAR_WORDS or linked or low in ("am", "pm") and k and tokens[k - 1].isdigit() \
            or nxt == "$" and tok.isupper() and len(tok) <= 3  # "Stocks With Over US$80M": a currency's prefix
        if (low in words.headline_breaks and not opens_name) or not _NAME_TOKEN.match(tok) or NUMBERISH.match(tok) \
                or dated or cur and (_PERIOD_TOKEN.match(tok) or _TENOR_TOKEN.match(tok)):  # "Temple & Webster 1H25 Earnings Call Highlights"
            if cur:
                if tok == "," and _NAME_TOKEN.match(nxt) and nxt.rstrip(".") not in suffixes:
                    listed.add(len(chunks))  # "Biggest stock movers Thursday: CSCO, RDDT, and more"
                chunks.append(cur)
                cur = []
            if len(chunks) >= 3:
                break
            continue
        cur.append(tok)
        if tok.endswith(("'s", "’s")):
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    return chunks, listed, legal


def _chunk_topic(chunk: list[str], following: list[str] | None, title: str, body: str, res: Resources, learned: dict,
                 words, upper: bool, legal: bool = False) -> Mention | None:
    """The topic one headline chunk names, or None to read the next: its longest known start; words the body
    writes in lower case name no company but may name a commodity ("Oil Extends Gains"); a broker before another
    name gives way to it; a country's possessive before a known name gives way to that name. A chunk with its
    legal form (`legal`: "Healthcare Services Group, Inc.", "Nasdaq, Inc.") is a company's name whatever its words."""
    name = _known_prefix(chunk, res, learned, body, upper)
    if not name:
        return None
    if not legal and all(w.lower() in words.not_subjects or (not upper and has_word(  # not in "www.arvinas.com", "pr@confluent.io"
            body[:20000], w.lower(), ".@/-", "-", _DOMAIN_DOT)) for w in name.split()):
        return common_topic(chunk, title, body, res, words)  # "Oil Extends Gains", "Gold Falls": the commodity
        # (else "Top Midday Gainers": words the story writes in lower case, not a name)
    if is_reporter(name, words) and following is not None and not legal:
        return None
    mention = _title_mention(name, res, learned)
    if legal and mention is not None and mention.kind not in ("company", "unit"):
        mention = Mention(name, -1, -1, name, slug(name), "company", source="title")  # "Nasdaq, Inc.": not the index
    if mention is not None and mention.kind == "name":  # no list knows it: a country first, or style?
        mention = unknown_topic(chunk, mention, title, body, res, learned, words, resolve_name, _title_mention, upper)
    if mention is None:
        return None
    if mention.kind == "country" and chunk[-1].endswith(("'s", "’s")) and following is not None \
            and _names_known(following, res, learned, body):
        return None  # "Japan's Nikkei Ends Higher", "India's Varroc Engineering tumbles": the named index or company
    return mention


def _names_known(chunk: list[str], res: Resources, learned: dict, body: str = "") -> bool:
    """Whether a headline chunk's first words are a name the gazetteer or the article knows, or two capitalised
    words the body writes as a name ("Shares of auto parts maker Varroc Engineering fall"; one word may be a
    person's: "Canada's Trudeau Says ...")."""
    if len(chunk) >= 2 and all(w[:1].isupper() for w in chunk[:2]) and written_as_name(" ".join(chunk[:2]), body):
        return True
    for n in range(len(chunk), 0, -1):
        entry = resolve_name(clean_name(" ".join(chunk[:n]), res), res, learned)
        if entry is not None:
            return entry.kind in _NAMED_KINDS
    return False


@lru_cache(maxsize=4)
def _suffixes(res: Resources) -> frozenset[str]:
    """entities.yaml's company suffixes without their dot."""
    return frozenset(str(x).rstrip(".") for x in res.entity_rules["company_suffixes"])


_POSSESSIVE = re.compile(r"['’]s?$")
_DOMAIN_DOT = re.compile(r"\.[a-z]")
_TENOR_TOKEN = re.compile(r"^\d{1,2}-(?:year|yr|month|week)s?$", re.I)  # "10-Year", "3-Month": a term, no name's word
_PERIOD_TOKEN = re.compile(r"^(?:[QH][1-4]|[1-4][QH]|FY\d*|9M|[1-4](?:st|nd|rd|th))(?:['-]?(?:FY)?\d{2,4})?$", re.I)


def _known_prefix(chunk: list[str], res: Resources, learned: dict, body: str, upper: bool) -> str:
    """The name a headline chunk gives: its longest start written in the body, else the chunk.

    A shorter start that only the gazetteer knows is taken only where the words cut off are
    not part of a name ("Stora Enso Financial Statement Release"): a prefix alone would take
    "Coca-Cola Enterprises" for Coca-Cola and "Delta Galil" for Delta Air Lines.
    """
    while chunk and chunk[-1].lower() in ("of", "and", "&", "the", "de", "for"):
        chunk = chunk[:-1]
    if not chunk:
        return ""
    names = []
    for n in range(len(chunk), 0, -1):
        name = clean_name(" ".join(chunk[:n]), res)
        names.append(wire_case(name) if upper else name)
    text = body[:20000]
    whole = " ".join(chunk)
    if not upper and whole != names[0] and whole.startswith(names[0]) and has_word(text, whole, "&-", "&-"):
        return names[0]  # the body writes the chunk whole, its legal form glued on: "Idemitsu KosanLtd"
    for name in names:
        if len(name) > 2 and has_word(text, name, "&-", "&-"):
            return name
    if resolve_name(names[0], res, learned) is not None:
        return names[0]
    words = subject_words(res)
    for n, name in zip(range(len(chunk), 0, -1), names):
        rest = [w.lower() for w in chunk[n:]]
        # "UK Construction Output Grows", "U.K. MONEY MARKET GIVEN ...": a known name (or a country's adjective)
        # before words the body writes in lower case, words that are no name
        if rest and all(w in res.subject_words["headline_not_names"] or w in words.not_subjects
                        or written_lower(w, text, words) for w in rest) and (resolve_name(name, res, learned) is not None or name.lower() in words.demonyms):
            return name
    return names[0]



def _title_mention(name: str, res: Resources, learned: dict) -> Mention | None:
    if not name or len(name) < 2:
        return None
    entry = resolve_name(name, res, learned)
    country = subject_words(res).demonyms.get(name.lower())
    if entry is None and country:  # "THAI SUGAR PRODUCTION INCREASES", "South Korean shares flat": the country
        entry = resolve_name(country, res, learned)
        if entry is None:
            return Mention(name, -1, -1, country, slug(country), "country", source="title")
    if entry is not None:
        return Mention(name, -1, -1, entry.name, entry.entity_id, entry.kind, parent=entry.parent, source="title")
    return Mention(name, -1, -1, name, slug(name), "name", source="title")
