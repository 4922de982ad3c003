"""``newsfacts timeline``: a user-typed programme name to its stored timeline."""

from __future__ import annotations

from extractors.components.programmes import canonical_programme, programme_table
from flows.settings import resolve_db
from sources.errors import StoreError
from store.db import open_store
from store.queries import TimelineRow, timeline


def load_timeline(db: str | None, programme: str) -> tuple[str, list[TimelineRow]]:
    """The canonical programme name ("k-visa" -> "K visa") and its timeline rows."""
    known = canonical_programme(programme, programme_table())
    name = known.name if known else programme.strip()
    path = resolve_db(db)
    if not path.exists():
        raise StoreError(f"no store at {path} (run `newsfacts ingest` or `newsfacts monitor` first)")
    con = open_store(path, read_only=True)
    try:
        return name, timeline(con, name)
    finally:
        con.close()
