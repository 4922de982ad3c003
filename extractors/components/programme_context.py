"""Which programme a clause is about: the mentions that count and the ones that do not.

A programme named as a comparison ("unlike the R visa", "next to the Skilled
Worker route", "more relevant than the K visa", "compared with the EB-5") is
the foil of its sentence, not its topic: the nearest mention of a fee or an
event skips it, and so does the programme a later sentence carries over.
The events and fees components share these helpers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import programme_spans, text_of

# Words that put the noun phrase after them up for comparison.
_FOIL = re.compile(
    r"(?:\bunlike|\bthan|\bversus|\bvs\.?|\bcompared (?:with|to)|\bnext to|\binstead of|\bas opposed to"
    r"|\bin contrast to|\bin comparison (?:with|to)|\brather than|\bsimilar to)\s*[“\"‘']?\s*$",
    re.I,
)
# How far (characters) before its noun phrase a comparison word may stand.
_FOIL_REACH = 40
# Dependency labels inside a noun phrase, and between coordinated noun phrases
# ("unlike the Z work visa or the R visa": the R visa is a foil too).
_NP_LINKS = frozenset({"conj", "compound", "appos", "amod", "nmod", "poss", "cc"})


def is_foil(doc: Doc, span: Span) -> bool:
    """Whether the programme mention is named only as a comparison."""
    token = span.root
    for _ in range(4):
        if token.dep_ not in _NP_LINKS or token.head.i == token.i:
            break
        token = token.head
    start = min(token.left_edge.idx, span.start_char)
    sentence_start = span.sent.start_char
    before = text_of(doc)[max(sentence_start, start - _FOIL_REACH) : start]
    return _FOIL.search(before) is not None


def topical_spans(doc: Doc, window: Span) -> list[Span]:
    """Programme mentions inside ``window`` that are not foils."""
    return [s for s in programme_spans(doc)
            if s.start >= window.start and s.end <= window.end and not is_foil(doc, s)]


def nearest_topical(doc: Doc, start_char: int, end_char: int, window: Span) -> Span | None:
    """The programme mention inside ``window`` closest to the character range, foils left out."""
    best: tuple[int, Span] | None = None
    for span in topical_spans(doc, window):
        distance = max(span.start_char - end_char, start_char - span.end_char, 0)
        if best is None or distance < best[0]:
            best = (distance, span)
    return best[1] if best else None


def main_topical(doc: Doc) -> Span | None:
    """The programme the article mentions most, foils left out (first mention on a tie)."""
    spans = topical_spans(doc, doc[:])
    if not spans:
        return None
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.kb_id_] = counts.get(span.kb_id_, 0) + 1
    best = max(counts.values())
    return next(span for span in spans if counts[span.kb_id_] == best)


def inside_quotation(doc: Doc, span: Span) -> bool:
    """Whether the mention stands inside a quotation: quotation marks opened
    earlier in its paragraph and not closed. A name in quotation marks (a
    $1 million “gold card” visa) is no quotation."""
    text = text_of(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    before = text[start : span.start_char]
    if before.count("“") <= before.count("”"):
        return False
    opened = before.rfind("“") + start
    closed = text.find("”", span.start_char)
    inner = text[opened + 1 : closed if closed >= 0 else len(text)]
    return len(inner.split()) > _NAME_WORDS


# A quoted phrase of this many words or fewer is a name or a scare quote.
_NAME_WORDS = 4


_PERSONAL = frozenset({"his", "her", "my", "your", "our", "their"})


def is_personal(span: Span) -> bool:
    """'his H-1B visa expired in September': one person's visa, not the programme."""
    owners = [c for c in span.root.children if c.dep_ == "poss"]
    return any(o.lower_ in _PERSONAL or o.ent_type_ == "PERSON" for o in owners)
