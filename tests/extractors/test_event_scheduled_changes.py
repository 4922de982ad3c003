"""A price change under "due/set/expected to", a programme "first offered" and a revised list
published are dated events (invented sentences, published Monday 2025-09-29)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The ETIAS fee is due to rise to €20 on 12 May.", [("ETIAS", "takes_effect", "2026-05-12", "day")]),
        ("The Skilled Worker visa fee is set to rise on 9 April.",
         [("Skilled Worker visa", "takes_effect", "2026-04-09", "day")]),
        ("The Express Entry processing charge is expected to increase on Jan. 15.",
         [("Express Entry", "takes_effect", "2026-01-15", "day")]),
    ],
)
def test_a_scheduled_price_change_takes_effect(
        extractor: FactExtractor, text: str, want: list[Event]) -> None:
    assert events_in(extractor, text) == want


def test_a_scheduled_change_that_did_not_happen_is_no_event(extractor: FactExtractor) -> None:
    assert events_in(extractor, "The H-1B fee was expected to rise in March, but Congress blocked it.") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Talent Passport was first issued in 2016.", [("Talent Passport", "launched", "2016", "year")]),
        ("Singapore's ONE Pass was first offered in January 2023.",
         [("ONE Pass", "launched", "2023-01", "month")]),
    ],
)
def test_a_programme_first_offered_is_launched(
        extractor: FactExtractor, text: str, want: list[Event]) -> None:
    assert events_in(extractor, text) == want


def test_a_person_first_offered_a_job_is_no_launch(extractor: FactExtractor) -> None:
    assert events_in(extractor, "Rao was first offered an H-1B job in 2019.") == []


def test_a_revised_list_published_on_a_day_is_announced(extractor: FactExtractor) -> None:
    text = ("The Home Office published a revised shortage occupation list for the Skilled Worker visa "
            "on Friday.")
    assert events_in(extractor, text) == [("Skilled Worker visa", "announced", "2025-09-26", "day")]


def test_a_list_of_people_published_is_no_announcement(extractor: FactExtractor) -> None:
    text = "The ministry published a list of Opportunity Card applicants on Tuesday."
    assert events_in(extractor, text) == []
