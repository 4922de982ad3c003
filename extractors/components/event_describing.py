"""A date hung on a participle that says what a document does, read as the document's verb's date.

"The Emir signed the law creating the residency card on 4 September 2018",
"the ministry proposed a decree establishing the pass on Tuesday": the parse
hangs the date on "creating" or "establishing", but a present participle that
describes a document has no time of its own; the date is the signing or the
proposal of the document that the clause's verb acts on.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.components.event_trigger import Trigger
from extractors.components.event_verbs import as_verb_trigger

# What a governing verb may do to the document for its date to be the event's.
_DOCUMENT_ACTS = frozenset({"signed", "proposed", "announced"})


def document_act(participle: Token) -> Trigger | None:
    """The trigger of the verb whose object the participle's noun is, when the participle
    ("creating", "establishing") describes that object and the verb signs, proposes or
    announces it."""
    if participle.dep_ != "acl" or participle.tag_ != "VBG":
        return None
    document = participle.head
    if document.dep_ not in {"dobj", "nsubjpass"} or document.head.i == document.i:
        return None
    governing = as_verb_trigger(document.head)
    return governing if governing is not None and governing.event_type in _DOCUMENT_ACTS else None
