"""Ingest: every input format, bad records kept with a reason, errors that stop a run, and laziness.

Inputs are built in tmp_path; the `published` table lives in tests/cases/ingest.yaml.
"""
from __future__ import annotations

import datetime
import gzip
import json
import types

import pandas as pd
import pytest

import pipeline.ingest as ingest
from conftest import case_params
from pipeline.errors import UsageError
from pipeline.ingest import parse_published, read_articles, text_hash


@pytest.mark.parametrize("text, row, group", case_params("ingest"))
def test_published_table(text, row, group):
    if group == "negative":
        assert parse_published(text) == (None, False)
    else:
        assert parse_published(text) == (row["published"], True)


CRAWLED = datetime.date(2025, 2, 10)  # a Monday


@pytest.mark.parametrize("value, expected", [
    ("2 hours ago", CRAWLED), ("5 minutes ago", CRAWLED), ("yesterday", datetime.date(2025, 2, 9)),
    ("3 days ago", datetime.date(2025, 2, 7)), ("1 week ago", datetime.date(2025, 2, 3)),
    ("last Tuesday", datetime.date(2025, 2, 4)),
    ("Feb. 09, 2025", datetime.date(2025, 2, 9)),  # an absolute date ignores the crawl day
    ("in 2 days", None), ("garbage", None),  # the future, and no date at all
])
def test_relative_published_is_read_against_the_crawl_day(value, expected):
    """issue 17: "2 hours ago" against the crawl date given with --crawled; without it, no date."""
    assert parse_published(value, CRAWLED) == (expected, expected is not None)
    if expected is not None and "2025" not in value:
        assert parse_published(value) == (None, False)


def test_read_articles_dates_a_relative_published_by_the_crawl_day(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "yesterday", "text": "Acme sold a unit for $5m."}) + "\n")
    (with_day,) = read_articles([path], crawled=CRAWLED)
    (without,) = read_articles([path])
    assert (with_day.published, with_day.note) == (datetime.date(2025, 2, 9), "")
    assert without.published is None and "--crawled" in without.note


@pytest.mark.parametrize("value", [None, "", float("nan")])
def test_missing_published_is_not_an_error(value):
    assert parse_published(value) == (None, True)


@pytest.mark.parametrize("value", [datetime.datetime(2024, 3, 1, 9, 30), datetime.date(2024, 3, 1),
                                   pd.Timestamp("2024-03-01 09:30")])
def test_published_objects_become_dates(value):
    assert parse_published(value) == (datetime.date(2024, 3, 1), True)


@pytest.mark.parametrize("a, b", [
    ("Sales rose 5%.", "Sales  rose\n5%."),
    ("He said \u201cup 5%\u201d.", 'He said "up 5%".'),
    ("It\u2019s up 5%.", "It's up 5%."),
])
def test_text_hash_ignores_whitespace_and_quote_style(a, b):
    assert text_hash(a) == text_hash(b)
    assert text_hash(a) != text_hash(a + " More.")


# ---- folders of articles ----

def _folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Siemens said revenue rose 5%.", encoding="utf-8")
    (folder / "b.md").write_text("# Nestle\nProfit was CHF 2bn.", encoding="utf-8")
    (folder / "c.html").write_text("<p>Sales of Danone rose 3%</p>", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "id,file,published,source,title,region\n"
        "siemens-q1,a.txt,2024-03-01,Reuters,Siemens revenue up,EU\n"
        "c,,2024-03-02,Le Monde,Danone,FR\n",
        encoding="utf-8")
    return folder


def test_folder_with_manifest(tmp_path):
    articles = list(read_articles([_folder(tmp_path)]))
    assert [a.doc for a in articles] == ["siemens-q1", "b", "c"]  # sorted by file name
    a, b, c = articles
    assert (a.article_id, a.published, a.source, a.title) == ("siemens-q1", datetime.date(2024, 3, 1), "Reuters",
                                                               "Siemens revenue up")
    assert a.text == "Siemens said revenue rose 5%."
    assert a.extra == {"region": "EU"}  # columns beyond the contract are kept
    assert (b.article_id, b.published, b.source) == ("b", None, "")  # not in the manifest: the file stem
    assert (c.published, c.source) == (datetime.date(2024, 3, 2), "Le Monde")  # matched by id
    assert c.text == "<p>Sales of Danone rose 3%</p>"  # ingest decodes, clean removes markup
    assert all(not x.error for x in articles)


def test_single_text_file(tmp_path):
    path = tmp_path / "toyota-results.txt"
    path.write_text("Toyota's profit rose 12%.", encoding="utf-8")
    (article,) = read_articles([path])
    assert (article.article_id, article.doc, article.text) == ("toyota-results", "toyota-results",
                                                               "Toyota's profit rose 12%.")


def test_bad_utf8_is_replaced_with_a_note(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Sales rose 5%\xff\xfe to $2bn.")
    (article,) = read_articles([path])
    assert "\ufffd" in article.text and article.note.startswith("A008")
    assert not article.error


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffSales rose 5%.".encode("utf-8"))
    (article,) = read_articles([path])
    assert article.text == "Sales rose 5%."


def test_manifest_row_without_file_or_id_is_a_usage_error(tmp_path):
    folder = _folder(tmp_path)
    (folder / "manifest.csv").write_text("id,file,published\n,,2024-03-01\n", encoding="utf-8")
    with pytest.raises(UsageError) as exc:
        list(read_articles([folder]))
    assert exc.value.code == "E010"


def test_empty_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as exc:
        list(read_articles([tmp_path]))
    assert exc.value.code == "E008"


# ---- dumps: jsonl, jsonl.gz, csv, parquet ----

RECORDS = [
    {"id": "r1", "text": "Sony's profit rose 12%.", "published": "2024-03-01", "source": "Reuters", "title": "Sony"},
    {"id": "r2", "text": "Roche sold a unit for CHF 75m.", "published": "2024-03-02", "source": "FT", "title": None},
]
JSONL_LINES = [
    json.dumps(RECORDS[0]),
    "{bad json",
    "",
    "[1, 2]",
    json.dumps({"id": "r3", "published": "2024-03-03"}),
    json.dumps({"text": "No id here, up 5%.", "published": "not a date"}),
    json.dumps(RECORDS[1]),
]


def _check_jsonl(articles, stem):
    assert [a.doc for a in articles] == ["r1", f"{stem}-line2", f"{stem}-line4", "r3", f"{stem}-line6", "r2"]
    r1, bad, not_obj, no_text, no_id, r2 = articles
    assert (r1.article_id, r1.published, r1.source, r1.title, r1.error) == ("r1", datetime.date(2024, 3, 1),
                                                                            "Reuters", "Sony", "")
    assert bad.error.startswith("A005: line 2 is not valid JSON") and bad.text == ""
    assert not_obj.error == "A005: line 4 is not valid JSON (not a JSON object)"
    assert no_text.error.startswith("A006") and no_text.published == datetime.date(2024, 3, 3)
    assert no_id.article_id == text_hash("No id here, up 5%.") and no_id.note.startswith("A007")
    assert no_id.published is None and not no_id.error
    assert (r2.title, r2.text) == ("", "Roche sold a unit for CHF 75m.")


def test_jsonl(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    _check_jsonl(list(read_articles([path])), "dump")


def test_jsonl_gz(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(JSONL_LINES) + "\n")
    _check_jsonl(list(read_articles([path])), "dump")


def test_jsonl_gz_doc_names_drop_the_whole_suffix(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("{bad json\n")
    (article,) = read_articles([path])
    assert article.doc == "dump-line1"


def test_csv(tmp_path):
    path = tmp_path / "dump.csv"
    pd.DataFrame([*RECORDS, {"text": "Line one.\nLine two, up 3%.", "published": ""}]).to_csv(path, index=False)
    articles = list(read_articles([path]))
    assert [a.doc for a in articles] == ["r1", "r2", "dump-row4"]
    assert articles[0].published == datetime.date(2024, 3, 1)
    assert articles[2].text == "Line one.\nLine two, up 3%."  # quoted newlines stay inside one record
    assert articles[2].article_id == text_hash("Line one.\nLine two, up 3%.")


def test_csv_without_text_column_is_a_usage_error(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text("id,body\n1,Sales rose 5%.\n", encoding="utf-8")
    with pytest.raises(UsageError) as exc:
        list(read_articles([path]))
    assert exc.value.code == "E006" and exc.value.exit_code == 2


def test_parquet(tmp_path):
    path = tmp_path / "dump.parquet"
    df = pd.DataFrame(RECORDS)
    df["published"] = pd.to_datetime(df["published"])
    df["lang"] = "en"
    df.to_parquet(path, index=False)
    articles = list(read_articles([path]))
    assert [(a.article_id, a.published, a.title) for a in articles] == [
        ("r1", datetime.date(2024, 3, 1), "Sony"), ("r2", datetime.date(2024, 3, 2), "")]
    assert articles[0].extra == {"lang": "en"}


def test_parquet_without_text_column_is_a_usage_error(tmp_path):
    path = tmp_path / "dump.parquet"
    pd.DataFrame({"id": ["1"], "body": ["Sales rose 5%."]}).to_parquet(path, index=False)
    with pytest.raises(UsageError) as exc:
        list(read_articles([path]))
    assert exc.value.code == "E006"


def test_corrupt_parquet_is_a_usage_error(tmp_path):
    path = tmp_path / "dump.parquet"
    path.write_bytes(b"not a parquet file at all")
    with pytest.raises(UsageError) as exc:
        list(read_articles([path]))
    assert exc.value.code == "E009"


def test_several_inputs_keep_their_order(tmp_path):
    first = tmp_path / "b.jsonl"
    first.write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    second = tmp_path / "a.jsonl"
    second.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    assert [a.doc for a in read_articles([first, second])] == ["r2", "r1"]


# ---- errors that stop a run ----

def test_missing_path_is_usage_error_e001(tmp_path):
    with pytest.raises(UsageError) as exc:
        list(read_articles([tmp_path / "nope.jsonl"]))
    assert exc.value.code == "E001" and exc.value.exit_code == 2
    assert "nope.jsonl" in str(exc.value)


def test_unsupported_file_type_is_usage_error_e002(tmp_path):
    path = tmp_path / "dump.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(UsageError) as exc:
        list(read_articles([path]))
    assert exc.value.code == "E002"


# ---- laziness: the first article comes before the rest of a dump is read ----

N_BIG = 50_000


@pytest.fixture
def count_records(monkeypatch):
    """Count the records turned into articles (every dump reader goes through make_article)."""
    calls = []
    real = ingest.make_article

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "make_article", counting)
    return calls


def _big_records():
    return ({"id": f"n{i}", "text": f"Article {i}: sales rose {i % 90}%.", "published": "2024-03-01"}
            for i in range(N_BIG))


def test_read_articles_returns_an_iterator(tmp_path):
    it = read_articles([tmp_path / "does-not-exist.jsonl"])  # nothing is read, so nothing fails yet
    assert isinstance(it, types.GeneratorType)


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_first_article_of_a_big_jsonl_reads_one_record(tmp_path, count_records, suffix):
    path = tmp_path / f"big{suffix}"
    opener = gzip.open if suffix.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for rec in _big_records():
            fh.write(json.dumps(rec) + "\n")
    it = read_articles([path])
    first = next(it)
    assert first.doc == "n0"
    assert len(count_records) == 1
    second = next(it)
    assert second.doc == "n1" and len(count_records) == 2


def test_first_article_of_a_big_csv_reads_one_row(tmp_path, count_records):
    path = tmp_path / "big.csv"
    pd.DataFrame(list(_big_records())).to_csv(path, index=False)
    first = next(read_articles([path]))
    assert first.doc == "n0" and len(count_records) == 1


def test_first_article_of_a_big_parquet_reads_one_record(tmp_path, count_records):
    path = tmp_path / "big.parquet"
    pd.DataFrame(list(_big_records())).to_parquet(path, index=False, row_group_size=5_000)
    first = next(read_articles([path]))
    assert first.doc == "n0" and len(count_records) == 1


# --- the progress bar's estimate ---------------------------------------------------------------

def _jsonl_lines(n: int, pad: int = 0) -> str:
    return "".join(json.dumps({"id": f"a{i}", "text": f"Acme sold {i} widgets." + " x" * pad}) + "\n" for i in range(n))


def test_estimate_is_exact_for_small_dumps(tmp_path):
    from pipeline.ingest import estimate_articles

    (tmp_path / "d.jsonl").write_text(_jsonl_lines(37))
    with gzip.open(tmp_path / "d.jsonl.gz", "wt") as fh:
        fh.write(_jsonl_lines(41))
    (tmp_path / "d.csv").write_text("id,text\n" + "".join(f"a{i},Acme sold {i} widgets.\n" for i in range(9)))
    assert estimate_articles([tmp_path / "d.jsonl"]) == 37
    assert estimate_articles([tmp_path / "d.jsonl.gz"]) == 41
    assert estimate_articles([tmp_path / "d.csv"]) == 9
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text("Acme sold 3 widgets.")
    (folder / "manifest.csv").write_text("file,published\n0.txt,2020-01-02\n")
    assert estimate_articles([folder]) == 3  # the manifest is not a dump
    assert estimate_articles([folder, tmp_path / "d.jsonl"]) == 40


def test_estimate_of_a_large_gzip_dump_is_close_without_reading_it(tmp_path):
    from pipeline.ingest import estimate_articles

    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write(_jsonl_lines(60_000, pad=30))  # ~6 MB decompressed: past the 4 MB sample
    assert abs(estimate_articles([path]) - 60_000) / 60_000 < 0.1


def test_estimate_is_none_when_it_cannot_tell(tmp_path):
    from pipeline.ingest import estimate_articles

    assert estimate_articles([tmp_path / "missing.jsonl"]) is None
    (tmp_path / "empty.jsonl").write_text("")
    assert estimate_articles([tmp_path / "empty.jsonl"]) is None


@pytest.mark.parametrize("done,resumed,total,secs,expected", [
    (1200, 0, 17600, 12.0, "1,200 of ~17,600 articles, 100.0 articles/s, ETA 2m44s"),
    (1200, 200, None, 10.0, "1,200 articles, 100.0 articles/s"),  # a resumed run counts its own rate
    (100, 0, 1_000_000, 1.0, "100 of ~1,000,000 articles, 100.0 articles/s, ETA 2h46m"),
    (20_000, 0, 17_600, 100.0, "20,000 of ~17,600 articles, 200.0 articles/s"),  # past the estimate: no ETA
])
def test_progress_line(done, resumed, total, secs, expected):
    from pipeline.article_stream import progress_line as _progress_line

    assert _progress_line(done, resumed, total, secs) == expected
