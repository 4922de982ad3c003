"""The ``seen_urls`` table: validators of sources, outcomes of items.

Keyed by :func:`store.ids.normalise_url`, so ``?utm_source=x`` or a trailing
slash does not make a page new. See ``sql/0003_monitoring.sql`` for when rows
are written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

import duckdb

from sources.discover import Fetched, ListingKind
from sources.errors import StoreError
from sources.fetch import Validators
from store.bulk import run_over
from store.db import rollback_quietly
from store.ids import normalise_url
from store.messages import first_line, reraise_ctrl_c
from store.writer import utc_naive

Outcome = Literal["stored", "failed", "retry"]

_UPSERT_SOURCE = """
INSERT INTO seen_urls (url_key, url, kind, via, etag, last_modified, first_seen_at, last_checked_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (url_key) DO UPDATE SET
    url = excluded.url, kind = excluded.kind, via = coalesce(excluded.via, seen_urls.via),
    etag = excluded.etag, last_modified = excluded.last_modified,
    last_checked_at = excluded.last_checked_at
"""
_UPSERT_ITEM = """
INSERT INTO seen_urls (url_key, url, kind, outcome, article_id, first_seen_at, last_checked_at)
VALUES (?, ?, 'item', ?, ?, ?, ?)
ON CONFLICT (url_key) DO UPDATE SET
    outcome = excluded.outcome, article_id = coalesce(excluded.article_id, seen_urls.article_id),
    last_checked_at = excluded.last_checked_at
"""


def validators_for(con: duckdb.DuckDBPyConnection, url: str) -> Validators | None:
    """The validators stored for ``url``, None if it was never fetched in full."""
    row = _run(con, "SELECT etag, last_modified FROM seen_urls WHERE url_key = ?", [normalise_url(url)])
    if not row or not (row[0][0] or row[0][1]):
        return None
    return Validators(row[0][0], row[0][1])


def found_via(con: duckdb.DuckDBPyConnection, site: str) -> list[tuple[str, ListingKind]]:
    """Feeds and sitemaps a site listed on an earlier run (for when its home page is a 304)."""
    rows = _run(con, "SELECT url, kind FROM seen_urls WHERE via = ? ORDER BY url", [site])
    return [(url, kind) for url, kind in rows]


def save_sources(con: duckdb.DuckDBPyConnection, states: Iterable[Fetched]) -> None:
    """Store the validators of sources fetched in full, one transaction."""
    now = utc_naive(datetime.now(UTC))
    rows = [
        [normalise_url(s.url), s.url, s.kind, s.via, s.validators.etag, s.validators.last_modified, now, now]
        for s in states
    ]
    if rows:
        _run_many(con, _UPSERT_SOURCE, rows)


def mark_items(
    con: duckdb.DuckDBPyConnection, urls: Iterable[str], outcome: Outcome, article_id: str | None = None
) -> None:
    """Record the outcome of items (one transaction)."""
    rows = _item_rows(urls, outcome, article_id)
    if rows:
        _run_many(con, _UPSERT_ITEM, rows)


def mark_items_within(
    con: duckdb.DuckDBPyConnection, urls: Iterable[str], outcome: Outcome, article_id: str | None = None
) -> None:
    """As :func:`mark_items`, inside the caller's transaction."""
    rows = _item_rows(urls, outcome, article_id)
    if rows:
        con.executemany(_UPSERT_ITEM, rows)


_UPSERT_ITEMS = """
INSERT INTO seen_urls (url_key, url, kind, outcome, article_id, first_seen_at, last_checked_at)
SELECT url_key, url, 'item', outcome, article_id, now, now FROM {rows}
ON CONFLICT (url_key) DO UPDATE SET
    outcome = excluded.outcome, article_id = coalesce(excluded.article_id, seen_urls.article_id),
    last_checked_at = excluded.last_checked_at
"""


def mark_outcomes_within(
    con: duckdb.DuckDBPyConnection, outcomes: Sequence[tuple[str, Outcome, str | None]]
) -> None:
    """As :func:`mark_items_within` for items with different outcomes (url, outcome,
    article id), in one statement over an Arrow table, inside the caller's transaction.

    The items' URLs must name different pages (``normalise_url``): one statement
    cannot upsert a row twice.
    """
    now = utc_naive(datetime.now(UTC))
    rows = [(normalise_url(url), url, outcome, article_id, now) for url, outcome, article_id in outcomes]
    if len({row[0] for row in rows}) != len(rows):
        raise ValueError("mark_outcomes_within: two items name the same page")
    run_over(con, _UPSERT_ITEMS, ("url_key", "url", "outcome", "article_id", "now"), rows)


def _item_rows(urls: Iterable[str], outcome: Outcome, article_id: str | None) -> list[list[object]]:
    now = utc_naive(datetime.now(UTC))
    return [[normalise_url(url), url, outcome, article_id, now, now] for url in urls]


def settled_items(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> set[str]:
    """The URLs of ``urls`` whose item is stored or failed for good: not fetched again."""
    wanted = list(dict.fromkeys(urls))
    if not wanted:
        return set()
    keys = {normalise_url(url): url for url in wanted}
    rows = _run(
        con,
        "SELECT url_key FROM seen_urls WHERE url_key IN (SELECT unnest(?::VARCHAR[])) "
        "AND outcome IN ('stored', 'failed')",
        [list(keys)],
    )
    return {keys[row[0]] for row in rows}


def retry_items(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Items whose last attempt failed transiently: tried again whatever the listings say."""
    return [row[0] for row in _run(con, "SELECT url FROM seen_urls WHERE outcome = 'retry' ORDER BY url", [])]


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> list[tuple[Any, ...]]:
    try:
        return con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot read seen_urls: {first_line(exc)}") from exc


def _run_many(con: duckdb.DuckDBPyConnection, sql: str, rows: Sequence[Sequence[object]]) -> None:
    try:
        con.begin()
        con.executemany(sql, rows)
        con.commit()
    except duckdb.Error as exc:
        rollback_quietly(con)
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot write seen_urls: {first_line(exc)}") from exc
