"""Unit tests for the event classes fixed from the world challenge set (issue 3, round 3), on
invented sentences: a possessive inside a programme's name or a country tagged as a person is
no holder; a participle describing a signed or proposed document dates the signing; a quota
or the programme itself changed by a government is a rule change; an office opened is no launch;
a price's change word after a plural price noun the tagger read as the verb is the verb."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.nlp import FactExtractor
from tests.extractors.conftest import events_in

_PUBLISHED = date(2026, 3, 12)


@pytest.mark.parametrize(("text", "want"), [
    ("Lisbon froze the Golden Visa programme in August 2020.",
     [("Golden Visa", "suspended", "2020-08", "month")]),
    ("The Malaysia My Second Home programme was frozen in August 2020.",
     [("Malaysia My Second Home", "suspended", "2020-08", "month")]),
    ("Vanuatu's Golden Visa is set to close on June 30.",
     [("Golden Visa", "ended", "2026-06-30", "day")]),
    ("Her Golden Visa was revoked on Monday.", []),
])
def test_holders(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The president signed the decree establishing the Golden Visa on 3 May 2019.",
     [("Golden Visa", "signed", "2019-05-03", "day")]),
    ("The cabinet proposed a bill creating the Golden Visa on Tuesday.",
     [("Golden Visa", "proposed", "2026-03-10", "day")]),
    ("Spain created the Golden Visa on 1 May 2013.",
     [("Golden Visa", "launched", "2013-05-01", "day")]),
])
def test_document_participle(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The Golden Visa was doubled to 20,000 places in June 2024.",
     [("Golden Visa", "takes_effect", "2024-06", "month")]),
    ("Lisbon halved the Golden Visa quota in May 2023.",
     [("Golden Visa", "takes_effect", "2023-05", "month")]),
    ('"We have tripled our Golden Visa filings since October," said a lawyer.', []),
    ("Golden Visa applications doubled in June 2024.", []),
])
def test_quota_change(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The Golden Visa agency opened a new office in Porto on Monday.", []),
    ("The embassy closed its Golden Visa application centre on Monday.", []),
    ("Portugal opened the Golden Visa portal on 1 March.",
     [("Golden Visa", "launched", "2026-03-01", "day")]),
])
def test_premises(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Salary thresholds for the Golden Visa rise again on January 1.",
     [("Golden Visa", "takes_effect", "2027-01-01", "day")]),
    ("Thresholds for the Golden Visa increase from 1 April.",
     [("Golden Visa", "takes_effect", "2026-04-01", "day")]),
    ("Golden Visa approvals rose in January.", []),
])
def test_mistagged_change(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The Golden Visa will be replaced by the Opportunity Card on 1 July.",
     [("Golden Visa", "ended", "2026-07-01", "day"), ("Opportunity Card", "launched", "2026-07-01", "day")]),
    ("The Golden Visa was replaced by a points test on 1 July.",
     [("Golden Visa", "ended", "2025-07-01", "day")]),
])
def test_passive_replacement(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The Golden Visa applications window closes on Friday.",
     [("Golden Visa", "ended", "2026-03-13", "day")]),
    ("The new Golden Visa rules will apply w.e.f. 1 April 2026.",
     [("Golden Visa", "takes_effect", "2026-04-01", "day")]),
])
def test_broken_parses(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    # a date in a gerund clause of its own ("before resuming in 2023") is not the main verb's
    ("The Golden Visa was briefly suspended in 2022 before resuming in 2023.",
     [("Golden Visa", "suspended", "2022", "year")]),
    # three names, the parse reading the second as an apposition
    ("The Golden Visa, the Opportunity Card and the K visa take effect on 1 May.",
     [("Golden Visa", "takes_effect", "2026-05-01", "day"), ("K visa", "takes_effect", "2026-05-01", "day"),
      ("Opportunity Card", "takes_effect", "2026-05-01", "day")]),
    ("The Golden Visa, the UAE's flagship residency, takes effect on 1 May.",
     [("Golden Visa", "takes_effect", "2026-05-01", "day")]),
    # a relative clause on a foil is the foil's event
    ("Unlike the Opportunity Card, which launched in June 2024, the Golden Visa opened on 1 March.",
     [("Golden Visa", "launched", "2026-03-01", "day"),
      ("Opportunity Card", "launched", "2024-06", "month")]),
])
def test_clauses_and_lists(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want


@pytest.mark.parametrize(("text", "want"), [
    # "until" on the trigger dates what the state lasts to, not the event
    ("The Golden Visa was suspended until June.", []),
    ("Greece extended the Golden Visa deadline until 31 December.", []),
    ("The Golden Visa will not take effect until 1 January.",
     [("Golden Visa", "takes_effect", "2027-01-01", "day")]),
    # a dotted numeric date is day first
    ("The Golden Visa launched on 15.01.2026.", [("Golden Visa", "launched", "2026-01-15", "day")]),
    ("The new Golden Visa rules apply from 1.4.2026.",
     [("Golden Visa", "takes_effect", "2026-04-01", "day")]),
])
def test_until_and_dotted_dates(extractor: FactExtractor, text: str, want: list[object]) -> None:
    assert events_in(extractor, text, _PUBLISHED) == want
