"""Affiliations named after an employer noun, read from the text.

"Nadia Pereira, policy director at the charity Care Without Borders, said":
the small model often tags no organisation there (or parses "Care" as an
appositive of "charity"), but English names the employer the same way every
time: "the <kind of organisation> <Capitalised Name>". The kinds are data
(:data:`EMPLOYER_NOUNS`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# Nouns that name the kind of employer in "the relocation agency Bund Bridge",
# "a spokesman for the department": the phrase after them is the employer.
EMPLOYER_NOUNS = frozenset(
    "firm company startup start-up agency consultancy group tank charity organisation organization "
    "university institute bank fund foundation council association body network department "
    "ministry office commission administration embassy union lobby nonprofit "
    # Services, schools and media that employ people too ("the Hamburg advice
    # service Neuanfang Beratung", "the hiring platform TalentGrid").
    "service clinic school hospital federation chamber institution platform publisher newspaper "
    "broadcaster laboratory lab coalition alliance centre center".split()
)
# Nouns for what a company is, in the appositive after its name ("Kessler
# Antriebstechnik, a Stuttgart gearbox maker"): never a person's.
COMPANY_NOUNS = frozenset(
    "maker manufacturer company firm startup start-up group provider operator supplier producer "
    "retailer chain lender insurer carrier airline consultancy agency charity nonprofit conglomerate "
    "exporter importer outsourcer brand business employer platform coalition tank lobby alliance".split()
)


def described_as_company(ent: Span) -> bool:
    """The name's appositive says it is a company ("X, a gearbox maker"), or
    the name is the appositive of a company noun ("its supplier, X")."""
    heads = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    holder = ent.root.head
    named = ent.root.dep_ == "appos" and holder.i < ent.start and holder.lower_ in COMPANY_NOUNS
    return named or (bool(heads) and heads[0].lower_ in COMPANY_NOUNS and heads[0].text.islower())


def modifies_company(token: Token) -> bool:
    """'a Stuttgart gearbox maker': a name in front of a company noun says
    where the company is, not whom someone works for."""
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i != token.i and head.lower_ in COMPANY_NOUNS


_NAME_WORD = r"(?:[A-Z][\w’'.&-]*|&)"
_EMPLOYER_NAME = re.compile(
    rf"\b(?:the|a|an|at)\s+(?:[\w-]+\s+){{0,3}}(?P<kind>{'|'.join(sorted(EMPLOYER_NOUNS))})\s+"
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


def possessor_name(owner: Token) -> str | None:
    """'Immigration New Zealand's general manager': a name of several
    capitalised words before a possessive, not all of one place ("New
    Zealand's minister" is a country's), is the organisation the role is of."""
    doc = owner.doc
    start = owner.i
    while start - 1 >= owner.sent.start and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].dep_ == "compound" and doc[start - 1].text[:1].isupper():
        start -= 1
    words = doc[start : owner.i + 1]
    if len(words) < 2 or owner.pos_ != "PROPN" or all(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in words) \
            or any(t.ent_type_ == "PERSON" for t in words):
        return None
    return words.text
