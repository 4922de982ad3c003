"""How long the monitor takes over the fault site: 200 items, a third misbehaving.

The run ``tests/flows/test_faults.py`` checks (the same site, settings and
flow; the test asserts what it stored and recorded, this times it): the
``monitor`` flow in this process, on Prefect's temporary server started
beforehand by a flow of its own (the test suite's harness is up before its
runs too), into a fresh store each time, then a second run over the
unchanged site (conditional listings, nothing new). Most of the first run is
waiting on the faulty items: timeouts of about a second, retries, a
Retry-After of one second.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.measure import Row, Target
from tests.faults import FaultSite, monitor_config

ITEMS = 200
# The bound the old timed test held the first run to (measured 38-42 s alone on
# this 2-core machine, about 50 s inside the full test suite).
BOUND_SECONDS = 90.0


def faults_row(runs: int) -> Row:
    """Median seconds of the first and of the second monitor run over the fault site."""
    from prefect import flow

    @flow(name="bench-warm-up")
    def warm_up() -> None:
        """Starts Prefect's temporary server, so the timed runs do not include it."""

    warm_up()
    firsts, seconds, stored = [], [], 0
    for _ in range(runs):
        first, second, stored = _runs()
        firsts.append(first)
        seconds.append(second)
    first_s, second_s = statistics.median(firsts), statistics.median(seconds)
    bound = Target(BOUND_SECONDS, "max", f"<= {BOUND_SECONDS:.0f} s")
    return Row(
        f"monitor over the fault site, {ITEMS} items, a third failing (stored {stored}): first / second run",
        f"{first_s:.1f} s / {second_s:.1f} s", target=bound, checked=first_s,
    )  # fmt: skip


def _runs() -> tuple[float, float, int]:
    """One first run and one second run into a fresh store: their seconds, the items stored."""
    from flows.monitor import monitor

    site = FaultSite(ITEMS)
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-faults-") as tmp, site.server() as server:
        config, db = monitor_config(Path(tmp), server), Path(tmp) / "facts.duckdb"
        began = time.perf_counter()
        summary = monitor(str(config), str(db))
        first = time.perf_counter() - began
        began = time.perf_counter()
        monitor(str(config), str(db))
        second = time.perf_counter() - began
        site.release.set()  # the held slow responses end now, not after their hold
    ingested = summary["ingested"]
    assert isinstance(ingested, int)
    return first, second, ingested
