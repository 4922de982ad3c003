"""A programme that names the fee right before its amount: "the O-1 fee to $1,055", "the K visa
fee of 800 yuan", "an L-1 petition at $1,385". In a gapped clause ("The L-1 fee rises to $1,385
and the O-1 fee to $1,055") the parse hangs the second amount on the first clause's verb, so the
programme the text puts next to the amount, heading its fee noun, is the fee's. No spaCy parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import programme_spans, text_of
from extractors.money import Money

_BETWEEN = re.compile(
    r"\s*(?:(?:visa|permit|card)s?\s+)?(?:(?:application|filing|petition|registration|processing|"
    r"renewal|issuance)\s+)?(?:fee|charge|levy|surcharge|price|cost|petition|application)s?"
    r"\s+(?:(?:will\s+)?(?:rises?|rose|goes\s+up|climbs?|jumps?|falls?|is|was|will\s+be)\s+)?"
    r"(?:to|of|at)\s+(?:about\s+|around\s+|roughly\s+|just\s+)?$",
    re.I,
)


def named_before(doc: Doc, money: Money) -> Span | None:
    """The programme mention whose fee noun phrase runs right up to ``money``, if any."""
    text = text_of(doc)
    best: Span | None = None
    for span in programme_spans(doc):
        if span.end_char > money.start or money.start - span.end_char > 60:
            continue
        if not _BETWEEN.fullmatch(text, span.end_char, money.start):
            continue
        if best is None or span.end_char > best.end_char:
            best = span
    return best
