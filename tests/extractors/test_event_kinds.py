"""Events whose argument names no one programme: a counted plural ("both
visas") and a generic kind ("the seasonal work visa, a six-month permit
introduced in ..."), on sentences written for these tests (publication
Monday 2025-09-29)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, article, events_in, facts_of_kind


def _facts(extractor: FactExtractor, text: str, kind: str) -> list[dict[str, object]]:
    return facts_of_kind(extractor.extract(article(text, date(2025, 9, 29))), kind)


BOTH = ("The Skilled Worker visa will cost £800 and the Global Talent visa £900. "
        "The minister signed the rules for both visas on Friday.")


def test_an_event_of_both_visas_is_each_ones(extractor: FactExtractor) -> None:
    assert events_in(extractor, BOTH) == [
        ("Global Talent visa", "signed", "2025-09-26", "day"),
        ("Skilled Worker visa", "signed", "2025-09-26", "day"),
    ]


def test_two_counted_visas_take_effect_each(extractor: FactExtractor) -> None:
    text = ("Britain will raise the salary floor for its two main visas from Jan. 1. "
            "The Skilled Worker visa will need £41,700 and the Global Talent visa none.")
    assert events_in(extractor, text) == [
        ("Global Talent visa", "takes_effect", "2026-01-01", "day"),
        ("Skilled Worker visa", "takes_effect", "2026-01-01", "day"),
    ]


def test_a_count_the_article_does_not_match_names_no_pair(extractor: FactExtractor) -> None:
    # three visas named, "both" cannot say which two: the usual one-programme reading
    text = ("The Skilled Worker visa, the Global Talent visa and the Graduate visa changed. "
            "The minister signed the rules for both visas on Friday.")
    assert len(events_in(extractor, text)) <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kind in apposition to the argument, another programme nearer in the sentence
        ("The change spares the H-1B, which is capped, and the seasonal work visa, a six-month "
         "permit introduced in March 2023 for farm workers.",
         ("seasonal work visa", "launched", "2023-03", "month")),
        # a kind inside the argument's noun phrase
        ("Norway will raise the fee for student visas from Jan. 1.",
         ("student visa", "takes_effect", "2026-01-01", "day")),
    ],
)
def test_an_event_of_a_generic_kind_makes_it_a_programme(
    extractor: FactExtractor, text: str, expected: Event
) -> None:
    assert events_in(extractor, text) == [expected]
    assert expected[0] in {p["name"] for p in _facts(extractor, text, "visa_programme")}


def test_a_kind_in_apposition_to_a_name_describes_that_programme(extractor: FactExtractor) -> None:
    text = ("Britain's answer is the Global Talent visa, a five-year residence permit introduced in "
            "February 2020.")
    assert events_in(extractor, text) == [("Global Talent visa", "launched", "2020-02", "month")]
    assert "residence permit" not in {p["name"] for p in _facts(extractor, text, "visa_programme")}


@pytest.mark.parametrize(
    "text",
    [
        "Ana, a nurse whose work permit expires in May, is worried.",
        "Ana says her work permit expires in May.",
    ],
)
def test_one_holders_permit_is_no_kind_event(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == []


def test_a_kind_over_named_programmes_of_its_head_is_their_umbrella(extractor: FactExtractor) -> None:
    # "work visas" stands for the Skilled Worker visa and the Global Talent visa the article names
    text = ("Britain will raise the fee for work visas from Jan. 1. "
            "The Skilled Worker visa will cost £800 and the Global Talent visa £900.")
    assert "work visa" not in {e[0] for e in events_in(extractor, text)}
    assert "work visa" not in {p["name"] for p in _facts(extractor, text, "visa_programme")}


def test_a_kind_cut_short_by_a_noun_before_it_is_no_programme(extractor: FactExtractor) -> None:
    # "care" is no kind word: "worker visa" would be the end of another name
    text = "The Home Office said on Monday it would close the care worker visa route in July."
    assert "worker visa" not in {e[0] for e in events_in(extractor, text)}


def test_a_short_lowercase_plural_names_the_one_programme_its_nouns_stand_in(
    extractor: FactExtractor,
) -> None:
    # the nouns before "pilots" are read from the text, not only from its compounds
    text = ("Canada will reopen its two home care worker pilots to new applicants by the end of April, the "
            "department said on Thursday. The Home Care Worker Immigration Pilots replaced the Home Support "
            "Worker pilots, which closed in 2024.")
    launched = ("Home Care Worker Immigration Pilots", "launched", "2026-04", "month")
    assert launched in events_in(extractor, text)


def test_a_headlines_coarser_date_of_the_ledes_event_goes_whatever_its_programme(
    extractor: FactExtractor,
) -> None:
    # the headline's short words give its event the article's most-named programme, the H-1B
    text = ("Ireland lifts salary floors from January\n"
            "Ireland will raise the salary floor for both permits from 1 January. The Critical Skills "
            "Employment Permit will need €40,904 and the General Employment Permit €36,605. Many holders "
            "later move to the H-1B. The H-1B is capped.")
    assert [e[2] for e in events_in(extractor, text)] == ["2026-01-01", "2026-01-01"]


def test_a_raised_salary_floor_of_a_kind_took_effect(extractor: FactExtractor) -> None:
    assert events_in(extractor, "Sweden raised the salary floor for work permits in November 2023.") == [
        ("work permit", "takes_effect", "2023-11", "month")]


def test_a_bare_definite_kind_is_the_programme_named_before_not_a_later_listed_one(
    extractor: FactExtractor,
) -> None:
    text = ("China began accepting applications for its new K visa on Wednesday. "
            "The State Council approved the new category in August, adding it to the visa types "
            "already in use, among them the Z visa for employment.")
    assert ("K visa", "announced", "2025-08", "month") in events_in(extractor, text)
    assert not [e for e in events_in(extractor, text) if e[0] == "Z visa"]


def test_a_sentence_that_opens_separately_points_back_to_nothing(extractor: FactExtractor) -> None:
    text = ("Canada will hold more Express Entry draws this spring. "
            "Separately, a rule that lets spouses of some workers obtain open work permits "
            "took effect on Jan. 21.")
    assert events_in(extractor, text) == []


def test_a_plural_price_change_happens_to_each_programme_the_next_sentence_prices(
    extractor: FactExtractor,
) -> None:
    text = ("Britain will raise the Skilled Worker visa fee to £800 from 1 July. "
            "Several other charges will rise on the same date. "
            "The Graduate visa will go up to £900, and the fee for a Global Talent visa will rise to £1,000.")
    assert events_in(extractor, text) == [
        ("Global Talent visa", "takes_effect", "2026-07-01", "day"),
        ("Graduate visa", "takes_effect", "2026-07-01", "day"),
        ("Skilled Worker visa", "takes_effect", "2026-07-01", "day"),
    ]


def test_a_lede_with_plural_prices_dates_each_programme_its_next_paragraph_prices(
    extractor: FactExtractor,
) -> None:
    # "them" is the fees the coordinated verb before it halves
    text = ("China will halve visa fees for students and waive them for some researchers "
            "for a year starting Oct. 15, the administration said on Wednesday.\n"
            "Applicants for the X1 visa will pay 200 yuan instead of 400 yuan. "
            "The fee for the shorter X2 visa will fall to 150 yuan.")
    assert events_in(extractor, text) == [
        ("X1 visa", "takes_effect", "2025-10-15", "day"),
        ("X2 visa", "takes_effect", "2025-10-15", "day"),
    ]
