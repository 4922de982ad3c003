"""Grammatical gender of the article's people, so that "she said" can agree.

News copy refers back to a person with "he" or "she" and expects the reader
to know which of the people named so far that is. The signs, strongest
first: what the article itself says of the person (an honorific, a gendered
noun such as "spokeswoman", a "her"/"his" in a sentence naming only that
person), else the person's given name in a table of common given names
(``data/first_names.json``; names borne by men and women alike are left out).
A pronoun after a name may be another person's, so a given name in the table
outweighs pronouns (not an honorific or a gendered noun). A person with no
sign has no gender, and agrees with any pronoun.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc
from spacy.util import registry

from extractors.bundled import read_bundled

Gender = Literal["female", "male"]
PRONOUN_GENDER: dict[str, Gender] = {
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "he": "male", "him": "male", "his": "male", "himself": "male",
}
HONORIFIC_GENDER: dict[str, Gender] = {
    "Mr.": "male", "Mr": "male", "Mrs.": "female", "Mrs": "female", "Ms.": "female", "Ms": "female",
}
NOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(
        "spokeswoman chairwoman businesswoman congresswoman councilwoman mother wife daughter "
        "sister grandmother widow actress".split(), "female"),
    **dict.fromkeys(
        "spokesman chairman businessman congressman councilman father husband son brother "
        "grandfather widower actor".split(), "male"),
}


def first_name_table() -> dict[str, Gender]:
    """The bundled given-name table (``data/first_names.json``): name -> gender."""
    raw = read_bundled("first_names.json")
    table: dict[str, Gender] = dict.fromkeys(raw["female"], "female")
    table.update(dict.fromkeys(raw["male"], "male"))
    return table


# Registered by call, not decorator: the registry's decorator is untyped.
registry.misc.register("newsfacts.first_name_table.v1", func=first_name_table)

Mention = tuple[int, int]


def gender_of(doc: Doc, name: str, mentions: list[Mention], roles: list[str],
              others: list[Mention], names: dict[str, Gender]) -> Gender | None:
    """The gender the article gives the person (``mentions``; ``others`` are
    the other people's mentions), else the one of their given name."""
    strong: list[Gender] = []
    pronouns: list[Gender] = []
    for start, end in mentions:
        honorific, after = _signs_near(doc, start, end, others)
        strong += honorific
        pronouns += after
    strong += [g for role in roles for word in role.lower().split() if (g := NOUN_GENDER.get(word))]
    # A pronoun after the name may be another person's ("Her colleague Daniel
    # Park disagrees with her"): the given name outweighs pronouns, not an
    # honorific or a gendered noun.
    given = names.get(name.split()[0]) if " " in name else None
    for votes in (strong, [given] if given else [], pronouns):
        female, male = votes.count("female"), votes.count("male")
        if female != male:
            return "female" if female > male else "male"
    return None


def _signs_near(doc: Doc, start: int, end: int, others: list[Mention]) -> tuple[list[Gender], list[Gender]]:
    """An honorific right before the mention, and the pronouns after it in a
    sentence that names nobody else ("Lena Marsh said many of her clients")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [], []
    signs: list[Gender] = []
    if span.start > 0 and (g := HONORIFIC_GENDER.get(doc[span.start - 1].text)):
        signs.append(g)
    sent = span.sent
    if any(sent.start_char <= s < sent.end_char for s, _ in others):
        return signs, []
    after = doc[span.end : sent.end]
    return signs, [g for t in after if (g := PRONOUN_GENDER.get(t.lower_))]
