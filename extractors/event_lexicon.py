"""The event predicate table as plain data: which verbs, phrasal verbs and
nouns report each event type, no spaCy.

``extractors/data/event_predicates.json`` holds the table (its ``note`` says
where it comes from and what it leaves out); :mod:`extractors.components.event_triggers`
reads it through :func:`event_lexicon`. The loader checks that the table is
consistent: each lemma has one type per role, and a verb is either a trigger
alone or one that needs a complement, never both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast, get_args

from extractors.bundled import read_bundled
from extractors.models import EventType


class LexiconError(ValueError):
    """The predicate table contradicts itself."""


@dataclass(frozen=True)
class VerbClass:
    """Verbs that count only with one class of object, under a rule of their own."""

    verbs: frozenset[str]
    objects: frozenset[str]


@dataclass(frozen=True)
class EventLexicon:
    """The table by role. ``verbs``: lemma -> type, counting alone;
    ``object_verbs``: lemma -> type, counting only with a programme, rule or
    fee as object; ``complements``: lemma -> particle or complement word ->
    type; ``nouns``: lemma -> type; ``programme_nouns``: lemma -> type,
    counting only of a programme; ``noun_phrases``: head lemma -> words after
    it ("into force") -> type; ``complement_objects``: particle -> the nouns
    it must govern ("laid before Parliament"); ``participles``: the irregular
    past participles of table verbs, which the tagger may read as adjectives
    with their own lemma ("frozen"); ``verb_classes``: by name, verbs that
    count with one class of object under their own rule ("creating": a
    programme made); ``date_modifiers``: the words that make "date" an
    event's date ("an effective date of Oct. 1")."""

    verbs: dict[str, EventType]
    object_verbs: dict[str, EventType]
    complements: dict[str, dict[str, EventType]]
    nouns: dict[str, EventType]
    programme_nouns: dict[str, EventType]
    noun_phrases: dict[str, dict[str, EventType]]
    complement_objects: dict[str, frozenset[str]]
    participles: dict[str, str]
    verb_classes: dict[str, VerbClass]
    date_modifiers: dict[str, EventType]

    def verb_type(self, lemma: str) -> EventType | None:
        """The type a verb lemma can report, alone, with an object or with a complement."""
        if lemma in self.verbs:
            return self.verbs[lemma]
        if lemma in self.object_verbs:
            return self.object_verbs[lemma]
        kinds = self.complements.get(lemma)
        return next(iter(kinds.values())) if kinds else None

    def noun_type(self, lemma: str) -> EventType | None:
        """The type an event noun names, guarded or not."""
        return self.nouns.get(lemma) or self.programme_nouns.get(lemma)


def _add(table: dict[str, EventType], words: list[str], kind: EventType, role: str) -> None:
    for word in words:
        if table.get(word, kind) != kind:
            raise LexiconError(f"{role} {word!r} is both {table[word]} and {kind}")
        table[word] = kind


def _parse(raw: dict[str, object]) -> EventLexicon:
    types = cast(dict[str, dict[str, object]], raw["types"])
    known = set(get_args(EventType))
    governed = cast(dict[str, list[str]], raw["complement_objects"])
    participles = cast(dict[str, str], raw["irregular_participles"])
    classes = {name: VerbClass(frozenset(c["verbs"]), frozenset(c["objects"]))
               for name, c in cast(dict[str, dict[str, list[str]]], raw["verb_classes"]).items()}
    lexicon = EventLexicon({}, {}, {}, {}, {}, {}, {word: frozenset(ns) for word, ns in governed.items()},
                           participles, classes, {})
    for name, entry in types.items():
        if name not in known:
            raise LexiconError(f"unknown event type {name!r}")
        kind = cast(EventType, name)
        _add(lexicon.verbs, cast(list[str], entry["verbs"]), kind, "verb")
        _add(lexicon.object_verbs, cast(list[str], entry["verbs_with_object"]), kind, "verb")
        _add(lexicon.nouns, cast(list[str], entry["nouns"]), kind, "noun")
        _add(lexicon.programme_nouns, cast(list[str], entry["nouns_of_programme"]), kind, "noun")
        _add(lexicon.date_modifiers, cast(list[str], entry["date_modifiers"]), kind, "date modifier")
        for verb, words in cast(dict[str, list[str]], entry["complements"]).items():
            _add(lexicon.complements.setdefault(verb, {}), words, kind, f"complement of {verb!r}")
        for head, rests in cast(dict[str, list[str]], entry.get("noun_phrases", {})).items():
            _add(lexicon.noun_phrases.setdefault(head, {}), rests, kind, f"phrase of {head!r}")
    _check_roles(lexicon)
    verbs = set(lexicon.verbs) | set(lexicon.object_verbs) | set(lexicon.complements)
    strays = sorted(p for p, verb in participles.items() if verb not in verbs)
    if strays:
        raise LexiconError(f"participles of no table verb: {', '.join(strays)}")
    return lexicon


def _check_roles(lexicon: EventLexicon) -> None:
    """One role per lemma: a verb alone, with an object or with a complement."""
    for a, b in ((lexicon.verbs, lexicon.object_verbs), (lexicon.verbs, lexicon.complements),
                 (lexicon.object_verbs, lexicon.complements), (lexicon.nouns, lexicon.programme_nouns)):
        both = sorted(set(a) & set(b))
        if both:
            raise LexiconError(f"lemmas in two roles: {', '.join(both)}")


@cache
def event_lexicon() -> EventLexicon:
    """The bundled event predicate table, read from its file once a process."""
    return _parse(cast(dict[str, object], read_bundled("event_predicates.json")))
