"""Unit tests, on invented sentences, for the rules the world challenge set
(``test_programme_world.py``) led to: each rule once where it reads a programme and once where
it must not."""

from __future__ import annotations

import pytest

from extractors.models import normalise
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def _programmes(extractor: FactExtractor, text: str) -> set[tuple[str, object]]:
    facts = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    return {(normalise(str(f["name"])), f["country"]) for f in facts}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Foreigners let in to live or work, and remote workers, make a sentence a migration one
        # for a non-visa head.
        ("Peru's Sunrise Programme lets foreigners live in the Andes for a year.",
         {("sunrise programme", "Peru")}),
        ("Remote workers can now apply for Fiji's Island Living Stamp, officials said.",
         {("island living stamp", "Fiji")}),
        # "its" before a kind is the clause subject country's.
        ("Ghana extended its humanitarian visa for Sudanese refugees.",
         {("humanitarian visa", "Ghana")}),
        # Letters in parentheses after another name are that name's acronym, not the table's.
        ("Laos now asks visitors for an Electronic Travel Authorisation (eTA) before they fly.",
         {("electronic travel authorisation", "Laos")}),
        ("Travellers to Canada need an eTA before they board.", {("eta", "Canada")}),
        # "visa on arrival" is a kind, its modifier after the head; a country possesses it here.
        ("Rwanda's visas on arrival cost $50 at Kigali airport.", {("visa on arrival", "Rwanda")}),
    ],
)
def test_a_rule_reads_the_programme(
    extractor: FactExtractor, text: str, expected: set[tuple[str, object]]
) -> None:
    assert _programmes(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Peru's Sunrise Programme has planted 2,000 trees since March.",
        # Foreigners as tourists or shoppers make no migration sentence.
        "Japan's Green Tourism Card gives foreigners discounts at museums.",
        "The Tourism Recovery Programme brought foreigners back to the beaches of Phuket.",
        "Guests at the Golden Visa Resort were moved to another building after the fire.",
        "The Golden Visa Awards honoured three property agents on Friday.",
        # A visa on arrival no country possesses is a passing mention.
        "Visitors from 30 countries qualify for a visa on arrival, the tourism board said.",
    ],
)
def test_a_rule_reads_no_programme(extractor: FactExtractor, text: str) -> None:
    assert _programmes(extractor, text) == set()
