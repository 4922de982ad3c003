from __future__ import annotations

import pytest

from extractors.components.programme_names import find_named_programmes
from extractors.components.programmes import canonical_programme, find_programmes, programme_table
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("China's new K visa", "K visa", "China"),
        ("the K-visa programme", "K visa", "China"),
        ("the “K” visa", "K visa", "China"),
        ("H-1B visas", "H-1B", "United States"),
        ("H1B workers", "H-1B", "United States"),
        ("shot itself in the foot on H-1Bs", "H-1B", "United States"),
        ("China's existing R-visa", "R visa", "China"),
        ("an EB-5 investor", "EB-5", "United States"),
        ("the EU Blue Card", "EU Blue Card", "European Union"),
        # beyond the seed topic: routes news names by their title
        ("holders of Japan's Highly Skilled Professional visa", "Highly Skilled Professional visa", "Japan"),
        ("the Specified Skilled Worker (SSW) programme", "Specified Skilled Worker visa", "Japan"),
        ("Australia's new Skills in Demand visa", "Skills in Demand visa", "Australia"),
        ("the Temporary Skill Shortage (TSS) visa", "Temporary Skill Shortage visa", "Australia"),
        ("a 10-year UAE Golden Visa", "Golden Visa", "United Arab Emirates"),
        ("the Graduate route", "Graduate visa", "United Kingdom"),
        ("an H-2B visa", "H-2B", "United States"),
        ("J-1 exchange visitors", "J-1", "United States"),
        ("Canada's Global Talent Stream", "Global Talent Stream", "Canada"),
        ("New Zealand's Accredited Employer Work Visa", "Accredited Employer Work Visa", "New Zealand"),
        ("Singapore's ONE Pass", "ONE Pass", "Singapore"),
        ("a Schengen visa", "Schengen visa", "European Union"),
        ("China's Q visa for family reunions", "Q visa", "China"),
        ("a single-entry Z work visa", "Z visa", "China"),
        ("the K talent visa", "K visa", "China"),
        ("defecting to the Trump administration’s gold card", "Gold Card", "United States"),
    ],
)
def test_aliases_map_to_one_programme(text: str, name: str, country: str) -> None:
    [(_, _, programme)] = find_programmes(text, programme_table())
    assert (programme.name, programme.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "offering visa waivers to Europeans", "visa-free entry", "loosening visa rules",
        "a golden visa for investors", "an employment pass from the labour office", "the E-2 battalion",
        "Graduate students applied", "the work permit", "a Q4 visa backlog",
    ],
)
def test_generic_visa_words_are_not_programmes(text: str) -> None:
    assert find_programmes(text, programme_table()) == []


@pytest.mark.parametrize(("typed", "name"), [("k-visa", "K visa"), ("H1B", "H-1B"), ("K visa", "K visa")])
def test_user_typed_names_resolve(typed: str, name: str) -> None:
    programme = canonical_programme(typed, programme_table())
    assert programme is not None and programme.name == name


# Programmes the table does not hold, recognised by the form of their name
# (extractors/components/programme_names.py). Each text is our own.
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Thailand's Long-Term Resident (LTR) visa lasts ten years.", "Long-Term Resident visa", "Thailand"),
        ("The Destination Thailand Visa drew freelancers.", "Destination Thailand Visa", "Thailand"),
        ("Taiwan's Employment Gold Card programme grew.", "Employment Gold Card", "Taiwan"),
        ("South Korea's workation visa lets remote workers stay.", "workation visa", "South Korea"),
        ("Brazil's new digital nomad visa needs proof of income.", "digital nomad visa", "Brazil"),
        ("the Brazilian digital nomad visa", "digital nomad visa", "Brazil"),
        ("New Zealand's Skilled Migrant Category reopened.", "Skilled Migrant Category", "New Zealand"),
        ("Canada's Home Care Worker Immigration Pilots.", "Home Care Worker Immigration Pilots", "Canada"),
        ("Chile's Tech Visa is processed in weeks.", "Tech Visa", "Chile"),
        ("Ireland's Stamp 4 permission lets holders work without a permit.", "Stamp 4", "Ireland"),
        ("Spain's Digital Nomad Visas are popular.", "Digital Nomad Visa", "Spain"),
        ("the Taiwan Employment Gold Card.", "Employment Gold Card", "Taiwan"),
        ("the Philippines' digital nomad visa", "digital nomad visa", "Philippines"),
        ("the golden visa in Portugal", "golden visa", "Portugal"),
        ("The Digital Nomad Visa opened.", "Digital Nomad Visa", None),
    ],
)
def test_programmes_named_by_form(text: str, name: str, country: str | None) -> None:
    # The form finder alone, without the table (the table holds some of these names too).
    [found] = find_named_programmes(text)
    assert (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "He applied for a work visa.", "A Work Visa is needed first.", "Tourist Visa applications rose.",
        "a student visa", "The Chinese visa rules changed.", "the Visa Waiver Program", "visa-free entry",
        "offering visa waivers", "the visa fee", "visa applications", "the visa", "Apply for a Work Permit.",
        "the Home Office visa changes", "The Student Loan Scheme pays fees.", "NBA League Pass subscribers",
        "in the Wild Card round", "a Credit Card", "Green Card holders", "the travel agency Silk Route Visas",
        "a U.S. visa", "an Indian visa", "the Tier 1 (Exceptional Talent) visa",
        "Petitions for Work Visas rose.", "the Home Child Care Provider and Home Support Worker",
    ],
)
def test_generic_words_are_not_programmes_by_form(text: str) -> None:
    assert find_named_programmes(text) == []


def test_an_acronym_in_parentheses_names_the_programme_in_the_article() -> None:
    text = ("The Destination Thailand Visa (DTV) launched in July. The DTV allows 180-day stays. "
            "Holders of the DTV visa may extend once.")  # fmt: skip
    found = find_named_programmes(text)
    assert [text[f.start : f.end] for f in found] == ["Destination Thailand Visa (DTV)", "DTV", "DTV visa"]
    assert {(f.name, f.country) for f in found} == {("Destination Thailand Visa", "Thailand")}


def test_country_comes_from_the_sentence_then_the_article_and_is_never_guessed() -> None:
    # No country in the visa's paragraph, no headline, no dateline: the article's first of the most named.
    text = ("Colombia offers remote workers two years.\nThe digital nomad visa costs little.\n"
            "Brazil's is dearer.")  # fmt: skip
    assert [(f.name, f.country) for f in find_named_programmes(text)] == [("digital nomad visa", "Colombia")]
    assert [f.country for f in find_named_programmes("The workation visa costs little.")] == [None]


def test_a_shorter_name_is_the_longer_one_it_ends() -> None:
    text = "Italy's digital nomad visa opened in April. The nomad visa needs €28,000 a year."
    assert {f.name for f in find_named_programmes(text)} == {"digital nomad visa"}


def test_a_table_programme_inside_a_longer_name_yields_only_to_a_name(extractor: FactExtractor) -> None:
    text = "Taiwan's Employment Gold Card grew; the Trump Gold Card visa and the German EU Blue Card fell."
    facts = extractor.extract(article(text))
    names = {(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")}
    assert names == {("Employment Gold Card", "Taiwan"), ("Gold Card", "United States"),
                     ("EU Blue Card", "European Union")}  # fmt: skip


def test_fees_and_events_belong_to_a_programme_named_by_form(extractor: FactExtractor) -> None:
    text = ("Italy's digital nomad visa opened on April 4, 2024, diplomats said.\n"
            "The visa costs €116 at the consulate.")  # fmt: skip
    facts = extractor.extract(article(text))
    [programme] = facts_of_kind(facts, "visa_programme")
    assert (programme["name"], programme["country"]) == ("digital nomad visa", "Italy")
    fees = [(f["programme"], f["amount"]) for f in facts_of_kind(facts, "fee")]
    events = [(f["programme"], f["date"]) for f in facts_of_kind(facts, "event")]
    assert fees == [("digital nomad visa", 116.0)]
    assert events == [("digital nomad visa", "2024-04-04")]


def test_a_lowercase_table_name_beside_the_table_form_is_that_programme(extractor: FactExtractor) -> None:
    text = "The UAE Golden Visa lasts ten years. The golden visa costs AED 2,800."
    facts = extractor.extract(article(text))
    assert [(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")] == [
        ("Golden Visa", "United Arab Emirates")]
    assert [f["programme"] for f in facts_of_kind(facts, "fee")] == ["Golden Visa"]


def test_a_table_alias_after_a_longer_name_by_form_is_that_programme(extractor: FactExtractor) -> None:
    text = "Taiwan's Employment Gold Card lasts five years. The Gold Card costs US$100."
    facts = extractor.extract(article(text))
    assert [(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")] == [
        ("Employment Gold Card", "Taiwan")]
    assert [f["programme"] for f in facts_of_kind(facts, "fee")] == ["Employment Gold Card"]


def test_a_table_name_in_another_case_is_the_table_programme(extractor: FactExtractor) -> None:
    facts = extractor.extract(article("Britain's Global Talent Visa attracts scientists."))
    assert [(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")] == [
        ("Global Talent visa", "United Kingdom")]


def test_korean_visa_codes_are_not_us_categories() -> None:
    assert find_programmes("the F-1-D workation visa", programme_table()) == []
    assert [p.name for _, _, p in find_programmes("F-1 visas", programme_table())] == ["F-1"]


def test_a_title_case_headline_counts_only_a_name_the_prose_writes() -> None:
    text = "Thailand Extends Long-Term Resident Visa To Parents\nThailand's Long-Term Resident visa grew."
    found = find_named_programmes(text)
    assert {(f.name, f.country) for f in found} == {("Long-Term Resident visa", "Thailand")}
    assert [text[f.start : f.end] for f in found] == ["Long-Term Resident Visa", "Long-Term Resident visa"]
    assert find_named_programmes("Why Workers Love Thailand's New Elite Visa Scheme\nNo name.") == []


def test_a_country_before_a_short_form_is_no_part_of_the_name() -> None:
    text = "Taiwan's Employment Gold Card lets holders work. The Taiwan Gold Card suits visa holders."
    assert {f.name for f in find_named_programmes(text)} == {"Employment Gold Card"}


def test_a_quoted_compound_is_still_the_programme() -> None:
    [found] = find_named_programmes("Colombia's “digital nomad” visa lasts two years.")
    assert (found.name, found.country) == ("digital nomad visa", "Colombia")


@pytest.mark.parametrize("text", ["the Honda Racing F1 Team", "his F1 career", "Planet F1", "Sauber F1.08"])
def test_formula_one_is_not_the_student_visa(text: str) -> None:
    assert find_programmes(text, programme_table()) == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Singapore's employment pass now needs a higher salary.", "Employment Pass", "Singapore"),
        ("The Irish critical skills employment permit was reformed.", "Critical Skills Employment Permit",
         "Ireland"),
        ("New Zealand's skilled migrant category reopened in August.", "Skilled Migrant Category",
         "New Zealand"),
        ("Thailand's long-term resident visa drew retirees.", "Long-Term Resident visa", "Thailand"),
    ],
)
def test_a_table_name_in_lowercase_with_its_own_country(
    extractor: FactExtractor, text: str, name: str, country: str
) -> None:
    found = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    assert [(f["name"], f["country"]) for f in found] == [(name, country)]


@pytest.mark.parametrize(
    "text",
    [
        "Germany's skilled worker visa now needs a lower salary.",  # not the UK's Skilled Worker visa
        "Many graduates opt to stay in America after college.",  # no OPT
    ],
)
def test_a_lowercase_table_name_needs_its_programmes_country(extractor: FactExtractor, text: str) -> None:
    found = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    assert ("Skilled Worker visa", "United Kingdom") not in [(f["name"], f["country"]) for f in found]
    assert "OPT" not in [f["name"] for f in found]
