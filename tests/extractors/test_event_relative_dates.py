"""Dates that point back to the day of the event just before ("the same day",
"two days later"), on sentences written for these tests (publication Monday
2025-09-29)."""

from __future__ import annotations

import pytest

from extractors.components.event_relative_dates import offset_days
from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("expression", "days"),
    [("the same day", 0), ("on the same date", 0), ("that day", 0), ("the following day", 1),
     ("two days later", 2), ("a day later", 1), ("10 days later", 10), ("last Monday", None),
     ("the same week", None)],
)
def test_offsets_from_the_earlier_event(expression: str, days: int | None) -> None:
    assert offset_days(expression) == days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The H-1B rule was announced on Sept. 24 and took effect the same day.",
         ("H-1B", "takes_effect", "2025-09-24", "day")),
        ("Trump signed the H-1B proclamation on Sept. 19. It took effect two days later.",
         ("H-1B", "takes_effect", "2025-09-21", "day")),
        # a change put on the day of a rule change takes effect with it, whatever its verb
        ("The Skilled Worker visa threshold rises to £41,700 on 22 July. The shortage list for the "
         "Skilled Worker visa will be cut on the same date.",
         ("Skilled Worker visa", "takes_effect", "2026-07-22", "day")),
    ],
)
def test_an_event_dated_by_the_day_before_it(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert expected in events_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # nothing dated before: no anchor
        "The H-1B rule took effect the same day.",
        # speech, or a meeting, on the day of an announcement is no change
        "The K visa was announced on Aug. 7. Officials met about the K visa on the same day.",
    ],
)
def test_no_event_without_an_anchor_or_a_change(extractor: FactExtractor, text: str) -> None:
    assert [e for e in events_in(extractor, text) if e[1] != "announced"] == []
