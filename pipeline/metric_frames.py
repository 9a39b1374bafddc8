"""Frames around a figure that settle its metric against the cue words near it (rule `claims.metric_frame.v1`).

- An estimate set beside the figure before it takes that figure's metric: "revenue will range from $2.99B to $3B,
  in line with the street estimate of $3B" (METRIC_LABELING_GUIDE.md rule 4: a forecast or an analyst estimate
  takes the metric it is about; the cues had read "earnings" of the next clause).
- A preferred series named by its dividend is that dividend: "its 11 dlr cumulative preferred stock" (the guide's
  "$3.25 preferred" is dividend; the cues read "stock" as a share's price).
- A move of a price in money written with the level it moved to is a price's move: "Lai Sun gained 50 cents to
  70.50 dlrs" (price_change; a commodity's or a currency's subject makes it that thing's price).
- A price level a chart reads is a price: "Stop-Loss: Rs 230", "support at Rs 334", "the $93,000 support level"
  (share_price; a commodity's or a token's subject makes it that thing's price). The cues had read "loss",
  "target" or "volume".
- An amount after a result's own "includes" or "excludes" is an item of it, not the result: "NOTE: 1986 net includes
  gain on bond portfolio of 1,160,000 dlrs" (other: the guide's extraordinary gain, tax credit, charge).
- A percent before "of" and a whole is a share of that whole, no move: "make up 39.4 percent of the top jobs"
  (other; measures.yaml `share_nouns` names the wholes that give another metric, "35% of shares outstanding").
- A percent a move reached or left is a level counted in percent, no price's move: "occupancy rise to 89.2%, up
  from 87.6%", "lifting the quarterly ROE to over 22%" (the clause's other cues decide; "extending its advance to
  234%" is the running move's own).

The words are data (`models/lexicons/metric_frames.yaml`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .resources import Resources
from .word_patterns import longest_first

RULE = "claims.metric_frame.v1"
_NEAR = 45  # characters at most from the figure compared to the estimate's words
# a move in money given with its percent alone, the level written before it: "is currently at $6.30, down [[$1.37]] or
# 17.8%", "Year-to-date it is up 14.58 cents or 7.28%"
_OR_PERCENT = re.compile(r"\s*,?\s*or\s+[+-]?[\d.]+\s*(?:%|pct|percent|per cent)(?![\w-])", re.I)
_AMOUNT_SCALE = re.compile(r"\b(?:thousand|mln|million|mn|billion|bn|trillion|crore|cr|lakh|k)\b|\d[mbk]\b", re.I)


def _alt(words) -> str:
    return longest_first(words, space=r"\s+")


class _Frames(NamedTuple):
    estimate: re.Pattern  # an estimate's words right before its figure
    level_before: re.Pattern  # a chart level's name before the figure
    level_after: re.Pattern  # ... or after it
    program: re.Pattern  # an aid program's words before "support"
    preferred: re.Pattern  # a preferred series after its dividend
    move_before: re.Pattern  # a price's move verb before the amount it moved
    move_after: re.Pattern  # the level it moved to after it
    move_replaces: frozenset  # the metrics a price's move may replace
    moved_to: re.Pattern  # a move and its amount before the level it moved to
    portion: re.Pattern  # "of" and the whole a percent is a share of, after the figure
    portion_replaces: frozenset  # the change metrics a share of a whole replaces
    level_move: re.Pattern  # the link and qualifiers of a level a move reached or left, before the figure
    level_move_compared: re.Pattern  # a comparison's word right before that link ("compared to")
    running_move: re.Pattern  # a running move's noun right before that link
    item: re.Pattern  # a result and the verb that sets an item of it apart, before the item's amount
    trade: re.Pattern  # a holder's trade: verb, count and shares before the figure, in its statement (share_trades.py)
    trade_offers: re.Pattern  # an offer or a bid for the shares
    trade_issues: re.Pattern  # an issue, an offering or a buyback of them
    trade_replaces: frozenset  # the metrics a trade's amount may replace


@lru_cache(maxsize=4)
def frame_patterns(res: Resources) -> _Frames:
    """metric_frames.yaml's patterns, compiled once for the frames here and the holders' trades (share_trades.py)."""
    data = res.metric_frames
    estimate = re.compile(
        rf"(?<![\w-])(?:{_alt(data['compare_words'])})\s+(?:(?:{_alt(data['source_words'])})\s+){{0,3}}"
        rf"(?:{_alt(data['estimate_nouns'])})(?:\s+(?:{_alt(data['change_nouns'])}))?\s+(?:{_alt(data['links'])})"
        r"\s+(?:(?:an?|about|around|roughly|approximately|~)\s+)?$", re.I)
    words = _alt(data["level_words"])
    qual = _alt(data["level_qualifiers"])
    links = _alt(data["level_links"])
    # "Support: Rs 334", "stop-loss of Rs 770", "resistance around Rs 255", "support zone at $90K", "immediate
    # support of"; "support of Rs 500 crore" (money given) is none: "of" needs a qualifier before the name
    before = re.compile(
        rf"(?<![\w-])(?:(?:(?:{qual})\s+)?(?:{words})(?:\s+(?:levels?|zones?|range|area))?\s*(?::|\s+(?!of\b)(?:{links}))"
        rf"|(?:{_alt(data['stop_words'])})\s+of"
        rf"|(?:{qual})\s+(?:{words})(?:\s+(?:levels?|zones?|range|area))?\s+(?:{links}))\s*(?:the\s+)?$", re.I)
    after = re.compile(rf"\s*(?:levels?\s+|mark\s+)?(?:{_alt(data['level_after'])})\b", re.I)
    program = re.compile(rf"(?<![\w-])(?:{_alt(data['program_words'])})\s*$", re.I)
    preferred = re.compile(rf"\s*(?:(?:{_alt(data['series_words'])})[\s,]+){{0,3}}(?:{_alt(data['preferred_nouns'])})\b",
                           re.I)
    move_before = re.compile(rf"(?<![\w-])(?:{_alt(data['move_verbs'])})\s+(?:(?:{_alt(data['move_qualifiers'])})\s+)*$",
                             re.I)
    move_after = re.compile(rf"\s*(?:(?:{_alt(data['move_after'])})\s*)*(?:\bor\s+[\d.]+\s*(?:%|pct|percent|per cent)"
                            r"\s*,?\s*)?(?:to|at)\s+(?:(?:a|an|new|record|high|low|of)\s+)*(?:[A-Z]{0,3}\$|Rs\.?\s?|[€£¥₹])?\d",
                            re.I)
    # the level a move went to: "Lai Sun gained 50 cents to [[70.50 dlrs]]", "JSH was up 50 cts at [[12.90 dlrs]]"
    moved_to = re.compile(rf"(?<![\w-])(?:{_alt(data['move_verbs'])})\s+(?:(?:{_alt(data['move_qualifiers'])})\s+)*"
                          r"[^\s,;]*\d[^\s,;]*(?:\s+[^\s,;\d]+){0,2}?\s*"
                          rf"(?:(?:{_alt(data['move_after'])})\s*)*(?:\bor\s+[\d.]+\s*(?:%|pct|percent|per cent)\s*,?\s*)?"
                          r"(?:to|at)\s+(?:close\s+at\s+)?$", re.I)
    # "of the top jobs", "of investment allocations"; not "of their value", "of its early gains" (the move's own)
    portion = re.compile(rf"\s*\)?\s*of\s+(?!(?:[\w'’.&-]+\s+){{0,3}}?(?:{_alt(data['portion_own'])})\b)"
                         r"(?:the|its|their|his|her|our|all|total|[a-z])", re.I)
    # "1986 net includes gain ... of", "Net in both 1987 periods also includes", "GAAP net income in the fourth quarter of
    # 2023 included a"; not "net sales include" (a line of its own), nor past a ";" (another statement)
    item = re.compile(rf"(?<![\w-])(?:{_alt(data['item_results'])})(?:\s+(?!(?:{_alt(data['item_not_results'])})\b)"
                      rf"[\w,.()-]+){{0,6}}?\s+(?:(?:also|both)\s+)?(?:{_alt(data['item_verbs'])})\b[^;]{{0,150}}$", re.I)
    trade = re.compile(
        rf"(?<![\w-])(?:{_alt(data['trade_verbs'])})\s+(?:(?:{_alt(data['trade_count_hedges'])})\s+)?\d[\d,.]*\s*"
        rf"(?:{_alt(data['trade_count_scales'])})?\s+(?:[\w'’.&-]+\s+){{0,3}}?"
        rf"(?:{_alt(data['trade_nouns'])})\b(?:[^.;]|(?<=\d)\.(?=\d)){{0,150}}$", re.I)
    # "rise to [[89.2%]]", "up from [[87.6%]]", "to over [[22%]]" (level_of_move sets a bound and a range apart)
    level_move = re.compile(rf"(?<![\w-])(?:{_alt(data['level_move_links'])})\s+"
                            rf"(?:(?:{_alt(data['level_move_qualifiers'])})\s+)*$", re.I)
    # "extending the year-to-date advance to", "pared its loss to": the noun's own determiner tells it from a verb
    running_move = re.compile(rf"\b(?:the|its|their|his|her|our|this|that|a|an)\s+(?:[\w-]+\s+){{0,2}}?"
                              rf"(?:{_alt(data['level_move_running'])})\s+(?:\w+\s+){{0,2}}?$", re.I)
    offers, issues = (re.compile(rf"(?<![\w-])(?:{_alt(data[key])})\b", re.I) for key in ("trade_offers", "trade_issues"))
    return _Frames(estimate, before, after, program, preferred, move_before, move_after, frozenset(data["move_replaces"]),
                   moved_to, portion, frozenset(data["portion_replaces"]), level_move,
                   re.compile(rf"(?<![\w-])(?:{_alt(data['level_move_compared'])})\s+$", re.I), running_move, item, trade,
                   offers, issues, frozenset(data["trade_replaces"]))


def estimate_of_before(res: Resources, before: str) -> bool:
    """Whether the text before a figure sets it as an estimate beside the figure before it.

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> estimate_of_before(R, "revenue will range from $2.99B to $3B, which is in line with the street estimate of ")
    True
    """
    pats = frame_patterns(res)
    before = before[-160:]
    m = pats.estimate.search(before)
    if m is None:
        return False
    # the figure compared is the one just before ("to $3B, which is in line with"): "slid 25% after the company
    # topped profit expectations ... but missed with revenue growth short of consensus for a 25% rise" is not
    last_digit = max((i for i, ch in enumerate(before[:m.start()]) if ch.isdigit()), default=None)
    return last_digit is not None and m.start() - last_digit <= _NEAR


def chart_level(res: Resources, fig_text: str, before: str, after: str) -> bool:
    """Whether an amount of money is a price level a chart reads ("Stop-Loss: Rs 230", "the $93,000 support level").

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> chart_level(R, "Rs 770", "accumulating the stock in the zone of Rs 805-795 level with a stop-loss of ", " level")
    True
    """
    pats = frame_patterns(res)
    if _AMOUNT_SCALE.search(fig_text):
        return False  # a chart's level is the price of one unit, never millions
    before = before[-80:]
    m = pats.level_before.search(before)
    if m is not None and pats.program.search(before, 0, m.start()):
        return False  # "income support at 5.02 dlrs": a program's aid
    return m is not None or pats.level_after.match(after) is not None


def preferred_dividend(res: Resources, fig_text: str, after: str) -> bool:
    """Whether an amount of money names a preferred series by its dividend ("its [[11 dlr]] cumulative preferred").

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> preferred_dividend(R, "2.19 dlr", " cumulative preference shares and 11 pct debentures")
    True
    """
    pats = frame_patterns(res)
    return not _AMOUNT_SCALE.search(fig_text) and pats.preferred.match(after) is not None


def price_move(res: Resources, fig_text: str, metric: str, before: str, after: str) -> bool:
    """Whether an amount of money is a price's move to the level written after it, replacing `metric`.

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> price_move(R, "50 cents", "other", "Lai Sun gained ", " to 70.50 dlrs.")
    True
    """
    pats = frame_patterns(res)
    if metric not in pats.move_replaces or _AMOUNT_SCALE.search(fig_text):
        return False
    if pats.move_before.search(before[-60:]) is None:
        return False
    # a result's own change ("Net rose 250,000 dlrs or 12 pct") is no price's move: with the percent alone, only a
    # figure the cues named nothing for, or a share's price, moves
    return pats.move_after.match(after) is not None or (metric in ("other", "share_price")
                                                        and _OR_PERCENT.match(after) is not None)


def price_moved_to(res: Resources, fig_text: str, metric: str, before: str) -> bool:
    """Whether an amount of money is the level a price's move went to, replacing `metric` (a share's price).

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> price_moved_to(R, "70.50 dlrs", "other", "Lai Sun gained 50 cents to ")
    True
    """
    pats = frame_patterns(res)
    if (metric not in pats.move_replaces and metric != "price_change") or _AMOUNT_SCALE.search(fig_text):
        return False
    m = pats.moved_to.search(before[-80:])
    return m is not None and not _AMOUNT_SCALE.search(m.group())


def portion_of(res: Resources, metric: str, after: str) -> bool:
    """Whether a percent the cues read as `metric` (a change) is a share of the whole written after it and "of".

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> portion_of(R, "price_change", " of the top jobs.")
    True
    """
    pats = frame_patterns(res)
    return metric in pats.portion_replaces and pats.portion.match(after) is not None


_UP = re.compile(r"(?<![\w-])up\s+$", re.I)
_RANGE_END = re.compile(r"(?<![\w.])(?<!from\s)[+-]?\d[\d.,]*\s*(?:%|pct|percent|per cent)\s+$", re.I)


def level_of_move(res: Resources, before: str) -> bool:
    """Whether a percent is the level a move reached or left (`before`: its sentence up to it), no price's move.

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> level_of_move(R, "The company's Sun Belt portfolio saw occupancy rise to 89.2%, up from ")
    True
    >>> level_of_move(R, "Ircon International share price rose up to ")
    False
    """
    pats = frame_patterns(res)
    before = before[-120:]
    m = pats.level_move.search(before)
    if m is None:
        return False
    head = before[:m.start()]
    if m.group().lower().startswith("to") and (_RANGE_END.search(head) or _UP.search(head)):
        return False  # "down 20% to [[25%]]": a range of moves; "tumbled up to [[10%]]": a bound
    # "as compared to [[0.88 per cent]] decline in the Sensex": a base set beside the figure, no level it moved to
    return pats.running_move.search(head) is None and pats.level_move_compared.search(head) is None


def result_item(res: Resources, before: str) -> bool:
    """Whether an amount is an item a result includes or excludes, written after it in the sentence (`before`).

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> result_item(R, "NOTE: 1986 net includes gain on bond portfolio of ")
    True
    """
    return frame_patterns(res).item.search(before[-260:]) is not None
