"""Entities: companies, units, indices, groups and regulators mentioned in an article.

Rules first, as they are fast and right on tickers: the gazetteer under
models/gazetteer, aliases the article itself defines ("Alibaba Group Holding
Ltd. (NYSE: BABA; HKG: 9988)", "Standard Oil Co <SRD>", "Federal Industries
Ltd"), segments ("the company's cloud division") and references to the main
company ("the company", "the e-commerce giant"). spaCy's NER only adds ORG
names the rules did not know, and only on sentences that carry a figure.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .defined_terms import defines_a_term
from .identity import slug
from .lowered import finditer_lowered, lowered_for_ascii_pattern
from .records import CleanText, Mention
from .resources import Entry, Resources
from .word_patterns import caseless_alternation, trie_alternation

RULE = "entities.v1"
_TOKEN = re.compile(r"[A-Za-z0-9][\w&.'-]*")
_CAPITALIZED = r"(?:[A-Z]|\d(?=[A-Za-z]))[\w&.'-]*"  # a capitalized word, or one led by a digit ("3M")
# A capitalized chunk: capitalized words, joined by spaces, "&", "of", "de", "and"; none starts inside a
# decimal number ("$13.3M" is no mention of 3M: 93 such readings in the dumps, all money).
_CHUNK = re.compile(rf"(?<![\w$])(?<!\d[.,]){_CAPITALIZED}(?:(?: (?:&|of|de|du|der|la|van|von|and|for) | |-){_CAPITALIZED})*")
_LISTED_TICKER = r"(?:[A-Za-z]{2,8}\s*:\s*)?[A-Z0-9][A-Z0-9.]{0,9}"  # "NYSE: BABA", "HKG: 9988", "BABA"
_PAREN_TICKERS = re.compile(rf"\((?P<inner>{_LISTED_TICKER}(?:\s*[;,/]\s*{_LISTED_TICKER}){{0,3}})\)")
_NUMBER_IN_BRACKETS = re.compile(r"\d{1,3}|\d{7,}|\d+\.\d+|[\d.]+\.")
_TICKER_IN_ANGLES = r"<(?P<tick>[A-Z0-9][A-Z0-9.]{0,7})>"  # Reuters' "Standard Oil Co <SRD>"
_ANGLE_TICKER = re.compile(_TICKER_IN_ANGLES)
# an unknown company name looks like two capitalised words, or one with a possessive
NAME_LIKE = re.compile(r"(?<=[\s(,])[A-Z][\w&.-]+(?:'s\b| (?:&|of|and) [A-Z][\w&.-]+| [A-Z][\w&.-]+)")
_POSSESSIVE = re.compile(r"^'s?\b|^s'")
_BRACKETED_NAME = re.compile(r"<(?P<name>[A-Z][A-Za-z0-9&.,' -]{2,60}?)>")
_CAPS_TITLE_NAME = re.compile(rf"^(?P<name>[A-Z][A-Z0-9&.,'/ -]{{1,60}}?)\s*{_TICKER_IN_ANGLES}")


@dataclass(frozen=True)
class ArticleEntities:
    mentions: tuple[Mention, ...]
    main: Mention | None
    fy_end_month: int = 12
    learned: dict = field(default_factory=dict)  # surface form -> Entry

    @property
    def mention_starts(self) -> list[int]:
        """Start offsets of the mentions, in order (for bisecting a sentence's mentions)."""
        cached = self.__dict__.get("_starts")
        if cached is None or len(cached) != len(self.mentions):
            cached = [m.start for m in self.mentions]
            object.__setattr__(self, "_starts", cached)
        return cached

    def before(self, pos: int, floor: int = 0) -> list[Mention]:
        return [m for m in self.mentions if floor <= m.start < pos]


_AMOUNT_AFTER = re.compile(r"\s?[-+]?\d")
_AMOUNT_BEFORE = re.compile(r"\d(?:\s?(?:[mbk]n?|million|billion|thousand|mln|bln))?\s?$", re.I)


class _Rules:
    def __init__(self, res: Resources):
        rules = res.entity_rules
        self.suffixes = frozenset(rules["company_suffixes"])
        self.generic = frozenset(rules["generic_suffixes"])
        self.glued = glued_suffix_rx(tuple(rules["glued_suffixes"]))
        self.stop_tickers = frozenset(rules["ticker_stopwords"])
        self.not_entities = frozenset(rules["not_entities"])
        self.measure_heads = frozenset(w.lower() for w in rules["measure_heads"])
        self.title_breaks = frozenset(rules["title_breaks"])
        self.link_prefix = link_prefix_rx(tuple(rules["name_links"]))
        # ISO codes that are also tickers (NOK Nokia, COP ConocoPhillips, CLP CLP Holdings)
        self.currency_codes = frozenset(c for c in res.currencies if len(c) == 3 and c.isalpha() and c.isupper())
        self.references = re.compile(r"\b(?:" + "|".join(rules["references"]) + r")\b(?!\s+(?:of|that|which)\b)", re.I)
        specials = [a for a in res.alias_index if _needs_special(a)]
        self.special = re.compile(r"(?<![\w])(?:" + trie_alternation(specials) + r")(?![\w])") if specials else None
        segs = sorted(res.segments, key=len, reverse=True)
        nouns = "|".join(sorted(res.unit_nouns, key=len, reverse=True))
        self.segment = re.compile(r"\b(?P<seg>" + caseless_alternation(segs) + r")\s+(?P<noun>" + nouns + r")\b", re.I)
        self.owner = re.compile(r"(?:\b(?P<owner>its|their|the company's|the group's)|(?P<named>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}'s))\s+$")
        # (owner, segment) -> the gazetteer's unit for it: "Alibaba" + "cloud" -> Alibaba Cloud
        self.units_by_owner: dict[tuple[str, str], Entry] = {}
        for e in res.entries:
            if e.kind == "unit" and e.segment:
                self.units_by_owner.setdefault((e.parent, e.segment), e)
        self.segment_head = re.compile(r"(?:^|(?<=[:.] ))(?P<seg>" + "|".join(re.escape(s.capitalize()) for s in segs) + r")\b(?! [A-Z])")


@lru_cache(maxsize=8)
def link_prefix_rx(links: tuple[str, ...]) -> re.Pattern:
    """The words before a name that say where it is or who holds it, up to the hyphened link word and the space
    after it: "New York City-based ", "KKR-backed ", "State-owned ", "Dubai-listed " (entities.yaml `name_links`)."""
    return re.compile(r"^(?:[Tt]he\s+)?(?:[\w&.'’]+\s+){0,3}?[\w&.'’]+-(?:" + "|".join(map(re.escape, links))
                      + r")(?:\s+|$)")


def without_link_prefix(name: str, rules) -> str:
    """`name` without a leading "New York-based", "Microsoft-backed", "State-owned": the name after it ("" when none)."""
    m = rules.link_prefix.match(name)
    return name[m.end():] if m else name


def _needs_special(alias: str) -> bool:
    """Aliases the capitalized-chunk scan cannot see ("U.S. mega-cap tech", "eBay")."""
    tokens = alias.split()
    if not tokens or len(alias) < 3:
        return False
    # a slash the chunk scan splits at: "S&P/ASX 200", "S&P/TSX Composite" (else "S&P" alone is read, as S&P 500)
    return any(t[:1].islower() and t not in ("of", "and", "de", "du", "for", "&") for t in tokens) \
        or not alias[:1].isalnum() or "/" in alias


@lru_cache(maxsize=4)
def entity_rules(res: Resources) -> _Rules:
    return _Rules(res)


@lru_cache(maxsize=65536)  # the chunk scan asks for every run of up to seven words of every capitalised chunk
def _strip_suffix(name: str, rules: _Rules) -> tuple[str, bool]:
    words = name.split()
    is_company = False
    while len(words) > 1 and (words[-1] in rules.suffixes or words[-1].rstrip(",") in rules.suffixes):
        words.pop()
        is_company = True
    if words and rules.glued.search(words[-1]):  # "Idemitsu KosanLtd (TSE:5019)"
        words[-1] = rules.glued.sub("", words[-1])
        is_company = True
    return " ".join(words).rstrip(","), is_company


@lru_cache(maxsize=8)
def glued_suffix_rx(glued: tuple[str, ...]) -> re.Pattern:
    """entities.yaml `glued_suffixes` glued to a name's last word after a lower-case letter ("KosanLtd")."""
    return re.compile(r"(?<=[a-z])(?:" + "|".join(map(re.escape, glued)) + r")\.?$")


def wire_case(name: str) -> str:
    """An upper-case wire name in the body's case: short words stay upper ("USX", "IBM"), longer ones titled, a
    joining word inside the name lower ("BANK OF JAPAN" -> "Bank of Japan": "Bank Of Japan" is in no list and
    no body)."""
    words = name.split()
    return " ".join(w.lower() if 0 < i < len(words) - 1 and w in _JOINERS
                    else w if len(w) <= 3 and w not in _JOINERS else w.title() for i, w in enumerate(words))


_JOINERS = frozenset({"AND", "THE", "OF", "FOR", "DE"})


def _lookup(surface: str, res: Resources, learned: dict, ticker_context: bool, rules: _Rules) -> Entry | None:
    if surface in learned:
        return learned[surface]
    entry = res.alias_index.get(surface)
    if entry is None:
        stripped, _ = _strip_suffix(surface, rules)
        entry = learned.get(stripped) or res.alias_index.get(stripped)
    if entry is None:
        return None
    if surface in res.tickers and not ticker_context:
        if len(surface) <= 2 or surface in rules.stop_tickers or (surface.isdigit() and len(surface) < 4):
            return None
    return entry


_POSSESSIVE_END = re.compile(r"'s?$")


def learn_aliases(text: str, res: Resources) -> dict:
    """Aliases the article defines for itself: names with their tickers, and 'X Inc'-style names."""
    rules = entity_rules(res)
    learned: dict[str, Entry] = {}

    def name_before(pos: int) -> str:
        window = text[max(0, pos - 120):pos].rstrip()
        chunks = list(_CHUNK.finditer(window))
        if not chunks or chunks[-1].end() != len(window):
            return ""
        words = without_link_prefix(chunks[-1].group().rstrip(".,"), rules).split()  # "France-based L'Oréal S.A."
        if len(words) == 1 and words[0] in rules.suffixes and len(chunks) > 1 and \
                window[chunks[-2].end():chunks[-1].start()] == ", ":
            # "National Health Investors, Inc. (NYSE:NHI)": the suffix after a comma ends the name before it
            words = without_link_prefix(chunks[-2].group().rstrip(".,"), rules).split() + words
        # "Shares of Quantix (QNTX)": drop leading words that never name a company
        while len(words) > 1 and (words[0] in rules.not_entities or words[0] in ("of", "and", "&", "for")):
            words.pop(0)
        return " ".join(words)

    for m in list(_PAREN_TICKERS.finditer(text)) + list(_ANGLE_TICKER.finditer(text)):
        name = name_before(m.start())
        if len(name) < 2 or name in rules.not_entities:
            continue  # "Vestas Wind Systems A/S (CPH:VWS)" reads back to "S": one letter names no company
        inner = m.groupdict().get("inner") or m.group("tick")
        if defines_a_term(text, m.start(), name, inner, rules.measure_heads, res):
            continue  # "Net Rental Income (NRI)", "Earnings Before Tax (EBT)", "Supply Chain\n Solutions (SCS)": no ticker
        tickers = [t.split(":")[-1].strip() for t in re.split(r"[;,/]", inner)]
        # a number in brackets is a ticker only as Asia's exchanges write them, four to six digits ("(0700)",
        # "(6758)"): "Adjusted EBITDA (35.7)" and "Statements (119)" are figures and footnotes (session 10: such
        # learned aliases gave 1,063 of the modern run's claims the ids "35.7" and "119")
        tickers = [t for t in tickers if t and not _NUMBER_IN_BRACKETS.fullmatch(t)]
        if not tickers:
            continue
        base, _ = _strip_suffix(name, rules)
        entry = None
        for cand in [name, base] + tickers:
            entry = res.alias_index.get(cand)
            if entry is not None and entry.kind in ("company", "unit") and (
                    cand in (name, base) or _names_agree(base, entry, rules)):
                break
            entry = None
        if entry is None:
            entry = Entry(base, tickers[0], "company", tuple(tickers))
        for form in {name, base, *tickers, *(t.split(".")[0] for t in tickers)}:
            learned.setdefault(form, entry)
    for m in _BRACKETED_NAME.finditer(text):  # wire style: "<Kokusan Kinzoku Kogyo Co Ltd>" names an unlisted company
        name = m.group("name").strip(" ,.")
        if " " not in name and name.isupper():
            continue  # "<SRD>" is a ticker, handled above
        base, _ = _strip_suffix(name, rules)
        entry = res.alias_index.get(name) or res.alias_index.get(base) or Entry(base, slug(base), "company")
        learned.setdefault(name, entry)
        learned.setdefault(base, entry)
    for m in _CHUNK.finditer(text):
        chunk = _POSSESSIVE_END.sub("", m.group().rstrip(".,"))
        words = without_link_prefix(chunk, rules).split()  # "Fla.-based Hertz Corp", "Carlyle-owned Hexaware Ltd"
        if len(words) < 2 or (last := words[-1].rstrip(".,")) not in rules.suffixes and last not in rules.generic:
            continue
        # "Shares of Acme Corp": the leading words that never name a company, and the joiner after them
        while words and (words[0] in rules.not_entities or words[0] in ("of", "and", "&", "for")):
            words.pop(0)
        # "Japan's SoftBank Group Corp": the possessive owns the name after it, and is no part of it
        owner = max((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s", "s'"))), default=-1)
        words = words[owner + 1:]
        # "Outokumpu Oyj and Acerinox SA", "Micron Technology Inc and Nvidia Corp": a legal suffix before "and"
        # ends one company's name; the words after it are the next company's
        cuts = [i + 1 for i, w in enumerate(words[:-1]) if w == "and" and words[i - 1].rstrip(".,") in rules.suffixes]
        for lo, hi in zip([0] + cuts, [c - 1 for c in cuts] + [len(words)]):
            _learn_chunk(words[lo:hi], res, rules, learned)
    return learned


_NAME_WORD = re.compile(r"[A-Za-z][\w&'-]*")


def _names_agree(written: str, entry: Entry, rules: _Rules) -> bool:
    """Whether a name written before a ticker may be the gazetteer's company of that ticker: they share a word
    (its names, aliases, former names). A ticker is reused: "Zillow Group (NASDAQ:Z)" is not F.W. Woolworth's
    "Z" of 1987, "Air Lease (AL)" not Alcan's, "Sen. Elizabeth Warren (D-Mass.)" not Dominion's "D"."""
    def words(name: str) -> set[str]:
        return {_POSSESSIVE_END.sub("", w.lower()) for w in _NAME_WORD.findall(name.replace("’", "'"))
                if w not in rules.suffixes and w not in rules.generic}
    mine = words(written)
    if not mine:
        return True  # no name before the ticker but a legal form: the ticker names the company
    names = [entry.name, *entry.aliases, *(f[0] for f in entry.former)]
    squashed = _squash(written)  # "BestBuy.com (BBY)", "Alibaba's (BABA)"
    return any(mine & words(n) or len(_squash(n)) >= 4 and _squash(n) in squashed for n in names)


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _learn_chunk(words: list[str], res: Resources, rules, learned: dict) -> None:
    """Learn one 'X Inc'-style name (words ending in a company suffix) and its base name."""
    if len(words) < 2:
        return
    name = " ".join(words)
    base, _ = _strip_suffix(name, rules)
    if base in learned or name in learned:
        return
    entry = res.alias_index.get(name) or res.alias_index.get(base)
    if entry is None:
        entry = Entry(base, slug(base), "company")
    learned.setdefault(name, entry)
    learned.setdefault(base, entry)


def learn_title(title: str, res: Resources, learned: dict) -> Entry | None:
    """An upper-case wire title ("COLECO INDUSTRIES INC <CLO> 4TH QTR") names the story's company."""
    m = _CAPS_TITLE_NAME.match(title.strip())
    if not m:
        return None
    rules = entity_rules(res)
    tick = m.group("tick")
    words = m.group("name").split()
    # "BUSINESSMAN HAS 8.9 PCT OF DEL E. WEBB <DWP.A>", "HARRIS CUTS STAKE IN BELL INDUSTRIES <BI>": the ticker
    # names the words after the headline's last verb, number or joining word (entities.yaml `title_breaks`)
    cut = max((i for i, w in enumerate(words[:-1]) if w in rules.title_breaks or any(ch.isdigit() for ch in w)),
              default=-1)
    words = words[cut + 1:]
    while len(words) > 1 and words[0] in ("OF", "IN", "THE", "FOR"):  # "... PCT OF DEL E. WEBB", "BID FOR NECO"
        words.pop(0)
    suffixes = {w.upper().rstrip(".") for w in rules.suffixes}
    while len(words) > 1 and words[-1].rstrip(".,").upper() in suffixes:
        words.pop()
    base = wire_case(" ".join(words))  # "USX", "Coleco Industries", "House of Fabrics"
    # a wire's ticker names the company beside it in its year (guide 3.6): today's holder of the symbol only where
    # the names agree ("SEARS <S>" is not Sprint, "MAY <MA> TO SELL ..." not Mastercard)
    held = res.alias_index.get(tick)
    reused = held is not None and not (held.kind in ("company", "unit") and (_names_agree(base, held, rules) or _squash(
        base) in {_squash(n) for n in (held.name, *held.aliases)}))  # "ATT <T>": AT&T written without its "&"
    entry = learned.get(tick) or (None if reused else held) or res.alias_index.get(base) or Entry(
        base, slug(base) if reused else tick, "company", (tick,))
    learned.setdefault(tick, entry)
    learned.setdefault(base, entry)
    # the body may write the name in mixed case with or without its suffix ("Coleco Industries Inc")
    return entry



def mention_of(entry: Entry, text: str, start: int, end: int, source: str, possessive: bool) -> Mention:
    return Mention(text=text[start:end], start=start, end=end, entity=entry.name, entity_id=entry.entity_id,
                   kind=entry.kind, parent=entry.parent, source=source, possessive=possessive)


def _written_as_currency(text: str, start: int, end: int) -> bool:
    """'NOK 7,367 million', '4bn NOK', 'EUR/NOK': the code names money, not the company of that ticker."""
    return bool(_AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text, 0, start)
                or text[end:end + 1] == "/" or text[start - 1:start] == "/")


_NAME_NUMBER = re.compile(r"[ -]\d{2,4}(?![\d.,%])")


def _scan_chunks(text: str, res: Resources, learned: dict, rules: _Rules) -> list[Mention]:
    out = []
    aliases = res.alias_index
    for m in _CHUNK.finditer(text):
        toks = [(t.start() + m.start(), t.end() + m.start()) for t in _TOKEN.finditer(m.group())]
        i = 0
        while i < len(toks):
            found = None
            for j in range(min(len(toks), i + 7), i, -1):
                s, e = toks[i][0], toks[j - 1][1]
                surface = text[s:e]
                poss = False
                if surface.endswith("'s") or surface.endswith("s'"):
                    surface, e, poss = surface[:-2], e - 2, True
                surface = surface.rstrip(".,")
                if not surface or (j - i == 1 and surface in rules.not_entities):
                    continue
                if surface not in learned and surface not in aliases:
                    stripped = _strip_suffix(surface, rules)[0]
                    if stripped not in learned and stripped not in aliases:
                        continue  # no list knows it: `_lookup` finds nothing, whatever the context
                e = s + len(surface)
                if surface in rules.currency_codes and _written_as_currency(text, s, e):
                    continue
                prev = text[max(0, s - 6):s]
                ticker_ctx = prev.endswith(("(", "<", "$", ": ", ":", "; ")) or text[e:e + 1] in (")", ">")
                entry = _lookup(surface, res, learned, ticker_ctx, rules)
                if entry is not None:
                    if entry.kind == "exchange" or (text[e:e + 1] == ":" and surface in res.exchanges):
                        break
                    if entry.kind == "country" and text[e:e + 1] == "$":
                        break  # "US$1.1 million", "HK$40", "NZ$2": the dollar's country names the money, not an owner
                    num = _NAME_NUMBER.match(text, e)  # "Nasdaq 100", "Russell 2000": the number is part of the name
                    longer = _lookup(text[s:num.end()], res, learned, False, rules) if num else None
                    if longer is not None and longer.kind == entry.kind:
                        entry, e = longer, num.end()
                    found = (j, mention_of(entry, text, s, e, "article_alias" if surface in learned else "gazetteer",
                                         poss or text[e:e + 2] == "'s"))
                    break
            if found:
                out.append(found[1])
                i = found[0]
            else:
                i += 1
    return out


def find_entities(clean: CleanText, res: Resources, title: str = "") -> ArticleEntities:
    """All entity mentions of an article, its main company, and its fiscal calendar."""
    text = clean.text
    rules = entity_rules(res)
    learned = learn_aliases(text, res)
    title_entry = learn_title(title, res, learned) if title else None
    mentions = _scan_chunks(text, res, learned, rules)
    if rules.special:
        mentions = _with_special_names(text, res, rules, mentions)
    main = _main_company(title, res, learned, rules, mentions, title_entry)
    if main is not None:
        low = lowered_for_ascii_pattern(text)
        for m in finditer_lowered(rules.references, text, low):
            if not any(x.start <= m.start() < x.end for x in mentions):
                mentions.append(Mention(text[m.start():m.end()], m.start(), m.end(), main.entity, main.entity_id, "company",
                                        source="reference", possessive=text[m.end():m.end() + 2] == "'s"))
        mentions.extend(_segments(text, res, rules, main, mentions, low))
    mentions.sort(key=lambda m: (m.start, -m.end))
    fy = res.fiscal_year_end(main.entity) if main else 12
    return ArticleEntities(tuple(mentions), main, fy, learned)


def _with_special_names(text: str, res: Resources, rules: _Rules, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the gazetteer's special names ("S&P/ASX 200") the chunk scan does not read whole."""
    taken = {(m.start, m.end) for m in mentions}
    for m in rules.special.finditer(text):
        entry = res.alias_index[m.group()]
        if (m.start(), m.end()) in taken:
            continue
        # a longer special name holds the chunk scan's shorter reading of its start ("S&P" of "S&P/ASX 200"):
        # the longer one stands
        inside = [x for x in mentions if m.start() <= x.start and x.end <= m.end()]
        if any(x.start <= m.start() < x.end for x in mentions if x not in inside):
            continue
        if inside and "/" not in m.group():
            continue
        mentions = [x for x in mentions if x not in inside]
        mentions.append(mention_of(entry, text, m.start(), m.end(), "gazetteer", text[m.end():m.end() + 2] == "'s"))
    return mentions


def _main_company(title: str, res: Resources, learned: dict, rules: _Rules, mentions: list[Mention],
                  title_entry: Entry | None) -> Mention | None:
    """The company the article is about: the company or unit named most, each mention counted once, once more in
    the first 400 characters, three times in the title, and the company an upper-case wire title names five times."""
    counts: Counter = Counter()
    for mn in mentions:
        if mn.kind in ("company", "unit"):
            counts[mn.parent or mn.entity] += 1
    for mn in _scan_chunks(title, res, learned, rules):
        if mn.kind in ("company", "unit"):
            counts[mn.parent or mn.entity] += 3
    for mn in mentions:
        if mn.start < 400 and mn.kind in ("company", "unit"):
            counts[mn.parent or mn.entity] += 1
    if title_entry is not None:
        counts[title_entry.name] += 5
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    sample = next((m for m in mentions if m.entity == name), None)
    entry = next((e for e in learned.values() if e.name == name), None) or res.alias_index.get(name)
    if entry is not None:
        return Mention(name, -1, -1, entry.name, entry.entity_id, entry.kind, source="main")
    if sample is not None:
        return Mention(name, -1, -1, sample.entity, sample.entity_id, "company", source="main")
    return None


def _segments(text: str, res: Resources, rules: _Rules, main: Mention, mentions: list[Mention],
              low: str | None = None) -> list[Mention]:
    """'the company's cloud division' -> Alibaba Cloud when the gazetteer knows the unit, else a segment; `low`: the
    text lowered (lowered.lowered_for_ascii_pattern), for the case-insensitive pattern."""
    out = []
    units_by_owner = rules.units_by_owner
    for pattern in (rules.segment, rules.segment_head):
        for m in finditer_lowered(pattern, text, low):
            if any(x.start <= m.start("seg") < x.end for x in mentions + out):
                continue
            om = rules.owner.search(text[max(0, m.start() - 60):m.start()])
            owner_text = (om.group("owner") or om.group("named")) if om else ""
            owner = main
            if owner_text and owner_text.lower() not in ("its", "their", "the company's", "the group's"):
                name = owner_text[:-2]
                entry = res.alias_index.get(name)
                if entry is None:
                    continue
                owner = Mention(name, -1, -1, entry.parent or entry.name, entry.entity_id, entry.kind)
            segment = res.segments[m.group("seg").lower()]
            unit = units_by_owner.get((owner.entity, segment))
            start = m.start() - (len(text[max(0, m.start() - 60):m.start()]) - om.start()) if om else m.start()
            if unit is not None:
                out.append(Mention(text[start:m.end()], start, m.end(), unit.name, unit.entity_id, "unit",
                                   parent=owner.entity, source="segment"))
            else:
                out.append(Mention(text[start:m.end()], start, m.end(), owner.entity, owner.entity_id, "segment",
                                   parent=segment, source="segment"))
    return out
