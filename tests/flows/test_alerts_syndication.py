"""Alert rules on real extractions: the Reuters story syndicated by five outlets, one page at a time.

The pages (fixtures/syndication) are served on loopback and ingested with the
real spaCy pipeline; the rules run after each page, as after a monitor run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from extractors.nlp import FactExtractor
from flows.pipeline import ingest
from flows.site_server import SiteServer
from sources.alert_config import AlertRule
from store.alerts import Alert, evaluate
from store.db import open_store
from tests.flows.conftest import REPO
from tests.flows.test_syndication import REUTERS

RULES = [
    AlertRule("story_outlets", min_outlets=3),
    AlertRule("person_quoted", people=("Bikash Kali Das",)),
    AlertRule("new_programme"),
]


@pytest.fixture(scope="module")
def per_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[list[Alert]]]:
    """The alerts raised after each of the five copies, in page order."""
    db = tmp_path_factory.mktemp("syndicated") / "facts.duckdb"
    nlp = FactExtractor()
    raised: list[list[Alert]] = []
    with SiteServer(REPO / "fixtures") as server:
        for page in REUTERS:
            ingest(server.url(page), db, nlp)
            con = open_store(db)
            try:
                raised.append(evaluate(con, RULES))
            finally:
                con.close()
    yield raised


def test_story_alert_once_when_the_third_outlet_runs_it(per_page: list[list[Alert]]) -> None:
    stories = [[a for a in alerts if a.rule == "story_outlets"] for alerts in per_page]
    assert [len(s) for s in stories] == [0, 0, 1, 0, 0]
    [alert] = stories[2]
    assert alert.title.startswith("Story in 3 outlets: ")
    assert len(alert.sites) == 3 and len(alert.sources) == 3


def test_a_syndicated_quote_is_one_alert(per_page: list[list[Alert]]) -> None:
    quoted = [[a for a in alerts if a.rule == "person_quoted"] for alerts in per_page]
    # Das's two direct quotes, from the first copy only: the other outlets'
    # copies (straight quotes, trims, edits) are variants of the same two.
    assert len(quoted[0]) == 2 and quoted[1:] == [[], [], [], []]
    assert all(a.title.startswith("Bikash Kali Das quoted: ") for a in quoted[0])


def test_programmes_are_new_once(per_page: list[list[Alert]]) -> None:
    names = [sorted(a.programme or "" for a in alerts if a.rule == "new_programme") for alerts in per_page]
    assert names[0] == ["H-1B", "K visa"] and names[1:] == [[], [], [], []]


def test_nothing_is_raised_twice(per_page: list[list[Alert]]) -> None:
    ids = [a.alert_id for alerts in per_page for a in alerts]
    assert len(ids) == len(set(ids))
