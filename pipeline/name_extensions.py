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


def _extends(chunk: str, name: str) -> bool:
    """Whether `chunk` is `name` with a plural ending or more words after it."""
    if not name or len(name) < 3 or len(chunk) <= len(name) or not chunk.startswith(name):
        return False
    tail = chunk[len(name):]
    return tail in ("s", "es") or bool(re.match(r"\s+\S", tail))


def extended_owner(cands: list, best):
    """The candidate whose name the chosen unknown name chunk opens with (the longest such name), else `best`."""
    if best is None or best.source != "name" or best.kind != "name":
        return best
    owners = [c for c in cands if c is not best and _extends(best.entity, c.entity)]
    return max(owners, key=lambda c: len(c.entity)) if owners else best
