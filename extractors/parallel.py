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
from sources.errors import NewsfactsError
from sources.page import Page

Outcome = tuple[Article, list[AnyFact]] | NewsfactsError
"""What one page gives: its article and facts, or why it gave none."""

BATCH_SIZE = 16
"""Pages per batch. spaCy's throughput grows with the batch up to a few dozen
short documents; 16 articles of a few thousand characters keep a worker busy
for seconds while a batch in flight stays small."""

WINDOW = 2
"""Batches in flight per worker: one running, one queued, so no worker waits."""

# The extractor of a worker process, set once by the pool's initializer (a
# worker is a process of its own; this is its state, not a cache).
_worker_extractor: FactExtractor | None = None


def available_cores() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_batch(pages: list[Page], extractor: FactExtractor) -> list[Outcome]:
    """The outcome of each page, in order; the articles share one ``nlp.pipe`` pass."""
    outcomes: list[Outcome | None] = []
    articles: list[Article] = []
    for page in pages:
        try:
            articles.append(to_article(page))
            outcomes.append(None)
        except NewsfactsError as exc:
            outcomes.append(exc)
    facts = iter(extractor.extract_many(articles, batch_size=len(articles) or 1))
    readable = iter(articles)
    return [outcome if outcome is not None else (next(readable), next(facts)) for outcome in outcomes]


def extract_pages(
    pages: Iterable[Page],
    extractor: FactExtractor,
    *,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """The outcome of each page, in the order of ``pages``, streamed batch by batch."""
    batches = _batches(pages, batch_size)
    if n_process <= 1:
        for batch in batches:
            yield from extract_batch(batch, extractor)
        return
    yield from _on_workers(batches, extractor, n_process)


def _batches(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(pages)
    while batch := list(islice(it, size)):
        yield batch


def _on_workers(batches: Iterator[list[Page]], extractor: FactExtractor, n_process: int) -> Iterator[Outcome]:
    # fork: the workers inherit the loaded model instead of loading it again
    # (seconds each), as spaCy's own n_process does on Linux.
    context = multiprocessing.get_context("fork")
    pool = context.Pool(n_process, initializer=_start_worker, initargs=(extractor,))
    try:
        pending: deque[AsyncResult[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(pool.apply_async(_run_batch, (batch,)))
            if len(pending) >= n_process * WINDOW:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _start_worker(extractor: FactExtractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _run_batch(pages: list[Page]) -> list[Outcome]:
    if _worker_extractor is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("extraction worker started without an extractor")
    return extract_batch(pages, _worker_extractor)

