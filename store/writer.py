"""Writing to the store: one article and its facts per transaction, as upserts.

Ids are deterministic (``store.ids``), so saving an article again changes no
row count: the article row is updated in place, each fact merges into its
existing row (``store.tables`` says how), and the article's ``fact_sources``
rows are replaced by the new ones. A fact the new extraction no longer finds
therefore loses this article as a source; a fact left with no source at all
is deleted in the same transaction (no article states it any more), so the
store's content depends only on the latest save of each article.

The same transaction regroups what the article touches: its story
(``store.stories``) and the merged quotes of its speakers (``store.quote_merge``),
and recomputes the timeline entries of its facts (``store.timeline``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

import duckdb

from extractors.models import EXTRACTOR_VERSION, Article, Fact
from extractors.relevance import TopicDecision
from sources.errors import NewsfactsError, StoreError
from store.ids import article_id, fact_id, url_id
from store.messages import first_line
from store.quote_merge import regroup, speakers_of
from store.stories import StoryInput, story_input, update_stories
from store.tables import FACT_TABLES, FactTable, Row
from store.timeline import TIMELINE_KINDS, refresh_timeline

T = TypeVar("T")

_ARTICLE_COLUMNS = (
    "article_id", "url", "final_url", "canonical_url", "site", "title", "author",
    "published_at", "language", "text", "text_hash", "fetched_at", "extractor_version",
)  # fmt: skip
# A re-save refreshes everything but the id and fetched_at, which keeps the
# first fetch so that facts.first_seen_at does not move on a re-run.
_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _ARTICLE_COLUMNS)}) "
    "ON CONFLICT (article_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ARTICLE_COLUMNS[1:] if c != "fetched_at")
    + ", fetched_at = least(articles.fetched_at, excluded.fetched_at)"
)
_SOURCE_COLUMNS = ("fact_id", "article_id", "kind", "sentence", "char_start", "char_end", "extractor_version")
_INSERT_SOURCES = f"INSERT INTO fact_sources ({', '.join(_SOURCE_COLUMNS)}) SELECT * FROM {{source}}"
# The name an Arrow table of rows is registered under for one statement.
_BULK = "newsfacts_bulk_rows"
_UPSERT_FAILURE = """
INSERT INTO ingest_failures (url, error_type, message, retryable, attempts, first_failed_at, last_failed_at)
VALUES (?, ?, ?, ?, 1, ?, ?)
ON CONFLICT (url) DO UPDATE SET
    error_type = excluded.error_type,
    message = excluded.message,
    retryable = excluded.retryable,
    attempts = ingest_failures.attempts + 1,
    last_failed_at = excluded.last_failed_at
"""
_KNOWN_URLS = """
SELECT q.url
FROM (SELECT unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS id) AS q
WHERE EXISTS (
    SELECT 1 FROM articles AS a
    WHERE a.url = q.url OR a.final_url = q.url OR a.article_id = q.id
)
"""


@dataclass(frozen=True)
class SaveResult:
    """What one ``save_article`` did.

    ``total_facts`` counts the article's distinct facts (one fact stated twice
    in it counts once); ``new_facts`` those the store did not hold before.
    """

    article_id: str
    new_facts: int
    total_facts: int


@dataclass
class _Plan:
    """Every row one article's save writes, built before the transaction opens."""

    article_id: str
    article_row: Row
    story: StoryInput
    fact_rows: dict[FactTable, dict[str, Row]] = field(default_factory=dict)  # fact id -> row
    source_rows: dict[str, Row] = field(default_factory=dict)  # fact id -> row
    topics: Sequence[TopicDecision] = ()


def save_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    facts: Sequence[Fact],
    *,
    final_url: str,
    fetched_at: datetime,
    topics: Sequence[TopicDecision] = (),
) -> SaveResult:
    """Upsert ``article`` and its ``facts`` in one transaction.

    ``topics`` are the relevance gate's decisions on it: the matched ones
    become its ``article_topics`` rows, replacing its rows for those topics.

    On any failure the transaction is rolled back, so no row of this save is
    left, and the error is raised as :class:`StoreError` (a
    :class:`NewsfactsError` is raised as it is).
    """

    def work() -> SaveResult:
        plan = _plan(article, facts, final_url=final_url, fetched_at=fetched_at)
        plan.topics = topics
        return _write(con, plan)

    return _in_transaction(con, article.url, work)


def _plan(article: Article, facts: Sequence[Fact], *, final_url: str, fetched_at: datetime) -> _Plan:
    aid = article_id(article)
    row: Row = (
        aid, article.url, final_url, article.canonical_url, article.site, article.title, article.author,
        article.published_at, article.language, article.text, article.text_hash, utc_naive(fetched_at),
        EXTRACTOR_VERSION,
    )  # fmt: skip
    # The MinHash signature is computed here, before the transaction opens.
    plan = _Plan(aid, row, story_input(aid, article))
    # Earliest evidence first: it becomes the article's one fact_sources row for a fact.
    for fact in sorted(facts, key=lambda f: (f.start, f.end)):
        _add_fact(plan, fact, article.url)
    return plan


def _add_fact(plan: _Plan, fact: Fact, url: str) -> None:
    table = _table_for(fact, url)
    fid = fact_id(fact)
    row = table.row(fid, fact)
    rows = plan.fact_rows.setdefault(table, {})
    rows[fid] = table.merge(rows[fid], row) if fid in rows else row
    plan.source_rows.setdefault(
        fid, (fid, plan.article_id, fact.kind, fact.sentence, fact.start, fact.end, EXTRACTOR_VERSION)
    )


def _table_for(fact: Fact, url: str) -> FactTable:
    kind = getattr(type(fact), "kind", None)
    table = FACT_TABLES.get(str(kind))
    if table is None:
        raise StoreError(
            f"cannot store {type(fact).__name__} (kind {kind!r}) from {url}: the store has no table for it",
            url=url,
        )
    return table


def _in_transaction(con: duckdb.DuckDBPyConnection, url: str, work: Callable[[], T]) -> T:
    """Run ``work`` between BEGIN and COMMIT; roll back and translate on failure."""
    try:
        con.begin()
    except duckdb.Error as exc:
        raise StoreError(f"cannot save {url}: {first_line(exc)}", url=url) from exc
    try:
        result = work()
        con.commit()
    except BaseException as exc:
        _rollback(con)
        if isinstance(exc, NewsfactsError) or not isinstance(exc, Exception):
            raise
        raise StoreError(f"cannot save {url}: {first_line(exc)}", url=url) from exc
    return result


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.rollback()
    except duckdb.Error:
        # A failed COMMIT has already ended the transaction; the error that
        # brought us here is the one to raise.
        pass


def _write(con: duckdb.DuckDBPyConnection, plan: _Plan) -> SaveResult:
    """The writes of one save, in an order that keeps every statement valid."""
    ids = sorted(plan.source_rows)
    before = _source_fact_ids(con, plan.article_id)
    speakers = speakers_of(con, before)
    existing = _existing_fact_ids(con, ids)
    con.execute(_UPSERT_ARTICLE, plan.article_row)
    for table, rows in sorted(plan.fact_rows.items(), key=lambda item: item[0].table):
        _bulk(con, table.upsert_sql(_BULK), table.names, [rows[fid] for fid in sorted(rows)])
    con.execute("DELETE FROM fact_sources WHERE article_id = ?", [plan.article_id])
    if ids:
        sources = [plan.source_rows[fid] for fid in ids]
        _bulk(con, _INSERT_SOURCES.format(source=_BULK), _SOURCE_COLUMNS, sources)
    _delete_unsourced(con, sorted(before - set(ids)))
    # Stories and merged quotes change only where this article touches them.
    replace_topics(con, plan.article_id, plan.topics)
    moved = update_stories(con, plan.story)
    regroup(con, speakers | speakers_of(con, ids))
    # Last: an entry reads the fact rows, the sources, the articles and the stories.
    dated = [fid for fid in ids if plan.source_rows[fid][2] in TIMELINE_KINDS]
    refresh_timeline(con, {plan.article_id: dated}, before, moved)
    return SaveResult(plan.article_id, new_facts=len(set(ids) - existing), total_facts=len(ids))


def _bulk(con: duckdb.DuckDBPyConnection, sql: str, names: Sequence[str], rows: list[Row]) -> None:
    """Run ``sql`` over ``rows`` as one Arrow table: one statement, not one per row.

    ``executemany`` runs an upsert once per row; profiled on the fixture pages
    (52 articles, 450 facts), the five fact-table upserts and the source
    insert were 6.8 s of a 15.2 s store stage, 30-35 ms each per article.
    """
    import pyarrow as pa  # imported on the first write: ``--help`` and queries never pay for it

    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    con.register(_BULK, pa.table(columns))
    try:
        con.execute(sql)
    finally:
        con.unregister(_BULK)


def _source_fact_ids(con: duckdb.DuckDBPyConnection, aid: str) -> set[str]:
    rows = con.execute("SELECT fact_id FROM fact_sources WHERE article_id = ?", [aid]).fetchall()
    return {row[0] for row in rows}


def _existing_fact_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    union = " UNION ALL ".join(
        f"SELECT fact_id FROM {t.table} WHERE fact_id IN (SELECT unnest($ids::VARCHAR[]))"
        for t in FACT_TABLES.values()
    )
    return {row[0] for row in con.execute(union, {"ids": ids}).fetchall()}


def _delete_unsourced(con: duckdb.DuckDBPyConnection, candidates: list[str]) -> None:
    """Delete the facts among ``candidates`` that no article states any more."""
    if not candidates:
        return
    for table in FACT_TABLES.values():
        con.execute(
            f"DELETE FROM {table.table} WHERE fact_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND fact_id NOT IN (SELECT fact_id FROM fact_sources)",
            [candidates],
        )


def replace_topics(con: duckdb.DuckDBPyConnection, aid: str, decisions: Sequence[TopicDecision]) -> None:
    """The article's ``article_topics`` rows for the decided topics: one per match.

    Runs inside the caller's transaction. Rows for topics not decided here
    (say, of a topic since removed from the config) are left as they are.
    """
    if not decisions:
        return
    con.execute(
        "DELETE FROM article_topics WHERE article_id = ? AND topic IN (SELECT unnest(?::VARCHAR[]))",
        [aid, [d.topic for d in decisions]],
    )
    now = utc_naive(datetime.now(UTC))
    rows = [[aid, d.topic, list(d.matched), now] for d in decisions if d.relevant]
    if rows:
        con.executemany("INSERT INTO article_topics VALUES (?, ?, ?, ?)", rows)


def record_failure(con: duckdb.DuckDBPyConnection, url: str, error: NewsfactsError) -> None:
    """Record that ``url`` failed with ``error``: one row per URL, ``attempts`` counting up."""
    now = utc_naive(datetime.now(UTC))
    params = [url, type(error).__name__, error.one_line(), error.retryable, now, now]
    _execute(con, _UPSERT_FAILURE, params, f"cannot record the failure of {url}", url)


def clear_failure(con: duckdb.DuckDBPyConnection, url: str) -> None:
    """Forget a recorded failure of ``url`` (it has now been ingested)."""
    sql = "DELETE FROM ingest_failures WHERE url = ?"
    _execute(con, sql, [url], f"cannot clear the failure of {url}", url)


def known_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> set[str]:
    """The URLs of ``urls`` already stored, so a monitor run can skip them.

    A URL is known when an article has it as its ``url`` or ``final_url``, or
    when it normalises to a stored article's id (the same page with tracking
    parameters, a fragment or a trailing slash). A page whose canonical URL is
    stored is still new: it may be another outlet's copy of the story.
    """
    wanted = list(dict.fromkeys(urls))
    if not wanted:
        return set()
    params = [wanted, [url_id(url) for url in wanted]]
    try:
        return {row[0] for row in con.execute(_KNOWN_URLS, params).fetchall()}
    except duckdb.Error as exc:
        raise StoreError(f"cannot look up known URLs: {first_line(exc)}") from exc


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: list[object], what: str, url: str) -> None:
    try:
        con.execute(sql, params)
    except duckdb.Error as exc:
        raise StoreError(f"{what}: {first_line(exc)}", url=url) from exc


def utc_naive(moment: datetime) -> datetime:
    """``moment`` in UTC without tzinfo, as the TIMESTAMP columns hold it.

    A naive ``moment`` is taken to be UTC already. Converting here, not in
    DuckDB, keeps stored times independent of the session's time zone.
    """
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
