"""A figure's metric from the amount before it in its sentence that it restates or changes (rule
`claims.amount_link.v1`).

A figure whose own words name no metric is often tied to the amount just before it:

- a restatement in another currency, in brackets right after it: "adjusted EBITDA rose to 601 million euros
  ($624 million)", "a contract worth 18.7 million euros ($22 million)": the same measure;
- its change, in brackets: "Revenue of $1.01B (+114.4% Y/Y)";
- its change, written after it: "adjusted EBITDA of $47.9 million, indicating a 4.4% growth", "Net Sales:
  $3,818.1 million, a decrease of $34.7 million", "net income would have been 127.6 mln dlrs, up 16 pct or
  17.4 mln dlrs", "Alphabet had 98,771 employees at the end of 2018, up 23 percent from a year earlier".

A change takes the metric metrics.yaml `growth_of` gives the amount's (revenue -> revenue_growth); a level the
vocabulary has no change metric for maps to itself there (METRIC_LABELING_GUIDE.md rule 3: "a 5 pct rise in
deposits is deposits", EBITDA "and its changes"). The trail is per article, reset at each sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources
from .word_patterns import listed

RULE = "claims.amount_link.v1"

# a percent in brackets right after an amount, signed or marked as a change: "$1.01B (+114.4% Y/Y)"
_CHANGE_IN_PARENS = re.compile(r"\s*\(\s*(?:[+-]\s?[\d.,]+\s?%|[\d.,]+\s?%\s*(?:y/y|yoy|y-o-y|year[- ]over[- ]year|"
                               r"year[- ]on[- ]year|from|vs))", re.I)


@lru_cache(maxsize=4)
def _change_patterns(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words before a figure that changes the amount before it, those before one a change noun follows, and
    that noun (number_words.yaml `link_change_nouns`, `link_move_verbs`, `link_qualifiers`)."""
    words = res.number_words
    qualifier = r"(?:(?:" + listed(words["link_qualifiers"]) + r")\s+)?"
    change_noun = r"(?:" + listed(words["link_change_nouns"]) + r")"
    move_verb = r"(?:" + listed(words["link_move_verbs"]) + r")"
    # the words between the amount and a change of it that precede the figure: ", up ", ", a decrease of ",
    # ", reflecting a growth midpoint of ", ", which increased by ", ", up 16 pct or "
    before = re.compile(
        rf"(?:[,;(]|\band)\s*(?:(?:\w+ing|which|that)\s+)?(?:"
        rf"(?:up|down)(?:\s+by)?"
        rf"|(?:up|down)\s+[\d.,]+\s*(?:%|pct|percent|per cent)\s+or"
        rf"|(?:an?|the)\s+(?:\w+\s+)?{change_noun}(?:\s+midpoint)?\s+(?:of|by)"
        rf"|(?:has\s+|had\s+)?{move_verb}(?:\s+by)?"
        rf")\s+{qualifier}$", re.I)
    # the words before a figure that a change noun follows: ", indicating a " [4.4%] " growth", ", a " [3.2%] " increase"
    around = re.compile(rf"(?:[,;(]|\band)\s*(?:\w+ing\s+)?(?:an?\s+)?{qualifier}$", re.I)
    after = re.compile(rf"\s*(?:y/y\s+|yoy\s+|year[- ]over[- ]year\s+|year[- ]on[- ]year\s+)?{change_noun}\b", re.I)
    return before, around, after


@lru_cache(maxsize=4)
def _restated_rx(res: Resources) -> re.Pattern:
    """The text between an amount and its restatement: "601 million euros ($624 million)", "(about $1 billion)"."""
    return re.compile(r"\s*\(\s*(?:" + listed(res.number_words["restated_hedges"]) + r")?\s*")


_REACH = 80  # characters from the amount to its change


class AmountTrail:
    """The amounts of the current sentence so far: the last of money, and the last level a change can be of."""

    def __init__(self, res: Resources):
        self.growth_of = res.growth_of
        self.change_before, self.change_around, self.change_after = _change_patterns(res)
        self.restated_rx = _restated_rx(res)
        self.sentence = -1
        self.money: tuple[int, str] | None = None  # (end, metric) of the sentence's last amount of money
        self.level: tuple[int, str] | None = None  # (end, metric) of its last amount of a metric with a change

    def _at(self, sentence_start: int) -> None:
        if sentence_start != self.sentence:
            self.sentence, self.money, self.level = sentence_start, None, None

    def restated(self, text: str, kind: str, start: int, sentence_start: int) -> str | None:
        """The metric of the amount a figure of money in brackets restates, or None."""
        self._at(sentence_start)
        if kind != "money" or self.money is None:
            return None
        return self.money[1] if self.restated_rx.fullmatch(text, self.money[0], start) else None

    def changed(self, text: str, kind: str, start: int, end: int, sentence_start: int) -> str | None:
        """The metric of a figure that is the change of the sentence's last level amount, or None.

        For a figure whose own clause names no metric: the caller asks only then.
        """
        self._at(sentence_start)
        if kind not in ("percent", "money", "count") or self.level is None:
            return None
        level_end, level = self.level
        if start - level_end > _REACH:
            return None
        if (bracket := _CHANGE_IN_PARENS.match(text, level_end)) and bracket.end() >= end and kind == "percent":
            return self.growth_of[level]
        between = text[level_end:start]
        if re.search(r"[.!?]\s", between):
            return None  # "U.S. Treasury": an amount a full stop ends is another sentence's
        if self.change_before.search(between) or (self.change_around.search(between)
                                                  and self.change_after.match(text, end)):
            return self.growth_of[level]
        return None

    def note(self, kind: str, end: int, metric: str, sentence_start: int, change: bool = False) -> None:
        """Record a figure's final metric; a change itself is no level a later change is of."""
        self._at(sentence_start)
        if kind == "money":
            self.money = (end, metric)
        if not change and metric in self.growth_of:
            self.level = (end, metric)
