"""The part a figure is about, read from the dependency parse of its sentence (with --parse).

The word patterns of `measured_parts.py` and `segment_frames.py` read a part from the words next to the
figure; the parse reaches the noun the figure measures where other words stand between:

- the figure modifies the noun: "launched a $24 million fintech fund", "the country's $67 billion
  infrastructure gap";
- the figure is the noun's `of` object: "investment and other income of 18.4 mln dlrs";
- the figure is what the noun's verb reached or moved by: "performance fees dropped to 17.3%", "its
  commercial real estate loans, which increased by $20.1 million", "Total M2 rose 2.0 pct";
- the noun stands before the figure on "be": "Light Louisiana Sweet crude is now 19.35 dollars".

The part is then that noun's modifiers (compound, amod, nmod) less the whole's words (segments.yaml's
`generic_words` and `measure_modifiers`: "net", "quarterly", "adjusted"), the owner's name and time words; or a
place or business it is "in", "at" or "from" ("revenue in North America"), or the partner of a balance
("deficit with Japan"). The noun alone is no part: "the $5 billion deal" names what the figure is, not a part.

Pure functions over `parse.Parsed`; the cases are in tests/test_parsed_parts.py.
"""
from __future__ import annotations

from .measured_parts import PartWords
from .parse import Parsed

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_FIGURE_ON_NOUN = frozenset({"compound", "nmod", "amod", "nummod", "quantmod"})
_VERB_ARGS = frozenset({"dobj", "attr", "npadvmod", "advmod", "acomp", "oprd"})
_MOVE_PREPS = frozenset({"to", "by", "at", "of"})
_PLACE_PREPS = frozenset({"in", "at", "from"})
_PART_NOUNS = frozenset({"business", "businesses", "segment", "segments", "division", "divisions", "unit", "units",
                         "arm", "operations", "subsidiary", "portfolio", "category"})
_BALANCES = frozenset({"deficit", "deficits", "surplus", "surpluses", "trade", "balance", "imbalance"})


def _figure_root(p: Parsed, start: int, end: int) -> int:
    """The token of the figure whose head lies outside it ("$" of "$24 million"); -1 when none is parsed."""
    toks = p.tokens_in(start, end)
    inside = set(toks)
    for i in toks:
        if p.heads[i] not in inside or p.heads[i] == i:
            return i
    return -1


def _children(p: Parsed, i: int) -> list[int]:
    return [j for j in range(len(p)) if p.heads[j] == i and j != i]


def _is_noun(p: Parsed, i: int) -> bool:
    return p.tags[i].startswith("NN")


def _subject(p: Parsed, verb: int) -> int:
    """The verb's subject; a relative clause's noun ("loans, which increased"); -1 for none."""
    for j in _children(p, verb):
        if p.deps[j] in ("nsubj", "nsubjpass"):
            if p.tags[j] in ("WDT", "WP") and p.deps[verb] == "relcl" and _is_noun(p, p.heads[verb]):
                return p.heads[verb]
            return j
    if p.deps[verb] == "relcl" and _is_noun(p, p.heads[verb]):
        return p.heads[verb]
    return -1


def measured_noun(p: Parsed, start: int, end: int) -> int:
    """The index of the noun the figure at [start, end) measures, or -1."""
    r = _figure_root(p, start, end)
    if r < 0 or p.heads[r] == r:
        return -1
    head, dep = p.heads[r], p.deps[r]
    if dep in _FIGURE_ON_NOUN and _is_noun(p, head):
        return head  # "a $24 million fintech fund"
    if dep == "pobj" and p.words[head].lower() in _MOVE_PREPS:
        prep, up = head, p.heads[head]
        if p.words[prep].lower() == "of" and _is_noun(p, up):
            return up  # "income of 18.4 mln dlrs"
        head, dep = up, p.deps[prep]
        if p.words[prep].lower() == "of":
            return -1
    elif dep not in _VERB_ARGS:
        return -1
    if not p.tags[head].startswith("VB"):
        return -1
    noun = _subject(p, head)
    return noun if noun >= 0 and _is_noun(p, noun) else -1


def _words_of(p: Parsed, i: int, skip: frozenset[int]) -> list[int]:
    """Token `i` with its compounds, in order."""
    out = [i]
    for j in _children(p, i):
        if p.deps[j] == "compound" and j not in skip:
            out.extend(_words_of(p, j, skip))
    return sorted(out)


def _plain(word: str) -> str:
    return word.lower().strip(".'’-")


def parsed_part(p: Parsed, start: int, end: int, words: PartWords, entity_words: frozenset[str]) -> str:
    """The part the figure at [start, end) of the parsed text is about, or ""."""
    noun = measured_noun(p, start, end)
    if noun < 0:
        return ""
    figure = frozenset(p.tokens_in(start, end))

    def whole(i: int) -> bool:
        low = _plain(p.words[i])
        return not low or low in words.whole or low in entity_words or low in words.time or \
            low in words.stop or not any(c.isalpha() for c in low) or \
            all(part in words.whole or part in entity_words or not part.isalpha() for part in low.split("-"))

    kids = _children(p, noun)
    for j in kids:  # "revenue in North America", "sales at its cloud unit", "deficit with Japan"
        prep = _plain(p.words[j])
        if p.deps[j] != "prep" or not (prep in _PLACE_PREPS or prep == "with" and _plain(p.words[noun]) in _BALANCES):
            continue
        objs = [k for k in _children(p, j) if p.deps[k] == "pobj"]
        if not objs:
            continue
        obj = objs[0]
        named = _words_of(p, obj, figure)
        if p.tags[obj] == "NNP" and not whole(obj):
            text = " ".join(p.words[k] for k in named)
            return f"with {text}" if prep == "with" else text
        if _plain(p.words[obj]) in _PART_NOUNS:
            mods = [k for k in _children(p, obj) if p.deps[k] in _MODIFIER_DEPS and k not in figure and not whole(k)]
            if mods:
                return " ".join(p.words[k] for k in sorted(k2 for m in mods for k2 in _words_of(p, m, figure)))
    mods = sorted(k for j in kids if p.deps[j] in _MODIFIER_DEPS and j not in figure
                  for k in _words_of(p, j, figure) if k not in figure)
    while mods and whole(mods[0]):
        mods = mods[1:]
    while mods and whole(mods[-1]):
        mods = mods[:-1]
    if not mods or mods[-1] - mods[0] + 1 != len(mods):
        return ""
    if mods[-1] + 1 == noun and not whole(noun):
        mods.append(noun)  # "fintech fund", "performance fees"; not "sales" of "digital sales"
    return " ".join(p.words[k] for k in mods)
