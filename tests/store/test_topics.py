"""Topic rows: article_topics in the save transaction, off-topic articles kept for a backfill."""

from __future__ import annotations

import duckdb

from extractors.relevance import TopicDecision
from sources.errors import OffTopic
from sources.page import Page
from store.migrations import Migration, migrate
from store.topics import (
    forget_off_topic,
    keep_off_topic,
    off_topic_articles,
    record_off_topic,
    replace_topics_many,
)
from store.writer import save_article
from tests.store.factories import FETCHED, article, programme, rows

VISAS = TopicDecision("visas", True, ("programme:H-1B",), "matched programme:H-1B")
TARIFFS_MISS = TopicDecision("tariffs", False, (), "no match")


def page_of(url: str) -> Page:
    return Page(url, url, 200, {}, b"", "", "utf-8", "html", FETCHED)


def test_a_saved_article_keeps_its_matched_topics_only(con: duckdb.DuckDBPyConnection) -> None:
    art = article()
    saved = save_article(con, art, [programme()], final_url=art.url, fetched_at=FETCHED,
                         topics=[VISAS, TARIFFS_MISS])  # fmt: skip
    got = rows(con, "SELECT article_id, topic, matched_terms FROM article_topics")
    assert got == [(saved.article_id, "visas", ["programme:H-1B"])]


def test_re_deciding_replaces_the_decided_topics_and_leaves_others(con: duckdb.DuckDBPyConnection) -> None:
    art = article()
    other = TopicDecision("old-topic", True, ("keyword:x",), "matched keyword:x")
    saved = save_article(con, art, [], final_url=art.url, fetched_at=FETCHED, topics=[VISAS, other])
    replace_topics_many(con, {saved.article_id: [TopicDecision("visas", False, (), "no match")]})
    assert rows(con, "SELECT topic FROM article_topics") == [("old-topic",)]


def test_no_decisions_write_no_rows(con: duckdb.DuckDBPyConnection) -> None:
    art = article()
    save_article(con, art, [], final_url=art.url, fetched_at=FETCHED)
    assert rows(con, "SELECT count(*) FROM article_topics") == [(0,)]


def test_an_off_topic_article_is_kept_whole_and_forgotten_once_stored(con: duckdb.DuckDBPyConnection) -> None:
    art = article("https://news.example/rain", text="Rain all week.")
    reason = "off-topic: no match for topic visas"
    skip = OffTopic("skipped", reason=reason, article=art, page=page_of(art.url))
    keep_off_topic(con, art.url, skip)
    keep_off_topic(con, art.url, skip)  # a second skip of the same item is one row
    (kept,) = off_topic_articles(con)
    assert (kept.article, kept.reason, kept.final_url) == (art, skip.reason, art.url)
    assert kept.fetched_at == FETCHED.replace(tzinfo=None)
    forget_off_topic(con, art.url)
    assert off_topic_articles(con) == []


def test_the_runner_accepts_reserved_gaps_and_fills_them_later() -> None:
    """0006 can ship before 0004/0005 (reserved for other branches); they apply when they arrive."""
    con = duckdb.connect(":memory:")
    early = [Migration(1, "a", "CREATE TABLE a (x INT)"), Migration(6, "f", "CREATE TABLE f (x INT)")]
    assert migrate(con, early) == [1, 6]
    later = [*early, Migration(4, "d", "CREATE TABLE d (x INT)")]
    assert migrate(con, later) == [4]
    assert rows(con, "SELECT version FROM schema_migrations ORDER BY version") == [(1,), (4,), (6,)]


def test_an_off_topic_skip_is_recorded_in_one_go(con: duckdb.DuckDBPyConnection) -> None:
    art = article("https://news.example/rain", text="Rain all week.")
    reason = "off-topic: no match for topic visas"
    record_off_topic(con, art.url, OffTopic(f"skipped {art.url}: {reason}", reason=reason, article=art,
                                            page=page_of(art.url)))  # fmt: skip
    assert rows(con, "SELECT error_type, message, retryable FROM ingest_failures") == [
        ("OffTopic", f"skipped {art.url}: {reason}", False)
    ]
    assert rows(con, "SELECT url, reason FROM off_topic_articles") == [(art.url, reason)]
    assert rows(con, "SELECT outcome FROM seen_urls WHERE url = ?", [art.url]) == [("failed",)]
