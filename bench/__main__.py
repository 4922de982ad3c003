"""``make bench``: every benchmark of issue 6, printed as one table.

Throughput per stage and end to end beside its floor, the timeline query
over 1M facts, CLI start-up against the model-load floor, and the peak
memory of monitor runs at two sizes. Every figure is a median of ``--runs``
runs, every ratio is measured in this run (floor and ours alternately, on the
same inputs). Sizes are options, or the environment variables in
``--help``, so a quick run fits a busy machine. The monitor runs default to
100 and 1,000 articles: the issue's 1k / 10k pair
(``BENCH_MEMORY_SMALL=1000 BENCH_MEMORY_LARGE=10000``) took 27 minutes on this
shared 2-core machine at load average 3 with batched saves (about 7 articles
a second), and over an hour with one transaction per article.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import faults, latency, memory, throughput, timeline
from bench.corpus import bench_pages, corpus_root
from bench.measure import Row, Target, table
from extractors.parallel import available_cores

SECTIONS = ("throughput", "timeline", "latency", "faults", "memory")
FAILED = Target(1.0, "min", "finishes")


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=_env_int("BENCH_RUNS", 3), help="runs a figure ($BENCH_RUNS)")
    p.add_argument("--pages", type=int, default=_env_int("BENCH_PAGES", 20),
                   help="corpus pages besides the fixtures ($BENCH_PAGES)")  # fmt: skip
    p.add_argument("--processes", type=int, default=_env_int("BENCH_PROCESSES", min(2, available_cores())),
                   help="processes end to end ($BENCH_PROCESSES)")  # fmt: skip
    p.add_argument("--facts", type=int, default=_env_int("BENCH_FACTS", 1_000_000),
                   help="facts in the timeline store ($BENCH_FACTS)")  # fmt: skip
    p.add_argument("--memory-sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"),
                   default=[_env_int("BENCH_MEMORY_SMALL", 100), _env_int("BENCH_MEMORY_LARGE", 1000)],
                   help="articles per monitor run ($BENCH_MEMORY_SMALL, $BENCH_MEMORY_LARGE)")  # fmt: skip
    p.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="sections to run")
    return p


def _machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{available_cores()} cores ({platform.processor() or platform.machine()}), Python "
        f"{platform.python_version()}, {platform.system()}; load average {load:.1f} at the start; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def _section(name: str, args: argparse.Namespace, folder: Path) -> list[Row]:
    began = time.perf_counter()
    if name == "throughput":
        pages = bench_pages(args.pages)
        rows = throughput.rows(pages, args.runs, args.processes, folder)
    elif name == "timeline":
        rows = timeline.timeline_rows(folder, args.facts, max(args.runs, 5))
    elif name == "latency":
        rows = [latency.help_row(max(args.runs, 5)), latency.ingest_row(folder, args.runs)]
    elif name == "faults":
        rows = [faults.faults_row(args.runs)]
    else:
        rows = memory.memory_row(*args.memory_sizes, folder)
    print(f"bench: {name} done in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    return rows


def _guarded(name: str, args: argparse.Namespace, folder: Path) -> list[Row]:
    """A section's rows, or one row saying why it failed: the other sections still print."""
    try:
        return _section(name, args, folder)
    except Exception as exc:  # a benchmark's failure is a result to show, not a crash
        return [Row(f"{name}: did not finish", f"{type(exc).__name__}: {exc}", target=FAILED, checked=0.0)]


def main(argv: list[str] | None = None) -> int:
    """Run the sections, print the table; exit 1 if a target is missed."""
    args = _parser().parse_args(argv)
    os.environ.setdefault("NEWSFACTS_ALLOW_PRIVATE", "127.0.0.1")  # the loopback servers
    # Prefect's temporary server (the faults runs) gives up after 20 s by default, too short here.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    print(f"bench: {_machine()}; corpus {corpus_root()}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as tmp:
        rows = [row for name in args.only for row in _guarded(name, args, Path(tmp))]
    print(f"machine: {_machine()}; median of {args.runs} runs")
    print(table(rows))
    return 1 if any(row.failed for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
