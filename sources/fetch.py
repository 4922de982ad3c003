"""Fetching one URL over HTTP(S) into a :class:`~sources.page.Page`.

Everything that can go wrong is translated into the project's error tree
(:mod:`sources.errors`) at this boundary: callers never see an httpx
exception. Redirects are followed here, one hop at a time, so the chain can
be bounded, checked for loops and recorded on the page whatever client the
caller injects.
"""

from __future__ import annotations

import contextlib
import email.utils
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from sources.charset import bom_charset, decode
from sources.errors import (
    BodyTooLarge,
    ClientStatusError,
    ConnectFailed,
    FetchTimeout,
    InvalidURL,
    ServerStatusError,
    TooManyRedirects,
    UnsupportedContent,
)
from sources.netguard import AddressPolicy, check_host
from sources.page import ContentKind, Page

DEFAULT_USER_AGENT = "newsfacts/0.1 (+https://github.com/newsfacts)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"})
HTML_OR_TEXT = HTML_TYPES | TEXT_TYPES

# What sniffing calls a body that is neither markup nor text.
BINARY_TYPE = "application/octet-stream"
_SNIFF_BYTES = 1024


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one fetch. Times are seconds; ``max_bytes`` is the decoded body."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = DEFAULT_USER_AGENT
    # Politeness (sources.polite): seconds between two requests to one host
    # (robots.txt Crawl-delay raises it), requests in flight per host, retries
    # of transient failures with exponential backoff from ``backoff`` seconds,
    # and the longest Retry-After waited for (longer: the item fails for now).
    min_interval: float = 1.0
    per_host_concurrency: int = 2
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be a positive number of seconds")
        if self.max_redirects < 0:
            raise ValueError("max_redirects must not be negative")
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        if not self.user_agent.strip():
            raise ValueError("user_agent must not be empty")
        for name in ("min_interval", "backoff", "max_retry_after"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.per_host_concurrency < 1:
            raise ValueError("per_host_concurrency must be at least 1")
        if self.retries < 0:
            raise ValueError("retries must not be negative")

    def timeout(self, remaining: float | None = None) -> httpx.Timeout:
        """The httpx timeout, each phase capped by ``remaining`` total time."""
        cap = self.total_timeout if remaining is None else max(remaining, 0.001)
        read = min(self.read_timeout, cap)
        return httpx.Timeout(connect=min(self.connect_timeout, cap), read=read, write=read, pool=read)


DEFAULT_SETTINGS = FetchSettings()


@dataclass(frozen=True)
class Validators:
    """What a conditional GET sends back: the ETag and Last-Modified last seen."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def of(cls, page: Page) -> Validators:
        """The validators a response carried (header names are lower-case in Page)."""
        lowered = {name.lower(): value for name, value in page.headers.items()}
        return cls(lowered.get("etag"), lowered.get("last-modified"))

    def headers(self) -> dict[str, str]:
        """``If-None-Match`` / ``If-Modified-Since`` for the values held."""
        sent: dict[str, str] = {}
        if self.etag:
            sent["If-None-Match"] = self.etag
        if self.last_modified:
            sent["If-Modified-Since"] = self.last_modified
        return sent

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True)
class Unchanged:
    """A conditional GET answered 304 Not Modified: nothing new at ``url``."""

    url: str
    final_url: str


def make_client(settings: FetchSettings = DEFAULT_SETTINGS) -> httpx.Client:
    """An httpx client set up the way :func:`fetch` expects; the caller closes it."""
    return httpx.Client(
        timeout=settings.timeout(),
        headers={"User-Agent": settings.user_agent},
        follow_redirects=False,
    )


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings = DEFAULT_SETTINGS,
    accept: frozenset[str] = HTML_OR_TEXT,
) -> Page:
    """GET ``url`` and return the decoded page.

    ``accept`` is the set of media types taken; others raise
    :class:`UnsupportedContent`. A response without a Content-Type is sniffed.
    A client is created and closed per call unless one is injected.
    """
    start = validate_url(url)
    if client is None:
        with make_client(settings) as own_client:
            return _Fetcher(own_client, settings, accept, url, start).run()
    return _Fetcher(client, settings, accept, url, start).run()


def fetch_if_changed(
    url: str,
    validators: Validators | None,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings = DEFAULT_SETTINGS,
    accept: frozenset[str] = HTML_OR_TEXT,
    check_hop: Callable[[str], None] | None = None,
) -> Page | Unchanged:
    """Like :func:`fetch`, but conditional: :class:`Unchanged` on a 304.

    With no ``validators`` (first visit) the request is a plain GET.
    ``check_hop`` is called with each redirect target before it is requested
    (robots.txt of the target); it refuses a hop by raising.
    """
    start = validate_url(url)
    conditional = validators.headers() if validators else {}
    if client is None:
        with make_client(settings) as own_client:
            fetcher = _Fetcher(own_client, settings, accept, url, start, conditional, check_hop)
            return fetcher.run_conditional()
    return _Fetcher(client, settings, accept, url, start, conditional, check_hop).run_conditional()


def validate_url(url: str) -> httpx.URL:
    """Parse ``url``, refusing anything but an absolute http(s) URL with a host."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InvalidURL(_line(f"invalid URL {url}: {exc}"), url=url) from exc
    if parsed.scheme not in ("http", "https"):
        raise InvalidURL(_line(f"only http and https URLs are fetched: {url}"), url=url)
    if not parsed.host:
        raise InvalidURL(_line(f"URL has no host: {url}"), url=url)
    return parsed


class _Fetcher:
    """One fetch: the redirect loop, then the checks on the final response."""

    def __init__(
        self,
        client: httpx.Client,
        settings: FetchSettings,
        accept: frozenset[str],
        url: str,
        start: httpx.URL,
        conditional: dict[str, str] | None = None,
        check_hop: Callable[[str], None] | None = None,
    ) -> None:
        self.client = client
        self.conditional = conditional or {}
        self.check_hop = check_hop
        self.settings = settings
        self.accept = accept
        self.url = url
        # httpx normalises URLs ("/a/../b" -> "/b"); messages compare like with like.
        self.start = str(start)
        self.policy = AddressPolicy.from_env()
        self.deadline = time.monotonic() + settings.total_timeout
        self.redirects: list[str] = []
        # A repeated (from, to) hop means a cycle. A single revisit is allowed:
        # consent walls bounce A -> B -> A, setting a cookie on the way.
        self.hops: set[tuple[str, str]] = set()

    def run(self) -> Page:
        result = self.run_conditional()
        if isinstance(result, Unchanged):  # only when validators were sent
            raise ClientStatusError(f"HTTP 304 Not Modified for {self.url}", url=self.url, status=304)
        return result

    def run_conditional(self) -> Page | Unchanged:
        headers = {"User-Agent": self.settings.user_agent, "Accept": accept_header(self.accept)}
        request = self.client.build_request("GET", self.url, headers={**headers, **self.conditional})
        while True:
            response = self._send(request)
            try:
                if response.status_code == 304 and self.conditional:
                    return Unchanged(self.url, str(response.url))
                next_request = response.next_request
                if next_request is None:
                    return self._page(response)
                self._follow(response, next_request)
            finally:
                response.close()
            request = next_request

    def _send(self, request: httpx.Request) -> httpx.Response:
        self._check_deadline(str(request.url))
        # Every hop, redirects included, before any byte is sent to its host.
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        where = self._where(str(request.url))
        check_host(request.url.host, port, self.url, policy=self.policy, where=where)
        # Per hop, so no phase can outlast what is left of the total time.
        request.extensions["timeout"] = self.settings.timeout(self._remaining()).as_dict()
        with _translated(self._where(str(request.url)), self.url):
            return self.client.send(request, stream=True, follow_redirects=False)

    def _follow(self, response: httpx.Response, next_request: httpx.Request) -> None:
        """Check one redirect hop before taking it."""
        here, there = str(response.url), str(next_request.url)
        if next_request.url.scheme not in ("http", "https"):
            raise InvalidURL(_line(f"redirect to a non-http URL {there} from {here}"), url=self.url)
        if (here, there) in self.hops:
            message = f"redirect loop at {here} -> {there} fetching {self.url}"
            raise TooManyRedirects(_line(message), url=self.url)
        if len(self.redirects) >= self.settings.max_redirects:
            raise TooManyRedirects(
                _line(f"more than {self.settings.max_redirects} redirects fetching {self.url} (last {here})"),
                url=self.url,
            )
        self.hops.add((here, there))
        self.redirects.append(here)
        if self.check_hop is not None:
            self.check_hop(there)
        # The validators belong to the URL asked for, not to where it now points.
        for name in self.conditional:
            next_request.headers.pop(name, None)

    def _page(self, response: httpx.Response) -> Page:
        """Check status, type and size of the final response, then read it."""
        final_url = str(response.url)
        _check_status(response, self._where(final_url), self.url)
        content_type = response.headers.get("content-type")
        media = media_type(content_type)
        if media is not None:
            self._check_accepted(media, final_url)
        body = self._read_body(response, final_url)
        if media is None:
            media = sniff_media_type(body)
            self._check_accepted(media, final_url, sniffed=True)
        text, charset = decode(body, content_type)
        return Page(
            url=self.url,
            final_url=final_url,
            status=response.status_code,
            headers=dict(response.headers.items()),
            body=body,
            text=text,
            charset=charset,
            kind=kind_of(media),
            fetched_at=datetime.now(UTC),
            redirects=tuple(self.redirects),
        )

    def _check_accepted(self, media: str, final_url: str, *, sniffed: bool = False) -> None:
        if media not in self.accept:
            how = "sniffed as" if sniffed else "Content-Type"
            message = f"unsupported content ({how} {media}) at {self._where(final_url)}"
            raise UnsupportedContent(_line(message), url=self.url)

    def _read_body(self, response: httpx.Response, final_url: str) -> bytes:
        """Stream the body, stopping as soon as it passes the size cap."""
        cap = self.settings.max_bytes
        declared = _content_length(response)
        if declared is not None and declared > cap:
            where = self._where(final_url)
            message = f"body of {declared} bytes (Content-Length) exceeds the cap of {cap} bytes at {where}"
            raise BodyTooLarge(_line(message), url=self.url)
        chunks: list[bytes] = []
        size = 0
        with _translated(self._where(final_url), self.url):
            # iter_bytes undoes Content-Encoding, so the cap also stops gzip bombs.
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    message = f"body exceeds the cap of {cap} bytes at {self._where(final_url)}"
                    raise BodyTooLarge(_line(message), url=self.url)
                self._check_deadline(final_url)
                chunks.append(chunk)
        return b"".join(chunks)

    def _remaining(self) -> float:
        return self.deadline - time.monotonic()

    def _check_deadline(self, current: str) -> None:
        if self._remaining() <= 0:
            limit = self.settings.total_timeout
            message = f"total time limit of {limit:g} s exceeded at {self._where(current)}"
            raise FetchTimeout(_line(message), url=self.url)

    def _where(self, current: str) -> str:
        """The URL for a message, naming the start too when redirects led elsewhere."""
        return current if current == self.start else f"{current} (from {self.url})"


@contextlib.contextmanager
def _translated(where: str, url: str) -> Iterator[None]:
    """Translate httpx failures into the project's errors; messages name ``where``."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise FetchTimeout(_line(f"{_phase(exc)} timed out for {where}"), url=url) from exc
    except httpx.UnsupportedProtocol as exc:
        raise InvalidURL(_line(f"unsupported protocol for {where}: {exc}"), url=url) from exc
    except httpx.TooManyRedirects as exc:
        raise TooManyRedirects(_line(f"too many redirects for {where}"), url=url) from exc
    except httpx.DecodingError as exc:
        raise UnsupportedContent(_line(f"undecodable Content-Encoding for {where}: {exc}"), url=url) from exc
    except (httpx.ConnectError, httpx.NetworkError, httpx.ProxyError, httpx.ProtocolError) as exc:
        raise ConnectFailed(_line(f"connection failed for {where}: {exc}"), url=url) from exc
    except httpx.InvalidURL as exc:
        raise InvalidURL(_line(f"invalid URL {where}: {exc}"), url=url) from exc


def _phase(exc: httpx.TimeoutException) -> str:
    names: dict[type[httpx.TimeoutException], str] = {
        httpx.ConnectTimeout: "connect",
        httpx.ReadTimeout: "read",
        httpx.WriteTimeout: "write",
        httpx.PoolTimeout: "connection pool",
    }
    return names.get(type(exc), "request")


def _check_status(response: httpx.Response, where: str, url: str) -> None:
    """Raise for anything but 2xx: 429 and 5xx may pass, the rest will not."""
    status = response.status_code
    if 200 <= status < 300:
        return
    message = _line(f"HTTP {status} {response.reason_phrase} for {where}")
    if status == 429 or status >= 500:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise ServerStatusError(message, url=url, status=status, retry_after=retry_after)
    # 4xx, and 3xx without a usable Location (304 and friends).
    raise ClientStatusError(message, url=url, status=status)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


def media_type(content_type: str | None) -> str | None:
    """``"text/html"`` from ``"Text/HTML; charset=utf-8"``; None if absent or blank."""
    if content_type is None:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    return media or None


def sniff_media_type(body: bytes) -> str:
    """Guess a media type from the first bytes of a body that did not name one."""
    if body.startswith(b"%PDF-"):
        return "application/pdf"
    head = _head_text(body)
    if "\x00" in head:
        return BINARY_TYPE
    start = head.lstrip().lower()
    if start.startswith("<?xml") and "<html" not in start:
        return _sniff_xml(start)
    if start.startswith(("<rss", "<feed")):
        return _sniff_xml(start)
    if start.startswith("<") or "<html" in start:
        return "text/html"
    return "text/plain"


def _sniff_xml(start: str) -> str:
    if "<rss" in start:
        return "application/rss+xml"
    if "<feed" in start:
        return "application/atom+xml"
    return "application/xml"


def _head_text(body: bytes) -> str:
    """The first bytes as text, honouring a UTF-16/32 byte order mark."""
    head = body[:_SNIFF_BYTES]
    bom = bom_charset(head)
    if bom is None:
        return head.decode("latin-1")
    charset, size = bom
    return head[size:].decode(charset, errors="replace")


def kind_of(media: str) -> ContentKind:
    """Page kind for an accepted media type: HTML markup, or text as-is (feeds too)."""
    return "html" if media in HTML_TYPES else "text"


def accept_header(accept: frozenset[str]) -> str:
    """An Accept header listing the accepted types, HTML first."""
    ordered = sorted(accept, key=lambda media: (media not in HTML_TYPES, media))
    return ", ".join(ordered) + ", */*;q=0.1"


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _line(message: str) -> str:
    """Fold a message to one line: URLs and upstream texts may hold newlines."""
    return " ".join(message.split())
