"""Modality: whether a figure is what happened (actual), what its entity expects (forecast), what others guess
(estimate), or an earlier value quoted as a reference (historical); CLAIM_LABELING_GUIDE.md section 7.

The cue words live in `models/lexicons/modality.yaml`; this module reads them around one figure. `figure_modality`
reads the figure's clause (and the frame its sentence opens with), `modality_in_sentence` the sentence around it,
and `modality_after` the figure before it (a restatement or a list shares its modality).
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from .records import Figure
from .resources import Resources, lower_text, required_literals
from .word_patterns import listed, longest_first

MODALITY_REACH = 300
# a cue after the figure counts only this close ("$5 billion is expected", "5 mln dlrs, analysts expected"):
# further on it is another clause's ("shares rose 9% on Tuesday as Vance said the most advanced chips will be
# made in the U.S." is no forecast). Set on the yardstick's train split.
AFTER_REACH = 60
# how far a forecast verb reaches over other figures of its clause (a modal or a past marker reaches none)
FRAME_REACH = 120
_PERFECT = re.compile(r"\s+have\b", re.I)  # a modal's perfect: "would have been", "could have risen"
PASSIVE_REACH = 250  # an agentless "is expected to" goes on with the estimates of a sentence ending this close before it
OPENING_CHARS = 12  # a sentence's first words, where its subject stands ("Two analysts polled by ...")
_CUE_NAMES = ("estimate", "historical", "forecast", "forecast_modal", "versus_expectations", "versus_plans")
_VERSUS = {"versus_expectations": "estimate", "versus_plans": "forecast"}  # what the figure after the phrase is
_CHANGE_TO = re.compile(r"\s*,?\s*to\s+")  # between a change and the level it reaches: "fall 2.9% to 450 yen"
# between a figure and the next item of its list: "76 mln dlrs in March and 230 mln", "a loss of $1.5 million, or"
_BRACKETED = re.compile(r"\s*\(\s*")  # a figure's change in brackets after it: "$10.7B (-0.9% Y/Y)"
_NUMBER = re.compile(r"\d")  # a number before a figure in its clause, one the figures stage left out ("700,000 vs")
_PAIRED = re.compile(r"\s*(?:vs\.?|versus|compared|against)\b", re.I)  # a figure set against the next one
# a table's cell: a pipe or a wide gap before the figure on its line ("| Adj. EBITDA | $205 - $230 |")
_TABLE_CELL = re.compile(r"\||\S {3,}$")
_LISTED = re.compile(r"\s*(?:[\w.'-]+\s+){0,4}?,?\s*(?:and|or)\s+(?:(?:a|an|the)\s+)?", re.I)


def modality_cues(text: str, a: int, b: int, res: Resources) -> list[tuple[int, int, str]]:
    """Every modality cue in text[a:b] as (start, end, name), absolute offsets, sorted by start.

    A modal verb ("will", "may") is named `forecast_modal`; a match inside one of `not_cue`'s ("in May",
    "better-than-expected") is no cue.
    """
    window = lower_text(text[a:b])
    contains = window.__contains__
    not_cues, cues = _cue_plan(res)
    blocked = [(m.start(), m.end()) for rx, literals in not_cues if not literals or any(map(contains, literals))
               for m in rx.finditer(window)]
    return sorted((a + m.start(), a + m.end(), name) for name, rx, literals in cues
                  if not literals or any(map(contains, literals)) for m in rx.finditer(window)
                  if not any(s <= m.start() and m.end() <= e for s, e in blocked))


@lru_cache(maxsize=4)
def _cue_plan(res: Resources) -> tuple[tuple, tuple]:
    """modality.yaml's `not_cue` patterns and the cue patterns (name, pattern), each with the literals one of which
    every match holds (resources.required_literals; the patterns are compiled for lowered text): a window without
    any is not scanned."""
    not_cues = tuple((rx, required_literals(rx.pattern)) for rx in res.modality.get("not_cue", ()))
    cues = tuple((name, rx, required_literals(rx.pattern)) for name in _CUE_NAMES for rx in res.modality.get(name, ()))
    return not_cues, cues


def _names_a_base(text: str, start: int, res: Resources) -> bool:
    """Whether a historical cue at `start` names the base of a change ("rose 8.9% from a year earlier", "up 5%
    over the previous quarter"): it dates what the figure is compared with, not the figure."""
    return any(rx.search(lower_text(text[max(0, start - 40):start])) for rx in res.modality.get("base_before", ()))


def figure_modality(text: str, fig: Figure, cs: int, ce: int, res: Resources, lead: tuple[int, int] | None = None,
                    others: tuple[int, ...] = (), cue_spans: dict | None = None, next_start: int | None = None) -> str:
    """actual, forecast, estimate or historical, from the cues nearest the figure.

    A cue before the figure counts only if no other figure (`others`: their starts, sorted) stands between them
    ("from a low of HKD 77 to HKD 124": the low is 77's); a sentence's lead clause frames the whole sentence
    with its forecast verbs and past markers ("The company forecasts EPS growth of 4% to 7%, or 8% to 11% ...",
    "At its peak, ..."), not with a modal verb, which has a verb of its own ("This will be the first report since
    it won the $10 billion contract"), nor with an analyst it names. A cue after the figure counts only up to the
    next figure (`next_start`): "to $1.87 billion from $822.4 million a year ago" dates the second only.
    `cue_spans` caches each span's cues, so the figures of one clause share one pass of the patterns.
    """
    if any(rx.match(lower_text(text[fig.end:fig.end + 90])) for rx in res.modality.get("estimate_participle", ())):
        return "estimate"  # "versus $18.3 billion expected", "compared with 4.1% expected by analysts"
    if _prior_value(text, fig, cs, others, res):
        return "historical"  # "fell to 4.0% from 4.1%", not "vs. $1.28 consensus"; `others`: the figures before
    found: dict[str, int] = {}
    cue_spans = {} if cue_spans is None else cue_spans
    # a cue more than a few lines away does not decide a figure's modality; the bound keeps a
    # clause with thousands of figures (a wire table on one line) linear
    lo, hi = max(cs, fig.start - MODALITY_REACH), min(ce, fig.end + MODALITY_REACH)
    others = others[bisect.bisect_left(others, lo):]  # only a figure in the clause's window parts a cue from it
    spans = [(cs, ce, lo, hi, False)] + ([(*lead, *lead, True)] if lead and lead[1] <= fig.start and lead[0] < lo else [])
    for a, b, wa, wb, is_lead in spans:
        cues = cue_spans.get((a, b))
        if cues is None:
            cues = cue_spans[(a, b)] = modality_cues(text, a, b, res)
        # a versus phrase's own words are no cue for the figure it sets against ("$741M, short of forecasts"), nor
        # for the result its words bring in ("missed analysts' expectations with revenue of $2.1 billion")
        versus = [(st, en) for st, en, name in cues if name in _VERSUS and (
            st >= fig.end or en <= fig.start and _result_follows(text, en, fig.start, res))]
        for start, end, name in cues[bisect.bisect_left(cues, (wa,)):]:
            if start >= wb:
                break
            weighed = _cue_distance(text, fig, start, end, name, is_lead, versus, others, next_start, res)
            if weighed is not None:
                found[weighed[0]] = min(found.get(weighed[0], 10_000), weighed[1])
    if not found:
        return "actual"
    if "estimate" in found and found["estimate"] <= found.get("forecast", 10_000) + 20:
        return "estimate"
    return min(found, key=found.get)


def _prior_value(text: str, fig: Figure, cs: int, others: tuple[int, ...], res: Resources) -> bool:
    """Whether the figure is the earlier value its clause sets the news against ("fell to 4.0% from 4.1%",
    "compared with a loss of $1.5 million"), unless a consensus word follows it ("vs. $1.28 consensus")."""
    before = lower_text(text[max(cs, fig.start - 60):fig.start])
    after = lower_text(text[fig.end:fig.end + 30])
    if any(rx.match(after) for rx in res.modality.get("estimate_after", ())) or _other_than_prior(text, fig, res):
        return False
    return bool((others and others[0] < fig.start or _NUMBER.search(text, cs, fig.start))
                and any(rx.search(before[-40:]) for rx in res.modality.get("prior_value", ()))
                or any(rx.search(before) for rx in res.modality.get("prior_value_named", ())))


def _other_than_prior(text: str, fig: Figure, res: Resources) -> bool:
    """Whether the figure is another entity's or the whole's, of the same time ("vs. 605% for the S&P 500",
    "compared with 76.3% overall"), so no earlier value whatever word brings it in."""
    after = lower_text(text[fig.end:fig.end + 60])
    if any(rx.match(after) for rx in res.modality.get("other_than_prior", ())):
        return True
    for rx in res.modality.get("other_than_prior_named", ()):
        m = rx.match(after)
        if m and text[fig.end + m.end()].isupper():
            return True
    return False


def _cue_distance(text: str, fig: Figure, start: int, end: int, name: str, is_lead: bool, versus: list,
                  others: tuple[int, ...], next_start: int | None, res: Resources) -> tuple[str, int] | None:
    """The modality a cue at [start, end) gives the figure and how far it stands (after the figure, doubled);
    None where it says nothing of this figure."""
    if is_lead and name not in ("forecast", "historical"):
        return None
    if name in _VERSUS:
        if end > fig.start or _result_follows(text, end, fig.start, res):
            return None  # "missed expectations with revenue of $2.1 billion": the figure is what happened
        name = _VERSUS[name]
    elif any(st <= start < en for st, en in versus):
        return None  # "$741M, short of forecasts": the words name the other figure's modality, or the result's
    elif start >= fig.end and any(fig.end <= st and en <= start for st, en in versus):
        return None  # "$1.88 billion, in line with analyst forecasts, according to FactSet": the source is the phrase's
    elif name == "historical" and _names_a_base(text, start, res):
        return None
    if start < fig.start and _bracket_closes(text, start, fig.start):
        return None  # "expects EPS of $1.17-$1.22 (vs. $1.28 consensus); revenue of $2,485M": the bracket's own
    if end <= fig.start and name.startswith("forecast") and fig.start - end < MODALITY_REACH \
            and _past_verb_between(text, start, end, fig.start, res):
        return None  # "is set to drop after the number of cars surged by 25%": the figure is another verb's
    if end <= fig.start:
        i = bisect.bisect_left(others, end)  # `others` is sorted: is a figure between?
        if i < len(others) and others[i] < fig.start and (is_lead or name != "forecast"
                                                           or fig.start - end > FRAME_REACH):
            return None  # a forecast verb governs the figures of its clause: "expects EPS of $0.41 to
            # $0.43 from revenue of $737 million and $741 million"
        d = fig.start - end
    else:  # cues after the figure count only when close ("... 5 mln dlrs, analysts expected")
        if next_start is not None and fig.end <= next_start <= start or start - fig.end > AFTER_REACH:
            return None  # "rose 9% on Tuesday as Vance said the chips will ...": another clause's verb
        between = lower_text(text[fig.end:end]) if name != "historical" else ""
        if between and any(rx.search(between) for rx in res.modality.get("after_break", ())):
            return None  # "four billion dlrs in system stock which could be devalued", "rose 1.7% on plans to"
        d = max(0, (start - fig.start - len(fig.text)) * 2)
    return ("forecast" if name == "forecast_modal" else name), d


def _bracket_closes(text: str, start: int, stop: int) -> bool:
    """Whether a bracket open at `start` closes before `stop`: a cue inside it names the figure it brackets only."""
    depth = 0
    for ch in text[start:stop]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if not depth:
                return True
            depth -= 1
    return False


def _past_verb_between(text: str, cue_start: int, cue_end: int, fig_start: int, res: Resources) -> bool:
    """Whether a past verb (modality.yaml `past_verbs`) stands between a cue and the figure, so the figure is that
    verb's, unless the cue is the noun of the entity's own plan that the verb states (`forecast_subject`: "guidance
    was pegged at")."""
    return any(rx.search(lower_text(text[cue_end:fig_start])) for rx in res.modality.get("past_verbs", ())) \
        and not any(rx.match(lower_text(text[cue_start:fig_start])) for rx in res.modality.get("forecast_subject", ()))


def _result_follows(text: str, end: int, start: int, res: Resources) -> bool:
    """Whether the words from a versus phrase's end to the figure bring in the entity's own result
    (modality.yaml `versus_then_result`: "... expectations with revenue of", "... below expectations at")."""
    gap = lower_text(text[end:start])
    return len(gap) <= 80 and any(rx.match(gap) for rx in res.modality.get("versus_then_result", ()))


def others_before(pos: int, lo: int, starts: list[int]) -> bool:
    """Whether a figure (of the sorted `starts`) begins in [lo, pos)."""
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < pos


def modality_in_sentence(modality: str, text: str, fig: Figure, sent_start: int, sent_end: int, cs: int,
                         near: list[int], last_change: tuple[int, str] | None, res: Resources,
                         after_estimate: bool = False) -> str:
    """The clause's modality, read against its sentence: analysts opening the sentence make its expectation an
    estimate ("Analysts polled by FactSet, on average, expected $0.57", not "Amazon surprised analysts by
    announcing it would ..."), and so does an analyst the sentence quotes ("could rise to $5.1 billion, analyst
    Jane Roe says"); the level a forecast change reaches is forecast too ("expects profit to decline 2.9% to
    450.0 billion yen"); a range in a table's cell is guided (a results table states single figures); a figure in a "when" clause
    after a year, its verb in the past, is that year's ("since 2001, when Dennis Tito paid $20 million"); a chart's price
    level in a hedged sentence is an estimate ("might decline toward the $0.2250 level"). `after_estimate`: the figure
    before it in its sentence is an estimate."""
    if modality == "actual" and fig.low != fig.high and _TABLE_CELL.search(text, text.rfind("\n", 0, fig.start) + 1,
                                                                          fig.start):
        return "forecast"  # a range in a table's cell is guidance ("Interest expense, net      $67 - $72")
    if modality == "actual" and any(rx.search(lower_text(text[max(sent_start, fig.start - 40):fig.start]))
                                    for rx in res.modality.get("label_estimate", ())):
        return "estimate"  # "Support: Rs 334": the label before the colon, in a clause of its own
    if modality in ("actual", "forecast") and fig.unit == "%" and _odds(text, fig, sent_start, res):
        return "estimate"  # "RBA: 76 bps (79% probability of rate cut)", "odds ... are as high as 90%"
    if modality == "actual" and any(rx.match(lower_text(text[fig.end:sent_end]))
                                    for rx in res.modality.get("estimate_attributed", ())):
        return "estimate"  # "dropped by 878,000 barrels last week, according to analysts surveyed by Bloomberg"
    if modality in ("actual", "forecast") and _hedged_level(text, fig, sent_start, sent_end, res):
        return "estimate"  # "the price might decline toward the $0.2250 level"
    if modality == "actual" and _past_when(text, fig, sent_start, near, res):
        return "historical"  # "since Feb. 8, 2024, when it fell as much as 16.34%"
    # the analysts opening the sentence frame each figure after it, the first an estimate (`after_estimate`: "Analysts
    # polled by FactSet were expecting 24.71 billion euros in sales, [[9.39 billion euros]] in net income")
    if modality == "forecast" and (after_estimate or not others_before(fig.start, sent_start, near)) and any(
            name == "estimate" and start - sent_start <= OPENING_CHARS and end <= fig.start
            for start, end, name in modality_cues(text, sent_start, fig.start, res)):
        return "estimate"
    if modality == "forecast" and _market_forecast(text, fig, sent_start, res):
        return "estimate"  # "Bank of America forecasts the economy to contract 8%", "Tombs expects the PCE gauge to"
    if modality == "forecast" and _reporter_forecast(text, fig, max(sent_start, cs), res):
        return "estimate"  # "Oppenheimer expects Q4 revenue of $1.28 billion", not "Goldman expects its revenue"
    if modality == "forecast" and any(rx.search(lower_text(text[sent_start:sent_end]))
                                      for rx in res.modality.get("estimate_speaker", ())) and not any(
            rx.match(lower_text(text[fig.end:fig.end + 30])) for rx in res.modality.get("own_goal", ())) and not any(
            rx.search(lower_text(text[max(sent_start, fig.start - 40):fig.start]))
            for rx in res.modality.get("own_goal_before", ())):
        return "estimate"  # not a goal the analyst names ("returning inflation to its 2% objective," economist X wrote)
    if last_change is not None and last_change[0] >= cs and _CHANGE_TO.fullmatch(text, last_change[0], fig.start) \
            and last_change[1] in ("forecast", "estimate") and modality == "actual":
        return last_change[1]
    return modality


def _market_forecast(text: str, fig: Figure, sent_start: int, res: Resources) -> bool:
    """Whether a forecast verb before the figure takes an economy, a market or a price as its object (modality.yaml
    `market_forecast`): the forecaster is not the figure's entity, so its forecast is an estimate, unless the
    sentence names a government, central bank or official before it (`own_economy_speakers`: about its own economy,
    a forecast)."""
    before = lower_text(text[sent_start:fig.start])
    hits = [m for rx in res.modality.get("market_forecast", ()) for m in rx.finditer(before)]
    if not hits:
        return False
    first = min(m.start() for m in hits)
    return not any(rx.search(before[:first]) for rx in res.modality.get("own_economy_speakers", ()))


@lru_cache(maxsize=4)
def _reporter_subject(res: Resources) -> re.Pattern:
    """A broker, research house or data provider (subjects.yaml `reporters`) as the subject of a forecast verb right
    after it (modality.yaml `reporter_forecast`); matched in lowered text."""
    verbs = "|".join(f"(?:{rx.pattern})" for rx in res.modality.get("reporter_forecast", ()))
    return re.compile(r"(?<![\w&.-])(?:" + _reporter_alternation(res) + r")(?:['’]s?)?(?:\s+(?:research|analysts?|economists?|strategists?|"
                      r"now|also|still|currently))*\s+(?:" + verbs + r")", re.I)


_OWN_AFTER = re.compile(r"\s+(?:that\s+)?(?:its|their|our)\b")  # "Goldman expects its revenue": the house's own


def _reporter_verb(low: str, res: Resources) -> re.Match | None:
    """The last broker, research house or data provider in lowered text `low` with its forecast verb, unless its own
    figures follow the verb; None otherwise."""
    hits = list(_reporter_subject(res).finditer(low))
    return None if not hits or _OWN_AFTER.match(low, hits[-1].end()) else hits[-1]


def _reporter_forecast(text: str, fig: Figure, lo: int, res: Resources, back: int = 0) -> bool:
    """Whether a broker, research house or data provider forecasts the figure (its name and verb in the text from
    `lo`, the figure's clause, or `back` characters before the forecast cue framing it, to the figure): the
    forecaster is not the figure's entity, so its forecast is an estimate (guide section 7), unless its own figures
    follow or it is a government's or central bank's office about its own economy (`own_economy_speakers`)."""
    m = _reporter_verb(lower_text(text[max(0, lo - back):fig.start]), res)
    return m is not None and not any(rx.search(m.group()) for rx in res.modality.get("own_economy_speakers", ()))


def house_estimate(before: str, res: Resources) -> bool:
    """Whether the words before an estimate (its sentence up to the figure) make it one house's own ("Oppenheimer
    expects Q4 revenue of $1.28 billion", "Wedbush sees $6.06 billion"), not a consensus the sentence names anywhere
    before it (modality.yaml `house_consensus`: "..., against consensus forecasts of $1.32 billion", "Analysts
    surveyed by FactSet expect"): a fact apart from the consensus, as different analysts' figures form a spread, not
    a conflict (bench/conflict_audit/GUIDE.md)."""
    low = lower_text(before)
    return _reporter_verb(low, res) is not None and not any(
        rx.search(low) for rx in res.modality.get("house_consensus", ()))


def _odds(text: str, fig: Figure, sent_start: int, res: Resources) -> bool:
    """Whether the percentage is a probability (modality.yaml `odds_after`, `odds_before`)."""
    return any(rx.match(lower_text(text[fig.end:fig.end + 30])) for rx in res.modality.get("odds_after", ())) or any(
        rx.search(lower_text(text[max(sent_start, fig.start - 160):fig.start])) for rx in res.modality.get("odds_before", ()))


def _hedged_level(text: str, fig: Figure, sent_start: int, sent_end: int, res: Resources) -> bool:
    """Whether the figure is a chart's price level in a hedged or conditional sentence (modality.yaml
    `chart_level`, `chart_hedge`)."""
    if not any(rx.match(lower_text(text[fig.end:fig.end + 30])) for rx in res.modality.get("chart_level", ())):
        return False
    return any(rx.search(lower_text(text[sent_start:sent_end])) for rx in res.modality.get("chart_hedge", ()))


def _past_when(text: str, fig: Figure, sent_start: int, near: list[int], res: Resources) -> bool:
    """Whether the figure stands in a "when" clause in the past after a year, no other figure between (modality.yaml
    `past_when`)."""
    lo = max(sent_start, fig.start - 160)
    window = lower_text(text[lo:fig.start])
    for rx in res.modality.get("past_when", ()):
        m = rx.search(window)
        if m and not others_before(fig.start, lo + m.start(), near):
            return True
    return False


@lru_cache(maxsize=4)
def _restated(res: Resources) -> re.Pattern:
    """Between a figure and one that restates it in brackets: "234 billion yen ($1.54 billion)"."""
    return re.compile(r"\s*\(\s*(?:" + listed(res.number_words["modality_restated_words"]) + r")?\s*")


def modality_after(modality: str, text: str, fig: Figure, previous: tuple[Figure, str] | None, res: Resources) -> str:
    """A figure's modality read against the figure just before it in its sentence (`previous`: that figure and its
    modality): a restatement in brackets shares it ("234 billion yen ([[$1.54 billion]])", guide: a figure that
    restates another takes its modality), and so does the next item of a list of earlier values ("against 76 mln
    dlrs in March and [[230 mln dlrs]] in April 1986") or of a forecast ("would be about 80 pct cash and [[20 pct]]
    note": a modal verb reaches over no other figure of its clause, but the list is its)."""
    if previous is None or modality != "actual":
        return modality
    prev, prev_modality = previous
    if prev_modality == "actual" or prev.end > fig.start:
        return modality
    if prev.kind == fig.kind and _restated(res).fullmatch(text, prev.end, fig.start):
        return prev_modality
    if fig.unit == "%" and prev.unit != "%" and _BRACKETED.fullmatch(text, prev.end, fig.start):
        return prev_modality  # "the consensus Revenue Estimate is $10.7B (-0.9% Y/Y)": the estimate's own change
    if fig.unit == "%" and prev.unit != "%" and prev_modality in ("forecast", "estimate") and any(
            rx.fullmatch(lower_text(text[prev.end:fig.start])) for rx in res.modality.get("own_change", ())):
        return prev_modality  # "expect earnings of 52 cents a share, up [[6%]] from the year-ago period"
    if any(rx.fullmatch(lower_text(text[prev.end:fig.start])) for rx in res.modality.get("shared_frame", ())):
        return prev_modality  # "expect earnings of 70 cents per share on revenue of [[$405 million]]"
    if prev.kind == fig.kind and _LISTED.fullmatch(text, prev.end, fig.start) \
            and not _PAIRED.match(text, fig.end):  # "20,000 dlrs vs 86,000 dlrs in quarter and 586,000 dlrs vs ..."
        return prev_modality  # also a forecast's list: "proceeds would be about 80 pct cash and [[20 pct]] note"
    return modality


def passive_after_estimate(modality: str, text: str, fig: Figure, sent_start: int, sent_end: int, last_estimate: int,
                           res: Resources) -> str:
    """A forecast stated in the passive with no one named expecting it ("But sales are expected to decline by 2.5% from
    a year ago to $10.68 billion") right after a sentence of others' estimates ("Wall Street analysts polled by FactSet
    expect the beverage giant to post earnings of 52 cents a share"), or after such an estimate in its own sentence,
    goes on with their estimate: an estimate. Not across a paragraph break, nor when the sentence names its
    forecaster ("is expected by management to") or the entity's plan ("from prior guidance")."""
    if modality != "forecast" or last_estimate < 0 or "\n\n" in text[last_estimate:fig.start] \
            or sent_start - last_estimate > PASSIVE_REACH:
        return modality
    before = lower_text(text[sent_start:fig.start])
    if any(rx.search(lower_text(text[sent_start:sent_end])) for rx in res.modality.get("passive_own_plan", ())):
        return modality  # "Annual revenue is now expected to exceed $362.5 million, ... from prior guidance"
    return "estimate" if any(rx.search(before) for rx in res.modality.get("passive_expectation", ())) else modality


def own_passive_estimate(modality: str, text: str, fig: Figure, sent_start: int, sent_end: int, metric: str,
                         res: Resources) -> str:
    """A company's result estimated in the agentless passive, nothing else in its sentence naming an estimate or a
    broker, is its own outlook: a forecast (modality.yaml `passive_estimated`: "Adjusted diluted EPS for 2025 is
    estimated to range between $12.70 and $13.15")."""
    spec = res.metrics.get(metric)
    if modality != "estimate" or spec is None or spec.default_period != "report":
        return modality
    low = lower_text(text[sent_start:sent_end])
    passives = [m.span() for rx in res.modality.get("passive_estimated", ()) for m in rx.finditer(low)]
    if not passives or _reporter_names(res).search(low):
        return modality
    cues = [start - sent_start for start, _, name in modality_cues(text, sent_start, sent_end, res) if name == "estimate"]
    return "forecast" if all(any(a <= c < b for a, b in passives) for c in cues) else modality


@lru_cache(maxsize=4)
def _reporter_alternation(res: Resources) -> str:
    """subjects.yaml `reporters` (brokers, research houses, data providers), lowered, as one alternation."""
    return longest_first([str(n).lower() for n in res.subject_words.get("reporters") or ()], space=r"\s+")


@lru_cache(maxsize=4)
def _reporter_names(res: Resources) -> re.Pattern:
    """A broker, research house or data provider, in lowered text."""
    return re.compile(r"(?<![\w&.-])(?:" + _reporter_alternation(res) + r")(?![\w&-])")


def framing_estimate(text: str, fig: Figure, sent_start: int, modality: str, res: Resources) -> bool:
    """Whether the figure is others' estimate stated as the sentence's news, the analysts its subject ("Wall Street
    analysts polled by FactSet expect ... earnings of 52 cents a share"; modality.yaml `estimate_frame_opening`), not
    one a result or guidance is set against ("vs. the Visible Alpha consensus of $2.45B"): only the first frames a
    passive forecast after it (`passive_after_estimate`)."""
    if modality != "estimate" or not any(rx.match(lower_text(text[sent_start:fig.start]))
                                         for rx in res.modality.get("estimate_frame_opening", ())):
        return False
    before = lower_text(text[max(sent_start, fig.start - 80):fig.start])
    return not any(rx.search(before) for rx in res.modality.get("set_against", ()))


def unended_modality(modality: str, period_end: date | None, ref: date | None, metric: str, text: str, fig: Figure,
                     sent_start: int, res: Resources) -> str:
    """An actual flow of a period that had not ended at publication is no result (CLAIM_LABELING_GUIDE.md 7): the
    sentence's frame before the figure names its modality, its first forecast cue ("For 1Q25, Upstart expects revenue
    of ~$200M (vs. $184.6M consensus) and adjusted EBITDA of ~$27M", "For Q3, Cisco guides revenue of $13.9B-$14.1B
    vs. $13.88B consensus, with a non-GAAP gross margin of 67%-68%") or the analysts opening it ("Analysts' estimates
    for the current quarter are for revenue of $5.92 billion with EPS of 65 cents"). The figure's own clause held no
    cue. A past verb between the cue and the figure makes it that verb's ("expects an increase in profitability this
    year after group revenue rose 24%"); a cue after the figure is no frame of it ("EPS of C$1.06, revenue of
    C$468.17M; initiates FY25 outlook")."""
    spec = res.metrics.get(metric)
    if modality != "actual" or period_end is None or ref is None or period_end <= ref or spec is None \
            or spec.default_period != "report":
        return modality
    for start, end, name in modality_cues(text, sent_start, fig.start, res):
        if name == "estimate" and start - sent_start > OPENING_CHARS or name not in ("estimate", "forecast",
                                                                                    "forecast_modal"):
            continue
        if name == "forecast_modal" and _PERFECT.match(text, end):
            continue  # "third-quarter net income would have been 127.6 mln dlrs": what was, but for a charge
        if name == "estimate":  # its pattern runs on past the word ("analysts' estimates for the current quarter")
            end = start + len(text[start:fig.start].split(None, 1)[0])
        if _past_verb_between(text, start, end, fig.start, res):
            return modality  # "Emkay analysts noted that the company's Q4 Ebitda was largely in-line, with revenue ..."
        # the broker may stand before the cue ("Oppenheimer analysts expect"), not in the sentence before
        back = min(60, start - sent_start)
        return "estimate" if name == "estimate" or _reporter_forecast(text, fig, start, res, back) else "forecast"
    return modality
