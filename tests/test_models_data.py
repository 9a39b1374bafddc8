"""Integrity of the entity and exchange-rate data under models/gazetteer and models/rates.

These files are hand-compiled (see each file's header); the checks here catch what
hand editing gets wrong: YAML turning "0700" into 448 or "NO" into False, one alias
pointing at two companies, a fiscal month of 13, a rate off by a factor of 1,000, a
gap in a currency's years. Clashes are printed in full so the fix is obvious.
"""
from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

MODELS = Path(__file__).resolve().parent.parent / "models"
GAZ = MODELS / "gazetteer"
RATES = MODELS / "rates" / "usd_rates.csv"

ISO_COUNTRY = re.compile(r"^[A-Z]{2}$")
ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")
LEGACY_EURO = {"DEM": 1.95583, "FRF": 6.55957, "ITL": 1936.27, "NLG": 2.20371, "ESP": 166.386, "BEF": 40.3399}
REQUIRED_CURRENCIES = (
    "USD CNY HKD EUR GBP JPY CAD AUD NZD CHF INR KRW TWD SGD MYR THB IDR PHP BRL MXN ZAR RUB "
    "SEK NOK DKK SAR AED TRY DEM FRF ITL NLG ESP BEF"
).split()


def _load(name: str) -> dict:
    data = yaml.safe_load((GAZ / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"models/gazetteer/{name}: top level must be a mapping"
    return data


@pytest.fixture(scope="module")
def companies() -> list[dict]:
    return _load("companies.yaml")["companies"]


@pytest.fixture(scope="module")
def indices_file() -> dict:
    return _load("indices.yaml")


@pytest.fixture(scope="module")
def groups_file() -> dict:
    return _load("groups.yaml")


@pytest.fixture(scope="module")
def datelines_file() -> dict:
    return _load("datelines.yaml")


@pytest.fixture(scope="module")
def rates() -> dict[str, dict[int, float]]:
    lines = RATES.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert body[0] == "currency,year,units_per_usd", f"{RATES}: header row is {body[0]!r}"
    out: dict[str, dict[int, float]] = defaultdict(dict)
    for i, row in enumerate(csv.DictReader(body), start=2):
        code, year, rate = row["currency"], int(row["year"]), float(row["units_per_usd"])
        assert year not in out[code], f"{RATES}: {code} {year} appears twice"
        out[code][year] = rate
    return dict(out)


def _entities(companies, indices_file, groups_file):
    """Every matchable entry as (kind, label, record, era), units flattened under their company."""
    out = []
    for c in companies:
        era = (c.get("active_from"), c.get("active_until"))
        out.append(("company", c["name"], c, era))
        for u in c.get("units") or []:
            lo = max(x for x in (era[0], u.get("active_from"), -math.inf) if x is not None)
            hi = min(x for x in (era[1], u.get("active_until"), math.inf) if x is not None)
            out.append(("unit", f"{u['name']} ({c['name']})", u, (lo, hi)))
    for kind, key in (("index", "indices"), ("group", "groups"), ("regulator", "regulators"), ("country", "countries")):
        src = indices_file if key == "indices" else groups_file
        for r in src.get(key) or []:
            out.append((kind, r["name"], r, (r.get("active_from"), r.get("active_until"))))
    return out


def _overlap(a: tuple, b: tuple) -> bool:
    """Eras overlap unless one ends no later than the other starts."""
    a_lo, a_hi = (a[0] if a[0] is not None else -math.inf), (a[1] if a[1] is not None else math.inf)
    b_lo, b_hi = (b[0] if b[0] is not None else -math.inf), (b[1] if b[1] is not None else math.inf)
    return not (a_hi <= b_lo or b_hi <= a_lo)


# ---------------------------------------------------------------- structure


def test_every_gazetteer_file_has_a_header_and_parses():
    for path in sorted(GAZ.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path.name}: start with a header comment (source, date, fields)"
        assert "Source:" in text.split("\n\n")[0] + text[:2000], f"{path.name}: header must name its source"
        assert isinstance(yaml.safe_load(text), dict)


def test_companies_fields(companies):
    assert len(companies) >= 350
    problems = []
    for c in companies:
        where = c.get("name", c)
        if not isinstance(c.get("name"), str) or not c["name"].strip():
            problems.append(f"{where}: name missing")
        if not isinstance(c.get("id"), str) or not c["id"]:
            problems.append(f"{where}: id must be a string")
        fy = c.get("fy_end_month")
        if not (isinstance(fy, int) and not isinstance(fy, bool) and 1 <= fy <= 12):
            problems.append(f"{where}: fy_end_month {fy!r} is not 1..12")
        if "country" in c and not ISO_COUNTRY.match(str(c["country"])):
            problems.append(f"{where}: country {c['country']!r} is not ISO alpha-2 (quote NO)")
        for key in ("tickers", "aliases"):
            if not isinstance(c.get(key, []), list):
                problems.append(f"{where}: {key} must be a list")
        if c["name"] in (c.get("aliases") or []):
            problems.append(f"{where}: aliases repeat the name")
        lo, hi = c.get("active_from"), c.get("active_until")
        if lo is not None and hi is not None and lo > hi:
            problems.append(f"{where}: active_from {lo} after active_until {hi}")
        if "common_word" in c and not isinstance(c["common_word"], bool):
            problems.append(f"{where}: common_word must be true/false")
        for u in c.get("units") or []:
            if not isinstance(u.get("name"), str) or not isinstance(u.get("id"), str):
                problems.append(f"{where}: unit without name/id: {u}")
            if not isinstance(u.get("aliases", []), list):
                problems.append(f"{where}: unit {u.get('name')} aliases must be a list")
    assert not problems, "\n".join(problems)


def test_every_surface_form_is_a_string(companies, indices_file, groups_file):
    """YAML reads 0700 as 448, NO as False and 9988 as an int unless quoted."""
    bad = []
    for kind, label, rec, _ in _entities(companies, indices_file, groups_file):
        for key in ("name", "id", "aliases", "tickers", "members"):
            vals = rec.get(key)
            for v in vals if isinstance(vals, list) else ([] if vals is None else [vals]):
                if not isinstance(v, str) or not v.strip():
                    bad.append(f"{kind} {label}: {key} value {v!r} is not a string (quote it)")
    for r in indices_file.get("exchanges") or []:
        for v in [r.get("name"), r.get("id"), r.get("suffix"), *(r.get("aliases") or [])]:
            if not isinstance(v, str):
                bad.append(f"exchange {r.get('name')}: {v!r} is not a string")
    assert not bad, "\n".join(bad)


def test_bare_numeric_tickers_do_not_read_as_years(companies):
    """'2020' in prose is a year, not Anta Sports: such codes are listed only as 2020.HK."""
    bad = [f"{c['name']}: {t}" for c in companies for t in c.get("tickers") or []
           if t.isdigit() and 1900 <= int(t) <= 2099]
    assert not bad, "bare numeric tickers that look like years:\n" + "\n".join(bad)


def test_ids_are_unique(companies, indices_file, groups_file):
    seen: dict[str, str] = {}
    dupes = []
    for kind, label, rec, _ in _entities(companies, indices_file, groups_file):
        if kind == "country":
            continue  # own namespace: ISO codes may equal tickers (Deere's DE)
        if rec["id"] in seen:
            dupes.append(f"id {rec['id']!r}: {seen[rec['id']]} and {kind} {label}")
        seen[rec["id"]] = f"{kind} {label}"
    country_ids = [r["id"] for r in groups_file["countries"]]
    assert len(country_ids) == len(set(country_ids)), "duplicate country ids"
    exchange_ids = [r["id"] for r in indices_file["exchanges"]]
    assert len(exchange_ids) == len(set(exchange_ids)), "duplicate exchange ids"
    assert not dupes, "\n".join(dupes)


def test_no_alias_or_ticker_maps_to_two_entities(companies, indices_file, groups_file):
    """Names, aliases and tickers share one case-insensitive namespace, as the loader matches
    them; two entries may share a form only when their active years do not overlap."""
    owners: dict[str, list[tuple[str, str, tuple]]] = defaultdict(list)
    for kind, label, rec, era in _entities(companies, indices_file, groups_file):
        forms = {rec["name"], *(rec.get("aliases") or []), *(rec.get("tickers") or [])}
        for form in forms:
            owners[str(form).casefold()].append((kind, label, era))
    clashes = []
    for form, who in sorted(owners.items()):
        for i in range(len(who)):
            for j in range(i + 1, len(who)):
                if who[i][1] != who[j][1] and _overlap(who[i][2], who[j][2]):
                    clashes.append(f"{form!r}: {who[i][0]} {who[i][1]} <-> {who[j][0]} {who[j][1]}")
    if clashes:
        print("\n".join(clashes))
    assert not clashes, f"{len(clashes)} clashes:\n" + "\n".join(clashes)


def test_exchange_aliases_are_unique_among_exchanges(indices_file):
    seen: dict[str, str] = {}
    clashes = []
    for r in indices_file["exchanges"]:
        for form in {r["name"], *(r.get("aliases") or [])}:
            key = form.casefold()
            if key in seen and seen[key] != r["name"]:
                clashes.append(f"{form!r}: {seen[key]} <-> {r['name']}")
            seen[key] = r["name"]
    assert not clashes, "\n".join(clashes)
    for code in ("NYSE", "NASDAQ", "HKG", "HKEX", "SEHK", "LSE", "TSE", "TSX", "SSE", "SZSE"):
        assert code.casefold() in seen, f"exchange code {code} missing"


def test_parents_and_group_members_exist(companies, groups_file):
    company_ids = {c["id"] for c in companies}
    country_ids = {c["id"] for c in groups_file["countries"]}
    bad = [f"{c['name']}: parent {c['parent']!r}" for c in companies if "parent" in c and c["parent"] not in company_ids]
    for g in groups_file["groups"]:
        pool = country_ids if g.get("member_kind") == "countries" else company_ids
        bad += [f"group {g['name']}: member {m!r}" for m in g.get("members") or [] if m not in pool]
    assert not bad, "unknown ids:\n" + "\n".join(bad)


def test_unit_segments_are_known_segments(companies):
    seg_file = MODELS / "lexicons" / "segments.yaml"
    if not seg_file.exists():
        pytest.skip("models/lexicons/segments.yaml not present")
    known = {str(v) for v in yaml.safe_load(seg_file.read_text(encoding="utf-8"))["segments"].values()}
    bad = [f"{c['name']} / {u['name']}: segment {u['segment']!r}" for c in companies
           for u in c.get("units") or [] if "segment" in u and u["segment"] not in known]
    assert not bad, "keep unit segments in sync with models/lexicons/segments.yaml:\n" + "\n".join(bad)


# ---------------------------------------------------------------- content spot checks


def _resolve(form: str, companies, indices_file, groups_file) -> str | None:
    """The canonical name a surface form points at (exact match first, then case-insensitive)."""
    exact, folded = {}, {}
    for kind, label, rec, _ in _entities(companies, indices_file, groups_file):
        for f in {rec["name"], *(rec.get("aliases") or []), *(rec.get("tickers") or [])}:
            exact.setdefault(f, rec["name"])
            folded.setdefault(f.casefold(), rec["name"])
    return exact.get(form) or folded.get(form.casefold())


@pytest.mark.parametrize("form, expected", [
    # seed articles (corpus/seeds/gold.yaml)
    ("Alibaba Group Holding Ltd", "Alibaba"), ("BABA", "Alibaba"), ("9988", "Alibaba"), ("Baba", "Alibaba"),
    ("Alibaba Cloud", "Alibaba Cloud"), ("Aliyun", "Alibaba Cloud"),
    ("Nasdaq", "Nasdaq Composite"), ("Hang Seng", "Hang Seng Index"), ("Hang Seng Tech", "Hang Seng Tech Index"),
    ("NASDAQ Golden Dragon China Index", "NASDAQ Golden Dragon China Index"), ("MSCI China Index", "MSCI China Index"),
    ("U.S. mega-cap tech", "U.S. mega-cap tech"), ("Big Tech", "U.S. mega-cap tech"), ("hyperscalers", "Hyperscalers"),
    ("BIDU", "Baidu"), ("Meituan", "Meituan"), ("PDD Holdings", "Pinduoduo"), ("Doubao", "Doubao"), ("Kimi", "Kimi"),
    ("ARK Investment", "ARK Invest"), ("AWS", "AWS"), ("Azure", "Azure"), ("Google Cloud", "Google Cloud"),
    ("DeepSeek", "DeepSeek"), ("Moonshot", "Moonshot AI"), ("Zhipu", "Zhipu AI"), ("Morgan Stanley", "Morgan Stanley"),
    # aliases the brief names
    ("Google", "Alphabet"), ("Facebook", "Meta"), ("YouTube", "YouTube"), ("Waymo", "Waymo"), ("Instagram", "Instagram"),
    ("Taiwan Semiconductor Manufacturing", "TSMC"), ("Hon Hai", "Foxconn"), ("the Fed", "Federal Reserve"),
    ("PBOC", "People's Bank of China"), ("Dow Jones", "Dow Jones Industrial Average"), ("Nikkei", "Nikkei 225"),
    ("eurozone", "Euro zone"), ("U.S.", "United States"),
    # 1987 wire names and codes
    ("SRD", "Standard Oil"), ("Standard Oil Co", "Standard Oil"), ("TX", "Texaco"), ("Chrysler Corp", "Chrysler"),
    ("VOWG.F", "Volkswagen"), ("Manufacturers Hanover", "Manufacturers Hanover"), ("Gulf and Western", "Gulf and Western"),
    ("Hongkong and Shanghai Banking Corp", "HSBC"), ("West Germany", "West Germany"),
])
def test_known_forms_resolve(form, expected, companies, indices_file, groups_file):
    assert _resolve(form, companies, indices_file, groups_file) == expected


def test_hang_seng_indices_are_distinct(indices_file):
    by_name = {r["name"]: r for r in indices_file["indices"]}
    hsi, tech = by_name["Hang Seng Index"], by_name["Hang Seng Tech Index"]
    assert hsi["id"] != tech["id"]
    assert "Hang Seng Tech" not in hsi["aliases"] and "Hang Seng" not in tech["aliases"]
    assert "Hang Seng China Enterprises Index" in by_name


@pytest.mark.parametrize("name, month", [
    ("Microsoft", 6), ("Apple", 9), ("Nvidia", 1), ("Oracle", 5), ("Cisco", 7), ("Walmart", 1),
    ("Alibaba", 3), ("Infosys", 3), ("Toyota", 3), ("Sony", 3), ("SoftBank Group", 3), ("Amazon", 12),
    ("Tencent", 12), ("Siemens", 9), ("Costco", 8), ("Nike", 5), ("Broadcom", 10), ("Visa", 9),
])
def test_fiscal_year_ends(name, month, companies):
    by_name = {c["name"]: c for c in companies}
    assert by_name[name]["fy_end_month"] == month


def test_countries_and_regulators(groups_file, rates):
    for r in groups_file["regulators"]:
        assert "country" not in r or ISO_COUNTRY.match(str(r["country"])), r
    missing = []
    for c in groups_file["countries"]:
        codes = ([c["currency"]] if "currency" in c else []) + [f["code"] for f in c.get("former_currencies") or []]
        for code in codes:
            assert ISO_CURRENCY.match(code), f"{c['name']}: currency {code!r}"
            if code not in rates:
                missing.append(f"{c['name']}: {code}")
    assert not missing, "country currencies without rates:\n" + "\n".join(missing)
    by_name = {c["name"]: c for c in groups_file["countries"]}
    assert by_name["West Germany"]["currency"] == "DEM"
    assert {f["code"] for f in by_name["France"]["former_currencies"]} == {"FRF"}


def test_datelines(datelines_file, rates):
    assert datelines_file["us_default"] == "USD"
    cities = [d["city"] for d in datelines_file["datelines"]]
    assert len(cities) == len(set(cities)), "duplicate dateline city"
    by_city = {d["city"]: d["currency"] for d in datelines_file["datelines"]}
    for city, code in {"TORONTO": "CAD", "MONTREAL": "CAD", "OTTAWA": "CAD", "VANCOUVER": "CAD", "CALGARY": "CAD",
                       "HONG KONG": "HKD", "SYDNEY": "AUD", "MELBOURNE": "AUD", "WELLINGTON": "NZD",
                       "SINGAPORE": "SGD", "TAIPEI": "TWD"}.items():
        assert by_city[city] == code
    assert all(c == c.upper() for c in cities), "dateline cities are upper case, as the wire writes them"
    regions = {r["name"]: r["currency"] for r in datelines_file["regions"]}
    assert regions["Alberta"] == "CAD" and regions["New Zealand"] == "NZD"
    for code in list(by_city.values()) + list(regions.values()):
        assert code in rates, f"dateline/region currency {code} has no rates"


# ---------------------------------------------------------------- exchange rates


def test_rates_header_and_required_currencies(rates):
    head = [ln for ln in RATES.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    text = "\n".join(head).lower()
    assert "source" in text and "approximate" in text and "carry" in text
    missing = [c for c in REQUIRED_CURRENCIES if c not in rates]
    assert not missing, f"missing currencies: {missing}"


def test_rates_positive_and_contiguous(rates):
    bad = []
    for code, series in rates.items():
        years = sorted(series)
        if years != list(range(years[0], years[-1] + 1)):
            bad.append(f"{code}: years not contiguous {years[0]}..{years[-1]}")
        bad += [f"{code} {y}: {v}" for y, v in series.items() if not v > 0]
        for y in years[1:]:
            ratio = series[y] / series[y - 1]
            if not 0.2 < ratio < 5:  # redenominations use a new code (MXP/MXN, RUR/RUB, TRL/TRY)
                bad.append(f"{code} {y - 1}->{y}: {series[y - 1]} -> {series[y]} (x{ratio:.1f}); a typo?")
    assert not bad, "\n".join(bad)


def test_rates_cover_1980_to_2026(rates):
    for code in ("USD", "JPY", "GBP", "CAD", "AUD", "CHF", "HKD", "CNY", "INR", "KRW", "TWD", "SGD", "SEK"):
        assert min(rates[code]) <= 1980 and max(rates[code]) >= 2026, code
    assert all(v == 1.0 for v in rates["USD"].values())
    assert min(rates["EUR"]) == 1999
    for code in LEGACY_EURO:
        assert min(rates[code]) == 1980 and max(rates[code]) == 2001, code


@pytest.mark.parametrize("code, year, low, high", [
    ("CNY", 2024, 6, 8), ("JPY", 2024, 100, 170), ("HKD", 2020, 7.7, 7.9),
    ("JPY", 1987, 130, 160), ("CNY", 1987, 3.5, 4.0), ("INR", 1987, 11, 15), ("INR", 2024, 80, 86),
    ("EUR", 2024, 0.85, 1.0), ("GBP", 2024, 0.7, 0.85), ("GBP", 1987, 0.55, 0.7), ("DEM", 1987, 1.6, 2.0),
    ("FRF", 1987, 5.5, 6.5), ("ITL", 1987, 1200, 1400), ("CAD", 1987, 1.25, 1.4), ("KRW", 2024, 1250, 1450),
    ("TWD", 2024, 29, 34), ("AUD", 2024, 1.4, 1.6), ("CHF", 2024, 0.8, 0.95), ("SAR", 2024, 3.74, 3.76),
])
def test_rate_magnitudes(code, year, low, high, rates):
    assert low < rates[code][year] < high


def test_legacy_currencies_match_the_euro_conversion_rates(rates):
    for code, fixed in LEGACY_EURO.items():
        for year in (1999, 2000, 2001):
            implied = rates[code][year] / rates["EUR"][year]
            assert abs(implied / fixed - 1) < 0.005, f"{code} {year}: {implied:.4f} per EUR, fixed {fixed}"


# YAML 1.1 words PyYAML reads as booleans; the lexicons are read as YAML 1.2 (`LexiconLoader`)
@pytest.mark.parametrize("text, expected", [
    ("[In, On, At]", ["In", "On", "At"]),
    ("[Mr, No, Nos]", ["Mr", "No", "Nos"]),
    ("[ON, OFF, YES, NO, yes, off]", ["ON", "OFF", "YES", "NO", "yes", "off"]),
    ("{flag: true, other: false}", {"flag": True, "other": False}),
    ("[TRUE, True, FALSE]", ["TRUE", "True", "FALSE"]),
    ("{ticker: NO, n: 3, x: 1.5, none: ~}", {"ticker": "NO", "n": 3, "x": 1.5, "none": None}),
])
def test_lexicon_loader_reads_only_true_and_false_as_booleans(text, expected):
    from pipeline.models_yaml import LexiconLoader

    assert yaml.load(text, Loader=LexiconLoader) == expected  # noqa: S506 - a SafeLoader
    assert yaml.safe_load("[On]") == [True]  # PyYAML's own loader is left as it is


def _word_lists(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _word_lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        if any(isinstance(v, str) for v in node):
            yield path, node
        for i, value in enumerate(node):
            yield from _word_lists(value, f"{path}[{i}]")


@pytest.mark.parametrize("path", sorted(MODELS.rglob("*.yaml")), ids=lambda p: str(p.relative_to(MODELS)))
def test_word_lists_under_models_hold_only_words(path):
    from pipeline.models_yaml import LexiconLoader

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=LexiconLoader)  # noqa: S506 - a SafeLoader
    bad = [(where, v) for where, words in _word_lists(data) for v in words if isinstance(v, bool)]
    assert not bad, f"{path.name}: booleans in word lists: {bad}"


def test_lexicons_keep_the_words_yaml_1_1_would_turn_into_booleans(resources):
    assert "No" in resources.abbreviations and "On" in resources.sentence_starters


# Word lists moved out of the code into models/ (issue 18): each is a required key of its file's schema, so a
# renamed key stops the load with one E005 line naming the file and the key, never a KeyError on every article.
MOVED_WORD_LISTS = [
    ("lexicons/periods.yaml", "move_reason_words"),  # move_reasons
    ("lexicons/number_words.yaml", "category_words"),  # identifier_numbers
    ("lexicons/periods.yaml", "sentence_year_prepositions"), ("lexicons/periods.yaml", "sentence_year_modifiers"),
    ("lexicons/periods.yaml", "sentence_year_against"),  # sentence_years
    ("lexicons/metric_frames.yaml", "market_words"),  # claim_metrics: a country's moves
    ("lexicons/metric_frames.yaml", "spaced_label_tails"),  # spaced_rows
    ("lexicons/metric_frames.yaml", "spaced_count_labels"),  # spaced_rows
    ("lexicons/periods.yaml", "time_zones"), ("lexicons/periods.yaml", "year_names"),  # calendar_grammar
    ("lexicons/tables.yaml", "caption_scales"), ("lexicons/tables.yaml", "caption_scale_prefixes"),  # table_captions
    ("lexicons/tables.yaml", "caption_currencies"), ("lexicons/tables.yaml", "caption_tails"),
    ("lexicons/tables.yaml", "caption_not_money"),
    ("lexicons/counts.yaml", "moved_count_verbs"), ("lexicons/counts.yaml", "moved_count_money_words"),  # moved_counts
    ("lexicons/counts.yaml", "moved_count_change_words"),
    ("lexicons/number_words.yaml", "compared_directions"),  # compared_amounts
    ("lexicons/number_words.yaml", "compared_phrase_stops"), ("lexicons/number_words.yaml", "carried_amount_followers"),
    ("lexicons/number_words.yaml", "share_fraction_time_nouns"),  # fraction_shares
    ("lexicons/number_words.yaml", "share_fraction_not_before"),
    ("lexicons/periods.yaml", "end_level_words"), ("lexicons/periods.yaml", "end_level_hedges"),  # period_ends
    ("lexicons/scales.yaml", "scale_words"), ("lexicons/scales.yaml", "scale_suffixes"),  # scaled_counts.SCALED
    ("lexicons/subjects.yaml", "tariff_nouns"), ("lexicons/subjects.yaml", "tariff_modifiers"),  # tariff_owners
    ("lexicons/subjects.yaml", "tariff_targets"),
    ("lexicons/subjects.yaml", "group_not_modifiers"), ("lexicons/subjects.yaml", "group_determiners"),  # group_subjects
    ("lexicons/subjects.yaml", "group_rest_stops"), ("lexicons/subjects.yaml", "compared_words"),
    ("lexicons/subjects.yaml", "compared_hedges"),
    ("lexicons/subjects.yaml", "not_first_names"),  # full_names._FUNCTION_WORDS
    ("lexicons/subjects.yaml", "office_words"),  # full_names._office_words
    ("lexicons/subjects.yaml", "headline_series"), ("lexicons/subjects.yaml", "headline_digests"),  # headline_subject
    ("lexicons/subjects.yaml", "section_headings"),  # headings._section_words
    ("lexicons/metrics.yaml", "price_metrics"),  # commodity_countries._PRICE_METRICS
    ("lexicons/number_words.yaml", "change_words"), ("lexicons/number_words.yaml", "move_words"),  # figures
    ("lexicons/number_words.yaml", "multiple_not_after"),
    ("lexicons/number_words.yaml", "not_before_falling_nouns"), ("lexicons/number_words.yaml", "flat_before"),  # signs
    ("lexicons/number_words.yaml", "down_verbs"), ("lexicons/number_words.yaml", "list_sign_breaks"),  # signs
    ("lexicons/number_words.yaml", "share_price_nouns"), ("lexicons/number_words.yaml", "share_price_bond_words"),
    ("lexicons/number_words.yaml", "bond_price_before"),  # bare_numbers._bond_price
    ("lexicons/counts.yaml", "count_stop_words"),  # counted._STOP
    ("lexicons/number_words.yaml", "article_followers"),  # figure_atoms._ARTICLE_FOLLOWERS
    ("lexicons/number_words.yaml", "not_product_names"),  # figures._NOT_PRODUCT_WORDS
    ("lexicons/subjects.yaml", "headline_labels"), ("lexicons/subjects.yaml", "headline_not_openers"),  # headline_subject
    ("lexicons/subjects.yaml", "headline_not_names"),
    ("lexicons/segments.yaml", "clause_words"), ("lexicons/segments.yaml", "served_stop_words"),  # measured_parts
    ("lexicons/number_words.yaml", "qualifiers"),  # figure_atoms.QUALIFIERS
    ("lexicons/entities.yaml", "measure_heads"), ("lexicons/entities.yaml", "title_breaks"),  # entities
    ("lexicons/entities.yaml", "name_links"),  # entities.link_prefix_rx, subjects.word_order_chunks
    ("lexicons/entities.yaml", "glued_suffixes"),  # subjects.clean_name
    ("lexicons/subjects.yaml", "own_price_words"),  # commodity_prices
    ("lexicons/number_words.yaml", "year_words_before"), ("lexicons/number_words.yaml", "count_words_before"),  # counted
    ("lexicons/periods.yaml", "now_words"),  # claim_periods._NOW
    ("lexicons/modality.yaml", "set_against"), ("lexicons/modality.yaml", "estimate_own_period"),  # versus_results
    ("lexicons/modality.yaml", "estimate_participle"),  # modality.figure_modality
    ("lexicons/periods.yaml", "quarter_grain_words"),  # report_grains
    ("lexicons/segments.yaml", "subject_openers"), ("lexicons/segments.yaml", "reported_words"),  # segments
    ("lexicons/segments.yaml", "not_subject_words"),
    ("lexicons/number_words.yaml", "link_change_nouns"), ("lexicons/number_words.yaml", "link_move_verbs"),  # amount_links
    ("lexicons/number_words.yaml", "link_qualifiers"),
    ("lexicons/number_words.yaml", "loss_ends"), ("lexicons/number_words.yaml", "adjective_before"),  # figure_signs
    ("lexicons/subjects.yaml", "mover_object_words"), ("lexicons/subjects.yaml", "macro_metrics"),  # subject_roles
    ("lexicons/holdings.yaml", "per_share_words"), ("lexicons/holdings.yaml", "insider_roles"),  # insider_owners
    ("lexicons/holdings.yaml", "personal_money_words"), ("lexicons/holdings.yaml", "outside_roles"),
    ("lexicons/number_words.yaml", "anaphor_before"),  # counted._ANAPHOR_BEFORE
    *(("lexicons/number_words.yaml", k) for k in ("below_words", "above_words", "level_verbs", "off_after",  # figure_signs
                                                  "loss_per_share_hedges", "off_hedges", "level_hedges", "down_hedges",
                                                  "at_level_hedges", "range_hedges")),
    *(("lexicons/periods.yaml", k) for k in ("since_superlatives", "to_date_words", "to_level_hedges",  # claim_periods
                                             "restated_hedges", "base_change_hedges", "coupon_hedges",
                                             "present_after", "change_hedges",  # calendar_grammar
                                             "extreme_modifiers", "results_words", "base_year_modifiers")),
    ("lexicons/counts.yaml", "count_head_hedges"), ("lexicons/counts.yaml", "count_roles"),  # counted
    ("lexicons/number_words.yaml", "loss_verbs"),  # figure_signs._loss_verb
    ("lexicons/number_words.yaml", "restated_hedges"),  # amount_links._RESTATED
    *(("lexicons/segments.yaml", k) for k in ("launch_modifiers", "launch_hedges", "available_hedges",  # launch_prices
                                              "naming_verbs")),
    ("lexicons/subjects.yaml", "city_move_words"), ("lexicons/subjects.yaml", "city_market_nouns"),  # market_cities
    *(("lexicons/segments.yaml", k) for k in ("month_subject_verbs", "price_auxiliaries", "price_hedges",  # segment_frames
                                              "region_verbs", "tariff_words", "goods_tariff_modifiers",
                                              "part_change_nouns", "share_from_measures", "share_from_verbs",
                                              "owned_part_verbs", "provided_words")),
    ("lexicons/segments.yaml", "part_subject_openers"), ("lexicons/segments.yaml", "part_speaker_verbs"),  # part_subjects
    ("lexicons/segments.yaml", "label_words"), ("lexicons/segments.yaml", "not_part_words"),  # claim_segments
    ("lexicons/market_sizes.yaml", "function_words"),  # market_sizes._FUNCTION_WORDS
    ("lexicons/tables.yaml", "row_label_verbs"),  # table_periods._ROW_VERB
    ("lexicons/subjects.yaml", "rating_keep_verbs"), ("lexicons/subjects.yaml", "rating_change_verbs"),  # subject_roles
    ("lexicons/subjects.yaml", "mover_hedges"),
    ("lexicons/subjects.yaml", "label_heads"),  # subjects._name_candidates
    # read by their modules before they were required at load (a renamed one was dropped silently or a KeyError)
    ("lexicons/basis.yaml", "quote_only"), ("lexicons/basis.yaml", "estimate_plain"),
    ("lexicons/basis.yaml", "stated_moment"),
    *(("lexicons/measures.yaml", k) for k in ("moved_nouns", "reached_nouns", "share_nouns", "set_nouns", "rate_nouns",
                                              "table_rows")),
    ("lexicons/modality.yaml", "versus_then_result"),
    *(("lexicons/periods.yaml", k) for k in ("trade_words", "government_budget_words", "contract_month_verbs",
                                             "futures_story_words", "government_fiscal_year_end_by_currency")),
    *(("lexicons/segments.yaml", k) for k in ("model_words", "product_nouns", "measure_heads")),
    *(("lexicons/periods.yaml", k) for k in ("target_change_words", "report_week_words", "holding_verbs",  # session 17
                                             "standing_nouns", "note_grains", "note_current", "note_prior_words",
                                             "note_prior_openers")),
    *(("lexicons/number_words.yaml", k) for k in ("range_between_hedges", "move_hedges", "flat_to_hedges", "paren_negative_links",  # figures...
                                                  "carried_compared_hedges", "bracket_hedges", "modality_restated_words",
                                                  "attached_hedges", "coordinated_hedges", "multiple_context_words",
                                                  "multiple_links", "range_end_hedges", "range_end_kinds")),
    *(("lexicons/periods.yaml", k) for k in ("dividend_year_words", "dividend_half_words",  # session 24
                                             "dividend_payout_nouns", "dividend_other_words",
                                             "month_payout_words", "traded_verbs", "traded_links",
                                             "traded_metrics")),
    ("lexicons/metric_frames.yaml", "portion_replaces"), ("lexicons/metric_frames.yaml", "portion_own"),  # session 18
    ("lexicons/modality.yaml", "after_break"), ("lexicons/modality.yaml", "market_forecast"),
    ("lexicons/modality.yaml", "own_economy_speakers"),
    ("lexicons/metric_frames.yaml", "item_results"), ("lexicons/metric_frames.yaml", "item_not_results"),
    ("lexicons/metric_frames.yaml", "item_verbs"),
    *(("lexicons/metric_frames.yaml", k) for k in ("trade_verbs", "trade_nouns", "trade_offers", "trade_issues", "trade_count_hedges", "trade_count_scales",
                                                   "trade_replaces")),
    ("lexicons/metric_frames.yaml", "row_label_qualifiers"), ("lexicons/metric_frames.yaml", "row_label_ratios"),  # row_labels
    ("lexicons/metric_descriptions.yaml", "rule_holds"),  # metric_holds.load_holds
    ("lexicons/metric_frames.yaml", "spaced_per_words"), ("lexicons/metric_frames.yaml", "spaced_part_metrics"),  # spaced_rows
    ("lexicons/number_words.yaml", "falling_amount_nouns"),  # figure_signs._falling_amount
    ("lexicons/periods.yaml", "change_base_units"), ("lexicons/periods.yaml", "change_base_nouns"),  # change_bases
    ("lexicons/periods.yaml", "bare_base_other_words"),  # bare_bases
    ("lexicons/measures.yaml", "outlook_words"),  # session 25: measures.compile_measures
    *(("lexicons/metric_frames.yaml", k) for k in ("level_move_links", "level_move_qualifiers",  # session 25
                                                   "level_move_running", "level_move_compared")),  # level_of_move
    ("lexicons/metric_frames.yaml", "change_column_part_heads"),  # row_labels._change_cell
    ("lexicons/segments.yaml", "not_alone_words"),  # claim_segments.part_name
    *(("lexicons/metric_frames.yaml", k) for k in ("surprise_heads", "surprise_verdicts",  # column_metrics
                                                   "surprise_metrics")),
]


@pytest.mark.parametrize("rel, key", MOVED_WORD_LISTS, ids=lambda v: str(v))
def test_a_moved_word_list_is_required_and_a_renamed_one_stops_the_load(tmp_path, rel, key):
    from pipeline.lexicons import LEXICONS
    from test_error_paths import test_a_renamed_key_names_the_file_and_the_key as renamed_key_stops_the_load

    assert key in LEXICONS[rel], f"{rel}: {key} needs its shape in pipeline/lexicons.py"
    renamed_key_stops_the_load(tmp_path, rel, key)  # one E005 line naming the file and the key


@pytest.mark.parametrize("rel", ["lexicons/market_sizes.yaml", "lexicons/share_counts.yaml"])
def test_a_models_folder_without_a_lexicon_file_stops_the_load(tmp_path, rel):
    """market_sizes.yaml and share_counts.yaml are part of the load: without one, E005 names it (not a rule
    that silently does nothing)."""
    import shutil

    from pipeline.errors import ModelsError
    from pipeline.resources import load_resources

    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    (models / rel).unlink()
    with pytest.raises(ModelsError) as info:
        load_resources(str(models))
    assert str(info.value).startswith("E005: ") and rel in str(info.value)


def test_scale_forms_must_be_forms_of_scales(tmp_path):
    """scales.yaml `scale_words` and `scale_suffixes` select forms of `scales`; a form it lacks stops the load."""
    import shutil

    from pipeline.errors import ModelsError
    from pipeline.resources import load_resources

    models = tmp_path / "models"
    shutil.copytree(MODELS, models)
    path = models / "lexicons" / "scales.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("scale_words: [thousand,", "scale_words: [zillion, thousand,"), encoding="utf-8")
    with pytest.raises(ModelsError) as info:
        load_resources(str(models))
    assert str(info.value).startswith("E005: ") and "zillion" in str(info.value)
