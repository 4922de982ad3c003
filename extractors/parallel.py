"""Pages -> articles and facts in batches, on one process or several, in order.

A batch of pages is read by trafilatura (``extractors.page``) and its
articles go through ``nlp.pipe`` together. With ``n_process > 1`` the batches
run in worker processes forked from this one, so trafilatura and spaCy both
use every core, and only the small results (the article and its facts) come
back; spaCy's own ``nlp.pipe(n_process=...)`` would send back every Doc and
cannot carry the facts the components leave in ``doc._``.

At most ``WINDOW`` batches per worker are in flight, so a long stream of pages
is never read ahead of the consumer (a monitor run over 10k items keeps a few
batches in memory, not 10k pages).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from extractors.page import to_article
from extractors.relevance import TopicDecision, Watchlist, screen
from sources.errors import NewsfactsError
from sources.page import Page

Outcome = tuple[Article, list[AnyFact], tuple[TopicDecision, ...]] | NewsfactsError
"""What one page gives: its article, facts and topic decisions, or why it gave
none (including :class:`~sources.errors.OffTopic` from the relevance gate)."""

BATCH_SIZE = 16
"""Pages per batch. spaCy's throughput grows with the batch up to a few dozen
short documents; 16 articles of a few thousand characters keep a worker busy
for seconds while a batch in flight stays small."""

WINDOW = 2
"""Batches in flight per worker: one running, one queued, so no worker waits."""

# The extractor and watchlist of a worker process, set once by the pool's
# initializer (a worker is a process of its own; this is its state, not a cache).
_worker_extractor: FactExtractor | None = None
_worker_watchlist: Watchlist | None = None


def available_cores() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_batch(
    pages: list[Page], extractor: FactExtractor, watchlist: Watchlist | None = None
) -> list[Outcome]:
    """The outcome of each page, in order; the articles the relevance gate lets
    through share one ``nlp.pipe`` pass, the others never reach spaCy."""
    outcomes: list[Outcome | None] = []
    articles: list[tuple[Article, tuple[TopicDecision, ...]]] = []
    for page in pages:
        try:
            article = to_article(page)
        except NewsfactsError as exc:
            outcomes.append(exc)
            continue
        topics, skip = screen(page, article, watchlist)
        outcomes.append(skip)
        if skip is None:
            articles.append((article, topics))
    facts = iter(extractor.extract_many([a for a, _ in articles], batch_size=len(articles) or 1))
    readable = iter(articles)
    return [outcome if outcome is not None else _joined(next(readable), next(facts)) for outcome in outcomes]


def _joined(article: tuple[Article, tuple[TopicDecision, ...]], facts: list[AnyFact]) -> Outcome:
    return article[0], facts, article[1]


def extract_pages(
    pages: Iterable[Page],
    extractor: FactExtractor,
    *,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    watchlist: Watchlist | None = None,
) -> Iterator[Outcome]:
    """The outcome of each page, in the order of ``pages``, streamed batch by batch;
    with a ``watchlist``, an article no topic matches is an ``OffTopic`` outcome."""
    batches = _batches(pages, batch_size)
    if n_process <= 1:
        for batch in batches:
            yield from extract_batch(batch, extractor, watchlist)
        return
    yield from _on_workers(batches, extractor, n_process, watchlist)


def _batches(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(pages)
    while batch := list(islice(it, size)):
        yield batch


def _on_workers(
    batches: Iterator[list[Page]], extractor: FactExtractor, n_process: int, watchlist: Watchlist | None
) -> Iterator[Outcome]:
    # fork: the workers inherit the loaded model instead of loading it again
    # (seconds each), as spaCy's own n_process does on Linux.
    context = multiprocessing.get_context("fork")
    pool = context.Pool(n_process, initializer=_start_worker, initargs=(extractor, watchlist))
    try:
        pending: deque[AsyncResult[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(pool.apply_async(_run_batch, (batch,)))
            # A full window waits for its oldest batch; a finished one is handed
            # on at once, so a run whose pages arrive slowly stores as it goes
            # (and a run killed half-way has stored what it finished).
            while pending and (len(pending) >= n_process * WINDOW or pending[0].ready()):
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _start_worker(extractor: FactExtractor, watchlist: Watchlist | None) -> None:
    global _worker_extractor, _worker_watchlist
    _worker_extractor, _worker_watchlist = extractor, watchlist


def _run_batch(pages: list[Page]) -> list[Outcome]:
    if _worker_extractor is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("extraction worker started without an extractor")
    return extract_batch(pages, _worker_extractor, _worker_watchlist)
