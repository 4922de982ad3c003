"""The programme the parse makes the owner of an amount or an event word.

"Nearest by characters" picks the wrong programme when two clauses meet:
"Unlike Canada, where the Start-up Visa costs C$2,140, the H-1B now carries a
$100,000 fee"; "The fee for the EU Blue Card rose, while the Opportunity Card
stays at €75". The parse names an owner in these places, tried in order:

1. the "for"/"of"/"on" object of the fee noun ("a fee of $X for the K visa");
2. the "for"/"on" object of the verb the amount hangs from ("USCIS charges $X
   for the K visa");
3. the subject of that verb ("the H-1B now carries a $100,000 fee", "the K
   visa costs $X"), or of the verb it is the complement of ("the K visa is set
   to cost $X", "the K visa is set to launch on June 1").

Foils ("unlike the R visa") never own. When the parse names no programme the
callers fall back to their character rules. Fees and events both use it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.components.programme_context import nearest_topical

_OWNER_PREPS = frozenset({"for", "of", "on"})
_VERB_PREPS = frozenset({"for", "on"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A verb whose subject is whatever the clause it complements is about.
_COMPLEMENTS = frozenset({"xcomp"})
# How far up the tree the walk from a word to its verb may go.
_REACH = 6


def _programme_in(doc: Doc, token: Token, near: tuple[int, int], conjuncts: bool = True) -> Span | None:
    """The topical programme mention inside the subtree of ``token`` nearest the
    characters ``near`` ("large H-1B and L-1 employers pay an additional $4,500":
    the L-1). Without ``conjuncts`` the phrases coordinated with ``token`` do not
    count: "costs ¥210 for most applicants and a multiple-entry X visa" is a
    parse that joined the next clause's subject to the object."""
    end = token.right_edge.i + 1
    if not conjuncts:
        cut = [c for c in token.children if c.dep_ in ("conj", "cc")]
        if cut:
            end = max(cut[0].left_edge.i, token.left_edge.i)
    return nearest_topical(doc, near[0], near[1], doc[token.left_edge.i : end])


def _prep_objects(head: Token, preps: frozenset[str]) -> list[Token]:
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def noun_owner(doc: Doc, noun: Token) -> Span | None:
    """A programme in the "for"/"of"/"on" object of a noun ("the fee for the K visa",
    "the launch of the K visa")."""
    for obj in _prep_objects(noun, _OWNER_PREPS):
        span = _programme_in(doc, obj, (noun.idx, noun.idx + len(noun)), conjuncts=False)
        if span is not None:
            return span
    return None


def governing_verb(token: Token) -> Token | None:
    """The verb (or auxiliary) the word's phrase hangs from, if the parse gives one."""
    verb = token
    for _ in range(_REACH):
        if verb.pos_ in ("VERB", "AUX") and verb.i != token.i:
            return verb
        if verb.head.i == verb.i:
            return verb if verb.pos_ in ("VERB", "AUX") else None
        verb = verb.head
    return None


def subject_owner(doc: Doc, verb: Token, near: tuple[int, int] | None = None) -> Span | None:
    """A programme in the subject of ``verb``; a verb without a subject of its own
    takes its head's when it is that head's complement ("the K visa is set to
    cost $X"). A conjunct verb's borrowed subject is left to the callers' rules:
    the parse often joins two clauses wrongly there."""
    near = near or (verb.idx, verb.idx + len(verb))
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            for subject in subjects:
                span = _programme_in(doc, subject, near)
                if span is not None:
                    return span
            return None
        if verb.dep_ not in _COMPLEMENTS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def verb_owner(doc: Doc, verb: Token, near: tuple[int, int], skip: Token | None = None) -> Span | None:
    """The programme in the verb's "for"/"on" object, else in its subject.
    ``skip``: a word whose own subtree is not searched (the amount's phrase)."""
    for obj in _prep_objects(verb, _VERB_PREPS):
        if skip is not None and obj.left_edge.i <= skip.i <= obj.right_edge.i:
            continue
        span = _programme_in(doc, obj, near, conjuncts=False)
        if span is not None:
            return span
    return subject_owner(doc, verb, near)


_AMOUNT_LINKS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "appos"})


def quantified_noun(amount: Span) -> Token:
    """Up from an amount to the noun it quantifies ("a fee of $X", "the $350 SEVIS
    fee"): the amount's own root when it quantifies none."""
    head = amount.root
    for _ in range(3):
        if head.dep_ in _AMOUNT_LINKS and head.head.i != head.i:
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
            head = head.head.head
        else:
            break
    return head


def within(span: Span | None, sentence: Span) -> Span | None:
    """``span`` when it stands inside ``sentence``: the callers take the parse's owner
    only from the sentence of the amount or event word."""
    return span if span is not None and sentence.start <= span.start and span.end <= sentence.end else None


def amount_owner(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """The programme the parse makes the owner of the amount at these characters."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    head = quantified_noun(span)
    if head.i != span.root.i:
        own = noun_owner(doc, head)
        if own is not None:
            return own
    verb = governing_verb(head)
    return verb_owner(doc, verb, (start_char, end_char), skip=span.root) if verb is not None else None
