"""Figure recall on real news sentences (issue 17's acceptance): are the figures worth a claim found, with value and unit right?

    PYTHONPATH=. python bench/figure_recall.py draw     # writes bench/figure_recall/sentences.jsonl (fixed seed)
    PYTHONPATH=. python bench/figure_recall.py score    # reads labels.jsonl, writes bench/figure_recall/RESULTS.md
    PYTHONPATH=. python bench/figure_recall.py --set s18 --seed 18 draw   # a fresh set: sentences-s18.jsonl ...
    PYTHONPATH=. python bench/figure_recall.py --set s18 score            # labels-s18.jsonl -> RESULTS-s18.md
    PYTHONPATH=. python bench/figure_recall.py --set w20 --seed 2020 --counts reuters=40,yahoo=20 draw  # wire era only

The first set (seed 17) was labeled, scored, then tuned on (issue 17's figure classes); a later set drawn
with another seed and labeled before any change is the unseen measure.

`draw` splits each article's text into sentences with a simple rule (one line is one paragraph or table
row; inside it a break after `.`, `!` or `?` followed by space and a capital, except after a short
abbreviation or a single capital initial), keeps sentences of 40-400 characters that hold a digit or a
number word, and draws 50 from modern-2025 and 25 each from reuters21578 and yahoo-finance-2017-2020.

`score` runs `pipeline.extract` on each sentence as its own article (with the article's published date
and title), matches claims to the labeled figures (labels.jsonl, written by reading, see GUIDE.md) by
character overlap of the claim's span with the label's text span, and counts per figure: found with value
and unit right, found with value or unit wrong, missed; claims that overlap no labeled figure are spurious.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "figure_recall"
DUMPS = Path("/work/shared/news-dump")
SEED = 17
DRAW = (("modern", "modern-2025.jsonl.gz", 50), ("reuters", "reuters21578.jsonl.gz", 25),
        ("yahoo", "yahoo-finance-2017-2020.jsonl.gz", 25))

NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                "hundred thousand million billion trillion dozen half double doubled triple tripled halved "
                "quadrupled").split()
_HAS_NUMBER = re.compile(r"\d|\b(?:%s)\b" % "|".join(NUMBER_WORDS), re.I)
_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(]?[A-Z])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Inc|Corp|Co|Ltd|Cos|St|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
                     r"Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|Gov|Sen|Rep|Jr|Sr))\.$")


def split_sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        pieces, start = [], 0
        for m in _BREAK.finditer(line):
            piece = line[start:m.start()].strip()
            if _ABBREV.search(line[start:m.start()].rstrip("\"'”’)")):
                continue  # 'U.S. Treasury', 'Corp. said': no break here
            pieces.append(piece)
            start = m.end()
        pieces.append(line[start:].strip())
        out.extend(p for p in pieces if p)
    return out


def keep(sentence: str) -> bool:
    return 40 <= len(sentence) <= 400 and bool(_HAS_NUMBER.search(sentence))


def _file(name: str, suffix: str, tag: str) -> Path:
    return OUT / (f"{name}-{tag}{suffix}" if tag else f"{name}{suffix}")


def draw(seed: int = SEED, tag: str = "", counts: dict[str, int] | None = None) -> int:
    """`counts` ({'reuters': 40, 'yahoo': 20}) replaces DRAW's numbers; a dump it leaves out is not read."""
    rng = random.Random(seed)
    items = []
    plan = DRAW if counts is None else [(d, f, counts[d]) for d, f, _ in DRAW if counts.get(d)]
    for dump, fname, n in plan:
        meta, cands = [], []
        with gzip.open(DUMPS / fname, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                k = len(meta)
                meta.append((rec["id"], rec.get("published"), rec.get("title")))
                cands.extend((k, s) for s in split_sentences(rec.get("text") or "") if keep(s))
        print(f"{dump}: {len(meta)} articles, {len(cands)} candidate sentences", file=sys.stderr)
        for k, s in rng.sample(cands, n):
            aid, pub, title = meta[k]
            items.append({"dump": dump, "article_id": aid, "published": pub, "title": title, "sentence": s})
    OUT.mkdir(exist_ok=True)
    path = _file("sentences", ".jsonl", tag)
    with path.open("w", encoding="utf-8") as fh:
        for i, it in enumerate(items, 1):
            fh.write(json.dumps({"id": f"fr{tag}-{i:03d}", **it}, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} sentences to {path}", file=sys.stderr)
    return 0


# ---- scoring ---------------------------------------------------------------------------------------

def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def _norm_unit(u) -> str:
    u = ("" if u is None or (isinstance(u, float) and u != u) else str(u)).strip().lower()
    u = re.sub(r"\s+", " ", u)
    u = _UNIT_ALIAS.get(u, u)
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in u.split(" ")]
    return " ".join(words)


_NON_COUNT = {"%", "pp", "bp", "x"}
_UNIT_ALIAS = {"percent": "%", "pct": "%", "bps": "bp", "basis point": "bp", "kwh": "kilowatt-hour",
               "kilowatt hour": "kilowatt-hour", "kilowatt-hours": "kilowatt-hour", "t": "tonne",
               "tonnes": "tonne", "metric ton": "tonne", "km²": "km2", "square kilometre": "km2",
               "square kilometer": "km2", "mhz": "megahertz",
               "pound (weight)": "pound"}  # the pipeline names the weight so, apart from GBP's "pound"


def _label_value(lab: dict) -> tuple[float, float, str]:
    """(low, high, unit) of a label, with basis points read as percentage points (the pipeline's unit)."""
    v = lab.get("value")
    lo = lab.get("value_low", v) if lab.get("value_low") is not None else v
    hi = lab.get("value_high", v) if lab.get("value_high") is not None else v
    unit = _norm_unit(lab.get("unit"))  # "" when the label leaves the unit open (null)
    if unit == "bp":
        lo, hi, unit = lo / 100, hi / 100, "pp"
    return float(lo), float(hi), unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) + 1e-9


def _unit_ok(label_unit: str, claim_unit: str) -> bool:
    if label_unit == claim_unit:
        return True
    if label_unit == "count":  # a count may come back named by its noun ('share', 'employee')
        return claim_unit not in _NON_COUNT and not re.fullmatch(r"[a-z]{3}", claim_unit)
    return False


def _judge_one(lab: dict, claim: dict) -> tuple[bool, str]:
    lo, hi, unit = _label_value(lab)
    cu = _norm_unit(claim["unit"])
    clo = claim["value_low"] if claim["value_low"] == claim["value_low"] else claim["value"]
    chi = claim["value_high"] if claim["value_high"] == claim["value_high"] else claim["value"]
    if unit and not _unit_ok(unit, cu):
        return False, "unit"
    if _close(lo, clo) and _close(hi, chi):
        return True, ""
    if _close(abs(lo), abs(clo)) and _close(abs(hi), abs(chi)):
        return bool(lab.get("any_sign")), "sign"
    if (lo != hi) != (clo != chi):
        return False, "range"
    return False, "value"


def judge(lab: dict, claim: dict) -> tuple[bool, str]:
    """Right when the claim matches the label or one of its `alt` readings; `any_sign` accepts either sign;
    a label `unit` of null (the sentence does not say it) judges the value only."""
    first = _judge_one(lab, claim)
    if first[0]:
        return first
    for alt in lab.get("alt") or []:
        if _judge_one({**lab, **alt}, claim)[0]:
            return True, ""
    return first


def _spans(sentence: str, figures: list[dict]) -> list[tuple[int, int]]:
    spans, pos = [], {}
    for f in figures:
        t = f["text"]
        i = sentence.find(t, pos.get(t, 0))
        if i < 0:
            i = sentence.find(t)
        if i < 0:
            raise SystemExit(f"label text {t!r} not in sentence: {sentence!r}")
        pos[t] = i + 1
        spans.append((i, i + len(t)))
    return spans


def score(args) -> int:
    import pandas as pd

    from pipeline import extract

    tag = args.set
    sents = [json.loads(l) for l in _file("sentences", ".jsonl", tag).open(encoding="utf-8")]
    labels = {d["id"]: d for d in map(json.loads, _file("labels", ".jsonl", tag).open(encoding="utf-8"))}
    missing = [s["id"] for s in sents if s["id"] not in labels]
    if missing:
        raise SystemExit(f"no labels for {missing}")
    frame = pd.DataFrame([{"id": s["id"], "text": s["sentence"], "published": s["published"], "title": s["title"],
                           "source": s["dump"]} for s in sents])
    claims, _ = extract(frame)
    by_article = {aid: g.to_dict("records") for aid, g in claims.groupby("article_id")} if len(claims) else {}
    rows, detail = [], []
    for s in sents:
        figs = labels[s["id"]]["figures"]
        spans = _spans(s["sentence"], figs)
        cl = by_article.get(s["id"], [])
        used = set()
        for f, (a, b) in zip(figs, spans):
            over = [j for j, c in enumerate(cl) if c["char_start"] < b and a < c["char_end"]]
            used.update(over)
            verdicts = [judge(f, cl[j]) for j in over]
            if not over:
                outcome, why = "missed", ""
            elif any(ok for ok, _ in verdicts):
                outcome, why = "found", ""
            else:
                outcome, why = "wrong", verdicts[0][1]
            rows.append({"dump": s["dump"], "outcome": outcome, "class": f.get("class", "")})
            detail.append({"id": s["id"], "dump": s["dump"], "outcome": outcome, "why": why, "label": f,
                           "claims": [{k: cl[j][k] for k in ("figure", "value", "value_low", "value_high", "unit",
                                                             "rule")} for j in over],
                           "class": f.get("class", ""), "sentence": s["sentence"]})
        for j, c in enumerate(cl):
            if j not in used:
                rows.append({"dump": s["dump"], "outcome": "spurious", "class": ""})
                detail.append({"id": s["id"], "dump": s["dump"], "outcome": "spurious", "why": "", "label": None,
                               "claims": [{k: c[k] for k in ("figure", "value", "value_low", "value_high", "unit",
                                                             "rule")}],
                               "class": "", "sentence": s["sentence"]})
    with _file("detail", ".jsonl", tag).open("w", encoding="utf-8") as fh:
        for d in detail:
            fh.write(json.dumps(d, ensure_ascii=False, default=str) + "\n")
    table = render(rows)
    print(table)
    results = _file("RESULTS", ".md", tag)
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    begin, end = "<!-- table:begin -->", "<!-- table:end -->"
    block = f"{begin}\n{table}\n{end}"
    if begin in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = ("# Figure recall on real news sentences (issue 17)\n\n"
                f"`PYTHONPATH=. python bench/figure_recall.py{' --set ' + tag if tag else ''} score`; sentences drawn "
                f"by `draw`{' (set ' + tag + ')' if tag else ''}, labeled by reading per GUIDE.md before the "
                "pipeline's output was looked at.\n\n" + block + "\n")
    results.write_text(text, encoding="utf-8")
    return 0


def render(rows: list[dict]) -> str:
    def pct(k, n):
        lo, hi = wilson(k, n)
        return f"{k} ({100 * k / n:.1f}%, {100 * lo:.1f}-{100 * hi:.1f})" if n else "0"

    groups = [("modern-2025", ["modern"]), ("reuters21578", ["reuters"]), ("yahoo-finance", ["yahoo"]),
              ("reuters + yahoo", ["reuters", "yahoo"]), ("all", ["modern", "reuters", "yahoo"])]
    lines = ["| dump | figures worth a claim | found, value and unit right | found, value or unit wrong | missed "
             "| spurious claims (share of all claims) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, dumps in groups:
        r = [x["outcome"] for x in rows if x["dump"] in dumps]
        n = sum(o != "spurious" for o in r)
        f, w, m, sp = (r.count(o) for o in ("found", "wrong", "missed", "spurious"))
        n_claims = len(r) - m  # claims overlapping a figure count once per figure
        lines.append(f"| {name} | {n} | {pct(f, n)} | {pct(w, n)} | {pct(m, n)} | {pct(sp, n_claims)} |")
    lines += ["", "By the label's class of figure (all dumps):", "",
              "| class | figures | found, right | wrong | missed |", "| --- | ---: | ---: | ---: | ---: |"]
    classes = sorted({x["class"] for x in rows if x["outcome"] != "spurious"},
                     key=lambda c: -sum(x["class"] == c and x["outcome"] != "spurious" for x in rows))
    for c in classes:
        r = [x["outcome"] for x in rows if x["class"] == c and x["outcome"] != "spurious"]
        lines.append(f"| {c} | {len(r)} | {r.count('found')} | {r.count('wrong')} | {r.count('missed')} |")
    r = [x["outcome"] for x in rows if x["class"] != "table-cell" and x["outcome"] != "spurious"]
    lines.append(f"| all but table-cell | {len(r)} | {pct(r.count('found'), len(r))} | {r.count('wrong')} "
                 f"| {r.count('missed')} |")
    lines.append("")
    lines.append("Shares with a 95% Wilson interval. A figure is found when a claim's span overlaps the labeled "
                 "text; spurious claims overlap no labeled figure, and their share is over figures found or "
                 "wrong plus spurious claims.")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="", help="a named set of sentences (files sentences-SET.jsonl, labels-SET.jsonl ...)")
    ap.add_argument("--seed", type=int, default=SEED, help="the draw's seed")
    ap.add_argument("--counts", default="", help="draw only these dumps, so many each: 'reuters=40,yahoo=20'")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("draw")
    sub.add_parser("score")
    args = ap.parse_args()
    counts = {k: int(v) for k, v in (kv.split("=") for kv in args.counts.split(",") if kv)} or None
    return draw(args.seed, args.set, counts) if args.cmd == "draw" else score(args)


if __name__ == "__main__":
    sys.exit(main())
