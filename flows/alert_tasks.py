"""Prefect tasks over ``flows.alerting``: the monitor run's alert step, named, and its artifact.

No Prefect retries: a webhook POST is retried inside ``sources.webhook``
(only transient failures, with backoff), and an alert still undelivered is
tried again by the next run, its state recorded in the ``alerts`` table.
"""

from __future__ import annotations

import duckdb
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import alerting
from sources.alert_config import AlertConfig


@task(name="alerts", cache_policy=NO_CACHE)
def run_alerts(con: duckdb.DuckDBPyConnection, config: AlertConfig) -> alerting.AlertRun:
    """Evaluate the rules on what the run added, then deliver every pending alert."""
    return alerting.alert_step(con, config)


def publish_alerts(run: alerting.AlertRun) -> None:
    """The run's alerts as a markdown artifact on the flow run (key ``monitor-alerts``)."""
    from prefect.artifacts import create_markdown_artifact

    create_markdown_artifact(
        markdown=alerting.alerts_markdown(run), key="monitor-alerts", description="alerts of this monitor run"
    )
