"""A kind of visa the writer capitalises as a title: "Australia's Student visa", "a UK Student visa",
"Italy's Investor Visa" (``programme_capitalised.py``).

One generic word before a programme noun is a kind ("a work visa", "a Work Visa", "the Chinese
visa"). Governments that name their visas by kind (Australia's and the UK's "Student visa",
"Visitor visa") are written with the kind word capitalised mid-sentence, the programme noun in
lower case: that casing is the writer's, not the sentence's, and names the programme. Both words
capitalised ("a Work Visa") is Title Case, a kind still, unless a country owns it in the noun phrase
("Italy's Investor Visa"); after "a" or "an" it is a kind in any casing unless a country owns
it ("a Work visa" but "a UK Student visa"). A kind word that opens a sentence is capitalised by
the sentence and says nothing, and so does one coordinated after a capitalised word
("Work and Student visas").
One kind word is a thin name: the subclass number a title carries in parentheses is part of it
("the Student visa (subclass 500)").
"""

from __future__ import annotations

import re

from extractors.components.programme_country import issuer_of_noun_phrase
from extractors.components.programme_text import in_heading, opens_sentence

# The words of GENERIC (``programme_words.py``) that say what a visa is for, and so can be a
# government's title for it; "new", "national", "special" or the programme nouns never are.
_KINDS = frozenset("""
work worker employment business student study visitor visit tourist transit family spouse partner
investor investment retirement medical religious journalist humanitarian refugee talent seasonal
exchange residence resident
""".split())  # fmt: skip
# Programme nouns a kind title ends in ("Student visa", "Student route", "Work permit").
_HEADS = frozenset({"visa", "visas", "route", "routes", "permit", "permits"})
_CONJUNCT = re.compile(r"[A-Z][\w-]*,?[ \t]+(?:and|or|&)[ \t]+$")
# "a Work visa", "an Investor visa": an indefinite article asks for any visa of the kind.
_INDEFINITE = re.compile(r"(?<![\w-])[Aa]n?[ \t]+$")


def kind_title(text: str, word: str, start: int, head: str, end: int) -> bool:
    """Whether the kind ``word`` (at or after ``start``) before ``head`` names a programme: written
    capitalised mid-sentence in prose, with the head in lower case or a country owning the phrase."""
    if word.casefold() not in _KINDS or head.casefold() not in _HEADS or not word[0].isupper():
        return False
    position = text.find(word, start, end)
    if position < 0 or opens_sentence(text, position) or in_heading(text, position):
        return False
    # "Work and Student visas": a coordinated kind takes its capital from the kind before it.
    if _CONJUNCT.search(text, max(0, position - 40), position):
        return False
    owned = issuer_of_noun_phrase(text, start, end) is not None
    # "She applied for a Work visa": without an owner, an indefinite kind is a kind however cased.
    if not owned and _INDEFINITE.search(text, max(0, position - 4), position):
        return False
    return head[0].islower() or owned


_SUBCLASS = re.compile(r"[ \t]+\(subclass[ \t]+\d{3}\)")


def subclass_suffix(text: str, end: int) -> str:
    """The " (subclass 500)" right after a kind title ending at ``end``, or ""."""
    m = _SUBCLASS.match(text, end)
    return m.group(0) if m else ""
