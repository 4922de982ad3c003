"""Numbered, recorded schema steps, each in its own transaction."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from sources.errors import StoreError
from store.db import open_store
from store.migrations import Migration, bundled_migrations, migrate, pending
from tests.store.factories import rows

VIEWS = {"facts", "timeline"}


def test_bundled_steps_are_numbered_from_one() -> None:
    versions = [step.version for step in bundled_migrations()]
    # Numbers are reserved per branch (0003 is monitoring's), so a gap can
    # exist until the branch holding the lower number merges.
    assert versions[0] == 1 and versions == sorted(set(versions))


def test_opening_records_every_step(con: duckdb.DuckDBPyConnection) -> None:
    recorded = rows(con, "SELECT version, name FROM schema_migrations ORDER BY version")
    assert recorded == [(step.version, step.name) for step in bundled_migrations()]


def test_opening_creates_the_views(con: duckdb.DuckDBPyConnection) -> None:
    names = {row[0] for row in rows(con, "SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    assert VIEWS <= names


def test_reopening_applies_nothing(db_path: Path) -> None:
    open_store(db_path).close()
    con = open_store(db_path)
    try:
        before = rows(con, "SELECT * FROM schema_migrations")
        assert migrate(con) == []
        assert rows(con, "SELECT * FROM schema_migrations") == before
    finally:
        con.close()


def test_a_failing_step_is_rolled_back_and_not_recorded() -> None:
    con = duckdb.connect(":memory:")
    steps = [
        Migration(1, "good", "CREATE TABLE kept (a INTEGER)"),
        Migration(2, "bad", "CREATE TABLE half_done (a INTEGER); SELECT * FROM no_such_table"),
    ]
    with pytest.raises(StoreError, match="migration 0002_bad failed"):
        migrate(con, steps)
    tables = {row[0] for row in rows(con, "SELECT table_name FROM duckdb_tables()")}
    assert tables == {"schema_migrations", "kept"}
    assert [step.version for step in pending(con, steps)] == [2]


def test_duplicate_versions_are_refused() -> None:
    con = duckdb.connect(":memory:")
    with pytest.raises(StoreError, match="duplicate migration versions"):
        migrate(con, [Migration(1, "a", "SELECT 1"), Migration(1, "b", "SELECT 2")])


def test_read_only_open_refuses_a_store_behind_the_code(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("DELETE FROM schema_migrations WHERE version = 1")
    con.close()
    with pytest.raises(StoreError, match="needs schema migrations"):
        open_store(db_path, read_only=True)


def test_read_only_open_refuses_a_store_ahead_of_the_code(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (9999, 'future', now()::TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="newer than this newsfacts"):
        open_store(db_path, read_only=True)
