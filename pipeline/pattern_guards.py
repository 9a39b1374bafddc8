"""Cheap exact tests that spare a slow pattern a text or a position where it cannot match.

`may_match`: the literals one of which every match holds (`lowered.required_literals`) are not in the window, so
the pattern is not run over it. `opening_guard`: a lookahead of the characters every match of a pattern opens with,
set before each branch of a long alternation (the calendar scanner's), so that a branch fails at once where its
first character cannot stand instead of being tried through its words.
"""
from __future__ import annotations

import re
try:  # the regex parser's modules: re._parser from Python 3.11, sre_parse before (pyproject allows 3.10)
    from re import _constants as c, _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from .lowered import lowered_for_ascii_pattern, required_literals


def _guard_of(rx: re.Pattern) -> tuple[tuple[str, ...], bool]:
    """`rx`'s required literals and whether they are to be looked for in lowered text (a case-insensitive
    pattern whose literals are ASCII: they are lowered); () where none is found."""
    if rx.flags & re.VERBOSE or not isinstance(rx.pattern, str):
        return (), False
    # parts under inline flags ("(?-i:...)") are never counted; a leading "(?i)" is the flags' (rx.flags)
    literals = required_literals(rx.pattern.removeprefix("(?i)"))
    if not rx.flags & re.IGNORECASE:
        return literals, False
    if not all(lit.isascii() for lit in literals):
        return (), False
    return tuple(sorted({lit.lower() for lit in literals})), True


# id(pattern) -> (pattern, literals, lowered): a pattern's hash reads its whole compiled code, too slow for a
# test run per figure; the pattern itself is kept, so that its id is not reused
_GUARDS: dict[int, tuple[re.Pattern, tuple[str, ...], bool]] = {}


def may_match(rx: re.Pattern, window: str) -> bool:
    """False only where `rx` cannot match inside `window` (the text its search, match or finditer spans): the window
    holds none of the literals one of which every match holds (`required_literals`; lowered for a case-insensitive
    pattern, as `lowered_for_ascii_pattern` allows). A cheap exact test before a slow pattern."""
    guard = _GUARDS.get(id(rx))
    if guard is None or guard[0] is not rx:
        guard = _GUARDS[id(rx)] = (rx, *_guard_of(rx))
    _, literals, lowered = guard
    if not literals:
        return True
    if lowered:
        window = lowered_for_ascii_pattern(window)
        if window is None:
            return True
    return any(map(window.__contains__, literals))


_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
               c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)


def _class_items(items) -> set[str] | None:
    """A character class's items as class source; None for a negated class or an item not read here."""
    out = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is c.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            return None
    return out


def _first(items) -> tuple[set[str], bool] | None:
    """(the class items a match of the sequence `items` may open with, whether it may match the empty string);
    None where that is not read here (a backreference, a conditional, a negated class, "." ...)."""
    first: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is c.LITERAL:
            sub = ({re.escape(chr(av))}, False)
        elif op is c.IN:
            chars = _class_items(av)
            sub = (chars, False) if chars else None
        elif op is c.SUBPATTERN:
            sub = _first(av[3]) if not av[1] and not av[2] else None  # inline flags inside: not read
        elif op is c.BRANCH:
            subs = [_first(b) for b in av[1]]
            sub = None if any(s is None for s in subs) else (set().union(*(s[0] for s in subs)),
                                                             any(s[1] for s in subs))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _first(av[2])
            sub = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        first |= sub[0]
        if not sub[1]:
            return first, False
    return first, True


def opening_guard(pattern: str) -> str:
    """A lookahead of the characters every match of `pattern` opens with, to set before it in a pattern compiled with
    the same flags (a case-insensitive one folds the lookahead's characters as it folds the pattern's); "" where
    they are not read here or the pattern may match the empty string.

    >>> opening_guard(r"\\b(?:the\\s+)?(?:march|may)\\b")
    '(?=[mt])'
    """
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - an internal parser that changed: no guard
        return ""
    if parsed.state.flags & re.VERBOSE:
        return ""
    found = _first(parsed.data)
    if found is None or found[1] or not found[0]:
        return ""
    return "(?=[" + "".join(sorted(found[0])) + "])"
