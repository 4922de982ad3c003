"""The programme the parse makes the owner of a fee or an event, ahead of the nearest mention.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.components.programme_owner import amount_owner, noun_owner, subject_owner
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def _doc(extractor: FactExtractor, text: str) -> Doc:
    return extractor.nlp(text)


def _owner_of(extractor: FactExtractor, text: str, amount: str) -> str | None:
    """The programme the parse alone makes the owner of ``amount`` (no fallback)."""
    doc = _doc(extractor, text)
    start = text.index(amount)
    span = amount_owner(doc, start, start + len(amount))
    return span.kb_id_ if span is not None else None


def _fees(extractor: FactExtractor, text: str) -> set[tuple[object, object]]:
    facts = extractor.extract(article(text))
    return {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}


def _events(extractor: FactExtractor, text: str) -> set[tuple[object, object]]:
    facts = extractor.extract(article(text))
    return {(f["programme"], f["date"]) for f in facts_of_kind(facts, "event")}


def test_the_subject_of_the_amounts_clause_owns_it(extractor: FactExtractor) -> None:
    text = ("Unlike Canada, where the Start-up Visa costs C$2,140, the H-1B visa now carries "
            "a $100,000 fee, lawyers said.")  # fmt: skip
    fees = _fees(extractor, text)
    assert ("H-1B", 100000.0) in fees
    assert ("Start-up Visa", 2140.0) in fees


def test_the_subject_of_a_second_clause_owns_its_amount(extractor: FactExtractor) -> None:
    text = "The fee for the EU Blue Card rose last year, while the Opportunity Card stays at €75."
    assert _owner_of(extractor, text, "€75") == "Opportunity Card"


def test_the_parse_owner_is_found_without_the_nearest_mention(extractor: FactExtractor) -> None:
    text = "Unlike Canada, where the Start-up Visa costs C$2,140, the H-1B visa now carries a $100,000 fee."
    assert _owner_of(extractor, text, "$100,000") == "H-1B"
    assert _owner_of(extractor, text, "C$2,140") == "Start-up Visa"


def test_a_foil_never_owns_and_no_owner_is_none(extractor: FactExtractor) -> None:
    assert _owner_of(extractor, "Unlike the H-1B visa, it costs $400.", "$400") is None
    assert _owner_of(extractor, "Officials said applicants pay $400 now.", "$400") is None


def test_the_for_object_of_the_fee_noun_owns_it(extractor: FactExtractor) -> None:
    text = "Next to the EB-5 programme, applicants now face a fee of $1,200 for the H-1B visa."
    assert _fees(extractor, text) == {("H-1B", 1200.0)}


def test_the_for_object_of_a_charging_verb_owns_the_amount(extractor: FactExtractor) -> None:
    text = ("The EU Blue Card is popular in Germany, and the embassy now charges €90 "
            "for an Opportunity Card application.")  # fmt: skip
    assert ("Opportunity Card", 90.0) in _fees(extractor, text)


def test_of_several_programmes_in_the_subject_the_nearest_owns(extractor: FactExtractor) -> None:
    text = ("Employers pay $300 on O-1 petitions, and big H-1B and L-1 sponsors "
            "pay a further $2,500.")  # fmt: skip
    assert ("L-1", 2500.0) in _fees(extractor, text)


def test_the_subject_of_the_verb_a_trigger_complements_owns_the_event(extractor: FactExtractor) -> None:
    text = "Unlike the EU Blue Card, the Opportunity Card is set to launch on June 1, 2026."
    assert ("Opportunity Card", "2026-06-01") in _events(extractor, text)


def test_the_parse_owner_of_a_trigger_verb_or_noun(extractor: FactExtractor) -> None:
    text = "Unlike the EU Blue Card, the Opportunity Card is set to launch on June 1, 2026."
    doc = _doc(extractor, text)
    launch = next(t for t in doc if t.lower_ == "launch")
    owner = subject_owner(doc, launch)
    assert owner is not None and owner.text == "Opportunity Card"
    text = "Officials fixed the start for the Opportunity Card, not the EU Blue Card, in June."
    doc = _doc(extractor, text)
    start = next(t for t in doc if t.lower_ == "start")
    owner = noun_owner(doc, start)
    assert owner is not None and owner.text == "Opportunity Card"
