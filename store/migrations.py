"""Schema migrations: numbered steps, each run in its own transaction and recorded.

The steps are the files ``store/sql/NNNN_name.sql`` (package data), and the
few steps SQL cannot express, which are Python functions (``store/rekey.py``). A step
that has run is a row in ``schema_migrations``; running the migrations again
applies only the steps not recorded there, so a second run is a no-op. DuckDB
DDL is transactional, so a failed step leaves neither its tables nor its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import duckdb

from sources.errors import StoreError
from store.messages import first_line, reraise_ctrl_c
from store.rekey import programme_ids_hold_country

MIGRATIONS_TABLE = "schema_migrations"
_STEP_FILE = re.compile(r"^(\d{4})_(\w+)\.sql$")
_CREATE_TABLE = f"""
CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL  -- UTC
)
"""


@dataclass(frozen=True)
class Migration:
    """One numbered schema step: its SQL, or the Python function that does what SQL cannot."""

    version: int
    name: str
    sql: str
    run: Callable[[duckdb.DuckDBPyConnection], None] | None = None


# Steps in Python, numbered among the SQL files' steps.
_PYTHON_STEPS = (Migration(10, "programme_ids_hold_country", "", programme_ids_hold_country),)


def bundled_migrations() -> tuple[Migration, ...]:
    """The steps shipped in ``store/sql``, in version order."""
    folder = resources.files("store").joinpath("sql")
    steps = []
    for entry in folder.iterdir():
        match = _STEP_FILE.match(entry.name)
        if match:
            steps.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    return _checked([*steps, *_PYTHON_STEPS])


def _checked(steps: Sequence[Migration]) -> tuple[Migration, ...]:
    """Steps sorted by version; two steps with one number are a packaging bug."""
    ordered = tuple(sorted(steps, key=lambda step: step.version))
    versions = [step.version for step in ordered]
    if len(set(versions)) != len(versions):
        raise StoreError(f"duplicate migration versions in {versions}")
    return ordered


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """The versions recorded in ``schema_migrations`` (none if it does not exist)."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?",
        [MIGRATIONS_TABLE],
    ).fetchone()
    if not exists or not exists[0]:
        return set()
    return {row[0] for row in con.execute(f"SELECT version FROM {MIGRATIONS_TABLE}").fetchall()}


def pending(con: duckdb.DuckDBPyConnection, steps: Sequence[Migration] | None = None) -> list[Migration]:
    """The steps of ``steps`` (default: the bundled ones) not yet applied."""
    done = applied_versions(con)
    return [step for step in (bundled_migrations() if steps is None else steps) if step.version not in done]


def migrate(con: duckdb.DuckDBPyConnection, steps: Sequence[Migration] | None = None) -> list[int]:
    """Apply the pending steps in order, each in its own transaction; returns their versions.

    A failing step is rolled back and raises :class:`StoreError`; the steps
    before it stay applied and recorded.
    """
    con.execute(_CREATE_TABLE)
    todo = pending(con, _checked(steps) if steps is not None else None)
    for step in todo:
        _apply(con, step)
    return [step.version for step in todo]


def _apply(con: duckdb.DuckDBPyConnection, step: Migration) -> None:
    """Run one step and record it, both or neither."""
    con.begin()
    try:
        if step.run is not None:
            step.run(con)
        else:
            con.execute(step.sql)
        con.execute(
            f"INSERT INTO {MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)",
            [step.version, step.name, datetime.now(UTC).replace(tzinfo=None)],
        )
        con.commit()
    except BaseException as exc:
        con.rollback()
        reraise_ctrl_c(exc)
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"migration {step.version:04d}_{step.name} failed: {first_line(exc)}") from exc
        raise


def check_current(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Raise :class:`StoreError` unless the store at ``path`` has exactly the bundled steps.

    For read-only opens, which cannot migrate: a store behind the code would
    fail later with a confusing "table does not exist", one ahead of it was
    written by a newer version whose schema this code does not know.
    """
    known = {step.version for step in bundled_migrations()}
    done = applied_versions(con)
    if done - known:
        raise StoreError(
            f"store {path} has schema version {max(done)}, newer than this newsfacts ({max(known)})"
        )
    if known - done:
        raise StoreError(
            f"store {path} needs schema migrations {sorted(known - done)}; open it for writing once "
            "(e.g. `newsfacts ingest`) to apply them"
        )
