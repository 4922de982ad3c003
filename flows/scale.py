"""Where ``monitor`` runs its per-article work: the settings, with nothing heavy imported.

The default is the local thread pool. ``runner="dask"`` moves extraction onto
a Dask cluster (``flows.cluster``, imported only then: prefect-dask and
distributed take seconds to import), staged in a folder every worker and the
flow process can reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sources.config import load_sources
from sources.errors import ConfigError

Runner = Literal["threads", "dask"]
RUNNERS: tuple[Runner, ...] = ("threads", "dask")


@dataclass(frozen=True)
class ClusterSettings:
    """Where the per-article work runs and where its results are staged."""

    staging: Path
    # A running scheduler (tcp://host:8786); None: a temporary LocalCluster here.
    address: str | None = None


def cluster_settings(
    runner: str, address: str | None, staging: str | None, db: Path
) -> ClusterSettings | None:
    """The cluster a monitor run uses, or None for the local thread pool."""
    if runner not in RUNNERS:
        raise ConfigError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")
    if runner == "threads":
        if address or staging:
            raise ConfigError("--dask-address and --staging need --runner dask")
        return None
    folder = Path(staging).expanduser().resolve() if staging else default_staging(db)
    return ClusterSettings(folder, address)


def default_staging(db: Path) -> Path:
    """``<store>.staging/`` beside the store file."""
    return db.with_name(db.name + ".staging")


def cluster_parameters(
    db: str, *, runner: str, dask_address: str | None, staging: str | None
) -> dict[str, Any]:
    """The monitor flow's runner parameters (none for the default thread pool), checked now."""
    cluster_settings(runner, dask_address, staging, Path(db))
    if runner == "threads":
        return {}
    parameters: dict[str, Any] = {"runner": runner}
    if dask_address:
        parameters["dask_address"] = dask_address
    if staging:
        parameters["staging"] = str(Path(staging).expanduser().resolve())
    return parameters


def monitor_parameters(
    config: str, db: str, *, runner: str, dask_address: str | None, staging: str | None
) -> dict[str, Any]:
    """The monitor flow's parameters for a deployment, checked now rather than at the first run."""
    load_sources(config)
    cluster = cluster_parameters(db, runner=runner, dask_address=dask_address, staging=staging)
    return {"config": str(Path(config).resolve()), "db": db, **cluster}
