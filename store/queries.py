"""Reading the store: users' SQL (reads only) and the timeline of a programme."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb

from extractors.models import DatePrecision, EventType
from sources.errors import QueryRefused, StoreError
from store.db import open_for_queries
from store.messages import first_line, reraise_ctrl_c

TimelineKind = Literal["event", "fee"]

# Statement types that only read. DESCRIBE, SHOW, SUMMARIZE and table-valued
# PRAGMAs parse to SELECT; EXPLAIN is allowed when what it explains is a
# SELECT (EXPLAIN ANALYZE runs its statement).
_READ_TYPES = frozenset({duckdb.StatementType.SELECT})
_EXPLAIN_PREFIX = re.compile(r"^\s*explain\s+(?:analy[sz]e\s+)?(?:\([^)]*\)\s*)?", re.IGNORECASE)

_TIMELINE = """
SELECT programme, kind, event_type, date, precision, detail, fact_id, n_sources, sources, sites,
       n_stories, n_outlets, first_reported_at
FROM timeline
WHERE lower(programme) = lower(?)
ORDER BY date NULLS LAST, kind, event_type NULLS LAST, fact_id
"""
_PROGRAMMES = """
SELECT name FROM (
    SELECT name FROM visa_programmes
    UNION SELECT programme FROM events
    UNION SELECT programme FROM fees WHERE programme IS NOT NULL
)
ORDER BY lower(name), name
"""


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of a query, as DuckDB returns them."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True)
class TimelineRow:
    """One row of the ``timeline`` view: a programme's event or fee claim, with its sources."""

    programme: str
    kind: TimelineKind
    event_type: EventType | None
    date: str | None
    precision: DatePrecision | None
    detail: str
    fact_id: str
    n_sources: int
    sources: tuple[str, ...]
    sites: tuple[str, ...]
    # Independent confirmation: copies of one syndicated story count once (0002).
    n_stories: int = 0
    n_outlets: int = 0
    first_reported_at: dt.date | None = None
    # The facts of the same event dated coarser ("last month") folded into
    # this row (store/timeline_fold.py); their sources are in ``sources``.
    folded: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (lists for ``sources`` and ``sites``)."""
        return {
            "programme": self.programme,
            "kind": self.kind,
            "event_type": self.event_type,
            "date": self.date,
            "precision": self.precision,
            "detail": self.detail,
            "fact_id": self.fact_id,
            "n_sources": self.n_sources,
            "sources": list(self.sources),
            "sites": list(self.sites),
            "n_stories": self.n_stories,
            "n_outlets": self.n_outlets,
            "first_reported_at": self.first_reported_at.isoformat() if self.first_reported_at else None,
            "folded": list(self.folded),
        }


def run_readonly(path: str | Path, sql: str) -> QueryResult:
    """Run ``sql`` on the store at ``path`` if every statement in it only reads.

    The statements are checked before the store is opened, so a refused query
    executes nothing; the store is then opened read-only, with no file access
    outside it, as a second line of defence. Several statements run in order
    and the last one's result is returned.

    Raises :class:`QueryRefused` for a write, a syntax error or a failing
    query, :class:`StoreBusy`/:class:`StoreError` when the store cannot be opened.
    """
    statements = readonly_statements(sql)
    con = open_for_queries(path)
    try:
        return _run(con, statements)
    finally:
        con.close()


def readonly_statements(sql: str) -> list[duckdb.Statement]:
    """The statements of ``sql``, or :class:`QueryRefused` if any of them is not a read."""
    statements = _parse(sql)
    if not statements:
        raise QueryRefused("query refused: the query is empty")
    for statement in statements:
        refused = _refusal(statement)
        if refused:
            raise QueryRefused(
                f"query refused: only read-only statements (SELECT) are allowed; got {refused}"
            )
    return statements


def _parse(sql: str) -> list[duckdb.Statement]:
    """Parse without touching the store: an in-memory database knows the grammar."""
    parser = duckdb.connect(":memory:")
    try:
        return parser.extract_statements(sql)
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise QueryRefused(f"query refused: {first_line(exc)}") from exc
    finally:
        parser.close()


def _refusal(statement: duckdb.Statement) -> str | None:
    """None if ``statement`` only reads, else the name of what it is."""
    if statement.type in _READ_TYPES:
        return None
    if statement.type == duckdb.StatementType.EXPLAIN:
        return _explained_refusal(statement.query)
    return _type_name(statement)


def _explained_refusal(query: str) -> str | None:
    """EXPLAIN is a read when it explains exactly one read."""
    inner_sql = _EXPLAIN_PREFIX.sub("", query, count=1)
    try:
        inner = _parse(inner_sql) if inner_sql != query else []
    except QueryRefused:
        inner = []
    if len(inner) == 1 and inner[0].type in _READ_TYPES:
        return None
    return "EXPLAIN " + (_type_name(inner[0]) if len(inner) == 1 else "of an unrecognised statement")


def _type_name(statement: duckdb.Statement) -> str:
    name = statement.type.name.replace("_", " ")
    if name.replace(" ", "").isalpha():
        return name
    # Types DuckDB leaves unnamed ("???", e.g. UPDATE EXTENSIONS): show the keyword.
    words = statement.query.split()
    return words[0].upper() if words else "an unnamed statement"


def _run(con: duckdb.DuckDBPyConnection, statements: list[duckdb.Statement]) -> QueryResult:
    *leading, last = statements
    try:
        for statement in leading:
            con.execute(statement)
        cursor = con.execute(last)
        columns = [column[0] for column in cursor.description or []]
        return QueryResult(columns, cursor.fetchall())
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise QueryRefused(f"query failed: {first_line(exc)}") from exc


def timeline(con: duckdb.DuckDBPyConnection, programme: str) -> list[TimelineRow]:
    """The events and fee claims of ``programme`` (any case), oldest first, undated last;
    an event also reported at a coarser date is one row (:mod:`store.timeline_fold`)."""
    from store.timeline_fold import fold_refinements

    try:
        rows = con.execute(_TIMELINE, [programme.strip()]).fetchall()
        return fold_refinements(con, [_timeline_row(row) for row in rows])
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot read the timeline of {programme!r}: {first_line(exc)}") from exc


def _timeline_row(row: tuple[Any, ...]) -> TimelineRow:
    programme, kind, event_type, when, precision, detail, fid, n_sources, sources, sites, *coverage = row
    n_stories, n_outlets, first_reported_at = coverage
    return TimelineRow(
        programme, kind, event_type, when, precision, detail, fid,
        n_sources=int(n_sources), sources=tuple(sources), sites=tuple(sites),
        n_stories=int(n_stories), n_outlets=int(n_outlets), first_reported_at=first_reported_at,
    )  # fmt: skip


def programme_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every programme named by a stored programme, event or fee, sorted case-insensitively."""
    try:
        return [row[0] for row in con.execute(_PROGRAMMES).fetchall()]
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot list programmes: {first_line(exc)}") from exc
