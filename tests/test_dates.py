"""Dates as a table: tests/cases/dates.yaml, resolved against one fixed reference date (conftest.REF)."""
from __future__ import annotations

import datetime

import pytest

from conftest import REF, case_params
from pipeline.dates import find_periods, fiscal_quarter_span, fiscal_year_span, infer_published

FIELDS = {"start": "period_start", "end": "period_end", "label": "label", "granularity": "granularity",
          "text": "text", "relative": "relative_to_previous"}


def _as_date(v) -> datetime.date | None:
    if v is None or isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v))


def _compare(period, exp: dict) -> None:
    actual = {k: getattr(period, attr) for k, attr in FIELDS.items() if k in exp}
    expected = {k: (_as_date(v) if k in ("start", "end") else v) for k, v in exp.items()}
    label = expected.get("label")
    if isinstance(label, (int, datetime.date)):  # YAML reads the labels 2023 and 2024-12-17 as a number, a date
        expected["label"] = label.isoformat() if isinstance(label, datetime.date) else str(label)
    assert actual == expected, f"period {period.text!r} (rule {period.rule})"


@pytest.mark.parametrize("text, row, group", case_params("dates"))
def test_dates_table(text, row, group):
    if "span" in row:
        fy, fy_end = row["fiscal_year"], row["fy_end_month"]
        got = fiscal_quarter_span(fy, row["quarter"], fy_end) if "quarter" in row else fiscal_year_span(fy, fy_end)
        assert got == tuple(_as_date(d) for d in row["span"])
        return
    if "infer_published" in row:
        assert infer_published(text, _as_date(row["today"])) == _as_date(row["infer_published"])
        return
    ref = _as_date(row.get("ref", REF))
    periods = find_periods(text, ref, row.get("fy_end_month", 12), tuple(row.get("sentence_starts", ())))
    for p in periods:  # offsets always point at the expression's own text
        assert text[p.start:p.end] == p.text
        assert p.period_start <= p.period_end
    if "expect" in row or "periods" in row:
        expected = [row["expect"]] if "expect" in row else row["periods"]
        assert len(periods) == len(expected), f"found {[(p.text, p.label) for p in periods]}"
        for period, exp in zip(periods, expected):
            _compare(period, exp)
    else:
        assert periods == [], f"found {[(p.text, p.label) for p in periods]}"


def test_find_periods_without_a_reference_date_keeps_absolute_periods():
    labels = [p.label for p in find_periods("Revenue rose in Q3 2024 and in the first quarter.", None)]
    assert labels == ["2024-Q3"]


def test_an_undated_article_is_dated_against_the_day_passed_in_not_the_clock(resources):
    """issue 18: the run's start day is passed in (runner.run takes it once), so the same article gives
    the same publication date whatever day the code runs on; a date after that day is not its date."""
    from pipeline.records import Article
    from pipeline.runner import process_article

    text = "Acme said on June 3, 2024 that revenue rose 5% to $3 billion. It expects more by January 1, 2030."
    art = Article(article_id="a", doc="a", text=text)
    got = process_article(art, resources, today=datetime.date(2024, 7, 1)).article
    assert (got.published, got.published_inferred) == (datetime.date(2024, 6, 3), True)
    assert process_article(art, resources, today=datetime.date(2031, 1, 1)).article.published == datetime.date(2030, 1, 1)
    assert process_article(art, resources).article.published is None  # no day given: no guess


def test_the_month_words_of_the_reporting_patterns_and_of_the_grammar_agree(resources):
    """reporting_periods.MONTHS (the standard library's names, and "sept") and periods.yaml's `months`
    (the calendar grammar's) are one list in two places: keep them equal."""
    from pipeline.reporting_periods import MONTHS

    assert {str(k).lower(): int(v) for k, v in resources.periods["months"].items()} == MONTHS


@pytest.mark.parametrize("text", ["Sales rose in the quarter ended Sepember 30.", "Sales rose in the Sepember quarter.",
                                  "On Sepember 3 it said"])
def test_a_misspelt_month_is_no_month_and_no_error(text):
    """bug caught: "Sepember" matched the reporting patterns' month but was not in MONTHS (KeyError: the
    whole article failed with A011)."""
    assert [p.text for p in find_periods(text, REF)] == []
    assert infer_published("Sepember 2024 was good", datetime.date(2025, 1, 1)) == datetime.date(2024, 12, 31)  # its year
