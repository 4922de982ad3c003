"""The one loader: staged extractions (``store.staging``) into the store.

Workers anywhere write staged files; only the process holding the store
loads them, through the ordinary save path (``store.writer.save_each``: many
articles per transaction, deterministic ids, stories, dedup and quote merge,
leaving what saving them one at a time leaves), so a distributed run leaves
exactly what a local run leaves.

Loading is idempotent: a saved file is recorded in ``staged_loads`` by name
(a name is a content hash), :func:`load_pending` skips recorded files, and
saving the same extraction again changes no row anyway. A file that does not
read whole is refused and nothing of it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from sources.errors import NewsfactsError, StagingError, StoreError
from store.bulk import registered
from store.messages import first_line, reraise_ctrl_c
from store.staging import Staged, read_staged, staged_files
from store.writer import SAVE_BATCH, ArticleSave, Saved, SaveResult, save_each, utc_naive

_RECORD = (
    "INSERT INTO staged_loads (file_name, article_id, loaded_at) "
    "SELECT file_name, article_id, loaded_at FROM {rows} ON CONFLICT (file_name) DO NOTHING"
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
    outcome = load_files(con, [path])[0]
    if isinstance(outcome, NewsfactsError):
        raise outcome
    return outcome


def load_files(con: duckdb.DuckDBPyConnection, paths: Sequence[Path]) -> list[Saved]:
    """Save the extractions staged in ``paths`` in one batch, record the saved files as loaded.

    One outcome per path, in order: what its save did, or why it was not
    saved (a file that does not read whole is refused before the store is
    touched and costs only itself; a batch that fails is saved one file at a
    time, as ``store.writer.save_each`` does).
    """
    read: list[Staged | NewsfactsError] = []
    for path in paths:
        try:
            read.append(read_staged(path))
        except StagingError as exc:
            read.append(exc)
    staged = [(path, item) for path, item in zip(paths, read, strict=True) if isinstance(item, Staged)]
    saves = [ArticleSave(s.article, s.facts, s.final_url, s.fetched_at, s.topics) for _, s in staged]
    outcomes = iter(save_each(con, saves))
    results: list[Saved] = [item if isinstance(item, NewsfactsError) else next(outcomes) for item in read]
    # After the articles' own transaction: a loader killed in between saves
    # the same content again next time, which changes nothing.
    pairs = zip(paths, results, strict=True)
    _record(con, [(path.name, r.article_id) for path, r in pairs if isinstance(r, SaveResult)])
    return results


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
    ordered = [path for _, _, path in sorted(dated)]
    for start in range(0, len(ordered), SAVE_BATCH):
        chunk = ordered[start : start + SAVE_BATCH]
        for path, outcome in zip(chunk, load_files(con, chunk), strict=True):
            if isinstance(outcome, StagingError):  # removed or changed since it was read
                report.refused[path.name] = outcome.one_line()
            elif isinstance(outcome, NewsfactsError):
                raise outcome
            else:
                report.loaded[path.name] = outcome
    return report


def loaded_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The names of the staged files already saved into this store."""
    try:
        return {row[0] for row in con.execute("SELECT file_name FROM staged_loads").fetchall()}
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot list loaded staged files: {first_line(exc)}") from exc


def _record(con: duckdb.DuckDBPyConnection, loaded: list[tuple[str, str]]) -> None:
    """Record the files (name, article id) as loaded: one statement."""
    if not loaded:
        return
    now = utc_naive(datetime.now(UTC))
    rows: dict[str, Sequence[object]] = {
        "file_name": [name for name, _ in loaded],
        "article_id": [aid for _, aid in loaded],
        "loaded_at": [now] * len(loaded),
    }
    try:
        with registered(con, "newsfacts_loaded", rows) as view:
            con.execute(_RECORD.format(rows=view))
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StoreError(f"cannot record staged file {loaded[0][0]} as loaded: {first_line(exc)}") from exc
