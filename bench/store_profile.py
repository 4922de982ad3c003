"""Where the store writes' time goes: ``python -m bench.store_profile``.

The inputs and saves of ``bench.store_writes`` (the monitor's ``SaveBuffer`` over
``pipeline.save_many``, into a fresh store), timed part by part instead of as one
figure: opening and closing the store (closing checkpoints every table), each
step of ``store.writer``'s batch (its wall time, and how much of it is DuckDB:
statements, Arrow registrations, commits), and the statements that cost most.
For work on issue 6: the row's ratio says how far off the target is, this says where.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import throughput
from bench.corpus import bench_pages
from flows import pipeline
from flows.save_buffer import SaveBuffer
from store import writer
from store.db import open_store

# The steps of ``store.writer._write`` (and its planning), as the module names them.
STEPS = (
    "_plan", "read_before", "_replay", "_upsert_articles", "_delete_facts", "_replace_topics_of",
    "update_stories_many", "regroup", "refresh_timeline",
)  # fmt: skip
_DB_CALLS = ("execute", "register", "unregister", "commit", "begin")


class _Clock:
    """Wall time per step and DuckDB time per step (and per statement), for one run."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.db: dict[str, float] = defaultdict(float)
        self.statements: dict[str, float] = defaultdict(float)
        self.counts: Counter[str] = Counter()
        self.stack = ["(between steps)"]

    def step(self, name: str, work: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(work)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(name)
            began = time.perf_counter()
            try:
                return work(*args, **kwargs)
            finally:
                self.wall[name] += time.perf_counter() - began
                self.stack.pop()

        return timed


class _TimedConnection:
    """A DuckDB connection whose statements, registrations and commits are timed."""

    def __init__(self, con: Any, clock: _Clock) -> None:
        self._con, self._clock = con, clock

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._con, name)
        if name not in _DB_CALLS:
            return found

        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return found(*args, **kwargs)
            finally:
                spent = time.perf_counter() - began
                where = "commit" if name == "commit" else self._clock.stack[-1]
                self._clock.db[where] += spent
                label = " ".join(str(args[0]).split())[:100] if name == "execute" and args else name
                self._clock.statements[label] += spent
                self._clock.counts[label] += 1

        return timed


@contextmanager
def _steps_timed(clock: _Clock) -> Iterator[None]:
    saved = {name: getattr(writer, name) for name in STEPS}
    for name, work in saved.items():
        setattr(writer, name, clock.step(name, work))
    try:
        yield
    finally:
        for name, work in saved.items():
            setattr(writer, name, work)


def profile_once(extractions: list[pipeline.Extraction], folder: Path) -> tuple[_Clock, dict[str, float]]:
    """One timed save of ``extractions`` into a fresh store in ``folder``."""
    path = Path(tempfile.mkstemp(suffix=".duckdb", dir=folder)[1])
    path.unlink()
    open_store(path).close()
    clock, phases = _Clock(), {}
    began = time.perf_counter()
    con = open_store(path)
    phases["open"] = time.perf_counter() - began
    timed: Any = _TimedConnection(con, clock)
    began = time.perf_counter()
    with _steps_timed(clock):
        buffer = SaveBuffer[pipeline.Extraction](lambda batch: pipeline.save_many(timed, batch), _ignore)
        with buffer:
            for extraction in extractions:
                buffer.add(extraction.page.url, extraction)
    phases["saves"] = time.perf_counter() - began
    began = time.perf_counter()
    con.close()
    phases["close"] = time.perf_counter() - began
    return clock, phases


def _ignore(url: str, saved: writer.Saved) -> None:
    """No outcome is recorded (as in ``bench.throughput``)."""


def report(clock: _Clock, phases: dict[str, float], top: int) -> str:
    ms = 1000.0
    lines = ["  ".join(f"{name} {seconds * ms:.0f} ms" for name, seconds in phases.items())]
    lines.append(f"{'step':22} {'wall':>8} {'duckdb':>8}")
    for name in sorted(clock.wall, key=lambda n: -clock.wall[n]):
        lines.append(f"{name:22} {clock.wall[name] * ms:6.1f}ms {clock.db.get(name, 0.0) * ms:6.1f}ms")
    lines.append(f"{'commit':22} {'':8} {clock.db.get('commit', 0.0) * ms:6.1f}ms")
    lines.append(f"top statements ({sum(clock.counts.values())} DuckDB calls in all):")
    for label in sorted(clock.statements, key=lambda s: -clock.statements[s])[:top]:
        lines.append(f"{clock.statements[label] * ms:7.1f}ms x{clock.counts[label]:<3} {label}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.store_profile", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3, help="timed runs after one warm-up; the last is printed")
    p.add_argument("--pages", type=int, default=8, help="corpus pages besides the fixtures")
    p.add_argument("--top", type=int, default=15, help="statements to list")
    args = p.parse_args(argv)
    os.environ.setdefault("NEWSFACTS_ALLOW_PRIVATE", "127.0.0.1")  # the loopback server
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as tmp:
        inputs = throughput.inputs_for(bench_pages(args.pages), Path(tmp))
        try:
            extractions = throughput._extractions(inputs)
        finally:
            inputs.server.stop()
        profile_once(extractions, Path(tmp))  # warm-up: imports, caches
        for _ in range(max(1, args.runs)):
            clock, phases = profile_once(extractions, Path(tmp))
    print(f"{len(extractions)} articles; load average {os.getloadavg()[0]:.1f}")
    print(report(clock, phases, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
