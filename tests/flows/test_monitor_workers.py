"""A real monitor flow run (under the session's Prefect harness) extracting on
two worker processes: the workers are started by the fork server, not forked
from the flow run with Prefect's threads running, and the store ends up as a
run on one process leaves it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from flows import pipeline
from tests.topic_feed import ITEMS, topic_server

pytestmark = pytest.mark.usefixtures("prefect_harness")

SETTINGS = """
[settings]
user_agent = "newsfacts-test/1.0 (+https://example.org/contact)"
min_interval = 0.0
per_host_concurrency = 4
"""
# Every fact table and the sources, in a fixed order (ids are deterministic;
# an article's id is its URL's, and each run serves the feed on its own port).
COLUMNS = {table: "*" for table in ("visa_programmes", "fees", "quotes", "people", "events")}
COLUMNS["fact_sources"] = "* EXCLUDE (article_id)"


class PidRecorder(FactExtractor):
    """The real extractor, writing the pid of the process that extracts each article."""

    record: Path | None = None  # set by the test; each instance (and its copy on a worker) keeps it

    def __init__(self) -> None:
        super().__init__()
        self.record = PidRecorder.record

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[AnyFact]]:
        batch = list(articles)
        assert self.record is not None
        with self.record.open("a", encoding="utf-8") as out:
            out.writelines(f"{os.getpid()}\n" for _ in batch)
        return super().extract_many(batch, batch_size)


Result = tuple[dict[str, object], Path, set[int]]
"""A run's summary, its store, and the pids that extracted."""


def _monitor(tmp: Path, processes: str, patch: pytest.MonkeyPatch) -> Result:
    from flows.monitor import monitor

    folder = tmp / f"processes-{processes}"
    folder.mkdir()
    PidRecorder.record = folder / "pids.txt"
    patch.setenv(pipeline.PROCESSES_ENV, processes)
    with topic_server() as server:
        config = folder / "sources.toml"
        config.write_text(SETTINGS + f'\n[[feeds]]\nurl = "{server.url("/feed.xml")}"\n')
        summary = monitor(str(config), str(folder / "facts.duckdb"))
    pids = {int(line) for line in PidRecorder.record.read_text("utf-8").split()}
    return summary, folder / "facts.duckdb", pids


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT {c} FROM {t} ORDER BY ALL").fetchall() for t, c in COLUMNS.items()}
    finally:
        con.close()


def test_a_monitor_flow_run_extracts_on_two_workers_as_on_one_process(tmp_path: Path) -> None:
    assert ITEMS >= pipeline.PARALLEL_FROM  # the run is large enough for workers
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("flows.monitor.FactExtractor", PidRecorder)
        two, two_db, two_pids = _monitor(tmp_path, "2", patch)
        one, one_db, one_pids = _monitor(tmp_path, "1", patch)
    assert two["ingested"] == one["ingested"] == ITEMS
    assert one_pids == {os.getpid()}  # in the flow's own process
    assert len(two_pids) == 2 and os.getpid() not in two_pids  # two workers, none of them this process
    assert _rows(two_db) == _rows(one_db)
    assert all(_rows(two_db)[table] for table in ("people", "quotes", "fact_sources"))
