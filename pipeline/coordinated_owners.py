"""Figures listed in parallel with their owners: each figure is its own name's (guide 3.3).

Two word orders give a list of figures a list of owners, and the ranker, which scores each
candidate against one figure, reads neither; the rules here override its pick:

- **"respectively"** (`respectively_owner`): "Sify Technologies and Infosys, which lost 3.4% and
  2%, respectively", "Futures on the Dow and Nasdaq 100 gained 0.8 percent and 1.1 percent
  respectively": the k-th figure of the coordinated figures is the k-th of the coordinated names
  before them.
- **A figure, then "for" or "in" its owner, item after item** (`trailing_owner`): "21% for Meta
  Platforms Inc. (META) and 18% for Pinterest Inc.", "6.8% in the Bahamas, 5.8% in Barbados and
  5.3% in Jamaica": each figure is the name after it, where the next or previous figure is
  written the same way and nothing else lies between the items.
"""
from __future__ import annotations

import re

RULE = "coordinated_owners.v1"

# what may stand between two coordinated items: commas, "and", "&", a semicolon, "while it was"
_JOINER = re.compile(r"[\s,;)]*(?:(?:and|&|or|while\s+(?:it|they)\s+(?:was|were))\s+)?[\s,;(]*")
# asides inside a list of names: a ticker in brackets, an exchange code, a wire code, the rest of a company's
# name after the words its mention covers ("Meta Platforms Inc. (META)", "Amazon.com Inc.")
_ASIDE = re.compile(r"\([^()\n]{0,40}\)|<[^<>\n]{0,20}>|\b[A-Z][A-Z0-9.]*:[A-Z0-9][\w.!=]*|^\.com\b|"
                    r"(?:^|\s)(?:[A-Z][a-z]+\s+)?(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|AG|SA|NV|SE|Group|Holdings)\b\.?")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_TRAILING_PREP = re.compile(r"\s*(?:for|in|at)\s+(?:the\s+)?")
_NAME_RUN = re.compile(r"(?:[A-Z][\w.&'’-]*\s+)*\(?")  # capitalised words before a name's ticker
_MODEL = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,}\b")  # a model's code: "S8", "5T", "X1"
_REACH = 300  # characters from a figure to its "respectively"


def _joined(text: str, start: int, end: int) -> bool:
    return _JOINER.fullmatch(_ASIDE.sub(" ", text[start:end])) is not None


def respectively_owner(text: str, fig_span: tuple[int, int], sentence_figures: list[tuple[int, int]], cands: list,
                       best, sent_start: int, sent_end: int):
    """The k-th coordinated name for the k-th coordinated figure before "respectively"; else `best`."""
    m = _RESPECTIVELY.search(text, fig_span[1], min(sent_end, fig_span[1] + _REACH))
    if m is None or best is None:
        return best
    figs = sorted(f for f in sentence_figures if f[0] < m.start())
    if fig_span not in figs:
        return best
    chain = [figs[-1]]  # the figures joined by "and" or commas, ending at the last before "respectively"
    for f in reversed(figs[:-1]):
        if not _joined(text, f[1], chain[0][0]):
            break
        chain.insert(0, f)
    if len(chain) < 2 or fig_span not in chain:
        return best
    names = sorted((c for c in cands if sent_start <= c.start and c.end <= chain[0][0]), key=lambda c: c.start)
    if not names:
        return best
    group = [names[-1]]
    for c in reversed(names[:-1]):
        if len(group) == len(chain) or c.end > group[0].start or not _joined(text, c.end, group[0].start):
            break
        group.insert(0, c)
    if len(group) != len(chain) or any(c.kind == "name" and _MODEL.search(c.entity) for c in group):
        return best  # "the Galaxy S8 and S8 Plus will retail for $720 and $840": models, whose maker owns the prices
    return group[chain.index(fig_span)]


def _link(text: str, fig_end: int, cands: list):
    """The candidate written right after a figure and "for"/"in" ("18% for Pinterest"), or None."""
    gap = _TRAILING_PREP.match(text, fig_end)
    if gap is None:
        return None
    # the candidate's kept mention may be a later part of the name: "for Meta Platforms Inc. (META)"
    return next((c for c in sorted(cands, key=lambda c: c.start) if gap.end() <= c.start <= gap.end() + 40
                 and _NAME_RUN.fullmatch(text, gap.end(), c.start)), None)


def trailing_owner(text: str, fig_span: tuple[int, int], sentence_figures: list[tuple[int, int]], cands: list, best):
    """The name after the figure in a list of "figure for name" items (module doc); else `best`."""
    if best is None:
        return best
    own = _link(text, fig_span[1], cands)
    if own is None:
        return best
    figs = sorted(sentence_figures)
    i = figs.index(fig_span) if fig_span in figs else -1
    if i < 0:
        return best
    if i > 0:  # "... 21% for Meta Platforms Inc. (META) and [18%] for Pinterest"
        prev = _link(text, figs[i - 1][1], cands)
        if prev is not None and prev is not own and _joined(text, prev.end, fig_span[0]):
            return own
    if i + 1 < len(figs):  # "[6.8%] in the Bahamas, 5.8% in Barbados"
        nxt = _link(text, figs[i + 1][1], cands)
        if nxt is not None and nxt is not own and _joined(text, own.end, figs[i + 1][0]):
            return own
    return best
