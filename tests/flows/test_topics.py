"""The relevance gate in a real monitor run, and a backfill that fetches nothing.

A loopback feed of 100 items, 10 about visas (tests/topic_feed.py), monitored
once under the session's Prefect test harness with a ``visas`` topic. The
spaCy extractor the flow builds is wrapped to record every article it is
given, so "reaches the NLP stage" is counted, not inferred.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from flows.site_server import SiteServer
from tests.flows.conftest import newsfacts
from tests.topic_feed import (
    ITEMS,
    VISAS_TOPIC,
    WEATHER_TOPIC,
    headline_and_body,
    is_near_miss,
    is_relevant,
    is_weather,
    item_path,
    topic_server,
)

pytestmark = pytest.mark.usefixtures("prefect_harness")

SETTINGS = """
[settings]
user_agent = "newsfacts-test/1.0 (+https://example.org/contact)"
min_interval = 0.0
per_host_concurrency = 4
"""


class CountingExtractor(FactExtractor):
    """The real extractor, recording the URL of every article it extracts.

    The monitor extracts on worker processes on a run this size, so the
    record is a file every process appends to, not a list in one of them; each
    instance keeps the path, which travels with its copy to the workers.
    """

    record: Path | None = None  # set by the fixture

    def __init__(self) -> None:
        super().__init__()
        self.record = CountingExtractor.record

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[list[AnyFact]]:
        batch = list(articles)
        assert self.record is not None
        with self.record.open("a", encoding="utf-8") as out:
            out.writelines(f"{article.url}\n" for article in batch)
        return super().extract_many(batch, batch_size)


@dataclass(frozen=True)
class Run:
    server: SiteServer
    db: Path
    summary: dict[str, object]
    nlp_urls: list[str]
    tmp: Path

    def url(self, index: int) -> str:
        return self.server.url(item_path(index))

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


def write_config(tmp: Path, server: SiteServer, *topics: str) -> Path:
    config = tmp / f"topics-{len(topics)}.toml"
    config.write_text(SETTINGS + f'\n[[feeds]]\nurl = "{server.url("/feed.xml")}"\n' + "".join(topics))
    return config


@pytest.fixture(scope="module")
def run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    from flows.monitor import monitor

    tmp = tmp_path_factory.mktemp("topics")
    CountingExtractor.record = tmp / "nlp-urls.txt"
    with topic_server() as server, pytest.MonkeyPatch.context() as patch:
        patch.setattr("flows.monitor.FactExtractor", CountingExtractor)
        db = tmp / "facts.duckdb"
        summary = monitor(str(write_config(tmp, server, VISAS_TOPIC)), str(db))
        yield Run(server, db, summary, CountingExtractor.record.read_text("utf-8").split(), tmp)


def test_exactly_the_ten_visa_items_reach_the_nlp_stage(run: Run) -> None:
    relevant = {run.url(i) for i in range(ITEMS) if is_relevant(i)}
    assert len(relevant) == 10
    assert sorted(run.nlp_urls) == sorted(relevant)  # none missed, none extra, each once
    assert run.summary["ingested"] == 10
    assert run.summary["failures_by_reason"] == {"OffTopic": 90}


def test_the_store_holds_the_ten_with_facts_and_their_matched_topics(run: Run) -> None:
    stored = run.rows(
        "SELECT a.url, t.topic, t.matched_terms, (SELECT count(*) FROM fact_sources s "
        "WHERE s.article_id = a.article_id) FROM articles a JOIN article_topics t USING (article_id)"
    )
    assert {row[0] for row in stored} == {run.url(i) for i in range(ITEMS) if is_relevant(i)}
    assert all(topic == "visas" and terms for _, topic, terms, _facts in stored)
    # Extracted, not just stored: the programme stories yield programme facts (some others yield none).
    assert sum(int(str(facts)) > 0 for *_, facts in stored) >= 6
    by_url = {row[0]: row[2] for row in stored}
    assert by_url[run.url(37)] == ["person:Joseph Edlow"]
    assert by_url[run.url(77)] == ["programme:K visa"]  # named in the headline only
    assert by_url[run.url(47)] == ["programme:H-1B"]  # spelt "H1B"


def test_the_ninety_skips_are_recorded_with_their_reason_and_not_fetched_again(run: Run) -> None:
    failures = run.rows("SELECT url, error_type, message, retryable FROM ingest_failures")
    assert len(failures) == 90
    assert {url for url, *_ in failures} == {run.url(i) for i in range(ITEMS) if not is_relevant(i)}
    assert all(kind == "OffTopic" and not retryable for _, kind, _m, retryable in failures)
    reason = ": off-topic: no match for topic visas"
    assert all(str(message).endswith(reason) for _, _k, message, _r in failures)
    assert run.rows("SELECT count(*) FROM off_topic_articles") == [(90,)]
    outcomes = run.rows("SELECT outcome, count(*) FROM seen_urls WHERE kind = 'item' GROUP BY ALL ORDER BY 1")
    assert outcomes == [("failed", 90), ("stored", 10)]


def test_near_misses_are_skipped(run: Run) -> None:
    """Visa-free travel, Visa Inc. shares, a home office, a bridge-works permit, "H1" results, Amex."""
    near = [i for i in range(ITEMS) if is_near_miss(i)]
    headlines = {headline_and_body(i)[0] for i in near}
    assert len(near) == 36
    assert any("visa-free" in h for h in headlines) and any("Visa Inc." in h for h in headlines)
    skipped = {row[0] for row in run.rows("SELECT url FROM off_topic_articles")}
    assert {run.url(i) for i in near} <= skipped


def test_backfill_with_a_new_topic_pulls_in_skipped_articles_without_fetching(run: Run) -> None:
    from flows.backfill import backfill

    db = run.tmp / "backfill.duckdb"
    shutil.copy(run.db, db)
    config = write_config(run.tmp, run.server, VISAS_TOPIC, WEATHER_TOPIC)
    before = len(run.server.requests)
    summary = backfill(config, db, topic="weather")
    assert len(run.server.requests) == before  # no HTTP at all
    weather = {run.url(i) for i in range(ITEMS) if is_weather(i)}
    assert len(weather) == 18
    assert (set(summary.pulled_in), summary.skipped_checked, summary.stored_checked) == (weather, 90, 10)
    assert summary.stored_matched == {} and summary.new_facts > 0
    check = duckdb.connect(str(db), read_only=True)
    try:
        stored = dict(check.execute(
            "SELECT a.url, (SELECT count(*) FROM fact_sources s WHERE s.article_id = a.article_id) "
            "FROM articles a JOIN article_topics t USING (article_id) WHERE t.topic = 'weather'"
        ).fetchall())  # fmt: skip
        assert set(stored) == weather and all(stored.values())  # extracted: quotes, forecasters
        left = check.execute("SELECT count(*) FROM off_topic_articles").fetchone()
        failures = check.execute("SELECT count(*) FROM ingest_failures").fetchone()
        marked = check.execute(
            "SELECT count(*) FROM seen_urls WHERE outcome = 'stored' AND article_id IS NOT NULL"
        ).fetchone()
    finally:
        check.close()
    assert (left, failures, marked) == ((72,), (72,), (28,))


def test_backfill_again_is_a_no_op_and_the_cli_reports_it(run: Run) -> None:
    db = run.tmp / "backfill-cli.duckdb"
    shutil.copy(run.db, db)
    config = write_config(run.tmp, run.server, VISAS_TOPIC, WEATHER_TOPIC)
    first = newsfacts("backfill", str(config), "--db", str(db), "--json")
    second = newsfacts("backfill", str(config), "--db", str(db))
    assert first.code == 0, first.stderr
    assert '"pulled_in": [' in first.stdout and '"visas": 10' in first.stdout
    assert second.code == 0, second.stderr
    assert second.stdout.startswith("backfill: 28 stored articles re-evaluated (visas 10, weather 18), "
                                    "72 off-topic skips re-evaluated, 0 pulled in, 0 new facts")  # fmt: skip


def test_backfill_errors_are_one_line(run: Run) -> None:
    no_topics = write_config(run.tmp, run.server)
    unknown = newsfacts("backfill", str(write_config(run.tmp, run.server, VISAS_TOPIC)), "--topic", "sport",
                        "--db", str(run.tmp / "x.duckdb"))  # fmt: skip
    none = newsfacts("backfill", str(no_topics), "--db", str(run.tmp / "x.duckdb"))
    assert (unknown.code, none.code) == (1, 1)
    assert unknown.stderr.strip().endswith("no topic named 'sport' (topics: visas)")
    assert none.stderr.strip().endswith("no [[topics]] to backfill")
    assert len(unknown.stderr.strip().splitlines()) == 1
    assert newsfacts("backfill", "--help").stdout.count("--topic") >= 1


def test_the_text_summary_counts_off_topic_skips_without_listing_them(run: Run) -> None:
    from flows.render import monitor_summary

    text = monitor_summary(run.summary)
    assert text == "monitor: 100 items, 0 already stored, 10 ingested, " + (
        f"{run.summary['new_facts']} new facts, 0 failed, 90 skipped as off-topic"
    )
