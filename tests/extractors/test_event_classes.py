"""Event recognition by class, on sentences written for these tests in many
forms: date forms the tagger misses, verbs of each event type, and the
clauses that say an event did not or may not happen (publication Monday
2025-09-29 unless named)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in

DECEMBER = date(2025, 12, 18)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # three-letter months the tagger calls a law, a product or a person
        ("China launched the K visa on Sep 3.", "2025-09-03"),
        ("China launched the K visa on Feb 1.", "2025-02-01"),
        ("China launched the K visa on 3 Mar.", "2025-03-03"),
        # ordinals, parts of the day, clock times the parse hangs the day on
        ("China will launch the K visa on the first of October.", "2025-10-01"),
        ("China announced the K visa on Monday night.", "2025-09-29"),
        ("China announced the K visa this past Friday.", "2025-09-26"),
        ("The H-1B fee took effect at 12:01 a.m. Eastern time on Sunday.", "2025-09-28"),
        ("The H-1B rule takes effect on Tues., Oct. 7.", "2025-10-07"),
        ("The H-1B rule takes effect on October 1st, 2025.", "2025-10-01"),
        ("The H-1B rule takes effect on 2025-10-15.", "2025-10-15"),
    ],
)
def test_day_forms_in_sentences(extractor: FactExtractor, text: str, day: str) -> None:
    [(_, _, got, precision)] = events_in(extractor, text)
    assert (got, precision) == (day, "day")


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("The K visa will launch later this month.", "2025-09"),
        ("The H-1B rule will take effect later this month.", "2025-09"),
        ("The K visa will launch in the first week of May.", "2026-05"),
        ("The K visa launched in October of last year.", "2024-10"),
        ("The K visa will launch in March of next year.", "2026-03"),
        ("The EU Blue Card rules take effect this October.", "2025-10"),
        ("The K visa launched earlier in September.", "2025-09"),
    ],
)
def test_month_forms_in_sentences(extractor: FactExtractor, text: str, month: str) -> None:
    [(_, _, got, precision)] = events_in(extractor, text)
    assert (got, precision) == (month, "month")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The K visa will launch on Jan. 5.", DECEMBER, ("K visa", "launched", "2026-01-05", "day")),
        ("The H-1B rule takes effect in February.", DECEMBER, ("H-1B", "takes_effect", "2026-02", "month")),
        ("China unveiled the K visa on Jan. 5.", DECEMBER, ("K visa", "announced", "2025-01-05", "day")),
        ("Trump signed the H-1B proclamation on Sept. 19.", date(2026, 3, 3),
         ("H-1B", "signed", "2025-09-19", "day")),
        ("The H-1B rule took effect on Dec. 1.", date(2026, 1, 10),
         ("H-1B", "takes_effect", "2025-12-01", "day")),
        # a passive under "will" lies ahead
        ("The Global Talent visa will be wound down in March.", date(2025, 9, 29),
         ("Global Talent visa", "ended", "2026-03", "month")),
        ("The Global Talent visa is to be scrapped in April.", date(2025, 9, 29),
         ("Global Talent visa", "ended", "2026-04", "month")),
    ],
)
def test_the_year_follows_the_tense_across_new_year(
    extractor: FactExtractor, text: str, published: date, expected: Event
) -> None:
    assert events_in(extractor, text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government discontinued the Global Talent visa in March.", "ended"),
        ("The government cancelled the Global Talent visa in March.", "ended"),
        ("The government shut the Global Talent visa in March.", "ended"),
        ("The government axed the Global Talent visa in March.", "ended"),
        ("The Home Office phased out the Global Talent visa in March.", "ended"),
        ("The State Department put Global Talent visa interviews on hold in March.", "suspended"),
        ("The Global Talent visa rules became effective in March.", "takes_effect"),
        ("The Global Talent visa went on sale in March.", "launched"),
    ],
)
def test_verbs_of_each_type(extractor: FactExtractor, text: str, expected: str) -> None:
    assert events_in(extractor, text) == [("Global Talent visa", expected, "2025-03", "month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The launch of the K visa on Oct. 1 drew crowds.", ("K visa", "launched", "2025-10-01", "day")),
        ("The signing of the H-1B proclamation on Sept. 19 caught firms off guard.",
         ("H-1B", "signed", "2025-09-19", "day")),
        ("The H-1B rule's entry into force on Oct. 1 looms.", ("H-1B", "takes_effect", "2025-10-01", "day")),
        ("The H-1B fee, in effect since Sept. 21, has cut filings.",
         ("H-1B", "takes_effect", "2025-09-21", "day")),
        ("The K visa, available since Sept. 1, has drawn crowds.",
         ("K visa", "launched", "2025-09-01", "day")),
        ("Express Entry draws have been on hold since June.",
         ("Express Entry", "suspended", "2025-06", "month")),
    ],
)
def test_nouns_and_states_that_date_an_event(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The H-1B fee applies starting in January.", ("H-1B", "takes_effect", "2026-01", "month")),
        ("The new H-1B fee is effective Oct. 1.", ("H-1B", "takes_effect", "2025-10-01", "day")),
        ("H-1B registration opens from March 1 to March 31.", ("H-1B", "launched", "2026-03-01", "day")),
        ("Canada paused Express Entry draws from March to May.",
         ("Express Entry", "suspended", "2025-03", "month")),
        # a permission from a date is no guess
        ("Employers may file H-1B petitions from Oct. 1.", ("H-1B", "takes_effect", "2025-10-01", "day")),
    ],
)
def test_periods_start_once(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # speculative
        "The K visa could launch in March.",
        "The K visa might launch in March.",
        "The K visa may launch in March.",
        "The H-1B fee might not apply from Oct. 1.",
        # conditional or hypothetical
        "The H-1B fee would take effect on Oct. 1 if Congress approves it.",
        "The H-1B fee would take effect on Oct. 1, provided Congress approves it.",
        "If approved, the H-1B fee would take effect on Oct. 1.",
        "The H-1B fee, if upheld, would apply from Oct. 1.",
        "Under the proposal, the H-1B fee would rise on Oct. 1.",
        # negated, or not yet
        "The K visa never launched in October.",
        "The K visa has yet to launch in October.",
        "The K visa is unlikely to launch in March.",
        "There are no plans to scrap the Global Talent visa in March.",
        "The government has no plans to end the Global Talent visa in March.",
        # wanted, asked for, refused or failed
        "The K visa failed to launch on Oct. 1.",
        "A court declined to suspend the H-1B fee on Friday.",
        "A judge refused to block the H-1B fee on Friday.",
        "Critics urged the government to suspend the H-1B fee on Friday.",
        "Lawmakers asked DHS on Friday to scrap the H-1B fee.",
        # scheduled, then derailed
        "The K visa was due to launch on Oct. 1 but was delayed.",
        "The H-1B rule, originally set to take effect on Oct. 1, was postponed.",
        "The government postponed the H-1B rule, which was due to take effect on Oct. 1.",
        "The K visa was supposed to launch on Oct. 1.",
    ],
)
def test_events_that_did_not_or_may_not_happen(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The K visa is expected to launch on Oct. 1.", ("K visa", "launched", "2025-10-01", "day")),
        ("The K visa is scheduled to launch on Oct. 1.", ("K visa", "launched", "2025-10-01", "day")),
        ("Officials said the K visa would launch on Oct. 1.", ("K visa", "launched", "2025-10-01", "day")),
        # a "would" with its source named reports a plan
        ("The H-1B fee would rise to $250 from Oct. 1, according to the notice.",
         ("H-1B", "takes_effect", "2025-10-01", "day")),
        # a schedule that could still be stopped stands
        ("The H-1B fee will take effect on Oct. 1 unless a court blocks it.",
         ("H-1B", "takes_effect", "2025-10-01", "day")),
        ("The Global Talent visa will end on March 31, the government said on Tuesday.",
         ("Global Talent visa", "ended", "2026-03-31", "day")),
    ],
)
def test_schedules_and_reported_plans_are_events(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a number of people's documents ended, not the programme
        "The State Department cancelled 6,000 F-1 student visas in August.",
        "The State Department revoked thousands of F-1 visas in August.",
        # the launch of something else
        "The launch of a recruitment campaign for the K visa on Oct. 1 drew crowds.",
        # a company's or a university's own practice
        "The company suspended hiring of H-1B workers on Monday.",
        # one holder's visa
        "Her F-1 visa was revoked in May.",
        "The university closed its campus on Monday, disrupting F-1 students.",
        # more of the programme's slots are no launch
        "The K visa drew interest.\nMore appointments became available on Monday.",
    ],
)
def test_what_is_not_the_programmes_own_event(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Global Talent visa ceased on March 31.", ("Global Talent visa", "ended", "2025-03-31", "day")),
        ("China banned new R visa applications in March.", ("R visa", "suspended", "2025-03", "month")),
        ("The R visa ban in March hit recruiters.", ("R visa", "suspended", "2025-03", "month")),
        ("The reopening of the Global Talent visa on Aug. 4 drew scientists.",
         ("Global Talent visa", "launched", "2025-08-04", "day")),
        # a suspension that takes effect is the suspension
        ("The suspension of the H-1B fee took effect on Friday.", ("H-1B", "suspended", "2025-09-26", "day")),
        ("The H-1B ban comes into force on Oct. 1.", ("H-1B", "suspended", "2025-10-01", "day")),
    ],
)
def test_more_words_of_ending_pausing_and_reopening(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]


def test_a_pilot_named_before_is_pointed_back_to(extractor: FactExtractor) -> None:
    text = ("Canada has paused its Home Care Worker Immigration Pilots.\n"
            "The minister said the department would reopen the pilots by the end of March next year.")
    assert events_in(extractor, text, date(2025, 10, 9)) == [
        ("Home Care Worker Immigration Pilots", "launched", "2026-03", "month")
    ]


def test_a_nouns_date_near_the_publication_date_is_that_day_whatever_the_clause_tense(
    extractor: FactExtractor,
) -> None:
    text = "China's K visa drew crowds ahead of the launch on Oct. 15."
    assert events_in(extractor, text) == [("K visa", "launched", "2025-10-15", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bill introduced or tabled is proposed, not launched
        ("Senators introduced a bill on Tuesday that would cap H-1B visas.",
         [("H-1B", "proposed", "2025-09-23", "day")]),
        ("Two senators introduced legislation on Tuesday to scrap the H-1B lottery.",
         [("H-1B", "proposed", "2025-09-23", "day")]),
        ("The opposition tabled an amendment on the Skilled Worker visa on Tuesday.",
         [("Skilled Worker visa", "proposed", "2025-09-23", "day")]),
        # laying out plans or changes announces them; laying out figures does not
        ("The Home Office outlined the Skilled Worker visa changes in May.",
         [("Skilled Worker visa", "announced", "2025-05", "month")]),
        ("The Home Office revealed plans for the Skilled Worker visa in May.",
         [("Skilled Worker visa", "announced", "2025-05", "month")]),
        ("Data revealed on Monday that H-1B filings fell.", []),
        # a bill passed or a vote to act is neither
        ("Congress passed the H-1B reform bill on Friday.", []),
        ("The Senate voted on Friday to suspend the H-1B fee.", []),
    ],
)
def test_bills_proposals_and_announcements(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


def test_an_event_verb_the_parse_lost_is_read_left_of_the_date(extractor: FactExtractor) -> None:
    # the parser reads "USCIS suspended premium processing" as one noun phrase
    text = "USCIS suspended premium processing for H-1B petitions on Monday."
    assert events_in(extractor, text) == [("H-1B", "suspended", "2025-09-29", "day")]
    # a verb of another kind stops the scan
    assert events_in(extractor, "H-1B filings have dropped since Sept. 21.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The K visa will not launch until March.", [("K visa", "launched", "2026-03", "month")]),
        ("The H-1B rule won't take effect until Jan. 1.", [("H-1B", "takes_effect", "2026-01-01", "day")]),
        ("The H-1B rule did not take effect until Jan. 5.", [("H-1B", "takes_effect", "2025-01-05", "day")]),
        ("The K visa did not launch in March.", []),
    ],
)
def test_not_until_a_date_is_the_event_then(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # launching or announcing an inquiry about a programme is no event of it
        ("The Home Office launched a consultation on the Skilled Worker visa on Tuesday.", []),
        ("DHS announced a review of the H-1B program on Monday.", []),
        # taking applications from a date is a launch then
        ("Applications for the K visa will be accepted from Oct. 1.",
         [("K visa", "launched", "2025-10-01", "day")]),
        ("The H-1B rules came into operation on Sept. 21.", [("H-1B", "takes_effect", "2025-09-21", "day")]),
        ("The Home Office rolled back the Skilled Worker visa changes in March.",
         [("Skilled Worker visa", "ended", "2025-03", "month")]),
    ],
)
def test_inquiries_applications_and_operation(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The pause on Express Entry draws ended in July.",
        "The H-1B freeze expired on Sept. 30.",
        "Express Entry resumed after a pause that ended in July.",
    ],
)
def test_the_end_of_a_pause_is_no_end_of_the_programme(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


def test_a_day_first_date_that_ends_its_sentence_keeps_to_its_sentence(extractor: FactExtractor) -> None:
    text = ("Germany's Opportunity Card, which went live on 1 June 2024, has drawn 80,000 applicants.\n"
            "The Federal Foreign Office said on Thursday that it would simplify the points test "
            "from 1 January.\n"
            "Under a draft law approved by the cabinet on Wednesday, applicants could also bring "
            "family members.")
    assert events_in(extractor, text, date(2025, 11, 21)) == [
        ("Opportunity Card", "launched", "2024-06-01", "day"),
        ("Opportunity Card", "takes_effect", "2026-01-01", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada set up Express Entry in January 2015.", [("Express Entry", "launched", "2015-01", "month")]),
        ("Canada set up the Express Entry system in May 2015.",
         [("Express Entry", "launched", "2015-05", "month")]),
        ("The O-1 visa category was founded in October 1990.", [("O-1", "launched", "1990-10", "month")]),
        ("Trump set up a task force on the H-1B visa in March.", []),
    ],
)
def test_setting_up_or_founding_a_programme_launches_it(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "by" a date under an obligation is a deadline
        ("Member states must end the EU Blue Card pilot by June.", []),
        ("The Home Office will have to close the Global Talent visa route to new students by March.", []),
        # "by" a date of a plan is the event's date
        ("The K visa will launch by Oct. 15.", [("K visa", "launched", "2025-10-15", "day")]),
        ("Britain will reopen the Global Talent visa to new applicants by the end of October.",
         [("Global Talent visa", "launched", "2025-10", "month")]),
    ],
)
def test_by_a_date_is_a_deadline_only_under_an_obligation(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of the speech dates no past event the speech reports, whatever the parse
        ("China said on Tuesday it had suspended the R visa.", []),
        ("China said Tuesday it had suspended the R visa.", []),
        ("A spokesman told reporters on Tuesday that China had suspended the R visa.", []),
        # a plan it announces, and an event it names by its own day, still count
        ("The Home Office said on Tuesday that it would replace the Skilled Worker visa with a new route.",
         [("Skilled Worker visa", "announced", "2025-09-23", "day")]),
        ("The ministry said Tuesday's launch of the K visa went smoothly.",
         [("K visa", "launched", "2025-09-23", "day")]),
    ],
)
def test_the_day_of_a_speech_dates_only_what_it_announces(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China's State Council approved the K visa in August.",
         [("K visa", "announced", "2025-08", "month")]),
        ("The K visa was approved by the State Council in August.",
         [("K visa", "announced", "2025-08", "month")]),
        # petitions approved, one person's visa approved: no programme event
        ("USCIS approved 85,000 H-1B petitions in March.", []),
        ("USCIS approved her H-1B visa in March.", []),
    ],
)
def test_approving_a_programme_announces_it(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Global Talent visa, first piloted in March 2019, drew scientists.",
         ("Global Talent visa", "launched", "2019-03", "month")),
        ("The Global Talent visa came into being in February 2020.",
         ("Global Talent visa", "launched", "2020-02", "month")),
        ("The Global Talent visa has existed since February 2020.",
         ("Global Talent visa", "launched", "2020-02", "month")),
        ("The H-1B rules went into operation on Sept. 21.", ("H-1B", "takes_effect", "2025-09-21", "day")),
    ],
)
def test_a_programme_piloted_brought_into_being_or_existing_since(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the parser finds no verb in these; a day named by an event noun is one gone by
        "The H-1B fee's suspension on Friday relieved employers.",
        "Friday's suspension of the H-1B fee relieved employers.",
    ],
)
def test_an_event_nouns_weekday_with_no_verb_parsed_is_past(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == [("H-1B", "suspended", "2025-09-26", "day")]


@pytest.mark.parametrize(
    "text",
    [
        # a duration written as an adjective is no date
        "The threshold for a 10-year Golden Visa falls to $3 million.",
        "Investors need $1 million for the five-year Golden Visa, which rises in price.",
        # a span of time that ends or begins is a calendar, not the programme's end or start
        "H-1B filings rose 12% in the fiscal year that ended in September.",
        "The H-1B lottery results came in the quarter that began in April.",
    ],
)
def test_durations_and_spans_of_time_make_no_event(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a right the rule has given since the date: it took effect then
        ("Since March 1, holders of the EU Blue Card have been able to change jobs freely.",
         ("EU Blue Card", "takes_effect", "2025-03-01", "day")),
        ("Since June 2024, EU Blue Card holders have been entitled to bring their parents.",
         ("EU Blue Card", "takes_effect", "2024-06", "month")),
        # a bill presented to a parliament is proposed
        ("Spain will close the Golden Visa under a bill presented to parliament on Tuesday.",
         ("Golden Visa", "proposed", "2025-09-23", "day")),
        ("The minister presented the Golden Visa bill to parliament on Friday.",
         ("Golden Visa", "proposed", "2025-09-26", "day")),
    ],
)
def test_rights_since_a_date_and_bills_presented(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parse hangs "from <day>" on a noun of the object; the clause's change starts then
        ("Britain will raise the Skilled Worker visa fee that employers pay for each worker they sponsor "
         "by a third from April 6.", [("Skilled Worker visa", "takes_effect", "2026-04-06", "day")]),
        # a baseline, and a noun phrase with no event verb over it, start nothing
        ("The Skilled Worker visa fee rose 20% from last year.", []),
        ("Visas for workers from January are processed under the Skilled Worker visa.", []),
    ],
)
def test_a_start_hung_on_a_noun_belongs_to_its_clause(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event noun scheduled for a day, with no infinitive of its own
        ("The K visa launch was set for Oct. 1.", [("K visa", "launched", "2025-10-01", "day")]),
        ("The K visa launch is scheduled for Oct. 1.", [("K visa", "launched", "2025-10-01", "day")]),
        ("The launch of the K visa is due on Oct. 1.", [("K visa", "launched", "2025-10-01", "day")]),
        ("The meeting was set for Oct. 1 to discuss the K visa.", []),
        # filings made after a day under a rule to come: the rule starts that day
        ("Applications for the EU Blue Card submitted after 1 July must include a contract.",
         [("EU Blue Card", "takes_effect", "2026-07-01", "day")]),
        ("Applications filed after the deadline were rejected under the H-1B rules.", []),
        # a rule in the active present perfect since a day; a programme offered since a month
        ("Since 1 March, the EU Blue Card has required a salary of €43,800.",
         [("EU Blue Card", "takes_effect", "2025-03-01", "day")]),
        ("The Opportunity Card has been offered since January 2024.",
         [("Opportunity Card", "launched", "2024-01", "month")]),
        ("Since June, USCIS has issued 5,000 H-1B visas.", []),
    ],
)
def test_schedules_filings_and_rules_since(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a government body approving a programme's reform or plan announces it
        ("The government approved the Golden Visa reform on Tuesday.",
         [("Golden Visa", "announced", "2025-09-23", "day")]),
        ("The Golden Visa reform was approved by the cabinet on Tuesday.",
         [("Golden Visa", "announced", "2025-09-23", "day")]),
        ("Shareholders approved the merger plan on Tuesday, the H-1B employer said.", []),
        # a registration period that opens is no span of time passing
        ("The H-1B registration period opens on March 7.", [("H-1B", "launched", "2026-03-07", "day")]),
    ],
)
def test_approved_reforms_and_periods_that_open(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated change to a programme's rules or scope takes effect then, whatever its verb
        ("The Golden Visa was overhauled in October 2023.",
         [("Golden Visa", "takes_effect", "2023-10", "month")]),
        ("The K visa was expanded to include researchers on Monday.",
         [("K visa", "takes_effect", "2025-09-29", "day")]),
        ("The Home Office tightened the Graduate visa rules in January.",
         [("Graduate visa", "takes_effect", "2025-01", "month")]),
        ("The ministry added two categories to the Golden Visa in March.",
         [("Golden Visa", "takes_effect", "2025-03", "month")]),
        # a company's own practice, or a deadline moved, changes no programme
        ("The company expanded its H-1B hiring in March.", []),
        ("The firm added 5,000 H-1B workers in March.", []),
        # a rule change dated by its year only is background
        ("The EU Blue Card rules were overhauled in 2021.", []),
        ("The ministry extended the deadline for Opportunity Card applications to March 1.", []),
    ],
)
def test_a_dated_rule_change_takes_effect(extractor: FactExtractor, text: str, expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lede's price change with no programme named: the one the next sentence prices
        ("Britain will raise the levy that employers pay for each worker they sponsor from April 6.\n"
         "The Immigration Skills Charge, paid for every Skilled Worker visa holder, will rise to £1,420.",
         [("Skilled Worker visa", "takes_effect", "2026-04-06", "day")]),
    ],
)
def test_a_lede_price_is_the_one_the_next_sentence_prices(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected
