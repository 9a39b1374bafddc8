"""The reviewer's web page over a run's `claims.db`: routes, request checks and rendering.

Every page has a JSON twin (`.json` suffix or `?format=json`), as in Datasette.
Article text is untrusted: templates are autoescaped and never mark article text
safe, and the CSP forbids inline scripts. State changes are POSTs that carry the
per-server CSRF token; each one is a short `BEGIN IMMEDIATE` transaction, so two
reviewers deciding at once both land in the audit trail.
"""
from __future__ import annotations

import hmac
import io
import json
import math
import re
import secrets
import sqlite3
import threading
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline import decisions
from pipeline.review import chart, evidence, store
from pipeline.review.guard import Guard
from pipeline.schema import CONFLICT_STATUSES, SEVERITIES

HERE = Path(__file__).parent
MAX_BODY = 16 * 1024  # a decision is a few short fields; anything bigger is refused with 413
MAX_NOTE = 2000
MAX_TEXT = 200  # filters, reviewer names, search
PER_PAGE, MAX_PER_PAGE = 50, 200
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}")
DECISION_LABELS = {"a_right": "A is right", "b_right": "B is right", "neither": "Neither is right",
                   "both_hold": "Both hold", "dismissed": "Dismissed", "note": "Note"}
REASON_LABELS = {"rounding": "rounding", "different_period": "different period",
                 "different_entity": "not this entity's figure", "wrong_metric": "wrong metric",
                 "different_basis": "different basis", "revision": "a revision", "extraction_error": "extraction error",
                 "other": "other"}


class Review:
    """One review server: where the run is, who reviews, and the per-server CSRF secret."""

    def __init__(self, out_dir: Path, reviewer: str = ""):
        self.out_dir = Path(out_dir)
        self.db = self.out_dir / decisions.DB_NAME
        if not self.db.is_file():
            raise FileNotFoundError(f"{self.db}: no such file; run `claims run INPUT --out {self.out_dir}` first")
        self.reviewer = reviewer
        self.csrf = secrets.token_urlsafe(32)
        self._schema_version = None
        self._lock = threading.Lock()
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(value=evidence.format_value, number=evidence.compact_number,
                                full=evidence.full_number, pct=_pct)
        self.env.globals.update(decision_labels=DECISION_LABELS, reason_labels=REASON_LABELS,
                                severities=SEVERITIES, statuses=CONFLICT_STATUSES,
                                reasons=decisions.DISMISS_REASONS, conflict_url=conflict_url)
        with closing(self.connect()) as conn:  # a broken claims.db fails here, at start-up
            conn.execute("PRAGMA journal_mode = WAL")

    def connect(self) -> sqlite3.Connection:
        """A connection for one request; re-creates the decisions table and indexes after a re-run."""
        conn = decisions.connect(self.db)
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        if version != self._schema_version:
            with self._lock:
                decisions.ensure_schema(conn)
                store.ensure_indexes(conn)
                self._schema_version = conn.execute("PRAGMA schema_version").fetchone()[0]
        return conn

    def render(self, request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        context.update(csrf=self.csrf, reviewer=self.reviewer, run_name=self.out_dir.name,
                       run_dir=str(self.out_dir), path=request.url.path)
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status_code)

    def check_csrf(self, request: Request, form: dict) -> None:
        given = form.get("csrf") or request.headers.get("x-csrf-token") or ""
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.csrf.encode()):
            raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")
        origin = request.headers.get("origin")
        if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
            raise HTTPException(403, f"cross-origin request from {origin} refused")


# ---------------------------------------------------------------- request parsing

def wants_json(request: Request, suffix_stripped: bool = False) -> bool:
    return suffix_stripped or request.url.path.endswith(".json") or request.query_params.get("format") == "json"


def parse_filters(request: Request) -> store.Filters:
    q = request.query_params
    severity = tuple(dict.fromkeys(s for s in q.getlist("severity") if s))
    bad = [s for s in severity if s not in SEVERITIES]
    if bad:
        raise HTTPException(400, f"severity {bad[0]!r} is not one of {', '.join(SEVERITIES)}")
    status = q.get("status", "")
    if status not in ("", *CONFLICT_STATUSES):
        raise HTTPException(400, f"status {status!r} is not one of {', '.join(CONFLICT_STATUSES)}")
    texts = {k: q.get(k, "").strip() for k in ("entity", "metric", "q")}
    for k, v in texts.items():
        if len(v) > MAX_TEXT:
            raise HTTPException(400, f"{k} is longer than {MAX_TEXT} characters")
    return store.Filters(texts["entity"], texts["metric"], severity, status, texts["q"])


def int_param(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    if not _is_count(raw) or not lo <= int(raw) <= hi:
        raise HTTPException(400, f"{name} must be a whole number from {lo} to {hi}")
    return int(raw)


async def read_form(request: Request) -> dict[str, str]:
    """A POST body (urlencoded form or JSON object) as str -> str; 413 when too big, 400/415 when malformed."""
    length = request.headers.get("content-length")
    if length is not None and not _is_count(length):
        raise HTTPException(400, "malformed Content-Length header")
    if length is not None and int(length) > MAX_BODY:
        raise HTTPException(413, f"request body over {MAX_BODY} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY} bytes")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
        if kind == "application/json":
            data = json.loads(text or "{}")
            if not isinstance(data, dict) or not all(isinstance(v, (str, int, type(None))) for v in data.values()):
                raise ValueError("not an object of strings")
            return {str(k): "" if v is None else str(v) for k, v in data.items()}
        if kind in ("application/x-www-form-urlencoded", ""):
            return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True, max_num_fields=40).items()}
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, f"malformed request body: {exc}") from None
    raise HTTPException(415, f"content type {kind!r} is not accepted; send a form or JSON")


def clean_text(form: dict, key: str, limit: int) -> str:
    value = form.get(key, "").strip()
    if len(value) > limit:
        raise HTTPException(400, f"{key} is longer than {limit} characters")
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise HTTPException(400, f"{key} holds control characters")
    return value


def path_id(request: Request, name: str) -> tuple[str, bool]:
    """The id in the path without a `.json` suffix, and whether it had one; 404 for a malformed id."""
    raw = request.path_params[name]
    as_json = raw.endswith(".json")
    ident = raw[:-5] if as_json else raw
    if not ID_PATTERN.fullmatch(ident):
        raise HTTPException(404, f"no conflict {ident[:80]!r}")
    return ident, as_json


def conflict_url(conflict_id: str, params: list[tuple[str, str]] | None = None, **extra) -> str:
    pairs = list(params or []) + [(k, str(v)) for k, v in extra.items() if v not in (None, "")]
    return f"/conflicts/{quote(conflict_id, safe='')}" + (f"?{urlencode(pairs)}" if pairs else "")


def list_url(params: list[tuple[str, str]], **extra) -> str:
    pairs = [(k, v) for k, v in params if k not in extra] + [(k, str(v)) for k, v in extra.items() if v]
    return "/conflicts" + (f"?{urlencode(pairs)}" if pairs else "")


def _is_count(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "²", which int() refuses."""
    return text.isascii() and text.isdigit()


def _pct(value) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "–"


def _jsonable(obj):
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    return obj


def json_response(data, status: int = 200) -> JSONResponse:
    return JSONResponse(_jsonable(data), status_code=status)


# ---------------------------------------------------------------- views

def make_routes(review: Review) -> list:
    def list_view(request: Request) -> Response:
        f = parse_filters(request)
        per_page = int_param(request, "per_page", PER_PAGE, 1, MAX_PER_PAGE)
        page = int_param(request, "page", 1, 1, 10_000_000)
        with closing(review.connect()) as conn:
            groups = store.list_groups(conn, f)
            shown = sum(g.shown for g in groups)
            pages = max(1, math.ceil(shown / per_page))
            page = min(page, pages)  # a page emptied by decisions shows the last one instead
            page_groups = store.fill_page(conn, groups, f, (page - 1) * per_page, per_page)
            facets = store.facets(conn) if not wants_json(request) else {}
        params = f.params() + ([("per_page", str(per_page))] if per_page != PER_PAGE else [])
        nav = {"page": page, "pages": pages, "per_page": per_page,
               "prev": list_url(params, page=page - 1) if page > 1 else None,
               "next": list_url(params, page=page + 1) if page < pages else None}
        totals = store.totals(groups)
        if wants_json(request):
            return json_response({"filters": f.as_dict(), "totals": totals, **nav,
                                  "groups": [g.as_dict() for g in page_groups]})
        page_params = params + ([("page", str(page))] if page > 1 else [])
        return review.render(request, "list.html", filters=f, totals=totals, groups=page_groups, nav=nav,
                             facets=facets, params=params, offset=(page - 1) * per_page,
                             json_url="/conflicts.json" + (f"?{urlencode(page_params)}" if page_params else ""),
                             done=_is_count(request.query_params.get("done", "")),
                             status_url=lambda s: list_url([p for p in params if p[0] != "status"], status=s),
                             group_url=lambda g: list_url([], entity=g.entity, metric=g.metric))

    def conflict_view(request: Request) -> Response:
        cid, as_json = path_id(request, "cid")
        f = parse_filters(request)
        done = int_param(request, "done", 0, 0, 2**62)
        with closing(review.connect()) as conn:
            conflict = store.get_conflict(conn, cid)
            if conflict is None:
                raise HTTPException(404, f"no conflict {cid!r} in this run")
            claims = {side: store.get_claim(conn, conflict.get(f"claim_{side}") or "") for side in ("a", "b")}
            plot = chart.plot(store.chart_claims(conn, conflict), conflict)
            facts = store.conflict_facts(conn, conflict)
            history = store.conflict_decisions(conn, cid)
            prev_id, next_id = store.neighbour(conn, f, conflict, -1), store.neighbour(conn, f, conflict, 1)
            flash = store.get_decision(conn, done) if done else None
        undo_id = (flash["decision_id"] if flash and not flash["undone"] else
                   next((d["decision_id"] for d in reversed(history) if not d["undone"]), None))
        params = f.params()
        links = {"prev": conflict_url(prev_id, params) if prev_id else None,
                 "next": conflict_url(next_id, params) if next_id else None, "list": list_url(params)}
        if wants_json(request, as_json):
            sides = {s: _claim_json(c) for s, c in claims.items()}
            return json_response({"conflict": conflict, "claims": sides, "facts": facts, "decisions": history,
                                  "chart": [vars(p) for p in plot.points], **links})
        views = {s: None if c is None else {
            **c, "pieces": evidence.sentence_pieces(c), "paragraph": evidence.paragraph_pieces(c)}
            for s, c in claims.items()}
        return review.render(request, "conflict.html", c=conflict, claims=views, chart=plot, history=history, facts=facts,
                             links=links, params=params, flash=flash, undo_id=undo_id,
                             conversion=evidence.conversion_note(conflict.get("reason")),
                             status=conflict.get("status") or "open")

    def chart_svg(request: Request) -> Response:
        cid, _ = path_id(request, "cid")
        with closing(review.connect()) as conn:
            conflict = store.get_conflict(conn, cid)
            if conflict is None:
                raise HTTPException(404, f"no conflict {cid!r} in this run")
            plot = chart.plot(store.chart_claims(conn, conflict), conflict)
        svg = review.env.get_template("_chart.svg").render(chart=plot, standalone=True)
        return Response(svg, media_type="image/svg+xml")

    async def decide(request: Request) -> Response:
        cid, _ = path_id(request, "cid")
        form = await read_form(request)
        review.check_csrf(request, form)
        decision = form.get("decision", "")
        reason, disputed = form.get("reason", ""), form.get("disputed", "")
        if decision == "dismissed" and reason == "extraction_error" and not disputed:
            disputed = "both"
        # the form sends every field; a reason only counts for a dismissal, a side only for extraction errors
        if decision != "dismissed":
            reason = ""
        if reason != "extraction_error":
            disputed = ""
        problem = decisions.check_decision(decision, reason, disputed)
        if problem:
            raise HTTPException(400, problem)
        note = clean_text(form, "note", MAX_NOTE)
        if decision == "note" and not note:
            raise HTTPException(400, "a note needs some text")
        reviewer = clean_text(form, "reviewer", MAX_TEXT) or review.reviewer
        f = store.Filters(*(form.get(k, "") for k in ("entity", "metric")),
                          tuple(s for s in form.get("severity", "").split(",") if s in SEVERITIES),
                          form.get("status", "") if form.get("status") in CONFLICT_STATUSES else "",
                          form.get("q", "")[:MAX_TEXT])

        def write():
            with closing(review.connect()) as conn:
                conflict = store.get_conflict(conn, cid)
                if conflict is None:
                    return None, None
                did = decisions.record_decision(
                    conn, cid, decision, reason=reason, disputed=disputed, note=note, reviewer=reviewer,
                    claim_a=conflict.get("claim_a") or "", claim_b=conflict.get("claim_b") or "")
                if decision == "note":
                    return did, cid
                queue = f if f.status in ("confirmed", "dismissed") else replace(f, status="open")
                return did, store.neighbour(conn, queue, conflict, 1)

        did, next_id = await run_in_threadpool(write)
        if did is None:
            raise HTTPException(404, f"no conflict {cid!r} in this run")
        status = decisions.STATUS_OF_DECISION.get(decision, "")
        target = conflict_url(next_id, f.params(), done=did) if next_id else list_url(f.params(), done=did)
        if wants_json(request) or "application/json" in request.headers.get("accept", ""):
            return json_response({"decision_id": did, "conflict_id": cid, "decision": decision,
                                  "status": status, "next": target})
        return RedirectResponse(target, status_code=303)

    async def undo(request: Request) -> Response:
        raw = request.path_params["did"]
        if not _is_count(raw) or len(raw) > 18:
            raise HTTPException(404, f"no decision {raw[:40]!r}")
        form = await read_form(request)
        review.check_csrf(request, form)
        reviewer = clean_text(form, "reviewer", MAX_TEXT) or review.reviewer

        def write():
            with closing(review.connect()) as conn:
                if store.get_decision(conn, int(raw)) is None:
                    return None, False
                return decisions.undo_decision(conn, int(raw), reviewer), True

        cid, exists = await run_in_threadpool(write)
        if not exists:
            raise HTTPException(404, f"no decision {raw}")
        if cid is None:
            raise HTTPException(409, f"decision {raw} was undone already")
        back = [(k, v) for k, v in parse_qs(form.get("back", ""), max_num_fields=20).items() for v in v[:1]]
        if wants_json(request) or "application/json" in request.headers.get("accept", ""):
            return json_response({"undone": int(raw), "conflict_id": cid})
        return RedirectResponse(conflict_url(cid, back), status_code=303)

    def decisions_view(request: Request) -> Response:
        per_page = int_param(request, "per_page", 100, 1, 1000)
        page = int_param(request, "page", 1, 1, 10_000_000)
        with closing(review.connect()) as conn:
            total = conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
            rows = decisions.decision_rows(conn, descending=True, limit=per_page, offset=(page - 1) * per_page)
        pages = max(1, math.ceil(total / per_page))
        nav = {"page": page, "pages": pages, "total": total,
               "prev": f"/decisions?page={page - 1}" if page > 1 else None,
               "next": f"/decisions?page={page + 1}" if page < pages else None}
        if wants_json(request):
            return json_response({**nav, "decisions": rows})
        return review.render(request, "decisions.html", rows=rows, nav=nav)

    def decisions_csv(request: Request) -> Response:
        with closing(review.connect()) as conn:
            rows = decisions.decision_rows(conn)
        buf = io.StringIO()
        decisions.write_rows(rows, "csv", buf)
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="decisions.csv"'})

    def home(request: Request) -> Response:
        return RedirectResponse("/conflicts" + (f"?{request.url.query}" if request.url.query else ""), 307)

    return [
        Route("/", home),
        Route("/conflicts", list_view),
        Route("/conflicts.json", list_view),
        Route("/conflicts/{cid}/chart.svg", chart_svg),
        Route("/conflicts/{cid}/decide", decide, methods=["POST"]),
        Route("/conflicts/{cid}", conflict_view),
        Route("/decisions/{did}/undo", undo, methods=["POST"]),
        Route("/decisions", decisions_view),
        Route("/decisions.json", decisions_view),
        Route("/decisions.csv", decisions_csv),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


def _claim_json(claim: dict | None) -> dict | None:
    if claim is None:
        return None
    out = {k: v for k, v in claim.items() if k != "text"}
    out["sentence_highlight"] = [{"text": t, "figure": fig} for t, fig in evidence.sentence_pieces(claim)]
    out["paragraph"] = "".join(t for t, _ in evidence.paragraph_pieces(claim))
    return out


def create_app(out_dir: Path, reviewer: str = "", token: str | None = None,
               allowed_hosts: list[str] | None = None) -> Starlette:
    """The review app for one run folder (what `serve` runs; tests drive it with TestClient).

    out_dir (Path): the run's output folder, holding `claims.db`.
    reviewer (str): the name recorded with decisions when the page sends none.
    token (str | None): the access token every request must carry; None for none.
    allowed_hosts (list[str] | None): Host names accepted; None accepts any.
    """
    review = Review(Path(out_dir), reviewer)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        if wants_json(request) or "application/json" in request.headers.get("accept", "") \
                or request.headers.get("content-type", "").startswith("application/json"):
            return json_response({"error": exc.detail, "status": exc.status_code}, exc.status_code)
        return review.render(request, "error.html", status_code=exc.status_code, code=exc.status_code,
                             message=exc.detail)

    async def db_error(request: Request, exc: sqlite3.Error) -> Response:
        message = f"{review.db}: {exc}; is another program holding it, or does the run need re-running?"
        return await http_error(request, HTTPException(503, message))

    app = Starlette(routes=make_routes(review),
                    middleware=[Middleware(Guard, token=token, allowed_hosts=allowed_hosts)],
                    exception_handlers={HTTPException: http_error, sqlite3.Error: db_error})
    app.state.review = review
    return app
