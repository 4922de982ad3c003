"""Facts from a pipeline that loads in a forked process while the caller works.

``newsfacts ingest`` of one page spends most of its time importing spaCy and
loading the model, as long as ``spacy.load`` alone, and the rest on work that
needs no model: importing trafilatura, httpx and DuckDB, fetching and reading
the page, opening the store. A :class:`BackgroundExtractor` forks a child at
once, before the caller imports any of that; the child imports spaCy and loads
the pipeline while the caller fetches and reads the page on the other core,
then extracts the articles the caller sends it and sends back their facts.

Forking is safe only from a process with one thread (a fork copies the locks
other threads hold, not the threads), and needs a platform that forks: in
any other case the facts are extracted in the caller's process, as
:class:`~extractors.nlp.FactExtractor` does.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import traceback
from multiprocessing.connection import Connection
from types import TracebackType

from extractors.models import AnyFact, Article
from extractors.nlp import FactExtractor
from sources.errors import NewsfactsError

STOP_SECONDS = 5.0
"""How long :meth:`BackgroundExtractor.close` waits for the child to end after
closing its pipe before it terminates it (a child still loading the model)."""


class ExtractionProcessError(RuntimeError):
    """The child process failed outside the project's errors (a bug), or died.

    The message is one line; the child's traceback, when there is one, is the
    exception's note (shown with ``NEWSFACTS_DEBUG=1``).
    """

    def __init__(self, message: str, child_traceback: str | None = None) -> None:
        super().__init__(message)
        if child_traceback:
            self.add_note(f"in the extraction process:\n{child_traceback}")


def can_fork() -> bool:
    """Whether this process may fork a child safely: the platform forks and no other thread runs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class BackgroundExtractor:
    """Extracts with ``extractor``'s pipeline, loaded in a child forked now (when it is safe).

    Use it as a context manager; :meth:`close` stops the child. The child
    raises nothing into the caller's process: its errors come back with the
    next :meth:`extract`, a :class:`~sources.errors.NewsfactsError` as itself
    (a model that is not installed is a ``ConfigError`` in one line), anything
    else as :class:`ExtractionProcessError` with the child's traceback.

    ``articles``, when given, is how many articles the caller will extract:
    the child is let go after the last of them, and ends while the caller
    stores the facts (an article beyond that is extracted in this process).
    """

    def __init__(self, extractor: FactExtractor, articles: int | None = None) -> None:
        self._local = extractor
        # After this many articles the child is let go: it ends while the caller stores the facts.
        self._left = articles
        self._conn: Connection | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if can_fork():
            context = multiprocessing.get_context("fork")
            self._conn, child_end = context.Pipe()
            self._process = context.Process(
                target=_serve, args=(child_end, self._conn, extractor), daemon=True
            )
            # Ctrl-C held back while forking: until the child ignores it (its first
            # step), one that lands would print the child's traceback.
            held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                self._process.start()
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
            child_end.close()

    @property
    def forked(self) -> bool:
        """Whether the pipeline loads in a child process (else in this one, on first use)."""
        return self._process is not None

    def extract(self, article: Article) -> list[AnyFact]:
        """Facts of one article, merged within the article, as ``FactExtractor.extract`` gives them."""
        if self._conn is None:
            return self._local.extract(article)
        self._conn.send(article)
        try:
            status, value = self._conn.recv()
        except EOFError:
            code = self._exitcode()
            raise ExtractionProcessError(f"the extraction process ended (exit code {code})") from None
        if self._left is not None:
            self._left -= 1
            if self._left <= 0:
                self._conn.close()  # the child's pipe closes: it ends now, not at close()
                self._conn = None
        if status == "facts":
            return value  # type: ignore[no-any-return]
        if isinstance(value, NewsfactsError):
            raise value
        summary, child_traceback = value
        raise ExtractionProcessError(f"the extraction process failed: {summary}", child_traceback)

    def _exitcode(self) -> int | None:
        assert self._process is not None
        self._process.join(STOP_SECONDS)
        return self._process.exitcode

    def close(self) -> None:
        """Stop the child: it ends when its pipe closes, or is terminated if it is still loading."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(0.05)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(STOP_SECONDS)
            self._process = None

    def __enter__(self) -> BackgroundExtractor:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _serve(conn: Connection, parent_end: Connection, extractor: FactExtractor) -> None:
    """The child: load the pipeline, then answer each article with its facts until the pipe closes."""
    # The fork copied the caller's end of the pipe: while this process holds
    # it, the pipe never closes, and the caller's close would have to wait
    # and terminate this process instead of it ending at once.
    parent_end.close()
    # Ctrl-C reaches the whole process group: the caller reports it and stops
    # this child (close), which must not print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back by the fork
    failure: tuple[str, object] | None = None
    try:
        extractor.nlp  # noqa: B018  (loads the pipeline now, while the caller reads the page)
    except Exception as exc:  # sent back with the first article, raised there
        failure = _failure(exc)
    while True:
        try:
            article = conn.recv()
        except EOFError:
            return
        try:
            conn.send(failure or ("facts", extractor.extract(article)))
        except Exception as exc:
            conn.send(_failure(exc))


def _failure(exc: Exception) -> tuple[str, object]:
    if isinstance(exc, NewsfactsError):
        return "error", exc
    summary = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
    return "error", (summary, "".join(traceback.format_exception(exc)).rstrip())
