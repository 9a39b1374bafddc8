"""The story's report periods (a step of the claims stage, after every figure is read): the period a story reports
most, a preview's quarter, a results story's latest ended quarter, the year just ended, its paragraphs' openings and
a data story's month; `claim_dating.final_period` dates by them the figures whose text named none."""
from __future__ import annotations

from dataclasses import dataclass

from .claim_draft import Story
from .claim_periods import compared_with, dates_a_base, headline_year, report_period
from .dates import find_periods
from .paragraph_periods import ParagraphPeriods, headline_month
from .records import Period
from .results_stories import latest_report_period, preview_story, results_story


@dataclass(frozen=True)
class StoryPeriods:
    """What dates the figures whose text names no period."""

    story_period: Period | None  # the period the story reports most
    preview: bool  # a preview of results to come: its headline's quarter is the story's
    latest_quarter: Period | None  # a results story naming no quarter: its calendar's latest ended one
    openings: ParagraphPeriods  # "For the full year 2024, highlights:"
    month_reported: Period | None  # "... PURCHASES JUMP IN FEBRUARY"
    year_ended: Period | None = None  # a story naming no quarter in the weeks after a year: that year, for flows


def story_report_periods(story: Story) -> StoryPeriods:
    text, res, ref, fy_end = story.text, story.res, story.article.published, story.fy_end
    title = story.article.title or ""
    if not story.story_counts:
        # no results figure named its period: the one the headline names ("Acme Smashes Q4 Estimates"), else
        # those the figures' sentences name, leaving out bases of comparison ("a 700% rise compared to Q4 2023")
        named = [p for p in find_periods(title, ref, fy_end, res=res) if report_period(p, ref)
                 or headline_year(p, story.article.title, ref, res)] or \
            [p for p in story.period_index.items if report_period(p, ref) and not compared_with(p, text)
             and not dates_a_base(p, text)]
        for p in named:
            story.story_periods[(p.period_start, p.period_end)] = p
            story.story_counts[(p.period_start, p.period_end)] += 1
    counts = story.story_counts
    story_period = story.story_periods[counts.most_common(1)[0][0]] if counts else None
    preview = preview_story(title, text)
    if preview:  # the quarter the preview's headline names is the story's, whatever later quarters its analysts see
        story_period = next((p for p in find_periods(title, ref, fy_end, res=res) if report_period(p, ref)),
                            story_period)
    # a results story that names no quarter ("Gopal Snacks - Net profit drops 70% YoY to Rs 5.3 crore"): the latest
    # quarter of its calendar that has ended, for a figure not stated by the year ("a dividend of 78 cts a year")
    latest_quarter = latest_report_period(ref, fy_end, title, res) if ref is not None and (
        story_period is None or not ended(story_period, "actual", ref)) and results_story(title, text, res) else None
    year_ended = _year_just_ended(story.period_index.items, text, ref) \
        if story_period is None and latest_quarter is None else None
    return StoryPeriods(story_period, bool(preview), latest_quarter,
                        ParagraphPeriods(text, ref, fy_end, res, story.clean.sentence_at),
                        headline_month(title, ref, fy_end, res), year_ended)


# A story in the first weeks of a year about the year just ended ("For 2024, CCEP reported a pretax profit drop",
# "Indonesian output rose to a record high in 2024") that names no quarter reports that year: its results figures
# named no period of their own take it. A year ended longer ago is background.
_YEAR_JUST_ENDED_DAYS = 100


def _year_just_ended(periods: list[Period], text: str, ref) -> Period | None:
    """The one calendar year the text names that ended within the weeks before `ref`, not as a base of comparison;
    None when there is none or more than one."""
    if ref is None:
        return None
    found = {(p.period_start, p.period_end): p for p in periods if p.granularity == "year" and p.period_start
             and p.period_end and not p.relative_to_previous and p.period_end <= ref
             and (ref - p.period_end).days <= _YEAR_JUST_ENDED_DAYS and not compared_with(p, text)
             and not dates_a_base(p, text)}
    return next(iter(found.values())) if len(found) == 1 else None


def ended(p: Period, modality: str, ref) -> bool:
    """Whether `p` may date a result of `modality`: any period for a forecast or an estimate, else one not under way
    (one not yet begun makes a result of no forecast words a forecast: `claim_dating._modality_by_period`)."""
    return modality in ("forecast", "estimate") or ref is None or p.period_end is None or p.period_end <= ref \
        or (p.period_start is not None and p.period_start > ref)
