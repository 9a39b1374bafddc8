"""Where the transformer stage leaves the rules' metric alone: a phrase that names it outright comes before the figure.

The stage (metric_model.py) reads the claims whose cue score is weak, and the cue score falls with the cue's
distance to the figure: "Adjusted net income grew from $32.4 million in Q3 to [[$41.3 million]]" scored 3.5, under
WEAK_CUE, and the stage read it as `other`. A phrase such as "net income" or "cash and cash equivalents" names its
metric whatever the distance; a generic word of the same cue ("income", "net", "cash") does not, and there the
stage stays useful ("Other income surged to Rs 509 crore", "$42 million in cash" are `other`). The phrases are
`rule_holds` in models/lexicons/metric_descriptions.yaml, per metric.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

from .errors import MESSAGES, ModelsError

HOLDS_FILE = "lexicons/metric_descriptions.yaml"
# How far before the figure a phrase still names it: a clause, "profit attributable to the owners fell to 40 million
# rupees in the fiscal third quarter from [[47.8 million rupees]]", not the sentence before a long list.
REACH = 120


@lru_cache(maxsize=4)
def load_holds(models_dir: Path, metric_names: tuple[str, ...]) -> Mapping[str, re.Pattern]:
    """Each metric's `rule_holds` phrases as one pattern; a metric not in the vocabulary or a bad pattern stops the load."""
    path = Path(models_dir) / HOLDS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise _bad(path, f"cannot be read as YAML ({str(exc).splitlines()[0]})", "a YAML mapping") from exc
    out = {}
    for metric, phrases in (data.get("rule_holds") or {}).items():
        if metric not in metric_names:
            raise _bad(path, f"rule_holds names {metric!r}, not a metric of metrics.yaml", ", ".join(metric_names))
        try:
            out[metric] = re.compile("|".join(f"(?:{p})" for p in phrases), re.I)
        except (re.error, TypeError) as exc:
            raise _bad(path, f"rule_holds {metric!r} has a bad pattern ({exc})", "regular expressions") from exc
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


def _bad(path: Path, detail: str, valid: str) -> ModelsError:
    return ModelsError("E005", MESSAGES["E005"].format(path=path, detail=detail, valid=valid))
