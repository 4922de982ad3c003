"""Alerts through real monitor runs (Prefect test harness) over the loopback fixture site.

Run 1 watches the Reuters seed story; run 2 adds a page that calls the H-1B
fee "one-time"; run 3 changes nothing. A real webhook receiver on 127.0.0.1
answers the very first POST with a 500.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from flows.site_server import SiteServer
from tests.flows.conftest import REPO
from tests.webhook_receiver import Receiver

pytestmark = pytest.mark.usefixtures("prefect_harness")

SEED = "/site/allwork/china-targets-foreign-stem-talent-k-visa.html"
ONE_TIME = "/conflict/border-bulletin-h1b-one-time-fee.html"
SECRET_ENV = "NEWSFACTS_TEST_WEBHOOK_SECRET"
SECRET = "s3cret-for-tests"
RULES = """
[[alerts]]
rule = "new_programme"
topic = "Programmes"

[[alerts]]
rule = "fee_changed"
topic = "Fees"

[[alerts]]
rule = "new_conflict"

[[alerts]]
rule = "event_moved"

[[alerts]]
rule = "person_quoted"
people = ["Michael Feller"]
topic = "People"

[[alerts]]
rule = "story_outlets"
min_outlets = 3
"""


@dataclass(frozen=True)
class Runs:
    server: SiteServer
    hook: Receiver
    db: Path
    summaries: tuple[dict[str, object], ...]
    posts_after: tuple[int, ...]  # POSTs the receiver had after each run


def _config(path: Path, server: SiteServer, hook: Receiver, *pages: str) -> Path:
    entries = "".join(f'[[pages]]\nurl = "{server.url(page)}"\n\n' for page in pages)
    delivery = f'[delivery]\nwebhook_url = "{hook.url}"\nsecret_env = "{SECRET_ENV}"\n'
    delivery += "retries = 2\nbackoff = 0.01\n"
    path.write_text(f"[settings]\nmin_interval = 0\n\n{entries}{RULES}\n{delivery}")
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    from flows.monitor import monitor

    folder = tmp_path_factory.mktemp("alerts")
    db = folder / "facts.duckdb"
    site = SiteServer(REPO / "fixtures")
    with pytest.MonkeyPatch.context() as env, site as server, Receiver([500]) as hook:
        env.setenv(SECRET_ENV, SECRET)
        first = _config(folder / "one.toml", server, hook, SEED)
        both = _config(folder / "two.toml", server, hook, SEED, ONE_TIME)
        summaries, posts = [], []
        for config in (first, both, both):
            summaries.append(monitor(str(config), str(db)))
            posts.append(len(hook.received))
        yield Runs(server, hook, db, tuple(summaries), tuple(posts))


def _alerts(db: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT rule, rules, title, sources, sites, delivered_at IS NOT NULL, attempts FROM alerts "
            "ORDER BY created_at, title"
        ).fetchall()
    finally:
        con.close()


def test_first_run_alerts_on_the_seed_story(runs: Runs) -> None:
    titles: list[str] = runs.summaries[0]["alerts"]  # type: ignore[assignment]
    quoted = [t for t in titles if t.startswith("Michael Feller quoted: “")]
    assert len(quoted) == 3  # his three direct quotes in the Reuters story
    assert sorted(set(titles) - set(quoted)) == [
        "New fee: H-1B 100000 USD per year",
        "New programme: H-1B (United States)",
        "New programme: K visa (China)",
    ]


def test_one_time_page_gives_one_fee_changed_conflict_alert_naming_both_sources(runs: Runs) -> None:
    assert runs.summaries[1]["ingested"] == 1
    changed = "H-1B fee changed / conflict: fee 100000 USD one time, was per year"
    assert runs.summaries[1]["alerts"] == [changed]
    [row] = [r for r in _alerts(runs.db) if r[0] == "fee_changed" and "conflict" in str(r[2])]
    rule, rules, _, sources, sites, delivered, _ = row
    assert (rule, rules, delivered) == ("fee_changed", ["fee_changed", "new_conflict"], True)
    assert sources == sorted([runs.server.url(SEED), runs.server.url(ONE_TIME)])
    assert sites == ["Allwork.Space", "Border Bulletin"]


def test_running_again_adds_and_sends_nothing(runs: Runs) -> None:
    third = runs.summaries[2]
    assert (third["ingested"], third["alerts"], third["alerts_delivered"]) == (0, [], 0)
    assert runs.posts_after[2] == runs.posts_after[1]
    assert len(_alerts(runs.db)) == 7


def test_receiver_gets_each_alert_once_though_the_first_post_failed(runs: Runs) -> None:
    received = runs.hook.received
    assert received[0].status == 500
    accepted = runs.hook.accepted()
    assert len(accepted) == len(set(accepted)) == 7
    assert received[1].alert_id == received[0].alert_id  # the retry, same alert
    assert all(r.signed_with(SECRET) for r in received)
    assert {r.payload()["alert_id"] for r in received} == set(accepted)
    assert [r[6] for r in _alerts(runs.db)].count(2) == 1  # one alert took two POSTs


def test_each_run_publishes_an_alerts_artifact(runs: Runs) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        wanted = ArtifactFilter(key=ArtifactFilterKey(any_=["monitor-alerts"]))
        found = client.read_artifacts(artifact_filter=wanted)
    texts = [str(artifact.data) for artifact in found]
    assert any("H-1B fee changed / conflict" in t and "Border Bulletin" in t for t in texts), texts
    assert any(t.startswith("## Alerts\n\n0 new; 0 delivered, 0 pending") for t in texts)
