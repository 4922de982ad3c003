"""A date form of blind5/blind6's classes of failure, on sentences written for these tests:
a date owned by a possessive ("in last May's white paper"); publication Monday 2025-09-29."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Skilled Worker visa change was first proposed in last March's white paper.",
         [("Skilled Worker visa", "proposed", "2025-03", "month")]),
        ("The Opportunity Card was launched in Friday's decree.",
         [("Opportunity Card", "launched", "2025-09-26", "day")]),
    ],
)
def test_a_date_owned_by_a_possessive(extractor: FactExtractor, text: str, expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected
