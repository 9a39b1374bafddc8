"""A headline's topic where no list knows its words: a country or a commodity first (guide 3.9).

`headline_subject.headline_subject` cuts a headline's first run of capitalised words into a name.
Where neither the gazetteer nor the article knows that name (`unknown_topic`), three readings
are tried in turn:

- **A commodity, currency or token first** (`_common_subject`), or after its exchange's or
  market town's name, before words that name no company: "COFFEE FUTURES CLOSE HIGHER",
  "NY COFFEE", "Comex Gold Settles ...", "Treasury Yields Rise" (not "Copper Fox Announces",
  "SPC Nickel", "Gulf Oil Lubricants"). A legal suffix or a wire ticker makes it a company's name.
- **A country first** (`place_topic`): a headline that opens with a country, its abbreviation
  or its adjective is about that country ("S. AFRICAN TRADE SURPLUS RISES", "N.Z. APRIL
  CURRENT ACCOUNT", "VENEZUELA MOVES CLOSER TO ...", "THAILAND'S FOREIGN RESERVES FALL"), unless
  the words are a company's name: the body writes the whole name, or a legal suffix or a wire
  ticker follows ("CANADIAN SOLAR INC <CSIQ>").
- **The body's spelling**: an upper-case wire name takes the spelling the body writes it in
  ("RIO TINTO" -> "Rio Tinto"), which the gazetteer may know; a dateline's "LONDON" gives way to
  a "London" elsewhere.

Else the name stands as written, less the title-case words at its ends that the body writes only as
common words, in lower case ("Buyback of Class B", "TD Bank Looks", "Easing Inflation": no name). (Dropping
names the body never writes, "Tackling", "How Did",
was tried: the article's main company took their place, often a worse one; session 12.)

The words are data: `models/lexicons/subjects.yaml` (`demonyms`, `common_subjects`,
`headline_breaks`, `not_subjects`), the gazetteer's countries, exchanges and datelines
(`models/gazetteer/`), and the legal suffixes of `models/lexicons/entities.yaml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .word_patterns import has_word

RULE = "headline_names.v1"

_POSSESSIVE = re.compile(r"['’][sS]$")


def _place(words: list[str], res, learned: dict, demonyms: dict, resolve) -> tuple[int, str, Mention | None] | None:
    """The country the first one to three words name: (words used, country name, its entry or None)."""
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[:n])
        bare = _POSSESSIVE.sub("", phrase)
        country = demonyms.get(bare.lower())
        entry = resolve(country or _cased(bare), res, learned)
        if entry is not None and entry.kind == "country":
            return n, entry.name, entry
        if country:
            return n, country, None
    return None


def _cased(phrase: str) -> str:
    """'VENEZUELA' -> 'Venezuela'; 'N.Z.', 'U.K.' stay as written."""
    return " ".join(w if "." in w or len(w) <= 2 else w[:1] + w[1:].lower() for w in phrase.split())


def _company_words(chunk: list[str], title: str, res) -> bool:
    """A legal suffix in the chunk, or a wire ticker after it: the words are a company's name."""
    suffixes = {str(x).upper().rstrip(".") for x in res.entity_rules["company_suffixes"]}
    if any(w.upper().rstrip(".,") in suffixes for w in chunk[1:]):
        return True
    end = title.find(chunk[-1]) + len(chunk[-1]) if chunk and chunk[-1] in title else -1
    return end >= 0 and bool(re.match(r"\s*(?:(?:INC|CORP|CO|LTD|PLC)\.?\s*)?<", title[end:], re.I))


def written_as_name(name: str, body: str) -> str:
    """The body's spelling of `name` where it writes it with a capital, else "": a spelling in mixed case first
    (a dateline writes "LONDON"); "" where the body also writes the one word in lower case ("THE", "thrift")."""
    found = [m.group() for m in re.finditer(r"(?<![\w&-])" + re.escape(name) + r"(?![\w&-])", body[:20000], re.I)]
    if " " not in name.strip() and any(f.islower() for f in found):
        return ""
    capital = [f for f in found if f[:1].isupper()]
    return next((f for f in capital if not f.isupper()), capital[0] if capital else "")


def place_topic(chunk: list[str], name: str, title: str, body: str, res, learned: dict, demonyms: dict,
                resolve) -> Mention | None:
    """The country a headline chunk opens with, where the chunk is no company's name (module doc)."""
    place = _place(chunk, res, learned, demonyms, resolve)
    if place is None or place[0] == len(chunk) and not _POSSESSIVE.search(chunk[-1]):
        return None
    if _company_words(chunk, title, res) or written_as_name(name, body):
        return None
    n, country, entry = place
    surface = " ".join(chunk[:n])
    if entry is not None:
        return Mention(surface, -1, -1, entry.name, entry.entity_id, "country", parent=entry.parent, source="title")
    return Mention(surface, -1, -1, country, re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-"), "country",
                   source="title")


def unknown_topic(chunk: list[str], mention: Mention, title: str, body: str, res, learned: dict, words,
                  resolve, make, upper: bool) -> Mention | None:
    """The topic an unknown headline name gives: its country, itself, or None where it is style (module doc).

    `make(name, res, learned)` builds a headline mention; an upper-case headline's name takes the
    body's spelling ("RIO TINTO" -> "Rio Tinto"), which the gazetteer may know.
    """
    name = mention.text
    common = _common_subject(chunk, words, body, res) if not _company_words(chunk, title, res) else None
    if common is not None:
        return common
    place = place_topic(chunk, name, title, body, res, learned, words.demonyms, resolve)
    if place is not None:
        return place
    spelled = written_as_name(name, body) if upper else ""
    if spelled and spelled != name:
        return make(spelled, res, learned)
    kept = name if upper else _name_words(name, body[:20000])
    if kept != name:  # "Buyback of Class B shares in Essity", "Renishaw Pretax Profit Rises": headline style
        # what is left names the topic where a list knows it or the body writes it ("Easing" of "Easing Inflation" no)
        left = make(kept, res, learned) if kept else None
        return left if left is not None and (left.kind != "name" or has_word(body[:20000], kept, "&-", "&-")) else None
    return mention


_EDGE_LINKS = ("of", "and", "&", "the", "for", "de")
_DOMAIN_DOT = re.compile(r"\.[a-z]")


def _name_words(name: str, body: str) -> str:
    """The name less the title-case words at its ends that the body writes only as common words: in lower case,
    and never with its capital inside a sentence ("Buyback of Class B" -> "Class B"; "TD Bank Looks" -> "TD Bank")."""
    words = name.split()

    def common(w: str) -> bool:
        return w.isalpha() and w[:1].isupper() and w[1:].islower() \
            and re.search(r"[\w,;]\s+" + w + r"\b", body) is None and has_word(body, w.lower(), ".@/-", "-", _DOMAIN_DOT)  # not in "www.veho.com"

    i, j = 0, len(words)
    while i < j and (common(words[i]) or words[i].lower() in _EDGE_LINKS):
        i += 1
    while j > i and (common(words[j - 1]) or words[j - 1].lower() in _EDGE_LINKS):
        j -= 1
    if (i, j) == (0, len(words)):
        return name
    return "" if _SHARE_CLASS.match(" ".join(words[i:j])) else " ".join(words[i:j])  # "Class B" is shares, no owner


_SHARE_CLASS = re.compile(r"^Class [A-Z]$")


def common_topic(chunk: list[str], title: str, body: str, res, words) -> Mention | None:
    """The commodity, currency or token a headline chunk of common words opens with ("Oil Extends Gains",
    "Gold Falls Off Record High"), where the body also writes the word in lower case."""
    return _common_subject(chunk, words, body, res) if not _company_words(chunk, title, res) else None


def _common_subject(chunk: list[str], words, body: str, res) -> Mention | None:
    """A commodity, currency or token the chunk opens with, after at most an exchange's or a market town's
    name, and before words that name no company ("COFFEE PRICE FALL", "Comex Gold", "LME ZINC", "NY COFFEE",
    "Treasury Yields"; not "Copper Fox", "SPC Nickel", "Gulf Oil Lubricants")."""
    market = bool(chunk) and (chunk[0].upper() in {e.upper() for e in res.exchanges} or chunk[0].upper() in res.datelines
                              or chunk[0].upper() in ("NY", "LONDON", "CHICAGO"))
    # "Front Month Nymex Natural Gas Rose 2.18%": a contract's and an exchange's words before the commodity
    lead = 0
    while lead < len(chunk) - 1 and (chunk[lead].lower() in _market_words(res) or chunk[lead].upper() in _exchanges(res)):
        lead += 1
    for n in (3, 2, 1):
        for i in range(max(lead, 1 if market else 0) + 1):
            found = words.common.get(" ".join(chunk[i:i + n]).lower()) if len(chunk) >= i + n else None
            rest = [w.lower().strip(".,") for w in chunk[i + n:]]
            if found is not None and all(w in words.headline_breaks or w in words.not_subjects
                                         or has_word(body[:20000], w) for w in rest):
                cname, kind = found
                return Mention(" ".join(chunk[i:i + n]), -1, -1, cname, re.sub(r"[^a-z0-9]+", "-", cname.lower()).strip("-"),
                               kind, source="title")
    return None


@lru_cache(maxsize=4)
def _market_words(res) -> frozenset[str]:
    """subjects.yaml `commodity_markets`, lower case."""
    return frozenset(str(w).lower() for w in res.subject_words["commodity_markets"])


@lru_cache(maxsize=4)
def _exchanges(res) -> frozenset[str]:
    return frozenset(str(e).upper() for e in res.exchanges)
