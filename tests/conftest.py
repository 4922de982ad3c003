"""Session-wide fixtures: one real HTTP server on 127.0.0.1 with misbehaving routes.

The server serves ``fixtures/site/`` (whatever is there) plus the routes below,
which misbehave on purpose: slow, 5xx, 429, redirect loops and chains, wrong
or header-only charsets, bodies over the cap, a PDF, an empty page. Tests use
short timeouts and a small size cap (``fetch_settings``) so they stay fast.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from flows.site_server import Route, SiteRequestHandler, SiteServer
from sources.fetch import FetchSettings, make_client

# The test servers live on loopback, which the fetcher refuses by default;
# set before any test (and inherited by the CLI child processes).
os.environ["NEWSFACTS_ALLOW_PRIVATE"] = "127.0.0.1"

SITE_ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "site"

# Small on purpose: the over-cap routes then need to send only a few hundred KB.
TEST_MAX_BYTES = 64 * 1024
READ_TIMEOUT = 0.5
# /slow holds a request this long at most; far beyond READ_TIMEOUT, and the
# session's release event cuts it short at teardown.
SLOW_HOLD_SECONDS = 10.0

ARTICLE_TEXT = (
    "Beijing launched its K visa for young science and technology talent on Wednesday, "
    "days after Washington set a $100,000 fee on new H-1B petitions.\n"
)
WINDOWS_1252_PAGE = (
    '<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head>'
    "<body><p>\u201cCaf\u00e9 society\u201d \u2013 a r\u00e9sum\u00e9.</p></body></html>"
).encode("cp1252")
LATIN1_PAGE = "<html><body><p>Se\u00f1or M\u00fcller, \u00a9 2025</p></body></html>".encode("latin-1")


def _send(handler: SiteRequestHandler, body: bytes, content_type: str, status: int = 200) -> None:
    handler.send_body(body, content_type, status=status)


def _html(text: str) -> bytes:
    page = f"<!doctype html><html><head><title>{text}</title></head><body><p>{text}</p></body></html>"
    return page.encode()


def _redirect(handler: SiteRequestHandler, location: str, status: int = 302) -> None:
    handler.send_body(b"", "text/plain", status=status, headers={"Location": location})


def _redirect_chain(handler: SiteRequestHandler) -> None:
    """``/redirect/N`` redirects to ``/redirect/N-1``; ``/redirect/0`` is a page."""
    remaining = int(handler.route_path.rsplit("/", 1)[1])
    if remaining > 0:
        _redirect(handler, f"/redirect/{remaining - 1}")
    else:
        _send(handler, _html("arrived"), "text/html; charset=utf-8")


def _stream_without_length(handler: SiteRequestHandler, total: int) -> None:
    """A body of ``total`` bytes with no Content-Length: only the reader can stop it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    chunk = b"<p>" + b"x" * 16_380 + b"</p>"
    for _ in range(total // len(chunk) + 1):
        handler.wfile.write(chunk)  # the client hanging up ends this with BrokenPipeError


def _declared_too_large(handler: SiteRequestHandler) -> None:
    """Content-Length far beyond the cap; the client must refuse before reading."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(100 * TEST_MAX_BYTES))
    handler.end_headers()
    handler.wfile.write(b"<html>")


def _gzip_bomb(handler: SiteRequestHandler) -> None:
    """A small gzip body that inflates far past the cap."""
    body = gzip.compress(b" " * (20 * TEST_MAX_BYTES))
    handler.send_body(body, "text/html; charset=utf-8", headers={"Content-Encoding": "gzip"})


def _trickle(release: threading.Event) -> Route:
    """One byte every 50 ms: each read is quick, the whole body never ends."""

    def route(handler: SiteRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.end_headers()
        handler.wfile.write(b"<html>")
        while not release.wait(0.05):
            handler.wfile.write(b" ")
            handler.wfile.flush()

    return route


def _slow(release: threading.Event) -> Route:
    """Answers only after SLOW_HOLD_SECONDS, or when the session ends."""

    def route(handler: SiteRequestHandler) -> None:
        release.wait(SLOW_HOLD_SECONDS)
        _send(handler, _html("late"), "text/html; charset=utf-8")

    return route


def _retry_after_date(handler: SiteRequestHandler) -> None:
    when = datetime.now(UTC) + timedelta(seconds=120)
    retry_after = format_datetime(when, usegmt=True)
    handler.send_body(b"busy", "text/plain", status=503, headers={"Retry-After": retry_after})


def _echo_headers(handler: SiteRequestHandler) -> None:
    """The request headers as JSON, to check what the client sends."""
    body = json.dumps({name.lower(): value for name, value in handler.headers.items()})
    _send(handler, body.encode(), "text/plain; charset=utf-8")


def _hang_up(handler: SiteRequestHandler) -> None:
    """Close the connection without any response."""
    handler.close_connection = True


def _rss(handler: SiteRequestHandler) -> None:
    origin = handler.origin
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
  <title>Fixture wire</title><link>{origin}/</link><description>test feed</description>
  <item><title>Text story</title><link>{origin}/text.txt</link>
    <pubDate>Mon, 29 Sep 2025 08:30:00 +0000</pubDate></item>
  <item><title>Relative link</title><link>/redirect/1</link>
    <dc:date>2025-09-30T10:00:00+08:00</dc:date></item>
  <item><title>Same page, other anchor</title><link>{origin}/text.txt#comments</link></item>
  <item><title>Guid only</title><guid isPermaLink="true">{origin}/latin1-header</guid></item>
  <item><title>Not a page</title><link>javascript:alert(1)</link></item>
  <item><title>No link at all</title><guid isPermaLink="false">tag:fixture,2025:7</guid></item>
</channel></rss>
"""
    _send(handler, body.encode(), "application/rss+xml; charset=utf-8")


def _atom(handler: SiteRequestHandler) -> None:
    origin = handler.origin
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Fixture atom</title><id>{origin}/faults/atom.xml</id><updated>2025-10-01T00:00:00Z</updated>
  <link rel="self" href="{origin}/faults/atom.xml"/>
  <entry><title>Wrong charset page</title><id>tag:fixture,2025:1</id>
    <link rel="enclosure" href="{origin}/pdf"/>
    <link rel="alternate" type="text/html" href="/wrong-charset"/>
    <published>2025-09-29T08:30:00Z</published><updated>2025-09-30T08:30:00Z</updated></entry>
  <entry><title>Text story</title><id>tag:fixture,2025:2</id>
    <link href="{origin}/text.txt"/><updated>2025-10-01T12:00:00+02:00</updated></entry>
</feed>
"""
    _send(handler, body.encode(), "application/atom+xml; charset=utf-8")


def misbehaving_routes(release: threading.Event) -> dict[str, Route]:
    """The test routes; ``release`` ends the deliberately slow ones."""
    return {
        "/slow": _slow(release),
        "/trickle": _trickle(release),
        "/500": lambda h: _send(h, b"<h1>oops</h1>", "text/html", status=500),
        "/429": lambda h: h.send_body(b"slow down", "text/plain", status=429, headers={"Retry-After": "7"}),
        "/503-date": _retry_after_date,
        "/notfound": lambda h: _send(h, b"no such page", "text/plain", status=404),
        "/hang-up": _hang_up,
        "/echo-headers": _echo_headers,
        "/redirect-loop": lambda h: _redirect(h, "/redirect-loop"),
        "/redirect/*": _redirect_chain,
        "/redirect-private": lambda h: _redirect(h, "http://10.0.0.1/admin"),
        "/redirect-ftp": lambda h: _redirect(h, "ftp://127.0.0.1/pub/story.html"),
        "/moved-missing": lambda h: _redirect(h, "/notfound", status=301),
        "/wrong-charset": lambda h: _send(h, WINDOWS_1252_PAGE, "text/html"),
        "/latin1-header": lambda h: _send(h, LATIN1_PAGE, "text/html; charset=ISO-8859-1"),
        "/huge": lambda h: _stream_without_length(h, 10 * TEST_MAX_BYTES),
        "/huge-declared": _declared_too_large,
        "/gzip-bomb": _gzip_bomb,
        "/pdf": lambda h: _send(h, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        "/untyped-html": lambda h: _untyped(h, _html("untyped")),
        "/untyped-pdf": lambda h: _untyped(h, b"%PDF-1.4\n"),
        "/empty": lambda h: _send(h, b"", "text/html"),
        "/text.txt": lambda h: _send(h, ARTICLE_TEXT.encode(), "text/plain; charset=utf-8"),
        "/faults/feed.xml": _rss,
        "/faults/atom.xml": _atom,
        "/broken-feed.xml": lambda h: _send(h, b"<rss><channel><item>", "application/rss+xml"),
    }


def _untyped(handler: SiteRequestHandler, body: bytes) -> None:
    """A response with no Content-Type header at all."""
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture(scope="session")
def http_server() -> Iterator[SiteServer]:
    """One SiteServer on 127.0.0.1 (port 0) for the session, over fixtures/site/."""
    SITE_ROOT.mkdir(parents=True, exist_ok=True)
    release = threading.Event()
    server = SiteServer(SITE_ROOT, routes=misbehaving_routes(release))
    with server:
        yield server
        release.set()  # let held /slow and /trickle handlers finish before shutdown


@pytest.fixture(scope="session")
def fetch_settings() -> FetchSettings:
    """Short timeouts and a small cap, so misbehaving routes fail fast."""
    return FetchSettings(
        connect_timeout=1.0,
        read_timeout=READ_TIMEOUT,
        total_timeout=5.0,
        max_redirects=5,
        max_bytes=TEST_MAX_BYTES,
    )


@pytest.fixture
def http_client(fetch_settings: FetchSettings) -> Iterator[httpx.Client]:
    """An httpx client as the flows build one; closed after the test."""
    with make_client(fetch_settings) as client:
        yield client
