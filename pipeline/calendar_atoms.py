"""Atoms of the calendar grammar: one scanner match (pipeline/calendar_grammar.py) becomes one `Node`
whose value is not yet combined with its neighbours ("Feb 18", "Tuesday", "next week", "3 days"), or
None when the words are not a date here ("investors may sell", "sales fall", "3/4 pct").

`Atoms.node` looks the match's kind up in `Atoms.READERS`: one method a kind, each a few lines.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar_resolve import rel_month_name, rel_unit, rel_weekday, weekend_span, window_span
from .calendar_spans import Cal, Ctx, Dur, Fix, Hol, Node, Nth, Sea, day_span, week_span
from .date_math import full_year, safe_date, week_start
from .numbers import parse_word_tokens
from .word_patterns import longest_first

_TRAILING_UNITS = ("week", "month", "year")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_SOON = timedelta(days=31)  # a numeric date month first this far ahead of the story is read day first


def _num_year(text: str, ref: date | None) -> int:
    return full_year(int(text.lstrip("'")), ref)


def _day_num(text: str, g) -> int | None:
    t = re.sub(r"[\s-]+", " ", text.lower().strip())
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?$", t)
    if m:
        return int(m.group(1))
    return g.DAYW.get(t) or g.DAYW.get(t.replace(" ", "-"))


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|during|since|until|till|by|of|from|to|through|the|this|next|last|early|late|mid|"
                                 r"before|after|between|on|for|around|throughout|starting|beginning|ending|past)\s+$", re.I)
# lower-case "may" and "march" are verbs unless a preposition of time asks for a month
_MAY_BEFORE = re.compile(r"\b(?:in|during|since|until|till|of|from|through|early|late|mid|next|last|this|before|after)\s+$", re.I)
_MODAL_AFTER = re.compile(r"^\s+(?:i|we|you|he|she|it|they|be|have|not|also|well|still|the|a|an|this|that|take|make|"
                          r"help|ask|see|need|want|get|come|go|do|say|seem|prove|result|include|require)\b", re.I)
_AMBIGUOUS_ABBR = frozenset(("sat", "sun", "wed", "mon", "mar", "dec"))  # English words, newspapers, tickers


def _bare_word_ok(text: str, s: int, e: int, word: str) -> bool:
    """A month or weekday written alone is a date only where a date is expected.

    "It may be in may", "in dec", "on Sun.": yes; "investors may sell", "The Sun reported", "we sat": no.
    """
    before = text[max(0, s - 25):s]
    low = word.lower().rstrip(".")
    if low in _AMBIGUOUS_ABBR:  # "Sun", "Mar", "Dec", "SAT": words, newspapers and tickers as often as dates
        if word.endswith(".") or text[e:e + 1] == "." or re.match(r",?\s*(?:the\s+)?\d|,\s*[A-Z][a-z]{2}", text[e:e + 8]):
            return True  # "Sun.", "Wed, 22 of Jan", "Mon 13th"
        if not before.strip() and not text[e:].strip(" .!?"):
            return True  # the whole text is the word: "sat"
        return bool(_ABBR_BEFORE.search(before))
    if word[:1].isupper():
        if low == "may" and _MODAL_AFTER.match(text[e:e + 20]):
            return False  # "May I ask", "May be"
        return True
    if (not before.strip() and not text[e:].strip(" .!?")) and low not in ("may", "march"):
        return True  # the whole text is the word: "thu."
    if re.match(r"\s+(?:of\s+)?(?:next|last|this)\s+year\b", text[e:e + 20], re.I) and low not in ("may", "march"):
        return True  # "june next year"
    if low in ("may", "march"):
        return bool(_MAY_BEFORE.search(before)) and not re.match(r"\s+[a-z]", text[e:e + 3])
    return bool(_PREPOSITION_BEFORE.search(before)) and not _MODAL_AFTER.match(text[e:e + 20])


_ABBR_BEFORE = re.compile(r"\b(?:on|this|next|last|every|by|until|till|since|from|in|during|through|to|of|before|after)\s+$", re.I)


def _fraction_not_date(a: int, b: int, text: str, s: int, e: int) -> bool:
    """"3/4 pct", "1/8 point", "4 3/4": a written fraction, not a month and day."""
    if a < b and b in (2, 4, 8, 16, 32, 64):
        return True
    return a < b and bool(re.search(r"\d[\s-]$", text[max(0, s - 2):s]))


def count_of(n_text: str, g) -> int | None:
    """The count of a duration: "3", "a", "a few" (3), "several" (3), "a couple of" (2), "twelve"."""
    nt = n_text.lower()
    if nt.isdigit():
        return int(nt)
    if "few" in nt or "several" in nt:
        return 3
    if "couple" in nt:
        return 2
    return 1 if nt in ("a", "an") else parse_word_tokens([nt], g.numbers)[0]


def duration_of(n_text: str, u_text: str, g) -> Dur | None:
    """"3 months", "a few weeks" as a duration, from the count and unit words of a reporting match."""
    n = count_of(n_text, g)
    unit = g.units.get(u_text.lower())
    return Dur(int(n), unit) if n is not None and unit else None


def _squash(word: str) -> str:
    return re.sub(r"[\s-]+", " ", word)


def _before_amount(text: str, s: int) -> bool:
    """"$ 12 December": an amount, then a date."""
    return bool(re.search(r"[$€£¥]\s*$", text[max(0, s - 3):s]))


class Atoms:
    """Turn scanner matches into nodes (values not yet combined)."""

    def __init__(self, g, ctx: Ctx | None):
        self.g, self.ctx = g, ctx
        self.ref = ctx.ref if ctx else None

    def node(self, m: re.Match, text: str) -> Node | None:
        kind = m.lastgroup
        if kind in self.g.reporting_kinds:  # resolved by pipeline/reporting_periods.py
            return Node(m.start(), m.end(), m, "reporting:" + kind)
        read = self.READERS.get(kind)
        return read(self, m, m.groupdict(), m.start(), m.end(), text) if read else None

    # ---- numeric dates: "2024-05-15", "2024/May/15", "15-May-2024", "May-15-2024", "5/15/2024"

    def _ymd(self, m, gd, s, e, text):
        return Node(s, e, Cal(int(gd["ymd_y"]), int(gd["ymd_m"]), int(gd["ymd_d"])), "date")

    def _ymon(self, m, gd, s, e, text):
        mon = gd["ymon_m"] or gd["ymon_m2"]
        return Node(s, e, Cal(int(gd["ymon_y"]), self.g.months[mon.lower()], int(gd["ymon_d"] or gd["ymon_d2"])), "date")

    def _dmon(self, m, gd, s, e, text):
        mon = gd["dmon_m"] or gd["dmon_m2"]
        return Node(s, e, Cal(_num_year(gd["dmon_y"] or gd["dmon_y2"], self.ref), self.g.months[mon.lower()], int(gd["dmon_d"])), "date")

    def _mond(self, m, gd, s, e, text):
        return Node(s, e, Cal(int(gd["mond_y"]), self.g.months[gd["mond_m"].lower()], int(gd["mond_d"])), "date")

    def _nmdy(self, m, gd, s, e, text):
        a, b, y = int(gd["nmdy_a"]), int(gd["nmdy_b"]), _num_year(gd["nmdy_y"], self.ref)
        mo, d = (a, b) if a <= 12 else (b, a)
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if b <= 12 and self.ref is not None and not self.ctx.future and safe_date(y, b, a) \
                and (safe_date(y, a, b) or date.max) > self.ref + _SOON and self.ref >= safe_date(y, b, a):
            # "10/02/2025" in a story of February 11, 2025: day first, not a day months to come ("I'll go back
            # 5/3/18" on May 1, 2018 is two days on)
            mo, d = b, a
        return Node(s, e, Cal(y, mo, d), "date")

    # ---- words relative to the reference date: "tomorrow", "next week", "Christmas", "the third Tuesday"

    def _rday(self, m, gd, s, e, text):
        if self.ref is None:
            return None
        phrase = _squash(gd["rday_p"].lower())
        if phrase == "now" and not re.match(r"\s*(?:$|[.!?,;:)]|(?:and|to|until|till|through|on)\b)", text[e:e + 9]) \
                and not re.search(r"\b(?:from|between|until|till|since|by)\s+$", text[max(0, s - 9):s]):
            return None  # "the company now expects": an adverb, not a date
        off = self.g.rel_days.get(phrase)
        if off is None:
            return None
        return Node(s, e, Fix(day_span(self.ref + timedelta(days=off))), "day")

    def _hol(self, m, gd, s, e, text):
        g = self.g
        key = g.holiday_names.get(_squash(gd["hol_n"].lower()))
        if key is None:
            return None
        w = (gd["hol_w"] or "").lower()
        rel = 1 if self._is(w, g.next_words) else -1 if self._is(w, g.last_words) else 0
        return Node(s, e, Hol(key, None, rel), "hol")

    def _nth(self, m, gd, s, e, text):
        g = self.g
        if gd["nth_l"]:
            n, from_end = 1, True
        else:
            n, from_end = g.ordinals[(gd["nth_o"] or gd["nth_o2"]).lower()], bool(gd["nth_last"])
        u = (gd["nth_u"] or gd["nth_u2"]).lower()
        unit = g.weekdays.get(u.rstrip(".")) if u.rstrip(".") in g.weekdays else g.units.get(_squash(u), u)
        if unit == "week end":
            unit = "weekend"
        return Node(s, e, Nth(n, unit, from_end), "nth")

    def _wan(self, m, gd, s, e, text):
        return Node(s, e, ("after_next", self.g.weekdays[gd["wan_w"].lower()]), "wan")

    def _wkno(self, m, gd, s, e, text):
        n = int(gd["wkno_n"])
        if not 1 <= n <= 53 or self.ref is None:
            return None
        try:
            start = date.fromisocalendar(self.ref.year, n, 1)
        except ValueError:
            return None
        return Node(s, e, Fix(week_span(start)), "week")

    def _ad(self, m, gd, s, e, text):
        y = int(gd["ad_y"])
        if y < 1:
            return None
        return Node(s, e, Cal(y), "year")

    def _pabbr(self, m, gd, s, e, text):
        v = gd["pabbr_v"].lower()
        unit = {"m": "month", "y": "year", "w": "week"}[v[-1]]
        part = "start" if v[0] == "b" else "end"
        return Node(s, e, ("part", part, unit), "pabbr")

    def _partu(self, m, gd, s, e, text):
        p = gd["partu_p"].lower()
        p = {"beginning": "start", "middle": "mid", "remaining": "rest", "remainder": "rest", "later": "end",
             "earlier": "start"}.get(p, p)
        return Node(s, e, ("part", p, gd["partu_u"].lower()), "partu")

    def _wkend(self, m, gd, s, e, text):
        """"the weekend": the nearest one in news (the last one on a Monday), the next one read forward."""
        ctx = self.ctx
        if ctx is None:
            return None
        this = week_start(ctx.ref)
        if not ctx.future and ctx.ref.weekday() <= 2:
            this -= timedelta(days=7)
        return Node(s, e, Fix(weekend_span(this, ctx)), "weekend")

    def _yr(self, m, gd, s, e, text):
        return Node(s, e, Cal(int(gd["yr_y"])), "year")

    # ---- a month with a day or year: "March 5", "5th of March 2024", "2024 March", "March"

    def _mdt(self, m, gd, s, e, text):
        mon = gd["mdt_m"]
        d = _day_num(gd["mdt_d"], self.g)
        if d is None or not 1 <= d <= 31:
            return None
        if not gd["mdt_y"] and mon.lower() in ("may", "march", "mar", "dec") and not _bare_word_ok(text, s, s + len(mon), mon):
            if mon.islower() and (text[:s].strip() or mon.lower() == "may") and \
                    not re.search(r"\b(?:on|by|since|until|till|from|before|after|of)\s+$", text[max(0, s - 8):s], re.I):
                return None  # "investors may 5", "troops march first"; but "on march eighteenth"
        y = _num_year(gd["mdt_y"], self.ref) if gd["mdt_y"] else None
        return Node(s, e, Cal(y, self.g.months[mon.lower().rstrip(".")], d), "date")

    def _dmt(self, m, gd, s, e, text):
        if _before_amount(text, s):
            return None
        d = _day_num(gd["dmt_d"], self.g)
        if d is None or not 1 <= d <= 31:
            return None
        mon = gd["dmt_m"]
        if mon.lower() in ("may", "march", "mar", "dec", "jan") and mon.islower() and not re.search(r"\d", gd["dmt_d"]) \
                and " of " not in m.group():
            return None
        yt = gd["dmt_y"] or gd["dmt_y2"] or gd["dmt_y3"]
        y = _num_year(yt, self.ref) if yt else None
        return Node(s, e, Cal(y, self.g.months[mon.lower().rstrip(".")], d), "date")

    def _ym(self, m, gd, s, e, text):
        return Node(s, e, Cal(int(gd["ym_y"]), self.g.months[gd["ym_m"].lower()]), "month")

    def _mon(self, m, gd, s, e, text):
        mon = gd["mon_m"]
        if not gd["mon_y"] and not _bare_word_ok(text, s, s + len(mon), mon):
            return None
        y = int(gd["mon_y"]) if gd["mon_y"] else None
        return Node(s, e, Cal(y, self.g.months[mon.lower().rstrip(".")]), "month")

    # ---- numbers that may be a month and year or a month and day: "03/2024", "2024-03", "3/15"

    def _nmy(self, m, gd, s, e, text):
        mo = int(gd["nmy_m"])
        return Node(s, e, Cal(int(gd["nmy_y"]), mo), "month") if 1 <= mo <= 12 else None

    def _nym(self, m, gd, s, e, text):
        y, mo = int(gd["nym_y"]), int(gd["nym_m"])
        if not 1 <= mo <= 12:
            return None
        if gd["nym_s"] == "-" and len(gd["nym_m"]) == 2 and mo > y % 100:
            return None  # "2010-12": the years 2010 to 2012
        if gd["nym_s"] == "." and len(gd["nym_m"]) != 1:
            return None  # "2015.25" is a number
        return Node(s, e, Cal(y, mo), "month")

    def _nmd(self, m, gd, s, e, text):
        if _before_amount(text, s):
            return None
        a, b, sep = int(gd["nmd_a"]), int(gd["nmd_b"]), gd["nmd_s"]
        if m.group() in self.g.not_dates:
            return None
        mo, d = (a, b) if a <= 12 else (b, a)
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if not self._numeric_day_ok(a, b, sep, text, s, e):
            return None
        return Node(s, e, Cal(None, mo, d), "date")

    def _numeric_day_ok(self, a: int, b: int, sep: str, text: str, s: int, e: int) -> bool:
        """Whether "4/22", "4.22", "4-22" is a date here: not a fraction, nor a time ("at 4.22"); with a dot
        only after "on" or a weekday ("up from 2.17" is an amount), with a hyphen after a word that asks for a
        date ("from 4-22") or when it cannot be a month pair."""
        before = text[max(0, s - 12):s].lower()
        weekday = re.search(rf"\b(?:{_alt_words(self.g.weekdays)})\.?,?\s+$", before)
        on = re.search(r"\b(?:on|for|from|between|until|till|by|since|due)\s+$", before) or weekday
        if sep in ".-" and self.g.measure_after is not None and self.g.measure_after.match(text, e):
            return False  # "rose by 1.4 basis points": an amount
        if sep == "/":
            return not _fraction_not_date(a, b, text, s, e)
        if re.search(r"\bat\s+$", before):
            return False  # "at 4.22", "at 4-22": a time
        if sep == ".":  # "on 4.22", "Tuesday 4.22": a day; "up from 2.17", "by 1.4": an amount
            return bool(re.search(r"\bon\s+$", before) or weekday)
        if sep == "-":
            return bool(on or (b > 12 and a <= 12))
        return True

    # ---- weekdays, seasons, days of the month, durations

    def _wd(self, m, gd, s, e, text):
        w = gd["wd_w"]
        if not gd["wd_d"] and w.lower() in _AMBIGUOUS_ABBR and not _bare_word_ok(text, s, s + len(w) + (1 if gd["wd_dot"] else 0), w + (gd["wd_dot"] or "")):
            return None
        wd = self.g.weekdays[w.lower()]
        if gd["wd_pl"]:
            return Node(s, e, ("weekdays", wd), "wdpl")
        d = _day_num(gd["wd_d"], self.g) if gd["wd_d"] else None
        if gd["wd_d"] and (d is None or not 1 <= d <= 31):
            return Node(s, s + len(w) + (1 if gd["wd_dot"] else 0), Cal(wd=wd), "wd")
        return Node(s, e, Cal(d=d, wd=wd), "wd" if d is None else "date")

    def _sea(self, m, gd, s, e, text):
        name = gd["sea_n"].lower()
        if name == "fall" and not gd["sea_y"] and not re.search(r"\b(?:the|this|next|last|in|during|of|early|late)\s+$", text[max(0, s - 12):s], re.I):
            return None  # "sales fall": a verb
        return Node(s, e, Sea(name, int(gd["sea_y"]) if gd["sea_y"] else None), "season")

    def _dom(self, m, gd, s, e, text):
        d = _day_num(gd["dom_d"] or gd["dom_d2"], self.g)
        if d is None or not 1 <= d <= 31:
            return None
        if re.search(r"\b(?:around|between)\s+$", text[max(0, s - 10):s], re.I):
            return None
        tail = re.match(r"\s+of\s+the\s+month\b", text[e:e + 20], re.I)
        if tail and self.ctx:  # "the thirty-first day of the month": of this month
            day = safe_date(self.ctx.ref.year, self.ctx.ref.month, d)
            return Node(s, e + tail.end(), Fix(day_span(day)), "date") if day else None
        return Node(s, e, Cal(d=d), "dom")

    def _dur(self, m, gd, s, e, text):
        g = self.g
        n = count_of(gd["dur_n"], g)
        if n is None:
            return None
        u = gd["dur_u"].lower()
        unit = g.weekdays.get(u) if u in g.weekdays else g.units.get(_squash(u), u)
        if u in ("hour", "hr", "minute", "min"):
            unit = "minute"
        elif u == "fortnight":
            unit, n = "day", int(n) * 14
        return Node(s, e, Dur(int(n), unit), "dur")

    @staticmethod
    def _is(word: str, forms: list[str]) -> bool:
        return _squash(word) in forms

    def _rel(self, m, gd, s, e, text):
        """"next Tuesday", "last March", "this summer", "next week", "last year"."""
        g, ctx = self.g, self.ctx
        if ctx is None:
            return None
        w = _squash(gd["rel_w"].lower())
        k = 1 if w in g.next_words else -1 if w in g.last_words else 0
        if gd["rel_wd"]:
            return Node(s, e, Fix(rel_weekday(g.weekdays[gd["rel_wd"].lower()], k, w, ctx)), "day")
        if gd["rel_m"]:
            mo = g.months[gd["rel_m"].lower()]
            return Node(s, e, Fix(rel_month_name(mo, k, ctx)), "month")
        if gd["rel_s"]:
            name = gd["rel_s"].lower()
            return Node(s, e, Sea(name, None, k), "season")
        unit = g.units[_squash(gd["rel_u"].lower())]
        if unit == "season":
            return Node(s, e, Sea("season", None, k), "season")
        if k == -1 and unit in _TRAILING_UNITS and _THE_BEFORE.search(text, max(0, s - 5), s):
            # "over the past year", "in the last month": the trailing span to the day, not the calendar unit before
            # this one ("last year" and "past week" alone are 2024 and last week, as the peer suites read them; "in
            # the last quarter" is the quarter reported)
            sp = window_span(Dur(1, unit), False, ctx)
            return Node(s, e, Fix(sp), unit) if sp else None
        sp = rel_unit(unit, k, ctx, calendar_year="calendar" in w)
        return Node(s, e, Fix(sp), unit) if sp else None

    READERS = {"ymd": _ymd, "ymon": _ymon, "dmon": _dmon, "mond": _mond, "nmdy": _nmdy, "rday": _rday, "hol": _hol,
               "nth": _nth, "wan": _wan, "rel": _rel, "wkno": _wkno, "ad": _ad, "pabbr": _pabbr, "partu": _partu,
               "wkend": _wkend, "yr": _yr, "mdt": _mdt, "dmt": _dmt, "ym": _ym, "mon": _mon, "nmy": _nmy, "nym": _nym,
               "nmd": _nmd, "wd": _wd, "sea": _sea, "dom": _dom, "dur": _dur}


def _alt_words(forms) -> str:
    return longest_first(set(forms))
