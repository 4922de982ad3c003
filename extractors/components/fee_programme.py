"""The programme a fee belongs to: the nearest programme mention in the
sentence, else in the sentence before ("The H-1B visa requires ... The new
$100,000 fee ..."), else in an earlier sentence of its paragraph; else a
generic kind the sentence names ("A work permit costs 900 crowns"); else the
article's main programme, as a guess the caller may refuse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.components.common import programme_spans, text_of
from extractors.components.fee_former_latter import former_or_latter
from extractors.components.fee_named_before import named_before
from extractors.components.fee_named_next import gapped_before, named_after
from extractors.components.fee_other_clause import nearest_own
from extractors.components.fee_page import (
    FEE_NOUN,
    FeePage,
    clause_bounds,
    previous_in_paragraph,
)
from extractors.components.fee_scope import in_other_relative, side_phrase
from extractors.components.programme_context import (
    inside_quotation,
    main_topical,
    nearest_topical,
    topical_spans,
)
from extractors.components.programme_fee_kinds import fee_kind
from extractors.components.programme_owner import amount_owner, quantified_noun, within
from extractors.money import Money

# Words of a visa office's services: "Biometrics cost C$85 per person",
# "Premium processing ... costs another $2,805".
_VISA_CONTEXT = re.compile(
    r"\b(?:visas?|permits?|petitions?|applications?|applicants?|biometrics?|processing)\b", re.I
)


def kind_programme(page: FeePage, money: Money, sentence: Span) -> tuple[str, bool] | None:
    """A generic kind the fee's sentence names when it and the one before name no programme ("A work
    permit costs 900 crowns"): the fee goes to the kind, which ``programme_fee_kinds`` then makes a
    programme (lead decision, issue 3)."""
    kind = fee_kind(page.doc, money.start, money.end, sentence)
    return (kind[2], True) if kind is not None else None


def fee_context(doc: Doc, text: str, sentence: Span) -> bool:
    if FEE_NOUN.search(sentence.text) or _VISA_CONTEXT.search(sentence.text):
        return True
    previous = previous_in_paragraph(doc, text, sentence)
    return previous is not None and _VISA_CONTEXT.search(previous.text) is not None


def fee_programme(doc: Doc, money: Money, sentence: Span, known: dict[tuple[float, str], str],
                  amounts: list[Money] | None = None) -> tuple[str | None, bool]:
    """The fee's programme, and whether it is named in this sentence or the one
    before: the one inside the fee's own noun phrase ("the $100,000 fee that
    the United States imposed on new H-1B petitions"), else the nearest in the
    amount's clause ("Filing an O-1 petition costs $1,055, and an L-1 petition
    $1,385"), else the nearest in the sentence. A programme named only as a
    comparison ("next to the Skilled Worker route") is not the fee's."""
    span = former_or_latter(doc, money, sentence) or _relative_programme(doc, money) \
        or named_before(doc, money) or named_after(doc, money) \
        or gapped_before(doc, money) or _phrase_programme(doc, money) \
        or within(amount_owner(doc, money.start, money.end), sentence) \
        or _clause_programme(doc, money, sentence) or nearest_own(doc, money, sentence, amounts or [])
    if span is not None and _aside(span, money):
        # "Students who apply for an H-1B after OPT pay ...": a side phrase's programme is not the
        # fee's; another of the sentence is, else the context's.
        span = _nearest_not_side(doc, money, sentence)
    if span is not None:
        known.setdefault((money.amount, money.currency), span.kb_id_)
        return span.kb_id_, True
    # "“Nobody is paying $100,000 for a junior developer,” Raman said": an
    # amount already named as a programme's fee, repeated without a programme
    # of its own, is that fee.
    if (money.amount, money.currency) in known:
        return known[(money.amount, money.currency)], True
    # The sentence before, then the earlier sentences of the paragraph: "The
    # EB-5 programme requires an investment of $800,000. The investor can get
    # the money back. Filing Form I-526E costs $11,160."
    text = text_of(doc)
    previous: Span | None = sentence
    while span is None and previous is not None and previous.start > 0:
        earlier = doc[previous.start - 1].sent
        if previous is not sentence and "\n" in text[earlier.start_char : sentence.start_char]:
            break
        previous = earlier
        span = nearest_topical(doc, money.start, money.end, previous)
        if span is not None and inside_quotation(doc, span) and not _quoted(doc, money):
            span = None
        span = _described(doc, span) if span is not None else None
    if span is not None:
        # Known like an amount whose own sentence names the programme: a correction line's
        # "to £480 from £408" restates this fee.
        known.setdefault((money.amount, money.currency), span.kb_id_)
        return span.kb_id_, True
    span = main_topical(doc)
    return (span.kb_id_ if span is not None else None), False


_FEE_HEADS = frozenset("fee charge levy surcharge payment price premium".split())


def _phrase_programme(doc: Doc, money: Money) -> Span | None:
    """A programme inside the noun phrase of the fee noun the amount modifies
    ("the $100,000 fee ... on new H-1B petitions", "a fee of $600 for ...")."""
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return None
    head = quantified_noun(span)
    if head.lemma_.lower() not in _FEE_HEADS:
        return None
    phrase = doc[head.left_edge.i : head.right_edge.i + 1]
    return nearest_topical(doc, money.start, money.end, phrase)


_APPOSED = re.compile(r"\s*,\s*")


def _relative_programme(doc: Doc, money: Money) -> Span | None:
    """The programme a relative clause holding the amount describes, even one named as a
    comparison: "Compared with Indonesia's E33G visa, which costs IDR 12.5 million, ...", or
    through an apposition: "the Z visa, the standard work visa, which costs ¥800"."""
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    if span is None:
        return None
    clause = next((t for t in span.root.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return None
    spans = programme_spans(doc)
    found = next((s for s in spans if s.start <= clause.head.i < s.end), None)
    if found is None:
        # "the Z visa, the standard work visa, which still costs ¥800": the clause is on an
        # apposition, a noun phrase right after the programme and a comma.
        left = clause.head.left_edge.idx
        text = text_of(doc)
        found = next((s for s in spans if _APPOSED.fullmatch(text, s.end_char, left)), None)
    return found


def _described(doc: Doc, span: Span) -> Span:
    """The programme a relative clause holding ``span`` describes, else ``span``: a sentence later,
    "the National Innovation Visa, which replaced the Global Talent visa ... Applicants pay A$4,985"
    goes on about the first."""
    clause = next((t for t in span.root.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return span
    return next((s for s in programme_spans(doc) if s.start <= clause.head.i < s.end and s != span), span)


def _clause_programme(doc: Doc, money: Money, sentence: Span) -> Span | None:
    lo, hi = clause_bounds(text_of(doc), sentence.start_char, sentence.end_char, money)
    clause = doc.char_span(lo, hi, alignment_mode="contract")
    return nearest_topical(doc, money.start, money.end, clause) if clause is not None else None


def _aside(span: Span, money: Money) -> bool:
    return side_phrase(span) or in_other_relative(span, money.start, money.end)


def _nearest_not_side(doc: Doc, money: Money, sentence: Span) -> Span | None:
    """The sentence's programme mention nearest the amount that is no side phrase."""
    best: tuple[int, Span] | None = None
    for span in topical_spans(doc, sentence):
        if _aside(span, money):
            continue
        distance = max(span.start_char - money.end, money.start - span.end_char, 0)
        if best is None or distance < best[0]:
            best = (distance, span)
    return best[1] if best else None


def _quoted(doc: Doc, money: Money) -> bool:
    span = doc.char_span(money.start, money.end, alignment_mode="expand")
    return span is not None and inside_quotation(doc, span)
