"""Generic kinds that the text makes one country's programme (components/programme_kinds.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.components.programme_kinds import find_kind_programmes
from extractors.components.programme_names import find_named_programmes
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Cambodia's e-visa now lasts 60 days.", "e-visa", "Cambodia"),
        ("Kenya's new eVisa portal opened.", "e-visa", "Kenya"),
        ("the Netherlands' knowledge migrant scheme is popular", "knowledge migrant scheme", "Netherlands"),
        ("Uruguay's retirement visa drew 300 pensioners.", "retirement visa", "Uruguay"),
        ("Retirees applying for a permanent resident visa to Panama need a pension.",
         "permanent resident visa", "Panama"),
        ("Chile's 12-month temporary residence permit is cheaper.", "temporary residence permit", "Chile"),
    ],
)
def test_a_kind_anchored_to_one_country_is_a_programme(text: str, name: str, country: str) -> None:
    [found] = find_named_programmes(text)
    assert (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "The permit bundles a work permit, a resident visa and an ID card into one document.",
        "Travellers who want a holiday can apply for a tourist visa online.",
        "Some students asked about work permits in Canada and Britain.",
        "Norway's visa rules changed.",
        "Peru's visa-free regime covers 100 nations.",
        "Fiji's visa waivers were extended.",
        "You need a Z visa work permit first.",
        "Georgia's work permit is cheap.",  # a weak form: a US state as often as the country
    ],
)
def test_a_kind_named_in_passing_stays_generic(text: str) -> None:
    assert find_kind_programmes(text) == []


def test_a_kind_the_text_classes_as_a_permit_of_its_own_is_a_programme() -> None:
    text = ("Finland will not change the EU Blue Card, or the specialist visa, a two-year permit "
            "created in 2019 for senior engineers.")  # fmt: skip
    names = {(f.name, f.country) for f in find_named_programmes(text)}
    # The EU inside the Blue Card's name is no issuer of the specialist visa.
    assert ("specialist visa", "Finland") in names


def test_a_kind_the_headline_and_body_are_about_is_a_programme() -> None:
    text = ("Norway plans higher salary floor for work permits\n"
            "OSLO, March 3 - Norway wants to raise the salary floor for work permits.\n"
            "The directorate charges 6,300 crowns for a work permit application.\n"
            "About 9,000 work permits were granted last year.")  # fmt: skip
    found = find_named_programmes(text)
    assert {(f.name, f.country) for f in found} == {("work permit", "Norway")}
    assert len(found) == 4


def test_a_kind_repeated_without_the_headline_stays_generic() -> None:
    text = ("Teaching abroad: what you need\nYou need a work permit. Schools apply for the work permit. "
            "The work permit takes weeks.")  # fmt: skip
    assert find_kind_programmes(text) == []


def test_a_lowercase_short_form_is_the_capitalised_name_it_shortens() -> None:
    text = ("Malta raises pay floor for key skills permits\n"
            "Malta will raise the salary floor of its Key Skills Work Permit in May. "
            "The key skills permit, created in 2012, covers engineers.")  # fmt: skip
    found = find_named_programmes(text)
    assert {f.name for f in found} == {"Key Skills Work Permit"}


def test_fees_attach_to_a_kind_made_a_programme(extractor: FactExtractor) -> None:
    text = ("Cambodia's e-visa now lasts 60 days. It costs $36 for a single entry, paid online.\n"
            "Agencies charge $20 on top of that.")  # fmt: skip
    facts = extractor.extract(article(text))
    programmes = {(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")}
    assert programmes == {("e-visa", "Cambodia")}
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}
    assert ("e-visa", 36.0) in fees


def test_a_capitalised_programme_noun_before_a_lowercase_one_is_a_title() -> None:
    [found] = find_named_programmes("Qatar's Investor Residency programme is new.")
    assert (found.name, found.country) == ("Investor Residency", "Qatar")
    assert find_named_programmes("He needs a Work Visa programme place.") == []


def test_a_scheme_for_hiring_foreign_staff_is_about_migration() -> None:
    text = "The Priority Hire Scheme lets certified firms take on foreign staff within days."
    assert [f.name for f in find_named_programmes(text)] == ["Priority Hire Scheme"]
    assert find_named_programmes("The Priority Hire Scheme lets firms take on apprentices.") == []


def test_a_quoted_name_before_a_programme_noun_is_a_programme() -> None:
    found = find_named_programmes("Uruguay offers the “Silver” visa to wealthy retirees.")
    assert [(f.name, f.country) for f in found] == [("Silver visa", "Uruguay")]
    found = find_named_programmes("Laos launched a “second home” visa for wealthy foreigners.")
    assert [f.name for f in found] == ["second home visa"]


def test_scare_quotes_and_quoted_labels_are_no_programmes() -> None:
    assert find_named_programmes("He said the minister promised a “lifetime” visa.") == []
    assert find_named_programmes("Critics call it a “cash for residence” scheme.") == []
    assert find_named_programmes("He called it a “work” visa.") == []


def test_a_lowercase_short_form_anywhere_is_the_name_it_shortens(extractor: FactExtractor) -> None:
    text = ("Malta will raise the salary floor of its Key Skills Work Permit in May.\n"
            "A key skills permit costs €280, officials said. Cooks need a work permit.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert {f["name"] for f in facts_of_kind(facts, "visa_programme")} == {"Key Skills Work Permit"}
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}
    assert fees == {("Key Skills Work Permit", 280.0)}


def test_by_links_the_words_of_a_name() -> None:
    found = find_named_programmes("Malta's Residence by Investment Programme drew 900 migrants.")
    assert [(f.name, f.country) for f in found] == [("Residence by Investment Programme", "Malta")]
    assert find_named_programmes("Travel by Rail Pass holders rose.") == []
