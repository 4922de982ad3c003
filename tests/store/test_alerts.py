"""store.alerts: each rule on what the store gained, one alert per subject, never stored twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from sources.alert_config import AlertRule, RuleName
from store.alerts import alert_id, evaluate, list_alerts, pending, record_delivery
from store.db import open_store
from store.migrations import bundled_migrations, migrate
from tests.store.factories import article, event, fee, programme, quote, save

WIRE = "Beijing launched its K visa for young science graduates this week, officials said. " * 5


def rules(*names: RuleName, **params: object) -> list[AlertRule]:
    return [AlertRule(name, **params) for name in names]  # type: ignore[arg-type]


def titles(con: duckdb.DuckDBPyConnection, found: list[AlertRule]) -> list[str]:
    return [a.title for a in evaluate(con, found)]


def test_new_programme_once(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/1"), [programme("K visa", "China")])
    assert titles(con, rules("new_programme")) == ["New programme: K visa (China)"]
    assert titles(con, rules("new_programme")) == []
    save(con, article("https://b.example/2"), [programme("K visa", "China")])
    assert titles(con, rules("new_programme")) == []


def test_fee_new_then_changed_period_is_one_conflict_alert(con: duckdb.DuckDBPyConnection) -> None:
    both = rules("fee_changed", "new_conflict")
    save(con, article("https://a.example/fee", site="Outlet A"), [fee(period="per_year")])
    assert titles(con, both) == ["New fee: H-1B 100000 USD per year"]
    save(con, article("https://b.example/fee", site="Outlet B"), [fee(period="one_time")])
    [alert] = evaluate(con, both)
    assert alert.title == "H-1B fee changed / conflict: fee 100000 USD one time, was per year"
    assert (alert.rule, alert.rules) == ("fee_changed", ("fee_changed", "new_conflict"))
    assert alert.sources == ("https://a.example/fee", "https://b.example/fee")
    assert alert.sites == ("Outlet A", "Outlet B")
    assert len(alert.fact_ids) == 2 and {f["kind"] for f in alert.facts} == {"fee"}
    # A third outlet repeating "one-time" is no new conflict.
    save(con, article("https://c.example/fee"), [fee(period="one_time")])
    assert evaluate(con, both) == []


def test_fee_amount_change_and_corroboration(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/fee"), [fee(period="per_year")])
    evaluate(con, rules("fee_changed"))
    save(con, article("https://b.example/fee"), [fee(period=None, applies_to="new applicants")])
    assert titles(con, rules("fee_changed")) == []  # no period stated: agrees
    save(con, article("https://c.example/fee"), [fee(amount=250_000.0, period="per_year")])
    assert titles(con, rules("fee_changed")) == [
        "H-1B fee changed: 250000 USD per year (was 100000 USD per year, 100000 USD)"
    ]


def test_conflict_with_both_sides_new_is_one_alert(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/fee"), [fee(period="per_year")])
    save(con, article("https://b.example/fee"), [fee(period="one_time")])
    assert titles(con, rules("fee_changed", "new_conflict")) == [
        "H-1B fee new / conflict: fee 100000 USD one time vs per year"
    ]


def test_new_conflict_alone_and_event_moved(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/k"), [event(date="2025-10-01")])
    assert evaluate(con, rules("new_conflict", "event_moved")) == []
    save(con, article("https://b.example/k"), [event(date="2025-10-15")])
    [alert] = evaluate(con, rules("new_conflict", "event_moved"))
    assert alert.title == "K visa launched date moved / conflict: 2025-10-01 → 2025-10-15"
    assert alert.rules == ("event_moved", "new_conflict")
    save(con, article("https://c.example/k"), [event(date="2025-10")])  # inside both: no conflict
    assert evaluate(con, rules("new_conflict")) == []


def test_new_conflict_wording(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/k"), [event(date="2025-10-01")])
    save(con, article("https://b.example/k"), [event(date="2025-11-01")])
    assert titles(con, rules("new_conflict")) == [
        "Conflict: K visa launched: 2025-10-01 (1 outlet) vs 2025-11-01 (1 outlet)"
    ]


def test_person_quoted(con: duckdb.DuckDBPyConnection) -> None:
    watch = rules("person_quoted", people=("michael FELLER",))
    save(con, article("https://a.example/q"), [quote(), quote("Not him", "Someone Else")])
    assert titles(con, watch) == ["Michael Feller quoted: “It is a talent magnet”"]
    save(con, article("https://b.example/q"), [quote()])
    assert titles(con, watch) == []


def test_story_in_enough_outlets_once(con: duckdb.DuckDBPyConnection) -> None:
    watch = rules("story_outlets", min_outlets=2)
    save(con, article("https://a.example/k", site="Outlet A", text=WIRE), [event()])
    assert titles(con, watch) == []
    save(con, article("https://b.example/k", site="Outlet B", text=WIRE), [event()])
    [alert] = evaluate(con, watch)
    assert alert.title == "Story in 2 outlets: K visa launches"
    assert alert.sites == ("Outlet A", "Outlet B")
    save(con, article("https://c.example/k", site="Outlet C", text=WIRE), [event()])
    assert evaluate(con, watch) == []


def test_programme_filter(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/h"), [fee(period="per_year"), quote()])
    k_visa = [AlertRule("fee_changed", programmes=("k-visa",)),
              AlertRule("person_quoted", people=("Michael Feller",), programmes=("K visa",))]  # fmt: skip
    assert evaluate(con, k_visa) == []
    save(con, article("https://b.example/k"), [fee("K visa", period="per_year"), quote("Another one")])
    assert sorted(titles(con, k_visa)) == [
        "Michael Feller quoted: “Another one”",
        "New fee: K visa 100000 USD per year",
    ]


def test_topic_comes_from_the_first_rule_entry_with_one(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/fee"), [fee(period="per_year")])
    save(con, article("https://b.example/fee"), [fee(period="one_time")])
    entries = [
        AlertRule("new_conflict"),
        AlertRule("fee_changed", topic="Fees"),
        AlertRule("new_conflict", topic="X"),
    ]
    [alert] = evaluate(con, entries)
    assert (alert.topic, alert.rule) == ("Fees", "fee_changed")


def test_without_a_label_an_alert_files_under_a_watched_topic(con: duckdb.DuckDBPyConnection) -> None:
    saved = save(con, article("https://a.example/fee"), [fee(period="per_year")])
    con.execute(
        "INSERT INTO article_topics VALUES (?, 'visas', ['programme:H-1B'], now()), "
        "(?, 'us-policy', ['keyword:fee'], now())",
        [saved.article_id, saved.article_id],
    )
    [alert] = evaluate(con, [AlertRule("fee_changed")])
    assert alert.topic == "us-policy"  # alphabetically first of the two


def test_ids_are_deterministic_and_delivery_is_recorded(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/1"), [programme("K visa", "China")])
    [alert] = evaluate(con, rules("new_programme"), now=dt.datetime(2025, 10, 1, 12, tzinfo=dt.UTC))
    assert alert.alert_id == alert_id(("new_programme", "k visa"))
    assert [a.alert_id for a in pending(con)] == [alert.alert_id]
    record_delivery(con, alert.alert_id, attempts=2, delivered_at=dt.datetime.now(dt.UTC), error=None)
    assert pending(con) == []
    [stored] = list_alerts(con, since=dt.datetime(2025, 10, 1, tzinfo=dt.UTC))
    assert (stored.attempts, stored.title, stored.facts) == (2, alert.title, alert.facts)
    assert list_alerts(con, since=dt.datetime(2025, 10, 2, tzinfo=dt.UTC)) == []


def test_no_rules_still_marks_what_was_seen(con: duckdb.DuckDBPyConnection) -> None:
    save(con, article("https://a.example/1"), [programme("K visa", "China")])
    assert evaluate(con, []) == []
    assert evaluate(con, rules("new_programme")) == []  # seen before the rule existed


def test_upgrading_a_store_does_not_alert_on_its_history(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    # Every step but 0004 (the writer needs the later ones, 0009's timeline table).
    migrate(con, [step for step in bundled_migrations() if step.version != 4])
    save(con, article("https://a.example/1"), [programme("K visa", "China")])
    con.close()
    con = open_store(db)  # applies 0004
    try:
        assert evaluate(con, rules("new_programme")) == []
        save(con, article("https://b.example/2"), [programme("H-1B")])
        assert titles(con, rules("new_programme")) == ["New programme: H-1B (United States)"]
    finally:
        con.close()


@pytest.mark.parametrize("rule", ["new_programme", "fee_changed", "new_conflict", "event_moved",
                                  "person_quoted", "story_outlets"])  # fmt: skip
def test_an_empty_store_raises_nothing(con: duckdb.DuckDBPyConnection, rule: RuleName) -> None:
    params = {"people": ("A B",)} if rule == "person_quoted" else {}
    params = {"min_outlets": 2} if rule == "story_outlets" else params
    assert evaluate(con, [AlertRule(rule, **params)]) == []  # type: ignore[arg-type]
