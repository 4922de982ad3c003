"""Prefect flow ``monitor``: every source in a TOML list, each new item ingested.

The store is opened first, so a second run on the same store stops at once
with a one-line "locked" error before sending a request. Discovery fetches
every listing conditionally; items are fetched concurrently (a thread pool,
paced per host by the polite client, a bounded window ahead), extracted in
batches (on worker processes for a large run) and stored in batches in the
flow's thread (DuckDB: one writer). One failed item is recorded in
``ingest_failures`` with its reason and does not fail the run; a transient
failure is tried again on the next run. The run's summary is published as a
Prefect artifact.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner

from extractors.nlp import FactExtractor
from extractors.relevance import compile_topics
from flows import alert_tasks, pipeline, tasks
from flows.progress import progress
from flows.save_buffer import SaveBuffer
from flows.scale import ClusterSettings, Runner, cluster_settings
from flows.settings import resolve_db
from sources.config import SourceList, load_sources
from sources.discover import Listing
from sources.errors import NewsfactsError
from sources.fetch import make_client
from sources.polite import PoliteClient
from store.bulk import load_arrow
from store.db import open_store
from store.writer import Saved, record_failure

# Items fetched at once across all hosts; each host's own limit is
# FetchSettings.per_host_concurrency, enforced by the polite client.
FETCH_WORKERS = 8
# Fetches submitted ahead of the item being extracted: enough to keep every
# fetch worker and a few extraction batches busy, few enough that a long run
# streams instead of holding every page (bench/memory.py measures it).
FETCH_AHEAD = 64
# Items of one host fetched by one ``fetch-items`` task run: Prefect keeps every
# task run's state for the whole flow run (about 4 KB each; bench/memory.py
# measures it), and a window reaches extraction only once all of it is fetched,
# so a slow, polite host's pages wait for the window's last one (and a run
# killed then loses the window). Eight keeps both small.
FETCH_WINDOW = 8


@dataclass
class MonitorSummary:
    """What one monitor run did."""

    discovered: int = 0
    unchanged_sources: int = 0
    skipped_known: int = 0
    ingested: int = 0
    new_facts: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    failures_by_reason: dict[str, int] = field(default_factory=dict)
    # The alert step (flows/alerting.py): titles of the alerts raised, deliveries.
    alerts: list[str] = field(default_factory=list)
    alerts_delivered: int = 0
    alerts_pending: int = 0

    def fail(self, url: str, error: NewsfactsError) -> None:
        """Count one failure under its error class."""
        self.failed[url] = error.one_line()
        reason = type(error).__name__
        self.failures_by_reason[reason] = self.failures_by_reason.get(reason, 0) + 1

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return asdict(self)


@flow(name="monitor", task_runner=ThreadPoolTaskRunner(max_workers=FETCH_WORKERS))  # type: ignore[arg-type]
def monitor(
    config: str,
    db: str | None = None,
    runner: Runner = "threads",
    dask_address: str | None = None,
    staging: str | None = None,
) -> dict[str, object]:
    """Run every source listed in the TOML file ``config`` once into the store ``db``.

    ``runner="dask"`` extracts each item on a Dask cluster (the scheduler at
    ``dask_address``, else a temporary local one), staged in ``staging``
    (default ``<db>.staging``) and loaded here: see ``flows/cluster.py``.
    """
    sources = load_sources(config)
    cluster = cluster_settings(runner, dask_address, staging, resolve_db(db))
    summary = run_sources(sources, resolve_db(db), cluster)
    publish_summary(summary)
    return summary.to_dict()


@contextmanager
def store_held(db: Path) -> Iterator[None]:
    """Hold the store's write lock around a whole run, taken before Prefect starts.

    DuckDB lets one process write a file; a second ``newsfacts monitor`` on the
    same store then fails here with a one-line :class:`StoreBusy`, before its
    flow run starts or any request is sent. The flow's own connection in this
    process shares the database instance, so it is not refused.
    """
    con = open_store(db)
    try:
        yield
    finally:
        con.close()


def run_sources(sources: SourceList, db: Path, cluster: ClusterSettings | None = None) -> MonitorSummary:
    """The body of ``monitor``: discover, skip what is settled, ingest the rest."""
    con = open_store(db)
    try:
        with make_client(sources.settings) as client:
            http = PoliteClient(client, sources.settings)
            listing = tasks.discover(sources, http, con)
            summary = MonitorSummary(discovered=len(listing.items), unchanged_sources=len(listing.unchanged))
            for url, error in listing.failures:
                record_failure(con, url, error)
                summary.fail(url, error)
            todo = pipeline.pending_items(con, listing)
            summary.skipped_known = len(listing.items) - len([u for u in todo if u in listing.items])
            if cluster is None:
                _ingest_all(con, http, sources, listing, todo, summary)
            else:  # scale-out: extraction on a Dask cluster, loading here (flows/cluster.py)
                _ingest_on_cluster(con, http, sources, listing, todo, summary, cluster)
            # Last: a run killed before here lists the same items next time.
            pipeline.save_listings(con, listing)
            _alert_step(con, sources, summary)
    finally:
        con.close()
    get_run_logger().info("monitor summary: %s", summary.to_dict())
    return summary


def _alert_step(con: duckdb.DuckDBPyConnection, sources: SourceList, summary: MonitorSummary) -> None:
    """Alerts on what this run added (and any earlier run left unsent), delivered, published."""
    run = alert_tasks.run_alerts(con, sources.alerts)
    summary.alerts = [alert.title for alert in run.new]
    summary.alerts_delivered, summary.alerts_pending = run.delivered, run.undelivered
    alert_tasks.publish_alerts(run)


def _ingest_all(
    con: duckdb.DuckDBPyConnection,
    http: PoliteClient,
    sources: SourceList,
    listing: Listing,
    todo: list[str],
    summary: MonitorSummary,
) -> None:
    if not todo:
        return
    # Before fetching starts: the first batch save would import these while pages wait.
    load_arrow()
    fetched = _fetched(http, sources, listing, progress(todo, "ingesting"))
    extractor = FactExtractor()  # the model loads where it runs: here, or in each worker
    watchlist = compile_topics(sources.topics)  # once per run; empty: every article is relevant
    n_process = pipeline.processes_for(len(todo))
    try:
        # A fetch error or an OffTopic skip passes through the buffer in its place; what
        # the buffer holds is saved before the run waits for the next extraction batch.
        with SaveBuffer[pipeline.Extraction](
            lambda batch: tasks.store_articles(con, batch),
            lambda url, saved: _count(summary, url, saved),
            record=lambda outcomes: pipeline.finish_items(con, outcomes),
        ) as buffer:
            extracted = pipeline.extract_fetched(
                fetched, extractor, n_process=n_process, watchlist=watchlist, on_wait=buffer.flush
            )
            for url, extraction in extracted:
                buffer.add(url, extraction)
    finally:
        extractor.close()  # the worker processes, if the run started any


def _fetched(
    http: PoliteClient, sources: SourceList, listing: Listing, todo: Iterable[str]
) -> Iterator[tuple[str, pipeline.Fetched]]:
    """Each item's page (or fetch error) in order, at most FETCH_AHEAD items submitted
    ahead of the window awaited, so a run of 10k items does not hold 10k pages.

    One ``fetch-items`` task per window of FETCH_WINDOW consecutive items of one
    host; the windows' fetches share FETCH_WORKERS threads.
    """
    pending: deque[tuple[list[str], PrefectFuture[list[pipeline.Fetched]] | None]] = deque()
    # A host's windows run one after another (its requests are paced and bounded
    # per host anyway): windows of one host in flight at once would share its
    # request slots item by item, and the first would end with the last.
    last_of_host: dict[str, PrefectFuture[list[pipeline.Fetched]]] = {}
    ahead = 0
    pool = ThreadPoolExecutor(FETCH_WORKERS, thread_name_prefix="newsfacts-fetch")
    try:
        for urls in _windows(todo, lambda url: None if url in listing.pages else host_tag(url)):
            future = None
            if urls[0] not in listing.pages:
                items = [(url, listing.settings.get(url, sources.settings)) for url in urls]
                tag = host_tag(urls[0])
                window = tasks.fetch_items.with_options(tags={tag})
                if tag in last_of_host:
                    # (prefect types submit without wait_for, which it accepts)
                    future = window.submit(items, http, pool, wait_for=[last_of_host[tag]])  # type: ignore[call-overload]
                else:
                    future = window.submit(items, http, pool)
                last_of_host[tag] = future
            pending.append((urls, future))
            ahead += len(urls)
            while ahead > FETCH_AHEAD:
                ahead -= len(pending[0][0])
                yield from _results(listing, *pending.popleft())
        while pending:
            yield from _results(listing, *pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _windows(urls: Iterable[str], key: Callable[[str], str | None]) -> Iterator[list[str]]:
    """``urls`` in order, in runs of at most FETCH_WINDOW consecutive URLs of one ``key``."""
    window: list[str] = []
    for url in urls:
        if window and (len(window) >= FETCH_WINDOW or key(window[0]) != key(url)):
            yield window
            window = []
        window.append(url)
    if window:
        yield window


def _results(
    listing: Listing, urls: list[str], future: PrefectFuture[list[pipeline.Fetched]] | None
) -> Iterator[tuple[str, pipeline.Fetched]]:
    if future is None:  # pages the listing fetched already (watched pages)
        yield from ((url, listing.pages[url]) for url in urls)
    else:
        yield from zip(urls, future.result(), strict=True)


def host_tag(url: str) -> str:
    """``host:example.com``: the tag a Prefect concurrency limit per host is set on.

    The polite client already bounds requests per host within one run; a
    limit on this tag (``prefect concurrency-limit create host:example.com 2``)
    also bounds them across runs and deployments sharing a Prefect server.
    """
    return f"host:{urlsplit(url).netloc.lower()}"


def publish_summary(summary: MonitorSummary) -> None:
    """The run summary as a markdown artifact, visible on the flow run in Prefect's UI."""
    from prefect.artifacts import create_markdown_artifact

    reasons = Counter(summary.failures_by_reason)
    lines = [
        "## Monitor run",
        "",
        "| new articles | new facts | items listed | already stored | unchanged sources | failed |",
        "|---|---|---|---|---|---|",
        f"| {summary.ingested} | {summary.new_facts} | {summary.discovered} | {summary.skipped_known} "
        f"| {summary.unchanged_sources} | {len(summary.failed)} |",
    ]
    if reasons:
        lines += ["", "### Failures by reason", "", "| reason | items |", "|---|---|"]
        lines += [f"| {reason} | {count} |" for reason, count in reasons.most_common()]
    create_markdown_artifact(
        markdown="\n".join(lines), key="monitor-summary", description="monitor run summary"
    )


# --- scale-out (issue 6): kept apart from the local path above -----------------


def _ingest_on_cluster(
    con: duckdb.DuckDBPyConnection,
    http: PoliteClient,
    sources: SourceList,
    listing: Listing,
    todo: list[str],
    summary: MonitorSummary,
    cluster: ClusterSettings,
) -> None:
    """``_ingest_all`` with each item extracted on a Dask cluster; fetching and loading stay here."""
    from flows.cluster import ingest_on_cluster

    if not todo:
        return
    fetched = _fetched(http, sources, listing, progress(todo, "ingesting"))
    watchlist = compile_topics(sources.topics)  # the gate runs on the workers, before spaCy
    ingest_on_cluster(
        con,
        fetched,
        cluster,
        lambda url, outcome: _count(summary, url, outcome),
        watchlist,
        record=lambda outcomes: pipeline.finish_items(con, outcomes),
    )


def _count(summary: MonitorSummary, url: str, outcome: Saved) -> None:
    """Count one item's outcome in the summary."""
    if isinstance(outcome, NewsfactsError):
        summary.fail(url, outcome)
    else:
        summary.ingested += 1
        summary.new_facts += outcome.new_facts
