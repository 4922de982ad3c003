"""The polite client: robots.txt, Crawl-delay, Retry-After, retries for transient errors only."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from flows.site_server import SiteRequestHandler, SiteServer
from sources.errors import ClientStatusError, RobotsDisallowed, RobotsUnavailable, ServerStatusError
from sources.fetch import FetchSettings, make_client
from sources.polite import PoliteClient
from tests.conftest import SITE_ROOT

ROBOTS = "User-agent: *\nCrawl-delay: 0.2\nDisallow: /no/\nSitemap: {origin}/sitemap.xml\n"


class Once:
    """A route that fails its first request per path, then serves a page."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status, self.headers = status, headers or {}
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()

    def __call__(self, handler: SiteRequestHandler) -> None:
        with self.lock:
            self.hits[handler.route_path] += 1
            first = self.hits[handler.route_path] == 1
        if first:
            handler.send_body(b"not now", "text/plain", status=self.status, headers=self.headers)
        else:
            handler.send_body(b"<html><body><p>ok</p></body></html>", "text/html; charset=utf-8")


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    routes = {
        "/robots.txt": lambda h: h.send_body(ROBOTS.format(origin=h.origin).encode(), "text/plain"),
        "/page/*": lambda h: h.send_body(b"<html><body><p>ok</p></body></html>", "text/html"),
        "/500-once/*": Once(500),
        "/429-once/*": Once(429, {"Retry-After": "1"}),
        "/429-long/*": Once(429, {"Retry-After": "120"}),
        "/gone/*": lambda h: h.send_body(b"gone", "text/plain", status=404),
        "/to-no": lambda h: h.send_body(
            b"", "text/plain", status=302, headers={"Location": "/no/target.html"}
        ),
    }
    with SiteServer(SITE_ROOT, routes=routes) as server:
        yield server


@pytest.fixture
def settings() -> FetchSettings:
    return FetchSettings(read_timeout=2.0, min_interval=0.0, retries=2, backoff=0.01, max_retry_after=5.0)


class Recorder:
    """Stands in for time.sleep: records what the client asked to wait."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def polite(settings: FetchSettings, sleep: Recorder) -> tuple[httpx.Client, PoliteClient]:
    client = make_client(settings)
    return client, PoliteClient(client, settings, sleep=sleep)


def hits(server: SiteServer, path: str) -> int:
    return sum(1 for r in server.requests if r.path == path)


def test_disallowed_path_is_never_requested_and_robots_fetched_once(
    site: SiteServer, settings: FetchSettings
) -> None:
    client, http = polite(settings, Recorder())
    with client:
        before = hits(site, "/robots.txt")
        with pytest.raises(RobotsDisallowed):
            http.get(site.url("/no/secret.html"))
        http.get(site.url("/page/1"))
        assert http.robots(site.url("/")).sitemaps() == [site.url("/sitemap.xml")]
    assert hits(site, "/no/secret.html") == 0
    assert hits(site, "/robots.txt") - before == 1


def test_crawl_delay_spaces_requests_to_one_host(site: SiteServer, settings: FetchSettings) -> None:
    sleep = Recorder()
    client, http = polite(settings, sleep)
    with client:
        for n in range(3):
            http.get(site.url(f"/page/delay-{n}"))
    # robots.txt, then three pages: each start waits out the 0.2 s Crawl-delay.
    assert len([w for w in sleep.waits if w > 0.1]) >= 2


def test_retry_after_on_429_is_honoured(site: SiteServer, settings: FetchSettings) -> None:
    sleep = Recorder()
    client, http = polite(settings, sleep)
    with client:
        page = http.get(site.url("/429-once/a"))
    assert not isinstance(page, type(None))
    assert hits(site, "/429-once/a") == 2
    assert max(sleep.waits) > 0.9  # the next start waited for Retry-After: 1


def test_retry_after_beyond_the_cap_gives_up_for_now(site: SiteServer, settings: FetchSettings) -> None:
    client, http = polite(settings, Recorder())
    with client, pytest.raises(ServerStatusError) as caught:
        http.get(site.url("/429-long/a"))
    assert caught.value.retryable and hits(site, "/429-long/a") == 1


def test_5xx_is_retried_and_4xx_is_not(site: SiteServer, settings: FetchSettings) -> None:
    sleep = Recorder()
    client, http = polite(settings, sleep)
    with client:
        http.get(site.url("/500-once/a"))
        with pytest.raises(ClientStatusError):
            http.get(site.url("/gone/a"))
    assert hits(site, "/500-once/a") == 2
    assert hits(site, "/gone/a") == 1
    assert 0.01 in sleep.waits  # the backoff before the second attempt


def test_unreachable_robots_means_disallow_for_now(settings: FetchSettings) -> None:
    routes = {"/robots.txt": lambda h: h.send_body(b"down", "text/plain", status=503)}
    with SiteServer(SITE_ROOT, routes=routes) as server:
        client, http = polite(FetchSettings(retries=0, min_interval=0.0), Recorder())
        with client, pytest.raises(RobotsUnavailable) as caught:
            http.get(server.url("/page/1"))
        assert caught.value.retryable
        assert hits(server, "/page/1") == 0


def test_redirect_into_a_disallowed_path_is_not_followed(site: SiteServer, settings: FetchSettings) -> None:
    client, http = polite(settings, Recorder())
    with client, pytest.raises(RobotsDisallowed):
        http.get(site.url("/to-no"))
    assert hits(site, "/no/target.html") == 0
