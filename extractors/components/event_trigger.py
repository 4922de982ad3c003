"""An event trigger: the word that names the event, its anchor, and the tense it lends its date."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extractors.components.event_modality import PLANNED
from extractors.components.event_trigger_lexicon import MAX_HOPS
from extractors.dates import Direction
from extractors.models import EventType


@dataclass(frozen=True)
class Trigger:
    """``token`` names the event; ``anchor`` is the verb or noun whose
    arguments say which programme it happens to; ``nominal`` when the
    trigger is a noun."""

    token: Token
    event_type: EventType
    anchor: Token
    nominal: bool = False

    @property
    def direction(self) -> Direction:
        """Past-tense anchors look back from the publication date; others
        forward. A preposition or a noun takes the tense of the clause it
        stands in ("applications made on or after 22 July" under "will
        apply" lie ahead)."""
        verb = self.anchor
        for _ in range(MAX_HOPS):
            if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                break
            verb = verb.head
        if self.nominal and verb.pos_ not in {"VERB", "AUX"}:
            return "past"  # "Friday's suspension of the fee ...", parsed with no verb: a day gone
        if self.token.i != self.anchor.i and not self.nominal:
            verb = finite(verb)
        elif verb.tag_ == "VB" and verb.dep_ == "xcomp" and not scheduled(verb.head):
            verb = finite(verb.head)  # "declined on Friday to suspend": the tense is the governor's
        if verb.tag_ == "VBN" and _future_passive(verb):
            return "future"  # "will be wound down in March", "is to be scrapped"
        if any(c.dep_ == "aux" and c.lower_ == "did" for c in verb.children):
            return "past"  # "did not take effect until Jan. 5"
        return "past" if verb.tag_ in {"VBD", "VBN"} else "future"


_FUTURE_AUX_WORDS = frozenset("will 'll shall would is are am 's 're be to can must should".split())
_PAST_AUX_WORDS = frozenset("was were had has have 've been".split())


def _future_passive(verb: Token) -> bool:
    """A participle under a present or future auxiliary and none of the past."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxiliaries & _FUTURE_AUX_WORDS) and not auxiliaries & _PAST_AUX_WORDS


def scheduled(word: Token) -> bool:
    """'due', 'set', 'scheduled': a schedule keeps its infinitive's future."""
    return word.lemma_.lower() in PLANNED or word.lower_ in PLANNED


def finite(verb: Token) -> Token:
    """The verb with a tense that governs a participle or an infinitive: "made"
    in "applications made ..." is under "will apply"."""
    for _ in range(4):
        tensed = verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        if tensed or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return verb
        if verb.head.i == verb.i:
            return verb
        verb = verb.head
    return verb
