"""Fee periods and the money that is or is not a fee: one small case per rule
(``extractors/components/fee_periods.py`` and ``fees.py``)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

LEAD = "The H-1B programme is changing.\n"


def _fees(extractor: FactExtractor, text: str) -> list[tuple[float, str, object]]:
    return [(f["amount"], f["currency"], f["period"])  # type: ignore[misc]
            for f in facts_of_kind(extractor.extract(article(LEAD + text)), "fee")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("The H-1B filing fee is $780 per petition.", "per_petition"),
        ("Employers pay an annual integrity fee of $250 for each H-1B worker.", "per_year"),
        ("The $100,000 H-1B fee is a one-time payment, not an annual charge.", "one_time"),
        ("The $100,000 H-1B fee is charged per petition rather than yearly.", "per_petition"),
        ("The H-1B fee of $100,000 applies only to new petitions for workers abroad and is paid once.",
         "one_time"),
        ("Each year, H-1B employers pay a $250 fee.", "per_year"),
    ],
)
def test_the_period_phrase_of_the_clause_gives_the_period(
    extractor: FactExtractor, text: str, period: str
) -> None:
    [(_, _, got)] = _fees(extractor, text)
    assert got == period


@pytest.mark.parametrize(
    "text",
    [
        "The consular fee for a single-entry H-1B visa stamp is $185.",
        "An H-1B visa valid for a year costs $185 in consular fees.",
        "The H-1B programme, which issues 85,000 visas each year, charges a $215 registration fee.",
        "Investors pay an H-1B fee of $3,750 once approved.",
        "Once approved, H-1B workers pay a $3,750 fee.",
        "Applicants face an H-1B visa application fee of $185.",
    ],
)
def test_durations_counts_and_conjunctions_are_not_periods(extractor: FactExtractor, text: str) -> None:
    [(_, _, got)] = _fees(extractor, text)
    assert got is None


def test_a_period_belongs_to_the_nearest_amount_before_it(extractor: FactExtractor) -> None:
    text = "H-1B employers pay a charge of $1,320 per worker per year, on top of a $525 certificate fee."
    assert _fees(extractor, text) == [(1320, "USD", "per_year"), (525, "USD", None)]


def test_a_second_fee_noun_takes_the_period_for_itself(extractor: FactExtractor) -> None:
    text = "Senators proposed replacing the $100,000 H-1B fee with a smaller levy paid every year."
    assert _fees(extractor, text) == [(100000, "USD", None)]


def test_linked_and_elliptical_amounts_share_the_period(extractor: FactExtractor) -> None:
    text = ("The H-1B charge rises from $1,000 to $1,320 per worker per year for large companies, "
            "and from $364 to $480 for small businesses.")
    assert {a for a, _, p in _fees(extractor, text) if p == "per_year"} == {1000, 1320, 364, 480}


def test_an_alternative_amount_shares_the_period(extractor: FactExtractor) -> None:
    text = "H-1B sponsors pay an annual integrity fee of $20,000, or $1,000 for small sponsors."
    assert _fees(extractor, text) == [(20000, "USD", "per_year"), (1000, "USD", "per_year")]


def test_the_next_sentence_about_the_fee_gives_its_period(extractor: FactExtractor) -> None:
    text = ("USCIS will collect a new $250 integrity fee from H-1B employers in January. "
            "The fee will be charged each year that a sponsored worker stays on the payroll.")
    assert _fees(extractor, text) == [(250, "USD", "per_year")]


def test_a_period_in_the_next_paragraph_is_not_taken(extractor: FactExtractor) -> None:
    text = "USCIS will collect a new $250 integrity fee from H-1B employers.\nIt is charged each year."
    assert _fees(extractor, text) == [(250, "USD", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Some H-1B employers had set aside $300,000 for each foreign hire, assuming the charge was yearly.",
        "Workers can switch from an H-1B visa if the job pays at least $45,300 and the fee is paid.",
        "The H-1B route needs an $800,000 investment and a fee.",
        "For H-1B families, tuition costs $40,000 a year on top of visa fees.",
    ],
)
def test_money_that_is_not_a_fee(extractor: FactExtractor, text: str) -> None:
    assert _fees(extractor, text) == []


def test_a_not_a_fee_noun_belongs_to_its_own_amount(extractor: FactExtractor) -> None:
    text = "The H-1B track asks for a $1 million gift to the Treasury and a $15,000 processing fee."
    assert (15000, "USD", None) in _fees(extractor, text)


def test_a_fee_that_was_raised_is_a_fee(extractor: FactExtractor) -> None:
    assert _fees(extractor, "The H-1B fee was raised to $5,000.") == [(5000, "USD", None)]


def test_a_hedged_amount_in_another_currency_restates_the_fee(extractor: FactExtractor) -> None:
    text = "The K visa itself is cheap. Applicants pay 140 yuan, about $20, and the fee is waived for some."
    facts = facts_of_kind(extractor.extract(article(text)), "fee")
    assert [(f["amount"], f["currency"], f["amount_usd"]) for f in facts] == [(140, "CNY", 20)]


@pytest.mark.parametrize(
    "text",
    [
        "The new rules cover the K visa.\nThe visa itself is cheap. Applicants pay 140 yuan.",
        "The new rules cover the K visa.\nIt has other costs.\nBiometrics cost 85 yuan per person.",
    ],
)
def test_a_fee_without_a_programme_in_its_sentence_needs_a_visa_word_nearby(
    extractor: FactExtractor, text: str
) -> None:
    facts = facts_of_kind(extractor.extract(article(text)), "fee")
    assert [(f["programme"], f["currency"]) for f in facts] == [("K visa", "CNY")]


@pytest.mark.parametrize(
    ("text", "fees"),
    [
        ("Startups that raised $5 million still cannot pay the $100,000 H-1B fee.", [(100000, "USD", None)]),
        ("H-1B investors must invest $800,000 and pay a $11,160 filing fee.", [(11160, "USD", None)]),
        ("The H-1B fee is $100 and the salary threshold is $48,300.", [(100, "USD", None)]),
        ("Employers must pay H-1B visa holders at least $41,700 a year.", []),
        ("The H-1B visa costs $75, and applicants need $12,324 in a blocked account.", [(75, "USD", None)]),
        ("The $100,000 H-1B fee equals ₹8.8 million.", [(100000, "USD", None)]),
    ],
)
def test_a_not_a_fee_word_is_about_the_amount_next_to_it(
    extractor: FactExtractor, text: str, fees: list[tuple[float, str, object]]
) -> None:
    assert _fees(extractor, text) == fees


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("The H-1B fee is a non-recurring payment of $100,000.", "one_time"),
        ("The H-1B fee is $100,000, payable every 12 months.", "per_year"),
    ],
)
def test_other_spellings_of_a_period(extractor: FactExtractor, text: str, period: str) -> None:
    [(_, _, got)] = _fees(extractor, text)
    assert got == period


@pytest.mark.parametrize(
    ("text", "fees"),
    [
        ("H-1B investors pay $11,160 to file a petition.", [(11160, "USD", None)]),
        ("Students who earn scholarships still pay the $350 F-1 SEVIS fee.", [(350, "USD", None)]),
        ("For H-1B families, tuition costs $40,000 a year.", []),
        ("The K visa costs 400 yuan while the H-1B fee is $215.", [(400, "CNY", None), (215, "USD", None)]),
    ],
)
def test_investors_pay_fees_a_fee_noun_wins_and_a_subject_is_priced(
    extractor: FactExtractor, text: str, fees: list[tuple[float, str, object]]
) -> None:
    assert _fees(extractor, text) == fees


def test_a_later_sentence_about_the_fee_gives_its_period_across_a_paragraph(extractor: FactExtractor) -> None:
    text = "The H-1B fee is $100,000.\nThe fee is a one-time payment, the White House said."
    assert _fees(extractor, text) == [(100000, "USD", "one_time")]


def test_it_in_another_paragraph_is_not_the_fee(extractor: FactExtractor) -> None:
    assert _fees(extractor, "The H-1B fee is $100,000.\nIt is charged annually.") == [(100000, "USD", None)]


def test_a_sentence_with_an_amount_of_its_own_stops_the_search(extractor: FactExtractor) -> None:
    text = "The H-1B fee is $100,000. The $215 registration fee is unchanged. The fee is annual."
    assert _fees(extractor, text) == [(100000, "USD", None), (215, "USD", "per_year")]


def test_sells_for_is_a_price(extractor: FactExtractor) -> None:
    assert _fees(extractor, "The H-1B track sells for $1 million.") == [(1_000_000, "USD", None)]


@pytest.mark.parametrize(
    ("text", "fees"),
    [
        ("F-1 families spend about $40,000 a year on tuition and living costs.", []),
        ("A one-way flight to New York costs $600, on top of the $185 F-1 visa fee.", [(185, "USD", None)]),
        ("The F-1 visa costs $185, while health insurance costs $2,000 a year.", [(185, "USD", None)]),
        ("Under the H-1B push, one city pays up to $300,000 to top scientists.", []),
    ],
)
def test_money_spent_on_other_things_or_paid_to_people_is_not_a_fee(
    extractor: FactExtractor, text: str, fees: list[tuple[float, str, object]]
) -> None:
    assert _fees(extractor, text) == fees


def test_money_paid_to_private_providers_is_not_a_fee(extractor: FactExtractor) -> None:
    text = "H-1B health checks add another $200, paid to clinics and agencies rather than to the government."
    assert _fees(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("H-1B sponsors also pay a certificate fee of $525.", "sponsors"),
        ("A standard H-1B permit costs companies $1,000 per employee.", "companies"),
        ("The H-1B charge is $1,320 per worker per year for medium and large companies.",
         "medium and large companies"),
    ],
)
def test_who_pays_is_the_subject_of_pay_the_object_of_cost_or_named_after_for(
    extractor: FactExtractor, text: str, who: str
) -> None:
    [fee] = facts_of_kind(extractor.extract(article(LEAD + text)), "fee")
    assert fee["applies_to"] == who


def test_a_day_of_the_month_is_not_a_count_that_takes_the_period(extractor: FactExtractor) -> None:
    text = "The $100,000 H-1B fee takes effect on Sept. 21 at 12:01 a.m. and is paid once."
    assert _fees(extractor, text) == [(100000, "USD", "one_time")]


@pytest.mark.parametrize(
    "text",
    [
        "The university pays its H-1B postdocs $60,000 a year.",
        "A lawsuit seeks $2 million in damages over the H-1B fee.",
        "The programme generates $500 million a year in H-1B fee revenue.",
    ],
)
def test_wages_damages_and_revenue_are_not_fees(extractor: FactExtractor, text: str) -> None:
    assert _fees(extractor, text) == []
