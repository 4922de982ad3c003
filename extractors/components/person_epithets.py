"""Roles said of a person in the next sentence, by a definite description.

"Jorge Medina said the visa had drawn 4,000 applicants. The former diplomat
now advises companies on relocation": a sentence whose subject is "the"
and a noun for a person's job, right after a sentence that names exactly one
person (whose job the article has not said) and names no one itself, speaks of that person; the noun (without
"former" or an age) is their role. Nouns that end like jobs but name things
("the number", "the border") make no role: the noun must be one for people
by its ending with a modifier only people take ("the 24-year-old engineer",
"the veteran diplomat"), or one of the people's nouns of :data:`PERSON_NOUNS`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractors.components.person_index import PersonRecord
from extractors.components.roles import NO_ROLE_NOUNS, ROLE_ENDINGS

# Nouns that only name people by what they do.
PERSON_NOUNS = frozenset(
    "diplomat lawyer attorney solicitor barrister minister official economist engineer nurse doctor "
    "teacher professor academic researcher scientist analyst consultant adviser advisor entrepreneur "
    "founder executive banker accountant architect developer designer recruiter chef farmer journalist "
    "officer envoy ambassador senator lawmaker legislator politician activist campaigner "
    "physician surgeon pharmacist programmer student graduate investor".split()
)
# Modifiers of a noun that only people take ("former", "retired", "24-year-old").
_PEOPLE_MODIFIERS = frozenset("former retired veteran longtime onetime ex".split())


def epithet_roles(doc: Doc, records: list[PersonRecord]) -> None:
    """Add to each record the role a description in the next sentence gives."""
    for sent in doc.sents:
        noun = _epithet(doc, sent.start)
        named = any(s < sent.end_char and e > sent.start_char for r in records for s, e in r.mentions)
        if noun is None or named:
            continue
        before = doc[sent.start - 1].sent
        holders = [r for r in records if any(before.start_char <= s < before.end_char for s, _ in r.mentions)]
        # A person already given a job is referred to by it ("the attorney"
        # after "a lawyer"), or the description is someone else's ("the
        # minister" after the opposition's spokesman): only a role the
        # article has not given yet.
        if len(holders) == 1 and not holders[0].roles:
            words = [t.text for t in noun.lefts if t.dep_ == "compound" and t.text.islower()]
            holders[0].add([" ".join([*words, noun.text])], [])


def _epithet(doc: Doc, start: int) -> Token | None:
    """The subject noun of the sentence opening at ``start`` with "The", when
    it is one for a person's job."""
    if start == 0 or doc[start].lower_ != "the" or doc[start].dep_ != "det":
        return None
    noun = doc[start].head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.pos_ != "NOUN" or not noun.text.islower() \
            or noun.tag_ != "NN" or noun.lower_ in NO_ROLE_NOUNS:
        return None
    if noun.lower_ in PERSON_NOUNS:
        return noun
    marked = any(t.lower_ in _PEOPLE_MODIFIERS or t.lower_.endswith("year-old") or t.lower_ == "old"
                 for t in doc[start + 1 : noun.i])
    return noun if marked and noun.lower_.endswith(ROLE_ENDINGS) else None
