"""Classes of fee failure read off the tuning splits' misses (issue 3), one invented sentence
each: a relative clause on the priced subject, a clause with a verb of its own after ", and",
an elliptical clause's period, wages paid to a person, "for" after a verb of getting a visa, tax
stamps, a price fronted by "At", and several amounts taking a later sentence's period."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import fees_in


def test_a_relative_clause_on_the_priced_subject_does_not_make_it_a_salary(extractor: FactExtractor) -> None:
    text = ("The EU Blue Card, which is open to graduates with a higher salary threshold, costs €140 in "
            "most member states.")
    assert fees_in(extractor, text) == [("EU Blue Card", 140, "EUR", None)]


def test_the_priced_subject_itself_still_says_what_the_money_is(extractor: FactExtractor) -> None:
    text = "For Skilled Worker visa holders, health insurance costs about £1,000 a year."
    assert fees_in(extractor, text) == []


def test_a_clause_with_its_own_verb_after_the_amount_borrows_no_fee_verb(extractor: FactExtractor) -> None:
    text = ("Last spring I paid for my Opportunity Card at the consulate in my home town of Pune, and "
            "about €400 a month goes on a shared flat.")
    assert fees_in(extractor, text) == []


def test_money_that_has_to_be_shown_is_means(extractor: FactExtractor) -> None:
    text = ("Applicants for the Opportunity Card pay a €75 visa fee, and about €1,000 a month has to be "
            "shown in a blocked account.")
    assert fees_in(extractor, text) == [("Opportunity Card", 75, "EUR", None)]


def test_a_gapped_clause_still_borrows_the_fee_verb(extractor: FactExtractor) -> None:
    text = "Under the Skilled Worker visa, large firms pay £1,000 a year, and small firms £364."
    assert fees_in(extractor, text) == [("Skilled Worker visa", 1000, "GBP", "per_year"),
                                      ("Skilled Worker visa", 364, "GBP", "per_year")]


def test_an_elliptical_clause_takes_the_period_past_an_old_level(extractor: FactExtractor) -> None:
    text = ("Sponsors of Skilled Worker visa holders will pay £1,500 per worker for each year of the visa, "
            "up from £1,200, and charities £600, up from £450.")
    got = {amount: period for _, amount, _, period in fees_in(extractor, text)}
    assert got[1500] == "per_year" and got[600] == "per_year"


@pytest.mark.parametrize(
    "text",
    [
        "A county clinic typically pays a physician between $210,000 and $290,000 a year, and the H-1B "
        "fee adds to that.",
        "The H-1B fee is steep, and firms already pay developers about $150,000 a year.",
    ],
)
def test_money_paid_to_a_person_is_a_wage(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == []


def test_for_after_a_verb_of_getting_a_visa_is_its_price(extractor: FactExtractor) -> None:
    text = ("The K visa allows one entry. Holders can extend the visa at a local police office for "
            "300 yuan, or renew their permits online.")
    assert fees_in(extractor, text) == [("K visa", 300, "CNY", None)]


def test_for_after_another_verb_is_no_price(extractor: FactExtractor) -> None:
    text = "Under the K visa, engineers can work for a company in Shenzhen for 30,000 yuan a month."
    assert fees_in(extractor, text) == []


def test_tax_stamps_are_a_fee(extractor: FactExtractor) -> None:
    text = "For the EU Blue Card, Italy collects about €116 in tax stamps."
    assert fees_in(extractor, text) == [("EU Blue Card", 116, "EUR", None)]


def test_a_price_fronted_by_at_and_compared(extractor: FactExtractor) -> None:
    text = ("Compare it with the Destination Thailand Visa. At 12,000 baht it is cheaper, but each stay "
            "is capped at 90 days.")
    assert fees_in(extractor, text) == [("Destination Thailand Visa", 12000, "THB", None)]


def test_a_fronted_at_without_a_price_comparison_is_no_fee(extractor: FactExtractor) -> None:
    text = "Holders of the Destination Thailand Visa arrive in numbers. At 12,000 baht a month, rent is high."
    assert fees_in(extractor, text) == []


def test_an_amount_in_a_charge_alone_is_a_running_total(extractor: FactExtractor) -> None:
    text = ("The Skilled Worker visa charge is £1,000 a year. “A five-year hire means £5,000 in skills "
            "charge alone,” she said.")
    assert fees_in(extractor, text) == [("Skilled Worker visa", 1000, "GBP", "per_year")]


def test_several_amounts_without_periods_take_the_next_sentences_period(extractor: FactExtractor) -> None:
    text = ("Applicants for Chile's Digital Nomad visa pay $90 for the application and $40 for the "
            "residence card. The fee is charged once, when the visa is first issued.")
    assert sorted(fees_in(extractor, text)) == [("Digital Nomad visa", 40, "USD", "one_time"),
                                              ("Digital Nomad visa", 90, "USD", "one_time")]


def test_an_amount_with_its_own_period_keeps_the_next_sentence_out(extractor: FactExtractor) -> None:
    text = ("Applicants for Chile's Digital Nomad visa pay $90 a year for the permit and $40 for the "
            "residence card. The fee is charged once, when the visa is first issued.")
    assert ("Digital Nomad visa", 40, "USD", "one_time") not in fees_in(extractor, text)


def test_it_after_a_sentence_about_the_payment_states_its_period(extractor: FactExtractor) -> None:
    text = ("Ministers set a $90,000 charge on new H-1B petitions.\n"
            "The payment was written into an order in March. It covers hires abroad, and officials later "
            "said it is a one-time charge.")
    assert fees_in(extractor, text) == [("H-1B", 90000, "USD", "one_time")]


def test_it_in_a_new_paragraph_without_the_payment_states_no_period(extractor: FactExtractor) -> None:
    text = ("Ministers set a $90,000 charge on new H-1B petitions.\n"
            "Critics attacked the order in March. It covers hires abroad, and officials said it is a "
            "one-time measure.")
    assert fees_in(extractor, text) == [("H-1B", 90000, "USD", None)]


def test_a_reported_clause_about_the_fee_states_its_period(extractor: FactExtractor) -> None:
    text = ("Ministers set a $90,000 charge on new H-1B petitions.\n"
            "The ministry clarified on Sunday that the charge is a one-time payment, not a yearly one.")
    assert fees_in(extractor, text) == [("H-1B", 90000, "USD", "one_time")]


def test_a_programme_of_the_payers_earlier_status_is_not_thefees_in(extractor: FactExtractor) -> None:
    text = "Graduates who apply for an H-1B after OPT must pay a $215 fee."
    assert fees_in(extractor, text) == [("H-1B", 215, "USD", None)]


def test_a_programme_of_the_payers_workforce_is_not_thefees_in(extractor: FactExtractor) -> None:
    text = ("The H-1B lottery opens in March. Before then, the charges are modest: a $215 fee and, for firms "
            "with 60 staff of whom half hold H-1B or L-1 status, a $4,000 fee.")
    assert fees_in(extractor, text) == [("H-1B", 215, "USD", None), ("H-1B", 4000, "USD", None)]


def test_a_programme_the_payer_holds_is_still_thefees_in(extractor: FactExtractor) -> None:
    text = "Workers who already hold an L-1 pay a $500 fee to extend it."
    assert fees_in(extractor, text) == [("L-1", 500, "USD", None)]


def test_a_relative_clause_on_a_programmes_apposition_prices_that_programme(extractor: FactExtractor) -> None:
    text = ("The discount does not cover the Z visa, the usual work visa, which still costs 800 yuan for "
            "most people, nor the K visa launched this year.")
    assert fees_in(extractor, text) == [("Z visa", 800, "CNY", None)]


def test_a_programme_in_a_relative_clause_on_another_is_not_thefees_in(extractor: FactExtractor) -> None:
    text = ("The National Innovation visa, which replaced the Global Talent visa last year, targets founders "
            "and costs A$4,500 for the main applicant.")
    assert fees_in(extractor, text) == [("National Innovation visa", 4500, "AUD", None)]


@pytest.mark.parametrize(
    "text",
    [
        # the text says the amount is no fee
        "The $2 million is not a fee in the strict sense, since investors may get it back under the EB-5 "
        "rules.",
        # a broker's charge, with a place and an auxiliary between the broker and the verb
        "For the E-9 visa, agents in the home countries have charged workers as much as 8 million won for "
        "a slot.",
        # a consultancy's charge, its subject that of the first of two verbs
        "Marco Bianchi, who runs a golden visa consultancy in Rome, said his firm had let go of four staff "
        "and now charges clients a flat fee of €12,000 to file an application.",
        # insurance cover
        "Under the Parent Boost visa, she said her parents had paid NZ$9,000 for two years of cover, on top "
        "of the visa fee.",
        # a salary bar, and the old level it is raised from
        "For the Employment Pass, in finance, where pay is higher, the bar rises to S$7,000 from S$6,400.",
    ],
)
def test_money_that_is_not_a_fee(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == []


def test_a_payer_charged_in_the_passive_still_pays_a_fee(extractor: FactExtractor) -> None:
    text = "Firms in Texas are charged a $4,000 H-1B fee."
    assert fees_in(extractor, text) == [("H-1B", 4000, "USD", None)]


def test_applying_for_an_amount_after_a_fee_clause_is_a_fee(extractor: FactExtractor) -> None:
    text = "The Parent Boost visa costs NZ$2,500 per applicant, and a family can apply together for NZ$3,200."
    assert fees_in(extractor, text) == [("Parent Boost visa", 2500, "NZD", None),
                                      ("Parent Boost visa", 3200, "NZD", None)]


def test_applying_for_an_amount_with_no_fee_in_the_sentence_is_no_fee(extractor: FactExtractor) -> None:
    text = "Top researchers on the K visa can apply for 1 million yuan."
    assert fees_in(extractor, text) == []


def test_a_fee_of_more_than_an_amount_is_that_fee(extractor: FactExtractor) -> None:
    text = "Applicants for the Golden Residence Permit pay a permit fee of more than €5,000."
    assert fees_in(extractor, text) == [("Golden Residence Permit", 5000, "EUR", None)]


def test_paying_more_than_an_amount_is_still_a_sum(extractor: FactExtractor) -> None:
    text = "With the Golden Visa, families will now pay more than €12,000."
    assert fees_in(extractor, text) == []


def test_a_dollar_in_a_story_about_a_rupee_country_is_the_us_dollar(extractor: FactExtractor) -> None:
    text = ("NEW DELHI - India has begun issuing an e-Student visa. The e-Student visa fee is $80 for most "
            "nationalities, while students from Nepal pay ₹2,500. Indian officials said the fee is "
            "competitive with Australia. India hopes Indian universities will draw more students.")
    assert sorted(fees_in(extractor, text)) == [("e-Student visa", 80, "USD", None),
                                              ("e-Student visa", 2500, "INR", None)]


def test_a_dollar_in_a_story_about_australia_is_the_australian_dollar(extractor: FactExtractor) -> None:
    text = "Australia raised its visitor visa fee to $200, the Australian government said in Canberra."
    assert [currency for _, _, currency, _ in fees_in(extractor, text)] == ["AUD"]


def test_an_item_whose_fee_noun_has_joined_modifiers_takes_no_period_of_the_clause_before(
        extractor: FactExtractor) -> None:
    text = ("An L-1 petition carries a filing fee of $1,200 per petition, plus a $400 anti-fraud and "
            "detection fee on first petitions.")
    assert fees_in(extractor, text) == [("L-1", 1200, "USD", "per_petition"), ("L-1", 400, "USD", None)]


def test_charges_that_come_to_a_range_are_the_visas_price(extractor: FactExtractor) -> None:
    text = ("Government charges for the Green Visa come to around Dh3,000 to Dh4,000, including the "
            "medical test.")
    assert fees_in(extractor, text) == [("Green Visa", 3000, "AED", None)]


def test_charges_that_together_come_to_a_range_are_a_sum(extractor: FactExtractor) -> None:
    text = "For the F-1 visa, the three charges together come to $700 to $800."
    assert fees_in(extractor, text) == []


def test_a_charge_the_text_says_is_part_of_no_visa_is_no_fee(extractor: FactExtractor) -> None:
    text = ("Holders of the Golden Visa pay 4 million rupiah. The island separately charges visitors a levy "
            "of 200,000 rupiah at the airport, which is not part of any visa.")
    assert fees_in(extractor, text) == [("Golden Visa", 4000000, "IDR", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Toronto consultant Priya Malhotra charges C$2,800 for a full Express Entry file, she said.",
        "Nadia Osei, an adviser in Accra, said she charges $900 to prepare a Skilled Worker visa file.",
    ],
)
def test_a_named_person_who_charges_is_a_private_party(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == []


def test_a_government_office_that_charges_is_no_private_party(extractor: FactExtractor) -> None:
    text = "The Express Entry application fee is C$950, and IRCC charges C$85 for biometrics."
    expected = [("Express Entry", 950, "CAD", None), ("Express Entry", 85, "CAD", None)]
    assert fees_in(extractor, text) == expected


def test_a_person_named_by_surname_who_charges_is_a_private_party(extractor: FactExtractor) -> None:
    text = ("Priya Malhotra has filed Express Entry profiles for a decade. Malhotra charges C$2,800 for a "
            "full Express Entry file.")
    assert fees_in(extractor, text) == []
