"""Staged extraction files and the one loader: round trip, idempotence, files cut short."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from extractors.models import AnyFact, Article
from extractors.relevance import TopicDecision
from sources.errors import StagingError
from store.db import open_store
from store.loader import load_file, load_pending, loaded_names
from store.staging import Staged, columns, read_staged, staged_files, write_staged
from store.writer import utc_naive
from tests.store.factories import FETCHED, article, event, fee, person, programme, quote, save, snapshot

STORY_TABLES = ("stories", "article_stories", "quote_groups", "story_links")


def _facts() -> list[AnyFact]:
    return [
        programme(),
        fee(applies_to="new applicants"),
        quote(),
        person(roles=("associate director",), affiliations=("Dragonfly", "Asia desk")),
        event(date="2025-08", precision="month"),
    ]


def _staged(art: Article | None = None, facts: list[AnyFact] | None = None) -> Staged:
    art = art or article()
    return Staged(art, _facts() if facts is None else facts, final_url=art.url, fetched_at=utc_naive(FETCHED))


def _everything(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    out = snapshot(con)
    for table in STORY_TABLES:
        out[table] = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    return out


def test_a_staged_file_reads_back_equal(tmp_path: Path) -> None:
    staged = _staged()
    assert read_staged(write_staged(tmp_path, staged)) == staged


def test_an_article_without_facts_reads_back_equal(tmp_path: Path) -> None:
    staged = _staged(article(published_at=None, site=None), facts=[])
    assert read_staged(write_staged(tmp_path, staged)) == staged


def test_staging_the_same_content_again_replaces_the_file(tmp_path: Path) -> None:
    first = write_staged(tmp_path, _staged())
    second = write_staged(tmp_path, _staged())
    other = write_staged(tmp_path, _staged(facts=_facts()[:2]))
    assert first == second != other
    assert staged_files(tmp_path) == sorted([first, other])
    assert first.name.startswith(other.name.split(".")[0])  # one article id, two contents


def test_loading_a_staged_file_stores_what_saving_stores(tmp_path: Path) -> None:
    direct = open_store(tmp_path / "direct.duckdb")
    staged = open_store(tmp_path / "staged.duckdb")
    try:
        save(direct, article(), _facts())
        load_file(staged, write_staged(tmp_path / "staging", _staged()))
        assert _everything(staged) == _everything(direct)
    finally:
        direct.close()
        staged.close()


def test_loading_the_folder_again_changes_nothing(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    folder = tmp_path / "staging"
    write_staged(folder, _staged())
    write_staged(folder, _staged(article("https://other.example/k-visa-story"), facts=_facts()[2:]))
    first = load_pending(con, folder)
    assert len(first.loaded) == 2 and not first.refused
    before = (_everything(con), con.execute("SELECT * FROM staged_loads ORDER BY ALL").fetchall())
    second = load_pending(con, folder)
    assert (second.loaded, sorted(second.skipped)) == ({}, sorted(first.loaded))
    for path in staged_files(folder):  # and saving a loaded file once more changes nothing either
        load_file(con, path)
    assert (_everything(con), con.execute("SELECT * FROM staged_loads ORDER BY ALL").fetchall()) == before


def test_a_file_cut_short_is_refused_whole(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    folder = tmp_path / "staging"
    good = write_staged(folder, _staged(article("https://other.example/whole")))
    cut = write_staged(folder, _staged())
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])  # a worker killed mid-copy
    with pytest.raises(StagingError, match="cannot read staged file"):
        read_staged(cut)
    report = load_pending(con, folder)
    assert (list(report.loaded), list(report.refused)) == ([good.name], [cut.name])
    assert con.execute("SELECT url FROM articles").fetchall() == [("https://other.example/whole",)]
    assert loaded_names(con) == {good.name}


def test_a_temporary_file_is_not_listed(tmp_path: Path) -> None:
    path = write_staged(tmp_path, _staged())
    (tmp_path / f".{path.name}.0123.tmp").write_bytes(path.read_bytes()[:100])
    assert staged_files(tmp_path) == [path]


def test_a_file_from_another_extractor_version_is_refused(tmp_path: Path) -> None:
    path = write_staged(tmp_path, Staged(**{**_staged().__dict__, "extractor_version": "older/0.0.1"}))
    with pytest.raises(StagingError, match=r"from older/0\.0\.1"):
        read_staged(path)


VISAS = TopicDecision("visas", True, ("programme:K visa", "keyword:visa"), "matched programme:K visa")
SPORT = TopicDecision("sport", False, (), "no match for topic sport")


def test_topic_decisions_are_staged_and_become_article_topics_rows(tmp_path: Path) -> None:
    staged = replace(_staged(), topics=(VISAS, SPORT))
    path = write_staged(tmp_path / "staging", staged)
    assert read_staged(path) == staged
    direct = open_store(tmp_path / "direct.duckdb")
    loaded = open_store(tmp_path / "loaded.duckdb")
    try:
        save(direct, article(), _facts(), topics=(VISAS, SPORT))
        load_file(loaded, path)
        query = "SELECT article_id, topic, matched_terms FROM article_topics ORDER BY ALL"
        rows = loaded.execute(query).fetchall()
        assert [(topic, terms) for _, topic, terms in rows] == [("visas", list(VISAS.matched))]
        assert rows == direct.execute(query).fetchall()
    finally:
        direct.close()
        loaded.close()


def test_a_file_staged_before_topic_decisions_reads_with_none(tmp_path: Path) -> None:
    path = write_staged(tmp_path, _staged())
    old = tmp_path / "old" / path.name
    old.parent.mkdir()
    kept = [f'"{name}"' for name in columns() if name != "n_topics" and not name.startswith("topic_")]
    con = duckdb.connect()
    try:  # the same file without the topic columns, as an earlier loader wrote it
        columns_sql = ', '.join(kept)
        con.execute(f"COPY (SELECT {columns_sql} FROM read_parquet('{path}')) TO '{old}' (FORMAT parquet)")
    finally:
        con.close()
    assert read_staged(old) == _staged()
