"""One real spaCy pipeline for the whole test session (loading takes a second)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from extractors.page import text_hash


@pytest.fixture(scope="session")
def extractor() -> FactExtractor:
    return FactExtractor()


def article(text: str, published: date | None = date(2025, 9, 29)) -> Article:
    """An Article around bare text, for component tests."""
    return Article(
        url="http://example.test/a",
        canonical_url=None,
        site=None,
        title=None,
        author=None,
        published_at=published,
        language="en",
        text=text,
        text_hash=text_hash(text),
    )


def facts_of_kind(facts: list[AnyFact], kind: str) -> list[dict[str, object]]:
    return [f.to_dict() for f in facts if f.kind == kind]


def quotes_in(extractor: FactExtractor, text: str) -> list[dict[str, object]]:
    """The quote facts of ``text`` as one article."""
    return facts_of_kind(extractor.extract(article(text)), "quote")


Event = tuple[object, object, object, object]
"""An event fact as (programme, event_type, date, precision)."""


def events_in(extractor: FactExtractor, text: str, published: date | None = date(2025, 9, 29)) -> list[Event]:
    """The event facts of ``text`` as one article published on ``published`` (a Monday), sorted."""
    facts = facts_of_kind(extractor.extract(article(text, published)), "event")
    return sorted((e["programme"], e["event_type"], e["date"], e["precision"]) for e in facts)


Fee = tuple[object, object, object, object]
"""A fee fact as (programme, amount, currency, period)."""


def fees_in(extractor: FactExtractor, text: str) -> list[Fee]:
    """The fee facts of ``text`` as one article, in the order the extractor gives them."""
    facts = facts_of_kind(extractor.extract(article(text)), "fee")
    return [(f["programme"], f["amount"], f["currency"], f["period"]) for f in facts]


def programmes_in(extractor: FactExtractor, text: str) -> set[tuple[object, object]]:
    """The programme facts of ``text`` as one article, as (name, country)."""
    facts = facts_of_kind(extractor.extract(article(text)), "visa_programme")
    return {(f["name"], f["country"]) for f in facts}


def people_in(extractor: FactExtractor, text: str) -> dict[str, dict[str, object]]:
    """The person facts of ``text`` as one article, by name."""
    return {str(p["name"]): p for p in facts_of_kind(extractor.extract(article(text)), "person")}


def quote_with(extractor: FactExtractor, text: str, words: str) -> dict[str, object]:
    """The first quote of ``text`` that holds ``words``; fails the test when none does."""
    found = [q for q in quotes_in(extractor, text) if words in str(q["text"])]
    assert found, f"no quote with {words!r} in {[q['text'] for q in quotes_in(extractor, text)]}"
    return found[0]
