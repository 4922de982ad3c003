"""flows.alerting without Prefect: pending alerts delivered across runs, each once, to a real receiver."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.alerting import AlertRun, alert_step, alerts_markdown, deliver_pending
from sources.alert_config import AlertConfig, AlertRule, Delivery
from store.alerts import pending
from store.db import open_store
from tests.store.factories import article, programme, save
from tests.webhook_receiver import Receiver

SECRET = "k"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = open_store(tmp_path / "facts.duckdb")
    save(connection, article("https://a.example/1"), [programme("K visa", "China"), programme("H-1B")])
    save(connection, article("https://b.example/2"), [programme("R visa", "China")])
    return connection


def config(hook: Receiver | None) -> AlertConfig:
    delivery = Delivery(hook.url, SECRET, retries=2, backoff=0.0, timeout=2.0) if hook else None
    return AlertConfig((AlertRule("new_programme"),), delivery)


def test_a_receiver_that_is_down_gets_everything_on_the_next_run(con: duckdb.DuckDBPyConnection) -> None:
    with Receiver([503, 503, 503]) as hook:
        first = alert_step(con, config(hook), sleep=lambda _: None)
        # The first alert used up its retries; the other two were not tried this run.
        assert (len(first.new), len(first.deliveries), first.undelivered) == (3, 1, 3)
        assert [r.status for r in hook.received] == [503, 503, 503]
        second = alert_step(con, config(hook), sleep=lambda _: None)
        assert (len(second.new), second.delivered, second.undelivered) == (0, 3, 0)
        third = alert_step(con, config(hook), sleep=lambda _: None)
        assert third.deliveries == ()
    accepted = hook.accepted()
    assert sorted(accepted) == sorted({a.alert_id for a in first.new})
    assert all(r.signed_with(SECRET) for r in hook.received)
    assert {a.attempts for a in pending(con)} == set()  # none left


def test_a_refused_alert_does_not_hold_up_the_others(con: duckdb.DuckDBPyConnection) -> None:
    with Receiver([410]) as hook:
        run = alert_step(con, config(hook), sleep=lambda _: None)
    assert [d.delivered for d in run.deliveries] == [False, True, True]
    assert run.undelivered == 1
    [left] = pending(con)
    assert left.attempts == 1 and left.last_error is not None and "HTTP 410" in left.last_error
    assert "HTTP 410" in alerts_markdown(run)


def test_without_delivery_alerts_are_stored_and_wait(con: duckdb.DuckDBPyConnection) -> None:
    run = alert_step(con, config(None))
    assert (len(run.new), run.deliveries, run.undelivered) == (3, (), 0)
    assert deliver_pending(con, None) == ()
    assert len(pending(con)) == 3
    text = alerts_markdown(AlertRun(run.new))
    assert "| new_programme |  | New programme: K visa (China) | [Example News](https://a.example/1) |" \
        in text


def test_monitor_summary_lists_the_new_alerts() -> None:
    from flows.render import monitor_summary

    summary = {"discovered": 1, "skipped_known": 0, "ingested": 1, "new_facts": 4, "failed": {},
               "alerts": ["H-1B fee changed / conflict: fee 100000 USD one time, was per year"],
               "alerts_delivered": 0, "alerts_pending": 1}  # fmt: skip
    assert monitor_summary(summary).splitlines()[1:] == [
        "alerts: 1 new, 1 not delivered yet",
        "  alert: H-1B fee changed / conflict: fee 100000 USD one time, was per year",
    ]
