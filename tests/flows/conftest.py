"""Prefect runs under one ``prefect_test_harness`` for the session (a real
temporary Prefect server with its own database), and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_PAGE = "/allwork/china-targets-foreign-stem-talent-k-visa.html"
AP_PAGE = "/eastern-ledger/china-rolls-out-k-visa.html"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    # The harness starts a server subprocess; on a loaded 2-core machine it
    # can take longer than Prefect's default 30 s to answer.
    with prefect_test_harness(server_startup_timeout=120):
        yield


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def newsfacts(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run the real CLI in a child process, as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        timeout=300,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def prefect_api_env(prefect_harness: None) -> dict[str, str]:
    """Environment for CLI child processes to use the harness's Prefect server,
    instead of each starting a temporary server of its own (about 20 s)."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the Prefect test harness sets an API URL"
    return {"PREFECT_API_URL": str(url), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def newsfacts_process(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start the real CLI in a child process without waiting for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )
