"""Ingest: read articles lazily from folders, single files and news dumps.

`read_articles(paths)` yields `Article` records one at a time; nothing reads a
whole dump into memory (JSONL line by line, CSV row by row, Parquet by row
group). A record that cannot be used is still yielded, with `error` set, so
that it is listed in articles.csv instead of vanishing.
"""
from __future__ import annotations

import csv
import email.utils
import functools
import gzip
import hashlib
import io
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ClaimsError, message, usage, run_error
from .records import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
DUMP_SUFFIXES = (".jsonl", ".jsonl.gz", ".json.gz", ".csv", ".parquet", ".ndjson")
METADATA_FIELDS = ("id", "published", "source", "title", "url", "text", "file")

csv.field_size_limit(sys.maxsize)


def text_hash(text: str) -> str:
    """Hash of the normalized text: the same story with other whitespace or quotes hashes alike."""
    norm = unicodedata.normalize("NFKC", text)
    norm = " ".join(norm.replace("’", "'").replace("“", '"').replace("”", '"').split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def parse_published(value, crawled: date | None = None) -> tuple[date | None, bool]:
    """Return (date, ok); ok is False when a non-empty value could not be parsed.

    ISO dates and RSS/e-mail dates take the standard library's fast paths (microseconds; nearly every
    dump writes one of them); any other written form goes to dateparser (about 9 ms a value here,
    cached), which reads "Feb. 09, 2025", "5 March, 2024" or "03/01/2024" without a format list.
    A relative value ("2 hours ago", "yesterday") is read against `crawled`, the day the dump was
    crawled (--crawled); without it, it is no date.

    >>> parse_published("2 hours ago", date(2025, 2, 10)), parse_published("yesterday", date(2025, 2, 10))
    ((datetime.date(2025, 2, 10), True), (datetime.date(2025, 2, 9), True))
    >>> parse_published("2 hours ago")
    (None, False)
    """
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None, True
    if isinstance(value, datetime):
        return value.date(), True
    if isinstance(value, date):
        return value, True
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10]), True
    except ValueError:
        pass
    if _ISO_SHAPE.match(s):
        return None, False  # "2024-13-01", "2024-02-30": an impossible ISO date, not another order
    try:  # RSS and e-mail dates: "Tue, 05 Mar 2024 10:00:00 GMT"
        return email.utils.parsedate_to_datetime(s).date(), True
    except (TypeError, ValueError, IndexError):
        pass
    return _written_date(s, crawled)


_ISO_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\b")
_DATEPARSER_SETTINGS = {"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                        "REQUIRE_PARTS": ["day", "month", "year"]}


@functools.lru_cache(maxsize=4096)
def _written_date(s: str, crawled: date | None = None) -> tuple[date | None, bool]:
    """A date written in words or another order, by dateparser. A relative phrase ("yesterday", "2 hours
    ago") depends on the day it is read against: read against two far-apart days it gives two dates, and
    it is then read against the crawl day, or is no date when none is given."""
    import dateparser

    first = dateparser.parse(s, languages=["en"], settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": datetime(2000, 1, 1)})
    if first is None:
        return _relative_date(s, crawled)
    second = dateparser.parse(s, languages=["en"], settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": datetime(2010, 6, 15)})
    if second is None or second.date() != first.date():
        return _relative_date(s, crawled)
    return first.date(), True


def _relative_date(s: str, crawled: date | None) -> tuple[date | None, bool]:
    """ "3 days ago" against the crawl day; REQUIRE_PARTS is left out, as a relative phrase names no parts."""
    if crawled is None:
        return None, False
    import dateparser

    settings = {k: v for k, v in _DATEPARSER_SETTINGS.items() if k != "REQUIRE_PARTS"}
    found = dateparser.parse(s, languages=["en"], settings={
        **settings, "RELATIVE_BASE": datetime(crawled.year, crawled.month, crawled.day, 12), "PREFER_DATES_FROM": "past"})
    if found is None or found.date() > crawled:
        return None, False
    return found.date(), True


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode UTF-8 (or UTF-16/32 with a BOM); invalid bytes become U+FFFD and a note says so."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), ""
            except UnicodeDecodeError:
                return raw.decode(codec, errors="replace"), message("A008")
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), message("A008")


def _clean_surrogates(text: str) -> tuple[str, bool]:
    """Lone surrogates (from JSON "\\ud800") cannot be written as UTF-8: replace them."""
    try:
        text.encode("utf-8")
        return text, False
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="replace").decode("utf-8"), True


def _with_text_column(record: dict, text_column: str) -> dict:
    """The record with its `text_column` field as its text (--text-column); the field is not kept twice."""
    if text_column == "text":
        return record
    record = {k: v for k, v in record.items() if k != "text"}
    record["text"] = record.pop(text_column, None)
    return record


def make_article(record: dict, doc_default: str, origin: str, note: str = "", crawled: date | None = None) -> Article:
    """Build an Article from a dump record or manifest row (pure; no I/O); `crawled` dates a relative
    `published` ("2 hours ago")."""
    text = record.get("text")
    error = ""
    if text is None or (isinstance(text, float) and text != text):
        text, error = "", message("A006")
    elif isinstance(text, (dict, list, tuple)):
        text, error = "", message("A013", kind=type(text).__name__)
    elif not isinstance(text, str):
        text = str(text)
    text, replaced = _clean_surrogates(text)
    if replaced:
        note = "; ".join(n for n in (note, message("A008")) if n)
    published, ok = parse_published(record.get("published"), crawled)
    if not ok:
        note = "; ".join(n for n in (note, message("A007", value=str(record.get("published")))) if n)
    rid = record.get("id")
    rid = "" if rid is None or (isinstance(rid, float) and rid != rid) else str(rid)
    article_id = rid or text_hash(text)
    extra = {k: str(v) for k, v in record.items() if k not in METADATA_FIELDS and v is not None}

    def field(name: str) -> str:
        v = record.get(name)
        return "" if v is None or (isinstance(v, float) and v != v) else str(v)

    return Article(
        article_id=article_id, doc=rid or doc_default or article_id, text=text,
        published=published, source=field("source"), title=field("title"), url=field("url"),
        origin=origin, error=error, note=note, extra=extra,
    )


@dataclass(frozen=True)
class Reading:
    """How the inputs' records are read: the field holding the text (--text-column) and the crawl day
    that dates a relative `published` (--crawled)."""

    text_column: str = "text"
    crawled: date | None = None

    def article(self, record: dict, doc_default: str, origin: str, note: str = "") -> Article:
        return make_article(_with_text_column(record, self.text_column), doc_default, origin, note, self.crawled)


_PLAIN = Reading()


def _read_manifest(folder: Path) -> dict[str, dict]:
    path = folder / "manifest.csv"
    if not path.exists():
        return {}
    rows = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            key = (row.get("file") or "").strip() or (row.get("id") or "").strip()
            if not key:
                raise usage("E010", path=path, line=i, detail="row has neither file nor id")
            rows[key] = row
    return rows


def _read_text_file(path: Path, meta: dict | None, reading: Reading = _PLAIN) -> Article:
    text, note = decode_bytes(path.read_bytes())
    record = dict(meta or {})
    record["text"] = text
    record.setdefault("id", path.stem)
    if not record.get("id"):
        record["id"] = path.stem
    return make_article(record, path.stem, str(path), note, reading.crawled)


def _iter_folder(folder: Path, reading: Reading = _PLAIN) -> Iterator[Article]:
    manifest = _read_manifest(folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    dumps = sorted(p for p in folder.rglob("*") if p.is_file() and _dump_kind(p))
    if not files and not dumps:
        raise usage("E008", path=folder)
    named = set()
    for path in files:
        rel = str(path.relative_to(folder))
        meta = manifest.get(rel) or manifest.get(path.name) or manifest.get(path.stem)
        named.update((rel, path.name, path.stem))
        yield _read_text_file(path, meta, reading)
    for key, row in manifest.items():  # a manifest row whose file is missing is listed, not dropped
        if key not in named:
            rid = (row.get("id") or Path(key).stem).strip()
            yield Article(article_id=rid, doc=rid, text="", origin=str(folder / key),
                          error=message("A014", file=key))
    for path in dumps:
        yield from _iter_dump_safely(path, reading)


def _iter_dump_safely(path: Path, reading: Reading = _PLAIN) -> Iterator[Article]:
    """A dump inside a folder that cannot be read becomes one failed row; the run goes on."""
    try:
        yield from _iter_dump(path, reading)
    except (ClaimsError, OSError, EOFError, ValueError) as exc:
        yield Article(article_id=_dump_stem(path), doc=_dump_stem(path), text="", origin=str(path),
                      error=message("A015", path=path.name, reason=str(exc).splitlines()[0][:200]))


def _dump_kind(path: Path) -> str:
    name = path.name.lower()
    for suffix in (".jsonl.gz", ".json.gz", ".ndjson", ".jsonl"):
        if name.endswith(suffix):
            return "jsonl"
    if name.endswith(".csv") and name != "manifest.csv":
        return "csv"
    if name.endswith(".parquet"):
        return "parquet"
    return ""


def _dump_stem(path: Path) -> str:
    """'dump' for dump.jsonl.gz as for dump.jsonl."""
    name = path.name
    for suffix in (".jsonl.gz", ".json.gz", ".ndjson", ".jsonl", ".csv", ".parquet"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _iter_jsonl(path: Path, reading: Reading = _PLAIN) -> Iterator[Article]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    stem = _dump_stem(path)
    try:
        yield from _jsonl_records(path, opener, stem, reading)
    except (EOFError, OSError) as exc:  # a truncated or non-gzip .gz: keep what was read, list the rest as failed
        yield Article(article_id=f"{stem}-unreadable", doc=f"{stem}-unreadable", text="", origin=str(path),
                      error=message("A015", path=path.name, reason=str(exc).splitlines()[0][:200]))


def _jsonl_records(path: Path, opener, stem: str, reading: Reading = _PLAIN) -> Iterator[Article]:
    with opener(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            origin = f"{path}:{lineno}"
            line, note = decode_bytes(raw)
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield Article(article_id=f"{stem}-line{lineno}", doc=f"{stem}-line{lineno}", text="",
                              origin=origin, error=message("A005", line=lineno, reason=reason))
                continue
            if not isinstance(record, dict):
                yield Article(article_id=f"{stem}-line{lineno}", doc=f"{stem}-line{lineno}", text="",
                              origin=origin, error=message("A005", line=lineno, reason="not a JSON object"))
                continue
            yield reading.article(record, f"{stem}-line{lineno}", origin, note)


def _no_text_column(path: Path, text_column: str, found) -> Exception:
    shown = ", ".join(str(c) for c in found if c != "__index_level_0__")
    return usage("E006", path=path, column=text_column, found=shown or "none")


def _iter_csv(path: Path, reading: Reading = _PLAIN) -> Iterator[Article]:
    with path.open("rb") as raw:
        wrapper = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        reader = csv.DictReader(wrapper)
        if reader.fieldnames is None or reading.text_column not in reader.fieldnames:
            raise _no_text_column(path, reading.text_column, reader.fieldnames or ())
        for rowno, row in enumerate(reader, start=2):
            yield reading.article(row, f"{path.stem}-row{rowno}", f"{path}:{rowno}")


def _iter_parquet(path: Path, batch_size: int = 1024, reading: Reading = _PLAIN) -> Iterator[Article]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        raise usage("E009", path=path, reason=str(exc).splitlines()[0]) from exc
    if reading.text_column not in pf.schema_arrow.names:
        raise _no_text_column(path, reading.text_column, pf.schema_arrow.names)
    columns = [c for c in pf.schema_arrow.names if c in METADATA_FIELDS or c not in ("__index_level_0__",)]
    row = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield reading.article(record, f"{path.stem}-row{row}", f"{path}:{row}")


def _iter_dump(path: Path, reading: Reading = _PLAIN) -> Iterator[Article]:
    kind = _dump_kind(path)
    if kind == "jsonl":
        yield from _iter_jsonl(path, reading)
    elif kind == "csv":
        yield from _iter_csv(path, reading)
    elif kind == "parquet":
        yield from _iter_parquet(path, reading=reading)


def check_inputs(paths: Iterable[Path]) -> list[Path]:
    """Fail early, with a one-line error, on inputs that cannot be read at all."""
    checked = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise usage("E001", path=p)
        if p.is_file() and not (_dump_kind(p) or p.suffix.lower() in ARTICLE_SUFFIXES):
            raise usage("E002", path=p, suffix="".join(p.suffixes) or p.name)
        checked.append(p)
    return checked


def read_articles(paths: Iterable[Path], text_column: str = "text", crawled: date | None = None) -> Iterator[Article]:
    """Yield every article of every input, lazily, in a stable order.

    text_column (str): the field of a dump's records that holds the article (--text-column).
    crawled (date): the day the inputs were crawled, against which a relative `published` is read (--crawled).
    """
    reading = Reading(text_column, crawled)
    for p in check_inputs(paths):
        if p.is_dir():
            yield from _iter_folder(p, reading)
        elif _dump_kind(p):
            yield from _iter_dump(p, reading)
        else:
            try:
                yield _read_text_file(p, None, reading)
            except OSError as exc:
                raise run_error("E001", path=p) from exc


_SAMPLE_BYTES = 4 << 20


def estimate_articles(paths: Iterable[Path]) -> int | None:
    """About how many articles `paths` hold, cheaply, for the progress bar's ETA; None when unknown.

    Parquet: its metadata. JSONL and CSV: lines in the first 4 MB (decompressed for .gz)
    scaled to the file's size; exact for smaller files. Folders: their article files plus
    their dumps. Never reads a whole dump.
    """
    total = 0
    try:
        for p in check_inputs(paths):
            files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
            for f in files:
                kind = _dump_kind(f)
                if kind == "parquet":
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(f).metadata.num_rows
                elif kind in ("jsonl", "csv"):
                    total += _estimate_lines(f) - (1 if kind == "csv" else 0)
                elif f.suffix.lower() in ARTICLE_SUFFIXES:
                    total += 1
    except Exception:  # an estimate only: a file the run itself will report on must not stop it here
        return None
    return total or None


def _estimate_lines(path: Path) -> int:
    """Lines of a JSONL/CSV file (gzipped or not): exact when it is under the sample, else scaled."""
    with path.open("rb") as raw:
        stream = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
        chunk = stream.read(_SAMPLE_BYTES)
        read = raw.tell()  # bytes of the file behind the sample (compressed ones for .gz)
    lines = chunk.count(b"\n")
    if len(chunk) < _SAMPLE_BYTES:  # the whole file
        return lines + (1 if chunk and not chunk.endswith(b"\n") else 0)
    return round(lines * path.stat().st_size / max(read, 1))
