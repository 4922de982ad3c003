"""``newsfacts deploy``: the monitor flow as a deployment of a Prefect work pool.

``newsfacts serve`` runs the schedule in its own process; a deployment on a
work pool is run by whichever ``prefect worker start --pool NAME`` picks up
the flow run, on any machine with newsfacts installed. The entrypoint is the
module path ``flows.monitor.monitor``, so the worker imports the installed
package: no code storage, no image.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from flows.scale import cluster_settings
from flows.serve import check_cron
from sources.config import load_sources
from sources.errors import ConfigError


def monitor_parameters(
    config: str, db: str, *, runner: str, dask_address: str | None, staging: str | None
) -> dict[str, Any]:
    """The monitor flow's parameters for a deployment, checked now rather than at the first run."""
    load_sources(config)
    cluster_settings(runner, dask_address, staging, Path(db))
    parameters: dict[str, Any] = {"config": str(Path(config).resolve()), "db": db, "runner": runner}
    if dask_address:
        parameters["dask_address"] = dask_address
    if staging:
        parameters["staging"] = str(Path(staging).expanduser().resolve())
    return parameters


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
