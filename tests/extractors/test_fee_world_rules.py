"""Fee rules of round 3 (issue 3), each on invented sentences: a list of programmes after a lead-in
that names fees, the stamp a fee is paid with, bank deposits that are proof of means, and the
usual short name of a programme given with its long form."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import fees_in


def test_every_item_of_a_fee_list_is_a_fee_however_far_down(extractor: FactExtractor) -> None:
    text = ("Fees at a glance: Skilled Worker visa, £769 per application; Global Talent visa, £766; "
            "Graduate visa, £880 for each applicant; Student visa, £524.")
    assert fees_in(extractor, text) == [
        ("Skilled Worker visa", 769, "GBP", "per_petition"),
        ("Global Talent visa", 766, "GBP", None),
        ("Graduate visa", 880, "GBP", None),
        ("Student visa", 524, "GBP", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # The lead-in names no fee: the items are other figures.
        "Key figures: Skilled Worker visa, £41,700 minimum salary; Global Talent visa, 3 years.",
        # An item with a verb of its own is no bare list item.
        "Visa costs: the Graduate visa is cheap, but graduates must earn £870 a month.",
    ],
)
def test_an_item_not_under_a_fee_lead_in_is_no_fee(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == []


def test_a_revenue_stamp_is_paid_with_the_fee_not_revenue(extractor: FactExtractor) -> None:
    text = "Applicants for the Blue Card must also buy a €16 revenue stamp."
    assert fees_in(extractor, text) == [("EU Blue Card", 16, "EUR", None)]


def test_revenue_itself_is_still_no_fee(extractor: FactExtractor) -> None:
    assert fees_in(extractor, "The Blue Card brought in €16 million in revenue last year.") == []


@pytest.mark.parametrize("deposit", ["fixed deposit", "time deposit", "bank deposit"])
def test_a_bank_deposit_beside_a_fee_is_proof_of_means(extractor: FactExtractor, deposit: str) -> None:
    text = f"The Golden Visa charges a fee of €2,000, on top of a {deposit} of €50,000."
    assert fees_in(extractor, text) == [("Golden Visa", 2000, "EUR", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Japan's Future Creation Individual Visa, better known as J-Find, is open to young graduates. "
        "Applicants pay 3,000 yen for the visa.",
        "J-Find, formally the Future Creation Individual Visa, is open to young graduates. Applicants "
        "pay 3,000 yen for the visa.",
    ],
)
def test_a_fee_goes_to_the_name_a_programme_is_better_known_by(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == [("J-Find", 3000, "JPY", None)]


def test_a_long_form_alone_keeps_its_name(extractor: FactExtractor) -> None:
    text = "The Future Creation Individual Visa costs 3,000 yen."
    assert fees_in(extractor, text) == [("Future Creation Individual Visa", 3000, "JPY", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The programme right after an amount and "for" is that amount's, not the nearest one.
        ("Fees are €90 for the D7 visa and €75 for the D8 visa.",
         [("D7", 90, "EUR", None), ("D8", 75, "EUR", None)]),
        ("The application fee is £1,235 for the Innovator Founder visa and £1,191 for the Global Talent "
         "visa.",
         [("Innovator Founder visa", 1235, "GBP", None), ("Global Talent visa", 1191, "GBP", None)]),
        # A gapped item, programme and amount with the verb left out.
        ("The D7 visa costs €90; the Golden Visa, €5,325.",
         [("D7", 90, "EUR", None), ("Golden Visa", 5325, "EUR", None)]),
        ("The D7 visa costs €90 and the Golden Visa €5,325.",
         [("D7", 90, "EUR", None), ("Golden Visa", 5325, "EUR", None)]),
    ],
)
def test_a_programme_the_text_puts_next_to_an_amount_is_its_own(
    extractor: FactExtractor, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert fees_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portugal offers the D7 visa and the D8 visa. The fee for the former is €90.",
         [("D7", 90, "EUR", None)]),
        ("Portugal offers the D7 visa and the D8 visa. The fee for the latter is €75.",
         [("D8", 75, "EUR", None)]),
        ("The D8 visa is newer than the D7 visa; the former costs €75.", [("D8", 75, "EUR", None)]),
    ],
)
def test_the_former_and_the_latter_stand_for_the_pair_named_before(
    extractor: FactExtractor, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert fees_in(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The O-1 and L-1 visas now cost $1,055.",
        "Filing for either the O-1 or the L-1 visa costs $1,055.",
    ],
)
def test_one_amount_for_coordinated_programmes_is_a_fee_of_each(extractor: FactExtractor, text: str) -> None:
    expected = [("L-1", 1055, "USD", None), ("O-1", 1055, "USD", None)]
    assert sorted(fees_in(extractor, text), key=repr) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Programmes that modify the payer are a condition, not what costs the amount.
        ("Large H-1B and L-1 employers pay an additional $4,500.", [("L-1", 4500, "USD", None)]),
        # A comparison set off by a comma is not coordinated with the programme after it.
        ("Unlike the D7 and the D8 visa, the Golden Visa costs €2,000.",
         [("Golden Visa", 2000, "EUR", None)]),
        # An earlier clause's list is not the amount's.
        ("The H-1B, L-1 and O-1 visas are popular, and the H-1B now costs $100,000.",
         [("H-1B", 100000, "USD", None)]),
    ],
)
def test_programmes_that_do_not_cost_the_amount_get_no_copy(
    extractor: FactExtractor, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert fees_in(extractor, text) == expected


def test_respectively_gives_the_amounts_to_the_programmes_in_order(extractor: FactExtractor) -> None:
    text = "The O-1 and L-1 visas cost $1,055 and $1,385 respectively."
    assert fees_in(extractor, text) == [("O-1", 1055, "USD", None), ("L-1", 1385, "USD", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The later "while" clause's programme owns its own amount; the first goes to the one before.
        ("The Golden Visa lets investors stay for five years. A renewal costs €1,000, while the D7 visa "
         "renewal costs €72.",
         [("Golden Visa", 1000, "EUR", None), ("D7", 72, "EUR", None)]),
        # An earlier clause's programme carries on into the contrast of payers.
        ("U.S. citizens pay $140 for a K visa, while applicants from most other countries pay 800 yuan.",
         [("K visa", 140, "USD", None), ("K visa", 800, "CNY", None)]),
    ],
)
def test_a_programme_of_a_later_contrasted_clause_owns_only_its_own_amount(
    extractor: FactExtractor, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert fees_in(extractor, text) == expected


@pytest.mark.parametrize("amount", ["P3,000", "Php 3,000", "Php3,000"])
def test_philippine_papers_write_the_peso_as_p_or_php(extractor: FactExtractor, amount: str) -> None:
    text = f"Manila charges a {amount} fee for the Special Resident Retiree's Visa."
    assert fees_in(extractor, text) == [("Special Resident Retiree's Visa", 3000, "PHP", None)]


def test_a_bare_p_outside_the_philippines_is_no_peso(extractor: FactExtractor) -> None:
    assert fees_in(extractor, "The Skilled Worker visa costs P3,000, the chart's key says.") == []


def test_a_programme_priced_at_an_amount_in_a_price_comparison_is_a_fee(extractor: FactExtractor) -> None:
    text = "The cheapest is the D8 visa at €75, followed by the D7 visa at €90."
    assert fees_in(extractor, text) == [("D8", 75, "EUR", None), ("D7", 90, "EUR", None)]


@pytest.mark.parametrize(
    "text",
    [
        # No comparison of prices: "at" may be any figure.
        "The Golden Visa at €500,000 attracted 3,000 applicants last year.",
        # A route compared by the capital it needs.
        "Investors favour the Golden Visa at €500,000, the cheapest route to residency.",
    ],
)
def test_at_an_amount_without_a_price_comparison_is_no_fee(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Skilled Worker visa route cost the Home Office £50 million to run last year.",
        "The new e-visa portal will cost $20 million to build.",
        "Processing a Skilled Worker visa costs the Home Office about £300, officials said.",
        "The EB-5 visa requires an $800,000 investment plus a $1,000 regional centre fee paid to the "
        "developer.",
    ],
)
def test_what_a_programme_costs_the_state_or_pays_a_private_party_is_no_fee(
    extractor: FactExtractor, text: str
) -> None:
    assert fees_in(extractor, text) == []


def test_a_fee_paid_to_a_government_office_is_still_a_fee(extractor: FactExtractor) -> None:
    text = "The Skilled Worker visa costs £719, paid to the Home Office."
    assert fees_in(extractor, text) == [("Skilled Worker visa", 719, "GBP", None)]
