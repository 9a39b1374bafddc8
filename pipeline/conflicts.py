"""Conflicts: pairs of claims about the same thing that cannot both be right.

Claims are blocked by (entity, segment, metric, modality); point-in-time
metrics (P/E, a holding) are compared within a window of published dates, a
market quote (a price, a level, a rate: `day_slack` in metrics.yaml) only on its day,
flow metrics (revenue, returns) only for the same period. Inside a block,
claims are sorted by time and compared with their neighbours in the window,
so the cost grows with the number of claims, not its square. Each figure is
widened by what it says of itself: its rounding ("$88" is 87.5-88.5), its
qualifier ("about" +-10%, "over" is a floor) and a currency conversion's slack.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from .resources import Resources
from .schema import CONFLICT_COLUMNS

RULE = "conflicts.v1"
COMPARABLE_MODALITIES = ("actual", "forecast", "estimate")
ABOUT_SLACK = 0.10
FX_SLACK = 0.05
MIN_REL_DIFF = 0.02
MIN_CONFIDENCE = 0.15
# two articles that disagree on more than this many of one entity's figures are reading different
# things (a quarter against the year, a segment against the whole, one table's columns against
# another's), not contradicting each other: on the modern dump such pairs of articles held 54% of
# the pairs flagged (bench/RESULTS.md, "Conflicts")
MAX_DISAGREEMENTS_PER_ARTICLE_PAIR = 2
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@dataclass(frozen=True)
class Options:
    window_days: int = 7
    min_period_overlap: float = 0.8
    # a pair is a conflict only when both claims are this sure (pipeline/confidence.py: the chance that
    # entity, metric and period are all right); below it the pair is more likely an extraction error
    # than a disagreement (bench/RESULTS.md, "Conflicts")
    min_confidence: float = MIN_CONFIDENCE


def _written_slack(figure: str, value: float, decimals: int | None = None) -> float:
    """Half a unit of the last digit as written, in base units ("$53bn" -> 0.5e9)."""
    m = _NUMBER.search(figure or "")
    if not m:
        return abs(value) * 0.005
    written = float(m.group().replace(",", "")) or 1.0
    digits = len(m.group().split(".", 1)[1]) if "." in m.group() else 0
    scale = abs(value) / written if written else 1.0
    return 0.5 * 10 ** (-digits) * (scale if scale >= 1 else 1.0)


def _usd_factor(unit: str, day, res: Resources) -> float | None:
    if unit == "USD":
        return 1.0
    year = day.year if isinstance(day, date) else 2020
    rate = res.usd_rate(unit, year)
    return None if rate is None else 1.0 / rate


def _fmt(v: float, unit: str) -> str:
    if unit in ("%", "pp"):
        return f"{v:g}{'%' if unit == '%' else ' pp'}"
    if unit == "x":
        return f"{v:g}x"
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= scale:
            return f"{unit} {v / scale:.4g}{suffix}"
    return f"{unit} {v:,.4g}"


def _days(col: np.ndarray) -> np.ndarray:
    """Dates as float days since 1970 (NaN when missing), for vectorised comparisons."""
    return np.array([d.toordinal() - 719163 if isinstance(d, date) else np.nan for d in col], dtype=float)


def _written_slacks(figures: np.ndarray, values: np.ndarray) -> np.ndarray:
    """_written_slack over arrays: half a unit of each figure's last written digit, in base units."""
    return np.array([_written_slack(f if isinstance(f, str) else "", v) for f, v in zip(figures, values)])


_BLOCK = 1e7  # block id * _BLOCK + day keeps blocks apart in one sorted sweep (days stay far below it)


def _sweep(keys: np.ndarray, limits: np.ndarray, cap: int = 5_000_000):
    """All pairs (i, j), i before j in key order, with keys[j] <= limits[i]; chunked to bound memory."""
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    ends = np.searchsorted(k, limits[order], side="right")
    counts = np.maximum(ends - np.arange(1, len(order) + 1), 0)
    cum = np.cumsum(counts)
    pos = 0
    while pos < len(order):
        stop = int(np.searchsorted(cum, (cum[pos - 1] if pos else 0) + cap, side="right"))
        stop = max(stop, pos + 1)
        c = counts[pos:stop]
        if c.sum():
            i = np.repeat(np.arange(pos, stop), c)
            offs = np.arange(int(c.sum())) - np.repeat(np.cumsum(c) - c, c)
            yield order[i], order[i + 1 + offs]
        pos = stop


def _severities(rel: np.ndarray, days: np.ndarray, point: np.ndarray, window: int, conf: np.ndarray) -> np.ndarray:
    level = np.where(rel >= 0.5, 0, np.where(rel >= 0.15, 1, 2))
    level = level + ((days > window / 2) & point & (window > 0)) + (conf < 0.5)
    return np.array(["high", "medium", "low"], dtype=object)[np.minimum(level, 2)]


def find_conflicts(claims: pd.DataFrame, res: Resources, opts: Options = Options()) -> pd.DataFrame:
    """All conflicting pairs among `claims` (a claims table as written to claims.parquet), sorted.

    One sorted sweep per timing finds each block's candidate pairs (published
    dates within the window for point-in-time metrics, overlapping periods for
    flows); array arithmetic keeps the pairs that disagree; only those become rows.
    """
    chunks = [c for c in iter_conflicts(claims, res, opts) if len(c)]
    if not chunks:
        return pd.DataFrame(columns=list(CONFLICT_COLUMNS))
    return sort_conflicts(pd.concat(chunks, ignore_index=True))


# Conflict rows are built this many at a time: the pairs of one entity's claims can number
# in the millions (a figure restated by every copy of a syndicated story, each disagreeing
# with another source's), and a row costs ~1 KB before it reaches a table.
CHUNK_ROWS = 50_000


def iter_conflicts(claims: pd.DataFrame, res: Resources, opts: Options = Options(),
                   chunk_rows: int = CHUNK_ROWS):
    """`find_conflicts`' rows as unsorted DataFrames of at most `chunk_rows` rows each (nothing when none)."""
    if claims.empty:
        return
    df = claims[claims["modality"].isin(COMPARABLE_MODALITIES) & (claims["metric"] != "other")
                & (claims["entity"].fillna("") != "")]
    if "disputed" in df.columns:
        df = df[~df["disputed"].fillna(False).astype(bool)]
    if opts.min_confidence > 0:
        df = df[pd.to_numeric(df["confidence"], errors="coerce").fillna(0.0) >= opts.min_confidence]
    spread = [m for m, spec in res.metrics.items() if spec.spread]
    if spread:
        df = df[~df["metric"].isin(spread)]
    if "sentence" in df.columns and len(df):
        df = df[~df["sentence"].map(in_table).astype(bool)]
    # a bond yield that names no term is a yield of some instrument: nothing to compare it with
    instrument = [m for m, spec in res.metrics.items() if spec.instrument]
    if instrument:
        df = df[~(df["metric"].isin(instrument) & (df["segment"].fillna("") == ""))]
    if df.empty:
        return
    cols = {c: df[c].to_numpy(object) for c in CONFLICT_INPUT if c in df.columns}
    ent_id = np.array(["" if v is None or v != v else str(v) for v in cols["entity_id"]], dtype=object)
    key = np.where(ent_id != "", ent_id, np.array([str(e).lower() for e in cols["entity"]], dtype=object))
    frame = pd.DataFrame({"key": key, "segment": cols["segment"], "metric": cols["metric"], "modality": cols["modality"],
                          "article": cols["article_id"], "start": df["char_start"].to_numpy(), "unit": cols["unit"],
                          "value": df["value"].to_numpy(float)})
    # a claim stated twice in one article is one fact: keep its first statement
    frame = frame.sort_values(["article", "start"], kind="stable")
    frame = frame[~frame.duplicated(["article", "key", "segment", "metric", "modality", "unit", "value"])]
    keep_rows = frame.index.to_numpy()
    cols = {c: v[keep_rows] for c, v in cols.items()}
    block = frame.groupby(["key", "segment", "metric", "modality"], sort=True).ngroup().to_numpy()
    value = cols["value"].astype(float)
    low = np.minimum(cols["value_low"].astype(float), cols["value_high"].astype(float))
    high = np.maximum(cols["value_low"].astype(float), cols["value_high"].astype(float))
    approx = cols["approx"]
    slack = _written_slacks(cols["figure"], value)
    slack = np.where(approx == "about", np.maximum(slack, ABOUT_SLACK * np.abs(value)), slack)
    lo = np.where(approx == "under", -np.inf, low - slack)
    hi = np.where(approx == "over", np.inf, high + slack)
    pub, ps, pe = _days(cols["published"]), _days(cols["period_start"]), _days(cols["period_end"])
    # a market quote of one day is widened by the day's usual range, and met only on its own day
    day_rel, day_pp = (np.array([(res.metrics[m].day_slack or (0.0, 0.0))[k] if m in res.metrics else 0.0
                                 for m in cols["metric"]]) for k in (0, 1))
    one_day = np.isnan(ps) | np.isnan(pe) | (ps == pe)
    quote = ((day_rel > 0) | (day_pp > 0)) & one_day
    day_range = np.where(quote, day_rel * np.abs(value) + day_pp, 0.0)
    lo, hi = lo - day_range, hi + day_range
    years = np.array([d.year if isinstance(d, date) else 2020 for d in cols["published"]])
    usd = np.full(len(value), np.nan)
    for (u, y), where in pd.DataFrame({"u": cols["unit"], "y": years}).groupby(["u", "y"]).indices.items():
        f = _usd_factor(u, date(int(y), 7, 1), res) if u not in ("%", "x", "pp", "count") else None
        if f is not None:
            usd[where] = f
    article = pd.factorize(cols["article_id"], sort=True)[0]
    # one sentence republished (a syndicated or updated story) is one source: its figures are not set against
    # each other across the copies
    if "sentence_key" in cols:  # the run's buckets carry the key, not the sentence
        keys = cols["sentence_key"]
    else:
        keys = [sentence_key(x) for x in cols.get("sentence", [""] * len(cols["claim_id"]))]
    said = pd.factorize(np.array([k or f"#{cid}" for k, cid in zip(keys, cols["claim_id"])], dtype=object))[0]
    unit = pd.factorize(cols["unit"])[0]
    point = np.array([res.metrics[m].timing == "point" if m in res.metrics else False for m in cols["metric"]])
    found_a, found_b = [], []
    for is_point in (True, False):
        sel = np.flatnonzero((point == is_point) & ~np.isnan(pub) & (is_point | (~np.isnan(ps) & ~np.isnan(pe))))
        if len(sel) < 2:
            continue
        base = block[sel] * _BLOCK
        if is_point:
            keys, limits = base + pub[sel], base + pub[sel] + opts.window_days
        else:
            keys, limits = base + ps[sel], base + pe[sel]
        for i, j in _sweep(keys, limits):
            a, b = sel[i], sel[j]
            if is_point:
                both = ~np.isnan(ps[a]) & ~np.isnan(ps[b])
                near = (ps[a] - opts.window_days <= pe[b]) & (ps[b] - opts.window_days <= pe[a])
                ok = (~both | near) & (~(quote[a] | quote[b]) | (pub[a] == pub[b]))
            else:
                inter = np.minimum(pe[a], pe[b]) - np.maximum(ps[a], ps[b]) + 1
                union = np.maximum(pe[a], pe[b]) - np.minimum(ps[a], ps[b]) + 1
                ok = np.maximum(inter, 0) / union >= opts.min_period_overlap
            ok &= (article[a] != article[b]) & (said[a] != said[b])
            same = unit[a] == unit[b]
            with np.errstate(invalid="ignore"):
                fa, fb = usd[a], usd[b]
                fx_disjoint = (~np.isnan(fa) & ~np.isnan(fb)
                               & ((hi[a] * fa * (1 + FX_SLACK) < lo[b] * fb * (1 - FX_SLACK))
                                  | (hi[b] * fb * (1 + FX_SLACK) < lo[a] * fa * (1 - FX_SLACK))))
            ok &= np.where(same, (hi[a] < lo[b]) | (hi[b] < lo[a]), fx_disjoint)
            found_a.append(a[ok])
            found_b.append(b[ok])
    if not found_a:
        return
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    if len(a):
        lo_art, hi_art = np.minimum(article[a], article[b]), np.maximum(article[a], article[b])
        pair = pd.DataFrame({"x": lo_art, "y": hi_art, "k": block[a]})
        many = pair.groupby(["x", "y", "k"])["k"].transform("size").to_numpy() > MAX_DISAGREEMENTS_PER_ARTICLE_PAIR
        a, b = a[~many], b[~many]
    # claim_a is the earlier article
    swap = (pub[a] > pub[b]) | ((pub[a] == pub[b]) & (article[a] > article[b]))
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    same = unit[a] == unit[b]
    fa, fb = np.where(same, 1.0, usd[a]), np.where(same, 1.0, usd[b])
    va, vb = value[a] * fa, value[b] * fb
    big = np.maximum(np.abs(va), np.abs(vb))
    rel = np.where(big > 0, np.abs(va - vb) / np.where(big > 0, big, 1), 0.0)
    keep = rel >= MIN_REL_DIFF
    a, b, same, fa, fb, va, vb, rel = (x[keep] for x in (a, b, same, fa, fb, va, vb, rel))
    days = np.abs(pub[a] - pub[b]).astype(int)
    conf = np.minimum(cols["confidence"][a].astype(float), cols["confidence"][b].astype(float))
    sev = _severities(rel, days, point[a], opts.window_days, conf)
    for k in range(0, len(a), chunk_rows):
        part = slice(k, k + chunk_rows)
        rows = [_row(cols, int(i), int(j), float(x), float(y), bool(s), float(f1), float(f2), float(r), int(d), sv)
                for i, j, x, y, s, f1, f2, r, d, sv in zip(a[part], b[part], va[part], vb[part], same[part], fa[part],
                                                           fb[part], rel[part], days[part], sev[part])]
        yield pd.DataFrame(rows, columns=list(CONFLICT_COLUMNS))


CONFLICT_INPUT = ("claim_id", "article_id", "entity", "entity_id", "segment", "metric", "modality", "unit", "value",
                  "value_low", "value_high", "approx", "figure", "published", "period_start", "period_end",
                  "period_label", "confidence", "sentence", "sentence_key")


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


def _row(cols: dict, i: int, j: int, va: float, vb: float, same: bool, fa: float, fb: float, rel: float,
         days: int, severity: str) -> dict:
    """One conflict row with its reason sentence."""
    g = {c: v for c, v in ((c, cols[c]) for c in cols)}
    unit = g["unit"][i] if same else "USD"
    label = g["metric"][i].replace("_", " ").replace("forward pe", "forward P/E").replace("trailing pe", "trailing P/E")
    qa = "" if g["approx"][i] == "exact" else g["approx"][i] + " "
    qb = "" if g["approx"][j] == "exact" else g["approx"][j] + " "
    reason = (f"{g['entity'][i]} {label} {qa}{_fmt(va, unit)} ({g['published'][i]}) vs {qb}{_fmt(vb, unit)} "
              f"({g['published'][j]}), {days} day{'s' if days != 1 else ''} apart")
    if not same:
        reason += f"; converted to USD at {g['unit'][i]} {1 / fa:.4g} and {g['unit'][j]} {1 / fb:.4g} per USD"
    ids = sorted((g["claim_id"][i], g["claim_id"][j]))
    return {
        "conflict_id": hashlib.sha1("|".join(ids).encode()).hexdigest()[:16],
        "entity": g["entity"][i], "segment": g["segment"][i], "metric": g["metric"][i],
        "claim_a": g["claim_id"][i], "claim_b": g["claim_id"][j], "value_a": va, "value_b": vb, "unit": unit,
        "rel_diff": round(rel, 4), "severity": severity, "reason": reason, "status": "open",
        "published_a": g["published"][i], "published_b": g["published"][j], "days_apart": days,
        "period_label_a": g["period_label"][i], "period_label_b": g["period_label"][j],
    }


_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
_ORDER = ["severity", "entity", "metric", "conflict_id"]


def sort_conflicts(df: pd.DataFrame) -> pd.DataFrame:
    """Most severe first, then by entity, metric and id: the same order on every run."""
    return df.sort_values(_ORDER, key=lambda s: s.map(_SEVERITY_RANK) if s.name == "severity" else s).reset_index(drop=True)


class SortedConflicts:
    """Conflict chunks in, the whole table out in `sort_conflicts` order, in bounded memory.

    Chunks are kept in memory up to `spill_rows` rows; past that each is sorted and written
    to a Parquet file in `spill_dir`, and `batches` merges the files (heapq over small row
    batches). An external sort written here because the run's other tables are streamed as
    they come, and neither pandas nor pyarrow merges sorted files without loading them whole.
    """

    def __init__(self, spill_dir, spill_rows: int = 200_000, batch_rows: int = 20_000):
        from pathlib import Path

        self.dir, self.spill_rows, self.batch_rows = Path(spill_dir), spill_rows, batch_rows
        for stale in self.dir.glob("conflicts-*.parquet"):  # left by a run killed while merging
            stale.unlink()
        self.held: list[pd.DataFrame] = []
        self.held_rows = 0
        self.files: list = []

    def add(self, chunk: pd.DataFrame) -> None:
        if not len(chunk):
            return
        self.held.append(chunk)
        self.held_rows += len(chunk)
        if self.files or self.held_rows > self.spill_rows:
            self._spill()

    def _spill(self) -> None:
        for chunk in self.held:
            self.dir.mkdir(parents=True, exist_ok=True)
            path = self.dir / f"conflicts-{len(self.files):05d}.parquet"
            sort_conflicts(chunk).to_parquet(path, index=False, row_group_size=self.batch_rows)
            self.files.append(path)
        self.held, self.held_rows = [], 0

    def batches(self):
        """Sorted DataFrames of about `batch_rows` rows (one, possibly empty, when nothing spilled)."""
        if not self.files:
            yield sort_conflicts(pd.concat(self.held, ignore_index=True)) if self.held \
                else pd.DataFrame(columns=list(CONFLICT_COLUMNS))
            return
        import heapq

        import pyarrow.parquet as pq

        def rows(path):
            for batch in pq.ParquetFile(path).iter_batches(batch_size=2_000):
                yield from batch.to_pandas().itertuples(index=False, name=None)

        names = list(pq.ParquetFile(self.files[0]).schema_arrow.names)
        at = [names.index(c) for c in _ORDER]
        rank = at[0]
        merged = heapq.merge(*(rows(p) for p in self.files),
                             key=lambda r: (_SEVERITY_RANK[r[rank]], r[at[1]], r[at[2]], r[at[3]]))
        out: list[tuple] = []
        for row in merged:
            out.append(row)
            if len(out) >= self.batch_rows:
                yield pd.DataFrame(out, columns=names)
                out = []
        if out:
            yield pd.DataFrame(out, columns=names)
        for p in self.files:
            p.unlink(missing_ok=True)
