"""Claims: give each figure its subject, metric, segment, modality and period.

Works clause by clause: a sentence is cut at commas, semicolons, dashes, brackets and colons
(clauses.py), and a figure looks first in its own clause (for a possessive "Baidu's 7.7%", an attached
"Doubao at 24%", a metric cue, a period), then in the sentence, then in the article (its main company, the
period it set for that company). `make_claims` reads the article once into a `Story` and runs these steps
over each figure's `Draft` (claim_draft.py), in order:

    choose_figure_subject  figure_subject.py   whose figure it is
    measure_figure         claim_metrics.py    what it measures
    finish_subject         figure_subject.py   the subject once the metric is known
    place_segment          claim_segments.py   the part of the entity it is about
    pe_kind, set_modality  here                forward or trailing P/E; actual, estimate, forecast ...
    table_dating           claim_dating.py     a table's or wire line's column period
    provider_estimate_subject  figure_subject.py   a data provider's estimate is another company's
    date_figure            claim_dating.py     the period its text names; the story's report periods

then, once every figure is read (a story whose quarters are fiscal ones is read again on that calendar),
`final_period` dates the figures whose text named no period and `_claim` writes the record. Word order
covers news prose well; where it does not, the transformer stage (issue 8) may override with `metric_source`.
"""
from __future__ import annotations

import bisect
import hashlib
import re

from .claim_dating import date_figure, final_period, table_dating
from .versus_results import versus_result
from .claim_draft import Draft, Story
from .claim_metrics import measure_figure
from .claim_periods import Periods
from .claim_segments import place_segment
from .confidence import estimate as estimate_confidence, features as confidence_features, load_confidence_head
from .entities import ArticleEntities
from .figure_tables import written_currency
from .figure_subject import choose_figure_subject, finish_subject, provider_estimate_subject
from .former_names import name_then
from .modality import (MODALITY_REACH, figure_modality, framing_estimate, modality_after, modality_in_sentence,
                       own_passive_estimate, passive_after_estimate, unended_modality)
from .paragraph_periods import restated_periods
from .parse import ParseIndex
from .records import Article, Claim, CleanText, Figure
from .resources import Resources
from .story_calendar import calendar_settled, country_story, labels_fiscal_year_end
from .story_dates import StoryDates, read_dates
from .story_periods import story_report_periods
from .amount_links import AmountTrail
from .subject_ranker import load_head

RULE = "claims.v1"
_AMBIGUOUS_PE = re.compile(r"\b(?:earnings|p/?e|price[- /]to[- ]earnings)\b", re.I)
_PE_NAMED = re.compile(r"forward|trailing", re.I)


def claim_id(article_id: str, start: int, end: int, figure: str) -> str:
    return hashlib.sha1(f"{article_id}|{start}|{end}|{figure}".encode("utf-8")).hexdigest()[:16]


def make_claims(article: Article, clean: CleanText, figures: list[Figure], ents: ArticleEntities,
                res: Resources, parses: ParseIndex | None = None, trace: list | None = None,
                fy_end_month: int | None = None, dates: StoryDates | None = None) -> list[Claim]:
    """One claim per figure (pure: the same inputs give the same claims).

    `parses` holds the parse of the figures' sentences (--parse; without it the subject head trained
    without parse features decides); `trace`, when given, collects (figure, candidates,
    chosen) for each figure (its span in the text as read), for training and debugging the subject head.
    `fy_end_month` is the story company's fiscal year end when known; None: the gazetteer's, else the one
    its quarter labels say (the claims are made again on that calendar), else `story_fiscal_year_end`'s.
    `dates` is the dates stage's record (story_dates.read_dates, which gives it when None).
    """
    dates = dates or read_dates(article, clean, figures, ents, res, fy_end_month)
    story = read_story(article, clean, figures, ents, res, parses, dates)
    traced = len(trace) if trace is not None else 0
    drafts = []
    for fig in figures:
        sent = story.sentence_at(fig.start)
        if sent is None:
            continue
        view = story.view_of(sent)
        d = Draft(fig, sent, view, *view.clause_of(fig.start))
        choose_figure_subject(story, d, trace)
        measure_figure(story, d)
        finish_subject(story, d)
        place_segment(story, d)
        pe_kind(story, d)
        set_modality(story, d)
        table_dating(story, d)
        provider_estimate_subject(story, d)
        date_figure(story, d)
        drafts.append(d)
    ref = article.published
    if not dates.fixed and ref is not None and not calendar_settled(story.topic, ents, res, clean.text):
        said = labels_fiscal_year_end(story.labeled, story.headline, clean.text, ref, story.fy_end, res,
                                      halves=story.topic is not None and not country_story(story.topic, res))
        if said is not None and said != story.fy_end:
            # the quarters it reports are fiscal ones ("Q3 results" in February): once more on that calendar
            if trace is not None:
                del trace[traced:]
            return make_claims(article, clean, figures, ents, res, parses, trace, fy_end_month=said)
    periods = story_report_periods(story)
    conf_head = load_confidence_head(res.models_dir)
    claims: list[Claim] = []
    for i, d in enumerate(drafts):
        written = final_period(story, periods, d, claims[-1] if claims else None)
        versus_result(story, d, drafts, i)  # "EPS of $1.83, beating the $1.58 analysts expected": the result's period
        d.modality = unended_modality(d.modality, d.period.period_end if d.period else None, ref, d.metric, story.text,
                                      d.fig, d.sent.start, res)  # "For 1Q25, Upstart expects ... EBITDA of ~$27M"
        claims.append(_claim(story, d, written, conf_head))
    return restated_periods(claims, article.text, story.headline, ref, story.fy_end, res)  # the lede's for the headline's


def read_story(article: Article, clean: CleanText, figures: list[Figure], ents: ArticleEntities, res: Resources,
               parses: ParseIndex | None, dates: StoryDates) -> Story:
    """The article as its figures' claims see it: the dates stage's record (story_dates.py) and its
    figures by sentence."""
    sentence_at = dates.sentence_at
    by_sentence: dict[int, list[int]] = {}
    for f in figures:
        sf = sentence_at(f.start)
        if sf is not None:
            by_sentence.setdefault(sf.start, []).append(f.start)
    return Story(article=article, clean=clean, res=res, ents=ents, parses=parses,
                 head=load_head(res.models_dir, parses is None), headline=dates.headline, topic=dates.topic,
                 fy_end=dates.fy_end, sentence_at=sentence_at, figure_starts=sorted(f.start for f in figures),
                 spans={f.start: (f.start, f.end) for f in figures}, by_sentence=by_sentence,
                 period_index=Periods(list(dates.periods)), trail=AmountTrail(res),
                 money_unit=written_currency(figures))


def pe_kind(story: Story, d: Draft) -> None:
    """A P/E the clause does not call forward or trailing is settled by the story: forward when it names one."""
    if d.metric in ("forward_pe", "trailing_pe"):
        clause = story.text[d.cs:d.ce]
        if _AMBIGUOUS_PE.search(clause) and not _PE_NAMED.search(clause):
            d.metric = "ambiguous_pe"
            d.metric_step += "+pe_kind"
        elif d.metric == "forward_pe":
            story.has_forward[d.entity] = True


def set_modality(story: Story, d: Draft) -> None:
    """Actual, estimate, forecast, target or historical: from the cues of the figure's clause, its sentence
    and the figure before it (modality.py)."""
    text, fig, view, sent = story.text, d.fig, d.view, d.sent
    lead = view.clauses[0] if len(view.clauses) > 1 else None
    near = story.by_sentence.get(sent.start, ())
    lo_i = bisect.bisect_left(near, fig.start - MODALITY_REACH)
    others = tuple(p for p in near[lo_i:bisect.bisect_left(near, fig.start)])
    after = bisect.bisect_right(near, fig.start)
    modality = figure_modality(text, fig, d.cs, d.ce, story.res, lead, others, story.modality_spans,
                               near[after] if after < len(near) else None)
    previous = story.previous_figure
    modality = modality_in_sentence(modality, text, fig, sent.start, sent.end, d.cs, near, story.last_change, story.res,
                                    previous is not None and previous[0].start >= sent.start and previous[1] == "estimate")
    modality = modality_after(modality, text, fig, previous if previous and previous[0].start >= sent.start else None,
                              story.res)
    modality = own_passive_estimate(modality, text, fig, sent.start, sent.end, d.metric, story.res)
    modality = passive_after_estimate(modality, text, fig, sent.start, sent.end, story.last_estimate, story.res)
    story.previous_figure = (fig, modality)
    if framing_estimate(text, fig, sent.start, modality, story.res):
        story.last_estimate = fig.end
    story.last_change = (fig.end, modality) if fig.kind in ("percent", "word_change") or fig.unit in ("%", "pp") else None
    d.modality = modality


def _claim(story: Story, d: Draft, period_written: bool, conf_head) -> Claim:
    article, fig, subject, period, res = story.article, d.fig, d.subject, d.period, story.res
    start, end = story.clean.original_span(fig.start, fig.end)
    row = confidence_features(d.how if subject else "", d.best_score, subject.source if subject else "",
                              d.cue_score, d.metric, bool(fig.table_label), period, period_written, fig.kind,
                              fig.currency_assumed, len(story.by_sentence.get(d.sent.start, ())) or 1,
                              d.sent.end - d.sent.start, article.published)
    ref = article.published
    value, low, high = float(fig.value), float(fig.low), float(fig.high)
    spec = res.metrics.get(d.metric)
    if spec is not None and spec.sized and value < 0:  # "1.3% below Alibaba's weighting" is an underweight of 1.3
        value, low, high = -value, -high, -low
    return Claim(
        claim_id=claim_id(article.article_id, start, end, article.text[start:end]),
        article_id=article.article_id, doc=article.doc, published=ref,
        published_inferred=article.published_inferred,
        entity=name_then(subject, d.entity, ref, story.text, article.title or "", res),
        entity_id=d.entity_id, segment=d.segment, metric=d.metric, value=value, value_low=low,
        value_high=high, unit=d.unit or fig.unit, approx=fig.approx,
        period_start=period.period_start if period else None, period_end=period.period_end if period else None,
        period_label=period.label if period else "", modality=d.modality, figure=article.text[start:end],
        char_start=start, char_end=end, sentence=story.text[d.sent.start:d.sent.end],
        confidence=estimate_confidence(conf_head, row), rule=fig.rule,
        entity_source=subject.source if subject else "", decimals=fig.decimals,
        source=article.source, title=article.title, cue_score=d.cue_score, subject_route=d.how if subject else "",
        confidence_features=row, period_route=d.period_route,
    )
