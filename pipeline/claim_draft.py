"""The records the claims stage works on: `Story`, what one article holds for all its figures (its text
read once, and what earlier figures left for later ones), and `Draft`, one figure's claim in the making,
filled by the steps of pipeline/claims.py in turn (subject, metric, segment, modality, period)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable

from .amount_links import AmountTrail
from .claim_periods import Periods
from .clauses import SentenceView, sentence_clauses
from .entities import ArticleEntities
from .parse import ParseIndex
from .records import Article, CleanText, Figure, Mention, Period
from .resources import Resources
from .subjects import Discourse


@dataclass(eq=False)
class Story:
    """One article as its figures' claims see it."""

    article: Article
    clean: CleanText
    res: Resources
    ents: ArticleEntities
    parses: ParseIndex | None
    head: object  # the subject head (subject_ranker.load_head)
    headline: str
    topic: Mention | None  # the headline's subject
    fy_end: int  # the story company's fiscal year end month
    sentence_at: Callable
    figure_starts: list[int]
    spans: dict[int, tuple[int, int]]  # each figure's start -> its span
    by_sentence: dict[int, list[int]]  # a sentence's start -> its figures' starts
    period_index: Periods  # the periods the figures' sentences name
    # what earlier figures left for later ones
    discourse: Discourse = field(default_factory=Discourse)
    trail: AmountTrail | None = None  # the sentence's amounts a later figure restates or changes
    previous_metric: dict = field(default_factory=dict)  # (sentence, unit) -> the last figure's metric
    previous_measured: dict = field(default_factory=dict)  # (sentence, unit) -> the last metric a noun named
    last_metric_of: dict = field(default_factory=dict)  # (unit, scaled) -> the last named amount's end, metric, period
    coordinated: tuple | None = None  # the end, measured metric and unit of the last figure whose noun named its metric
    previous_part: tuple[int, str] = (-1, "")  # the last figure's end and segment, for "$80, down from $110"
    last_change: tuple[int, str] | None = None  # the end and modality of the last percent change
    previous_figure: tuple[Figure, str] | None = None  # the last figure and its modality
    last_estimate: int = -1  # where the last estimate that frames its sentence ends (modality.framing_estimate)
    has_forward: dict = field(default_factory=dict)  # entity -> a forward P/E was named
    # each results figure's period, counted per entity and for the story ("Azure revenue grew 40%": the story's quarter)
    entity_periods: dict = field(default_factory=lambda: defaultdict(Counter))
    story_periods: dict = field(default_factory=dict)
    story_counts: Counter = field(default_factory=Counter)
    labeled: list = field(default_factory=list)  # each figure's modality and the periods its text names
    # caches shared by the figures of one sentence, clause or article
    views: dict = field(default_factory=dict)
    cue_cache: dict = field(default_factory=dict)
    clause_words_seen: dict = field(default_factory=dict)
    modality_spans: dict = field(default_factory=dict)
    column_cache: dict = field(default_factory=dict)
    sections: list | None = None  # a table's section headers, found when first asked
    headings: list | None = None  # the article's section headings, found when first asked
    quarterly_payout: bool | None = None  # the story names its payout quarterly (dividend_periods), found when first asked
    fiscal_settled: bool | None = None  # the story's non-December calendar is its company's (claim_dating), found when first asked
    money_unit: str = ""  # the currency most of the story's amounts are in ("" when it states none)

    @property
    def text(self) -> str:
        return self.clean.text

    def view_of(self, sent) -> SentenceView:
        """One clause split per sentence, shared by its figures."""
        view = self.views.get(sent.start)
        if view is None:
            view = self.views[sent.start] = sentence_clauses(self.text, sent.start, sent.end)
        return view


@dataclass(eq=False)
class Draft:
    """One figure's claim in the making."""

    fig: Figure
    sent: object  # the figure's sentence (bounds.bounded_sentence_at)
    view: SentenceView
    cs: int  # the figure's clause
    ce: int
    cands: list = field(default_factory=list)  # subject candidates (subject_candidates.candidate_rows)
    best: object = None  # the chosen candidate
    best_score: float = 0.0
    subject: Mention | None = None
    how: str = ""  # how the subject stands to the figure (attached, clause, sentence, previous, topic, main)
    subject_step: str = "head"  # the step that set the subject last (figure_subject._took); for audits, not written
    metric: str = "other"
    mscore: float = 0.0
    cue_score: float = -1.0
    metric_step: str = ""  # which step of claim_metrics.py (or later) set the metric; for audits, never written out
    measured: str | None = None  # the metric of the noun the figure measures (measures.py)
    share: str | None = None  # the metric of the whole the figure is a share of ("20% of revenue")
    rate: bool = False  # a rate laid on something ("a 10% tariff")
    entity: str = ""
    entity_id: str = ""
    segment: str = ""
    modality: str = "actual"
    role: str | None = None  # a wire table line's role (table_periods.wire_row_role)
    period: Period | None = None
    scaled: bool = False  # written with a scale word ("$1.97 billion")
    results_line: bool = False
    results: bool = False  # dated like the results (a report period), not by a day's words
    next_start: int | None = None  # the next figure's start
    timing: str = "flow"
    back: int = 0  # months "a year earlier" reaches back
    sentence_report: Period | None = None
    whole_year: bool = False
    quarter_grain: bool = False  # "for the quarter" before it: a year's last quarter (report_grains.py)
    report_end: bool = False  # a level "at the end of the quarter": the report period's last day (period_ends.py)
    period_route: str = ""  # which dating step set the period (Claim.period_route)
    restates: int | None = None  # a bare estimate: the end of the amount whose metric it restates (claim_dating)
    unit: str = ""  # the currency a scaled count takes as a money metric's amount (scaled_counts), else the figure's
