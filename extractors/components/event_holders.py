"""Whether a programme mention is one holder's document ("his H-1B visa", "Rao's visa"), for events.

The programme side's :func:`programme_context.is_personal` reads any possessive
pronoun or person-tagged owner as a holder. Two owners are no holder for an
event: a word of the programme's own name ("the Malaysia My Second Home
programme": "My" is the name's) and a country the tagger took for a person
("Vanuatu's Golden Visa").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.country_lexicon import country_lexicon

_PRONOUNS = frozenset({"his", "her", "my", "your", "our", "their", "whose"})


def a_country(owner: Token) -> bool:
    """The owner is written as a country ("Vanuatu", "Kenya's"), whatever its entity tag."""
    return country_lexicon().country_of(owner.text) is not None


def held_by_one(span: Span) -> bool:
    """'his H-1B visa expired in September': one person's visa, not the programme."""
    owners = [c for c in span.root.children if c.dep_ == "poss" and not span.start <= c.i < span.end]
    return any(o.lower_ in _PRONOUNS or (o.ent_type_ == "PERSON" and not a_country(o)) for o in owners)
