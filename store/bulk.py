"""Rows and id lists handed to DuckDB as Arrow tables, not as bound parameters.

A statement over a registered Arrow table runs once for all its rows
(``executemany`` runs an upsert once per row), and registering a table binds
no Python value: DuckDB 1.5 checks every bound parameter, each element of a
list parameter included, for a pandas type and, pandas not being installed,
tries ``import pandas`` each time. Profiled on the bench pages (94 articles
saved one at a time), that was 383 failed imports per article, about 94 us
each, 36 ms of the 210 ms an article took.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb

from store.tables import Row


def arrow_table(columns: Mapping[str, Sequence[object]], types: Mapping[str, str] | None = None) -> Any:
    """An Arrow table of ``columns`` (name -> values); ``types`` names Arrow types
    (``"string"``, ``"int64"``, ``"string_list"`` for lists of strings) for columns
    that may be empty or all null."""
    import pyarrow as pa  # on the first write: ``--help`` and queries never pay for it

    named = types or {}
    return pa.table(
        {name: pa.array(values, type=_arrow_type(pa, named.get(name))) for name, values in columns.items()}
    )


def load_arrow() -> None:
    """Import pyarrow and what DuckDB imports when a table is first registered (about
    half a second on the bench machine), for a run that would rather pay it up front."""
    import pyarrow.dataset  # noqa: F401


def _arrow_type(pa: Any, name: str | None) -> Any:
    if name == "string_list":
        return pa.list_(pa.string())
    return None if name is None else getattr(pa, name)()


@contextmanager
def registered(
    con: duckdb.DuckDBPyConnection,
    name: str,
    columns: Mapping[str, Sequence[object]],
    types: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """``columns`` registered as the view ``name`` for the statements inside the block."""
    con.register(name, arrow_table(columns, types))
    try:
        yield name
    finally:
        con.unregister(name)


@contextmanager
def id_list(con: duckdb.DuckDBPyConnection, name: str, ids: Iterable[str]) -> Iterator[str]:
    """The distinct ``ids`` registered as the one-column view ``name`` (column ``id``)."""
    with registered(con, name, {"id": sorted(set(ids))}, {"id": "string"}) as view:
        yield view


def rows_table(names: Sequence[str], rows: Sequence[Row]) -> dict[str, list[object]]:
    """Rows as columns, for :func:`registered`."""
    if not rows:
        return {name: [] for name in names}
    return {name: list(column) for name, column in zip(names, zip(*rows, strict=True), strict=True)}


def run_over(con: duckdb.DuckDBPyConnection, sql: str, names: Sequence[str], rows: Sequence[Row]) -> None:
    """Run ``sql``, which reads the rows from ``{rows}``, over ``rows``: one statement."""
    if not rows:
        return
    with registered(con, "newsfacts_bulk_rows", rows_table(names, rows)) as view:
        con.execute(sql.format(rows=view))


_MERGE = "newsfacts_merge"


def run_split(
    con: duckdb.DuckDBPyConnection,
    sqls: tuple[str, str],
    names: Sequence[str],
    fresh: Sequence[Row],
    merged: Sequence[Row],
) -> None:
    """``sqls`` (an insert and an upsert, each reading its rows from ``{rows}``) over
    ``fresh`` and ``merged`` respectively, from one registered Arrow table.

    One registration instead of two: registering costs about a millisecond
    whatever the size (``bench/store_profile.py``: 38 of them were 120 ms of two
    bench batches), and an upsert, about twice an insert, runs only over the
    rows that need it.
    """
    if not fresh and not merged:
        return
    columns = rows_table(names, [*fresh, *merged])
    columns[_MERGE] = [*(False for _ in fresh), *(True for _ in merged)]
    with registered(con, "newsfacts_split_rows", columns, {_MERGE: "bool_"}) as view:
        for sql, rows, test in ((sqls[0], fresh, "NOT "), (sqls[1], merged, "")):
            if rows:
                con.execute(sql.format(rows=f"(SELECT * FROM {view} WHERE {test}{_MERGE})"))
