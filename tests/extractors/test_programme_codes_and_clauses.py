"""Code-named visas with words before "visa", and fees in a programme's relative clause.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

from extractors.components.programme_codes import code_programmes
from extractors.components.programme_names import find_named_programmes
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def test_words_between_a_code_and_visa_are_part_of_the_name() -> None:
    text = "Laos's L7 long-stay retiree visa is cheap; the D-4 and the E-9 visa are not."
    assert [n for _, _, n in code_programmes(text)] == ["L7 long-stay retiree visa", "E-9"]
    [first, _] = find_named_programmes(text)
    assert (first.name, first.country) == ("L7 long-stay retiree visa", "Laos")


def _fees(extractor: FactExtractor, text: str) -> set[tuple[object, object, object]]:
    facts = extractor.extract(article(text))
    return {(f["programme"], f["amount"], f["currency"]) for f in facts_of_kind(facts, "fee")}


def test_a_fee_in_a_compared_programmes_relative_clause_is_that_programmes(extractor: FactExtractor) -> None:
    text = ("Ruritania's Blue Horizon Nomad Pass is new. Compared with Laos's L7 long-stay retiree visa, "
            "which costs about 900 euros, the pass is cheap.")  # fmt: skip
    assert ("L7 long-stay retiree visa", 900.0, "EUR") in _fees(extractor, text)


def test_income_of_an_earlier_amount_does_not_unmake_a_later_fee(extractor: FactExtractor) -> None:
    text = ("Laos's L7 long-stay retiree visa asks for $30,000 in yearly income and costs $450, "
            "officials said.")  # fmt: skip
    assert _fees(extractor, text) == {("L7 long-stay retiree visa", 450.0, "USD")}


def test_sums_of_fees_and_exchange_rates_are_no_fees(extractor: FactExtractor) -> None:
    text = ("Ruritania's Blue Horizon Nomad Pass has a $300 application fee and a $90 card fee.\n"
            "At 41.5 crowns to the dollar, the two charges together come to about 16,000 crowns.\n"
            "A family of four will pay $1,560 in government fees. For an agency filing 500 passes a year, "
            "that adds up to about $195,000.\n"
            "Look-alike websites charge as much as $200 for the same pass.")  # fmt: skip
    assert {a for _, a, _ in _fees(extractor, text)} == {300.0, 90.0}


def test_one_visas_price_in_total_is_a_fee(extractor: FactExtractor) -> None:
    text = "Ruritania's Blue Horizon Nomad Pass costs $480 in total, officials said."
    assert _fees(extractor, text) == {("Blue Horizon Nomad Pass", 480.0, "USD")}


def test_a_government_agency_that_charges_is_the_state_not_a_private_party(extractor: FactExtractor) -> None:
    text = ("Ruritania's Blue Horizon Nomad Pass is new.\n"
            "The Swedish Migration Agency charges 2,200 kronor for a Blue Horizon Nomad Pass application.\n"
            "A travel agency charges 900 kronor for help with the Blue Horizon Nomad Pass form.")  # fmt: skip
    assert {a for _, a, _ in _fees(extractor, text)} == {2200.0}
