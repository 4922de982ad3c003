"""Attribution read from the parse's structure rather than from word lists
(issue 3): a statement closed by its attribution, a cue sharing the subject of
the verb it is joined to, unnamed people the parse shows to be people, and a
pronoun after the sentence that introduces its person. The text is ours."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import people_in, quote_with, quotes_in

# (text, words of the statement, speaker, organisation): the statement is
# closed by a comma and "<subject> said [when]".
CLOSED_BY_ATTRIBUTION = [
    pytest.param(
        "Ferry fares rise\nHALIFAX, June 2 (Coast Wire) - Nova Scotia will double the ferry levy for "
        "seasonal workers from July, the province's transport department said on Monday, the first rise "
        "in a decade as the harbour trust tries to cover its costs.\n"
        "The levy funds harbour repairs.",
        "will double the ferry levy", None, None, id="after a wire dateline the parser splits off"),
    pytest.param(
        "Tram permits\nLISBON — More than 900 drivers have asked for the new tram permit since it opened "
        "in March, most of them from Porto, Transportes de Lisboa (TDL) said on Friday.\nThe permit lasts.",
        "More than 900 drivers have asked", None, None,
        id="an organisation with a particle in its name, after a second subject"),
    pytest.param(
        "Permits cost 300 dirhams when workers apply in Rabat, paid in cash at the counter, a travel agent "
        "there said.\nThe office opens at nine.",
        "paid in cash at the counter", None, None, id="an unnamed person the cue hangs inside"),
]


@pytest.mark.parametrize(("text", "words", "speaker", "org"), CLOSED_BY_ATTRIBUTION)
def test_a_statement_closed_by_its_attribution(extractor: FactExtractor, text: str, words: str,
                                               speaker: str | None, org: str | None) -> None:
    quote = quote_with(extractor, text, words)
    assert quote["speaker"] == speaker
    assert quote["direct"] is False
    assert quote["cue"] == "said"
    # The dateline is no part of what was said.
    assert not str(quote["text"]).startswith(("HALIFAX", "LISBON"))


def test_a_statement_with_its_attribution_and_a_comment_after_it(extractor: FactExtractor) -> None:
    text = ("DUBLIN, May 4 (Coast Wire) - Ireland will cut the wait for nurse permits to six weeks, the "
            "health department said on Tuesday, a change that unions said would help hospitals.\n")
    quote = quote_with(extractor, text, "Ireland will cut the wait")
    assert quote["speaker"] is None
    assert "unions" not in str(quote["text"])


def test_a_cue_joined_to_another_verb_shares_its_subject(extractor: FactExtractor) -> None:
    text = ("The agency published its first list of the year on Monday, naming 400 firms, and said it would "
            "audit every one of them before June.\n")
    quote = quote_with(extractor, text, "it would audit every one")
    assert quote["speaker"] is None
    assert quote["direct"] is False


def test_an_unnamed_person_with_a_who_clause_is_a_speaker_left_unnamed(extractor: FactExtractor) -> None:
    text = ("Helga Brandt found work in March.\n"
            "A welder from Gdansk who asked not to be named in print said he was leaving after a year "
            "without an offer.\n")
    quote = quote_with(extractor, text, "he was leaving after a year")
    assert quote["speaker"] is None


def test_a_pronoun_after_the_sentence_that_introduces_its_person(extractor: FactExtractor) -> None:
    text = ("A ministry official said the office would hire more staff next year.\n"
            "For Tobias Lindgren, a Swedish designer who moved to Lisbon last spring, the choice was easy. "
            "“My clients are all online anyway,” he said. “The sea is a bonus.”\n")
    assert quote_with(extractor, text, "My clients are all online")["speaker"] == "Tobias Lindgren"
    assert quote_with(extractor, text, "The sea is a bonus")["speaker"] == "Tobias Lindgren"


def test_a_participle_paraphrase_is_no_quote(extractor: FactExtractor) -> None:
    text = "The governor signed the order on Friday, saying the scheme had been abused by large employers.\n"
    assert not [q for q in quotes_in(extractor, text) if "abused" in str(q["text"])]


def test_a_participle_after_a_cue_goes_on_with_the_speech(extractor: FactExtractor) -> None:
    text = ("Rahul Verma moved to Toronto in 2022.\n"
            "“I had no idea,” Verma said, adding that nobody had warned him about the rent.\n")
    assert quote_with(extractor, text, "nobody had warned him")["speaker"] == "Rahul Verma"


def test_a_modifier_inside_a_title_stays_in_the_role(extractor: FactExtractor) -> None:
    text = ("Joseph Mensah, the chief medical officer of the clinic, said staff were tired. "
            "Priya Rao, a senior Indian diplomat, agreed.\n")
    people = people_in(extractor, text)
    assert "chief medical officer" in people["Joseph Mensah"]["roles"]
    # An adjective before the title's first word still describes the person.
    assert "senior diplomat" in people["Priya Rao"]["roles"]


def test_a_name_in_apposition_to_a_titled_role_is_a_person(extractor: FactExtractor) -> None:
    text = ("The union said it would appeal. “We are hurt but not beaten,” the union's chief counsel, "
            "Nadia Wexbury, told Coast Wire.\n")
    assert "Nadia Wexbury" in people_in(extractor, text)
    assert quote_with(extractor, text, "hurt but not beaten")["speaker"] == "Nadia Wexbury"


def test_a_name_the_ner_calls_an_organisation_whose_surname_speaks(extractor: FactExtractor) -> None:
    text = ("Nurse Fatima Bello has worked in Leeds since 2021.\n"
            "“I love this job,” Bello said. “But the visa rules scare me.”\n")
    assert "Fatima Bello" in people_in(extractor, text)
    assert quote_with(extractor, text, "I love this job")["speaker"] == "Fatima Bello"


def test_a_given_name_the_ner_left_out_is_part_of_the_name(extractor: FactExtractor) -> None:
    text = ("Ana Silva runs a bakery in Porto.\n"
            "“We hire who we can,” she said, “and the rest we train ourselves.”\n")
    assert "Ana Silva" in people_in(extractor, text)
    assert quote_with(extractor, text, "the rest we train")["speaker"] == "Ana Silva"


def test_a_quoted_paragraph_after_a_paragraph_about_a_person(extractor: FactExtractor) -> None:
    text = ("Ana Silva, a baker in Porto, is not convinced.\n"
            "“I will believe it when I see the first permit.”\n")
    assert quote_with(extractor, text, "the first permit")["speaker"] == "Ana Silva"


# (text, person, an affiliation the text gives): employers read from the
# parse of the role, whatever entity the NER gave the name.
EMPLOYERS = [
    pytest.param("Ana Silva, a partner at Fragomen in London, said the rule was unfair.",
                 "Ana Silva", "Fragomen", id="a firm after 'at' the NER took for a place"),
    pytest.param("Sonae chief executive Ana Silva said the rule was unfair.",
                 "Ana Silva", "Sonae", id="an organisation before a title with an adjective"),
    pytest.param("Sonae's chief executive, Ana Silva, said the rule was unfair.",
                 "Ana Silva", "Sonae", id="the possessor of the role the name is in apposition to"),
    pytest.param("The Lisbon Bakers Guild said it would appeal. The guild's chief counsel, Ana Silva, "
                 "said the rule was unfair.",
                 "Ana Silva", "Lisbon Bakers Guild", id="a definite noun for an organisation named before"),
    pytest.param("“The queue is long,” USCIS spokesperson Mathieu Girard said in an email.",
                 "Mathieu Girard", "USCIS", id="an acronym before a role, whatever its tag"),
    pytest.param("Acme Corp cut 200 jobs on Monday. Its chief executive, Ana Silva, said demand had fallen.",
                 "Ana Silva", "Acme Corp", id="'its' for the organisation the sentence before is about"),
    pytest.param("Ana Silva, an associate professor at McGill University's law faculty, said it was unfair.",
                 "Ana Silva", "McGill University", id="no possessive in the organisation's name"),
]


@pytest.mark.parametrize(("text", "name", "employer"), EMPLOYERS)
def test_the_employer_of_a_role(extractor: FactExtractor, text: str, name: str, employer: str) -> None:
    assert employer in people_in(extractor, text)[name]["affiliations"]


def test_a_cue_set_off_inside_the_statement_it_reports(extractor: FactExtractor) -> None:
    text = ("Anna Keller runs an agency in Zurich.\n"
            "Nurses, Keller said, are easier to place than engineers.\n"
            "The card, which the ministry says will open in May, costs 90 francs.\n")
    quote = quote_with(extractor, text, "are easier to place")
    assert quote["speaker"] == "Anna Keller"
    assert quote["text"] == "Nurses are easier to place than engineers"
    # A cue inside a relative clause keeps the words it reports.
    assert quote_with(extractor, text, "will open in May")["speaker"] is None


# (text, words, speaker): a definite description of the person named before.
DESCRIBED = [
    pytest.param("Rahul Verma, 34, moved to Toronto in 2022.\n"
                 "“Nobody warned me about the rent,” the 34-year-old said.",
                 "Nobody warned me", "Rahul Verma", id="the age the article gave"),
    pytest.param("Rahul Verma moved to Toronto from Pune in 2022.\n"
                 "“Nobody warned me about the rent,” the Pune native said.",
                 "Nobody warned me", "Rahul Verma", id="a noun qualified by a place"),
    pytest.param("Maria Delgado, the New Mexico Democrat, opposes the bill. "
                 "“It punishes families,” the Democrat said.",
                 "punishes families", "Maria Delgado", id="a party"),
    pytest.param("Rahul Verma moved to Toronto in 2022. A lawyer for his landlord, who asked not to be "
                 "named, called him twice.\n“He has not paid since May,” the lawyer said.",
                 "has not paid since May", None, id="an unnamed person brought in with that noun"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), DESCRIBED)
def test_a_definite_description_of_the_person_named_before(extractor: FactExtractor, text: str, words: str,
                                                            speaker: str | None) -> None:
    assert quote_with(extractor, text, words)["speaker"] == speaker


@pytest.mark.parametrize("cue", ["Das commented that the K visa was a signal rather than a system.",
                                 "The K visa is a signal rather than a system, according to Das."])
def test_a_surname_that_speaks_with_any_cue_makes_the_full_name_a_person(extractor: FactExtractor,
                                                                          cue: str) -> None:
    text = f"Arjun Das teaches at Sichuan University in Chengdu.\n{cue}\n"
    assert "Arjun Das" in people_in(extractor, text)
    assert quote_with(extractor, text, "a signal rather than a system")["speaker"] == "Arjun Das"


def test_a_name_qualifying_a_noun_or_with_a_determiner_is_no_person(extractor: FactExtractor) -> None:
    text = ("One Mong Kok agency charges HK$600 on top of the fee. Employers pay a levy for every Skilled "
            "Trainee they sponsor.\nObama adviser David Axelrod said the levy was fair.\n")
    people = people_in(extractor, text)
    assert "Mong Kok" not in people
    assert "Skilled Trainee" not in people
    assert "David Axelrod" in people


def test_the_same_pronoun_as_subject_before_goes_on_with_its_person(extractor: FactExtractor) -> None:
    text = ("David Chen, a lawyer in Vancouver, said the delays were getting worse.\n"
            "He pointed to the case of Peter Okafor, a welder who waited 14 months.\n"
            "“The file sat untouched for a year,” he said.\n")
    assert quote_with(extractor, text, "sat untouched")["speaker"] == "David Chen"


def test_a_known_given_name_in_apposition_is_a_person(extractor: FactExtractor) -> None:
    text = ("David Chen, a lawyer in Vancouver, represents several nurses. One of them, Grace Obi, waited "
            "14 months.\n“The file sat untouched for a year,” she said.\n")
    assert "Grace Obi" in people_in(extractor, text)
    assert quote_with(extractor, text, "sat untouched")["speaker"] == "Grace Obi"


def test_a_name_whose_surname_speaks_alone_is_a_person_with_any_given_name(extractor: FactExtractor) -> None:
    text = ("Ifeoma Nwachukwu moved to Berlin in 2023 and works as a nurse.\n"
            "“The permit took four months,” Nwachukwu said.\n"
            "The Federal Migration Office said on Monday it had hired staff. “We are catching up,” "
            "the Federal Migration Office said.\n")
    people = people_in(extractor, text)
    assert "Ifeoma Nwachukwu" in people
    assert "Federal Migration Office" not in people
    assert quote_with(extractor, text, "took four months")["speaker"] == "Ifeoma Nwachukwu"


def test_a_relative_clause_names_an_employer_only_with_a_verb_of_working(extractor: FactExtractor) -> None:
    text = ("Ravi Menon, a chemist who finished his doctorate at Lund University last spring, said the offer "
            "came fast. Ana Silva, an economist who teaches at Nova University, agreed.\n")
    people = people_in(extractor, text)
    assert "Lund University" not in people["Ravi Menon"]["affiliations"]
    assert "chemist" in people["Ravi Menon"]["roles"]
    assert "Nova University" in people["Ana Silva"]["affiliations"]


def test_the_short_second_half_of_a_split_quotation(extractor: FactExtractor) -> None:
    text = ("Howard Lutz, the commerce secretary, defended the rule.\n"
            "“Companies will pay once,” Lutz said, “not every year.”\n")
    assert quote_with(extractor, text, "not every year")["speaker"] == "Howard Lutz"


def test_a_demand_called_for_is_the_speakers(extractor: FactExtractor) -> None:
    text = ("The Greens said the plan did not go far enough. Their migration spokesman, Edward Hale, called "
            "for a cap on seasonal permits.\nThe minister did not call for calm.\n")
    quote = quote_with(extractor, text, "called for a cap on seasonal permits")
    assert quote["speaker"] == "Edward Hale"
    assert quote["cue"] == "called for"
    assert not [q for q in quotes_in(extractor, text) if "calm" in str(q["text"])]
