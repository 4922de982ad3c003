"""A shared programme name takes the country that is the subject of the verb it is the object of
(components/programme_subject_country.py). Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from extractors.components.programme_subject_country import clause_subject_country
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def _country(text: str, name: str) -> str | None:
    return clause_subject_country(text, text.index(name))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Oman launched a Golden Visa for retirees last week.", "Oman"),
        ("Bahrain has quietly unveiled its new Golden Visa.", "Bahrain"),
        ("Officials said Kenya introduces a Golden Visa in March.", "Kenya"),
    ],
)
def test_the_subject_country_of_the_verb_is_the_issuer(text: str, country: str) -> None:
    assert _country(text, "Golden Visa") == country


@pytest.mark.parametrize(
    "text",
    [
        # Applicants, not a government: no verb right after the country word.
        "Indian investors want a Golden Visa in the Gulf.",
        # A country with no verb between is the noun phrase's business, not this rule's.
        "Omani Golden Visa holders may sponsor parents.",
        # A preposition between the verb and the name: the name is no object of the verb.
        "Oman invested in hotels before the Golden Visa arrived.",
    ],
)
def test_other_shapes_give_no_subject_country(text: str) -> None:
    assert _country(text, "Golden Visa") is None


def test_a_shared_table_name_takes_its_subject_country(extractor: FactExtractor) -> None:
    facts = extractor.extract(article("Oman launched a Golden Visa for retirees."))
    programmes = facts_of_kind(facts, "visa_programme")
    assert {(f["name"], f["country"]) for f in programmes} == {("Golden Visa", "Oman")}
