"""The pure core of a run, with no Prefect in it: page -> article -> facts -> store.

Prefect tasks in ``flows.tasks`` and the ``newsfacts ingest`` command both
call these functions; nothing here retries, logs or caches.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import httpx

from extractors.models import AnyFact, Article
from extractors.nlp import ExtractsFacts, FactExtractor
from extractors.page import to_article
from extractors.parallel import available_cores, extract_pages
from extractors.relevance import TopicDecision, Watchlist, screen
from sources.config import SourceList
from sources.discover import Discoverer, Listing
from sources.errors import ConfigError, NewsfactsError, OffTopic, StoreError
from sources.fetch import DEFAULT_SETTINGS, FetchSettings
from sources.load import load
from sources.page import Page
from sources.polite import PoliteClient
from store.bulk import load_arrow
from store.db import open_store, remove_store, rollback_quietly
from store.dedup import Fingerprint
from store.fact_rows import FactRows
from store.ids import normalise_url, url_id
from store.messages import first_line, reraise_ctrl_c
from store.prepared import Prepared, prepare_save
from store.seen import (
    Outcome,
    found_via,
    mark_items,
    mark_outcomes_within,
    retry_items,
    save_sources,
    settled_items,
    validators_for,
)
from store.topics import record_off_topic, record_off_topic_within
from store.writer import (
    ArticleSave,
    Saved,
    SaveResult,
    clear_failure,
    clear_failures_within,
    known_urls,
    record_failure,
    save_article,
    save_each,
)


@dataclass(frozen=True)
class Extraction:
    """A page read into its article and facts, not yet stored."""

    page: Page
    article: Article
    facts: list[AnyFact]
    # The relevance gate's decisions, one per configured topic (none: no gate).
    topics: tuple[TopicDecision, ...] = field(default=())
    # Set when no topic matched: ``facts`` is then empty, spaCy never ran.
    skipped: OffTopic | None = None
    # The article's dedup fingerprint and fact rows, when the extraction computed them (on its worker).
    fingerprint: Fingerprint | None = None
    rows: FactRows | None = None

    def checked(self) -> Extraction:
        """This extraction, or raise its :class:`OffTopic` when the relevance gate skipped it.

        Returned rather than raised by :func:`extract`, so that a skip, the
        usual outcome on a busy feed, is not a failed Prefect task with a
        traceback in the log; the monitor raises it in the flow instead.
        """
        if self.skipped is not None:
            raise self.skipped
        return self

    def to_json(self) -> dict[str, object]:
        """The ``ingest --json`` record: ``{"article": {...}, "facts": [...]}``."""
        return {"article": self.article.to_dict(), "facts": [f.to_dict() for f in self.facts]}


def extract(page: Page, extractor: ExtractsFacts, watchlist: Watchlist | None = None) -> Extraction:
    """Article and facts of a fetched page. With a ``watchlist``, an article no
    topic matches gets no facts and no NLP: the extraction is ``skipped``
    (see :meth:`Extraction.checked`; :func:`save` refuses it)."""
    return _extraction(page, to_article(page), extractor, watchlist)


def _extraction(
    page: Page, article: Article, extractor: ExtractsFacts, watchlist: Watchlist | None
) -> Extraction:
    topics, skip = screen(page, article, watchlist)
    if skip is not None:
        return Extraction(page, article, [], topics, skipped=skip)
    return Extraction(page, article, extractor.extract(article), topics)


Fetched = Page | NewsfactsError
"""A listed item's page, or why it could not be fetched."""

PARALLEL_FROM = 64
"""Items below which a run extracts in its own process. Starting the workers
(the fork server imports spaCy and trafilatura, then each worker loads the
model) takes 3-12 s on the shared 2-core machine, about what 30-60 articles
take on one process; past that the second core pays for it."""
PROCESSES_ENV = "NEWSFACTS_EXTRACT_PROCESSES"
"""Extraction processes for a monitor run: a number, or ``auto`` (the default:
one per core). The workers are started by a fork server, never forked from
the flow run, whose threads may hold a lock at the fork
(``extractors.parallel``)."""


def processes_for(n_items: int) -> int:
    """Extraction processes for a run of ``n_items``: ``NEWSFACTS_EXTRACT_PROCESSES``
    (``auto``, the default: every core), never more than one for a small run."""
    wanted = os.environ.get(PROCESSES_ENV, "auto").strip().lower()
    if n_items < PARALLEL_FROM:
        return 1
    if wanted == "auto":
        return available_cores()
    try:
        return max(1, int(wanted))
    except ValueError as exc:
        raise ConfigError(f"{PROCESSES_ENV} must be a whole number or 'auto', not {wanted!r}") from exc


def fetch_window(
    http: PoliteClient, items: Sequence[tuple[str, FetchSettings]], pool: Executor
) -> list[Fetched]:
    """Each item's page, or why it could not be fetched, in order, fetched concurrently
    on ``pool`` through the run's polite client (which paces and retries per host)."""
    futures = [pool.submit(http.fetch, url, settings=settings) for url, settings in items]
    return [_page_or_error(future) for future in futures]


def _page_or_error(future: Future[Page]) -> Fetched:
    try:
        return future.result()
    except NewsfactsError as exc:
        return exc


def extract_fetched(
    items: Iterable[tuple[str, Fetched]],
    extractor: FactExtractor,
    *,
    n_process: int = 1,
    watchlist: Watchlist | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Iterator[tuple[str, Extraction | NewsfactsError]]:
    """Each item's extraction (or its error), in order, the pages extracted in batches.

    ``items`` is consumed lazily, a few batches ahead of the caller at most
    (``extractors.parallel``); fetch errors pass through in their place, and
    so does the :class:`OffTopic` skip of an article no watched topic matches
    (the gate runs before spaCy, in the worker). ``on_wait`` is called when
    the caller has every outcome so far and the next must be fetched and
    extracted first: the moment to save what the caller holds.
    """
    queued: deque[tuple[str, Fetched]] = deque()

    def pages() -> Iterator[Page]:
        pending = iter(items)
        while True:
            if on_wait is not None and not queued:
                on_wait()
            try:
                url, fetched = next(pending)
            except StopIteration:
                return
            queued.append((url, fetched))
            if isinstance(fetched, Page):
                yield fetched

    outcomes = extract_pages(
        pages(), extractor, n_process=n_process, watchlist=watchlist, prepare=prepare_save
    )
    for outcome in outcomes:
        yield from _errors_before_page(queued)
        url, page = queued.popleft()
        assert isinstance(page, Page)
        yield url, outcome if isinstance(outcome, NewsfactsError) else _extracted(page, *outcome)
    yield from _errors_before_page(queued)


def _extracted(
    page: Page, article: Article, facts: list[AnyFact], topics: tuple[TopicDecision, ...], prepared: object
) -> Extraction:
    if not isinstance(prepared, Prepared):
        return Extraction(page, article, facts, topics)
    return Extraction(page, article, facts, topics, fingerprint=prepared.fingerprint, rows=prepared.rows)


def _errors_before_page(
    queued: deque[tuple[str, Fetched]],
) -> Iterator[tuple[str, Extraction | NewsfactsError]]:
    while queued and isinstance(queued[0][1], NewsfactsError):
        url, error = queued.popleft()
        assert isinstance(error, NewsfactsError)
        yield url, error


def store(db: Path, extraction: Extraction) -> SaveResult:
    """Write one extraction to the store in one transaction."""
    con = open_store(db)
    try:
        return save(con, extraction)
    finally:
        con.close()


def save(con: duckdb.DuckDBPyConnection, extraction: Extraction) -> SaveResult:
    """Write one extraction through an open store connection (an off-topic one raises OffTopic)."""
    extraction.checked()
    return save_article(
        con,
        extraction.article,
        extraction.facts,
        final_url=extraction.page.final_url,
        fetched_at=extraction.page.fetched_at,
        topics=extraction.topics,
    )


def save_many(con: duckdb.DuckDBPyConnection, extractions: Sequence[Extraction]) -> list[Saved]:
    """Write ``extractions`` in one transaction; each one's result (or error), in order.

    The store ends as :func:`save` of each in order would leave it. When the
    batch fails it is rolled back whole and its extractions are saved one
    transaction each, so one bad article costs only itself: its error is in
    its place in the list. An off-topic extraction is not saved (its
    :class:`OffTopic` is its result).
    """
    ready = [e for e in extractions if e.skipped is None]
    saved = iter(save_each(con, [_to_save(e) for e in ready]))
    return [next(saved) if e.skipped is None else e.skipped for e in extractions]


def _to_save(extraction: Extraction) -> ArticleSave:
    page, topics = extraction.page, extraction.topics
    return ArticleSave(
        extraction.article, extraction.facts, page.final_url, page.fetched_at, topics, extraction.fingerprint,
        extraction.rows,
    )


def ingest(
    target: str,
    db: Path,
    extractor: ExtractsFacts,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings = DEFAULT_SETTINGS,
) -> tuple[Extraction, SaveResult]:
    """Fetch (or read) one page, extract it, store it; a failure writes nothing.

    The store is opened (and what its first write imports loaded) once the
    page has yielded an article and before its facts are extracted, so that
    this overlaps the model load of a
    :class:`~extractors.background.BackgroundExtractor`; a store this call
    created is removed again when the extraction fails.
    """
    page = load(target, client=client, settings=settings)
    article = to_article(page)
    created = not db.exists()
    con = open_store(db)
    try:
        # What the save imports on first use (pyarrow.dataset, ~0.5 s), paid
        # now, while a background extractor is still loading its model, rather
        # than after the facts are back.
        load_arrow()
        extraction = _extraction(page, article, extractor, None)
        return extraction, save(con, extraction)
    except BaseException:
        con.close()
        if created:
            remove_store(db)
        raise
    finally:
        con.close()


def discover(sources: SourceList, http: PoliteClient, con: duckdb.DuckDBPyConnection) -> Listing:
    """What every source lists, fetched conditionally against the validators in the store."""
    discoverer = Discoverer(http, lambda url: validators_for(con, url), lambda site: found_via(con, site))
    return discoverer.run(sources)


def pending_items(con: duckdb.DuckDBPyConnection, listing: Listing) -> list[str]:
    """The items of this run: listed or due a retry, minus those already dealt with.

    Watched pages fetched in full this run are always pending (they changed).
    An item stored by a run killed before it marked the item is marked now,
    so a killed run followed by a full one leaves what one full run leaves.
    """
    # One URL per page: the feed's plain link and the sitemap's ?utm_source=... copy are one item.
    by_key: dict[str, str] = {}
    for url in [*listing.items, *retry_items(con)]:
        by_key.setdefault(normalise_url(url), url)
    listed = list(by_key.values())
    candidates = [url for url in listed if url not in listing.pages]
    settled = settled_items(con, candidates)
    stored = known_urls(con, [url for url in candidates if url not in settled])
    for url in sorted(stored):
        mark_items(con, [url], "stored", url_id(url))
    return [url for url in listed if url in listing.pages or (url not in settled and url not in stored)]


def finish_item(con: duckdb.DuckDBPyConnection, url: str, result: SaveResult | NewsfactsError) -> None:
    """Record an item's outcome: stored, failed for good, or to retry next run."""
    if isinstance(result, OffTopic):  # its article is kept, so a topic added later can pull it in
        record_off_topic(con, url, result)
    elif isinstance(result, NewsfactsError):
        record_failure(con, url, result)
        mark_items(con, [url], "retry" if result.retryable else "failed")
    else:
        clear_failure(con, url)
        mark_items(con, [url], "stored", result.article_id)


def finish_items(con: duckdb.DuckDBPyConnection, outcomes: Sequence[tuple[str, Saved]]) -> None:
    """:func:`finish_item` of each (url, outcome) in order, in one transaction.

    The stored items' failures are cleared and every item's ``seen_urls`` row
    written in one statement each; failures (rare) are recorded one by one. A
    batch naming one page twice is finished one item at a time instead.
    """
    if len({normalise_url(url) for url, _ in outcomes}) != len(outcomes):
        for url, outcome in outcomes:
            finish_item(con, url, outcome)
        return
    marks: list[tuple[str, Outcome, str | None]] = []
    try:
        con.begin()
        for url, outcome in outcomes:
            if isinstance(outcome, OffTopic):
                record_off_topic_within(con, url, outcome)
            elif isinstance(outcome, NewsfactsError):
                record_failure(con, url, outcome)
                marks.append((url, "retry" if outcome.retryable else "failed", None))
            else:
                marks.append((url, "stored", outcome.article_id))
        clear_failures_within(con, [url for url, outcome, _ in marks if outcome == "stored"])
        mark_outcomes_within(con, marks)
        con.commit()
    except (duckdb.Error, StoreError) as exc:
        rollback_quietly(con)
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot record the outcomes of {len(outcomes)} items: {first_line(exc)}") from exc


def save_listings(con: duckdb.DuckDBPyConnection, listing: Listing) -> None:
    """Keep the validators of listings fetched in full, for the next run's conditional GETs."""
    save_sources(con, listing.fetched)
