"""An insider's shares are its company's (guide 3.4: "Ownership ... the company owned (Y) when it is named"; the
price of a share is the company's share price).

A filing story names the person who traded or holds the shares, not whose shares they are: "Maurice Sciammas, EVP
of WW Sales & Marketing, sold 662 shares at a price of $717.1006 per share", "Sciammas directly owns 102,301
shares", "the largest shareholder is the CEO Bai Fang Wan with 35% of shares outstanding". Where the subject head
picks such a person, an office or another name no list knows as a company ("General Counsel", "Following the
Form"), and the figure counts shares, is a share's price or a percent of the shares (the words after it:
holdings.yaml `held_nouns`, then a share word; or `per_share_words`), the figure is the story's company: the
headline's, else the article's main one. A money total ("totaling $474,720", "worth $294,149") is the stake's
value, the holder's (guide 3.4), and keeps its subject; so does a company the lists know ("Goldman Sachs ...
holding $288 million worth of FBTC (3.5 million shares)").

An officer who reports the company's figures is a speaker (guide 3.2): "Kevin Salsberg, President and CEO,
highlighted ... a 3.6% increase in net operating income" is the company's, unless the sentence is about the
officer's own money (pay, wealth, a trade: holdings.yaml `personal_money_words`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Figure, Mention
from .resources import Resources
from .subjects import opener_candidate
from .word_patterns import listed

RULE = "insider_owners.v1"

_HOLDER_KINDS = frozenset({"person", "name"})  # a person, an office or a name no list knows as a company
_COMPANY_KINDS = frozenset({"company", "unit"})
_TOPIC_KINDS = frozenset({"company", "unit", "name"})  # a headline's company, listed or not ("Monolithic Power Systems")
_SHARE_WORDS = frozenset({"share", "shares", "stock", "units"})
_WORD = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
_TRADED_AT = re.compile(r"\b(?:at|price of)\s*$", re.I)  # a trade's price, after "at" or "a price of"


@lru_cache(maxsize=4)
def _roles(res: Resources) -> tuple[frozenset[str], str]:
    """holdings.yaml `insider_roles`, lower case, and as an alternation."""
    return frozenset(str(w).lower() for w in res.holdings["insider_roles"]), listed(res.holdings["insider_roles"])


def _holder(text: str, best, fig: Figure, res: Resources) -> bool:
    """Whether the candidate is an insider or a class of shares, not a company: a person, a name holding a title or
    a share word ("General Counsel", "Common Stock"), a name its paragraph writes with a title after it ("Maurice
    Sciammas, EVP of ...", its surname alone later), or a unit a title names ("EVP of Global Operations")."""
    if best.kind == "person":
        return True
    roles, alternation = _roles(res)
    words = best.entity.lower().replace(",", " ").split()
    if roles & set(words) or _SHARE_WORDS & set(words):
        return True
    if _titled(text, best, fig, alternation) is not None:
        return True
    return best.start > 0 and re.search(r"\b(?:" + alternation + r")\s+(?:of|for)\s+$", text[max(0, best.start - 40):best.start],
                                        re.I) is not None


def _titled(text: str, best, fig: Figure, alternation: str) -> str | None:
    """The title the figure's paragraph writes after the name, up to the next comma ("Maurice Sciammas, EVP of WW
    Sales & Marketing"), or None."""
    start = text.rfind("\n", 0, fig.start) + 1
    end = text.find("\n", fig.end)
    paragraph = text[start:end if end >= 0 else len(text)]
    titled = r"(?:" + re.escape(best.entity) + r"|\b" + re.escape(best.entity.split()[-1]) + r")"
    m = re.search(r"(?-i:" + titled + r"),\s+(?:the\s+|a\s+|an\s+)?(?:[\w&.-]+\s+){0,3}?(?:" + alternation + r")\b[^,]*",
                  paragraph, re.I)
    return m.group() if m else None


@lru_cache(maxsize=4)
def _words(res: Resources) -> tuple[frozenset[str], re.Pattern]:
    """holdings.yaml: what is held ("common", "outstanding", "of"), and the words of a share's price."""
    held = frozenset(str(w).lower() for w in res.holdings["held_nouns"]) | {"of", "in"}
    return held, re.compile(r"\s*(?:" + listed(res.holdings["per_share_words"]) + r")\b", re.I)


def _of_shares(text: str, fig: Figure, res: Resources) -> bool:
    """Whether the figure counts shares, is a share's price or a percent of shares (by the words after it)."""
    held, per_share = _words(res)
    if fig.kind == "money":  # "sold 662 shares at a price of $717.1006 per share": the share's price, not an EPS
        return per_share.match(text, fig.end) is not None and _TRADED_AT.search(text, max(0, fig.start - 20),
                                                                                   fig.start) is not None
    if fig.kind not in ("count", "percent"):
        return False
    words = [w.lower() for w in _WORD.findall(text[fig.end:fig.end + 60])[:6]]
    for w in words:
        if w in _SHARE_WORDS:
            return True
        if w not in held:
            return False
    return False


@lru_cache(maxsize=4)
def _personal_words(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.holdings["personal_money_words"]) + r")\b", re.I)


def _personal(text: str, fig: Figure, res: Resources) -> bool:
    """Whether the figure's sentence is about the officer's own money: pay, wealth, a trade or a holding."""
    start = max(text.rfind(". ", 0, fig.start), text.rfind("\n", 0, fig.start)) + 1
    end = min((i for i in (text.find(". ", fig.end), text.find("\n", fig.end)) if i >= 0), default=len(text))
    return _personal_words(res).search(text, start, end) is not None


def insider_owner(text: str, fig: Figure, cands: list, best, topic: Mention | None, main: Mention | None,
                  res: Resources):
    """The story's company where the head gave a share count, a share's price or a percent of shares to a person,
    an office or a name no list knows (module doc); else `best`."""
    if best is None or best.kind not in _HOLDER_KINDS or not _of_shares(text, fig, res) or not _holder(text, best, fig, res):
        return best
    owner = topic if topic is not None and topic.kind in _TOPIC_KINDS else main
    if owner is None or owner.kind not in _COMPANY_KINDS and owner is not topic:
        return best
    if (best.entity_id or best.entity) in {(m.entity_id or m.entity) for m in (topic, main) if m is not None}:
        return best  # the story's company itself, a name no list knows: "Monolithic Power Systems"
    return opener_candidate(owner, cands)


def officer_owner(subject: Mention | None, text: str, fig: Figure, topic: Mention | None, main: Mention | None,
                  res: Resources) -> Mention | None:
    """The story's company where the subject is an officer no list knows as a company, titled in its paragraph
    ("Lesley Gibson, CFO, reported a 3.6% increase in NOI"), and the sentence is not about the officer's own money
    (module doc); else `subject`."""
    if subject is None or not (subject.kind in _HOLDER_KINDS or subject.source == "name") or subject.start < 0:
        return subject
    title = _titled(text, subject, fig, _roles(res)[1])
    if title is None or _personal(text, fig, res) or _outside(title, res):
        return subject
    owner = topic if topic is not None and topic.kind in _TOPIC_KINDS else main
    if owner is None or owner.kind not in _COMPANY_KINDS and owner is not topic or (owner.entity_id or owner.entity) == (
            subject.entity_id or subject.entity):
        return subject
    named = _TITLE_ORG.search(title)  # "director of brewing operations for Pinthouse Pizza": another company's officer
    if named and named.group(1) not in owner.entity and named.group(1) not in owner.text:
        return subject
    return owner


_TITLE_ORG = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?([A-Z][\w&'-]*)")


@lru_cache(maxsize=4)
def _outside_roles(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.holdings["outside_roles"]) + r")\b", re.I)


def _outside(title: str, res: Resources) -> bool:
    """Whether the title is an outsider's who comments on the company (holdings.yaml `outside_roles`: an economist,
    an analyst), not an officer's."""
    return _outside_roles(res).search(title) is not None
