"""``newsfacts backfill``: re-decide topics over what the store already holds, with no HTTP.

Two kinds of stored text are re-evaluated against the config's topics (or one
of them):

- stored articles (``articles.text``): their ``article_topics`` rows are
  decided again; their facts are already extracted;
- articles the relevance gate skipped (``off_topic_articles``, kept by the
  monitor): one a topic now matches is extracted (spaCy) and stored as if the
  monitor had let it through, and its skip is forgotten (``ingest_failures``,
  ``off_topic_articles``) and its item marked stored in ``seen_urls``.

Nothing is fetched. Like ``newsfacts ingest`` this calls the core directly, so
it costs no Prefect server start-up; spaCy is loaded only if an article is
pulled in. A run killed half-way loses nothing: pulled-in articles are saved
(a batch per transaction) before their skips are forgotten, and saving again
is an upsert.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from extractors.nlp import FactExtractor
from extractors.relevance import TopicDecision, Watchlist, compile_topics, off_topic_reason, relevance
from flows import pipeline
from flows.progress import progress
from flows.save_buffer import SAVE_BATCH
from sources.config import load_sources
from sources.errors import ConfigError, NewsfactsError
from store.db import open_store
from store.topics import (
    SkippedArticle,
    article_texts,
    forget_off_topic,
    off_topic_articles,
    replace_topics_many,
    stored_article_ids,
)
from store.writer import ArticleSave, save_each

# Stored articles are read this many at a time: a chunk's texts in memory, not the store's.
CHUNK = 500


@dataclass
class BackfillSummary:
    """What one backfill did."""

    topics: list[str]
    stored_checked: int = 0
    stored_matched: dict[str, int] = field(default_factory=dict)  # topic -> stored articles matching it
    skipped_checked: int = 0
    pulled_in: list[str] = field(default_factory=list)  # URLs of skipped items now stored
    new_facts: int = 0

    def count(self, decisions: Sequence[TopicDecision]) -> None:
        """Count a stored article's matches."""
        for d in decisions:
            if d.relevant:
                self.stored_matched[d.topic] = self.stored_matched.get(d.topic, 0) + 1

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return asdict(self)


def backfill(
    config: str | Path,
    db: Path,
    *,
    topic: str | None = None,
    extractor: Callable[[], FactExtractor] = FactExtractor,
) -> BackfillSummary:
    """Re-evaluate the store's articles and off-topic skips against ``config``'s topics.

    ``topic`` limits the work to one topic; ``extractor`` makes the spaCy
    extractor, called only when a skipped article is pulled in.
    """
    watchlist = chosen_topics(config, topic)
    con = open_store(db)
    try:
        summary = BackfillSummary(list(watchlist.names()))
        redecide_stored(con, watchlist, summary)
        pull_in_skipped(con, watchlist, summary, extractor)
    finally:
        con.close()
    return summary


def chosen_topics(config: str | Path, topic: str | None) -> Watchlist:
    """The config's topics compiled, or only ``topic``; a one-line error when there is none."""
    watchlist = compile_topics(load_sources(config).topics)
    if not watchlist:
        raise ConfigError(f"{config}: no [[topics]] to backfill")
    if topic is None:
        return watchlist
    one = watchlist.only(topic)
    if not one:
        raise ConfigError(f"{config}: no topic named {topic!r} (topics: {', '.join(watchlist.names())})")
    return one


def redecide_stored(con: duckdb.DuckDBPyConnection, watchlist: Watchlist, summary: BackfillSummary) -> None:
    """Decide every stored article's topics again, a chunk per transaction."""
    ids = stored_article_ids(con)
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    for chunk in progress(chunks, "re-evaluating stored articles"):
        decided = {aid: relevance(title, text, watchlist) for aid, title, text in article_texts(con, chunk)}
        replace_topics_many(con, decided)
        for decisions in decided.values():
            summary.count(decisions)
        summary.stored_checked += len(decided)


def pull_in_skipped(
    con: duckdb.DuckDBPyConnection,
    watchlist: Watchlist,
    summary: BackfillSummary,
    make_extractor: Callable[[], FactExtractor],
) -> None:
    """Extract and store each off-topic skip that a topic now matches, many per transaction."""
    extractor: FactExtractor | None = None
    chosen: list[tuple[SkippedArticle, Sequence[TopicDecision]]] = []
    for item in progress(off_topic_articles(con), "re-evaluating skipped articles"):
        summary.skipped_checked += 1
        decisions = relevance(item.article.title, item.article.text, watchlist)
        if off_topic_reason(decisions) is not None:
            continue
        chosen.append((item, decisions))
        if len(chosen) >= SAVE_BATCH:
            extractor = extractor or make_extractor()
            _store(con, chosen, extractor, summary)
            chosen = []
    if chosen:
        _store(con, chosen, extractor or make_extractor(), summary)


def _store(
    con: duckdb.DuckDBPyConnection,
    chosen: Sequence[tuple[SkippedArticle, Sequence[TopicDecision]]],
    nlp: FactExtractor,
    summary: BackfillSummary,
) -> None:
    """Save pulled-in articles in one batch, then forget each one's skip.

    A failed save is raised once the saves before it are recorded (the ones
    after it are stored too, and pulled in again, unchanged, next time).
    """
    facts = nlp.extract_many(item.article for item, _ in chosen)
    saves = [
        ArticleSave(item.article, found, item.final_url, item.fetched_at, decisions)
        for (item, decisions), found in zip(chosen, facts, strict=True)
    ]
    for (item, _), saved in zip(chosen, save_each(con, saves), strict=True):
        if isinstance(saved, NewsfactsError):
            raise saved
        pipeline.finish_item(con, item.url, saved)  # clears the failure, marks the item stored
        forget_off_topic(con, item.url)
        summary.new_facts += saved.new_facts
        summary.pulled_in.append(item.url)
