"""The pure core of a run, with no Prefect in it: page -> article -> facts -> store.

Prefect tasks in ``flows.tasks`` and the ``newsfacts ingest`` command both
call these functions; nothing here retries, logs or caches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import httpx

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from extractors.page import to_article
from sources.config import SourceList
from sources.errors import NewsfactsError
from sources.feeds import fetch_feed
from sources.fetch import DEFAULT_SETTINGS, FetchSettings
from sources.load import load
from sources.page import Page
from store.db import open_store
from store.writer import SaveResult, known_urls, save_article


@dataclass(frozen=True)
class Extraction:
    """A page read into its article and facts, not yet stored."""

    page: Page
    article: Article
    facts: list[AnyFact]

    def to_json(self) -> dict[str, object]:
        """The ``ingest --json`` record: ``{"article": {...}, "facts": [...]}``."""
        return {"article": self.article.to_dict(), "facts": [f.to_dict() for f in self.facts]}


def extract(page: Page, extractor: FactExtractor) -> Extraction:
    """Article and facts of a fetched page."""
    article = to_article(page)
    return Extraction(page, article, extractor.extract(article))


def store(db: Path, extraction: Extraction) -> SaveResult:
    """Write one extraction to the store in one transaction."""
    con = open_store(db)
    try:
        return save(con, extraction)
    finally:
        con.close()


def save(con: duckdb.DuckDBPyConnection, extraction: Extraction) -> SaveResult:
    """Write one extraction through an open store connection."""
    return save_article(
        con,
        extraction.article,
        extraction.facts,
        final_url=extraction.page.final_url,
        fetched_at=extraction.page.fetched_at,
    )


def ingest(
    target: str,
    db: Path,
    extractor: FactExtractor,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings = DEFAULT_SETTINGS,
) -> tuple[Extraction, SaveResult]:
    """Fetch (or read) one page, extract it, store it. The store is opened
    only once the page has yielded an article, so a failure writes nothing."""
    extraction = extract(load(target, client=client, settings=settings), extractor)
    return extraction, store(db, extraction)


@dataclass(frozen=True)
class Discovery:
    """What a monitor run should fetch, and the sources that failed to list."""

    urls: list[str]
    failures: list[tuple[str, NewsfactsError]]


def discover(sources: SourceList, client: httpx.Client | None = None) -> Discovery:
    """Page URLs from every feed and the listed pages, in order, without repeats."""
    urls: list[str] = [source.url for source in sources.pages]
    failures: list[tuple[str, NewsfactsError]] = []
    for feed in sources.feeds:
        try:
            urls.extend(item.url for item in fetch_feed(feed.url, client=client, settings=sources.settings))
        except NewsfactsError as exc:
            failures.append((feed.url, exc))
    return Discovery(list(dict.fromkeys(urls)), failures)


def new_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> list[str]:
    """The URLs the store has not ingested yet, order kept."""
    urls = list(urls)
    known = known_urls(con, urls)
    return [url for url in urls if url not in known]
