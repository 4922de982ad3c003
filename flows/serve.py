"""``newsfacts serve``: the monitor flow on a schedule, through Prefect."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from flows.monitor import monitor
from sources.config import load_sources
from sources.errors import ConfigError


def check_cron(expression: str) -> str:
    """The cron expression, or ConfigError with a one-line reason."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=expression)
    except ValidationError as exc:
        raise ConfigError(f"invalid cron expression {expression!r}") from exc
    return expression


def deployment(
    config: str,
    db: str,
    *,
    name: str,
    cron: str | None,
    interval: float | None,
    extra: Mapping[str, Any] | None = None,
) -> Any:
    """The monitor deployment with its schedule (not yet served); ``extra``: more flow parameters."""
    load_sources(config)  # a bad source list fails now, not at the first scheduled run
    parameters = {"config": str(Path(config).resolve()), "db": db, **(extra or {})}
    if cron is not None:
        return monitor.to_deployment(name=name, cron=check_cron(cron), parameters=parameters)
    if interval is None or interval <= 0:
        raise ConfigError("--interval must be a positive number of seconds")
    return monitor.to_deployment(name=name, interval=timedelta(seconds=interval), parameters=parameters)


def serve(
    config: str,
    db: str,
    *,
    name: str,
    cron: str | None,
    interval: float | None,
    extra: Mapping[str, Any] | None = None,
) -> None:
    """Serve the scheduled monitor until interrupted."""
    from prefect import serve as prefect_serve

    prefect_serve(deployment(config, db, name=name, cron=cron, interval=interval, extra=extra))
