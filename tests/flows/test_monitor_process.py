"""``newsfacts monitor`` as a child process: killed with SIGKILL mid-run, and two at once.

Child processes use the harness's Prefect server (``prefect_api_env``), so
none of them pays for starting a temporary one.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.site_server import SiteServer
from tests.faults import FaultSite
from tests.flows.conftest import newsfacts, newsfacts_process

pytestmark = pytest.mark.usefixtures("prefect_harness")

ITEMS = 60
# Paced so that a run takes several seconds and the kill lands mid-run: pages
# arrive more slowly than a batch of them is extracted, so articles are stored
# while the rest are still being fetched.
CONFIG = """
[settings]
min_interval = 0.3
per_host_concurrency = 1
read_timeout = 2.0
retries = 0
"""
# Everything but times (and failure counts, which a retry may raise): a killed
# and resumed run must leave what one uninterrupted run leaves.
SNAPSHOT = {
    "articles": "SELECT article_id, url, final_url, canonical_url, site, title, author, published_at, "
    "language, text, text_hash, extractor_version FROM articles ORDER BY article_id",
    "visa_programmes": "SELECT * FROM visa_programmes ORDER BY fact_id",
    "fees": "SELECT * FROM fees ORDER BY fact_id",
    "quotes": "SELECT * FROM quotes ORDER BY fact_id",
    "people": "SELECT * FROM people ORDER BY fact_id",
    "events": "SELECT * FROM events ORDER BY fact_id",
    "fact_sources": "SELECT * FROM fact_sources ORDER BY fact_id, article_id",
    "ingest_failures": "SELECT url, error_type, retryable FROM ingest_failures ORDER BY url",
    "seen_urls": "SELECT url_key, url, kind, via, etag, last_modified, outcome, article_id "
    "FROM seen_urls ORDER BY url_key",
    "schema_migrations": "SELECT version, name FROM schema_migrations ORDER BY version",
}


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: con.execute(sql).fetchall() for table, sql in SNAPSHOT.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with FaultSite(ITEMS, with_faults=False).server() as server:
        yield server


@pytest.fixture(scope="module")
def config(site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("proc") / "sources.toml"
    path.write_text(CONFIG + f'\n[[feeds]]\nurl = "{site.url("/feed.xml")}"\n')
    return path


@pytest.fixture(scope="module")
def reference(config: Path, tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    """A store written by one uninterrupted monitor run (in this process: same flow, no start-up)."""
    from flows.monitor import monitor

    db = tmp_path_factory.mktemp("ref") / "facts.duckdb"
    monitor(str(config), str(db))
    assert snapshot(db)["articles"], "the reference run stored articles"
    return db


def stored_so_far(db: Path, peek: Path) -> int:
    """Articles a running monitor has committed: counted in a copy of its store and write-ahead
    log (the running process holds the file's lock); 0 while a copy caught mid-write won't open."""
    peek.mkdir(exist_ok=True)
    copy = peek / db.name
    for suffix in ("", ".wal"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    try:
        shutil.copyfile(db, copy)
        if Path(f"{db}.wal").exists():
            shutil.copyfile(f"{db}.wal", f"{copy}.wal")
        con = duckdb.connect(str(copy), read_only=True)
    except (OSError, duckdb.Error):
        return 0
    try:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0
    except duckdb.Error:
        return 0
    finally:
        con.close()


def test_sigkill_mid_run_then_rerun_equals_one_run(
    config: Path, reference: Path, tmp_path: Path, prefect_api_env: dict[str, str]
) -> None:
    db = tmp_path / "facts.duckdb"
    child = newsfacts_process("monitor", str(config), "--db", str(db), env=prefect_api_env)
    deadline = time.monotonic() + 300
    # Kill once the store holds some articles (written as they arrive) but not all. A count of
    # fetched pages instead raced a busy machine's extraction: nothing was stored yet.
    while stored_so_far(db, tmp_path / "peek") == 0 and child.poll() is None:
        assert time.monotonic() < deadline, "the child stored nothing"
        time.sleep(0.1)
    assert child.poll() is None, "the run ended before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    stored = len(snapshot(db)["articles"])
    assert 0 < stored < ITEMS, stored
    rerun = newsfacts("monitor", str(config), "--db", str(db), env=prefect_api_env)
    assert rerun.code == 0, rerun.stderr
    assert snapshot(db) == snapshot(reference)


def test_two_runs_at_once_one_exits_in_one_line(
    config: Path, reference: Path, tmp_path: Path, prefect_api_env: dict[str, str]
) -> None:
    db = tmp_path / "facts.duckdb"
    args = ("monitor", str(config), "--db", str(db))
    children = [newsfacts_process(*args, env=prefect_api_env) for _ in range(2)]
    outcomes = [(child.wait(timeout=300), child.communicate()[1]) for child in children]
    codes = sorted(code for code, _ in outcomes)
    assert codes in ([0, 1], [0, 0])  # [0, 0]: the second started after the first had finished
    for code, stderr in outcomes:
        if code == 1:
            assert len(stderr.strip().splitlines()) == 1, stderr
            assert "locked" in stderr and "Traceback" not in stderr
    assert snapshot(db) == snapshot(reference)
