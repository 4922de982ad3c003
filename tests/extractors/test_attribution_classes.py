"""Attribution, speaker and people forms of issue 3 found on the blind3 tuning
split's misses: one row or test per class, in text of our own (no gold
sentence). Each row failed before its rule, except the guards named so."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import people_in, quote_with, quotes_in

# (text, words the quote holds, its speaker): one row per class.
ATTRIBUTIONS = [
    pytest.param(
        "Nomad visas are popular in Lisbon.\n"
        "Ravi Menon, a senior fellow at the Harbour Institute, says that could change by spring.",
        "that could change by spring", "Ravi Menon", id="a demonstrative 'that' opening the report stays"),
    pytest.param(
        "Few people move their Blue Card to a second country.\n"
        "In practice, says Lisbon-based tax adviser Marta Sousa, few nomads pay the fee on time.",
        "few nomads pay the fee", "Marta Sousa", id="an inverted cue between commas inside the statement"),
    pytest.param(
        "Omar Haddad, a chef from Amman, arrived in May.\n"
        "His first job fell through, he said, because the restaurant was not allowed to hire foreign cooks.",
        "because the restaurant was not allowed", "Omar Haddad",
        id="a subordinate clause of the statement after the cue"),
    pytest.param(
        "Canada opened a new category on Wednesday.\n"
        "OTTAWA — The immigration department announced on Wednesday a new category for nurses and midwives, "
        "saying it wants to fill vacancies in rural clinics.",
        "it wants to fill vacancies", None, id="announced ..., saying ..."),
    pytest.param(
        "The surcharge keeps founders away.\n"
        "“We lose customers at the checkout page,” Anton Petrescu, who co-founded a payments start-up in "
        "Leeds, told me in an email.",
        "We lose customers", "Anton Petrescu", id="a who-clause with a hyphenated verb before the cue"),
    pytest.param(
        "Appointments are the bottleneck.\n"
        "“I had the grades and the money. What I lacked was a slot at the consulate.” That is how Ravi "
        "Kumar, a nurse from Kochi, describes his first year of trying.",
        "What I lacked", "Ravi Kumar", id="'That is how X describes' after the quote"),
    pytest.param(
        "The House debated the visa rule.\n"
        "Rep. Dale Whitman, who has sponsored bills to end the programme, called the proposal “a good "
        "first step.”",
        "a good first step", "Dale Whitman", id="a speaker's name for a thing: called X “...”"),
    pytest.param(
        "The rule drew criticism.\n"
        "Lena Ortiz, a lawyer in Austin, described the rule as “a tax on ambition and nothing else.”",
        "a tax on ambition", "Lena Ortiz", id="described X as “...”"),
    pytest.param(
        "The rule surprised Indian firms.\n"
        "The trade body said it was “reading the guidance closely” and would ask for talks with the "
        "ministry.",
        "would ask for talks with the ministry", None,
        id="a modal verb joined to the cue goes on with the report"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), ATTRIBUTIONS)
def test_the_attribution_of_a_quote(extractor: FactExtractor, text: str, words: str,
                                    speaker: str | None) -> None:
    assert quote_with(extractor, text, words)["speaker"] == speaker


def test_a_statement_before_its_cue_is_the_report_not_the_comment_after(extractor: FactExtractor) -> None:
    text = ("Portugal changes its nomad visa.\n"
            "Portugal will raise the salary floor for its two main work visas from 1 March, the Ministry of "
            "Labour said on Monday, the first increase since 2022 and one that employers in retail and "
            "farming had lobbied hard to delay.")
    quotes = quotes_in(extractor, text)
    assert any(str(q["text"]).startswith("Portugal will raise") for q in quotes), quotes
    assert not any("first increase" in str(q["text"]) for q in quotes), quotes


def test_a_partial_quote_ending_in_a_comma_inside_an_indirect_one_is_one_quote(
        extractor: FactExtractor) -> None:
    text = ("Engineers react to the rule.\n"
            "The Tech Council, a lobby group, said in a statement that the rule would “send the best "
            "engineers to Canada and Britain,” and urged members to write in.")
    quotes = [q for q in quotes_in(extractor, text) if "send the best engineers" in str(q["text"])]
    assert len(quotes) == 1 and quotes[0]["direct"] is False, quotes


@pytest.mark.parametrize("text", [
    pytest.param("The plan drew criticism.\nCritics called the plan “a gift to the big agencies.”",
                 id="a group's name for a thing"),
    pytest.param("Nurses welcomed it. “It is about time,” said Ana Ruiz, a nurse.\n"
                 "The law, called the “Protect Local Nurses Act,” passed in May.",
                 id="a title after an article"),
])
def test_a_name_given_with_no_one_to_say_it_is_no_quote(extractor: FactExtractor, text: str) -> None:
    """Guards of the naming cue: no speaker, or a title after an article."""
    assert not any("gift to the big" in str(q["text"]) or "Protect Local" in str(q["text"])
                   for q in quotes_in(extractor, text))


def test_a_person_the_ner_misses_behind_a_long_title_speaks_by_surname(extractor: FactExtractor) -> None:
    text = ("Indonesia cuts its investor visa threshold.\n"
            "Rates rise for families, Director General of Immigration Yudi Hartono told a news conference in "
            "Jakarta.\n"
            "“We are not selling residence,” Hartono said.\n"
            "The fee is unchanged, he said.")
    people = people_in(extractor, text)
    assert people["Yudi Hartono"]["roles"] == ("Director General of Immigration",), people
    assert quote_with(extractor, text, "not selling residence")["speaker"] == "Yudi Hartono"
    assert quote_with(extractor, text, "The fee is unchanged")["speaker"] == "Yudi Hartono"


def test_a_title_the_parser_makes_the_subject_speaks_for_the_name_after_it(extractor: FactExtractor) -> None:
    text = ("Indonesia cuts its investor visa threshold.\n"
            "Rates rise for families, Director General of Immigration Yudi Hartono told a news conference in "
            "Jakarta.\n"
            "“We are not selling residence,” Hartono said.\n"
            "Investors will need to bring $1.5 million, Director General of Immigration Yudi Hartono told "
            "reporters.")
    assert quote_with(extractor, text, "Rates rise for families")["speaker"] == "Yudi Hartono"
    assert quote_with(extractor, text, "need to bring")["speaker"] == "Yudi Hartono"
    # A role holds none of its person's names ("Director General of Immigration Yudi").
    assert people_in(extractor, text)["Yudi Hartono"]["roles"] == ("Director General of Immigration",)


def test_a_unisex_given_name_takes_the_article_s_pronoun(extractor: FactExtractor) -> None:
    text = ("Australia raises its student visa fee.\n"
            "Transport Minister Alex Boyd defended the rule. “We need the money,” he said on radio.\n"
            "Harpreet Sandhu, a 20-year-old from Ludhiana who starts a degree in Perth, said her parents had "
            "sold a car to pay for it.\n"
            "“My mother asks me if it is worth it,” she said.")
    assert quote_with(extractor, text, "My mother asks")["speaker"] == "Harpreet Sandhu"


def test_a_firm_named_after_a_person_is_an_affiliation_not_a_person(extractor: FactExtractor) -> None:
    # A guard more than a proof: the NER tags this firm as a whole; the rule is
    # for a parse that tags only its last word a person.
    text = ("The gold card has a queue.\n"
            "Jennifer Lau, a partner at the Boston law firm Keller Lau who has filed dozens of petitions, "
            "says most clients wait months.")
    people = people_in(extractor, text)
    assert "Keller Lau" not in people, people
    assert people["Jennifer Lau"]["affiliations"] == ("Keller Lau",)


# -- people known by one name ------------------------------------------------------
# No tuning gold has this form ("said Ahmed, a driver from Lahore"): the rows are
# invented, and each failed before the rule.
ONE_NAME = [
    pytest.param("Ride-hailing drivers pay a new licence fee from May.\n"
                 "“I will lose a week of earnings to pay it,” said Ahmed, a driver from Lahore.",
                 "lose a week of earnings", "Ahmed", ("driver",), id="said X, a job"),
    pytest.param("Ride-hailing drivers pay a new licence fee from May.\n"
                 "Farida, a teacher in Karachi, said the fee was unfair. “Nobody asked us,” she said.",
                 "Nobody asked us", "Farida", ("teacher",), id="X, a job, said; then a pronoun"),
    pytest.param("Ride-hailing drivers pay a new licence fee from May.\n"
                 "Bilal, 34, said he would stop driving at the end of the month.",
                 "stop driving", "Bilal", (), id="X, an age, said"),
]


@pytest.mark.parametrize(("text", "words", "name", "roles"), ONE_NAME)
def test_a_person_known_by_one_name_speaks(extractor: FactExtractor, text: str, words: str, name: str,
                                           roles: tuple[str, ...]) -> None:
    assert quote_with(extractor, text, words)["speaker"] == name
    assert people_in(extractor, text)[name]["roles"] == roles


def test_an_organisation_with_one_name_is_no_person(extractor: FactExtractor) -> None:
    text = ("Ride-hailing drivers pay a new licence fee from May.\n"
            "Careem, a ride-hailing company, said it would pay the fee for its drivers.")
    assert "Careem" not in people_in(extractor, text)
    assert quote_with(extractor, text, "pay the fee")["speaker"] is None


def test_a_possessive_organisation_with_of_is_the_whole_name(extractor: FactExtractor) -> None:
    text = ("Malta raised its nomad visa fee.\n"
            "The University of Malta's Grech, who studies migration, said the fee was small.\n"
            "Anna Grech joined the university in 2019.")
    assert people_in(extractor, text)["Anna Grech"]["affiliations"] == ("University of Malta",)


def test_its_spokesman_belongs_to_the_organisation_beside_the_subject_before(
        extractor: FactExtractor) -> None:
    text = ("Greece tightens its investor visa.\n"
            "The main opposition party, the Liberal Party, said it would vote against the bill. Its "
            "spokesman, Petros Lambrou, said the government was closing the wrong door.")
    assert people_in(extractor, text)["Petros Lambrou"]["affiliations"] == ("Liberal Party",)


def test_a_place_in_a_relative_clause_hung_on_a_noun_of_the_appositive_is_no_employer(
        extractor: FactExtractor) -> None:
    text = ("Recruiters are relaxed.\n"
            "For Grace Adeyemi, a nurse from Ibadan who moved to Galway on a Critical Skills permit in 2023, "
            "the permit's real value is what comes after it.")
    person = people_in(extractor, text)["Grace Adeyemi"]
    assert person["roles"] == ("nurse",) and person["affiliations"] == (), person
