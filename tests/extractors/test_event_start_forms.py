"""Event forms of blind5/blind6's classes of failure, on sentences written for these tests:
a start ("from <day>") hung on a noun of a rule still to come, a fronted "From <day>" before
a past change, those a programme admits bound by a start word, an obligation in place
"since" a date, and an act in the present perfect reported on a day (publication Monday
2025-09-29)."""

from __future__ import annotations

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import Event, events_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing will let K visa holders remain for three years on each entry from Nov. 3, officials said.",
         [("K visa", "takes_effect", "2025-11-03", "day")]),
        ("Germany will allow Opportunity Card holders a second year of residence from 1 December.",
         [("Opportunity Card", "takes_effect", "2025-12-01", "day")]),
        # the start dates the clause's subject, not a rule
        ("Figures from October will show how many Opportunity Card holders found work.", []),
    ],
)
def test_a_start_on_a_noun_of_a_rule_to_come(extractor: FactExtractor, text: str,
                                             expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From 1 September the EU Blue Card salary floor rose to €48,000.",
         [("EU Blue Card", "takes_effect", "2025-09-01", "day")]),
        ("From Aug. 4, the Skilled Worker visa charge went up to £900.",
         [("Skilled Worker visa", "takes_effect", "2025-08-04", "day")]),
        # a baseline after the verb: a change measured from then
        ("The EU Blue Card salary floor rose 4% from last year.", []),
    ],
)
def test_a_fronted_start_is_no_baseline(extractor: FactExtractor, text: str, expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Britain is widening the Global Talent visa. From 3 November, graduates of 200 universities will "
        "be able to apply without an endorsement.",
        "Britain is widening the Global Talent visa. From 3 November, winners of major prizes can skip "
        "the endorsement stage.",
    ],
)
def test_those_a_programme_admits_bound_from_a_start(extractor: FactExtractor, text: str) -> None:
    assert events_in(extractor, text) == [("Global Talent visa", "takes_effect", "2025-11-03", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since July, applicants for the Opportunity Card have had to show health insurance.",
         [("Opportunity Card", "takes_effect", "2025-07", "month")]),
        ("Germany runs the Opportunity Card. Since 1 June, holders have also had to register online.",
         [("Opportunity Card", "takes_effect", "2025-06-01", "day")]),
        # a state since then, not an obligation
        ("Since July, applicants for the Opportunity Card have had doubts.", []),
    ],
)
def test_an_obligation_since_a_date(extractor: FactExtractor, text: str, expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany has stopped taking new applications for the Opportunity Card, the labour minister "
         "said on Friday.", [("Opportunity Card", "suspended", "2025-09-26", "day")]),
        ("Canada has suspended the Start-up Visa for at least a year, the minister said Thursday.",
         [("Start-up Visa", "suspended", "2025-09-25", "day")]),
        # the past perfect is an act of some earlier day
        ("China said on Tuesday it had suspended the R visa.", []),
        # a company's own practice
        ("The company has stopped sponsoring H-1B workers, its chief executive said on Friday.", []),
        ("Germany has not suspended the Opportunity Card, the minister said on Friday.", []),
    ],
)
def test_an_act_in_the_present_perfect_reported_on_a_day(extractor: FactExtractor, text: str,
                                                         expected: list[Event]) -> None:
    assert events_in(extractor, text) == expected


def test_an_act_reported_on_a_day_without_a_publication_date(extractor: FactExtractor) -> None:
    text = ("Germany has stopped taking new applications for the Opportunity Card, "
            "the ministry said on Friday.")
    events = events_in(extractor, text, published=None)
    assert [(p, k) for p, k, _, _ in events] == [("Opportunity Card", "suspended")]
    assert events[0][2] is None


def test_a_rule_change_in_the_present_perfect_reported_on_a_day_is_announced(
        extractor: FactExtractor) -> None:
    text = ("Britain has widened the Global Talent visa to more prize winners, "
            "the Home Office said on Friday. "
            "From 3 November, winners of 60 prizes will be able to apply directly.")
    assert events_in(extractor, text) == [("Global Talent visa", "announced", "2025-09-26", "day"),
                                        ("Global Talent visa", "takes_effect", "2025-11-03", "day")]
