"""A tariff's rate is the country's that imposes it ("Trump imposes 25% tariffs on steel" is the United States').

A rate of a tariff or duty is a government's own figure, like a central bank's policy rate (guide 3):
not the goods it falls on ("steel"), the market that reacts ("Sensex"), nor the leader who signs it.
The imposer is the country, government or leader named before the figure in its sentence, not after
"on", "from" or "against" (the tariff's target: "a 10% duty on China", "goods from Canada"); a leader
or a capital stands for its country by `models/lexicons/subjects.yaml` `governments`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .subjects import FEATURES, Candidate
from .word_patterns import names_pattern

RULE = "tariff_owners.v1"

# "[[25%]] tariffs", "a [[10%]] duty", "[[25%]] Steel, Aluminum Tariffs", "tariffs from 10 percent to [[25 percent]]"
_AFTER = re.compile(r"\s*(?:(?:-|\s)?(?:ad valorem|import|retaliatory|reciprocal|punitive|additional|blanket|across-the-board|"
                    r"global|[A-Z][\w-]*,?|and)\s+){0,4}(?:tariffs?|duty|duties|levy|levies)\b", re.I)
_BEFORE = re.compile(r"\b(?:tariffs?|duty|duties|levy|levies)\s+(?:(?:rate\s+)?(?:of|at|to|from)|from\s+\S+\s+(?:percent|pct|%)?\s*to)"
                     r"\s+$", re.I)
_TARGET = re.compile(r"\b(?:on|from|against|of|to|into|for)\s+(?:the\s+)?(?:goods\s+from\s+)?$", re.I)


@lru_cache(maxsize=4)
def _governments(res: Resources) -> tuple[re.Pattern | None, dict[str, str]]:
    return names_pattern(res.subject_words.get("governments") or {}, r"(?:['’]s)?")


def is_tariff_rate(text: str, fig_start: int, fig_end: int, sent_start: int) -> bool:
    """Whether the figure is the rate of a tariff or duty ("25% tariffs", "tariffs from 10 percent to 25 percent")."""
    return bool(_AFTER.match(text, fig_end) or _BEFORE.search(text, max(sent_start, fig_start - 60), fig_start))


def tariff_owner(text: str, fig, sent_start: int, cands: list, best, res: Resources):
    """The country that imposes the tariff whose rate `fig` (a Figure) is, as a candidate; else `best`."""
    fig_start, fig_end = fig.start, fig.end
    if best is None or not is_tariff_rate(text, fig_start, fig_end, sent_start):
        return best
    rx, names = _governments(res)
    found = []  # (end, country name): imposers named before the figure, not as the tariff's target
    for c in cands:
        if c.kind == "country" and sent_start <= c.start and c.end <= fig_start:
            found.append((c.end, c.start, c.entity))
    if rx is not None:
        for m in rx.finditer(text, sent_start, fig_start):
            key = re.sub(r"['’]s$", "", m.group())
            found.append((m.end(), m.start(), names[key]))
    found = [f for f in found if not _TARGET.search(text, max(sent_start, f[1] - 25), f[1])]
    if not found:
        return best
    _, start, country = max(found)
    for c in cands:
        if c.entity == country and c.kind == "country":
            return c
    entry = res.alias_index.get(country)
    if entry is None:
        return best
    f = dict.fromkeys(FEATURES, 0.0)
    f["in_sentence"] = f["kind_country"] = f["src_gazetteer"] = f["before"] = 1.0
    end = start + len(country)
    return Candidate(entry.name, entry.entity_id, "country", "", "gazetteer", start, end, tuple(f[k] for k in FEATURES))
