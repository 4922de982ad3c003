"""Stories and merged quotes at the store level: pure dedup rules, incremental regrouping."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from store.db import open_store
from store.dedup import fingerprint, same_story, story_url_key, wire_of
from store.quote_merge import quote_words, same_quote
from tests.store.factories import FETCHED, article, person, quote, rows, save

STORY = " ".join(f"word{i} shared sentence number {i} of the wire story." for i in range(60))
OTHER = " ".join(f"other{i} unrelated report paragraph {i} about rice prices." for i in range(60))


@pytest.mark.parametrize(
    "url",
    [
        "https://m.example.com/amp/2025/k-visa?utm_source=x",
        "http://www.example.com/2025/k-visa/",
        "https://amp.example.com/2025/k-visa.amp.html".replace(".amp.html", ""),
        "https://example.com/2025/k-visa#comments",
    ],
)
def test_mobile_amp_and_tracking_variants_share_a_url_key(url: str) -> None:
    assert story_url_key(url) == story_url_key("https://example.com/2025/k-visa")


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("... it said. Source: Reuters", "reuters"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "reuters"),
        ("Beijing opened the scheme on Wednesday — AP", "ap"),
        ("prompting many to look elsewhere, AP reported.", "ap"),
        ("No credit at all.", None),
        ("Source: Reuters. AP reported the same.", None),  # two credits: no signal
    ],
)
def test_wire_credits(text: str, wire: str | None) -> None:
    assert wire_of(text) == wire


def test_same_wire_alone_does_not_merge_two_stories() -> None:
    a = fingerprint("https://a.example/1", None, STORY + " Source: Reuters", "h1")
    b = fingerprint("https://b.example/2", None, OTHER + " Source: Reuters", "h2")
    assert (a.wire, b.wire) == ("reuters", "reuters")
    assert same_story(a, b) is None


def test_same_story_is_symmetric_and_finds_a_trimmed_copy() -> None:
    full = fingerprint("https://a.example/1", None, STORY, "h1")
    trimmed = fingerprint("https://b.example/2", None, STORY[: len(STORY) // 2], "h2")
    assert same_story(full, trimmed) is not None
    assert same_story(full, trimmed) == same_story(trimmed, full)


def test_quote_rules() -> None:
    long_ = quote_words(
        "The U.S. has definitely shot itself in the foot on H-1Bs, and the timing is exquisite"
    )
    assert same_quote(long_, quote_words("“The U.S. has definitely shot itself in the foot on H-1Bs”"))
    assert same_quote(quote_words("It’s an appealing alternative for STEM professionals"),
                      quote_words("It is an appealing alternative for STEM professionals"))  # fmt: skip
    assert not same_quote(long_, quote_words("China will need to ensure Indian citizens feel welcome"))


def _stories(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return rows(con, "SELECT n_articles, n_outlets FROM stories ORDER BY ALL")


def test_a_copy_joins_and_a_rewrite_leaves_the_story(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/k", site="A", text=STORY), [])
    save(con, article("https://b.example/k", site="B", text=STORY + " Editor's note: updated."), [])
    save(con, article("https://c.example/rice", site="C", text=OTHER), [])
    assert _stories(con) == [(1, 1), (2, 2)]
    # B is re-saved with other text: its story splits again, only that story changes.
    save(con, article("https://b.example/k", site="B", text="An entirely different piece. " * 20), [])
    assert _stories(con) == [(1, 1), (1, 1), (1, 1)]


def test_a_bridging_article_merges_two_stories_whatever_the_order(tmp_path: Path) -> None:
    texts = {
        "https://a.example/1": STORY[:1500],
        "https://b.example/2": STORY[1500:],
        "https://c.example/3": STORY,
    }
    forward = list(texts)
    results = []
    for n, order in enumerate((forward, forward[::-1])):
        connection = open_store(tmp_path / f"order{n}.duckdb")
        try:
            for url in order:
                save(connection, article(url, site=url, text=texts[url]), [])
            results.append(rows(connection, "SELECT * FROM article_stories ORDER BY ALL"))
        finally:
            connection.close()
    assert results[0] == results[1]
    assert len({row[1] for row in results[0]}) == 1


def test_two_people_sharing_a_surname_stay_two(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/k"), [person("Michael Feller", start=1)])
    save(con, article("https://b.example/k"), [person("Anna Feller", start=1)])
    assert rows(con, "SELECT name FROM person_profiles ORDER BY name") == [
        ("Anna Feller",),
        ("Michael Feller",),
    ]


def test_two_quotes_by_one_speaker_stay_two_and_variants_merge(con: duckdb.DuckDBPyConnection) -> None:
    one = "It is a talent magnet for young engineers everywhere"
    save(
        con,
        article("https://a.example/k"),
        [quote(one), quote("China will need to ensure people feel welcome")],
    )
    save(con, article("https://b.example/k"), [quote(one.replace("It is", "It's"))])
    got = rows(con, "SELECT n_sources, len(variants) FROM quotes_by_person ORDER BY n_sources")
    assert got == [(1, 1), (2, 2)]


def test_a_fingerprint_computed_before_the_save_is_taken_only_when_it_is_the_articles(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """The extraction workers compute each article's fingerprint; the save takes it as it
    is, and recomputes one that belongs to another article (or another text of it)."""
    from store.stories import article_fingerprint, story_input
    from store.writer import ArticleSave, save_articles

    mine = article("https://a.example/k", site="A", text=STORY)
    ready = article_fingerprint(mine)
    assert story_input("a1", mine, ready).fingerprint is ready
    other = article("https://a.example/k", site="A", text=OTHER)
    stale = replace(article_fingerprint(other), text_hash="an older text's hash")
    assert story_input("a1", mine, stale).fingerprint == ready
    assert story_input("a1", mine, article_fingerprint(article("https://b.example/k", text=STORY))) == (
        story_input("a1", mine)
    )

    save_articles(con, [ArticleSave(mine, [], mine.url, FETCHED, fingerprint=stale)])
    stored = con.execute("SELECT text_hash, n_shingles, minhash FROM story_signatures").fetchall()
    assert stored == [(mine.text_hash, ready.n_shingles, ready.minhash)]
