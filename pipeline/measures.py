"""What a figure measures, read from its clause's structure (rule `claims.measured_noun.v1`).

The metric cues (`claim_metrics.find_cues`) weigh the words of a clause; this reads the one noun the
figure is tied to, in these shapes, nearest first:

- after the figure, the noun it modifies: "a $600,000 promissory note", "7.0% subordinated notes";
- after it, "of/in" and a noun: "$2.5 billion of two-year bonds", "a 5% rise in production";
- before it, the subject of a move: "customer numbers rose 18%", "expenses rose by 31% to $12 million";
- before it, a noun and a link: "gains of $28,000", "SG&A expenses were $271 million";
- before it, the object of an actor's change: "raise average vehicle prices by about 3%";
- after a change, the level it reaches counted in a noun: "tractor sales fell 21.7 pct to 10,354 units" is a
  change in units sold, not in revenue (`reached_nouns`), as are "sold 30.7 pct fewer cars";
- before it, a label with no link ("Net includes investment gains 20,000 dlrs", "Profit margin: 48%", "domestic
  production (4.4% vs -0.7%)") or a change noun and "of" ("AUA growth of 20%");
- a change in words is its own verb: its possessed object ("double its turnover") or its subject ("investment has
  quadrupled");
- a clause with no subject of its own moves the lead clause's: a participle's ("..., rising by 31%") the lead's
  subject, a relative clause's (", which increased by 4.5%") the noun right before it.

A rate laid on goods or a price ("a 10% tariff", "a 46% premium": `rate_nouns`) is read apart (`laid_rate`).

The nouns, verbs and links are data (`models/lexicons/measures.yaml`); the shapes are here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .word_patterns import trie_alternation

RULE = "claims.measured_noun.v1"
KINDS = ("money", "percent", "pp", "multiple", "count", "quantity", "word_change")
KEYS = ("nouns", "modified_nouns", "move_verbs", "set_verbs", "links", "change_nouns", "qualifiers", "not_modifiers")
_WORD = r"[\w.'&/-]+"  # one word of a noun phrase, "sg&a" and "year-ago" included
_PREPOSITION_LINKS = ("of", "at")  # links that tie a figure to the noun just before them, never across a tail
# the opening of a clause with no subject of its own, up to its participle: ", rising by", "while rising", "and dropping"
_PARTICIPLE = re.compile(r"^[\s,;:(–—-]*(?:(?:while|and|but|thus|also)\s+)*(?=[a-z]+ing\b)")
# a relative clause's opening up to its verb: ", which increased by", ", which has risen": its noun is the one before it
_RELATIVE = re.compile(r"^[\s,;(–—-]*(?:which|that)\s+(?=(?:has\s+|have\s+|had\s+|also\s+)?[a-z]+)")
# a noun tied to the figure by "of" or "at" is measured though a preposition's object: "rose to a net inflow of $130m"
_OF_LINK = re.compile(r"\s+(?:of|at)\s")
# "In January export prices fell": a time phrase before a noun does not make it a preposition's object
_OBJECT_OF = re.compile(r"\b(?:(?:of|on|for|from|with|by|to|into|per|than)\s+(?:[\w.'&/-]+\s+)?|in\s+(?!(?:january|february|"
                        r"march|april|may|june|july|august|september|october|november|december|q[1-4]|\d{4})\s)"
                        r"(?:[\w.'&/-]+\s+)?)$")


@dataclass(frozen=True, eq=False)  # hashed by identity: one per models/ folder
class Measures:
    """The compiled shapes and the noun table (phrase -> ((metric, kind or ""), ...))."""

    after: tuple[re.Pattern, ...]  # matched at the start of the text after the figure
    before: tuple[re.Pattern, ...]  # searched in the clause's text before the figure, anchored at its end
    metrics_of: Mapping[str, tuple[tuple[str, str], ...]]
    modified_of: Mapping[str, tuple[tuple[str, str], ...]]  # nouns read only after the figure
    rows: tuple[tuple[re.Pattern, str, re.Pattern], ...] = ()  # (label, metric, a line above): key-value tables
    set_of: Mapping[str, tuple[tuple[str, str], ...]] = None  # nouns read only as what an actor changes
    moved_of: Mapping[str, tuple[tuple[str, str], ...]] = None  # nouns read only as what moves by the figure
    share: re.Pattern | None = None  # "30 per cent of bookings": the whole a figure is a share of (after it)
    share_of: Mapping[str, tuple[tuple[str, str], ...]] = None
    reached: re.Pattern | None = None  # "... to 10,354 units": the count a change reaches (after the figure)
    reached_of: Mapping[str, tuple[tuple[str, str], ...]] = None
    # a change in words is its own verb: "plans to double its turnover" (its object, after it), "Venture capital
    # investment has quadrupled" (its subject, before it)
    word_object: re.Pattern | None = None
    word_subject: re.Pattern | None = None
    rate: re.Pattern | None = None  # "a 10% tariff", "a 46% premium": a rate laid on goods or a price (after the figure)
    subject: re.Pattern | None = None  # a noun a move verb or a change noun ties a figure to, anywhere in a text

    def metric_for(self, phrase: str, kind: str, metric_kinds: Mapping[str, frozenset], modified: bool = False,
                   changed: bool = False, moved: bool = False) -> str | None:
        """The metric `phrase` names for a figure of `kind`, or None when it names none for that kind.

        modified (bool): the figure modifies the noun ("7% notes"): `modified_nouns` are read first.
        changed (bool): an actor changes the noun by the figure ("raise its prices by 3%"): `set_nouns` first.
        moved (bool): the figure is the noun's move ("deposits fell 3%", "a 61% surge in operating income"):
        `moved_nouns` first (after `set_nouns` when changed).
        """
        moved_of = (self.moved_of or {},) if moved or changed else ()
        tables = (self.modified_of, self.metrics_of) if modified else (self.set_of or {}, *moved_of, self.metrics_of) \
            if changed else (*moved_of, self.metrics_of)
        rows = next((t[p] for t in tables for p in _singulars(phrase) if p in t), ())
        fit = {kind, "percent"} if kind == "word_change" else {kind}
        for metric, only in rows:
            if only and only not in fit:
                continue
            if metric == "other" or only or metric_kinds.get(metric, frozenset()) & fit:  # a named kind holds
                return metric
        return None


def _singulars(phrase: str) -> list[str]:
    """The phrase as written, then without a plural ending ("costs", "expenses", "subsidies")."""
    out = [phrase]
    for tail, stem in (("ies", "y"), ("es", ""), ("s", "")):
        if phrase.endswith(tail):
            out.append(phrase[: -len(tail)] + stem)
    return out


def _alt(words) -> str:
    return "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))


def compile_measures(data: dict, metric_names, fail) -> Measures:
    """`models/lexicons/measures.yaml` compiled; `fail(detail, valid)` builds the load error to raise.

    >>> m = compile_measures({"nouns": {"other": ["cost"]}, "modified_nouns": {"other": ["note"]}, "move_verbs": ["rose"], "set_verbs": ["cut"],
    ...     "links": ["of"], "change_nouns": ["rise"], "qualifiers": ["about"], "not_modifiers": ["to"]},
    ...     ["revenue"], lambda d, v: ValueError(d))
    >>> measured_noun(m, "costs rose ", " to $5m", "percent", {})
    'other'
    """
    missing = [k for k in KEYS if not data.get(k)]
    if missing:
        raise fail(f"missing or empty {', '.join(missing)}", ", ".join(KEYS))
    metrics_of = _noun_table(data["nouns"], "nouns", metric_names, fail)
    modified_of = _noun_table(data["modified_nouns"], "modified_nouns", metric_names, fail)
    set_of = _noun_table(data.get("set_nouns") or {}, "set_nouns", metric_names, fail)
    moved_of = _noun_table(data.get("moved_nouns") or {}, "moved_nouns", metric_names, fail)
    for key in KEYS[2:]:
        for rx in data[key]:
            try:
                re.compile(str(rx))
            except re.error as exc:
                raise fail(f"{key}: bad regular expression {rx!r} ({exc})", "Python regular expressions") from exc
    noun = _noun_pattern(metrics_of)
    moving = _noun_pattern({**metrics_of, **moved_of})  # what a move verb or a change noun ties the figure to
    share_of = _noun_table(data.get("share_nouns") or {}, "share_nouns", metric_names, fail)
    # "4% of global annual turnover", "80% of the digital sales growth", "1.6% of sales": up to four words between
    share = re.compile(rf"^\s*\)?\s*of\s+(?:[\w'’.&-]+\s+){{0,4}}?{_noun_pattern(share_of)}") if share_of else None
    modified = _noun_pattern({**metrics_of, **modified_of})
    qual = rf"(?:(?:{_alt(data['qualifiers'])})\s+)?"
    stop = rf"(?!(?:{_alt(map(re.escape, data['not_modifiers']))})\b)"
    # a noun's own tail before its verb: "number of Teslas in Norway", "gross profit for the quarter"
    # "Core FFO for the twelve months ended December 31, 2024 increased": a period's end is part of the tail
    tail = rf"(?:\s+(?:of|in|for|at|from|during|ended|ending)\s+(?:{_WORD},?\s+){{0,3}}?{_WORD}){{0,2}}"
    # "revenue is expected to fall", "EPS forecast to rise": an outlook before the auxiliary
    outlook = rf"(?:(?:(?:is|are|was|were)\s+)?(?:{_alt(data['outlook_words'])})\s+(?=to\s))?" \
        if data.get("outlook_words") else ""
    aux = rf"{outlook}(?:(?:has|have|had|was|were|is|are|will|would|could|may|might|should|to)\s+(?:been\s+|be\s+)?)?"
    # "also increased substantially by 316%": words between the noun and its verb, and after the verb
    adverb = r"(?:(?:\w+ly|also|further|only|still|again|even)\s+){0,2}"
    verb_links = [w for w in data["links"] if w not in _PREPOSITION_LINKS] or data["links"]
    after = (
        re.compile(rf"^\s*(?:{stop}[a-z][\w-]*\s+){{0,3}}?{modified}"),
        # "a 61% surge in operating income": a change noun ties the figure to the noun's move
        # ... or its owner's: "a 10% increase in the quarterly dividend", "a 4% rise in its deposits"
        re.compile(rf"^\s*(?:{_alt(data['change_nouns'])})\s+(?:of|in)\s+(?:(?:the|its|their|our)\s+)?"
                   rf"(?:{stop}[a-z][\w-]*\s+){{0,3}}?{moving}"),
        re.compile(rf"^\s*(?:(?:{_alt(data['change_nouns'])})\s+)?(?:worth\s+)?(?:of|in)\s+"
                   rf"(?:{stop}[a-z][\w-]*\s+){{0,3}}?{noun}"),
    )
    before = (
        # "by 5%", or the level it reaches: "to $22 billion", "12% to $22 billion"
        re.compile(rf"\b{moving}{tail}\s+{aux}{adverb}(?:{_alt(data['move_verbs'])})\s+"
                   rf"(?:\w+ly\s+)?(?:by\s+|(?:[\d.,/-]+\s?(?:%|pct|percent|per cent)\s+)?to\s+)?{qual}$"),
        # a tail only before a verb link: in "a 59% gain from Tuesday's price of $6.91" the figure is
        # the price's, "of" ties it to the nearest noun, not to one a tail hangs on
        re.compile(rf"\b{noun}(?:{tail}\s+{aux}(?:{_alt(verb_links)})|\s+{aux}(?:{_alt(data['links'])}))\s+{qual}$"),
        re.compile(rf"\b(?:{_alt(data['set_verbs'])})\s+(?:{_WORD}\s+){{0,3}}?{_noun_pattern({**metrics_of, **moved_of, **set_of})}"
                   rf"\s+by\s+{qual}$"),
        # a wire's or a list's label right before its amount, no link: "Net excludes investment gains 20,000 dlrs",
        # "Profit margin: 48%", "driven by a rebound in domestic production (4.4% vs -0.7% in November)"
        re.compile(rf"\b{noun}\s*(?::\s+|\s+|\s*\(\s*){qual}$"),
        # a change noun between the noun and "of": "AUA growth of 20%", "a loan growth of 8%"
        re.compile(rf"\b{moving}\s+(?:{_alt(data['change_nouns'])})\s+of\s+{qual}$"),
    )
    reached_of = _noun_table(data.get("reached_nouns") or {}, "reached_nouns", metric_names, fail)
    # "fell 21.7 pct to 10,354 units from 13,231", "surged 27% in October to 11,083 units": a time phrase may come between
    # ... or the goods it counts more or fewer of: "sold 30.7 pct fewer cars"
    reached = re.compile(rf"^\s*(?:(?:(?:in|on|during|for|last|this)\s+[\w.]+\s+){{0,2}}?(?:to|from)\s+(?:{qual})?"
                         rf"[\d][\d.,]*\s+(?:(?:mln|million|thousand|billion)\s+)?|(?:fewer|more)\s+(?:[a-z-]+\s+)?)"
                         rf"{_noun_pattern(reached_of)}") if reached_of else None
    # the possessed object of a change in words: "double its rental portfolio" (no noun of the tables: other)
    word_object = re.compile(rf"^\s*(?:its|their|his|her|our)\s+(?:(?:{stop}[a-z][\w-]*\s+){{0,2}}?{moving}|[a-z])")
    word_subject = re.compile(rf"\b{moving}{tail}\s+{aux}{adverb}{qual}$")
    rates = [str(p) for p in data.get("rate_nouns") or ()]
    rate = re.compile(rf"^\s*(?:{stop}[a-z][\w-]*\s+){{0,3}}?{_noun_pattern(dict.fromkeys(rates))}") if rates else None
    return Measures(after, before, {k: tuple(v) for k, v in metrics_of.items()},
                    {k: tuple(v) for k, v in modified_of.items()}, _table_rows(data.get("table_rows") or [], metric_names, fail),
                    {k: tuple(v) for k, v in set_of.items()}, {k: tuple(v) for k, v in moved_of.items()},
                    share, {k: tuple(v) for k, v in share_of.items()}, reached, {k: tuple(v) for k, v in reached_of.items()},
                    word_object, word_subject, rate, re.compile(rf"\b{moving}"))


def _table_rows(rows, metric_names, fail) -> tuple[tuple[re.Pattern, str, re.Pattern], ...]:
    """`table_rows` compiled: each a mapping of label, metric and above (regular expressions but metric)."""
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or set(row) != {"label", "metric", "above"}:
            raise fail(f"table_rows item {i + 1} is not a mapping of label, metric and above", "label, metric, above")
        if row["metric"] != "other" and row["metric"] not in metric_names:
            raise fail(f"table_rows item {i + 1} names no metric {row['metric']!r}", "other, " + ", ".join(sorted(metric_names)))
        try:
            label = re.compile(rf"^\|\s*(?:{row['label']})\s*\|\s*$", re.I)
            above = re.compile(str(row["above"]), re.I | re.M)
        except re.error as exc:
            raise fail(f"table_rows item {i + 1}: bad regular expression ({exc})", "Python regular expressions") from exc
        out.append((label, row["metric"], above))
    return tuple(out)


def table_row_metric(measures: Measures, text: str, start: int, end: int, lines_above: int = 8) -> str | None:
    """The metric of a figure that is the value of a key-value table's row, by its label and a row above it.

    "| Type | Sell |" ... "| Amount | $131,067 |": the amount of an insider's sale is the value of the
    shares sold (measures.yaml `table_rows`); None when the figure is no such row's value.
    """
    if not measures.rows:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not re.fullmatch(r"\s*\|?\s*", text[end:line_end]):
        return None
    head = text[line_start:start]
    lo = line_start
    for _ in range(lines_above):
        lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1
        if lo == 0:
            break
    for label, metric, above in measures.rows:
        if label.match(head) and above.search(text, lo, line_start):
            return metric
    return None


def _noun_table(section: dict, key: str, metric_names, fail) -> dict[str, list[tuple[str, str]]]:
    """{phrase: [(metric, kind or ""), ...]} from a `nouns` mapping of "metric" or "metric/kind" to phrases."""
    table: dict[str, list[tuple[str, str]]] = {}
    for name, phrases in section.items():
        metric, _, only = str(name).partition("/")
        if metric != "other" and metric not in metric_names:
            raise fail(f"{key} {name!r} names no metric", "other, " + ", ".join(sorted(metric_names)))
        if only and only not in KINDS:
            raise fail(f"{key} {name!r} names no figure kind", ", ".join(KINDS))
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p == p.lower().strip() for p in phrases):
            raise fail(f"{key} {name!r} is not a list of lower-case phrases", "lower-case phrases")
        for p in phrases:
            table.setdefault(p, []).append((metric, only))
    return table


def _noun_pattern(table) -> str:
    """One group `noun` of the table's phrases, longest first, each with its plural (as a trie: the shapes
    searched over every figure's clause took a third of the CPU so; word_patterns.trie_alternation)."""
    return rf"(?P<noun>{trie_alternation(table, _plural)})\b"


def _plural(phrase: str) -> str:
    return "" if phrase.endswith("s") else r"(?:e?s)?"


def measured_noun(measures: Measures, before: str, after: str, kind: str,
                  metric_kinds: Mapping[str, frozenset], lead: str = "") -> str | None:
    """The metric of the noun a figure of `kind` measures, or None when no shape names one.

    before (str): the figure's clause up to the figure, lower case; after (str): the clause after it.
    metric_kinds: each metric's figure kinds (metrics.yaml). lead (str): the sentence before the figure's clause,
    lower case: a clause that opens with a move's participle ("..., rising by 31%", "while rising 2.8 pct") has no
    subject of its own, and moves the lead clause's ("Operating expenses saw a significant increase, rising by 31%").

    Only the first shape that finds a noun decides: a noun that names no metric for the kind stops
    the search (its figure measures that noun, which is none of the later ones).
    """
    if kind == "percent" and measures.reached is not None and (m := measures.reached.search(after)):
        rows = next((rows for p in _singulars(m.group("noun")) if (rows := measures.reached_of.get(p))), ())
        found = next((metric for metric, only in rows if not only or only == kind), None)
        if found is not None:
            return found
    if kind == "word_change" and measures.word_object is not None:
        if m := measures.word_object.search(after):
            noun = m.group("noun")
            return measures.metric_for(noun, kind, metric_kinds, moved=True) if noun else "other"
        if (m := measures.word_subject.search(before)) and not _OBJECT_OF.search(before, 0, m.start("noun")):
            return measures.metric_for(m.group("noun"), kind, metric_kinds, moved=True)
    if lead and (not re.search(r"[a-z0-9]", before) or re.match(r"[\s,]*\d{4}\b", before)):
        # "Profit margin: 48%", "... ended December 31, 2024 increased 10.7%": a clause split at a label's colon or
        # inside a date goes on from the lead
        before = lead + before
    if lead and kind != "word_change" and (opener := _PARTICIPLE.match(before) or _RELATIVE.match(before)):
        if opener.re is _RELATIVE:  # the noun right before ", which", a preposition's object or not
            subject = next((m for m in measures.subject.finditer(lead) if re.fullmatch(r"[\s,]*", lead[m.end():])), None)
        else:  # the lead clause's subject
            subject = next((m for m in measures.subject.finditer(lead) if not _OBJECT_OF.search(lead, 0, m.start("noun"))),
                           None)
        if subject is not None and measures.before[0].search(subject.group("noun") + " " + before[opener.end():]):
            return measures.metric_for(subject.group("noun"), kind, metric_kinds, moved=True)
    for i, rx in enumerate(measures.after):
        m = rx.search(after)
        if m is not None:
            return measures.metric_for(m.group("noun"), kind, metric_kinds, modified=i == 0, moved=i == 1)
    for i, rx in enumerate(measures.before):
        m = rx.search(before)
        if m is None:
            continue
        if i < 2 and _OBJECT_OF.search(before, 0, m.start("noun")) and not (i == 1 and _OF_LINK.match(before, m.end("noun"))):
            # "its sales of 87,000 tonnes of output amounted to ...": a preposition's object is not the
            # clause's subject; the figure measures the noun the phrase hangs on
            continue
        return measures.metric_for(m.group("noun"), kind, metric_kinds, changed=i == 2, moved=i in (0, 4))
    return None


def laid_rate(measures: Measures, after: str) -> bool:
    """Whether a figure modifies a rate laid on goods or a price: "a planned 10% tariff on imports" (measures.yaml
    `rate_nouns`). after (str): the clause after the figure, lower case."""
    return measures.rate is not None and measures.rate.search(after) is not None


def share_metric(measures: Measures, after: str, kind: str) -> str | None:
    """The metric of a figure that is a share of the whole named after it and "of", or None.

    after (str): the clause after the figure, lower case. "30 per cent of bookings" is a share of them
    (other), not their growth; "20% of its workforce" is a change of the headcount (measures.yaml `share_nouns`).
    """
    m = measures.share.search(after) if measures.share is not None else None
    if m is None:
        return None
    rows = next((rows for p in _singulars(m.group("noun")) if (rows := measures.share_of.get(p))), ())
    return next((metric for metric, only in rows if not only or only == kind), None)


def load_measures(path: Path, metric_names, read_yaml, fail) -> Measures:
    """Read and compile `path` (models/lexicons/measures.yaml); `fail(path, detail, valid)` builds errors."""
    return compile_measures(read_yaml(path), metric_names, lambda detail, valid: fail(path, detail, valid))
