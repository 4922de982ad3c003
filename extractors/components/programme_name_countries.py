"""The issuing country of each programme named by its form (``programme_names.py``): a leading
country in the name, then the mention's sentence, its context, and the country the article names most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components.common import first_most_common
from extractors.components.programme_country import context_country, issuers, issuers_in_order
from extractors.components.programme_text import sentence
from extractors.country_lexicon import CountryLexicon


@dataclass(frozen=True)
class NamedProgramme:
    """One mention of a programme found by its form: where, canonical name, country."""

    start: int
    end: int
    name: str
    country: str | None


def strip_country(name: str, countries: CountryLexicon) -> tuple[str, str | None]:
    """A leading country ("Taiwan Employment Gold Card") moves to the country; one inside stays."""
    m = countries.pattern.match(name)
    leading = countries.country_of(m.group(0)) if m else None
    if m and leading and name[m.end() :].strip() and not _is_generic_rest(name[m.end() :]):
        return name[m.end() :].strip(), leading
    inner = [c for _, _, c in countries.mentions(name, strong_only=False)]
    return name, inner[0] if inner else None


def _is_generic_rest(rest: str) -> bool:
    """Too little is left without the country to be the name ("Thailand Elite Visa" stays whole)."""
    return len(rest.split()) <= 2


def resolve(
    text: str, found: list[tuple[int, int, str, str | None]], countries: CountryLexicon
) -> list[NamedProgramme]:
    """Fill in the country a mention's own words did not give. A programme has one country: that
    of its mention with the nearest evidence (its own words, then its sentence, then its paragraph,
    headline or dateline, then the article's), the first such mention on a tie; a headline's "nomad
    visas" does not outweigh "Costa Rica's ... Digital Nomad Visa" further down."""
    best: dict[str, tuple[int, int, str]] = {}  # name -> (strength, position, country)
    for start, end, name, country in found:
        strength = 0
        if country is None:
            strength, country = 1, _sentence_country(text, start, end, countries)
        if country is None:
            strength, country = 2, context_country(text, start, end, countries)
        key = name.casefold()
        if country is not None and (key not in best or (strength, start) < best[key][:2]):
            best[key] = (strength, start, country)
    chosen = {key: country for key, (_, _, country) in best.items()}
    unresolved = {n.casefold() for _, _, n, _ in found} - set(chosen)
    dominant = _dominant(text, countries) if unresolved else None
    return [NamedProgramme(s, e, name, chosen.get(name.casefold(), dominant)) for s, e, name, _ in found]


def _sentence_country(text: str, start: int, end: int, countries: CountryLexicon) -> str | None:
    """The one country the mention's sentence names as issuer, if it names exactly one."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? "))) + 1
    right = left + len(sentence(text, start, end))
    found = issuers(text, left, right, countries)
    if len(found) > 1:
        return _clause_subject(text, left, start, countries)
    return found.pop() if found else None


# A verb, then the article or "its", between a country and the programme it runs ("Bahrain offers a").
_SUBJECT_GAP = re.compile(r"\s+(?:now\s+|also\s+|still\s+)?[a-z]+s\s+(?:a|an|its|the)\s+$")


def _clause_subject(text: str, left: int, start: int, countries: CountryLexicon) -> str | None:
    """When a sentence names several countries, the one its clause opens with as the subject of a
    present-tense verb whose object is the mention: "Bahrain offers a Golden Residency Visa ..., and
    Oman's ..." is Bahrain's."""
    named = countries.mentions(text[left:start])
    if not named:
        return None
    _, end, country = named[-1]
    return country if _SUBJECT_GAP.fullmatch(text, left + end, start) else None


def _dominant(text: str, countries: CountryLexicon) -> str | None:
    """The country the article names most (first named on a tie), if it names any."""
    return first_most_common(c for c in issuers_in_order(text, countries))
