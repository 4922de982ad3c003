"""Writing to the store: articles and their facts, many per transaction, as upserts.

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

:func:`save_articles` saves a batch in one transaction and leaves the store
exactly as saving its articles one at a time, in order, would (the batch
test in ``tests/store/test_batches.py`` compares every table and view). Each
step is one statement for the whole batch, over Arrow tables
(``store.bulk``); what depends on the order of the saves (a fact deleted by
one re-save and stated again by a later article, a fact new to one save but
not to the next) is worked out in Python first (:func:`_replay`), from what
the store holds before the batch. :func:`save_article` is a batch of one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TypeVar

import duckdb

from extractors.models import EXTRACTOR_VERSION, Article, Fact
from extractors.relevance import TopicDecision
from sources.errors import NewsfactsError, StoreError
from store.batch_before import Before, read_before
from store.bulk import id_list, registered, run_over, run_split
from store.db import one_thread, rollback_quietly
from store.dedup import Fingerprint
from store.fact_rows import FactRows, fact_rows
from store.ids import article_id, url_id
from store.messages import first_line, reraise_ctrl_c
from store.quote_merge import KnownQuotes, regroup
from store.quote_pairs import Words
from store.speaker_keys import SpeakerKeys
from store.stories import Member, StoryInput, story_input, update_stories_many
from store.tables import FACT_TABLES, FactTable, Row
from store.timeline import TIMELINE_KINDS, refresh_timeline
from store.timeline_new import NewEntries, NewSource

T = TypeVar("T")

SAVE_BATCH = 1000
"""Articles saved in one transaction at most (the monitor's buffer, the staged-file loader).
A batch's cost is mostly per statement and per registered table, not per row: on the bench
pages (314 articles, ``python -m bench.store_writes``) one batch of all 314 took 0.39-0.64 s
to the 0.83-0.85 s of a batch of 200 and one of 114 (2026-12-04, open and close included).
A monitor run rarely fills it: ``flows.save_buffer.SAVE_SECONDS`` flushes sooner."""

_ARTICLE_COLUMNS = (
    "article_id", "url", "final_url", "canonical_url", "site", "title", "author",
    "published_at", "language", "text", "text_hash", "fetched_at", "extractor_version",
)  # fmt: skip
# A re-save refreshes everything but the id and fetched_at, which keeps the
# first fetch so that facts.first_seen_at does not move on a re-run.
_INSERT_ARTICLES = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) SELECT {', '.join(_ARTICLE_COLUMNS)} FROM {{rows}}"
)
_UPSERT_ARTICLES = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
    f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM {{rows}} "
    "ON CONFLICT (article_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ARTICLE_COLUMNS[1:] if c != "fetched_at")
    + ", fetched_at = least(articles.fetched_at, excluded.fetched_at)"
)
_URL, _FINAL, _CANONICAL, _SITE = (
    _ARTICLE_COLUMNS.index(c) for c in ("url", "final_url", "canonical_url", "site")
)
_SOURCE_COLUMNS = ("fact_id", "article_id", "kind", "sentence", "char_start", "char_end", "extractor_version")
_INSERT_SOURCES = f"INSERT INTO fact_sources ({', '.join(_SOURCE_COLUMNS)}) SELECT * FROM {{rows}}"
_TOPIC_COLUMNS = ("article_id", "topic", "matched_terms", "decided_at")
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


@dataclass(frozen=True)
class ArticleSave:
    """One article to save: what :func:`save_article` takes."""

    article: Article
    facts: Sequence[Fact]
    final_url: str
    fetched_at: datetime
    # The relevance gate's decisions on it: the matched ones become its
    # article_topics rows, replacing its rows for those topics.
    topics: Sequence[TopicDecision] = ()
    # Its dedup fingerprint when computed already (on the extraction worker);
    # computed here when absent or not this article's.
    fingerprint: Fingerprint | None = None
    # Its facts' rows when computed already (``store.fact_rows``, on the extraction
    # worker, from this article and these facts); computed here when absent or not this article's.
    rows: FactRows | None = None


@dataclass
class _Plan:
    """Every row one article's save writes, built before the transaction opens."""

    article_id: str
    article_row: Row
    fetched_at: datetime  # UTC, naive: the article row's fetched_at
    member: Member  # what the article's story row reads of it
    story: StoryInput
    fact_rows: Mapping[FactTable, Mapping[str, Row]]  # fact id -> row
    source_rows: Mapping[str, Row]  # fact id -> row
    quote_keys: frozenset[str | None]  # speaker keys of its quotes
    quote_words: Mapping[str, Words]  # quote text -> its words (store.quote_merge.quote_words)
    topics: Sequence[TopicDecision]


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
    return save_articles(con, [ArticleSave(article, facts, final_url, fetched_at, topics)])[0]


def save_articles(con: duckdb.DuckDBPyConnection, saves: Sequence[ArticleSave]) -> list[SaveResult]:
    """Save ``saves`` in one transaction, leaving what saving each in order would leave.

    One result per save, in order (an article saved twice in the batch gets
    two, as two saves would). All or nothing: on any failure the whole batch
    is rolled back and the error raised as :func:`save_article` raises it.
    """
    if not saves:
        return []
    first = saves[0].article.url
    label = first if len(saves) == 1 else f"{len(saves)} articles ({first}, ...)"

    def work() -> list[SaveResult]:
        keys = SpeakerKeys()
        return _write(con, [_plan(save, keys) for save in saves])

    with _translated(label), one_thread(con), _no_cycle_collection():
        return _in_transaction(con, label, work)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is saved.

    A batch builds some 100,000 short-lived rows, tuples and dicts (the
    154-article bench batch), which reference counting frees; meanwhile they
    set off dozens of collections, each scanning every tracked object of the
    process (spaCy's included, in a run that extracts in-process): 20-40 ms of
    CPU per bench batch. Cycles made meanwhile are collected once it is back on.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def _translated(url: str) -> Iterator[None]:
    """DuckDB errors outside the transaction (setting the thread count) as :class:`StoreError`."""
    try:
        yield
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot save {url}: {first_line(exc)}", url=url) from exc


Saved = SaveResult | NewsfactsError
"""What saving one article did, or why it was not saved."""


def save_each(con: duckdb.DuckDBPyConnection, saves: Sequence[ArticleSave]) -> list[Saved]:
    """:func:`save_articles`, or when that batch fails, each half of it the same way.

    One outcome per save, in order: its result, or the error that stopped it,
    so one bad article costs only itself, and a batch of :data:`SAVE_BATCH`
    with one bad article costs about twenty transactions, not a thousand.
    The halves are saved in order, so the store ends as saving each save in
    order in its own transaction would leave it.
    """
    try:
        return list(save_articles(con, saves))
    except NewsfactsError as exc:
        if len(saves) == 1:
            return [exc]
    middle = len(saves) // 2
    return [*save_each(con, saves[:middle]), *save_each(con, saves[middle:])]


def _plan(save: ArticleSave, speaker_keys: SpeakerKeys) -> _Plan:
    article = save.article
    given = save.rows
    if given is None or given.url != article.url or given.extractor_version != EXTRACTOR_VERSION:
        given = None
    aid = article_id(article) if given is None else given.article_id
    row: Row = (
        aid, article.url, save.final_url, article.canonical_url, article.site, article.title, article.author,
        article.published_at, article.language, article.text, article.text_hash, utc_naive(save.fetched_at),
        EXTRACTOR_VERSION,
    )  # fmt: skip
    # The MinHash signature, when not computed already, is computed here, before the rows are written.
    fetched = utc_naive(save.fetched_at)
    member = Member(aid, article.title, article.published_at, len(article.text), fetched)
    if given is None:
        given = fact_rows(article, save.facts, speaker_keys)
    return _Plan(
        aid, row, fetched, member, story_input(aid, article, save.fingerprint),
        given.by_table(), given.sources, given.quote_keys, given.quote_words, save.topics,
    )  # fmt: skip


def _in_transaction(con: duckdb.DuckDBPyConnection, url: str, work: Callable[[], T]) -> T:
    """Run ``work`` between BEGIN and COMMIT; roll back and translate on failure."""
    try:
        con.begin()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot save {url}: {first_line(exc)}", url=url) from exc
    try:
        result = work()
        con.commit()
    except BaseException as exc:
        rollback_quietly(con)
        reraise_ctrl_c(exc)
        if isinstance(exc, NewsfactsError) or not isinstance(exc, Exception):
            raise
        raise StoreError(f"cannot save {url}: {first_line(exc)}", url=url) from exc
    return result


@dataclass
class _Replay:
    """The end state of the batch's facts, and what each save did, from :func:`_replay`."""

    results: list[SaveResult]
    rows: dict[FactTable, dict[str, Row]]  # fact id -> its sightings since it was last (re)created
    reset: set[str]  # facts deleted during the batch (rows to delete first; some come back)
    sources: dict[str, Mapping[str, Row]]  # article id -> its last save's fact_sources rows


def _write(con: duckdb.DuckDBPyConnection, plans: list[_Plan]) -> list[SaveResult]:
    """The writes of a batch, in an order that keeps every statement valid."""
    before = read_before(
        con,
        [(plan.article_id, plan.source_rows.keys()) for plan in plans],
        quotes=any(plan.quote_keys for plan in plans),
    )
    replay = _replay(plans, before)
    last = {plan.article_id: plan for plan in plans}  # insertion order: first save of each article
    written = _upsert_articles(con, plans, before.articles)
    _delete_facts(con, replay.reset)
    # A row not stored (never, or deleted by the batch) is inserted; an upsert costs twice as much.
    for table, rows in sorted(replay.rows.items(), key=lambda item: item[0].table):
        merged = {fid for fid in rows if fid in before.stored and fid not in replay.reset}
        fresh = [rows[fid] for fid in sorted(rows) if fid not in merged]
        sqls = (table.insert_sql("{rows}"), table.upsert_sql("{rows}"))
        run_split(con, sqls, table.names, fresh, [rows[fid] for fid in sorted(merged)])
    if any(before.sources.values()):
        with id_list(con, "newsfacts_saved", last) as saved:
            con.execute(f"DELETE FROM fact_sources WHERE article_id IN (SELECT id FROM {saved})")
    sources = [rows[fid] for rows in (replay.sources[aid] for aid in last) for fid in sorted(rows)]
    run_over(con, _INSERT_SOURCES, _SOURCE_COLUMNS, sources)
    # Stories and merged quotes change only where the batch touches them.
    _replace_topics_of(con, plans)
    stories = update_stories_many(
        con, [last[aid].story for aid in last], stored=before.articles, members=written
    )
    keys = before.quote_keys.union(*(plan.quote_keys for plan in plans))
    regroup(con, keys, _known_quotes(before, replay, plans))
    # Last: an entry reads the fact rows, the sources, the articles and the stories.
    dated = {aid: [f for f, row in replay.sources[aid].items() if row[2] in TIMELINE_KINDS] for aid in last}
    # A fact the batch created has no entry yet (entries are of stored facts).
    created = {fid for rows in replay.rows.values() for fid in rows if fid not in before.stored}
    new = _new_entries(replay, created, {aid: last[aid] for aid in written}, written, stories.story_ids)
    dropped = set().union(*before.sources.values())
    refresh_timeline(con, dated, dropped, stories.moved, created=created, new=new)
    return replay.results


def _new_entries(
    replay: _Replay,
    created: set[str],
    plans: Mapping[str, _Plan],
    written: Mapping[str, Member],
    story_ids: Mapping[str, str],
) -> NewEntries:
    """The created event and fee rows and the new articles (``plans``: the last save of
    each, ``written``: their rows' members) as ``store.timeline_new`` reads them."""
    events, fees = (replay.rows.get(FACT_TABLES[kind], {}) for kind in ("event", "fee"))
    sources = {
        aid: NewSource(
            _source_url(plan.article_row), written[aid].published_at, _optional_str(plan.article_row[_SITE]),
            written[aid].fetched_at, story_ids[aid], plan.story.outlet,
        )
        for aid, plan in plans.items()
    }  # fmt: skip
    return NewEntries(
        {fid: row for fid, row in events.items() if fid in created},
        {fid: row for fid, row in fees.items() if fid in created},
        sources,
    )


def _source_url(row: Row) -> str:
    """coalesce(canonical_url, final_url, url) of an articles row."""
    return str(next(value for value in (row[_CANONICAL], row[_FINAL], row[_URL]) if value is not None))


def _known_quotes(before: Before, replay: _Replay, plans: Sequence[_Plan]) -> KnownQuotes | None:
    """What ``regroup`` may take from the batch instead of reading it back: the speakers
    stored before it, the quote rows it wrote (fact id -> text, speaker) and the words
    of their texts that the plans hold."""
    if before.speakers is None:
        return None
    table = FACT_TABLES["quote"]
    text, speaker = table.names.index("text"), table.names.index("speaker")
    rows = replay.rows.get(table, {})
    written = {fid: (str(row[text]), _optional_str(row[speaker])) for fid, row in rows.items()}
    words = {text: found for plan in plans for text, found in plan.quote_words.items()}
    return KnownQuotes(frozenset(before.speakers), written, frozenset(before.quote_keys), words)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _replay(plans: list[_Plan], before: Before) -> _Replay:
    """Play the saves in order over what the store holds, in memory.

    A save replaces its article's sources; a fact it no longer states that
    no article states any more is deleted (and a later save stating it again
    creates it afresh); a stated fact merges its new row into the stored one.
    """
    stored = set(before.stored)
    sources_of = {aid: set(fids) for aid, fids in before.sources.items()}  # batch article -> facts
    stated_by: dict[str, set[str]] = {}  # fact -> batch articles stating it now
    for aid, fids in sources_of.items():
        for fid in fids:
            stated_by.setdefault(fid, set()).add(aid)
    rows: dict[FactTable, dict[str, Row]] = {}
    table_of: dict[str, FactTable] = {}
    reset: set[str] = set()
    results = []
    last_sources: dict[str, Mapping[str, Row]] = {}
    for plan in plans:
        aid, ids = plan.article_id, set(plan.source_rows)
        results.append(SaveResult(aid, new_facts=len(ids - stored), total_facts=len(ids)))
        for table, found in plan.fact_rows.items():
            pending = rows.setdefault(table, {})
            for fid, row in found.items():
                pending[fid] = table.merge(pending[fid], row) if fid in pending else row
                table_of[fid] = table
        stored |= ids
        for fid in sources_of[aid] - ids:
            stated_by[fid].discard(aid)
            if not stated_by[fid] and fid not in before.elsewhere and fid in stored:
                stored.discard(fid)
                reset.add(fid)
                if fid in table_of:
                    rows[table_of[fid]].pop(fid, None)
        for fid in ids:
            stated_by.setdefault(fid, set()).add(aid)
        sources_of[aid] = ids
        last_sources[aid] = plan.source_rows
    return _Replay(results, rows, reset, last_sources)


def _upsert_articles(
    con: duckdb.DuckDBPyConnection, plans: list[_Plan], stored: set[str]
) -> dict[str, Member]:
    """One row per article: its last save's, with the earliest fetch time of the batch
    (and of the stored row, for the ``stored`` ones). What the new articles' rows hold."""
    rows: dict[str, Row] = {}
    earliest: dict[str, datetime] = {}
    at = _ARTICLE_COLUMNS.index("fetched_at")
    for plan in plans:
        first = earliest.setdefault(plan.article_id, plan.fetched_at)
        earliest[plan.article_id] = min(first, plan.fetched_at)
        row = plan.article_row
        rows[plan.article_id] = (*row[:at], earliest[plan.article_id], *row[at + 1 :])
    fresh = [row for aid, row in rows.items() if aid not in stored]
    merged = [row for aid, row in rows.items() if aid in stored]
    run_split(con, (_INSERT_ARTICLES, _UPSERT_ARTICLES), _ARTICLE_COLUMNS, fresh, merged)
    last = {plan.article_id: plan.member for plan in plans if plan.article_id not in stored}
    return {aid: replace(member, fetched_at=earliest[aid]) for aid, member in last.items()}


def _delete_facts(con: duckdb.DuckDBPyConnection, ids: set[str]) -> None:
    if not ids:
        return
    with id_list(con, "newsfacts_deleted", ids) as deleted:
        for table in FACT_TABLES.values():
            con.execute(f"DELETE FROM {table.table} WHERE fact_id IN (SELECT id FROM {deleted})")


def _replace_topics_of(con: duckdb.DuckDBPyConnection, plans: list[_Plan]) -> None:
    """Each (article, topic) decided in the batch ends as its last decision: a row if it matched."""
    last: dict[tuple[str, str], TopicDecision] = {}
    for plan in plans:
        for decision in plan.topics:
            last[plan.article_id, decision.topic] = decision
    if not last:
        return
    pairs = sorted(last)
    decided = {"article_id": [a for a, _ in pairs], "topic": [t for _, t in pairs]}
    with registered(con, "newsfacts_decided", decided) as rows:
        con.execute(
            f"DELETE FROM article_topics AS t USING {rows} AS d "
            "WHERE t.article_id = d.article_id AND t.topic = d.topic"
        )
    now = utc_naive(datetime.now(UTC))
    matched = [(a, t, list(last[a, t].matched), now) for a, t in pairs if last[a, t].relevant]
    run_over(con, "INSERT INTO article_topics SELECT * FROM {rows}", _TOPIC_COLUMNS, matched)


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


def clear_failures_within(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> None:
    """:func:`clear_failure` of every URL of ``urls`` in one statement, inside the caller's transaction."""
    with id_list(con, "newsfacts_cleared_urls", urls) as cleared:
        con.execute(f"DELETE FROM ingest_failures WHERE url IN (SELECT id FROM {cleared})")


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
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot look up known URLs: {first_line(exc)}") from exc


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: list[object], what: str, url: str) -> None:
    try:
        con.execute(sql, params)
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"{what}: {first_line(exc)}", url=url) from exc


def utc_naive(moment: datetime) -> datetime:
    """``moment`` in UTC without tzinfo, as the TIMESTAMP columns hold it.

    A naive ``moment`` is taken to be UTC already. Converting here, not in
    DuckDB, keeps stored times independent of the session's time zone.
    """
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
