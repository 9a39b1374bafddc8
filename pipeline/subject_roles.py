"""Names a sentence holds that are no owner of its figures, by the role word order gives them.

Two families of the subject step's candidates (`subject_candidates.candidate_rows`) are dropped here before the
ranker sees them (guide section 3):

- **Market words around a commodity** (`commodity_parts`): the exchange, market town or ticker that
  says where a commodity trades is not the commodity ("LME zinc", "Chicago corn", "(CL1:COM)",
  "coke on the DCE"), and a generic commodity word after a named benchmark is part of it ("West Texas
  Intermediate crude oil" is WTI, not crude oil).
- **A currency's word as a unit**: "560 billion yuan", "6.67 billion rand" name the money a figure is in,
  not the currency whose rate it is (`commodity_parts` drops them with the market words).
- **A country as an amount's currency** (`money_places`): "3.58 billion U.S. Dlrs", "37-1/2 U.S. cents",
  "2.43 US dollars" say which money, not whose figure.
- **A broker's analyst or call** (`research_employers`): "Salomon analyst David Sutliff said", "an analyst at
  Siam Commercial Bank", "E&P has a neutral rating and A$34.80 target price on the stock": the employer
  reports or rates, and owns none of the sentence's figures.
- **Speakers** (`speaker_spans`): an analyst, economist, official or institute that says, writes or
  forecasts a figure ("..., Yeutter said", "Annabel Bishop, the bank's chief economist, said",
  "The KDI said it now forecasts ...") is never the figure's subject (rule 2).

- **A name that is a quote** (`quoted_kind`): a subject filed as a company whose own name is a commodity's, a
  token's or a currency's ("gold" from "Comex Gold Settles 1.64% Higher") quotes that thing.

The words are data: `models/lexicons/subjects.yaml` (`speech_verbs`, `speaker_roles`, `common_subjects`,
`commodity_markets`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .resources import Resources
from .word_patterns import listed, longest_first

RULE = "subject_roles.v2"

# a ticker written exchange:symbol ("NYMEX:ACT1!", "EURONEXT:IACWI", "CL1:COM", "GC=F"): its parts name no owner
_TICKER = re.compile(r"[A-Z][A-Z0-9.=!]*:[A-Z0-9][A-Z0-9.=!]*|\b[A-Z0-9]{1,5}=F\b")
_AMOUNT_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:[a-z]{2,12}\s+)?$")  # "90 ", "6.67 billion ", "1.2 mln "
_OWNER_KINDS = frozenset({"company", "unit", "index", "crypto"})  # a company before a commodity owns it ("Exxon oil")


def commodity_parts(text: str, raw: list[tuple[Mention, str]], common: tuple, exchanges: frozenset[str]
                    ) -> tuple[list[tuple[Mention, str]], tuple]:
    """The candidates and common subjects less the market words of the sentence's commodities.

    `raw` holds (mention, kind) pairs, `common` the sentence's (start, end, name, kind) common subjects.
    """
    # a currency word after an amount is the money's unit, not its owner: "560 billion yuan ($83 billion)"
    common = tuple(c for c in common if not (c[3] == "currency" and _AMOUNT_BEFORE.search(text, max(0, c[0] - 30), c[0])))
    commodities = [c for c in common if c[3] == "commodity"]
    # a generic commodity word right after another commodity names the same one: "WTI crude oil futures"
    inner = {c for c in commodities if any(o is not c and o[1] <= c[0] and not text[o[1]:c[0]].strip()
                                             and o[3] == "commodity" for o in commodities)}
    common = tuple(c for c in common if c not in inner)
    commodities = [c for c in commodities if c not in inner]
    spans = {(c[0], c[1]) for c in common}
    tickers = [(m.start(), m.end()) for m in _TICKER.finditer(text, min((m.start for m, _ in raw), default=0),
                                                               max((m.end for m, _ in raw), default=0))]
    keep = []
    for m, kind in raw:
        if m.source == "common":
            keep.append((m, kind))
            continue
        if m.source == "name" and any(m.start <= c[0] and c[1] == m.end for c in commodities) \
                or (m.start, m.end) in spans and m.source == "name":
            continue  # the common subject reads the chunk: "(US) West Texas Intermediate" is WTI crude
        if any(a <= m.start and m.end <= b for a, b in tickers):
            continue
        if commodities and (m.text in exchanges or m.entity in exchanges):
            continue  # "on the Chicago Board of Trade", "LME zinc": the market, not the commodity
        if commodities and kind not in _OWNER_KINDS:
            if any(c[0] >= m.end and not text[m.end:c[0]].strip() for c in commodities):
                continue  # "Chicago corn", "London cocoa": where it trades
        keep.append((m, kind))
    return keep, common


def subject_word_list(res: Resources, key: str) -> list[str]:
    """subjects.yaml's list `key`."""
    return [str(v) for v in res.subject_words.get(key) or ()]


@lru_cache(maxsize=4)
def _speech_rx(res: Resources) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    verbs, roles = subject_word_list(res, "speech_verbs"), subject_word_list(res, "speaker_roles")
    if not verbs:
        return None
    alt = longest_first(verbs)
    # "X said", "X, the bank's chief economist, said", "X (Reuters) said", "X also said"
    after = re.compile(r"(?:\s*,[^,.;:\n]{1,90},|\s*\([^()\n]{1,40}\))?\s+(?:also\s+|now\s+|further\s+)?(?:" + alt
                       + r")\b", re.I)
    # "said X", "according to X" ("..., said Lai", "..., according to Annabel Bishop")
    before = re.compile(r"(?:\b(?:" + alt + r")|\baccording\s+to)\s+(?:the\s+)?$", re.I)
    ralt = longest_first(roles) if roles else "(?!)"
    # "economist Annabel Bishop", "analyst David Sutliff", "Salomon analyst", "X, an analyst at"
    role = re.compile(r"\b(?:" + ralt + r")s?\s+$|^\s*,\s+(?:[\w'’-]+\s+){0,5}?(?:"
                      + ralt + r")s?\b", re.I)
    return after, before, role


@lru_cache(maxsize=4)
def _employer_rx(res: Resources) -> tuple[re.Pattern, re.Pattern] | None:
    roles, calls = subject_word_list(res, "research_roles"), subject_word_list(res, "broker_calls")
    if not roles:
        return None
    ralt = longest_first(roles)
    calt = longest_first(calls) or "(?!)"
    # after the name: "Salomon analyst", "Standard Chartered strategists", a call kept ("E&P has a neutral rating",
    # "Citi initiates coverage") or changed ("Barclays raises target price to 940p", "UBS cut its price target"; a bare
    # "target" changed is as often a company's own: "Acme raised its margin target")
    keep, change = listed(subject_word_list(res, "rating_keep_verbs")), listed(subject_word_list(res, "rating_change_verbs"))
    changed = longest_first([c for c in calls if c.lower() not in ("target", "call", "coverage")]) or "(?!)"
    after = re.compile(r"(?:['’]s)?\s+(?:(?:" + ralt + r")\b|(?:also\s+)?(?:(?:" + keep + r")\s+(?:(?:a|an|its|the|their)\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:" + calt + r")|(?:" + change + r")\s+(?:(?:a|an|its|the|their)\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:" + changed + r"))\b)", re.I)
    before = re.compile(r"\b(?:" + ralt + r")\s+(?:at|with|from)\s+(?:the\s+)?$", re.I)  # "an analyst at Siam Commercial"
    return after, before


def research_employers(text: str, raw: list[tuple[Mention, str]], sent_start: int, sent_end: int,
                       res: Resources) -> set[tuple[int, int]]:
    """The spans of the sentence's candidates that speak through an analyst or rate a stock: "Salomon analyst
    David Sutliff said he sees 1988 earnings of 3.35 dlrs", "a market analyst at Siam Commercial Bank said",
    "E&P has a neutral rating and A$34.80 target price on the stock" (guide 3.2: a broker is never the owner
    of the figures it reports)."""
    rx = _employer_rx(res)
    if rx is None:
        return set()
    after, before = rx
    return {(m.start, m.end) for m, kind in raw
            if kind not in ("country", "person", "commodity", "currency") and m.source not in ("common", "demonym")
            and sent_start <= m.start and m.end <= sent_end
            and (after.match(text, m.end) or before.search(text, max(sent_start, m.start - 40), m.start))}


def speaker_spans(text: str, raw: list[tuple[Mention, str]], sent_start: int, sent_end: int, res: Resources,
                  is_reporter) -> set[tuple[int, int]]:
    """The spans of the sentence's candidates that speak of its figures rather than own them.

    A candidate speaks when a speech verb follows it (after an aside: "Annabel Bishop, the bank's
    chief economist, said") or when "said" or "according to" comes just before it. It is dropped
    when it is a reporter (`reporters`), a person, a name the article also writes after a first name
    ("Jim Billington" ... "Billington said"), a name a role word stands beside ("analyst Lai"), or an
    acronym of an institute ("The KDI said"); a company no list knows that says its own figures
    ("Acme Corp said sales rose 5%") keeps its place.
    """
    rx = _speech_rx(res)
    if rx is None:
        return set()
    after, before, role = rx
    out = set()
    for m, kind in raw:
        if m.source in ("common", "demonym", "segment") or m.start < sent_start or m.end > sent_end:
            continue
        tail = text[m.end:min(sent_end, m.end + 140)]
        head = text[max(sent_start, m.start - 40):m.start]
        if not (after.match(tail) or before.search(head)):
            continue
        name = m.text.strip()
        personal = (kind == "person" or is_reporter(m.entity) or is_reporter(name)
                    or bool(role.search(head)) or bool(role.match(tail))
                    or bool(re.fullmatch(r"[A-Z]{2,5}", name) and m.source == "name")
                    or (m.source == "name" and " " not in name
                        and re.search(r"\b[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s+)?" + re.escape(name) + r"\b", text[:m.start])))
        if personal and kind not in ("country",):
            out.add((m.start, m.end))
    return out


@lru_cache(maxsize=4)
def _mover_rx(res: Resources) -> re.Pattern | None:
    verbs = [str(v) for v in res.subject_words.get("mover_verbs") or ()]
    if not verbs:
        return None
    alt = longest_first(verbs)
    # "Yonghui Superstores declines 2.15%", "Fedex, down 25 percent", "Northern Star Resources is up 0.7%",
    # "Hutchison (0013.HK) gained as much as 3%"
    # after a comma only "up" or "down" ("Fedex, down 25 percent"): ", the new entity ..., declined" is an aside
    # "the Nasdaq Composite <.IXIC> dropped 3.99 points, or 0.05%": the index's points, then its percent (the
    # name may be read from the ticker, before the bracket's end)
    return re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*|<[^<>\n]{1,12}>\s*|>\s*)?(?:,\s*(?:up|down)|\s(?:(?:shares|stock)\s+)?(?:(?:is|"
                      r"was|were|are|has|have|had|being)\s+)?(?:(?:also|further|now|then)\s+)?(?:" + alt + r"))\s+(?:(?:"
                      + listed(subject_word_list(res, "mover_hedges"), space=r"\s+") + r")\s+)*"
                      r"(?:[\d,]+(?:\.\d+)?\s+points?,?\s+or\s+)?", re.I)


# a name after a preposition is no mover: "on the New York Coffee, Sugar and Cocoa Exchange, down 0.76 cents"
# nor a part after its owner's possessive: "Berkshire's Class A shares are up 5.7%"
@lru_cache(maxsize=4)
def _object_before(res: Resources) -> re.Pattern:
    return re.compile(r"(?:\b(?:" + "|".join(map(re.escape, subject_word_list(res, "mover_object_words")))
                      + r")\s+(?:the\s+)?|['’]s\s+)$", re.I)


def _tickers_near(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TICKER.finditer(text, max(0, start - 20), end + 20)]


_MOVER_KINDS = frozenset({"company", "unit", "index", "name", "crypto", "commodity", "currency", "bond"})


def mover_owner(text: str, fig_start: int, cands: list, best, sent_start: int, res: Resources):
    """The candidate a move figure directly follows in a list of movers ("X is down 0.8% and Yonghui
    Superstores declines 2.15%", "Boston Scientific ... and Fedex, down 25 percent"): its own name, the
    verb of the move and the figure, nothing between (guide 3.3: each item's figure is the item's).
    Else `best`."""
    rx = _mover_rx(res)
    if rx is None or best is None:
        return best
    near = [c for c in cands if sent_start <= c.start and c.end <= fig_start and fig_start - c.end <= 60
            and c.kind in _MOVER_KINDS and c.source not in ("reference", "title")]
    if not near:
        return best
    c = max(near, key=lambda c: c.end)
    named = [d for d in near if d.end <= c.start and text[d.end:c.start].strip() in ("<", "<.")]
    if named:  # "the Dow Jones Industrial Average <.DJI> rose": the name, not what its wire code reads as
        c = max(named, key=lambda d: d.end)
    if c is best or not rx.fullmatch(text, c.end, fig_start) or _object_before(res).search(text, max(sent_start, c.start - 20), c.start) \
            or any(a <= c.start and c.end <= b for a, b in _tickers_near(text, c.start, c.end)) \
            or c.entity in res.exchanges or c.entity.split()[-1] in ("Exchange", "Exchanges"):
        return best
    return c


@lru_cache(maxsize=4)
def _money_words(res: Resources) -> frozenset[str]:
    """The last words of the currencies' names and their subunits, lower case ("dollars", "dlrs", "cents")."""
    out = set()
    for cur in res.currencies.values():
        out.update(n.split()[-1].lower() for n in cur.names if n.split())
        out.update(str(k).lower() for k in cur.subunits if len(str(k)) > 2)
    return frozenset(out)


def money_places(text: str, cands: list, figures: list[tuple[int, int]], own: tuple[int, int], res: Resources) -> list:
    """The candidates less a country written as the currency of an amount: inside another figure of the sentence,
    or after an amount and before (or ending in) a money word ("2.43 US dollars", "3.58 billion U.S. Dlrs",
    "37-1/2 U.S. cents"). Such a name says which money, not whose figure."""
    words = _money_words(res)

    def money(c) -> bool:
        if c.start < 0 or c.kind not in ("country", "name"):
            return False
        if any(s <= c.start and c.end <= e for s, e in figures if (s, e) != own):
            return True
        after = re.match(r"\s*([A-Za-z]+)", text[c.end:c.end + 20])
        last = c.entity.split()[-1].lower() if c.kind == "name" and c.entity.split() else ""
        return bool(_AMOUNT_BEFORE.search(text, max(0, c.start - 30), c.start)) and (
            last in words or (after is not None and after.group(1).lower() in words))

    drop = [c for c in cands if money(c)]
    return [c for c in cands if c not in drop] if drop and len(drop) < len(cands) else cands


# the metrics of a country's economy are subjects.yaml `macro_metrics` (guide 3: "the country or area for macro
# figures"; the central bank owns only its own policy rate)
_MACRO_SPEAKERS = frozenset({"regulator", "name", "person"})  # a body, institute or person that reports them


@lru_cache(maxsize=4)
def _countries(res: Resources) -> dict[str, object]:
    return {e.entity_id: e for e in res.alias_index.values() if e.kind == "country"}


def macro_owner(subject: Mention | None, metric: str, cands: list, topic: Mention | None, res: Resources) -> Mention | None:
    """The country of a macro figure whose subject was read as the body, institute or person reporting it
    ("the Fed ... consumer prices rose 3%", "The National Statistics Institute said ... inflation",
    "The KDI said ... South Korea's growth"; a company-like name of `body_words`: "the National Statistics
    Institute"): a central bank's or statistics office's own country (the
    gazetteer's `country`), else the one country the sentence names, else the story's country. Else
    `subject`."""
    if subject is None or metric not in subject_word_list(res, "macro_metrics"):
        return subject
    body = set(res.subject_words.get("body_words") or ())
    if subject.kind not in _MACRO_SPEAKERS and not (subject.kind in ("company", "unit") and body & set(subject.entity.split())):
        return subject
    countries = _countries(res)
    entry = res.alias_index.get(subject.entity) if subject.kind == "regulator" else None
    country = countries.get(getattr(entry, "country", "") or "")
    if country is None:
        named = {c.entity_id: c for c in cands if c.kind == "country" and c.start >= 0}
        if len(named) == 1:
            c = next(iter(named.values()))
            return Mention(c.entity, c.start, c.end, c.entity, c.entity_id, "country", source=c.source)
        if topic is not None and topic.kind == "country":
            return topic
        return subject
    return Mention(subject.text, subject.start, subject.end, country.name, country.entity_id, "country",
                   source=subject.source)


# "Japan's Nikkei", "Chile's peso", "Canada's S&P/TSX Composite", "Japan's SoftBank Group": the country
# says where the named index, currency or company is, and the figure is that name's (guide 3.7). A
# commodity stays the country's ("Brazil's soybean harvest").
_PLACE_POSSESSIVE = re.compile(r"['’]s?\s+(?:benchmark\s+|main\s+|blue-chip\s+|broader\s+)?")
NAMED_KINDS = frozenset({"index", "company", "unit", "currency"})


def without_place_modifiers(text: str, raw: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """The candidates less a country written as the possessive of a named index, currency or company."""
    drop = set()
    for m, kind in raw:
        if kind != "country":
            continue
        gap = _PLACE_POSSESSIVE.match(text, m.end)
        if gap is None:
            continue
        if any(n.start == gap.end() and k in NAMED_KINDS and n.entity != m.entity for n, k in raw):
            drop.add((m.start, m.end))
    return [(m, k) for m, k in raw if (m.start, m.end) not in drop] if drop else raw


# The kind of quote a subject's own name makes it (rule `claims.quoted_kind.v1`).
#
# A subject found as a name chunk, an article alias or the headline's topic is filed as a company, though its
# name is a commodity's, a token's or a currency's: "gold" taken from "Comex Gold Settles 1.64% Higher", "Front
# Month Nymex Natural Gas" from its headline, "Dogecoin" from "Dogecoin (DOGE) Drifts Sideways", "West Texas
# Intermediate" as a capitalised chunk. Its figures are that thing's price and moves (metrics.yaml
# `by_subject_kind`), as when the sentence names it in lower case. The name is read whole, or after market,
# grade and exchange words in front of it (subjects.yaml `commodity_markets`, the gazetteer's exchanges), never
# after other words: "Senco Gold" stays a company.
QUOTED_KIND_RULE = "claims.quoted_kind.v1"
_QUOTED_KINDS = ("commodity", "crypto", "currency")  # the common subjects whose own name makes a quote of them
_FILED_AS = ("company", "name", "title")  # the kinds a route files such a name under


@lru_cache(maxsize=4)
def _quoted_names(res: Resources) -> tuple[dict, frozenset]:
    """The common subjects' names of a quoted kind (lower case -> kind), and the words a market writes before them."""
    data = res.subject_words
    common = {str(k).lower(): str(v[1]) for k, v in (data.get("common_subjects") or {}).items()
              if str(v[1]) in _QUOTED_KINDS}
    front = frozenset(str(w).lower() for w in (*(data.get("commodity_markets") or ()), *res.exchanges))
    return common, front


def quoted_kind(candidate, res: Resources) -> str:
    """The kind `candidate` (a subjects.Candidate or None) is a subject of: commodity, crypto or currency when its
    name is one, else its own kind ("" for none)."""
    if candidate is None:
        return ""
    if candidate.kind not in _FILED_AS:
        return candidate.kind
    common, front = _quoted_names(res)
    words = re.sub(r"[^\w.&'-]+", " ", candidate.entity.lower()).split()
    for i in range(len(words)):
        if " ".join(words[i:]) in common:
            return common[" ".join(words[i:])]
        if words[i] not in front:  # "Senco Gold": a company's own word before the commodity's
            break
    return candidate.kind
