"""Whether a claim's entity is what its article is about: named in the article's headline (issue 16).

A conflict sets two articles' figures for one entity against each other. When both articles are
about that entity (its headline names it: "Brixmor Q4 FFO beats", "Super Micro shares slump"), the
figures are the story's own and a disagreement is worth a reviewer's time. When the entity is one
name among many (a roundup, a Market Talk column, a list of movers, a passing mention), the claim
stage most often gave a figure to the wrong company, and the pair is an extraction error rather than
a contradiction. In the conflict audits of sessions 8-12 (500 judged modern pairs,
bench/conflict_audit/), pairs whose two headlines both name the entity were real 20 times in 202;
the other 298 pairs were real 4 times (bench/RESULTS.md, "Conflicts, session 13").

A headline names the entity when it holds, as whole words and ignoring case, the entity's name less
its legal suffix ("Super Micro Computer, Inc." -> "Super Micro Computer"), one of the gazetteer's
aliases or tickers for its entity id ("SMCI"), or the short forms headlines write: the name's first
word with the start of its second ("Super Micro", "West Pharma" for West Pharmaceutical Services),
the initials of a name of three words or more ("RBI" for Reserve Bank of India) and the name less a
generic last word (entities.yaml `generic_suffixes`: "Generac" for Generac Holdings, "Hindalco" for
Hindalco Industries).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources

_MIN_NAME = 2  # characters: "GE" and "3M" are names; a lone letter is not
_SHORT_NAME = 4  # characters: a name this short matches only in its own case ("IBM", "BP", not "bp" or "ibm")
_CLIPPED = 4  # letters of a name's second word a headline keeps at least ("West Pharma", "Super Micro")
_LINKS = frozenset({"of", "and", "the", "&", "for", "de"})  # words a name's initials skip ("Bank of India": BI)


@lru_cache(maxsize=4)
def _names_by_id(res: Resources) -> dict[str, tuple[str, ...]]:
    """entity id -> its name and aliases (the gazetteer's aliases hold its tickers)."""
    return {e.entity_id: (e.name, *e.aliases) for e in res.entries}


@lru_cache(maxsize=4)
def _suffix_pattern(res: Resources) -> re.Pattern:
    suffixes = sorted({str(s).rstrip(".") for s in res.entity_rules.get("company_suffixes", ())}, key=len, reverse=True)
    if not suffixes:
        return re.compile(r"(?!)")
    return re.compile(r"(?:,?\s+(?:" + "|".join(map(re.escape, suffixes)) + r")\.?)+\s*$", re.I)


def _bare(name: str, res: Resources) -> str:
    """The name less its legal suffix and a leading "The"."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return _suffix_pattern(res).sub("", name).strip(" ,.")


def _less_generic(bare: str, res: Resources) -> str:
    """The name less a generic last word ("Generac Holdings" -> "Generac"), when what is left is still a name
    of its own (several words, or one longer than a short name); else ""."""
    words = bare.split()
    if len(words) < 2 or words[-1] not in res.entity_rules["generic_suffixes"]:
        return ""
    rest = " ".join(words[:-1])
    return rest if (len(words) > 2 or len(rest) > _SHORT_NAME) and rest[:1].isupper() else ""


@lru_cache(maxsize=65536)
def _pattern(name: str, exact_case: bool) -> re.Pattern:
    return re.compile(r"(?<![\w&])" + re.escape(name) + r"(?![\w&])", 0 if exact_case else re.I)


def off_topic(entity: str, entity_id: str, title: str, res: Resources) -> bool:
    """Whether the article has a headline and it does not name the entity: a figure of one name among many.
    With no headline nothing says what the article is about, and the claim is not off its topic."""
    if not isinstance(title, str) or not title.strip():
        return False
    return not named_in_headline(entity, entity_id, title, res)


def _short_forms(bare: str) -> list[tuple[str, bool]]:
    """The forms a headline shortens a name to, each with whether it matches only in its own case."""
    words = bare.split()
    out = []
    if len(words) >= 2 and words[1][:1].isupper():
        out.append((words[0] + " " + words[1][:_CLIPPED], False))  # then its word must go on: `_clipped`
    caps = [w for w in words if w.lower() not in _LINKS]
    if len(caps) >= 3 and all(w[:1].isupper() for w in caps):
        out.append(("".join(w[0] for w in caps), True))
    return out


@lru_cache(maxsize=65536)
def _clipped(form: str) -> re.Pattern:
    """The name's first word and the start of its second, the second running on to a word's end."""
    return re.compile(r"(?<![\w&])" + re.escape(form) + r"\w*(?![\w&])", re.I)


def named_in_headline(entity: str, entity_id: str, title: str, res: Resources) -> bool:
    """Whether `title` names the entity (its name, an alias or ticker of its entity id, or a short form)."""
    if not isinstance(title, str) or not isinstance(entity, str) or not entity:
        return False
    shouted = title.isupper()  # a wire headline: "ALLIED SAYS IT WILL ..." holds "ALL" and "IT" as words
    # a ticker the claims stage gave as the entity's id is one of its names too ("CBRE signals ..."), written as is,
    # unless it is also a word (entities.yaml `ticker_stopwords`: "ALL", "KEY", "IT")
    ticker = (entity_id,) if isinstance(entity_id, str) and entity_id.isupper() and len(entity_id) >= _MIN_NAME \
        and entity_id not in res.entity_rules["ticker_stopwords"] else ()
    for name in {entity, *_names_by_id(res).get(entity_id or "", ()), *ticker}:
        bare = _bare(name, res)
        if len(bare) < _MIN_NAME:
            continue
        for form, exact in _short_forms(bare):
            if (_pattern(form, True) if exact else _clipped(form)).search(title) and not (exact and shouted):
                return True
        if len(bare) > _SHORT_NAME or bare.islower():  # "gold", "oil": a common noun's case is the headline's
            if _pattern(bare, False).search(title):
                return True
            rest = _less_generic(bare, res)  # "Generac posts ...": the headline drops "Holdings"
            if rest and _pattern(rest, True).search(title):
                return True
        # a short name or a ticker only as written ("ON" is ON Semiconductor's ticker, "on" a word), and in a
        # shouted headline only as the wire writes a ticker: "<IBM>"
        elif (f"<{bare}>" in title) if shouted else _pattern(bare, True).search(title):
            return True
    return False
