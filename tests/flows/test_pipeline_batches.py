"""pipeline.extract_fetched: batched extraction keeps each item's outcome in its place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from extractors.parallel import BATCH_SIZE, available_cores
from flows import pipeline
from sources.errors import ClientStatusError, ConfigError, NewsfactsError
from sources.local import read_local

SITE = Path(__file__).resolve().parents[2] / "fixtures" / "site"


class _NoFacts:
    """Stands in for FactExtractor: no model, no facts."""

    def extract_many(self, articles: Iterable[Any], batch_size: int = 16) -> Iterator[list[Any]]:
        for _ in articles:
            yield []


def test_fetch_errors_pass_through_in_their_place() -> None:
    page = read_local(next(SITE.glob("*/*.html")))
    items: list[tuple[str, pipeline.Fetched]] = []
    for i in range(7):
        fetched: pipeline.Fetched = page
        if i % 3 == 0:
            fetched = ClientStatusError(f"HTTP 404 for u{i}", url=f"u{i}", status=404)
        items.append((f"u{i}", fetched))
    out = list(pipeline.extract_fetched(iter(items), _NoFacts(), n_process=1))  # type: ignore[arg-type]
    assert [url for url, _ in out] == [url for url, _ in items]
    for (_, given), (_, got) in zip(items, out, strict=True):
        if isinstance(given, NewsfactsError):
            assert got is given
        else:
            assert isinstance(got, pipeline.Extraction) and got.page is given and got.facts == []


def test_every_core_extracts_a_large_run_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pipeline.PROCESSES_ENV, raising=False)
    small, large = pipeline.PARALLEL_FROM - 1, pipeline.PARALLEL_FROM
    assert (pipeline.processes_for(small), pipeline.processes_for(large)) == (1, available_cores())
    monkeypatch.setenv(pipeline.PROCESSES_ENV, "1")
    assert pipeline.processes_for(1000) == 1
    monkeypatch.setenv(pipeline.PROCESSES_ENV, "2")
    assert (pipeline.processes_for(1000), pipeline.processes_for(5)) == (2, 1)
    monkeypatch.setenv(pipeline.PROCESSES_ENV, "many")
    with pytest.raises(ConfigError, match="NEWSFACTS_EXTRACT_PROCESSES"):
        pipeline.processes_for(1000)


def test_on_wait_is_called_when_the_caller_holds_every_outcome_so_far() -> None:
    """The monitor saves what it holds then: before each extraction batch is fetched and made."""
    page = read_local(next(SITE.glob("*/*.html")))
    items: list[tuple[str, pipeline.Fetched]] = [(f"u{i}", page) for i in range(34)]
    consumed: list[str] = []
    waits: list[int] = []
    outcomes = pipeline.extract_fetched(
        iter(items), _NoFacts(), n_process=1, on_wait=lambda: waits.append(len(consumed))  # type: ignore[arg-type]
    )
    for url, _ in outcomes:
        consumed.append(url)
    assert len(consumed) == 34
    # One wait before each extraction batch: the caller has 0, 4, 8, ... outcomes each time
    # (34 pages: the last batch is short, and reading it finds the end of the stream).
    assert waits == list(range(0, 34, BATCH_SIZE)) == [0, 4, 8, 12, 16, 20, 24, 28, 32]
