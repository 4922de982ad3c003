"""Topic rows in the store: off-topic skips kept for a backfill, and topic decisions in bulk.

``article_topics`` rows of a newly saved article are written by
``store.writer.save_article`` in its own transaction; this module keeps the
articles the relevance gate skipped (``off_topic_articles``, see
``sql/0006_topics.sql``) and re-decides stored articles for ``newsfacts backfill``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from extractors.models import Article
from extractors.relevance import TopicDecision
from sources.errors import OffTopic, StoreError
from store.db import rollback_quietly
from store.messages import first_line, reraise_ctrl_c
from store.seen import mark_items_within
from store.writer import record_failure, replace_topics, utc_naive

_ARTICLE_FIELDS = (
    "canonical_url", "site", "title", "author", "published_at", "language", "text", "text_hash",
)  # fmt: skip
_UPSERT_OFF_TOPIC = (
    f"INSERT OR REPLACE INTO off_topic_articles (url, final_url, {', '.join(_ARTICLE_FIELDS)}, "
    f"fetched_at, reason, skipped_at) VALUES ({', '.join('?' for _ in range(len(_ARTICLE_FIELDS) + 5))})"
)


@dataclass(frozen=True)
class SkippedArticle:
    """An off-topic item as kept: its article and what saving it needs."""

    url: str
    final_url: str
    fetched_at: datetime
    article: Article
    reason: str


def record_off_topic(con: duckdb.DuckDBPyConnection, url: str, skip: OffTopic) -> None:
    """Record a skipped item in one transaction: its failure row with the reason, its
    article (kept for a later backfill) and its ``seen_urls`` outcome ('failed': not fetched again).

    One commit instead of three: on a feed that is mostly off-topic this is
    most of what an item costs (bench.relevance).
    """
    try:
        con.begin()
        record_off_topic_within(con, url, skip)
        con.commit()
    except (duckdb.Error, StoreError) as exc:
        rollback_quietly(con)
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot record the off-topic skip of {url}: {first_line(exc)}", url=url) from exc


def record_off_topic_within(con: duckdb.DuckDBPyConnection, url: str, skip: OffTopic) -> None:
    """As :func:`record_off_topic`, inside the caller's transaction."""
    record_failure(con, url, skip)
    keep_off_topic(con, url, skip)
    mark_items_within(con, [url], "failed")


def keep_off_topic(con: duckdb.DuckDBPyConnection, url: str, skip: OffTopic) -> None:
    """Keep the article of item ``url`` that the gate skipped, for a later backfill."""
    a = skip.article
    row = [
        url, skip.page.final_url, *(getattr(a, name) for name in _ARTICLE_FIELDS),
        utc_naive(skip.page.fetched_at), skip.reason, utc_naive(datetime.now(UTC)),
    ]  # fmt: skip
    _run(con, _UPSERT_OFF_TOPIC, row, f"cannot keep the off-topic article {url}")


def off_topic_articles(con: duckdb.DuckDBPyConnection) -> list[SkippedArticle]:
    """Every kept off-topic article, by URL."""
    sql = f"SELECT url, final_url, fetched_at, reason, {', '.join(_ARTICLE_FIELDS)} FROM off_topic_articles"
    rows = _run(con, sql + " ORDER BY url", [], "cannot read off_topic_articles")
    return [_skipped(row) for row in rows]


def _skipped(row: tuple[Any, ...]) -> SkippedArticle:
    url, final_url, fetched_at, reason, *fields = row
    values = dict(zip(_ARTICLE_FIELDS, fields, strict=True))
    return SkippedArticle(url, final_url, fetched_at, Article(url=url, **values), reason)


def forget_off_topic(con: duckdb.DuckDBPyConnection, url: str) -> None:
    """Drop a kept off-topic article (it is stored now)."""
    _run(con, "DELETE FROM off_topic_articles WHERE url = ?", [url], f"cannot forget {url}")


def stored_article_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every stored article id, in id order."""
    rows = _run(con, "SELECT article_id FROM articles ORDER BY article_id", [], "cannot list articles")
    return [row[0] for row in rows]


def article_texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[tuple[str, str | None, str]]:
    """(article_id, title, text) of the stored articles ``ids``."""
    sql = "SELECT article_id, title, text FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
    return [(row[0], row[1], row[2]) for row in _run(con, sql, [list(ids)], "cannot read articles")]


def replace_topics_many(
    con: duckdb.DuckDBPyConnection, decisions: Mapping[str, Sequence[TopicDecision]]
) -> None:
    """Several articles' topic decisions (article id -> decisions), in one transaction."""
    try:
        con.begin()
        for aid, decided in decisions.items():
            replace_topics(con, aid, decided)
        con.commit()
    except duckdb.Error as exc:
        rollback_quietly(con)
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot write article_topics: {first_line(exc)}") from exc


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[object], what: str) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"{what}: {first_line(exc)}") from exc
