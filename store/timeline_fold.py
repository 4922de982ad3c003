"""One timeline row for one event dated at two precisions.

Outlets date the same event differently: one writes "launched on Wednesday"
(a day), another, a month on, "launched last month" (a month). The two are
separate facts (an event's identity holds its date and precision), so the
timeline showed the launch twice. :func:`fold_refinements` folds an event
row of month precision into the one row of the same programme and event
type dated to a day of that month, and a row of year precision into the one
finer row of that year: the finer date is kept, the sources, sites, story
and outlet counts become those of both, and ``folded`` names the facts
folded in. Where a month holds two days of that event type (two launches?)
nothing is folded: which one the month meant is not known.

The ``timeline`` view keeps one row per fact; ``newsfacts timeline`` and the
timeline page read the folded rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

import duckdb

from store.timeline import in_list

if TYPE_CHECKING:  # store.queries calls this module
    from store.queries import TimelineRow

# Coarser precision -> the finer ones a row of it may fold into.
_FINER = {"month": ("day",), "year": ("month", "day")}


def fold_refinements(con: duckdb.DuckDBPyConnection, rows: list[TimelineRow]) -> list[TimelineRow]:
    """``rows`` (one programme's, in timeline order) with coarser-dated duplicates folded in."""
    into = _targets(rows)
    if not into:
        return rows
    groups: dict[str, list[TimelineRow]] = defaultdict(list)
    for row in rows:
        groups[into.get(row.fact_id, row.fact_id)].append(row)
    shared = [r.fact_id for members in groups.values() if len(members) > 1 for r in members]
    articles = _article_ids(con, shared)
    out = []
    for row in rows:
        if row.fact_id in into:
            continue
        coarser = sorted((r for r in groups[row.fact_id] if r.fact_id != row.fact_id), key=_coarseness)
        out.append(_merged(con, row, coarser, articles) if coarser else row)
    return out


def _coarseness(row: TimelineRow) -> int:
    """Months before years: the sources of the closer date come first."""
    return 0 if row.precision == "month" else 1


def _targets(rows: list[TimelineRow]) -> dict[str, str]:
    """fact id of a coarser event row -> fact id of the one finer row it folds into."""
    events = [r for r in rows if r.kind == "event" and r.date and r.precision]
    into: dict[str, str] = {}
    for precision, width in (("month", 7), ("year", 4)):  # months first: a year sees the days they joined
        finer: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
        for r in events:
            assert r.date is not None
            if r.precision in _FINER[precision] and len(r.date) > width and r.date[width] == "-":
                finer[_key(r, r.date[:width])].add(into.get(r.fact_id, r.fact_id))
        for row in events:
            assert row.date is not None
            if row.precision == precision and row.fact_id not in into:
                found = finer.get(_key(row, row.date), set())
                if len(found) == 1:
                    into[row.fact_id] = next(iter(found))
    return into


def _key(row: TimelineRow, prefix: str) -> tuple[str, str | None, str]:
    return row.programme.casefold(), row.event_type, prefix


def _article_ids(con: duckdb.DuckDBPyConnection, fact_ids: list[str]) -> dict[str, list[str]]:
    if not fact_ids:
        return {}
    sql = f"SELECT fact_id, article_ids FROM timeline_entries WHERE fact_id IN ({in_list(sorted(fact_ids))})"
    return {fid: list(aids) for fid, aids in con.execute(sql).fetchall()}


def _merged(
    con: duckdb.DuckDBPyConnection,
    row: TimelineRow,
    coarser: list[TimelineRow],
    articles: dict[str, list[str]],
) -> TimelineRow:
    sources = list(row.sources)
    for other in coarser:
        sources += [s for s in other.sources if s not in sources]
    ids = sorted({aid for r in (row, *coarser) for aid in articles.get(r.fact_id, [])})
    n_stories, n_outlets = con.execute(
        "SELECT count(DISTINCT story_id), count(DISTINCT outlet) FROM article_stories "
        f"WHERE article_id IN ({in_list(ids)})"
    ).fetchone() or (0, 0)
    reported = [r.first_reported_at for r in (row, *coarser) if r.first_reported_at is not None]
    return replace(
        row,
        n_sources=len(ids),
        sources=tuple(sources),
        sites=tuple(sorted({site for r in (row, *coarser) for site in r.sites})),
        n_stories=int(n_stories),
        n_outlets=int(n_outlets),
        first_reported_at=min(reported) if reported else None,
        folded=tuple(r.fact_id for r in coarser),
    )
