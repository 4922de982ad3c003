"""Affiliations named after an employer noun, read from the text.

"Nadia Pereira, policy director at the charity Care Without Borders, said":
the small model often tags no organisation there (or parses "Care" as an
appositive of "charity"), but English names the employer the same way every
time: "the <kind of organisation> <Capitalised Name>". The kinds are data
(:data:`EMPLOYER_NOUNS`).
"""

from __future__ import annotations

import re

# Nouns that name the kind of employer in "the relocation agency Bund Bridge",
# "a spokesman for the department": the phrase after them is the employer.
EMPLOYER_NOUNS = frozenset(
    "firm company startup agency consultancy group tank charity organisation organization "
    "university institute bank fund foundation council association body network department "
    "ministry office commission administration embassy union lobby nonprofit".split()
)
_NAME_WORD = r"(?:[A-Z][\w’'.&-]*|&)"
_EMPLOYER_NAME = re.compile(
    rf"\b(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}(?P<kind>{'|'.join(sorted(EMPLOYER_NOUNS))})\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|for|and|on|de|du|la))*)"
)
# Lowercase words allowed inside a name ("Care Without Borders" has none,
# "Bureau of Immigration" has one) may not end it.
_TRAILING = re.compile(r"(?:\s+(?:of|for|and|on|de|du|la))+$")


def employer_names(description: str) -> list[str]:
    """Organisation names that follow an employer noun in ``description``
    (the appositive after a person's name)."""
    found = []
    for match in _EMPLOYER_NAME.finditer(description):
        name = _TRAILING.sub("", match["name"]).rstrip(".")
        if name:
            found.append(name)
    return found
