"""Identity across a run: a company one article names with its ticker and another by its name alone
is one entity.

Inside an article, a name the gazetteer does not hold gets an id made from its words (a slug,
"pitney-bowes"), unless the article writes its ticker beside it ("Pitney Bowes (NYSE:PBI)"), which
then is its id. Two outlets reporting the same results often differ in just that, so their claims
fell into two facts and no disagreement between them could be seen: of issue 16's 31 labeled real
disagreements, 9 were split this way (bench/RESULTS.md, "Recall").

The run knows every (name, id) pair its articles gave. A slug id takes the one other id the run
gives the same name; where the run gives a name two or more other ids ("Delta" for two
companies), it stays as it was, since no article said which one it is.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

import pandas as pd


def slug(name: str) -> str:
    """The id a name gets when nothing else names it: its letters and digits, lower case, joined by '-'."""
    return _NOT_SLUG.sub("-", name.lower()).strip("-")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def shared_ids(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{slug id: the run's one other id for that name}, from the run's (entity, entity_id) pairs.

    >>> shared_ids([("Pitney Bowes", "pitney-bowes"), ("Pitney Bowes", "PBI"), ("Acme", "acme")])
    {'pitney-bowes': 'PBI'}
    >>> shared_ids([("Delta", "delta"), ("Delta", "DAL"), ("Delta", "DELTA.TA")])
    {}
    """
    others: dict[str, set[str]] = defaultdict(set)
    slugs: set[str] = set()
    for name, cid in pairs:
        if not name or not cid:
            continue
        key = slug(name)
        if cid == key:
            slugs.add(cid)
        elif key:
            others[key].add(cid)
    return {key: next(iter(ids)) for key, ids in others.items() if key in slugs and len(ids) == 1}


def entity_pairs(claims: pd.DataFrame) -> pd.DataFrame:
    """The distinct (entity, entity_id) pairs of a claims table, the input of `shared_ids`."""
    if claims.empty or "entity_id" not in claims.columns:
        return pd.DataFrame(columns=["entity", "entity_id"])
    return claims[["entity", "entity_id"]].fillna("").astype(str).drop_duplicates()


def with_shared_ids(claims: pd.DataFrame, ids: dict[str, str]) -> pd.DataFrame:
    """`claims` with each slug id in `ids` replaced by the id the run gives its name."""
    if not ids or claims.empty or "entity_id" not in claims.columns:
        return claims
    current = claims["entity_id"].fillna("").astype(str)
    return claims.assign(entity_id=current.map(ids).fillna(current))
