"""Several programmes whose prices one event changes.

"Several other charges will rise on the same date. The Temporary Graduate visa will go up to
A$2,300, and the fee for a Working Holiday visa will rise to A$670": a change of prices in the
plural ("charges", "visa fees"), in a sentence that names no programme, happens to each
programme whose price the text then details: the next sentence, or, when the change ends its
paragraph (a lede), the next paragraph. One price in the singular is one programme's
(:func:`event_programmes._price_restated_next`); a plural price with one programme after it
says nothing about which others.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.components.common import facts_of, programme_spans, text_of
from extractors.components.programme_context import topical_spans
from extractors.models import FeeFact

_PRICE_PLURALS = frozenset("fees charges levies surcharges prices costs".split())


def priced_after(doc: Doc, anchor: Token, arguments: list[Token], sentence: Span) -> list[Span]:
    """The programmes (first mention each, in text order) whose fees the text after a plural
    price change details, when there are at least two and ``sentence`` names none. A pronoun
    object of a coordinated verb ("halve visa fees ... and waive them") is its head's object."""
    if anchor.dep_ == "conj" and any(a.lower_ == "them" for a in arguments):
        arguments = [*arguments, *(c for c in anchor.head.children if c.dep_ == "dobj")]
    if not any(a.lower_ in _PRICE_PLURALS for a in arguments) or topical_spans(doc, sentence):
        return []
    if sentence.end >= len(doc):
        return []
    lo, hi = _detail(doc, sentence)
    named = {f.programme for f in facts_of(doc)
             if isinstance(f, FeeFact) and f.programme and lo <= f.start < hi}
    if len(named) < 2:
        return []
    first: dict[str, Span] = {}
    for mention in programme_spans(doc):
        if mention.kb_id_ in named and lo <= mention.start_char < hi:
            first.setdefault(mention.kb_id_, mention)
    return sorted(first.values(), key=lambda s: s.start) if len(first) == len(named) else []


def _detail(doc: Doc, sentence: Span) -> tuple[int, int]:
    """The characters that detail a change: the next sentence, or the whole next paragraph
    when the change's sentence ends its own."""
    text = text_of(doc)
    following = doc[sentence.end].sent
    span = text[sentence.start_char : following.start_char]
    between = span[len(span.rstrip()) :]  # the parse may keep the line break as a token
    if "\n" not in between:
        return following.start_char, following.end_char
    end = text.find("\n", following.start_char)
    return following.start_char, len(text) if end < 0 else end
