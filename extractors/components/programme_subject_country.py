"""The country that opens the clause a shared programme's name is the object of: "Indonesia
launched a Golden Visa", "Oman has unveiled its new Golden Visa scheme".

A shared name ("Golden Visa", "Employment Pass") takes its country from its own noun phrase, and a
bare country word right before it can name its holders instead ("Indian Employment Pass holders"),
so a country the noun phrase reaches only through a verb was read as neither. A country that is
the subject of a verb whose object the name is ("<country> launched a ...") is its issuer: news
writes governments as the subject of what they do to their programmes. The country must be
followed by a verb (a past tense, or a present verb news uses of programmes), then an article or
"its", so "Indian investors want a Golden Visa" stays unread.
"""

from __future__ import annotations

import re

from extractors.components.programme_country import BETWEEN
from extractors.country_lexicon import CountryLexicon, country_lexicon

_AUXILIARY = r"(?:(?:has|have|had|will|would|is|was|also|now|quietly|recently|finally|formally)\s+)*"
_VERB = (r"(?:[a-z]{3,}ed|began|begins|brought\s+in|brings\s+in|set\s+up|sets\s+up|rolled\s+out"
         r"|rolls\s+out|offers|runs|launches|unveils|introduces|opens|announces|approves|scraps|ends"
         r"|revamps|expands|extends|suspends|overhauls|tightens|relaxes|reopens|unveil|launch|introduce"
         # what a government does to a programme's applicants ("Chile now charges some work visa
         # applicants up to US$700")
         r"|charges|charge)")
_OBJECT = r"(?:a|an|the|its|their|some|most)\s+"


def clause_subject_country(text: str, start: int, lexicon: CountryLexicon | None = None) -> str | None:
    """The country the clause before ``start`` opens with as the subject of a verb whose object
    the mention at ``start`` is; None when the words before are of another shape."""
    lex = lexicon or country_lexicon()
    before = text[max(0, start - 120) : start]
    clause = rf"(?<![\w.])(?P<c>{lex.pattern.pattern})\s+{_AUXILIARY}{_VERB}\s+{_OBJECT}{BETWEEN}$"
    m = re.search(clause, before)
    if m is None or m["c"] in lex.weak:
        return None
    return lex.country_of(m["c"])
