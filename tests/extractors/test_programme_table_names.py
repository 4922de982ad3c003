"""Which table programme a name found by its form stands for (components/programme_table_names.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

from extractors.components.programme_name_countries import NamedProgramme
from extractors.components.programme_table_names import table_name
from extractors.components.programmes import programme_table
from extractors.nlp import FactExtractor
from tests.extractors.conftest import events_in, programmes_in


def test_a_lowercase_compound_ending_a_table_name_is_that_programme(extractor: FactExtractor) -> None:
    # "digital nomad pass" ends in "nomad pass", as "DE Rantau Nomad Pass" does.
    text = ("Malaysia's digital nomad pass, launched in March 2023, has drawn 4,000 coders. "
            "Holders of the DE Rantau Nomad Pass may stay two years.")
    assert programmes_in(extractor, text) == {("DE Rantau Nomad Pass", "Malaysia")}
    assert events_in(extractor, text) == [("DE Rantau Nomad Pass", "launched", "2023-03", "month")]


def test_a_kind_ending_a_table_name_stays_apart() -> None:
    # "work visa" is a kind: "temporary work visa" is no short form of the Accredited Employer Work Visa.
    found = {"accredited employer work visa": "Accredited Employer Work Visa"}
    named = NamedProgramme(0, 19, "temporary work visa", "New Zealand")
    assert table_name(named, found, programme_table()) is None
    nomad = NamedProgramme(0, 18, "digital nomad pass", "Malaysia")
    assert table_name(nomad, {"de rantau nomad pass": "DE Rantau Nomad Pass"}, programme_table()) \
        == "DE Rantau Nomad Pass"


def test_a_table_programme_named_with_another_programme_noun_is_that_programme(
    extractor: FactExtractor,
) -> None:
    text = ("Australia closed its Global Talent visa last December. Agents said clients had waited "
            "months under the old Global Talent stream.")
    assert programmes_in(extractor, text) == {("Global Talent visa", "Australia")}


def test_another_programme_noun_of_another_country_stays_apart(extractor: FactExtractor) -> None:
    text = ("Britain's Global Talent visa drew 8,000 scientists. Canada's Global Talent stream "
            "drew more engineers.")
    found = programmes_in(extractor, text)
    assert ("Global Talent visa", "United Kingdom") in found
    assert any(country == "Canada" for _, country in found)
