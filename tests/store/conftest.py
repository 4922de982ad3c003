"""A fresh store file under ``tmp_path`` per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from store.db import open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's store lives (not created yet)."""
    return tmp_path / "store" / "facts.duckdb"


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable, migrated store, closed after the test."""
    connection = open_store(db_path)
    yield connection
    connection.close()
