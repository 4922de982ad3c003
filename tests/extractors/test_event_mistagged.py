"""A window verb the tagger reads as an adverb or adjective ("close" after a plural noun) is
still the event verb (invented sentences, published Monday 2025-09-29)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Entries for the Diversity Visa close on Nov. 5.",
         [("Diversity Visa", "ended", "2025-11-05", "day")]),
        ("Applications for the Youth Mobility Scheme ballot close on 4 March.",
         [("Youth Mobility Scheme", "ended", "2026-03-04", "day")]),
    ],
)
def test_close_read_as_an_adverb_is_the_verb(extractor: FactExtractor, text: str, want: list[Event]) -> None:
    assert events_in(extractor, text) == want


def test_close_as_an_adverb_with_a_verb_of_its_own_is_no_event(extractor: FactExtractor) -> None:
    assert events_in(extractor, "Rao lives close to the consulate that issued her H-1B in May.") == []
