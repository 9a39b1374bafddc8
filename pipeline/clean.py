"""Clean: normalise an article's text without losing offsets, and split sentences.

Most cleaning is one character for one character (curly quotes, dashes,
non-breaking spaces, emoji, cashtag dollars, boilerplate lines blanked), done
with `str.replace` and slicing so it runs at C speed. The few edits that change
length (HTML tags and entities removed, a line break put between glued
sentences such as "billionThis surge") are collected as (start, end,
replacement) edits and applied once, building the map from each cleaned
character back to its offset in the text as read.
"""
from __future__ import annotations

import html
import re
from array import array

from .records import Article, CleanText, Sentence
from .resources import Resources

RULE = "clean.v1"

# One-for-one replacements. NOTE: "×" stays: the figures stage reads it as a multiple.
_TRANSLATE = {
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'",
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x2033: '"',
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    0x00A0: " ", 0x2007: " ", 0x2009: " ", 0x202F: " ", 0x2002: " ", 0x2003: " ", 0x3000: " ",
    0x00AD: " ", 0x200B: " ", 0x200C: " ", 0x200D: " ", 0xFEFF: " ", 0xFE0F: " ", 0xFE0E: " ", 0x20E3: " ",
    0x2026: ".", 0x0009: " ", 0x000B: " ", 0x000C: "\n", 0x000D: "\n", 0x2028: "\n", 0x2029: "\n",
    0x0000: " ", 0xFFFD: " ",
}

_REPLACED = tuple((chr(k), v) for k, v in _TRANSLATE.items())


def _translated(text: str) -> str:
    """text.translate(_TRANSLATE), by str.replace of the characters the text holds: no replacement is a character
    replaced, and a few C searches cost a twentieth of translate's lookup of every character."""
    for old, new in _REPLACED:
        if old in text:
            text = text.replace(old, new)
    return text


# Emoji and pictographs (section markers such as "🔥" or "1️⃣"); compiled once.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\U0001F900-\U0001F9FF]")
_KEYCAP = re.compile(r"[0-9#*](?=\uFE0F?\u20E3)")
# "$Alibaba(BABA)$" and "$BABA": a dollar before a letter is a cashtag, not money.
# NOTE: a "$" after capitals and before a space is a currency ("HK$ 586.0", "US$ 51.2bn"), not a cashtag.
_CASHTAG = re.compile(r"(?<![A-Z])\$(?=[A-Za-z][A-Za-z0-9.]{0,30}(?:\([A-Z0-9.]{1,10}\))?\$?)|(?<=\))\$")
_HTML_HINT = re.compile(r"</?(?:p|div|br|html|body|span|a|li|ul|table|td|tr|h[1-6]|article|section|strong|em|b|i)\b[^>]{0,500}>", re.I)
_HTML_BLOCK_OPEN = re.compile(r"<(script|style|noscript|template)\b[^>]{0,2000}>", re.I)
_HTML_TAG = re.compile(r"<!--|</?[A-Za-z][^<>]{0,2000}>|<![^<>]{0,2000}>")
_HTML_BREAK = re.compile(r"^</?(?:p|div|br|li|tr|h[1-6]|article|section|table|ul|ol|blockquote)\b", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE = re.compile(r"[^\n]+")
# sentence ends: ., ! or ? (with closing quotes/brackets) then space and a capital/digit/quote.
# (?<![.!?]) and possessive quantifiers: a run of 100,000 dots is scanned once, not once per dot
_SENT_END = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s+[\"'(\[]?[A-Z0-9$£€¥])")
_ABBREV_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,8})\.$")


def looks_like_html(text: str, origin: str = "") -> bool:
    if origin.lower().endswith((".html", ".htm")):
        return True
    return len(_HTML_HINT.findall(text[:20000])) >= 2


def _html_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits that drop tags, comments and script/style blocks and decode entities.

    Closing markers are found with str.find, once: an unclosed "<!--" or "<script>"
    repeated many times costs one scan, not one per opening (a regex with a lazy
    ".*?" to the closer would be quadratic there).
    """
    edits = []
    lower = text.lower()
    pos = 0
    while True:
        m = _HTML_BLOCK_OPEN.search(text, pos)
        if not m:
            break
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            break  # no closer anywhere after: nothing later can close either
        end = text.find(">", close)
        end = len(text) if end < 0 else end + 1
        edits.append((m.start(), end, "\n"))
        pos = end
    blocked = [(a, b) for a, b, _ in edits]

    def inside(i: int) -> bool:
        return any(a <= i < b for a, b in blocked)

    pos, no_comment_end = 0, False
    for m in _HTML_TAG.finditer(text):
        if m.start() < pos or (blocked and inside(m.start())):
            continue
        if m.group() == "<!--":
            close = -1 if no_comment_end else text.find("-->", m.end())
            if close < 0:
                no_comment_end = True
                continue
            edits.append((m.start(), close + 3, " "))
            pos = close + 3
            continue
        edits.append((m.start(), m.end(), "\n" if _HTML_BREAK.match(m.group()) else " "))
    for m in _ENTITY.finditer(text):
        if blocked and inside(m.start()):
            continue
        edits.append((m.start(), m.end(), html.unescape(m.group())))
    return edits


# a sentence starter glued to the word before ("billionThis surge")
_GLUE = re.compile(r"(?<=[a-z0-9%)])([A-Z][a-z]{0,14})(?=[\s,;:.]|$)")
# a full stop glued to the next sentence ("said.The", "to 1.82%.Australia's"): the word before
# is letters or a percentage, the word after a capitalized word that is not part of a host
# name or path ("www.Twitter.com" stays whole). Found from the stop itself (_GLUED_STOP), then
# the two words are checked: one regex spanning the word before cost a fifth of the clean stage.
_GLUED_STOP = re.compile(r"(?<=[a-z%])\.(?=[A-Z])")
_WORD_BEFORE_STOP = re.compile(r"\$?[\d,.]*\d%|[A-Za-z'’-]*[a-z]")
_WORD_AFTER_STOP = re.compile(r"[A-Z](?:[a-z]++|[&A-Z]{1,3}\b)(?![./]\w)")


def _glue_edits(text: str, resources: Resources) -> list[tuple[int, int, str]]:
    starters = resources.sentence_starters
    edits = [(m.start(), m.start(), "\n") for m in _GLUE.finditer(text) if m.group(1) in starters]
    for m in _GLUED_STOP.finditer(text):
        word = text[max(text.rfind(c, 0, m.start()) for c in " \n\t") + 1:m.start()]
        if (len(word) > 1 and word not in resources.abbreviations and _WORD_BEFORE_STOP.fullmatch(word)
                and _WORD_AFTER_STOP.match(text, m.end())):
            edits.append((m.end(), m.end(), "\n"))
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, array]:
    """Apply non-overlapping edits; return the new text and the offset map."""
    edits.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    offsets = array("i")
    pos = 0
    for start, end, repl in edits:
        if start < pos:  # overlapping edit (a tag inside a removed block): skip it
            continue
        out.append(text[pos:start])
        offsets.extend(range(pos, start))
        out.append(repl)
        offsets.extend([start] * len(repl))
        pos = end
    out.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(out), offsets


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts, pos = [], 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _strip_symbols(text: str) -> str:
    """Blank emoji, keycap digits and cashtag dollars, one character for one."""
    spans = [(m.start(), m.end()) for m in _KEYCAP.finditer(text)]
    spans += [(m.start(), m.end()) for m in _EMOJI.finditer(text)]
    spans += [(m.start(), m.end()) for m in _CASHTAG.finditer(text)]
    return _blank(text, sorted(set(spans)))


def _blank_boilerplate(text: str, resources: Resources) -> str:
    spans = []
    pattern = resources.boilerplate
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped and len(stripped) < 400 and pattern.fullmatch(stripped):
            spans.append((m.start(), m.end()))
    return _blank(text, spans)


def split_sentences(text: str, resources: Resources) -> tuple[Sentence, ...]:
    """Split on line breaks and sentence-final punctuation, skipping abbreviations.

    A hand-written splitter: spaCy's parser-based one costs more than the whole
    fast path, and news sentences end in a few well-known ways.
    """
    abbrevs = resources.abbreviations
    sentences = []
    for line in _LINE.finditer(text):
        base, body = line.start(), line.group()
        start = 0
        for m in _SENT_END.finditer(body):
            end = m.end()
            if body[m.start()] == ".":
                before = _ABBREV_BEFORE.search(body, max(0, m.start() - 10), m.start() + 1)
                if before and before.group(1).rstrip(".") in abbrevs:
                    continue
                # a single capital letter before the stop is an initial ("John D. Smith")
                if m.start() >= 1 and body[m.start() - 1].isupper() and (m.start() < 2 or not body[m.start() - 2].isalpha()):
                    continue
            _add_sentence(sentences, body, base, start, end)
            start = end
        _add_sentence(sentences, body, base, start, len(body))
    return tuple(sentences)


def _add_sentence(out: list, body: str, base: int, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(base + start, base + end))


def clean_text(text: str, resources: Resources, origin: str = "") -> CleanText:
    """Return the cleaned text, its map back to `text`, and its sentences."""
    edits: list[tuple[int, int, str]] = []
    if "<" in text and looks_like_html(text, origin):
        edits = _html_edits(text)
    work = text
    if edits:
        work, offsets = _apply(text, edits)
    if "\u20e3" in work:  # keycaps ("1\ufe0f\u20e3") before translate blanks their marks
        work = _blank(work, [(m.start(), m.end()) for m in _KEYCAP.finditer(work)])
    work = _translated(work)
    if not work.isascii():
        work = _strip_symbols(work)
    elif "$" in work:
        work = _strip_symbols(work)
    work = _blank_boilerplate(work, resources)
    glue = _glue_edits(work, resources)
    if glue:
        base = offsets if edits else None
        work, glue_offsets = _apply(work, glue)
        offsets = array("i", (base[i] for i in glue_offsets)) if base is not None else glue_offsets
    elif not edits:
        offsets = range(len(text) + 1)
    return CleanText(text=work, offsets=offsets, sentences=split_sentences(work, resources))


def run(article: Article, resources: Resources) -> CleanText:
    return clean_text(article.text, resources, article.origin)
