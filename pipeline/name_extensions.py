"""A name no list knows that is a known candidate's name with words after it is that candidate's figure.

"the number of Teslas in Norway surged by more than 25%", "You can buy a Sonos Sub ($700)", "IRCTC Q3
results: Net profit jumps 14%", "Hulu Live TV: $44 per month": read by capitalisation, the owner's name
runs on into a plural, a product, a period or a service, and the chunk ("Teslas", "Sonos Sub") is a name
no list or article knows. A product's or a service's price is its maker's (guide 3.8; the product is the
segment), a plural of a company's name counts its products: the candidate the chunk opens with, known
to the gazetteer, the article, the headline or the discourse, owns the figure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources


@lru_cache(maxsize=4)
def _unit_words(res: Resources) -> frozenset[str]:
    """Words after a company's name that make it a unit of its own, no product: the gazetteer's countries and
    their aliases ("Apple Australia", "Alcan Australia") and the company suffixes ("Acme Holdings")."""
    words = {a.lower() for e in res.entries if e.kind == "country" for a in (e.name, *e.aliases)}
    words.update(str(x).lower().rstrip(".") for x in res.entity_rules["company_suffixes"])
    return frozenset(words)


def _extends(chunk: str, name: str, res: Resources) -> bool:
    """Whether `chunk` is `name` with a plural ending or more words after it, not a place or a company suffix."""
    if not name or len(name) < 3 or len(chunk) <= len(name) or not chunk.startswith(name):
        return False
    tail = chunk[len(name):]
    if tail in ("s", "es"):
        return True
    return bool(re.match(r"\s+\S", tail)) and tail.strip().lower().rstrip(".") not in _unit_words(res)


def extended_owner(cands: list, best, res: Resources):
    """The candidate whose name the chosen unknown name chunk opens with (the longest such name), else `best`."""
    if best is None or best.source != "name" or best.kind != "name":
        return best
    owners = [c for c in cands if c is not best and _extends(best.entity, c.entity, res)]
    return max(owners, key=lambda c: len(c.entity)) if owners else best


_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def extended_name(cands: list, subject, sent_start: int, fig_start: int, res: Resources) -> str:
    """The product a figure's owner was read from: the name no list knows, in the figure's sentence before it, that
    the owner's name runs on into with more words ("Sonos Sub" for Sonos), else "". A plural ("Teslas") counts
    the owner's products, no one product."""
    if _INITIALS.match(subject.text):
        return ""  # "B.C. Resources": initials run on into a name of its own, no product
    chunks = [c for c in cands if c.source == "name" and c.kind == "name" and sent_start <= c.start < fig_start
              and _extends(c.entity, subject.text, res) and re.match(r"\s+\S", c.entity[len(subject.text):])]
    return max(chunks, key=lambda c: c.start).entity if chunks else ""
