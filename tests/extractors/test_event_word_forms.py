"""Event words and date forms of blind5/blind6's classes of failure, on sentences written
for these tests: a phrasal rise or fall ("goes up"), a change flagged or signalled before
it comes, and a date owned by a possessive ("in last May's white paper"); publication
Monday 2025-09-29."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

Event = tuple[object, object, object, object]


def _events(extractor: FactExtractor, text: str, published: date | None = date(2025, 9, 29)) -> list[Event]:
    facts = facts_of_kind(extractor.extract(article(text, published)), "event")
    return sorted((e["programme"], e["event_type"], e["date"], e["precision"]) for e in facts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Skilled Worker visa fee goes up on Nov. 12.",
         [("Skilled Worker visa", "takes_effect", "2025-11-12", "day")]),
        ("The EU Blue Card salary threshold will go down to €41,000 on 1 January.",
         [("EU Blue Card", "takes_effect", "2026-01-01", "day")]),
        # what goes up is no price of the programme
        ("Applications for the Skilled Worker visa went up in August.", []),
    ],
)
def test_a_phrasal_rise_or_fall_of_a_price(extractor: FactExtractor, text: str,
                                           expected: list[Event]) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Skilled Worker visa fee rises to £900 on Nov. 12. The Home Office flagged the rise in "
         "early September.",
         [("Skilled Worker visa", "announced", "2025-09", "month"),
          ("Skilled Worker visa", "takes_effect", "2025-11-12", "day")]),
        ("The Opportunity Card will get stricter. Ministers signalled the changes in July.",
         [("Opportunity Card", "announced", "2025-07", "month")]),
        # a flag of something else
        ("The Opportunity Card is popular. Ministers flagged concerns about fraud in July.", []),
    ],
)
def test_a_change_flagged_before_it_comes(extractor: FactExtractor, text: str, expected: list[Event]) -> None:
    assert _events(extractor, text) == expected


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
    assert _events(extractor, text) == expected
