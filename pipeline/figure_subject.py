"""The subject step of the claims stage: whose figure it is.

Word order proposes the figure's subject (possessive or attached "Baidu's 7.7%", the clause's subject, the
sentence's, the article's main company: `choose_subject`); the subject head (subjects.py) ranks it among
every candidate of the sentence, the discourse and the headline; then the roles word order alone misses
correct the choice: a place that is only money's unit, a mover in a list, the name the figure's clause opens
with where the head chose a company the sentence never names, a market wrap's city for its index, a tariff's
owner, "respectively",
a roundup's item, a section heading, a country written as a place ("in Singapore"), a deals post's seller
("Buy X at Best Buy - $278"), a group the clause opens with ("AI startups raised") (subject_roles.py,
tariff_owners.py, coordinated_owners.py, roundup_items.py, headings.py, place_asides.py, seller_prices.py,
group_subjects.py, name_extensions.py, held_owners.py: a stake is the company held; covered_owners.py: a
broker's call is the covered company's; described_owners.py: "The Italian bank said" is the company named before;
insider_owners.py: an insider's shares are the company's, and an officer's report of its figures). A data provider compiles estimates of another company's
figures; a macro figure the discourse gave to a company is its economy's (economy_owners.py, once the metric is known).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .claim_draft import Draft, Story
from .clauses import SentenceView
from .clause_openers import opener_owner
from .coordinated_owners import respectively_owner, trailing_owner
from .described_owners import described_owner
from .economy_owners import economy_owner
from .covered_owners import covered_owner
from .entities import ArticleEntities
from .fiscal_owners import fiscal_owner
from .group_subjects import group_owner
from .headings import find_headings, heading_owner
from .held_owners import held_owner
from .insider_owners import insider_owner, officer_owner
from .market_cities import market_index
from .name_extensions import extended_owner
from .place_asides import place_owner
from .place_modifiers import modifier_place
from .quote_rows import row_owner
from .modality import modality_cues
from .records import Figure, Mention
from .resources import Resources
from .roundup_items import item_owner
from .seller_prices import seller_owner
from .statistics_owners import statistics_owner
from .subject_finish import finished_subject
from .subject_roles import money_places, mover_owner
from .subject_candidates import candidate_rows
from .subject_ranker import choose
from .subjects import FEATURES, RELATIONS, paragraph_subject
from .tariff_owners import tariff_owner
from .word_patterns import listed

_SUBJECT_PENALTY = re.compile(r"\b(?:to|from|with|than|by|into|in|on|of|like|such as|including|for|at|over|behind|ahead of)\s+(?:the\s+)?$", re.I)
_ATTACHED_AFTER = re.compile(r"^\s+(?:for|of|at|by)\s+(?:the\s+)?$", re.I)
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,24}\)")


def choose_figure_subject(story: Story, d: Draft, trace: list | None) -> None:
    """Set the draft's candidates, chosen subject and route; `trace` collects (figure span, candidates, chosen)."""
    text, res, ents, fig, sent = story.text, story.res, story.ents, d.fig, d.sent
    starts = ents.mention_starts
    lo_m, hi_m = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
    cands = candidate_rows(text, fig, sent.start, sent.end, list(ents.mentions[lo_m:hi_m]),
                           story.parses.at(fig.start) if story.parses is not None else None, res, ents.learned,
                           story.topic, ents.main, story.discourse, story.article.title, story.figure_starts,
                           list(ents.mentions[max(0, lo_m - 12):lo_m]), choose_subject(text, fig, d.view, ents, res))
    spans = story.spans
    listed = [spans[s] for s in story.by_sentence.get(sent.start, ())]  # "Sify and Infosys lost 3.4% and 2%, respectively"
    cands = money_places(text, cands, listed, spans[fig.start], res)  # "2.43 US dollars": the money's unit, no owner
    best, best_score = choose(cands, story.head)
    # each step below may hand the figure to another candidate; `_took` notes which one did (d.subject_step)
    best = _took(d, "mover", best, mover_owner(text, fig.start, cands, best, sent.start, res))  # "... and Yonghui declines 2.15%"
    best = _took(d, "opener", best, opener_owner(text, fig, sent.start, cands, best, res))  # "National Tech had sales of 23 mln dlrs"
    best = _took(d, "market_city", best, market_index(text, fig, sent.start, cands, best, res))  # "Frankfurt +0.1%"
    best = _took(d, "tariff", best, tariff_owner(text, fig, sent.start, cands, best, res))  # "Trump imposes 25% tariffs": the US's
    best = _took(d, "respectively", best, trailing_owner(text, spans[fig.start], listed, cands, respectively_owner(
        text, spans[fig.start], listed, cands, best, sent.start, sent.end)))
    best = _took(d, "place_aside", best, place_owner(text, fig, cands, best, story.head))  # "... in Singapore after advancing $1.46"
    best = _took(d, "place_modifier", best, modifier_place(text, cands, best, story.head, res))  # "the U.K. arm of ..."
    best = _took(d, "seller", best, seller_owner(text, fig, cands, best))  # "Buy WH-1000XM4 at Best Buy - $278": the seller's
    best = _took(d, "group", best, group_owner(text, fig, sent.start, best, res))  # "AI startups raised $110 billion"
    best = _took(d, "name_extension", best, extended_owner(cands, best, res))  # "the number of Teslas ... surged 25%"
    best = _took(d, "held", best, held_owner(text, fig, sent.start, cands, best, res))  # "acquire 60 percent of Dish TV": the held
    best = _took(d, "quote_row", best, row_owner(text, fig, cands, best, res, ents.learned))  # "Tango Therapeutics  TNGX  2.41"
    best = _took(d, "covered", best, covered_owner(text, sent.start, sent.end, list(ents.mentions[lo_m:hi_m]), cands, best,
                                                   res, story.head))  # "Aperam : Barclays cuts target price to EUR 27"
    described = list(ents.mentions[bisect.bisect_left(starts, sent.start - 1500):lo_m])
    best = _took(d, "described", best, described_owner(text, sent.start, fig.start, described, list(
        ents.mentions[lo_m:hi_m]), cands, best, res))  # "The Italian bank said"
    if (best is None or best.start < sent.start) and text.rfind("\n", 0, sent.start) > len(story.headline):
        opener = paragraph_subject(text, fig.start, list(ents.mentions[max(0, lo_m - 40):hi_m]), res,
                                   ents.learned, story.discourse)
        best = _took(d, "roundup_item", best, item_owner(best, cands, opener, sent.start, fig.start, story.topic,
                                                         story.article.source, text, res))
        if best is not None:
            story.headings = find_headings(text) if story.headings is None else story.headings
            best = _took(d, "heading", best, heading_owner(best, cands, text, fig.start, sent.start, res, ents.learned,
                                                           story.headings, story.topic, story.headline))  # "### GoPro"
    best = _took(d, "insider", best, insider_owner(text, fig, cands, best, story.topic, ents.main, res))  # "owns 102,301 shares"
    d.cands, d.best, d.best_score = cands, best, best_score
    d.subject = best.mention() if best is not None else None
    d.how = route(best)
    if trace is not None:
        trace.append((story.clean.original_span(fig.start, fig.end), cands, best))
    if d.subject is not None:
        story.discourse.last, story.discourse.last_paragraph = d.subject, story.discourse.paragraph(text, fig.start)


def finish_subject(story: Story, d: Draft) -> None:
    """The subject once the metric is known ("the Fed ... consumer prices rose 3%": the country's)."""
    d.subject = _took(d, "finished", d.subject, finished_subject(d.subject, d.metric, d.cands, story.topic, story.text,
                                                                 story.res, story.headline))
    d.subject = _took(d, "economy", d.subject, economy_owner(d.subject, d.metric, d.cands, story.topic, d.sent.start,
                                                             story.headline, story.res, story.text))  # "producer prices rose 0.3%"
    d.subject = _took(d, "fiscal", d.subject, fiscal_owner(
        d.subject, story.text, d.sent.start, d.sent.end, d.fig.start, d.fig.end, story.ents.mentions, story.headline,
        story.res, "" if d.fig.currency_assumed else d.fig.unit))  # "Debt held by the public ... $28.9T"
    d.subject = _took(d, "statistics", d.subject, statistics_owner(d.subject, d.cands, story.topic, story.res))
    d.subject = _took(d, "officer", d.subject, officer_owner(d.subject, story.text, d.fig, story.topic, story.ents.main,
                                                             story.res))  # "Lesley Gibson, CFO, reported a 3.6% increase"
    d.entity = d.subject.entity if d.subject else ""
    d.entity_id = d.subject.entity_id if d.subject else ""


@lru_cache(maxsize=4)
def _providers(res: Resources) -> frozenset[str]:
    return frozenset(res.subject_words.get("consensus_providers", ()))


def provider_estimate_subject(story: Story, d: Draft) -> None:
    """"analysts polled by FactSet expected $0.14", "EBITDA USD 49.6 million vs. IBES estimate": the provider
    compiles estimates of another company's figures, which take the best other candidate."""
    res, text, sent = story.res, story.text, d.sent
    providers = _providers(res)
    if d.entity not in providers or not (d.modality == "estimate" or any(
            name == "estimate" for _, _, name in modality_cues(text, sent.start, sent.end, res))):
        return
    best, d.best_score = choose([c for c in d.cands if c.mention().entity not in providers], story.head)
    d.best = best
    d.subject = best.mention() if best is not None else story.ents.main
    d.entity, d.entity_id = (d.subject.entity, d.subject.entity_id) if d.subject else ("", "")
    d.how = route(best) if best is not None else ("main" if d.subject else "")
    d.subject_step = "provider"


def _took(d: Draft, step: str, was, new):
    """`new`, noting on the draft that `step` set the subject when it names another entity than `was`."""
    if getattr(new, "entity", None) != getattr(was, "entity", None):
        d.subject_step = step
    return new


@lru_cache(maxsize=4)
def _attached_before(res: Resources) -> re.Pattern:
    return re.compile(r"(?:'s|\s+at|\s+was|\s+were|\s+(?:being|is|are)?\s*(?:up|down)(?:\s+\w+)?|,|\s+had|\s+has)\s*"
                      r"(?:" + listed(res.number_words["attached_hedges"]) + r")?\s*$")


def choose_subject(text: str, fig: Figure, view: SentenceView, ents: ArticleEntities,
                   res: Resources) -> tuple[Mention | None, str]:
    """The figure's subject mention and how it was found (possessive, attached, clause, sentence, main)."""
    cs, ce = view.clause_of(fig.start)
    starts = ents.mention_starts
    lo, hi = bisect.bisect_left(starts, view.start), bisect.bisect_left(starts, view.end)
    in_sentence = list(ents.mentions[lo:hi])  # mentions are sorted by start: no scan of the whole article
    before = [m for m in in_sentence if m.end <= fig.start]
    # 1. possessive or attached just before the figure ("Baidu's 7.7%", "Doubao at 24%", "BIDU being up 61%")
    if before:
        last = before[-1]
        gap = text[last.end:fig.start]
        bare = _PARENTHETICAL.sub("", gap)  # "Meituan (3690.HK) being down 30%": a ticker aside is no break
        if len(bare) <= 30 and (last.possessive or _attached_before(res).search(bare)) and "\n" not in gap:
            if last.start >= cs or last.possessive or not re.search(r"[,;:]", bare):
                return last, "attached"
    # 2. attached after ("20-30x for U.S. mega-cap tech")
    after = [m for m in in_sentence if m.start >= fig.end]
    if after and _ATTACHED_AFTER.match(text[fig.end:after[0].start]) and after[0].start < ce + 40:
        return after[0], "attached"
    # 3. the clause's subject: its first mention, unless that mention is a prepositional object
    clause_before = [m for m in before if m.start >= cs]
    for m in clause_before:
        if not _SUBJECT_PENALTY.search(text[max(cs, m.start - 20):m.start]):
            return m, "clause"
    # 4. the sentence's subject before the clause, then any clause mention, then the article's main company.
    # (A capitalised name written just before "at", "was" or "had" once came next, as its own route: it was
    # right for none of 4 train+dev claims and none of 12 claims in session 8's conflict audit ("Settle at",
    # "Q4 EPS was"); the subject head's name chunks cover "Kimi at 18%".)
    for m in before:
        if not _SUBJECT_PENALTY.search(text[max(view.start, m.start - 20):m.start]):
            return m, "sentence"
    if clause_before:
        return clause_before[0], "clause"
    in_clause_after = [m for m in after if m.start < ce]
    if in_clause_after and in_clause_after[0].possessive:
        return in_clause_after[0], "clause"
    return ents.main, "main"


def route(best) -> str:
    """How the chosen candidate stands to its figure: its relation in the sentence, or previous/topic/main."""
    if best is None:
        return ""
    f = dict(zip(FEATURES, best.features))
    for r in RELATIONS:
        if f.get(f"rel_{r}"):
            return {"poss": "attached", "compound": "attached", "subject": "clause", "object": "attached",
                    "appos": "attached"}.get(r, "sentence")
    for why in ("previous", "topic", "main"):
        if f.get(why):
            return why
    return "sentence"
