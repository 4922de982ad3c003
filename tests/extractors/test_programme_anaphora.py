"""Later references to a programme by its head noun alone (components/programme_anaphora.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

from extractors.components.common import programme_spans
from extractors.components.programme_anaphora import head_of
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def _fees(extractor: FactExtractor, text: str) -> set[tuple[object, object]]:
    facts = extractor.extract(article(text))
    return {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}


def test_head_of_a_name() -> None:
    assert head_of("Blue Horizon Nomad Pass") == "pass"
    assert head_of("Express Entry") is None


def test_a_subject_permit_is_the_programme_named_most_not_one_later_in_its_sentence(
    extractor: FactExtractor,
) -> None:
    text = ("Freedonia will raise the salary floor of its Priority Trades Work Permit in May.\n"
            "The Priority Trades Work Permit covers welders; the Seasonal Farm Work Permit covers pickers.\n"
            "A permit costs €900 and lasts two years, after which holders can apply for the Long Residence "
            "Card.")  # fmt: skip
    assert ("Priority Trades Work Permit", 900.0) in _fees(extractor, text)


def test_the_pass_in_a_later_paragraph_carries_the_fee(extractor: FactExtractor) -> None:
    text = ("Ruritania opened its Blue Horizon Nomad Pass to remote workers last year.\n"
            "The pass has an application fee of $400, officials said.")  # fmt: skip
    assert _fees(extractor, text) == {("Blue Horizon Nomad Pass", 400.0)}


def test_a_bare_noun_after_another_programme_in_its_paragraph_is_no_reference(
    extractor: FactExtractor,
) -> None:
    text = ("Ruritania opened its Blue Horizon Nomad Pass last year.\n"
            "Unlike the H-1B, the pass needs no employer.")  # fmt: skip
    doc = extractor.nlp(text)
    assert [s.text for s in programme_spans(doc)] == ["Blue Horizon Nomad Pass", "H-1B"]


def test_modified_and_compound_nouns_are_no_references(extractor: FactExtractor) -> None:
    text = ("Ruritania opened its Blue Horizon Nomad Pass last year.\n"
            "Some travellers hold a boarding pass. The pass fee is low. Workers who hold a pass may stay.")
    doc = extractor.nlp(text)
    assert [s.text for s in programme_spans(doc)] == ["Blue Horizon Nomad Pass"]
