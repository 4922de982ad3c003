"""Later references to a programme by its head noun alone: "the pass", "the scheme", "A permit costs".

News names a programme once ("Malaysia's DE Rantau Nomad Pass") and then
writes "the pass"; a fee or an event in that sentence belongs to it. A bare
head noun (no modifier of its own but "new", "current", "same" ...) after a
determiner refers to a programme named earlier in the article whose name ends
in that noun:

- when the anaphor's paragraph names a programme before it, only that nearest
  one (if its head matches; another programme in between makes it ambiguous);
- else the programme of that head the article has named most so far (the
  first named on a tie).

An indefinite "a permit" refers only as its clause's subject ("A permit costs
€1,000"), not as an object ("workers who hold a permit"). "the visa fee", "the
tourist visa", "his visa" are no anaphors. Doc (parsed) in, spans out.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from extractors.components.common import PROGRAMME_LABEL, text_of

_HEADS = frozenset("visa permit pass card scheme programme program route stream category pathway".split())
_DEFINITE = frozenset({"the", "this", "that", "its"})
_INDEFINITE = frozenset({"a", "an"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Modifiers that leave the reference the same programme.
_SAME = frozenset("new current same original revised planned proposed existing".split())


def head_of(name: str) -> str | None:
    """The programme noun a name ends in ("DE Rantau Nomad Pass" -> "pass"), if any."""
    words = name.replace("”", "").replace("“", "").split()
    last = words[-1].casefold() if words else ""
    return last if last in _HEADS else None


def anaphora(doc: Doc, spans: list[Span]) -> list[Span]:
    """Spans for the bare head nouns that refer to one of the programmes ``spans`` mark."""
    if not spans:
        return []
    taken = {t.i for span in spans for t in span}
    out = []
    for token in doc:
        if token.i in taken or token.i - 1 in taken or token.lower_ not in _HEADS or not _bare(token):
            continue
        name = _referent(doc, token, spans)
        if name is not None:
            start = token.i - 1
            out.append(Span(doc, start, token.i + 1, PROGRAMME_LABEL, kb_id=name))
    return out


def _bare(token: Token) -> bool:
    """A determiner right before the noun, no other modifier, and the noun heads its phrase."""
    if token.i == 0 or token.dep_ in {"compound", "amod", "nmod"}:
        return False
    det = token.doc[token.i - 1]
    if det.lower_ not in _DEFINITE | _INDEFINITE or det.head.i != token.i:
        return False
    if det.lower_ in _INDEFINITE and token.dep_ not in _SUBJECTS:
        return False
    return all(c.dep_ not in {"compound", "amod", "nmod", "poss", "nummod"} or c.lower_ in _SAME
               for c in token.children if c.i < token.i)  # fmt: skip


def _referent(doc: Doc, token: Token, spans: list[Span]) -> str | None:
    before = [s for s in spans if s.end <= token.i]
    if not before:
        return None
    noun = token.lower_
    text = text_of(doc)  # not doc.text, which joins every token again
    paragraph_start = text.rfind("\n", 0, token.idx) + 1
    in_paragraph = [s for s in before if s.start_char >= paragraph_start]
    if in_paragraph:
        nearest = in_paragraph[-1]
        return nearest.kb_id_ if head_of(nearest.kb_id_) == noun else None
    counts = Counter(s.kb_id_ for s in before if head_of(s.kb_id_) == noun)
    if not counts:
        return None
    best = max(counts.values())
    return next(s.kb_id_ for s in before if counts.get(s.kb_id_) == best)
