"""What makes a programme one programme: its name as the article writes it, and its country.

The same name in two countries is two programmes (fixtures/README, blind6: "programmes sharing a
name in several countries are separate facts told apart by country"); a category code is the name
alone, as "H-1B" is; an official title's capitalised Scheme or Program is part of the name. Every
sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.components.programme_country import its_country, noun_phrase_country
from extractors.models import VisaProgrammeFact
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind, programmes_in


def _feeprogrammes_in(extractor: FactExtractor, text: str) -> set[object]:
    return {f["programme"] for f in facts_of_kind(extractor.extract(article(text)), "fee")}


# --- "its": the country the possessive stands for --------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Chile opened its digital nomad visa to couples.", "digital nomad visa", "Chile"),
        ("Last year Latvia raised the bar for its own golden visa.", "golden visa", "Latvia"),
        ("Vietnam leads the region. Its e-visa now lasts 90 days.", "e-visa", "Vietnam"),
        # The last country before "its" in the sentence owns it; applicants' countries do not count.
        ("Unlike Peru, Ecuador kept its golden visa.", "golden visa", "Ecuador"),
        ("Nurses from Kenya praised its golden visa.", "golden visa", None),
        # A firm's "its" names no country.
        ("The agency said its golden visa desk was busy.", "golden visa", None),
    ],
)
def test_its_before_a_programme_stands_for_the_country_before_it(
    text: str, mention: str, country: str | None
) -> None:
    start = text.index(mention)
    assert noun_phrase_country(text, start, start + len(mention)) == country


def test_its_opening_a_paragraph_does_not_reach_into_the_paragraph_before() -> None:
    text = "Morocco leads the region.\nIts golden visa ended."
    assert its_country(text, text.index("golden")) is None


def test_no_its_no_country() -> None:
    text = "The golden visa ended."
    assert its_country(text, text.index("golden")) is None


# --- one name, two countries: two programmes --------------------------------------------------


def test_the_same_lowercase_name_in_two_countries_is_twoprogrammes_in(extractor: FactExtractor) -> None:
    text = ("Latvia stopped taking applications for its golden visa on Monday. Cyprus last year doubled "
            "the property threshold for its own golden visa.")  # fmt: skip
    assert programmes_in(extractor, text) == {("golden visa", "Latvia"), ("golden visa", "Cyprus")}


def test_the_shared_table_name_and_its_lowercase_form_split_by_country(extractor: FactExtractor) -> None:
    text = ("When Latvia closed its golden visa, buyers went to the Gulf. The United Arab Emirates is "
            "the leader. Its 10-year Golden Visa needs a home worth AED 2 million. Malaysia launched "
            "its own golden visa in March.")  # fmt: skip
    assert programmes_in(extractor, text) == {
        ("Golden Visa", "Latvia"),
        ("Golden Visa", "United Arab Emirates"),
        ("Golden Visa", "Malaysia"),
    }


def test_a_countrys_golden_visa_is_the_golden_visa_under_that_country(extractor: FactExtractor) -> None:
    # No "Greece Golden Visa": the country is the fact's country, not a part of its name.
    text = "The Greek Golden Visa grants five-year residence to investors who buy a home in Athens."
    assert programmes_in(extractor, text) == {("Golden Visa", "Greece")}


def test_mentions_that_name_no_country_are_the_names_one(extractor: FactExtractor) -> None:
    text = ("Colombia's digital nomad visa asks for three times the minimum wage. The digital nomad "
            "visa lasts two years.")  # fmt: skip
    assert programmes_in(extractor, text) == {("digital nomad visa", "Colombia")}


def test_a_programme_of_one_country_never_splits(extractor: FactExtractor) -> None:
    text = "Mexico praised the H-1B. China's critics said its H-1B was a model for nobody."
    assert programmes_in(extractor, text) == {("H-1B", "United States")}


def test_programme_identity_holds_the_country() -> None:
    spain = VisaProgrammeFact(sentence="s", start=0, end=1, name="golden visa", country="Spain")
    greece = VisaProgrammeFact(sentence="s", start=0, end=1, name="Golden Visa", country="Greece")
    again = VisaProgrammeFact(sentence="t", start=5, end=9, name="Golden visa", country="Spain")
    assert spain.identity() != greece.identity()
    assert spain.identity() == again.identity()


# --- a category code is the name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Seoul will cap the E-8 visa for farm hands, the justice ministry said.", "E-8", "South Korea"),
        ("Welders in Ulsan came on E-7 visas.", "E-7", "South Korea"),
        ("Lisbon's D7 visa suits pensioners.", "D7", "Portugal"),
        ("Laos's L9 visa is new.", "L9", "Laos"),
        # Words between the code and "visa" stay in the name.
        ("Laos's L7 long-stay retiree visa is cheap.", "L7 long-stay retiree visa", "Laos"),
    ],
)
def test_a_code_before_visa_is_the_name_alone(
    extractor: FactExtractor, text: str, name: str, country: str
) -> None:
    assert programmes_in(extractor, text) == {(name, country)}


def test_a_fee_of_a_code_named_visa_is_the_codes(extractor: FactExtractor) -> None:
    text = "Laos's L9 visa costs $150 for new applicants."
    assert _feeprogrammes_in(extractor, text) == {"L9"}


# --- an official title's Scheme or Program ---------------------------------------------------


def test_a_table_programme_written_with_its_title_is_named_by_the_title(extractor: FactExtractor) -> None:
    text = ("Canada paused its Start-up Visa Program on Monday. The Start-up Visa costs C$1,625 "
            "for the main applicant.")  # fmt: skip
    assert programmes_in(extractor, text) == {("Start-up Visa Program", "Canada")}
    assert _feeprogrammes_in(extractor, text) == {"Start-up Visa Program"}


def test_a_table_programme_without_its_title_keeps_the_short_name(extractor: FactExtractor) -> None:
    start_up = {("Start-up Visa", "Canada")}
    assert programmes_in(extractor, "Canada paused the Start-up Visa in May.") == start_up
    # A lowercase "program" describes; it is no part of the title.
    assert programmes_in(extractor, "Canada's Start-up Visa program is small.") == start_up


def test_a_name_found_by_its_form_keeps_its_capitalised_scheme(extractor: FactExtractor) -> None:
    text = ("Oman widened its Talent Entry Pass Scheme to engineers. The Talent Entry Pass costs "
            "500 rials.")  # fmt: skip
    assert programmes_in(extractor, text) == {("Talent Entry Pass Scheme", "Oman")}
