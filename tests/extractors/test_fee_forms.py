"""Fee forms of real news, one small test each: which amounts are a
programme's fees, and which programme and period they have."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind, fees_in


def test_an_adjective_of_another_noun_gives_no_period(extractor: FactExtractor) -> None:
    text = ("Employers pay a $780 filing fee for each H-1B petition and a $215 registration fee to enter "
            "the annual lottery.")
    assert fees_in(extractor, text) == [("H-1B", 780, "USD", "per_petition"), ("H-1B", 215, "USD", None)]
    # Predicative, it still measures the fee before it.
    predicative = "The H-1B integrity fee of $250 is annual."
    assert fees_in(extractor, predicative) == [("H-1B", 250, "USD", "per_year")]


def test_a_price_stated_of_the_visa_itself(extractor: FactExtractor) -> None:
    text = ("A single-entry K visa costs 230 yuan, according to a fee table posted by the consulate, while a "
            "double-entry visa is CNY 345 and a multiple-entry visa valid for six months is RMB 460.")
    assert [amount for _, amount, _, _ in fees_in(extractor, text)] == [230, 345, 460]


def test_a_clause_without_a_verb_repeats_the_fee_verb(extractor: FactExtractor) -> None:
    text = ("Blue Card fees are modest. Germany charges €100 for the card itself, France about €225, "
            "and the Netherlands €380 per application.")
    assert fees_in(extractor, text) == [
        ("EU Blue Card", 100, "EUR", None), ("EU Blue Card", 225, "EUR", None),
        ("EU Blue Card", 380, "EUR", "per_petition"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "University application fees alone run to about ₹1.5 lakh, and the F-1 visa application fee is $185.",
        "Students on the F-1 visa often pay $3,000 in legal fees and the $185 visa fee.",
        "Many F-1 applicants pay a $250 English test fee on top of the $185 visa fee.",
    ],
)
def test_fees_paid_to_universities_lawyers_or_test_centres_are_not_the_programmes(
    extractor: FactExtractor, text: str
) -> None:
    assert fees_in(extractor, text) == [("F-1", 185, "USD", None)]


def test_a_total_too_large_for_one_applicant_is_no_fee(extractor: FactExtractor) -> None:
    text = ("Three firms filed 9,000 H-1B petitions last year. At $100,000 apiece, the same volume "
            "would cost them close to $900 million, or ₹8,000 crore.")
    assert [amount for _, amount, _, _ in fees_in(extractor, text)] == [100000]


@pytest.mark.parametrize(
    "text",
    [
        "EB-5 investors who put in $1.05 million also pay an $11,160 filing fee.",
        "Applicants who ploughed in $1.05 million pay the EB-5 filing fee of $11,160.",
    ],
)
def test_money_put_into_a_business_is_no_fee(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == [("EB-5", 11160, "USD", None)]


def test_a_programme_named_as_a_comparison_is_not_thefees_in(extractor: FactExtractor) -> None:
    text = ("Britain granted 8,000 Global Talent visas last year.\n"
            "“They are still a rounding error next to the Skilled Worker route,” she said.\n"
            "Blake said universities wanted the visa’s £766 fee cut.")
    assert fees_in(extractor, text) == [("Global Talent visa", 766, "GBP", None)]
    text = "Unlike the R visa, the K visa costs 230 yuan."
    assert fees_in(extractor, text) == [("K visa", 230, "CNY", None)]


@pytest.mark.parametrize(
    ("text", "programme"),
    [
        ("Under the discounted schedule, a single-entry Z work visa costs ¥210.", "Z visa"),
        # A subcategory named alone is a programme of its own (test_programme_country.py).
        ("An X1 student visa costs 315 yuan.", "X1 visa"),
        ("The X visa has two kinds; an X1 student visa costs 315 yuan.", "X visa"),
        ("The H1-B visa fee is now $100,000.", "H-1B"),
    ],
)
def test_programme_spellings_with_a_descriptor(extractor: FactExtractor, text: str, programme: str) -> None:
    assert [p for p, _, _, _ in fees_in(extractor, text)] == [programme]


def test_a_programme_named_only_inside_a_quotation_does_not_carry_to_the_next_sentence(
    extractor: FactExtractor,
) -> None:
    text = ("Investors in the EB-5 visa programme now wait seven years.\n"
            "“Some of them already have a backup plan: the gold card,” the attorney said.\n"
            "Petitioners pay a $11,160 filing fee on top of the minimum investment.")
    assert fees_in(extractor, text) == [("EB-5", 11160, "USD", None)]


def test_a_name_in_quotation_marks_carries_like_any_mention(extractor: FactExtractor) -> None:
    text = ("Investors once chose the EB-5 visa. Trump signed an order creating a “gold card” visa.\n"
            "The card costs $1 million.")
    assert fees_in(extractor, text) == [("Gold Card", 1000000, "USD", None)]


@pytest.mark.parametrize(
    "text",
    [
        "China launched the K visa.\nNatarajan said her agency charges clients 3,000 rupees.",
        "China launched the K visa.\nLaw firms typically charge K visa applicants 3,000 rupees.",
    ],
)
def test_money_a_private_party_charges_is_no_fee(extractor: FactExtractor, text: str) -> None:
    assert fees_in(extractor, text) == []
    assert fees_in(extractor, text + " The embassy charges a K visa fee of 230 yuan.") == [
        ("K visa", 230, "CNY", None)
    ]


def test_money_spent_on_recruitment_fees_is_no_fee(extractor: FactExtractor) -> None:
    text = "Employers pay a Skilled Worker visa fee of £525, and Pike spent £12,000 on recruitment fees."
    assert fees_in(extractor, text) == [("Skilled Worker visa", 525, "GBP", None)]


def test_an_amount_right_after_and_repeats_the_fee_clause(extractor: FactExtractor) -> None:
    text = ("The Skills in Demand visa application charge is A$3,210 for the main applicant and for each "
            "adult family member, and A$805 for each child.")
    assert fees_in(extractor, text) == [
        ("Skills in Demand visa", 3210, "AUD", None), ("Skills in Demand visa", 805, "AUD", None)
    ]


def test_a_listed_fee_with_its_own_noun_does_not_borrow_the_period_before_it(
    extractor: FactExtractor,
) -> None:
    text = ("H-1B employers already pay a $780 filing fee per petition, and, at larger companies, an asylum "
            "program fee of $600.")
    assert fees_in(extractor, text) == [("H-1B", 780, "USD", "per_petition"), ("H-1B", 600, "USD", None)]


def test_the_yen_sign_in_a_japanese_story(extractor: FactExtractor) -> None:
    text = ("TOKYO: Japan issued a record number of Highly Skilled Professional visas.\n"
            "Switching to the visa costs ¥4,000 today.")
    assert fees_in(extractor, text) == [("Highly Skilled Professional visa", 4000, "JPY", None)]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # A company's turnover bracket is no fee.
        ("The Skills in Demand visa levy costs A$1,200 a year for businesses with turnover under "
         "A$10 million.", [1200]),
        # Salaries that range over amounts are no fee, whatever the parse makes of "range".
        ("Salaries offered to K visa holders by Chinese technology firms range from 25,000 to 40,000 yuan "
         "a month, he said, well below U.S. pay.", []),
        # The figure a correction denies is no fee.
        ("(This story has been corrected to show that the Skilled Worker visa skills charge for small "
         "companies will rise to £480 a year, not £408.)", [480]),
    ],
)
def test_money_that_is_not_the_fee(extractor: FactExtractor, text: str, amounts: list[int]) -> None:
    assert [amount for _, amount, _, _ in fees_in(extractor, text)] == amounts


def test_the_programme_inside_the_fees_own_phrase_wins_over_a_nearer_one(extractor: FactExtractor) -> None:
    text = ("Chinese state media presented the K visa as an answer to the $100,000 fee that the United "
            "States imposed last month on new H-1B petitions.")
    assert fees_in(extractor, text) == [("H-1B", 100000, "USD", None)]


def test_the_programme_of_the_amounts_own_clause(extractor: FactExtractor) -> None:
    text = "Filing an O-1 petition costs employers $1,055, and an L-1 petition $1,385."
    assert fees_in(extractor, text) == [("O-1", 1055, "USD", None), ("L-1", 1385, "USD", None)]


def test_a_later_sentence_about_the_fee_states_its_period(extractor: FactExtractor) -> None:
    text = ("A federal judge declined to halt the $100,000 fee on new H-1B visa petitions.\n"
            "The judge said the business groups had not shown harm, and set a hearing for Dec. 4.\n"
            "Trump signed the proclamation on Sept. 19. It took effect on Sept. 21 and covers petitions "
            "filed after that moment. The fee is a one-time payment by the sponsoring employer.")
    assert fees_in(extractor, text) == [("H-1B", 100000, "USD", "one_time")]


def test_an_amount_repeated_without_a_programme_is_the_fee_named_before(extractor: FactExtractor) -> None:
    text = ("Employers must pay a $100,000 fee on new H-1B petitions.\n"
            "Lawyers say clients are moving to the O-1 visa instead.\n"
            "“Nobody is paying $100,000 for a junior developer,” Raman said.")
    assert fees_in(extractor, text) == [("H-1B", 100000, "USD", None)]


def test_a_pronoun_restates_the_fee_before_with_its_price_now(extractor: FactExtractor) -> None:
    text = ("Britain is tightening the Skilled Worker visa.\n"
            "The Immigration Skills Charge will rise to £1,320 a year for large firms and to £480 a year for "
            "small companies from Dec. 16. It currently stands at £1,000 and £364.")
    assert fees_in(extractor, text) == [
        ("Skilled Worker visa", 1320, "GBP", "per_year"), ("Skilled Worker visa", 480, "GBP", "per_year"),
        ("Skilled Worker visa", 1000, "GBP", "per_year"), ("Skilled Worker visa", 364, "GBP", "per_year"),
    ]
    # A pronoun after a sentence about no fee restates nothing.
    text = ("Britain is tightening the Skilled Worker visa.\n"
            "The agency hired more staff. It now stands at £1,000.")
    assert fees_in(extractor, text) == []


def test_a_listed_amount_with_its_own_fee_noun_does_not_repeat_the_period_before_it(
    extractor: FactExtractor,
) -> None:
    text = ("Students bound for the F-1 visa first pay the $300 records fee, charged once per course, "
            "and the $160 interview fee at the embassy.")
    assert fees_in(extractor, text) == [("F-1", 300, "USD", "one_time"), ("F-1", 160, "USD", None)]
    # Without a fee noun of its own the amount still repeats the clause before it.
    text = "The O-1 filing fee is $900 per petition, and $450 for renewals."
    assert fees_in(extractor, text) == [
        ("O-1", 900, "USD", "per_petition"), ("O-1", 450, "USD", "per_petition")
    ]


def test_the_programme_of_an_earlier_sentence_of_the_paragraph(extractor: FactExtractor) -> None:
    text = ("Advisers say the gold card suits the richest families. "
            "The gold card is the talk of Washington.\n"
            "The EB-5 programme asks each investor to back a project. Most get their money back in time. "
            "Filing Form I-526E costs $11,160.")
    assert fees_in(extractor, text) == [("EB-5", 11160, "USD", None)]
    # Not across a paragraph break: there the sentence before is the last one looked at.
    text = ("The EB-5 programme asks each investor to back a project. Most get their money back in time.\n"
            "A second paragraph opens here. Filing Form I-526E costs $11,160.")
    assert fees_in(extractor, text) == []


def test_money_paid_to_a_named_public_body_is_a_fee_but_not_money_paid_to_agencies(
    extractor: FactExtractor,
) -> None:
    text = ("Holders of the EU Blue Card pay a €60 consular fee for the visa and a further €120 to the "
            "Agency for Migration and Borders when their card is issued.")
    assert fees_in(extractor, text) == [("EU Blue Card", 60, "EUR", None), ("EU Blue Card", 120, "EUR", None)]
    text = ("Holders of the EU Blue Card pay a €60 consular fee for the visa and often a further €120 to "
            "private agencies that book the appointment.")
    assert fees_in(extractor, text) == [("EU Blue Card", 60, "EUR", None)]


def test_a_price_given_by_comparison(extractor: FactExtractor) -> None:
    text = "The Destination Thailand Visa is far cheaper at ฿12,000 and suits remote workers."
    assert fees_in(extractor, text) == [("Destination Thailand Visa", 12000, "THB", None)]


@pytest.mark.parametrize(
    "note",
    [
        "(This story has been corrected to fix the fee to $620 from $260 in paragraph 1)",
        "(An earlier version of this story said the fee was $260, not $620.)",
        "Correction: The fee is $620. It was misstated as $260.",
    ],
)
def test_the_wrong_figures_of_a_correction_note_are_nofees_in(extractor: FactExtractor, note: str) -> None:
    text = f"The O-1 visa filing fee will rise to $620 next year, the agency said.\n{note}"
    assert fees_in(extractor, text) == [("O-1", 620, "USD", None)]


@pytest.mark.parametrize("bound", ["more than", "well over", "upwards of", "in excess of"])
def test_a_lower_bound_is_a_sum_of_costs_not_a_fee(extractor: FactExtractor, bound: str) -> None:
    text = (f"A family moving on the Global Talent visa will pay {bound} £9,000 before arriving, "
            "on top of the £716 application fee.")
    assert fees_in(extractor, text) == [("Global Talent visa", 716, "GBP", None)]


def test_a_private_party_named_as_the_speaker_who_charges(extractor: FactExtractor) -> None:
    text = ("The O-1 filing fee is $1,055. Consultants in Delhi who assemble the evidence said they charged "
            "about 2 lakh rupees per case.")
    assert fees_in(extractor, text) == [("O-1", 1055, "USD", None)]
    # The state, reported the same way, charges a fee.
    text = "Officials said they charged 2,000 rupees for each O-1 visa interview."
    assert fees_in(extractor, text) == [("O-1", 2000, "INR", None)]


def test_an_aside_after_and_does_not_hide_the_fee_verb(extractor: FactExtractor) -> None:
    text = ("Sponsors pay a $700 filing fee per L-1 petition, a $300 anti-fraud fee, and, if more than half "
            "of the engineers at their American offices hold work visas, an extra $2,500.")
    assert fees_in(extractor, text) == [
        ("L-1", 700, "USD", "per_petition"), ("L-1", 300, "USD", None), ("L-1", 2500, "USD", None)
    ]


def test_money_spent_is_an_outlay_not_a_fee(extractor: FactExtractor) -> None:
    text = "The company spent $3 million on H-1B fees last year, and each petition costs $780."
    assert fees_in(extractor, text) == [("H-1B", 780, "USD", "per_petition")]


def test_an_amount_right_before_the_permit_it_buys_is_its_price(extractor: FactExtractor) -> None:
    text = ("When Oman opened its Gold Residency to foreigners, it was a luxury: OMR 80,000 for a "
            "permanent permit, or OMR 10,000 a year for a renewable one.")
    assert fees_in(extractor, text) == [("Gold Residency", 80000, "OMR", None),
                                      ("Gold Residency", 10000, "OMR", "per_year")]
    # Money put into something, with a visa as the aim, is no price.
    assert fees_in(extractor, "Investors put $500,000 for a golden visa into property.") == []


def test_a_programme_a_relative_clause_names_in_the_sentence_before_is_not_thefees_in(
    extractor: FactExtractor,
) -> None:
    text = ("Canberra courts researchers through the Distinguished Talent Visa, which replaced the Global "
            "Talent visa in 2024 and targets investors. Applicants pay A$4,985, a fee that will not change.")
    assert fees_in(extractor, text) == [("Distinguished Talent Visa", 4985, "AUD", None)]
    # With no relative clause, the nearest programme of the sentence before stands.
    text = "Canberra has the Distinguished Talent Visa and the Global Talent visa. Applicants pay A$4,985."
    assert fees_in(extractor, text) == [("Global Talent visa", 4985, "AUD", None)]


def test_a_shortened_table_name_is_the_table_programme(extractor: FactExtractor) -> None:
    text = ("Dublin widens the Critical Skills Employment Permit list.\n"
            "The fees are unchanged. A Critical Skills permit costs €1,000 and lasts two years.")
    facts = extractor.extract(article(text))
    names = [f["name"] for f in facts_of_kind(facts, "visa_programme")]
    assert names == ["Critical Skills Employment Permit"]
    assert fees_in(extractor, text) == [("Critical Skills Employment Permit", 1000, "EUR", None)]


def test_travel_authorisations_are_programmes_withfees_in(extractor: FactExtractor) -> None:
    text = ("BRUSSELS, Nov 4 - Visitors will pay 20 euros for ETIAS, the European Travel Information "
            "and Authorisation System, from next year.\n"
            "Britain's Electronic Travel Authorisation will cost 20 pounds. The United States raised "
            "the fee for its ESTA travel authorisation to $40 last year.")
    facts = extractor.extract(article(text))
    programmes = {(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")}
    assert programmes == {("ETIAS", "European Union"), ("Electronic Travel Authorisation", "United Kingdom"),
                          ("ESTA", "United States")}
    assert fees_in(extractor, text) == [("ETIAS", 20, "EUR", None),
                                      ("Electronic Travel Authorisation", 20, "GBP", None),
                                      ("ESTA", 40, "USD", None)]
    # An estimated time of arrival is no authorisation.
    flight = extractor.extract(article("The ETA for the flight is 9 pm."))
    assert facts_of_kind(flight, "visa_programme") == []
