"""Money as news writes it, by class: every currency of the table in every
form it lists, shared forms read by the article's country, and numbers in
every grouping convention and in words. All sentences are written for these
tests."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extractors.currency_context import CurrencyContext
from extractors.currency_table import currency_table, plural_forms
from extractors.money import find_money, find_rates
from extractors.money_numbers import digits_value, words_value
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

_RAW = json.loads(resources.files("extractors").joinpath("data/currencies.json").read_text("utf-8"))


def _read(text: str) -> list[tuple[float, str]]:
    return [(round(m.amount, 6), m.currency) for m in find_money(text)]


# The table itself.


def test_the_table_holds_every_current_iso_4217_currency_once() -> None:
    codes = [entry["code"] for entry in _RAW["currencies"]]
    assert len(codes) == len(set(codes)) >= 150
    assert all(len(code) == 3 and code.isalpha() and code.isupper() for code in codes)
    for code in ("USD", "EUR", "XOF", "XAF", "KWD", "VND", "ZWG", "XCG", "SLE", "VES", "MRU", "STN"):
        assert code in codes


def test_no_strong_form_names_two_currencies() -> None:
    seen: dict[tuple[str, str], str] = {}
    for entry in _RAW["currencies"]:
        forms = [("sign", s) for s in entry["signs"]] + [("after", s) for s in entry["after"]]
        forms += [("name", f.casefold()) for n in entry["names"] for f in plural_forms(n, _RAW["plurals"])]
        for form in forms:
            assert seen.setdefault(form, entry["code"]) == entry["code"], form


def test_every_default_is_a_currency_that_shares_the_form() -> None:
    table = currency_table()
    for key, code in table.defaults.items():
        assert code in table.local_codes[key], key


def _strong_forms() -> list[tuple[str, str]]:
    cases = []
    for entry in _RAW["currencies"]:
        code = entry["code"]
        cases += [(f"The permit costs {sign}1,250.", code) for sign in entry["signs"]]
        cases += [(f"The permit costs 1,250 {sign}.", code) for sign in entry["after"]]
        for name in entry["names"]:
            forms = plural_forms(name, _RAW["plurals"])
            cases += [(f"The permit costs 1,250 {form}.", code) for form in forms]
        if code not in _RAW["word_codes"]:
            cases += [(f"The permit costs {code} 1,250.", code), (f"The permit costs 1,250 {code}.", code)]
    return cases


@pytest.mark.parametrize(("text", "code"), _strong_forms())
def test_every_strong_form_of_the_table_reads_as_its_currency(text: str, code: str) -> None:
    assert _read(text) == [(1250, code)]


def test_names_are_read_whatever_their_case() -> None:
    assert _read("a fee of 500 Swiss Francs") == [(500, "CHF")]
    assert _read("a fee of 500 EUROS") == [(500, "EUR")]


# Shared forms, by the article's country.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "$": the US dollar unless the article is about another dollar country.
        ("The visa costs $500, officials in Canberra said. Australia wants more nurses.", "AUD"),
        ("SINGAPORE - The pass costs $225 and is valid for five years, Singapore's ministry said.", "SGD"),
        ("Auckland officials said New Zealand will charge $1,200 for the visa.", "NZD"),
        ("The H-1B fee is $100,000, the U.S. said; Canada courted the workers.", "USD"),
        ("The U.S. visa costs $185. Canada and the U.S. differ.", "USD"),
        # A programme of the table names its country: an H-1B story about Canada writes US dollars.
        ("TORONTO - Canada is courting H-1B holders after the $100,000 H-1B fee. Canada, Canadian "
         "officials said, wants them; Canada will welcome H-1B workers, said Canada.", "USD"),
        ("Express Entry applicants pay $1,365, officials said.", "CAD"),
        ("Germany charges 50 cents per page, Berlin said.", "EUR"),
        ("The fee is $300.", "USD"),
        # A writer who marks the local dollar leaves "$" to the US dollar ...
        ("Australia charges A$3,115 for the visa, about $2,000.", "AUD"),
        # ... and one who marks the US dollar leaves "$" to the local one.
        ("Singapore's pass costs $105 (US$78), the ministry in Singapore said.", "SGD"),
        # "dollars", by the same rule.
        ("The fee is 500 dollars, the Canadian government in Ottawa said of Canada's pilot.", "CAD"),
        ("The fee is 500 dollars.", "USD"),
        # "¥": the yuan, or the yen in an article about Japan.
        ("TOKYO - Japan's visa costs ¥3,000, Japanese officials said.", "JPY"),
        ("Beijing charges ¥800 for the Chinese visa.", "CNY"),
        # "Rs" and "rupees": the Indian rupee unless another rupee's country leads.
        ("Pakistan raised the passport fee to Rs 9,000, officials in Islamabad said.", "PKR"),
        ("Sri Lanka's visa costs Rs 5,000, Colombo said.", "LKR"),
        ("Nepal charges 2,000 rupees, officials in Kathmandu said.", "NPR"),
        ("The fee is Rs 5,000.", "INR"),
        # "£": sterling unless the article is about Egypt or Lebanon.
        ("Egypt charges £500 for the permit, Cairo said.", "EGP"),
        ("Britain charges £500 for the permit.", "GBP"),
        # "kr", "kroner", "crowns": which Nordic country.
        ("Sweden's permit costs 1,500 kr, the Swedish agency said.", "SEK"),
        ("Norway's permit costs kr 6,300, Oslo said.", "NOK"),
        ("Denmark's permit fee is 4,000 kroner, Copenhagen said.", "DKK"),
        ("Iceland charges 20,000 kr, officials in Reykjavik said.", "ISK"),
        ("The Czech Republic charges 2,500 crowns, Prague said.", "CZK"),
        # "pesos": which peso country.
        ("Mexico's visa costs 3,000 pesos, officials in Mexico City said.", "MXN"),
        ("The Philippines charges 5,000 pesos, Manila said.", "PHP"),
        ("Colombia's visa costs 700,000 pesos, officials in Bogota said.", "COP"),
        ("Argentina charges 150,000 pesos, Buenos Aires said.", "ARS"),
        # "francs", "CFA francs".
        ("Switzerland charges 100 francs, officials in Bern said.", "CHF"),
        ("Senegal's visa costs 50,000 CFA francs, officials in Dakar said.", "XOF"),
        ("Cameroon's visa costs 50,000 CFA francs, officials in Yaounde said.", "XAF"),
        ("Rwanda's permit costs 30,000 francs, Kigali said.", "RWF"),
        # riyals, rials, dinars, dirhams, shillings, kwacha.
        ("Saudi Arabia charges 300 riyals, Riyadh said.", "SAR"),
        ("Qatar charges QR 500 for the permit, Doha said.", "QAR"),
        ("Oman charges 20 rials for the visa, Muscat said.", "OMR"),
        ("Kuwait charges KD 50 for the permit, Kuwaiti officials said.", "KWD"),
        ("Jordan charges 40 dinars, officials in Amman said.", "JOD"),
        ("The fee is 500 dirhams, officials in Dubai said.", "AED"),
        ("Morocco charges 500 dirhams, officials in Rabat said.", "MAD"),
        ("Kenya charges 10,000 shillings, Nairobi said.", "KES"),
        ("Uganda charges Sh 150,000, Kampala said.", "UGX"),
        ("Zambia charges K1,500 for the permit, Lusaka said.", "ZMW"),
        # Signs of one or two letters, where the article is about their country.
        ("South Africa charges R1,520 for the visa, Pretoria said.", "ZAR"),
        ("Hungary's card costs 50,000 Ft, Budapest said.", "HUF"),
        ("Turkey charges 500 TL, Ankara said.", "TRY"),
        ("Turkey charges TRY 500, officials in Ankara said.", "TRY"),
        ("Romania charges 300 lei, Bucharest said.", "RON"),
        ("Nigeria charges N50,000 for the permit, Abuja said.", "NGN"),
        ("Guatemala charges Q300 for the visa, officials in Guatemala City said.", "GTQ"),
    ],
)
def test_a_shared_form_is_read_by_the_article_s_country(text: str, code: str) -> None:
    assert [currency for _, currency in _read(text)][:1] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "The permit costs 500 kr.",  # Swedish, Norwegian, Danish or Icelandic: not said
        "She sent 3,000 pesos home.",
        "The permit costs 100 francs.",
        "It paid 300 riyals.",
        "The fee is 40 dinars.",
        "The fee is R500.",  # "R" alone is money only in an article about South Africa
        "Revenue rose in Q3 2025.",
        "The droid R2-D2 appeared in Zambia, Lusaka said.",
        "He scored 90 marks.",
        "The plant shipped 500 MT of rice.",
        "TOP 10 visas for 2026",
        "ALL 3 visas were approved.",
        "Tickets cost 500 Fr in the shop.",
    ],
)
def test_a_shared_or_weak_form_without_its_country_is_not_read(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # The amount's own sentence, up to the end of its clause, names the currency ...
        ("SINGAPORE - Singapore charges $105 for the pass. In the United States, the H-1B fee is $100,000. "
         "Singapore said so.", ["SGD", "USD"]),
        ("The U.S. charges $185 for the visa. Canada charges $85 for biometrics. The U.S. said so.",
         ["USD", "CAD"]),
        ("The U.S. said so. The pass costs $1,000 in Singapore, officials said. The U.S. again.", ["SGD"]),
        ("Sweden charges 1,500 kr. Norway charges kr 6,300. Both said so.", ["SEK", "NOK"]),
        # ... but not a speaker's office named after the clause.
        ("The U.S. charges $185. “For a family with $30 million, it is simple,” said Koh of the "
         "Singapore office. The U.S. said so.", ["USD", "USD"]),
    ],
)
def test_the_amount_s_sentence_names_its_currency_before_the_article_does(
    text: str, codes: list[str]
) -> None:
    assert [currency for _, currency in _read(text)] == codes


def test_two_countries_named_alike_leave_a_form_without_default_unread() -> None:
    text = "Sweden and Norway both charge 1,500 kr; Sweden and Norway said so."
    assert find_money(text) == []


def test_the_context_counts_capitalised_datelines_and_the_currency_s_own_names() -> None:
    context = CurrencyContext("SEOUL - Korean officials set the fee in won and KRW.")
    assert context.score("KRW") >= 3
    assert context.resolve("$") == "USD"


# Numbers: groupings, decimals, scales and words.


@pytest.mark.parametrize(
    ("text", "amount", "code"),
    [
        ("The card costs €1.500.", 1_500, "EUR"),
        ("The card costs €1.500.000.", 1_500_000, "EUR"),
        ("The card costs €1.500,50.", 1_500.5, "EUR"),
        ("The card costs 1.500 €.", 1_500, "EUR"),
        ("The card costs 1 500 €.", 1_500, "EUR"),
        ("The card costs 1\u202f500 €.", 1_500, "EUR"),
        ("The card costs 1\u00a0500\u00a0000 zł.", 1_500_000, "PLN"),
        ("The permit costs CHF 1'200.", 1_200, "CHF"),
        ("The permit costs CHF 1’200.50.", 1_200.5, "CHF"),
        ("The permit costs CHF 100.-.", 100, "CHF"),
        ("The permit costs 1 000,- Kč.", 1_000, "CZK"),
        ("The permit costs Rs. 5,000/-.", 5_000, "INR"),
        ("The permit costs 1500€.", 1_500, "EUR"),
        ("The permit costs € 1,500.", 1_500, "EUR"),
        ("The permit costs EUR 1,500.", 1_500, "EUR"),
        ("The permit costs 1,500 EUR.", 1_500, "EUR"),
        ("The permit costs USD2,500.", 2_500, "USD"),
        ("The visa costs R$204.77.", 204.77, "BRL"),
        ("The visa costs $1.5 million.", 1_500_000, "USD"),
        ("The visa costs $1.500 million.", 1_500_000, "USD"),
        ("The card costs $2.5m.", 2_500_000, "USD"),
        ("The card costs €1.5bn.", 1_500_000_000, "EUR"),
        ("The card costs £10k.", 10_000, "GBP"),
        ("The card costs $100K.", 100_000, "USD"),
        ("The card costs $5 mln.", 5_000_000, "USD"),
        ("The card costs $1 trillion.", 1e12, "USD"),
        ("The card costs Rs 5 lakh.", 500_000, "INR"),
        ("The card costs Rs 5 lac.", 500_000, "INR"),
        ("The card costs ₹2.5 crore.", 25_000_000, "INR"),
        ("The card costs Rs 2 cr.", 20_000_000, "INR"),
        ("The card costs Rs 1.2 lakh crore.", 1.2e12, "INR"),
        ("The card costs Rs 1,50,000.", 150_000, "INR"),
        ("The card costs 5 million yuan.", 5_000_000, "CNY"),
        ("The card costs 2.5 million Swiss francs.", 2_500_000, "CHF"),
        ("The card costs two million dollars.", 2_000_000, "USD"),
        ("The card costs Two million dollars.", 2_000_000, "USD"),
        ("The card costs half a million euros.", 500_000, "EUR"),
        ("The card costs a quarter of a million pounds sterling.", 250_000, "GBP"),
        ("The card costs three quarters of a million dollars.", 750_000, "USD"),
        ("The card costs one and a half million euros.", 1_500_000, "EUR"),
        ("The card costs a million and a half dollars.", 1_500_000, "USD"),
        ("The card costs a million dollars.", 1_000_000, "USD"),
        ("The stamp costs twenty-five dollars.", 25, "USD"),
        ("The stamp costs five hundred yuan.", 500, "CNY"),
        ("The stamp costs one hundred and fifty euros.", 150, "EUR"),
        ("The stamp costs ten thousand baht.", 10_000, "THB"),
        ("The stamp costs fifty cents.", 0.5, "USD"),
        ("The stamp costs 99 pence.", 0.99, "GBP"),
        ("Kuwait charges 500 fils, Kuwaiti officials said.", 0.5, "KWD"),
        ("Kuwait charges KD 1.500 for it, Kuwaiti officials said.", 1.5, "KWD"),
        ("There is a five-dollar fee.", 5, "USD"),
        ("There is a two-million-yuan grant.", 2_000_000, "CNY"),
        ("There is a 30-euro fee.", 30, "EUR"),
        ("There is a 1,000-baht fee.", 1_000, "THB"),
    ],
)
def test_number_writings(text: str, amount: float, code: str) -> None:
    assert _read(text) == [(amount, code)]


@pytest.mark.parametrize(
    "text",
    [
        "It costs a few hundred dollars.",  # no number of its own
        "Several million dollars were spent.",
        "It is one euro zone country.",
        "The euro area grew.",
        "1,5 millones de euros",  # not English
        "The card costs €1,5 Mio.",  # a decimal comma: not read, and not read as €1
        "The card costs 1,50 euros.",
        "The Form I-129 500 page",
        "In 2026 300 people applied.",
    ],
)
def test_vague_or_non_english_numbers_are_not_amounts(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("seven", 7), ("forty-two", 42), ("nine hundred and ninety-nine", 999),
     ("two hundred thousand", 200_000),
     ("a hundred", 100), ("half a million", 500_000), ("two and a half million", 2_500_000),
     ("twelve lakh", 1_200_000), ("three crore", 30_000_000)],
)
def test_numbers_in_words(words: str, value: float) -> None:
    assert words_value(words) == value


@pytest.mark.parametrize(("words"), ["a", "and of", "hundred", "million", "half"])
def test_words_that_are_no_number(words: str) -> None:
    assert words_value(words) is None


@pytest.mark.parametrize(
    ("num", "scaled", "thousandths", "value"),
    [("1.500", False, False, 1_500), ("1.500", True, False, 1.5), ("1.500", False, True, 1.5),
     ("1.500.000", False, True, 1_500_000), ("1.250,75", False, False, 1_250.75),
     ("1 500,50", False, False, 1_500.5), ("12,50,000", False, False, 1_250_000),
     ("204.77", False, False, 204.77)],
)
def test_digit_groupings(num: str, scaled: bool, thousandths: bool, value: float) -> None:
    assert digits_value(num, scaled=scaled, thousandths=thousandths) == value


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The card costs $1,000 USD.", [(1_000, "USD")]),  # one amount, not "000 USD"
        ("The card costs 300 RMB.", [(300, "CNY")]),
        ("The card costs Rs 5 Lakh.", [(500_000, "INR")]),
        ("The card costs $5 Million.", [(5_000_000, "USD")]),
        ("The card costs Rs 2 Cr.", [(20_000_000, "INR")]),
        ("The card costs Rupees 5,000.", [(5_000, "INR")]),
        ("The card costs Kenyan shillings 2,500.", [(2_500, "KES")]),
        ("In Dollars 2025 was a good year.", []),  # a year after a name is no amount
        ("The card costs 100 bucks.", [(100, "USD")]),
        ("The card costs 50 quid.", [(50, "GBP")]),
        ("The card costs Rmb5,000.", [(5_000, "CNY")]),
        ("The card costs 300 Aussie dollars.", [(300, "AUD")]),
        ("The card costs 300 Scottish pounds.", [(300, "GBP")]),
        # A country form and the currency's noun, whichever form of the country.
        ("The card costs 1,000 Mexico pesos.", [(1_000, "MXN")]),
        ("The card costs 5,000 Philippines pesos.", [(5_000, "PHP")]),
        ("The card costs 300 Dubai dirhams.", [(300, "AED")]),
        ("The card costs 2,000 Kenya shillings.", [(2_000, "KES")]),
        ("The card costs 900 Thailand baht.", [(900, "THB")]),
        ("In 2018 Korea won gold.", []),  # "won" is never joined to a country
        ("In 2026 Bosnia marks the day.", []),
        ("The card costs two million won.", [(2_000_000, "KRW")]),
        ("The card costs one million two hundred thousand won.", [(1_200_000, "KRW")]),
        ("The two won the vote.", []),  # "won" after words only when a scale word ends them
        ("In 2016 Rand Paul said so.", []),  # a year before a capitalised one-word name
        ("In 2019 Dong Lin said so.", []),
        ("The card costs 2000 euros.", [(2_000, "EUR")]),
        ("The card costs 1999 Swiss francs.", [(1_999, "CHF")]),
        ("The card costs one thousand five hundred euros.", [(1_500, "EUR")]),
        ("The card costs three hundred and fifty thousand dollars.", [(350_000, "USD")]),
        # A list of bare numbers shares the currency (and scale) of the amount that closes it.
        ("Visas cost 150, 250 or 400 euros.", [(150, "EUR"), (250, "EUR"), (400, "EUR")]),
        ("Visas cost 2 and 3 million yuan.", [(2_000_000, "CNY"), (3_000_000, "CNY")]),
        ("Stamps cost 30, 40 and 50 cents.", [(0.3, "USD"), (0.4, "USD"), (0.5, "USD")]),
        ("Visas cost 1.500 or 2.000 €.", [(1_500, "EUR"), (2_000, "EUR")]),
        ("In 2024 and 300 yuan", [(300, "CNY")]),  # a year is no item of a list
        ("Visas for 5 or 10 years cost 300 euros.", [(300, "EUR")]),
        ("It costs between 200 and 400 yuan.", [(200, "CNY")]),  # a range, its low end
    ],
)
def test_more_writings(text: str, read: list[tuple[float, str]]) -> None:
    assert _read(text) == read


# Rates.


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("a fee of Rp 3 million ($1 = 16,250 rupiah)", {"IDR": 16_250}),
        ("a fee of ₹8,000 (US$1 = ₹88.3)", {"INR": 88.3}),
        ("a fee of €90 (1 USD = 0.92 euro)", {"EUR": 0.92}),
        ("a fee of 1,200 baht ($1 = 32.4 baht)", {"THB": 32.4}),
    ],
)
def test_rate_notes_in_several_writings(text: str, rates: dict[str, float]) -> None:
    assert find_rates(text) == rates
    assert len(find_money(text)) == 1  # the note is a rate, not an amount


# Through the pipeline: the fee component reads the same forms.


def _fees(extractor: FactExtractor, text: str) -> list[tuple[object, object, object]]:
    facts = facts_of_kind(extractor.extract(article(text)), "fee")
    return [(f["amount"], f["currency"], f["period"]) for f in facts]


@pytest.mark.parametrize(
    ("text", "fees"),
    [
        ("CAPE TOWN - South Africa's digital nomad visa costs R1,520 per application, the Department of "
         "Home Affairs said on Monday.", [(1520, "ZAR", "per_petition")]),
        ("The digital nomad visa costs half a million pesos, officials in Mexico City said.",
         [(500_000, "MXN", None)]),
        ("The digital nomad visa fee is two hundred euros, officials in Lisbon said.", [(200, "EUR", None)]),
        ("Applicants for the digital nomad visa pay a one-time fee of 5,000 Turkish lira.",
         [(5000, "TRY", "one_time")]),
        ("Sweden's work permit costs 2,200 kr per application, the Swedish Migration Agency said.",
         [(2200, "SEK", "per_petition")]),
        ("The Kenyan digital nomad permit costs KSh 25,000 a year, officials in Nairobi said.",
         [(25_000, "KES", "per_year")]),
        ("Vietnam's e-visa costs 500.000₫ and the work permit 1.500.000 ₫, officials in Hanoi said.",
         [(500_000, "VND", None), (1_500_000, "VND", None)]),
        # "$" in a story datelined in, or about, another dollar country.
        ("SYDNEY - Applicants for the Skills in Demand visa pay $3,210, Australia's Department of "
         "Home Affairs said. Australia raised the charge in July.", [(3_210, "AUD", None)]),
        ("OTTAWA - Express Entry applicants pay a processing fee of $950 and a right of permanent "
         "residence fee of $575, Canadian officials said.", [(950, "CAD", None), (575, "CAD", None)]),
        ("The Employment Pass application fee is $105, and issuing the pass costs another $225, "
         "Singapore's Ministry of Manpower said.", [(105, "SGD", None), (225, "SGD", None)]),
        ("The H-1B fee will be one hundred thousand dollars a year, the White House said.",
         [(100_000, "USD", "per_year")]),
        ("Ireland's Critical Skills Employment Permit costs €1.000 for a two-year permit, Dublin said.",
         [(1_000, "EUR", None)]),
    ],
)
def test_fees_in_the_forms_of_other_currencies(
    extractor: FactExtractor, text: str, fees: list[object]
) -> None:
    assert _fees(extractor, text) == fees


@pytest.mark.parametrize(
    "text",
    [
        "South Africa's digital nomad visa requires a salary of R650,976 a year, officials in Pretoria said.",
        "Applicants for the digital nomad visa must show savings of two million pesos, Mexico City said.",
        "Vietnam's visa programme has a budget of 5.000.000.000.000 ₫, officials in Hanoi said.",
    ],
)
def test_salaries_savings_and_totals_in_other_currencies_are_no_fees(
    extractor: FactExtractor, text: str
) -> None:
    assert _fees(extractor, text) == []
