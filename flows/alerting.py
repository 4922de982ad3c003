"""The alert step of a monitor run, with no Prefect in it: evaluate the rules, deliver, summarise.

``flows.alert_tasks`` wraps these in Prefect tasks; the monitor flow calls
them after its ingest, on the run's store connection.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import duckdb
import httpx

from sources.alert_config import AlertConfig, Delivery
from sources.fetch import DEFAULT_USER_AGENT
from sources.webhook import DeliveryResult, Sleep, send_alert
from store.alerts import Alert, evaluate, pending, record_delivery


@dataclass(frozen=True)
class AlertRun:
    """What one run's alert step did: the alerts it raised and every delivery it tried."""

    new: tuple[Alert, ...]
    deliveries: tuple[DeliveryResult, ...] = ()
    undelivered: int = 0  # alerts still pending after the run: tried again next run

    @property
    def delivered(self) -> int:
        """Alerts the webhook acknowledged in this run (earlier runs' included)."""
        return sum(1 for d in self.deliveries if d.delivered)


def raise_alerts(con: duckdb.DuckDBPyConnection, config: AlertConfig) -> tuple[Alert, ...]:
    """The configured rules on what the store gained since they last ran; the new alerts."""
    return tuple(evaluate(con, config.rules))


def alert_step(con: duckdb.DuckDBPyConnection, config: AlertConfig, *, sleep: Sleep = time.sleep) -> AlertRun:
    """Raise the run's alerts, deliver every pending one, count what is left."""
    new = raise_alerts(con, config)
    deliveries = deliver_pending(con, config.delivery, sleep=sleep)
    return AlertRun(new, deliveries, undelivered=len(pending(con)) if config.delivery else 0)


def deliver_pending(
    con: duckdb.DuckDBPyConnection,
    delivery: Delivery | None,
    *,
    client: httpx.Client | None = None,
    sleep: Sleep = time.sleep,
) -> tuple[DeliveryResult, ...]:
    """POST every alert the webhook has not acknowledged (this run's and earlier ones'), recording each.

    Without a ``[delivery]`` nothing is sent and the alerts stay pending. After
    one alert fails transiently through all its retries the receiver is taken
    to be down: the rest wait for the next run instead of each waiting out
    its own backoff.
    """
    if delivery is None:
        return ()
    todo = pending(con)
    if not todo:
        return ()
    own = client is None
    http = client or httpx.Client(headers={"User-Agent": DEFAULT_USER_AGENT}, follow_redirects=False)
    results: list[DeliveryResult] = []
    try:
        for alert in todo:
            results.append(_deliver(con, http, delivery, alert, sleep))
            if results[-1].retryable:
                break
        return tuple(results)
    finally:
        if own:
            http.close()


def _deliver(
    con: duckdb.DuckDBPyConnection, http: httpx.Client, delivery: Delivery, alert: Alert, sleep: Sleep
) -> DeliveryResult:
    result = send_alert(http, delivery, alert.alert_id, alert.payload(), sleep=sleep)
    when = dt.datetime.now(dt.UTC) if result.delivered else None
    record_delivery(con, alert.alert_id, attempts=result.attempts, delivered_at=when, error=result.error)
    return result


def alerts_markdown(run: AlertRun) -> str:
    """The run's alerts as Markdown (the Prefect artifact): one row per alert, with sources."""
    lines = ["## Alerts", "", f"{len(run.new)} new; {run.delivered} delivered, {run.undelivered} pending"]
    if run.new:
        lines += ["", "| rule | topic | alert | sources |", "|---|---|---|---|"]
        lines += [_row(alert) for alert in run.new]
    failed = [d for d in run.deliveries if not d.delivered]
    if failed:
        lines += ["", "### Not delivered (tried again next run)", ""]
        lines += [f"- `{d.alert_id}` after {d.attempts} attempt(s): {d.error}" for d in failed]
    return "\n".join(lines)


def _row(alert: Alert) -> str:
    sources = ", ".join(f"[{_cell(s.get('site') or s['url'])}]({s['url']})" for s in alert.source_details)
    return f"| {' + '.join(alert.rules)} | {_cell(alert.topic or '')} | {_cell(alert.title)} | {sources} |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
