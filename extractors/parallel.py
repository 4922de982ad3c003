"""Pages -> articles and facts in batches, on one process or several, in order.

A batch of pages is read by trafilatura (``extractors.page``) and its
articles go through ``nlp.pipe`` together. With ``n_process > 1`` the batches
run on worker processes (:class:`WorkerPool`), so trafilatura and spaCy both
use every core, and only the small results (the article and its facts) come
back; spaCy's own ``nlp.pipe(n_process=...)`` would send back every Doc and
cannot carry the facts the components leave in ``doc._``.

The workers are forked by multiprocessing's fork server, a process started
fresh for the purpose, never from the caller's: a process forked from a Prefect
flow run inherits the locks its threads held at that moment (a logging
console's, a module being imported) and once hung on one. Each worker gets a
copy of the extractor, loads its pipeline from the extractor's
:class:`~extractors.nlp.Recipe` (the fork server has imported the code
already) and serves batches until the pool is closed, so a caller that keeps
its extractor pays the start once. As with any spawned process, a script that
extracts on workers needs the ``if __name__ == "__main__":`` guard.

At most ``WINDOW`` unfinished batches per worker are in flight, and at most
``LOOKAHEAD`` times that many held with the finished ones waiting for an older
batch, so a long stream of pages is never read far ahead of the consumer (a
monitor run over 10k items keeps a few dozen batches in memory, not 10k pages).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
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

BATCH_SIZE = 8
"""Pages per batch. The model's time per token does not fall with larger
batches (measured at 1-128 documents, README "Performance"), but the end of a
run does: the last batch runs while the other workers have nothing left, and
over the bench's 170 articles a simulation of 2 workers from their lengths
puts that tail at 7.8% of the run with batches of 16 and 1.3% with 8. Eight
articles of a few thousand characters still keep a worker busy for a second."""

WINDOW = 3
"""Unfinished batches per worker: one running and two queued."""

LOOKAHEAD = 4
"""Batches held per window, finished ones included: the finished batches after
a long one wait for it (outcomes are handed on in order) while the workers go
on with new ones, up to this bound on the pages in memory (a worker's window
times four: 96 pages on 2 workers)."""

BATCH_TIMEOUT = 900.0
"""Seconds a batch may take on a worker before the run fails (a hung worker
must not hang the run): 16 articles of the longest kind take a few minutes
on a loaded 2-core machine."""

PRELOAD = ["extractors.parallel"]
"""Imported once by the fork server, so a worker starts with the code (spaCy,
trafilatura, the components) in memory and only loads the model."""

# The extractor of a worker process, set once by the pool's initializer (a
# worker is a process of its own; this is its state, not a cache).
_worker_extractor: FactExtractor | None = None


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
    if n_process <= 1 or extractor.recipe is None:
        for batch in batches:
            yield from extract_batch(batch, extractor, watchlist)
        return
    yield from extractor.workers(n_process).run(batches, watchlist)


def _batches(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(pages)
    while batch := list(islice(it, size)):
        yield batch


class WorkerPool:
    """``size`` extraction processes, each with its own copy of one pipeline."""

    def __init__(self, extractor: FactExtractor, size: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.size = size
        # Each worker gets a copy of the extractor without its pipeline (see
        # FactExtractor.__getstate__) and loads the pipeline from the recipe.
        self._pool = context.Pool(size, initializer=_start_worker, initargs=(extractor,))
        # Closed before multiprocessing's own exit hook, which would leave the
        # pool half-stopped for its __del__ to trip over.
        atexit.register(self.close)

    def run(self, batches: Iterable[list[Page]], watchlist: Watchlist | None = None) -> Iterator[Outcome]:
        """The outcome of every page of ``batches``, in order, at most ``size * WINDOW``
        batches running or queued and ``size * WINDOW * LOOKAHEAD`` held."""
        pending: deque[AsyncResult[list[Outcome]]] = deque()
        finished = threading.Event()  # set by the pool's result thread whenever a batch ends

        def ended(_: object) -> None:
            finished.set()

        for batch in batches:
            pending.append(
                self._pool.apply_async(_run_batch, (batch, watchlist), callback=ended, error_callback=ended)
            )
            # A finished oldest batch is handed on at once, so a run whose pages
            # arrive slowly stores as it goes (and a run killed half-way has
            # stored what it finished). A new batch goes out as soon as fewer
            # than a window's are unfinished, even while the oldest still runs:
            # waiting for the oldest (a long article) left the other workers idle.
            while pending:
                if pending[0].ready():
                    yield from pending.popleft().get(BATCH_TIMEOUT)
                    continue
                finished.clear()  # before counting: a batch ending after this sets it again
                unfinished = sum(not result.ready() for result in pending)
                if unfinished < self.size * WINDOW and len(pending) < self.size * WINDOW * LOOKAHEAD:
                    break
                if not finished.wait(BATCH_TIMEOUT):
                    raise multiprocessing.TimeoutError(
                        f"no extraction batch finished in {BATCH_TIMEOUT:.0f} s"
                    )
        while pending:
            yield from pending.popleft().get(BATCH_TIMEOUT)

    def close(self) -> None:
        """Stop the workers (a batch still running is abandoned)."""
        atexit.unregister(self.close)
        self._pool.terminate()
        self._pool.join()


def _start_worker(extractor: FactExtractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor
    extractor.nlp  # noqa: B018  (loads the pipeline now, before the first batch waits for it)


def _run_batch(pages: list[Page], watchlist: Watchlist | None) -> list[Outcome]:
    if _worker_extractor is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("extraction worker started without an extractor")
    return extract_batch(pages, _worker_extractor, watchlist)
