"""The country lexicon as plain data: the forms news writes a country in, its cities, its bodies.

Reads ``extractors/data/countries.json`` (every sovereign country's names,
demonyms and adjectives, its capital and largest cities) and
``extractors/data/government_bodies.json`` (immigration, interior and labour
ministries and agencies), and compiles one pattern for each. No spaCy here:
the programme-name finder and the programme-country resolver read it.

A phrase that contains a form but names no country ("New Mexico", "Latin
American") is part of the forms pattern too, so a scan consumes it whole, and
:meth:`CountryLexicon.country_of` gives it no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.bundled import read_bundled


@dataclass(frozen=True)
class CountryLexicon:
    """Forms, cities and bodies, each mapped to the canonical country name."""

    forms: dict[str, str | None]  # a form, or a masked phrase (None)
    pattern: re.Pattern[str]  # every form and masked phrase, longest first, whole words
    weak: frozenset[str]  # forms that are also names or common words
    cities: dict[str, str]  # casefolded city name -> country
    city_pattern: re.Pattern[str]  # any city, case-insensitive, whole words
    bodies: dict[str, str]  # body name -> country
    body_pattern: re.Pattern[str]

    def country_of(self, form: str) -> str | None:
        """The country a matched form names (None for a masked phrase)."""
        return self.forms.get(form)

    def city_country(self, city: str) -> str | None:
        """The country of a city written in any case ("TORONTO")."""
        return self.cities.get(city.casefold())

    def mentions(self, text: str, strong_only: bool = True) -> list[tuple[int, int, str]]:
        """(start, end, country) of every country form in ``text``; weak forms only when asked."""
        out = []
        for m in self.pattern.finditer(text):
            country = self.forms.get(m.group(0))
            if country is not None and not (strong_only and m.group(0) in self.weak):
                out.append((m.start(), m.end(), country))
        return out

    def body_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, country) of every government body named in ``text``."""
        return [(m.start(), m.end(), self.bodies[m.group(0)]) for m in self.body_pattern.finditer(text)]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def country_lexicon() -> CountryLexicon:
    """The bundled lexicon (cached: the files do not change while the process runs)."""
    raw = read_bundled("countries.json")
    forms: dict[str, str | None] = {f: c["name"] for c in raw["countries"] for f in c["forms"]}
    for phrase in raw.get("not_countries", []):
        forms[phrase] = None
    cities = {city.casefold(): c["name"] for c in raw["countries"] for city in c.get("cities", [])}
    bodies = {n: b["country"] for b in read_bundled("government_bodies.json")["bodies"] for n in b["names"]}
    return CountryLexicon(
        forms=forms,
        # Every form and body opens with a capital: the look-ahead skips the other positions fast.
        # A form fused to "$" is a currency ("US$80", "NZ$6,450"), not the country: an e-visa
        # "costing US$80.90" in a story on Brazil is Brazil's (blind9 b9_10 read it as American).
        pattern=re.compile(rf"(?<![\w.])(?=[A-Z])(?:{_alternatives(list(forms))})(?![\w$])"),
        weak=frozenset(raw.get("weak_forms", [])),
        cities=cities,
        city_pattern=re.compile(rf"(?<![\w.])(?:{_alternatives(list(cities))})(?![\w])", re.IGNORECASE),
        bodies=bodies,
        body_pattern=re.compile(rf"(?<![\w.])(?=[A-ZÉ])(?:{_alternatives(list(bodies))})(?![\w])"),
    )
