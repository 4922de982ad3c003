"""Reading one programme's report: its timeline, the quotes around it, its conflicts, its stories.

What ``newsfacts timeline --html`` draws; every row comes from the 0002 views,
so the page shows what an analyst's SQL would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from sources.errors import StoreError
from store.messages import first_line, reraise_ctrl_c
from store.queries import TimelineRow, timeline

# Articles that name the programme (a programme, event or fee fact about it):
# the quotes and stories of the report are theirs.
_ARTICLES = """
WITH about AS (
    SELECT fact_id FROM visa_programmes WHERE lower(name) = lower($p)
    UNION SELECT fact_id FROM events WHERE lower(programme) = lower($p)
    UNION SELECT fact_id FROM fees WHERE lower(programme) = lower($p)
)
SELECT DISTINCT article_id FROM fact_sources WHERE fact_id IN (SELECT fact_id FROM about)
"""
_QUOTES = f"""
SELECT speaker, text, direct, n_sources, n_stories, n_outlets, first_reported_at, sources
FROM quotes_by_person
WHERE quote_id IN (
    SELECT g.quote_id FROM quote_groups AS g JOIN fact_sources AS s USING (fact_id)
    WHERE s.article_id IN ({_ARTICLES})
)
ORDER BY n_outlets DESC, first_reported_at NULLS LAST, speaker NULLS LAST, text
"""
_CONFLICTS = """
SELECT kind, subject, claim_a, claim_b, sources_a, sources_b, stories_a, stories_b, outlets_a, outlets_b
FROM conflicts
WHERE lower(programme) = lower($p)
ORDER BY kind, subject, claim_a, claim_b
"""
_STORIES = f"""
SELECT s.story_id, s.title, s.wire, s.n_articles, s.n_outlets, s.outlets, s.first_published_at
FROM stories AS s
WHERE s.story_id IN (SELECT story_id FROM article_stories WHERE article_id IN ({_ARTICLES}))
ORDER BY s.first_published_at NULLS LAST, s.story_id
"""


@dataclass(frozen=True)
class QuoteRow:
    """A merged quote (``quotes_by_person``) with its coverage."""

    speaker: str | None
    text: str
    direct: bool
    n_sources: int
    n_stories: int
    n_outlets: int
    first_reported_at: dt.date | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ConflictRow:
    """Two disagreeing claims (``conflicts``) side by side."""

    kind: str
    subject: str
    claim_a: str
    claim_b: str
    sources_a: tuple[str, ...]
    sources_b: tuple[str, ...]
    stories_a: int
    stories_b: int
    outlets_a: int
    outlets_b: int


@dataclass(frozen=True)
class StoryRow:
    """A story that mentions the programme."""

    story_id: str
    title: str | None
    wire: str | None
    n_articles: int
    n_outlets: int
    outlets: tuple[str, ...]
    first_published_at: dt.date | None


@dataclass(frozen=True)
class ProgrammeReport:
    """Everything the timeline page shows about one programme."""

    programme: str
    timeline: list[TimelineRow]
    quotes: list[QuoteRow]
    conflicts: list[ConflictRow]
    stories: list[StoryRow]


def programme_report(con: duckdb.DuckDBPyConnection, programme: str) -> ProgrammeReport:
    """The report of ``programme`` (any case) from the store behind ``con``."""
    name = programme.strip()
    rows = timeline(con, name)
    return ProgrammeReport(
        programme=name,
        timeline=rows,
        quotes=[_quote(r) for r in _fetch(con, _QUOTES, name)],
        conflicts=[_conflict(r) for r in _fetch(con, _CONFLICTS, name)],
        stories=[_story(r) for r in _fetch(con, _STORIES, name)],
    )


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, programme: str) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, {"p": programme}).fetchall()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot read the report of {programme!r}: {first_line(exc)}") from exc


def _quote(row: tuple[Any, ...]) -> QuoteRow:
    speaker, text, direct, n_sources, n_stories, n_outlets, first, sources = row
    return QuoteRow(speaker, text, bool(direct), n_sources, n_stories, n_outlets, first, tuple(sources))


def _conflict(row: tuple[Any, ...]) -> ConflictRow:
    kind, subject, claim_a, claim_b, sources_a, sources_b, *counts = row
    return ConflictRow(kind, subject, claim_a, claim_b, tuple(sources_a), tuple(sources_b), *counts)


def _story(row: tuple[Any, ...]) -> StoryRow:
    story_id, title, wire, n_articles, n_outlets, outlets, first = row
    return StoryRow(story_id, title, wire, n_articles, n_outlets, tuple(outlets), first)
