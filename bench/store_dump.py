"""What the store-writes row leaves in the store: ``python -m bench.store_dump OUT.json``.

The bench inputs of ``bench.store_writes`` saved as that row saves them (the
monitor's ``SaveBuffer`` over ``pipeline.save_many``, into a fresh store),
then every table and view dumped, each sorted by every column, as one JSON
file; its sha256 is printed. Run on two checkouts, equal files mean a change
to the save path left the same rows (the clocks a run reads itself,
``article_topics.decided_at`` and ``schema_migrations.applied_at``, are left
out). The loopback server's port and the fetch times change from run to run,
so the extractions are pickled to ``--inputs`` on the first run and read from
there on the next: both checkouts save the same inputs. ``--batch N`` saves
in batches of N instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import duckdb

from bench import throughput
from bench.corpus import bench_pages
from flows import pipeline
from store.db import open_store

CLOCKS = frozenset({"decided_at", "applied_at"})


def save(extractions: list[pipeline.Extraction], db: Path, batch: int = 0) -> None:
    """``extractions`` into a new store at ``db``: as the bench saves them, or in batches of ``batch``."""
    con = open_store(db)
    try:
        if batch:
            for start in range(0, len(extractions), batch):
                pipeline.save_many(con, extractions[start : start + batch])
        else:
            with throughput._save_buffer(con) as buffer:
                for extraction in extractions:
                    buffer.add(extraction.page.url, extraction)
    finally:
        con.close()


def dump(db: Path) -> dict[str, list[list[object]]]:
    """Every table and view of the store at ``db``, rows sorted, values JSON-ready."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            row[0]
            for row in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
            ).fetchall()
        ]
        out = {}
        for name in names:
            columns = [row[0] for row in con.execute(f'DESCRIBE "{name}"').fetchall() if row[0] not in CLOCKS]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {listed} FROM "{name}" ORDER BY ALL').fetchall()
            out[name] = [[_plain(value) for value in row] for row in rows]
        return out
    finally:
        con.close()


def _plain(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _inputs(path: Path | None, pages: int, folder: Path) -> list[pipeline.Extraction]:
    """The bench's extractions: read from ``path`` when it exists, else extracted (and kept there)."""
    if path is not None and path.exists():
        found: list[pipeline.Extraction] = pickle.loads(path.read_bytes())  # our own file
        return found
    inputs = throughput.inputs_for(bench_pages(pages), folder)
    try:
        extractions = throughput._extractions(inputs)
    finally:
        inputs.server.stop()
    if path is not None:
        path.write_bytes(pickle.dumps(extractions))
    return extractions


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.store_dump", description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path, help="the JSON file to write")
    p.add_argument("--pages", type=int, default=20, help="corpus pages besides the fixtures")
    p.add_argument("--inputs", type=Path, help="pickled extractions: written when absent, else read")
    p.add_argument("--batch", type=int, default=0, help="batch size (default: as the bench)")
    args = p.parse_args(argv)
    os.environ.setdefault("NEWSFACTS_ALLOW_PRIVATE", "127.0.0.1")  # the loopback server
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as tmp:
        extractions = _inputs(args.inputs, args.pages, Path(tmp))
        db = Path(tmp) / "dump.duckdb"
        save(extractions, db, args.batch)
        tables = dump(db)
    text = json.dumps(tables, sort_keys=True, default=str)
    args.out.write_text(text, encoding="utf-8")
    counts = ", ".join(f"{name} {len(rows)}" for name, rows in tables.items() if rows)
    print(f"{len(extractions)} articles; sha256 {hashlib.sha256(text.encode()).hexdigest()}; {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
