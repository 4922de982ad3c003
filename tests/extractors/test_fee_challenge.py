"""An invented challenge set for fees (issue 3, round 2): short passages written blind, before
the pipeline ran on any of them, in the ways wire, UK, Australian, Indian and US outlets state
visa fees: many currencies and spellings, ranges, periods, increases (the new level is the fee,
the old one history), several programmes in one sentence, fees in quotes and headlines, the
programme named a sentence earlier, surcharges and levies, and money that is not a fee.

Each case is (text, expected facts); a fact is (programme, amount, currency, period), the
programme compared without case and without a trailing "visa" so that naming is not tested here.
An old level of a changed fee ("up from €80") is history: as in the gold splits after train
(fixtures/README.md, "'up from' and earlier levels optional") it may be found or not, so the
cases list such levels in ``OPTIONAL`` (train's gold still annotates them as fees).
"""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Fee, fees_in


def _norm(fees: list[Fee]) -> list[Fee]:
    out = []
    for programme, amount, currency, period in fees:
        name = str(programme).lower().removesuffix(" visa") if programme is not None else None
        out.append((name, amount, currency, period))
    return sorted(out, key=repr)


CASES: list[tuple[str, list[Fee]]] = [
    # --- currencies and spellings ---
    ("The administration will charge employers US$100,000 for each new H-1B petition.",
     [("h-1b", 100000, "USD", "per_petition")]),
    ("Firms sponsoring an H-1B worker now face a $100k fee, the White House said.",
     [("h-1b", 100000, "USD", None)]),
    ("Employers must pay 100,000 dollars for every new H-1B visa, officials said on Friday.",
     [("h-1b", 100000, "USD", None)]),
    ("Indian students applying for the F-1 visa pay a visa application fee of Rs 16,000 at the consulate.",
     [("f-1", 16000, "INR", None)]),
    ("The application fee for the Skilled Worker visa goes up to £1,035 next month.",
     [("skilled worker", 1035, "GBP", None)]),
    ("A Schengen visa now costs €90, up from €80.",
     [("schengen", 90, "EUR", None)]),
    ("The fee for a working holiday visa has climbed to A$650.",
     [("working holiday", 650, "AUD", None)]),
    ("China's K visa costs 800 yuan for a single entry, according to the embassy.",
     [("k", 800, "CNY", None)]),
    ("Applicants for the Z visa pay CNY 800 at the visa centre.",
     [("z", 800, "CNY", None)]),
    ("Japan's new digital nomad visa carries a fee of 3,000 yen.",
     [("digital nomad", 3000, "JPY", None)]),
    ("Under the EB-5 programme, the I-526E petition fee is now $11,160.",
     [("eb-5", 11160, "USD", None)]),
    ("The Opportunity Card costs 75 euros, the German foreign office says.",
     [("opportunity card", 75, "EUR", None)]),
    # --- periods ---
    ("The H-1B fee of $100,000 will be paid annually by employers.",
     [("h-1b", 100000, "USD", "per_year")]),
    ("Migrants on the Skilled Worker visa pay the Immigration Health Surcharge of £1,035 a year.",
     [("skilled worker", 1035, "GBP", "per_year")]),
    ("The Gold Card carries a one-off fee of $1 million, Commerce Secretary Howard Lutnick said.",
     [("gold card", 1000000, "USD", "one_time")]),
    ("Employers will pay $215 for each H-1B registration, up from $10.",
     [("h-1b", 215, "USD", None)]),
    ("The Global Talent visa application costs £716 per person.",
     [("global talent", 716, "GBP", None)]),
    ("Express Entry candidates pay C$1,525 per application for permanent residence.",
     [("express entry", 1525, "CAD", "per_petition")]),
    # --- increases: the new level is the fee ---
    ("The Immigration Health Surcharge for Skilled Worker visa holders rises from £624 to £1,035 a year.",
     [("skilled worker", 1035, "GBP", "per_year")]),
    ("The price of a Graduate visa was raised from £715 to £880 in April.",
     [("graduate", 880, "GBP", None)]),
    ("Fees for the EU Blue Card will double to €140 from €70, the ministry said.",
     [("eu blue card", 140, "EUR", None)]),
    # --- ranges and "up to" / "from" (one fee with the low end, fixtures/README.md) ---
    ("Fees for the Skilled Worker visa range from £769 to £1,751, depending on the length of stay.",
     [("skilled worker", 769, "GBP", None)]),
    # --- several programmes in one sentence ---
    ("The L-1 fee rises to $1,385 and the O-1 fee to $1,055 under the new schedule.",
     [("l-1", 1385, "USD", None), ("o-1", 1055, "USD", None)]),
    ("A Z visa costs 800 yuan, while an R visa costs 1,000 yuan.",
     [("z", 800, "CNY", None), ("r", 1000, "CNY", None)]),
    # --- fees in quotes ---
    ('"The H-1B fee will be $100,000 a year," Lutnick told reporters in the Oval Office.',
     [("h-1b", 100000, "USD", "per_year")]),
    ('"We are paying £1,035 a year for the health surcharge on top of the Skilled Worker visa fee," '
     "said one nurse.",
     [("skilled worker", 1035, "GBP", "per_year")]),
    # --- fees in headlines ---
    ("Trump slaps $100,000 fee on H-1B visas\n\nThe White House on Friday announced the new charge.",
     [("h-1b", 100000, "USD", None)]),
    # --- programme named earlier or by "the visa" ---
    ("China launched the K visa on October 1. The visa costs 800 yuan for most applicants.",
     [("k", 800, "CNY", None)]),
    ("The government has overhauled the Global Talent visa. Applicants will pay a fee of £766.",
     [("global talent", 766, "GBP", None)]),
    # --- surcharges and levies ---
    ("Sponsors of Skilled Worker visa holders must also pay the Immigration Skills Charge of £1,000 "
     "a year for each worker.",
     [("skilled worker", 1000, "GBP", "per_year")]),
    # --- negatives: money that is not a fee ---
    ("The Skilled Worker visa requires a salary of at least £41,700 a year.", []),
    ("H-1B workers earn a median salary of $118,000, according to the agency.", []),
    ("The EB-5 programme requires an investment of at least $800,000 in a targeted area.", []),
    ("Companies that break the H-1B rules can be fined up to $50,000.", []),
    ("Opportunity Card applicants must show €1,091 a month in a blocked account.", []),
    ("K visa applications are processed within 10 working days.", []),
    ("Immigration lawyers typically charge $5,000 to prepare an H-1B petition.", []),
    ("Infosys, one of the largest users of the H-1B visa, reported revenue of $4.8 billion for the "
     "quarter.", []),
    ("The Gold Card is aimed at people who can pay, Lutnick said, adding that the average "
     "applicant has a net worth of $10 million.", []),
    ("Express Entry applicants must show proof of funds of C$14,690 for a single person.", []),
    # --- more currencies, written after the first run, still blind ---
    ("India's e-visa for business travellers costs ₹10,000, the ministry said.",
     [("e-visa", 10000, "INR", None)]),
    ("Singapore's Employment Pass application fee is S$105, and each pass issued costs S$225.",
     [("employment pass", 105, "SGD", None), ("employment pass", 225, "SGD", None)]),
    ("Hong Kong's Top Talent Pass Scheme charges HK$230 per application.",
     [("top talent pass scheme", 230, "HKD", "per_petition")]),
    ("Brazil's digital nomad visa fee is R$ 168,13 at most consulates.",
     [("digital nomad", 168.13, "BRL", None)]),
    ("A single-entry K visa costs ¥800 for most nationalities.",
     [("k", 800, "CNY", None)]),
    ("Japan's business manager visa will require applicants to pay about 1.2 million yen in fees, "
     "the Nikkei reported.",
     [("business manager", 1200000, "JPY", None)]),
    ("The Golden Visa costs up to AED 4,000 to process, officials said.",
     [("golden", 4000, "AED", None)]),
    ("Under the Skilled Worker visa, the fee starts from £769.",
     [("skilled worker", 769, "GBP", None)]),
    ("Holders of the Gold Card pay a $15,000 processing fee every two years.",
     [("gold card", 15000, "USD", None)]),
    ("The Destination Thailand Visa costs 10,000 baht per applicant.",
     [("destination thailand", 10000, "THB", None)]),
]

# Old levels a case may find or not, by index into CASES.
OPTIONAL: dict[int, list[Fee]] = {
    5: [("schengen", 80, "EUR", None)],
    15: [("h-1b", 10, "USD", None)],
    18: [("skilled worker", 624, "GBP", "per_year"), ("skilled worker", 624, "GBP", None)],
    19: [("graduate", 715, "GBP", None)],
    20: [("eu blue card", 70, "EUR", None)],
}

# Cases the extractor does not handle yet, by index into CASES, with the reason.
XFAIL: dict[int, str] = {
    43: "a decimal comma (\"R$ 168,13\") is not read as a decimal by design (money_numbers: "
        "\"1,50 euros\" is no amount); reading it needs the currency sign's context",
}


@pytest.mark.parametrize(
    ("text", "expected", "optional"),
    [
        pytest.param(t, e, OPTIONAL.get(i, []), id=f"c{i:02d}",
                     marks=[pytest.mark.xfail(strict=True, reason=XFAIL[i])] if i in XFAIL else [])
        for i, (t, e) in enumerate(CASES)
    ],
)
def test_challenge(extractor: FactExtractor, text: str, expected: list[Fee], optional: list[Fee]) -> None:
    allowed = _norm(optional)
    assert [f for f in _norm(fees_in(extractor, text)) if f not in allowed] == _norm(expected)
