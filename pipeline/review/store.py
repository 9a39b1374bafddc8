"""The review page's reads from `claims.db`: the grouped, filtered, paged list and one conflict.

The list is ordered by group (entity, segment, metric), groups by their worst
severity and then size, and conflicts within a group by severity and relative
difference. A page is found in two steps so that it stays fast at 100,000
conflicts: one aggregate over the filtered conflicts gives every group's counts
(and so the group order and each group's place in the list), then each group
that overlaps the page is read through the `review_conflicts_group` index with
LIMIT/OFFSET. The aggregate leaves the status filter out (it only counts by
status), so deciding a conflict never reorders the list under the reviewer.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from pipeline.schema import CONFLICT_STATUSES, SEVERITIES

# NOTE: the ORDER BY below must repeat this expression exactly for SQLite to use the index.
SEV_RANK = "(CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END)"
GROUP_KEY = ("entity", "segment", "metric")
_IN_GROUP = "entity IS ? AND segment IS ? AND metric IS ?"
_WITHIN_GROUP_ORDER = f"{SEV_RANK}, rel_diff DESC, conflict_id"
_SEARCHED = ("reason", "entity", "segment", "metric")  # substring, likeliest first
_SEARCHED_IDS = ("conflict_id", "claim_a", "claim_b")  # whole value: cheaper, and ids are pasted whole

# name -> (table, definition); created when missing (the writer's re-run drops them).
INDEXES = {
    "review_conflicts_group": ("conflicts", f"(entity, segment, metric, {SEV_RANK}, rel_diff DESC, conflict_id)"),
    "review_conflicts_counts": ("conflicts", "(entity, segment, metric, severity, status)"),
    "review_conflicts_id": ("conflicts", "(conflict_id)"),
    "review_conflicts_metric": ("conflicts", "(metric)"),  # the metric filter's choices
    "review_claims_id": ("claims", "(claim_id)"),
    "review_claims_group": ("claims", "(entity, segment, metric)"),
    "review_articles_id": ("articles", "(article_id)"),
}
CHART_LIMIT = 400  # claims drawn in one chart; more would be unreadable anyway


@dataclass(frozen=True)
class Filters:
    """What the reviewer narrowed the list to; empty means no filter."""

    entity: str = ""
    metric: str = ""
    severity: tuple[str, ...] = ()
    status: str = ""
    q: str = ""

    def params(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs, for links that keep the list's context."""
        pairs = [(k, getattr(self, k)) for k in ("entity", "metric", "status", "q") if getattr(self, k)]
        return pairs + [("severity", s) for s in self.severity]

    def as_dict(self) -> dict:
        return {"entity": self.entity, "metric": self.metric, "severity": list(self.severity),
                "status": self.status, "q": self.q}


@dataclass
class Group:
    entity: str
    segment: str
    metric: str
    worst: int
    n: int  # conflicts matching the filters other than status
    by_status: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)  # among the shown ones
    shown: int = 0  # conflicts matching every filter
    start: int = 0  # offset of the group's first shown conflict in the list
    rows: list[dict] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.entity, self.segment, self.metric)

    def as_dict(self) -> dict:
        return {"entity": self.entity, "segment": self.segment, "metric": self.metric,
                "n": self.n, "shown": self.shown, "by_status": self.by_status,
                "by_severity": self.by_severity, "conflicts": self.rows}


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Create the review page's indexes on the run's tables when they are missing."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for name, (table, columns) in INDEXES.items():
        if table in tables and name not in present:
            try:
                conn.execute(f"CREATE INDEX {name} ON {table} {columns}")
            except sqlite3.OperationalError:  # a table from an older run lacks a column: page works, slower
                continue


def where_clause(f: Filters, with_status: bool = True) -> tuple[str, list]:
    """SQL conditions (joined with AND, "1" when none) and their parameters."""
    conds, params = [], []
    if f.entity:
        conds.append("entity = ?")
        params.append(f.entity)
    if f.metric:
        conds.append("metric = ?")
        params.append(f.metric)
    if f.severity:
        conds.append(f"severity IN ({','.join('?' * len(f.severity))})")
        params.extend(f.severity)
    if with_status and f.status:
        conds.append("status = ?")
        params.append(f.status)
    for word in f.q.split():
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conds.append("(" + " OR ".join([*(f"{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED),
                                         *(f"{c} = ?" for c in _SEARCHED_IDS)]) + ")")
        params.extend([pattern] * len(_SEARCHED) + [word] * len(_SEARCHED_IDS))
    return (" AND ".join(conds) or "1"), params


def list_groups(conn: sqlite3.Connection, f: Filters) -> list[Group]:
    """Every group with at least one conflict matching the filters other than status, in list order.

    One pass over the `review_conflicts_counts` index counts each group's conflicts by
    severity and status; the folding is done here because SUM(...) per row costs SQLite
    more than returning a few rows per group.
    """
    where, params = where_clause(f, with_status=False)
    # A search reads every row's text anyway: one pass over the table beats walking the
    # counts index and fetching each row from it (2x faster at 100,000 conflicts).
    source = "conflicts NOT INDEXED" if f.q and not f.entity else "conflicts"
    sql = (f"SELECT entity, segment, metric, severity, status, COUNT(*) FROM {source} WHERE {where}"
           " GROUP BY entity, segment, metric, severity, status")
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    groups: dict[tuple, Group] = {}
    for entity, segment, metric, severity, status, n in conn.execute(sql, params):
        g = groups.get((entity, segment, metric))
        if g is None:
            g = groups[(entity, segment, metric)] = Group(
                entity, segment, metric, 3, 0, dict.fromkeys(CONFLICT_STATUSES, 0), dict.fromkeys(SEVERITIES, 0))
        g.n += n
        g.worst = min(g.worst, rank.get(severity, 3))
        g.by_status[status] = g.by_status.get(status, 0) + n
        if not f.status or status == f.status:
            g.shown += n
            if severity in g.by_severity:
                g.by_severity[severity] += n
    ordered = sorted(groups.values(), key=lambda g: (g.worst, -g.n, g.entity or "", g.segment or "", g.metric or ""))
    start = 0
    for g in ordered:
        g.start = start
        start += g.shown
    return ordered


def fill_page(conn: sqlite3.Connection, groups: list[Group], f: Filters, offset: int, limit: int) -> list[Group]:
    """The groups overlapping [offset, offset + limit) of the list, with their rows read in."""
    where, params = where_clause(f)
    page = []
    for g in groups:
        lo, hi = max(offset, g.start), min(offset + limit, g.start + g.shown)
        if lo >= hi:
            continue
        sql = (f"SELECT * FROM conflicts WHERE {_IN_GROUP} AND {where}"
               f" ORDER BY {_WITHIN_GROUP_ORDER} LIMIT ? OFFSET ?")
        g.rows = [dict(r) for r in conn.execute(sql, [*g.key, *params, hi - lo, lo - g.start])]
        page.append(g)
    return page


def totals(groups: list[Group]) -> dict:
    """Counts over the filtered list: by status (ignoring the status filter) and by severity."""
    by_status = {s: sum(g.by_status[s] for g in groups) for s in CONFLICT_STATUSES}
    by_severity = {s: sum(g.by_severity[s] for g in groups) for s in SEVERITIES}
    return {"all": sum(g.n for g in groups), "shown": sum(g.shown for g in groups),
            "by_status": by_status, "by_severity": by_severity, "groups": len(groups)}


def facets(conn: sqlite3.Connection, limit: int = 2000) -> dict[str, list[str]]:
    """The entities and metrics the filters can choose from."""
    entities = [r[0] for r in conn.execute(
        "SELECT DISTINCT entity FROM conflicts WHERE entity IS NOT NULL ORDER BY entity LIMIT ?", (limit,))]
    metrics = [r[0] for r in conn.execute(
        "SELECT DISTINCT metric FROM conflicts WHERE metric IS NOT NULL ORDER BY metric LIMIT ?", (limit,))]
    return {"entities": entities, "metrics": metrics}


def get_conflict(conn: sqlite3.Connection, conflict_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM conflicts WHERE conflict_id = ?", (conflict_id,)).fetchone()
    return dict(row) if row else None


def get_claim(conn: sqlite3.Connection, claim_id: str) -> dict | None:
    """A claim with its article's title, source, date and full text (when stored)."""
    row = conn.execute("SELECT * FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
    if row is None:
        return None
    claim = dict(row)
    article = {}
    if _has_table(conn, "articles"):
        a = conn.execute("SELECT * FROM articles WHERE article_id = ?", (claim.get("article_id"),)).fetchone()
        article = dict(a) if a else {}
    for key in ("title", "source", "published"):
        if not claim.get(key):
            claim[key] = article.get(key) or ""
    claim["text"] = ""
    if _has_table(conn, "article_texts"):
        t = conn.execute("SELECT text FROM article_texts WHERE article_id = ?", (claim.get("article_id"),)).fetchone()
        claim["text"] = (t[0] or "") if t else ""
    return claim


def chart_claims(conn: sqlite3.Connection, conflict: dict) -> list[dict]:
    """Every claim of the conflict's entity, segment and metric (at most CHART_LIMIT, both sides kept)."""
    key = [conflict.get(k) for k in GROUP_KEY]
    cols = "claim_id, published, value, unit, figure, title, source, period_label, modality"
    rows = [dict(r) for r in conn.execute(
        f"SELECT {cols} FROM claims WHERE {_IN_GROUP} ORDER BY published, claim_id LIMIT ?", [*key, CHART_LIMIT])]
    have = {r["claim_id"] for r in rows}
    for side in ("claim_a", "claim_b"):
        if conflict.get(side) and conflict[side] not in have:
            r = conn.execute(f"SELECT {cols} FROM claims WHERE claim_id = ?", (conflict[side],)).fetchone()
            if r:
                rows.append(dict(r))
    return rows


FACT_REPORT_LIMIT = 200


def conflict_facts(conn: sqlite3.Connection, conflict: dict) -> list[dict]:
    """The facts the conflict's two claims belong to (one, or two for a quote against a nearby day's), each
    with its reports in time order: source, date, figure as written, sentence, and whether its value is the
    fact's majority. Empty for a run written before facts were kept."""
    if not (_has_table(conn, "facts") and _has_table(conn, "fact_claims")):
        return []
    ids = []
    for side in ("claim_a", "claim_b"):
        row = conn.execute("SELECT fact_id FROM fact_claims WHERE claim_id = ?", (conflict.get(side) or "",)).fetchone()
        if row and row[0] not in ids:
            ids.append(row[0])
    out = []
    for fid in ids:
        fact = conn.execute("SELECT * FROM facts WHERE fact_id = ?", (fid,)).fetchone()
        if fact is None:
            continue
        reports = [dict(r) for r in conn.execute(
            "SELECT fc.value_group, fc.majority, c.claim_id, c.article_id, c.source, c.title, c.published, c.figure,"
            " c.value, c.unit, c.sentence, c.confidence FROM fact_claims fc JOIN claims c ON c.claim_id = fc.claim_id"
            " WHERE fc.fact_id = ? ORDER BY c.published, c.article_id, c.char_start LIMIT ?", (fid, FACT_REPORT_LIMIT))]
        for r in reports:
            r["side"] = "a" if r["claim_id"] == conflict.get("claim_a") else "b" if r["claim_id"] == conflict.get("claim_b") else ""
            r["majority"] = r["majority"] in (1, True, "1", "True", "true")
        out.append({**dict(fact), "reports": reports})
    return out


def neighbour(conn: sqlite3.Connection, f: Filters, conflict: dict, step: int) -> str | None:
    """The conflict id after (step=1) or before (step=-1) `conflict` in the filtered list order."""
    where, params = where_clause(f)
    rank = {s: i for i, s in enumerate(SEVERITIES)}.get(conflict.get("severity"), 3)
    rel, cid = conflict.get("rel_diff"), conflict["conflict_id"]
    # the list order within a group is (rank asc, rel_diff desc, id asc); compare to the current row
    after = ("({r} > ?) OR ({r} = ? AND (rel_diff < ? OR (rel_diff IS ? AND conflict_id > ?)))"
             if step > 0 else
             "({r} < ?) OR ({r} = ? AND (rel_diff > ? OR (rel_diff IS ? AND conflict_id < ?)))").format(r=SEV_RANK)
    order = _WITHIN_GROUP_ORDER if step > 0 else f"{SEV_RANK} DESC, rel_diff ASC, conflict_id DESC"
    key = tuple(conflict.get(k) for k in GROUP_KEY)
    row = conn.execute(
        f"SELECT conflict_id FROM conflicts WHERE {_IN_GROUP} AND {where} AND ({after}) ORDER BY {order} LIMIT 1",
        [*key, *params, rank, rank, rel, rel, cid]).fetchone()
    if row:
        return row[0]
    groups = [g for g in list_groups(conn, f) if g.shown]
    keys = [g.key for g in groups]
    if key in keys:
        i = keys.index(key)
        rest = groups[i + 1:] if step > 0 else groups[:i][::-1]
    else:  # the current conflict is outside the filters: start at the list's end nearest it
        rest = groups if step > 0 else groups[::-1]
    for g in rest:
        row = conn.execute(f"SELECT conflict_id FROM conflicts WHERE {_IN_GROUP} AND {where} ORDER BY {order} LIMIT 1",
                           [*g.key, *params]).fetchone()
        if row:
            return row[0]
    return None


def conflict_decisions(conn: sqlite3.Connection, conflict_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT * FROM decisions WHERE conflict_id = ? ORDER BY decision_id", (conflict_id,))]


def get_decision(conn: sqlite3.Connection, decision_id: int) -> dict | None:
    row = conn.execute("SELECT * FROM decisions WHERE decision_id = ?", (decision_id,)).fetchone()
    return dict(row) if row else None


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None
