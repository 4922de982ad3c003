"""Programmes named by "known as" or "called" (components/programme_aliases.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.components.programme_names import find_named_programmes


def _named(text: str) -> set[tuple[str, str | None]]:
    return {(f.name, f.country) for f in find_named_programmes(text)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A code with no programme noun of its own.
        ("Estonia is widening its digital nomad visa, known as the DN7, to couples.", "DN7", "Estonia"),
        # A name without a programme noun, after a vague noun in a sentence about migration.
        ("Chile will replace its quota for foreign workers with a new system called Talent Gate.",
         "Talent Gate", "Chile"),
        # The name goes on into a clause.
        ("Peru's investor visa, known as Inka Plus and opened in 2024, drew 300 applicants.",
         "Inka Plus", "Peru"),
    ],
)
def test_a_name_given_by_known_as_names_the_programme(text: str, name: str, country: str) -> None:
    assert (name, country) in _named(text)


def test_the_lowercase_mention_before_the_alias_is_the_alias() -> None:
    text = "Estonia is widening its digital nomad visa, known as the DN7, to couples."
    assert _named(text) == {("DN7", "Estonia")}


@pytest.mark.parametrize(
    "text",
    [
        # The capitalised run goes on into a lowercase noun: no shorter name.
        "The visa, known officially as the Harbour Founder status of residence, is strict.",
        # A vague noun outside a migration story.
        "The city's new tram system, called Blue Line, opens in May.",
        # An ID card is no programme.
        "The card, known as the Resident ID, is issued in a week.",
    ],
)
def test_no_alias_where_the_phrase_names_no_programme(text: str) -> None:
    assert not {n for n, _ in _named(text) if n in {"Harbour Founder", "Blue Line", "Resident ID"}}


def test_a_nickname_after_a_capitalised_name_leaves_the_name() -> None:
    text = "Peru's Investor Residence Permit, also called Inka Plus, drew 300 applicants."
    assert {n for n, _ in _named(text)} == {"Investor Residence Permit"}
