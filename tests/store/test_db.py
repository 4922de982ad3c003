"""open_store: creating, migrating, and the errors of a file it cannot have."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sources.errors import StoreBusy, StoreError
from store.db import open_store

# Opens the file for writing, says so, and holds it until its stdin closes.
HOLDER = (
    "import sys, duckdb\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
)


@pytest.fixture
def held_store(db_path: Path) -> Iterator[Path]:
    """A store file held open for writing by another process."""
    open_store(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield db_path
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_open_creates_the_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "facts.duckdb"
    open_store(path).close()
    assert path.is_file()


def test_read_only_open_of_a_missing_file_is_a_store_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError, match=f"no store at {missing}"):
        open_store(missing, read_only=True)
    assert not missing.exists()


def test_read_only_open_of_a_store_works(db_path: Path) -> None:
    open_store(db_path).close()
    con = open_store(db_path, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        con.close()


def test_a_file_that_is_not_a_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 500)
    with pytest.raises(StoreError, match=f"cannot open store {path}"):
        open_store(path)


def test_a_file_held_by_another_process_is_store_busy(held_store: Path) -> None:
    with pytest.raises(StoreBusy, match=f"store {held_store} is locked by process"):
        open_store(held_store)


def test_store_busy_is_one_line_and_retryable(held_store: Path) -> None:
    with pytest.raises(StoreBusy) as raised:
        open_store(held_store, read_only=True)
    assert "\n" not in str(raised.value)
    assert raised.value.retryable
