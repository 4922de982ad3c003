"""The scheduled deployment ``newsfacts serve`` builds (serving itself blocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.serve import check_cron, deployment
from sources.errors import ConfigError


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text('[[feeds]]\nurl = "http://127.0.0.1:8000/feed.xml"\n')
    return path


def test_cron_schedule_and_parameters(config: Path) -> None:
    built = deployment(str(config), "/tmp/x.duckdb", name="nightly", cron="0 6 * * *", interval=None)
    assert built.name == "nightly"
    assert [s.schedule.cron for s in built.schedules] == ["0 6 * * *"]
    assert built.parameters == {"config": str(config.resolve()), "db": "/tmp/x.duckdb"}


def test_interval_schedule(config: Path) -> None:
    built = deployment(str(config), "/tmp/x.duckdb", name="often", cron=None, interval=900)
    assert [s.schedule.interval.total_seconds() for s in built.schedules] == [900]


@pytest.mark.parametrize("expression", ["every day", "61 * * * *", ""])
def test_invalid_cron_is_a_config_error(expression: str) -> None:
    with pytest.raises(ConfigError, match="invalid cron"):
        check_cron(expression)


def test_bad_source_list_fails_before_serving(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        deployment(str(tmp_path / "missing.toml"), "/tmp/x.duckdb", name="x", cron="* * * * *", interval=None)
