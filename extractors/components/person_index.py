"""The article's people as records, and the index other components resolve names against.

A record holds a person's canonical name, mentions, roles, affiliations and
gender; the index finds the person a surname, a first name or a role word
("the attorney said") refers to. The words a name is made of are defined here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractors.components.gender import PRONOUN_GENDER, Gender


def is_name_part(word: str) -> bool:
    """A capitalised word of letters in any script, with ' ’ . - inside
    ("O'Neil", "Marc-André", "Ångström")."""
    return word[:1].isupper() and all(c.isalpha() or c in "'’.-" for c in word)


# Lowercase particles inside a name ("Ursula von der Leyen", "Lula da Silva").
NAME_PARTICLES = frozenset("von van der den de da del della di du la le bin ibn al el dos das".split())


# What follows a surname and is no name of its own ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())


@dataclass
class PersonRecord:
    """One person of the article, with every mention merged into it."""

    name: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: Gender | None = None

    @property
    def parts(self) -> list[str]:
        """The name's words without a suffix ("Carlos Sousa Jr." -> Carlos, Sousa)."""
        words = self.name.split()
        return words[:-1] if len(words) > 2 and words[-1] in NAME_SUFFIXES else words

    def add(self, roles: list[str], affiliations: list[str]) -> None:
        for role in roles:
            _add_label(self.roles, role)
        for org in affiliations:
            _add_affiliation(self.affiliations, org)


def _add_label(labels: list[str], label: str) -> None:
    """Add a role or affiliation unless one already says it: "minister" adds
    nothing to "Foreign Minister", and "chief correspondent" replaces
    "correspondent" (the article names one job twice)."""
    key = label.casefold()
    for i, known in enumerate(labels):
        if _ends_with_words(known.casefold(), key):
            return
        if _ends_with_words(key, known.casefold()):
            labels[i] = label
            return
    labels.append(label)


def _add_affiliation(labels: list[str], org: str) -> None:
    """'Tsinghua' (of "Tsinghua’s Wang") is the "Tsinghua University" the
    article names too: the longer name stays. A name read with the full stop
    that ends the sentence ("Iyer & Sen.") is the name without it."""
    for i, known in enumerate(labels):
        if known.rstrip(".") == org.rstrip("."):
            labels[i] = min(known, org, key=len)
            return
        if known.startswith(org + " "):
            return
        if org.startswith(known + " "):
            labels[i] = org
            return
    _add_label(labels, org)


def _ends_with_words(longer: str, shorter: str) -> bool:
    return longer == shorter or longer.endswith((" " + shorter, "-" + shorter))


@dataclass
class PeopleIndex:
    """The article's people, for other components to resolve names against."""

    records: list[PersonRecord]

    def resolve(self, words: list[str], before: int | None = None) -> PersonRecord | None:
        """The person a fragment names (full name, surname or first name).

        When several match, the one mentioned last before ``before`` wins.
        """
        wanted = [_strip_possessive(w) for w in words]
        matches = [r for r in self.records if _names(r, wanted)]
        if not matches:
            return None
        return max(matches, key=lambda r: last_mention(r, before))

    def by_role(self, words: list[str], before: int | None = None) -> PersonRecord | None:
        """The person last mentioned before ``before`` whose role ends with one of
        the lowercase ``words`` ("the attorney said" -> the attorney)."""
        wanted = {_job(w.lower()) for w in words if w.islower()}
        # A back-reference points to someone named before it, never to a
        # person the article introduces later ("said one recruiter" before
        # "Omar Haddad, a recruiter").
        hits = [r for r in self.records
                if any(_head(role) in wanted and _modifiers_agree(role, words) for role in r.roles)
                and last_mention(r, before) >= 0]
        if not hits:
            return None
        # "the president said": the one with the title ("President Trump")
        # before a president of some coalition.
        return max(hits, key=lambda r: (any(_head(role) in wanted and role[:1].isupper() for role in r.roles),
                                        last_mention(r, before)))

    def matching(self, words: list[str]) -> list[PersonRecord]:
        """The namesakes one word of a fragment could name ("Patel" with two
        Patels), or [] when no word names two people."""
        for word in (_strip_possessive(w) for w in words):
            named = [r for r in self.records if word in (r.parts[-1], r.parts[0])]
            if len(named) > 1:
                return named
        return []

    def agrees(self, record: PersonRecord, pronoun: str) -> bool:
        """'she' may be a woman or a person of unknown gender, never a man."""
        wanted = PRONOUN_GENDER.get(pronoun.lower())
        return wanted is None or record.gender is None or record.gender == wanted

    def mentioned_in(self, start: int, end: int) -> list[PersonRecord]:
        """People with a mention inside the character range, in text order."""
        hits = [(s, r) for r in self.records for s, e in r.mentions if start <= s and e <= end]
        return [r for _, r in sorted(hits, key=lambda hit: hit[0])]


def _names(record: PersonRecord, words: list[str]) -> bool:
    parts = record.parts
    text = " ".join(words)
    # parts[0]: a surname written first ("Zhou Min" ... "Zhou told"), or a first name.
    return record.name in text or parts[-1] in words or parts[0] in words


# Abbreviated titles and the noun a later reference uses ("Sen. Maria
# Delgado ... the senator said").
TITLE_NOUNS = {
    "sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
    "prof.": "professor", "dr.": "doctor", "dr": "doctor", "pres.": "president",
}


# Nouns a later reference uses for the same job ("Ahmed Khan, the company's
# lawyer, ... The attorney said"): each maps to one word of its group.
JOB_SYNONYMS = {
    "attorney": "lawyer", "solicitor": "lawyer", "barrister": "lawyer",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "ceo": "executive",
}


def _job(word: str) -> str:
    return JOB_SYNONYMS.get(word, word)


def _head(role: str) -> str:
    words = role.split()
    head = words[-1].lower() if words else ""
    return _job(TITLE_NOUNS.get(head, head))


# Words before a role noun that do not tell one job from another.
_LOOSE_MODIFIERS = frozenset("the a an its his her their former new then top senior".split())


def _modifiers_agree(role: str, words: list[str]) -> bool:
    """'Iraq's defense minister' is not the "Foreign Minister": when both the
    phrase and the role qualify the noun, they share a qualifier."""
    head = _head(role)
    lower = [w.lower() for w in words]
    if head not in lower:
        return True
    said = {w for w in lower[: lower.index(head)] if w.isalpha() and w not in _LOOSE_MODIFIERS}
    known = {w.lower() for w in role.split()[:-1]} - _LOOSE_MODIFIERS
    return not (said and known) or bool(said & known)


def last_mention(record: PersonRecord, before: int | None) -> int:
    starts = [s for s, _ in record.mentions if before is None or s < before]
    return max(starts) if starts else -1


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def people_of(doc: Doc) -> PeopleIndex:
    """The index the people component left on the doc (empty if it did not run)."""
    index = doc._.nf_people
    return index if isinstance(index, PeopleIndex) else PeopleIndex([])
