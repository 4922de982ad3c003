"""extractors.relevance: the cheap per-topic decision made before spaCy runs."""

from __future__ import annotations

import pytest

from extractors.programme_data import programme_patterns
from extractors.relevance import Watchlist, compile_topics, off_topic_reason, relevance
from sources.topics import Topic

VISAS = Topic(
    name="visas",
    programmes=("H-1B", "K visa", "Skilled Worker visa"),
    keywords=("work permit", "work visa", "immigration"),
    people=("Joseph Edlow",),
    organisations=("Home Office",),
    exclude=("visa-free",),
)
TARIFFS = Topic(name="tariffs", keywords=("tariff",), countries=("Canada",))


@pytest.fixture(scope="module")
def watchlist() -> Watchlist:
    return compile_topics([VISAS, TARIFFS])


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Employers filed fewer H1B petitions this spring.", "programme:H-1B"),
        ("Beijing's new “K” visa opens on Wednesday.", "programme:K visa"),
        ("The Skilled Worker route gets a higher salary floor.", "programme:Skilled Worker visa"),
        ("Nurses wait months for work-permits.", "keyword:work permit"),
        ("WORK VISAS are harder to get.", "keyword:work visa"),
        ("Joseph Edlow said the agency would comply.", "person:Joseph Edlow"),
        ("The Home Office’s figures were released.", "organisation:Home Office"),
    ],
)
def test_each_kind_of_term_matches(watchlist: Watchlist, text: str, term: str) -> None:
    visas, _ = relevance("A headline", text, watchlist)
    assert visas.relevant and term in visas.matched


@pytest.mark.parametrize(
    "text",
    [
        "Visa-free travel for tourists starts in June.",  # excluded phrase
        "Visa Inc. shares rose 3% on card volumes.",  # the company, not a visa
        "The HR team said working from home office setups helped.",  # proper nouns are case-sensitive
        "Permits for work on the bridge were signed.",  # a phrase is not its words apart
        "Immigrationally speaking, nothing changed.",  # whole words only
    ],
)
def test_near_misses_do_not_match(watchlist: Watchlist, text: str) -> None:
    visas, _ = relevance(None, text, watchlist)
    assert not visas.relevant and visas.matched == ()


def test_an_excluded_phrase_masks_only_its_own_words(watchlist: Watchlist) -> None:
    visas, _ = relevance(None, "Visa-free travel grows while work visas shrink.", watchlist)
    assert visas.matched == ("keyword:work visa",)


def test_the_title_counts(watchlist: Watchlist) -> None:
    visas, _ = relevance("H-1B fee upheld", "The court ruled on Monday.", watchlist)
    assert visas.matched == ("programme:H-1B",)


def test_min_hits_counts_distinct_terms() -> None:
    strict = compile_topics([Topic(name="visas", keywords=("visa", "fee"), min_hits=2)])
    (once,) = relevance(None, "A visa, another visa, a third visa.", strict)
    (both,) = relevance(None, "The visa fee doubled.", strict)
    assert (once.relevant, both.relevant) == (False, True)
    assert once.reason == "only 1 of 2 required hits: keyword:visa"
    assert off_topic_reason([once]) == "off-topic: visas only 1 of 2 required hits: keyword:visa"


def test_off_topic_reason_names_every_topic(watchlist: Watchlist) -> None:
    decisions = relevance("Rain tomorrow", "Showers across the north.", watchlist)
    assert off_topic_reason(decisions) == "off-topic: no match for topics visas, tariffs"


def test_any_match_is_relevant_and_no_topics_no_gate(watchlist: Watchlist) -> None:
    assert off_topic_reason(relevance(None, "Canada raised a tariff.", watchlist)) is None
    assert relevance(None, "anything", compile_topics([])) == ()
    assert off_topic_reason(()) is None


def test_programmes_use_the_rulers_patterns() -> None:
    """Every bundled alias pattern is used as is: a table with one made-up spelling proves it."""
    table = [p for p in programme_patterns() if p.name == "K visa"]
    (decision,) = relevance(None, "the K category grows", compile_topics([Topic("k", ("K visa",))], table))
    assert decision.matched == ("programme:K visa",)
