"""The ``timeline`` of one programme over a store of 1M facts.

The store is filled in bulk with generated rows (SQL ``range``), shaped like
a long-running deployment: ``facts`` facts over five kinds (30% quotes, 20%
people, 20% programme mentions, 20% events, 10% fees), each stated by one to
three of ``facts // 10`` articles, which form stories of three; events and
fees spread over ``PROGRAMMES`` programmes, one of them "K visa". The rows
bypass the writer, so the timeline's entries (``store.timeline``) are built
once after the fill, as the writer would have kept them. The query is
``store.queries.timeline`` (the view plus its ORDER BY), timed warm.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from bench.measure import Row, Target, paired_medians
from extractors.models import EXTRACTOR_VERSION
from store.db import open_store
from store.queries import _TIMELINE, TimelineRow, _timeline_row, timeline  # the private two: the same query
from store.timeline import rebuild_timeline, refresh_timeline

PROGRAMMES = 100
KINDS = (("quote", 0.3), ("person", 0.2), ("visa_programme", 0.2), ("event", 0.2), ("fee", 0.1))


def fill_store(path: Path, facts: int) -> None:
    """A store at ``path`` of ``facts`` generated facts (see the module docstring)."""
    n_articles = max(facts // 10, 1)
    con = open_store(path)
    try:
        con.begin()
        con.execute(f"""
            INSERT INTO articles (article_id, url, site, title, published_at, language, text, text_hash,
                                  fetched_at, extractor_version)
            SELECT 'a' || i, 'https://outlet' || (i % 50) || '.example/' || i, 'Outlet ' || (i % 50),
                   'Story ' || i, DATE '2024-01-01' + CAST(i % 700 AS INTEGER), 'en', 'text ' || i,
                   md5('a' || i), TIMESTAMP '2024-01-01' + to_seconds(i), '{EXTRACTOR_VERSION}'
            FROM range({n_articles}) AS t(i)""")
        con.execute(f"""
            INSERT INTO article_stories SELECT 'a' || i, 'a' || (i - i % 3), 'Outlet ' || (i % 50)
            FROM range({n_articles}) AS t(i)""")
        start = 0
        for kind, share in KINDS:
            count = int(facts * share)
            _fill_kind(con, kind, start, count)
            con.execute(f"""
                INSERT INTO fact_sources
                SELECT 'f' || i, 'a' || ((i * 7 + k * 104729) % {n_articles}), '{kind}', 'Sentence ' || i,
                       0, 10, '{EXTRACTOR_VERSION}'
                FROM range({start}, {start + count}) AS t(i), range(1 + (i % 3)) AS s(k)""")
            start += count
        rebuild_timeline(con)
        con.commit()
    finally:
        con.close()


def _fill_kind(con: object, kind: str, start: int, count: int) -> None:
    programme = f"CASE WHEN i % {PROGRAMMES} = 0 THEN 'K visa' ELSE 'Programme ' || (i % {PROGRAMMES}) END"
    rows = f"FROM range({start}, {start + count}) AS t(i)"
    day = "strftime(DATE '2024-01-01' + CAST(i % 700 AS INTEGER), '%Y-%m-%d')"
    values = {
        "quote": ("quotes", "'Quote ' || i, 'Person ' || (i % 5000), i % 2 = 0, 'said'"),
        "person": ("people", "'Person ' || i, ['director'], ['Agency']"),
        "visa_programme": ("visa_programmes", f"{programme}, 'China'"),
        "event": ("events", f"{programme}, 'announced', {day}, 'day', 'Event ' || i"),
        "fee": ("fees", f"{programme}, 1000 + i % 100, 'USD', NULL, 'per_year', NULL, '$' || (i % 100)"),
    }
    table, columns = values[kind]
    con.execute(f"INSERT INTO {table} SELECT 'f' || i, {columns} {rows}")  # type: ignore[attr-defined]


def timeline_rows(folder: Path, facts: int, runs: int) -> list[Row]:
    """The K visa timeline over a store of ``facts`` facts, beside 0005's view; the write-side cost."""
    path = folder / f"timeline-{facts}.duckdb"
    began = time.perf_counter()
    fill_store(path, facts)
    filled = time.perf_counter() - began
    con = open_store(path)
    try:
        rows = timeline(con, "K visa")  # warm: the first query reads the file
        if rows != _live_timeline(con, "K visa"):
            raise AssertionError("timeline differs from 0005's view (timeline_live) on the generated store")
        ours, live = paired_medians(
            lambda: timeline(con, "K visa"), lambda: _live_timeline(con, "K visa"), runs
        )
        cpu = _cpu_seconds(lambda: timeline(con, "K visa"), runs)
        refresh, refresh_moved = _refresh_seconds(con, runs)
    finally:
        con.close()
    ms = ours * 1e3
    return [
        Row(
            f"timeline 'K visa' over {facts:,} facts ({len(rows)} rows; store filled in {filled:.0f} s)",
            f"{ms:.0f} ms ({cpu * 1e3:.0f} ms CPU)", f"0005's view (timeline_live) {live * 1e3:.0f} ms",
            ratio=ours / live,
            target=Target(100.0, "max", "<= 100 ms"), checked=ms,
        ),
        Row(
            f"timeline entries refreshed by one save, {facts:,} facts (with its story of 3 moved)",
            f"{refresh * 1e3:.1f} ms ({refresh_moved * 1e3:.1f} ms)",
        ),
    ]  # fmt: skip


def _cpu_seconds(work: Callable[[], object], runs: int) -> float:
    """Median CPU time of this process (all its threads) over ``runs`` calls: what the
    wall time would be on an idle machine, give or take DuckDB's second thread."""
    times = []
    for _ in range(runs):
        began = time.process_time()
        work()
        times.append(time.process_time() - began)
    return statistics.median(times)


def _live_timeline(con: duckdb.DuckDBPyConnection, programme: str) -> list[TimelineRow]:
    """``store.queries.timeline`` over 0005's view, which computes the rows on every read."""
    sql = _TIMELINE.replace("FROM timeline\n", "FROM timeline_live\n")
    assert sql != _TIMELINE
    return [_timeline_row(row) for row in con.execute(sql, [programme]).fetchall()]


def _refresh_seconds(con: duckdb.DuckDBPyConnection, runs: int) -> tuple[float, float]:
    """Median time of ``refresh_timeline`` for one generated article's facts (rolled back), and
    for the same with the other articles of its story moved (a merge: their facts too)."""
    plain: list[float] = []
    moved: list[float] = []
    for aid, facts, others in _saves(con, max(runs, 5)):
        for times, story in ((plain, []), (moved, others)):
            con.begin()
            began = time.perf_counter()
            refresh_timeline(con, {aid: facts}, facts, story)
            times.append(time.perf_counter() - began)
            con.rollback()
    return statistics.median(plain), statistics.median(moved)


def _saves(con: duckdb.DuckDBPyConnection, n: int) -> list[tuple[str, list[str], list[str]]]:
    """``n`` stories' first articles: id, fact ids, the story's other articles."""
    sql = "SELECT story_id FROM article_stories WHERE article_id = story_id ORDER BY hash(story_id) LIMIT ?"
    firsts = con.execute(sql, [n]).fetchall()
    saves = []
    for (aid,) in firsts:
        facts = con.execute("SELECT fact_id FROM fact_sources WHERE article_id = ?", [aid]).fetchall()
        others = con.execute(
            "SELECT article_id FROM article_stories WHERE story_id = ? AND article_id <> ?", [aid, aid]
        ).fetchall()
        saves.append((aid, [row[0] for row in facts], [row[0] for row in others]))
    return saves
