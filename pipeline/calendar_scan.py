"""`find_calendar`: the calendar expressions of a text, found and resolved in three steps: the scanner
(pipeline/calendar_grammar.py) is tried where a token can open an atom, each match becomes a node
(pipeline/calendar_atoms.py; a reporting expression is resolved by pipeline/reporting_periods.py), and
the rules (pipeline/calendar_rules.py) join neighbouring nodes before each is resolved to a `Span`.
"""
from __future__ import annotations

import re
from datetime import date

from .calendar_atoms import Atoms
from .calendar_resolve import resolve_cal, span_of
from .calendar_rules import combine
from .calendar_spans import Ctx, Fix, Node, is_cal, span_of_period
from .reporting_periods import ANCHORED, resolve_reporting
from .token_scan import TokenScan


def find_calendar(text: str, ref: date | None, prefer: str, g, fy_end_month: int = 12) -> list[tuple[int, int, object]]:
    """Calendar expressions in `text` as (start, end, Span), or (start, end, match) for a reporting
    expression still to resolve in order (one anchored to the period before it, or one that needs it)."""
    ctx = Ctx(ref, prefer, g) if ref is not None else None
    nodes = _scan(text, ref, prefer, g, ctx, fy_end_month)
    if ctx is not None:
        nodes = combine(nodes, text, ctx)
    return _resolved(nodes, prefer, g, ctx)


def _scan(text: str, ref: date | None, prefer: str, g, ctx: Ctx | None, fy_end_month: int) -> list[Node]:
    """The atoms of `text`, tried only where a token can open one; a reporting expression is resolved at
    once unless it is anchored to the period before it."""
    atoms = Atoms(g, ctx)
    nodes: list[Node] = []
    scan = TokenScan(text, g.starts, g.pattern.match)
    for m in scan:
        n = atoms.node(m, text)
        if n is None:  # a rejected atom may hide another one inside it ("1-8 september"): go on word by word
            continue
        scan.pos = m.end()
        if text[n.e - 1] == "." and re.search(r"[a-z]{5,}\.$|\b(?:may|june|july)\.$", text[n.s:n.e], re.I):
            n.e -= 1  # "in January.": the full stop ends the sentence, not an abbreviation
        if n.kind.startswith("reporting:"):
            kind = n.kind[len("reporting:"):]
            sp = span_of_period(resolve_reporting(kind, m, ref, fy_end_month, None, prefer)) if kind != ANCHORED else None
            if sp is not None:
                n = Node(n.s, n.e, Fix(sp), sp.grain)
        nodes.append(n)
    return nodes


def _resolved(nodes: list[Node], prefer: str, g, ctx: Ctx | None) -> list[tuple[int, int, object]]:
    out = []
    for n in nodes:
        if isinstance(n.v, re.Match):
            out.append((n.s, n.e, n.v))
            continue
        if ctx is None:
            sp = n.v.span if isinstance(n.v, Fix) else (resolve_cal(n.v, Ctx(date.min, prefer, g)) if is_cal(n.v, "y") else None)
        else:
            sp = span_of(n.v, ctx)
        if sp is not None:
            out.append((n.s, n.e, sp))
    return out
