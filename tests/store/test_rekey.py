"""Migration 10: stored programmes get the ids their new identity (name and country) gives them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from store.db import open_store
from store.ids import ID_LENGTH, fact_id
from tests.store.factories import article, programme, rows, save

GREEK = programme("Golden Visa", "Greece")
# The id a programme had before 0.9.0, when its identity was its kind and normalised name alone.
OLD_ID = hashlib.sha256(b"visa_programme\x1fgolden visa").hexdigest()[:ID_LENGTH]


def _as_before_the_change(db_path: Path) -> None:
    """A store as 0.8.0 left it: the programme under its old id, migration 10 not applied."""
    con = open_store(db_path)
    try:
        save(con, article("https://a.example/greece"), [GREEK])
        new = fact_id(GREEK)
        for table in ("visa_programmes", "fact_sources"):
            con.execute(f"UPDATE {table} SET fact_id = ? WHERE fact_id = ?", [OLD_ID, new])
        con.execute("INSERT INTO alert_seen_sources SELECT fact_id, article_id FROM fact_sources")
        con.execute(
            "INSERT INTO alerts (alert_id, alert_key, rule, rules, title, fact_ids, article_ids, sources, "
            "sites, detail, created_at) VALUES ('a1', 'k', 'new_programme', ['new_programme'], "
            "'New programme: Golden Visa (Greece)', [?], [], [], [], '{}', now()::TIMESTAMP)",
            [OLD_ID],
        )
        con.execute("DELETE FROM schema_migrations WHERE version = 10")
    finally:
        con.close()


def test_a_stored_programme_moves_to_its_new_id_with_its_sources_and_alerts(db_path: Path) -> None:
    _as_before_the_change(db_path)
    con = open_store(db_path)  # applies migration 10
    try:
        new = fact_id(GREEK)
        assert rows(con, "SELECT fact_id, name, country FROM visa_programmes") == [
            (new, "Golden Visa", "Greece")
        ]
        assert rows(con, "SELECT fact_id FROM fact_sources WHERE kind = 'visa_programme'") == [(new,)]
        assert rows(con, "SELECT fact_id FROM alert_seen_sources") == [(new,)]
        assert rows(con, "SELECT fact_ids FROM alerts") == [([new],)]
        # The same programme from a second outlet joins the moved row instead of adding one.
        save(con, article("https://b.example/greece"), [GREEK])
        assert rows(con, "SELECT count(*) FROM visa_programmes") == [(1,)]
        assert rows(con, "SELECT count(*) FROM fact_sources WHERE fact_id = ?", [new]) == [(2,)]
    finally:
        con.close()


def test_the_step_is_recorded_and_a_current_store_is_left_alone(db_path: Path) -> None:
    con = open_store(db_path)
    try:
        save(con, article("https://a.example/greece"), [GREEK, programme("Golden Visa", "Spain")])
        before = rows(con, "SELECT * FROM visa_programmes ORDER BY fact_id")
        assert len(before) == 2  # one name, two countries: two programmes
        assert (10, "programme_ids_hold_country") in rows(con, "SELECT version, name FROM schema_migrations")
    finally:
        con.close()
    reopened = open_store(db_path)
    try:
        assert rows(reopened, "SELECT * FROM visa_programmes ORDER BY fact_id") == before
    finally:
        reopened.close()


def test_the_step_runs_on_an_empty_store(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    con.close()
    open_store(tmp_path / "empty.duckdb").close()  # every step, 10 among them, on no rows
