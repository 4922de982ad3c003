"""What the relevance gate saves on a mostly off-topic feed: time per item with and without it.

Run ``PYTHONPATH=. .venv/bin/python -m bench.relevance`` from the repository
root. The feed is the one ``tests/flows/test_topics.py`` monitors (100 items,
10 about visas; ``tests/topic_feed.py``), built in memory as fetched pages so
that the network is not what is timed. Each item goes through what the
monitor does after the fetch, in this process and with one loaded spaCy
pipeline: trafilatura (page -> article), then either the gate and, for the
few relevant items, spaCy and the store; or, without topics, spaCy and the
store for every item. A skipped item is recorded as the monitor records it
(``ingest_failures``, ``off_topic_articles``, ``seen_urls``). Both passes run
in one process, alternating for ``--rounds`` rounds, each pass of each round
into a fresh store (so the store does not grow between rounds), and the ratio
of the two means is printed; the gate's own cost per item is timed apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb

from extractors.nlp import FactExtractor
from extractors.page import to_article
from extractors.relevance import Watchlist, compile_topics, relevance
from flows import pipeline
from sources.errors import NewsfactsError
from sources.page import Page
from sources.topics import parse_topics
from store.db import open_store
from tests.topic_feed import ITEMS, VISAS_TOPIC, article_html, is_relevant

ORIGIN = "http://bench.example"


def feed_pages() -> list[Page]:
    """The 100 items as fetched pages."""
    now = datetime.now(UTC)
    pages = []
    for i in range(ITEMS):
        body, url = article_html(i), f"{ORIGIN}/news/{i}.html"
        pages.append(Page(url, url, 200, {}, body, body.decode(), "utf-8", "html", now))
    return pages


def visas_watchlist() -> Watchlist:
    """The test's ``visas`` topic, compiled once."""
    return compile_topics(parse_topics(Path("<bench>"), tomllib.loads(VISAS_TOPIC)["topics"]))


def one_pass(db: Path, pages: Sequence[Page], nlp: FactExtractor, watchlist: Watchlist | None) -> float:
    """Seconds per item for ``pages`` into a new store ``db``: extract (gated or not), then
    store the article or record the skip. Opening (migrating) the store is not timed."""
    con = open_store(db)
    try:
        start = time.perf_counter()
        for page in pages:
            _one_item(con, page, nlp, watchlist)
        return (time.perf_counter() - start) / len(pages)
    finally:
        con.close()


def _one_item(
    con: duckdb.DuckDBPyConnection, page: Page, nlp: FactExtractor, watchlist: Watchlist | None
) -> None:
    try:
        saved = pipeline.save(con, pipeline.extract(page, nlp, watchlist))
    except NewsfactsError as exc:
        pipeline.finish_item(con, page.url, exc)
        return
    pipeline.finish_item(con, page.url, saved)


def extract_pass(pages: Sequence[Page], nlp: FactExtractor, watchlist: Watchlist | None) -> float:
    """Seconds per item of the extraction stage alone (trafilatura, gate, spaCy), no store."""
    start = time.perf_counter()
    for page in pages:
        try:
            pipeline.extract(page, nlp, watchlist)
        except NewsfactsError:
            pass  # OffTopic: the gate skipped it before spaCy
    return (time.perf_counter() - start) / len(pages)


def gate_cost(pages: Sequence[Page], watchlist: Watchlist, repeat: int = 20) -> float:
    """Seconds per item of the gate alone, on already extracted articles."""
    articles = [to_article(page) for page in pages]
    start = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            relevance(article.title, article.text, watchlist)
    return (time.perf_counter() - start) / (repeat * len(articles))


PASSES = ("extract, with gate", "extract, without", "extract+store, with gate", "extract+store, without")


def measure(
    pages: Sequence[Page], nlp: FactExtractor, watchlist: Watchlist, rounds: int
) -> dict[str, list[float]]:
    """Seconds per item of each pass, ``rounds`` times, the passes alternating."""
    timings: dict[str, list[float]] = {label: [] for label in PASSES}
    with tempfile.TemporaryDirectory() as tmp:
        one_pass(Path(tmp) / "warm-up.duckdb", pages[:5], nlp, None)  # first spaCy calls, first writes
        for r in range(rounds):
            timings[PASSES[0]].append(extract_pass(pages, nlp, watchlist))
            timings[PASSES[1]].append(extract_pass(pages, nlp, None))
            timings[PASSES[2]].append(one_pass(Path(tmp) / f"gated-{r}.duckdb", pages, nlp, watchlist))
            timings[PASSES[3]].append(one_pass(Path(tmp) / f"plain-{r}.duckdb", pages, nlp, None))
    return timings


def report(timings: dict[str, list[float]], gate: float) -> str:
    """The table, the gate's own cost and the two ratios."""
    lines = [f"{'pass':<28}{'ms per item':>12}   rounds (ms)"]
    for label, values in timings.items():
        rounds = ", ".join(f"{1000 * v:.1f}" for v in values)
        lines.append(f"{label:<28}{1000 * statistics.fmean(values):>12.2f}   {rounds}")
    lines.append(f"gate alone: {1e6 * gate:.1f} µs per item")
    for stage in ("extract", "extract+store"):
        without, with_gate = (statistics.fmean(timings[f"{stage}, {k}"]) for k in ("without", "with gate"))
        lines.append(f"ratio without / with gate, {stage}: {without / with_gate:.1f}x")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3, help="rounds (each: every pass once)")
    args = parser.parse_args(argv)
    nlp, watchlist, pages = FactExtractor(), visas_watchlist(), feed_pages()
    relevant = sum(is_relevant(i) for i in range(ITEMS))
    timings = measure(pages, nlp, watchlist, args.rounds)
    print(f"feed: {ITEMS} items, {relevant} about visas; {args.rounds} round(s), a new store per store pass")
    print(report(timings, gate_cost(pages, watchlist)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
