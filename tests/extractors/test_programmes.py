from __future__ import annotations

import pytest

from extractors.components.programmes import canonical_programme, find_programmes, programme_table


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("China's new K visa", "K visa", "China"),
        ("the K-visa programme", "K visa", "China"),
        ("the “K” visa", "K visa", "China"),
        ("H-1B visas", "H-1B", "United States"),
        ("H1B workers", "H-1B", "United States"),
        ("shot itself in the foot on H-1Bs", "H-1B", "United States"),
        ("China's existing R-visa", "R visa", "China"),
        ("an EB-5 investor", "EB-5", "United States"),
        ("the EU Blue Card", "EU Blue Card", "European Union"),
        # beyond the seed topic: routes news names by their title
        ("holders of Japan's Highly Skilled Professional visa", "Highly Skilled Professional visa", "Japan"),
        ("the Specified Skilled Worker (SSW) programme", "Specified Skilled Worker visa", "Japan"),
        ("Australia's new Skills in Demand visa", "Skills in Demand visa", "Australia"),
        ("the Temporary Skill Shortage (TSS) visa", "Temporary Skill Shortage visa", "Australia"),
        ("a 10-year UAE Golden Visa", "Golden Visa", "United Arab Emirates"),
        ("Portugal's golden visa scheme", "Portugal Golden Visa", "Portugal"),
        ("the Graduate route", "Graduate visa", "United Kingdom"),
        ("an H-2B visa", "H-2B", "United States"),
        ("J-1 exchange visitors", "J-1", "United States"),
        ("Canada's Global Talent Stream", "Global Talent Stream", "Canada"),
        ("New Zealand's Accredited Employer Work Visa", "Accredited Employer Work Visa", "New Zealand"),
        ("Singapore's ONE Pass", "ONE Pass", "Singapore"),
        ("a Schengen visa", "Schengen visa", "European Union"),
        ("China's Q visa for family reunions", "Q visa", "China"),
        ("a single-entry Z work visa", "Z visa", "China"),
        ("the K talent visa", "K visa", "China"),
        ("defecting to the Trump administration’s gold card", "Gold Card", "United States"),
    ],
)
def test_aliases_map_to_one_programme(text: str, name: str, country: str) -> None:
    [(_, _, programme)] = find_programmes(text, programme_table())
    assert (programme.name, programme.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "offering visa waivers to Europeans", "visa-free entry", "loosening visa rules",
        "a golden visa for investors", "an employment pass from the labour office", "the E-2 battalion",
        "Graduate students applied", "the work permit", "a Q4 visa backlog",
    ],
)
def test_generic_visa_words_are_not_programmes(text: str) -> None:
    assert find_programmes(text, programme_table()) == []


@pytest.mark.parametrize(("typed", "name"), [("k-visa", "K visa"), ("H1B", "H-1B"), ("K visa", "K visa")])
def test_user_typed_names_resolve(typed: str, name: str) -> None:
    programme = canonical_programme(typed, programme_table())
    assert programme is not None and programme.name == name
