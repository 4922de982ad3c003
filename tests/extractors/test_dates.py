from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import resolve

MONDAY = date(2025, 9, 29)


@pytest.mark.parametrize(
    ("expression", "direction", "value", "precision"),
    [
        ("on Wednesday", "future", "2025-10-01", "day"),
        ("on Wednesday", "past", "2025-09-24", "day"),
        ("in August", "past", "2025-08", "month"),
        ("last month", "past", "2025-08", "month"),
        ("earlier this month", "past", "2025-09", "month"),
        ("Sept. 21", "past", "2025-09-21", "day"),
        ("12:01 a.m. on Sept. 21", "past", "2025-09-21", "day"),
        ("Oct. 1, 2025", "past", "2025-10-01", "day"),
        ("this year", "past", "2025", "year"),
        # parts of a month or year keep its precision
        ("early December", "past", "2024-12", "month"),
        ("late last June", "past", "2025-06", "month"),
        ("mid-2023", "past", "2023", "year"),
        ("the end of last year", "past", "2024", "year"),
        ("by the end of the year", "future", "2025", "year"),
        ("early Monday", "past", "2025-09-29", "day"),
        # months and years ago are points; "earlier today" is the publication day
        ("three years ago", "past", "2022", "year"),
        ("a year ago", "past", "2024", "year"),
        ("two months ago", "past", "2025-07", "month"),
        ("earlier today", "past", "2025-09-29", "day"),
        # a day or month with its year named relative to the publication year
        ("June 1 last year", "past", "2024-06-01", "day"),
        ("on 1 July last year", "past", "2024-07-01", "day"),
        ("April 1 next year", "future", "2026-04-01", "day"),
        ("in March next year", "future", "2026-03", "month"),
        ("Dec. 31 this year", "future", "2025-12-31", "day"),
        # a dotted numeric date is day first
        ("3.4.2026", "past", "2026-04-03", "day"),
        ("on 15.01.2026", "future", "2026-01-15", "day"),
    ],
)
def test_resolves_against_publication_date(
    expression: str, direction: str, value: str, precision: str
) -> None:
    resolved = resolve(expression, MONDAY, direction)  # type: ignore[arg-type]
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize(
    "expression", ["this week", "decades", "annually", "2 days ago", "three weeks ago", "hours ago",
                   # a duration that modifies a noun ("a 10-year visa", "the five-year permit")
                   "10-year", "five-year", "the 2-year"]
)
def test_spans_of_time_are_not_dates(expression: str) -> None:
    assert resolve(expression, MONDAY, "past") is None


def test_relative_date_without_publication_date_is_left_unresolved() -> None:
    resolved = resolve("last month", None, "past")
    assert resolved is not None
    assert resolved.value is None and resolved.precision is None
    assert resolved.note is not None and "no publication date" in resolved.note


def test_absolute_date_needs_no_publication_date() -> None:
    resolved = resolve("October 1, 2025", None, "past")
    assert resolved is not None and resolved.value == "2025-10-01"


def test_a_month_name_alone_in_the_past_resolves_as_dateparser_resolves_it() -> None:
    """The fast path for "announced in August" gives what dateparser gives in
    the past tense: every month, anchors on five days of each month of a
    common and a leap year. (Other tenses allow a slack back, on purpose.)"""
    from extractors.dates import _MONTHS, _bare_month, _parse

    anchors = [date(year, month, day) for year in (2023, 2024) for month in range(1, 13)
               for day in (1, 2, 14, 27, 28)]  # fmt: skip
    checked = 0
    for anchor in anchors:
        for name in _MONTHS:
            ours = _bare_month(name.capitalize(), anchor, "past")
            assert ours is not None
            assert ours == _parse(name.capitalize(), anchor, "past"), (name, anchor)
            checked += 1
    assert checked == 12 * 120
