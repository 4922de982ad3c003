"""Start cues written as abbreviations, which the parse breaks apart.

Indian and official English writes "with effect from" as "w.e.f." ("the new rules will apply
w.e.f. 1 April 2026"); the tokenizer splits it and the parse hangs the date on no
preposition. Read from the text: a date right after the abbreviation is the start of what
the sentence's verb says, an event that takes effect then.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.components.common import text_of
from extractors.components.event_trigger import Trigger

_WEF = re.compile(r"\bw\.\s?e\.\s?f\.?\s*$", re.I)


def abbreviated_start(when: Span) -> Trigger | None:
    """'will apply w.e.f. 1 April 2026': the sentence's verb takes effect on the date."""
    doc = when.doc
    before = text_of(doc)[max(when.sent.start_char, when.start_char - 12) : when.start_char]
    if _WEF.search(before) is None:
        return None
    verb = when.sent.root
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    cue = doc[when.start - 1] if when.start > when.sent.start else verb
    return Trigger(cue, "takes_effect", verb)
