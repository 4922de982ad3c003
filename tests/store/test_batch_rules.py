"""``save_articles`` and ``save_each`` on hand-built facts: the order-dependent rules of a batch.

Each case saves one sequence one article per transaction and as one batch,
into two real DuckDB files, and compares every table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from extractors.models import Article, Fact
from sources.errors import StoreError
from store.db import open_store
from store.writer import ArticleSave, Saved, SaveResult, save_article, save_articles, save_each
from tests.store.factories import FETCHED, article, counts, fee, person, programme, quote, rows

A = article("https://a.example/2025/k-visa")
B = article("https://b.example/2025/k-visa-copy", text="Another outlet's words about the K visa.")
C = article("https://c.example/2025/h1b", text="Washington set a fee on H-1B petitions.")
TABLES = (
    "articles", "visa_programmes", "fees", "quotes", "people", "events", "fact_sources",
    "story_signatures", "story_keys", "story_links", "article_stories", "stories", "quote_groups",
)  # fmt: skip


def _save(art: Article, facts: Sequence[Fact], minutes: int = 0) -> ArticleSave:
    return ArticleSave(art, facts, art.url, FETCHED + timedelta(minutes=minutes))


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {table: rows(con, f"SELECT * FROM {table} ORDER BY ALL") for table in TABLES}


def _both_ways(
    tmp_path: Path, first: Sequence[ArticleSave], batch: Sequence[ArticleSave]
) -> tuple[duckdb.DuckDBPyConnection, list[SaveResult], list[SaveResult]]:
    """Save ``first`` one by one into two stores, then ``batch`` one by one into the first and
    as one batch into the second; the second store's connection and both results."""
    one, many = open_store(tmp_path / "one.duckdb"), open_store(tmp_path / "many.duckdb")
    for con in (one, many):
        for s in first:
            save_articles(con, [s])
    singly = [save_articles(one, [s])[0] for s in batch]
    batched = save_articles(many, batch)
    assert _snapshot(many) == _snapshot(one)
    one.close()
    return many, singly, batched


def test_a_fact_deleted_by_a_resave_and_stated_again_later_is_created_afresh(tmp_path: Path) -> None:
    # A's re-save drops the person, who then has no source and is deleted; B states them
    # again: their roles are B's alone, not merged with A's old sighting.
    con, singly, batched = _both_ways(
        tmp_path,
        [_save(A, [person(roles=["analyst"])])],
        [_save(A, [programme()]), _save(B, [person(roles=["director"])])],
    )
    assert rows(con, "SELECT roles FROM people") == [(["director"],)]
    assert batched == singly and [r.new_facts for r in batched] == [1, 1]
    con.close()


def test_a_fact_new_to_the_first_save_of_a_batch_is_not_new_to_the_next(tmp_path: Path) -> None:
    con, singly, batched = _both_ways(tmp_path, [], [_save(A, [fee(), quote()]), _save(B, [fee()])])
    assert [(r.new_facts, r.total_facts) for r in batched] == [(2, 2), (0, 1)] == [
        (r.new_facts, r.total_facts) for r in singly
    ]
    assert rows(con, "SELECT count(*) FROM fact_sources") == [(3,)]
    con.close()


def test_an_article_saved_twice_in_a_batch_ends_as_its_last_save_with_its_first_fetch(tmp_path: Path) -> None:
    con, singly, batched = _both_ways(
        tmp_path,
        [],
        [_save(A, [fee(), programme()], minutes=5), _save(B, [fee()]), _save(A, [programme()], minutes=1)],
    )
    assert batched == singly
    assert counts(con)["fees"] == 1  # B still states it
    assert rows(con, "SELECT fetched_at FROM articles WHERE url = ?", [A.url]) == [
        ((FETCHED + timedelta(minutes=1)).replace(tzinfo=None),)
    ]
    con.close()


def test_quotes_merge_across_the_articles_of_one_batch(tmp_path: Path) -> None:
    long_quote = "China will need to attract scientists from every country in the world"
    trimmed = "attract scientists from every country in the world"
    con, _, _ = _both_ways(tmp_path, [], [_save(A, [quote(long_quote)]), _save(B, [quote(trimmed)])])
    assert rows(con, "SELECT count(DISTINCT quote_id), count(*) FROM quote_groups") == [(1, 2)]
    con.close()


def test_a_failed_batch_writes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    bad = replace(quote(), start=-1)  # fact_sources' CHECK fails after other tables were written
    with pytest.raises(StoreError, match="CHECK constraint"):
        save_articles(con, [_save(A, [fee()]), _save(B, [programme(), bad]), _save(C, [fee()])])
    assert set(counts(con).values()) == {0}


def test_save_each_saves_the_others_of_a_failed_batch_one_at_a_time(tmp_path: Path) -> None:
    bad = replace(quote(), start=-1)
    con = open_store(tmp_path / "each.duckdb")
    batch = [_save(A, [fee()]), _save(B, [programme(), bad]), _save(C, [fee()])]
    outcomes: list[Saved] = save_each(con, batch)
    assert [type(o).__name__ for o in outcomes] == ["SaveResult", "StoreError", "SaveResult"]
    assert isinstance(outcomes[1], StoreError) and outcomes[1].url == B.url
    alone = open_store(tmp_path / "alone.duckdb")
    for art in (A, C):
        save_article(alone, art, [fee()], final_url=art.url, fetched_at=FETCHED)
    assert _snapshot(con) == _snapshot(alone)
    con.close()
    alone.close()


def test_save_each_halves_a_failed_batch_instead_of_saving_every_article_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thirty-two saves, the sixth bad: halving finds it in eleven transactions, not thirty-three.
    from store import writer

    arts = [article(f"https://n{i}.example/2025/k", text=f"Outlet {i} on the K visa.") for i in range(32)]
    bad = replace(quote(), start=-1)
    batch = [_save(art, [fee(), bad] if i == 5 else [fee()]) for i, art in enumerate(arts)]
    transactions: list[int] = []
    real = writer.save_articles

    def counted(con: duckdb.DuckDBPyConnection, saves: Sequence[ArticleSave]) -> list[SaveResult]:
        transactions.append(len(saves))
        return real(con, saves)

    monkeypatch.setattr(writer, "save_articles", counted)
    con = open_store(tmp_path / "halves.duckdb")
    outcomes = save_each(con, batch)
    assert [i for i, o in enumerate(outcomes) if not isinstance(o, SaveResult)] == [5]
    assert len(transactions) == 11
    monkeypatch.undo()
    alone = open_store(tmp_path / "alone.duckdb")
    for i, art in enumerate(arts):
        if i != 5:
            save_article(alone, art, [fee()], final_url=art.url, fetched_at=FETCHED)
    assert _snapshot(con) == _snapshot(alone)
    con.close()
    alone.close()


def test_a_fact_an_earlier_article_states_survives_a_new_article_dropping_it_in_the_batch(
    tmp_path: Path,
) -> None:
    # C (saved before the batch) states the fee; A, new to the store, states it and
    # then drops it within the batch: the fee keeps C as its source.
    con, singly, batched = _both_ways(
        tmp_path, [_save(C, [fee()])], [_save(A, [fee(), programme()]), _save(A, [programme()])]
    )
    assert batched == singly
    assert rows(con, "SELECT n_sources FROM facts WHERE kind = 'fee'") == [(1,)]
    con.close()


def test_a_story_of_new_articles_gets_the_row_the_stored_story_would_get(tmp_path: Path) -> None:
    # One story in three copies (one canonical URL): a batch of new articles computes the
    # story row itself; saved one at a time, the second and third saves recompute it in SQL.
    canonical = "https://wire.example/2025/k-visa"
    undated = article("https://a.example/k", canonical_url=canonical, published_at=None, site="A")
    short = article("https://b.example/k", canonical_url=canonical, site="B", text="K visa launched.")
    longer = article("https://c.example/k", canonical_url=canonical, site="C", text="K visa launched. " * 5)
    batch = [_save(undated, []), _save(short, []), _save(longer, [], minutes=-3)]
    con, _, _ = _both_ways(tmp_path, [], batch)
    [(rep, n, outlets, first_seen)] = rows(
        con, "SELECT representative_article_id, n_articles, outlets, first_seen_at FROM stories"
    )
    assert rep == rows(con, "SELECT article_id FROM articles WHERE url = ?", [longer.url])[0][0]
    earliest = (FETCHED - timedelta(minutes=3)).replace(tzinfo=None)
    assert (n, outlets, first_seen) == (3, ["A", "B", "C"], earliest)
    con.close()


def test_fact_rows_computed_for_another_article_are_computed_again(tmp_path: Path) -> None:
    """The extraction workers compute each article's fact rows; the save takes them only
    for the article (URL) they were made for, so rows handed with the wrong article never
    land under its id."""
    from store.fact_rows import fact_rows

    facts_a = [programme("K visa", "China")]
    wrong = replace(_save(A, facts_a), rows=fact_rows(B, [fee("H-1B", 100_000.0)]))
    right = replace(_save(A, facts_a), rows=fact_rows(A, facts_a))
    stores = []
    for name, save in (("wrong", wrong), ("right", right), ("none", _save(A, facts_a))):
        con = open_store(tmp_path / f"{name}.duckdb")
        save_articles(con, [save])
        stores.append(_snapshot(con))
        con.close()
    assert stores[0] == stores[1] == stores[2]
    assert stores[0]["visa_programmes"] and not stores[0]["fees"]
