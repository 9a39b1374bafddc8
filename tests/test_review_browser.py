"""The review page end to end in headless Chromium (Debian's `chromium`, driven by Playwright).

Run with `pytest -m browser tests/test_review_browser.py`. Needs `/usr/bin/chromium`
(apt-get install chromium chromium-driver); never `playwright install`. Two runs:
a synthetic one built here, and the seed corpus run through the pipeline (with one
hostile article added), which is skipped while `python -m pipeline run` fails.
Screenshots go to outputs/screenshots/.
"""
from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import decisions
from pipeline.review import create_app
from pipeline.review.sample import small_run

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "outputs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_ID = "zz_hostile"
# Mirrors a seed sentence (003: "12.2 times forward earnings", the same day: a multiple is a day's fact) with another figure, so the
# pipeline finds a conflict involving the hostile article; its title and text carry markup.
HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Alibaba <img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = (
    "Alibaba shares kept climbing this week.\n"
    "The company’s shares trade at 25.0 times forward earnings, below its five-year average of 14.6 times."
    ' <script>window.__pwned = "text"</script> <img src=x onerror="window.__pwned=\'img\'">\n'
    "Some investors still see Alibaba as undervalued.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The review app under uvicorn in a background thread, as `claims review` runs it."""

    def __init__(self, out_dir: Path):
        import uvicorn

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        app = create_app(out_dir, reviewer="browser-test", allowed_hosts=["127.0.0.1", "localhost"])
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the review server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download)")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: apt-get install -y chromium chromium-driver")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def run_pipeline(corpus: Path, out: Path) -> subprocess.CompletedProcess:
    # --all-conflicts: the review scenarios decide the seeds' conflicts, which the conflict gate doubts
    return subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--all-conflicts"],
                          cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory) -> Path:
    """The seed corpus plus one hostile article, in a temporary folder."""
    corpus = tmp_path_factory.mktemp("seeds")
    for f in (REPO / "corpus" / "seeds").iterdir():
        shutil.copy(f, corpus / f.name)
    (corpus / f"{HOSTILE_ID}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8").rstrip("\n")
    title = HOSTILE_TITLE.replace('"', '""')
    (corpus / "manifest.csv").write_text(
        manifest + f'\n{HOSTILE_ID},{HOSTILE_ID}.txt,2025-02-18,hostile blog,"{title}",test fixture\n',
        encoding="utf-8")
    return corpus


@pytest.fixture()
def seed_run(seed_corpus, tmp_path) -> Path:
    out = tmp_path / "run"
    done = run_pipeline(seed_corpus, out)
    if done.returncode != 0 or not (out / "claims.db").is_file():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"`python -m pipeline run` on the seeds failed (exit {done.returncode}: {last}); "
                    "the pipeline is not ready yet")
    return out


def db_rows(out: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(out / "claims.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def hostile_conflict(out: Path, article_ids: set[str]) -> str | None:
    rows = db_rows(out, "SELECT c.conflict_id FROM conflicts c JOIN claims a ON a.claim_id = c.claim_a "
                        "JOIN claims b ON b.claim_id = c.claim_b WHERE a.article_id IN ({0}) OR b.article_id IN ({0}) "
                        "ORDER BY c.conflict_id".format(",".join("?" * len(article_ids))),
                   [*article_ids, *article_ids])
    return rows[0][0] if rows else None


def review_scenario(page, base: str, out: Path, label: str, hostile_articles: set[str], rerun=None) -> None:
    """List, confirm by keyboard, dismiss with a reason, reload, (re-run), export, XSS, CSRF."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    conflict_ids = [r[0] for r in db_rows(out, "SELECT conflict_id FROM conflicts")]
    assert conflict_ids, "the run has no conflicts to review"

    # the list shows the conflicts
    page.goto(f"{base}/")
    rows = page.locator("tr.row")
    assert rows.count() == min(len(conflict_ids), 50)
    assert f"of {len(conflict_ids)} conflicts" in page.locator("p.count").inner_text().replace(",", "")

    # confirm the first conflict with the keyboard: j selects it, Enter opens it, a decides
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    first = page.url.split("/conflicts/")[1].split("?")[0]
    assert page.locator("h1.reason").inner_text()
    with page.expect_navigation():
        page.keyboard.press("a")
    assert "Saved:" in page.locator("#flash").inner_text()

    # dismiss another one with a reason: d opens the choices, 2 = different period, Enter
    second = page.url.split("/conflicts/")[1].split("?")[0] if "/conflicts/" in page.url else None
    if second is None or second == first:
        second = next(c for c in conflict_ids if c != first)
        page.goto(f"{base}/conflicts/{second}")
    page.keyboard.press("d")
    assert page.locator("#dismiss").is_visible()
    page.keyboard.press("2")
    page.screenshot(path=str(SHOTS / f"{label}-conflict.png"), full_page=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    def check_decisions(when: str):
        statuses = dict(db_rows(out, "SELECT conflict_id, status FROM conflicts WHERE conflict_id IN (?, ?)",
                                (first, second)))
        assert statuses == {first: "confirmed", second: "dismissed"}, (
            f"{when}: statuses {statuses} (a missing id means the conflict ids changed between runs)")
        page.goto(f"{base}/conflicts/{first}")
        assert "A is right" in page.locator("section.history").inner_text()
        page.goto(f"{base}/conflicts/{second}")
        assert "Dismissed (different period)" in page.locator("section.history").inner_text()
        page.goto(f"{base}/conflicts?status=confirmed")
        assert first in page.content() and page.locator("tr.row").count() == 1

    page.reload()
    check_decisions("after a reload")
    page.goto(f"{base}/conflicts")
    page.screenshot(path=str(SHOTS / f"{label}-list.png"), full_page=True)
    if rerun is not None:  # re-running the pipeline into the same folder keeps the decisions
        rerun()
        check_decisions("after re-running the pipeline into the same folder")

    # the export holds both
    export = out / "decisions-export.json"
    assert decisions.export_decisions(out, "json", export) == 2
    exported = {(d["conflict_id"], d["decision"], d["reason"], d["reviewer"]) for d in json.loads(export.read_text())}
    assert exported == {(first, "a_right", "", "browser-test"),
                        (second, "dismissed", "different_period", "browser-test")}

    # an article carrying <script> and onerror= is shown, not run
    hostile = hostile_conflict(out, hostile_articles)
    assert hostile, f"no conflict involves the hostile article(s) {sorted(hostile_articles)}"
    page.goto(f"{base}/conflicts/{hostile}")
    page.keyboard.press("p")  # open the paragraphs too
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned" in page.locator("section.sides").inner_text()
    assert page.locator("section.sides script, section.sides img").count() == 0

    # a POST without the CSRF token is refused, and changes nothing
    status = page.evaluate("""(cid) => fetch('/conflicts/' + cid + '/decide', {method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'}, body: 'decision=b_right'})
        .then(r => r.status)""", hostile)
    assert status == 403
    assert db_rows(out, "SELECT COUNT(*) FROM decisions")[0][0] == 2


def test_review_synthetic_run(page, tmp_path):
    small_run(tmp_path)
    with Server(tmp_path) as server:
        review_scenario(page, server.base, tmp_path, "synthetic", {"art3"})


def test_note_then_undo_by_keyboard_and_a_typed_reviewer_name(page, tmp_path):
    small_run(tmp_path)
    with Server(tmp_path) as server:
        page.goto(f"{server.base}/conflicts/cf-rev-12")
        page.fill("#reviewer", "Dana")
        page.dispatch_event("#reviewer", "change")
        page.keyboard.press("Escape")
        page.locator("body").click(position={"x": 5, "y": 300})
        page.keyboard.press("o")
        page.keyboard.type("rounded in B")
        page.keyboard.press("Escape")
        with page.expect_navigation():
            page.keyboard.press("h")  # both hold, with the note
        page.goto(f"{server.base}/conflicts/cf-rev-12")
        assert "Both hold" in page.locator("section.history").inner_text()
        with page.expect_navigation():
            page.keyboard.press("u")
        assert page.url.split("?")[0].endswith("/conflicts/cf-rev-12")
        row = db_rows(tmp_path, "SELECT decision, note, reviewer, undone, undone_by FROM decisions")
        assert row == [("both_hold", "rounded in B", "Dana", 1, "Dana")]
        assert db_rows(tmp_path, "SELECT status FROM conflicts WHERE conflict_id = 'cf-rev-12'") == [("open",)]


def test_review_seed_run(page, seed_run, seed_corpus):
    def rerun():
        done = run_pipeline(seed_corpus, seed_run)
        assert done.returncode == 0, done.stderr

    with Server(seed_run) as server:
        review_scenario(page, server.base, seed_run, "seeds", {HOSTILE_ID}, rerun=rerun)


def test_the_fact_behind_a_conflict_and_a_new_dismissal_reason(page, seed_run):
    """A seed conflict's page lists its facts' reports (both sides marked); d, 5, Enter dismisses as
    'different basis' in one go from the keyboard."""
    cid = db_rows(seed_run, "SELECT conflict_id FROM conflicts WHERE metric = 'forward_pe'")[0][0]
    with Server(seed_run) as srv:
        page.goto(f"{srv.base}/conflicts/{cid}")
        facts = page.locator("section.fact")
        assert facts.count() >= 1
        assert "forward pe" in facts.first.locator("h2").inner_text()
        sides = page.locator("section.fact tr.side-a, section.fact tr.side-b")
        assert sides.count() == 2  # the two claims of the conflict, among their facts' reports
        assert "1–8" in page.locator("#dismiss legend").inner_text()
        page.keyboard.press("d")
        page.keyboard.press("5")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert db_rows(seed_run, "SELECT decision, reason FROM decisions WHERE conflict_id = ?", (cid,)) == [
        ("dismissed", "different_basis")]
