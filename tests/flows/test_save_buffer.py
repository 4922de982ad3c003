"""flows.save_buffer: items saved in batches into a real store, finished in order, flushed on time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from flows.save_buffer import SaveBuffer
from sources.errors import ClientStatusError
from store.db import open_store
from store.writer import ArticleSave, Saved, SaveResult, save_each
from tests.store.factories import FETCHED, article, fee, rows


class Clock:
    """A clock the test moves by hand (the buffer reads time only through it)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = open_store(tmp_path / "facts.duckdb")
    yield connection
    connection.close()


def _item(i: int) -> ArticleSave:
    art = article(f"https://news{i}.example/k-visa")
    return ArticleSave(art, [fee(amount=1000.0 + i)], art.url, FETCHED + timedelta(seconds=i))


def _stored(con: duckdb.DuckDBPyConnection) -> int:
    return len(rows(con, "SELECT article_id FROM articles"))


def test_a_full_batch_is_saved_in_one_call_and_finished_in_order(con: duckdb.DuckDBPyConnection) -> None:
    calls: list[int] = []
    finished: list[tuple[str, Saved]] = []

    def save(batch: list[ArticleSave]) -> list[Saved]:
        calls.append(len(batch))
        return save_each(con, batch)

    buffer = SaveBuffer[ArticleSave](save, lambda url, saved: finished.append((url, saved)), size=3)
    missing = ClientStatusError("HTTP 404 for u1", url="u1", status=404)
    for url, item in [("u0", _item(0)), ("u1", missing), ("u2", _item(2)), ("u3", _item(3))]:
        buffer.add(url, item)
    assert calls == [3] and _stored(con) == 3  # the error does not count towards the batch
    assert [url for url, _ in finished] == ["u0", "u1", "u2", "u3"]
    assert finished[1][1] is missing and all(isinstance(s, SaveResult) for _, s in finished[::2])
    with buffer:
        buffer.add("u4", _item(4))
    assert calls == [3, 1] and _stored(con) == 4


def test_an_item_waits_at_most_the_flush_interval(con: duckdb.DuckDBPyConnection) -> None:
    clock = Clock()
    finished: list[str] = []
    buffer = SaveBuffer[ArticleSave](
        lambda batch: save_each(con, batch), lambda url, _: finished.append(url), seconds=2.0, clock=clock
    )
    buffer.add("u0", _item(0))
    clock.now = 1.5
    buffer.add("u1", _item(1))
    assert _stored(con) == 0 and finished == []
    clock.now = 2.0
    buffer.add("u2", _item(2))
    assert _stored(con) == 3 and finished == ["u0", "u1", "u2"]


def test_a_block_that_raises_does_not_flush(con: duckdb.DuckDBPyConnection) -> None:
    buffer = SaveBuffer[ArticleSave](lambda batch: save_each(con, batch), lambda url, _: None, clock=Clock())
    with pytest.raises(RuntimeError), buffer:
        buffer.add("u0", _item(0))
        raise RuntimeError("the run died")
    assert _stored(con) == 0  # the next run lists the item again


def test_a_save_returning_the_wrong_number_of_outcomes_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    def short(batch: list[ArticleSave]) -> list[Saved]:
        return list(save_each(con, batch))[:-1]

    buffer = SaveBuffer[ArticleSave](short, lambda url, _: None, size=2, clock=Clock())
    buffer.add("u0", _item(0))
    with pytest.raises(RuntimeError, match="1 outcomes for 2 items"):
        buffer.add("u1", _item(1))
