"""The sign of a change and changes written in words: "fell 3.2%" and "a 12% fall in profit" are
negative; "doubled", "halved" are figures of their own (number_words.yaml's falling and change words).
Called by pipeline/figures.py's resolve_figures.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from .figure_atoms import alternation, qualifiers
from .records import Figure
from .lowered import lowered_for_ascii_pattern
from .pattern_guards import may_match
from .resources import Resources
from .word_patterns import listed, longest_first


@lru_cache(maxsize=4)
def _qualifier_alt(res: Resources) -> str:
    """The qualifiers ("about", "more than") as one alternation, longest first."""
    return longest_first(qualifiers(res))


# a per-share amount of a loss: "a loss of 4.20 dlrs per share", "a loss of $75.8 million, or $2.20 a share";
# a profit, a comparison or a clause break between the loss and the amount ends it ("a loss ..., compared
# with a profit of 24 cents a share"). Wire tables ("Shr loss 2.20 dlrs") are figure_tables.py's.
_PER_SHARE_AFTER = re.compile(r"\s*(?:a|per|each)\s+(?:\w+\s+)?(?:share|shr)\b", re.I)
# "gains from tax loss carryforwards of 13,000 dlrs, or one ct a share": a loss carried forward is no loss
# of the period (issue 17, s20)
@lru_cache(maxsize=4)
def _loss_before(res: Resources) -> re.Pattern:
    return re.compile(r"\blos(?:s|ses)\b(?!\s+carry[- ]?(?:forwards?|overs?|backs?))(?:(?!\b(?:"
                      + listed(res.number_words["loss_ends"]) + r")\b)(?:[^.;]|(?<=\d)\.(?=\d)))*$", re.I)


@lru_cache(maxsize=4)
def _loss_per_share_before(res: Resources) -> re.Pattern:
    """"a loss per share of $0.12", "net loss per diluted share was 8 cents"."""
    return re.compile(r"\blos(?:s|ses)\s+per\s+(?:\w+\s+)?share\s+(?:of|was|were|is|came\s+in\s+at|at)\s+"
                      r"(?:(?:" + _hedges(res, "loss_per_share_hedges") + r")\s+)?$", re.I)


# a tilde of an approximate figure, glued to it after the words: "ULVR stock fell about ~3.5% YTD", "S&P 500 off ~0.2%"
_TILDE = r"(?:[~≈]\s*)?"


def _hedges(res: Resources, key: str) -> str:
    """number_words.yaml's words of an approximate amount under `key`, as one alternation in file order."""
    return listed(res.number_words[key], space=r"\s+")


def _fallen(fig: Figure) -> Figure:
    """The figure negated, its sign read from a falling word."""
    return replace(fig, value=-fig.value, low=-fig.high, high=-fig.low, sign_from_verb=True)


def per_share_loss(text: str, fig: Figure, res: Resources) -> Figure:
    """A per-share amount a loss is stated in is negative, as a loss per share is in a results table."""
    if fig.kind != "money" or fig.value <= 0:
        return fig
    if not (_PER_SHARE_AFTER.match(text, fig.end) and _loss_before(res).search(text, max(0, fig.start - 90), fig.start)
            or _loss_per_share_before(res).search(text, max(0, fig.start - 60), fig.start)):
        return fig
    return Figure(**{**fig.__dict__, "value": -fig.value, "low": -fig.high, "high": -fig.low})


def signed(text: str, fig: Figure, res: Resources) -> Figure:
    """Apply the sign a falling verb before or a falling noun after gives a change.

    "fell 3.2%", "slumping more than 8%", "a 12% fall in profit", "the recent 5% decrease" are
    negative; "fell to 3.2%" is a level and keeps its sign. The words are number_words.yaml's
    `falling_words` and `falling_nouns`. A per-share amount of a loss is negative (`per_share_loss`).
    """
    if fig.kind in ("money", "quantity", "count") and fig.value > 0:
        by_rx = _fall_by_pattern(res)
        before = text[max(0, fig.start - 60):fig.start]
        # "decreased by EUR 31 million to EUR 350 million": the amount after "by" is the change (issue 17; the pattern
        # ends in "by", a cheap test first); "declined 33 cents to $61.65": a level after it; "a decrease of $34.7
        # million compared to 2023": the amount a falling noun names is the change
        if "by" in before.lower() and by_rx.search(before) or fig.kind in ("money", "quantity") and (
                _moved_to_level(text, fig, res) or _falling_amount(res).search(before)
                or _amount_falling_noun(res).match(text, fig.end) and _ARTICLE_BEFORE.search(before)):
            return _fallen(fig)
    if fig.kind == "money":
        if fig.value > 0 and _off_before(res).search(text[max(0, fig.start - 40):fig.start]):
            # "The stock was trading at 20-7/8, off 1/2", "shares were off $2.50": a fall, as for a percent (f11)
            return _fallen(fig)
        return per_share_loss(text, fig, res)
    index_move = fig.kind == "count" and re.match(r"\s+points?\b", text[fig.end:fig.end + 8], re.I)  # "fell 61.4 points"
    if (fig.kind not in ("percent", "pp") and not index_move) or fig.value < 0:
        return fig
    before_rx, after_rx = _sign_patterns(res)
    after = after_rx.match(text, fig.end)
    if after and _below_peak(res).match(text, after.end()):
        after = None  # "30 percent below a four-year high": a drawdown from a peak, measured positive
    restated = _restated_fall(res)
    if (_guarded_search(before_rx, text[max(0, fig.start - 60):fig.start]) or after
            or _guarded_search(restated, text[max(0, fig.start - 90):fig.start])
            or _off_before(res).search(text[max(0, fig.start - 40):fig.start])):
        return _fallen(fig)
    return fig


def _guarded_search(rx: re.Pattern, window: str) -> re.Match | None:
    return rx.search(window) if may_match(rx, window) else None


@lru_cache(maxsize=4)
def _falling_amount(res: Resources) -> re.Pattern:
    """"a decrease of", "a 12% decline of" right before an amount (number_words.yaml `falling_amount_nouns`)."""
    return re.compile(r"\b(?:a|an)\s+(?:[\w%.-]+\s+){0,2}?(?:" + listed(res.number_words["falling_amount_nouns"])
                      + r")\s+of\s+(?:(?:" + _qualifier_alt(res) + r")\s+)?" + _TILDE + "$", re.I)


# "a $1,000 pullback", "a $19.9 million decrease in revenues", "after a $5.4 billion decline in November": the amount
# a falling noun right after it names, in a noun phrase its article opens (not a loss, a charge or a write-down)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[~≈]\s*)?$", re.I)


@lru_cache(maxsize=4)
def _amount_falling_noun(res: Resources) -> re.Pattern:
    return re.compile(r"\s+(?:" + listed(res.number_words["falling_amount_nouns"]) + r")(?![\w-])", re.I)


# "* Off 77.12% from its record high", "shares were off 3%": "off" opening a line or clause, or after a
# verb of being or a price's noun, is a fall ("paid off 50%" is not: a verb before it)
@lru_cache(maxsize=4)
def _off_before(res: Resources) -> re.Pattern:
    return re.compile(r"(?:^|[*•:;,(-]\s*|\b(?:" + longest_first(res.number_words["off_after"]) + r")\s+)off\s+"
                      r"(?:(?:" + _hedges(res, "off_hedges") + r")\s+)?" + _TILDE + "$", re.I)


@lru_cache(maxsize=4)
def _below_peak(res: Resources) -> re.Pattern:
    """What may follow a comparative falling noun ("below", "under", "off") to make the distance a drawdown: a peak
    of number_words.yaml `peak_words` within four words ("below a four-year high", "below its record")."""
    return re.compile(r"(?<=below|under)\s+(?:(?:its|their|the|a|an|from)\s+)?(?:[\w-]+\s+){0,3}?(?:"
                      + listed(res.number_words["peak_words"]) + r")\b", re.I)


@lru_cache(maxsize=4)
def _sign_patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    """(falling words before a change, falling nouns after it), from models/lexicons/number_words.yaml."""
    nw = res.number_words
    before = alternation(nw.get("falling_words") or ())
    nouns = alternation(nw.get("falling_nouns") or ())
    quals = _qualifier_alt(res)
    # words that may stand between a figure and the falling noun after it: adjectives ("a 12% annual fall", "a 5%
    # year-on-year decline") but none of `not_before_falling_nouns` ("rose 5% after a fall in costs")
    not_between = listed(nw["not_before_falling_nouns"])
    # "inflation had fallen below one pct": a bound crossed is a level, as "fell to 1%" is (number_words.yaml
    # `crossed_bounds`); "fallen more than 16%" stays a change (issue 17, s23)
    crossed = listed(nw["crossed_bounds"])
    # "fell 3%", "dropped by about 3%", and a falling noun with up to three modifiers before "of": "a weekly loss
    # of 0.2%", "a marginal organic revenue decline of 0.1 percent" (issue 17, s17)
    # "cut the policy repo rate by 25 basis points", "lowered the one-year loan prime rate by 10 basis points": the
    # rate's name may run to five words between the verb and "by", none of them a preposition of a level (s24)
    before_rx = re.compile(r"(?:\b(?:" + before + r")\s+(?:(?:(?!(?:to|from|at|by)\b)[\w'-]+\s+){0,5}by\s+)?"
                           r"(?:a further\s+|another\s+)?"
                           r"|\b(?:a|an|the|its|their|his|her)\s+(?:(?!(?:" + not_between + r")\b)[a-z][\w-]*\s+){0,3}"
                           r"(?:" + nouns + r")\s+of\s+)(?!(?:" + crossed + r")\s)(?:(?:" + quals + r")\s+)?" + _TILDE + "$",
                           re.I)
    after_rx = re.compile(r"(?:\s+(?!(?:" + not_between + r")\b)[a-z][a-z-]*){0,2}?\s+(?:" + nouns + r")\b", re.I)
    return before_rx, after_rx


# A falling verb right before an amount, and the level it moved to right after it: "declined 33 cents to
# $61.65 a barrel", "lost $1.80 per troy ounce, or 0.06%, to $2,912.50", "shed 45 cents to close at $10.10".
# The new level after the amount makes it the change (a verb alone may name a loss: "lost $5 million").
# Counts are left out: "cut 500 jobs to 4,500" states the jobs cut, a positive count (issue 17, s19).
_PER_UNIT = r"(?:\s+(?:a|an|per|each)\s+(?:[a-z]+\s+){0,2}?[a-z]+)?"
_RESTATED_PCT = r"(?:,?\s+or\s+(?:[a-z]+\s+){0,2}?\d[\d.,]*\s*(?:%|pct|percent|per\s+cent|percentage\s+points?),?)?"


@lru_cache(maxsize=4)
def _to_level_after(res: Resources) -> re.Pattern:
    return re.compile(_PER_UNIT + _RESTATED_PCT + r"\s+(?:to|at)\s+(?:(?:" + listed(res.number_words["level_verbs"])
                      + r")\s+at\s+)?(?:(?:" + _hedges(res, "level_hedges") + r")\s+)?(?:[^\W\d]{1,3}\$?\s?|[$€£¥₹])?\d",
                      re.I)


# "fell $3.10, or 2%": a percent restating the amount makes it a change as a level after it does
_PCT_RESTATES = re.compile(_PER_UNIT + r",?\s+or\s+(?:[a-z]+\s+){0,2}?\d[\d.,]*\s*(?:%|pct|percent|per\s+cent)", re.I)


@lru_cache(maxsize=4)
def _down_before(res: Resources) -> re.Pattern:
    """"restated down one cent a share", "revised down $2 billion": "down" after a verb of revision or motion
    (number_words.yaml `down_verbs`)."""
    verbs = listed(res.number_words["down_verbs"])
    return re.compile(r"\b(?:" + verbs + r")\s+down\s+(?:(?:" + _hedges(res, "down_hedges") + r")\s+)?$", re.I)


@lru_cache(maxsize=4)
def _flat_before(res: Resources) -> re.Pattern:
    """The words before "flat" or "unchanged" that make it a stated change ("remained flat", "closed unchanged"):
    number_words.yaml `flat_before`."""
    return re.compile(r"\b(?:" + listed(res.number_words["flat_before"]) + r")\s+$", re.I)


def _fall_verbs(res: Resources) -> str:
    """number_words.yaml's one-word falling words but "lower" (a comparative: "lower at $5" is a level)."""
    return alternation(w for w in res.number_words.get("falling_words") or () if " " not in w and w != "lower")


@lru_cache(maxsize=4)
def fall_verb_before(res: Resources) -> re.Pattern:
    """A falling verb (number_words.yaml falling_words) and a qualifier right before an amount."""
    return re.compile(r"\b(?:" + _fall_verbs(res) + r")\s+(?:(?:" + _qualifier_alt(res) + r")\s+)?$", re.I)


def _moved_to_level(text: str, fig: Figure, res: Resources) -> bool:
    """Whether an amount is a fall: a falling verb before it (a loss verb only with the level reached after it),
    or a verb of revision with "down" before it."""
    before = text[max(0, fig.start - 40):fig.start]
    if _down_before(res).search(before):
        return True
    # "declined 33 cents", "slipped some two dlrs", "shed $2 billion in market value": the amount a falling verb
    # moved by, with or without the level it moved to ("declined 33 cents to $61.65"); GUIDE.md rule 1 (issue 17,
    # s22). A bound crossed ("will not fall below 200 mln tonnes") is a level, as for a percent; a loss ("Acme lost
    # $5 million") is a fall only with the level after it
    fall = _guarded_search(fall_verb_before(res), before)
    if not fall or _crossed_bound(res).search(before):
        return False
    leveled = _to_level_after(res).match(text, fig.end) or _PCT_RESTATES.match(text, fig.end)
    return bool(leveled) or not _loss_verb(res).match(fall.group())


@lru_cache(maxsize=4)
def _crossed_bound(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.number_words["crossed_bounds"]) + r")\s+$", re.I)


@lru_cache(maxsize=4)
def _loss_verb(res: Resources) -> re.Pattern:
    return re.compile(r"(?:" + listed(res.number_words["loss_verbs"]) + r")\b", re.I)


@lru_cache(maxsize=4)
def _restated_fall(res: Resources) -> re.Pattern:
    """A percent restating an amount's fall: "lost $1.80 per troy ounce, or 0.06%", "fell 33 cents, or 1.2 pct"."""
    verbs = _fall_verbs(res)
    amount = r"(?:[^\W\d]{1,3}\$?\s?|[$€£¥₹])?\d[\d.,]*(?:[a-z]{1,2}\b)?(?:\s+(?:[a-z]+|[$€£¥]))?"
    return re.compile(r"\b(?:" + verbs + r")\s+(?:(?:" + _qualifier_alt(res) + r")\s+)?" + amount + _PER_UNIT
                      + r",?\s+or\s+(?:(?:" + _qualifier_alt(res) + r")\s+)?$", re.I)


@lru_cache(maxsize=4)
def _fall_by_pattern(res: Resources) -> re.Pattern:
    """A falling verb and "by" right before an amount: "decreased by $31 million", "cut its debt by about
    $2 billion" (up to three words between the verb and "by"); a verb alone may name a level or a loss
    ("lost $5 million"), so only "by" makes the amount a change."""
    verbs = alternation(w for w in res.number_words.get("falling_words") or () if " " not in w)
    quals = _qualifier_alt(res)
    return re.compile(r"\b(?:" + verbs + r")\s+(?:(?!(?:to|from|at)\b)[\w'-]+\s+){0,3}?by\s+(?:(?:" + quals + r")\s+)?$", re.I)


@lru_cache(maxsize=4)
def _word_change_pattern(res: Resources) -> tuple[re.Pattern, dict]:
    changes = {k.lower(): v for k, v in res.number_words["word_changes"].items()}
    forms = sorted(changes, key=len, reverse=True)
    alts = [re.escape(f) for f in forms]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I), changes


@lru_cache(maxsize=4)
def _word_change_lowered(res: Resources) -> re.Pattern | None:
    """The word-change pattern for lowered text (twice as fast over a whole article as IGNORECASE); None where
    a form is not ASCII (lowered.lowered_for_ascii_pattern)."""
    forms = sorted({k.lower() for k in res.number_words["word_changes"]}, key=len, reverse=True)
    if not all(f.isascii() for f in forms):
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")


def find_word_changes(text: str, res: Resources, figures: list[Figure]) -> list[Figure]:
    """'doubled', 'more than double', 'halved', 'flat': percent changes written in words."""
    pattern, changes = _word_change_pattern(res)
    lowered_rx = _word_change_lowered(res)
    low = lowered_for_ascii_pattern(text) if lowered_rx is not None else None
    out = []
    for m in (pattern.finditer(text) if low is None else lowered_rx.finditer(low)):
        if any(f.start <= m.start() < f.end for f in figures):
            continue
        word = text[m.start():m.end()]  # as written (the lowered scan's match is in lower case)
        after = text[m.end():m.end() + 25].lower()
        if re.match(r"(?:\s+|-)(?:digits?|down on|check|dip|taxation|standard|bottom|edged|screen|rate|fee|tax)\b", after):
            continue
        if word.lower() in ("flat", "unchanged") and not _flat_before(res).search(text[max(0, m.start() - 20):m.start()]):
            continue  # "flat screen", "a flat fee": only a stated level change counts
        if word.lower() in ("flat", "unchanged") and _at_level(res).match(text, m.end()) and \
                any(f.start == _at_level(res).match(text, m.end()).end() for f in figures):
            continue  # "unchanged at 3.7%", "flat at 134.95 euros": the level is the figure; nothing measures a change
        if word.lower() in ("double", "triple") and _not_a_change(text, m.start(), m.end(), res):
            continue  # "a double-income household", "can double as hubs": an adjective, not a change
        if "fold" in word.lower() and not _fold_context(text, m.start(), m.end(), res):
            continue  # "the aim is twofold": no growth is stated
        change = changes.get(word.lower()) or changes.get(word.casefold())
        if change is None:
            continue  # a letter the case-insensitive pattern folds but lower() keeps ("ſix-fold"): no entry, no change
        pct, approx = change
        v = Decimal(str(pct))
        out.append(Figure(text=word, start=m.start(), end=m.end(), value=v, low=v, high=v, unit="%",
                          kind="word_change", approx=approx, rule="figures.word_change.v2"))
    for m in _DIGIT_FOLD.finditer(text):
        # "a 10-fold increase", "grew 2.5-fold": the digits the atoms skipped, as the N-fold words
        if any(f.start <= m.start() < f.end for f in figures) or not _fold_context(text, m.start(), m.end(), res):
            continue
        v = (Decimal(m.group(1)) - 1) * 100
        if v <= 0:
            continue
        out.append(Figure(text=m.group(), start=m.start(), end=m.end(), value=v, low=v, high=v, unit="%",
                          kind="word_change", approx="exact", rule="figures.word_change.v2"))
    return out


@lru_cache(maxsize=4)
def _at_level(res: Resources) -> re.Pattern:
    return re.compile(r"\s+(?:at|on)\s+(?:(?:" + _hedges(res, "at_level_hedges") + r")\s+)?")


_DIGIT_FOLD = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d+)?)(?:-|\s)?fold\b", re.I)


# "a double-income household", "a triple-A rating", "can double as distribution hubs", "a double whammy":
# "double" and "triple" as an adjective, in a compound or meaning "serve as" state no change (issue 17).
_COMPOUND_AFTER = re.compile(r"-[^\W\d_]|\s+as\b", re.I)
# After a preposition other than "to" the word is an adjective too: "firing with double barrels", "in
# double time", "a bond of triple maturity" (issue 17, s19); "to double" and "could double" are verbs.
@lru_cache(maxsize=4)
def _adjective_before(res: Resources) -> re.Pattern:
    return re.compile(r"\b(?:" + listed(res.number_words["adjective_before"]) + r")\s+$", re.I)


def _not_a_change(text: str, start: int, end: int, res: Resources) -> bool:
    """Whether "double"/"triple" is an adjective or "serve as" here, not the verb or noun of a change."""
    return bool(_COMPOUND_AFTER.match(text, end) or _adjective_before(res).search(text, max(0, start - 10), start))


@lru_cache(maxsize=4)
def _fold_patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    nw = res.number_words
    quals = _qualifier_alt(res)
    before = re.compile(r"\b(?:" + alternation(nw.get("fold_verbs") or ()) + r")\b(?:\s+[\w'-]+){0,3}?\s+"
                        r"(?:(?:" + quals + r")\s+)?$", re.I)
    after = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?:" + alternation(nw.get("fold_nouns") or ()) + r")\b", re.I)
    return before, after


def _fold_context(text: str, start: int, end: int, res: Resources) -> bool:
    """Whether an N-fold word states a change: a growth verb before it ("grew revenue fourfold") or a
    growth noun after it ("a fivefold increase"); number_words.yaml's fold_verbs and fold_nouns."""
    before, after = _fold_patterns(res)
    clause = re.split(r"[.;:!?,]\s", text[max(0, start - 60):start])[-1]
    return bool(before.search(clause) or after.match(text, end))


# A range whose ends each carry a comparative: "between nine pct less and two pct more than last year's",
# "from 3% lower to 2% higher", "between 5 pct below and 5 pct above" (issue 17, s18): one range from the
# end below to the end above, each end signed by its word.
@lru_cache(maxsize=4)
def _comparative_patterns(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(the comparative between the ends, the one after the second end, a word below, the range's opener)."""
    below = "(?:" + listed(res.number_words["below_words"]) + ")"
    either = below + "|(?:" + listed(res.number_words["above_words"]) + ")"
    return (re.compile(rf"^\s+(?P<w1>{either})\s+(?:and|to)\s+$", re.I), re.compile(rf"^\s+(?P<w2>{either})\b", re.I),
            re.compile(below, re.I),
            re.compile(r"\b(?:between|from|ranged?|ranging)\s+(?:(?:" + _hedges(res, "range_hedges") + r")\s+)?$", re.I))


def comparative_ranges(text: str, figures: list[Figure], res: Resources) -> list[Figure]:
    """Join "between N% less and M% more" into one signed range (rule figures.range.comparative.v1).

    >>> from decimal import Decimal as D
    >>> f = lambda t, s, v: Figure(text=t, start=s, end=s + len(t), value=D(v), low=D(v), high=D(v), unit="%", kind="percent")
    >>> text = "ranged between nine pct less and two pct more than last year"
    >>> from pipeline.resources import load_resources
    >>> [(g.low, g.high) for g in comparative_ranges(text, [f("nine pct", 15, 9), f("two pct", 33, 2)], load_resources())]
    [(Decimal('-9'), Decimal('2'))]
    """
    gap_rx, after_rx, below_rx, opener_rx = _comparative_patterns(res)
    figures = sorted(figures, key=lambda f: f.start)
    out, i = [], 0
    while i < len(figures):
        a = figures[i]
        b = figures[i + 1] if i + 1 < len(figures) else None
        gap = gap_rx.match(text[a.end:b.start]) if b else None
        after = after_rx.match(text[b.end:]) if gap else None
        if (gap and after and a.unit == b.unit and a.kind == b.kind
                and opener_rx.search(text[max(0, a.start - 20):a.start])):
            ends = [-abs(f.value) if below_rx.fullmatch(w) else abs(f.value)
                    for f, w in ((a, gap.group("w1")), (b, after.group("w2")))]
            low, high = min(ends), max(ends)
            end = b.end + after.end()
            out.append(Figure(**{**a.__dict__, "text": text[a.start:end], "end": end, "value": (low + high) / 2,
                                 "low": low, "high": high, "rule": "figures.range.comparative.v1",
                                 "sign_from_verb": True}))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


@lru_cache(maxsize=4)
def _listed_after(res: Resources) -> re.Pattern:
    """What stands between a change a falling word signed and a change listed after it: up to six words (none a
    change word nor number_words.yaml `list_sign_breaks`; a year may be one) and "and", or a bare comma; then
    qualifiers. The second change must not be a share of something ("and 12% of its sales")."""
    breaks = listed([*res.number_words["change_words"], *res.number_words["list_sign_breaks"]])
    word = r"(?:[^\W\d][\w'’-]*|(?:19|20)\d\d)"
    return re.compile(r"(?:(?:\s+(?!(?:" + breaks + r")\b)" + word + r"){0,6}\s*,?\s+and|\s*,)\s+(?:by\s+)?"
                      r"(?:(?:" + _qualifier_alt(res) + r")\s+)?", re.I)


_SHARE_OF = re.compile(r"\s+of\b", re.I)


def listed_falls(text: str, figures: list[Figure], res: Resources) -> list[Figure]:
    """A change listed right after one a falling word made negative is a fall too: "fell 13 pct for exports and 21 pct
    for imports", "declined 12% and 13%, respectively", "were down 1.3%, 0.95%, and 0.99%" (issue 17, f11: about 200
    such changes in the dumps kept a plus). `figures` sorted by start; percents and percentage points only, of one
    kind with the first.

    >>> from pipeline.resources import load_resources
    >>> from pipeline.figures import resolve_figures
    >>> [float(f.value) for f in resolve_figures("Sales declined 12% and 13%, respectively.", load_resources())[0]]
    [-12.0, -13.0]
    """
    rx = _listed_after(res)
    noun_after = _sign_patterns(res)[1]
    out = list(figures)
    for i in range(1, len(out)):
        prev, fig = out[i - 1], out[i]
        if (fig.kind in ("percent", "pp") and fig.kind == prev.kind and prev.sign_from_verb and prev.value < 0 < fig.value
                and not fig.sign_from_verb and rx.fullmatch(text, prev.end, fig.start)
                and not _SHARE_OF.match(text, fig.end)
                # "3.4 pct contraction and 1.2 pct growth": a falling noun after the first signs it alone
                and not noun_after.match(text, prev.end)):
            out[i] = _fallen(fig)
    return out
