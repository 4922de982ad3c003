"""The ``timeline`` of one programme over a store of 1M facts.

The store is filled in bulk with generated rows (SQL ``range``), shaped like
a long-running deployment: ``facts`` facts over five kinds (30% quotes, 20%
people, 20% programme mentions, 20% events, 10% fees), each stated by one to
three of ``facts // 10`` articles, which form stories of three; events and
fees spread over ``PROGRAMMES`` programmes, one of them "K visa". The query is
``store.queries.timeline`` (the view plus its ORDER BY), timed warm.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.measure import Row, Target
from extractors.models import EXTRACTOR_VERSION
from store.db import open_store
from store.queries import timeline

PROGRAMMES = 100
KINDS = (("quote", 0.3), ("person", 0.2), ("visa_programme", 0.2), ("event", 0.2), ("fee", 0.1))


def _fill(path: Path, facts: int) -> None:
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


def timeline_row(folder: Path, facts: int, runs: int) -> Row:
    """Median time of the K visa timeline over a store of ``facts`` facts."""
    path = folder / f"timeline-{facts}.duckdb"
    began = time.perf_counter()
    _fill(path, facts)
    filled = time.perf_counter() - began
    con = open_store(path)
    try:
        n_rows = len(timeline(con, "K visa"))  # warm: the first query reads the file
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            timeline(con, "K visa")
            times.append(time.perf_counter() - began)
    finally:
        con.close()
    ms = statistics.median(times) * 1e3
    return Row(
        f"timeline 'K visa' over {facts:,} facts ({n_rows} rows; store filled in {filled:.0f} s)",
        f"{ms:.0f} ms", ratio=None, target=Target(100.0, "max", "<= 100 ms"), checked=ms,
    )  # fmt: skip
