"""Claims: subject, metric, period and modality for whole sentences (none from the seeds)."""
from __future__ import annotations

import pytest

from pipeline import extract

# text, published, figure, expected fields
CASES = [
    # subjects: possessives and comparisons give each figure its own subject
    ("Cloud revenue at Contoso Corp grew 21%, ahead of Fabrikam Inc's 12% but behind Northwind Ltd's 35%.",
     "2024-05-02", "12%", {"entity": "Fabrikam", "metric": "revenue_growth"}),
    ("Cloud revenue at Contoso Corp grew 21%, ahead of Fabrikam Inc's 12% but behind Northwind Ltd's 35%.",
     "2024-05-02", "35%", {"entity": "Northwind", "metric": "revenue_growth"}),
    # aliases an article defines with its tickers
    ("Globex Holdings Ltd. (NYSE: GBX) said quarterly revenue rose to $4.2 billion. GBX shares fell 3.5% on Tuesday.",
     "2024-05-02", "3.5%", {"entity": "Globex Holdings", "metric": "price_change", "value": -3.5}),
    ("Globex Holdings Ltd. (NYSE: GBX) said quarterly revenue rose to $4.2 billion. GBX shares fell 3.5% on Tuesday.",
     "2024-05-02", "$4.2 billion", {"entity": "Globex Holdings", "metric": "revenue"}),
    # wire style with an angle-bracket ticker; "the company" refers back
    ("NEW YORK, March 3 - Acme Industries Inc <ACME> said it expects 1987 sales of 300 mln dlrs. "
     "The company earned 1.20 dlrs a share last year.", "1987-03-03", "300 mln dlrs",
     {"entity": "Acme Industries", "metric": "revenue", "modality": "forecast", "unit": "USD", "value": 300e6}),
    ("NEW YORK, March 3 - Acme Industries Inc <ACME> said it expects 1987 sales of 300 mln dlrs. "
     "The company earned 1.20 dlrs a share last year.", "1987-03-03", "1.20 dlrs",
     {"entity": "Acme Industries", "metric": "eps", "period_label": "1986"}),
    # a Toronto dateline makes a bare dlrs Canadian
    ("TORONTO, April 6 - Maple Leaf Mining Ltd said profit rose to 12.5 mln dlrs.", "1987-04-06", "12.5 mln dlrs",
     {"unit": "CAD", "metric": "profit"}),
    # wire result table: current and year-earlier figures
    ("CHICAGO, April 7 - Widget Corp <WDG> 1st qtr\nShr 45 cts vs 38 cts\nNet 4,512,000 vs 3,801,000\nRevs 55.2 mln vs 49.8 mln",
     "1987-04-07", "38 cts", {"metric": "eps", "modality": "historical", "value": 0.38}),
    ("CHICAGO, April 7 - Widget Corp <WDG> 1st qtr\nShr 45 cts vs 38 cts\nNet 4,512,000 vs 3,801,000\nRevs 55.2 mln vs 49.8 mln",
     "1987-04-07", "4,512,000", {"metric": "profit", "modality": "actual", "unit": "USD", "value": 4512000}),
    # modality: estimates, forecasts and history
    ("Analysts had expected Initech Corp to report revenue of $2.1 billion for the quarter.", "2024-05-02", "$2.1 billion",
     {"modality": "estimate", "metric": "revenue"}),
    ("Initech Corp plans to spend $40 billion on data centers over the next three years.", "2024-05-02", "$40 billion",
     {"modality": "forecast", "metric": "capex", "period_label": "next 3 years"}),
    ("At its peak in 2021, Initech Corp traded at 45 times forward earnings.", "2024-05-02", "45 times",
     {"modality": "historical", "metric": "forward_pe", "unit": "x"}),
    # periods
    ("Umbrella Corp said revenue in the third quarter of 2023 was $812 million.", "2024-01-10", "$812 million",
     {"period_label": "2023-Q3", "metric": "revenue"}),
    ("Umbrella Corp's stake rose to 14% in March, up from 11% a month earlier.", "2024-04-10", "11%",
     {"period_label": "2024-02", "metric": "ownership_pct"}),
    # a results figure is never one day: "said Thursday" is when it was told, not its period
    ("Initech Corp said Thursday that it made revenue of $1.24 billion for the final quarter of 2024.", "2025-02-13",
     "$1.24 billion", {"metric": "revenue", "period_label": "2024-Q4"}),
    # a results figure with no period words takes the period the story reports; "a year earlier" that one a year back
    ("Initech Corp's fourth-quarter revenue rose 8% to $2.2 billion. Net income was $410 million, up from "
     "$380 million a year earlier.", "2025-02-13", "$410 million", {"metric": "profit", "period_label": "2024-Q4"}),
    ("Initech Corp's fourth-quarter revenue rose 8% to $2.2 billion. Net income was $410 million, up from "
     "$380 million a year earlier.", "2025-02-13", "$380 million", {"metric": "profit", "period_label": "2023-Q4"}),
    ("Revenue for the quarter ended Dec. 31 was down to $1.366 billion at Initech Corp.", "2025-02-11",
     "$1.366 billion", {"metric": "revenue", "period_label": "2024-Q4"}),
    # a small amount with no metric named is a price, on the published day; a large one an event with no period
    ("The Verizon version of the Initech Phone will retail for $720.", "2025-02-11", "$720", {"period_label": "2025-02-11"}),
    ("Initech Corp won a $2.6 billion contract from the Navy.", "2025-02-11", "$2.6 billion", {"period_label": ""}),
    # a move verb right before a stock's figure, with no metric named, is the stock's move
    ("Initech Corp slipped 10% in Frankfurt trading.", "2025-02-11", "10%", {"metric": "price_change", "entity": "Initech"}),
    ("Initech Corp's revenue slipped 10% in the fourth quarter.", "2025-02-11", "10%", {"metric": "revenue_growth"}),
    # the value a figure is set against ("from", "vs", "compared with" after another figure) is historical
    ("The unemployment rate fell to 4.0% from 4.1% in December.", "2025-02-07", "4.1%", {"modality": "historical"}),
    ("The unemployment rate fell to 4.0% from 4.1% in December.", "2025-02-07", "4.0%", {"modality": "actual"}),
    ("Hooli Inc reported a profit of $2.20 billion, compared with $1.97 billion.", "2025-02-11", "$1.97 billion",
     {"modality": "historical"}),
    ("Hooli Inc raised $40 million from investors.", "2025-02-11", "$40 million", {"modality": "actual"}),
    # a result set against what was expected: the figure after the phrase is the expectation, not the one before
    ("Hooli Inc's revenue grew 22% to $741M, short of forecasts for $759.6M.", "2025-02-13", "$759.6M",
     {"modality": "estimate"}),
    ("Hooli Inc's revenue grew 22% to $741M, short of forecasts for $759.6M.", "2025-02-13", "$741M",
     {"modality": "actual"}),
    ("Hooli Inc's adjusted EPS was $0.32, beating expectations of $0.29.", "2025-02-13", "$0.32", {"modality": "actual"}),
    ("Hooli Inc expects adjusted EPS of $1.17-$1.22 (vs. $1.28 consensus).", "2025-02-13", "$1.28",
     {"modality": "estimate"}),
    # the gap between a result and its estimate is no metric's value; a bracketed change is the amount's growth
    ("Hooli Inc: Q4 Non-GAAP EPS of $1.01 beats by $0.08.", "2025-02-13", "$0.08", {"metric": "other"}),
    ("Hooli Inc: Revenue of $1.01B (+114.4% Y/Y) misses by $58.21M.", "2025-02-13", "$58.21M", {"metric": "other"}),
    ("Hooli Inc: Revenue of $1.01B (+114.4% Y/Y) misses by $58.21M.", "2025-02-13", "+114.4%",
     {"metric": "revenue_growth", "value": 114.4}),
    ("Hooli Inc: Revenue of $1.01B (+114.4% Y/Y) misses by $58.21M.", "2025-02-13", "$1.01B", {"metric": "revenue"}),
    # a total's amount per share right after it is EPS; a results figure takes the one report period its sentence names
    ("Hooli Inc had net income of $184 million, or $1.61 a share, for the quarter through Dec. 31.", "2025-02-13",
     "$1.61", {"metric": "eps", "period_label": "2024-Q4"}),
    ("Hooli Inc had net income of $184 million, or $1.61 a share, for the quarter through Dec. 31.", "2025-02-13",
     "$184 million", {"metric": "profit", "period_label": "2024-Q4"}),
    ("Hooli Inc earned 4.1 mln dlrs, or 1.12 dlrs per share, in the quarter.", "1987-04-07", "1.12 dlrs", {"metric": "eps"}),
    # an estimate with no metric words restates the metric of the amount just before, in the same unit and scale
    ("Hooli Inc's revenue rose 22% to $741 million in the fourth quarter. Analysts expected $758.9 million.",
     "2025-02-13", "$758.9 million", {"metric": "revenue", "modality": "estimate", "period_label": "2024-Q4"}),
    ("Hooli Inc's adjusted EPS was $0.32 in the fourth quarter. Two analysts polled by FactSet expected $0.14.",
     "2025-02-13", "$0.14", {"metric": "eps", "modality": "estimate", "entity": "Hooli"}),
    # an amount a share that analysts expect, or below zero, is EPS, never a share price
    ("Hooli Inc's EPS came in at $0.24, which beat analysts' consensus estimate of -$0.41 per share.", "2025-02-13",
     "-$0.41", {"metric": "eps", "modality": "estimate", "value": -0.41}),
    ("The consensus estimate for Hooli Inc had been $16.71 per share for 2025.", "2025-02-13", "$16.71", {"metric": "eps"}),
    # a growth figure compares with a year earlier: its period is the report period, not a year back
    ("Hooli Inc's fourth-quarter revenue was $2 billion. Sales increased by 15% from a year earlier.",
     "2025-02-13", "15%", {"metric": "revenue_growth", "period_label": "2024-Q4"}),
    # a demonym before a company noun describes the company, it does not name the country as owner
    ("Australian diversified miner South32 reported an 838% surge in first-half profits on Thursday.", "2025-02-13",
     "838%", {"entity": "South32"}),
    ("The Japanese economy grew 0.7% in the fourth quarter.", "2025-02-17", "0.7%", {"entity": "Japan"}),
    # a cue after the figure does not reach past the next figure ("a year ago" dates $822.4 million only)
    ("Hooli Inc's sales rose to $5.1 million from $4.2 million a year ago.", "2025-02-13", "$5.1 million",
     {"modality": "actual"}),
    ("Hooli Inc's sales rose to $5.1 million from $4.2 million a year ago.", "2025-02-13", "$4.2 million",
     {"modality": "historical"}),
    # metrics from cue phrases
    ("Hooli Inc agreed to buy Pied Piper for $1.5 billion in cash.", "2024-05-02", "$1.5 billion", {"metric": "deal_value"}),
    ("Hooli Inc raised its dividend to 25 cents a share.", "2024-05-02", "25 cents", {"metric": "dividend", "value": 0.25}),
    ("Hooli Inc has a market value of $2.1 trillion.", "2024-05-02", "$2.1 trillion", {"metric": "market_cap"}),
    ("Analysts at Bernstein raised their price target on Hooli Inc to $250.", "2024-05-02", "$250", {"metric": "price_target"}),
    ("Hooli Inc will buy back $10 billion of its shares.", "2024-05-02", "$10 billion", {"metric": "buyback"}),
    ("The unemployment rate fell to 3.9% in April.", "2024-05-03", "3.9%", {"metric": "unemployment_rate", "value": 3.9}),
    ("Hooli Inc's gross margin widened to 46.2% from 44.1%.", "2024-05-02", "44.1%", {"metric": "gross_margin"}),
]


@pytest.mark.parametrize("text,published,figure,expected", CASES, ids=[f"{c[2]} in {c[0][:40]}" for c in CASES])
def test_claim_fields(text, published, figure, expected):
    claims, _ = extract([text], published=published)
    rows = claims[claims["figure"] == figure]
    assert len(rows) >= 1, f"no claim for {figure!r}: {claims[['figure', 'metric']].to_dict('records')}"
    row = rows.iloc[0]
    for key, want in expected.items():
        got = row[key]
        if isinstance(want, float) or isinstance(want, int) and not isinstance(want, bool):
            assert got == pytest.approx(want), (key, row.to_dict())
        else:
            assert got == want, (key, row.to_dict())


def test_a_results_figure_with_no_period_takes_the_headlines_not_a_base_of_comparison():
    import pandas as pd
    text = ("Hooli Inc's revenue rose 115% to $1.01 billion. Crypto brought in $358 million, "
            "a 700% increase compared to Q4 2023.")
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-13", "title": "Hooli Smashes Q4 Estimates"}]))
    got = dict(zip(claims["figure"], claims["period_label"]))
    assert got["$1.01 billion"] == "2024-Q4" and got["$358 million"] == "2024-Q4", got


def test_a_consensus_provider_is_the_source_of_an_estimate_not_its_owner():
    # the lead of a modern-dump story (bw-tradingview-urnnewsmlmtnewswires.com20250211G24664150)
    import pandas as pd
    title = "Arena REIT Posts Higher Fiscal H1 Earnings as Property Income Rises"
    text = (f"{title}\n\nArena REIT reported Wednesday that its earnings per security in the fiscal first half rose to "
            "AU$0.0929, up nearly 6%, from AU$0.0872 last year.\n\nAnalysts polled by Visible Alpha were expecting EPS "
            "of AU$0.09.\n\nProperty income for the six-month period ended Dec. 31, 2024, was AU$44.2 million, up 13% "
            "from AU$39.1 million in the same period last year. The Visible Alpha average estimate was for a property "
            "income of AU$44.2 million.")
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-11", "title": title}]))
    assert "Visible Alpha" not in set(claims["entity"]), claims[["figure", "entity"]].to_dict("records")
    row = claims[claims["figure"] == "AU$0.09"].iloc[0]
    assert row.entity == "Arena REIT" and row.modality == "estimate"


def test_a_sentence_adverb_names_nobody():
    # the lead of a modern-dump story (bw-seekalpha-4407610): "Meanwhile" was the subject of its EPS
    import pandas as pd
    title = "CyberArk rises after Q4, outlook beat expectations"
    text = (f"{title}\n\nShares of CyberArk Software (NASDAQ:CYBR) rose about 5% premarket on Thursday after "
            "fourth-quarter results beat estimates, and outlook slightly surpassed expectations.\n\nThe identity security "
            "solution provider saw fourth-quarter revenue jump about 41% year-over-year to $314.4M. Meanwhile, non-GAAP "
            "EPS was $0.80 compared to $0.81 in the fourth quarter of 2023. Both top and bottom-line numbers beat estimates.")
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-13", "title": title}]))
    assert set(claims[claims["figure"].isin(["$0.80", "$0.81"])]["entity"]) == {"CyberArk Software"}, \
        claims[["figure", "entity"]].to_dict("records")


def test_offsets_after_cleaning_point_into_raw_text():
    text = "Intro\u00a0line 🔥\nContoso\u2019s shares rose 4.5%\u2014the most since May. Revenue hit \u20ac1.2bn."
    claims, _ = extract([text], published="2024-05-02")
    assert len(claims) == 2
    for row in claims.itertuples():
        assert text[row.char_start:row.char_end] == row.figure


def test_no_claims_from_non_figures():
    text = ("1) Qwen2.5 beat GPT-4 on the 14-day RSI test in 2025.\n2) The 3+2 structure held. "
            "The company introduced its base model in 2020.")
    claims, _ = extract([text], published="2025-02-02")
    assert claims.empty, claims[["figure", "rule"]].to_dict("records")


# --- the cue prefilter: literals every match of a pattern contains -------------------------------

from pipeline.resources import required_literals  # noqa: E402

LITERALS = [
    ("a plain word", r"revenues?", ("revenue",)),
    ("an alternation of words", r"\bcapex\b|capital (?:spending|outlays?)", ("capex", "capital ")),
    ("the part whose shortest literal is longest", r"(?:a|its) (?:lowest|highest) in", ("highest", "lowest")),
    ("on a tie, the part with fewer literals", r"(?:a|its) (?:low|high) of", (" of",)),
    ("a required repeat", r"(?:up|down){1,2} \d", ("down", "up")),
    ("an optional part is never required", r"(?:net )?income", ("income",)),
    ("a branch without a literal: nothing required", r"\d+|per share", ()),
    ("a character class is not a literal", r"[a-z]+ed", ("ed",)),
    ("a lookahead is never required", r"(?=profit)\w+", ()),
]


@pytest.mark.parametrize("case,pattern,expected", LITERALS, ids=[c[0] for c in LITERALS])
def test_required_literals(case, pattern, expected):
    assert required_literals(pattern) == expected


def test_every_cue_match_contains_one_of_its_literals(resources):
    """The prefilter is exact: over real sentences, a cue never matches where its literals are absent."""
    import json
    from pathlib import Path

    from pipeline.resources import lower_text

    data = Path(__file__).parent / "data"
    texts = [lower_text(json.loads(line)["sentence"]) for name in ("metric_eval.jsonl", "metric_train.jsonl")
             for line in (data / name).open(encoding="utf-8")]
    checked = 0
    for spec in resources.metrics.values():
        for (rx, _), literals in zip(spec.cues, spec.cue_literals):
            assert literals, f"{spec.name}: {rx.pattern} has no required literal (it runs unfiltered)"
            for text in texts:
                for m in rx.finditer(text):
                    assert any(lit in m.group() for lit in literals), (spec.name, rx.pattern, m.group())
                    checked += 1
    assert checked > 1000


def test_every_modality_cue_match_contains_one_of_its_literals(resources):
    """modality_cues' prefilter is exact: over real sentences, a cue or not_cue pattern never matches where its
    literals are absent, and the cues found are those of every pattern run unfiltered."""
    import json
    from pathlib import Path

    from pipeline.modality import _CUE_NAMES, _cue_plan, modality_cues
    from pipeline.resources import lower_text

    data = Path(__file__).parent / "data"
    sentences = [json.loads(line)["sentence"] for name in ("metric_eval.jsonl", "metric_train.jsonl")
                 for line in (data / name).open(encoding="utf-8")]
    not_cues, cues = _cue_plan(resources)
    checked = 0
    for sentence in sentences:
        text = lower_text(sentence)
        for rx, literals in [*not_cues, *((rx, lits) for _, rx, lits in cues)]:
            for m in rx.finditer(text):
                assert not literals or any(lit in m.group() for lit in literals), (rx.pattern, m.group())
                checked += 1
    assert checked > 500
    sentence = "Analysts polled by FactSet expected revenue of $5 billion, which will rise from a year earlier."
    blocked = [m.span() for rx in resources.modality["not_cue"] for m in rx.finditer(lower_text(sentence))]
    unfiltered = sorted((m.start(), m.end(), name) for name in _CUE_NAMES for rx in resources.modality.get(name, ())
                        for m in rx.finditer(lower_text(sentence)) if not any(s <= m.start() and m.end() <= e for s, e in blocked))
    assert modality_cues(sentence, 0, len(sentence), resources) == unfiltered and unfiltered


def test_fold_exceptions_are_the_only_letters_ignorecase_and_lower_text_read_apart():
    """An ASCII letter under IGNORECASE matches a character exactly where lower_text lowers it to that letter,
    but for FOLD_EXCEPTIONS (the Latin, Greek, Cyrillic and letter-like blocks, where such folds live)."""
    import re
    import string

    from pipeline.lowered import FOLD_EXCEPTIONS, lower_text

    apart = set()
    for cp in [*range(0x3000), *range(0x1E00, 0x1F00), *range(0x2100, 0x2150), *range(0xFB00, 0xFB07)]:
        c = chr(cp)
        low = lower_text(c)
        for x in string.ascii_lowercase:
            if bool(re.fullmatch(x, c, re.I)) != (low == x):
                apart.add(c)
    assert apart == set(FOLD_EXCEPTIONS)


SENTENCE_WORDS = [
    ("as written", "Brent crude rose 2% while the Australian dollar fell, German exports held."),
    ("in capitals", "BRENT CRUDE ROSE 2% WHILE THE AUSTRALIAN DOLLAR FELL, GERMAN EXPORTS HELD."),
    ("a long s in the article: the case-insensitive scan", "Gold ro\u017fe 1% and the Japanese yen fell."),
]


@pytest.mark.parametrize("case,text", SENTENCE_WORDS, ids=[c[0] for c in SENTENCE_WORDS])
def test_sentence_words_read_as_the_case_insensitive_patterns(resources, case, text):
    """The common subjects and demonyms of a sentence, scanned lowered, are those the patterns find as written,
    with their words as written."""
    from pipeline.subject_candidates import _sentence_words
    from pipeline.subjects import subject_words

    words = subject_words(resources)
    words.last_scan.clear()
    common, demonyms, _ = _sentence_words(text, 0, len(text), words)
    assert [c[:2] for c in common] == [m.span() for m in words.common_rx.finditer(text)] and common
    assert list(demonyms) == [(m.start(), m.end(), m.group()) for m in words.demonym_rx.finditer(text)] and demonyms
    words.last_scan.clear()


WORD_CHANGES = [
    ("written in capitals", "Initech's profit DOUBLED last year.", ["DOUBLED"]),
    ("title case", "Revenue More Than Doubled in the quarter.", ["More Than Doubled"]),
    ("a long s in the text: the case-insensitive scan", "Sales of \u017fome goods Doubled.", ["Doubled"]),
    ("a dotted capital I beside the words", "\u0130stanbul sales tripled.", ["tripled"]),
    ("no word change", "The company raised its dividend.", []),
]


@pytest.mark.parametrize("case,text,found", WORD_CHANGES, ids=[c[0] for c in WORD_CHANGES])
def test_word_changes_keep_their_written_form(resources, case, text, found):
    from pipeline.figure_signs import find_word_changes

    assert [f.text for f in find_word_changes(text, resources, [])] == found


@pytest.mark.parametrize("clause, figure, term", [
    ("The yield on 10-year Treasuries rose one basis point to 2.40%.", "2.40%", "10-year"),
    ("The yield on the two-year note fell to 1.82%, the 10-year's to 2.06%.", "1.82%", "2-year"),
    ("The yield on the two-year note fell to 1.82%, the 10-year's to 2.06%.", "2.06%", "10-year"),
    ("Three-month bills averaged 5.98 pct at the auction.", "5.98 pct", "3-month"),
    ("The key 7-1/2 pct Treasury bonds of 2016 closed to yield 7.94 pct.", "7.94 pct", "due 2016"),
    ("Gilt yields rose to 4.1% on Monday.", "4.1%", ""),
])
def test_instrument_of_names_the_term_nearest_before_the_figure(clause, figure, term):
    from pipeline.claim_segments import instrument_of

    assert instrument_of(clause, clause.index(figure)) == term


def test_the_prior_year_period_after_a_second_figure_dates_that_figure_only():
    import pandas as pd
    text = "Fourth-quarter revenue rose to $989.8 million from $960.1 million in the prior-year period."
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-13", "title": "Hooli posts Q4 results"}]))
    got = dict(zip(claims["figure"], claims["period_label"]))
    assert got == {"$989.8 million": "2024-Q4", "$960.1 million": "2023-Q4"}, got


def test_for_the_year_in_a_quarterly_story_is_the_whole_fiscal_year():
    import pandas as pd
    text = ("Hooli said fourth-quarter revenue rose 14.4% to $951 million. "
            "Total revenues for the year were $3,568 million.")
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-13", "title": "Hooli posts Q4 results"}]))
    got = dict(zip(claims["figure"], claims["period_label"]))
    assert got["$951 million"] == "2024-Q4" and got["$3,568 million"] == "2024", got


def test_the_level_a_forecast_change_reaches_is_forecast_too():
    claims, _ = extract(["Hooli forecast net profit to decline 2.9% to 450.0 billion yen in the year to March."],
                        published="2025-02-13")
    got = dict(zip(claims["figure"], claims["modality"]))
    assert got == {"2.9%": "forecast", "450.0 billion yen": "forecast"}, got


def test_a_wires_bare_estimates_restate_the_last_amounts_metric_and_period():
    # the MT Newswires results template: one sentence a paragraph
    import pandas as pd
    text = ("Hooli reported Q4 non-GAAP earnings Wednesday of $0.59 per diluted share, up from $0.41 a year earlier.\n\n"
            "Analysts polled by FactSet, on average, expected $0.57.\n\n"
            "Revenue for the quarter ended Dec. 31 was $741 million, compared with $605.8 million a year earlier.\n\n"
            "Analysts expected $758.9 million.\n\n"
            "For Q1, the company is projecting at least $575 million in revenue.\n\n"
            "Analysts are looking for $582.2 million.\n")
    claims, _ = extract(pd.DataFrame([{"text": text, "published": "2025-02-12", "title": "Hooli Q4 Non-GAAP EPS Rise"}]))
    got = {f: (m, p, mod) for f, m, p, mod in zip(claims["figure"], claims["metric"], claims["period_label"], claims["modality"])}
    assert got["$0.59"] == ("eps", "2024-Q4", "actual"), got
    assert got["$0.57"] == ("eps", "2024-Q4", "estimate"), got
    assert got["$758.9 million"] == ("revenue", "2024-Q4", "estimate"), got
    assert got["$582.2 million"] == ("revenue", "2025-Q1", "estimate"), got


# A company the gazetteer does not hold reports a fiscal quarter: the quarter its results story names, read on
# the calendar year, is not yet over or ended too long ago to be news, so the story's labels set its fiscal year
# end (models/lexicons/periods.yaml `report_lag_days`). One expected quarter <- many phrasings, then negatives.
# Rows: text, published, headline, figure, (period_start, period_end).
OCT_DEC_2024 = ("2024-10-01", "2024-12-31")
FISCAL_QUARTERS = [
    # a year ending in March: "third quarter" in February is October-December
    ("Initech said its third-quarter loss narrowed to $121.9 million, or $1.11 a share.", "2025-02-07", "",
     "$121.9 million", OCT_DEC_2024),
    ("Globex posted a Q3 net profit of $34 million, up 14% from a year earlier.", "2025-02-11", "", "$34 million",
     OCT_DEC_2024),
    ("In Q3FY25, Hooli's revenue from operations jumped 9.4% year-on-year to $2.2 billion.", "2025-02-13", "",
     "$2.2 billion", OCT_DEC_2024),
    # a year ending in June: "Q2 2025" in February is October-December 2024, an actual result, and its
    # comparison the quarter a year before
    ("Total revenue at Initech for Q2 2025 was $46.7 million, down 8.5% year-over-year.", "2025-02-12", "",
     "$46.7 million", OCT_DEC_2024),
    ("Globex's adjusted EBITDA was $1.1 million in Q2-2025 compared to a loss of $92,806 in Q2-2024.", "2025-02-11",
     "", "$1.1 million", OCT_DEC_2024),
    ("Globex's adjusted EBITDA was $1.1 million in Q2-2025 compared to a loss of $92,806 in Q2-2024.", "2025-02-11",
     "", "$92,806", ("2023-10-01", "2023-12-31")),
    ("For the second quarter of fiscal 2025, Hooli reported revenue of $7.4 million.", "2025-02-13", "",
     "$7.4 million", OCT_DEC_2024),
    ("Hooli reported fiscal second quarter 2025 revenue of $106.7 million.", "2025-02-11", "", "$106.7 million",
     OCT_DEC_2024),
    ("Gross profit for the quarter was $45.1 million, a 12% decline year-over-year.", "2025-02-11",
     "Initech Reports Fiscal Second Quarter 2025 Results", "$45.1 million", OCT_DEC_2024),
    # a gazetteer company's own calendar (Apple's year ends in September), and in its story another
    # company's sentence keeps that company's (Amazon's calendar quarter)
    ("Apple reported Q2 revenue of $58.3 billion.", "2020-04-30", "Apple Q2 earnings rise", "$58.3 billion",
     ("2020-01-01", "2020-03-31")),
    ("Amazon reported second-quarter sales of $88.9 billion.", "2020-08-03", "Apple Q3 earnings rise",
     "$88.9 billion", ("2020-04-01", "2020-06-30")),
    # negatives: calendar quarters stay calendar quarters
    ("Initech's fourth-quarter revenue rose 8% to $2.2 billion.", "2025-02-13", "", "$2.2 billion", OCT_DEC_2024),
    ("Globex made revenue of $1.24 billion for the final quarter of 2024, up 8% from a year earlier.", "2025-02-13",
     "", "$1.24 billion", OCT_DEC_2024),
    ("Initech expects Q2 2025 revenue of $50 million.", "2025-02-12", "", "$50 million", ("2025-04-01", "2025-06-30")),
    ("Hooli's third-quarter revenue was $812 million, up from $700 million in the second quarter.", "2024-11-05", "",
     "$812 million", ("2024-07-01", "2024-09-30")),
    ("Germany's economy grew 0.1% in the third quarter after shrinking 0.2% in the second quarter.", "2019-11-14",
     "Germany Dodges Recession", "0.2%", ("2019-04-01", "2019-06-30")),
]


@pytest.mark.parametrize("text, published, headline, figure, span", FISCAL_QUARTERS,
                         ids=[f"{c[3]} in {c[0][:50]}" for c in FISCAL_QUARTERS])
def test_a_quarter_is_read_on_the_fiscal_calendar_its_story_shows(text, published, headline, figure, span):
    import pandas as pd
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": headline}]))
    row = claims[claims["figure"] == figure].iloc[0]
    assert (str(row.period_start), str(row.period_end)) == span, row.to_dict()


# A period a figure is set against dates the figure it introduces, not the figure before it ("a decrease of $7
# million from $277 million for the same period in 2023"), and a period that is itself the base ("grew 20% from
# Q4 2023", "to $62.2 million from a year ago") dates no figure. Negatives: a day that dates the whole statement,
# and spans that start or run on. Rows: text, published, headline, figure, period label.
COMPARISON_BASES = [
    ("Adjusted EBITDA for the quarter was $270 million, a decrease of $7 million from $277 million for the same "
     "period in 2023.", "2025-02-11", "Hooli Q4 results", "$7 million", "2024-Q4"),
    ("Initech reported 1986 net profit of 245 mln stg against 257 mln in 1985.", "1987-04-09", "", "245 mln stg",
     "1986"),
    ("Exports fell in January to 34.76 billion marks from December's 36.45 billion.", "1987-03-16", "",
     "34.76 billion marks", "1987-01"),
    ("Revenue rose 16.3% to $62.20 million from a year ago; analysts expected $67.95 million.", "2025-02-12",
     "Hooli Q4 results", "$62.20 million", "2024-Q4"),
    ("Management fees in Q4 2024 grew 20% from Q4 2023, bolstered by $7.1 million in catch-up fees.", "2025-02-10",
     "Hooli Q4 results", "$7.1 million", "2024-Q4"),
    ("Management fees in Q4 2024 grew 20% from Q4 2023, bolstered by $7.1 million in catch-up fees.", "2025-02-10",
     "Hooli Q4 results", "20%", "2024-Q4"),
    ("Hooli's sales rose to $5.1 million from $4.2 million a year ago.", "2025-02-13", "Hooli Q4 results",
     "$4.2 million", "2023-Q4"),
    # negatives
    ("The central bank raised rates to 0.5% from 0.25% at its policy meeting on January 23.", "2025-02-13", "",
     "0.5%", "2025-01-23"),
    ("Initech's dividend yield is forecast to exceed 5% from 2025.", "2025-02-10", "", "5%", "2025"),
]


@pytest.mark.parametrize("text, published, headline, figure, label", COMPARISON_BASES,
                         ids=[f"{c[3]} in {c[0][:50]}" for c in COMPARISON_BASES])
def test_a_base_of_comparison_dates_only_its_own_figure(text, published, headline, figure, label):
    import pandas as pd
    claims, _ = extract(pd.DataFrame([{"text": text, "published": published, "title": headline}]))
    row = claims[claims["figure"] == figure].iloc[0]
    assert row.period_label == label, row.to_dict()
