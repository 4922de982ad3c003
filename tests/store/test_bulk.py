"""store.bulk.run_split: an insert and an upsert over one registered Arrow table."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from store.bulk import run_split

_INSERT = "INSERT INTO t (k, v) SELECT k, v FROM {rows}"
_UPSERT = "INSERT INTO t (k, v) SELECT k, v FROM {rows} ON CONFLICT (k) DO UPDATE SET v = t.v + excluded.v"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "bulk.duckdb"))
    con.execute("CREATE TABLE t (k VARCHAR PRIMARY KEY, v INTEGER NOT NULL)")
    con.execute("INSERT INTO t VALUES ('a', 1), ('b', 2)")
    return con


def test_fresh_rows_are_inserted_and_merged_rows_upserted(con: duckdb.DuckDBPyConnection) -> None:
    run_split(con, (_INSERT, _UPSERT), ("k", "v"), [("c", 3), ("d", 4)], [("a", 10)])
    found = con.execute("SELECT k, v FROM t ORDER BY k").fetchall()
    assert found == [("a", 11), ("b", 2), ("c", 3), ("d", 4)]
    # The registration is gone with the statements.
    assert "newsfacts_split_rows" not in {row[0] for row in con.execute("SHOW TABLES").fetchall()}


def test_a_fresh_row_that_is_stored_fails_the_insert(con: duckdb.DuckDBPyConnection) -> None:
    # Fresh rows go through the plain insert, never the upsert: a wrong split shows.
    with pytest.raises(duckdb.ConstraintException):
        run_split(con, (_INSERT, _UPSERT), ("k", "v"), [("a", 5)], [])


def test_only_merged_rows_or_none(con: duckdb.DuckDBPyConnection) -> None:
    run_split(con, (_INSERT, _UPSERT), ("k", "v"), [], [("b", 1)])
    run_split(con, (_INSERT, _UPSERT), ("k", "v"), [], [])
    assert con.execute("SELECT k, v FROM t ORDER BY k").fetchall() == [("a", 1), ("b", 3)]
