"""Syntax: what a dependency parse says about a figure (pure functions over `parse.Parsed`).

A figure's tokens hang from one root token; walking up from it through the arcs that
carry a quantity (`pobj` of "of"/"to", `dobj`, `attr`, `npadvmod`, `nummod`...) reaches
the noun it measures ("revenue" in "revenue of $5 billion", "fall" in "a 12% fall") and
the verb that states it ("rose" in "sales rose 5%"); that verb's subject, the noun's
possessor and its `of`/`on`/`in` object are where a figure's owner is written. These
helpers name those places; `subjects` and `claims` decide what to make of them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .parse import Parsed

# arcs a figure climbs to reach the words that say what it measures
_UP = frozenset({"pobj", "prep", "dobj", "attr", "npadvmod", "nummod", "quantmod", "compound", "appos", "conj",
                 "advmod", "acomp", "oprd", "dep", "nmod", "amod", "pcomp", "cc", "punct", "nsubj", "nsubjpass",
                 "xcomp", "advcl", "relcl", "acl", "ccomp"})
_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PROPER = frozenset({"NNP", "NNPS"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
# words inside a proper name that are not capitalised ("Bank of America", "Johnson & Johnson")
_NAME_JOINERS = frozenset({"of", "&", "and", "de", "du", "der", "la", "van", "von", "-", "for"})


@dataclass(frozen=True)
class Anchor:
    """Where a figure stands in its parse: its root token, the noun it measures, the verb that states it."""

    root: int  # the figure's token whose head lies outside the figure
    noun: int  # the noun the figure measures, or -1
    verb: int  # the verb (or the root) that states it, or -1
    chain: tuple[int, ...]  # tokens from the root upward, the root first


def figure_root(p: Parsed, tokens: list[int]) -> int:
    """The figure's token whose head is outside the figure (the first one when several are)."""
    inside = set(tokens)
    for i in tokens:
        if p.heads[i] == i or p.heads[i] not in inside:
            return i
    return tokens[0]


def head_chain(p: Parsed, i: int, limit: int = 12) -> list[int]:
    """`i` and its heads up to the root (at most `limit` tokens)."""
    out = [i]
    while len(out) < limit and p.heads[out[-1]] != out[-1]:
        out.append(p.heads[out[-1]])
    return out


def anchor(p: Parsed, tokens: list[int]) -> Anchor:
    """The figure's root, the noun it measures and the verb that states it."""
    root = figure_root(p, tokens)
    inside = set(tokens)
    chain = head_chain(p, root)
    noun = verb = -1
    for k, t in enumerate(chain):
        if t in inside:
            continue
        tag = p.tags[t]
        if noun < 0 and tag in _NOUN_TAGS and p.deps[chain[k - 1]] in ("nummod", "quantmod", "compound", "amod", "pobj", "appos", "npadvmod", "dobj", "attr", "nsubj", "conj") and p.words[t].lower() not in ("%", "percent", "pct", "cent"):
            noun = t
        if tag in _VERB_TAGS or p.deps[t] == "ROOT":
            verb = t
            break
    if noun < 0 and verb >= 0:  # "Revenue rose 5%": the measured noun is the verb's subject
        subj = subject_of(p, verb)
        if subj >= 0 and p.tags[subj] in _NOUN_TAGS and p.tags[subj] not in _PROPER:
            noun = subj
    return Anchor(root, noun, verb, tuple(chain))


def children(p: Parsed, i: int) -> list[int]:
    return [j for j, h in enumerate(p.heads) if h == i and j != i]


def subject_of(p: Parsed, verb: int) -> int:
    """The subject of `verb`, or of the verb it is coordinated with ("rose 5% and was up 6%"); -1 when none."""
    v = verb
    for _ in range(3):
        for j in children(p, v):
            if p.deps[j] in _SUBJECT_ARCS:
                return j
        if p.deps[v] in ("conj", "xcomp", "advcl") and p.heads[v] != v:
            v = p.heads[v]
        else:
            break
    return -1


def path_arcs(p: Parsed, a: int, b: int) -> tuple[list[str], list[str]] | None:
    """The arcs from token a up to the lowest token that dominates both, then down to b; None across trees."""
    up_a = head_chain(p, a, 30)
    up_b = head_chain(p, b, 30)
    in_b = set(up_b)
    common = next((t for t in up_a if t in in_b), None)
    if common is None:
        return None
    ups = [p.deps[t] for t in up_a[:up_a.index(common)]]
    downs = [p.deps[t] for t in up_b[:up_b.index(common)]][::-1]
    return ups, downs


def path(p: Parsed, a: int, b: int) -> str:
    """The dependency path from token a to token b: arcs up from a, then down to b ('pobj^prep^dobj|nsubj')."""
    arcs = path_arcs(p, a, b)
    return "?" if arcs is None else "^".join(arcs[0]) + "|" + "v".join(arcs[1])


def span_head(p: Parsed, tokens: list[int]) -> int:
    """The token of a multi-token span whose head is outside it."""
    return figure_root(p, tokens)


def name_chunks(p: Parsed) -> list[tuple[int, int]]:
    """Runs of proper-noun tokens (with the joiners inside names) as token index ranges [i, j)."""
    out = []
    i, n = 0, len(p.words)
    while i < n:
        if p.tags[i] in _PROPER and p.words[i][:1].isalnum():
            j = i + 1
            while j < n:
                if p.tags[j] in _PROPER:
                    j += 1
                elif p.words[j].lower() in _NAME_JOINERS and j + 1 < n and p.tags[j + 1] in _PROPER:
                    j += 2
                else:
                    break
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def relation(p: Parsed, fig: Anchor, target: int) -> str:
    """How a token stands to a figure, in the few classes that say whose figure it is.

    poss: owns the measured noun or the figure ("Apple's revenue of $X", "Baidu's 7.7%");
    compound: names it ("Gucci sales of $X"); subject: the subject of the verb that states it
    ("Apple reported revenue of $X"); object: the `of`/`on`/`for`/`at`/`in` object of the measured
    noun ("a price target on DoorDash", "a stake in Kinark"); agent: "by X"; appos: the figure is
    in apposition to it; other: anything else in the sentence.
    """
    t_head = p.heads[target]
    dep = p.deps[target]
    owners = [t for t in (fig.noun, fig.root) if t >= 0]
    if dep == "poss" and (t_head in owners or t_head in fig.chain[:2]):
        return "poss"
    if dep == "compound" and t_head in owners:
        return "compound"
    if dep == "pobj" and p.heads[t_head] in owners and p.words[t_head].lower() in ("of", "on", "for", "at", "in", "from"):
        return "object"
    if dep in _SUBJECT_ARCS and fig.verb >= 0 and (t_head == fig.verb or t_head in fig.chain):
        return "subject"
    if dep == "pobj" and p.deps[t_head] == "agent":
        return "agent"
    if fig.root >= 0 and p.heads[fig.root] == target and p.deps[fig.root] == "appos":
        return "appos"
    return "other"


_CLAUSE_ARCS = frozenset({"advcl", "ccomp", "xcomp", "parataxis", "relcl", "acl"})


def path_features(f: dict, arcs) -> None:
    """Write the subject head's features of the dependency path from a figure to a candidate (`path_arcs`) into `f`."""
    if arcs is None:
        return
    ups, downs = arcs
    f["path_found"] = 1.0
    f["path_up"] = min(len(ups), 8) / 8.0
    f["path_down"] = min(len(downs), 6) / 6.0
    first = downs[0] if downs else ""
    f["down_subject"] = float(first in ("nsubj", "nsubjpass", "csubj"))
    f["down_object"] = float(first in ("dobj", "attr", "oprd", "dative"))
    f["down_prep"] = float(first == "prep")
    f["down_poss"] = float("poss" in downs)
    f["down_compound"] = float("compound" in downs or "nmod" in downs)
    f["down_conj"] = float("conj" in downs)
    f["down_appos"] = float("appos" in downs)
    f["ancestor"] = float(not downs)
    f["up_relcl"] = float("relcl" in ups or "acl" in ups)
    f["up_conj"] = float("conj" in ups)
    f["up_clause"] = float(any(u in _CLAUSE_ARCS for u in ups))
