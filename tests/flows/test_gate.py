"""flows.pipeline's relevance gate: an off-topic page costs no NLP and cannot be saved."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from extractors.relevance import Watchlist, compile_topics
from flows import pipeline
from sources.errors import OffTopic
from sources.page import Page
from sources.topics import parse_topics
from store.db import open_store
from tests.topic_feed import VISAS_TOPIC, article_html


class NoNLP(FactExtractor):
    """An extractor that loads no model and records what it was asked to read."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def extract(self, article: Article) -> list[AnyFact]:
        self.calls.append(article.url)
        return []


def page(index: int) -> Page:
    body, url = article_html(index), f"https://news.example/{index}.html"
    return Page(url, url, 200, {}, body, body.decode(), "utf-8", "html", datetime(2025, 9, 30, tzinfo=UTC))


@pytest.fixture(scope="module")
def visas() -> Watchlist:
    return compile_topics(parse_topics(Path("t.toml"), tomllib.loads(VISAS_TOPIC)["topics"]))


def test_an_off_topic_page_is_skipped_before_nlp(visas: Watchlist) -> None:
    nlp = NoNLP()
    extraction = pipeline.extract(page(0), nlp, visas)  # a football report
    assert nlp.calls == [] and extraction.facts == []
    assert extraction.skipped is not None
    assert extraction.skipped.reason == "off-topic: no match for topic visas"
    with pytest.raises(OffTopic):
        extraction.checked()


def test_a_relevant_page_reaches_nlp_with_its_decisions(visas: Watchlist) -> None:
    nlp = NoNLP()
    extraction = pipeline.extract(page(7), nlp, visas)  # the H-1B fee story
    assert nlp.calls == [page(7).url] and extraction.checked() is extraction
    assert [(d.topic, d.matched) for d in extraction.topics] == [("visas", ("programme:H-1B",))]


def test_no_watchlist_no_gate() -> None:
    nlp = NoNLP()
    extraction = pipeline.extract(page(0), nlp, None)
    assert nlp.calls == [page(0).url] and extraction.topics == () and extraction.skipped is None


def test_saving_a_skipped_extraction_is_refused(visas: Watchlist, tmp_path: Path) -> None:
    con = open_store(tmp_path / "facts.duckdb")
    try:
        with pytest.raises(OffTopic):
            pipeline.save(con, pipeline.extract(page(0), NoNLP(), visas))
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        con.close()


def test_finish_item_keeps_the_skipped_article(visas: Watchlist, tmp_path: Path) -> None:
    con: duckdb.DuckDBPyConnection = open_store(tmp_path / "facts.duckdb")
    try:
        skip = pipeline.extract(page(0), NoNLP(), visas).skipped
        assert skip is not None
        pipeline.finish_item(con, page(0).url, skip)
        assert con.execute("SELECT url, reason FROM off_topic_articles").fetchall() == [
            (page(0).url, "off-topic: no match for topic visas")
        ]
    finally:
        con.close()
