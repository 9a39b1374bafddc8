"""An analysts' estimate set against a result takes the result's period: "Revenue for the quarter was $796 million
vs. analysts' estimate of $789.91 million", "EPS of $1.83, beating the $1.58 that analysts surveyed by FactSet were
expecting", and a bare estimate after the result it restates ("Revenue rose 22% to $741 million. Analysts expected
$758.9 million.", claim_dating._restated_estimate). It is the consensus of the period being reported, not the guided
year the story's forecasts count for its company ("report:entity"), nor a base of comparison named later in its
sentence ("... compared with an average estimate of 63.2 billion yen ... and a 141.6 billion yen profit in the
year-earlier period"). A period the estimate's own words name stays ("vs. $1.28 consensus for the first quarter").
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from .claim_draft import Draft, Story
from .modality import modality_cues
from .resources import lower_text

RULE = "claims.versus_result.v1"


def versus_result(story: Story, d: Draft, drafts: list[Draft], i: int) -> None:
    """Give the estimate `d` the period of the result it is set against among the drafts dated before it
    (`drafts[:i]`)."""
    if d.modality != "estimate" or d.fig.table_label or d.role or d.back:
        return  # d.back: "vs. $1.13 consensus and $1.19 a year ago" dates the figure a year back
    done = (drafts[j] for j in range(i - 1, -1, -1))  # nearest first
    result = _restated(story, d, done) if d.restates is not None else _set_against(story, d, done)
    if result is None or result.period is None or not result.period.period_start:
        return
    if d.period is not None and _own_period(story, d):
        return
    if d.period is not None and (d.period.period_start, d.period.period_end) == \
            (result.period.period_start, result.period.period_end):
        return
    d.period = replace(result.period, text="", start=-1, end=-1, rule=RULE, relative_to_previous=False)
    d.period_route = "versus_result"


def _set_against(story: Story, d: Draft, done) -> Draft | None:
    """The last result or guidance of the estimate's metric and unit before it in its sentence, when the words between
    set the two against each other (modality.yaml `set_against`); None otherwise."""
    for prev in done:
        if prev.sent.start != d.sent.start:
            return None
        if prev.metric == d.metric and prev.fig.unit == d.fig.unit and prev.fig.end <= d.fig.start:
            if prev.modality not in ("actual", "forecast"):
                continue  # "up from $1.44 billion in the year-ago period and above the consensus": the result's base
            gap = lower_text(story.text[prev.fig.end:d.fig.start])
            against = any(rx.search(gap) for rx in story.res.modality.get("set_against", ()))
            if prev.modality == "forecast":  # guidance set against the consensus of its period: "It expects revenue of
                if against:  # at least $575M, compared with Street consensus for $582.7M"
                    return prev
                continue
            return prev if against else None
    return None


def _restated(story: Story, d: Draft, done) -> Draft | None:
    """The result or guidance whose metric a bare estimate restates ("Analysts expected $758.9 million."); guidance
    its own words call so ("guided for revenue of $585 million to $645 million"), not a result its period made a
    forecast."""
    for p in done:
        if p.fig.end <= d.restates:
            if p.fig.end != d.restates or p.modality not in ("actual", "forecast"):
                return None
            return p if p.modality == "actual" or any(
                name.startswith("forecast") for _, _, name in modality_cues(story.text, p.cs, p.ce, story.res)) else None
    return None


def _own_period(story: Story, d: Draft) -> bool:
    """Whether the estimate's period was written for it: between the figure before it and it ("the Q4 consensus of
    $1.13"), or right after it by a preposition ("$5.5 billion for the first quarter")."""
    p, fig, text = d.period, d.fig, story.text
    if p.start < 0:
        return False
    starts = story.figure_starts
    i = bisect.bisect_left(starts, fig.start)
    before = story.spans[starts[i - 1]][1] if i > 0 else d.sent.start
    if max(before, d.sent.start) <= p.start < fig.start:
        return not p.relative_to_previous  # "up from $0.49 a year earlier and ahead of the consensus of $1.25": the base's
    return fig.end <= p.start < d.sent.end and any(
        rx.match(lower_text(text[fig.end:p.start])) for rx in story.res.modality.get("estimate_own_period", ()))
