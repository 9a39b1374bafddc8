"""The dates stage's record: what an article's claims are dated against (issue 18).

Its headline and the headline's subject, the month its company's fiscal year ends, and the periods
each figure's sentence names. The runner's `dates.v1` stage reads it before `claims.v1`
(pipeline/stages.py); `claims.make_claims` reads it again itself when called without one, and once more
on another calendar when the story's quarter labels say its fiscal year ends elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .bounds import bounded_sentence_at
from .dates import find_periods
from .entities import ArticleEntities
from .headline_subject import headline_subject
from .records import Article, CleanText, Figure, Mention, Period
from .resources import Resources
from .story_calendar import sentence_fiscal_year_end, story_fiscal_year_end
from .that_years import THAT_YEAR_REACH, points_back


@dataclass(frozen=True, eq=False)
class StoryDates:
    """One article's headline, calendar and its figures' sentences' periods."""

    headline: str
    topic: Mention | None  # the headline's subject
    fy_end: int  # the month the story company's fiscal year ends
    fixed: bool  # fy_end was given by the caller (no second reading on the quarter labels' calendar)
    sentence_at: Callable  # the figures' sentences (bounds.bounded_sentence_at: a long one in windows)
    periods: tuple[Period, ...]  # the periods the figures' sentences name, offsets into the cleaned text


def read_dates(article: Article, clean: CleanText, figures: list[Figure], ents: ArticleEntities, res: Resources,
               fy_end_month: int | None = None) -> StoryDates:
    """The article's headline, its subject, its fiscal calendar and the periods its figures' sentences name.

    fy_end_month (int | None): the story company's fiscal year end when known; None: the gazetteer's
        for the headline's (or main) company, else `story_calendar.story_fiscal_year_end`'s.
    """
    text = clean.text
    ref = article.published
    first_line = text[:200].split("\n", 1)[0]
    # a text with no title field may open with its headline: a short first line of its own, no full stop
    headline = article.title or (first_line if "\n" in text[:201] and len(first_line) < 150
                                 and not first_line.rstrip().endswith(".") else "")
    # the body without the headline wherever the text repeats it (a wire's "(07:01 GMT) KPN Lifts Guidance ...",
    # a release's title over each section), so the headline is not its own evidence
    body = text[len(headline):] if text.startswith(headline) else text
    body = body.replace(headline, "\n") if len(headline) > 20 else body
    topic = headline_subject(headline, res, ents.learned, body)
    fy_end = fy_end_month or story_fiscal_year_end(topic, ents, figures, res, body=body, headline=headline)
    sentence_at = bounded_sentence_at(clean, figures)  # a sentence over 5,000 characters is read in windows
    periods = []
    seen_sentences = set()
    for fig in figures:  # periods matter only where a figure is: scan those sentences alone
        sent = sentence_at(fig.start)
        if sent is not None and sent.start not in seen_sentences:
            seen_sentences.add(sent.start)
            # "That year, the S&P 500 rose 31%": the sentences before it name the year, read with it
            lo = max(0, sent.start - THAT_YEAR_REACH) if points_back(text, sent.start, sent.end) else sent.start
            periods.extend(replace(p, start=p.start + lo, end=p.end + lo)
                           for p in find_periods(text[lo:sent.end], ref,
                                                 sentence_fiscal_year_end(ents, sent.start, sent.end, res) or fy_end,
                                                 res=res) if p.start + lo >= sent.start)
    return StoryDates(headline, topic, fy_end, fy_end_month is not None, sentence_at, tuple(periods))
