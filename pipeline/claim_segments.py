"""The segment step of the claims stage: the part of its entity a figure is about.

A segment subject's parent ("its cloud unit"); a segment word before the metric ("cloud revenue"); an
instrument's term ("the 10-year yield", "bonds due 2016"); an index's futures; then the product, share class,
tranche, business line or tariff's goods the sentence names (segments.py, measured_parts.py,
segment_frames.py, part_subjects.py), else the part an earlier figure of the sentence set ("$80, down from $110"), else a price's
product the headline names (headline_products.py), else the depositary receipts its story quotes the company's
shares as (depositary_shares.py). A segment those steps find that is a results label, the owner's name with a period
and the measure's words ("Gilat Satellite Non-GAAP EPS of $0.15"), is none.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial

from .claim_draft import Draft, Story
from .contributing_parts import contributing_part
from .depositary_shares import depositary_class
from .headline_products import common_product, headline_product
from .pattern_guards import may_match
from .measured_parts import measured_part, part_words as measured_part_words
from .name_extensions import extended_name
from .part_subjects import part_subject
from .resources import Resources
from .segment_context import context_part
from .segment_frames import frame_segment
from .segments import bond_term, entity_words_of, find_segment, index_futures, segment_words
from .word_patterns import longest_first

_SEGMENT_BEFORE_METRIC = r"\b({segs})\s+(?:revenues?|sales|income|profit|growth)\b"
# metrics the rules may give a government bond's move or level when its clause names no yield cue
_BOND_MOVES = frozenset({"price_change", "other", "interest_rate", "bond_yield", "debt"})
_PART_OWNERS = frozenset({"company", "name", "unit"})  # whose measure's modifiers can name a part (measured_parts.py)
_NOT_BOND_ISSUERS = frozenset({"company", "unit", "segment", "index", "person", "commodity", "currency", "crypto", "name"})


@lru_cache(maxsize=4)
def _terms(res: Resources) -> tuple[re.Pattern, dict[str, int]]:
    """The instrument-term pattern, its number words from models/lexicons/number_words.yaml (units and tens)."""
    words = {**{str(k).lower(): int(v) for k, v in res.number_words["units"].items() if int(v) > 0},
             **{str(k).lower(): int(v) for k, v in res.number_words["tens"].items()}}
    spelled = longest_first(words)
    rx = re.compile(r"\b(\d{1,2}|" + spelled + r")[- ](year|month|week)s?\b"
                    r"(?![- ](?:high|low|range|average|moving|closing))"  # "its 52-week high" is no bond's term
                    r"|\b(?:bonds?|notes?|bills?|gilts?|debentures?)\s+(?:of|due)\s+((?:19|20)\d\d)\b", re.I)
    return rx, words


def instrument_of(clause: str, figure_at: int, res: Resources | None = None) -> str:
    """The term of the instrument a clause names nearest the figure: "10-year", "3-month", "due 2016", or "".

    >>> instrument_of("The yield on the two-year note rose to 4.1%, the 10-year's to 4.3%", 39)
    '2-year'
    """
    if res is None:
        from .resources import load_resources

        res = load_resources()
    term, words = _terms(res)

    def nearness(m: re.Match) -> tuple[int, int]:
        # the figure's own term first ("2.5 billion francs of two-year bills"), then one before it, then the nearest
        if m.start() > figure_at and m.start() - figure_at <= 30 and clause[:m.start()].endswith("of "):
            return (-1, 0)
        return (0, figure_at - m.end()) if m.end() <= figure_at else (1, m.start() - figure_at)

    m = min(term.finditer(clause), key=nearness, default=None)
    if m is None:
        return ""
    if m.group(3):
        return f"due {m.group(3)}"
    n = m.group(1).lower()
    return f"{int(n) if n.isdigit() else words[n]}-{m.group(2).lower()}"


@lru_cache(maxsize=4)
def _segment_before_metric(res: Resources) -> re.Pattern:
    """'cloud revenue', 'gaming sales': a segment named just before a metric word (once per resources)."""
    segs = longest_first(res.segments)
    return re.compile(_SEGMENT_BEFORE_METRIC.format(segs=segs), re.I)


def place_segment(story: Story, d: Draft) -> None:
    """Set the draft's segment (after its subject and metric): the first step that names one."""
    segment = _subject_part(story, d) or _instrument_term(story, d) or \
        _unlabelled(_sentence_part(story, d) or _owner_product(story, d), d, story.res)
    segment = part_name(segment, story.res)
    story.previous_part = (d.fig.end, segment)
    d.segment = segment


def part_name(segment: str, res: Resources) -> str:
    """The segment cut before the first word no part's name holds (segments.yaml `not_part_words`: a pronoun, a
    relative, an auxiliary), less the linking words it then ends with; "" when only generic words are left, or for a
    word that is no part alone (`not_alone_words`).

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> part_name("1TB Crucial MX500 has been", R), part_name("Have Opportunity", R), part_name("Class I Shares", R)
    ('1TB Crucial MX500', '', 'Class I Shares')
    >>> part_name("reduction", R), part_name("but", R), part_name("cloud", R)
    ('', '', 'cloud')
    """
    if not segment:
        return segment
    if segment.strip(".,:;'’\"()- ") in res.segment_lists["not_alone_words"]:
        return ""  # "reduction", "reportedly": no part on its own; "the $200 One" is a product's name
    stops = frozenset(res.segment_lists["not_part_words"])
    tokens = segment.split()
    # written in lower case, or opening the segment: "Knock You Out Super Bowl ad" is a title
    cut = next((i for i, t in enumerate(tokens) if t.strip(".,:;'’\"()").lower() in stops and (i == 0 or t.islower())),
               None)
    if cut is None:
        return segment
    generic, linking = segment_words(res).generic, frozenset(res.segment_lists["served_stop_words"])
    kept = tokens[:cut]
    while kept and kept[-1].lower().strip(".,:;'’\"()") in linking:  # "steel and aluminium imports and"
        kept.pop()
    if not any(t.lower().strip(".,:;'’\"()") not in generic for t in kept):
        return ""
    return " ".join(kept).rstrip(",;:")


_PERIOD_WORD = re.compile(r"(?:f?[qh][1-4]|[1-4]q|fy\d{2,4}|(?:19|20)\d\d)[:,]?", re.I)


def _unlabelled(segment: str, d: Draft, res: Resources) -> str:
    """The segment, or "" when it is a results label: the owner's name, a period and the measure's words
    ("Gilat Satellite Non-GAAP EPS of $0.15 beats", "* Q4 Revenue: $10.4 billion"; segments.yaml `label_words`)."""
    if not segment:
        return segment
    owner = entity_words_of(d.entity, d.subject.text if d.subject else "")
    labels = frozenset(res.segment_lists["label_words"])
    generic = segment_words(res).generic
    tokens = [t.lower().strip(".,:;'’").removesuffix("'s") for t in segment.split()]
    if not any(t in labels or _PERIOD_WORD.fullmatch(t) for t in tokens):
        return segment
    named = [t for t in tokens if t and t not in owner and t not in labels and t not in generic
             and not _PERIOD_WORD.fullmatch(t)]
    return segment if named else ""


def _subject_part(story: Story, d: Draft) -> str:
    """A segment subject's parent ("its cloud unit"), else a segment word before the metric ("cloud revenue")."""
    subject = d.subject
    if subject is not None and subject.kind == "segment":
        return subject.parent
    if subject is not None and subject.kind != "unit":
        before, rx = story.text[d.cs:d.fig.start], _segment_before_metric(story.res)
        m = rx.search(before) if may_match(rx, before) else None
        if m:
            return story.res.segments.get(m.group(1).lower(), "")
    return ""


def _instrument_term(story: Story, d: Draft) -> str:
    """An instrument's term ("the 10-year yield"), an index's futures, a bond's term ("bonds due 2016")."""
    text, res, fig, subject, sent = story.text, story.res, d.fig, d.subject, d.sent
    spec = res.metrics.get(d.metric)
    if spec is not None and spec.instrument:
        # the clause's term, else the sentence's nearest ("The 10-year U.S. Treasury yield, which rose 1 bp")
        term = instrument_of(text[d.cs:d.ce], fig.start - d.cs, res) or instrument_of(text[sent.start:d.ce],
                                                                                      fig.start - sent.start, res)
        if term:
            return term
    if subject is not None and subject.kind == "index":
        return index_futures(text, subject.start, subject.end, fig.start, sent.start)
    if subject is not None and subject.kind not in _NOT_BOND_ISSUERS and d.metric in _BOND_MOVES:
        return bond_term(text[sent.start:d.ce], fig.start - sent.start, partial(instrument_of, res=res))
    return ""


def _sentence_part(story: Story, d: Draft) -> str:
    """A product, share class, tranche, business line or tariff's goods the sentence names (not in a table row),
    else the part an earlier figure set ("down from $110"), else a price's product the headline names."""
    text, res, fig, subject, sent = story.text, story.res, d.fig, d.subject, d.sent
    if fig.table_label:
        return ""
    part_words = segment_words(res)
    owner_words = entity_words_of(d.entity, subject.text if subject else "")
    segment = find_segment(text[sent.start:sent.end], fig.start - sent.start, fig.end - sent.start,
                           fig.kind, part_words, owner_words)
    if not segment and subject is not None and subject.kind in _PART_OWNERS:
        segment = measured_part(text[sent.start:sent.end], fig.start - sent.start, measured_part_words(res),
                                owner_words, fig.end - sent.start) or \
            part_subject(text[sent.start:fig.start], res, part_words, owner_words, measured_part_words(res).whole,
                         subject.text if subject.source == "name" or subject.kind == "unit" else "")
    owner_kind = "" if subject is None else "name" if subject.source == "name" else subject.kind
    segment = segment or frame_segment(text[sent.start:sent.end], fig.start - sent.start, fig.end - sent.start,
                                       fig.kind, res, part_words, owner_words, owner_kind)
    # "Entertainment & Services delivered SEK 2.6 billion"
    segment = segment or contributing_part(text[sent.start:fig.start], fig.kind, res, part_words, owner_words)
    segment = segment or context_part(text, story.previous_part, sent.start, fig.start, res)  # "down from $110"
    if fig.kind == "money" and d.metric == "other" and (not segment or common_product(segment, res)):
        # "Apple iMac review" ... "topped out at $3,449"; "Galaxy Note 10 review" ... "the phone will cost $949"
        segment = headline_product(story.headline, d.entity, d.entity_id, res) or segment
    return segment


def _owner_product(story: Story, d: Draft) -> str:
    """The product a company's name runs on into ("a Sonos Sub ($700)"), else the depositary receipts its story
    quotes the company's shares as ("BP p.l.c. Sponsored ADR (BP)")."""
    subject = d.subject
    if subject is None or subject.kind not in ("company", "name"):
        return ""
    if not d.fig.table_label:
        product = extended_name(d.cands, subject, d.sent.start, d.fig.start, story.res)
        if product and product.casefold() != (d.entity or "").casefold():
            return product  # not "Zentrova Biologics" under a headline's "Zentrova": the owner's full name
    return depositary_class(story.text, story.headline, d.metric, d.entity)
