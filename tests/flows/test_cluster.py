"""Scale-out: ``monitor`` with its per-article work on a real local Dask cluster.

One feed lists the six syndication pages, the two pages of the fixture site,
a German page (skipped on the worker, with its reason) and a missing page.
The same input goes through a local threaded run and a run on a Dask
``LocalCluster`` (two worker processes, one thread each) under the session's
Prefect server, into two real DuckDB files: every table and view must match.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.site_server import SiteRequestHandler, SiteServer
from tests.flows.conftest import AP_PAGE, REPO, SEED_PAGE, newsfacts, newsfacts_process
from tests.flows.test_syndication import CLOCK_COLUMNS, PAGES, TABLES

pytestmark = pytest.mark.usefixtures("prefect_harness")

Runs = dict[str, tuple[Path, dict[str, object]]]
GERMAN = "/de/k-visum.html"
MISSING = "/gone.html"
ITEMS = (*PAGES, f"/site{SEED_PAGE}", f"/site{AP_PAGE}", GERMAN, MISSING)
MONITOR_CLOCKS = {
    **CLOCK_COLUMNS,
    "ingest_failures": "first_failed_at, last_failed_at",
    "seen_urls": "first_seen_at, last_checked_at",
    "article_topics": "decided_at",
}
# Both runs watch one topic every page is about, so the relevance gate runs on
# the Dask workers too and its decisions must reach ``article_topics``.
TOPIC = '[[topics]]\nname = "visas"\nprogrammes = ["K visa", "H-1B"]\n'

VIEWS = ("timeline", "conflicts", "quotes_by_person", "person_profiles", "fee_history")
GERMAN_PAGE = (
    '<!doctype html><html lang="de"><head><title>China startet K-Visum</title></head><body><article>'
    + "<p>China hat am Mittwoch ein neues Visum für junge Fachkräfte aus Wissenschaft und Technik "
    "eingeführt, wenige Tage nachdem Washington eine Gebühr für neue Anträge festgelegt hatte.</p>" * 4
    + "</article></body></html>"
)


def _feed(handler: SiteRequestHandler) -> None:
    items = "".join(f"<item><title>{p}</title><link>{handler.origin}{p}</link></item>" for p in ITEMS)
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>all</title>{items}</channel></rss>'
    handler.send_body(body.encode(), "application/rss+xml; charset=utf-8")


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    routes = {
        "/all.xml": _feed,
        GERMAN: lambda h: h.send_body(GERMAN_PAGE.encode(), "text/html; charset=utf-8"),
        MISSING: lambda h: h.send_body(b"gone", "text/plain", status=404),
    }
    with SiteServer(REPO / "fixtures", routes=routes) as site:
        yield site


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real local Dask cluster: two worker processes, one thread each; its scheduler address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield str(local.scheduler_address)


@pytest.fixture(scope="module")
def runs(
    server: SiteServer,
    cluster: str,
    prefect_api_env: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Runs:
    """The same feed monitored in this process with the local thread pool, and by
    ``newsfacts monitor --runner dask`` (a child process, this session's Prefect server),
    both at once (the child spends its first seconds importing)."""
    from flows.monitor import monitor

    folder = tmp_path_factory.mktemp("cluster")
    config = folder / "sources.toml"
    config.write_text(f'[[feeds]]\nurl = "{server.url("/all.xml")}"\n' + TOPIC)
    local, dask = folder / "local.duckdb", folder / "dask.duckdb"
    options = ["--runner", "dask", "--dask-address", cluster, "--staging", str(folder / "staging")]
    options += ["--json", "--db", str(dask)]
    child = newsfacts_process("monitor", str(config), *options, env=prefect_api_env)
    local_summary = monitor(str(config), str(local))
    stdout, stderr = child.communicate(timeout=600)  # a loaded 2-core machine is slow to start processes
    assert child.returncode == 0, stderr
    return {"local": (local, local_summary), "dask": (dask, json.loads(stdout))}


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    for table in (*TABLES, "ingest_failures", "seen_urls", "article_topics"):
        skip = MONITOR_CLOCKS.get(table)
        out[table] = _rows(db, f"SELECT * {f'EXCLUDE ({skip})' if skip else ''} FROM {table} ORDER BY ALL")
    for view in VIEWS:
        out[view] = _rows(db, f"SELECT * FROM {view} ORDER BY ALL")
    return out


def test_the_dask_run_leaves_the_store_the_local_run_leaves(runs: Runs) -> None:
    local, dask = _snapshot(runs["local"][0]), _snapshot(runs["dask"][0])
    assert {t: len(r) for t, r in dask.items()} == {t: len(r) for t, r in local.items()}
    assert dask == local
    assert len(dask["article_topics"]) == 8  # every stored article, with the terms that matched
    # The site's two pages are one more copy of each wire story: AP in two outlets, Reuters in six.
    assert _rows(runs["dask"][0], "SELECT n_articles, n_outlets, wire FROM stories ORDER BY ALL") == [
        (2, 2, "ap"), (6, 6, "reuters"),
    ]  # fmt: skip


def test_both_runs_report_the_same_summary(runs: Runs) -> None:
    local, dask = runs["local"][1], runs["dask"][1]
    assert dask == local
    assert (dask["ingested"], dask["failures_by_reason"]) == (8, {"SkippedPage": 1, "ClientStatusError": 1})


def test_every_article_was_staged_and_loaded_once(runs: Runs) -> None:
    db = runs["dask"][0]
    staged = sorted(p.name for p in (db.parent / "staging").glob("*.parquet"))
    assert len(staged) == 8
    assert [r[0] for r in _rows(db, "SELECT file_name FROM staged_loads ORDER BY 1")] == staged
    assert _rows(db, "SELECT count(*) FROM staged_loads JOIN articles USING (article_id)") == [(8,)]


def test_extraction_ran_on_the_workers_as_prefect_task_runs(
    runs: Runs, cluster: str
) -> None:
    from distributed import Client
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName

    from flows.cluster import PLUGIN_PREFIX

    with Client(cluster) as client:
        loaded = client.run(
            lambda dask_worker: [
                plugin._extractor is not None
                for name, plugin in dask_worker.plugins.items()
                if name.startswith(PLUGIN_PREFIX)
            ]
        )
    # Each worker process holds one extractor plugin; a pipeline was loaded
    # there (the flow ran in the CLI's process, which loaded none).
    assert all(len(flags) == 1 for flags in loaded.values()) and any(f[0] for f in loaded.values())
    with get_client(sync_client=True) as prefect:
        named = TaskRunFilter(name=TaskRunFilterName(like_="extract-and-stage"))
        task_runs = prefect.read_task_runs(task_run_filter=named)
    assert len(task_runs) >= 9  # eight articles and the German page, on this session's server


@pytest.mark.parametrize("options", [["--dask-address", "tcp://10.0.0.5:8786"], ["--staging", "x"]])
def test_cluster_options_without_the_dask_runner_fail_in_one_line(options: list[str], tmp_path: Path) -> None:
    run = newsfacts("monitor", str(tmp_path / "none.toml"), *options, "--db", str(tmp_path / "f.duckdb"))
    assert run.code == 1
    assert run.stderr == "newsfacts: error: --dask-address and --staging need --runner dask\n"
    assert not (tmp_path / "f.duckdb").exists()
