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
``HOLD`` pages per worker are read and not yet handed on (running, queued,
finished and waiting for an older page, or read ahead), so a long stream of
pages is never read far ahead of the consumer (a monitor run over 10k items
keeps about a hundred pages in memory, not 10k). Pages go out in their order
until the stream ends; then what was read ahead goes out longest page first,
in ever smaller batches, so the last article of a run is not also its
longest while the other workers have nothing left (the end of a run on
2 workers was 15% idle on one of them with the bench's pages in order).
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from extractors.page import to_article
from extractors.relevance import TopicDecision, Watchlist, screen
from sources.errors import NewsfactsError
from sources.page import Page

Prepare = Callable[[Article, list[AnyFact]], object]
"""Work on an article and its facts, done by the process that read it: pure,
per article, and else done by the one process that saves (the pipeline's is
the store's dedup fingerprint and fact rows). A module-level function, so a
worker can be sent it."""

Outcome = tuple[Article, list[AnyFact], tuple[TopicDecision, ...], object] | NewsfactsError
"""What one page gives: its article, facts, topic decisions and what ``prepare``
made of the article and its facts (None without one), or why it gave none (including
:class:`~sources.errors.OffTopic` from the relevance gate)."""

BATCH_SIZE = 4
"""Pages per batch. The model's time per token barely falls with larger batches
(170 articles on one process: batches of 2, 4 and 8 within the machine's noise
of each other, 1 about 15% slower), and smaller ones start every worker sooner
and even out the end of a run."""

WINDOW = 3
"""Unfinished batches per worker: one running and two queued, so a worker
never waits for the main process while it saves (a save of a few hundred ms
against a batch of a few hundred ms)."""

HOLD = 48
"""Pages per worker read and not yet handed on. What is not running or queued
is read ahead, so the end of the stream is seen while there is still work to
share out (96 pages on 2 workers)."""

BATCH_TIMEOUT = 900.0
"""Seconds a batch may take on a worker before the run fails (a hung worker
must not hang the run): 16 articles of the longest kind take a few minutes
on a loaded 2-core machine."""

PRELOAD = ["extractors.parallel", "extractors.warm"]
"""Imported once by the fork server, so a worker starts with the code (spaCy,
trafilatura, the components) in memory and only loads the model. This module
alone imports neither spaCy nor the components (``extractors.nlp`` defers
them), so each worker imported both itself; ``extractors.warm`` imports them
and builds the tables and patterns every worker built on its first article."""

# The extractor of a worker process, set once by the pool's initializer (a
# worker is a process of its own; this is its state, not a cache).
_worker_extractor: FactExtractor | None = None


def available_cores() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_batch(
    pages: list[Page],
    extractor: FactExtractor,
    watchlist: Watchlist | None = None,
    prepare: Prepare | None = None,
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
    return [o if o is not None else _joined(next(readable), next(facts), prepare) for o in outcomes]


def _joined(
    article: tuple[Article, tuple[TopicDecision, ...]], facts: list[AnyFact], prepare: Prepare | None
) -> Outcome:
    return article[0], facts, article[1], None if prepare is None else prepare(article[0], facts)


def extract_pages(
    pages: Iterable[Page],
    extractor: FactExtractor,
    *,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    watchlist: Watchlist | None = None,
    prepare: Prepare | None = None,
) -> Iterator[Outcome]:
    """The outcome of each page, in the order of ``pages``, streamed batch by batch;
    with a ``watchlist``, an article no topic matches is an ``OffTopic`` outcome."""
    if n_process <= 1 or extractor.recipe is None:
        for batch in _batches(pages, batch_size):
            yield from extract_batch(batch, extractor, watchlist, prepare)
        return
    yield from extractor.workers(n_process).run(pages, watchlist, batch_size, prepare)


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

    def run(
        self,
        pages: Iterable[Page],
        watchlist: Watchlist | None = None,
        batch_size: int = BATCH_SIZE,
        prepare: Prepare | None = None,
    ) -> Iterator[Outcome]:
        """The outcome of every page, in order, with at most ``size * WINDOW`` batches
        running or queued and ``size * HOLD`` pages read and not yet handed on."""
        return _Run(self, iter(pages), (watchlist, prepare), batch_size).outcomes()

    def submit(
        self, pages: list[Page], work: _Work, done: threading.Event
    ) -> AsyncResult[list[Outcome]]:
        """One batch to the next free worker; ``done`` is set when it ends, however it ends."""

        def ended(_: object) -> None:
            done.set()

        return self._pool.apply_async(_run_batch, (pages, *work), callback=ended, error_callback=ended)

    def close(self) -> None:
        """Stop the workers (a batch still running is abandoned)."""
        atexit.unregister(self.close)
        self._pool.terminate()
        self._pool.join()


_Work = tuple[Watchlist | None, Prepare | None]
"""What a worker does to a batch besides extracting it: the relevance gate and ``prepare``."""


class _Run:
    """One stream of pages through a pool: read ahead, batches out, outcomes back in order."""

    def __init__(
        self, pool: WorkerPool, pages: Iterator[Page], work: _Work, batch_size: int
    ) -> None:
        self.pool, self.pages, self.work, self.batch_size = pool, pages, work, batch_size
        self.ahead: deque[tuple[int, Page]] = deque()  # read, not yet sent, in order
        self.sent: list[tuple[list[int], AsyncResult[list[Outcome]]]] = []
        self.finished: dict[int, Outcome] = {}  # back from a worker, an older page not yet
        self.read = 0  # pages taken from the stream
        self.handed = 0  # outcomes handed on
        self.ended = False  # the stream has no more pages
        self.changed = threading.Event()  # set by the pool's result thread whenever a batch ends

    def outcomes(self) -> Iterator[Outcome]:
        while True:
            self.changed.clear()  # before looking: a batch ending after this sets it again
            self._collect()
            while self.handed in self.finished:
                yield self.finished.pop(self.handed)
                self.handed += 1
            if self.ended and self.handed == self.read:
                return
            if len(self.sent) < self.pool.size * WINDOW and self._ready_to_send():
                self._send()
            elif not self.ended and not self._full():
                self._read_one()  # blocks until the next page is there
            elif not self.changed.wait(BATCH_TIMEOUT):
                raise multiprocessing.TimeoutError(f"no extraction batch finished in {BATCH_TIMEOUT:.0f} s")

    def _collect(self) -> None:
        """Take in the batches that have ended (a worker's error is raised here)."""
        running = []
        for indexes, result in self.sent:
            if result.ready():
                self.finished.update(zip(indexes, result.get(), strict=True))
            else:
                running.append((indexes, result))
        self.sent = running

    def _full(self) -> bool:
        return self.read - self.handed >= self.pool.size * HOLD

    def _ready_to_send(self) -> bool:
        """A whole batch read ahead, or all there will be."""
        return len(self.ahead) >= self.batch_size or ((self.ended or self._full()) and bool(self.ahead))

    def _read_one(self) -> None:
        page = next(self.pages, None)
        if page is None:
            self.ended = True
            return
        self.ahead.append((self.read, page))
        self.read += 1

    def _send(self) -> None:
        """The oldest pages while the stream goes on; after its end, the longest of
        what is left, fewer at a time as it runs out."""
        if not self.ended:
            batch = [self.ahead.popleft() for _ in range(min(self.batch_size, len(self.ahead)))]
        else:
            share = len(self.ahead) // (self.pool.size * WINDOW)
            n = max(1, min(self.batch_size, share))
            longest = sorted(self.ahead, key=lambda item: len(item[1].text), reverse=True)[:n]
            chosen = {index for index, _ in longest}
            self.ahead = deque(item for item in self.ahead if item[0] not in chosen)
            batch = longest
        indexes = [index for index, _ in batch]
        result = self.pool.submit([page for _, page in batch], self.work, self.changed)
        self.sent.append((indexes, result))


def _start_worker(extractor: FactExtractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor
    extractor.nlp  # noqa: B018  (loads the pipeline now, before the first batch waits for it)
    # What is loaded now lives as long as the worker: kept out of the cycle collector's
    # full passes, which otherwise walk the pipeline's ~110k objects every time (GC time
    # over the bench's 234 articles on one process: 0.19 s before, 0.05 s after).
    gc.collect()
    gc.freeze()


def _run_batch(pages: list[Page], watchlist: Watchlist | None, prepare: Prepare | None) -> list[Outcome]:
    if _worker_extractor is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("extraction worker started without an extractor")
    return extract_batch(pages, _worker_extractor, watchlist, prepare)
