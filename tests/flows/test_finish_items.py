"""pipeline.finish_items: a batch's outcomes recorded in one transaction, as finish_item of each would."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from flows import pipeline
from sources.errors import ClientStatusError, OffTopic, ServerStatusError
from sources.page import Page
from store.db import open_store
from store.writer import ArticleSave, Saved, save_each
from tests.store.factories import FETCHED, article, fee, rows

Outcomes = Sequence[tuple[str, Saved]]


def _stored(con: duckdb.DuckDBPyConnection, i: int) -> tuple[str, Saved]:
    art = article(f"https://news.example/{i}.html")
    return art.url, save_each(con, [ArticleSave(art, [fee(amount=1000.0 + i)], art.url, FETCHED)])[0]


def _off_topic(i: int) -> tuple[str, Saved]:
    url = f"https://news.example/{i}.html"
    when = datetime(2025, 9, 30, tzinfo=UTC)
    page = Page(url, url, 200, {}, b"<p>x</p>", "<p>x</p>", "utf-8", "html", when)
    return url, OffTopic("off topic", reason="off-topic: no match", article=article(url), page=page)


def _state(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """What finishing writes, without its timestamps."""
    return {
        "seen": rows(con, "SELECT url_key, url, kind, outcome, article_id FROM seen_urls ORDER BY ALL"),
        "failures": rows(
            con, "SELECT url, error_type, message, retryable, attempts FROM ingest_failures ORDER BY ALL"
        ),
        "off_topic": rows(con, "SELECT url, reason FROM off_topic_articles ORDER BY ALL"),
    }  # fmt: skip


def _runs(con: duckdb.DuckDBPyConnection) -> list[Outcomes]:
    """Two batches: failures first, then the same URLs stored, failed again, failed for good."""
    timeout = ServerStatusError("HTTP 503 for u", url="https://news.example/1.html", status=503)
    first: Outcomes = [
        ("https://news.example/1.html", timeout),
        ("https://news.example/2.html", ServerStatusError("HTTP 503", status=503)),
        _stored(con, 3),
        ("https://news.example/4.html?utm_source=feed", ClientStatusError("HTTP 404", status=404)),
    ]
    second: Outcomes = [
        _stored(con, 1),  # failed before: its failure is cleared
        ("https://news.example/2.html", ServerStatusError("HTTP 503 again", status=503)),  # attempts 2
        _off_topic(5),
        _stored(con, 6),
    ]
    return [first, second]


@pytest.fixture
def stores(tmp_path: Path) -> tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection]:
    return open_store(tmp_path / "batch.duckdb"), open_store(tmp_path / "each.duckdb")


def test_a_batch_leaves_what_finishing_each_item_leaves(
    stores: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection],
) -> None:
    batch, each = stores
    for outcomes in _runs(batch):
        pipeline.finish_items(batch, outcomes)
    for outcomes in _runs(each):
        for url, outcome in outcomes:
            pipeline.finish_item(each, url, outcome)
    state = _state(batch)
    assert state == _state(each)
    # What the two runs amount to, spelled out.
    outcomes = {url: outcome for _, url, _, outcome, _ in state["seen"]}
    assert outcomes == {
        "https://news.example/1.html": "stored", "https://news.example/2.html": "retry",
        "https://news.example/3.html": "stored", "https://news.example/4.html?utm_source=feed": "failed",
        "https://news.example/5.html": "failed", "https://news.example/6.html": "stored",
    }  # fmt: skip
    failures = {url: (kind, attempts) for url, kind, _, _, attempts in state["failures"]}
    assert failures == {
        "https://news.example/2.html": ("ServerStatusError", 2),
        "https://news.example/4.html?utm_source=feed": ("ClientStatusError", 1),
        "https://news.example/5.html": ("OffTopic", 1),
    }
    assert state["off_topic"] == [("https://news.example/5.html", "off-topic: no match")]
    for con in stores:
        con.close()


def test_one_page_twice_in_a_batch_is_finished_in_order(
    stores: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection],
) -> None:
    con, other = stores
    other.close()
    url, saved = _stored(con, 7)
    twice = [(url, ServerStatusError("HTTP 503", status=503)), (url + "?utm_source=x", saved)]
    pipeline.finish_items(con, twice)
    assert rows(con, "SELECT outcome FROM seen_urls") == [("stored",)]  # the last outcome
    # As two finish_item calls: the failure is recorded under the URL it failed at.
    assert rows(con, "SELECT url FROM ingest_failures") == [(url,)]
    con.close()
