"""An invented challenge set for programme recognition (issue 3, round 2).

Each passage is written in the style of real news about visa and immigration programmes (wire,
UK/Australian/Indian/US spelling, headlines, datelines) and annotated BEFORE the pipeline ran on
it, as the gold is. Every passage is invented for this test; none is gold or corpus text. The
expected set is the article's whole visa_programme set as (name, country), compared after
``normalise`` (casefold, unified dashes), the way the eval compares.
"""

from __future__ import annotations

import pytest

from extractors.models import normalise
from extractors.nlp import FactExtractor
from tests.extractors.conftest import article, facts_of_kind

Programme = tuple[str, str | None]

# Why a passage stays xfail (strict: each flags when it starts to pass).
_SHORT_FORM = ("short vs long form of a defined acronym (MM2H vs Malaysia My Second Home) is a "
               "known gold inconsistency (brief): not chased")
_ROUTE = "'Graduate route' vs 'Graduate visa' is a known gold inconsistency (brief): not chased"
_CODE_FORM = ("gold writes a code both bare and with 'visa' (E-7 and E-7 visa; D-10 visa): "
              "canonical form unsettled, not chased")
_LOWERCASE_CARD = ("lowercase 'card' after a capitalised run is not read as a name head (a 'Visa "
                   "card' risk); the gold names it 'Thailand Privilege'")


def _programmes(extractor: FactExtractor, text: str) -> set[Programme]:
    facts = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    return {(normalise(str(f["name"])), f["country"]) for f in facts}  # type: ignore[misc]


def _norm(expected: set[Programme]) -> set[Programme]:
    return {(normalise(name), country) for name, country in expected}


_J_FIND = ("Japan's Future Creation Individual Visa, known as J-Find, lets graduates of top "
           "universities job-hunt for two years.")
# Per passage, the facts fixtures/README.md makes optional: "programmes whose long and short names
# both occur are one fact under the short or usual name, the other optional".
OPTIONAL: dict[str, set[Programme]] = {_J_FIND: {("Future Creation Individual Visa", "Japan")}}

POSITIVES: list[object] = [  # (text, expected) or a pytest.param of one
    # Acronyms defined in the text, then used alone.
    pytest.param(
        "KUALA LUMPUR (Wire) - Malaysia has tightened the Malaysia My Second Home (MM2H) scheme. "
         "Applicants to MM2H must now show fixed deposits of $150,000.",
         {("MM2H", "Malaysia")},
        marks=pytest.mark.xfail(strict=True, reason=_SHORT_FORM)),
    ("Thailand's Long-Term Resident (LTR) visa drew 4,000 applicants last year. "
     "Officials said the LTR visa would be simplified.",
     {("Long-Term Resident visa", "Thailand")}),
    # Title-case scheme names with their heads.
    ("Ireland issued 9,000 General Employment Permits in the first half, the enterprise "
     "department said. A General Employment Permit costs 1,000 euros.",
     {("General Employment Permit", "Ireland")}),
    # (Corrected after the first run: the Active Investor Plus visa is New Zealand's; the passage
    # first gave it to Britain, an annotation error of fact, not of the extractor.)
    ("New Zealand reopened wealthy-migrant routes with the Active Investor Plus visa, which asks "
     "for a NZ$5 million investment.",
     {("Active Investor Plus visa", "New Zealand")}),
    ("Most skilled newcomers to Canada now arrive through the Canadian Experience Class, "
     "according to immigration figures.",
     {("Canadian Experience Class", "Canada")}),
    ("Canada's Global Talent Stream promises two-week processing for tech hires.",
     {("Global Talent Stream", "Canada")}),
    ("New Zealand said the Parent Category residence visa would reopen in October.",
     {("Parent Category residence visa", "New Zealand")}),
    ("The Skilled Migrant Category will be simplified next year, New Zealand's immigration "
     "minister said.",
     {("Skilled Migrant Category", "New Zealand")}),
    ("Singapore will raise the qualifying salary for the Employment Pass to S$5,600 from "
     "January.",
     {("Employment Pass", "Singapore")}),
    ("Germany's Opportunity Card lets jobseekers stay a year without an offer.",
     {("Opportunity Card", "Germany")}),
    ("Hong Kong's Top Talent Pass Scheme has approved more than 80,000 applications.",
     {("Top Talent Pass Scheme", "Hong Kong")}),
    pytest.param(
        "The UK's Graduate route lets international students stay two years after their degree.",
         {("Graduate route", "United Kingdom")},
        marks=pytest.mark.xfail(strict=True, reason=_ROUTE)),
    ("Canada's Start-up Visa Program will cap new applications at 10 a year per organisation.",
     {("Start-up Visa Program", "Canada")}),
    # "Golden Visa" as a country's scheme; a country adjective before it.
    ("Greece doubled the threshold for its Golden Visa to 800,000 euros in Athens.",
     {("Golden Visa", "Greece")}),
    ("Investors rushed to apply before the Portuguese Golden Visa dropped its property route.",
     {("Golden Visa", "Portugal")}),
    ("Spain scrapped its golden visa scheme on Thursday, ending residency-for-property.",
     {("golden visa", "Spain")}),
    # Codes.
    ("The E-2 treaty investor visa has no minimum investment in US law, lawyers say.",
     {("E-2", "United States")}),
    ("EB-5 investors must now put $800,000 into a US project.",
     {("EB-5", "United States")}),
    ("The O-1A visa, for people of extraordinary ability, is increasingly popular with US "
     "startup founders.",
     {("O-1A", "United States")}),
    pytest.param(
        "South Korea's D-10 visa lets graduates look for work for six months.",
         {("D-10 visa", "South Korea")},
        marks=pytest.mark.xfail(strict=True, reason=_CODE_FORM)),
    ("Workers on Australia's Skills in Demand visa can change employers more easily than on "
     "the old Temporary Skill Shortage visa.",
     {("Skills in Demand visa", "Australia"), ("Temporary Skill Shortage visa", "Australia")}),
    ("China's K visa for young science talent took effect on Oct. 1.",
     {("K visa", "China")}),
    ("Applicants for the H1B lottery in the US will pay a $215 registration fee.",
     {("H-1B", "United States")}),
    # Headline and body.
    ("Japan Expands J-Find Visa For Graduates\n"
     "TOKYO - Japan will widen its J-Find programme to graduates of 200 more universities.",
     {("J-Find", "Japan")}),
    # Possessives.
    ("Japan's J-Skip visa fast-tracks permanent residency for top researchers.",
     {("J-Skip", "Japan")}),
    ("The UAE's Golden Visa is now open to teachers and content creators.",
     {("Golden Visa", "United Arab Emirates")}),
    # Coordinated names.
    ("The US said the F-1 and J-1 visas would face extra social media checks.",
     {("F-1", "United States"), ("J-1", "United States")}),
    ("Britain's Skilled Worker and Global Talent visas will both cost more from April.",
     {("Skilled Worker visa", "United Kingdom"), ("Global Talent visa", "United Kingdom")}),
    # Renaming.
    pytest.param(
        "The Thailand Privilege card, formerly the Thailand Elite visa, now costs 650,000 baht "
         "for five years.",
         {("Thailand Privilege", "Thailand")},
        marks=pytest.mark.xfail(strict=True, reason=_LOWERCASE_CARD)),
    ("Canada's Express Entry system will hold more draws for French speakers, Ottawa said.",
     {("Express Entry", "Canada")}),
    ("The EU Blue Card salary threshold in Germany falls to 43,760 euros for shortage jobs.",
     {("EU Blue Card", "European Union")}),
    ("Indonesia launched a Golden Visa for investors in Bali, with a five-year option.",
     {("Golden Visa", "Indonesia")}),
    # Second batch, written after the first fixes and before running them.
    # (Expectation corrected after the run to fixtures/README.md's rule, "one fact under the short
    # or usual name": first annotated under the official long name.)
    (_J_FIND, {("J-Find", "Japan")}),
    ("Canada Expands Canadian Experience Class Draws\n"
     "OTTAWA - Immigration officials invited 3,000 candidates on Tuesday.",
     {("Canadian Experience Class", "Canada")}),
    ("Spain's non-lucrative visa requires proof of 28,800 euros a year in passive income.",
     {("non-lucrative visa", "Spain")}),
    ("Italy finally opened its digital nomad visa to remote workers earning 28,000 euros.",
     {("digital nomad visa", "Italy")}),
    ("The US EB-5 Immigrant Investor Program was reauthorised until 2027.",
     {("EB-5", "United States")}),
    ("Ireland's Critical Skills Employment Permit list was expanded to 40 more occupations.",
     {("Critical Skills Employment Permit", "Ireland")}),
    ("South Africa will launch a Remote Work Visa and a Critical Skills Visa overhaul, the home "
     "affairs minister said.",
     {("Remote Work Visa", "South Africa"), ("Critical Skills Visa", "South Africa")}),
    # Third batch, written before running it.
    ("US farms hired a record number of workers on H-2A and H-2B visas this summer.",
     {("H-2A", "United States"), ("H-2B", "United States")}),
    ("Care homes rely on Britain's Health and Care Worker visa, which now bars dependants.",
     {("Health and Care Worker visa", "United Kingdom")}),
    ("Dubai's Virtual Working Programme lets remote staff live in the emirate for a year.",
     {("Virtual Working Programme", "United Arab Emirates")}),
    ("LISBON, May 3 (Wire) - Portugal's D8 visa for digital nomads requires four times the "
     "minimum wage.",
     {("D8", "Portugal")}),
    ("Applicants for the Estonian Digital Nomad Visa must earn 4,500 euros a month.",
     {("Digital Nomad Visa", "Estonia")}),
    # Fourth batch, written before running it: several sentences and countries.
    ("Indian engineers are looking beyond the H-1B. Germany's EU Blue Card and Canada's Express "
     "Entry are drawing more of them, recruiters in Bengaluru say.",
     {("H-1B", "United States"), ("EU Blue Card", "European Union"), ("Express Entry", "Canada")}),
    ("SEOUL - South Korea will add 10,000 places to its E-9 scheme next year. The labour ministry "
     "said the quota for the E-8 seasonal worker visa would also rise.",
     {("E-9", "South Korea"), ("E-8", "South Korea")}),
    ("Malaysia Raises DE Rantau Fee\nThe DE Rantau Nomad Pass now costs more. Digital nomads from "
     "Britain and Australia make up most of its holders.",
     {("DE Rantau Nomad Pass", "Malaysia")}),
    ("Chinese students remain the largest group on the F-1 visa. Beijing, meanwhile, has launched "
     "its own K visa to lure young scientists back.",
     {("F-1", "United States"), ("K visa", "China")}),
    ("Applications for the Skilled Worker visa fell 30 per cent, Home Office data show. The Graduate "
     "visa, which lets students stay two years, will be cut to 18 months.",
     {("Skilled Worker visa", "United Kingdom"), ("Graduate visa", "United Kingdom")}),
    ("DUBAI - Golden Visa approvals hit a record last year. Holders can sponsor family members "
     "and stay outside the country for more than six months.",
     {("Golden Visa", "United Arab Emirates")}),
    # Fifth batch, written before running it: spelling variants and bare heads.
    ("Startups founded by L1 and O1 visa holders raised $2 billion, a US study found.",
     {("L-1", "United States"), ("O-1", "United States")}),
    ("Britain's Innovator Founder visa requires endorsement by an approved body.",
     {("Innovator Founder visa", "United Kingdom")}),
    ("BERLIN - Germany issued 70,000 Blue Cards last year, most to Indian graduates.",
     {("EU Blue Card", "European Union")}),
    ("Grandparents can visit Canada for up to five years at a time on the super visa.",
     {("super visa", "Canada")}),
]


NEGATIVES: list[str] = [
    "He arrived on a work permit and later applied for citizenship.",
    "Tourist visas for Chinese visitors were cut by half, the agency said.",
    "Thai visa-free entry for Indians was extended to 60 days.",
    "The Home Office said it would publish the figures next month.",
    "The Immigration Act 1971 gave ministers wide powers over entry.",
    "She applied for a Work visa after graduating, her lawyer said.",
    "Visa rules for students will be tightened, the minister said.",
    "Officials say visa waivers for Europeans will continue.",
    "The Department of Home Affairs processed 40,000 applications in March.",
    "Migration Advisory Committee chair Brian Bell said the salary thresholds were too low.",
    # Second batch.
    "US Citizenship and Immigration Services said green card holders must carry their cards.",
    "The Migration Act was amended to let the minister cap student numbers.",
    "A Visa card payment failed at the consulate, the traveller said.",
    "Permanent residency applications rose 12 per cent, Statistics Canada said.",
    "He was refused an Entry Permit at the border and sent back to Dubai.",
    # Third batch.
    "The Global Talent Network, a London charity, said migrants faced long waits.",
    "New Zealand's Student Loan Scheme will charge interest to borrowers overseas.",
    "Work Permit Services Ltd said its fees would rise in April.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_a_programme_named_the_way_news_names_it(
    extractor: FactExtractor, text: str, expected: set[Programme]
) -> None:
    found = _programmes(extractor, text)
    # Facts the gold format counts as optional (a long form beside the usual short name) may be there.
    assert found - _norm(OPTIONAL.get(text, set())) == _norm(expected)


@pytest.mark.parametrize("text", NEGATIVES)
def test_a_generic_phrase_is_no_programme(extractor: FactExtractor, text: str) -> None:
    assert _programmes(extractor, text) == set()
