"""A kind of visa the writer capitalises as a title (components/programme_kind_titles.py), and one
word capitalised only by its sentence (components/programme_capitalised.py).

"Norway's Student visa" names Norway's student visa programme; "a student visa" and "a Work Visa"
stay kinds. Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.components.programme_names import find_named_programmes
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def _named(text: str) -> set[tuple[str, str | None]]:
    return {(f.name, f.country) for f in find_named_programmes(text)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The kind word capitalised mid-sentence, the programme noun in lower case.
        ("Fees for Norway's Student visa climbed again in March.", "Student visa", "Norway"),
        ("A Canadian Visitor visa now takes six weeks to process.", "Visitor visa", "Canada"),
        ("Since spring the Student visa has cost more than the Visitor visa in Norway.",
         "Student visa", "Norway"),
        # Both words capitalised count when a country owns the phrase.
        ("Critics say Peru's Investor Visa attracts few applicants.", "Investor Visa", "Peru"),
        # An owner in the noun phrase keeps a kind after "a" a title.
        ("She holds a Norwegian Investor visa since May.", "Investor visa", "Norway"),
        # A country before the kind word is the issuer, not part of the name.
        ("Her cousin holds a Norwegian Student visa and works weekends.", "Student visa", "Norway"),
    ],
)
def test_a_kind_capitalised_mid_sentence_is_a_programme(text: str, name: str, country: str) -> None:
    assert (name, country) in _named(text)


@pytest.mark.parametrize(
    "text",
    [
        # Lower case: a kind (a programme only as the article's subject, under its lowercase name).
        "Norway's student visa costs more now.",
        # Title Case without an owner: a kind still.
        "He applied for a Work Visa after the interview.",
        # Capitalised by the sentence, not by the writer.
        "Student visa holders in Norway may work 20 hours a week.",
        # A headline capitalises every word.
        "Norway Raises Student Visa Fees Again\nThe rise surprised universities.",
        # Coordinated after a word the sentence capitalises.
        "Work and Student visas rose in cost.",
        # Words that say nothing about what the visa is for are no title.
        "Norway said a New visa would follow.",
        # An indefinite article asks for any visa of the kind, however the writer cases it.
        "Her brother got a Work visa within a week.",
        "Norway expects an Investor visa to take three months.",
    ],
)
def test_a_kind_written_as_a_kind_is_no_title(text: str) -> None:
    assert not {name for name, _ in _named(text) if name[0].isupper()}


def test_a_kind_title_keeps_the_subclass_it_carries() -> None:
    text = "Applicants for the Student visa (subclass 570) in Ruritania pay 900 dollars."
    assert {name for name, _ in _named(text)} == {"Student visa (subclass 570)"}


def test_a_kind_title_takes_the_fee_of_its_sentence(extractor: FactExtractor) -> None:
    # Not the other country's visa named in the next sentence.
    text = ("The Student visa fee in Norway rose to 9,000 kroner in May. "
            "By comparison a US F-1 visa costs $185.")
    facts = extractor.extract(article(text))
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}
    assert fees == {("Student visa", 9000.0), ("F-1", 185.0)}
    programmes = {(p["name"], p["country"]) for p in facts_of_kind(facts, "visa_programme")}
    assert ("Student visa", "Norway") in programmes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One word opening a sentence is capitalised by the sentence: no name alone.
        ("Existing visa holders in Ruritania keep their rights.", set()),
        # It counts when the article also writes it capitalised mid-sentence.
        ("Nordlys visa holders may work. Norway launched the Nordlys visa in May.", {"Nordlys visa"}),
    ],
)
def test_one_word_opening_a_sentence_names_a_programme_only_if_written_so_elsewhere(
    text: str, expected: set[str]
) -> None:
    assert {name for name, _ in _named(text)} == expected
