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

from extractors.components.common import facts_of, programme_spans, sentence_of, sentence_text, text_of
from extractors.components.programme_country import context_country, issuer_of_noun_phrase
from extractors.components.programme_kinds import owning_kind
from extractors.components.programme_subject_country import clause_subject_country
from extractors.models import Fact, FeeFact, VisaProgrammeFact


def fee_kind(doc: Doc, start: int, end: int, sentence: Span) -> tuple[int, int, str] | None:
    """(start, end, name) of the kind in ``sentence`` nearest the amount at ``start:end``, else of the
    last kind the sentence before names in the same paragraph ("Employers use the highly skilled
    migrant visa. The agency charges €423."), outside every programme mention; None when neither
    names one."""
    taken = [(s.start_char, s.end_char) for s in programme_spans(doc)]
    text = text_of(doc)
    found = owning_kind(text, sentence.start_char, sentence.end_char, (start, end), taken)
    previous = _previous_in_paragraph(doc, text, sentence)
    if found is None and previous is not None:
        found = owning_kind(text, previous.start_char, previous.end_char, (start, end), taken)
    return found


def _previous_in_paragraph(doc: Doc, text: str, sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    return None if "\n" in text[previous.start_char : sentence.start_char] else previous


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
    return VisaProgrammeFact(sentence=sentence_text(doc, start, end), start=start, end=end, name=name,
                             country=kind_country(text_of(doc), start, end))


def kind_country(text: str, start: int, end: int) -> str | None:
    """The country of a fee's kind: its own noun phrase's ("its" the clause's country), then the
    country its clause opens with ("Chile now charges some work visa applicants"), then its context.
    A sentence of two countries' fees gives each its own: blind9 b9_15 gave "Argentina raised the
    fee for its temporary residence permit ..., and Chile now charges ..." the headline's Mexico."""
    return (issuer_of_noun_phrase(text, start, end) or clause_subject_country(text, start)
            or context_country(text, start, end))


@Language.factory(
    "newsfacts_fee_kinds",
    requires=["doc.spans", "token.is_sent_start", "doc._.nf_facts"],
    assigns=["doc._.nf_facts"],
)
def make_fee_kind_programmes(nlp: Language, name: str) -> FeeKindProgrammes:
    """Factory for the component that makes a fee's generic kind a programme."""
    return FeeKindProgrammes()
