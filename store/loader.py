"""The one loader: staged extractions (``store.staging``) into the store.

Workers anywhere write staged files; only the process holding the store
loads them, each through the ordinary save path (``store.writer.save_article``:
one transaction per article, deterministic ids, stories, dedup and quote
merge), so a distributed run leaves exactly what a local run leaves.

Loading is idempotent: a saved file is recorded in ``staged_loads`` by name
(a name is a content hash), :func:`load_pending` skips recorded files, and
saving the same extraction again changes no row anyway. A file that does not
read whole is refused and nothing of it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from sources.errors import StagingError, StoreError
from store.messages import first_line
from store.staging import read_staged, staged_files
from store.writer import SaveResult, save_article, utc_naive

_RECORD = (
    "INSERT INTO staged_loads (file_name, article_id, loaded_at) VALUES (?, ?, ?) "
    "ON CONFLICT (file_name) DO NOTHING"
)


@dataclass
class LoadReport:
    """What one :func:`load_pending` did: files saved, skipped as loaded before, refused."""

    loaded: dict[str, SaveResult] = field(default_factory=dict)  # file name -> save
    skipped: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # file name -> one-line reason


def load_file(con: duckdb.DuckDBPyConnection, path: Path) -> SaveResult:
    """Save the extraction staged in ``path`` and record the file as loaded.

    The file is read whole before the store is touched: a file cut short
    raises :class:`StagingError` and writes nothing.
    """
    staged = read_staged(path)
    result = save_article(
        con, staged.article, staged.facts, final_url=staged.final_url, fetched_at=staged.fetched_at,
        topics=staged.topics,
    )
    # After the article's own transaction: a loader killed in between saves
    # the same content again next time, which changes nothing.
    _record(con, path.name, result.article_id)
    return result


def load_pending(con: duckdb.DuckDBPyConnection, folder: Path) -> LoadReport:
    """Load every staged file in ``folder`` not recorded as loaded, oldest fetch first.

    One article staged twice (fetched in two runs) ends as its latest fetch.
    A refused file is reported and left in place; the others still load.
    """
    report = LoadReport()
    done = loaded_names(con)
    dated: list[tuple[datetime, str, Path]] = []
    for path in staged_files(folder):
        if path.name in done:
            report.skipped.append(path.name)
            continue
        try:
            dated.append((read_staged(path).fetched_at, path.name, path))
        except StagingError as exc:
            report.refused[path.name] = exc.one_line()
    for _, name, path in sorted(dated):
        try:
            report.loaded[name] = load_file(con, path)
        except StagingError as exc:  # removed or changed since it was read
            report.refused[name] = exc.one_line()
    return report


def loaded_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The names of the staged files already saved into this store."""
    try:
        return {row[0] for row in con.execute("SELECT file_name FROM staged_loads").fetchall()}
    except duckdb.Error as exc:
        raise StoreError(f"cannot list loaded staged files: {first_line(exc)}") from exc


def _record(con: duckdb.DuckDBPyConnection, name: str, article_id: str) -> None:
    try:
        con.execute(_RECORD, [name, article_id, utc_naive(datetime.now(UTC))])
    except duckdb.Error as exc:
        raise StoreError(f"cannot record staged file {name} as loaded: {first_line(exc)}") from exc
