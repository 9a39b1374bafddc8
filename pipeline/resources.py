"""Load and validate everything under models/ once, into one read-only object.

Stages receive it as `ctx.resources`; nothing is loaded at import time. A
malformed file stops the run here, before any article is read, with a message
that names the file and the fix.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .basis_data import load_basis
from .conflict_gate import load_conflict_cues
from .lowered import lower_pattern, lower_text, required_literals  # noqa: F401 (the stages import them from here)
from .metric_holds import load_holds
from .measures import load_measures
from .models_yaml import (compile_lower as _compile_lower, compile_pattern as _compile, fail as _fail,
                          read_yaml as _read_yaml)
from .rule_registry import load_rule_registry

DEFAULT_MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True)
class Currency:
    code: str
    symbols: tuple[str, ...]
    codes: tuple[str, ...]
    names: tuple[str, ...]
    subunits: Mapping[str, float]
    dollar_like: bool = False
    names_before: tuple[str, ...] = ()  # names also written before the amount ("ringgit 42")
    shared_default: str = ""  # a placeholder's code where no dateline decides (FRANC: FRF; shared_money)
    shared_since: Mapping[int, str] = field(default_factory=dict)  # year -> the default from then (FRANC: 2002 CHF)
    shared_datelines: Mapping[str, str] = field(default_factory=dict)  # upper-case city -> code ("ZURICH": CHF)


@dataclass(frozen=True)
class MetricSpec:
    name: str
    kinds: frozenset[str]
    timing: str  # point or flow
    cues: tuple[tuple[re.Pattern, float], ...]
    # for each cue, literals of which every match contains at least one (`required_literals`);
    # () when none could be found (the cue then always runs)
    cue_literals: tuple[tuple[str, ...], ...] = ()
    # one instrument among many of its entity (a bond yield: the 10-year note, the 3-month
    # bill): claims are compared only when both name the same one (`claim_segments.instrument_of`)
    instrument: bool = False
    default_period: str = "report"  # day, report or none: the period of a figure whose text gives none
    # the metric's name says the direction ("fund_underweight"): a claim of it holds the size, positive, where the
    # words around the figure read it as a fall ("1.3% below Alibaba's weighting"). Not drawdown_from_high: the
    # guide makes it positive, but 2 of its 3 yardstick labels are negative ("Off 0.06% from its high", "a slide of
    # 38%"); a "below" a peak stays positive there by figure_signs' peak_words
    sized: bool = False
    # a market quote's range within a day (metrics.yaml `day_slack`): (fraction of the value, percentage points)
    day_slack: tuple[float, float] | None = None
    spread: bool = False  # an analyst's own figure: claims of it form a spread, never a conflict
    per_share: bool = False  # an amount for one share: never written with a scale word ("$1.97 billion")


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: company, unit, index, group, regulator, country or exchange."""

    name: str
    entity_id: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str = ""
    segment: str = ""
    fy_end_month: int = 12
    country: str = ""
    currency: str = ""
    tickers: tuple[str, ...] = ()
    former: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (name, ISO day it ended, its aliases), oldest first


@dataclass(frozen=True, eq=False)  # hashed by identity: one per models/ folder
class Resources:
    models_dir: Path
    currencies: Mapping[str, Currency]
    scales: Mapping[str, float]
    ambiguous_scales: frozenset[str]
    number_words: Mapping[str, object]
    metrics: Mapping[str, MetricSpec]
    table_labels: Mapping[str, str]
    modality: Mapping[str, tuple[re.Pattern, ...]]
    entries: tuple[Entry, ...]
    alias_index: Mapping[str, Entry]  # exact surface form -> entry
    exchanges: frozenset[str]
    datelines: Mapping[str, str]  # upper-case city -> currency for a bare dollar
    rates: Mapping[tuple[str, int], float]  # (currency, year) -> units per USD
    boilerplate: re.Pattern
    segments: Mapping[str, str]
    unit_nouns: frozenset[str]
    segment_generic_words: frozenset[str]  # segments.py: words that never name a part alone
    segment_subject_verbs: tuple[str, ...]  # segments.py: verbs that join a clause's subject to its figure
    segment_whole_nouns: frozenset[str]  # segments.py: nouns that describe a whole company
    segment_not_products: frozenset[str]  # segments.py: capitalised words after a price that name no product
    measure_nouns: frozenset[str]  # measured_parts.py: the nouns whose modifiers can name a part
    measure_modifiers: frozenset[str]  # measured_parts.py: words that qualify the whole's measure
    part_stop_words: frozenset[str]  # measured_parts.py: words a measure noun's modifiers never run past
    segment_lists: Mapping[str, tuple]  # segment_frames.py: its lists in segments.yaml (_FRAME_LISTS)
    tickers: frozenset[str]
    entity_rules: Mapping[str, object]
    physical_units: Mapping[str, str]
    sentence_starters: frozenset[str]
    abbreviations: frozenset[str]
    metric_names: tuple[str, ...] = field(default=())
    currency_plain_names: frozenset[str] = frozenset()  # names that mean money after "a" or "10-" ("a dollar")
    periods: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/periods.yaml (calendar words)
    holidays: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/holidays.yaml (names and rules)
    subject_words: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/subjects.yaml
    # subject kind -> (metric, figure kinds, rule metrics it replaces): metrics.yaml `by_subject_kind`
    metric_by_subject_kind: Mapping[str, tuple] = field(default_factory=dict)
    # subject kind -> (its common subjects' names, quote markers, stock-market words): metrics.yaml `by_clause_words`
    metric_by_clause_words: Mapping[str, tuple] = field(default_factory=dict)
    not_by_subject_kind: re.Pattern | None = None  # a clause naming a tariff, duty or tax: a rate on the thing
    difference_before: re.Pattern | None = None  # "beats by $0.08": a gap to another figure, no metric's value
    growth_of: Mapping[str, str] = field(default_factory=dict)  # revenue -> revenue_growth: metrics.yaml `growth_of`
    scale_words: tuple[str, ...] = ()  # scales.yaml `scale_words`: a figure written with one is scaled ("629.0 mln")
    scale_suffixes: tuple[str, ...] = ()  # scales.yaml `scale_suffixes`: ... or with one after its digits ("6.2bn")
    price_metrics: frozenset[str] = frozenset()  # metrics.yaml `price_metrics`: a price or a market's level
    measures: object = None  # measures.Measures: the noun a figure measures (models/lexicons/measures.yaml)
    basis: Mapping[str, re.Pattern] = field(default_factory=dict)  # models/lexicons/basis.yaml, in order
    quote_only_bases: frozenset[str] = frozenset()  # basis.yaml `quote_only`: bases only a market quote takes
    moment_bases: frozenset[str] = frozenset()  # basis.yaml `stated_moment`: a quote's moment, no day range
    estimate_plain_bases: frozenset[str] = frozenset()  # basis.yaml `estimate_plain`: bases no consensus is split by
    # basis.yaml `totals`: the least amount a company's total can be, and the money metrics that are no totals
    least_total: float = 0.0
    not_totals: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()  # models/lexicons/counts.yaml: "81 rigs", "4 additional stations"
    count_heads: frozenset[str] = frozenset()  # counts.yaml: "a workforce of 3,500"
    rating_words: frozenset[str] = frozenset()  # counts.yaml: '2 "strong buy", 4 "hold"' counts analysts' ratings
    count_stop_words: frozenset[str] = frozenset()  # counts.yaml: no count over "10 of the shares"
    carried_joiners: tuple[str, ...] = ()  # counts.yaml: "to seven members from three", "for a total of six"
    moved_count_verbs: tuple[str, ...] = ()  # counts.yaml: "resales totaled 241,000" (moved_counts)
    moved_count_money_words: frozenset[str] = frozenset()  # counts.yaml: "net profit totaled 241,000" is no count
    moved_count_change_words: tuple[str, ...] = ()  # counts.yaml: "were off 15.5 pct to 109,174" (moved_counts)
    count_head_hedges: tuple[str, ...] = ()  # counts.yaml: "a workforce of about 3,500"
    count_roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # counts.yaml: "2,000 people working for"
    tables: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/tables.yaml (price/rate tables)
    market_sizes: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/market_sizes.yaml
    share_counts: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/share_counts.yaml
    fiscal: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/fiscal.yaml
    # models/gazetteer/datelines.yaml: {"regions": {"Alberta": "CAD"}, "stated": {"Canadian": "CAD"}} (datelines.py)
    dateline_dollars: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    places: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/places.yaml
    metric_frames: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/metric_frames.yaml
    holdings: Mapping[str, object] = field(default_factory=dict)  # models/lexicons/holdings.yaml
    conflict_cues: object = None  # conflict_gate.ConflictCues: models/lexicons/conflict_gate.yaml
    rule_ids: Mapping[str, str] = field(default_factory=dict)  # models/rules.yaml: rule id -> its meaning

    def entry(self, name: str) -> Entry | None:
        return self.alias_index.get(name)

    def fiscal_year_end(self, entity: str) -> int:
        e = self.alias_index.get(entity)
        return e.fy_end_month if e else 12

    def usd_rate(self, currency: str, year: int) -> float | None:
        """Units of `currency` per USD in `year` (nearest year on file)."""
        if currency == "USD":
            return 1.0
        if (currency, year) in self.rates:
            return self.rates[(currency, year)]
        years = sorted(y for (c, y) in self.rates if c == currency)
        if not years:
            return None
        nearest = min(years, key=lambda y: abs(y - year))
        return self.rates[(currency, nearest)]


def _load_currencies(path: Path) -> dict[str, Currency]:
    out = {}
    for row in _read_yaml(path).get("currencies", []):
        code = row.get("code")
        if not code:
            raise _fail(path, f"currency entry without code: {row}", "ISO 4217 codes")
        out[code] = Currency(
            code=code,
            symbols=tuple(row.get("symbols", []) or []),
            codes=tuple(row.get("codes", []) or []),
            names=tuple(row.get("names", []) or []),
            subunits=MappingProxyType({k: float(v) for k, v in (row.get("subunits") or {}).items()}),
            dollar_like=bool(row.get("dollar_like", False)),
            names_before=tuple(row.get("names_before", []) or []),
            shared_default=str((row.get("shared") or {}).get("default", "")),
            shared_since=MappingProxyType({int(k): str(v) for k, v in
                                           ((row.get("shared") or {}).get("since") or {}).items()}),
            shared_datelines=MappingProxyType({str(k).upper(): str(v) for k, v in
                                               ((row.get("shared") or {}).get("datelines") or {}).items()}),
        )
    return out


def _load_metrics(path: Path) -> tuple[dict[str, MetricSpec], dict[str, str], dict[str, tuple], re.Pattern | None]:
    data = _read_yaml(path)
    metrics = {}
    for name, spec in (data.get("metrics") or {}).items():
        timing = spec.get("timing", "flow")
        if timing not in ("point", "flow"):
            raise _fail(path, f"metric {name} has timing {timing!r}", "point, flow")
        cues = tuple((_compile_lower(path, rx), float(w)) for rx, w in (spec.get("cues") or {}).items())
        default_period = spec.get("default_period", "day" if timing == "point" else "report")
        if default_period not in ("day", "report", "none"):
            raise _fail(path, f"metric {name} has default_period {default_period!r}", "day, report, none")
        slack = spec.get("day_slack")
        day_slack = None
        if slack is not None:
            m = re.fullmatch(r"(\d+(?:\.\d+)?)(%|pp)", str(slack).strip())
            if m is None:
                raise _fail(path, f"metric {name} has day_slack {slack!r}", 'a share of the value ("5%") or points ("1pp")')
            day_slack = (float(m.group(1)) / 100, 0.0) if m.group(2) == "%" else (0.0, float(m.group(1)))
        metrics[name] = MetricSpec(name, frozenset(spec.get("kinds", [])), timing, cues,
                                   tuple(required_literals(rx.pattern) for rx, _ in cues),
                                   instrument=bool(spec.get("instrument", False)), default_period=default_period,
                                   day_slack=day_slack, spread=bool(spec.get("spread", False)),
                                   per_share=bool(spec.get("per_share", False)), sized=bool(spec.get("sized", False)))
    labels = {k.lower(): v for k, v in (data.get("table_labels") or {}).items()}
    for label, metric in labels.items():
        if metric != "other" and metric not in metrics:
            raise _fail(path, f"table label {label!r} maps to unknown metric {metric!r}", ", ".join(sorted(metrics)))
    by_kind = {}
    for kind, row in (data.get("by_subject_kind") or {}).items():
        if not (isinstance(row, list) and len(row) == 3 and row[0] in metrics):
            raise _fail(path, f"by_subject_kind {kind!r}: {row!r} is not [metric, figure kinds, rule metrics]",
                        ", ".join(sorted(metrics)))
        by_kind[str(kind)] = (str(row[0]), frozenset(row[1]), frozenset(row[2]))
    rate_words = data.get("not_by_subject_kind")
    gap_words = data.get("difference_before")
    growth_of = {str(k): str(v) for k, v in (data.get("growth_of") or {}).items()}
    for level, change in growth_of.items():
        if level not in metrics or change not in metrics:
            raise _fail(path, f"growth_of {level!r}: {change!r} names a metric not in the file", ", ".join(sorted(metrics)))
    by_clause = {}
    for kind, row in (data.get("by_clause_words") or {}).items():
        if kind not in by_kind or not isinstance(row, dict) or not isinstance(row.get("markers"), str):
            raise _fail(path, f"by_clause_words {kind!r}: {row!r} is not {{markers, unless}} of a by_subject_kind kind",
                        ", ".join(sorted(by_kind)))
        by_clause[str(kind)] = (_compile(path, row["markers"]),
                                _compile(path, row["unless"]) if row.get("unless") else None)
    prices = frozenset(str(m) for m in data["price_metrics"])
    if not prices <= set(metrics):
        raise _fail(path, f"price_metrics names metrics not in the file: {sorted(prices - set(metrics))}",
                    ", ".join(sorted(metrics)))
    return (metrics, labels, by_kind, _compile(path, rate_words) if rate_words else None,
            _compile(path, gap_words) if gap_words else None, growth_of, by_clause, prices)


def _clause_words(by_clause: dict, subject_words: dict) -> dict[str, tuple]:
    """metrics.yaml `by_clause_words` with, for each kind, its common subjects' names (subjects.yaml) as one pattern."""
    out = {}
    for kind, (markers, unless) in by_clause.items():
        names = sorted((str(k) for k, v in (subject_words.get("common_subjects") or {}).items() if v[1] == kind),
                       key=len, reverse=True)
        named = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        out[kind] = (named, markers, unless)
    return out


def _load_rates(rdir: Path) -> dict[tuple[str, int], float]:
    rates: dict[tuple[str, int], float] = {}
    if not rdir.is_dir():
        return rates
    for path in sorted(rdir.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
        for i, row in enumerate(csv.DictReader(lines), start=2):
            try:
                rate = float(row["units_per_usd"])
                year = int(row["year"])
            except (KeyError, TypeError, ValueError) as exc:
                raise _fail(path, f"row {i} {dict(row)} is not currency,year,units_per_usd ({exc})",
                            "a number such as 7.25") from exc
            if rate <= 0:
                raise _fail(path, f"row {i}: rate {rate} is not positive", "a positive number")
            rates[(row["currency"], year)] = rate
    return rates


_PERIOD_KEYS = ("weekdays", "months", "day_ordinals", "ordinals", "units", "next", "last", "this", "relative_days",
                "seasons", "parts")
_HOLIDAY_RULES = ("fixed", "nth_weekday", "easter", "after", "table")


def _basis_fields(path: Path, metrics: Mapping[str, MetricSpec]) -> dict:
    """basis.yaml, read once (`basis_data.load_basis`), its `basis` mapping read-only."""
    fields = load_basis(path, metrics, _read_yaml, _fail, _compile_lower)
    return {**fields, "basis": MappingProxyType(fields["basis"])}


def _load_periods(path: Path) -> dict:
    data = _read_yaml(path)
    missing = [k for k in _PERIOD_KEYS if k not in data]
    if missing:
        raise _fail(path, f"missing {', '.join(missing)}", ", ".join(_PERIOD_KEYS))
    lag = data.get("report_lag_days")
    if lag is not None and not (len(lag) == 2 and 0 <= lag[0] <= lag[1]):
        raise _fail(path, f"report_lag_days {lag}", "[fewest, most] days, 0 <= fewest <= most")
    months = data.get("fiscal_year_end_months")
    if months is not None and (12 not in months or not all(1 <= m <= 12 for m in months)):
        raise _fail(path, f"fiscal_year_end_months {months}", "months 1..12, 12 (the calendar year) among them")
    return data


def _load_holidays(path: Path) -> dict:
    data = _read_yaml(path)
    for key, row in (data.get("holidays") or {}).items():
        rule = (row or {}).get("rule") or {}
        if not row.get("names") or len(rule) != 1 or next(iter(rule)) not in _HOLIDAY_RULES:
            raise _fail(path, f"holiday {key!r} needs names and one rule", ", ".join(_HOLIDAY_RULES))
    return data


_SUBJECT_KEYS = ("reporters", "reporting_verbs", "headline_breaks", "common_subjects", "not_subjects", "demonyms")


def _load_subject_words(path: Path) -> dict:
    data = _read_yaml(path)
    missing = [k for k in _SUBJECT_KEYS if k not in data]
    if missing:
        raise _fail(path, f"missing {', '.join(missing)}", ", ".join(_SUBJECT_KEYS))
    for phrase, row in (data.get("common_subjects") or {}).items():
        if not isinstance(row, list) or len(row) != 2 or row[1] not in ("commodity", "currency", "crypto", "bond"):
            raise _fail(path, f"common_subjects {phrase!r}: {row!r} is not [name, kind]",
                        "kind commodity, currency, crypto or bond")
    return data


_FRAME_LISTS = ("held_nouns", "price_verbs", "named_measure_nouns", "instrument_heads", "term_links", "part_phrases",
                "regions", "part_nouns", "launch_verbs", "stated_participles", "served_nouns", "referring_nouns",
                "instrument_references", "debt_words", "issued_nouns", "changed_nouns",
                "clause_words", "served_stop_words", "model_words", "product_nouns", "measure_heads",
                "subject_openers", "reported_words", "not_subject_words",
                "launch_modifiers", "launch_hedges", "available_hedges", "naming_verbs",
                "month_subject_verbs", "price_auxiliaries", "price_hedges", "region_verbs", "tariff_words",
                "goods_tariff_modifiers", "part_change_nouns", "share_from_measures", "share_from_verbs",
                "owned_part_verbs", "provided_words", "contribution_verbs", "contribution_fillers",
                "part_subject_openers", "part_speaker_verbs", "label_words", "not_part_words", "not_alone_words")
# (segments.yaml's lists for segment_frames.py, segment_context.py, segments.py, measured_parts.py, headline_products.py,
# launch_prices.py)


def _lowered(words) -> tuple[str, ...]:
    """A word list of models/ in lower case, in its order."""
    return tuple(str(w).lower() for w in words)


@lru_cache(maxsize=4)
def load_resources(models_dir: str | os.PathLike | None = None) -> Resources:
    """Read and validate models/ (cached per folder; the result is read-only)."""
    mdir = Path(models_dir or os.environ.get("CLAIMS_MODELS") or DEFAULT_MODELS_DIR)
    lex = mdir / "lexicons"
    _read_yaml(lex / "metric_descriptions.yaml")  # read by the model stage; checked here, before any article
    currencies = _load_currencies(lex / "currencies.yaml")
    scales_data = _read_yaml(lex / "scales.yaml")
    scales = {k: float(v) for k, v in scales_data["scales"].items()}
    ambiguous = frozenset(scales_data.get("ambiguous", []))
    for key in ("scale_words", "scale_suffixes"):  # forms of `scales`, not a second list of them
        unknown = sorted(set(scales_data[key]) - set(scales))
        if unknown:
            raise _fail(lex / "scales.yaml", f"{key} names forms `scales` lacks: {unknown}", ", ".join(scales))
    number_words = _read_yaml(lex / "number_words.yaml")
    metrics, table_labels, by_subject_kind, not_by_subject_kind, difference_before, growth_of, by_clause, \
        price_metrics = _load_metrics(lex / "metrics.yaml")
    load_holds(mdir, tuple(sorted(metrics)) + ("other",))  # the model stage's rule_holds: checked before any article
    subject_words = _load_subject_words(lex / "subjects.yaml")
    modality_data = _read_yaml(lex / "modality.yaml")
    modality = {k: tuple(_compile_lower(lex / "modality.yaml", rx) for rx in v) for k, v in modality_data.items()}
    from .gazetteer_files import gazetteer_entries  # it reads Entry from here

    entries, exchanges, datelines, dateline_dollars = gazetteer_entries(mdir / "gazetteer")
    clean = _read_yaml(lex / "clean.yaml")
    segments = _read_yaml(lex / "segments.yaml")
    counts = _read_yaml(lex / "counts.yaml")
    boilerplate = _compile(lex / "clean.yaml", "|".join(f"(?:{rx.replace('(?i)', '')})" for rx in clean["boilerplate_lines"]))
    alias_index: dict[str, Entry] = {}
    # canonical names first so an alias never shadows another entry's own name
    for e in entries:
        alias_index.setdefault(e.name, e)
    for e in entries:
        for a in e.aliases:
            alias_index.setdefault(a, e)
    return Resources(
        models_dir=mdir,
        currencies=MappingProxyType(currencies),
        scales=MappingProxyType(scales),
        ambiguous_scales=ambiguous, scale_words=tuple(map(str, scales_data["scale_words"])),
        scale_suffixes=tuple(map(str, scales_data["scale_suffixes"])),
        number_words=MappingProxyType(number_words),
        metrics=MappingProxyType(metrics),
        table_labels=MappingProxyType(table_labels),
        modality=MappingProxyType(modality),
        entries=tuple(entries),
        alias_index=MappingProxyType(alias_index),
        exchanges=frozenset(exchanges),
        datelines=MappingProxyType(datelines),
        dateline_dollars=MappingProxyType({k: MappingProxyType(v) for k, v in dateline_dollars.items()}),
        rates=MappingProxyType(_load_rates(mdir / "rates")),
        boilerplate=boilerplate,
        sentence_starters=frozenset(clean["sentence_starters"]),
        segments=MappingProxyType({str(k).lower(): str(v) for k, v in segments["segments"].items()}),
        unit_nouns=frozenset(segments["unit_nouns"]),
        segment_generic_words=frozenset(_lowered(segments["generic_words"])),
        segment_subject_verbs=_lowered(segments["subject_verbs"]),
        segment_whole_nouns=frozenset(_lowered(segments["whole_nouns"])),
        segment_not_products=frozenset(_lowered(segments["not_products"])),
        measure_nouns=frozenset(_lowered(segments["measure_nouns"])),
        measure_modifiers=frozenset(_lowered(segments["measure_modifiers"])),
        part_stop_words=frozenset(_lowered(segments["part_stop_words"])),
        segment_lists=MappingProxyType({k: _lowered(segments[k]) for k in _FRAME_LISTS}),
        tickers=frozenset(t for e in entries for t in e.tickers),
        entity_rules=MappingProxyType(_read_yaml(lex / "entities.yaml")),
        physical_units=MappingProxyType({str(k): str(v) for k, v in _read_yaml(lex / "units.yaml")["units"].items()}),
        abbreviations=frozenset(clean["abbreviations"]),
        metric_names=tuple(sorted(metrics)) + ("other",),
        currency_plain_names=frozenset(_read_yaml(lex / "currencies.yaml").get("plain_names") or ()),
        periods=MappingProxyType(_load_periods(lex / "periods.yaml")),
        holidays=MappingProxyType(_load_holidays(lex / "holidays.yaml")),
        subject_words=MappingProxyType(subject_words),
        metric_by_clause_words=MappingProxyType(_clause_words(by_clause, subject_words)),
        metric_by_subject_kind=MappingProxyType(by_subject_kind),
        not_by_subject_kind=not_by_subject_kind, difference_before=difference_before,
        growth_of=MappingProxyType(growth_of), price_metrics=price_metrics,
        measures=load_measures(lex / "measures.yaml", metrics, _read_yaml, _fail),
        **_basis_fields(lex / "basis.yaml", metrics),
        count_nouns=frozenset(_lowered(counts["count_nouns"])),
        count_heads=frozenset(_lowered(counts["count_heads"])),
        rating_words=frozenset(_lowered(counts["rating_words"])),
        count_stop_words=frozenset(_lowered(counts["count_stop_words"])),
        carried_joiners=_lowered(counts["carried_joiners"]),
        moved_count_verbs=_lowered(counts["moved_count_verbs"]),
        moved_count_money_words=frozenset(_lowered(counts["moved_count_money_words"])),
        moved_count_change_words=_lowered(counts["moved_count_change_words"]),
        count_head_hedges=tuple(str(w) for w in counts["count_head_hedges"]),
        count_roles=MappingProxyType({str(k).lower(): tuple(str(w) for w in v) for k, v in counts["count_roles"].items()}),
        tables=MappingProxyType(_read_yaml(lex / "tables.yaml")),
        market_sizes=MappingProxyType(_read_yaml(lex / "market_sizes.yaml")),
        share_counts=MappingProxyType(_read_yaml(lex / "share_counts.yaml")),
        fiscal=MappingProxyType(_read_yaml(lex / "fiscal.yaml")),
        places=MappingProxyType(_read_yaml(lex / "places.yaml")),
        metric_frames=MappingProxyType(_read_yaml(lex / "metric_frames.yaml")),
        holdings=MappingProxyType(_read_yaml(lex / "holdings.yaml")),
        conflict_cues=load_conflict_cues(lex / "conflict_gate.yaml", metrics, _read_yaml, _fail),
        rule_ids=load_rule_registry(mdir / "rules.yaml", _read_yaml, _fail),
    )

