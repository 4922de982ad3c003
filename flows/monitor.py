"""Prefect flow ``monitor``: every source in a TOML list, each new item ingested.

One failed item is recorded in ``ingest_failures`` with its error and does not
fail the run; it is tried again on the next run. Items already stored are
skipped, so a second run over unchanged sources ingests nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import httpx
from prefect import flow, get_run_logger

from extractors.nlp import FactExtractor
from flows import tasks
from flows.pipeline import new_urls
from flows.progress import progress
from flows.settings import resolve_db
from sources.config import SourceList, load_sources
from sources.errors import NewsfactsError
from sources.fetch import make_client
from store.db import open_store
from store.writer import clear_failure


@dataclass
class MonitorSummary:
    """What one monitor run did."""

    discovered: int = 0
    skipped_known: int = 0
    ingested: int = 0
    new_facts: int = 0
    failed: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return asdict(self)


@flow(name="monitor")
def monitor(config: str, db: str | None = None) -> dict[str, object]:
    """Run every source listed in the TOML file ``config`` once into the store ``db``."""
    sources = load_sources(config)
    return run_sources(sources, resolve_db(db)).to_dict()


def run_sources(sources: SourceList, db: Path) -> MonitorSummary:
    """The body of ``monitor``: discover, skip known, ingest each new item."""
    logger = get_run_logger()
    summary = MonitorSummary()
    with make_client(sources.settings) as client:
        found = tasks.discover(sources, client)
        con = open_store(db)
        try:
            for url, error in found.failures:
                tasks.note_failure(con, url, error)
                summary.failed[url] = error.one_line()
            todo = new_urls(con, found.urls)
            summary.discovered = len(found.urls)
            summary.skipped_known = len(found.urls) - len(todo)
            if todo:
                extractor = FactExtractor()
                for url in progress(todo, "ingesting"):
                    _ingest_item(con, url, client, sources, extractor, summary)
        finally:
            con.close()
    logger.info("monitor summary: %s", summary.to_dict())
    return summary


def _ingest_item(
    con: duckdb.DuckDBPyConnection,
    url: str,
    client: httpx.Client,
    sources: SourceList,
    extractor: FactExtractor,
    summary: MonitorSummary,
) -> None:
    try:
        page = tasks.fetch_page(url, client, sources.settings)
        extraction = tasks.extract_facts(page, extractor)
        saved = tasks.store_article(con, extraction)
    except NewsfactsError as exc:
        tasks.note_failure(con, url, exc)
        summary.failed[url] = exc.one_line()
        get_run_logger().warning("failed %s", exc.one_line())
        return
    clear_failure(con, url)
    summary.ingested += 1
    summary.new_facts += saved.new_facts
