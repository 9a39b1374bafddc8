"""Small frozen records passed from stage to stage.

Each stage takes a record and returns a new one; nothing is mutated in place.
Offsets in `Figure`, `Period` and `Mention` are into the *cleaned* text; the
`CleanText.to_original` map turns them back into offsets into the text as read,
which is what the claims table reports.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Mapping, Sequence


@dataclass(frozen=True)
class Article:
    """One input article as read by ingest (text decoded, nothing cleaned)."""

    article_id: str
    doc: str
    text: str
    published: date | None = None
    published_inferred: bool = False
    source: str = ""
    title: str = ""
    url: str = ""
    origin: str = ""  # file (and line/row) it came from, for error messages
    error: str = ""  # set by ingest when the record cannot be processed
    note: str = ""  # a warning that does not stop processing (e.g. bad UTF-8)
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus a map from each cleaned character to the original offset."""

    text: str
    offsets: Sequence[int]  # len(text) + 1 entries (a range when nothing moved); the last is len(original)
    sentences: tuple[Sentence, ...] = ()

    def to_original(self, i: int) -> int:
        return self.offsets[min(max(i, 0), len(self.offsets) - 1)]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for cleaned [start, end); end maps past the last char."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        # the end is where the next character came from: a figure ending in an entity ("3&#37;")
        # then ends after the entity, and an inserted break maps to the start of what follows
        return self.to_original(start), max(self.to_original(end), self.to_original(end - 1) + 1)

    def sentence_at(self, i: int) -> Sentence | None:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if i < s.start:
                hi = mid - 1
            elif i >= s.end:
                lo = mid + 1
            else:
                return s
        return None


@dataclass(frozen=True)
class Figure:
    """A figure found in the cleaned text, with its value in base units."""

    text: str
    start: int
    end: int
    value: Decimal
    low: Decimal
    high: Decimal
    unit: str  # ISO 4217, %, pp, x, count, or a physical unit
    kind: str  # money, percent, pp, multiple, count, quantity, word_change
    approx: str = "exact"  # exact, about, over, under
    rule: str = ""  # e.g. figures.money.v2
    currency_assumed: bool = False  # bare $/dlrs resolved from context
    decimals: int = 0  # digits after the point as written (precision for rounding)
    sign_from_verb: bool = False
    table_role: str = ""  # "current" / "prior" for wire result tables ("Shr 1.20 vs 1.10")
    table_label: str = ""  # the row label of a result table ("Shr", "Net")


@dataclass(frozen=True)
class Skipped:
    """A number that looked like a figure but is not a claim, and why."""

    text: str
    start: int
    reason: str  # list_number, arithmetic, model_name, indicator_window, year, phone_number, category_number, ...


@dataclass(frozen=True)
class Period:
    text: str
    start: int  # cleaned-text offsets of the expression; -1 when implied
    end: int
    period_start: date | None
    period_end: date | None  # inclusive last day
    label: str
    granularity: str  # day, month, quarter, half, year, ytd, range, multi_year
    rule: str = ""
    relative_to_previous: bool = False  # "a month earlier": anchored to the period before


@dataclass(frozen=True)
class Mention:
    """An entity mention: a company, unit, index, group, person or currency."""

    text: str
    start: int
    end: int
    entity: str  # canonical name
    entity_id: str  # ticker or slug
    kind: str  # company, unit, index, group, person, org, regulator, product
    parent: str = ""  # for units: the owning company's canonical name
    source: str = ""  # gazetteer, article_alias, ner, title
    possessive: bool = False  # "Baidu's"


@dataclass(frozen=True)
class Claim:
    claim_id: str
    article_id: str
    doc: str
    published: date | None
    published_inferred: bool
    entity: str
    entity_id: str
    segment: str
    metric: str
    value: float
    value_low: float
    value_high: float
    unit: str
    approx: str
    period_start: date | None
    period_end: date | None
    period_label: str
    modality: str
    figure: str
    char_start: int
    char_end: int
    sentence: str
    confidence: float
    # beyond the contract: why the pipeline decided what it did
    rule: str = ""
    metric_source: str = "rule"
    entity_source: str = ""
    decimals: int = 0
    source: str = ""
    title: str = ""
    # not written out: what the transformer stage reads to pick its claims
    cue_score: float = -1.0  # the strongest metric cue of the figure's kind in its sentence; -1 unknown
    # how the subject step found the entity: attached, clause, sentence (in the figure's sentence),
    # previous, recent, topic, main (from the discourse)
    subject_route: str = ""
    confidence_features: tuple = ()  # what `confidence` was estimated from (pipeline/confidence.py)
    # which step of claim_dating set the period ("text:dates.quarter.v1", "report:story", "published_day"): for audits
    period_route: str = ""


# Claim fields that stages read but no table holds
TRANSIENT_CLAIM_FIELDS = frozenset({"cue_score", "subject_route", "confidence_features", "period_route"})


def claim_row(claim: Claim) -> dict:
    """A claim as a table row: its fields less the transient ones (no deep copy, unlike dataclasses.asdict)."""
    return {f.name: getattr(claim, f.name) for f in fields(Claim) if f.name not in TRANSIENT_CLAIM_FIELDS}


@dataclass(frozen=True)
class ArticleResult:
    """What processing one article produced: its claims, skips and status."""

    article: Article
    claims: tuple[Claim, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    status: str = "ok"  # ok, failed, skipped_duplicate
    error: str = ""
    n_chars: int = 0
    timings: Mapping[str, float] = field(default_factory=dict)
    source_bands: str = ""  # the text's near-duplicate band hashes (pipeline/sources.py), for articles with claims
