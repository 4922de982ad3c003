"""One story, many outlets: the syndication fixtures through the real pipeline.

Six pages (fixtures/syndication: the Reuters story in five outlets' templates,
the AP story in a sixth) are served on loopback and ingested with the real
spaCy pipeline, in two orders, into two real DuckDB files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from extractors.nlp import FactExtractor
from flows.pipeline import ingest
from flows.site_server import SiteServer
from tests.flows.conftest import REPO

REUTERS = (
    "/syndication/pacific-wire-daily/2025/09/29/china-k-visa-foreign-stem-talent.html",
    "/syndication/straits-courier/news/asia/k-visa-talent-race.html",
    "/syndication/hiring-brief/issues/2025-09-30/china-k-visa.html",  # trimmed
    "/syndication/metro-ledger/world/china-k-visa-launch.html",  # editor's note, edited quote
    "/syndication/campus-dispatch/news/international-students-k-visa.html",  # paragraphs swapped
)
AP = "/syndication/valley-herald/asia/china-rolls-out-k-visa-tech-workers.html"
ONE_TIME = "/conflict/border-bulletin-h1b-one-time-fee.html"
PAGES = (*REUTERS, AP)

# Every table the store keeps, and the columns that hold fetch times (which
# differ between two ingest runs by the clock, not by the data).
TABLES = (
    "articles", "visa_programmes", "fees", "quotes", "people", "events", "fact_sources",
    "story_signatures", "story_keys", "story_links", "article_stories", "stories", "quote_groups",
)  # fmt: skip
CLOCK_COLUMNS = {"articles": "fetched_at", "stories": "first_seen_at"}


@pytest.fixture(scope="module")
def fixture_server() -> Iterator[SiteServer]:
    with SiteServer(REPO / "fixtures") as server:
        yield server


@pytest.fixture(scope="module")
def nlp() -> FactExtractor:
    return FactExtractor()


def _ingest_all(server: SiteServer, db: Path, nlp: FactExtractor, pages: tuple[str, ...]) -> None:
    for page in pages:
        ingest(server.url(page), db, nlp)


@pytest.fixture(scope="module")
def stores(
    fixture_server: SiteServer, nlp: FactExtractor, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The six pages in page order, and in reverse with the AP story in the middle."""
    folder = tmp_path_factory.mktemp("syndication")
    forward, backward = folder / "forward.duckdb", folder / "backward.duckdb"
    _ingest_all(fixture_server, forward, nlp, PAGES)
    _ingest_all(fixture_server, backward, nlp, (*REUTERS[:2][::-1], AP, *REUTERS[2:][::-1]))
    return forward, backward


def _rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    out = {}
    for table in TABLES:
        skip = CLOCK_COLUMNS.get(table)
        columns = f"* EXCLUDE ({skip})" if skip else "*"
        out[table] = _rows(db, f"SELECT {columns} FROM {table} ORDER BY ALL")
    for view in ("timeline", "conflicts", "quotes_by_person", "person_profiles", "fee_history"):
        out[view] = _rows(db, f"SELECT * FROM {view} ORDER BY ALL")
    return out


def test_six_pages_are_two_stories_with_five_and_one_outlets(stores: tuple[Path, Path]) -> None:
    rows = _rows(stores[0], "SELECT n_articles, n_outlets, wire FROM stories ORDER BY n_outlets")
    assert rows == [(1, 1, "ap"), (5, 5, "reuters")]
    membership = _rows(stores[0], "SELECT count(DISTINCT story_id), count(*) FROM article_stories")
    assert membership == [(2, 6)]


def test_ingest_order_does_not_change_any_table(stores: tuple[Path, Path]) -> None:
    assert _snapshot(stores[0]) == _snapshot(stores[1])


def test_das_is_one_person_across_both_stories(stores: tuple[Path, Path]) -> None:
    rows = _rows(
        stores[0],
        "SELECT roles, affiliations, n_stories, n_outlets, n_quotes FROM person_profiles "
        "WHERE name ILIKE '%Das'",
    )
    assert len(rows) == 1
    roles, affiliations, n_stories, n_outlets, n_quotes = rows[0]
    assert "Sichuan University" in affiliations  # type: ignore[operator]
    assert "student" in roles  # type: ignore[operator]
    # Two Reuters quotes (five outlets each) and the AP story's indirect one.
    assert (n_stories, n_outlets, n_quotes) == (2, 6, 3)


def test_das_quotes_stay_apart_and_each_has_five_sources(stores: tuple[Path, Path]) -> None:
    rows = _rows(
        stores[0],
        "SELECT text, n_sources, n_stories, n_outlets, len(variants) FROM quotes_by_person "
        "WHERE speaker = 'Bikash Kali Das' AND direct ORDER BY text",
    )
    assert [(r[0][:30], r[1], r[2], r[3]) for r in rows] == [  # type: ignore[index]
        ("It is an appealing alternative", 5, 1, 5),
        ("The recruitment effort targeti", 5, 1, 5),
    ]
    assert rows[0][4] >= 2  # "It’s" and the edited "It is" are variants of one quote  # type: ignore[operator]


def test_every_reuters_quote_is_one_quote_with_five_sources(stores: tuple[Path, Path]) -> None:
    rows = _rows(stores[0], "SELECT n_sources, n_outlets, direct FROM quotes_by_person WHERE n_stories = 1")
    reuters = [r for r in rows if r[2]]
    # Seven direct quotes in the Reuters story (the golden file lists them),
    # each in all five copies: straight/curly, trimmed and edited variants merged.
    assert len(reuters) == 7
    assert {(r[0], r[1]) for r in reuters} == {(5, 5)}


def test_k_visa_timeline_lists_each_event_once_with_story_counts(stores: tuple[Path, Path]) -> None:
    rows = _rows(
        stores[0],
        "SELECT event_type, date, precision, n_stories, n_outlets FROM timeline "
        "WHERE programme = 'K visa' AND kind = 'event' ORDER BY date, event_type",
    )
    assert ("announced", "2025-08", "month", 1, 5) in rows
    assert ("launched", "2025-10-01", "day", 1, 5) in rows
    assert [r[:3] for r in rows].count(("launched", "2025-10-01", "day")) == 1
    assert [r[:3] for r in rows].count(("announced", "2025-08", "month")) == 1


def test_unstated_period_is_no_conflict(stores: tuple[Path, Path]) -> None:
    # Reuters: per year; AP: "for new applicants", no period. Not a disagreement.
    assert _rows(stores[0], "SELECT * FROM conflicts") == []


def test_reingesting_changes_nothing(
    stores: tuple[Path, Path], fixture_server: SiteServer, nlp: FactExtractor, tmp_path: Path
) -> None:
    db = tmp_path / "again.duckdb"
    db.write_bytes(stores[0].read_bytes())
    before = _snapshot(db)
    _ingest_all(fixture_server, db, nlp, PAGES)
    assert _snapshot(db) == before


def test_one_time_fee_beside_per_year_is_one_conflict(
    fixture_server: SiteServer, nlp: FactExtractor, tmp_path: Path
) -> None:
    db = tmp_path / "conflict.duckdb"
    _ingest_all(fixture_server, db, nlp, (REUTERS[0], REUTERS[1], ONE_TIME))
    rows = _rows(
        db,
        "SELECT kind, programme, subject, claim_a, claim_b, sources_a, sources_b, stories_a, stories_b "
        "FROM conflicts",
    )
    assert len(rows) == 1
    kind, programme, subject, claim_a, claim_b, sources_a, sources_b, stories_a, stories_b = rows[0]
    claims = ("fee", "H-1B", "fee 100000 USD", "one_time", "per_year")
    assert (kind, programme, subject, claim_a, claim_b) == claims
    assert sources_a == [fixture_server.url(ONE_TIME)]
    assert sorted(sources_b) == sorted(fixture_server.url(p) for p in REUTERS[:2])  # type: ignore[arg-type]
    assert (stories_a, stories_b) == (1, 1)
