"""Read-only SQL for users, the facts view, and programme timelines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sources.errors import QueryRefused, StoreError
from store.db import open_store
from store.ids import fact_id
from store.queries import programme_names, run_readonly, timeline
from tests.store.factories import article, event, fee, person, programme, quote, save

A = article("https://outlet-a.example/k-visa", site="Outlet A", published_at=date(2025, 9, 30))
B = article("https://outlet-b.example/k-visa", site="Outlet B", published_at=date(2025, 9, 29))
UNDATED = event("K visa", "proposed", None, None, description="K visa proposed")
MONTH = event("K visa", "announced", "2025-08", "month", description="K visa announced in August")
DAY = event("K visa", "launched", "2025-10-01", "day", description="K visa launched on Wednesday")
H1B_SIGNED = event("H-1B", "signed", "2025-09-19", "day", description="Proclamation signed")


@pytest.fixture
def store(db_path: Path) -> Path:
    """A closed store holding two articles that share a fee and a quote."""
    con = open_store(db_path)
    try:
        save(
            con,
            A,
            [programme(), programme("K visa", "China", start=1), fee(), quote(), DAY, UNDATED, H1B_SIGNED],
        )
        save(con, B, [fee(), quote(), MONTH, person("Michael Feller", ["partner"], ["Eversheds"])])
    finally:
        con.close()
    return db_path


@pytest.fixture
def reader(store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store opened read-only."""
    con = open_store(store, read_only=True)
    yield con
    con.close()


def _count(path: Path, table: str) -> int:
    return int(run_readonly(path, f"SELECT count(*) FROM {table}").rows[0][0])


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ("DELETE FROM fees", "DELETE"),
        ("INSERT INTO articles (article_id) VALUES ('x')", "INSERT"),
        ("UPDATE fees SET amount = 1", "UPDATE"),
        ("CREATE TABLE t AS SELECT * FROM fees", "CREATE"),
        ("DROP TABLE fees", "DROP"),
        ("ATTACH 'other.duckdb'", "ATTACH"),
        ("COPY fees TO 'fees.csv'", "COPY"),
        ("SELECT 1; DELETE FROM fees", "DELETE"),
        ("EXPLAIN ANALYZE DELETE FROM fees", "EXPLAIN DELETE"),
        ("SET threads = 1", "SET"),
        ("CHECKPOINT", "CALL"),
    ],
)
def test_writes_are_refused_with_one_line_and_nothing_changes(store: Path, sql: str, kind: str) -> None:
    with pytest.raises(QueryRefused) as raised:
        run_readonly(store, sql)
    assert str(raised.value) == f"query refused: only read-only statements (SELECT) are allowed; got {kind}"
    assert _count(store, "fees") == 1


def test_a_syntax_error_is_refused_with_duckdbs_first_line(store: Path) -> None:
    with pytest.raises(QueryRefused, match=r"^query refused: Parser Error: syntax error") as raised:
        run_readonly(store, "SELEC * FROM fees")
    assert "\n" not in str(raised.value)


def test_an_empty_query_is_refused(store: Path) -> None:
    with pytest.raises(QueryRefused, match="empty"):
        run_readonly(store, " ;; ")


def test_select_returns_columns_and_rows(store: Path) -> None:
    result = run_readonly(store, "SELECT programme, amount FROM fees")
    assert (result.columns, result.rows) == (["programme", "amount"], [("H-1B", 100000.0)])


def test_several_selects_return_the_last(store: Path) -> None:
    assert run_readonly(store, "SELECT 1 AS a; SELECT 2 AS b").rows == [(2,)]


@pytest.mark.parametrize(
    "sql", ["DESCRIBE fees", "SHOW TABLES", "EXPLAIN SELECT * FROM facts", "PRAGMA version"]
)
def test_other_reads_are_allowed(store: Path, sql: str) -> None:
    assert run_readonly(store, sql).rows


def test_files_outside_the_store_cannot_be_read(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "secret.csv"
    other.write_text("a\n1\n")
    with pytest.raises(QueryRefused, match="query failed: Permission Error"):
        run_readonly(store, f"SELECT * FROM read_csv('{other}')")


def test_a_failing_read_is_one_line(store: Path) -> None:
    with pytest.raises(
        QueryRefused, match=r"^query failed: Catalog Error: Table with name nope does not exist"
    ):
        run_readonly(store, "SELECT * FROM nope")


def test_run_readonly_on_a_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        run_readonly(tmp_path / "none.duckdb", "SELECT 1")


def test_facts_view_has_one_row_per_fact(store: Path) -> None:
    assert _count(store, "facts") == 9


def test_facts_view_summarises_a_fee(store: Path) -> None:
    result = run_readonly(store, f"SELECT summary FROM facts WHERE fact_id = '{fact_id(fee())}'")
    assert result.rows == [("H-1B fee 100000 USD per_year",)]


def test_facts_view_names_the_first_fetched_source(store: Path) -> None:
    sql = (
        f"SELECT a.url FROM facts JOIN articles AS a USING (article_id) WHERE fact_id = '{fact_id(quote())}'"
    )
    assert run_readonly(store, sql).rows == [(A.url,)]


def test_timeline_is_oldest_first_with_undated_last(reader: duckdb.DuckDBPyConnection) -> None:
    rows = timeline(reader, "K visa")
    assert [(r.date, r.precision, r.kind) for r in rows] == [
        ("2025-08", "month", "event"),
        ("2025-10-01", "day", "event"),
        (None, None, "event"),
    ]


def test_timeline_matches_the_programme_in_any_case(reader: duckdb.DuckDBPyConnection) -> None:
    assert timeline(reader, " k VISA ") == timeline(reader, "K visa")


def test_a_fee_is_dated_by_its_earliest_article(reader: duckdb.DuckDBPyConnection) -> None:
    fee_row = next(r for r in timeline(reader, "H-1B") if r.kind == "fee")
    assert (fee_row.date, fee_row.precision, fee_row.n_sources) == ("2025-09-29", "day", 2)


def test_a_fee_lists_its_sources_and_sites(reader: duckdb.DuckDBPyConnection) -> None:
    fee_row = next(r for r in timeline(reader, "H-1B") if r.kind == "fee")
    assert (fee_row.sources, fee_row.sites) == ((B.url, A.url), ("Outlet A", "Outlet B"))


def test_h1b_timeline_orders_event_before_fee(reader: duckdb.DuckDBPyConnection) -> None:
    assert [r.kind for r in timeline(reader, "h-1b")] == ["event", "fee"]


def test_timeline_of_an_unknown_programme_is_empty(reader: duckdb.DuckDBPyConnection) -> None:
    assert timeline(reader, "O-1") == []


def test_timeline_row_to_dict_is_json_ready(reader: duckdb.DuckDBPyConnection) -> None:
    as_dict = timeline(reader, "H-1B")[1].to_dict()
    assert as_dict["sources"] == [B.url, A.url]


def test_programme_names_lists_every_programme(reader: duckdb.DuckDBPyConnection) -> None:
    assert programme_names(reader) == ["H-1B", "K visa"]
