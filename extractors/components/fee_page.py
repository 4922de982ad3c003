"""The text a fee is read from: one doc's amounts and numbers, the clause and
paragraph bounds around an amount, and the fee words of the money-purpose
table that every fee rule asks about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extractors.components.common import programme_spans
from extractors.components.fee_periods import Quantity
from extractors.money import Money
from extractors.money_purposes import money_purposes

# The nouns of the money-purpose table (extractors/data/money_purposes.json).
LEXICON = money_purposes()
_CHARGE_NOUNS = LEXICON.alternation(LEXICON.fee_nouns("charge"))
_FEE_WORDS = LEXICON.alternation(LEXICON.fee_nouns("charge", "payment", "price"))
FEE_CUE = re.compile(
    rf"\b(?:{_FEE_WORDS}|levied|charged|charging|cost|costs|costing|pay|pays"
    r"|paying|paid|payable|priced|shell out|fork out"
    r"|(?:sells?|sold|selling|buy|bought) for"
    # "is far cheaper at ฿10,000", "comes in pricier at $500": a price by comparison.
    r"|(?:cheap(?:er|est)?|(?:more|less|most|least) expensive|pric(?:ey|ier|iest)|costl(?:y|ier|iest)"
    r"|dear(?:er|est)?)(?:\s+(?:still|too|by far))?\s+at)\b",
    re.I,
)
FEE_WORD = re.compile(rf"\b(?:{_FEE_WORDS})\b", re.I)
FEE_NOUN = re.compile(rf"\b(?:{_CHARGE_NOUNS})\b", re.I)


# Where one clause of a sentence ends and the next begins, for the period
# and the "not a fee" words.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|plus)\b|\bwhile\b|:\s")
# How far (characters) around an amount its "not a fee" words may stand:
# about one clause in the seed articles and the news pages tried.
WINDOW = 60


@dataclass(frozen=True)
class FeePage:
    """One doc's text, its amounts (conversions left out) and every number in
    it; ``named`` maps an amount to the programme its sentence names, as the
    amounts are read."""

    doc: Doc
    text: str
    amounts: list[Money]
    found: list[Quantity]
    named: dict[tuple[float, str], str] = field(default_factory=dict)
    # The text with programme names blanked: a name's own words are no fee cue ("the Pay Limit
    # Scheme to 375,000 Danish crowns", "Premium Residency").
    cue_text: str = ""


def without_programmes(doc: Doc, text: str) -> str:
    """``text`` with every programme mention blanked, length kept."""
    chars = list(text)
    for span in programme_spans(doc):
        chars[span.start_char : span.end_char] = " " * (span.end_char - span.start_char)
    return "".join(chars)


def previous_in_paragraph(doc: Doc, text: str, sentence: Span) -> Span | None:
    """The sentence before ``sentence`` when it is in the same paragraph."""
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    return None if "\n" in text[previous.start_char : sentence.start_char] else previous


def clause_bounds(text: str, start: int, end: int, money: Money) -> tuple[int, int]:
    """Character bounds of the clause of the sentence that holds the amount."""
    lo, hi = start, end
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        if brk.end() <= money.start:
            lo = brk.end()
        elif brk.start() >= money.end:
            hi = brk.start()
            break
    return lo, hi


def governing_verb(doc: Doc, money: Money) -> tuple[Span, Token] | None:
    """The amount's tokens and the verb its phrase hangs from (the root when none)."""
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return span, verb
