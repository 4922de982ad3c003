"""The grammar of date expressions as news writes them, British and American,
resolved against a publication date (a Monday in September and a Thursday
in December, for the year roll-over)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.date_forms import core
from extractors.dates import resolve

MONDAY = date(2025, 9, 29)
DECEMBER = date(2025, 12, 18)


@pytest.mark.parametrize(
    ("expression", "direction", "value"),
    [
        # day and month in every order and abbreviation
        ("July 22", "past", "2025-07-22"),
        ("22 July", "past", "2025-07-22"),
        ("July 22nd", "past", "2025-07-22"),
        ("the 22nd of July", "past", "2025-07-22"),
        ("Sep 3", "past", "2025-09-03"),
        ("Sept 3", "past", "2025-09-03"),
        ("3rd September 2024", "past", "2024-09-03"),
        ("the first of October", "future", "2025-10-01"),
        ("the twenty-first of May 2026", "future", "2026-05-21"),
        # weekdays named with the day, clock times before and after
        ("Tuesday, March 3", "future", "2026-03-03"),
        ("Tues., Oct. 7", "future", "2025-10-07"),
        ("12:01 a.m. Eastern time on Oct. 1", "future", "2025-10-01"),
        ("12.01am on 1 October", "future", "2025-10-01"),
        ("midnight Oct. 1", "future", "2025-10-01"),
        ("Oct. 1 at noon", "future", "2025-10-01"),
        ("9am on Monday", "past", "2025-09-29"),
        ("Monday night", "past", "2025-09-29"),
        ("Friday afternoon", "past", "2025-09-26"),
        ("this past Friday", "past", "2025-09-26"),
        ("this coming Friday", "past", "2025-10-03"),
        # start words
        ("effective Oct. 1", "future", "2025-10-01"),
        ("on or after 22 July", "future", "2026-07-22"),
        ("no later than March 1", "future", "2026-03-01"),
        ("with effect from 6 April", "future", "2026-04-06"),
        ("starting on Nov. 3", "future", "2025-11-03"),
        # ranges are dated by their start, with the range's year
        ("from March 1 to 31", "future", "2026-03-01"),
        ("March 1-31", "future", "2026-03-01"),
        ("1-3 October 2026", "future", "2026-10-01"),
        ("between Oct. 1 and Dec. 31, 2026", "future", "2026-10-01"),
        ("Oct. 1 through Dec. 31", "future", "2025-10-01"),
        # relative years joined by "of", ISO dates, appositives
        ("October of last year", "past", "2024-10"),
        ("Oct. 1 of this year", "future", "2025-10-01"),
        ("2025-10-15", "future", "2025-10-15"),
        ("March 31, the end of the fiscal year", "future", "2026-03-31"),
        # the weekday named again in brackets, non-breaking spaces
        ("Oct. 1 (Wednesday)", "future", "2025-10-01"),
        ("Wednesday (Oct. 1)", "future", "2025-10-01"),
        ("Oct.\u00a01", "future", "2025-10-01"),
    ],
)
def test_day_forms(expression: str, direction: str, value: str) -> None:
    resolved = resolve(expression, MONDAY, direction)  # type: ignore[arg-type]
    assert resolved is not None
    assert resolved.value == value
    assert resolved.precision == ("day" if len(value) == 10 else "month")


@pytest.mark.parametrize(
    ("expression", "direction", "value", "precision"),
    [
        ("later this month", "future", "2025-09", "month"),
        ("later this year", "future", "2025", "year"),
        ("earlier in September", "past", "2025-09", "month"),
        ("later in the month", "future", "2025-09", "month"),
        ("the first week of May", "future", "2026-05", "month"),
        ("the second half of March", "past", "2025-03", "month"),
        ("the last days of 2024", "past", "2024", "year"),
        ("mid March", "future", "2026-03", "month"),
        ("late April", "past", "2025-04", "month"),
        ("the end of this year", "future", "2025", "year"),
    ],
)
def test_parts_of_a_month_or_year_keep_its_precision(
    expression: str, direction: str, value: str, precision: str
) -> None:
    resolved = resolve(expression, MONDAY, direction)  # type: ignore[arg-type]
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize(
    ("expression", "direction", "value"),
    [
        # a December story: January ahead under a future verb, this year's under a past one
        ("on Jan. 5", "future", "2026-01-05"),
        ("on Jan. 5", "past", "2025-01-05"),
        ("in January", "future", "2026-01"),
        ("in January", "past", "2025-01"),
        ("next month", "future", "2026-01"),
        # a day just after the publication date under a past verb stays (a story dated early)
        ("Dec. 19", "past", "2025-12-19"),
    ],
)
def test_the_year_rolls_over_with_the_tense(expression: str, direction: str, value: str) -> None:
    resolved = resolve(expression, DECEMBER, direction)  # type: ignore[arg-type]
    assert resolved is not None and resolved.value == value


@pytest.mark.parametrize("expression", ["this spring", "the summer", "next autumn", "the 15th", "the 1st"])
def test_seasons_and_bare_ordinals_are_no_point(expression: str) -> None:
    resolved = resolve(expression, MONDAY, "future")
    assert resolved is None


def test_the_core_keeps_a_date_that_nothing_wraps() -> None:
    assert core("Oct. 1, 2025") == "Oct. 1, 2025"
    assert core("mid-March") == "mid-March"
    assert core("the end of last year") == "the end of last year"


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("as early as next month", "2025-10", "month"),
        ("as soon as January", "2026-01", "month"),
        ("no earlier than March", "2026-03", "month"),
        ("sometime in March", "2026-03", "month"),
        ("around March 1", "2026-03-01", "day"),
        ("from April onwards", "2026-04", "month"),
        ("March 2026 at the latest", "2026-03", "month"),
        ("January-March", "2026-01", "month"),
        ("by year-end", "2025", "year"),
        ("2025-06", "2025-06", "month"),
    ],
)
def test_hedges_and_open_ends_keep_the_point(expression: str, value: str, precision: str) -> None:
    resolved = resolve(expression, MONDAY, "future")
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize(
    "expression", ["2024-25", "the 2025/26 academic year", "that day", "the following month"]
)
def test_fiscal_years_and_anaphoric_days_are_no_point(expression: str) -> None:
    assert resolve(expression, MONDAY, "future") is None


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("last Friday night", "2025-09-26", "day"),
        ("the morning of Sept. 19", "2025-09-19", "day"),
        ("the first day of October 2026", "2026-10-01", "day"),
        ("the last day of March", "2025-03", "month"),
        ("the first days of March", "2025-03", "month"),
    ],
)
def test_parts_of_a_day_and_its_first_and_last_days(expression: str, value: str, precision: str) -> None:
    resolved = resolve(expression, MONDAY, "past")
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)
