"""Dated events that happen to a programme.

A DATE entity whose governing verb is an event trigger ("launches on
Wednesday", "announced in August", "Launched last month") becomes an event of
the programme mentioned nearest to the trigger in the same sentence. The date
is resolved against the publication date; the trigger's tense says whether a
bare weekday or month lies before or after it.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.components.common import (
    facts_of,
    main_programme,
    nearest_programme,
    published_of,
    text_of,
)
from extractors.dates import Direction, resolve
from extractors.models import EventFact, EventType

TRIGGERS: dict[str, EventType] = {
    "announce": "announced", "unveil": "announced", "introduce": "launched",
    "launch": "launched", "start": "launched", "begin": "launched", "open": "launched",
    "roll": "launched", "kick": "launched", "debut": "launched",
    "take": "takes_effect", "effect": "takes_effect", "effective": "takes_effect",
    "sign": "signed", "suspend": "suspended", "pause": "suspended", "halt": "suspended",
    "freeze": "suspended", "propose": "proposed", "end": "ended", "scrap": "ended",
    "abolish": "ended", "expire": "ended", "close": "ended", "go": "takes_effect",
    "come": "takes_effect", "enter": "takes_effect",
}
# A wire dateline ("WASHINGTON, Sept 20 (Harbour Wire) -") dates the story,
# not an event in it.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]+, [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})? \([^)\n]*\)\s*[-—–]", re.M
)
# Verbs that only count with their particle or object ("kicks off", "rolls
# out", "takes effect"): alone they are too common to mean an event.
NEEDS_PARTICLE: dict[str, frozenset[str]] = {
    "roll": frozenset({"out"}), "kick": frozenset({"off"}), "take": frozenset({"effect"}),
    "go": frozenset({"effect", "force"}), "come": frozenset({"effect", "force"}),
    "enter": frozenset({"effect", "force"}),
}
# What the subject of a trigger may be when the programme is not named in its
# sentence: a word that points back to the programme ("The order takes
# effect", "It launches"). Anything else ("visa rules that took effect") is
# about something else.
REFERRING_SUBJECTS = frozenset(
    "it this order proclamation programme program scheme visa fee charge levy measure change "
    "changes card category route law bill plan initiative regulation rule rules".split()
)
# Hops from the date up the dependency tree to its verb: "Wednesday" -> "on" -> "launches".
MAX_HOPS = 3


class EventFinder:
    """Emits event facts."""

    def __call__(self, doc: Doc) -> Doc:
        published = published_of(doc)
        datelines = [m.span() for m in _DATELINE.finditer(text_of(doc))]
        found: list[EventFact] = []
        for ent in doc.ents:
            if ent.label_ != "DATE" or any(s <= ent.start_char < e for s, e in datelines):
                continue
            fact = _event(doc, ent, published)
            if fact is not None:
                found.append(fact)
        facts_of(doc).extend(f for f in found if not _coarser_twin(f, found))
        return doc


def _coarser_twin(fact: EventFact, found: list[EventFact]) -> bool:
    """'launched on June 1, 2024' read twice, as the day and as '2024': the
    coarser reading of the same event in the same sentence goes."""
    return any(
        other is not fact and other.sentence == fact.sentence and other.programme == fact.programme
        and other.event_type == fact.event_type and fact.date is not None and other.date is not None
        and other.date.startswith(fact.date) and len(other.date) > len(fact.date)
        for other in found
    )


def _event(doc: Doc, when: Span, published: date | None) -> EventFact | None:
    trigger = _trigger(when)
    if trigger is None:
        return None
    programme = _programme(doc, trigger, when.sent)
    if programme is None:
        return None
    resolved = resolve(when.text, published, _direction(trigger))
    if resolved is None:
        return None
    evidence = doc[min(trigger.i, when.start) : max(trigger.i + 1, when.end)]
    description = evidence.text if resolved.note is None else f"{evidence.text} ({resolved.note})"
    return EventFact(
        sentence=when.sent.text.strip(),
        start=evidence.start_char,
        end=evidence.end_char,
        programme=programme.kb_id_,
        event_type=TRIGGERS[trigger.lemma_.lower()],
        date=resolved.value,
        precision=resolved.precision,
        description=description,
    )


def _programme(doc: Doc, trigger: Token, sentence: Span) -> Span | None:
    """The programme nearest the trigger in its sentence, else in the sentence
    before ("... the H-1B fee. The order takes effect on Sept. 21"), else the
    programme the article is about."""
    start, end = trigger.idx, trigger.idx + len(trigger)
    span = nearest_programme(doc, start, end, sentence)
    if span is None and not _refers_back(trigger):
        return None
    if span is None and sentence.start > 0:
        span = nearest_programme(doc, start, end, doc[sentence.start - 1].sent)
    return span if span is not None else main_programme(doc)


def _trigger(when: Span) -> Token | None:
    """The event verb above the date, within :data:`MAX_HOPS`. A date under a
    coordinated verb is that verb's ("paused in May and resumed in June":
    June belongs to "resumed", not to "paused")."""
    token = when.root
    for _ in range(MAX_HOPS):
        if token.head is token:
            return None
        token = token.head
        found = _as_trigger(token)
        if found is not None:
            return found
        if token.pos_ == "VERB" and token.dep_ == "conj":
            return None
    return None


def _as_trigger(token: Token) -> Token | None:
    """The token as an event trigger, with its particle or object when it
    needs one."""
    lemma = token.lemma_.lower()
    if lemma in TRIGGERS and token.pos_ in {"VERB", "AUX", "ADJ"}:
        needed = NEEDS_PARTICLE.get(lemma)
        # "goes into effect": the particle may sit one level down, under "into".
        words = {c.lower_ for c in token.children}
        words |= {g.lower_ for c in token.children for g in c.children}
        if needed is None or words & needed:
            return token
    return None


def _refers_back(trigger: Token) -> bool:
    """The trigger's subject points back to a programme named earlier."""
    subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return trigger.dep_ in {"conj", "xcomp", "advcl"}
    subject = subjects[0]
    if subject.lower_ in {"that", "which"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject.lower_ in REFERRING_SUBJECTS


def _direction(trigger: Token) -> Direction:
    """Past-tense triggers look back from the publication date; others forward."""
    if trigger.tag_ in {"VBD", "VBN"}:
        return "past"
    return "future"


@Language.factory(
    "newsfacts_events",
    requires=["doc.ents", "doc.spans", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.nf_facts"],
)
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    """Factory for the events component."""
    return EventFinder()
