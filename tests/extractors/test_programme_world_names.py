"""Invented passages, one class each, for the programme names and countries that the misses of the
tuning splits blind5 to blind10 grouped into classes (issue 3, round 6). Every passage is written
for this test, in news styles (none is gold or corpus text); the expected set is the passage's
whole visa_programme set as (name, country), compared after ``normalise`` the way the eval does."""

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
        # A currency sign fused to a country's letters ("US$", "NZ$") names a currency, not an
        # issuer: the sentence's one country stays the programme's.
        ("Visitors to Peru now apply for an e-visa costing US$62.50 online.",
         {("e-visa", "Peru")}),
        ("Fiji has made the e-visa mandatory; applicants pay NZ$90 and wait three days.",
         {("e-visa", "Fiji")}),
        # A fee's kind in a sentence of two countries takes its own clause's: "its" the last
        # country before it, a country opening the clause as the subject of "charges" its own.
        ("Uruguay lifted the fee for its investor residence permit to 900 dollars in March, and "
         "Paraguay now charges some student visa applicants 150 dollars.",
         {("investor residence permit", "Uruguay"), ("student visa", "Paraguay")}),
        # A hyphenated category code glossed by words before "visa" is named by the code alone,
        # as "H-1B" is; an unhyphenated code keeps its words as part of the name.
        ("South Korea will grant 5,000 more E-7 specialist employment visas to shipyard welders "
         "next year, the labour ministry said.",
         {("e-7", "South Korea")}),
        ("Indonesia's E31C family residence visa now costs 2 million rupiah.",
         {("e31c family residence visa", "Indonesia")}),
    ],
)
def test_the_programme_and_its_country(
    extractor: FactExtractor, text: str, expected: set[tuple[str, object]]
) -> None:
    assert _programmes(extractor, text) == expected
