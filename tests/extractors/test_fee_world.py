"""An invented challenge set for fees about the whole world (issue 3, round 3): short passages
written blind, before the pipeline ran on any of them, about visa and residence programmes of
many countries and kinds (work permits, seasonal schemes, digital nomad and golden visas, student,
family, humanitarian and retirement visas, e-visas and visas on arrival, citizenship by
investment, points-based routes, talent passes), stating fees the ways news does: the programme
in the same clause, an appositive, a sentence before, a list of several programmes each with its
fee, "the fee for the latter", "it costs", "the permit, which costs"; amounts in many currencies
and number writings; and money that is not a fee (salary and income bars, investment minimums,
proof of funds, deposits, fines, bonds, budgets, private agents' charges).

Each case is (text, expected facts); a fact is (programme, amount, currency, period). The
programme is compared without case, a leading "the" or a trailing "visa"; where news would name a
programme more than one way, the expected programme is a set of the names any one of which is
right (naming is the programme helper's job; which programme the fee belongs to is tested here).
"""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Fee, fees_in

Names = str | frozenset[str]
Expected = tuple[Names, float, str, str | None]


def _name(programme: object) -> str | None:
    if programme is None:
        return None
    name = str(programme).lower().strip()
    name = name.removeprefix("the ")
    return name.removesuffix(" visa").removesuffix(" visas")


def _matches(found: Fee, wanted: Expected) -> bool:
    names = {wanted[0]} if isinstance(wanted[0], str) else set(wanted[0])
    return (_name(found[0]) in names and found[1] == wanted[1] and found[2] == wanted[2]
            and found[3] == wanted[3])


def _alts(*names: str) -> frozenset[str]:
    return frozenset(names)


CASES: list[tuple[str, list[Expected]]] = [
    # --- Europe ---
    ("Portugal's D7 visa, popular with retirees, carries a consular fee of €90.",
     [("d7", 90, "EUR", None)]),
    ("Ireland's Critical Skills Employment Permit costs €1,000, and holders can bring their "
     "families after a year.",
     [(_alts("critical skills employment permit", "critical skills"), 1000, "EUR", None)]),
    ("Spain's digital nomad visa costs around €80 at consulates, though applicants must earn at "
     "least €2,762 a month.",
     [("digital nomad", 80, "EUR", None)]),
    ("Greece has raised the minimum investment for its Golden Visa to €800,000 in central Athens.",
     []),
    ("ATHENS (Reuters) - The Greek Golden Visa also carries a €2,000 application fee for the main "
     "applicant, lawyers said.",
     [(_alts("golden", "greek golden"), 2000, "EUR", None)]),
    ("Malta's Permanent Residence Programme charges a non-refundable administrative fee of €40,000.",
     [(_alts("permanent residence programme", "malta permanent residence programme"), 40000, "EUR", None)]),
    ("A Czech Employee Card costs CZK 2,500, the interior ministry says.",
     [("employee card", 2500, "CZK", None)]),
    ("Germany's EU Blue Card requires a gross annual salary of at least €48,300 in 2025.", []),
    ("Italy's digital nomad visa carries a €116 fee plus a €16 revenue stamp.",
     [("digital nomad", 116, "EUR", None), ("digital nomad", 16, "EUR", None)]),
    ("Norway's Seasonal Work Permit, which costs 6,300 kroner, lets fruit pickers stay for up to "
     "six months.",
     [("seasonal work permit", 6300, "NOK", None)]),
    ("Young Britons can choose between two schemes: the Working Holiday Visa and the Youth "
     "Mobility Scheme. The fee for the latter is £298.",
     [("youth mobility scheme", 298, "GBP", None)]),
    ("Estonia's Digital Nomad Visa lets remote workers stay for a year. It costs €100.",
     [(_alts("digital nomad", "estonian digital nomad", "estonia digital nomad"), 100, "EUR", None)]),
    ("The UK's family visa for spouses costs £1,938 from outside the country, and sponsors must "
     "earn at least £29,000 a year.",
     [(_alts("family", "spouse"), 1938, "GBP", None)]),
    ("Türkiye's e-Visa costs $60 for US citizens, the foreign ministry said.",
     [("e-visa", 60, "USD", None)]),
    # --- Gulf ---
    ("Dubai's Golden Visa costs about AED 2,800 in government fees, according to the GDRFA.",
     [("golden", 2800, "AED", None)]),
    ("Bahrain's Golden Residency Visa carries a fee of BHD 300, officials said.",
     [("golden residency", 300, "BHD", None)]),
    ("Oman's investor residency requires an investment of at least 250,000 rials.", []),
    ("Qatar charges QR500 for a family residence permit, the interior ministry said on Sunday.",
     [(_alts("family residence permit", "family residence"), 500, "QAR", None)]),
    # --- Asia ---
    ("The Long-Term Resident (LTR) visa costs 50,000 baht and is valid for ten years.",
     [(_alts("long-term resident", "ltr"), 50000, "THB", None)]),
    ("Indonesia's visa on arrival costs 500,000 rupiah (about $31) and is valid for 30 days.",
     [("visa on arrival", 500000, "IDR", None)]),
    ("Bali's second-home visa requires proof of funds of 2 billion rupiah in an Indonesian bank.",
     []),
    ("Workers under South Korea's Employment Permit System pay a visa fee of 60,000 won.",
     [("employment permit system", 60000, "KRW", None)]),
    ("South Korea's workation visa requires applicants to earn at least 84.96 million won a year.",
     []),
    ("India has cut the fee for its 30-day e-Tourist Visa to $10 during the lean season.",
     [("e-tourist", 10, "USD", None)]),
    ("Sri Lanka's Electronic Travel Authorisation costs US$50 for most visitors.",
     [(_alts("electronic travel authorisation", "eta"), 50, "USD", None)]),
    ("Malaysia's MM2H programme charges a processing fee of RM5,000 per applicant, on top of a "
     "fixed deposit of US$150,000.",
     [(_alts("mm2h", "malaysia my second home"), 5000, "MYR", None)]),
    ("The Thailand Privilege card costs 650,000 baht for a five-year membership.",
     [(_alts("thailand privilege", "thailand privilege card"), 650000, "THB", None)]),
    ("Singapore's ONE Pass carries an issuance fee of S$225.",
     [(_alts("one pass", "overseas networks & expertise pass"), 225, "SGD", None)]),
    ("Applicants to Hong Kong's Quality Migrant Admission Scheme pay HK$230 to apply and HK$1,300 "
     "when the visa is granted.",
     [("quality migrant admission scheme", 230, "HKD", None),
      ("quality migrant admission scheme", 1300, "HKD", None)]),
    ("Vietnam e-visa fee stays at $25 for single entry", [("e-visa", 25, "USD", None)]),
    ("An OCI card costs $275 for applicants abroad, or ₹15,000 in India.",
     [(_alts("oci", "oci card", "overseas citizenship of india"), 275, "USD", None),
      (_alts("oci", "oci card", "overseas citizenship of india"), 15000, "INR", None)]),
    ("Employers of foreign workers in Malaysia pay a levy of RM1,850 a year per worker under the "
     "Temporary Employment Visit Pass.",
     [("temporary employment visit pass", 1850, "MYR", "per_year")]),
    ("The Philippines' Special Resident Retiree's Visa requires a deposit of $10,000 from retirees "
     "who have a pension.",
     []),
    ("The consultancy charges ₹1.5 lakh to handle a German Opportunity Card application.", []),
    ("The government has set aside ₹500 crore to promote the e-visa scheme abroad.", []),
    ("Overstayers in Thailand are fined 500 baht a day, up to a maximum of 20,000 baht.", []),
    # --- Africa ---
    ("Kenya's eTA now costs $30 per traveller, the immigration department said.",
     [(_alts("eta", "electronic travel authorisation", "electronic travel authorization"), 30, "USD", None)]),
    ("South Africa's new remote work visa requires applicants to earn at least R1 million a year.",
     []),
    ("Visitors to Egypt can buy a visa on arrival for $25 at Cairo airport.",
     [("visa on arrival", 25, "USD", None)]),
    ("Nigeria's new e-visa costs $160 for a single-entry tourist visa, the Nigeria Immigration "
     "Service said.",
     [("e-visa", 160, "USD", None)]),
    ("The East Africa Tourist Visa costs $100 and covers Kenya, Rwanda and Uganda.",
     [("east africa tourist", 100, "USD", None)]),
    # --- Americas and the Caribbean ---
    ("Costa Rica's digital nomad visa costs $100, and applicants must earn $3,000 a month.",
     [("digital nomad", 100, "USD", None)]),
    ("Mexico's temporary resident visa carries a consular fee of 5,000 pesos.",
     [("temporary resident", 5000, "MXN", None)]),
    ("Colombia's digital nomad visa costs about 230,000 Colombian pesos.",
     [("digital nomad", 230000, "COP", None)]),
    ("Dominica's Citizenship by Investment programme requires a contribution of US$200,000 to the "
     "Economic Diversification Fund, plus a due diligence fee of US$7,500 per main applicant.",
     [(_alts("citizenship by investment", "citizenship by investment programme"), 7500, "USD", None)]),
    ("Employers in Canada's Seasonal Agricultural Worker Program pay a C$1,000 Labour Market Impact "
     "Assessment fee for each position.",
     [("seasonal agricultural worker program", 1000, "CAD", None)]),
    ("Applicants for Canada's humanitarian pathway for Sudanese nationals pay no processing fees, "
     "but must show C$13,757 in settlement funds.",
     []),
    ("Migrants granted humanitarian parole will pay a $1,000 fee under the new law.",
     [("humanitarian parole", 1000, "USD", None)]),
    ("The bill also sets a $500 fee for Temporary Protected Status applications.",
     [("temporary protected status", 500, "USD", None)]),
    ("Under the pilot, some visitors from Malawi and Zambia must post a visa bond of up to $15,000.",
     []),
    ("Among Latin American options, Brazil's digital nomad visa costs $100 and Argentina's costs "
     "$200.",
     [("digital nomad", 100, "USD", None), ("digital nomad", 200, "USD", None)]),
    # --- Oceania ---
    ("Under New Zealand's Recognised Seasonal Employer (RSE) scheme, workers pay a visa fee of "
     "NZ$315.",
     [(_alts("recognised seasonal employer", "rse", "recognised seasonal employer scheme",
             "recognised seasonal employer (rse) scheme", "rse scheme"), 315, "NZD", None)]),
    ("International students will pay A$2,000 for a student visa from July 1.",
     [("student", 2000, "AUD", None)]),
    ("Under the points-based system, a Skilled Independent visa (subclass 189) costs A$4,765.",
     [(_alts("skilled independent", "subclass 189"), 4765, "AUD", None)]),
    ("Palau's digital residency ID costs a one-off $248.",
     [(_alts("digital residency", "digital residency id"), 248, "USD", "one_time")]),
    # --- which programme: comparisons, appositives, a paragraph before, a list (added after the
    # first run, still blind) ---
    ("Unlike Portugal's D7 visa, Spain's Non-Lucrative Visa costs €80 to apply for.",
     [("non-lucrative", 80, "EUR", None)]),
    ("Australia's Skills in Demand visa costs A$3,210, while the Global Talent visa, which is aimed "
     "at top researchers, costs A$4,985.",
     [("skills in demand", 3210, "AUD", None), ("global talent", 4985, "AUD", None)]),
    ("Thailand introduced the Destination Thailand Visa last year for remote workers.\n\n"
     "Applicants must show savings of 500,000 baht. The application fee is 10,000 baht.",
     [("destination thailand", 10000, "THB", None)]),
    ("Portugal's visa fees at a glance: D7 visa €90; Golden Visa €5,325 per application; D8 visa €75.",
     [("d7", 90, "EUR", None), ("golden", 5325, "EUR", "per_petition"), ("d8", 75, "EUR", None)]),
    ("Canada's Start-up Visa Program is open to founders backed by an approved investor. The "
     "application costs C$2,140, and founders must also show C$14,690 in settlement funds.",
     [(_alts("start-up visa program", "start-up", "start-up visa"), 2140, "CAD", None)]),
]

# Cases the extractor does not handle yet, by index into CASES, with the reason.
XFAIL: dict[int, str] = {
    6: "programme not recognised: 'Czech Employee Card' (and with no programme the sentence has no "
       "visa word, so the amount is no fee)",
    21: "programme not recognised whole: 'Employment Permit System' is read as 'Employment Permit'",
    26: "programme not recognised: 'Thailand Privilege card' (and with no programme the sentence has "
        "no visa word, so the amount is no fee)",
    47: "programme not recognised: 'humanitarian parole'",
    48: "programme not recognised: 'Temporary Protected Status'",
    54: "programme not recognised: 'digital residency ID' (and with no programme the sentence has no "
        "visa word, so the amount is no fee)",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, id=f"w{i:02d}",
                     marks=[pytest.mark.xfail(strict=True, reason=XFAIL[i])] if i in XFAIL else [])
        for i, (t, e) in enumerate(CASES)
    ],
)
def test_world(extractor: FactExtractor, text: str, expected: list[Expected]) -> None:
    found = fees_in(extractor, text)
    missing = [w for w in expected if not any(_matches(f, w) for f in found)]
    extra = [f for f in found if not any(_matches(f, w) for w in expected)]
    assert (missing, extra, len(found)) == ([], [], len(expected)), found
