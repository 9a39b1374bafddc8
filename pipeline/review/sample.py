"""Synthetic runs for the review page's tests, browser tests and benchmark.

`write_run` writes the four tables the pipeline's writer writes (columns from
`pipeline.schema`, plus `article_texts`) into `DIR/claims.db`; `small_run` is a
hand-made run with hostile article text; `synthetic_run` makes any number of
conflicts for timing. They stand in for a real run until one is available.
"""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from pipeline import decisions
from pipeline.schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CONFLICT_COLUMNS

HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Alibaba <b>rally</b>'
HOSTILE_TEXT = (
    "Alibaba rallied on AI hopes.\n\n"
    'Readers saw <script>window.__pwned = "text"</script> and <img src=x onerror="window.__pwned=\'img\'">'
    " while Alibaba's forward P/E reached 30x, analysts said.\n\n"
    "The end."
)


def write_run(out_dir: Path, articles: list[dict], texts: dict[str, str], claims: list[dict],
              conflicts: list[dict]) -> Path:
    """Write a run's tables into `out_dir/claims.db` (replacing them) and return its path.

    Missing columns are written empty; `conflicts.status` and `claims.disputed`
    are then set from any decisions already in the file, as the writer does.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / decisions.DB_NAME
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        decisions.ensure_schema(conn)
        conn.execute("BEGIN IMMEDIATE")
        for table, columns, rows in (("articles", ARTICLE_COLUMNS, articles), ("claims", CLAIM_COLUMNS, claims),
                                     ("conflicts", CONFLICT_COLUMNS, conflicts)):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})",
                             [tuple(row.get(c, "") for c in columns) for row in rows])
        conn.execute("DROP TABLE IF EXISTS article_texts")
        conn.execute("CREATE TABLE article_texts (article_id TEXT PRIMARY KEY, text TEXT)")
        conn.executemany("INSERT INTO article_texts VALUES (?, ?)", list(texts.items()))
        decisions.apply_decisions(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return db


def _claim(cid: str, article: dict, text: str, figure: str, value: float, unit: str, **kw) -> dict:
    start = text.index(figure)
    dot, newline = text.rfind(". ", 0, start), text.rfind("\n", 0, start)
    sentence_start = max(dot + 2 if dot != -1 else 0, newline + 1)
    ends = [i for i in (text.find(". ", start), text.find(".\n", start)) if i != -1]
    sentence_end = min(ends) if ends else len(text) - 1
    sentence = text[sentence_start:sentence_end + 1].strip()
    row = {"claim_id": cid, "article_id": article["article_id"], "doc": article["article_id"],
           "published": article["published"], "published_inferred": 0, "entity": "Alibaba", "entity_id": "BABA",
           "segment": "", "metric": "forward_pe", "value": value, "value_low": value, "value_high": value,
           "unit": unit, "approx": "exact", "period_start": "", "period_end": "", "period_label": "",
           "modality": "actual", "figure": figure, "char_start": start, "char_end": start + len(figure),
           "sentence": sentence, "confidence": 0.9, "rule": "figures.multiple.v1", "metric_source": "rule",
           "entity_source": "gazetteer", "source": article["source"], "title": article["title"], "disputed": 0}
    row.update(kw)
    return row


def _conflict(cid: str, a: dict, b: dict, severity: str, reason: str, **kw) -> dict:
    va, vb = kw.pop("value_a", a["value"]), kw.pop("value_b", b["value"])
    row = {"conflict_id": cid, "entity": a["entity"], "segment": a["segment"], "metric": a["metric"],
           "claim_a": a["claim_id"], "claim_b": b["claim_id"], "value_a": va, "value_b": vb,
           "unit": a["unit"], "rel_diff": abs(va - vb) / max(abs(va), abs(vb)), "severity": severity,
           "reason": reason, "status": "open", "published_a": a["published"], "published_b": b["published"],
           "days_apart": 4, "period_label_a": a["period_label"], "period_label_b": b["period_label"]}
    row.update(kw)
    return row


def small_run(out_dir: Path) -> Path:
    """A run of four articles (one hostile) and five conflicts in three groups."""
    arts = [
        {"article_id": "art1", "source": "TradingKey", "published": "2025-09-26",
         "title": "Alibaba ADR doubles on its all-in AI bet"},
        {"article_id": "art2", "source": "news analysis", "published": "2025-09-30",
         "title": "Alibaba's AI Momentum Reshapes Investor Sentiment"},
        {"article_id": "art3", "source": "community post", "published": "2025-10-02", "title": HOSTILE_TITLE},
        {"article_id": "art4", "source": "wire", "published": "", "title": "Tencent results"},
    ]
    texts = {
        "art1": "Alibaba shares doubled this year.\n\nThe stock trades at 11x forward earnings, "
                "and revenue reached $34.6bn in the quarter.\n\nCloud revenue grew 26%.",
        "art2": "Investors cheered.\n\nAlibaba now trades at about 22x forward earnings. "
                "Quarterly revenue was $38.0bn, per the filing.\n\nCloud revenue grew 18%.",
        "art3": HOSTILE_TEXT,
        "art4": "Tencent revenue rose to CNY 180bn. Later, Tencent revenue was put at CNY 160bn.",
    }
    for a in arts:
        a.update(n_chars=len(texts[a["article_id"]]), n_claims=2, status="ok", error="", doc=a["article_id"],
                 published_inferred=0, note="")
    by_id = {a["article_id"]: a for a in arts}
    c = {
        "pe1": _claim("pe1", by_id["art1"], texts["art1"], "11x", 11.0, "x", period_label="FY2025",
                      modality="forecast"),
        "pe2": _claim("pe2", by_id["art2"], texts["art2"], "22x", 22.0, "x", approx="about", modality="forecast"),
        "pe3": _claim("pe3", by_id["art3"], texts["art3"], "30x", 30.0, "x",
                      sentence=HOSTILE_TEXT.split("\n\n")[1]),
        "rev1": _claim("rev1", by_id["art1"], texts["art1"], "$34.6bn", 34.6e9, "USD", metric="revenue",
                       period_label="2025-Q2", period_start="2025-04-01", period_end="2025-06-30"),
        "rev2": _claim("rev2", by_id["art2"], texts["art2"], "$38.0bn", 38.0e9, "USD", metric="revenue",
                       period_label="2025-Q2", period_start="2025-04-01", period_end="2025-06-30"),
        "cg1": _claim("cg1", by_id["art1"], texts["art1"], "26%", 26.0, "%", metric="revenue_growth",
                      segment="cloud", entity="Alibaba Cloud"),
        "cg2": _claim("cg2", by_id["art2"], texts["art2"], "18%", 18.0, "%", metric="revenue_growth",
                      segment="cloud", entity="Alibaba Cloud"),
        "tc1": _claim("tc1", by_id["art4"], texts["art4"], "CNY 180bn", 180e9, "CNY", metric="revenue",
                      entity="Tencent", entity_id="0700.HK", published=""),
        "tc2": _claim("tc2", by_id["art4"], texts["art4"], "CNY 160bn", 160e9, "CNY", metric="revenue",
                      entity="Tencent", entity_id="0700.HK", published=""),
    }
    conflicts = [
        _conflict("cf-pe-12", c["pe1"], c["pe2"], "high",
                  "forward P/E 11x (2025-09-26) vs 22x (2025-09-30), 4 days apart"),
        _conflict("cf-pe-13", c["pe1"], c["pe3"], "high", "forward P/E 11x (2025-09-26) vs 30x (2025-10-02)"),
        _conflict("cf-pe-23", c["pe2"], c["pe3"], "medium", "forward P/E 22x (2025-09-30) vs 30x (2025-10-02)"),
        _conflict("cf-rev-12", c["rev1"], c["rev2"], "low",
                  "revenue USD 34.6bn (2025-09-26) vs USD 38.0bn (2025-09-30) for 2025-Q2"),
        _conflict("cf-cloud-12", c["cg1"], c["cg2"], "medium", "cloud revenue growth 26% vs 18%"),
        _conflict("cf-tc-12", c["tc1"], c["tc2"], "low",
                  "revenue CNY 180bn vs CNY 160bn; CNY converted at 7.1 per USD", unit="CNY"),
    ]
    return write_run(out_dir, arts, texts, list(c.values()), conflicts)


def synthetic_run(out_dir: Path, n_conflicts: int, seed: int = 0, claims_per_group: int = 12) -> Path:
    """A run with `n_conflicts` conflicts over groups of `claims_per_group` claims each."""
    rng = random.Random(seed)
    metrics = ("revenue", "profit", "eps", "forward_pe", "market_cap", "price_target", "capex", "users",
               "gross_margin", "dividend_yield", "revenue_growth", "share_price")
    pairs_per_group = claims_per_group * (claims_per_group - 1) // 2
    n_groups = -(-n_conflicts // pairs_per_group)
    arts, texts, claims, conflicts = [], {}, [], []
    for g in range(n_groups):
        entity, metric = f"Company {g // len(metrics):05d}", metrics[g % len(metrics)]
        group_claims = []
        for k in range(claims_per_group):
            aid = f"a{g:05d}{k:02d}"
            day = 1 + rng.randrange(28)
            value = round(rng.uniform(5, 50), 1)
            text = f"{entity} said its {metric} was {value}x, up from last year. Analysts were surprised."
            art = {"article_id": aid, "source": rng.choice(("Reuters", "Bloomberg", "blog")),
                   "published": f"2025-{1 + k % 12:02d}-{day:02d}", "title": f"{entity} update {k}",
                   "n_chars": len(text), "n_claims": 1, "status": "ok", "doc": aid}
            arts.append(art)
            texts[aid] = text
            group_claims.append(_claim(f"c{g:05d}{k:02d}", art, text, f"{value}x", value, "x",
                                       entity=entity, metric=metric, entity_id=""))
        claims.extend(group_claims)
        for i in range(claims_per_group):
            for j in range(i + 1, claims_per_group):
                if len(conflicts) >= n_conflicts:
                    break
                a, b = group_claims[i], group_claims[j]
                severity = rng.choice(("high", "medium", "medium", "low", "low", "low"))
                conflicts.append(_conflict(f"x{g:05d}{i:02d}{j:02d}", a, b, severity,
                                           f"{metric} {a['figure']} ({a['published']}) vs {b['figure']} "
                                           f"({b['published']})"))
    return write_run(out_dir, arts, texts, claims, conflicts)
