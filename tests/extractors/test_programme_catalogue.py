"""The whole programme table (extractors/data/programmes.json), entry by entry.

Every entry's patterns compile, find its canonical name, find it in a sentence
written here in one of the spellings news uses, and stay silent on generic visa
words. A new entry needs a sentence below, or ``test_every_entry_has_a_sentence``
fails. The sentences are invented for these tests.
"""

from __future__ import annotations

import re

import pytest

from extractors.components.programmes import Programme, find_programmes, programme_table
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

TABLE = programme_table()

# One sentence per programme, in a spelling of its own where it has one (an acronym, a
# subclass number, a local-language name).
SENTENCES: dict[str, str] = {
    "K visa": "Applicants for the “K” visa need no job offer.",
    "R visa": "The R-visa was meant for top-level foreign experts.",
    "Z visa": "She switched to a Z work visa last spring.",
    "X visa": "Students arrive on an X1 visa for long courses.",
    "M visa": "Traders at the Canton Fair usually hold an M visa.",
    "H-1B": "The firm filed 300 H1B petitions in March.",
    "L-1": "He moved to Texas on an L-1A visa.",
    "O-1": "The violinist won an O-1 for extraordinary ability.",
    "F-1": "About a million F-1 students study in America.",
    "OPT": "Graduates use Optional Practical Training to stay on.",
    "EB-5": "Investors lined up for EB5 visas in Manhattan.",
    "Gold Card": "Sales of the Trump gold card began online.",
    "Skilled Worker visa": "Care homes hired through the Skilled Worker route.",
    "Global Talent visa": "Scientists may apply for the Global Talent visa without a sponsor.",
    "EU Blue Card": "Germany issued more Blue Cards than any other state.",
    "ETIAS": "From next year visitors must apply for ETIAS before they fly.",
    "ESTA": "Travellers from Japan need an approved ESTA to board.",
    "Electronic Travel Authorisation": "Italians now need an Electronic Travel Authorisation for London.",
    "eTA": "Air travellers to Toronto need an eTA unless they hold a visa.",
    "K-ETA": "Seoul waived the K-ETA for visitors from 22 countries.",
    "NZeTA": "Cruise passengers must hold an NZeTA on arrival in Auckland.",
    "Express Entry": "The latest Express Entry draw invited 3,000 candidates.",
    "Opportunity Card": "The Chancenkarte lets job seekers stay for a year.",
    "Q visa": "Her grandmother came over on a Q visa.",
    "H-2A": "Growers leaned on H-2A workers for the harvest.",
    "H-2B": "Resorts asked for more H-2B visas this summer.",
    "H-4": "Spouses on H-4 visas may work in some cases.",
    "J-1": "The au pair came on a J1 visa.",
    "E-2": "He runs a bakery under an E-2 treaty investor visa.",
    "TN visa": "Canadian engineers often work in Detroit on TN status.",
    "EB-1": "Researchers filed for the EB-1B category.",
    "EB-2": "The EB-2 backlog for India runs for a decade.",
    "EB-3": "Nurses wait years for EB-3 visas.",
    "B-1/B-2": "Tourists need a B-1/B-2 visa for the trip.",
    "Diversity Visa": "Winners of the green card lottery were notified in May.",
    "Platinum Card": "Trump's platinum card would exempt holders from some taxes.",
    "Graduate visa": "The Graduate route lets students stay two years.",
    "High Potential Individual visa": "Alumni of top universities use the HPI route.",
    "Health and Care Worker visa": "Nurses came on the Health and Care visa.",
    "Innovator Founder visa": "Start-up founders need an endorsed Innovator Founder visa.",
    "Scale-up visa": "Fast-growing firms sponsor staff on the Scaleup route.",
    "Global Business Mobility visa": "Banks move staff on Global Business Mobility routes.",
    "Youth Mobility Scheme": "Young Australians use the YMS to work in London pubs.",
    "Seasonal Worker visa": "Fruit farms rely on the Seasonal Worker route.",
    "Global Talent Stream": "Tech firms praise the Global Talent Stream.",
    "Start-up Visa": "Ottawa paused parts of the Startup Visa Program.",
    "Post-Graduation Work Permit": "Students count on a PGWP after college.",
    "Provincial Nominee Program": "Ontario PNP draws resumed in June.",
    "International Experience Canada": "International Experience Canada opened its pools.",
    "Skills in Demand visa": "The Skills in Demand (SID) visa has three streams.",
    "Temporary Skill Shortage visa": "The TSS visa was replaced in 2024.",
    "National Innovation visa": "Canberra launched the National Innovation visa.",
    "Skilled Independent visa": "The Skilled Independent (subclass 189) visa needs no sponsor.",
    "Significant Investor visa": "The Significant Investor visa was closed.",
    "Accredited Employer Work Visa": "Employers in Auckland lodged AEWV applications.",
    "Active Investor Plus visa": "The Active Investor Plus visa drew American investors.",
    "Highly Skilled Professional visa": "Engineers in Tokyo qualify for the HSP visa.",
    "Specified Skilled Worker visa": "Caregivers enter on the Specified Skilled Worker (SSW) visa.",
    "J-Skip": "The J-Skip route fast-tracks top earners.",
    "J-Find": "Graduates of top universities may apply for J-Find.",
    "Golden Visa": "The UAE's Golden Visa lasts ten years.",
    "Employment Pass": "Singapore raised the salary floor for Employment Passes.",
    "ONE Pass": "The Overseas Networks & Expertise Pass suits top talent.",
    "S Pass": "Mid-skilled staff hold an S Pass.",
    "Tech.Pass": "Founders can apply for a Tech.Pass.",
    "Schengen visa": "The Schengen visa fee rose to €90.",
    "E-7": "Welders came on the E-7 visa.",
    "Talent Passport": "France's passeport talent covers researchers.",
    "Critical Skills Employment Permit": "Ireland widened the Critical Skills Employment Permit list.",
    "Premium Residency": "Riyadh marketed its Premium Residency to investors.",
    "H-1B1": "Chileans may apply for the H-1B1 visa.",
    "E-1": "The trading house sent managers on E-1 treaty trader visas.",
    "E-3": "Australians in New York often hold the E-3 visa.",
    "P-1": "The hockey players entered on P-1A visas.",
    "R-1": "The pastor arrived on an R-1 religious worker visa.",
    "K-1": "Her fiancé applied for a K-1 visa.",
    "U visa": "Victims of crime who help police may qualify for a U-visa.",
    "T visa": "Trafficking survivors can apply for a T visa.",
    "I visa": "Reporters posted to Washington hold an I visa.",
    "Francophone Mobility Program": "Employers hire French speakers via the Francophone Mobility Program.",
    "Economic Mobility Pathways Pilot": "Refugees with job offers can apply through the EMPP.",
    "Work and Holiday visa": "Young Americans may apply for a subclass 462 visa.",
    "EB-4": "Religious workers use the EB-4 category.",
    "M-1": "Flight-school students need an M-1 visa.",
    "J-2": "Her husband came on a J-2 visa.",
    "L-2": "L-2 spouses may now work without a permit.",
    "Curricular Practical Training": "Students use Curricular Practical Training (CPT) for internships.",
    "International Entrepreneur Rule": "The International Entrepreneur Rule allows founders to stay.",
    "S visa": "Visiting relatives of workers in Beijing get an S2 visa.",
    "Temporary Foreign Worker Program": "Restaurants leaned on the TFWP for cooks.",
    "International Mobility Program": "Open permits fall under the International Mobility Program.",
    "Atlantic Immigration Program": "Halifax employers use the Atlantic Immigration Program.",
    "Rural Community Immigration Pilot": "Fourteen towns joined the RCIP.",
    "Francophone Community Immigration Pilot": "The Francophone Community Immigration Pilot opened.",
    "Rural and Northern Immigration Pilot": "Sudbury took part in the RNIP.",
    "Home Care Worker Immigration Pilots": "Caregivers applied to the Home Care Worker Immigration Pilots.",
    "Home Child Care Provider Pilot": "The Home Child Care Provider Pilot closed in 2024.",
    "Home Support Worker Pilot": "The Home Support Worker Pilot reached its cap.",
    "Agri-Food Pilot": "Meat plants recruited through the Agri-Food Pilot.",
    "Super Visa": "Grandparents can stay five years on a super visa.",
    "Federal Skilled Worker Program": "Engineers apply under the Federal Skilled Worker Program.",
    "Canadian Experience Class": "Graduates with Canadian jobs use the Canadian Experience Class.",
    "Federal Skilled Trades Program": "Electricians can enter through the Federal Skilled Trades Program.",
    "Quebec Skilled Worker Program": "Montreal employers await the Québec Skilled Worker Program draws.",
    "Parents and Grandparents Program": "The Parents and Grandparents Program reopened.",
    "Ontario Immigrant Nominee Program": "The OINP issued invitations on Tuesday.",
    "Student Direct Stream": "The Student Direct Stream was scrapped in 2024.",
    "Global Skills Strategy": "Under the Global Skills Strategy, permits take two weeks.",
    "BN(O) visa": "Hong Kongers arrived on the BN(O) route.",
    "India Young Professionals Scheme": "The India Young Professionals Scheme ballot opened.",
    "Frontier Worker permit": "Commuters from Dublin need a Frontier Worker permit.",
    "EU Settlement Scheme": "Late applications to the EUSS are still accepted.",
    "Homes for Ukraine": "Families hosted refugees under Homes for Ukraine.",
    "Ukraine Family Scheme": "The Ukraine Family Scheme closed to new applicants.",
    "UK Ancestry visa": "Her grandfather's birth in Leeds made her eligible for an Ancestry visa.",
    "Tier 1 Investor visa": "The Tier 1 (Investor) visa was closed in 2022.",
    "Creative Worker visa": "Touring musicians use the Creative Worker visa.",
    "Senior or Specialist Worker visa": "The bank moved staff on the Senior or Specialist Worker visa.",
    "Skilled Nominated visa": "Nurses in Perth applied for the 190 visa.",
    "Skilled Work Regional visa": "Applicants for subclass 491 must live in a regional area.",
    "Skilled Employer Sponsored Regional visa": "Farms use the Skilled Employer Sponsored Regional visa.",
    "Employer Nomination Scheme": "The Employer Nomination Scheme (ENS) leads to permanent residence.",
    "Temporary Graduate visa": "Students rely on the subclass 485 visa after graduation.",
    "Pacific Engagement visa": "Tongans entered the Pacific Engagement visa ballot.",
    "PALM scheme": "Abattoirs employ workers under the PALM scheme.",
    "Business Innovation and Investment Program": "The BIIP was closed to new applicants.",
    "Working Holiday Maker program": "Backpackers join the Working Holiday Maker program.",
    "Skilled Migrant Category": "Wellington reopened the Skilled Migrant Category.",
    "Parent Boost visa": "The Parent Boost visa lets parents stay five years.",
    "Parent Retirement Resident visa": "Wealthy parents may use the Parent Retirement Resident visa.",
    "Recognised Seasonal Employer scheme": "Orchards hire Samoans through the RSE scheme.",
    "Straight to Residence visa": "Doctors qualify for the Straight to Residence visa.",
    "Post-Study Work Visa": "Graduates in Dunedin hold a Post-Study Work Visa.",
    "Global Impact Visa": "Entrepreneurs came on the Global Impact Visa.",
    "Specific Purpose Work Visa": "Film crews use the Specific Purpose Work Visa.",
    "Technical Intern Training Program": "Critics say the TITP exploited workers.",
    "Employment for Skill Development system": "The ikusei shuro system replaces the trainee scheme.",
    "Business Manager visa": "Tokyo tightened the Business Manager visa in October.",
    "D-10": "Graduates may look for jobs in Seoul on a D-10 visa.",
    "E-9": "Factories hire E-9 workers from Vietnam; the E-9 visa quota rose.",
    "F-5": "After five years she applied for an F-5 visa.",
    "F-4": "Ethnic Koreans abroad may hold an F-4 visa.",
    "E-8": "Farmers hired seasonal staff on the E-8 visa.",
    "D-2": "Foreign students enrol on a D-2 visa.",
    "top-tier visa": "Seoul's new top-tier visa targets Nobel-level scientists.",
    "K-Tech Pass": "The K-Tech Pass offers fast residence to engineers.",
    "Employment Gold Card": "Taiwan's Gold Card drew 10,000 holders.",
    "Top Talent Pass": "High earners apply under the TTPS.",
    "Quality Migrant Admission Scheme": "Applicants to QMAS are scored on points.",
    "IANG": "Graduates of Hong Kong universities may stay on IANG.",
    "Admission Scheme for Mainland Talents and Professionals": "Mainland hires come on the ASMTP.",
    "General Employment Policy": "Foreign bankers enter under the General Employment Policy.",
    "New Capital Investment Entrant Scheme": "The New CIES requires HK$30 million in assets.",
    "Technology Talent Admission Scheme": "Biotech firms use TechTAS for researchers.",
    "EntrePass": "Founders can apply for an EntrePass.",
    "Personalised Employment Pass": "A Personalized Employment Pass is not tied to one employer.",
    "Global Investor Programme": "Family offices use the Global Investor Programme (GIP).",
    "Malaysia My Second Home": "Retirees flocked to MM2H after the rules eased.",
    "DE Rantau Nomad Pass": "The DE Rantau programme targets remote workers.",
    "Residence Pass-Talent": "Experts can switch to the RP-T after three years.",
    "Premium Visa Programme": "Wealthy retirees joined the PVIP.",
    "Long-Term Resident visa": "Retirees in Chiang Mai switched to the LTR visa.",
    "Destination Thailand Visa": "Freelancers seek DTV visas in Bangkok.",
    "Thailand Elite Visa": "The Thailand Elite Visa costs less than before.",
    "SMART visa": "Start-ups in Bangkok sponsor SMART visas.",
    "Second Home visa": "Bali villa buyers use the Second Home visa.",
    "Special Resident Retiree's Visa": "Retirees in Manila hold an SRRV.",
    "e-Tourist visa": "Visitors to Goa apply for an e-Tourist Visa.",
    "e-Business visa": "Executives travel to Mumbai on an e-Business visa.",
    "e-Medical visa": "Patients come to Chennai on the e-Medical visa.",
    "e-Conference visa": "Delegates need an e-Conference visa for the summit.",
    "e-Student visa": "Students apply online for the e-Student visa.",
    "OCI card": "Holders of an OCI card may live in India indefinitely.",
    "Green Visa": "Freelancers in Dubai can apply for the Green Visa.",
    "Blue Visa": "Environmental campaigners received the Blue Visa.",
    "Virtual Working Programme": "Dubai's Virtual Working Programme lets remote staff stay a year.",
    "Umrah visa": "Pilgrims can now apply for an Umrah visa online.",
    "Hajj visa": "Hajj visas are issued under country quotas.",
    "Golden Residency": "Bahrain's Golden Residency requires a salary of BD2,000.",
    "Hayya card": "Fans needed a Hayya card to enter Qatar.",
    "Red-White-Red Card": "Austria issued more Red-White-Red Cards to nurses.",
    "Western Balkans Regulation": "Employers hire Serbian builders under the Westbalkanregelung.",
    "French Tech Visa": "Start-up staff come on the French Tech Visa.",
    "Highly Skilled Migrant scheme": "Dutch firms recruit through the kennismigrantenregeling.",
    "General Employment Permit": "Chefs in Cork need a General Employment Permit.",
    "non-lucrative visa": "Retirees moving to Valencia apply for the non-lucrative visa.",
    "D7": "Pensioners moving to Lisbon apply for a D7 visa.",
    "D8": "Remote workers in Porto hold the D8 visa.",
    "elective residence visa": "Retirees in Tuscany use the elective residence visa.",
    "Investor Visa for Italy": "The Investor Visa for Italy requires €250,000 in a start-up.",
    "Malta Permanent Residence Programme": "The MPRP grants residence for life.",
    "Nomad Residence Permit": "Remote workers in Valletta hold a Nomad Residence Permit.",
    "Global Residence Programme": "Pensioners use Malta's Global Residence Programme.",
    "Guest Investor Program": "Hungary's Guest Investor Program reopened in 2024.",
    "Fast-Track Scheme": "Certified companies use the Fast-Track Scheme in Copenhagen.",
    "Pay Limit Scheme": "The Pay Limit Scheme sets a salary floor.",
    "Start-up Denmark": "Founders apply to Startup Denmark.",
    "Turquoise Card": "Turkey's Turquoise Card targets investors.",
    "shared values visa": "Moscow launched a shared values visa for Westerners.",
    "B/1 work visa": "Caregivers in Tel Aviv hold a B/1 work visa.",
    "Friendly Nations Visa": "Panama's Friendly Nations Visa needs a job or property.",
    "Critical Skills Visa": "Engineers in Johannesburg hold the Critical Skills Visa.",
    "Trusted Employer Scheme": "Pretoria's Trusted Employer Scheme speeds up permits.",
    "Premium Visa": "Mauritius offers a Premium Visa to remote workers.",
}

# Generic visa words, policies, documents and common English no entry may match.
NEGATIVES = [
    "a work permit", "the work visa", "loosening visa rules", "visa-free entry", "a visa waiver",
    "an e-visa", "apply for an e-visa online", "a tourist visa", "a student visa", "a business visa",
    "a residence permit", "a transit visa", "a green card", "permanent residence", "the visa fee",
    "a golden visa for investors", "digital nomads", "the E-2 battalion", "TN residents", "an M-1 rifle",
    "F-5 fighter jets", "the F-4 Phantom", "an E-8 surveillance plane", "a D-2 crew member",
    "a Q4 visa backlog", "190 visas were issued", "the 482 visas", "a premium Visa card",
    "a Blue Visa debit card", "the business manager said", "a top-tier university",
    "a fast-track scheme", "the PNP said police arrested", "smart visa rules", "super bowl tickets",
    "palm oil workers", "the long-term resident population", "a highly skilled migrant",
    "critical skills shortages", "the premium visa service", "K-1 fighters", "the L visa",
    "Hajj pilgrims", "the Green Party", "then I visa applications", "Can I visa", "I visited Rome",
    "the e-commerce platform", "a tech visa", "the share price", "an ETA of 9 pm", "the ETA was late",
]


def _found(text: str) -> set[str]:
    return {p.name for _, _, p in find_programmes(text, TABLE)}


def test_every_entry_has_a_sentence() -> None:
    assert sorted(p.name for p in TABLE if p.name not in SENTENCES) == []
    assert sorted(set(SENTENCES) - {p.name for p in TABLE}) == []


def test_names_and_countries_are_unique_and_spelled_as_the_lexicon() -> None:
    from extractors.country_lexicon import country_lexicon

    names = [p.name.casefold() for p in TABLE]
    assert len(names) == len(set(names))
    canonical = set(country_lexicon().forms.values())
    assert sorted({p.country for p in TABLE} - canonical) == []


@pytest.mark.parametrize("programme", TABLE, ids=lambda p: p.name)
def test_patterns_compile_and_carry_a_literal(programme: Programme) -> None:
    # Every pattern is compiled (programme_table did it) and scanned only on texts holding its literal.
    assert all(isinstance(p, re.Pattern) for p in programme.patterns)
    assert len(programme.literals) == len(programme.patterns)


@pytest.mark.parametrize("programme", TABLE, ids=lambda p: p.name)
def test_canonical_name_is_found(programme: Programme) -> None:
    # A code whose bare form is a common word ("E-2", "K-1") needs its noun; "Gold Card" its article.
    forms = [programme.name, f"{programme.name} visa", f"the {programme.name}", f"the {programme.name} visa"]
    assert any(programme.name in _found(form) for form in forms)


@pytest.mark.parametrize("programme", TABLE, ids=lambda p: p.name)
def test_own_spelling_in_a_sentence_is_found(programme: Programme) -> None:
    assert programme.name in _found(SENTENCES[programme.name])


@pytest.mark.parametrize("text", NEGATIVES)
def test_generic_words_are_no_programme(text: str) -> None:
    assert _found(text) == set()


# Through the whole pipeline: the name and the issuing country come out as facts.
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Nurses in Perth applied for the 190 visa, the state said.", "Skilled Nominated visa", "Australia"),
        ("High earners apply under the TTPS, which opened in 2022.", "Top Talent Pass", "Hong Kong"),
        ("Retirees flocked to MM2H after the rules eased.", "Malaysia My Second Home", "Malaysia"),
        ("Austria issued more Red-White-Red Cards to nurses.", "Red-White-Red Card", "Austria"),
        ("Restaurants leaned on the TFWP for cooks.", "Temporary Foreign Worker Program", "Canada"),
        # A shared name takes the country its context gives.
        ("Malaysia tightened its rules. The Employment Pass now needs a higher salary.", "Employment Pass",
         "Malaysia"),
        ("Indonesia's Golden Visa requires a large deposit.", "Golden Visa", "Indonesia"),
    ],
)
def test_pipeline_names_programme_and_country(
    extractor: FactExtractor, text: str, name: str, country: str
) -> None:
    facts = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    assert (name, country) in {(f["name"], f["country"]) for f in facts}


def test_table_short_form_after_another_countrys_longer_name(extractor: FactExtractor) -> None:
    text = ("Taiwan's Employment Gold Card drew 10,000 holders. The Gold Card lets them switch jobs "
            "without a new permit.")
    facts = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    assert {(f["name"], f["country"]) for f in facts} == {("Employment Gold Card", "Taiwan")}


def test_lowercase_short_form_of_a_table_name_is_that_name(extractor: FactExtractor) -> None:
    text = ("Malaysia's DE Rantau Nomad Pass opened in 2022. The nomad pass costs 1,000 ringgit "
            "for foreign applicants.")
    facts = extractor.extract(article(text))
    assert {(f["name"], f["country"]) for f in facts_of_kind(facts, "visa_programme")} == {
        ("DE Rantau Nomad Pass", "Malaysia")
    }
    assert {f["programme"] for f in facts_of_kind(facts, "fee")} == {"DE Rantau Nomad Pass"}


def test_a_programme_names_own_words_are_no_fee_cue(extractor: FactExtractor) -> None:
    # "Pay" in "Pay Limit Scheme" is no payment: the amount is a salary floor.
    text = "Denmark will lower the floor of its Pay Limit Scheme to 375,000 Danish crowns a year."
    assert facts_of_kind(extractor.extract(article(text)), "fee") == []
    # The same amount with a fee word of its own is a fee.
    text = "Applicants under the Pay Limit Scheme pay a fee of 6,055 Danish crowns."
    assert [f["amount"] for f in facts_of_kind(extractor.extract(article(text)), "fee")] == [6055]
