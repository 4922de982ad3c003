"""Fee classes found from the invented challenge set (test_fee_challenge.py), one more invented
sentence each: a change "by X to Y" that reads like a range, a gapped clause's own programme,
a number never read as part of a longer one, and a sponsorship charge's sponsored route."""

from __future__ import annotations

from extractors.money import find_money
from extractors.nlp import FactExtractor
from tests.extractors.conftest import fees_in


def test_a_change_by_an_amount_to_a_level_keeps_the_level(extractor: FactExtractor) -> None:
    text = "Ottawa lifted the Express Entry processing fee by C$40 to C$990 this spring."
    assert fees_in(extractor, text) == [("Express Entry", 990, "CAD", None)]


def test_a_range_after_by_without_a_change_verb_stays_a_range(extractor: FactExtractor) -> None:
    text = "Applicants for the Opportunity Card are charged by the consulate €75 to €100."
    assert [f[1] for f in fees_in(extractor, text)] == [75]


def test_the_programme_heading_the_fee_noun_owns_a_gapped_amount(extractor: FactExtractor) -> None:
    text = "The Z visa fee climbs to 900 yuan and the X visa fee to 650 yuan from January."
    assert fees_in(extractor, text) == [("Z visa", 900, "CNY", None), ("X visa", 650, "CNY", None)]


def test_a_number_is_never_the_head_of_a_longer_one() -> None:
    assert [m.amount for m in find_money("The stamp costs R$ 168,13 in Brasilia.")] == []


def test_a_sponsorship_charge_belongs_to_the_sponsored_route(extractor: FactExtractor) -> None:
    text = ("The rules target the Skilled Worker visa. The Global Talent visa gets a new fast track. "
            "Sponsor licences will cost £600 for small employers.")
    assert fees_in(extractor, text) == [("Skilled Worker visa", 600, "GBP", None)]


def test_an_unsponsored_routes_own_fee_stays_its_own(extractor: FactExtractor) -> None:
    text = ("The rules target the Skilled Worker visa. The Global Talent visa gets a new fast track. "
            "Its applicants will pay £800.")
    assert fees_in(extractor, text) == [("Global Talent visa", 800, "GBP", None)]


def test_a_sponsorship_charge_named_as_absent_leaves_the_fee_to_its_route(extractor: FactExtractor) -> None:
    text = ("The rules target the Skilled Worker visa. The Global Talent visa is spared. "
            "Its fee rises to £800, and holders pay no Immigration Skills Charge.")
    assert fees_in(extractor, text) == [("Global Talent visa", 800, "GBP", None)]


def test_firms_paying_per_worker_is_a_sponsorship_charge(extractor: FactExtractor) -> None:
    text = ("The rules target the Skilled Worker visa. The Global Talent visa gets a new fast track. "
            "Employers already pay a visa fee of up to £1,400 per worker.")
    assert fees_in(extractor, text) == [("Skilled Worker visa", 1400, "GBP", None)]
