"""Each fact component on short texts written for the behaviour under test."""

from __future__ import annotations

from datetime import date

from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

PANEL = (
    "Lena Ortiz, a senior analyst at the Migration Policy Lab, has tracked the programme for years.\n"
    "“Employers are already rewriting their hiring plans for next year,” said Ortiz.\n"
    "Harvard University’s Ortiz added context later.\n"
    "“The lottery was never designed for this kind of demand,” said Harvard University’s Ortiz.\n"
    "A recruiter in Austin was more cautious about the new rules.\n"
    "“Nobody knows how the courts will treat the new rules,” he said, declining to be named.\n"
)


def test_surname_and_possessive_resolve_to_the_full_name(extractor: FactExtractor) -> None:
    quotes = facts_of_kind(extractor.extract(article(PANEL)), "quote")
    speakers = {str(q["text"])[:20]: q["speaker"] for q in quotes}
    assert speakers["Employers are alread"] == "Lena Ortiz"
    assert speakers["The lottery was neve"] == "Lena Ortiz"


def test_anonymous_source_gets_no_name(extractor: FactExtractor) -> None:
    quotes = facts_of_kind(extractor.extract(article(PANEL)), "quote")
    [anonymous] = [q for q in quotes if str(q["text"]).startswith("Nobody knows")]
    assert anonymous["speaker"] is None and anonymous["direct"] is True


def test_quoted_phrase_without_cue_is_not_a_quote(extractor: FactExtractor) -> None:
    text = "The guidelines mention vague “age, educational background and work experience” requirements."
    assert facts_of_kind(extractor.extract(article(text)), "quote") == []


def test_no_comment_is_not_a_quote(extractor: FactExtractor) -> None:
    text = "The State Council did not respond to a request for comment on the K visa."
    assert facts_of_kind(extractor.extract(article(text)), "quote") == []


def test_indirect_quote_with_that_clause(extractor: FactExtractor) -> None:
    text = (
        "Priya Raman, an immigration lawyer at Raman & Cole, noted that most of her clients "
        "had stopped filing H-1B petitions."
    )
    [quote] = facts_of_kind(extractor.extract(article(text)), "quote")
    assert quote["speaker"] == "Priya Raman" and quote["direct"] is False
    assert str(quote["text"]).startswith("most of her clients")


def test_role_and_affiliation_from_appositive_and_premodifier(extractor: FactExtractor) -> None:
    text = (
        "Google software engineer Tomas Berg moved to Shanghai.\n"
        "Maria Chen, chief economist at Pacific Bank, said the K visa was overdue."
    )
    people = {p["name"]: p for p in facts_of_kind(extractor.extract(article(text)), "person")}
    assert people["Tomas Berg"]["roles"] == ("software engineer",)
    assert people["Tomas Berg"]["affiliations"] == ("Google",)
    assert people["Maria Chen"]["roles"] == ("chief economist",)
    assert people["Maria Chen"]["affiliations"] == ("Pacific Bank",)


def test_credits_are_not_people(extractor: FactExtractor) -> None:
    text = (
        "Officials said the H-1B fee would rise.\n"
        "(Reporting by Daniel Ferreira; Editing by Ana Lopes and Mark Hall)"
    )
    assert facts_of_kind(extractor.extract(article(text)), "person") == []


def test_fee_with_period_and_programme(extractor: FactExtractor) -> None:
    text = "The administration will ask companies to pay $100,000 per year for H-1B visas."
    [fee] = facts_of_kind(extractor.extract(article(text)), "fee")
    assert (fee["programme"], fee["amount"], fee["currency"], fee["period"]) == (
        "H-1B", 100_000, "USD", "per_year"
    )


def test_fee_programme_from_previous_sentence_and_one_claim_per_article(extractor: FactExtractor) -> None:
    text = (
        "Companies must pay $100,000 per year for each H-1B worker.\n"
        "The H-1B visa is subject to a lottery. The new $100,000 fee could deter applicants."
    )
    [fee] = facts_of_kind(extractor.extract(article(text)), "fee")
    assert fee["programme"] == "H-1B" and fee["period"] == "per_year"


def test_bonus_is_not_a_fee_and_rate_gives_usd(extractor: FactExtractor) -> None:
    text = (
        "Recruits get signing bonuses of up to 5 million yuan under the K visa push.\n"
        "Applicants pay a one-time fee of 800 yuan for the K visa.\n"
        "($1 = 8.0 Chinese yuan renminbi)"
    )
    [fee] = facts_of_kind(extractor.extract(article(text)), "fee")
    assert (fee["amount"], fee["currency"], fee["amount_usd"], fee["period"]) == (
        800, "CNY", 100.0, "one_time"
    )


def test_event_dates_resolve_with_tense_and_precision(extractor: FactExtractor) -> None:
    text = (
        "China's K visa, announced in August, launches on Wednesday.\n"
        "The R visa was suspended last month."
    )
    events = {
        (e["programme"], e["event_type"]): (e["date"], e["precision"])
        for e in facts_of_kind(extractor.extract(article(text)), "event")
    }
    assert events[("K visa", "announced")] == ("2025-08", "month")
    assert events[("K visa", "launched")] == ("2025-10-01", "day")
    assert events[("R visa", "suspended")] == ("2025-08", "month")


def test_event_without_publication_date_says_so(extractor: FactExtractor) -> None:
    text = "The K visa launched last month."
    [event] = facts_of_kind(extractor.extract(article(text, published=None)), "event")
    assert event["date"] is None and event["precision"] is None
    assert "no publication date" in str(event["description"])


def test_every_fact_points_into_the_text(extractor: FactExtractor) -> None:
    text = PANEL + "The K visa launches on Wednesday and costs $300 per application."
    doc_article = article(text, published=date(2025, 9, 29))
    for fact in extractor.extract(doc_article):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end].strip()
        assert fact.sentence and fact.sentence in text


def test_page_chrome_without_a_verb_names_nobody(extractor: FactExtractor) -> None:
    text = "Officials said the K visa opens soon.\nUpdate Required Flash plugin\nWelcome Back Jane Doe"
    assert facts_of_kind(extractor.extract(article(text)), "person") == []


LANG = (
    "Peter Lang, an economist at the Brookings Institution, studies migration.\n"
    "“Employers will pay this much only for their most senior hires,” Lang said on Tuesday.\n"
    "“The lottery rewards volume, not skill, and everyone knows it,” according to Lang.\n"
)


def test_person_in_a_sentence_whose_verb_is_tagged_as_a_noun_is_kept(extractor: FactExtractor) -> None:
    # The tagger reads "studies" as a noun; the sentence is still prose.
    people = facts_of_kind(extractor.extract(article(LANG)), "person")
    assert [p["name"] for p in people] == ["Peter Lang"]


def test_surname_speakers_and_according_to_after_a_quote(extractor: FactExtractor) -> None:
    quotes = facts_of_kind(extractor.extract(article(LANG)), "quote")
    expected = [("Peter Lang", "said"), ("Peter Lang", "according to")]
    assert [(q["speaker"], q["cue"]) for q in quotes] == expected


def _people(extractor: FactExtractor, text: str) -> dict[object, dict[str, object]]:
    return {p["name"]: p for p in facts_of_kind(extractor.extract(article(text)), "person")}


def test_a_role_word_opening_the_sentence_is_not_part_of_the_name(extractor: FactExtractor) -> None:
    text = "The ministry said the card works.\nRecruiter Jonas Weber said most candidates found work."
    people = _people(extractor, text)
    assert list(people) == ["Jonas Weber"]
    assert people["Jonas Weber"]["roles"] == ("Recruiter",)


def test_a_name_the_model_tags_as_a_place_is_a_person_with_an_appositive(extractor: FactExtractor) -> None:
    text = ("Critics were unmoved. Amara Okafor, a policy counsel at the American Immigration Council, "
            "said smaller employers would be shut out.")
    assert list(_people(extractor, text)) == ["Amara Okafor"]


def test_organisations_are_not_people(extractor: FactExtractor) -> None:
    text = ("O-1 petitions doubled, according to data compiled by the law firm Keller Adeyemi.\n"
            "The White House said in a statement that the fee would apply only to new petitions.")
    assert _people(extractor, text) == {}


def test_written_and_rebutting_cues_and_present_tense_questions(extractor: FactExtractor) -> None:
    text = ("Li Na, a relocation consultant, wrote on LinkedIn that her clients had been told to wait.\n"
            "Matthew Hart, a spokesman, countered that the rule protected graduates.\n"
            "“Is there a job at the end of it, or just a visa?” asks Sanjay Kulkarni, a student in Pune.")
    quotes = facts_of_kind(extractor.extract(article(text)), "quote")
    assert sorted((str(q["speaker"]), str(q["cue"])) for q in quotes) == [
        ("Li Na", "wrote"), ("Matthew Hart", "countered"), ("Sanjay Kulkarni", "asks")
    ]


def _events(extractor: FactExtractor, text: str) -> list[tuple[object, ...]]:
    facts = facts_of_kind(extractor.extract(article(text)), "event")
    return [(e["programme"], e["event_type"], e["date"], e["precision"]) for e in facts]


def test_a_date_under_a_coordinated_verb_is_not_the_triggers(extractor: FactExtractor) -> None:
    text = "The State Department paused F-1 interviews in May and resumed them in June."
    assert _events(extractor, text) == [("F-1", "suspended", "2025-05", "month")]


def test_a_date_relative_to_another_event_is_dated_by_that_event(extractor: FactExtractor) -> None:
    text = "The H-1B proclamation, signed on Sept. 19, took effect two days later."
    assert _events(extractor, text) == [("H-1B", "signed", "2025-09-19", "day"),
                                        ("H-1B", "takes_effect", "2025-09-21", "day")]


def test_the_rule_refers_back_to_the_programme(extractor: FactExtractor) -> None:
    text = "DHS finalized a new H-1B selection process.\nThe rule takes effect on Dec. 29, officials said."
    assert _events(extractor, text) == [("H-1B", "takes_effect", "2025-12-29", "day")]


def _fees(extractor: FactExtractor, text: str) -> list[tuple[object, ...]]:
    return [(f["programme"], f["amount"]) for f in facts_of_kind(extractor.extract(article(text)), "fee")]


def test_money_named_as_funds_after_the_amount_is_no_fee(extractor: FactExtractor) -> None:
    text = "The Opportunity Card fee stays at €75, and applicants must still show €1,091 a month in funds."
    assert _fees(extractor, text) == [("Opportunity Card", 75)]
    assert _fees(extractor, "The EB-5 fee of $3,675 that is paid by petitioners rose.") == [("EB-5", 3675)]


def test_an_employer_named_after_its_kind_is_an_affiliation(extractor: FactExtractor) -> None:
    text = ("Nadia Pereira, policy director at the charity Care Without Borders, said it would hurt.\n"
            "Matthew Hart, a spokesman for the department, said the rule was final.")
    people = _people(extractor, text)
    assert people["Nadia Pereira"]["affiliations"] == ("Care Without Borders",)
    assert people["Matthew Hart"]["roles"] == ("spokesman",)


def test_roles_from_a_preceding_noun_not_from_nationality_or_a_colleague(extractor: FactExtractor) -> None:
    text = ("His professor, Meera Joshi, is blunter.\n"
            "So said Karen Holt, an American who has taught in Guizhou since 2019.\n"
            "Holt’s colleague Mark Liu agreed.")
    people = _people(extractor, text)
    assert people["Meera Joshi"]["roles"] == ("professor",)
    assert people["Karen Holt"]["roles"] == ()
    assert people["Mark Liu"]["affiliations"] == ()


def test_an_organisation_after_of_the_name_is_an_affiliation(extractor: FactExtractor) -> None:
    text = "Economist Victor Amadi of the Brookings Institution argued that the fee was too high."
    assert _people(extractor, text)["Victor Amadi"]["affiliations"] == ("Brookings Institution",)


def test_a_name_taking_which_is_not_a_person(extractor: FactExtractor) -> None:
    text = "Colleges Ontario, which represents 24 public colleges, said the cap would cost C$1 billion."
    assert _people(extractor, text) == {}


def test_an_untagged_name_with_a_known_given_name_speaking_is_a_person(extractor: FactExtractor) -> None:
    text = "Engineer Camila Reyes said the new rules would hurt small employers."
    people = _people(extractor, text)
    assert list(people) == ["Camila Reyes"] and people["Camila Reyes"]["roles"] == ("Engineer",)
    assert facts_of_kind(extractor.extract(article(text)), "quote")[0]["speaker"] == "Camila Reyes"


def test_a_name_with_lowercase_particles_is_one_person(extractor: FactExtractor) -> None:
    text = "“The new rules will hurt small employers the most,” Ursula von der Leyen said."
    facts = extractor.extract(article(text))
    assert [p["name"] for p in facts_of_kind(facts, "person")] == ["Ursula von der Leyen"]
    assert [q["speaker"] for q in facts_of_kind(facts, "quote")] == ["Ursula von der Leyen"]
