"""A season of a named year dates an event to that year (invented sentences, published
Monday 2025-09-29); a season without a year, or a winter (which spans two years), dates nothing."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import ResolvedDate, resolve
from extractors.nlp import FactExtractor
from tests.extractors.conftest import events_in


@pytest.mark.parametrize("expression", ["the summer of 2021", "summer 2021", "in early summer 2021",
                                        "the fall of 2021", "late autumn 2021", "spring of 2021"])
def test_a_season_of_a_year_is_that_year(expression: str) -> None:
    assert resolve(expression, date(2025, 9, 29), "past") == ResolvedDate("2021", "year")


@pytest.mark.parametrize("expression", ["summer", "winter 2023", "the winter of 2023"])
def test_a_season_alone_or_a_winter_is_no_point(expression: str) -> None:
    assert resolve(expression, date(2025, 9, 29), "past") is None


def test_an_event_in_a_season_of_a_year(extractor: FactExtractor) -> None:
    text = "Ireland opened the Critical Skills Employment Permit to chefs in the spring of 2024."
    assert events_in(extractor, text) == [("Critical Skills Employment Permit", "launched", "2024", "year")]
