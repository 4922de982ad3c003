"""Programmes named together in one argument of an event: each gets the event (invented
sentences, published Monday 2025-09-29)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The new rules for H-1B and L-1 visas take effect on Oct. 1.",
         [("H-1B", "takes_effect", "2025-10-01", "day"), ("L-1", "takes_effect", "2025-10-01", "day")]),
        ("H-1B, L-1 and O-1 petitions will cost more from Oct. 1.",
         [("H-1B", "takes_effect", "2025-10-01", "day"), ("L-1", "takes_effect", "2025-10-01", "day"),
          ("O-1", "takes_effect", "2025-10-01", "day")]),
        ("The H-1B and the O-1 were both suspended on Friday.",
         [("H-1B", "suspended", "2025-09-26", "day"), ("O-1", "suspended", "2025-09-26", "day")]),
    ],
)
def test_each_programme_of_a_coordination_gets_the_event(
        extractor: FactExtractor, text: str, want: list[Event]) -> None:
    assert events_in(extractor, text) == want


def test_a_foil_between_two_programmes_is_no_coordination(extractor: FactExtractor) -> None:
    text = "The H-1B fee, unlike the L-1 one, took effect on Sept. 21."
    assert events_in(extractor, text) == [("H-1B", "takes_effect", "2025-09-21", "day")]
