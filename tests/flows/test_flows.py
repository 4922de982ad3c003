"""Real Prefect flow runs (under prefect_test_harness) against the loopback site."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.site_server import SiteServer
from tests.flows.conftest import SEED_PAGE

pytestmark = pytest.mark.usefixtures("prefect_harness")
VIEWS = ("timeline", "timeline_live")


def write_config(tmp_path: Path, server: SiteServer, *pages: str) -> Path:
    config = tmp_path / "sources.toml"
    lines = [f'[[feeds]]\nurl = "{server.url("/feed.xml")}"\n']
    lines += [f'[[pages]]\nurl = "{server.url(page)}"\n' for page in pages]
    config.write_text("\n".join(lines))
    return config


def test_monitor_ingests_feed_items_and_records_a_failed_one(http_server: SiteServer, tmp_path: Path) -> None:
    from flows.monitor import monitor

    db = tmp_path / "facts.duckdb"
    config = write_config(tmp_path, http_server, "/notfound")
    summary = monitor(str(config), str(db))
    assert summary["ingested"] == 2
    assert list(summary["failed"]) == [http_server.url("/notfound")]  # type: ignore[call-overload]
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        failure = con.execute("SELECT url, error_type, retryable FROM ingest_failures").fetchall()
        assert failure == [(http_server.url("/notfound"), "ClientStatusError", False)]
    finally:
        con.close()


def test_second_monitor_run_ingests_nothing_new(http_server: SiteServer, tmp_path: Path) -> None:
    from flows.monitor import monitor

    db = tmp_path / "facts.duckdb"
    config = write_config(tmp_path, http_server)
    first = monitor(str(config), str(db))
    second = monitor(str(config), str(db))
    assert first["ingested"] == 2
    # The feed answers 304 to the second run's conditional GET: nothing is listed.
    assert (second["ingested"], second["discovered"], second["new_facts"]) == (0, 0, 0)
    assert second["unchanged_sources"] == 1


def test_ingest_url_flow(http_server: SiteServer, tmp_path: Path) -> None:
    from flows.ingest import ingest_url

    db = tmp_path / "facts.duckdb"
    result = ingest_url(http_server.url(SEED_PAGE), str(db))
    assert (
        result["title"] == "China Targets Foreign STEM Talent With New K Visa, Challenging U.S. H-1B Program"
    )
    assert isinstance(result["facts"], int) and result["facts"] > 10


def test_demo_prints_both_timelines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from flows.demo import run_demo

    assert run_demo(str(tmp_path / "demo.duckdb"), None) == 0
    out = capsys.readouterr().out
    assert "Timeline: H-1B" in out and "Timeline: K visa" in out
    assert "2025-10-01" in out and "2025-08" in out
    # One outlet dates the launch to the day, the other to "last month": one row, both sources.
    assert "2025-10 " not in out
    launch = out[out.index("2025-10-01  day    launched") :]
    assert "2 source(s): Allwork.Space, The Eastern Ledger" in launch.splitlines()[1]
    # The fixture site's store: the timeline kept on write equals 0005's computation.
    con = duckdb.connect(str(tmp_path / "demo.duckdb"), read_only=True)
    try:
        kept, live = (con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall() for view in VIEWS)
    finally:
        con.close()
    assert kept and kept == live


def test_ingest_url_flow_refuses_local_paths(tmp_path: Path) -> None:
    from flows.ingest import ingest_url
    from sources.errors import InvalidURL

    page = tmp_path / "page.html"
    page.write_text("<html><body><p>K visa</p></body></html>")
    with pytest.raises(InvalidURL):
        ingest_url(str(page), str(tmp_path / "facts.duckdb"))


def test_prefect_retries_transient_failures_only() -> None:
    """tasks.fetch_page under a real flow: a 500-once page succeeds on retry, a 404 is tried once."""
    from prefect import flow

    from flows import tasks
    from sources.errors import ClientStatusError
    from sources.fetch import FetchSettings
    from tests.faults import FAULTS, FaultSite

    settings = FetchSettings(read_timeout=2.0)
    site = FaultSite(3 * len(FAULTS))
    once, missing = 3 * FAULTS.index("500-once"), 3 * FAULTS.index("404")

    @flow
    def fetch_both(first: str, second: str) -> int:
        page = tasks.fetch_page(first, None, settings)
        try:
            tasks.fetch_page(second, None, settings)
        except ClientStatusError:
            return page.status
        raise AssertionError("the 404 did not fail")

    with site.server() as server:
        assert fetch_both(server.url(f"/a/{once}.html"), server.url(f"/a/{missing}.html")) == 200
        paths = [r.path for r in server.requests]
    assert paths.count(f"/a/{once}.html") == 2
    assert paths.count(f"/a/{missing}.html") == 1
