"""The chance that a conflict is real: a logistic head over what the two reports show (issue 16).

A conflict a reviewer can use needs both claims right and about one fact. The claims' own
confidence says little of that (on the audits its bands held 24%, 13% and 23% real: flat), but
the pair does: a consensus quoted twice for one company's results was real in about half the
audited pairs, a market quote's level (a moment of a session) in 3 of 206, a holder's stake in
none of 39; a small gap is more often one figure written two ways than a big one; a figure in a
sentence that also holds its year-ago value, or among many numbers, is more often the wrong one.
A quote both reports place in the extended session ("down 12% in post-market trading", "fall 10% after
hours") is one moment, not two snapshots: the 4 such audited pairs were all real.
The head is fitted on the judged conflicts of `bench/conflict_audit/` (sessions 7-22: 1,006 distinct
pairs read against GUIDE.md, 159 real) by scripts/train_conflict_gate.py, which also sets the threshold: the
least chance at which the pairs of the latest audits (sessions 16-22), each scored by a head fitted without
the round that first drew it, were at least 80% real (0.55: 87 of 106). Conflicts under it stay out of the
conflicts table, and their fact's status says `doubtful`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping

import numpy as np

from .heads import fitted_head
from .word_patterns import whole_words

HEAD_FILE = "heads/conflict_gate.npz"
FAMILIES = ("results", "growth", "move", "quote", "holding", "economy", "other")
FEATURES = ("estimate", *(f"family_{f}" for f in FAMILIES), "same_day", "log_days", "log_gap",
            "named_both", "named_neither", "prior_words", "numbers", "day_period", "listed", "extended_both")
_NUMBER = re.compile(r"\d[\d,.]*")
_NAME_WORD = re.compile(r"[A-Z][\w&'.-]+")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class ConflictCues:
    """models/lexicons/conflict_gate.yaml: each metric's family and the words of a prior value."""

    family_of: Mapping[str, str]
    prior_words: re.Pattern


def load_conflict_cues(path: Path, metrics: Mapping, read_yaml: Callable, fail: Callable) -> ConflictCues:
    data = read_yaml(path)
    family_of = {}
    for family, names in data["families"].items():
        unknown = [m for m in names if m not in metrics]
        if family not in FAMILIES or unknown:
            raise fail(path, f"`families` needs families of {', '.join(FAMILIES[:-1])} listing metrics.yaml's "
                             f"metrics (got {family!r}; unknown metrics: {unknown})")
        family_of.update(dict.fromkeys(names, family))
    return ConflictCues(family_of, whole_words((str(w).lower() for w in data["prior_words"]), ignore_case=False))


@dataclass(frozen=True)
class SentenceCues:
    """What one claim's sentence tells the gate."""

    named: bool  # a capitalised word of the entity's name is in the sentence
    prior: bool  # a prior value's words ("a year earlier", "versus")
    numbers: int  # how many numbers the sentence holds
    listed: bool  # a line of a list or table ("* Year-to-date it is down 5.20%", "| Revenue |")
    extended: bool = False  # its basis (basis.yaml) is the extended session: "down 12% in post-market trading"


def sentence_cues(sentence, entity, cues: ConflictCues) -> SentenceCues:
    """
    >>> c = ConflictCues({}, re.compile(r"(?<![\\w-])(?:a year earlier|from)(?![\\w-])"))
    >>> sentence_cues("Kraft Heinz sales fell to $6.58 billion from $6.86 billion a year earlier.", "Kraft Heinz", c)
    SentenceCues(named=True, prior=True, numbers=2, listed=False, extended=False)
    >>> sentence_cues("* Year-to-date it is down 5.20%", "Front Month Nymex Natural Gas", c)
    SentenceCues(named=False, prior=False, numbers=1, listed=True, extended=False)
    """
    text = sentence if isinstance(sentence, str) else ""
    words = [w.lower() for w in _NAME_WORD.findall(entity if isinstance(entity, str) else "") if len(w) > 2]
    low = text.lower()
    return SentenceCues(named=bool(words) and any(w in low for w in words), prior=bool(cues.prior_words.search(low)),
                        numbers=len(_NUMBER.findall(text)), listed=text.lstrip().startswith(("|", "*")))


def pair_features(family: str, modality: str, value_a: float, value_b: float, days_apart: int, period_label: str,
                  a: SentenceCues, b: SentenceCues) -> tuple[float, ...]:
    """The feature row of one conflict, in FEATURES order (symmetric in its two reports)."""
    f = dict.fromkeys(FEATURES, 0.0)
    f["estimate"] = float(modality == "estimate")
    f[f"family_{family if family in FAMILIES else 'other'}"] = 1.0
    f["same_day"] = float(days_apart == 0)
    f["log_days"] = math.log1p(max(days_apart, 0))
    big = max(abs(value_a), abs(value_b)) or 1.0
    f["log_gap"] = math.log10(max(abs(value_a - value_b) / big, 1e-4))
    f["named_both"] = float(a.named and b.named)
    f["named_neither"] = float(not a.named and not b.named)
    f["prior_words"] = float(a.prior or b.prior)
    f["numbers"] = min(max(a.numbers, b.numbers), 12) / 12
    f["day_period"] = float(bool(_DAY.fullmatch(period_label or "")))
    f["listed"] = float(a.listed or b.listed)
    # a quote both reports place in the extended session is one moment, not a snapshot of two (GUIDE.md)
    f["extended_both"] = float(family in ("move", "quote") and a.extended and b.extended)
    return tuple(f[k] for k in FEATURES)


@dataclass(frozen=True, eq=False)
class ConflictGate:
    coef: np.ndarray
    intercept: float
    threshold: float

    def chance(self, row: tuple[float, ...]) -> float:
        return round(1.0 / (1.0 + math.exp(-(float(np.dot(self.coef, row)) + self.intercept))), 3)


@lru_cache(maxsize=4)
def load_gate(models_dir: Path) -> ConflictGate | None:
    """models/heads/conflict_gate.npz when it was fitted on these features, else None (no gate)."""
    data = fitted_head(models_dir, HEAD_FILE, FEATURES)
    if data is None:
        return None
    return ConflictGate(data["coef"].astype(np.float64), float(data["intercept"]), float(data["threshold"]))


def pair_scorer(df, res) -> tuple[Callable[[int, int, float, float, int], float], float] | None:
    """(chance of the pair of rows a, b of `df` with values va, vb `days` apart, threshold), or None when no
    head is fitted or `df` lacks the sentence cues (a claims table written before them)."""
    gate = load_gate(res.models_dir)
    if gate is None or "numbers" not in df.columns:
        return None
    family_of = res.conflict_cues.family_of
    metric, modality = df["metric"].to_numpy(object), df["modality"].fillna("").to_numpy(object)
    label = df["period_label"].fillna("").to_numpy(object)
    named, prior, listed = (df[c].fillna(False).astype(bool).to_numpy() for c in ("entity_named", "prior_words", "listed"))
    numbers = df["numbers"].fillna(0).astype(int).to_numpy()
    extended = (df["basis"] == "extended").to_numpy() if "basis" in df.columns else np.zeros(len(df), bool)

    def cues(i: int) -> SentenceCues:
        return SentenceCues(bool(named[i]), bool(prior[i]), int(numbers[i]), bool(listed[i]), bool(extended[i]))

    def chance(a: int, b: int, va: float, vb: float, days: int) -> float:
        return gate.chance(pair_features(family_of.get(metric[a], "other"), modality[a], va, vb, days, label[a],
                                         cues(a), cues(b)))
    return chance, gate.threshold
