"""``timeline_entries`` stays exact: after every save the ``timeline`` view equals 0005's computation.

``timeline_live`` is migration 0005's view, renamed by 0009: it computes the
timeline from the fact tables, the sources, the articles and the stories on
each read. Every test here saves through the real writer into a real DuckDB
file and compares the two, row for row, and the table with a full rebuild.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

import store.timeline
from bench.timeline import fill_store
from extractors.models import Article, Fact
from store.db import open_store
from store.ids import fact_id
from store.migrations import MIGRATIONS_TABLE
from store.timeline import rebuild_timeline
from store.writer import ArticleSave, save_articles
from tests.store.factories import FETCHED, article, event, fee, person, quote, rows, save

STORY = " ".join(f"word{i} shared sentence number {i} of the wire story." for i in range(60))
OTHER = " ".join(f"other{i} unrelated report paragraph {i} about rice prices." for i in range(60))
FIRST_HALF, SECOND_HALF = STORY[:1500], STORY[1500:]
LAUNCH = event("K visa", "launched", "2025-10-01", "day", description="K visa launched")


def assert_exact(con: duckdb.DuckDBPyConnection) -> None:
    """The view equals 0005's, and the table equals a rebuild from scratch (article_ids too)."""
    live = rows(con, "SELECT * FROM timeline_live ORDER BY ALL")
    assert rows(con, "SELECT * FROM timeline ORDER BY ALL") == live
    kept = rows(con, "SELECT * FROM timeline_entries ORDER BY ALL")
    con.begin()
    try:
        rebuild_timeline(con)
        assert kept == rows(con, "SELECT * FROM timeline_entries ORDER BY ALL")
    finally:
        con.rollback()


def entry(con: duckdb.DuckDBPyConnection, fact: Fact) -> tuple[object, ...]:
    """(n_sources, n_stories, n_outlets) of ``fact``'s timeline row."""
    sql = "SELECT n_sources, n_stories, n_outlets FROM timeline WHERE fact_id = ?"
    found = rows(con, sql, [fact_id(fact)])
    assert len(found) == 1
    return found[0]


def test_the_view_keeps_0005s_columns_and_types(con: duckdb.DuckDBPyConnection) -> None:
    def shape(view: str) -> list[tuple[object, ...]]:
        return rows(con, f"SELECT column_name, column_type FROM (DESCRIBE {view})")

    assert shape("timeline") == shape("timeline_live")


def test_a_second_source_and_its_removal(con: duckdb.DuckDBPyConnection) -> None:
    a = article("https://a.example/k", site="A", published_at=date(2025, 9, 30), text=OTHER + " a")
    b = article("https://b.example/k", site="B", published_at=date(2025, 9, 29), text="Unrelated. " * 30)
    save(con, a, [LAUNCH, fee("K visa", 50.0)])
    save(con, b, [LAUNCH, fee("K visa", 50.0), person()])
    assert entry(con, LAUNCH) == (2, 2, 2)
    assert_exact(con)
    save(con, b, [person()])  # b no longer states them: one source left
    assert entry(con, LAUNCH) == (1, 1, 1)
    assert_exact(con)
    save(con, a, [quote()])  # no source left: the facts and their rows are gone
    assert rows(con, "SELECT count(*) FROM timeline_entries") == [(0,)]
    assert_exact(con)


def test_a_resave_that_changes_the_article_reorders_and_renames_its_sources(
    con: duckdb.DuckDBPyConnection,
) -> None:
    a = article("https://a.example/k", site="A", published_at=date(2025, 9, 30), text=OTHER + " a")
    b = article("https://b.example/k", site="B", published_at=date(2025, 9, 29), text="Unrelated. " * 30)
    for art in (a, b):
        save(con, art, [fee("H-1B")])
    moved = article(
        "https://a.example/k", canonical_url="https://a.example/canonical", site="A2",
        published_at=date(2025, 9, 1), text=OTHER + " a",
    )  # fmt: skip
    save(con, moved, [fee("H-1B")])
    assert rows(con, "SELECT date, sources, sites FROM timeline") == [
        ("2025-09-01", ["https://a.example/canonical", b.url], ["A2", "B"])
    ]
    assert_exact(con)


def test_a_bridging_article_merges_the_stories_of_a_facts_sources_and_its_rewrite_splits_them(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # LAUNCH is stated by two articles of two stories; the bridge states nothing
    # of it, but merges the stories: an article that was not saved changes story.
    save(con, article("https://a.example/1", site="A", text=FIRST_HALF), [LAUNCH])
    save(con, article("https://c.example/3", site="C", text=SECOND_HALF), [LAUNCH])
    assert entry(con, LAUNCH) == (2, 2, 2)
    save(con, article("https://b.example/2", site="B", text=STORY), [person()])
    assert rows(con, "SELECT count(DISTINCT story_id) FROM article_stories") == [(1,)]
    assert entry(con, LAUNCH) == (2, 1, 2)
    assert_exact(con)
    save(con, article("https://b.example/2", site="B", text="An entirely different piece. " * 20), [person()])
    assert entry(con, LAUNCH) == (2, 2, 2)
    assert_exact(con)


def test_a_fee_of_no_programme_stays_out_of_the_view(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article(text=OTHER), [fee(None), fee("H-1B", 10.0)])
    assert rows(con, "SELECT programme FROM timeline") == [("H-1B",)]
    assert rows(con, "SELECT count(*) FROM timeline_entries") == [(2,)]
    assert_exact(con)


def _random_article(rng: random.Random) -> Article:
    n = rng.randrange(6)
    return article(
        f"https://outlet{n}.example/story",
        canonical_url=rng.choice([None, None, "https://wire.example/story"]),
        site=rng.choice([f"Outlet {n}", None, "Shared Site"]),
        published_at=rng.choice([None, date(2025, 9, 1 + rng.randrange(20))]),
        text=rng.choice([STORY, FIRST_HALF, SECOND_HALF, OTHER, f"Unique {n} " * 40]),
    )


def _random_facts(rng: random.Random) -> list[Fact]:
    pool: list[Fact] = [
        LAUNCH,
        event("K visa", "announced", "2025-08", "month", description="K visa announced"),
        event("H-1B", "signed", "2025-09-19", "day", description="Proclamation signed"),
        event("h-1b", "signed", "2025-09-19", "day", description="Proclamation signed"),
        fee("H-1B"),
        fee("H-1B", 100_000.5, period=None, applies_to="new applicants"),
        fee(None, 5.0),
        quote(),
        person(),
    ]
    return rng.sample(pool, rng.randrange(len(pool) + 1))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_saves_keep_the_entries_exact(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    _random_saves(con, seed)


def test_random_saves_keep_the_entries_exact_reading_articles_by_a_join(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path of a refresh of more sources than primary-key lookups answer fast."""
    monkeypatch.setattr(store.timeline, "_LOOKUPS", 0)
    _random_saves(con, 4)


def _random_saves(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    rng = random.Random(seed)
    for step in range(25):
        fetched = FETCHED + timedelta(hours=rng.randrange(48))
        save(con, _random_article(rng), _random_facts(rng), fetched_at=fetched)
        if step % 5 == 4:
            assert_exact(con)
    assert rows(con, "SELECT count(*) FROM timeline") != [(0,)]
    assert_exact(con)


def test_the_migration_fills_the_table_of_a_store_that_has_facts(db_path: Path) -> None:
    con = open_store(db_path)
    try:
        save(con, article("https://a.example/1", site="A", text=FIRST_HALF), [LAUNCH, fee("H-1B")])
        save(con, article("https://c.example/3", site="C", text=SECOND_HALF), [LAUNCH, fee(None)])
        expected = rows(con, "SELECT * FROM timeline_entries ORDER BY ALL")
        # Back to the schema before 0009, the rows still in place.
        con.execute("DROP VIEW timeline")
        con.execute("DROP TABLE timeline_entries")
        con.execute("ALTER VIEW timeline_live RENAME TO timeline")
        con.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE version = 9")
    finally:
        con.close()
    con = open_store(db_path)
    try:
        assert rows(con, "SELECT * FROM timeline_entries ORDER BY ALL") == expected
        assert_exact(con)
    finally:
        con.close()


def test_a_generated_store_matches_0005s_view(tmp_path: Path) -> None:
    path = tmp_path / "generated.duckdb"
    fill_store(path, 3000)
    con = open_store(path)
    try:
        assert rows(con, "SELECT count(*) FROM timeline WHERE programme = 'K visa'") == [(9,)]
        assert_exact(con)
    finally:
        con.close()


def test_fetch_times_date_a_fee_of_undated_articles(con: duckdb.DuckDBPyConnection) -> None:
    undated = article(text=OTHER, published_at=None)
    save(con, undated, [fee("H-1B")], fetched_at=datetime(2025, 9, 3, 23, 0))
    assert rows(con, "SELECT date, precision FROM timeline") == [("2025-09-03", "day")]
    assert_exact(con)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_batches_keep_the_entries_exact(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    """Many saves in one transaction: one refresh for the batch (``store.writer.save_articles``)."""
    rng = random.Random(seed)
    for _ in range(6):
        batch = []
        for _ in range(rng.randrange(1, 8)):
            art = _random_article(rng)
            fetched = FETCHED + timedelta(hours=rng.randrange(48))
            batch.append(ArticleSave(art, _random_facts(rng), art.url, fetched))
        save_articles(con, batch)
        assert_exact(con)


class _PandasLookups:
    """A finder that counts the interpreter's searches for ``pandas`` (and finds nothing)."""

    def __init__(self) -> None:
        self.count = 0

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pandas":
            self.count += 1


def test_a_batch_save_binds_no_parameter_for_its_timeline(con: duckdb.DuckDBPyConnection) -> None:
    """DuckDB looks for pandas once for every bound value (``store/bulk.py``); the refresh binds none."""
    import sys

    rng = random.Random(5)
    batch = []
    for _ in range(8):
        art = _random_article(rng)
        batch.append(ArticleSave(art, [LAUNCH, fee("H-1B"), *_random_facts(rng)], art.url, FETCHED))
    finder = _PandasLookups()
    sys.meta_path.insert(0, finder)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.delitem(sys.modules, "pandas", raising=False)
            save_articles(con, batch)
    finally:
        sys.meta_path.remove(finder)
    # The refresh that bound its ids made 100 here; what is left is pyarrow
    # looking for pandas when the writer's Arrow tables are built.
    assert finder.count <= 2
    assert_exact(con)


def test_a_batch_of_new_articles_orders_and_counts_sources_as_0005(con: duckdb.DuckDBPyConnection) -> None:
    """Created facts stated only by new articles get entries computed from the batch's rows
    (``store.timeline_new``): the order of sources (published, undated last, then article id),
    sites without nulls, fetch dates for undated sources, and the fee summary's number."""
    texts = [STORY, OTHER, FIRST_HALF, "Unique one " * 40, "Unique two " * 40]
    dates = [date(2025, 9, 30), None, date(2025, 9, 29), date(2025, 9, 30), None]
    sites = ["A", None, "C", "A", "E"]
    facts: list[Fact] = [LAUNCH, fee("H-1B", 100_000.5), fee(None, 5.0)]
    batch = [
        ArticleSave(
            article(f"https://o{i}.example/k", site=site, published_at=day, text=text,
                    canonical_url="https://wire.example/k" if i == 3 else None),
            facts if i != 4 else [fee("H-1B", 100_000.5)],
            f"https://o{i}.example/k/final" if i == 1 else f"https://o{i}.example/k",
            FETCHED + timedelta(hours=i),
        )
        for i, (text, day, site) in enumerate(zip(texts, dates, sites, strict=True))
    ]  # fmt: skip
    save_articles(con, batch)
    assert entry(con, LAUNCH)[0] == 4
    assert_exact(con)
