"""The monitor against the fault-injecting site: 200 items, a third misbehaving.

One real Prefect run of ``monitor`` (under the session's test harness) into a
real DuckDB file, then a second run over the unchanged site. How long the
first run takes is a benchmark (``bench/faults.py``), not a test: the tests
check what the runs did, which no clock on a loaded machine changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from flows.site_server import LoggedRequest, SiteServer
from tests.faults import RECOVERS, FaultSite, fault_of, monitor_config

pytestmark = pytest.mark.usefixtures("prefect_harness")

ITEMS = 200


@dataclass(frozen=True)
class Runs:
    site: FaultSite
    server: SiteServer
    db: Path
    first: dict[str, object]
    first_log: list[LoggedRequest]
    second: dict[str, object]
    second_log: list[LoggedRequest]


@pytest.fixture(scope="module")
def runs(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    from flows.monitor import monitor

    tmp = tmp_path_factory.mktemp("faults")
    site = FaultSite(ITEMS)
    with site.server() as server:
        config, db = monitor_config(tmp, server), tmp / "facts.duckdb"
        first = monitor(str(config), str(db))
        first_log = server.requests
        second = monitor(str(config), str(db))
        second_log = server.requests[len(first_log) :]
        site.release.set()
        yield Runs(site, server, db, first, first_log, second, second_log)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def item_index(url: str) -> int:
    return int(urlsplit(url).path.rsplit("/", 1)[-1].removesuffix(".html"))


def test_first_run_finishes_and_accounts_for_every_item(runs: Runs) -> None:
    """Each item is stored or failed, once, in the summary and in the store alike."""
    failed = runs.first["failed"]
    by_reason = runs.first["failures_by_reason"]
    assert isinstance(failed, dict) and isinstance(by_reason, dict)
    items = [url for url in failed if urlsplit(url).path.startswith(("/a/", "/private/"))]
    assert runs.first["ingested"] + len(items) == ITEMS  # type: ignore[operator]
    assert sum(by_reason.values()) == len(failed)
    assert rows(runs.db, "SELECT count(*) FROM articles") == [(runs.first["ingested"],)]
    assert rows(runs.db, "SELECT count(*) FROM ingest_failures") == [(len(failed),)]


def test_every_item_stored_once_or_failed_with_a_reason(runs: Runs) -> None:
    stored = {item_index(str(url)) for (url,) in rows(runs.db, "SELECT url FROM articles")}
    failed = {
        item_index(str(url)): (str(kind), str(message))
        for url, kind, message in rows(runs.db, "SELECT url, error_type, message FROM ingest_failures")
    }
    assert not stored & set(failed)
    assert stored | set(failed) == set(range(ITEMS))
    assert all(kind and message for kind, message in failed.values())
    # Zero duplicates: one article per item, although the sitemap lists 20 items again.
    assert rows(runs.db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(len(stored), len(stored))]


def test_healthy_and_recovering_items_are_stored(runs: Runs) -> None:
    stored = {item_index(str(url)) for (url,) in rows(runs.db, "SELECT url FROM articles")}
    expected = {i for i in range(ITEMS) if fault_of(i) is None or fault_of(i) in RECOVERS}
    assert stored == expected
    assert runs.first["ingested"] == len(expected)


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("slow", "FetchTimeout"),
        ("truncated", "ConnectFailed"),
        ("redirect-loop", "TooManyRedirects"),
        ("redirect-private", "BlockedAddress"),
        ("huge", "BodyTooLarge"),
        ("gzip-bomb", "BodyTooLarge"),
        ("pdf", "UnsupportedContent"),
        ("404", "ClientStatusError"),
        ("robots", "RobotsDisallowed"),
    ],
)
def test_failed_items_carry_their_reason(runs: Runs, fault: str, error: str) -> None:
    failures = dict(rows(runs.db, "SELECT url, error_type FROM ingest_failures"))
    indices = [i for i in range(ITEMS) if fault_of(i) == fault]
    assert indices
    assert {failures[runs.server.url(path)] for path in _paths(runs, indices)} == {error}


def _paths(runs: Runs, indices: list[int]) -> list[str]:
    paths = runs.site.paths()
    return [paths[i] for i in indices]


def test_transient_faults_succeed_on_retry(runs: Runs) -> None:
    for fault in ("500-once", "429-once"):
        for path in _paths(runs, [i for i in range(ITEMS) if fault_of(i) == fault]):
            hits = [r for r in runs.first_log if r.path == path]
            assert len(hits) == 2, (path, len(hits))


def test_robots_disallowed_paths_are_never_requested(runs: Runs) -> None:
    everything = runs.first_log + runs.second_log
    assert any(r.path == "/robots.txt" for r in everything)
    assert not [r.path for r in everything if r.path.startswith("/private/")]


def test_requests_identify_the_client(runs: Runs) -> None:
    assert {r.headers.get("user-agent") for r in runs.first_log} == {
        "newsfacts-test/1.0 (+https://example.org/contact)"
    }


def test_second_run_ingests_nothing_and_is_conditional(runs: Runs) -> None:
    assert (runs.second["ingested"], runs.second["new_facts"], runs.second["discovered"]) == (0, 0, 0)
    listings = [r for r in runs.second_log if r.path.endswith(".xml")]
    assert {r.path for r in listings} == {"/feed.xml", "/sitemap-index.xml"}
    assert all("if-none-match" in r.headers for r in listings)
    # The only items asked for again are those that failed transiently (tried next run).
    retried = {r.path for r in runs.second_log if r.path.startswith("/a/")}
    transient = {"slow", "truncated"}
    assert retried == set(_paths(runs, [i for i in range(ITEMS) if fault_of(i) in transient]))
    assert rows(runs.db, "SELECT count(*) FROM articles") == [(runs.first["ingested"],)]


def test_run_summary_is_a_prefect_artifact(runs: Runs) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        wanted = ArtifactFilter(key=ArtifactFilterKey(any_=["monitor-summary"]))
        found = client.read_artifacts(artifact_filter=wanted)
    texts = [str(artifact.data) for artifact in found]
    # The first run's: new articles, new facts, failures by reason.
    assert any(f"| {runs.first['ingested']} | {runs.first['new_facts']} |" in t for t in texts), texts
    assert any("Failures by reason" in t and "| BodyTooLarge | " in t for t in texts)


def test_fetch_tasks_carry_a_host_tag_for_prefect_concurrency_limits(runs: Runs) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterTags

    from flows.monitor import host_tag

    tag = host_tag(runs.server.url("/"))
    with get_client(sync_client=True) as client:
        tagged = client.read_task_runs(task_run_filter=TaskRunFilter(tags=TaskRunFilterTags(all_=[tag])))
    assert tagged and {run.name.rsplit("-", 1)[0] for run in tagged} == {"fetch-items"}
