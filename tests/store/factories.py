"""Articles and facts built directly from ``extractors.models`` (no NLP), and table counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import duckdb

from extractors.models import (
    Article,
    DatePrecision,
    EventFact,
    EventType,
    Fact,
    FeeFact,
    FeePeriod,
    PersonFact,
    QuoteFact,
    VisaProgrammeFact,
)
from extractors.relevance import TopicDecision
from store.writer import SaveResult, save_article

PUBLISHED = date(2025, 9, 29)
FETCHED = datetime(2025, 9, 30, 12, 0, tzinfo=UTC)
TABLES = (
    "articles", "visa_programmes", "fees", "quotes", "people", "events", "fact_sources", "ingest_failures",
    "timeline_entries",
)  # fmt: skip


def article(
    url: str = "https://news.example/2025/09/29/k-visa",
    *,
    canonical_url: str | None = None,
    site: str | None = "Example News",
    published_at: date | None = PUBLISHED,
    text: str = "Beijing launched its K visa. Washington set a $100,000 fee on H-1B petitions.",
) -> Article:
    """An article; only the URL matters for its id."""
    return Article(
        url=url,
        canonical_url=canonical_url,
        site=site,
        title="K visa launches",
        author=None,
        published_at=published_at,
        language="en",
        text=text,
        text_hash=f"hash-of-{url}",
    )


def programme(
    name: str = "H-1B", country: str | None = "United States", *, start: int = 0
) -> VisaProgrammeFact:
    """A visa programme fact."""
    return VisaProgrammeFact(
        sentence=f"The {name} visa.", start=start, end=start + len(name), name=name, country=country
    )


def fee(
    programme: str | None = "H-1B",
    amount: float = 100_000.0,
    *,
    period: FeePeriod | None = "per_year",
    applies_to: str | None = None,
    start: int = 10,
) -> FeeFact:
    """A fee fact in USD."""
    return FeeFact(
        sentence="Washington set a $100,000 fee.",
        start=start,
        end=start + 8,
        programme=programme,
        amount=amount,
        currency="USD",
        amount_usd=amount,
        period=period,
        applies_to=applies_to,
        amount_text="$100,000",
    )


def quote(
    text: str = "It is a talent magnet", speaker: str | None = "Michael Feller", *, direct: bool = True
) -> QuoteFact:
    """A quote fact."""
    return QuoteFact(
        sentence=f"“{text},” said Feller.",
        start=20,
        end=20 + len(text),
        text=text,
        speaker=speaker,
        direct=direct,
        cue="said",
    )


def person(
    name: str = "Barbara Kelemen",
    roles: Sequence[str] = (),
    affiliations: Sequence[str] = (),
    *,
    start: int = 30,
) -> PersonFact:
    """A person fact."""
    return PersonFact(
        sentence=f"{name}, of somewhere.",
        start=start,
        end=start + len(name),
        name=name,
        roles=tuple(roles),
        affiliations=tuple(affiliations),
    )


def event(
    programme: str = "K visa",
    event_type: EventType = "launched",
    date: str | None = "2025-10-01",
    precision: DatePrecision | None = "day",
    *,
    description: str = "K visa launched",
) -> EventFact:
    """An event fact."""
    return EventFact(
        sentence=f"{description}.",
        start=40,
        end=40 + len(description),
        programme=programme,
        event_type=event_type,
        date=date,
        precision=precision,
        description=description,
    )


def save(
    con: duckdb.DuckDBPyConnection,
    art: Article,
    facts: Sequence[Fact],
    *,
    fetched_at: datetime = FETCHED,
    topics: Sequence[TopicDecision] = (),
) -> SaveResult:
    """``save_article`` with the article's own URL as the final URL."""
    return save_article(con, art, facts, final_url=art.url, fetched_at=fetched_at, topics=topics)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every store table."""
    return {table: _count(con, f"SELECT count(*) FROM {table}") for table in TABLES}


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every store table, in a fixed order."""
    return {table: rows(con, f"SELECT * FROM {table} ORDER BY ALL") for table in TABLES}


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
    """All rows of ``sql``."""
    return con.execute(sql, list(params)).fetchall()


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    assert row is not None
    return int(row[0])
