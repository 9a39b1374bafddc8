"""What a claim brings to a fact (pipeline/facts.py groups them): whether it can state one at all
(`comparable`: a named entity and metric, no reviewer's dispute, no cell of a table with columns, no
company total smaller than any total is), its basis read from the words around it (`basis_of`,
models/lexicons/basis.yaml), its sentence as its copies write it (`sentence_key`), the slack its
written precision allows (`written_slacks`; `exact_cents` for the sums a cut-off never widens) and its currency's dollar rate (`usd_factor`).
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

import numpy as np
import pandas as pd

from .conflict_gate import sentence_cues
from .headline_topic import off_topic
from .modality import house_estimate
from .resources import Resources

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_BASIS_REACH = 80  # characters before the figure, in its sentence, where a basis word counts
# a clause's end or the next figure, not a year nor the level the figure's move reaches ("rose 4% to $3.1 billion")
_AFTER_STOP = re.compile(r"[,;]|(?<![\w.])(?<!\bto )(?<!\bat )(?<!from )(?<!\bto [$€£¥])(?<!\bat [$€£¥])"
                         r"(?!(?:19|20)\d\d\b)[$€£¥]?\d")


def written_slacks(figures: pd.Series, values: np.ndarray) -> np.ndarray:
    """Half a unit of each figure's last digit as written, in base units ("$53bn" -> 0.5e9; pandas
    string methods: a million figures in about a second). Whole thousands are rounded to the thousand
    ("Sales 1,660,000" and "Revs 1,660,300" are one figure: -> 500), whole tens of three digits or more to the ten
    ("350%" and "351%": -> 5). A figure in a minor unit is scaled down the same way ("48 cents" -> 0.005 dollars,
    "50 bps" -> 0.005 points): half a dollar's slack let "48 cents" agree with "$0.55".

    >>> written_slacks(pd.Series(["$53bn", "1,660,000", "1,660,300", "2,000,000", "$2.45", "350%", "20%", "48 cents"]),
    ...                np.array([53e9, 1.66e6, 1660300, 2e6, 2.45, 350, 20, 0.48])).round(6).tolist()
    [500000000.0, 500.0, 5.0, 500.0, 0.005, 5.0, 0.5, 0.005]
    """
    number = figures.astype("string").str.extract(f"({_NUMBER.pattern})", expand=False)
    plain = number.str.replace(",", "", regex=False)
    written = pd.to_numeric(plain, errors="coerce").to_numpy(float)
    digits = number.str.extract(r"\.(\d+)", expand=False).astype("string").str.len().fillna(0).to_numpy(float)
    # a whole number ending in three zeros, not a zero itself: rounded to the thousand, no more is known
    thousands = plain.str.contains(r"^[1-9]\d*000$", regex=True).fillna(False).to_numpy(bool) * 3.0
    # a whole number of three digits or more ending in a zero: rounded to the ten ("350%" against "351%"); a two-digit
    # one ("20%") is more often exact than rounded
    tens = plain.str.contains(r"^[1-9]\d+0$", regex=True).fillna(False).to_numpy(bool) * 1.0
    digits = np.where(digits > 0, digits, -np.maximum(thousands, tens))
    written = np.where(written == 0, 1.0, written)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.abs(values) / written
    slack = 0.5 * 10.0 ** (-digits) * np.where(scale > 0, scale, 1.0)
    return np.where(np.isnan(written), np.abs(values) * 0.005, slack)


def exact_cents(figures: pd.Series, values: np.ndarray, money: np.ndarray) -> np.ndarray:
    """Whether each figure is a sum of money written to the cent with no scale word ("EPS of $0.14"): a company
    reports it exact, so no cut-off slack widens it (`facts._intervals`: any other figure may have been cut off at
    its last digit rather than rounded, "$1.7253 billion" written "$1.72 billion" by one outlet and "$1.73 billion"
    by another, so one unit in the last written digit is within rounding; bench/conflict_audit/GUIDE.md, session 19).

    A whole number of cents or pence is as exact ("48 cents" is $0.48).

    >>> exact_cents(pd.Series(["$1.72 billion", "16.8%", "$0.14", "EUR 3.25", "48 cents", "48 million"]),
    ...             np.array([1.72e9, 16.8, 0.14, 3.25, 0.48, 48e6]), np.array([True, False, True, True, True, True])).tolist()
    [False, False, True, True, True, False]
    """
    number = figures.astype("string").str.extract(f"({_NUMBER.pattern})", expand=False)
    cents = number.str.contains(r"\.\d\d$", regex=True).fillna(False).to_numpy(bool)
    whole = number.str.contains(r"^\d+$", regex=True).fillna(False).to_numpy(bool)
    written = pd.to_numeric(number.str.replace(",", "", regex=False), errors="coerce").to_numpy(float)
    unscaled = np.isclose(np.abs(values), np.abs(written), rtol=1e-9)
    minor = np.isclose(np.abs(values) * 100, np.abs(written), rtol=1e-9)
    return np.asarray(money, dtype=bool) & ((cents & unscaled) | (whole & minor))


def usd_factor(unit: str, day, res: Resources) -> float | None:
    if unit == "USD":
        return 1.0
    year = day.year if isinstance(day, date) else 2020
    rate = res.usd_rate(unit, year)
    return None if rate is None else 1.0 / rate


def in_table(sentence) -> bool:
    """A row of a table with columns ("| Revenue | $238,435 | $15,709 |"): its column, which the claim
    does not read, says the period or segment. Wire tables of one figure a line are not this."""
    return isinstance(sentence, str) and sentence.count("|") >= 3


def sentence_key(sentence) -> str:
    """A sentence as its copies write it (letters and digits, lower case), hashed short; "" for none."""
    if not isinstance(sentence, str):
        return ""
    normal = re.sub(r"[\W_]+", "", sentence.lower())
    return hashlib.blake2b(normal.encode(), digest_size=8).hexdigest() if normal else ""


def basis_of(sentence, figure, res: Resources, metric: str = "") -> str:
    """The basis a figure is stated on, from the words around it in its sentence (models/lexicons/
    basis.yaml): `adjusted` (non-GAAP, underlying), `intraday` (a session's high or low), `extended`
    (pre-market, after hours), for a market quote of `metric` `close` (a session's close or settlement),
    else `reported`."""
    if not isinstance(sentence, str) or not res.basis:
        return "reported"
    at = sentence.find(figure) if isinstance(figure, str) and figure else -1
    before = sentence[max(0, at - _BASIS_REACH):at] if at >= 0 else sentence
    # and the rest of its clause after it ("fell 3% in premarket trading"), up to a comma or semicolon
    # and stopping at the next figure, whose own words those are ("decreased 2.0% reported and 1.9% in constant
    # currency": the 1.9%'s basis, not the 2.0%'s); a year is no figure ("rose 3% in 2024 excluding items")
    after = re.split(_AFTER_STOP, sentence[at + len(figure):at + len(figure) + 40], maxsplit=1)[0] if at >= 0 else ""
    low = (before + " " + after).lower()
    spec = res.metrics.get(metric) if isinstance(metric, str) else None
    quote = spec is not None and spec.day_slack is not None
    for name, rx in res.basis.items():
        if (quote or name not in res.quote_only_bases) and rx.search(low):
            return name
    return "reported"


HOUSE_BASIS = "house"  # one broker's or research house's own estimate (modality.house_estimate)


def _house_estimate(sentence, figure, res: Resources) -> bool:
    """Whether an estimate's sentence makes it one house's own, not a consensus (modality.house_estimate)."""
    if not isinstance(sentence, str) or not isinstance(figure, str) or not figure:
        return False
    at = sentence.find(figure)
    return at > 0 and house_estimate(sentence[:at], res)


def with_text_columns(df: pd.DataFrame, res: Resources) -> pd.DataFrame:
    """The comparable claims with what their text tells a fact, so that it can be kept without the text:
    the sentence as its copies write it (`sentence_key`), the basis (`basis_of`; one house's own estimate is
    `house`, a fact apart from the consensus) and whether the article's
    headline names another subject than the claim's entity (`off_topic`, pipeline/headline_topic.py), and what
    the conflict gate reads of the sentence (`entity_named`, `prior_words`, `numbers`, `listed`:
    pipeline/conflict_gate.py)."""
    out = {}
    if "sentence_key" not in df.columns:
        out["sentence_key"] = [sentence_key(s) for s in df["sentence"]] if "sentence" in df.columns else ""
    if "basis" not in df.columns:
        metric = df["metric"] if "metric" in df.columns else [""] * len(df)
        out["basis"] = ([basis_of(s, f, res, m) for s, f, m in zip(df["sentence"], df["figure"], metric)]
                        if "sentence" in df.columns else "reported")
        if "modality" in df.columns and res.estimate_plain_bases:  # basis.yaml `estimate_plain`
            plain = (df["modality"] == "estimate").to_numpy() & np.isin(out["basis"], list(res.estimate_plain_bases))
            out["basis"] = np.where(plain, "reported", out["basis"])
        if "modality" in df.columns and "sentence" in df.columns:  # one house's own estimate, no consensus
            house = [m == "estimate" and _house_estimate(s, f, res)
                     for m, s, f in zip(df["modality"], df["sentence"], df["figure"])]
            out["basis"] = np.where(house, HOUSE_BASIS, out["basis"])
    if "numbers" not in df.columns and "sentence" in df.columns:  # what the conflict gate reads of the sentence
        cues = [sentence_cues(s, e, res.conflict_cues) for s, e in zip(df["sentence"], df["entity"])]
        out.update(entity_named=[c.named for c in cues], prior_words=[c.prior for c in cues],
                   numbers=[c.numbers for c in cues], listed=[c.listed for c in cues])
    if "off_topic" not in df.columns:
        out["off_topic"] = ([off_topic(e, i, t, res) for e, i, t in zip(df["entity"], df["entity_id"].fillna(""), df["title"])]
                            if "title" in df.columns else False)
    return df.assign(**out) if out else df


def comparable(claims: pd.DataFrame, res: Resources) -> pd.DataFrame:
    """The claims that can state a fact: a named entity, metric and unit, not disputed by a reviewer, not a
    cell of a table with columns, not a company's total smaller than any total is, and (for an instrument
    such as a bond yield) a named term."""
    df = claims[(claims["metric"] != "other") & (claims["entity"].fillna("") != "") & (claims["unit"].fillna("") != "")]
    if "disputed" in df.columns:
        df = df[~df["disputed"].fillna(False).astype(bool)]
    if "sentence" in df.columns and len(df):
        df = df[~df["sentence"].map(in_table).astype(bool)]
    if res.least_total and len(df):  # "net income of $0.26 per diluted share" is no company's total (basis.yaml)
        totals = [m for m, spec in res.metrics.items()
                  if "money" in spec.kinds and not spec.per_share and m not in res.not_totals]
        small = df["metric"].isin(totals) & (df["value"].abs() < res.least_total) & \
            ~df["unit"].isin(("%", "pp", "x", "count"))
        df = df[~small]
    instrument = [m for m, spec in res.metrics.items() if spec.instrument]
    if instrument and len(df):
        df = df[~(df["metric"].isin(instrument) & (df["segment"].fillna("") == ""))]
    return df


# the claims' columns grouping reads (the run's buckets keep these, `prepare` adds the text's and the source);
# char_start orders a value's reports so its first mention shows it
FACT_INPUT = ("claim_id", "article_id", "entity", "entity_id", "segment", "metric", "modality", "unit", "value",
              "value_low", "value_high", "approx", "figure", "published", "period_start", "period_end",
              "period_label", "confidence", "char_start", "disputed", "sentence_key", "basis", "off_topic",
              "entity_named", "prior_words", "numbers", "listed", "source_id")


def dates_as_days(col) -> np.ndarray:
    """Dates (date, ISO text or missing) as days since 1970, NaN when missing."""
    stamps = pd.to_datetime(pd.Series(col, dtype=object), errors="coerce", format="mixed")
    days = stamps.to_numpy("datetime64[D]")
    out = days.astype(np.int64).astype(float)
    out[np.isnat(days)] = np.nan
    return out


def prepare(claims: pd.DataFrame, res: Resources, sources: dict | None = None) -> pd.DataFrame:
    """The comparable claims with what grouping needs: basis, source id, sentence key (FACT_INPUT)."""
    df = comparable(claims, res)
    if df.empty:
        return pd.DataFrame(columns=list(FACT_INPUT))
    df = with_text_columns(df, res)
    art = df["article_id"].astype(str)
    df["source_id"] = art.map(sources).fillna(art) if sources else art
    return df[[c for c in FACT_INPUT if c in df.columns]]


def days_text(days: np.ndarray) -> np.ndarray:
    """Days since 1970 as ISO dates ("" where NaN)."""
    days = np.asarray(days, dtype=float)
    out = np.full(len(days), "", dtype=object)
    ok = ~np.isnan(days)
    out[ok] = days[ok].astype(np.int64).astype("datetime64[D]").astype(str)
    return out
