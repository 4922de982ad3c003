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
