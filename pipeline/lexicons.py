"""The keys each YAML file under models/ must have, and the plain checker that holds them to it.

`models_yaml.read_yaml` checks every file it reads here, so a renamed or mistyped top-level key
stops the run at load time with one E005 line naming the file and the key, instead of a bare
KeyError at load or an `A011 KeyError` on every article later (issue 18). Keep in sync with
the code that reads each key (named after each table); a key no code reads is not listed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Shape:
    """A top-level value: a mapping, a list or a string, and what its values or items must be."""

    container: type  # dict, list or str
    items: tuple[type, ...] | None = None  # the types of a mapping's values or a list's items; None: any

    def describe(self) -> str:
        name = {dict: "a mapping", list: "a list", str: "a string"}[self.container]
        if self.items is None:
            return name
        kinds = " or ".join(_TYPE_NAMES[t] for t in self.items)
        return f"{name} of {kinds}" if self.container is list else f"{name} to {kinds}"


_TYPE_NAMES = {str: "words", int: "whole numbers", float: "numbers", dict: "mappings", list: "lists"}
NUMBER = (int, float)
MAP, LIST, STR = Shape(dict), Shape(list), Shape(str)

# file (relative to models/) -> required key -> shape
LEXICONS: dict[str, dict[str, Shape]] = {
    "lexicons/basis.yaml": {"basis": Shape(dict, (str,)), "totals": MAP,  # basis_data.load_basis
                            "quote_only": Shape(list, (str,)), "estimate_plain": Shape(list, (str,)),
                            "stated_moment": Shape(list, (str,))},
    "lexicons/clean.yaml": {"boilerplate_lines": Shape(list, (str,)), "sentence_starters": LIST,  # load_resources
                            "abbreviations": LIST},
    "lexicons/conflict_gate.yaml": {"families": Shape(dict, (list,)),  # conflict_gate.load_gate
                                    "prior_words": Shape(list, (str,))},
    "lexicons/counts.yaml": {"count_nouns": Shape(list, (str,)), "count_heads": Shape(list, (str,)),  # load_resources
                             "rating_words": Shape(list, (str,)), "count_stop_words": Shape(list, (str,)),
                             "carried_joiners": Shape(list, (str,)),  # carried_counts
                             "moved_count_verbs": Shape(list, (str,)),  # moved_counts
                             "moved_count_money_words": Shape(list, (str,)),  # moved_counts
                             "moved_count_change_words": Shape(list, (str,)),  # moved_counts
                             "count_head_hedges": Shape(list, (str,)),  # counted
                             "count_roles": Shape(dict, (list,))},  # counted
    "lexicons/currencies.yaml": {"currencies": Shape(list, (dict,)), "plain_names": LIST},  # _load_currencies
    "lexicons/entities.yaml": {"company_suffixes": LIST, "generic_suffixes": LIST,  # entities._Rules
                               "references": LIST, "ticker_stopwords": LIST, "not_entities": LIST,
                               "measure_heads": LIST, "title_breaks": LIST, "name_links": LIST,
                               "glued_suffixes": LIST},  # subjects.clean_name
    "lexicons/holidays.yaml": {"holidays": Shape(dict, (dict,))},  # calendar_grammar.Grammar
    "lexicons/metric_descriptions.yaml": {"metrics": Shape(dict, (dict,)),  # metric_model.load_phrases
                                            "rule_holds": Shape(dict, (list,))},  # metric_holds.load_holds
    "lexicons/metrics.yaml": {"metrics": Shape(dict, (dict,)), "table_labels": Shape(dict, (str,)),  # _load_metrics
                              "not_by_subject_kind": STR, "by_subject_kind": Shape(dict, (list,)),
                              "difference_before": STR, "growth_of": Shape(dict, (str,)),
                              "by_clause_words": Shape(dict, (dict,)), "price_metrics": Shape(list, (str,))},
    "lexicons/measures.yaml": {"nouns": Shape(dict, (list,)), "modified_nouns": Shape(dict, (list,)),
                               "move_verbs": Shape(list, (str,)),  # measures.compile_measures
                               "set_verbs": Shape(list, (str,)), "links": Shape(list, (str,)),
                               "change_nouns": Shape(list, (str,)), "qualifiers": Shape(list, (str,)),
                               "not_modifiers": Shape(list, (str,)), "moved_nouns": Shape(dict, (list,)),
                               "reached_nouns": Shape(dict, (list,)), "share_nouns": Shape(dict, (list,)),
                               "set_nouns": Shape(dict, (list,)), "rate_nouns": Shape(list, (str,)),
                               "table_rows": Shape(list, (dict,)), "outlook_words": Shape(list, (str,))},
    "lexicons/modality.yaml": {k: Shape(list, (str,))  # modality.modality_cues and figure_modality
                               for k in ("forecast", "forecast_modal", "estimate", "historical", "prior_value",
                                         "prior_value_named", "versus_expectations", "estimate_after", "base_before", "forecast_subject",
                                         "estimate_speaker", "not_cue", "versus_plans", "past_verbs",
                                         "other_than_prior", "other_than_prior_named", "past_when",
                                         "chart_level", "chart_hedge", "label_estimate",
                                         "estimate_attributed", "odds_after", "odds_before", "own_goal", "own_goal_before", "after_break", "market_forecast", "own_economy_speakers",
                                         "versus_then_result",
                                         "set_against", "estimate_own_period",  # versus_results
                                         "estimate_participle", "shared_frame", "reporter_forecast",
                                         "own_change", "passive_expectation", "passive_own_plan", "passive_estimated",
                                         "estimate_frame_opening", "house_consensus")},
    "lexicons/number_words.yaml": {  # figures.Patterns, numbers.parse_word_tokens, calendar_grammar.Grammar
        "units": Shape(dict, NUMBER), "tens": Shape(dict, NUMBER), "magnitudes": Shape(dict, NUMBER),
        "dozen": Shape(dict, NUMBER), "decimal_point": STR, "sign_words": MAP,
        "denominators": Shape(dict, NUMBER), "ordinal_tails": MAP, "word_changes": MAP,
        "falling_words": LIST, "falling_nouns": LIST, "weight_words": LIST, "money_nouns": LIST,
        "fold_verbs": LIST, "fold_nouns": LIST, "change_words": Shape(list, (str,)), "move_words": Shape(list, (str,)),
        "multiple_not_after": Shape(list, (str,)), "not_before_falling_nouns": Shape(list, (str,)),
        "flat_before": Shape(list, (str,)), "down_verbs": Shape(list, (str,)), "article_followers": Shape(list, (str,)),
        "not_product_names": Shape(list, (str,)), "category_words": Shape(list, (str,)), "qualifiers": Shape(dict, (str,)),
        "year_words_before": Shape(list, (str,)), "count_words_before": Shape(list, (str,)),
        "link_change_nouns": Shape(list, (str,)), "link_move_verbs": Shape(list, (str,)),  # amount_links
        "link_qualifiers": Shape(list, (str,)), "loss_ends": Shape(list, (str,)),  # figure_signs
        "adjective_before": Shape(list, (str,)), "anaphor_before": Shape(list, (str,)),  # counted
        "level_nouns": Shape(list, (str,)), "chart_words": Shape(list, (str,)),  # index_points
        "peak_words": Shape(list, (str,)), "crossed_bounds": Shape(list, (str,)),  # figure_signs
        "falling_amount_nouns": Shape(list, (str,)),  # figure_signs
        "loss_verbs": Shape(list, (str,)),  # figure_signs
        "compared_directions": Shape(list, (str,)), "compared_phrase_stops": Shape(list, (str,)),  # compared_amounts
        "carried_amount_followers": Shape(list, (str,)),  # compared_amounts
        "share_fraction_time_nouns": Shape(list, (str,)), "share_fraction_not_before": Shape(list, (str,)),  # fraction_shares
        "spread_benchmarks": Shape(list, (str,)),  # figure_atoms
        **{k: Shape(list, (str,)) for k in ("below_words", "above_words", "level_verbs", "off_after",  # figure_signs
                                            "loss_per_share_hedges", "off_hedges", "level_hedges", "down_hedges",
                                            "at_level_hedges", "range_hedges")},
        "restated_hedges": Shape(list, (str,)),  # amount_links
        **{k: Shape(list, (str,)) for k in ("range_between_hedges", "move_hedges", "flat_to_hedges",  # figures, ...
                                            "carried_compared_hedges", "bracket_hedges", "modality_restated_words",
                                            "attached_hedges", "coordinated_hedges",
                                            "multiple_context_words", "multiple_links", "range_end_hedges", "paren_negative_links",  # figures
                                            "range_end_kinds", "list_sign_breaks", "share_price_nouns",
                                            "share_price_bond_words", "bond_price_before")}},
    "lexicons/periods.yaml": {  # calendar_grammar.Grammar, claims (fiscal_year_end_by_currency, report_lag_days, ...)
        "weekdays": Shape(dict, (int,)), "months": Shape(dict, (int,)), "day_ordinals": Shape(dict, (int,)),
        "ordinals": Shape(dict, (int,)), "units": Shape(dict, (str,)), "next": LIST, "last": LIST, "this": LIST,
        "relative_days": Shape(dict, (int,)), "seasons": Shape(dict, (list,)), "parts": MAP, "not_dates": LIST,
        "time_zones": LIST, "year_names": LIST,  # calendar_grammar's year atom
        "contract_month_words": LIST, "maturity_words": LIST, "coupon_words": LIST, "instrument_nouns": LIST,
        "present_words": LIST, "present_verbs": LIST, "change_words": LIST, "report_change_metrics": LIST,
        "measure_words": LIST, "annual_report_words": LIST,
        "quarter_payout_words": LIST, "quarter_payout_metrics": LIST,
        **{k: Shape(list, (str,)) for k in ("dividend_year_words", "dividend_half_words",  # dividend_periods
                                            "dividend_payout_nouns", "dividend_other_words",
                                            "month_payout_words")},
        "fiscal_year_end_by_currency": Shape(dict, (int,)), "full_year_words": LIST,
        "quarter_grain_words": LIST,  # report_grains
        "report_lag_days": Shape(list, (int,)), "fiscal_year_end_months": Shape(list, (int,)),
        "now_words": Shape(list, (str,)),  # claim_periods.undated_figure
        **{k: Shape(list, (str,)) for k in ("since_superlatives", "to_date_words", "to_level_hedges",  # claim_periods
                                            "restated_hedges", "base_change_hedges",
                                            "change_base_units", "change_base_nouns",  # change_bases
                                            "bare_base_other_words",  # bare_bases
                                            "coupon_hedges", "present_after", "change_hedges",  # calendar_grammar
                                            "extreme_modifiers", "results_words", "base_year_modifiers",
                                            "trade_words", "government_budget_words",  # trade_days, government_years
                                            "contract_month_verbs", "futures_story_words",  # futures_months
                                            "target_change_words", "report_week_words",  # target_years, week_spans
                                            "holding_verbs", "standing_nouns", "traded_verbs", "traded_links",  # held_amounts
                                            "traded_metrics",  # claim_dating._undated_period
                                            "end_level_words", "end_level_hedges",  # period_ends
                                            "note_prior_words", "note_prior_openers",  # note_grains
                                            "move_reason_words",  # move_reasons
                                            "sentence_year_prepositions", "sentence_year_modifiers",
                                            "sentence_year_against")},  # sentence_years
        "note_grains": Shape(dict, (str,)), "note_current": Shape(dict, (str,)),  # note_grains
        "government_fiscal_year_end_by_currency": Shape(dict, (int,))},
    "lexicons/scales.yaml": {"scales": Shape(dict, NUMBER + (str,)), "ambiguous": LIST,  # "1e3" reads as a string
                             "scale_words": Shape(list, (str,)), "scale_suffixes": Shape(list, (str,))},
    "lexicons/market_sizes.yaml": {k: Shape(list, (str,))  # market_sizes._patterns
                                   for k in ("wholes", "links", "qualifiers", "quoted", "not_after",
                                             "function_words")},
    "lexicons/metric_frames.yaml": {k: Shape(list, (str,)) for k in (  # metric_frames._patterns
        "compare_words", "source_words", "estimate_nouns", "change_nouns", "links", "level_words", "stop_words",
        "level_qualifiers", "level_links", "level_after", "program_words",
        "series_words", "preferred_nouns", "move_verbs", "move_qualifiers", "move_after", "move_replaces",
        "portion_replaces", "portion_own", "level_move_links", "level_move_qualifiers", "level_move_running", "level_move_compared",
        "change_column_part_heads", "surprise_heads", "surprise_verdicts", "surprise_metrics",
        "item_results", "item_not_results", "item_verbs",
        "trade_verbs", "trade_nouns", "trade_offers", "trade_issues", "trade_replaces", "trade_count_hedges",
        "trade_count_scales", "row_label_qualifiers", "row_label_ratios",
        "spaced_per_words", "spaced_part_metrics", "spaced_label_tails", "spaced_count_labels",  # spaced_rows
        "market_words")},  # claim_metrics: a country's moves
    "lexicons/fiscal.yaml": {"fiscal_nouns": Shape(list, (str,)),  # fiscal_owners, statistics_owners
                             "statistics_words": Shape(list, (str,))},
    "lexicons/places.yaml": {k: Shape(list, (str,)) for k in ("place_part_nouns", "place_sales_nouns", "place_links")},
    "lexicons/holdings.yaml": {k: Shape(list, (str,)) for k in ("held_nouns", "owned_words",  # held_owners
                                                                 "per_share_words", "insider_roles",
                                                                 "personal_money_words", "outside_roles")},  # insider_owners
    "lexicons/share_counts.yaml": {"verbs": Shape(dict, (list,)), "qualifiers": Shape(list, (str,)),  # share_counts
                                   "paid_with": Shape(list, (str,)),
                                   "one_off": Shape(list, (str,))},  # scaled_counts.one_off_per_share
    "lexicons/segments.yaml": {"segments": Shape(dict, (str,)), "unit_nouns": LIST, "generic_words": LIST,
                               "subject_verbs": LIST, "whole_nouns": LIST,
                               "not_products": LIST, "measure_nouns": LIST, "measure_modifiers": LIST,
                               "part_stop_words": LIST, "held_nouns": LIST, "price_verbs": LIST,
                               "named_measure_nouns": LIST, "instrument_heads": LIST, "term_links": LIST,
                               "part_phrases": LIST, "regions": LIST, "part_nouns": LIST, "launch_verbs": LIST,
                               "stated_participles": LIST, "served_nouns": LIST, "referring_nouns": LIST,
                               "instrument_references": LIST, "debt_words": LIST,
                               "issued_nouns": LIST, "changed_nouns": LIST, "clause_words": Shape(list, (str,)),
                               "served_stop_words": Shape(list, (str,)), "subject_openers": Shape(list, (str,)),
                               "reported_words": Shape(list, (str,)), "not_subject_words": Shape(list, (str,)),
                               **{k: Shape(list, (str,)) for k in ("launch_modifiers", "launch_hedges",  # launch_prices
                                                                   "available_hedges", "naming_verbs")},
                               **{k: Shape(list, (str,)) for k in ("month_subject_verbs", "price_auxiliaries",  # segment_frames
                                                                   "price_hedges", "region_verbs", "tariff_words",
                                                                   "goods_tariff_modifiers", "part_change_nouns",
                                                                   "share_from_measures", "share_from_verbs",
                                                                   "owned_part_verbs", "provided_words",
                                                                   "part_subject_openers", "part_speaker_verbs",  # part_subjects
                                                                   "model_words", "product_nouns",  # headline_products
                                                                   "measure_heads",
                                                                   "label_words", "not_part_words",
                                                                   "not_alone_words")}},  # claim_segments
    # load_resources, measured_parts, segment_frames, segment_context
    "lexicons/subjects.yaml": {"reporters": LIST, "reporting_verbs": LIST, "headline_breaks": LIST,  # subjects
                               "common_subjects": Shape(dict, (list,)), "demonyms": Shape(dict, (str,)),
                               "not_subjects": LIST, "consensus_providers": LIST, "own_price_words": LIST,  # commodity_prices
                               "company_nouns": LIST, "speech_verbs": LIST, "speaker_roles": LIST,
                               "mover_verbs": LIST, "body_words": LIST, "research_roles": LIST, "broker_calls": LIST,
                               "index_nouns": LIST, "governments": Shape(dict, (str,)),
                               "commodity_markets": LIST, "clause_openers": LIST, "product_lines": Shape(dict, (str,)),
                               "market_cities": Shape(dict, (str,)), "group_nouns": LIST, "group_markets": LIST,
                               "tariff_nouns": Shape(list, (str,)), "tariff_modifiers": Shape(list, (str,)),
                               "tariff_targets": Shape(list, (str,)), "group_not_modifiers": Shape(list, (str,)),
                               "group_determiners": Shape(list, (str,)), "group_rest_stops": Shape(list, (str,)),
                               "compared_words": Shape(list, (str,)), "compared_hedges": Shape(list, (str,)),
                               "not_first_names": Shape(list, (str,)), "office_words": Shape(list, (str,)), "headline_labels": Shape(list, (str,)), "headline_series": Shape(list, (str,)), "headline_digests": Shape(list, (str,)), "section_headings": Shape(list, (str,)),
                               "headline_not_openers": Shape(list, (str,)), "headline_not_names": Shape(list, (str,)),
                               "mover_object_words": Shape(list, (str,)), "macro_metrics": Shape(list, (str,)),
                               "city_move_words": Shape(list, (str,)),  # market_cities
                               "rating_keep_verbs": Shape(list, (str,)), "rating_change_verbs": Shape(list, (str,)),
                               "label_heads": Shape(list, (str,)),  # subjects._name_candidates
                               "mover_hedges": Shape(list, (str,)),  # subject_roles
                               "city_market_nouns": Shape(list, (str,))},
    "lexicons/tables.yaml": {"price_titles": Shape(list, (str,)), "rate_titles": Shape(list, (str,)),  # table_cells
                             "markets": Shape(dict, (str,)),
                             "row_label_verbs": Shape(list, (str,)),  # table_periods.wire_row_role
                             "caption_scales": Shape(dict, NUMBER), "caption_scale_prefixes": Shape(dict, NUMBER),
                             "caption_currencies": Shape(dict, (str,)), "caption_tails": Shape(list, (str,)),
                             "caption_not_money": Shape(list, (str,))},  # table_captions
    "lexicons/units.yaml": {"units": Shape(dict, (str,))},  # load_resources
}

# The gazetteer's files are read whole (gazetteer_files.gazetteer_entries) and every key is optional, so
# a renamed key would drop its entries silently: only these keys may appear (us_default is a note for people;
# datelines, regions, release_dollars and stated_dollars are read by gazetteer_files for pipeline/datelines.py).
GAZETTEER_KEYS: dict[str, Shape] = {
    "companies": Shape(list, (dict,)), "indices": Shape(list, (dict,)), "groups": Shape(list, (dict,)),
    "regulators": Shape(list, (dict,)), "countries": Shape(list, (dict,)), "exchanges": Shape(list, (dict,)),
    "datelines": Shape(list, (dict,)), "us_default": STR, "regions": LIST, "stated_dollars": Shape(dict, (str,)),
    "release_dollars": LIST,
}


def find_problem(relpath: str, data: dict) -> tuple[str, str] | None:
    """What is wrong with the top level of models/`relpath`, as (detail, valid values); None when nothing.

    relpath (str): the file's path under models/, with forward slashes ("lexicons/scales.yaml").
    data (dict): the file's YAML mapping.

    >>> find_problem("lexicons/scales.yaml", {"scalez": {"million": 1e6}, "ambiguous": []})
    ("required key 'scales' is missing (found 'scalez')", 'scales, ambiguous, scale_words, scale_suffixes')
    >>> find_problem("lexicons/units.yaml", {"units": ["ton"]})
    ("key 'units' is a list, not a mapping to words", 'units')
    """
    if relpath in LEXICONS:
        schema = LEXICONS[relpath]
        valid = ", ".join(schema)
        unknown = [str(k) for k in data if k not in schema]
        for key, shape in schema.items():
            if key not in data:
                hint = f" (found {', '.join(repr(k) for k in unknown)})" if unknown else ""
                return f"required key {key!r} is missing{hint}", valid
    elif relpath.startswith("gazetteer/"):
        schema = GAZETTEER_KEYS
        valid = ", ".join(schema)
        for key in data:
            if key not in schema:
                return f"unknown key {str(key)!r}", valid
    else:
        return None
    for key, shape in schema.items():
        if key in data:
            wrong = _shape_problem(data[key], shape)
            if wrong:
                return f"key {key!r} is {wrong}, not {shape.describe()}", valid
    return None


def _shape_problem(value: object, shape: Shape) -> str:
    if value is None and shape.container in (dict, list):  # an empty section ("holidays:") reads as None
        return ""
    if not isinstance(value, shape.container):
        return _a(value)
    if shape.items is None:
        return ""
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        if isinstance(item, bool) or not isinstance(item, shape.items):
            return f"{_a(value)} holding {_a(item)} ({item!r:.40})"
    return ""


def _a(value: object) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number",
            bool: "true/false", type(None): "empty"}.get(type(value), f"a {type(value).__name__}")


def relative_to_models(path: Path) -> str:
    """'lexicons/scales.yaml' for .../models/lexicons/scales.yaml (the last two parts of the path)."""
    return "/".join(Path(path).parts[-2:])
