"""Saving in batches leaves what saving one article per transaction leaves: every table and view.

The fixture pages (the gold train and holdout pages, the syndication copies,
the fixture site, the conflict and unseen pages) go through the real spaCy
pipeline once, with a relevance gate of two topics. A sequence of saves is
built from them: every page; re-saves that drop half of an article's facts
(deleting the facts no other article states) and later restore them (the
facts come back afresh); re-saves with other topic decisions; pages saved
twice in a row; off-topic pages. The same sequence goes into real DuckDB
files one save per transaction (``pipeline.save``) and in batches
(``pipeline.save_many``) of several sizes: every table and view must match,
and so must each save's result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb
import pytest

from extractors.nlp import FactExtractor
from extractors.relevance import compile_topics
from flows import pipeline
from sources.errors import NewsfactsError
from sources.local import read_local
from sources.topics import Topic
from store.db import open_store
from store.quote_merge import regroup, speaker_key
from store.timeline import rebuild_timeline
from store.writer import Saved

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# validation is left out: its pages are only for the coordinator's aggregates.
PAGES = ("gold/train", "gold/holdout", "syndication", "site", "conflict", "unseen")
TOPICS = (
    Topic(name="visas", programmes=("H-1B", "K visa", "Skilled Worker visa", "Gold Card", "Express Entry"),
          keywords=("visa", "work permit", "immigration")),
    Topic(name="china", countries=("China",), keywords=("Beijing",)),
)  # fmt: skip
TABLES = (
    "articles", "visa_programmes", "fees", "quotes", "people", "events", "fact_sources",
    "story_signatures", "story_keys", "story_links", "article_stories", "stories", "quote_groups",
    "article_topics", "timeline_entries",
)  # fmt: skip
VIEWS = ("facts", "timeline", "conflicts", "quotes_by_person", "person_profiles", "fee_history")
# The only clock a save reads itself (page fetch times come with the extraction).
CLOCKS = {"article_topics": "decided_at"}


@pytest.fixture(scope="module")
def saves() -> list[pipeline.Extraction]:
    """The sequence of saves: each fixture page, then re-saves, in an order that exercises every rule."""
    extractor, watchlist = FactExtractor(), compile_topics(TOPICS)
    pages = sorted(path for folder in PAGES for path in (FIXTURES / folder).rglob("*.html"))
    extracted = []
    for path in pages:
        try:
            extracted.append(pipeline.extract(read_local(path), extractor, watchlist))
        except NewsfactsError:  # not an article (an index page, a login wall, German)
            continue
    kept = [e for e in extracted if e.skipped is None]
    assert len(kept) >= 50 and len(extracted) > len(kept), "some pages are articles, some are off-topic"
    sequence = list(extracted)
    for i, e in enumerate(kept):
        if i % 6 == 0:  # drop half its facts, then (a few saves later) restore them
            sequence.append(dataclasses.replace(e, facts=e.facts[: len(e.facts) // 2]))
        if i % 6 == 3:
            sequence.append(kept[i - 3])
        if i % 8 == 0:  # another decision on each topic
            flipped = tuple(dataclasses.replace(d, relevant=not d.relevant) for d in e.topics)
            sequence.append(dataclasses.replace(e, topics=flipped))
        if i % 10 == 5:  # saved twice in a row, the second time without facts
            sequence += [e, dataclasses.replace(e, facts=[])]
    return sequence


def _one_at_a_time(con: duckdb.DuckDBPyConnection, sequence: Sequence[pipeline.Extraction]) -> list[Saved]:
    outcomes: list[Saved] = []
    for extraction in sequence:
        try:
            outcomes.append(pipeline.save(con, extraction))
        except NewsfactsError as exc:
            outcomes.append(exc)
    return outcomes


def _in_batches(con: duckdb.DuckDBPyConnection, sequence: list[pipeline.Extraction], n: int) -> list[Saved]:
    outcomes: list[Saved] = []
    for start in range(0, len(sequence), n):
        outcomes += pipeline.save_many(con, sequence[start : start + n])
    return outcomes


Snapshot = dict[str, list[tuple[object, ...]]]


Store = tuple[Snapshot, list[object]]


def _store(db: Path, save: Callable[[duckdb.DuckDBPyConnection], list[Saved]]) -> Store:
    con = open_store(db)
    try:
        outcomes = save(con)
    finally:
        con.close()
    results = [o if not isinstance(o, NewsfactsError) else (type(o).__name__, o.one_line()) for o in outcomes]
    return _snapshot(db), results


def _snapshot(db: Path) -> Snapshot:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            skip = f"EXCLUDE ({CLOCKS[table]})" if table in CLOCKS else ""
            out[table] = con.execute(f"SELECT * {skip} FROM {table} ORDER BY ALL").fetchall()
        for view in VIEWS:
            out[view] = con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(saves: list[pipeline.Extraction], tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("one-at-a-time") / "facts.duckdb"
    return _store(db, lambda con: _one_at_a_time(con, saves))


def test_the_reference_store_holds_what_the_rules_need(reference: Store) -> None:
    tables, results = reference
    # Stories of several outlets, merged quote variants, topic rows, and skips among the results.
    assert any(row[4] > 1 for row in tables["stories"])
    assert len({row[1] for row in tables["quote_groups"]}) < len(tables["quote_groups"])
    assert tables["article_topics"] and tables["timeline"] and tables["conflicts"]
    assert any(isinstance(r, tuple) and r[0] == "OffTopic" for r in results)


@pytest.mark.parametrize("size", [7, 1000])
def test_batches_leave_what_one_save_per_transaction_leaves(
    size: int,
    saves: list[pipeline.Extraction],
    reference: Store,
    tmp_path: Path,
) -> None:
    tables, results = _store(tmp_path / "batches.duckdb", lambda con: _in_batches(con, saves, size))
    expected_tables, expected_results = reference
    assert {t: len(r) for t, r in tables.items()} == {t: len(r) for t, r in expected_tables.items()}
    for name in expected_tables:
        assert tables[name] == expected_tables[name], name
    assert results == expected_results


@pytest.mark.parametrize("size", [7, 1000])
def test_batches_leave_the_groups_and_entries_a_recomputation_from_the_stored_rows_gives(
    size: int, saves: list[pipeline.Extraction], tmp_path: Path
) -> None:
    # A batch groups the quotes of speakers new to the store from its own rows and
    # skips deleting entries of facts it created: recomputing both from every stored
    # row (every quote read back, every entry rebuilt from fact_sources) changes nothing.
    con = open_store(tmp_path / "batches.duckdb")
    try:
        _in_batches(con, saves, size)
        groups = con.execute("SELECT * FROM quote_groups ORDER BY ALL").fetchall()
        entries = con.execute("SELECT * FROM timeline_entries ORDER BY ALL").fetchall()
        assert len({g for _, g in groups}) < len(groups) and entries
        con.begin()
        con.execute("DELETE FROM quote_groups")
        speakers = con.execute("SELECT DISTINCT speaker FROM quotes").fetchall()
        regroup(con, {speaker_key(speaker) for (speaker,) in speakers})
        rebuild_timeline(con)
        assert con.execute("SELECT * FROM quote_groups ORDER BY ALL").fetchall() == groups
        assert con.execute("SELECT * FROM timeline_entries ORDER BY ALL").fetchall() == entries
        con.rollback()
    finally:
        con.close()
