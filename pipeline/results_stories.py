"""Stories about results: whether a story reports results or previews them, and the latest report period a results
story that names none is about (called by `story_periods.story_report_periods`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .calendar_grammar import grammar
from .records import Period
from .reporting_periods import fiscal_year_of, fiscal_year_span
from .word_patterns import listed


# words that make a story one about reported results: a quarter a figure with no period words is about
@lru_cache(maxsize=4)
def _results_story(res) -> re.Pattern:
    return re.compile(r"\b(?:(?:first|second|third|fourth)[- ]quarter|Q[1-4]|year[- ](?:on|over)[- ]year|"
                      + listed(res.periods["results_words"]) + r")\b", re.I)


# a story written before the results it is about ("Heading Into Fiscal Q2 Results", "is scheduled to report Q4
# results on Tuesday", "Earnings Preview"): its undated forecasts and estimates are for the quarter to be reported
_PREVIEW = re.compile(r"\b(?:ahead of|heading into|head(?:s)? into|preview(?:s|ing)?|what to (?:expect|watch)|"
                      r"(?:scheduled|set|due|slated|expected) to (?:report|release|post|announce)|will (?:report|release|"
                      r"post|announce) (?:its )?(?:fiscal |first|second|third|fourth|quarterly|q[1-4]|results|earnings))\b",
                      re.I)
_PREVIEW_REACH = 600  # characters of the story, after its headline, where a preview says so


def preview_story(title: str, text: str) -> bool:
    """Whether the story previews results not yet out (its headline or its opening says so)."""
    return bool(_PREVIEW.search(title or "") or _PREVIEW.search(text[:_PREVIEW_REACH]))


# a story reports results when its headline or its opening says so: results words further down are an aside (a
# rating agency's "resilient earnings", a market wrap's "upcoming results", a sports star's "earnings", a gadget
# story's link to "Apple Q2 2020 earnings"), and on the seed-2222 audit sample 30 of 36 undated figures of such stories
# were misdated to the latest ended quarter
_RESULTS_REACH = 500


def results_story(title: str, text: str, res) -> bool:
    """Whether a story reports results: its headline or its opening has results words ("Q3 results", "net profit
    rises 38% YoY").

    >>> from pipeline.resources import load_resources
    >>> results_story("Gopal Snacks - Net profit drops 70% YoY to Rs 5.3 crore", "", load_resources())
    True
    >>> results_story("Fitch upgrades Santander", "x" * 600 + " resilient earnings", load_resources())
    False
    """
    rx = _results_story(res)
    return bool(rx.search(title) or rx.search(text, 0, _RESULTS_REACH))


def latest_ended_quarter_period(ref: date, fy_end: int) -> Period:
    """The latest quarter of the calendar ending in month `fy_end` that ended before `ref`."""
    pe = date(ref.year, ref.month, 1) - timedelta(days=1)
    while (fy_end - pe.month) % 3:
        pe = date(pe.year, pe.month, 1) - timedelta(days=1)
    ps = date(pe.year - (pe.month <= 2), (pe.month - 3) % 12 + 1, 1)
    label = f"{pe.year}-Q{(pe.month - 1) // 3 + 1}" if fy_end % 3 == 0 else f"{ps.isoformat()}..{pe.isoformat()}"
    return Period("", -1, -1, ps, pe, label, "quarter", "claims.latest_quarter.v1")


def latest_report_period(ref: date, fy_end: int, title: str, res) -> Period:
    """The latest ended quarter of the calendar ending in month `fy_end`; in an annual report's story (its headline
    names one: "PHINIA INC. SEC 10-K Report") the latest ended fiscal year."""
    g = grammar(res)
    if g.annual_report is None or not g.annual_report.search(title):
        return latest_ended_quarter_period(ref, fy_end)
    return latest_ended_year_period(ref, fy_end)


def latest_ended_year_period(ref: date, fy_end: int) -> Period:
    """The latest fiscal year ending in month `fy_end` that ended before `ref`."""
    fy = fiscal_year_of(ref, fy_end) - 1
    ps, pe = fiscal_year_span(fy, fy_end)
    return Period("", -1, -1, ps, pe, str(fy) if fy_end == 12 else f"FY{fy}", "year" if fy_end == 12 else "fiscal_year",
                  "claims.latest_year.v1")
