"""A Ctrl-C that DuckDB catches mid-statement stops the save, and leaves nothing written."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from store.db import open_store
from store.messages import is_ctrl_c, reraise_ctrl_c
from store.writer import ArticleSave, save_each
from tests.store.factories import FETCHED, article, event, fee, person, programme, quote


@contextmanager
def interrupted(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Interrupt whatever ``con`` runs, every half millisecond, as DuckDB's own Ctrl-C check does."""
    stop = threading.Event()

    def keep_interrupting() -> None:
        while not stop.wait(0.0005):
            con.interrupt()

    thread = threading.Thread(target=keep_interrupting)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _saves(n: int) -> list[ArticleSave]:
    urls = [f"https://news.example/2025/09/{i}/k-visa" for i in range(n)]
    facts = [programme(), fee(), quote(), person(), event()]
    return [ArticleSave(article(url), facts, url, FETCHED) for url in urls]


def test_an_interrupted_batch_is_a_ctrl_c_not_one_failed_save_per_article(db_path: Path) -> None:
    """Before, each interrupted save became a StoreError: the batch was retried article by
    article, and a monitor run went on as if Ctrl-C had not been pressed."""
    con = open_store(db_path)
    try:
        with interrupted(con), pytest.raises(KeyboardInterrupt) as caught:
            save_each(con, _saves(200))
        assert isinstance(caught.value.__cause__, duckdb.InterruptException)
    finally:
        con.close()
    reopened = open_store(db_path)
    try:
        assert reopened.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        assert reopened.execute("SELECT count(*) FROM fact_sources").fetchone() == (0,)
    finally:
        reopened.close()


def test_a_statement_interrupted_by_duckdb_reads_as_ctrl_c(db_path: Path) -> None:
    con = duckdb.connect()
    try:
        with interrupted(con), pytest.raises(duckdb.Error) as caught:
            con.execute("SELECT sum(range) FROM range(1000000000000)").fetchall()
    finally:
        con.close()
    assert is_ctrl_c(caught.value)
    with pytest.raises(KeyboardInterrupt):
        reraise_ctrl_c(caught.value)


@pytest.mark.parametrize(
    "exc",
    [
        RuntimeError("Query interrupted"),
        duckdb.InterruptException("INTERRUPT Error: Interrupted!"),
        duckdb.InvalidInputException("KeyboardInterrupt: <EMPTY MESSAGE>"),  # seen when saving
    ],
    ids=["pending-query-loop", "interrupt-exception", "raised-in-python-duckdb-called"],
)
def test_duckdbs_two_forms_of_ctrl_c_are_raised_as_keyboard_interrupt(exc: Exception) -> None:
    assert is_ctrl_c(exc)
    with pytest.raises(KeyboardInterrupt):
        reraise_ctrl_c(exc)


@pytest.mark.parametrize(
    "exc",
    [
        RuntimeError("something else"),
        duckdb.CatalogException("Table with name nope does not exist!"),
        ValueError("KeyboardInterrupt"),  # not DuckDB's
    ],
)
def test_other_errors_are_left_to_their_translation(exc: Exception) -> None:
    assert not is_ctrl_c(exc)
    reraise_ctrl_c(exc)  # returns: the caller translates the error as before
