"""Timing helpers and the one table ``make bench`` prints."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Direction = Literal["min", "max"]


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def paired_medians(
    ours: Callable[[], object],
    floor: Callable[[], object],
    runs: int,
    before: Callable[[], object] | None = None,
) -> tuple[float, float]:
    """Median times of ``ours`` and ``floor``, run alternately so both see the same load.

    One untimed round goes first: worker pools start, per-process caches fill
    (spaCy's lemmatizer, dateparser's compiled patterns), files come into the
    page cache. The figures are the steady state a long monitor run sees, on
    both sides alike. ``before``, when given, runs untimed before every run of
    either side (a fresh store to write into).
    """
    prepare = before or (lambda: None)
    for work in (floor, ours):
        prepare()
        work()
    a, b = [], []
    for _ in range(runs):
        for work, times in ((floor, b), (ours, a)):
            prepare()
            began = time.perf_counter()
            work()
            times.append(time.perf_counter() - began)
    return statistics.median(a), statistics.median(b)


@dataclass(frozen=True)
class Target:
    """A ratio (or an absolute figure) checked against a bound."""

    bound: float
    direction: Direction  # "min": value >= bound passes; "max": value <= bound passes
    label: str

    def verdict(self, value: float) -> str:
        ok = value >= self.bound if self.direction == "min" else value <= self.bound
        return "PASS" if ok else "FAIL"


@dataclass(frozen=True)
class Row:
    """One line of the table: our figure, the floor beside it, their ratio, the target."""

    measure: str
    ours: str
    floor: str = ""
    ratio: float | None = None
    target: Target | None = None
    checked: float | None = None  # what the target applies to, when not the ratio

    def cells(self) -> list[str]:
        value = self.checked if self.checked is not None else self.ratio
        verdict = self.target.verdict(value) if self.target and value is not None else ""
        return [
            self.measure,
            self.ours,
            self.floor,
            f"{self.ratio:.2f}x" if self.ratio is not None else "",
            self.target.label if self.target else "",
            verdict,
        ]

    @property
    def failed(self) -> bool:
        return self.cells()[-1] == "FAIL"


HEADER = ["measure", "newsfacts", "floor (same run)", "ratio", "target", ""]


def table(rows: list[Row]) -> str:
    """A GitHub-style markdown table (it reads as a table in a terminal too)."""
    lines = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in lines]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def rate(n: int, seconds: float) -> str:
    """``n`` items in ``seconds`` as items per second."""
    return f"{n / seconds:,.1f}/s" if seconds > 0 else "-"
