from __future__ import annotations

import pytest

from extractors.money import find_money, find_rates


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("pay $100,000 per year", 100_000, "USD"),
        ("a $100K fee", 100_000, "USD"),
        ("US$2,500 each", 2_500, "USD"),
        ("5 million yuan", 5_000_000, "CNY"),
        ("RMB 300,000", 300_000, "CNY"),
        ("¥1,200", 1_200, "CNY"),
        ("€75 per application", 75, "EUR"),
        ("£1,000", 1_000, "GBP"),
        ("Rs 2 crore", 20_000_000, "INR"),
        ("3 lakh rupees", 300_000, "INR"),
        ("a $100,000-a-year fee", 100_000, "USD"),
        ("USD 215", 215, "USD"),
    ],
)
def test_amount_and_currency(text: str, amount: float, currency: str) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (amount, currency)


def test_the_yen_sign_in_an_article_about_japan_is_yen() -> None:
    text = "TOKYO: Switching to Japan's Highly Skilled Professional visa costs ¥4,000, rising to ¥30,000."
    assert [(m.amount, m.currency) for m in find_money(text)] == [(4_000, "JPY"), (30_000, "JPY")]
    text = "Beijing charges ¥1,200 for a Chinese work permit; Japan charges 3,000 yen."
    assert [(m.amount, m.currency) for m in find_money(text)] == [(1_200, "CNY"), (3_000, "JPY")]


def test_range_keeps_both_ends() -> None:
    [money] = find_money("between $2,000 and fees of US$2,000 to $5,000")[-1:]
    assert (money.amount, money.high) == (2_000, 5_000)


def test_rate_note_is_a_rate_not_an_amount() -> None:
    text = "bonuses of 5 million yuan. ($1 = 7.1201 Chinese yuan renminbi)"
    assert [m.amount for m in find_money(text)] == [5_000_000]
    assert find_rates(text) == {"CNY": 7.1201}


@pytest.mark.parametrize("text", ["51 million immigrants", "71% of approved", "85,000 slots", ""])
def test_numbers_without_currency_are_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "amount", "high"),
    [
        ("a service charge of between 200 yuan and 400 yuan", 200, 400),
        ("costs 1,000 to 2,000 yuan per employee", 1_000, 2_000),
        ("between 200 and 400 yuan", 200, 400),
    ],
)
def test_a_range_may_name_its_currency_after_the_second_number(text: str, amount: float, high: float) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency, money.high) == (amount, "CNY", high)


@pytest.mark.parametrize(
    "text",
    ["The charge rises from £1,000 to £1,320 per worker", "the fee was cut from £1,000 to £1,320"],
)
def test_from_a_to_b_after_a_verb_of_change_is_two_amounts_not_a_range(text: str) -> None:
    assert [(m.amount, m.high, m.text) for m in find_money(text)] == [
        (1_000, None, "£1,000"), (1_320, None, "£1,320")
    ]


def test_from_a_to_b_without_a_verb_of_change_stays_a_range() -> None:
    [money] = find_money("fees range from $2,000 to $5,000")
    assert (money.amount, money.high) == (2_000, 5_000)


def test_a_year_before_a_suffixed_amount_is_not_a_range() -> None:
    assert [(m.amount, m.high) for m in find_money("from 2024 to 300 yuan")] == [(300, None)]


def test_an_elliptical_clause_repeats_the_verb_of_change() -> None:
    text = "The charge rises from £1,000 to £1,320 for large firms, and from £364 to £480 for small ones"
    amounts = [(m.amount, m.high) for m in find_money(text)]
    assert amounts == [(1_000, None), (1_320, None), (364, None), (480, None)]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("HK$1,000", 1_000, "HKD"),
        ("S$300", 300, "SGD"),
        ("3,000 yen", 3_000, "JPY"),
        ("950 Canadian dollars", 950, "CAD"),
        ("AED 2 million", 2_000_000, "AED"),
    ],
)
def test_other_currencies_are_not_us_dollars(text: str, amount: float, currency: str) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("Rs 1,50,000", 150_000), ("₹1,50,00,000", 15_000_000), ("$1,000,000", 1_000_000),
     ("$100,000", 100_000)],
)
def test_indian_digit_grouping(text: str, amount: float) -> None:
    [money] = find_money(text)
    assert money.amount == amount


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("an application fee of NT$3,000", 3000, "TWD"),
        ("the visa costs R$204.77", 204.77, "BRL"),
        ("a fee of ₩60,000 per applicant", 60000, "KRW"),
        ("50,000 South Korean won", 50000, "KRW"),
        ("costs ฿10,000 for five years", 10000, "THB"),
        ("a 50,000 baht fee", 50000, "THB"),
        ("RM 2,000 for the pass", 2000, "MYR"),
        ("Rp 3 million", 3e6, "IDR"),
        ("₦120,000 in charges", 120000, "NGN"),
        ("a levy of 500 Swiss francs", 500, "CHF"),
        ("MX$1,500", 1500, "MXN"),
        ("7,000 Mexican pesos", 7000, "MXN"),
        ("KSh 5,000", 5000, "KES"),
        ("ZAR 1,200 and more", 1200, "ZAR"),
        ("2,500 Swedish kronor", 2500, "SEK"),
        ("a fee of 300 TWD", 300, "TWD"),
    ],
)
def test_currencies_of_the_table_by_sign_code_or_name(text: str, amount: float, currency: str) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize(
    "text",
    [
        "the candidate who in 2020 won the state",  # "won" alone is a verb, not the currency
        "FORM 5 of the application",  # a code inside a word is none
        "after the COP28 agreement",  # a code touching a number is none ("SAR 1,200" has its space)
        "sent 3,000 pesos home",  # pesos of which country: not read
        "paid 400 kroner",  # Danish or Norwegian: not read
    ],
)
def test_words_that_name_no_one_currency_are_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a residence card fee of 45,000 won", 45_000, "KRW"),
        ("incomes above 80 million won", 80_000_000, "KRW"),
        ("plus a 35-dollar courier fee", 35, "USD"),
        ("a 120-euro appointment charge", 120, "EUR"),
        ("a 2-million-yuan grant", 2_000_000, "CNY"),
        ("a 70,000-won levy", 70_000, "KRW"),
        ("a Dh500 fee", 500, "AED"),  # the dirham as Gulf papers write it
        ("Dhs 1,200 for the permit", 1_200, "AED"),
    ],
)
def test_the_won_after_a_grouped_or_scaled_number_and_amounts_as_compound_adjectives(
    text: str, amount: float, currency: str
) -> None:
    [money] = find_money(text)
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize(
    "text", ["the party that in 1997 won the vote", "of 12 seats, 7 won", "a 10-pound bag"]
)
def test_a_bare_number_before_won_and_a_weight_in_pounds_are_not_money(text: str) -> None:
    assert find_money(text) == []
