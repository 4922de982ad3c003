"""Opening the DuckDB facts store: one file, migrated on every writable open.

DuckDB lets one process write a file at a time (and no other process read it
meanwhile). A file held by another process is :class:`StoreBusy`, which is
transient: the monitor run holding it will finish.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from sources.errors import StoreBusy, StoreError
from store.messages import first_line, reraise_ctrl_c
from store.migrations import check_current, migrate

# Settings for connections that run users' SQL: no files but the store, no
# ATTACH, no extension loading, and no SET that could undo that.
QUERY_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "lock_configuration": True,
}

# What a writable connection sets: DuckDB's FSST string compression left out. At
# every checkpoint (and a big commit) DuckDB analyses each string segment with
# every method; FSST's analysis was most of it. On the bench pages (346 articles,
# one batch into a fresh store, python -m bench.store_writes's inputs) a save
# plus its checkpoint took 446 ms with it and 325 without, the raw insert of
# the same article, fact and source rows 194 and 142 ms; the file was 4.8%
# larger (10,764 against 11,276 KB: FSST had been chosen only for hex fact ids,
# quote texts and one JSON column; article texts were stored uncompressed anyway).
# At scale: eight such batches of distinct copies (2,768 articles) 8.0 -> 7.6 s
# of CPU, 69.9 -> 71.7 MB (+2.6%); bench/timeline.py's generated 1M-fact store,
# mostly hex ids, 254 -> 338 MB (+33%) and its one-statement fill 26 -> 37 s of
# CPU, its timeline query unchanged (38.7 against 39.5 ms). The monitor writes
# in batches, where FSST's analysis is the cost; a store of mostly ids pays in size.
WRITE_SETTINGS = ("SET disabled_compression_methods = 'fsst'",)

_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def open_store(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path``; a writable open creates it and applies pending migrations.

    Raises :class:`StoreBusy` when another process holds the file,
    :class:`StoreError` for a missing file (read-only), a store whose schema
    does not match this code (read-only), or any other DuckDB failure.
    """
    target = Path(path)
    if read_only:
        _require_file(target)
    else:
        _make_parent(target)
    return _prepared(_connect(target, read_only=read_only), target, read_only=read_only)


def rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction; a failed statement or COMMIT that already
    ended it is no error here (the error that brought the caller here is the one to raise)."""
    try:
        con.rollback()
    except duckdb.Error:
        pass


def remove_store(path: str | Path) -> None:
    """Delete the store file at ``path`` and its write-ahead log (closed first by the caller)."""
    target = Path(path)
    for file in (target, target.with_name(target.name + ".wal")):
        file.unlink(missing_ok=True)


def open_for_queries(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open the store read-only for users' SQL, with file access outside it disabled."""
    target = Path(path)
    _require_file(target)
    return _prepared(_connect(target, read_only=True, config=QUERY_CONFIG), target, read_only=True)


def _prepared(con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Migrate (writable) or check the schema (read-only); close the connection on failure."""
    try:
        if read_only:
            check_current(con, str(path))
        else:
            for setting in WRITE_SETTINGS:
                con.execute(setting)
            migrate(con)
    except duckdb.Error as exc:
        con.close()
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot prepare store {path}: {first_line(exc)}") from exc
    except BaseException:
        con.close()
        raise
    return con


def _connect(
    path: Path,
    *,
    read_only: bool,
    config: dict[str, str | bool | int | float | list[str]] | None = None,
) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` with its errors translated to the project's tree."""
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config or {})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(_busy_message(path, str(exc))) from exc
        raise StoreError(f"cannot open store {path}: {first_line(exc)}") from exc
    except duckdb.ConnectionException as exc:
        # Same process, same file, other settings (read-only vs writable):
        # DuckDB shares one instance per file and process and refuses a second kind.
        raise StoreError(
            f"store {path} is already open in this process with other settings: {first_line(exc)}"
        ) from exc
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot open store {path}: {first_line(exc)}") from exc


def _busy_message(path: Path, detail: str) -> str:
    holder = _LOCK_HOLDER.search(detail)
    who = f"process {holder[1]}" if holder else "another process"
    return f"store {path} is locked by {who} (one writer per DuckDB file); try again when it finishes"


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise StoreError(f"no store at {path} (run `newsfacts ingest` or `newsfacts monitor` first)")


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for store {path}: {exc.strerror or exc}") from exc


@contextmanager
def one_thread(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block's statements on one DuckDB thread, then restore the thread count.

    A batch save is a few dozen small statements: DuckDB's worker threads
    only add their hand-offs to each (on the shared 2-core bench machine, the
    154-article batch of ``bench/throughput.py`` took 560-600 ms of CPU on one
    thread against 810-830 ms on two), and in a monitor run the cores are busy
    extracting anyway. ``threads`` is a setting of the database instance, so
    other connections to the file in this process share it while the block runs.
    """
    row = con.execute("SELECT current_setting('threads')").fetchone()
    threads = int(row[0]) if row else 1
    if threads == 1:
        yield
        return
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        con.execute(f"SET threads = {threads}")
