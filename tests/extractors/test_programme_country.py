"""The issuing country of a programme from its context, and programme names by their shape.

Every sentence here is our own, written for these tests, with programmes and
countries from every continent (extractors/components/programme_country.py,
programme_codes.py, programme_names.py, extractors/country_lexicon.py).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extractors.components.programme_country import context_country, dateline_country, noun_phrase_country
from extractors.components.programme_names import find_named_programmes
from extractors.country_lexicon import country_lexicon
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind, programmes_in


def _named(text: str) -> set[tuple[str, str | None]]:
    return {(f.name, f.country) for f in find_named_programmes(text)}


# --- the lexicon -------------------------------------------------------------------------------


def test_the_lexicon_holds_every_sovereign_country_once_with_its_forms_and_cities() -> None:
    raw = json.loads(resources.files("extractors").joinpath("data/countries.json").read_text("utf-8"))
    names = [c["name"] for c in raw["countries"]]
    assert len(names) == len(set(names)) and len(names) >= 195
    forms = [f for c in raw["countries"] for f in c["forms"]]
    assert len(forms) == len(set(forms)), "a form names one country"
    lex = country_lexicon()
    for form, country in [
        ("Kyrgyz", "Kyrgyzstan"),
        ("Burkinabe", "Burkina Faso"),
        ("Ivory Coast", "Côte d'Ivoire"),
        ("Salvadoran", "El Salvador"),
        ("Fijian", "Fiji"),
        ("Emirati", "United Arab Emirates"),
    ]:
        assert lex.country_of(form) == country
    assert lex.city_country("NAIROBI") == "Kenya" and lex.city_country("Montevideo") == "Uruguay"
    assert lex.country_of("New Mexico") is None and lex.country_of("Latin American") is None


def test_every_government_body_belongs_to_a_country_of_the_lexicon() -> None:
    raw = json.loads(resources.files("extractors").joinpath("data/government_bodies.json").read_text("utf-8"))
    known = {c for c in country_lexicon().forms.values() if c}
    assert all(b["country"] in known for b in raw["bodies"])
    assert country_lexicon().bodies["IRCC"] == "Canada"


# --- the country of a mention ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Uruguay's new Nomad Visa", "Nomad Visa", "Uruguay"),
        ("the Kenyan Digital Nomad Work Permit", "Digital Nomad Work Permit", "Kenya"),
        ("a Vietnamese Investor Visa", "Investor Visa", "Vietnam"),
        ("the Philippines' Special Resident Visa", "Special Resident Visa", "Philippines"),
        ("the Home Office's Scale-up Visa", "Scale-up Visa", "United Kingdom"),
        ("Seoul's D-10 visa", "D-10", "South Korea"),
        ("the Digital Nomad Visa of Costa Rica", "Digital Nomad Visa", "Costa Rica"),
        ("the Golden Visa in Latvia", "Golden Visa", "Latvia"),
        ("Moscow's new Shared Values Visa", "Shared Values Visa", "Russia"),
        ("Brazil's recently launched Nomad Visa", "Nomad Visa", "Brazil"),
        ("Thailand's much-criticised Destination Visa", "Destination Visa", "Thailand"),
    ],
)
def test_the_noun_phrase_names_the_country(text: str, mention: str, country: str) -> None:
    start = text.index(mention)
    assert noun_phrase_country(text, start, start + len(mention)) == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the sentence, also through a government body acting on the programme
        (
            "The Skilled Migrant Category reopened, Immigration New Zealand said.",
            "Skilled Migrant Category",
            "New Zealand",
        ),
        (
            "IRCC said the Rural Community Immigration Pilot will take 2,000 people.",
            "Rural Community Immigration Pilot",
            "Canada",
        ),
        (
            "The Ministry of Manpower said the Overseas Talent Pass will cost more.",
            "Overseas Talent Pass",
            "Singapore",
        ),
        (
            "The Critical Skills Work Visa needs a job offer, the Department of Home Affairs in Pretoria "
            "said.",
            "Critical Skills Work Visa",
            "South Africa",
        ),
        # the paragraph
        (
            "Kazakhstan wants tech workers. Officials hope for 5,000 a year. The Neo Nomad Visa asks for "
            "$3,000 a month.",
            "Neo Nomad Visa",
            "Kazakhstan",
        ),
        # the headline
        (
            "Uruguay opens its doors to remote workers\nThe Digital Nomad Visa lasts a year.",
            "Digital Nomad Visa",
            "Uruguay",
        ),
        # the dateline, in capitals and in the city's own spelling
        (
            "Nomads get a new option\nLISBON, June 2 (Wire) - The digital nomad visa now takes 60 days.",
            "digital nomad visa",
            "Portugal",
        ),
        (
            "Remote work\nMexico City, May 2 (Wire) - The digital nomad visa is under review.",
            "digital nomad visa",
            "Mexico",
        ),
        (
            "Startups\nACCRA (Wire) - The Startup Residence Permit drew 40 founders, officials said.",
            "Startup Residence Permit",
            "Ghana",
        ),
    ],
)
def test_the_context_names_the_country(text: str, name: str, country: str) -> None:
    assert _named(text) == {(name, country)}


def test_countries_of_applicants_are_not_the_issuer() -> None:
    text = ("Indian and Nigerian nurses filled the Care Worker Pathway. Applicants from Pakistan followed.\n"
            "The Care Worker Pathway is run from Ottawa.\nCanada wants more.")  # fmt: skip
    assert _named(text) == {("Care Worker Pathway", "Canada")}
    text = (
        "Filipino workers said the Digital Nomad Visa suits them.\nThe scheme is run by the Thai government."
    )
    assert _named(text) == {("Digital Nomad Visa", "Thailand")}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Unlike Portugal, Spain asks holders of the Digital Nomad Visa for $2,700 a month.",
            "Digital Nomad Visa",
            "Spain",
        ),
        (
            "The Nomad Residence Permit lasts longer than Spain's, Maltese officials said.",
            "Nomad Residence Permit",
            "Malta",
        ),
        ("Like Croatia, Albania now offers a Unique Permit to remote workers.", "Unique Permit", "Albania"),
    ],
)
def test_a_country_named_for_comparison_is_not_the_issuer(text: str, name: str, country: str) -> None:
    assert _named(text) == {(name, country)}


def test_a_name_or_a_state_gives_a_country_only_inside_the_noun_phrase() -> None:
    assert _named("Jordan said the Digital Nomad Visa was a success.") == {("Digital Nomad Visa", None)}
    assert _named("Visa rules in Georgia changed; the Investor Residence Permit did not.") == {
        ("Investor Residence Permit", None)
    }
    assert _named("Georgia's Investor Residence Permit lasts five years.") == {
        ("Investor Residence Permit", "Georgia")
    }


def test_the_headline_counts_only_when_it_reads_as_one_and_names_one_country() -> None:
    assert context_country("Chile and Peru court nomads\nThe Nomad Visa opened.", 40, 50) is None
    assert context_country("Nothing here.\nThe Nomad Visa opened.", 20, 30) is None
    assert dateline_country("Policy\nBERLIN, Jan 5 (Wire) - Fees rose.") == "Germany"
    assert dateline_country("Policy\nBangkok, Thailand — Fees rose.") == "Thailand"
    assert dateline_country("Policy\nFees rose in Berlin.") is None
    assert dateline_country("Policy\nNEW DELHI: Indians lead the queue.") == "India"
    assert dateline_country("Policy\nDUBAI (Wire) — Fees rose.") == "United Arab Emirates"
    assert dateline_country("Policy\nOfficials: Paris is calm.") is None


def test_a_government_body_named_across_the_article_gives_its_country() -> None:
    text = "The Tech Founder Visa opened.\nThe Home Office said numbers rose.\nUKVI agreed."
    assert _named(text) == {("Tech Founder Visa", "United Kingdom")}


def test_a_possessive_before_a_verb_phrase_is_no_part_of_the_noun_phrase() -> None:
    assert _named("India's engineers prefer the digital nomad visa of Portugal.") == {
        ("digital nomad visa", "Portugal")
    }


def test_a_programme_takes_the_country_of_its_mention_with_the_nearest_evidence() -> None:
    # The headline's "nomad visas" names no country; the mention whose sentence does decides.
    text = ("Latin America's nomad visas\nPeru, Chile and Ecuador court remote workers.\n"
            "Ecuador's Rentista category was joined in 2022 by a Digital Nomad Visa that waives tax.\n"
            "In Chile, the digital nomad visa costs $100.")  # fmt: skip
    assert {(f.name, f.country) for f in find_named_programmes(text)} == {
        ("Digital Nomad Visa", "Ecuador"),
        ("Rentista category", "Ecuador"),
    }


def test_the_noun_phrase_names_the_issuer_over_a_country_in_the_name() -> None:
    text = "Britain's India Young Professionals Scheme drew 40,000 visa applicants."
    assert _named(text) == {("Young Professionals Scheme", "United Kingdom")}


# --- table programmes several countries run --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Malaysia's Employment Pass needs a salary of RM10,000.", "Employment Pass", "Malaysia"),
        ("The Employment Pass in Malaysia is popular with engineers.", "Employment Pass", "Malaysia"),
        ("Singapore raised the Employment Pass salary floor.", "Employment Pass", "Singapore"),
        ("Indian Employment Pass holders rose by a tenth.", "Employment Pass", "Singapore"),
        (
            "The Australian Global Talent visa was closed to new applicants.",
            "Global Talent visa",
            "Australia",
        ),
        ("Italy's Golden Visa draws investors.", "Golden Visa", "Italy"),
        ("The UAE Golden Visa lasts ten years.", "Golden Visa", "United Arab Emirates"),
        ("Ireland's Start-up Visa program is small.", "Start-up Visa", "Ireland"),
        ("Australia's Graduate visa lets students stay two years.", "Graduate visa", "Australia"),
        ("The Graduate route lets students stay two years in Britain.", "Graduate visa", "United Kingdom"),
    ],
)
def test_a_shared_table_name_takes_the_country_of_its_own_noun_phrase(
    extractor: FactExtractor, text: str, name: str, country: str
) -> None:
    assert programmes_in(extractor, text) == {(name, country)}


# --- names by their shape ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("South Korea issued 2,000 E-9 visas to farm workers.", "E-9", "South Korea"),
        ("Portugal's D8 visa asks for four times the minimum wage.", "D8", "Portugal"),
        ("Australia's subclass 482 visa is being replaced.", "subclass 482", "Australia"),
        ("South Korea's F-2-R visa suits rural regions.", "F-2-R", "South Korea"),
        ("Bahrain's Golden Residency Visa is open to property owners.", "Golden Residency Visa", "Bahrain"),
        # a lowercase programme noun after the name is no part of it
        ("Portugal's Golden Residency scheme for investors ended.", "Golden Residency", "Portugal"),
        ("Canada's Agri-Food Pathway to permanent residence closes in May.", "Agri-Food Pathway", "Canada"),
        (
            "Hong Kong's Top Talent Pass Scheme approved 80,000 applications.",
            "Top Talent Pass Scheme",
            "Hong Kong",
        ),
        ("Austria's Red-White-Red Card is a points-based residence permit.", "Red-White-Red Card", "Austria"),
        ("The UAE's Green Visa lets freelancers sponsor themselves.", "Green Visa", "United Arab Emirates"),
        (
            "Malaysia's DE Rantau Nomad Pass lets tech workers stay two years.",
            "DE Rantau Nomad Pass",
            "Malaysia",
        ),
        ("Panama's Friendly Nations Visa needs a job offer.", "Friendly Nations Visa", "Panama"),
        (
            "Fiji's government said the Digital Nomad Visa would start next year.",
            "Digital Nomad Visa",
            "Fiji",
        ),
        ("Iceland's remote work visa lasts 180 days.", "remote work visa", "Iceland"),
        (
            "Dubai's virtual working programme dates from 2020.",
            "virtual working programme",
            "United Arab Emirates",
        ),
        ("Dubai's freelance visa is popular with designers.", "freelance visa", "United Arab Emirates"),
        ("The Netherlands offers a startup visa to founders.", "startup visa", "Netherlands"),
        ("Spain's non-lucrative visa requires savings.", "non-lucrative visa", "Spain"),
        ("Italy's elective residence visa suits retirees.", "elective residence visa", "Italy"),
        ("Canadian officials said the super visa lets parents stay five years.", "super visa", "Canada"),
        ("Croatia's digital nomad permit lasts up to 18 months.", "digital nomad permit", "Croatia"),
        (
            "Argentina's working holiday programme is open to 30-year-olds.",
            "working holiday programme",
            "Argentina",
        ),
    ],
)
def test_programmes_named_by_their_shape(text: str, name: str, country: str) -> None:
    assert _named(text) == {(name, country)}


@pytest.mark.parametrize(
    "text",
    [
        "Q1 visa applications rose.",
        "G20 visa talks stalled.",
        "COVID-19 visa rules eased.",
        "the 2026 visa changes",
        "Applicants need a Tax Residency certificate.",
        "Advisers at Gulf Residency Partners said demand rose.",
        "The Global Talent Visa Partners firm grew.",
        "Applicants needed a Permanent Residency card.",
        "Green Card holders may travel.",
        "Work and Student visas rose.",
        "He flew to Tokyo on a tourist visa.",
        "Visitors from Chile enjoy visa-free entry.",
        "Migrants crossed at the Darien Gap Route.",
        "Migrants on the Central Mediterranean Route drowned.",
        "Uber Pass members get cheaper rides to the visa centre.",
        "The Annual Migration Report Card gave the government a C.",
        "She runs the Immigration Help Desk Program at the library.",
        "Germany changed its visa rules.",
    ],
)
def test_shapes_that_are_no_programme(text: str) -> None:
    assert find_named_programmes(text) == []


def test_a_plural_head_after_coordinated_names_names_each() -> None:
    text = "Canada closed the Home Child Care Provider and Home Support Worker pilots in 2024."
    assert _named(text) == {
        ("Home Child Care Provider pilot", "Canada"),
        ("Home Support Worker pilot", "Canada"),
    }


def test_coordinated_table_names_are_the_tableprogrammes_in(extractor: FactExtractor) -> None:
    assert programmes_in(extractor, "Britain tightened the Skilled Worker and Graduate visas.") == {
        ("Skilled Worker visa", "United Kingdom"),
        ("Graduate visa", "United Kingdom"),
    }


def test_a_lowercase_kind_in_apposition_describes_the_programme_before_it(extractor: FactExtractor) -> None:
    text = "Demand rose for Germany's Opportunity Card, the points-based job-seeker visa launched in 2024."
    assert programmes_in(extractor, text) == {("Opportunity Card", "Germany")}
    assert _named("Portugal introduced a job-seeker visa in 2022.") == {("job seeker visa", "Portugal")}


def test_a_long_scheme_name_beside_its_short_form_is_one_programme_under_the_title() -> None:
    text = (
        "Hong Kong's Top Talent Pass Scheme approved 80,000 applications. The Top Talent Pass costs HK$230."
    )
    assert _named(text) == {("Top Talent Pass Scheme", "Hong Kong")}


def test_fees_and_events_belong_to_a_programme_named_by_its_code(extractor: FactExtractor) -> None:
    text = ("SEOUL, Sept. 29 (Wire) - The E-9 visa will cost 60,000 won from Wednesday, the Ministry of "
            "Justice said.\nFarm owners welcomed the change.")  # fmt: skip
    facts = extractor.extract(article(text))
    assert {(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")} == {
        ("E-9", "South Korea")
    }
    assert {f["programme"] for f in facts_of_kind(facts, "fee")} == {"E-9"}
    assert {f["programme"] for f in facts_of_kind(facts, "event")} == {"E-9"}


# --- a table name without its programme noun --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "programmes"),
    [
        (
            "Employers pay £1,000 a year for every Skilled Worker they sponsor.",
            {("Skilled Worker visa", "United Kingdom")},
        ),
        (
            "Japan added truck drivers to Specified Skilled Worker status.",
            {("Specified Skilled Worker visa", "Japan")},
        ),
        (
            "Researchers said other Global Talent holders had waited weeks.",
            {("Global Talent visa", "United Kingdom")},
        ),
        (
            "Employers in Perth said Skills in Demand nominations had doubled.",
            {("Skills in Demand visa", "Australia")},
        ),
        ("Canada's Global Talent Stream is fast.", {("Global Talent Stream", "Canada")}),
        ("Skilled workers are scarce everywhere.", set()),
        ("Skilled Worker numbers fell.", set()),
        ("He works at Global Talent Partners in Leeds.", set()),
    ],
)
def test_a_table_name_without_its_programme_noun_is_the_programme(
    extractor: FactExtractor, text: str, programmes: set[tuple[str, str]]
) -> None:
    assert programmes_in(extractor, text) == programmes


def test_a_fee_belongs_to_the_programme_named_without_its_noun(extractor: FactExtractor) -> None:
    text = "The charge, paid for every Skilled Worker a firm sponsors, rises to £1,420 a year."
    fees = facts_of_kind(extractor.extract(article(text)), "fee")
    assert [(f["programme"], f["amount"]) for f in fees] == [("Skilled Worker visa", 1420.0)]


# --- a subcategory alone, and beside its programme -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "programmes"),
    [
        ("Students on the X1 visa pay 480 yuan.", {("X1 visa", "China")}),
        ("The X visa is for students; the X1 visa costs 480 yuan.", {("X visa", "China")}),
        ("The “X2” visa covers short courses.", {("X2 visa", "China")}),
        (
            "Denial rates for L-1B petitions rose. The L-1 visa lets firms move staff.",
            {("L-1", "United States")},
        ),
        ("The EB-1A suits researchers with prizes.", {("EB-1A", "United States")}),
        ("Most researchers file under EB-1 now; the EB-1C is for managers.", {("EB-1", "United States")}),
    ],
)
def test_a_subcategory_alone_is_a_programme_and_beside_its_programme_is_that_programme(
    extractor: FactExtractor, text: str, programmes: set[tuple[str, str]]
) -> None:
    assert programmes_in(extractor, text) == programmes


def test_an_amount_restated_later_keeps_the_programme_an_earlier_sentence_gave_it(
    extractor: FactExtractor,
) -> None:
    text = ("The Global Talent visa will open to more prizes. Global Talent visa holders welcomed it.\n"
            "The levy for every Skilled Worker visa a firm sponsors will rise to £900 a year. "
            "Small firms will pay £300 a year, up from £200.\n"
            "Scientists on the Global Talent visa pay no levy.\n"
            "(This story has been corrected to fix the small-firm rate of the levy to £300 from £250 in "
            "paragraph 2)")  # fmt: skip
    fees = {(f["programme"], f["amount"]) for f in facts_of_kind(extractor.extract(article(text)), "fee")}
    assert ("Skilled Worker visa", 300.0) in fees
    assert ("Global Talent visa", 300.0) not in fees


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Lisbon has ended the golden visa route for property buyers.", "Portugal"),
        ("Madrid scrapped the golden visa in April.", "Spain"),
    ],
)
def test_a_capital_opening_the_sentence_stands_for_its_government(text: str, country: str) -> None:
    assert [n.country for n in find_named_programmes(text)] == [country]
