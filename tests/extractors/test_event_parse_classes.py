"""Event classes read from the parse, on sentences written for these tests:
a date the parse hangs on a participle of the changed object, a change noun
that points back, a state that has held since a fronted date, a requirement
that applies from a date, a gerund that an authority proposes, and the
coarser twin of an event the article dates more finely (publication Monday
2025-09-29 unless named)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date hangs on the participle that describes the changed price
        ("The United States will raise the fee charged to H-1B employers to $5,000 on Nov. 3.",
         ("H-1B", "takes_effect", "2025-11-03", "day")),
        ("China will cut the processing charge paid by K visa applicants to $40 on Oct. 20.",
         ("K visa", "takes_effect", "2025-10-20", "day")),
        ("Officials will lower the level of the H-1B fee to $50,000 on Dec. 1.",
         ("H-1B", "takes_effect", "2025-12-01", "day")),
    ],
)
def test_date_on_a_participle_of_the_object(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert expected in events_in(extractor, text)


def test_a_participle_without_a_trigger_above_names_no_event(extractor: FactExtractor) -> None:
    text = "Engineers hired by K visa sponsors on Oct. 20 told reporters the wait was short."
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "China opened the K visa to scientists on Oct. 1. The last increase took effect on June 3, 2024.",
        "China opened the K visa to scientists on Oct. 1. The previous cut took effect on June 3, 2024.",
        "China opened the K visa to scientists on Oct. 1. The last hike came into force on June 3, 2024.",
    ],
)
def test_a_change_noun_points_back_to_the_programme(extractor: FactExtractor, text: str) -> None:
    assert ("K visa", "takes_effect", "2024-06-03", "day") in events_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since March 4, 2024, the K visa has been valid for five years.",
         ("K visa", "takes_effect", "2024-03-04", "day")),
        ("Since July 2023, the H-1B lottery has been mandatory for every employer.",
         ("H-1B", "takes_effect", "2023-07", "month")),
        ("Since May 2, 2024, the K visa has been open to graduates of any university.",
         ("K visa", "launched", "2024-05-02", "day")),
        ("Since June 10, 2024, H-1B employers have been required to file online.",
         ("H-1B", "takes_effect", "2024-06-10", "day")),
    ],
)
def test_a_state_that_has_held_since_a_date(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # no present perfect, no rule state: background, not an event
        "Since March 4, 2024, the K visa has drawn 9,000 applicants.",
        "Since March 4, 2024, the K visa has been popular with engineers.",
    ],
)
def test_other_things_since_a_date_are_no_event(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


def test_a_requirement_from_a_date_takes_effect(extractor: FactExtractor) -> None:
    text = "Applicants for the K visa will need to show a degree certificate from Nov. 10."
    assert events_in(extractor, text) == [("K visa", "takes_effect", "2025-11-10", "day")]


def test_a_requirement_from_a_relative_date_without_a_publication_date(extractor: FactExtractor) -> None:
    text = "Applicants for the K visa will need to show a degree certificate from next month."
    assert events_in(extractor, text, published=None) == [("K visa", "takes_effect", None, None)]


def test_a_wish_is_still_no_event(extractor: FactExtractor) -> None:
    text = "Universities said the government needs to scrap the H-1B lottery on Jan. 1."
    assert events_in(extractor, text) == []


def test_an_authority_proposes_a_gerund(extractor: FactExtractor) -> None:
    text = ("The H-1B programme draws most applicants from India. "
            "The government proposed on Friday raising the minimum salary for applicants.")
    assert ("H-1B", "proposed", "2025-09-26", "day") in events_in(extractor, text)


def test_the_coarser_twin_in_another_sentence_goes(extractor: FactExtractor) -> None:
    text = ("Germany to lower the EU Blue Card salary floor from January\n\n"
            "Germany will lower the EU Blue Card salary floor to 40,000 euros from Jan. 1, officials said.")
    assert events_in(extractor, text) == [("EU Blue Card", "takes_effect", "2026-01-01", "day")]


def test_different_months_of_one_programme_both_stay(extractor: FactExtractor) -> None:
    text = ("The EU Blue Card rules took effect in March 2024. "
            "The EU Blue Card rules will take effect again on Jan. 1.")
    assert events_in(extractor, text) == [
        ("EU Blue Card", "takes_effect", "2024-03", "month"),
        ("EU Blue Card", "takes_effect", "2026-01-01", "day"),
    ]


def test_a_priced_argument_takes_the_programme_of_its_fee(extractor: FactExtractor) -> None:
    text = ("The United States charges a $7,500 fee on new H-1B petitions. "
            "Employers also file many L-1 petitions for transfers. "
            "The $7,500 fee took effect on March 3, 2025.")
    events = events_in(extractor, text)
    assert ("H-1B", "takes_effect", "2025-03-03", "day") in events
    assert all(programme != "L-1" for programme, *_ in events)


def test_what_applicants_must_do_from_a_date_is_the_programmes_rule(extractor: FactExtractor) -> None:
    text = ("China launched the K visa for young scientists on Oct. 1. "
            "From Dec. 1, applicants also need a signed letter from their university.")
    assert ("K visa", "takes_effect", "2025-12-01", "day") in events_in(extractor, text)


def test_an_infinitive_of_something_else_points_back_to_nothing(extractor: FactExtractor) -> None:
    text = ("China launched the K visa for young scientists on Oct. 1. "
            "The city's housing subsidy for graduates is due to shrink to 20% from March 2026.")
    assert events_in(extractor, text) == [("K visa", "launched", "2025-10-01", "day")]


def test_an_infinitive_of_a_part_of_the_programme_points_back(extractor: FactExtractor) -> None:
    text = ("China launched the K visa for young scientists on Oct. 1. "
            "A second phase of the scheme is due to start in March 2026.")
    assert ("K visa", "launched", "2026-03", "month") in events_in(extractor, text)
