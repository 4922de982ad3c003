"""A gapped clause's date belongs to the programme the clause names (invented sentences,
published Monday 2025-09-29)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Canada paused the Start-up Visa in January and the Provincial Nominee Program in March.",
         [("Provincial Nominee Program", "suspended", "2025-03", "month"),
          ("Start-up Visa", "suspended", "2025-01", "month")]),
        ("The government raised the H-1B fee in May and the L-1 fee in June.",
         [("H-1B", "takes_effect", "2025-05", "month"), ("L-1", "takes_effect", "2025-06", "month")]),
    ],
)
def test_a_gapped_clause_dates_its_own_programme(
        extractor: FactExtractor, text: str, want: list[Event]) -> None:
    assert events_in(extractor, text) == want


def test_a_clause_with_its_own_verb_is_no_gap(extractor: FactExtractor) -> None:
    text = "China launched the K visa on Oct. 1 and hopes the R visa will follow in 2026."
    assert events_in(extractor, text) == [("K visa", "launched", "2025-10-01", "day")]
