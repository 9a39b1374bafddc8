"""Draw candidate (sentence, figure) pairs for the hand-labeled metric eval set.

This script only *samples*: it proposes sentences from the two real news dumps
that carry a figure and picks one figure in each. It assigns no metric; the
labels in ``metric_eval.jsonl`` were chosen by a person reading each sentence
(see ``METRIC_LABELING_GUIDE.md``).

Deterministic: a fixed seed, and the dumps are rebuilt byte for byte, so the
same command prints the same candidates.

    python tests/data/make_metric_eval_sample.py > /tmp/metric_candidates.jsonl

Strata (per source):
  * ``random``  - uniform over articles, one sentence with a figure per article;
  * ``table``   - Reuters result-table rows (``Shr 1.20 dlrs vs 1.10 dlrs``);
  * ``keyword`` - sentences with a keyword for a rare metric (P/E, short
    interest, yields, jobless rate, ...), so the rare labels appear at all;
  * ``rare:<group>`` - a second pass, per keyword group (``RARE_GROUPS``), for
    metrics the first pass hit rarely; mostly the figure nearest the keyword.
    A third pass (``RARE_GROUPS_2``) does the same with tighter patterns.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

SEED = 20240611
DUMP_DIR = Path("/work/shared/news-dump")
DUMPS = {
    "reuters": "reuters21578.jsonl.gz",
    "yahoo": "yahoo-finance-2017-2020.jsonl.gz",
}
# Quotas per source and stratum (oversampled: non-claims are dropped at labeling).
QUOTAS = {
    "reuters": {"table": 45, "random": 105, "keyword": 30},
    "yahoo": {"random": 130, "keyword": 90},
}

# --- sentences --------------------------------------------------------------

# Reuters first lines start with a dateline: "SANTA CRUZ, Calif., Feb 26 - ".
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'&/()-]{1,60}?,? [A-Z][a-zA-Z]{2,4}\.? \d{1,2} - ")
ABBREV = {
    "inc", "corp", "co", "cos", "ltd", "bros", "mr", "mrs", "ms", "dr", "jr", "sr", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "v", "gov", "sen", "rep", "gen", "lt", "col", "mt", "ft", "calif",
    "mass", "conn", "minn", "pa", "ill", "mich", "wash", "tex", "fla", "va", "ga", "ariz",
    "colo", "ore", "wis", "md", "mo", "ky", "tenn", "la", "ala", "okla", "kan", "neb",
    "del", "nev", "ind", "etc", "approx", "dept", "est", "fig", "plc", "u.s", "u.k",
    "u.n", "n.y", "n.j", "s.a", "n.v", "a.g", "l.p", "e.g", "i.e", "corp", "inc",
}
BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str):
    """Yield (start, end) spans of sentences; paragraphs split on newlines."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        seg_start = start
        for m in BOUNDARY.finditer(line):
            before = line[: m.start()].rstrip(".!?\"'”’)")
            last = re.split(r"\s", before)[-1] if before else ""
            tok = last.lower().strip("(\"“")
            if tok in ABBREV or re.fullmatch(r"[a-z]", tok) or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", tok):
                continue
            yield seg_start, start + m.start() + len(m.group(0).rstrip())
            seg_start = start + m.end()
        yield seg_start, start + len(line)


def clean_span(text: str, s: int, e: int):
    """Trim whitespace and a leading Reuters dateline; return (s, e)."""
    seg = text[s:e]
    s += len(seg) - len(seg.lstrip())
    e -= len(seg) - len(seg.rstrip())
    m = DATELINE.match(text[s:e])
    if m:
        s += m.end()
    # a trailing quote/space run left by the boundary regex
    return s, e


# --- figures ----------------------------------------------------------------

NUMWORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a half|half)"
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:-\d{1,2}/\d{1,2}|/\d{1,2}(?!/))?"
SCALE = r"(?:mln|bln|billion|million|trillion|bn|tn|mn|m|b|k)"
CUR_ADJ = r"(?:(?:Australian|Aust|Canadian|Can|U\.S\.|US|Hong Kong|HK|New Zealand|NZ|Taiwan|Singapore|Swiss|French|Belgian|Saudi)\s)?"
CUR_WORD = CUR_ADJ + (
    r"(?:dlrs?|dollars?|cts|cents?|yen|marks|francs|pounds|stg|sterling|lire|guilders|"
    r"yuan|renminbi|euros?|rupees?|won|pesos?|crowns|kroner|krona|rand|riyals?|dinars?)"
)
CUR_SYM = r"(?:US\$|C\$|A\$|HK\$|NZ\$|S\$|\$|€|£|¥|RMB|HKD|USD|EUR|GBP|CNY|JPY)"
FIGURE = re.compile(
    r"(?<![\w./,-])(?:"
    rf"{CUR_SYM}\s?{NUM}(?:\s?{SCALE}\b)?(?:\s?{CUR_WORD}\b)?"  # $1.2 billion, £5m
    rf"|(?:{NUM}|{NUMWORD})\s(?:{SCALE}\s)?{CUR_WORD}\b"  # 5.5 mln dlrs, five cts
    rf"|(?:{NUM}|{NUMWORD})(?:\s?%|\s(?:pct|percent|per cent|percentage points?|basis points?|bps)\b)"
    rf"|{NUM}\s(?:mln|bln|billion|million|trillion)\b"  # Revs 12.5 mln
    rf"|{NUM}\s?(?:x|times)(?=\s+(?:\w+\s+){{0,3}}(?:earnings|sales|ebitda|revenue|book|profit|cash))"
    rf"|{NUM}x\b"
    r")",
    re.I,
)
TABLE_ROW = re.compile(
    r"^(?:Shr|Shrs|Net|Revs|Sales|Oper|Operating|Qtly|Qtr|Assets|Deposits|Loans|"
    r"Avg shrs|Primary shr|Fully diluted|Loss|Profit|Income|Pretax|Revenues)\b.*\bvs\b",
    re.I,
)
TABLE_NUM = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|(?<![\w.,])\d+\.\d+(?![\w,])")

KEYWORDS = re.compile(
    r"price-to-earnings|P/E|forward earnings|times earnings|EV/EBITDA|EBITDA|EBITA|short interest|"
    r"dividend yield|yield|underweight|overweight|below (?:its|their) .{0,20}(?:high|peak)|from (?:its|their) (?:high|peak|record)|"
    r"market (?:value|capitali[sz]ation)|price target|target price|stake|buyback|repurchase|"
    r"capital (?:spending|expenditure)|capex|invest|unemployment|jobless|inflation|consumer prices|"
    r"gross domestic product|GDP|trade (?:deficit|surplus)|current account|subscribers|users|"
    r"employees|jobs|workers|market share|gross margin|operating margin|net interest|"
    r"provision|deposits|loans|cash|debt|bonds?|notes|shipments|deliveries|sold|valued at|valuation|"
    r"per barrel|an ounce|a barrel|bushel|tonne|exchange rate|against the dollar|"
    r"operating (?:profit|income|loss)|top line|bottom line|volume|shares changed hands",
    re.I,
)


# Second pass, drawn after the strata above with its own seed (so adding it
# left the first 400 candidates unchanged): sentences with a keyword group of a
# metric that the first pass hit rarely or never. Quotas are (reuters, yahoo).
RARE_GROUPS = {
    "pe": (r"price[- /]to[- ]earnings|\bP/E\b|times (?:\w+ )?earnings|earnings multiple", (0, 6)),
    "ev_ebitda": (r"EV/EBITDA|enterprise value", (0, 3)),
    "ebitda": (r"\bEBITDA\b", (0, 4)),
    "ebita": (r"\bEBITA\b", (0, 2)),
    "short": (r"short interest|sold short|short sellers|shorted|short positions?", (0, 4)),
    "weighting": (r"underweight|overweight|benchmark weight", (0, 3)),
    "drawdown": (r"(?:below|off|from) (?:its|their|the) (?:\w+ ){0,3}(?:high|peak)", (0, 4)),
    "stake_value": (r"worth of (?:shares|stock)|stake (?:worth|valued)|holding (?:worth|valued)|shares worth", (2, 3)),
    "dividend_yield": (r"dividend yield|yields? (?:of |about )?[\d.]+ ?(?:%|percent|pct)", (1, 3)),
    "eps_growth": (r"(?:per[- ]share|\bEPS\b).{0,40}(?:rose|fell|up|down|increase|decline|grew|jump)", (2, 3)),
    "net_interest": (r"net interest (?:income|margin|revenue)", (3, 3)),
    "provision": (r"loan loss|loan-loss|provisions? for (?:loan|credit|bad)|bad debt", (3, 2)),
    "unemployment": (r"unemployment|jobless", (3, 2)),
    "employees": (r"employees|workers|\bjobs\b|staff|headcount|workforce", (2, 3)),
    "market_cap": (r"market (?:value|capitali[sz]ation|cap)\b", (2, 3)),
    "volume": (r"shares changed hands|trading volume|turnover", (2, 2)),
    "operating": (r"operating (?:profit|income|margin|earnings)|\bEBIT\b", (2, 3)),
    "capex": (r"capital (?:spending|expenditure)|capex", (2, 3)),
    "cash": (r"cash (?:and|on hand|reserves|position|pile)", (2, 2)),
    "gdp": (r"gross domestic product|\bGDP\b|economic growth", (2, 2)),
    "inflation": (r"inflation|consumer prices|consumer price index", (2, 2)),
    "buyback": (r"buy ?back|repurchase", (2, 2)),
}

# Third pass (own seed, after the second): tighter patterns for metrics that
# the second pass still missed (its "employees" group mostly found money figures).
RARE_GROUPS_2 = {
    "employees": (r"(?:cut|cutting|eliminat|lay off|laid off|layoffs|reduc|trim|slash)\w* (?:\w+ ){0,4}(?:jobs|workforce|staff|employees|positions)|(?:workforce|headcount)\b", (3, 4)),
    "trailing_pe": (r"times (?:trailing|last year's|historical|reported|past) (?:\w+ )?earnings|trailing (?:P/E|price-to-earnings|12-month earnings)|price[- /]earnings ratio", (1, 3)),
    "net_interest_margin": (r"net interest margin", (2, 3)),
    "ev_ebitda": (r"times (?:\w+ ){0,2}EBITDA|EV/EBITDA|enterprise value to EBITDA", (0, 3)),
    "fund_underweight": (r"underweight (?:in|on) |(?:below|above) (?:its|the|their) (?:\w+ )?(?:weighting|benchmark weight)", (0, 3)),
    "market_cap_change": (r"(?:wiped|erased|added|shed|lost|wiping|erasing|adding) .{0,40}(?:market value|market cap|in value|of value)", (1, 3)),
    "stake_value": (r"stake (?:worth|valued at)|holding (?:worth|valued at)|worth of (?:its )?(?:shares|stock)", (0, 2)),
    "eps_growth": (r"earnings per share (?:rose|fell|grew|increased|decreased|jumped|climbed|declined)|\bEPS (?:growth|rose|fell|grew)", (1, 2)),
}


def figures_in(sentence: str, table: bool):
    spans = [(m.start(), m.end()) for m in FIGURE.finditer(sentence)]
    if table:
        for m in TABLE_NUM.finditer(sentence):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    out = []
    for s, e in sorted(spans):
        while e > s and sentence[e - 1] in " ,":
            e -= 1
        out.append((s, e))
    return out


def load(source: str):
    with gzip.open(DUMP_DIR / DUMPS[source], "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def candidates_of(doc):
    text = doc["text"]
    for s, e in split_sentences(text):
        s, e = clean_span(text, s, e)
        sent = text[s:e]
        if len(sent) < 12 or len(sent) > 600:
            continue
        table = bool(TABLE_ROW.match(sent))
        figs = figures_in(sent, table)
        if figs:
            yield sent, figs, table


def draw(source: str, rng: random.Random):
    docs = list(load(source))
    order = list(range(len(docs)))
    rng.shuffle(order)
    quota = dict(QUOTAS[source])
    used_docs, out = set(), []
    for i in order:
        if not any(quota.values()):
            break
        doc = docs[i]
        cands = list(candidates_of(doc))
        if not cands:
            continue
        # choose a stratum this article can fill, in a fixed order
        for stratum in ("table", "keyword", "random"):
            if not quota.get(stratum):
                continue
            if stratum == "table":
                pool = [c for c in cands if c[2]]
            elif stratum == "keyword":
                pool = [c for c in cands if not c[2] and KEYWORDS.search(c[0])]
            else:
                pool = cands
            if not pool:
                continue
            if stratum == "keyword" and rng.random() < 0.5:
                continue  # keep the keyword stratum spread over the shuffle order
            sent, figs, table = pool[rng.randrange(len(pool))]
            fs, fe = figs[rng.randrange(len(figs))]
            quota[stratum] -= 1
            used_docs.add(doc["id"])
            out.append(
                {
                    "article_id": doc["id"],
                    "source": source,
                    "published": doc["published"],
                    "title": doc.get("title"),
                    "stratum": stratum,
                    "sentence": sent,
                    "figure": sent[fs:fe],
                    "figure_start": fs,
                    "figure_end": fe,
                    "table_row": table,
                }
            )
            break
    return out


def draw_rare(source: str, rng: random.Random, used: set, groups=None):
    groups = RARE_GROUPS if groups is None else groups
    docs = list(load(source))
    order = list(range(len(docs)))
    rng.shuffle(order)
    col = 0 if source == "reuters" else 1
    quota = {g: q[col] for g, (_, q) in groups.items() if q[col]}
    pats = {g: re.compile(groups[g][0], re.I) for g in quota}
    out = []
    for i in order:
        if not any(quota.values()):
            break
        doc = docs[i]
        if doc["id"] in used:
            continue
        cands = [c for c in candidates_of(doc) if not c[2]]
        for g in quota:
            if not quota[g]:
                continue
            pool = [c for c in cands if pats[g].search(c[0])]
            if not pool:
                continue
            sent, figs, table = pool[rng.randrange(len(pool))]
            if rng.random() < 0.7:  # mostly the figure nearest the keyword, else any
                k = pats[g].search(sent).start()
                fs, fe = min(figs, key=lambda f: abs(f[0] - k))
            else:
                fs, fe = figs[rng.randrange(len(figs))]
            quota[g] -= 1
            used.add(doc["id"])
            out.append(
                {
                    "article_id": doc["id"],
                    "source": source,
                    "published": doc["published"],
                    "title": doc.get("title"),
                    "stratum": f"rare:{g}",
                    "sentence": sent,
                    "figure": sent[fs:fe],
                    "figure_start": fs,
                    "figure_end": fe,
                    "table_row": table,
                }
            )
            break
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, help="write JSONL here instead of stdout")
    args = ap.parse_args(argv)
    rows = []
    for source in ("reuters", "yahoo"):
        rows += draw(source, random.Random(f"{args.seed}-{source}"))
    used = {r["article_id"] for r in rows}
    for source in ("reuters", "yahoo"):
        rows += draw_rare(source, random.Random(f"{args.seed}-{source}-rare"), used)
    for source in ("reuters", "yahoo"):
        rows += draw_rare(source, random.Random(f"{args.seed}-{source}-rare2"), used, RARE_GROUPS_2)
    fh = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for n, row in enumerate(rows, 1):
        row = {"cand": f"c-{n:04d}", **row}
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.out:
        fh.close()
    print(f"{len(rows)} candidates", file=sys.stderr)


if __name__ == "__main__":
    main()
