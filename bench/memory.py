"""Peak memory of a real ``newsfacts monitor`` run over 1k and 10k articles.

A loopback server serves an RSS feed of ``n`` synthetic articles
(bench.synthetic); ``newsfacts monitor`` runs once over it in a fresh
process (the real flow on Prefect's temporary server: discovery, fetch
tasks, batched extraction on every core, one store transaction per article)
and the peak memory of its whole process tree is sampled from ``/proc``
(bench/proctree.py): the flow's process, Prefect's temporary server, the
fork server and the extraction workers, as summed PSS (shared pages split
between the processes sharing them) and summed RSS. The monitor process's
own peak RSS from ``wait4`` is shown beside. The ratio of the two runs' tree
PSS is what shows whether a run streams or accumulates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Row, Target
from bench.proctree import TreeMemory, TreeSampler
from bench.synthetic import article_html, feed_xml
from flows.site_server import SiteRequestHandler, SiteServer


@dataclass(frozen=True)
class Run:
    """One monitor run: items stored, peak memory of its process tree and of the
    monitor process itself, wall time."""

    ingested: int
    tree: TreeMemory
    peak_mb: float  # the monitor process's own peak RSS (wait4)
    seconds: float
    per_process: dict[str, float]  # peak PSS (MB) of each process of the tree, by command

    @property
    def pss_mb(self) -> float:
        return self.tree.pss_kb / 1024

    @property
    def rss_mb(self) -> float:
        return self.tree.rss_kb / 1024


def _server(n: int) -> SiteServer:
    def feed(handler: SiteRequestHandler) -> None:
        handler.send_body(feed_xml(n, handler.origin).encode(), "application/rss+xml; charset=utf-8")

    def article(handler: SiteRequestHandler) -> None:
        number = int(handler.route_path.rsplit("/", 1)[-1].removesuffix(".html"))
        handler.send_body(article_html(number, handler.origin).encode(), "text/html; charset=utf-8")

    root = tempfile.mkdtemp(prefix="newsfacts-bench-feed-")
    return SiteServer(root, routes={"/feed.xml": feed, "/a/*": article})


def monitor_run(n: int, folder: Path) -> Run:
    """Run ``newsfacts monitor`` once over ``n`` synthetic articles; its peak RSS."""
    with _server(n) as server:
        config = folder / f"sources-{n}.toml"
        config.write_text(
            "[settings]\nmin_interval = 0\nper_host_concurrency = 8\nretries = 0\n\n"
            f'[[feeds]]\nurl = "{server.url("feed.xml")}"\n'
        )
        # Prefect's temporary server gives up after 20 s by default, too short on a loaded machine.
        env = {**os.environ, "NEWSFACTS_ALLOW_PRIVATE": "127.0.0.1"}
        env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"
        cli = str(Path(sys.executable).with_name("newsfacts"))
        argv = [cli, "monitor", str(config), "--db", str(folder / f"monitor-{n}.duckdb"), "--json"]
        began = time.perf_counter()
        with tempfile.TemporaryFile() as out:
            child = subprocess.Popen(argv, stdout=out, stderr=_stderr(), env=env)
            with TreeSampler(child.pid) as sampler:
                _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - began
            out.seek(0)
            report = out.read().decode()
    if child.returncode != 0:
        raise RuntimeError(f"newsfacts monitor over {n} articles exited with {child.returncode}")
    summary = json.loads(report)
    per_process = {
        f"{pid} {sampler.commands.get(pid, '')}": kb / 1024 for pid, kb in sampler.per_process.items()
    }
    run = Run(int(summary["ingested"]), sampler.peak, usage.ru_maxrss / 1024, seconds, per_process)
    if os.environ.get("BENCH_DEBUG"):
        print(f"bench: monitor over {n}: {run}", file=sys.stderr, flush=True)
    return run


def _stderr() -> int | None:
    """The child's stderr: shown with BENCH_DEBUG=1, else dropped."""
    return None if os.environ.get("BENCH_DEBUG") else subprocess.DEVNULL


def memory_row(small: int, large: int, folder: Path) -> list[Row]:
    """Both runs and their ratio."""
    a, b = monitor_run(small, folder), monitor_run(large, folder)
    return [
        Row(
            f"monitor peak memory, all {b.tree.processes} processes (summed PSS), {small:,} / {large:,} "
            f"articles (stored {a.ingested:,} / {b.ingested:,}; {a.seconds:.0f} s / {b.seconds:.0f} s)",
            f"{a.pss_mb:.0f} MB / {b.pss_mb:.0f} MB", "", b.pss_mb / a.pss_mb, Target(1.3, "max", "<= 1.3x"),
        ),
        Row(
            "  same runs, summed RSS (shared pages counted in each process)",
            f"{a.rss_mb:.0f} MB / {b.rss_mb:.0f} MB", "", b.rss_mb / a.rss_mb,
        ),
        Row(
            "  same runs, the monitor process alone (peak RSS from wait4)",
            f"{a.peak_mb:.0f} MB / {b.peak_mb:.0f} MB", "", b.peak_mb / a.peak_mb,
        ),
    ]  # fmt: skip
