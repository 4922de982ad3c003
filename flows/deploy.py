"""``newsfacts deploy``: the monitor flow as a deployment of a Prefect work pool.

``newsfacts serve`` runs the schedule in its own process; a deployment on a
work pool is run by whichever ``prefect worker start --pool NAME`` picks up
the flow run, on any machine with newsfacts installed. The entrypoint is the
module path ``flows.monitor.monitor``, so the worker imports the installed
package: no code storage, no image.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from flows.serve import check_cron
from sources.errors import ConfigError


def register(
    parameters: dict[str, Any], *, pool: str, name: str, cron: str | None, interval: float | None
) -> UUID:
    """Create (or update) the deployment ``monitor/<name>`` on work pool ``pool``; its id."""
    from prefect.deployments.runner import deploy
    from prefect.types.entrypoint import EntrypointType

    from flows.monitor import monitor

    if cron is None and (interval is None or interval <= 0):
        raise ConfigError("--interval must be a positive number of seconds")
    schedule: dict[str, Any] = (
        {"cron": check_cron(cron)} if cron is not None else {"interval": timedelta(seconds=interval or 0)}
    )
    # Both are sync here (async_dispatch), whatever their annotations say.
    deployment: Any = monitor.to_deployment(
        name=name, parameters=parameters, entrypoint_type=EntrypointType.MODULE_PATH, **schedule
    )
    # ignore_warnings: Prefect suggests `.serve` for process pools; `newsfacts serve` is that.
    ids: Any = deploy(
        deployment,
        work_pool_name=pool,
        build=False,
        push=False,
        print_next_steps_message=False,
        ignore_warnings=True,
    )
    return UUID(str(ids[0]))
