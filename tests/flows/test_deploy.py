"""``newsfacts deploy``: the monitor deployment registered on a work pool of the session's Prefect server."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.deploy import register
from flows.scale import monitor_parameters
from sources.errors import ConfigError

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text('[[feeds]]\nurl = "http://127.0.0.1:8000/feed.xml"\n')
    return path


@pytest.fixture(scope="module")
def pool() -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate

    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name="newsfacts-test", type="process"), overwrite=True)
    return "newsfacts-test"


def test_the_deployment_is_on_the_pool_with_a_module_entrypoint_and_the_cluster(
    config: Path, pool: str, tmp_path: Path
) -> None:
    from prefect.client.orchestration import get_client

    db, staging = str(tmp_path / "f.duckdb"), str(tmp_path / "staging")
    parameters = monitor_parameters(
        str(config), db, runner="dask", dask_address="tcp://10.0.0.5:8786", staging=staging
    )
    deployment_id = register(parameters, pool=pool, name="nightly", cron="0 6 * * *", interval=None)
    with get_client(sync_client=True) as client:
        stored = client.read_deployment(deployment_id)
    assert (stored.name, stored.work_pool_name) == ("nightly", pool)
    assert stored.entrypoint == "flows.monitor.monitor"  # the installed package, no code storage
    assert [s.schedule.cron for s in stored.schedules] == ["0 6 * * *"]  # type: ignore[union-attr]
    assert stored.parameters == {
        "config": str(config.resolve()), "db": db, "runner": "dask",
        "dask_address": "tcp://10.0.0.5:8786", "staging": staging,
    }  # fmt: skip


def test_cluster_options_are_checked_before_registering(config: Path) -> None:
    with pytest.raises(ConfigError, match="need --runner dask"):
        monitor_parameters(
            str(config), "/tmp/x.duckdb", runner="threads", dask_address="tcp://x:1", staging=None
        )
