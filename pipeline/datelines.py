"""What a bare "$", "dollars" or "dlrs" means in one story (models/gazetteer/datelines.yaml).

In order: the currency a release states for its amounts ("All amounts in this press release are in Canadian
dollars", "(In United States dollars, except where noted otherwise)"); a wire story's dateline opening the text
("TORONTO, March 2 -"); a press release's dateline on a line of its own after the headline ("VANCOUVER, British
Columbia, Feb. 11, 2025 (GLOBE NEWSWIRE) -", "**TORONTO, ON /** ACCESS Newswire"), read with its qualifier: a
region of the city's country keeps the city's dollar, another ("MELBOURNE, Fla.") is the U.S. dollar, and a release
counts only where releases write the home dollar bare (datelines.yaml `release_dollars`: Canada, Australia, New
Zealand; a Singapore release's "$" is the U.S. dollar); else USD.
On 1,000 random modern articles the release datelines gave 14 stories the Canadian dollar their "$" amounts are
written in (TSX Venture and CSE issuers' placements, REITs' distributions), and one release's statement kept the
U.S. dollar under a Toronto dateline; the head alone found none of them (the text opens with the headline).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import Resources

_MONTH = re.compile(r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
                    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$")
_QUALIFIER = r"(?P<qual>[A-Z][\w.']*(?:[ \t]+[A-Z][\w.']*){0,2})"  # "Alberta", "British Columbia", "ON", "Feb.", "Fla."
# a news agency's dateline ("TORONTO (Reuters) -", "OTTAWA, Feb 10 (Reuters) -"): its house style writes other
# dollars with their sign ("C$", "HK$"), so a bare "$" stays the U.S. dollar (the 1987 wire names no agency)
_AGENCY = re.compile(r"\((?:Reuters|AP|AFP|Bloomberg|Dow Jones)\)")
_HEAD_CHARS = 1000  # the headline, a distribution notice and the dateline fit in it


@lru_cache(maxsize=4)
def _names(res: Resources) -> tuple[dict[str, str], dict[str, str]]:
    """(upper-case region -> dollar, lower-case stated adjective -> currency): "CALGARY, ALBERTA" is Alberta."""
    return ({k.upper(): v for k, v in res.dateline_dollars.get("regions", {}).items()},
            {k.lower(): v for k, v in res.dateline_dollars.get("stated", {}).items()})


@lru_cache(maxsize=4)
def _patterns(res: Resources) -> tuple[re.Pattern, re.Pattern]:
    cities = "|".join(re.escape(c) for c in sorted(res.datelines, key=len, reverse=True))
    # the city at a line's start (markdown bold or a heading's marks before it) or after a wire's name, then a comma,
    # a slash, a parenthesis or a press wire's double dash: "SINGAPORE--(BUSINESS WIRE)--", "TORONTO (CNW) -"
    dateline = re.compile(r"(?:^|\n|TheNewswire\s*[-–—]\s*)[ \t*#_]*(?P<city>(?i:" + cities + r"))"
                          r"(?:(?P<comma>,)[ \t*]*" + _QUALIFIER + r"|[ \t*]*/|[ \t]*\(|--\()")
    stated = "|".join(re.escape(a) for a in sorted(res.dateline_dollars.get("stated", {}), key=len, reverse=True))
    # "All amounts ... are in Canadian dollars", "(In United States dollars", "figures expressed in thousands of
    # Canadian dollars": a statement about the amounts, not a figure's own currency ("sales in Canadian dollars rose")
    # or "Reference herein to $ or USD is to United States dollars"
    statement = re.compile(r"(?:(?i:\(\s*|\ball\b[^.()\n]{0,40}?|\bamounts?\b[^.()\n]{0,40}?|\bfigures\b[^.()\n]{0,40}?)"
                           r"(?i:(?:are|is)\s+)?(?i:(?:expressed|stated|reported|presented|denominated)\s+)?"
                           r"(?i:in\s+)(?i:(?:thousands|millions)\s+of\s+)?"
                           r"|(?i:references?\s+(?:herein\s+)?to\s+)[\"“]?\$[\"”]?(?:\s+or\s+[A-Z]{3})?\s+(?i:(?:is|are)\s+to\s+))"
                           r"(?P<adj>" + stated + r")\s+(?i:dollars|dlrs)\b")
    return dateline, statement


def _qualified(city: str, qual: str | None, res: Resources) -> str:
    """The dollar of a dateline whose city is followed by `qual` ("Alberta", "Feb.", "Fla.", or None)."""
    code = res.datelines[city.upper()]
    if qual is None:
        return code
    words = qual.split()
    if _MONTH.match(words[0]):
        return code
    regions = _names(res)[0]
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]).upper() in regions:
            return regions[" ".join(words[:n]).upper()]
    return "USD"  # a U.S. state or another country's place: "MELBOURNE, Fla.", "LONDON, Ontario" has no dollar city


def dollar_for(text: str, res: Resources) -> str:
    """What a bare $/dlrs means in `text` (the article's cleaned text, headline first).

    >>> from pipeline.resources import load_resources
    >>> res = load_resources()
    >>> dollar_for("Magna Terra Announces Upsize\\n\\n**TORONTO, ON /** **ACCESS Newswire** / February 10, 2025", res)
    'CAD'
    >>> dollar_for("Results\\n\\nTORONTO, Feb. 11, 2025 (GLOBE NEWSWIRE) -- (In United States dollars, except ...)", res)
    'USD'
    >>> dollar_for("MELBOURNE, Fla., March 3 - Harris said ...", res)
    'USD'
    """
    dateline, statement = _patterns(res)
    if stated := statement.search(text):
        return _names(res)[1][stated.group("adj").lower()]
    head = text[:80].upper()
    for city, code in res.datelines.items():  # a wire story opens with its dateline; a headline may open with a market
        if head.startswith(city) or head.lstrip().startswith(city + ",") or head.lstrip().startswith(city + " ("):
            return "USD" if _AGENCY.search(text, 0, 80) else _qualified(city, _qual_at(text, city), res)
    for m in dateline.finditer(text[:_HEAD_CHARS]):
        city = m.group("city")
        if not (city.isupper() or city.istitle()) or (m.group("comma") and not m.group("qual")):
            continue  # "toronto" in prose, "Toronto, which ..."
        code = "USD" if _AGENCY.search(text, m.start("city"), m.end() + 40) else _qualified(city, m.group("qual"), res)
        return code if code in res.dateline_dollars.get("release", {}) else "USD"
    return "USD"


def _qual_at(text: str, city: str) -> str | None:
    """The qualifier after a wire dateline's city and comma ("CALGARY, Alberta, Feb 26 -": "Alberta")."""
    m = re.match(r"\s*(?i:" + re.escape(city) + r"),\s*" + _QUALIFIER, text)
    return m.group("qual") if m else None
