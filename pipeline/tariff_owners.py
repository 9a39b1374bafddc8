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
from .word_patterns import listed, names_pattern

RULE = "tariff_owners.v1"


@lru_cache(maxsize=4)
def _tariff_rx(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words after a tariff's rate, before it, and before its target: subjects.yaml `tariff_nouns`,
    `tariff_modifiers`, `tariff_targets`."""
    words = res.subject_words
    nouns = listed(words["tariff_nouns"])
    # "[[25%]] tariffs", "a [[10%]] duty", "[[25%]] Steel, Aluminum Tariffs", "tariffs from 10 percent to [[25 percent]]"
    after = re.compile(r"\s*(?:(?:-|\s)?(?:" + listed(words["tariff_modifiers"]) + r"|[A-Z][\w-]*,?|and)\s+){0,4}(?:"
                       + nouns + r")\b", re.I)
    before = re.compile(r"\b(?:" + nouns + r")\s+(?:(?:rate\s+)?(?:of|at|to|from)|from\s+\S+\s+(?:percent|pct|%)?\s*to)"
                        r"\s+$", re.I)
    target = re.compile(r"\b(?:" + listed(words["tariff_targets"]) + r")\s+(?:the\s+)?(?:goods\s+from\s+)?$", re.I)
    return after, before, target


@lru_cache(maxsize=4)
def _governments(res: Resources) -> tuple[re.Pattern | None, dict[str, str]]:
    return names_pattern(res.subject_words.get("governments") or {}, r"(?:['’]s)?")


def is_tariff_rate(text: str, fig_start: int, fig_end: int, sent_start: int, res: Resources) -> bool:
    """Whether the figure is the rate of a tariff or duty ("25% tariffs", "tariffs from 10 percent to 25 percent")."""
    after, before, _ = _tariff_rx(res)
    return bool(after.match(text, fig_end) or before.search(text, max(sent_start, fig_start - 60), fig_start))


def tariff_owner(text: str, fig, sent_start: int, cands: list, best, res: Resources):
    """The country that imposes the tariff whose rate `fig` (a Figure) is, as a candidate; else `best`."""
    fig_start, fig_end = fig.start, fig.end
    if best is None or not is_tariff_rate(text, fig_start, fig_end, sent_start, res):
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
    target = _tariff_rx(res)[2]
    found = [f for f in found if not target.search(text, max(sent_start, f[1] - 25), f[1])]
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
