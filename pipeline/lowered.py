"""Text and patterns in lower case: the cue patterns of models/ are compiled for lowercased text, which a
pattern without IGNORECASE scans about twice as fast, and a cue's required literals let a text that holds
none of them skip the pattern."""
from __future__ import annotations

import re
from functools import lru_cache


def lower_text(text: str) -> str:
    """`text` in lower case, character for character, so offsets into it are offsets into `text`.

    The cue patterns (`_compile_lower`) match this: a pattern without IGNORECASE over
    lowercased text runs twice as fast as IGNORECASE over the text as written.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # "İ" lowers to two characters


# the characters an ASCII letter of a case-insensitive pattern matches though lower_text does not lower them to it:
# "İ" (kept as written: it lowers to two characters), "ı" and "ſ" (re folds them to i and s). In a text without
# them, such a pattern (ASCII letters, no inline case flags) matches what its lowered form matches in lower_text.
FOLD_EXCEPTIONS = frozenset("\u0130\u0131\u017f")


def lowered_for_ascii_pattern(text: str) -> str | None:
    """lower_text(text) where a lowered pattern of ASCII letters matches it as the case-insensitive one matches
    `text` (no FOLD_EXCEPTIONS character in it); else None, and the caller runs the case-insensitive pattern."""
    if not text.isascii() and not FOLD_EXCEPTIONS.isdisjoint(text):
        return None
    return lower_text(text)


def lower_pattern(pattern: str) -> str:
    """A case-insensitive pattern rewritten for lowercased text: its letters lowered, escapes (\\B, \\S, \\W) and
    group names ("(?P<Seg>", "(?P=Seg)") kept."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
            out.append(pattern[i:end])
            i = end
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def required_literals(pattern: str) -> tuple[str, ...]:
    """Literal strings of which any match of `pattern` contains at least one; () when none is found.

    A cheap exact prefilter for the cue patterns: where none of a cue's literals is in a text
    (`str.__contains__`, a C substring search), the pattern cannot match there and is not run.
    Read from the parsed pattern (the standard library's `re._parser`, the parser `re` itself
    uses; no public API gives a pattern's parts): a run of literal characters in the pattern's
    top-level sequence, or a mandatory group or alternation each of whose branches has one.
    Optional parts, character classes and lookarounds are never counted as required.
    """
    from re import _constants as c, _parser

    def required(items) -> tuple[str, ...] | None:
        options: list[tuple[str, ...]] = []
        run: list[str] = []
        for op, av in list(items) + [(None, None)]:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                options.append(("".join(run),))
                run = []
            if op is c.SUBPATTERN and not av[1] and not av[2]:  # no inline flags inside
                sub = required(av[3])
            elif op is c.BRANCH:
                alts = [required(b) for b in av[1]]
                sub = tuple(sorted({lit for a in alts for lit in a})) if all(alts) else None
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                sub = required(av[2])
            else:
                sub = None
            if sub:
                options.append(sub)
        # the most selective option: the one whose shortest literal is longest
        return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None

    try:
        parsed = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - an internal parser that changed: run the pattern unfiltered
        return ()
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    return required(parsed.data) or ()


@lru_cache(maxsize=16)
def lowered_rx(rx: re.Pattern) -> re.Pattern | None:
    """`rx` (case-insensitive, ASCII, no inline case flags) for lowered text; None for another pattern."""
    if not (rx.flags & re.IGNORECASE) or not rx.pattern.isascii() or "(?-i" in rx.pattern:
        return None
    return re.compile(lower_pattern(rx.pattern), rx.flags & ~re.IGNORECASE)


def finditer_lowered(rx: re.Pattern, text: str, low: str | None):
    """rx.finditer(text), run as its lowered form over `low` (`lowered_for_ascii_pattern(text)`) where both allow:
    the same spans, twice as fast; the groups are then in lower case (slice `text` for the words as written)."""
    low_rx = lowered_rx(rx) if low is not None else None
    return rx.finditer(text) if low_rx is None else low_rx.finditer(low)
