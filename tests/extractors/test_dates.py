from __future__ import annotations

from datetime import date, timedelta

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
    ],
)
def test_resolves_against_publication_date(
    expression: str, direction: str, value: str, precision: str
) -> None:
    resolved = resolve(expression, MONDAY, direction)  # type: ignore[arg-type]
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("expression", ["this week", "decades", "annually", "2 days ago"])
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


def test_a_month_name_alone_resolves_as_dateparser_resolves_it() -> None:
    """The fast path for "in August" gives what dateparser gives: every month,
    both tenses, anchors on the first, middle and last days of every month of a
    common and a leap year; "February" from the 29th is left to dateparser."""
    from extractors.dates import _MONTHS, _bare_month, _parse

    anchors = [date(year, month, 1) + timedelta(days=day - 1) for year in (2023, 2024)
               for month in range(1, 13) for day in (1, 14, 28, 29, 30, 31)]  # fmt: skip
    anchors = sorted({a for a in anchors if a.day in (1, 14, 28, 29, 30, 31)})
    checked = 0
    for anchor in anchors:
        for name in _MONTHS:
            for direction in ("past", "future"):
                ours = _bare_month(name.capitalize(), anchor, direction)  # type: ignore[arg-type]
                if ours is None:
                    assert name == "february" and anchor.day > 28
                    continue
                assert ours == _parse(name.capitalize(), anchor, direction), (name, anchor, direction)  # type: ignore[arg-type]
                checked += 1
    assert checked > 3_000
    assert _bare_month("August", date(2025, 9, 29), "past") is not None  # the seed story's date
