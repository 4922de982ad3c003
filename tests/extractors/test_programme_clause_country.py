"""The issuing country of a named programme when its sentence names several countries
(components/programme_name_countries.py). Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.components.programme_names import find_named_programmes


def _country(text: str, name: str) -> str | None:
    return next(f.country for f in find_named_programmes(text) if f.name == name)


# The article names the other country more, so neither the paragraph nor the article gives the issuer.
_BEFORE = "Peru leads the race for remote workers, and Peru's visas sell fastest.\n"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The country opening the clause, subject of a present-tense verb whose object is the name.
        (_BEFORE + "Chile also offers a Condor Residence Visa to retirees, while Peru's Andes Pass is for "
         "workers.", "Condor Residence Visa", "Chile"),
        (_BEFORE + "Norway runs the Fjord Talent Permit for engineers, and Peru's Inca Visa draws investors.",
         "Fjord Talent Permit", "Norway"),
    ],
)
def test_the_clause_subject_issues_the_programme(text: str, name: str, country: str) -> None:
    assert _country(text, name) == country


def test_a_country_that_ends_its_own_clause_is_no_subject() -> None:
    text = _BEFORE + ("Chile agrees, and Peru's rivals say a Condor Residence Visa would cost more "
                      "than Norway's.")
    assert _country(text, "Condor Residence Visa") != "Chile"
