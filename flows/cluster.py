"""Scale-out for ``monitor``: each article extracted on a Dask cluster, loaded by one process.

``newsfacts monitor CONFIG --runner dask [--dask-address tcp://host:8786]``.
Fetching stays in the flow process: robots.txt, Crawl-delay, ``min_interval``
and Retry-After are per-host state in one polite client, and splitting them
across machines would need a shared lock server (DESIGN.md: never). The
expensive part, trafilatura and spaCy, runs on Dask workers through
Prefect's ``DaskTaskRunner`` (prefect-dask) as the task ``extract-and-stage``:
each worker process loads one pipeline (:class:`ExtractorPlugin`), and writes
each article's extraction as a Parquet file into the shared staging folder
(``store.staging``). The flow process, which holds the store, loads the files
as their tasks finish (``store.loader``), in the order of the items and many
per transaction, as the local run saves (``flows.save_buffer``): DuckDB keeps
its one writer, and the store ends exactly as a local run leaves it.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import distributed
import duckdb
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect_dask.task_runners import DaskTaskRunner

from extractors.models import EXTRACTOR_VERSION
from extractors.nlp import FactExtractor, load_pipeline, model_name, usd_rates
from extractors.relevance import Watchlist
from flows import pipeline
from flows.save_buffer import SaveBuffer
from flows.scale import ClusterSettings
from sources.errors import ConfigError, NewsfactsError, WorkerLost
from sources.page import Page
from store.loader import load_files
from store.staging import Staged, write_staged
from store.writer import SaveResult, utc_naive

PLUGIN_PREFIX = "newsfacts-extractor-"
# Items submitted to the cluster ahead of the one being loaded: enough to keep
# many workers busy while the loader waits on the oldest, few enough that a
# long run streams pages through the cluster instead of holding them all.
SUBMIT_AHEAD = 64
Outcome = SaveResult | NewsfactsError
Fetched = Page | NewsfactsError


def reporting_to_this_api() -> AbstractContextManager[object]:
    """Settings under which Dask workers report their task runs to this run's Prefect API.

    With no ``PREFECT_API_URL``, this process talks to a temporary server of
    its own, which the settings sent with each task do not name: every
    worker would start a temporary server of its own (tens of seconds each)
    and record its task runs there. Naming the temporary server's URL sends
    them to it; it is on loopback, so this serves a cluster on this machine,
    and a cluster elsewhere needs a real server (README: Past one machine).
    """
    if PREFECT_API_URL.value():
        return nullcontext()
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        url = str(client.api_url).rstrip("/")
    return temporary_settings(updates={PREFECT_API_URL: url})


def task_runner(settings: ClusterSettings) -> DaskTaskRunner:
    """Prefect's Dask task runner: the given scheduler, or a temporary local cluster.

    The temporary cluster has one single-threaded worker process per core:
    extraction is CPU-bound Python, so threads would share one GIL.
    """
    if settings.address:
        return DaskTaskRunner(address=settings.address)
    workers = os.cpu_count() or 1
    cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    return DaskTaskRunner(cluster_kwargs=cluster)


class ExtractorPlugin(distributed.WorkerPlugin):
    """One spaCy pipeline per Dask worker process, loaded by the first task that needs it.

    It carries the flow process's model name and rate table, so every worker
    extracts as the flow's own machine would, whatever its environment says.
    Its name is a hash of those (:func:`plugin_name`) and it is idempotent:
    a long-lived cluster keeps its loaded pipelines from one run to the next.
    """

    idempotent = True

    def __init__(self, model: str, rates: dict[str, float]) -> None:
        self.model = model
        self.rates = rates
        self._extractor: FactExtractor | None = None
        self._lock: threading.Lock | None = None

    def setup(self, worker: distributed.Worker) -> None:
        """Called once in the worker process when the plugin arrives there."""
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        return {"model": self.model, "rates": self.rates, "_extractor": None, "_lock": None}

    def stage(self, page: Page, folder: Path, watchlist: Watchlist | None = None) -> Path:
        """Extract ``page`` and write its staged file into ``folder``; raise
        :class:`~sources.errors.OffTopic` when no watched topic matches (no spaCy then).

        Under a lock: one pipeline is not shared by two threads of a worker.
        """
        if self._lock is None:
            raise ConfigError("the newsfacts extractor plugin was not set up on this Dask worker")
        with self._lock:
            if self._extractor is None:
                self._extractor = FactExtractor(load_pipeline(self.model, self.rates))
            extraction = pipeline.extract(page, self._extractor, watchlist).checked()
        staged = Staged(
        extraction.article, extraction.facts, page.final_url, utc_naive(page.fetched_at),
        topics=extraction.topics,
    )  # fmt: skip
        return write_staged(folder, staged)


def plugin_name(model: str, rates: dict[str, float]) -> str:
    """The plugin's name for one extractor configuration."""
    key = json.dumps([EXTRACTOR_VERSION, model, sorted(rates.items())])
    return PLUGIN_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def worker_plugin(name: str) -> ExtractorPlugin:
    """This Dask worker's :class:`ExtractorPlugin` called ``name``."""
    plugin = distributed.get_worker().plugins.get(name)
    if not isinstance(plugin, ExtractorPlugin):
        raise ConfigError(f"the extractor plugin {name} is not registered on this Dask worker")
    return plugin


@task(name="extract-and-stage", cache_policy=NO_CACHE)
def extract_and_stage(page: Page, staging: str, plugin: str, watchlist: Watchlist | None = None) -> str:
    """On a Dask worker: page -> article -> (relevance gate) -> facts -> one staged Parquet file."""
    return str(worker_plugin(plugin).stage(page, Path(staging), watchlist))


def ingest_on_cluster(
    con: duckdb.DuckDBPyConnection,
    fetched: Iterable[tuple[str, Fetched]],
    settings: ClusterSettings,
    finish: Callable[[str, Outcome], None],
    watchlist: Watchlist | None = None,
    record: Callable[[Sequence[tuple[str, Outcome]]], None] | None = None,
) -> None:
    """Extract each fetched item on the cluster and load its result here, in order.

    ``fetched`` gives each item's page, or the error its fetch ended with;
    ``finish`` gets each item's outcome: what its save did, or why it failed,
    after ``record`` (when given) has had the outcomes of its whole batch.
    At most SUBMIT_AHEAD items are on the cluster at once.
    """
    model, rates = model_name(), usd_rates()
    plugin = plugin_name(model, rates)
    loads = SaveBuffer[Path](lambda paths: load_files(con, paths), finish, record=record)
    with reporting_to_this_api(), task_runner(settings) as runner, loads:
        runner.client.register_plugin(ExtractorPlugin(model, rates), name=plugin)
        pending: deque[tuple[str, PrefectFuture[str] | NewsfactsError]] = deque()

        def load_oldest() -> None:
            url, work = pending.popleft()
            loads.add(url, _staged(url, work))

        for url, page in fetched:
            if isinstance(page, NewsfactsError):
                pending.append((url, page))
            else:
                parameters = {"page": page, "staging": str(settings.staging), "plugin": plugin,
                              "watchlist": watchlist}  # fmt: skip
                pending.append((url, runner.submit(extract_and_stage, parameters)))
            if len(pending) > SUBMIT_AHEAD:
                load_oldest()
        while pending:
            load_oldest()


def _staged(url: str, work: PrefectFuture[str] | NewsfactsError) -> Path | NewsfactsError:
    """An item's staged file, or why there is none."""
    if isinstance(work, NewsfactsError):
        return work
    try:
        return Path(work.result())
    except NewsfactsError as exc:
        return exc
    except distributed.KilledWorker as exc:
        return WorkerLost(f"the Dask worker extracting {url} died: {exc}", url=url)
