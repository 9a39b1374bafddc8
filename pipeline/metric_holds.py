"""Where the transformer stage leaves the rules' metric alone: a phrase that names it outright comes before the figure.

The stage (metric_model.py) reads the claims whose cue score is weak, and the cue score falls with the cue's
distance to the figure: "Adjusted net income grew from $32.4 million in Q3 to [[$41.3 million]]" scored 3.5, under
WEAK_CUE, and the stage read it as `other`. A phrase such as "net income" or "cash and cash equivalents" names its
metric whatever the distance; a generic word of the same cue ("income", "net", "cash") does not, and there the
stage stays useful ("Other income surged to Rs 509 crore", "$42 million in cash" are `other`). The phrases are
`rule_holds` in models/lexicons/metric_descriptions.yaml, per metric. A company's name and a move verb right before
a percent hold its price change the same way ("Alibaba Group rises 4.1%", `company_moves`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .models_yaml import fail, read_yaml
from .word_patterns import longest_first

HOLDS_FILE = "lexicons/metric_descriptions.yaml"
# How far before the figure a phrase still names it: a clause, "profit attributable to the owners fell to 40 million
# rupees in the fiscal third quarter from [[47.8 million rupees]]", not the sentence before a long list.
REACH = 120


@lru_cache(maxsize=4)
def load_holds(models_dir: Path, metric_names: tuple[str, ...]) -> Mapping[str, re.Pattern]:
    """Each metric's `rule_holds` phrases as one pattern; a metric not in the vocabulary or a bad pattern stops the load."""
    path = Path(models_dir) / HOLDS_FILE
    out = {}
    for metric, phrases in read_yaml(path)["rule_holds"].items():
        if metric not in metric_names:
            raise fail(path, f"rule_holds names {metric!r}, not a metric of metrics.yaml", ", ".join(metric_names))
        try:
            out[metric] = re.compile("|".join(f"(?:{p})" for p in phrases), re.I)
        except (re.error, TypeError) as exc:
            raise fail(path, f"rule_holds {metric!r} has a bad pattern ({exc})", "regular expressions") from exc
    return MappingProxyType(out)


def rule_holds(holds: Mapping[str, re.Pattern], metric: str, sentence: str, start: int) -> bool:
    """Whether a phrase of `metric` comes before the figure at `start` in `sentence`, within REACH characters.

    >>> holds = {"profit": re.compile(r"\\bnet income\\b", re.I)}
    >>> rule_holds(holds, "profit", "Net income grew from $3 million to $4 million.", 35)
    True
    >>> rule_holds(holds, "profit", "Its other income was $4 million.", 21)
    False
    """
    rx = holds.get(metric)
    return rx is not None and start >= 0 and rx.search(sentence, max(0, start - REACH), start) is not None


_QUOTED = frozenset({"company", "unit"})  # gazetteer kinds whose shares trade: another kind's move is no share's


@lru_cache(maxsize=4)
def _mover(res) -> tuple[re.Pattern, Mapping[str, str]]:
    """A named subject and its move verb right before the figure ("Alibaba Group rises", "Thai Beverage is up"),
    from metric_frames.yaml `move_verbs` and `move_qualifiers`; and each gazetteer id's kind."""
    frames = res.metric_frames
    verbs = longest_first(frames["move_verbs"], space=r"\s+")
    qualifiers = longest_first(frames["move_qualifiers"], space=r"\s+")
    rx = re.compile(r"(?P<name>(?:[A-Z][\w&.'’-]*\s+){1,5})(?:(?:shares?|stock)\s+)?"
                    rf"(?:(?:is|was|are|were)\s+)?(?:{verbs})\s+(?:(?:{qualifiers})\s+)?$")
    return rx, MappingProxyType({e.entity_id: e.kind for e in res.entries})


def company_moves(claim, res, start: int) -> bool:
    """Whether a price change's figure follows its own company's name and a move verb: "Alibaba Group rises [[4.1%]]",
    "Hain Celestial is off [[7%]] premarket" (the stage read such moves, no metric noun near them, as `other`; a
    country's or an index's "Singapore NODX up 2%" is not a company's, nor "Groceries up 0.5%" the entity's)."""
    if claim.metric != "price_change" or start < 0 or not claim.entity:
        return False
    rx, kinds = _mover(res)
    if kinds.get(claim.entity_id, "company") not in _QUOTED:
        return False
    m = rx.search(claim.sentence, max(0, start - 80), start)
    return m is not None and claim.entity.split()[0].lower() in m.group("name").lower()
