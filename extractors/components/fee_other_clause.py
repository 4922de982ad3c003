"""A programme named in a later, contrasted clause of the sentence (after "while", "whereas" or
"but") that states an amount of its own is that amount's, not this one's: in "A renewal costs
€1,000, while the D7 visa renewal costs €72" the D7 visa owns the €72, and the €1,000 goes to the
programme of the sentence before, or to a kind of its own clause ("Students pay A$2,000 for a
student visa, while the Working Holiday visa costs A$650"). A programme of an earlier clause
carries on into the contrast, which then contrasts payers ("US citizens pay $140 for a K visa,
while others pay 200 yuan"); a clause joined by ", and" often goes on about the same programme
("The visa costs €116, and holders then pay €70.46 for the card"). No spaCy parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import text_of
from extractors.components.fee_page import clause_bounds
from extractors.components.programme_context import topical_spans
from extractors.money import Money

_CONTRAST = re.compile(r"\b(?:while|whereas|but)\s*$", re.I)


def owned_elsewhere(doc: Doc, span: Span, money: Money, sentence: Span, amounts: list[Money]) -> bool:
    """Whether ``span`` stands in a later, contrasted clause than ``money`` with an amount of its own."""
    text = text_of(doc)
    lo, hi = clause_bounds(text, sentence.start_char, sentence.end_char, money)
    if span.start_char < money.end or span.end_char <= hi:
        return False
    for other in amounts:
        if other.start == money.start or not sentence.start_char <= other.start < sentence.end_char:
            continue
        o_lo, o_hi = clause_bounds(text, sentence.start_char, sentence.end_char, other)
        if o_lo <= span.start_char and span.end_char <= o_hi:
            return _CONTRAST.search(text, max(lo, o_lo - 12), o_lo) is not None
    return False


def nearest_own(doc: Doc, money: Money, sentence: Span, amounts: list[Money]) -> Span | None:
    """The sentence's programme mention nearest the amount, leaving out those another amount owns."""
    best: tuple[int, Span] | None = None
    for span in topical_spans(doc, sentence):
        if owned_elsewhere(doc, span, money, sentence, amounts):
            continue
        distance = max(span.start_char - money.end, money.start - span.end_char, 0)
        if best is None or distance < best[0]:
            best = (distance, span)
    return best[1] if best else None
