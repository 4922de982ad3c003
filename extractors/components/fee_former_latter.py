"""A fee stated of "the former" or "the latter": "Portugal offers the D7 visa and the D8 visa. The
fee for the former is €90." The two programmes named last before the word (in its sentence or
the sentences before, in the same paragraph) are the pair; "the former" is the first of them,
"the latter" the second. No spaCy parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import programme_spans, text_of
from extractors.money import Money

_WORD = re.compile(
    r"\bthe\s+(former|latter)(?:\s+(?:visa|permit|scheme|programme|program|route|pass|card))?\b",
    re.I,
)


def former_or_latter(doc: Doc, money: Money, sentence: Span) -> Span | None:
    """The programme "the former" / "the latter" in the amount's sentence, before it, stands for."""
    text = text_of(doc)
    found = None
    for match in _WORD.finditer(text, sentence.start_char, money.start):
        found = match
    if found is None:
        return None
    paragraph = text.rfind("\n", 0, found.start()) + 1
    before: list[Span] = []
    for span in sorted(programme_spans(doc), key=lambda s: s.start_char):
        if paragraph <= span.start_char and span.end_char <= found.start():
            if not before or before[-1].kb_id_ != span.kb_id_:
                before.append(span)
    if len(before) < 2:
        return None
    return before[-2] if found.group(1).lower() == "former" else before[-1]
