"""The calendar grammar: its word tables and the one scanner pattern of its atoms, built from the
words in models/lexicons (periods.yaml, holidays.yaml, number_words.yaml) once per models/ folder.

The scanner's atoms are the calendar's own (a weekday, a day of a month, a month, a holiday, "next
week", "3 days"...) with the reporting patterns of pipeline/reporting_periods.py among them, in the
order they are tried. pipeline/calendar_atoms.py turns a match into a value.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from .pattern_guards import opening_guard
from .reporting_periods import KINDS as REPORTING_KINDS, PATTERNS as REPORTING_PATTERNS
from .token_scan import start_pattern
from .word_patterns import listed, longest_first


def _alt(forms) -> str:
    return longest_first(set(forms))


def _spaced(forms) -> str:
    """An alternation where a space in a form matches any run of spaces or a hyphen."""
    return longest_first(set(forms), space=r"[\s-]+")


def _day_words(periods: Mapping, number_words: Mapping) -> tuple[dict[str, int], dict[str, int]]:
    """Days of a month in words: ordinals ("twenty-first") and cardinals ("twenty one"), up to 31."""
    ords = {str(k).lower(): int(v) for k, v in periods["day_ordinals"].items()}
    tens = {"twenty": 20, "thirty": 30}
    for t, tv in tens.items():
        for u, uv in list(ords.items()):
            if uv < 10 and tv + uv <= 31:
                ords[f"{t}-{u}"] = ords[f"{t} {u}"] = tv + uv
    cards = {str(k): int(v) for k, v in number_words["units"].items() if 1 <= int(v) <= 19}
    for t, tv in tens.items():
        cards[t] = tv
        for u, uv in list(cards.items()):
            if 1 <= uv <= 9 and tv + uv <= 31:
                cards[f"{t}-{u}"] = cards[f"{t} {u}"] = tv + uv
    return ords, cards


class Grammar:
    """The period scanner and its word tables, built from a Resources' periods, holidays and number words."""

    def __init__(self, res):
        self._word_tables(res.periods, res.number_words)
        self._holidays(res.holidays)
        self.reporting_kinds = REPORTING_KINDS
        self.atom_names, self.pattern = self._scanner()
        self._start_words()

    def _word_tables(self, P: Mapping, nw: Mapping) -> None:
        self.weekdays = {str(k).lower(): int(v) for k, v in P["weekdays"].items()}
        self.months = {str(k).lower(): int(v) for k, v in P["months"].items()}
        self.units = {str(k).lower(): str(v) for k, v in P["units"].items()}
        self.next_words = [w.lower() for w in P["next"]]
        self.time_zones = [str(w) for w in P["time_zones"]]
        self.year_names = [str(w) for w in P["year_names"]]
        self.last_words = [w.lower() for w in P["last"]]
        self.this_words = [w.lower() for w in P["this"]]
        self.rel_days = {str(k).lower(): int(v) for k, v in P["relative_days"].items()}
        self.seasons = {str(k).lower(): list(v) for k, v in P["seasons"].items()}
        self.parts = P["parts"]
        self.not_dates = frozenset(P.get("not_dates") or ())
        words = longest_first(P.get("contract_month_words") or ())
        # a month followed by these words (up to two names between) names a futures contract
        self.contract_month = re.compile(r"(?:\s+[A-Z][\w&.-]*){0,2}\s+(?:" + words + r")\b", re.I) if words else None
        words = longest_first(P.get("maturity_words") or ())
        # these words right before a date make it an instrument's term
        self.maturity = re.compile(r"\b(?:" + words + r")\s+(?:(?:in|on|at|by|until)\s+)?(?:the\s+)?$", re.I) if words else None
        coupon = longest_first(P.get("coupon_words") or ())
        nouns = longest_first(P.get("instrument_nouns") or ())
        # a rate that is an instrument's coupon: the words before it, and after it
        self.coupon_before = re.compile(r"\b(?:" + coupon + r")\s+(?:rate\s+)?(?:of|at|is|was|will\s+be|"
                                        r"(?:has\s+been\s+|was\s+|is\s+)?(?:fixed|set)\s+at)\s+(?:(?:" + listed(P["coupon_hedges"])
                                        + r")\s+)?$",
                                        re.I) if coupon else None
        self.coupon_after = re.compile(r"\s+(?:(?:(?!(?:of|in|on|for|to|from|and|or|the)\b)[\w-]+\s+){0,3}?(?:" + nouns + r")|(?:annual\s+)?(?:" + coupon + r"))\b",
                                       re.I) if coupon and nouns else None
        present = longest_first(P.get("present_words") or ())
        verbs = longest_first(P.get("present_verbs") or (), space=r"\s+")
        # "now stands at", "currently has more than": the words before a figure that holds on the published day
        self.present_state = re.compile(r"\b(?:" + present + r")\s+(?:" + verbs + r")\b(?:\s+(?:"
                                        + listed(P["present_after"], space=r"\s+") + r"))*\s*$",
                                        re.I) if present and verbs else None
        change = longest_first(P.get("change_words") or ())
        # "increased by", "fell": the words before a figure that is a level's change
        self.change_before = re.compile(r"\b(?:" + change + r")(?:\s+(?:by|of))?\s+(?:(?:" + listed(P["change_hedges"])
                                        + r")\s+)?$", re.I) if change else None
        self.report_change_metrics = frozenset(P.get("report_change_metrics") or ())
        annual = listed(P.get("annual_report_words") or (), space=r"\s+")
        self.annual_report = re.compile(r"\b(?:" + annual + r")\b", re.I) if annual else None
        payout = listed(P.get("quarter_payout_words") or ())
        self.quarter_payout = re.compile(r"\b(?:" + payout + r")\b", re.I) if payout else None
        self.quarter_payout_metrics = frozenset(P.get("quarter_payout_metrics") or ())
        measures = longest_first(P.get("measure_words") or (), space=r"\s+")
        # "1.4 basis points", "3.1%": a number that is an amount, so no day
        self.measure_after = re.compile(r"\s*(?:%|(?:" + measures + r")\b)", re.I) if measures else None
        self.ordinals = {str(k).lower(): int(v) for k, v in P["ordinals"].items()}
        self.day_ords, self.day_cards = _day_words(P, nw)
        self.DAYW = {**self.day_ords, **self.day_cards}
        self.numbers = nw

    def _holidays(self, holidays: Mapping | None) -> None:
        hol = (holidays or {}).get("holidays") or {}
        self.holiday_rules = {k: v["rule"] for k, v in hol.items()}
        self.holiday_names = {}
        for key, row in hol.items():
            for name in row["names"]:
                for form in {name.lower(), name.lower().replace("'", "’"), name.lower().replace("'", "")}:
                    self.holiday_names[form] = key

    def _scanner(self) -> tuple[tuple[str, ...], re.Pattern]:
        """The atoms' patterns, tried in order as one alternation (each a named group)."""
        MON = rf"(?:{_alt(self.months)})"
        WD = rf"(?:{_alt(self.weekdays)})"
        DOMN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
        ORDW = rf"(?:{_spaced(self.day_ords)})"
        CARDW = rf"(?:{_spaced(k for k, v in self.day_cards.items() if v > 10 or ' ' in k or '-' in k)})"  # not "April one analyst"
        DAY = rf"(?:{DOMN}|{ORDW}|{CARDW})"
        Y4 = r"(?:1\d{3}|2\d{3})(?!\d)"
        NOT_NUM = r"(?!\s*(?:%|pct\b|percent|per\s?cent|mln\b|million|billion|bln\b|bn\b|thousand|tonnes?|barrels?|points?|shares?|people|[-\s]?(?:hour|minute|min)s?\b)|[:.]\d|\s*[ap]\.?m\b)"
        NEXT, LAST, THIS = _spaced(self.next_words), _spaced(self.last_words), _spaced(self.this_words)
        UNIT = _spaced(self.units)
        UNIT1 = _spaced(u for u in self.units if not u.endswith("s") or u == "days")  # "next week", not "coming weeks"
        SEASON = _alt(self.seasons)
        HOL = _spaced(self.holiday_names)
        ORDS = _alt(self.ordinals)
        NUMW = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|couple\s+of|a\s+couple\s+of|a\s+few)"
        atoms = [
            ("ymd", r"(?<![\d.])(?P<ymd_y>[12]\d{3})(?P<ymd_s>[-/.])(?P<ymd_m>\d{1,2})(?P=ymd_s)(?P<ymd_d>\d{1,2})(?!\d|\.\d|%)"
                    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"),
            ("ymon", rf"(?<![\d.])(?P<ymon_y>[12]\d{{3}})[-/](?:(?P<ymon_m>{MON})[-/](?P<ymon_d>\d{{1,2}})|(?P<ymon_d2>\d{{1,2}})[-/](?P<ymon_m2>{MON}))\b"),
            ("dmon", rf"(?<![\d.])(?P<dmon_d>\d{{1,2}})[-/](?:(?P<dmon_y>[12]\d{{3}})[-/](?P<dmon_m>{MON})|(?P<dmon_m2>{MON})[-/](?P<dmon_y2>\d{{4}}|\d{{2}}))\b"),
            ("mond", rf"\b(?P<mond_m>{MON})-(?P<mond_d>\d{{1,2}})-(?P<mond_y>\d{{4}})\b"),
            ("nmdy", r"(?<![\d/.$])(?P<nmdy_a>\d{1,2})(?P<nmdy_s>[/.-])(?P<nmdy_b>\d{1,2})(?:(?P=nmdy_s)|,\s?)(?P<nmdy_y>\d{4}|\d{2})(?![\d%/]|[.,]\d)"),
            ("rday", rf"\b(?P<rday_p>{_spaced(self.rel_days)})\b"),
            ("hol", rf"\b(?:(?P<hol_w>{NEXT}|{LAST}|{THIS})\s+)?(?P<hol_n>{HOL})(?:'s)?\b(?:\s+(?:day\b))?"),
            ("nth", rf"\b(?:the\s+)?(?:(?P<nth_o>{ORDS})\s+(?P<nth_last>last\s+)?|(?P<nth_l>last|final)\s+)(?P<nth_u>{WD}|day|week[\s-]?end|wkend|week)\b(?=\s+(?:of|in)\b)"
                    rf"|\b(?:the\s+)?(?P<nth_o2>{ORDS})\s+(?P<nth_u2>{WD})\b"),
            ("wan", rf"\b(?P<wan_w>{WD})\s+after\s+next\b"),
            ("rel", rf"\b(?P<rel_w>{NEXT}|{LAST}|{THIS})\s+(?:(?P<rel_u>{UNIT1})\b(?!\s+(?:of\s+)?(?:19|20)\d\d\b|['’]s\s+(?:same\s+|corresponding\s+)?(?:period|quarter|qtr|half)\b)|(?P<rel_wd>{WD})\b\.?|(?P<rel_m>{MON})\b|(?P<rel_s>{SEASON}|season)s?\b)"),
            ("wkno", r"\bweek\s+(?P<wkno_n>\d{1,2})\b"),
            ("ad", r"\b(?P<ad_y>\d{1,4})\s*(?:a\.d\.|ad\b)"),
            ("pabbr", r"\b(?P<pabbr_v>eom|bom|eoy|boy|eow|bow)\b"),
            ("partu", r"\b(?:the\s+)?(?P<partu_p>beginning|start|middle|end|rest|remaining|remainder|later|earlier)\s+(?:of\s+|in\s+)?(?:the\s+|this\s+|current\s+|my\s+)?(?P<partu_u>day|week|month|year)\b(?!\s+(?:of|in|to)\b)"),
            ("wkend", r"\b(?:the\s+)?(?P<wkend_w>week[\s-]?end|wkend)\b"),
        ] + list(REPORTING_PATTERNS) + [
            ("mdt", rf"\b(?P<mdt_m>{MON})(?:\.|\b|(?=\d))(?:\s*[,/]?\s*(?:the\s+)?|-)(?P<mdt_d>{DAY})(?!\d|[/.]\d){NOT_NUM}"
                    rf"(?:(?:\s*,\s*|\s+|-)(?:of\s+|in\s+)?(?P<mdt_y>{Y4}|'\d{{2}}(?!\d)))?"),
            ("dmt", rf"(?<![\d.,$])(?<!\d:)\b(?:the\s+)?(?P<dmt_d>{DOMN}|{ORDW})\.?(?:\s+day)?(?:\s+of\s+|\s*,\s*|\s*-\s*|\s*)(?P<dmt_m>{MON})(?:\.|\b)"
                    rf"(?:(?:\s*,\s*|\s+|-)(?:of\s+|in\s+)?(?P<dmt_y>{Y4}|'\d{{2}}(?!\d))|\s+of\s+(?P<dmt_y2>\d{{2}})(?!\d)|\s+(?P<dmt_y3>\d{{2}})(?=\s*(?:$|[.,;!?)])))?"),
            ("ym", rf"\b(?P<ym_y>{Y4})\s*,?\s+(?P<ym_m>{MON})\b"),
            ("mon", rf"\b(?P<mon_m>{MON})(?:\.|\b)(?:(?:\s*,\s*|\s+|\s*[-/]\s*)(?:of\s+)?(?P<mon_y>{Y4}))?"),
            ("nmy", r"(?<![\d/.$-])(?P<nmy_m>\d{1,2})\s*[-/]\s*(?P<nmy_y>[12]\d{3})(?![\d/-])"),
            ("nym", r"(?<![\d/.$-])(?P<nym_y>[12]\d{3})\s*(?P<nym_s>[-/.])\s*(?P<nym_m>\d{1,2})(?![\d%]|\s*[-/.]\s*\d|\.\d|\s*(?:mln|million|billion|bn|pct|percent|per\s?cent)\b)"),
            ("nmd", r"(?<![\d/.,$:])(?P<nmd_a>\d{1,2})(?P<nmd_sp>\s?)(?P<nmd_s>[/.-])(?P=nmd_sp)(?P<nmd_b>\d{1,2})"
                    r"(?![\d/:]|[.,]\d|\s*(?:%|pct|percent|per\b|a\.?m\b|p\.?m\b|h\b|:|mln|million|billion|bn\b))"),
            ("wd", rf"\b(?P<wd_w>{WD})(?:(?P<wd_dot>\.)|(?P<wd_pl>s)\b|\b)"
                   rf"(?:\s*,?\s*(?:the\s+)?(?P<wd_d>{DOMN}|{ORDW}|{CARDW})(?![\d:/-]|\.\d|\s*(?:[ap]\.?m\b|o'?clock|h\d*\b|:)))?"),
            ("sea", rf"\b(?P<sea_n>{SEASON})\b(?:\s+(?:of\s+)?(?P<sea_y>{Y4}))?"),
            ("dom", rf"\b(?:(?P<dom_p>on\s+the|the|on|for\s+the)\s+)(?P<dom_d>\d{{1,2}}(?:st|nd|rd|th)|(?:(?<=on\sthe\s)|(?<=for\sthe\s)|(?<=on\s))\d{{1,2}}(?=\s*(?:$|[!?,;]|\.(?!\d)))|(?:(?<=on\sthe\s)|(?<=for\sthe\s)){ORDW}|{ORDW}(?=\s+day\s+of))(?:\s+day)?"
                    rf"(?=\s+of\s+(?:the\s+)?(?:{THIS}|{NEXT}|{LAST})\s+month|\s+of\s+the\s+month|\s*(?:$|[!?,;:)]|\.(?!\d)|\s-\s)|\s+(?:to|through|thru|till|until|or|at)\b)"
                    rf"|\b(?P<dom_d2>\d{{1,2}}(?:st|nd|rd|th)?|{ORDW})(?:\s+day)?(?=\s+of\s+(?:the\s+)?(?:{THIS}|{NEXT}|{LAST})\s+month|\s+of\s+the\s+month)"),
            # not a time stamp ("2016 ET - Singapore's index falls 0.4%") nor a name's number ("Russell 2000")
            ("yr", "".join(rf"(?<!{re.escape(n)}\s)" for n in self.year_names)
                   + r"(?<![\d.,$])\b(?P<yr_y>(?:19[5-9]\d|20\d\d))\b(?![.,]\d|\s*(?:%|pct\b|percent|per\s?cent)"
                   + rf"|\s+(?-i:{_alt(self.time_zones)})\b)"),
            ("dur", rf"\b(?P<dur_n>{NUMW})\s*(?P<dur_u>{UNIT}|fortnight|hour|hr|minute|min|{WD})s?\b"),
        ]
        # each atom opens with a lookahead of its first characters: at a token most atoms cannot open, they fail at once
        return tuple(name for name, _ in atoms), re.compile(
            "|".join(f"(?P<{name}>{opening_guard(rx)}{rx})" for name, rx in atoms), re.I)

    def _start_words(self) -> None:
        # NOTE: the scanner is tried only where a word that can open an atom starts (the pattern is a long
        # alternation that Python's re would otherwise try at every character); keep this list in sync
        # with the atoms above and the reporting patterns in pipeline/reporting_periods.py.
        first = lambda forms: {re.split(r"[\s-]+", f.lower())[0] for f in forms}  # noqa: E731
        words = (
            first(self.months) | first(self.weekdays) | first(self.next_words) | first(self.last_words)
            | first(self.this_words) | first(self.rel_days) | first(self.holiday_names) | first(self.seasons)
            | first(self.ordinals) | first(self.day_ords) | first(self.day_cards) | first(self.units)
            | set(self.numbers["units"]) | set(self.numbers["tens"])
            | {"the", "on", "for", "a", "an", "few", "several", "couple", "its", "fiscal", "fy", "ytd", "year", "so",
               "since", "prior", "previous", "sequentially", "just", "final", "last", "eom", "bom", "eoy", "boy", "eow",
               "bow", "beginning", "start", "middle", "end", "rest", "remaining", "remainder", "later", "earlier", "wkend",
               "week", "fortnight", "hour", "hr", "minute", "min", "right", "my", "day", "this", "next",
               "quarter", "qtr", "half", "yr", "period", "latest", "financial", "same", "corresponding", "comparable",
               "equivalent"})
        # a candidate opens at a digit (not one after a digit: every atom needs a word boundary or no digit before
        # it), a code such as "Q3", "H1", "FY24" opening a run of letters, or one of the words as a whole run
        self.starts = start_pattern(r"(?<!\d)\d|(?<![^\W\d_])(?i:q|h|fy|w)\d",
                                    {v for w in words for v in (w, w.upper(), w.capitalize())})


@lru_cache(maxsize=4)
def grammar(res) -> Grammar:
    """The grammar of a Resources (its models/ folder), built once."""
    return Grammar(res)
