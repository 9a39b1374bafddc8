"""The review page through Starlette's TestClient, on synthetic runs built here."""
from __future__ import annotations

import csv
import io
import re
import warnings

import pytest

with warnings.catch_warnings():  # starlette >= 1.0 prefers httpx2 but still runs on httpx
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from pipeline import decisions
from pipeline.review import create_app, serve
from pipeline.review.sample import small_run, synthetic_run


@pytest.fixture()
def run(tmp_path):
    small_run(tmp_path)
    return tmp_path


@pytest.fixture()
def client(run):
    with TestClient(create_app(run, reviewer="ana"), follow_redirects=False) as c:
        yield c


def csrf_of(client) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', client.get("/conflicts").text).group(1)


def post_decision(client, cid, **form):
    form.setdefault("csrf", csrf_of(client))
    return client.post(f"/conflicts/{cid}/decide", data=form)


def listed_ids(data) -> list[str]:
    return [c["conflict_id"] for g in data["groups"] for c in g["conflicts"]]


# ---------------------------------------------------------------- the list

def test_list_groups_by_entity_and_metric_sorted_by_severity(client):
    data = client.get("/conflicts.json").json()
    keys = [(g["entity"], g["segment"], g["metric"]) for g in data["groups"]]
    assert keys == [("Alibaba", "", "forward_pe"), ("Alibaba Cloud", "cloud", "revenue_growth"),
                    ("Alibaba", "", "revenue"), ("Tencent", "", "revenue")]
    assert listed_ids(data)[:3] == ["cf-pe-13", "cf-pe-12", "cf-pe-23"]  # high by rel_diff, then medium
    first = data["groups"][0]
    assert first["n"] == 3 and first["by_severity"] == {"high": 2, "medium": 1, "low": 0}
    assert first["by_status"] == {"open": 3, "confirmed": 0, "dismissed": 0}
    assert data["totals"]["by_status"]["open"] == 6 and data["totals"]["groups"] == 4


def test_list_html_shows_groups_counts_and_the_shortcut_legend(client):
    html = client.get("/conflicts").text
    assert "Alibaba Cloud" in html and "revenue_growth" in html
    assert re.search(r"Open <span class=\"n\">6</span>", html)
    assert "forward P/E 11x (2025-09-26) vs 30x (2025-10-02)" in html
    assert "<kbd>j</kbd>" in html and 'src="/static/review.js"' in html


def test_json_twin_by_suffix_and_by_format_parameter_agree(client):
    assert client.get("/conflicts.json?severity=high").json() == \
        client.get("/conflicts?severity=high&format=json").json()


@pytest.mark.parametrize("query,expected", [
    ("entity=Tencent", {"cf-tc-12"}),
    ("metric=revenue", {"cf-rev-12", "cf-tc-12"}),
    ("severity=low", {"cf-rev-12", "cf-tc-12"}),
    ("severity=high&severity=medium", {"cf-pe-12", "cf-pe-13", "cf-pe-23", "cf-cloud-12"}),
    ("q=cloud", {"cf-cloud-12"}),
    ("q=converted+7.1", {"cf-tc-12"}),
    ("q=100%25", set()),  # LIKE wildcards are matched literally
    ("entity=Alibaba&metric=forward_pe&severity=medium", {"cf-pe-23"}),
])
def test_filters(client, query, expected):
    assert set(listed_ids(client.get(f"/conflicts.json?{query}").json())) == expected


def test_status_filter_and_counts_follow_decisions(client):
    assert post_decision(client, "cf-pe-12", decision="a_right").status_code == 303
    assert post_decision(client, "cf-rev-12", decision="dismissed", reason="rounding").status_code == 303
    data = client.get("/conflicts.json?status=open").json()
    assert set(listed_ids(data)) == {"cf-pe-13", "cf-pe-23", "cf-cloud-12", "cf-tc-12"}
    assert data["totals"]["by_status"] == {"open": 4, "confirmed": 1, "dismissed": 1}
    assert listed_ids(client.get("/conflicts.json?status=confirmed").json()) == ["cf-pe-12"]


@pytest.mark.parametrize("query", ["severity=urgent", "status=maybe", "page=0", "page=abc", "per_page=5000",
                                   "q=" + "x" * 201, "page=-1", "page=%C2%B2", "per_page=1e3"])
def test_bad_list_parameters_are_400(client, query):
    assert client.get(f"/conflicts?{query}").status_code == 400
    assert client.get(f"/conflicts.json?{query}").json()["status"] == 400


def test_paging_visits_every_conflict_once_in_list_order(tmp_path):
    synthetic_run(tmp_path, 230, claims_per_group=8)  # 28 conflicts a group: groups straddle pages
    with TestClient(create_app(tmp_path)) as c:
        pages = [c.get(f"/conflicts.json?per_page=50&page={p}").json() for p in range(1, 6)]
        whole = listed_ids(c.get("/conflicts.json?per_page=200").json()) + \
            listed_ids(c.get("/conflicts.json?per_page=200&page=2").json())
    ids = [i for p in pages for i in listed_ids(p)]
    assert len(ids) == 230 == len(set(ids))
    assert ids == whole
    assert pages[0]["pages"] == 5 and pages[0]["next"] and not pages[4]["next"]
    ranks = {"high": 0, "medium": 1, "low": 2}
    for p in pages:
        for g in p["groups"]:
            sev = [ranks[c["severity"]] for c in g["conflicts"]]
            assert sev == sorted(sev)


def test_a_page_past_the_end_shows_the_last_page(client):
    data = client.get("/conflicts.json?per_page=2&page=99").json()
    assert data["page"] == 3 and len(listed_ids(data)) == 2


# ---------------------------------------------------------------- one conflict

def test_conflict_view_shows_both_claims_the_reason_and_the_chart(client):
    html = client.get("/conflicts/cf-pe-12").text
    assert "forward P/E 11x (2025-09-26) vs 22x (2025-09-30), 4 days apart" in html
    assert "Alibaba ADR doubles on its all-in AI bet" in html and "TradingKey" in html
    assert "The stock trades at <mark>11x</mark> forward earnings" in html
    assert "<mark>22x</mark>" in html and "about" in html and "FY2025" in html and "forecast" in html
    assert "<details class=\"para\">" in html
    assert "<svg" in html and 'class="pt pt-a"' in html and 'class="pt pt-b"' in html
    for key in ("a", "b", "n", "h", "d", "o", "s", "u"):
        assert f"<kbd>{key}</kbd>" in html


def test_conflict_view_shows_the_conversion_from_the_reason(client):
    html = client.get("/conflicts/cf-tc-12").text
    assert "conversion: <b>CNY converted at 7.1 per USD</b>" in html
    assert "date unknown" in html


def test_conflict_json_twin(client):
    data = client.get("/conflicts/cf-pe-12.json").json()
    assert data["conflict"]["claim_a"] == "pe1"
    assert data["claims"]["a"]["figure"] == "11x" and "text" not in data["claims"]["a"]
    assert {"text": "11x", "figure": True} in data["claims"]["a"]["sentence_highlight"]
    assert data["next"].startswith("/conflicts/cf-pe-23") and data["prev"].startswith("/conflicts/cf-pe-13")
    assert client.get("/conflicts/cf-pe-12?format=json").json()["conflict"] == data["conflict"]


def test_next_and_previous_follow_the_filtered_list(client):
    data = client.get("/conflicts/cf-rev-12.json?severity=low").json()
    assert data["next"].startswith("/conflicts/cf-tc-12?") and "severity=low" in data["next"]
    assert data["prev"] is None


def test_chart_svg(client):
    r = client.get("/conflicts/cf-pe-13/chart.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.text.startswith("<svg") or r.text.lstrip().startswith("<svg")
    assert "&lt;script&gt;" in r.text and "<script" not in r.text


@pytest.mark.parametrize("path", ["/conflicts/nope", "/conflicts/nope.json", "/conflicts/..%2F..%2Fetc",
                                  "/conflicts/" + "x" * 300, "/conflicts/nope/chart.svg", "/decisions/abc/undo", "/decisions/%C2%B2/undo",
                                  "/nowhere"])
def test_unknown_or_malformed_ids_are_404(client, path):
    if path.endswith("/undo"):
        r = client.post(path, data={"csrf": csrf_of(client)})
    else:
        r = client.get(path)
    assert r.status_code == 404


# ---------------------------------------------------------------- deciding

def test_decide_without_or_with_a_wrong_csrf_token_is_refused(client, run):
    assert client.post("/conflicts/cf-pe-12/decide", data={"decision": "a_right"}).status_code == 403
    assert client.post("/conflicts/cf-pe-12/decide", data={"decision": "a_right", "csrf": "x"}).status_code == 403
    r = client.post("/conflicts/cf-pe-12/decide", json={"decision": "a_right"})
    assert r.status_code == 403 and r.json()["error"].startswith("missing or wrong CSRF")
    assert decisions.export_decisions(run, "json", run / "d.json") == 0


def test_decide_with_the_token_records_time_and_reviewer_and_moves_on(client, run):
    r = post_decision(client, "cf-pe-12", decision="a_right", note="A matches the filing")
    assert r.status_code == 303 and r.headers["location"].startswith("/conflicts/cf-pe-23?done=")
    assert client.get("/conflicts/cf-pe-12.json").json()["conflict"]["status"] == "confirmed"
    [row] = client.get("/decisions.json").json()["decisions"]
    assert row["reviewer"] == "ana" and row["note"] == "A matches the filing"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["decided_at"])
    flash = client.get(r.headers["location"]).text
    assert "Saved: <b>A is right</b>" in flash


def test_the_page_may_name_the_reviewer(client):
    post_decision(client, "cf-pe-12", decision="b_right", reviewer="bo")
    assert client.get("/decisions.json").json()["decisions"][0]["reviewer"] == "bo"


def test_decide_by_json_with_the_csrf_header(client):
    r = client.post("/conflicts/cf-pe-12/decide", json={"decision": "neither"},
                    headers={"x-csrf-token": csrf_of(client), "accept": "application/json"})
    assert r.status_code == 200 and r.json()["status"] == "confirmed"


def test_dismiss_needs_a_reason_and_extraction_error_disputes_a_claim(client):
    r = post_decision(client, "cf-pe-13", decision="dismissed")
    assert r.status_code == 400 and "needs a reason" in r.text
    assert post_decision(client, "cf-pe-13", decision="dismissed", reason="extraction_error",
                         disputed="b").status_code == 303
    data = client.get("/conflicts/cf-pe-13.json").json()
    assert data["conflict"]["status"] == "dismissed"
    assert data["claims"]["b"]["disputed"] == 1 and data["claims"]["a"]["disputed"] == 0
    assert "disputed: extraction error" in client.get("/conflicts/cf-pe-13").text


def test_fields_left_set_in_the_form_do_not_spoil_a_decision(client):
    assert post_decision(client, "cf-pe-12", decision="a_right", reason="rounding", disputed="both").status_code == 303
    assert post_decision(client, "cf-pe-13", decision="dismissed", reason="rounding", disputed="both").status_code == 303
    rows = client.get("/decisions.json").json()["decisions"]
    assert [(r["decision"], r["reason"], r["disputed"]) for r in rows] == [
        ("dismissed", "rounding", ""), ("a_right", "", "")]


@pytest.mark.parametrize("form,code", [
    ({"decision": "maybe"}, 400),
    ({"decision": "note"}, 400),  # a note needs text
    ({"decision": "a_right", "note": "x" * 2001}, 400),
    ({"decision": "a_right", "reviewer": "bad\x00name"}, 400),
])
def test_bad_decisions_are_400(client, form, code):
    assert post_decision(client, "cf-pe-12", **form).status_code == code


def test_undo_restores_the_previous_status_and_keeps_the_history(client):
    post_decision(client, "cf-pe-12", decision="a_right")
    post_decision(client, "cf-pe-12", decision="both_hold")
    latest = client.get("/decisions.json").json()["decisions"][0]["decision_id"]
    r = client.post(f"/decisions/{latest}/undo", data={"csrf": csrf_of(client), "back": "severity=high"})
    assert r.status_code == 303 and r.headers["location"] == "/conflicts/cf-pe-12?severity=high"
    assert client.get("/conflicts/cf-pe-12.json").json()["conflict"]["status"] == "confirmed"
    assert client.post(f"/decisions/{latest}/undo", data={"csrf": csrf_of(client)}).status_code == 409
    assert client.post(f"/decisions/{latest}/undo", data={}).status_code == 403
    html = client.get("/conflicts/cf-pe-12").text
    assert html.count('<tr class="undone">') == 1 and "Both hold" in html and "A is right" in html
    history = client.get("/conflicts/cf-pe-12.json").json()["decisions"]
    assert [(d["decision"], d["undone"]) for d in history] == [("a_right", 0), ("both_hold", 1)]


def test_a_note_alone_returns_to_the_same_conflict(client):
    r = post_decision(client, "cf-pe-12", decision="note", note="ask the desk")
    assert r.headers["location"].startswith("/conflicts/cf-pe-12?")
    assert client.get("/conflicts/cf-pe-12.json").json()["conflict"]["status"] == "open"


def test_deciding_the_last_open_conflict_returns_to_the_list(client):
    r = post_decision(client, "cf-tc-12", decision="a_right", severity="low")
    assert r.headers["location"].startswith("/conflicts?") or r.headers["location"].startswith("/conflicts/")
    for cid in ("cf-pe-13", "cf-pe-12", "cf-pe-23", "cf-cloud-12", "cf-rev-12"):
        post_decision(client, cid, decision="a_right")
    r = post_decision(client, "cf-tc-12", decision="b_right")
    assert r.headers["location"].startswith("/conflicts?done=")
    assert "No further open conflict" in client.get(r.headers["location"]).text


def test_export_from_the_page_and_from_the_function_agree(client, run, tmp_path):
    post_decision(client, "cf-pe-12", decision="a_right")
    post_decision(client, "cf-rev-12", decision="dismissed", reason="different_period")
    page = list(csv.DictReader(io.StringIO(client.get("/decisions.csv").text)))
    assert decisions.export_decisions(run, "csv", tmp_path / "d.csv") == 2
    assert page == list(csv.DictReader(open(tmp_path / "d.csv", encoding="utf-8")))
    assert [r["reason"] for r in page] == ["", "different_period"]
    assert "different period" in client.get("/decisions").text


# ---------------------------------------------------------------- safety

def test_article_text_is_escaped_everywhere(client):
    for path in ("/conflicts/cf-pe-13", "/conflicts/cf-pe-23", "/conflicts?q=forward"):
        html = client.get(path).text
        assert "<script>window" not in html and "<img src=x" not in html and "<b>rally" not in html
    html = client.get("/conflicts/cf-pe-13").text
    assert "&lt;script&gt;window.__pwned" in html and "&lt;img src=x onerror=" in html
    assert "&lt;b&gt;rally&lt;/b&gt;" in html


def test_security_headers(client):
    r = client.get("/conflicts")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


def test_oversized_body_is_413(client):
    body = "decision=a_right&note=" + "x" * 20_000
    r = client.post("/conflicts/cf-pe-12/decide", content=body,
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


@pytest.mark.parametrize("content,ctype,code", [
    (b"decision=\xff\xfe", "application/x-www-form-urlencoded", 400),
    (b"[1, 2]", "application/json", 400),
    (b"{not json", "application/json", 400),
    (b'{"decision": {"nested": 1}}', "application/json", 400),
    (b"<decision/>", "application/xml", 415),
])
def test_malformed_bodies_are_4xx(client, content, ctype, code):
    r = client.post("/conflicts/cf-pe-12/decide", content=content,
                    headers={"content-type": ctype, "x-csrf-token": csrf_of(client)})
    assert r.status_code == code


def test_get_on_a_post_route_is_405(client):
    assert client.get("/conflicts/cf-pe-12/decide").status_code == 405


def test_cross_origin_post_is_refused_even_with_the_token(client):
    r = client.post("/conflicts/cf-pe-12/decide", data={"decision": "a_right", "csrf": csrf_of(client)},
                    headers={"origin": "http://evil.example"})
    assert r.status_code == 403


def test_access_token_is_required_and_swapped_for_a_cookie(run):
    with TestClient(create_app(run, token="s3cret"), follow_redirects=False) as c:
        assert c.get("/conflicts").status_code == 403
        assert c.get("/conflicts?token=wrong").status_code == 403
        r = c.get("/conflicts?token=s3cret&severity=high")
        assert r.status_code == 303 and r.headers["location"] == "/conflicts?severity=high"
        assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
        assert c.get("/conflicts").status_code == 200  # the cookie now
    with TestClient(create_app(run, token="s3cret")) as c:
        assert c.get("/conflicts.json", headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/conflicts.json", headers={"cookie": "claims_review_token=nope"}).status_code == 403
        assert c.get("/conflicts.json", headers={"cookie": "\x7f;;=="}).status_code == 403


def test_loopback_server_refuses_foreign_host_names(run):
    with TestClient(create_app(run, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1:8765") as c:
        assert c.get("/conflicts").status_code == 200
        assert c.get("/conflicts", headers={"host": "evil.example:8765"}).status_code == 403


def test_serve_on_a_public_address_generates_and_prints_a_token(run, monkeypatch, capsys):
    import uvicorn
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setattr("pipeline.review.free_port", lambda host, port: port)  # whatever else runs on 9999
    serve(run, host="0.0.0.0", port=9999)
    url = re.search(r"http://\S+", capsys.readouterr().err).group(0)
    token = url.split("?token=")[1]
    assert len(token) >= 24 and seen["host"] == "0.0.0.0" and seen["port"] == 9999
    with TestClient(seen["app"]) as c:
        assert c.get("/conflicts").status_code == 403
        assert c.get(f"/conflicts?token={token}").status_code == 200


def test_serve_on_loopback_needs_no_token(run, monkeypatch, capsys):
    import uvicorn
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    monkeypatch.setattr("pipeline.review.free_port", lambda host, port: port)
    serve(run)
    assert "http://127.0.0.1:8765/\n" in capsys.readouterr().err


def test_a_missing_run_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="claims run"):
        create_app(tmp_path / "nothing")


# ---------------------------------------------------------------- never a 500

def test_random_requests_never_get_a_500(run):
    from urllib.parse import quote as q

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    app = create_app(run)
    text = st.text(max_size=60)
    keys = st.sampled_from(["page", "per_page", "severity", "status", "entity", "metric", "q", "format", "done"])

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(path=st.sampled_from(["/conflicts", "/conflicts.json", "/conflicts/cf-pe-12", "/decisions"]),
           query=st.lists(st.tuples(keys, text), max_size=4), ident=text, body=st.binary(max_size=300),
           ctype=st.sampled_from(["application/json", "application/x-www-form-urlencoded", "text/plain", ""]))
    def check(path, query, ident, body, ctype):
        with TestClient(app) as c:
            qs = "&".join(f"{k}={q(v)}" for k, v in query)
            assert c.get(f"{path}?{qs}").status_code < 500
            assert c.get(f"/conflicts/{q(ident, safe='')}").status_code < 500
            headers = {"content-type": ctype, "x-csrf-token": app.state.review.csrf}
            assert c.post("/conflicts/cf-pe-12/decide", content=body, headers=headers).status_code < 500
            assert c.post(f"/decisions/{q(ident, safe='')}/undo", content=body, headers=headers).status_code < 500

    check()


# ---------------------------------------------------------------- the fact behind a conflict

def test_a_conflict_shows_its_fact_with_every_report_in_time_order(tmp_path):
    """A real run: two outlets give Acme's forward P/E as 15x, a third as 31x on the same day."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    dump = tmp_path / "dump.jsonl"
    texts = [("w1", "wire", "Acme Corp trades at 15 times forward earnings, analysts said."),
             ("b1", "blog", "Shares of Acme Corp now trade at 15 times forward earnings."),
             ("p1", "paper", "At 31 times forward earnings, Acme Corp looks expensive.")]
    dump.write_text("\n".join(json.dumps({"id": i, "published": "2024-03-04", "source": s, "title": f"Acme {i}",
                                          "text": t}) for i, s, t in texts) + "\n")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(dump), "--out", str(out), "--silent", "--fast",
                    "--all-conflicts"],  # a P/E half another's: a pair the conflict gate doubts (tests/test_facts.py)
                   check=True, cwd=Path(__file__).resolve().parent.parent)
    with TestClient(create_app(out, reviewer="ana"), follow_redirects=False) as c:
        [cid] = listed_ids(c.get("/conflicts.json").json())
        data = c.get(f"/conflicts/{cid}.json").json()
        assert "2 sources give Acme's forward P/E" in data["conflict"]["reason"]
        [fact] = data["facts"]
        assert fact["status"] == "conflict" and fact["n_sources"] == 3 and fact["value"] == 15.0
        reports = {r["source"]: r for r in fact["reports"]}
        assert reports["paper"]["majority"] is False and reports["wire"]["majority"] and reports["blog"]["majority"]
        assert {r["side"] for r in fact["reports"]} == {"a", "b", ""}
        html = c.get(f"/conflicts/{cid}").text
        assert "The fact: Acme forward pe" in html and html.count('class="outlier') == 1
        assert "not this entity&#39;s figure" in html or "not this entity's figure" in html
