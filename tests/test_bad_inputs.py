"""Bad input: every kind of broken article gets a status and a one-line reason, and the run goes on.

The corpus is generated here, in tmp_path: one file (or one record) per kind of bad input, each
with the status and the message substring it must get in articles.csv. ONE run over all of them
plus corpus/seeds must exit 0 with the seed claims unchanged (compared with a run of the seeds
alone). Kinds that today stop the whole run are marked `isolate`: each gets its own run (the bad
file, one good article and the seeds) and runs as a strict xfail until the bug is fixed; when one
starts to pass, drop its `isolate` flag so it joins the one big run.

Then the bad options and paths: a one-line error, exit code 2, no traceback unless --debug.
See docs/RELIABILITY.md for what was tried and what held.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
RUN_TIMEOUT = 300

# A short article with figures, a company and a date; `tag` keeps every kind's text distinct
# (the same text twice would be a duplicate, which is a kind of its own).


def article(tag: str) -> str:
    return (f"NEW YORK, March 3, 2021 - Acme Corp ({tag}) said first-quarter revenue rose 12% to "
            f"$3.2 billion, while net profit fell 4.5% to $410 million.\n"
            f"The company expects full-year sales of about $13 billion, it said in a statement.\n")


Writer = Callable[[Path, str], list]  # (folder, kind name) -> manifest rows (dicts), usually []


@dataclass(frozen=True)
class Kind:
    name: str
    write: Writer
    status: str  # ok / failed / skipped_duplicate
    column: str = "error"  # where the message goes: error or note
    expect: str | None = ""  # substring of that column (case-insensitive); "" = must be empty; None = any non-empty
    key: str = ""  # article_id or doc of the row (default: the kind's name); "prefix*" matches a prefix
    bug: str = ""  # a strict xfail: what is wrong today
    isolate: bool = False  # today it stops the whole run: tested in a run of its own
    extra: dict = field(default_factory=dict)  # more columns the row must have


def _txt(data: bytes | str, suffix: str = ".txt") -> Writer:
    def write(folder: Path, name: str) -> list:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (folder / f"{name}{suffix}").write_bytes(raw)
        return []
    return write


def _txt_of(make: Callable[[str], bytes | str], suffix: str = ".txt") -> Writer:
    def write(folder: Path, name: str) -> list:
        data = make(name)
        (folder / f"{name}{suffix}").write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return []
    return write


def _jsonl(*records, raw: list[bytes] | None = None) -> Writer:
    """One .jsonl file; records are dicts (dumped), or raw lines as bytes."""
    def write(folder: Path, name: str) -> list:
        lines = raw if raw is not None else [json.dumps(r(name) if callable(r) else r).encode() for r in records]
        (folder / f"{name}.jsonl").write_bytes(b"\n".join(lines) + b"\n")
        return []
    return write


def _manifest_row(published: str = "", title: str = "", file: str | None = None, create: bool = True) -> Writer:
    def write(folder: Path, name: str) -> list:
        fname = file or f"{name}.txt"
        if create:
            (folder / fname).write_text(article(name), encoding="utf-8")
        return [{"id": "", "file": fname, "published": published, "source": "test", "title": title}]
    return write


def _binary(name: str) -> bytes:
    rnd = random.Random(7)
    return bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00\x00\x00"


def _deep_html(name: str) -> str:
    return "<html><body>" + "<div>" * 10_000 + f"<p>{article(name)}</p>" + "</div>" * 10_000 + "</body></html>"


def _broken_html(name: str) -> str:
    return (f"<html><body><p>{article(name)}<p><b>Shares rose 3% <i>on Tuesday<div class='x\n"
            "<a href=\"http://example.com/?a=1&b=2\">link<script>var x = '</p>';\n<!-- never closed\n"
            "<table><tr><td>Revenue<td>$5 billion</tr></p></div>")


def _nested_json(name: str) -> dict:
    node: dict = {"leaf": "x" * 1000}
    for i in range(60):
        node = {f"level{i}": node, "list": [node, {"n": i}], "pad": "y" * 1000}
        if len(json.dumps(node)) > 3_000_000:
            break
    return {"id": name, "text": article(name), "meta": node}


def _dump_csv(rows: list[list[str]], header: list[str] | None = None, encoding_tail: bytes = b"") -> Writer:
    def write(folder: Path, name: str) -> list:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header or ["id", "published", "title", "text"])
        for r in rows:
            w.writerow([c.replace("{name}", name) for c in r])
        data = buf.getvalue().encode("utf-8")
        if encoding_tail:  # bytes spliced into the last row's text (before its closing newline)
            data = data[:-1] + encoding_tail + b"\n"
        (folder / f"{name}.csv").write_bytes(data)
        return []
    return write


def _csv_bad_utf8(folder: Path, name: str) -> list:
    text = article(name).replace("\n", " ").encode("utf-8")
    text = text.replace(b"first-quarter", b"first\xff\xfe-quarter")
    data = b"id,text\n" + name.encode() + b",\"" + text + b"\"\n"
    (folder / f"{name}.csv").write_bytes(data)
    return []


def _parquet(df_of: Callable[[str], pd.DataFrame]) -> Writer:
    def write(folder: Path, name: str) -> list:
        df_of(name).to_parquet(folder / f"{name}.parquet", index=False)
        return []
    return write


def _truncated_parquet(folder: Path, name: str) -> list:
    path = folder / f"{name}.parquet"
    pd.DataFrame({"id": [f"{name}-{i}" for i in range(50)], "text": [article(f"{name}{i}") for i in range(50)]}
                 ).to_parquet(path, index=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return []


def _truncated_gzip(folder: Path, name: str) -> list:
    rnd = random.Random(3)
    lines = b"".join(json.dumps({"id": f"{name}-{i}", "text": article(f"{name}{i}") + "".join(
        rnd.choice("abcdefghij ") for _ in range(300))}).encode() + b"\n" for i in range(100))
    data = gzip.compress(lines)
    (folder / f"{name}.jsonl.gz").write_bytes(data[: len(data) // 2])
    return []


def _not_gzip(folder: Path, name: str) -> list:
    (folder / f"{name}.jsonl.gz").write_text(json.dumps({"id": name, "text": article(name)}) + "\n")
    return []


def _huge(folder: Path, name: str) -> list:
    """A 50 MB single article, written in chunks (never a 50 MB string in the test process)."""
    chunk = (article(name) * 400).encode("utf-8")
    with open(folder / f"{name}.txt", "wb") as fh:
        written = 0
        while written < 50_000_000:
            fh.write(chunk)
            written += len(chunk)
    return []


def _exact_dup(folder: Path, name: str) -> list:
    text = article(name)
    (folder / f"{name}.jsonl").write_text(
        json.dumps({"id": f"{name}_a", "text": text}) + "\n" + json.dumps({"id": f"{name}_b", "text": text}) + "\n")
    return []


def _dup_id(folder: Path, name: str) -> list:
    base = name.removesuffix("_second")
    (folder / f"{base}.jsonl").write_text(
        json.dumps({"id": base, "text": article(base + "1")}) + "\n"
        + json.dumps({"id": base, "text": article(base + "2")}) + "\n")
    return []


def _nothing(folder: Path, name: str) -> list:  # a row produced by another kind's file
    return []


KINDS: list[Kind] = [
    # --- files in a folder --------------------------------------------------------------------
    Kind("k_zero_byte", _txt(b""), "failed", expect="empty text"),
    Kind("k_whitespace", _txt(" \t\r\n \u00a0\u2003\u3000 \n\n"), "failed", expect="whitespace"),
    Kind("k_zero_width", _txt("\u200b\u200c\u200d\ufeff\u200b"), "failed", expect="no text"),
    Kind("k_binary", _txt_of(_binary), "failed", expect="binary"),
    Kind("k_gzip_as_txt", _txt_of(lambda n: gzip.compress(article(n).encode(), mtime=0)), "failed", expect="binary"),
    Kind("k_invalid_utf8", _txt_of(lambda n: article(n).encode().replace(b"first-quarter", b"first\xff\xc3\x28-quarter")),
         "ok", column="note", expect="invalid utf-8"),
    Kind("k_bom", _txt_of(lambda n: b"\xef\xbb\xbf" + article(n).encode()), "ok", column="note", expect=""),
    Kind("k_utf16", _txt_of(lambda n: article(n).encode("utf-16")), "ok", expect=""),
    Kind("k_crlf", _txt_of(lambda n: article(n).replace("\n", "\r\n") * 3), "ok", expect=""),
    Kind("k_control_chars", _txt_of(lambda n: "\x1b[31m" + article(n).replace(" ", " \x01", 3) + "\x07\x1b[0m"),
         "ok", expect=""),
    Kind("k_nul_late", _txt_of(lambda n: (article(n) * 30) + "\x00 trailing"), "ok", expect=""),
    Kind("k_only_numbers", _txt(" ".join(str(i * 7919 % 100000) for i in range(2000))), "ok", expect=""),
    Kind("k_only_emoji", _txt("🚀🔥💰📈🤖 " * 200 + "1️⃣2️⃣3️⃣"), "failed", expect="no text"),
    Kind("k_rtl", _txt("ارتفعت إيرادات الشركة بنسبة 12% إلى 3.2 مليار دولار في الربع الأول.\n"
                       "הכנסות החברה עלו ב-12% ל-3.2 מיליארד דולר.\n\u202eAcme Corp revenue rose 12%\u202c\n"),
         "ok", expect=""),
    Kind("k_mixed_scripts", _txt_of(lambda n: article(n) + "阿里巴巴收入增长12%至3.2亿元。Выручка выросла на 12%. "
                                    "Τα έσοδα αυξήθηκαν 12%. A\u0301cme Ćorp ﬁnance ＡＣＭＥ １２％ ₹5 crore\n"),
         "ok", expect=""),
    Kind("k_nested_html", _txt_of(_deep_html, ".html"), "ok", expect=""),
    Kind("k_broken_html", _txt_of(_broken_html, ".html"), "ok", expect=""),
    Kind("k_markup_only", _txt("<html><head><style>p{color:red}</style></head><body><div><span></span></div>"
                               "<script>var x = 1;</script></body></html>", ".html"), "failed", expect="no text"),
    Kind("k_html_entities", _txt_of(lambda n: f"<p>{article(n)}</p><p>Sales &amp; margins: &#36;5&nbsp;billion, "
                                    "&euro;3 bn &#x24;7bn &bogus; &#99999999;</p>", ".html"), "ok", expect=""),
    Kind("k_markdown", _txt_of(lambda n: f"# Acme results\n\n**{article(n)}**\n\n| metric | value |\n|---|---|\n"
                               "| revenue | $3.2 billion |\n\n> quote: `12%`\n", ".md"), "ok", expect=""),
    Kind("k_huge_50mb", _huge, "failed", expect="over --max-chars"),
    # --- manifest rows ------------------------------------------------------------------------
    Kind("k_bad_date", _manifest_row(published="31/13/2024"), "ok", column="note", expect="could not be parsed",
         extra={"published": "2021-03-03", "published_inferred": True}),
    Kind("k_long_title", _manifest_row(published="2021-03-03", title="Acme " + "very long title " * 6250), "ok"),
    Kind("k_missing_file", _manifest_row(published="2021-03-03", create=False), "failed", expect="k_missing_file.txt"),
    # --- JSONL records --------------------------------------------------------------------------
    Kind("k_empty_text", _jsonl(lambda n: {"id": n, "text": ""}), "failed", expect="empty text"),
    Kind("k_no_text_field", _jsonl(lambda n: {"id": n, "title": "no body"}), "failed", expect="no text field"),
    Kind("k_not_json", _jsonl(raw=[b'{"id": "k_not_json", "text": "unterminated']), "failed",
         expect="not valid json", key="k_not_json-line1"),
    Kind("k_json_array", _jsonl(raw=[b'["Acme revenue rose 12% to $3.2 billion"]']), "failed",
         expect="not a json object", key="k_json_array-line1"),
    Kind("k_json_scalar", _jsonl(raw=[b"42"]), "failed", expect="not a json object", key="k_json_scalar-line1"),
    Kind("k_text_number", _jsonl(lambda n: {"id": n, "text": 12345.5}), "ok", expect=""),
    Kind("k_text_object", _jsonl(lambda n: {"id": n, "text": {"body": article(n)}}), "failed", expect="text"),
    Kind("k_null_fields", _jsonl(lambda n: {"id": None, "text": article(n), "published": None, "source": None,
                                            "title": None, "url": None}), "ok", expect="", key="k_null_fields-line1"),
    Kind("k_bad_published", _jsonl(lambda n: {"id": n, "published": "the day after tomorrow", "text": article(n)}),
         "ok", column="note", expect="could not be parsed", extra={"published": "2021-03-03", "published_inferred": True}),
    Kind("k_invalid_utf8_line", _jsonl(raw=[b'{"id": "k_invalid_utf8_line", "text": "' +
                                            article("k_invalid_utf8_line").replace("\n", " ").encode()
                                            .replace(b"first-quarter", b"first\xff-quarter") + b'"}']),
         "ok", column="note", expect="invalid utf-8"),
    Kind("k_dup_id", _dup_id, "ok", expect=""),
    Kind("k_dup_id_second", _nothing, "ok", column="note", expect="same id as an earlier article", key="k_dup_id-*"),
    Kind("k_exact_dup", _exact_dup, "skipped_duplicate", expect="same text as article k_exact_dup_a",
         key="k_exact_dup_b"),
    Kind("k_odd_id", _jsonl(lambda n: {"id": 'k_odd_id ../../x,"q"\n;DROP TABLE claims;--', "text": article(n)}),
         "ok", expect="", key='k_odd_id ../../x,"q"\n;DROP TABLE claims;--'),
    Kind("k_huge_nested_json", _jsonl(_nested_json), "ok", expect=""),
    # --- CSV and Parquet dumps ------------------------------------------------------------------
    Kind("k_csv_empty_text", _dump_csv([["{name}", "2021-03-03", "t", ""]]), "failed", expect="empty text"),
    Kind("k_csv_missing_text", _dump_csv([["{name}", "2021-03-03"]]), "failed", expect="no text field"),
    Kind("k_csv_multiline", _dump_csv([["{name}", "2021-03-03", 'quote " comma, tab\t', article("k_csv_multiline") * 2]]),
         "ok", expect=""),
    Kind("k_csv_invalid_utf8", _csv_bad_utf8, "ok", column="note", expect="invalid utf-8",
         bug="invalid UTF-8 in a CSV dump is replaced silently: no note (ingest._iter_csv decodes with "
             "errors='replace' and never says so)"),
    Kind("k_parquet_null_text", _parquet(lambda n: pd.DataFrame({"id": [n], "text": [None]})), "failed",
         expect="no text field"),
    # --- these used to stop the whole run (fixed: each is now a failed row) -------------------
    Kind("k_deep_json", _jsonl(raw=[b"[" * 100_000 + b"]" * 100_000]), "failed", expect="not valid json",
         key="k_deep_json-line1"),
    Kind("k_lone_surrogate", _jsonl(raw=[b'{"id": "k_lone_surrogate", "text": "Acme Corp revenue rose 12% '
                                         b'to $3.2 billion \\ud800 in 2021."}']), "ok", expect=None,
         column="note"),
    Kind("k_csv_no_text_column", _dump_csv([["{name}", "2021-03-03", "t"]], header=["id", "published", "title"]),
         "failed", expect="text", key="k_csv_no_text_column*"),
    Kind("k_parquet_wrong_schema", _parquet(lambda n: pd.DataFrame({"headline": ["x"], "body": [article(n)]})),
         "failed", expect="text", key="k_parquet_wrong_schema*"),
    Kind("k_parquet_truncated", _truncated_parquet, "failed", expect="parquet",
         key="k_parquet_truncated*"),
    Kind("k_gz_truncated", _truncated_gzip, "failed", expect=None, key="k_gz_truncated*"),
    Kind("k_not_gzip", _not_gzip, "failed", expect=None, key="k_not_gzip*"),
]

MAIN = [k for k in KINDS if not k.isolate]
ISOLATED = [k for k in KINDS if k.isolate]


def build_corpus(folder: Path, kinds: list[Kind]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for k in kinds:
        manifest += k.write(folder, k.name)
    if manifest:
        with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["id", "file", "published", "source", "title"])
            w.writeheader()
            w.writerows(manifest)
    return folder


def run_cli(*args, timeout: int = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    """`python -m pipeline run ARGS` in a real process (exit status, stderr as a user sees them)."""
    return subprocess.run([sys.executable, "-m", "pipeline", "run", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def invoke(*args) -> subprocess.CompletedProcess:
    """The same command in this process (click's CliRunner): seconds faster, for the many small runs.

    An exception that escapes the command (a traceback for the user) is put in stderr as one.
    """
    from click.testing import CliRunner

    from pipeline.cli import main

    result = CliRunner().invoke(main, ["run", *map(str, args)])
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


def read_articles_csv(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)


def find_rows(articles: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    key = kind.key or kind.name
    if key.endswith("*"):
        p = key[:-1]
        return articles[articles.article_id.str.startswith(p) | articles.doc.str.startswith(p)]
    return articles[(articles.article_id == key) | (articles.doc == key)]


def check_kind(articles: pd.DataFrame, kind: Kind) -> None:
    rows = find_rows(articles, kind)
    if kind.name == "k_dup_id_second":  # the renamed one, not the first
        rows = rows[rows.article_id != "k_dup_id"]
    assert len(rows), f"{kind.name}: no row in articles.csv"
    row = rows[rows.status == kind.status].iloc[0] if (rows.status == kind.status).any() else rows.iloc[0]
    assert row.status == kind.status, f"{kind.name}: status {row.status!r}, error {row.error!r}, note {row.note!r}"
    value = row[kind.column]
    if kind.expect is None:
        assert value.strip(), f"{kind.name}: {kind.column} is empty"
    elif kind.expect == "":
        assert value == "", f"{kind.name}: {kind.column} should be empty, is {value!r}"
    else:
        assert kind.expect.lower() in value.lower(), f"{kind.name}: {kind.column} is {value!r}"
    for col in ("error", "note"):
        assert "\n" not in row[col], f"{kind.name}: {col} is not one line"
    for col, want in kind.extra.items():
        got = row[col]
        assert got == str(want), f"{kind.name}: {col} is {got!r}, want {want!r}"


def seed_claims(out: Path) -> pd.DataFrame:
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    claims = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    return claims[claims.article_id.isin(seeds)].sort_values("claim_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """The one run (every non-isolated kind in one folder, plus corpus/seeds; default options) and a
    run of the seeds alone (one worker: the claims do not depend on it), side by side."""
    base = tmp_path_factory.mktemp("bad")
    folder = build_corpus(base / "bad", MAIN)
    cmds = {"big": [folder, SEEDS, "--out", base / "out", "--silent"],
            "seeds": [SEEDS, "--out", base / "seeds-only", "--silent", "--workers", "1"]}
    procs = {k: subprocess.Popen([sys.executable, "-m", "pipeline", "run", *map(str, c)], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k, c in cmds.items()}
    done = {}
    for k, p in procs.items():
        out, err = p.communicate(timeout=RUN_TIMEOUT)
        done[k] = subprocess.CompletedProcess(p.args, p.returncode, out, err)
    return {"big": (done["big"], folder, base / "out"), "seeds": (done["seeds"], base / "seeds-only")}


@pytest.fixture(scope="module")
def seeds_only(runs) -> Path:
    r, out = runs["seeds"]
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def big_run(runs) -> tuple[subprocess.CompletedProcess, Path, Path]:
    return runs["big"]


def test_corpus_has_at_least_30_kinds():
    assert len(KINDS) >= 30 and len(MAIN) >= 30
    assert len({k.name for k in KINDS}) == len(KINDS)


def test_one_run_over_every_bad_input_and_the_seeds_finishes(big_run, seeds_only):
    r, folder, out = big_run
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Traceback" not in r.stderr
    for name in ("claims.csv", "claims.parquet", "conflicts.csv", "conflicts.parquet", "articles.csv",
                 "claims.db", "run.json"):
        assert (out / name).exists(), name
    # the seed claims are intact: same ids, same values, every column
    got, want = seed_claims(out), seed_claims(seeds_only)
    assert len(want) > 50
    pd.testing.assert_frame_equal(got, want)
    articles = read_articles_csv(out)
    assert (articles[articles.article_id.isin({p.stem for p in SEEDS.glob('*.txt')})].status == "ok").sum() == 5
    # every failed row says why, in one line; run.json counts agree with articles.csv
    failed = articles[articles.status == "failed"]
    assert (failed.error.str.len() > 0).all()
    info = json.loads((out / "run.json").read_text())
    assert info["counts"]["articles"] == len(articles)
    assert info["counts"]["failed"] == len(failed)


def test_silent_run_prints_nothing(big_run):
    r, _, _ = big_run
    assert r.returncode == 0
    assert r.stderr == ""


@pytest.mark.parametrize("kind", [pytest.param(k, id=k.name, marks=[pytest.mark.xfail(strict=True, reason=k.bug)]
                                               if k.bug else []) for k in MAIN])
def test_kind_gets_its_status_and_reason(big_run, kind):
    r, _, out = big_run
    assert r.returncode == 0, r.stderr[-2000:]
    check_kind(read_articles_csv(out), kind)


def test_figure_offsets_point_into_the_text_as_read(big_run):
    """char_start/char_end index the decoded text (BOM, CRLF, bad UTF-8 and control characters included)."""
    import sqlite3

    r, _, out = big_run
    assert r.returncode == 0
    claims = pd.read_csv(out / "claims.csv", dtype={"article_id": str}, keep_default_na=False)
    conn = sqlite3.connect(out / "claims.db")
    texts = dict(conn.execute("SELECT article_id, text FROM article_texts"))
    conn.close()
    plain = ("k_crlf", "k_bom", "k_invalid_utf8", "k_control_chars", "k_mixed_scripts", "k_csv_multiline",
             "k_nul_late", "k_bad_date")
    checked = 0
    for c in claims[claims.article_id.isin(plain)].itertuples():
        assert texts[c.article_id][c.char_start:c.char_end] == c.figure, (c.article_id, c.figure)
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("kind", [pytest.param(k, id=k.name, marks=[pytest.mark.xfail(strict=True, reason=k.bug)])
                                  for k in ISOLATED])
def test_file_level_bad_input_does_not_stop_the_run(tmp_path, kind, seeds_only):
    folder = build_corpus(tmp_path / "bad", [kind])
    (folder / "k_good_neighbour.txt").write_text(article("k_good_neighbour"), encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(folder, SEEDS, "--out", out, "--silent", "--workers", "1", "--no-ner", "--no-model")
    assert r.returncode == 0, r.stderr[-2000:]
    articles = read_articles_csv(out)
    check_kind(articles, kind)
    assert articles.set_index("article_id").loc["k_good_neighbour", "status"] == "ok"
    want = read_articles_csv(seeds_only).set_index("article_id")
    got = articles.set_index("article_id").loc[want.index]
    assert (got.status == "ok").all() and (got.n_claims == want.n_claims).all()


def test_size_limit_is_an_option(tmp_path):
    """A small --max-chars refuses a long article with the size and the option to raise; nothing else."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(article("long") * 100, encoding="utf-8")
    (folder / "short.txt").write_text(article("short"), encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(folder, "--out", out, "--silent", "--workers", "1", "--no-ner", "--no-model", "--max-chars", "5000")
    assert r.returncode == 0, r.stderr
    rows = read_articles_csv(out).set_index("article_id")
    assert rows.loc["long", "status"] == "failed"
    assert "over --max-chars 5000" in rows.loc["long", "error"] and "raise --max-chars" in rows.loc["long", "error"]
    assert rows.loc["short", "status"] == "ok"


# --- one long article: bounded memory (its time is in test_hostile_text: the claims stage is quadratic) --

def _reuters_text(n_chars: int) -> str:
    path = ROOT.parent / "shared" / "news-dump" / "reuters21578.jsonl.gz"
    if not path.exists():
        pytest.skip(f"news dump not found at {path}")
    parts, total = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)["text"]
            parts.append(t)
            total += len(t) + 2
            if total > n_chars:
                break
    return "\n\n".join(parts)[:n_chars]


def _wants_slow(request) -> bool:
    return "slow" in (request.config.getoption("-m") or "")


@pytest.mark.slow
def test_five_mb_article_finishes_in_bounded_memory(tmp_path, request):
    """A ~5 MB article (just under the default --max-chars) is processed with default options; opt in with -m slow."""
    if not _wants_slow(request):
        pytest.skip("slow: run with -m slow")
    path = tmp_path / "big.txt"
    path.write_text(_reuters_text(4_900_000), encoding="utf-8")
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    r = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "pipeline", "run", str(path),
                        "--out", str(tmp_path / "out"), "--silent"], cwd=ROOT, capture_output=True, text=True,
                       timeout=1800)
    rc, maxrss_kb = map(int, r.stdout.split())
    assert rc == 0, r.stderr[-2000:]
    assert maxrss_kb < 2_000_000, f"peak RSS {maxrss_kb / 1024:.0f} MB"
    assert read_articles_csv(tmp_path / "out").status.tolist() == ["ok"]


# --- bad options and paths ---------------------------------------------------------------------

def _one_line_error(r: subprocess.CompletedProcess, code: str | None, *needles: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, r.stderr
    if code is not None:  # our own errors: nothing but the one line
        assert r.stderr.strip() == errors[0], r.stderr
        assert code in errors[0]
    for n in needles:
        assert n.lower() in errors[0].lower(), errors[0]


@pytest.fixture()
def one_article(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article("a"), encoding="utf-8")
    return folder


BAD_PATHS = [
    # (id, argv builder, code, words the message must have: what is wrong and what to do)
    ("missing-input", lambda t, a: [t / "nope", "--out", t / "o"], "E001", ("does not exist", "give a folder")),
    ("missing-second-input", lambda t, a: [a, t / "nope.jsonl", "--out", t / "o"], "E001", ("nope.jsonl",)),
    ("output-inside-input", lambda t, a: [a, "--out", a / "out"], "E004", ("inside the input", "choose an --out")),
    ("output-is-the-input", lambda t, a: [a, "--out", a], "E004", ("choose an --out",)),
    ("output-under-a-file", lambda t, a: [a, "--out", _touch(t / "blocker") / "sub"], "E003",
     ("not writable", "choose another --out")),
    ("output-is-a-file", lambda t, a: [a, "--out", _touch(t / "blocker")], "E012", ("is a file", "pass a folder")),
    ("unsupported-suffix", lambda t, a: [_touch(t / "x.docx"), "--out", t / "o"], "E002", ("unsupported", ".jsonl")),
    ("empty-folder", lambda t, a: [_mkdir(t / "empty"), "--out", t / "o"], "E008", ("no articles found",)),
    ("csv-without-text-column", lambda t, a: [_write(t / "d.csv", "id,title\n1,x\n"), "--out", t / "o"], "E006",
     ("no 'text' column", "it has: id, title", "--text-column NAME")),
    ("parquet-truncated-alone", lambda t, a: [_write(t / "d.parquet", "PAR1 not really"), "--out", t / "o"], "E009",
     ("not a valid parquet",)),
]


def _touch(p: Path) -> Path:
    p.write_text("x")
    return p


def _mkdir(p: Path) -> Path:
    p.mkdir()
    return p


def _write(p: Path, text: str) -> Path:
    p.write_text(text)
    return p


@pytest.mark.parametrize("argv, code, needles", [pytest.param(a, c, n, id=i) for i, a, c, n in BAD_PATHS])
def test_bad_path_is_a_one_line_error(tmp_path, one_article, argv, code, needles):
    r = invoke(*argv(tmp_path, one_article), "--workers", "1", "--no-ner", "--no-model")
    _one_line_error(r, code, *needles)


def test_bad_path_in_a_real_process(tmp_path):
    """The same through `python -m pipeline`: nothing else on stderr (no warning, no log line)."""
    r = run_cli(tmp_path / "nope", "--out", tmp_path / "o", timeout=120)
    _one_line_error(r, "E001", "does not exist")


BAD_OPTIONS = [
    ("workers-0", ["--workers", "0"], ("--workers", "1<=x")),
    ("workers-text", ["--workers", "many"], ("--workers", "not a valid integer")),
    ("batch-size-negative", ["--batch-size", "-5"], ("--batch-size",)),
    ("max-chars-0", ["--max-chars", "0"], ("--max-chars",)),
    ("window-days-huge", ["--window-days", "99999"], ("--window-days",)),
    ("device-tpu", ["--device", "tpu"], ("--device", "cpu")),
    ("models-missing", ["--models", "/nonexistent/models"], ("--models", "does not exist")),
    ("unknown-option", ["--frobnicate"], ("--frobnicate",)),
]


@pytest.mark.parametrize("extra, needles", [pytest.param(e, n, id=i) for i, e, n in BAD_OPTIONS])
def test_bad_option_is_a_one_line_error(tmp_path, one_article, extra, needles):
    """Option values are checked by click: one `Error:` line naming the option and the valid values.

    click also prints its usage line and a `Try ... -h` hint above it; that is allowed.
    """
    r = invoke(one_article, "--out", tmp_path / "o", *extra)
    _one_line_error(r, None, *needles)
    assert not (tmp_path / "o").exists(), "a bad option must stop before anything is written"


def test_malformed_models_folder_is_a_one_line_error(tmp_path, one_article):
    import shutil

    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    (models / "lexicons" / "scales.yaml").write_text("scales: [unclosed\n")
    r = invoke(one_article, "--out", tmp_path / "o", "--models", models)
    _one_line_error(r, "E005", "scales.yaml", "fix the file")


def test_debug_shows_the_traceback(tmp_path):
    r = run_cli(tmp_path / "nope", "--out", tmp_path / "o", "--debug", timeout=120)
    assert r.returncode != 0
    assert "Traceback" in r.stderr and "E001" in r.stderr
