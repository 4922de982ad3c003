"""A programme priced "at" an amount in a sentence that compares prices: "The cheapest is the D8
visa at €75, followed by the D7 visa at €90", "the priciest, the Golden Visa at €5,325". The
comparison word makes "at" a price; without one, "the D8 visa at €75" could be any figure; in a
sentence about investment it is the capital a route needs. No spaCy parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractors.components.common import programme_spans
from extractors.components.fee_page import FeePage
from extractors.money import Money

_COMPARING = re.compile(
    r"\b(?:cheap(?:er|est)?|(?:more|less|most|least)\s+(?:expensive|costly|affordable)|expensive"
    r"|pric(?:ey|ier|iest)|costl(?:y|ier|iest)|dear(?:er|est)|affordable|lowest[- ]priced"
    r"|highest[- ]priced|price list|prices?)\b",
    re.I,
)
# A route compared by the capital it needs is priced by no fee: "the Golden Visa at €500,000, the
# cheapest route for investors".
_CAPITAL = re.compile(r"\b(?:invest\w*|propert(?:y|ies)|real estate|capital|donations?|net worth)\b", re.I)
_AT = re.compile(r"\s*,?\s+at\s+(?:(?:just|only|about|around|roughly|a\s+mere)\s+)?$", re.I)


def compared_at(page: FeePage, money: Money, sentence: Span) -> bool:
    """Whether a programme is priced "at" the amount in a sentence that compares prices."""
    if _COMPARING.search(page.cue_text, sentence.start_char, sentence.end_char) is None:
        return False
    if _CAPITAL.search(page.text, sentence.start_char, sentence.end_char) is not None:
        return False
    return any(span.end_char <= money.start and money.start - span.end_char <= 20
               and _AT.fullmatch(page.text, span.end_char, money.start) is not None
               for span in programme_spans(page.doc))
