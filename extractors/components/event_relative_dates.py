"""Dates that point back to another event's day: "took effect the same day",
"on the same date", "that day", "two days later".

The publication date cannot resolve them (:func:`extractors.dates.resolve`
gives None); the day of the event the article dated just before can ("Trump
signed the proclamation on Sept. 19. It took effect two days later" is Sept.
21). blind6's convention makes a rule change "on the same date" a dated event.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from extractors.components.common import SPEECH_LEMMAS, text_of
from extractors.components.event_trigger import Trigger
from extractors.dates import ResolvedDate
from extractors.models import EventFact

_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SAME = re.compile(r"^(?:on\s+)?(?:the\s+same\s+(?:day|date)|that\s+(?:same\s+)?(?:day|date))$", re.I)
_NEXT = re.compile(r"^(?:on\s+)?the\s+(?:following|next)\s+day$", re.I)
_LATER = re.compile(r"^(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+later$", re.I)
# "on the same date" is no DATE entity to the small model: found by its words.
_UNTAGGED = re.compile(r"\bthe\s+same\s+(?:day|date)\b", re.I)


def offset_days(expression: str) -> int | None:
    """Days after the earlier event's day the expression names; None when it points to no event."""
    text = " ".join(expression.split())
    if _SAME.match(text):
        return 0
    if _NEXT.match(text):
        return 1
    later = _LATER.match(text)
    if later is None:
        return None
    n = later["n"].lower()
    return _NUMBERS[n] if n in _NUMBERS else int(n)


def untagged_spans(doc: Doc, dates: list[Span]) -> list[Span]:
    """'on the same date' where the tagger found no DATE: spans over the words."""
    out = []
    for match in _UNTAGGED.finditer(text_of(doc)):
        words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None or any(d.start < words.end and words.start < d.end for d in dates):
            continue
        out.append(Span(doc, words.start, words.end, label="DATE"))
    return out


def anchored(expression: str, before: int, found: list[EventFact]) -> ResolvedDate | None:
    """The day of the nearest event dated to the day before character ``before``, moved by the
    expression's offset."""
    offset = offset_days(expression)
    if offset is None:
        return None
    earlier = [f for f in found if f.start < before and f.precision == "day" and f.date]
    if not earlier:
        return None
    day = date.fromisoformat(max(earlier, key=lambda f: f.start).date or "")
    return ResolvedDate((day + timedelta(days=offset)).isoformat(), "day")


def same_date_change(when: Span, found: list[EventFact]) -> Trigger | None:
    """'The threshold rises on 22 July. The shortage list will be cut on the same date': a change
    put on the day a rule change takes effect takes effect with it, whatever its verb (blind6)."""
    if offset_days(when.text) != 0:
        return None
    earlier = [f for f in found if f.start < when.start_char and f.precision == "day"]
    if not earlier or max(earlier, key=lambda f: f.start).event_type != "takes_effect":
        return None
    verb = when.root.head.head if when.root.head.pos_ == "ADP" else when.root.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in SPEECH_LEMMAS:
        return None
    return Trigger(verb, "takes_effect", verb)
