"""Memory of a process and all its descendants, sampled from ``/proc`` (Linux).

``wait4`` gives the peak RSS of one process; a monitor run is several: the
flow's process, Prefect's temporary server (a subprocess), multiprocessing's
fork server and the extraction workers it forks. :class:`TreeSampler` reads
every descendant's ``smaps_rollup`` a few times a second and keeps the peak
of their sum: PSS (each shared page split between the processes sharing it,
so the forked workers' copy-on-write pages are counted once) and RSS (each
process's full resident set, shared pages counted in each).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class TreeMemory:
    """One sample, or the peaks over a run, in kB; ``processes`` at the PSS peak."""

    pss_kb: int
    rss_kb: int
    processes: int


def descendants(root: int) -> list[int]:
    """``root`` and every live process below it (by each process's parent in ``/proc/*/stat``)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        # The command name (field 2) is in parentheses and may hold spaces.
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rollup(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; (0, 0) once it has exited."""
    pss = rss = 0
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:
        return 0, 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
        elif line.startswith("Rss:"):
            rss = int(line.split()[1])
    return pss, rss


def sample(root: int) -> tuple[TreeMemory, dict[int, int]]:
    """The summed PSS and RSS of ``root``'s process tree now, and each process's PSS."""
    figures = {pid: _rollup(pid) for pid in descendants(root)}
    total = TreeMemory(sum(p for p, _ in figures.values()), sum(r for _, r in figures.values()), len(figures))
    return total, {pid: pss for pid, (pss, _) in figures.items()}


def command(pid: int) -> str:
    """A process's command line, shortened, or "" once it has exited."""
    try:
        argv = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return ""
    return " ".join(a.decode(errors="replace") for a in argv if a)[:120]


class TreeSampler:
    """Samples a process tree on a thread until stopped; :attr:`peak` holds the maxima."""

    def __init__(self, root: int, interval: float = 0.25) -> None:
        self.root, self.interval = root, interval
        self.peak = TreeMemory(0, 0, 0)
        self.per_process: dict[int, int] = {}  # each process's peak PSS, kB
        self.commands: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-sampler", daemon=True)

    def __enter__(self) -> TreeSampler:
        if not os.path.exists(PROC / str(self.root) / "smaps_rollup"):
            raise RuntimeError("sampling a process tree needs Linux's /proc/<pid>/smaps_rollup")
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            now, each = sample(self.root)
            for pid, kb in each.items():
                if pid not in self.commands:
                    self.commands[pid] = command(pid)
                self.per_process[pid] = max(kb, self.per_process.get(pid, 0))
            pss, rss = self.peak.pss_kb, self.peak.rss_kb
            processes = now.processes if now.pss_kb > pss else self.peak.processes
            self.peak = TreeMemory(max(pss, now.pss_kb), max(rss, now.rss_kb), processes)
            self._stop.wait(self.interval)
