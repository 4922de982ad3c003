"""Generic kinds of programme and the names around them (components/programme_kinds.py, programme_names.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.components.programme_kinds import kind_mentions
from extractors.components.programme_names import find_named_programmes
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


def _kinds(text: str) -> list[str]:
    """The lowercase kinds read as programmes."""
    return [f.name for f in find_named_programmes(text) if f.name == f.name.lower()]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A country possesses or modifies the kind (lead decision, issue 3).
        ("Cambodia's e-visa now lasts 60 days.", "e-visa", "Cambodia"),
        ("Chile's 12-month temporary residence permit is cheaper.", "temporary residence permit", "Chile"),
        ("Applicants for the Norwegian work permit wait weeks.", "work permit", "Norway"),
        # fixtures/README.md names "tourist visa" among the kinds.
        ("Thailand's tourist visa now costs more for a second entry.", "tourist visa", "Thailand"),
        ("Retirees applying for a permanent resident visa to Panama need a pension.",
         "permanent resident visa", "Panama"),
        # The headline names it, and so does the body.
        ("Norway plans higher salary floor for work permits\n"
         "OSLO, March 3 - The government wants to raise the salary floor for work permits.\n"
         "About 9,000 work permits were granted last year.", "work permit", "Norway"),
    ],
)
def test_a_kind_the_article_makes_its_subject_is_a_programme(text: str, name: str, country: str) -> None:
    found = find_named_programmes(text)
    assert {(f.name, f.country) for f in found} == {(name, country)}


@pytest.mark.parametrize(
    "text",
    [
        # Named in passing.
        "The permit bundles a work permit, a resident visa and an ID card into one document.",
        "Travellers who want a holiday can apply for a tourist visa online.",
        "Some students asked about work permits in Canada and Britain.",
        "Norway's visa rules changed.",
        "Peru's visa-free regime covers 100 nations.",
        "Fiji's visa waivers were extended.",
        "You need a Z visa work permit first.",
        "Georgia's work permit is cheap.",  # a weak form: a US state as often as the country
        # The headline's kind, which the body names only inside another programme's name.
        "Canada student visa costs climb\nThe price of the F-1 student visa rose again.",
        # Only the headline names it.
        "Two talent schemes chase the same coders\nAmsterdam and Lisbon both want engineers.",
    ],
)
def test_a_generic_kind_named_in_passing_is_no_programme(text: str) -> None:
    assert _kinds(text) == []


def test_fees_attach_to_a_kind_the_article_makes_its_subject(extractor: FactExtractor) -> None:
    text = ("Laos's e-visa now lasts 60 days. It costs $36 for a single entry, paid online.\n"
            "Most travellers apply a week ahead.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert {(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")} == {("e-visa", "Laos")}
    assert ("e-visa", 36.0) in {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}


def test_kind_mentions_skip_other_names_and_policy_words() -> None:
    text = "Ask for the H-1B work visa. Peru's visa-free regime helps. Get a work permit."
    assert [name for _, _, name in kind_mentions(text)] == ["work permit"]


def test_a_lowercase_short_form_is_the_capitalised_name_it_shortens() -> None:
    text = ("Malta raises pay floor for key skills permits\n"
            "Malta will raise the salary floor of its Key Skills Work Permit in May. "
            "The key skills permit, created in 2012, covers engineers.")  # fmt: skip
    found = find_named_programmes(text)
    assert {f.name for f in found} == {"Key Skills Work Permit"}


def test_a_capitalised_programme_noun_before_a_lowercase_one_is_a_title() -> None:
    [found] = find_named_programmes("Qatar's Investor Residency programme is new.")
    assert (found.name, found.country) == ("Investor Residency", "Qatar")
    assert find_named_programmes("He needs a Work Visa programme place.") == []


def test_a_scheme_for_hiring_foreign_staff_is_about_migration() -> None:
    text = "The Priority Hire Scheme lets certified firms take on foreign staff within days."
    assert [f.name for f in find_named_programmes(text)] == ["Priority Hire Scheme"]
    assert find_named_programmes("The Priority Hire Scheme lets firms take on apprentices.") == []


def test_a_quoted_name_before_a_programme_noun_is_a_programme() -> None:
    found = find_named_programmes("Uruguay offers the “Silver” visa to wealthy retirees.")
    assert [(f.name, f.country) for f in found] == [("Silver visa", "Uruguay")]
    found = find_named_programmes("Laos launched a “second home” visa for wealthy foreigners.")
    assert [f.name for f in found] == ["second home visa"]


def test_scare_quotes_and_quoted_labels_are_no_programmes() -> None:
    assert find_named_programmes("He said the minister promised a “lifetime” visa.") == []
    assert find_named_programmes("Critics call it a “cash for residence” scheme.") == []
    assert find_named_programmes("He called it a “work” visa.") == []


def test_a_lowercase_short_form_anywhere_is_the_name_it_shortens(extractor: FactExtractor) -> None:
    text = ("Malta will raise the salary floor of its Key Skills Work Permit in May.\n"
            "A key skills permit costs €280, officials said. Cooks need a work permit.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert {f["name"] for f in facts_of_kind(facts, "visa_programme")} == {"Key Skills Work Permit"}
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}
    assert fees == {("Key Skills Work Permit", 280.0)}


def test_by_links_the_words_of_a_name() -> None:
    found = find_named_programmes("Malta's Residence by Investment Programme drew 900 migrants.")
    assert [(f.name, f.country) for f in found] == [("Residence by Investment Programme", "Malta")]
    assert find_named_programmes("Travel by Rail Pass holders rose.") == []


def test_a_kind_beside_another_programme_of_its_country_describes_it() -> None:
    text = "Finland's Specialist Talent Pass opened in May. Finland's work permit is slower to get."
    assert [f.name for f in find_named_programmes(text)] == ["Specialist Talent Pass"]
    # A table programme of the same country (its span and country given by the ruler) does the same.
    text = "Britain's work visa now costs more. The XQ-9 route opened in May."
    start = text.index("XQ-9")
    assert _kinds(text) == ["work visa"]
    assert find_named_programmes(text, [(start, start + 10)], ["United Kingdom"]) == []


def test_a_fee_makes_the_kind_of_its_sentence_a_programme(extractor: FactExtractor) -> None:
    text = ("Cooks wait months for their papers.\n"
            "In Oslo, a seasonal work permit costs 900 crowns, the agency said.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert [f["name"] for f in facts_of_kind(facts, "visa_programme")] == ["seasonal work permit"]
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}
    assert fees == {("seasonal work permit", 900.0)}


def test_a_fee_beside_a_kind_that_describes_a_named_programme_stays_with_it(extractor: FactExtractor) -> None:
    text = ("The F-1 student visa draws many applicants.\n"
            "Parents said a student visa costs $185 in all.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert [f["name"] for f in facts_of_kind(facts, "visa_programme")] == ["F-1"]
    assert {f["programme"] for f in facts_of_kind(facts, "fee")} == {"F-1"}


def test_the_fee_component_writes_fees_only_and_the_kind_component_the_programme(
    extractor: FactExtractor,
) -> None:
    text = ("Cooks wait months for their papers.\n"
            "In Oslo, a seasonal work permit costs 900 crowns, the agency said. "
            "A seasonal work permit for a family costs 1,500 crowns.")  # fmt: skip
    with extractor.nlp.select_pipes(disable=["newsfacts_fee_kinds"]):
        alone = extractor.nlp(text)._.nf_facts or []
    assert [f.kind for f in alone if f.kind in ("fee", "visa_programme")] == ["fee", "fee"]
    facts = [f for f in extractor.nlp(text)._.nf_facts or [] if f.kind in ("fee", "visa_programme")]
    # One programme for the kind, written right before the first of its fees.
    assert [(f.kind, getattr(f, "name", None) or getattr(f, "programme", None)) for f in facts] == [
        ("visa_programme", "seasonal work permit"), ("fee", "seasonal work permit"),
        ("fee", "seasonal work permit")]


def test_a_plural_kind_after_a_quantifier_is_no_owner_of_a_fee(extractor: FactExtractor) -> None:
    text = ("Germany's Opportunity Card lets job seekers enter without an offer. Demand has grown.\n"
            "On paper the costs are small. The national visa fee is €75, the same as for most "
            "long-stay visas.")
    facts = extractor.extract(article(text))
    assert [f["name"] for f in facts_of_kind(facts, "visa_programme")] == ["Opportunity Card"]
    fees = [(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")]
    assert fees == [("Opportunity Card", 75.0)]
    # It is still a mention of the kind; only its claim on the fee goes.
    assert kind_mentions("most long-stay visas")[0][2] == "long-stay visa"


def test_a_fee_goes_to_the_kind_the_sentence_before_names(extractor: FactExtractor) -> None:
    text = ("Dutch tech firms want faster hiring.\n"
            "Employers use the highly skilled migrant visa for most engineers. "
            "The immigration service charges employers €423 to process an application.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert [f["name"] for f in facts_of_kind(facts, "visa_programme")] == ["highly skilled migrant visa"]
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")}
    assert fees == {("highly skilled migrant visa", 423.0)}
    # Not across a paragraph break.
    text = ("Employers use the highly skilled migrant visa for most engineers.\n"
            "The immigration service charges employers €423 to process an application.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert facts_of_kind(facts, "visa_programme") == []
