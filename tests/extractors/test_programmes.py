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
    ],
)
def test_aliases_map_to_one_programme(text: str, name: str, country: str) -> None:
    [(_, _, programme)] = find_programmes(text, programme_table())
    assert (programme.name, programme.country) == (name, country)


@pytest.mark.parametrize(
    "text", ["offering visa waivers to Europeans", "visa-free entry", "loosening visa rules"]
)
def test_generic_visa_words_are_not_programmes(text: str) -> None:
    assert find_programmes(text, programme_table()) == []


@pytest.mark.parametrize(("typed", "name"), [("k-visa", "K visa"), ("H1B", "H-1B"), ("K visa", "K visa")])
def test_user_typed_names_resolve(typed: str, name: str) -> None:
    programme = canonical_programme(typed, programme_table())
    assert programme is not None and programme.name == name
