"""The period steps of the claims stage: when each figure's fact holds.

`table_dating` reads a table's or wire line's column period; `date_figure` the period the figure's clause or
sentence names, and notes each results period the story reports (per entity and for the story); once every
figure is read, `story_periods.story_report_periods` sets the story's report period and `final_period` dates the figures
whose text named none: by the story's (or the entity's) report period, shifted back for "a year earlier",
the guidance year for a forecast, the published day for a quote or a price, the month a data story reports.
A result whose period ended long before the story is historical; one that had not begun, a forecast.
"""
from __future__ import annotations

import bisect
import re
from datetime import timedelta
from functools import lru_cache

from .claim_draft import Draft, Story
from .bare_bases import bare_base_back, counted_year_back
from .change_bases import year_after_change_base
from .comparatives import RULE as COMPARATIVE_RULE
from .coming_periods import coming_period
from .scaled_counts import scaled_rx
from .sentence_years import sentence_year
from .claim_periods import (REPORT_GRAINS, compared_before, period_for,
                            sentence_report_period, close_since, guided_period, guided_year,
                            months_ago, months_back, move_from_day,
                            payout_quarter, per_year, prior_months_back, report_change,
                            stated_now, undated_figure, whole_year_of, year_after_base, year_ahead)
from .dates import shift_period
from .dividend_periods import dividend_period, names_quarterly_payout
from .fiscal_years import fiscal_bare_year
from .futures_months import contract_month_day
from .government_years import government_year
from .modality import modality_cues, unended_modality
from .move_reasons import reason_period
from .held_amounts import held_now, traded
from .note_grains import note_period
from .period_ends import at_report_end, end_day, report_end_day
from .prior_periods import unanchored_back
from .quote_rows import previous_close
from .records import Claim, Period
from .report_grains import LENGTH_WEIGHT, grain_named, last_quarter_of, reporting_length
from .results_stories import latest_ended_year_period
from .resources import Resources
from .story_calendar import STARTING, calendar_settled, country_story
from .story_periods import StoryPeriods, ended
from .table_columns import column_period
from .table_periods import section_pattern, table_period, wire_row_role
from .target_years import target_span
from .week_spans import current_to_date, trading_week
from .word_patterns import listed

_HISTORICAL_DAYS = 75
# a flow whose period ended over a year before the story is background ("disasters cost it $627 million in 2017"
# in a 2019 story), not its news; on the yardstick's train and dev splits 12 of 17 such actual claims were
# labeled historical (a year's results published two or three months on stay actual)
_HISTORICAL_FLOW_DAYS = 365
# An amount of money with no named metric and no stated period, below this, is a price (a product's, a
# ticket's, a plan's): a point on the published day. Larger ones are events (a grant, a fund, a loan)
# with no period. On the yardstick's train and dev splits, 51 of 55 such small amounts were labeled
# the published day, and 35 of 63 larger ones no period.
_PRICE_BELOW = 100_000
_ESTIMATE_REACH = 300  # characters back to the amount whose metric a bare estimate restates


def table_dating(story: Story, d: Draft) -> None:
    """A table cell's or a wire table line's period from its column or row ("Shr 1.20 dlrs vs 1.10 dlrs":
    the second is the year before, historical)."""
    fig, text, res = d.fig, story.text, story.res
    # a wire table's line: its known row label, else one the vocabulary lacks ("Minority interest 700,000 vs 1.1 mln")
    role = fig.table_role if fig.table_label else wire_row_role(fig, text, res)
    if (role or fig.table_label) and story.sections is None:  # the table's section headers, found once per article
        story.sections = [(m.start(), m.group(1)) for m in section_pattern(res).finditer(text)]
    d.role = role
    lag = (res.periods.get("report_lag_days") or (0,))[0]  # a quarter is reported some days after it ends
    point = d.metric in res.metrics and res.metrics[d.metric].timing == "point"  # a balance-sheet line: its last day
    d.period = table_period(fig, text, story.article.published, story.article.title, story.fy_end, res,
                            story.sections, role, lag, point) if role or fig.table_label else None
    if role == "prior" and d.modality != "estimate":  # "Q4 revenue of $1.2B vs. $1.1B estimate": the consensus
        d.modality = "historical"


def date_figure(story: Story, d: Draft) -> None:
    """The period the figure's text names, what a bare estimate restates, and the story's report periods."""
    text, res, fig, sent, ce = story.text, story.res, d.fig, d.sent, d.ce
    ref = story.article.published
    d.scaled = scaled = bool(scaled_rx(res).search(fig.text))
    _restated_estimate(story, d)
    metric, modality = d.metric, d.modality
    # a results line the vocabulary has no name for ("Gross profit for the quarter was $45.1 million", "SG&A
    # expenses were $271 million") is dated like the results
    d.results_line = d.measured == "other" and d.share is None and not d.rate  # "20% of revenue", "a 10% tariff": none
    # a share of a whole ("20% of revenue") is dated by the sentence's report period, never by a day's words
    results = d.results = d.results_line or d.share is not None or (
        metric in res.metrics and res.metrics[metric].default_period == "report")
    starts = story.figure_starts
    following = bisect.bisect_right(starts, fig.start)
    next_start = d.next_start = starts[following] if following < len(starts) else None
    d.period = period = _text_period(story, d, results, next_start)
    # "up from ILS 1.05 billion last year": the report period a year back, not the calendar year before the story
    year_back = counted_year_back(period, fig, text, sent.start, d.modality) if results else 0
    if year_back:  # the period of the result it is set against, in its sentence, a year back; else the report period's
        against = story.last_metric_of.get((fig.unit, d.scaled))
        d.period = period = shift_period(against[2], -year_back) \
            if against is not None and against[2] is not None and sent.start <= against[0] <= fig.start else None
        year_back = 0 if period is not None else year_back
    # "up from $0.26 in the previous year" with no period written before: the report period a year back
    prior = unanchored_back(period, fig, story.period_index.within(sent.start, period.start)) \
        if results and period is not None and not fig.table_label else 0
    if prior:
        d.period = period = None
    if metric != "other" and fig.unit and modality != "historical":
        story.last_metric_of[(fig.unit, scaled)] = (fig.end, metric, period)  # what a bare estimate after it restates
    index = story.period_index
    # "up 12% from a year earlier" compares with the year before; only a level is dated back by it
    d.back = (months_back(fig, index, d.view, ref, next_start, text) or modality == "historical"
              and prior_months_back(fig, index, starts, sent.end, text, ref, res)) \
        if results and period is None and not metric.endswith(("_growth", "_change")) else 0
    d.back = d.back or (prior if not metric.endswith(("_growth", "_change")) else 0)
    if not d.back and results and period is None and not fig.table_label and not metric.endswith(("_growth", "_change")):
        d.back = bare_base_back(fig, text, (sent.start, sent.end), modality,  # "to NOK 188, up from NOK 173"
                                story.period_index.within(fig.end, sent.end), res)
    d.back = d.back or (year_back if not metric.endswith(("_growth", "_change")) else 0)
    base_next = next_start is not None and next_start < sent.end and compared_before(text, next_start)
    d.sentence_report = (year_after_base(fig, index, sent.end, text, next_start, res, modality == "forecast")
                         or year_after_change_base(fig, index.within(d.cs, d.ce, days=False), text, res, ref)
                         or sentence_report_period(index, sent.start, sent.end, text, next_start if base_next else None)
                         or sentence_year(fig, index, sent.start, sent.end, text, ref, res, next_start if base_next else None)) \
        if results and period is None else None
    d.timing = res.metrics[metric].timing if metric in res.metrics else "flow"
    # a flow of a quarter not yet ended, framed by the sentence's "expects": forecast, and no label of a result
    named = period or d.sentence_report
    d.modality = modality = unended_modality(modality, named.period_end if named else None, ref, metric, text, fig,
                                             sent.start, res)
    written_report = d.sentence_report
    if _unended_result(d, period, ref, res):  # "Revenues grew 22% to $741M, ... guidance for the current quarter"
        d.sentence_report = None
    _count_report_period(story, d, period, modality)
    clause_end = min(ce, next_start) if next_start and next_start > fig.start else ce
    grain = grain_named(text, sent.start, (fig.start, fig.end), clause_end, res) if results and period is None else None
    d.whole_year = grain == "year"
    d.quarter_grain = grain == "quarter" and not d.whole_year
    story.labeled += [(modality, period), (modality, written_report)]


def _unended_result(d: Draft, period: Period | None, ref, res: Resources) -> bool:
    """Whether the report period a later clause of the sentence names cannot be the figure's: it had not ended at
    publication, and the figure, a reported flow its clause gives no period, is still a result after the sentence's
    forecast frame was read ("Revenues grew 22% to $741M, short of forecasts for $759.6M, and company guidance for the
    current quarter wasn't upbeat"): the result is of a period that has ended, the story's."""
    sr = d.sentence_report
    spec = res.metrics.get(d.metric)
    return period is None and sr is not None and sr.start > d.fig.end and ref is not None and d.modality == "actual" \
        and spec is not None and spec.default_period == "report" and sr.period_end is not None and sr.period_end > ref


def _restated_estimate(story: Story, d: Draft) -> None:
    """"Revenue rose 22% to $741 million. Analysts expected $758.9 million.": an estimate with no metric words
    restates the metric of the last amount in the same unit and scale, a sentence or so before (a wire that sets
    each sentence apart reaches back one paragraph break), and its period."""
    fig, text = d.fig, story.text
    if d.metric == "other" and d.modality == "estimate" and not fig.table_label and d.measured is None:
        prior = story.last_metric_of.get((fig.unit, d.scaled))
        if prior is not None and fig.start - prior[0] <= _ESTIMATE_REACH and text.count("\n\n", prior[0], fig.start) <= 1:
            d.metric, d.metric_step, d.restates = prior[1], "dating.restated_estimate", prior[0]
            d.period = d.period or prior[2]


def _text_period(story: Story, d: Draft, results: bool, next_start: int | None) -> Period | None:
    """The period the figure's own text names: a table note's or column's, else its words' (a day only where the
    figure is no results figure), then narrowed by the frames that restate a period (a budget's fiscal year, a
    futures contract's month, a target year's span, a trading week)."""
    text, res, fig, sent, cs, ce = story.text, story.res, d.fig, d.sent, d.cs, d.ce
    ref, index = story.article.published, story.period_index
    if d.period is None and not fig.table_label and d.modality != "forecast":  # "NOTE: ... 20,000 dlrs in quarter"
        d.period, prior = note_period(fig, text, (sent.start, sent.end), story.article.title or "", ref, story.fy_end, res)
        d.modality = "historical" if prior and d.period is not None else d.modality
    period = d.period or column_period(text, fig, ref, story.fy_end, res, story.column_cache)  # "FY 2024   FY 2023" over it
    if period is None:
        period = year_ahead(move_from_day(close_since(period_for(
            fig, index, d.view, res, days=not results, next_start=next_start, text=text, starts=story.figure_starts,
            ref=ref), text, ref, res), fig, text, ref, res), fig, text, cs, res)
    if period is None and not results:  # "membership decline of 550,000, or 10 percent, from 2024": the year after
        period = year_after_base(fig, index, sent.end, text, next_start, res, d.modality == "forecast")
    period = reason_period(period, fig, text, d.metric, res)  # "rose 3% after ... fourth-quarter earnings": the session
    period = government_year(period, text, cs, ce, fig.unit, res)  # "for fiscal 2021" in a budget
    period = contract_month_day(period, text, cs, story.article.title, ref, res)  # "July was up 2 cents"
    # "a 50% reduction in emissions by 2030": from the base year to the target year
    period = target_span(period, fig, text, (cs, ce), (sent.start, sent.end), ref, story.fy_end, res)
    period = trading_week(period, fig, text, (cs, ce), d.metric, ref, res)  # "crashed 60% this week"
    period = current_to_date(period, d.metric, d.modality, ref, res)  # "had risen by 12.6% this quarter"
    period = coming_period(period, d.modality, ref, res)  # "will be paid May one": the coming May
    if period is not None and story.fy_end != 12 and d.modality in ("forecast", "estimate"):  # "2025 Range"
        # revenue, EPS of the story's own company (not a central bank's rate cut in a carmaker's story)
        reported = d.metric in res.metrics and res.metrics[d.metric].default_period == "report" \
            and _story_company(story, d.entity)
        period = fiscal_bare_year(period, d.modality, reported, story.fy_end, _calendar_settled(story), text[cs:ce])
    period = end_day(period, fig, text, cs, ce, d.metric, d.modality, ref, story.fy_end, res)  # "cash at year-end"
    d.report_end = period is None and at_report_end(fig, text, cs, ce, d.metric, res)  # "at the end of the quarter"
    return period


def _story_company(story: Story, entity: str) -> bool:
    """Whether `entity` is the company the story's calendar is: its headline's, else its main one."""
    own = story.topic if story.topic is not None else story.ents.main
    return bool(entity) and own is not None and entity in (own.entity, own.text)


def _calendar_settled(story: Story) -> bool:
    """Whether the story's non-December calendar is its company's, not its currency's usual one: the lists or its
    words settle it (story_calendar.calendar_settled), or its quarter labels gave a month no currency's default
    is; never a country's story (a government's years: government_years.py). Found once per story."""
    if story.fiscal_settled is None:
        res = story.res
        story.fiscal_settled = not country_story(story.topic, res) and (
            story.fy_end not in res.periods["fiscal_year_end_by_currency"].values()
            or calendar_settled(story.topic, story.ents, res, story.text))
    return story.fiscal_settled


def _count_report_period(story: Story, d: Draft, period: Period | None, modality: str) -> None:
    """Count the figure's period towards its entity's and the story's report periods where it is one: a flow's
    reporting grain, not relative, not historical, not a table's prior column. A period given for comparison ("a
    700% increase compared to Q4 2023"), or one not yet ended for a result (a fiscal quarter read on the wrong
    calendar), is none. `modality` is the figure's before a table note made it historical."""
    text, ref = story.text, story.article.published
    length = period is not None and reporting_length(period)  # "the nine months ended Dec. 31": counts for half
    if period is not None and period.period_start and d.timing == "flow" and (period.granularity in REPORT_GRAINS
                                                                              or length) \
            and not period.relative_to_previous and modality != "historical" and (d.fig.table_label or not d.role) \
            and (ref is None or modality != "actual" or period.period_end <= ref) \
            and not (period.start >= 0 and STARTING.search(text, max(0, period.start - 20), period.start)):
        key = (period.period_start, period.period_end)
        weight = LENGTH_WEIGHT if length else 1
        story.entity_periods[d.entity][key] += weight
        story.story_periods[key] = period
        story.story_counts[key] += weight


# a restatement in another currency, in brackets right after the amount: "pumped in a net 560 billion yuan ($83
# billion) on Wednesday", "RMB 5.5 million (US$0.76 million) for the fiscal year ended September 30, 2023"
@lru_cache(maxsize=4)
def _restates(res: Resources) -> re.Pattern:
    return re.compile(r"\s*\(\s*(?:(?:" + listed(res.number_words["bracket_hedges"]) + r")\s*)?$", re.I)


def _restated_period(previous: Claim | None, fig, text: str, res: Resources) -> Period | None:
    """The period of the amount of money a figure of money in another currency restates in brackets right after it
    (CLAIM_LABELING_GUIDE.md, cases decided: a restatement takes the period of the figure it restates); None when the
    figure restates none or that amount has no period."""
    if not _restates_amount(previous, fig, text, res) or previous.period_start is None:
        return None
    return Period("", -1, -1, previous.period_start, previous.period_end, previous.period_label,
                  "day" if previous.period_start == previous.period_end else "range", "claims.restated_period.v1")


def _restates_amount(previous: Claim | None, fig, text: str, res: Resources) -> bool:
    """Whether the figure restates in another currency, in brackets right after it, the amount `previous` claims."""
    return not (previous is None or fig.kind != "money" or not previous.unit or previous.unit == fig.unit
                or previous.char_end > fig.start or not _restates(res).fullmatch(text, previous.char_end, fig.start)
                or not (len(previous.unit) == 3 and previous.unit.isupper()))


_COMPARATIVE_GAP = re.compile(r"\s*\(\s*-?")


def _comparative(story: Story, d: Draft, previous: Claim | None) -> bool:
    """Whether the figure is a bare prior-period comparative in prose (comparatives.py: "Revenue decreased by 11% to
    EUR 723.7 million (808.8)"), right after the figure `previous` claims; a table's prior column is table_dating's."""
    fig, text = d.fig, story.text
    if fig.rule != COMPARATIVE_RULE or fig.table_label or previous is None:
        return False
    i = bisect.bisect_left(story.figure_starts, fig.start)
    if i == 0:
        return False
    start, end = story.spans[story.figure_starts[i - 1]]
    return bool(_COMPARATIVE_GAP.fullmatch(text, end, fig.start)) and previous.figure.split() == text[start:end].split()


def _year_before(claim: Claim) -> Period | None:
    """The period of `claim` a year earlier (a month end stays a month end: "2024-02-29" -> "2023-02-28"); None when
    the claim has none."""
    ps, pe = claim.period_start, claim.period_end
    if ps is None or pe is None:
        return None
    month_end = (pe + timedelta(days=1)).day == 1
    ps, pe = _back_a_year(ps), _back_a_year(pe)
    if month_end:
        pe = (pe.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    label = ps.isoformat() if ps == pe else str(pe.year) if (ps.month, ps.day, pe.month, pe.day) == (1, 1, 12, 31) \
        else f"{ps.isoformat()}..{pe.isoformat()}"
    return Period("", -1, -1, ps, pe, label, "day" if ps == pe else "range", "claims.comparative_period.v1")


def _back_a_year(day):
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def final_period(story: Story, sp: StoryPeriods, d: Draft, previous: Claim | None) -> bool:
    """Date a figure whose text named no period, and settle its modality by its period; True when the text
    wrote the period. `previous` is the claim made before it (an estimate set against that guidance)."""
    text, res, fig, ref = story.text, story.res, d.fig, story.article.published
    _settle_pe(story, d)
    if d.period is not None:
        d.period_route = ("table:" if fig.table_label or d.role else "text:") + d.period.rule
    same = _restated_period(previous, fig, text, res)
    if same is not None:  # "560 billion yuan ($83 billion)": the period of the amount it restates
        d.period, d.period_route = same, "restated"
        return True
    if previous is not None and previous.period_route == "traded_amount" and _restates_amount(previous, fig, text, res):
        d.period, d.period_route = None, "traded_amount"  # "raising 225 million shekels ($64 million)": an event's too
        return False
    if _comparative(story, d, previous):  # "EUR 723.7 million (808.8)": the same period a year before
        d.period, d.modality, d.period_route = _year_before(previous), "historical", "comparative"
        return True
    metric, modality, timing, period, back = d.metric, d.modality, d.timing, d.period, d.back
    default = "report" if d.results_line else res.metrics[metric].default_period if metric in res.metrics else "none"
    if undated_figure(period, fig, text, res, metric, default, timing):
        period, default, d.period_route = None, "none", "undated_event"
    period_written = period is not None
    if period is None and modality == "estimate":  # an estimate set against the guidance before it
        period = guided_period(previous, text[d.sent.start:d.sent.end], fig.unit)
        d.period_route = "guided_estimate" if period is not None else d.period_route
    if period is None:
        period = payout_quarter(fig, text, metric, modality, ref, res)
        d.period_route = "payout_quarter" if period is not None else d.period_route
    if period is None and not fig.table_label and d.sentence_report is None:  # "proposing a dividend of EUR 0.26"
        period, kind = _dividend_period(story, d)
        d.period_route = "dividend_" + kind if period is not None else d.period_route
    ago, kept = months_ago(period, fig, timing, ref), period  # "(compared to $7.3 billion a year ago)"
    back, period = (ago, None) if ago else (back, period)
    if period is None and _reported(story, sp, d, default, bool(ago)):
        period = _report_period(story, sp, d, back)
    if d.report_end and not ago:  # "a cash balance of $4.8 million at the end of the quarter": its last day
        period = report_end_day(period or _report_period(story, sp, d, 0))
        d.period_route = "report_end+" + d.period_route
    if period is None and ago and kept is not None:  # no report period to date back: the day a year before
        period, d.period_route = kept, "ago_day"
    if period is None and modality in ("forecast", "estimate") and timing == "flow" and not fig.table_label:
        period = _guided_opening(story, sp, d)
        d.period_route = "guided_opening" if period is not None else d.period_route
    if period is None:
        period = _undated_period(story, sp, d, default)
    d.period, d.modality = period, _modality_by_period(period, modality, timing, ref)
    return period_written


def _dividend_period(story: Story, d: Draft) -> tuple[Period | None, str]:
    """A dividend's period by the kind of payout its words or its story's name (dividend_periods.py)."""
    if d.metric != "dividend":
        return None, ""
    if story.quarterly_payout is None:
        story.quarterly_payout = names_quarterly_payout(story.text, story.res)
    return dividend_period(d.fig, story.text, (d.cs, d.ce), d.metric, d.modality, story.article.published,
                           story.fy_end, story.quarterly_payout, story.res, d.scaled)


def _guided_opening(story: Story, sp: StoryPeriods, d: Draft) -> Period | None:
    """"For 2025, USA Compression provided guidance ... The company also expects a 1.5% increase in active
    horsepower": a forecast (or others' estimate: "Citi still expects fiscal expenditure to expand by 2.5 trillion
    yuan") of no report metric under an opening that itself guides or forecasts (a forecast cue, not a bare modal) for
    a period not yet ended is about that period; None otherwise."""
    span = sp.openings.opening(d.sent.start)
    if span is None or not any(name == "forecast" for _, _, name in modality_cues(story.text, *span, story.res)):
        return None
    return sp.openings.period(d.sent.start, "forecast")


def _settle_pe(story: Story, d: Draft) -> None:
    """A P/E its clause left open is forward when the story names a forward one for its entity, else trailing."""
    if d.metric == "ambiguous_pe":
        d.metric = "forward_pe" if story.has_forward.get(d.entity) else "trailing_pe"
        d.timing = "point"


def _reported(story: Story, sp: StoryPeriods, d: Draft, default: str, dated_back: bool) -> bool:
    """Whether the figure takes a report period: dated a year back, its metric's default, a reported change, or an
    actual share with no rate word in a story whose figures report a period ("a 7% increase in gross order value");
    a year the story only names (`year_ended`) dates such a share in a sentence that names it ("output rose to a record
    836 million tonnes in 2024, 18% above its target"), not elsewhere (a screen's debt-to-equity ratio)."""
    fig, metric, modality = d.fig, d.metric, d.modality
    named = sp.year_ended is not None and str(sp.year_ended.period_end.year) in story.text[d.sent.start:d.sent.end]
    return dated_back or default == "report" or report_change(fig, story.text, metric, modality, story.res) or (
        metric == "other" and modality == "actual" and fig.kind in ("percent", "pp")
        and (sp.story_period is not None or named) and not d.rate)


def _report_period(story: Story, sp: StoryPeriods, d: Draft, back: int) -> Period | None:
    """The report period of a figure that takes one: its paragraph opener's, else the entity's (a year back for
    "a year earlier"), else the one the story reports most, the latest ended quarter or the year just ended."""
    text, fig, sent, modality = story.text, d.fig, d.sent, d.modality
    if d.sentence_report is None and not d.whole_year:
        period = sp.openings.period(sent.start, modality)
        if period is not None and back:  # "* Diluted EPS was $4.34 versus $3.04" under "Full Year 2024": 2023
            moved = shift_period(period, -back)
            if moved is not None:
                d.period_route = f"report:opening-{back}m"
                return moved
        elif period is not None:
            d.period_route = "report:opening"
            return _quarter_of(story, d, period)
    # "Azure revenue grew 40%" in a story about the fiscal first quarter: the entity's reported
    # period, else the one the story reports most; "a year earlier" is that period a year before
    # an actual result is of no period under way: "revenue increased to NT$293.29 billion" in a story whose
    # forecasts name the quarter under way is not that quarter's
    ref = story.article.published
    own = story.entity_periods.get(d.entity) if not sp.preview else None  # a preview's quarters: the headline's
    own = next((story.story_periods[k] for k, _ in own.most_common() if ended(story.story_periods[k], modality, ref)),
               None) if own else None
    story_period = sp.story_period if sp.story_period is not None and ended(sp.story_period, modality, ref) else None
    # a monthly data story ("Seazen Holdings Logs Lower Sales Revenue, Area in January"): its headline's month
    month = sp.month_reported if modality == "actual" and not fig.table_label else None
    base = d.sentence_report or own or story_period or month or (
        sp.latest_quarter if sp.latest_quarter is not None and not per_year(text[sent.start:sent.end]) else None) \
        or (sp.year_ended if d.timing == "flow" and not stated_now(fig, text, story.res) else None)
    if base is None and d.whole_year and modality in ("actual", "historical") and ref is not None \
            and d.metric in story.res.metrics and story.res.metrics[d.metric].default_period == "report":
        # "* BANK AL ETIHAD FY PROFIT ... 42.3 MILLION DINARS": a result for the year in a story of no report period is
        # the latest fiscal year that has ended
        base = latest_ended_year_period(ref, story.fy_end)
        d.period_route = "report:latest_year" + (f"-{back}m" if back else "")
    elif base is None:
        return None
    else:
        d.period_route = "report:" + _report_source(sp, d, own, base) + (f"-{back}m" if back else "")
    if modality == "forecast" and not back and d.sentence_report is None and not sp.preview:
        d.period_route += "+guided_year"
        return guided_year(base, story.fy_end, story.article.published)
    if d.whole_year:  # "pretax profit for the year ... from 2.295 billion pounds a year earlier": the year before
        d.period_route += "+whole_year"
        year = whole_year_of(base, story.fy_end)
        return (shift_period(year, -back) or year) if back else year
    return shift_period(base, -back) if back else _quarter_of(story, d, base)


def _quarter_of(story: Story, d: Draft, base: Period) -> Period:
    """"for the quarter" in a story of a year: the year's last quarter (report_grains.py); else `base`."""
    last = last_quarter_of(base, story.fy_end, story.article.published) if d.quarter_grain else None
    if last is None:
        return base
    d.period_route += "+last_quarter"
    return last


def _report_source(sp: StoryPeriods, d: Draft, own, base: Period) -> str:
    """Which report period `_report_period` took (Claim.period_route): the sentence's, the entity's, the story's,
    the latest ended quarter or the year just ended."""
    if base is d.sentence_report:
        return "sentence"
    if own is not None:
        return "entity"
    if base is sp.story_period:
        return "story"
    if base is sp.month_reported:
        return "month"
    return "latest_quarter" if base is sp.latest_quarter else "year_ended"


def _undated_period(story: Story, sp: StoryPeriods, d: Draft, default: str) -> Period | None:
    """A figure no report period dates: the story's day for a point (or a price no metric names), else the
    month a monthly data story reports for an actual figure outside a table."""
    fig, res, ref = d.fig, story.res, story.article.published
    if ref is not None and default == "day" and d.metric == "share_price" and previous_close(story.text, fig):
        day = ref - timedelta(days=3 if ref.weekday() == 0 else 2 if ref.weekday() == 6 else 1)
        d.period_route = "previous_close"
        return Period("", -1, -1, day, day, day.isoformat(), "day", "claims.previous_close.v1")
    if d.metric in res.periods["traded_metrics"] and fig.kind == "money" \
            and not story.period_index.within(d.sent.start, d.sent.end) \
            and grain_named(story.text, d.sent.start, (fig.start, fig.end), d.sent.end, res) is None \
            and traded(fig, story.text, d.sent.start, res):  # "Kimbal Sells $28M Worth of Stock": an event's value
        d.period_route = "traded_amount"
        return None
    if ref is not None and (default == "day" or stated_now(fig, story.text, res) or (
            d.metric not in res.metrics and fig.kind == "money" and abs(fig.value) < _PRICE_BELOW) or (
            (d.metric not in res.metrics or d.timing == "point") and held_now(fig, story.text, d.cs, res))):
        d.period_route = "published_day"
        return Period("", -1, -1, ref, ref, ref.isoformat(), "day", "claims.published_day.v1")
    if d.modality == "actual" and not fig.table_label and sp.month_reported is not None:  # a monthly data story's month
        d.period_route = "month_reported"
        return sp.month_reported
    d.period_route = d.period_route or "none"
    return None


def _modality_by_period(period: Period | None, modality: str, timing: str, ref) -> str:
    """An actual figure of a period long past is historical; of one not yet begun, a forecast."""
    if period is not None and ref is not None and period.period_end and modality == "actual":
        if period.period_end < ref - timedelta(days=_HISTORICAL_DAYS if timing == "point" else _HISTORICAL_FLOW_DAYS):
            return "historical"
        if period.period_start and period.period_start > ref:
            return "forecast"
    return modality
