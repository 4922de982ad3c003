"""save_article: one transaction, idempotent upserts, merged facts, provenance."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import ClassVar, get_args

import duckdb
import pytest

from extractors.models import DatePrecision, EventType, Fact, FactKind, FeePeriod
from sources.errors import ClientStatusError, FetchTimeout, StoreError
from store.db import open_store
from store.ids import fact_id
from store.writer import clear_failure, known_urls, record_failure, save_article
from tests.store.factories import (
    FETCHED,
    article,
    counts,
    event,
    fee,
    person,
    programme,
    quote,
    rows,
    save,
    snapshot,
)

A = article("https://outlet-a.example/k-visa", site="Outlet A")
B = article("https://outlet-b.example/news/k-visa", site="Outlet B")
ALL_KINDS: list[Fact] = [programme(), fee(), quote(), person("Michael Feller", ["analyst"]), event()]


def test_saving_the_same_article_twice_changes_no_count(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, ALL_KINDS)
    first = counts(con)
    save(con, A, ALL_KINDS)
    assert counts(con) == first


def test_saving_the_same_article_twice_changes_no_row(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, ALL_KINDS)
    before = snapshot(con)
    save(con, A, ALL_KINDS)
    assert snapshot(con) == before


def test_each_table_gets_its_kind(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, ALL_KINDS)
    assert counts(con) == {
        "articles": 1, "visa_programmes": 1, "fees": 1, "quotes": 1, "people": 1, "events": 1,
        "fact_sources": 5, "ingest_failures": 0, "timeline_entries": 2,
    }  # fmt: skip


def test_a_fact_in_two_articles_is_one_fact_with_two_sources(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [fee()])
    save(con, B, [fee()])
    assert counts(con)["fees"] == 1
    assert counts(con)["fact_sources"] == 2


def test_facts_view_counts_both_sources(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [fee()])
    save(con, B, [fee()])
    assert rows(con, "SELECT n_sources FROM facts WHERE fact_id = ?", [fact_id(fee())]) == [(2,)]


def test_save_result_counts_new_and_total_facts(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [fee(), programme()])
    result = save(con, B, [fee(), quote()])
    assert (result.new_facts, result.total_facts) == (1, 2)


def test_a_fact_stated_twice_in_one_article_has_one_source_row(con: duckdb.DuckDBPyConnection) -> None:
    result = save(con, A, [programme(start=50), programme(start=5)])
    assert result.total_facts == 1
    assert rows(con, "SELECT char_start FROM fact_sources") == [(5,)]


def _people_rows(path: Path, first: list[Fact], second: list[Fact]) -> list[tuple[object, ...]]:
    con = open_store(path)
    try:
        save(con, A, first)
        save(con, B, second)
        return rows(con, "SELECT * FROM people ORDER BY fact_id")
    finally:
        con.close()


def test_people_merge_does_not_depend_on_ingest_order(tmp_path: Path) -> None:
    from_a: list[Fact] = [person("Barbara Kelemen", ["associate director for Asia"], ["Dragonfly"])]
    from_b: list[Fact] = [person("Barbara  kelemen", ["analyst", "associate director for Asia"], [])]
    a_then_b = _people_rows(tmp_path / "ab.duckdb", from_a, from_b)
    b_then_a = _people_rows(tmp_path / "ba.duckdb", from_b, from_a)
    assert a_then_b == b_then_a
    assert a_then_b[0][2:] == (["analyst", "associate director for Asia"], ["Dragonfly"])


def test_quote_is_direct_if_any_source_quotes_it_directly(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [quote(direct=False)])
    save(con, B, [quote(direct=True)])
    save(con, A, [quote(direct=False)])
    assert rows(con, "SELECT direct FROM quotes") == [(True,)]


def test_a_constraint_violation_mid_save_leaves_no_row(con: duckdb.DuckDBPyConnection) -> None:
    bad_offsets = replace(quote(), start=-1)  # fact_sources' CHECK fails after other tables were written
    with pytest.raises(StoreError, match="CHECK constraint"):
        save(con, A, [programme(), fee(), bad_offsets])
    assert set(counts(con).values()) == {0}


def test_a_failed_resave_keeps_the_previous_save(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, ALL_KINDS)
    before = snapshot(con)
    with pytest.raises(StoreError):
        save(con, A, [programme("K visa", "China"), replace(fee(), start=-1)])
    assert snapshot(con) == before


@dataclass(frozen=True, kw_only=True)
class RumourFact(Fact):
    """A fact kind the store has no table for."""

    kind: ClassVar[FactKind] = "rumour"  # type: ignore[assignment]
    text: str

    def identity(self) -> tuple[str, ...]:
        return (self.kind, self.text)


def test_an_unknown_fact_kind_is_a_store_error_and_writes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(StoreError, match="RumourFact") as raised:
        save(con, A, [programme(), RumourFact(sentence="s", start=0, end=1, text="maybe")])
    assert raised.value.url == A.url
    assert set(counts(con).values()) == {0}


def test_a_resave_without_a_fact_deletes_it_when_no_article_states_it(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [programme(), fee()])
    save(con, A, [programme()])
    assert counts(con)["fees"] == 0
    assert counts(con)["fact_sources"] == 1


def test_a_resave_without_a_shared_fact_keeps_it_for_the_other_article(
    con: duckdb.DuckDBPyConnection,
) -> None:
    save(con, A, [fee()])
    b_id = save(con, B, [fee()]).article_id
    save(con, A, [])
    assert rows(con, "SELECT n_sources, article_id FROM facts") == [(1, b_id)]


def test_fetched_at_is_stored_in_utc(con: duckdb.DuckDBPyConnection) -> None:
    paris = timezone(timedelta(hours=2))
    save(con, A, [], fetched_at=datetime(2025, 9, 30, 14, 0, tzinfo=paris))
    assert rows(con, "SELECT fetched_at FROM articles") == [(datetime(2025, 9, 30, 12, 0),)]


def test_a_resave_keeps_the_first_fetch_time(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [], fetched_at=FETCHED)
    save(con, A, [], fetched_at=FETCHED + timedelta(days=3))
    assert rows(con, "SELECT fetched_at FROM articles") == [(FETCHED.replace(tzinfo=None),)]


def test_a_resave_refreshes_the_article_text(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [])
    save(con, replace(A, text="Corrected text."), [])
    assert rows(con, "SELECT text FROM articles") == [("Corrected text.",)]


@pytest.mark.parametrize("event_type", get_args(EventType))
def test_every_event_type_is_storable(con: duckdb.DuckDBPyConnection, event_type: EventType) -> None:
    save(con, A, [event(event_type=event_type)])
    assert counts(con)["events"] == 1


@pytest.mark.parametrize("precision", get_args(DatePrecision))
def test_every_date_precision_is_storable(con: duckdb.DuckDBPyConnection, precision: DatePrecision) -> None:
    save(con, A, [event(precision=precision)])
    assert counts(con)["events"] == 1


@pytest.mark.parametrize("period", get_args(FeePeriod))
def test_every_fee_period_is_storable(con: duckdb.DuckDBPyConnection, period: FeePeriod) -> None:
    save(con, A, [fee(period=period)])
    assert counts(con)["fees"] == 1


def test_record_failure_counts_attempts_and_keeps_the_latest_error(con: duckdb.DuckDBPyConnection) -> None:
    url = "https://outlet-a.example/missing"
    record_failure(con, url, FetchTimeout(f"read timed out: {url}", url=url))
    record_failure(con, url, ClientStatusError(f"HTTP 404 for {url}", url=url, status=404))
    sql = "SELECT error_type, retryable, attempts, first_failed_at <= last_failed_at FROM ingest_failures"
    assert rows(con, sql) == [("ClientStatusError", False, 2, True)]


def test_clear_failure_forgets_the_url(con: duckdb.DuckDBPyConnection) -> None:
    url = "https://outlet-a.example/flaky"
    record_failure(con, url, FetchTimeout(f"read timed out: {url}", url=url))
    clear_failure(con, url)
    assert counts(con)["ingest_failures"] == 0


def test_known_urls_matches_url_and_final_url(con: duckdb.DuckDBPyConnection) -> None:
    redirected = "https://outlet-a.example/k-visa?page=final"
    save_article(con, A, [], final_url=redirected, fetched_at=FETCHED)
    asked = [A.url, redirected, "https://outlet-a.example/other"]
    assert known_urls(con, asked) == {A.url, redirected}


def test_known_urls_matches_a_tracking_variant(con: duckdb.DuckDBPyConnection) -> None:
    save(con, A, [])
    variant = "HTTPS://Outlet-A.example/k-visa/?utm_source=rss&fbclid=x#comments"
    assert known_urls(con, [variant]) == {variant}


def test_known_urls_of_nothing_is_empty(con: duckdb.DuckDBPyConnection) -> None:
    assert known_urls(con, []) == set()
