"""sources.fetch against a real server on 127.0.0.1 with misbehaving routes."""

from __future__ import annotations

import dataclasses
import json
import socket
from datetime import UTC, datetime

import httpx
import pytest

from flows.site_server import SiteServer
from sources.errors import (
    BodyTooLarge,
    ClientStatusError,
    ConnectFailed,
    FetchError,
    FetchTimeout,
    InvalidURL,
    ServerStatusError,
    TooManyRedirects,
    UnsupportedContent,
)
from sources.fetch import (
    DEFAULT_USER_AGENT,
    FEED_TYPES,
    FetchSettings,
    fetch,
    parse_retry_after,
    sniff_media_type,
)


def assert_one_line_with(error: Exception, url: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert url in message


# --- failures: class, retryability, one-line message with the URL -------------------

ERROR_ROUTES = [
    pytest.param("/500", ServerStatusError, True, id="500"),
    pytest.param("/429", ServerStatusError, True, id="429"),
    pytest.param("/503-date", ServerStatusError, True, id="503-retry-after-date"),
    pytest.param("/notfound", ClientStatusError, False, id="404"),
    pytest.param("/moved-missing", ClientStatusError, False, id="redirect-to-404"),
    pytest.param("/slow", FetchTimeout, True, id="slow"),
    pytest.param("/hang-up", ConnectFailed, True, id="hang-up"),
    pytest.param("/redirect-loop", TooManyRedirects, False, id="redirect-loop"),
    pytest.param("/redirect/6", TooManyRedirects, False, id="redirect-chain-too-long"),
    pytest.param("/redirect-ftp", InvalidURL, False, id="redirect-to-ftp"),
    pytest.param("/huge", BodyTooLarge, False, id="huge-streamed"),
    pytest.param("/huge-declared", BodyTooLarge, False, id="huge-declared"),
    pytest.param("/gzip-bomb", BodyTooLarge, False, id="gzip-bomb"),
    pytest.param("/pdf", UnsupportedContent, False, id="pdf"),
    pytest.param("/untyped-pdf", UnsupportedContent, False, id="sniffed-pdf"),
    pytest.param("/faults/feed.xml", UnsupportedContent, False, id="feed-not-accepted-by-default"),
]


@pytest.mark.parametrize(("path", "error", "retryable"), ERROR_ROUTES)
def test_error_route_raises_marked_one_line_error(
    http_server: SiteServer,
    http_client: httpx.Client,
    fetch_settings: FetchSettings,
    path: str,
    error: type[FetchError],
    retryable: bool,
) -> None:
    url = http_server.url(path)
    with pytest.raises(error) as caught:
        fetch(url, client=http_client, settings=fetch_settings)
    assert caught.value.retryable is retryable
    assert caught.value.url == url
    assert_one_line_with(caught.value, url)


def test_translated_error_keeps_the_httpx_cause(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    with pytest.raises(FetchTimeout) as caught:
        fetch(http_server.url("/slow"), client=http_client, settings=fetch_settings)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1/story.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        "no scheme at all",
    ],
)
def test_non_http_url_is_refused_before_any_request(url: str) -> None:
    with pytest.raises(InvalidURL) as caught:
        fetch(url)
    assert caught.value.retryable is False
    assert_one_line_with(caught.value, url)


def test_404_message_names_status_reason_and_url(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    url = http_server.url("/notfound")
    with pytest.raises(ClientStatusError) as caught:
        fetch(url, client=http_client, settings=fetch_settings)
    assert str(caught.value) == f"HTTP 404 Not Found for {url}"
    assert caught.value.status == 404


def test_redirect_to_404_names_both_urls(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    with pytest.raises(ClientStatusError) as caught:
        fetch(http_server.url("/moved-missing"), client=http_client, settings=fetch_settings)
    assert http_server.url("/notfound") in str(caught.value)


def test_429_carries_retry_after_seconds(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    with pytest.raises(ServerStatusError) as caught:
        fetch(http_server.url("/429"), client=http_client, settings=fetch_settings)
    assert caught.value.status == 429
    assert caught.value.retry_after == 7.0


def test_retry_after_http_date_becomes_seconds_from_now(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    with pytest.raises(ServerStatusError) as caught:
        fetch(http_server.url("/503-date"), client=http_client, settings=fetch_settings)
    assert caught.value.retry_after is not None
    assert 100 < caught.value.retry_after <= 120


def test_total_timeout_stops_a_body_that_never_ends(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    settings = dataclasses.replace(fetch_settings, total_timeout=0.3)
    with pytest.raises(FetchTimeout, match="total time limit"):
        fetch(http_server.url("/trickle"), client=http_client, settings=settings)


def test_refused_connection_is_connect_failed(fetch_settings: FetchSettings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    with pytest.raises(ConnectFailed) as caught:
        fetch(url, settings=fetch_settings)
    assert caught.value.retryable is True
    assert_one_line_with(caught.value, url)


def test_redirect_limit_holds_for_a_client_that_follows_redirects(
    http_server: SiteServer, fetch_settings: FetchSettings
) -> None:
    with httpx.Client(follow_redirects=True, max_redirects=50) as lenient:
        with pytest.raises(TooManyRedirects):
            fetch(http_server.url("/redirect/6"), client=lenient, settings=fetch_settings)


# --- successes -------------------------------------------------------------------


def test_html_page_is_decoded_with_its_metadata(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    url = http_server.url("/redirect/0")
    page = fetch(url, client=http_client, settings=fetch_settings)
    assert (page.url, page.final_url, page.status, page.kind) == (url, url, 200, "html")
    assert (page.charset, page.redirects) == ("utf-8", ())
    assert "<p>arrived</p>" in page.text
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.fetched_at.tzinfo is UTC


def test_redirect_chain_is_followed_and_recorded(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(http_server.url("/redirect/3"), client=http_client, settings=fetch_settings)
    assert page.final_url == http_server.url("/redirect/0")
    assert page.redirects == tuple(http_server.url(f"/redirect/{n}") for n in (3, 2, 1))


def test_plain_text_response_is_kind_text(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(http_server.url("/text.txt"), client=http_client, settings=fetch_settings)
    assert page.kind == "text"
    assert page.text.startswith("Beijing launched its K visa")


def test_missing_content_type_is_sniffed_as_html(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(http_server.url("/untyped-html"), client=http_client, settings=fetch_settings)
    assert page.kind == "html"


def test_empty_body_is_an_empty_page_not_an_error(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(http_server.url("/empty"), client=http_client, settings=fetch_settings)
    assert (page.status, page.body, page.text) == (200, b"", "")


def test_meta_charset_is_used_when_header_names_none(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(http_server.url("/wrong-charset"), client=http_client, settings=fetch_settings)
    assert page.charset == "cp1252"
    assert "\u201cCaf\u00e9 society\u201d \u2013 a r\u00e9sum\u00e9." in page.text


def test_header_charset_is_used_without_meta(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(http_server.url("/latin1-header"), client=http_client, settings=fetch_settings)
    assert "Se\u00f1or M\u00fcller, \u00a9 2025" in page.text


def test_feed_types_are_taken_when_asked_for(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    page = fetch(
        http_server.url("/faults/feed.xml"), client=http_client, settings=fetch_settings, accept=FEED_TYPES
    )
    assert page.text.startswith("<?xml")


def test_fetch_without_a_client_uses_its_own(http_server: SiteServer, fetch_settings: FetchSettings) -> None:
    page = fetch(http_server.url("/text.txt"), settings=fetch_settings)
    assert page.status == 200


def test_request_names_the_user_agent_and_accepted_types(
    http_server: SiteServer, fetch_settings: FetchSettings
) -> None:
    with httpx.Client() as bare_client:
        page = fetch(http_server.url("/echo-headers"), client=bare_client, settings=fetch_settings)
    sent = json.loads(page.text)
    assert sent["user-agent"] == DEFAULT_USER_AGENT
    assert sent["accept"].startswith("application/xhtml+xml, text/html, text/plain")


# --- helpers ---------------------------------------------------------------------

NOW = datetime(2025, 10, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("7", 7.0),
        (" 120 ", 120.0),
        ("Wed, 01 Oct 2025 12:01:30 GMT", 90.0),
        ("Wed, 01 Oct 2025 11:00:00 GMT", 0.0),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
        (b"  \n<div>fragment</div>", "text/html"),
        (b'<?xml version="1.0"?><rss version="2.0"></rss>', "application/rss+xml"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', "application/atom+xml"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', "text/html"),
        (b"Just words.\n", "text/plain"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "application/octet-stream"),
        ("<html></html>".encode("utf-16"), "text/html"),  # with a byte order mark
    ],
)
def test_sniff_media_type(body: bytes, media: str) -> None:
    assert sniff_media_type(body) == media


@pytest.mark.parametrize(
    "change", [{"read_timeout": 0}, {"max_redirects": -1}, {"max_bytes": 0}, {"user_agent": " "}]
)
def test_settings_refuse_impossible_values(change: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        FetchSettings(**change)  # type: ignore[arg-type]


def test_conditional_get_returns_unchanged_on_304(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    from sources.fetch import Unchanged, Validators, fetch_if_changed

    url = http_server.url("/feed.xml")
    first = fetch_if_changed(url, None, client=http_client, settings=fetch_settings, accept=FEED_TYPES)
    assert not isinstance(first, Unchanged)
    validators = Validators.of(first)
    assert validators.etag
    second = fetch_if_changed(url, validators, client=http_client, settings=fetch_settings, accept=FEED_TYPES)
    assert second == Unchanged(url, url)
    assert http_server.requests[-1].headers["if-none-match"] == validators.etag
