"""Charges for sponsoring a worker belong to a sponsored work route. An employer's sponsor
licence, certificate of sponsorship or Immigration Skills Charge, or "a visa fee ... per worker"
paid by firms, is a charge of the route whose visas employers sponsor (the Skilled Worker visa,
the H-1B), never of a route without a sponsor (the Global Talent visa, a graduate or working
holiday visa), so when the fee's sentence names no programme and the nearest earlier one is an
unsponsored route, the article's sponsored route mentioned most owns the charge.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import most_mentioned, text_of
from extractors.components.programme_context import topical_spans
from extractors.money import Money

_SPONSOR_CHARGE = re.compile(
    r"\b(?:sponsor(?:ship)?\s+licen[cs]es?|certificates?\s+of\s+sponsorship|immigration\s+skills\s+charge"
    r"|skills\s+charge|(?:firms|employers|companies|businesses|sponsors)\b[^.;:!?\n]{0,60}\bper\s+worker)",
    re.I,
)
_NEGATED = re.compile(r"\b(?:no|not|without|never)\s+(?:an?\s+|the\s+)?$", re.I)
# Routes an employer sponsors, and routes no employer sponsors, as the programme names read.
_SPONSORED = re.compile(
    r"skilled worker|worker visa|h-1b|l-1|skill shortage|skills in demand|health and care", re.I
)
_UNSPONSORED = re.compile(r"global talent|graduate|working holiday|innovator|high potential|youth mobility"
                          r"|gold card|nomad|opportunity card", re.I)


def sponsored_owner(doc: Doc, money: Money, sentence: Span, programme: str | None) -> str | None:
    """The sponsored route that owns a sponsorship charge credited to an unsponsored route from
    another sentence; None to keep ``programme``."""
    if programme is None or not _UNSPONSORED.search(programme) or topical_spans(doc, sentence):
        return None
    # The charge is named before the amount and not denied: in "Its fee rises to £766, and holders
    # pay no Immigration Skills Charge" the fee is the route's own.
    text = text_of(sentence.doc)
    if not any(not _NEGATED.search(text, max(sentence.start_char, m.start() - 12), m.start())
               for m in _SPONSOR_CHARGE.finditer(text, sentence.start_char, sentence.end_char)
               if m.start() < money.start):
        return None
    owner = most_mentioned([s for s in topical_spans(doc, doc[:]) if _SPONSORED.search(s.kb_id_)])
    return owner.kb_id_ if owner is not None else None
