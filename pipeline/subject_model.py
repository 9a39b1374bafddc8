"""Subject resolution where the rules run out (issue 8): rank a figure's candidate subjects.

The rules (`claims.choose_subject`) take a figure's subject from its own clause when they
can; when they fall back on the sentence at large or on the article's main company while
the sentence names other entities, the claim carries its candidates
(`Claim.subject_candidates`). This stage scores each candidate with a small trained head
(`scripts/train_subject_head.py`, weights in `models/heads/subject_head.npz`) over
features of where the candidate stands relative to the figure (before or after it, how
far, behind a preposition, owning another figure), what kind of entity it is and whether
the headline names it. The head's pick replaces the rules' only when it is likelier by the
head's margin; the claim then records `entity_source = "model"`. It runs with the
transformer stage (and is skipped with it, `--no-model`).

Why no transformer feature: the cosine between the encoder's contextual vectors of a
candidate's words and the figure's got a negative weight and no gain in cross-validation,
and the encoder's attention from the figure to each candidate, which alone beat the rules,
added nothing to these features (bench/RESULTS.md); the encoder pass per sentence cost
about 19% of throughput. A hand-written ranker would be one more rule list; a learned one
weighs these cues from labeled claims (tests/data/subject_train.jsonl,
SUBJECT_LABELING_GUIDE.md).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from .metric_model import locate_figure
from .records import Claim, Mention

log = logging.getLogger(__name__)

RULE = "subject_model.v1"
HEAD_FILE = "heads/subject_head.npz"
KINDS = ("company", "unit", "segment", "index", "group", "country", "person", "org", "regulator", "product")
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|from|with|than|by|into|in|on|of|like|such as|including|for|at|over|behind|"
                                 r"ahead of|and|or)\s+(?:the\s+)?$", re.I)
_VERB_AFTER = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:,[^,]{0,60},\s*)?(?:said|says|reported|posted|had|has|have|is|was|"
                         r"were|are|will|would|expects?|plans?|agreed|raised|cut|rose|fell|sold|bought|paid|earned|"
                         r"lost|made|set|announced|offered)\b", re.I)
_OWN_FIGURE = re.compile(r"(?:'s|’s)?\s*(?:[a-z-]+\s+){0,2}?(?:[$€£¥]|[A-Z]{2,3}\$?\s?)?\d")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s-\s|\bwhile\b|\bwhereas\b|\bbut\b")
FEATURES = ("rule", "main", "in_sentence", "before", "after", "distance", "first", "preposition", "possessive",
            "verb_after", "same_clause", "figure_between", "owns_figure", "in_title", "mentions", *(f"kind_{k}" for k in KINDS))


@dataclass(frozen=True, eq=False)
class SubjectHead:
    """A logistic scorer over candidate features (FEATURES), trained by scripts/train_subject_head.py."""

    coef: np.ndarray  # (features,)
    intercept: float
    mean: np.ndarray  # feature standardisation
    scale: np.ndarray
    margin: float  # how much likelier the head's pick must be than the rules'

    def scores(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=4)
def load_subject_head(models_dir: Path) -> SubjectHead | None:
    """models/heads/subject_head.npz when it was trained on these features, else None."""
    path = Path(models_dir) / HEAD_FILE
    if not path.exists():
        return None
    data = np.load(path, allow_pickle=False)
    if tuple(str(f) for f in data["features"]) != FEATURES:
        log.warning("subject stage: %s was trained on other features; stage skipped", path)
        return None
    return SubjectHead(data["coef"].astype(np.float64), float(data["intercept"]), data["mean"], data["scale"],
                       float(data["margin"]))


def grouped_candidates(claim: Claim) -> list[tuple[str, list[Mention], bool]]:
    """The claim's candidates by entity: (key, its mentions in the sentence, whether it is the main company)."""
    cands = claim.subject_candidates
    main = cands[-1] if cands and cands[-1].start < 0 else None
    groups: dict[str, list[Mention]] = {}
    for m in cands:
        if m.start >= 0:
            groups.setdefault(m.entity_id or m.entity, []).append(m)
    main_key = (main.entity_id or main.entity) if main is not None else None
    out = [(key, ms, key == main_key) for key, ms in groups.items()]
    if main is not None and main_key not in groups:
        out.append((main_key, [], True))
    return out


def _entity(claim: Claim, key: str) -> Mention:
    return next(m for m in claim.subject_candidates if (m.entity_id or m.entity) == key)


def _owns_other_figure(sentence: str, end: int, fs: int, fe: int) -> bool:
    """Whether a figure other than the claim's (at fs..fe) follows the mention ending at `end`."""
    m = _OWN_FIGURE.match(sentence, end, min(len(sentence), end + 30))
    return m is not None and not (fs <= m.end() - 1 < fe)


def structural_features(claim: Claim) -> tuple[list[str], np.ndarray]:
    """Candidate keys and their features (FEATURES) for one claim."""
    s = claim.sentence
    fs, fe = locate_figure(claim)
    groups = grouped_candidates(claim)
    title = claim.title.lower()
    rule_key = claim.entity_id or claim.entity
    first_start = min((ms[0].start for _, ms, _ in groups if ms), default=-1)
    rows = []
    for key, ms, is_main in groups:
        ent = _entity(claim, key)
        row = dict.fromkeys(FEATURES, 0.0)
        row["rule"] = float(key == rule_key or (bool(claim.entity) and ent.entity == claim.entity))
        row["main"] = float(is_main)
        row["mentions"] = float(len(ms))
        name = ent.entity.lower()
        row["in_title"] = float(bool(name) and (name in title or any(m.text.lower() in title for m in ms)))
        kind = ent.kind if ent.kind in KINDS else ""
        if kind:
            row[f"kind_{kind}"] = 1.0
        if ms and fs >= 0:
            near = min(ms, key=lambda m: min(abs(m.end - fs), abs(m.start - fe)))
            row["in_sentence"] = 1.0
            row["before"] = float(near.end <= fs)
            row["after"] = float(near.start >= fe)
            gap = s[near.end:fs] if near.end <= fs else s[fe:near.start]
            row["distance"] = float(np.log1p(len(gap))) / 5.0
            row["first"] = float(ms[0].start == first_start)
            row["preposition"] = float(bool(_PREPOSITION_BEFORE.search(s[max(0, near.start - 20):near.start])))
            row["possessive"] = float(any(m.possessive for m in ms))
            row["verb_after"] = float(bool(_VERB_AFTER.match(s[near.end:near.end + 90])))
            row["same_clause"] = float(not _CLAUSE_BREAK.search(gap))
            row["figure_between"] = float(any(ch.isdigit() for ch in gap))
            # "ahead of the Nasdaq's 20% gain": the mention has a figure of its own
            row["owns_figure"] = float(any(_owns_other_figure(s, m.end, fs, fe) for m in ms))
        rows.append([row[f] for f in FEATURES])
    return [key for key, _, _ in groups], np.asarray(rows, dtype=np.float64).reshape(len(groups), len(FEATURES))


def pick(head: SubjectHead, keys: list[str], x: np.ndarray) -> tuple[str, float] | None:
    """The head's candidate when it beats the rules' pick by the margin, with its score; else None."""
    p = head.scores(x)
    best = int(np.argmax(p))
    rule = [i for i in range(len(keys)) if x[i, FEATURES.index("rule")] > 0]
    rule_p = float(p[rule[0]]) if rule else 0.0
    if rule and best == rule[0]:
        return None
    if float(p[best]) - rule_p < head.margin:
        return None
    return keys[best], float(p[best])


def refine_subjects(claims: list[Claim], models_dir: Path) -> list[Claim]:
    """The claims, with the head's subject (entity_source "model") where it is surer than the rules'."""
    head = load_subject_head(models_dir)
    todo = [i for i, c in enumerate(claims) if c.subject_candidates]
    if head is None or not todo:
        return list(claims)
    out = list(claims)
    for i in todo:
        c = claims[i]
        picked = pick(head, *structural_features(c))
        if picked is None:
            continue
        ent = _entity(c, picked[0])
        out[i] = replace(c, entity=ent.entity, entity_id=ent.entity_id, entity_source="model",
                         segment=ent.parent if ent.kind == "segment" else c.segment,
                         rule=f"{c.rule}+{RULE}:{picked[1]:.3f}")
    return out
