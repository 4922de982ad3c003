"""Generic kinds made programmes by their fees.

A fee whose sentence (and the one before) names no programme but a generic
kind ("A work permit costs 900 crowns") goes to that kind (lead decision,
issue 3), and the kind becomes a visa programme, once per article, with the
country its context gives. The fee component chooses the kind; this
component, after it, writes the programme facts, so each component writes
only its own kind of fact.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.common import facts_of, programme_spans, sentence_of, text_of
from extractors.components.programme_country import context_country
from extractors.components.programme_kinds import owning_kind
from extractors.models import Fact, FeeFact, VisaProgrammeFact


def fee_kind(doc: Doc, start: int, end: int, sentence: Span) -> tuple[int, int, str] | None:
    """(start, end, name) of the kind in ``sentence`` nearest the amount at ``start:end``, outside
    every programme mention; None when the sentence names none."""
    taken = [(s.start_char, s.end_char) for s in programme_spans(doc)]
    return owning_kind(text_of(doc), sentence.start_char, sentence.end_char, (start, end), taken)


class FeeKindProgrammes:
    """Emits the programme fact of each kind a fee went to, right before the first fee of that
    kind (where the fee component used to write it), unless the article has that programme."""

    def __call__(self, doc: Doc) -> Doc:
        facts = facts_of(doc)
        named = {f.name for f in facts if isinstance(f, VisaProgrammeFact)}
        out: list[Fact] = []
        for fact in facts:
            kind = _kind_programme(doc, fact) if isinstance(fact, FeeFact) else None
            if kind is not None and kind.name not in named:
                named.add(kind.name)
                out.append(kind)
            out.append(fact)
        facts[:] = out
        return doc


def _kind_programme(doc: Doc, fee: FeeFact) -> VisaProgrammeFact | None:
    """The programme fact of the kind ``fee`` went to, if it went to one."""
    sentence = sentence_of(doc, fee.start, fee.end)
    kind = fee_kind(doc, fee.start, fee.end, sentence)
    if kind is None or kind[2] != fee.programme:
        return None
    start, end, name = kind
    return VisaProgrammeFact(sentence=sentence.text.strip(), start=start, end=end, name=name,
                             country=context_country(text_of(doc), start, end))


@Language.factory(
    "newsfacts_fee_kinds",
    requires=["doc.spans", "token.is_sent_start", "doc._.nf_facts"],
    assigns=["doc._.nf_facts"],
)
def make_fee_kind_programmes(nlp: Language, name: str) -> FeeKindProgrammes:
    """Factory for the component that makes a fee's generic kind a programme."""
    return FeeKindProgrammes()
