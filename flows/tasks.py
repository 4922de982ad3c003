"""Prefect tasks: a few lines each over ``flows.pipeline``, adding retries and names.

Retries are only for transient failures (timeouts, 5xx, 429, dropped
connections): a 404 or a PDF fails the same way every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path

import duckdb
import httpx
from prefect import Task, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun

from extractors.nlp import FactExtractor
from extractors.relevance import Watchlist
from flows import pipeline
from sources.config import SourceList
from sources.discover import Listing
from sources.errors import NewsfactsError
from sources.fetch import FetchSettings, fetch
from sources.page import Page
from sources.polite import PoliteClient
from store.writer import Saved, SaveResult, record_failure

RETRIES = 2
RETRY_DELAYS = [1.0, 4.0]


def only_transient(task: Task[..., object], task_run: TaskRun, state: State[object]) -> bool:
    """Retry condition: the failure is a TransientError."""
    failure = state.data if isinstance(state.data, BaseException) else None
    if failure is None:
        failure = state.result(raise_on_failure=False)  # type: ignore[assignment]
    return isinstance(failure, NewsfactsError) and failure.retryable


@task(
    name="fetch-page",
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=only_transient,
    cache_policy=NO_CACHE,
)
def fetch_page(url: str, client: httpx.Client | None, settings: FetchSettings) -> Page:
    """Fetch one http(s) page.

    Never a local path: a deployment's parameters come from whoever can reach
    the Prefect API, and must not make the worker read its own files.
    """
    return fetch(url, client=client, settings=settings)


@task(name="extract-facts", cache_policy=NO_CACHE)
def extract_facts(
    page: Page, extractor: FactExtractor, watchlist: Watchlist | None = None
) -> pipeline.Extraction:
    """Page -> article -> (relevance gate) -> facts; an off-topic extraction is returned, not raised."""
    return pipeline.extract(page, extractor, watchlist)


@task(name="store-articles", cache_policy=NO_CACHE)
def store_articles(con: duckdb.DuckDBPyConnection, extractions: Sequence[pipeline.Extraction]) -> list[Saved]:
    """Write a batch of extractions in one transaction (one at a time if the batch fails)."""
    return pipeline.save_many(con, extractions)


@task(name="store-article-file", cache_policy=NO_CACHE)
def store_article_file(db: Path, extraction: pipeline.Extraction) -> SaveResult:
    """Open the store, write one article, close it."""
    return pipeline.store(db, extraction)


@task(name="discover", cache_policy=NO_CACHE)
def discover(sources: SourceList, http: PoliteClient, con: duckdb.DuckDBPyConnection) -> Listing:
    """Item URLs from every feed, sitemap, site and page; retries are the polite client's."""
    return pipeline.discover(sources, http, con)


@task(name="fetch-items", cache_policy=NO_CACHE)
def fetch_items(
    items: Sequence[tuple[str, FetchSettings]], http: PoliteClient, pool: Executor
) -> list[pipeline.Fetched]:
    """Fetch a window of listed items (one host's) through the run's polite client,
    concurrently on ``pool``; each item's page or the error it ended with, in order.

    One task run per window, not per item: a monitor run over 10k items makes a
    few hundred task runs, whose state Prefect keeps for the whole flow run.
    No Prefect retries here: the polite client already retries transient
    failures, honouring Retry-After, which a fixed retry delay cannot.
    """
    return pipeline.fetch_window(http, items, pool)


@task(name="record-failure", cache_policy=NO_CACHE)
def note_failure(con: duckdb.DuckDBPyConnection, url: str, error: NewsfactsError) -> None:
    """Record an item that failed, with its reason, for the next run and for SQL."""
    record_failure(con, url, error)
