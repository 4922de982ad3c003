"""``newsfacts timeline``: a user-typed programme name to its stored timeline."""

from __future__ import annotations

from pathlib import Path

from extractors.components.programmes import canonical_programme, programme_table
from flows.settings import resolve_db
from sources.errors import StoreError
from store.db import open_store
from store.queries import TimelineRow, timeline
from store.report import ProgrammeReport, programme_report


def load_timeline(db: str | None, programme: str) -> tuple[str, list[TimelineRow]]:
    """The canonical programme name ("k-visa" -> "K visa") and its timeline rows."""
    report = load_report(db, programme, full=False)
    return report.programme, report.timeline


def load_report(db: str | None, programme: str, *, full: bool = True) -> ProgrammeReport:
    """The programme's report (timeline, quotes, conflicts, stories); only the timeline unless ``full``."""
    known = canonical_programme(programme, programme_table())
    name = known.name if known else programme.strip()
    con = open_store(resolve_db(db), read_only=True)
    try:
        if full:
            return programme_report(con, name)
        return ProgrammeReport(name, timeline(con, name), [], [], [])
    finally:
        con.close()


def write_timeline_page(db: str | None, programme: str, target: str) -> str:
    """Write the programme's HTML page to ``target``; a one-line note of what was written."""
    from flows.timeline_page import render_page

    report = load_report(db, programme)
    path = Path(target).expanduser()
    try:
        path.write_text(render_page(report), encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return f"wrote {path} ({len(report.timeline)} timeline rows, {len(report.conflicts)} conflicts)"
