"""The programme of a gapped clause's date.

"Britain suspended the Seasonal Worker visa in May and the Youth Mobility Scheme in June":
the second clause leaves out its verb, and the parse hangs both dates on the one verb, whose
object is the first programme. The date after "and [the] <programme>", itself after an
earlier date, belongs to that programme.
"""

from __future__ import annotations

from spacy.tokens import Span

from extractors.components.event_holders import held_by_one
from extractors.components.programme_context import topical_spans

_JOINS = frozenset({"and", "but", "while", "then"})


def gapped_programme(when: Span) -> Span | None:
    """The programme named between "and" (after an earlier date) and this date's preposition."""
    doc = when.doc
    sentence = when.sent
    if when.start - sentence.start < 4 or doc[when.start - 1].pos_ != "ADP":
        return None
    prep = when.start - 1
    for span in topical_spans(doc, doc[sentence.start : prep]):
        between = doc[span.end : prep]
        if len(between) > 2 or any(t.pos_ != "NOUN" for t in between) or held_by_one(span):
            continue
        i = span.start - 1
        while i > sentence.start and doc[i].lower_ in {"the", "its", "a"}:
            i -= 1
        if doc[i].lower_ in _JOINS and i > sentence.start and doc[i - 1].ent_type_ == "DATE":
            return span
    return None
