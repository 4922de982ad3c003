"""Programme mentions that only say who pays or when, not what the fee is for.

News names a fee's payer by its workforce ("employers with more than 50 staff,
half of whom hold H-1B or L-1 status, pay a $4,000 fee") and its time by an
earlier status ("students who apply for an H-1B after OPT pay ..."). Such a
mention is a side phrase of the sentence: the fee goes to another programme of
the sentence, or to the one its context names, never to the side phrase's.
So is a programme named in a relative clause on another programme that does
not hold the amount ("The National Innovation visa, which replaced the Global
Talent visa, costs A$4,840": the National Innovation visa's).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.components.common import programme_spans, text_of

# "after OPT", "before the Graduate route", "following their F-1 studies", "from F-1 to H-1B":
# an earlier status, the time or the origin of the fee's application.
_TIME_BEFORE = re.compile(
    r"\b(?:after|before|following|upon|from)\s+(?:(?:the|an?|their|his|her|its|completing|finishing"
    r"|leaving|ending)\s+){0,2}$",
    re.I,
)
# "of whom half hold", "whose staff are on", "more than half of them on", "a high share of": the
# payer's workforce, up to the programme with no clause break between.
_WORKFORCE = re.compile(
    r"\b(?:of\s+whom|whose\s+(?:staff|workers|employees|workforce|hires)"
    r"|(?:half|most|share|majority|proportion|third|quarter|per\s?cent|%)\s+of\s+(?:them|whom|their|its)"
    r"|(?:high|large|big|low|small)\s+(?:share|proportion)\s+of)\b[^,;:.!?\n]{0,50}$",
    re.I,
)


def side_phrase(span: Span) -> bool:
    """Whether the programme mention stands in a phrase of the payer's workforce or of time."""
    text = text_of(span.doc)
    sentence_start = span.sent.start_char
    before = text[max(sentence_start, span.start_char - 80) : span.start_char]
    return _TIME_BEFORE.search(before) is not None or _WORKFORCE.search(before) is not None


def in_other_relative(span: Span, start: int, end: int) -> bool:
    """Whether the mention stands in a relative clause on another programme mention, a clause that
    does not hold the amount at ``[start, end)``."""
    clause = next((t for t in span.root.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    if lo <= start < hi:
        return False
    return any(s.start <= clause.head.i < s.end and s != span for s in programme_spans(span.doc))
