"""The project's one error tree.

Every failure the pipeline can meet is one of these classes. Each is marked
either :class:`TransientError` (a retry could help: timeouts, 5xx, 429, a
dropped connection) or :class:`TerminalError` (retrying cannot help: 404, a PDF,
an empty page, a refused query). Lower-level exceptions (httpx, duckdb, OSError)
are translated at the boundary with ``raise X(...) from exc`` so callers only
ever catch ``NewsfactsError``. Messages are one line and name the URL or path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: extractors imports this module, not the other way round
    from extractors.models import Article
    from sources.page import Page


class NewsfactsError(Exception):
    """Base of every error the project raises on purpose."""

    retryable: bool = False

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields (url, status, reason, ...) would be lost by the
        # default pickling, which calls ``cls(*args)``; extraction workers in
        # other processes send their errors back pickled (extractors.parallel).
        return (_rebuilt, (type(self), self.args, self.__dict__))

    def one_line(self) -> str:
        """The message folded to one line, for CLIs and logs."""
        return " ".join(str(self).split())


class TransientError(NewsfactsError):
    """Marker: the same call may succeed later."""

    retryable = True


class TerminalError(NewsfactsError):
    """Marker: the same call will fail the same way."""

    retryable = False


# --- fetching -----------------------------------------------------------------


class FetchError(NewsfactsError):
    """Getting a page failed."""


class InvalidURL(FetchError, TerminalError):
    """The URL is malformed or uses a scheme we do not fetch."""


class FetchTimeout(FetchError, TransientError):
    """Connect, read or total time ran out."""


class ConnectFailed(FetchError, TransientError):
    """The host could not be reached (DNS, refused, reset)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, url: str | None = None, status: int) -> None:
        super().__init__(message, url=url)
        self.status = status


class ServerStatusError(HTTPStatusError, TransientError):
    """5xx or 429: the server may answer later."""

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after


class ClientStatusError(HTTPStatusError, TerminalError):
    """4xx other than 429: asking again will not help."""


class BlockedAddress(InvalidURL):
    """The host is private, loopback, link-local or a metadata service (refused before connecting)."""


class RobotsDisallowed(FetchError, TerminalError):
    """robots.txt of the host disallows the path for our User-Agent."""


class RobotsUnavailable(FetchError, TransientError):
    """robots.txt could not be read (5xx, timeout): RFC 9309 says assume disallow, for now."""


class TooManyRedirects(FetchError, TerminalError):
    """The redirect chain is longer than allowed, or loops."""


class BodyTooLarge(FetchError, TerminalError):
    """The body exceeds the configured size cap."""


class UnsupportedContent(FetchError, TerminalError):
    """The response is not HTML or plain text (a PDF, an image, ...)."""


class LocalFileError(FetchError, TerminalError):
    """A local path could not be read."""


class FeedParseError(FetchError, TerminalError):
    """A fetched feed is not well-formed RSS or Atom."""


# --- extraction ---------------------------------------------------------------


class ExtractionError(TerminalError):
    """A page could not be turned into an article."""


class EmptyArticle(ExtractionError):
    """The page holds no article text."""


class SkippedPage(ExtractionError):
    """The page is not an English news article (another language, an index
    page, a login wall): recorded with the reason, and it yields no facts."""

    def __init__(self, message: str, *, url: str | None = None, reason: str) -> None:
        super().__init__(message, url=url)
        self.reason = reason


class OffTopic(SkippedPage):
    """No configured topic matches the article (the relevance gate, before any
    NLP). Carries the extracted article and its page, so the store can keep the
    text and a later ``newsfacts backfill`` can re-evaluate it without fetching."""

    def __init__(self, message: str, *, reason: str, article: Article, page: Page) -> None:
        super().__init__(message, url=page.final_url, reason=reason)
        self.article = article
        self.page = page


# --- configuration and store --------------------------------------------------


class ConfigError(TerminalError):
    """A settings or source-list file is missing or malformed."""


class StoreError(NewsfactsError):
    """The facts store failed."""


class StoreBusy(StoreError, TransientError):
    """Another process holds the DuckDB file for writing."""


class StagingError(StoreError, TransientError):
    """A staged extraction file is missing, cut short, or not one this loader reads.

    Transient: the item is extracted and staged again on the next run (a
    worker killed while writing leaves such a file)."""


class WorkerLost(TransientError):
    """The cluster worker running an item's task died (killed, out of memory);
    the item is tried again on the next run."""


class QueryRefused(StoreError, TerminalError):
    """A query through ``newsfacts query`` tried to write, or is invalid."""


# --- alert delivery -----------------------------------------------------------


class DeliveryError(NewsfactsError):
    """POSTing an alert to the configured webhook failed."""


class DeliveryTransient(DeliveryError, TransientError):
    """The webhook timed out, could not be reached, or answered 5xx/429: sent again later."""


class DeliveryRefused(DeliveryError, TerminalError):
    """The webhook answered 4xx (not 429) or a redirect: the same POST fails the same way."""


class UsageError(TerminalError):
    """A command-line value is malformed (a date, a duration)."""


def _rebuilt(cls: type[NewsfactsError], args: tuple[Any, ...], state: dict[str, Any]) -> NewsfactsError:
    """An error unpickled without calling its ``__init__`` (see ``NewsfactsError.__reduce__``)."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error
