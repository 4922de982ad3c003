"""Event forms of real news, one small test each: which word names the event,
which programme it happens to, and which date it has (publication 2025-09-29)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    "text",
    [
        "The White House unveiled a $100,000 H-1B fee.\nTrump signed the proclamation on Friday.",
        "The White House unveiled a $100,000 H-1B fee.\nThe order, which Trump signed on Friday, was brief.",
        "The White House unveiled a $100,000 H-1B fee.\nOn Friday Trump signed the order.",
    ],
)
def test_the_object_of_the_trigger_points_back_to_the_programme(extractor: FactExtractor, text: str) -> None:
    assert ("H-1B", "signed", "2025-09-26", "day") in events_in(extractor, text)


def test_the_noun_a_participle_modifies_is_the_programme_not_the_foil(extractor: FactExtractor) -> None:
    text = ("The K category, first announced by the State Council in August, needs no invitation letter, "
            "unlike the Z work visa or the R visa.")
    assert events_in(extractor, text) == [("K visa", "announced", "2025-08", "month")]


def test_a_relative_pronoun_stands_for_the_noun_of_its_clause(extractor: FactExtractor) -> None:
    text = ("Trump created a gold card visa.\n"
            "The card, which the Commerce Department says will open for applications on Nov. 1, "
            "costs $1 million.")
    assert events_in(extractor, text) == [("Gold Card", "launched", "2025-11-01", "day")]


def test_two_events_in_one_sentence(extractor: FactExtractor) -> None:
    text = "The policy on H-1B visas, announced Friday, takes effect Sunday."
    assert events_in(extractor, text) == [
        ("H-1B", "announced", "2025-09-26", "day"), ("H-1B", "takes_effect", "2025-10-05", "day")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China's K visa drew crowds ahead of the launch on Oct. 1.",
         ("K visa", "launched", "2025-10-01", "day")),
        ("The H-1B fee's introduction last month rattled employers.",
         ("H-1B", "launched", "2025-08", "month")),
        ("Since its rollout in March, the Opportunity Card has drawn 50,000 applicants.",
         ("Opportunity Card", "launched", "2025-03", "month")),
        ("Lawyers criticised the suspension on Tuesday of new F-1 interviews.",
         ("F-1", "suspended", "2025-09-23", "day")),
    ],
)
def test_a_trigger_noun_before_the_date(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Trump created a gold card visa.\nApplications open on Nov. 1.",
        "Trump created a gold card visa.\nThe application portal opens on Nov. 1.",
    ],
)
def test_a_part_of_the_programme_opens(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == [("Gold Card", "launched", "2025-11-01", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new H-1B fee applies from Oct. 1.", ("H-1B", "takes_effect", "2025-10-01", "day")),
        ("The H-1B fee applies starting Sunday.", ("H-1B", "takes_effect", "2025-10-05", "day")),
        ("Beginning Oct. 1, applicants for the K visa can apply online.",
         ("K visa", "takes_effect", "2025-10-01", "day")),
        ("The EU Blue Card rules apply as of Jan. 1.", ("EU Blue Card", "takes_effect", "2026-01-01", "day")),
        ("The Skilled Worker visa salary threshold rises to £41,700 from Oct. 22.",
         ("Skilled Worker visa", "takes_effect", "2025-10-22", "day")),
        ("Employers on the Skilled Worker visa will pay £1,320 a year per worker from Dec. 16, "
         "up from £1,000.",
         ("Skilled Worker visa", "takes_effect", "2025-12-16", "day")),
        ("The revised EU Blue Card directive, which member states had to apply from November 2023, "
         "lowered the salary bar.", ("EU Blue Card", "takes_effect", "2023-11", "month")),
    ],
)
def test_the_start_of_a_period_is_when_it_takes_effect(extractor: FactExtractor, text: str,
                                                        expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Applications for H-1B visas rose 20% from last year.",
        "From 2019 to 2023, H-1B approvals fell by a third.",
        "H-1B filings have dropped since Sept. 21.",
        "Data from March show the K visa drew few applicants.",
    ],
)
def test_a_baseline_or_a_range_is_no_start(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


def test_effective_immediately_is_dated_by_its_sentence_or_publication(extractor: FactExtractor) -> None:
    assert events_in(extractor, "The new H-1B rules are effective immediately.") == [
        ("H-1B", "takes_effect", "2025-09-29", "day")
    ]
    text = ("The cable, dated Tuesday, ordered consulates to stop adding F-1 appointments "
            "effective immediately.")
    assert events_in(extractor, text) == [("F-1", "suspended", "2025-09-23", "day")]
    [(_, _, day, precision)] = events_in(extractor, "The H-1B rules take effect immediately.", published=None)
    assert (day, precision) == (None, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The H-1B proclamation takes effect at 12:01 a.m. EDT on Sept. 21.", "2025-09-21"),
        ("The H-1B proclamation took effect at 12:01 a.m. EDT on Sunday.", "2025-09-28"),
        ("The H-1B fee applies from midnight on Oct. 1.", "2025-10-01"),
        ("The Skilled Worker visa fee rises on 16 December.", "2025-12-16"),
    ],
)
def test_clock_times_and_day_first_dates(extractor: FactExtractor, text: str, day: str) -> None:
    [(_, _, got, precision)] = events_in(extractor, text)
    assert (got, precision) == (day, "day")


@pytest.mark.parametrize(
    "text",
    [
        "China will keep its K visa discount, extending a measure that had been due to expire on Dec. 31.",
        "The Global Talent visa fee did not change on Jan. 1.",
        "The EB-5 regional centre programme will not end on Sept. 30.",
    ],
)
def test_a_negated_or_cancelled_event_is_no_event(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


def test_a_verb_of_beginning_takes_the_kind_of_its_subject(extractor: FactExtractor) -> None:
    text = "Express Entry draws resumed on Monday after a pause that began in June."
    assert events_in(extractor, text) == [("Express Entry", "suspended", "2025-06", "month")]


def test_a_programme_named_as_a_comparison_is_not_theevents_in(extractor: FactExtractor) -> None:
    text = "Unlike the R visa, the K visa, which launched on Oct. 1, needs no employer."
    assert events_in(extractor, text) == [("K visa", "launched", "2025-10-01", "day")]


def test_more_particle_verbs(extractor: FactExtractor) -> None:
    assert events_in(extractor, "The new H-1B fee kicks in on Sunday.") == [
        ("H-1B", "takes_effect", "2025-10-05", "day")
    ]
    assert events_in(extractor, "The gold card will go live on Nov. 1.") == [
        ("Gold Card", "launched", "2025-11-01", "day")
    ]
    assert events_in(extractor, "A federal judge blocked the H-1B fee on Friday.") == [
        ("H-1B", "suspended", "2025-09-26", "day")
    ]


def test_a_date_run_into_a_duration_keeps_the_date(extractor: FactExtractor) -> None:
    text = ("The proclamation that created the H-1B fee took effect on Sept. 21, "
            "two days after Trump signed it.")
    assert events_in(extractor, text) == [("H-1B", "takes_effect", "2025-09-21", "day")]
    assert events_in(extractor, "The H-1B proclamation will expire in a year.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Skilled Worker visa fee rises on Dec. 16.",
         ("Skilled Worker visa", "takes_effect", "2025-12-16", "day")),
        ("The Home Office will raise the Global Talent visa fee in April.",
         ("Global Talent visa", "takes_effect", "2026-04", "month")),
    ],
)
def test_a_price_that_changes_on_a_date_is_a_change_taking_effect(extractor: FactExtractor, text: str,
                                                                 expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


def test_counts_that_change_on_a_date_are_no_event(extractor: FactExtractor) -> None:
    assert events_in(extractor, "H-1B applications rose in March.") == []


def test_a_past_price_change_and_a_changing_rate_are_no_event(extractor: FactExtractor) -> None:
    assert events_in(extractor, "The H-1B registration fee rose to $215 in March 2024.") == []
    assert events_in(extractor, "Denial rates for L-1B petitions rise in March.") == []


def test_immediate_effect_takes_the_kind_of_the_verb_it_completes(extractor: FactExtractor) -> None:
    text = ("The State Department told embassies on Tuesday to stop scheduling new F-1 student visa "
            "interviews with immediate effect.")
    assert events_in(extractor, text) == [("F-1", "suspended", "2025-09-23", "day")]


def test_one_persons_visa_is_not_the_programme(extractor: FactExtractor) -> None:
    assert events_in(extractor, "Kumar said his H-1B visa expired in September.") == []
    assert events_in(extractor, "The H-1B visa programme expired in September.") == [
        ("H-1B", "ended", "2025-09", "month")
    ]


def test_a_visa_with_its_own_name_is_not_the_programme_named_before(extractor: FactExtractor) -> None:
    text = ("Britain will close the Skilled Worker visa to care workers.\n"
            "The care visa was introduced in February 2022. It was suspended for new care homes last year.")
    assert events_in(extractor, text) == []
    text = ("Britain will close the Skilled Worker visa to care workers.\n"
            "The new visa was introduced in February 2022.")
    assert events_in(extractor, text) == [("Skilled Worker visa", "launched", "2022-02", "month")]


def test_on_or_after_a_date_under_a_future_verb(extractor: FactExtractor) -> None:
    text = ("The Skilled Worker visa rules are changing.\n"
            "The changes will apply to applications made on or after 22 July.")
    assert events_in(extractor, text) == [("Skilled Worker visa", "takes_effect", "2026-07-22", "day")]


def test_a_system_named_after_its_programme_points_back(extractor: FactExtractor) -> None:
    text = "Canada's Express Entry invited 3,000 candidates.\nThe system opened in 2015."
    assert events_in(extractor, text) == [("Express Entry", "launched", "2015", "year")]


def test_a_date_under_a_preposition_that_heads_its_sentence_ends(extractor: FactExtractor) -> None:
    # "In August." parses as a sentence whose root is the preposition; the
    # climb from the date to its verb must stop there (it once looped forever).
    finished: list[list[Event]] = []
    text = "The K visa launched.\nIn August."
    worker = threading.Thread(target=lambda: finished.append(events_in(extractor, text)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert finished == [[]]


def test_a_day_with_its_year_named_relative_to_the_publication_year(extractor: FactExtractor) -> None:
    text = ("Indians lead applicants for Germany's Opportunity Card, the job-seeker visa that Berlin "
            "launched on June 1 last year.")
    assert events_in(extractor, text) == [("Opportunity Card", "launched", "2024-06-01", "day")]


def test_a_programme_that_replaced_another_launched_and_the_other_ended(extractor: FactExtractor) -> None:
    text = "The Skills in Demand visa replaced the Temporary Skill Shortage visa on Dec. 7, 2024."
    assert sorted(events_in(extractor, text)) == [
        ("Skills in Demand visa", "launched", "2024-12-07", "day"),
        ("Temporary Skill Shortage visa", "ended", "2024-12-07", "day"),
    ]
    text = "The Skilled Worker visa replaced the Tier 2 general work visa in December 2020."
    assert events_in(extractor, text) == [("Skilled Worker visa", "launched", "2020-12", "month")]
    # Only a programme named as the subject or the object is replaced.
    text = "The H-1B lottery is changing.\nA weighted selection replaced the random draw in March."
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Department of Homeland Security on Monday published a final rule that replaces the random "
         "H-1B lottery.", [("H-1B", "announced", "2025-09-29", "day")]),
        ("DHS sent a proposed rule on OPT to the White House budget office on Sept. 12.",
         [("OPT", "proposed", "2025-09-12", "day")]),
        # Guidance with no stage named is neither an announcement nor a proposal.
        ("USCIS published guidance on the H-1B fee on Monday.", []),
    ],
)
def test_a_document_issued_with_its_stage(extractor: FactExtractor, text: str, expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected


def test_a_plan_stated_without_its_own_date_is_announced_on_the_day_it_was_said(
    extractor: FactExtractor,
) -> None:
    text = ("The Commerce Department said last month that it would start taking applications "
            "for the gold card.")
    assert events_in(extractor, text) == [("Gold Card", "announced", "2025-08", "month")]
    # Speech about what already is announces nothing.
    text = "A ministry spokesperson said on Tuesday that the K visa was part of China's opening-up."
    assert events_in(extractor, text) == []
    # A plan with its own date is that event, not an announcement.
    text = "The Home Office said on Monday that it would raise the Skilled Worker visa fee from next April."
    assert events_in(extractor, text) == [("Skilled Worker visa", "takes_effect", "2026-04", "month")]


def test_a_government_body_announcing_a_plan_announces_it_for_the_storys_programme(
    extractor: FactExtractor,
) -> None:
    text = ("Canada's Express Entry invited 4,000 nurses.\n"
            "The department announced last month that it would add a category for senior managers.")
    assert events_in(extractor, text) == [("Express Entry", "announced", "2025-08", "month")]
    text = ("Canada's Express Entry invited 4,000 nurses.\n"
            "The company announced last month that it would hire 500 engineers.")
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Express Entry fees were last raised in April 2024.",
         [("Express Entry", "takes_effect", "2024-04", "month")]),
        ("Employers sponsor workers on Australia's Skills in Demand visa.\nThey have planned around a "
         "higher salary floor since the government lifted the Core Skills Income Threshold to A$76,515 "
         "on July 1.", [("Skills in Demand visa", "takes_effect", "2025-07-01", "day")]),
        ("Beijing pitched the K visa as an answer to the $100,000 fee that the United States imposed "
         "last month on new H-1B petitions.", [("H-1B", "takes_effect", "2025-08", "month")]),
        # A price that moved by itself is its history; sanctions are no price.
        ("The H-1B registration fee rose to $215 in March 2024.", []),
        ("The United States imposed sanctions on two H-1B outsourcing firms last month.", []),
    ],
)
def test_someone_changed_or_imposed_a_price(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain will tighten the Skilled Worker visa under rules laid before Parliament on Tuesday.",
         [("Skilled Worker visa", "announced", "2025-09-23", "day")]),
        ("The Home Office first set out the Skilled Worker visa changes in a white paper in May.",
         [("Skilled Worker visa", "announced", "2025-05", "month")]),
        ("The Home Office set the Skilled Worker visa fee at £769 in April.", []),
    ],
)
def test_rules_laid_before_parliament_and_changes_set_out(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


def test_thresholds_point_back_to_the_programme(extractor: FactExtractor) -> None:
    text = "Germany raised the salary floor for the EU Blue Card.\nThe new thresholds took effect on Jan. 1."
    assert events_in(extractor, text) == [("EU Blue Card", "takes_effect", "2025-01-01", "day")]


def test_a_date_the_text_denies_is_no_event(extractor: FactExtractor) -> None:
    text = "(This story has been corrected to show that the K visa was introduced in August, not September.)"
    assert events_in(extractor, text) == [("K visa", "launched", "2025-08", "month")]


def test_a_date_in_a_clause_of_its_own_is_not_the_main_verbs(extractor: FactExtractor) -> None:
    text = "The H-1B fee will rise to $5,000 from Oct. 1, after Congress approved higher charges in June."
    assert events_in(extractor, text) == [("H-1B", "takes_effect", "2025-10-01", "day")]


def test_a_charge_named_by_its_compound_points_back(extractor: FactExtractor) -> None:
    text = ("Britain is tightening the Skilled Worker visa.\n"
            "The Immigration Skills Charge will rise to £1,320 a year from Dec. 16.")
    assert events_in(extractor, text) == [("Skilled Worker visa", "takes_effect", "2025-12-16", "day")]


def test_a_visa_named_by_its_duration_is_not_another_visa(extractor: FactExtractor) -> None:
    text = ("Applicants for the Global Talent visa pay a health surcharge.\n"
            "For a five-year visa that is £5,175.\n"
            "The Home Office announced last month that it would double the number of prizes.")
    assert events_in(extractor, text) == [("Global Talent visa", "announced", "2025-08", "month")]


def test_the_card_a_relative_clause_opens_is_its_programme_not_the_one_before(
    extractor: FactExtractor,
) -> None:
    text = ("Regional centres that sell EB-5 investments are cutting their charges to keep investors from "
            "defecting to the Trump administration’s gold card, which began accepting applications on "
            "Friday.")
    assert events_in(extractor, text) == [("Gold Card", "launched", "2025-09-26", "day")]


def test_of_several_programmes_before_a_pointing_word_the_storys_own_is_carried_on(
    extractor: FactExtractor,
) -> None:
    text = ("The H-1B lottery will be weighted by wage. H-1B employers welcomed the H-1B rule.\n"
            "Students who hope to move to an H-1B job after their OPT period are exposed.\n"
            "USCIS said its registration would open in March.")
    assert events_in(extractor, text) == [("H-1B", "launched", "2026-03", "month")]


def test_a_proposal_to_replace_dated_by_the_rule_that_made_it(extractor: FactExtractor) -> None:
    text = ("The H-1B lottery is random.\n"
            "The administration has also proposed replacing the random lottery with a selection weighted "
            "toward higher wages, in a rule the Department of Homeland Security published on Sept. 24.")
    assert events_in(extractor, text) == [("H-1B", "proposed", "2025-09-24", "day")]
    text = "The Home Office proposed ending the Skilled Worker visa for care workers on Tuesday."
    assert events_in(extractor, text) == [("Skilled Worker visa", "proposed", "2025-09-23", "day")]


def test_the_deadline_for_applying_rules_is_when_they_take_effect(extractor: FactExtractor) -> None:
    text = ("Germany lowered the salary floor for the EU Blue Card.\n"
            "The EU rules behind the card were overhauled in 2021, and member states had until "
            "November 2023 to apply them.")
    assert events_in(extractor, text) == [("EU Blue Card", "takes_effect", "2023-11", "month")]
    # A deadline for something else is no event.
    text = ("Germany lowered the salary floor for the EU Blue Card.\n"
            "Applicants had until November to file their papers.")
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A company's plan is not the programme's announcement.
        "The company said last month that it would start hiring K visa holders.",
        # Fees of another payer, named by a common noun, do not point back to the programme.
        "Britain is tightening the Skilled Worker visa.\nUniversities raised tuition fees in April.",
    ],
)
def test_a_companys_plan_and_another_payers_fees_are_no_programme_event(
    extractor: FactExtractor, text: str
) -> None:
    assert events_in(extractor, text) == []


def test_a_replacement_said_to_come_is_announced(extractor: FactExtractor) -> None:
    text = "The Home Office said on Tuesday that it would replace the Skilled Worker visa with a new route."
    assert events_in(extractor, text) == [("Skilled Worker visa", "announced", "2025-09-23", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China unveiled the K visa.\nTuesday's announcement surprised recruiters.",
         [("K visa", "announced", "2025-09-23", "day")]),
        ("China unveiled the K visa.\nThe first K visas were issued on Oct. 1.",
         [("K visa", "launched", "2025-10-01", "day")]),
        ("Britain charges a Skilled Worker visa fee.\nThe fee has been in place since June 2024.",
         [("Skilled Worker visa", "takes_effect", "2024-06", "month")]),
        # Not the first visas, a person's first visa, a draw: no event.
        ("China unveiled the K visa.\nMore K visas were issued on Oct. 1.", []),
        ("China unveiled the K visa.\nHer first K visa was issued on Oct. 1.", []),
        ("Canada runs Express Entry.\nTuesday's draw invited 4,000 nurses.", []),
    ],
)
def test_a_dates_own_noun_the_first_visas_issued_and_in_place_since(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Global Talent visa relaunched on Aug. 4 with a shorter form.",
         ("Global Talent visa", "launched", "2025-08-04", "day")),
        ("Britain will reopen the Global Talent visa to new applicants by the end of October.",
         ("Global Talent visa", "launched", "2025-10", "month")),
        ("China reintroduced the R visa in March after a pause.", ("R visa", "launched", "2025-03", "month")),
    ],
)
def test_a_launch_again_is_a_launch(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


def test_a_change_still_to_come_said_on_a_day_is_announced_that_day(extractor: FactExtractor) -> None:
    text = ("Britain will turn the Global Talent visa into a fast-track scheme and widen it to freelancers, "
            "the Home Office said on Friday.")
    assert events_in(extractor, text) == [("Global Talent visa", "announced", "2025-09-26", "day")]
    # Speech about what already is announces nothing.
    text = "Britain has issued 9,000 Global Talent visas so far, the Home Office said on Friday."
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Spain will ease the rules for the EU Blue Card, the government said.\n"
        "Under a decree approved by the cabinet earlier this month, the salary bar falls by a tenth.",
        "Spain will ease the rules for the EU Blue Card, the government said.\n"
        "The Interior Ministry published an ordinance earlier this month that cuts the salary bar.",
        "The cabinet adopted new EU Blue Card regulations earlier this month.",
    ],
)
def test_an_executive_instrument_approved_or_published_is_announced(
    extractor: FactExtractor, text: str
) -> None:
    assert events_in(extractor, text) == [("EU Blue Card", "announced", "2025-09", "month")]


def test_a_bill_approved_by_one_chamber_is_not_yet_announced(extractor: FactExtractor) -> None:
    assert events_in(extractor, "The Senate approved an EU Blue Card bill earlier this month.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States created the O-1 visa in October 1990.", ("O-1", "launched", "1990-10", "month")),
        ("The O-1 category, established in 1990, covers artists.", ("O-1", "launched", "1990", "year")),
    ],
)
def test_creating_a_programme_is_its_launch(extractor: FactExtractor, text: str, expected: Event) -> None:
    assert events_in(extractor, text) == [expected]


def test_creating_something_else_is_no_launch(extractor: FactExtractor) -> None:
    assert events_in(extractor, "The H-1B fee has created confusion since September.") == []


def test_an_instrument_after_a_sentence_about_another_card_is_the_storys_programme(
    extractor: FactExtractor,
) -> None:
    text = ("Spain's EU Blue Card is popular with engineers. Holders must also collect a residence card.\n"
            "The Interior Ministry published an ordinance on Tuesday.")
    assert events_in(extractor, text) == [("EU Blue Card", "announced", "2025-09-23", "day")]
    # A pronoun after a sentence about another visa stands for that visa.
    text = ("Spain's EU Blue Card is popular with engineers. A separate care visa was introduced in 2022.\n"
            "It was suspended on Tuesday.")
    assert events_in(extractor, text) == []


def test_what_an_instrument_provides_from_a_date_is_the_storys_programme(extractor: FactExtractor) -> None:
    text = ("Spain's EU Blue Card is popular with engineers. Holders must also collect a residence card.\n"
            "The Interior Ministry published an ordinance on Tuesday that lets applicants apply online "
            "from Nov. 3.")
    assert events_in(extractor, text) == [
        ("EU Blue Card", "announced", "2025-09-23", "day"),
        ("EU Blue Card", "takes_effect", "2025-11-03", "day"),
    ]


@pytest.mark.parametrize("verb", ["climb", "jump", "fall", "drop"])
def test_a_price_that_will_climb_or_fall_on_a_date_takes_effect_then(
    extractor: FactExtractor, verb: str
) -> None:
    text = f"The H-1B registration fee will {verb} to $180 next month."
    assert events_in(extractor, text) == [("H-1B", "takes_effect", "2025-10", "month")]
    # In the past tense it is the fee's history.
    past = {"climb": "climbed", "jump": "jumped", "fall": "fell", "drop": "dropped"}[verb]
    assert events_in(extractor, f"The H-1B registration fee {past} to $180 last month.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The K visa has been available since June 3.", ("K visa", "launched", "2025-06-03", "day")),
        ("Applications for the Opportunity Card have been open since June 1, 2024.",
         ("Opportunity Card", "launched", "2024-06-01", "day")),
        ("The H-1B fee has been in place since Sept. 21.", ("H-1B", "takes_effect", "2025-09-21", "day")),
    ],
)
def test_available_since_a_date_is_a_launch_then(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government approved changes to the Skilled Worker visa on Tuesday.",
         ("Skilled Worker visa", "announced", "2025-09-23", "day")),
        ("Parliament adopted amendments to the Golden Visa in March.",
         ("Golden Visa", "announced", "2025-03", "month")),
    ],
)
def test_changes_to_a_programme_approved_by_a_body_are_announced(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]


def test_changes_published_with_no_stage_announce_nothing(extractor: FactExtractor) -> None:
    text = "The Home Office published changes to the Skilled Worker visa on Monday."
    assert events_in(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After Oct. 1, applicants for the Skilled Worker visa must show a job offer.",
         [("Skilled Worker visa", "takes_effect", "2025-10-01", "day")]),
        ("After Jan. 1, the Golden Visa will require a minimum investment of $500,000.",
         [("Golden Visa", "takes_effect", "2026-01-01", "day")]),
        ("After Oct. 1, the agency received 300 applications for the Skilled Worker visa.", []),
    ],
)
def test_after_a_date_opening_a_rule_starts_it(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected


def test_a_short_lower_case_name_of_a_named_programme_is_that_programme(extractor: FactExtractor) -> None:
    text = ("Ireland will widen its Critical Skills Employment Permit.\n"
            "The critical skills permit, introduced in 2014 as the successor to the old Green Card permit, "
            "is reserved for shortage jobs.")
    assert events_in(extractor, text) == [("Critical Skills Employment Permit", "launched", "2014", "year")]


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2025, 9, 29), ("Opportunity Card", "takes_effect", "2026-03-01", "day")),
     (None, ("Opportunity Card", "takes_effect", None, None))],
)
def test_a_day_first_start_run_into_the_subject_starts_the_programmes_rule(
    extractor: FactExtractor, published: date | None, expected: Event
) -> None:
    # no comma after the date: the parse hangs "1 March paper applications", not the date, on "From"
    text = ("Germany's Opportunity Card lets skilled people look for work for a year.\n"
            "From 1 March paper applications will no longer be accepted at most consulates.")
    assert events_in(extractor, text, published=published) == [expected]


def test_a_date_under_the_signing_of_covered_papers_starts_the_rule(extractor: FactExtractor) -> None:
    # the contracts' signing is no event of the visa; the rule they fall under starts then
    text = ("The Skilled Worker visa will be extended to five years, "
            "starting with contracts signed after Feb. 1.")
    assert events_in(extractor, text) == [("Skilled Worker visa", "takes_effect", "2026-02-01", "day")]


def test_a_date_in_an_as_comment_clause_is_that_clauses(extractor: FactExtractor) -> None:
    text = ("Britain said the Skilled Worker visa would close to new applicants in December, "
            "as promised in the manifesto in March.")
    assert events_in(extractor, text) == [("Skilled Worker visa", "ended", "2025-12", "month")]


@pytest.mark.parametrize(
    "second",
    ["The Home Office said it would create a new care route in March.",
     "The Home Office said it would introduce a points-based work visa later this year."],
)
def test_a_pronoun_agent_of_a_verb_with_its_own_object_is_not_the_programme(
    extractor: FactExtractor, second: str
) -> None:
    # "it" is the Home Office; what it creates is a new, unnamed visa, not the Skilled Worker visa
    assert events_in(extractor, "Britain runs the Skilled Worker visa for employers. " + second) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain has reopened its Global Talent visa to new applicants after a review, with lower fees.",
         [("Global Talent visa", "launched", None, None)]),
        ("How the visa changes affect nurses\n"
         "Canada has stopped taking new applications under its Start-up Visa Program, officials said.",
         [("Start-up Visa Program", "suspended", None, None)]),
        # the lede only: a later sentence's present perfect is background
        ("Nurses are weighing their options.\nBritain has reopened its Global Talent visa.", []),
    ],
)
def test_an_undated_ledes_present_perfect_is_an_event_of_unknown_date(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text, published=None) == expected


def test_a_dated_ledes_present_perfect_with_no_date_is_no_event(extractor: FactExtractor) -> None:
    text = "Britain has reopened its Global Talent visa to new applicants after a review."
    assert events_in(extractor, text) == []


def test_a_passive_change_under_will_starts_from_its_date(extractor: FactExtractor) -> None:
    # "will be cut" is a change to come, not a past one measured from a baseline
    text = ("The Graduate visa, which lets students stay for two years, will be cut to 18 months "
            "for students who apply from 1 January 2027.")
    assert events_in(extractor, text) == [("Graduate visa", "takes_effect", "2027-01-01", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Golden Visa is popular with investors. Greece doubled its property threshold last year.", []),
        ("The Skilled Worker visa fee was raised in 2024.", []),
        # a month still dates the change; a change to come keeps its year
        ("The Skilled Worker visa fee was raised in April 2024.",
         [("Skilled Worker visa", "takes_effect", "2024-04", "month")]),
        ("The Skilled Worker visa fee will rise in 2027.",
         [("Skilled Worker visa", "takes_effect", "2027", "year")]),
    ],
)
def test_a_past_price_change_dated_only_by_its_year_is_history(
    extractor: FactExtractor, text: str, expected: list[Event]
) -> None:
    assert events_in(extractor, text) == expected
