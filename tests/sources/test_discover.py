"""Sitemaps, sitemap indexes and feed autodiscovery, on loopback and on strings."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest

from flows.site_server import SiteRequestHandler, SiteServer
from sources.config import Source, SourceList
from sources.discover import Discoverer, Listing
from sources.errors import BodyTooLarge, FeedParseError
from sources.fetch import FetchSettings, Validators, make_client
from sources.polite import PoliteClient
from sources.sitemaps import parse_sitemap, sitemap_text
from tests.conftest import SITE_ROOT

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>http://127.0.0.1:8000/a/1.html</loc>
    <news:news><news:publication_date>2025-09-29T08:30:00+00:00</news:publication_date></news:news></url>
  <url><loc>/a/2.html</loc><lastmod>2025-09-30</lastmod></url>
  <url><loc>http://127.0.0.1:8000/a/1.html#dup</loc></url>
  <url><loc>ftp://127.0.0.1/a/3.html</loc></url>
</urlset>
"""
INDEX = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>http://127.0.0.1:8000/news.xml</loc></sitemap><sitemap><loc>/more.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_news_sitemap_pages_and_dates() -> None:
    parsed = parse_sitemap(NEWS_SITEMAP, "http://127.0.0.1:8000/sitemap.xml")
    assert [entry.url for entry in parsed.pages] == [
        "http://127.0.0.1:8000/a/1.html",
        "http://127.0.0.1:8000/a/2.html",
    ]
    assert [entry.modified.isoformat()[:10] for entry in parsed.pages if entry.modified] == [
        "2025-09-29",
        "2025-09-30",
    ]
    assert parsed.children == []


def test_sitemap_index_children() -> None:
    parsed = parse_sitemap(INDEX, "http://127.0.0.1:8000/index.xml")
    assert parsed.children == ["http://127.0.0.1:8000/news.xml", "http://127.0.0.1:8000/more.xml.gz"]


@pytest.mark.parametrize(
    "text", ["<html><body>no</body></html>", "<urlset", '<!DOCTYPE x [<!ENTITY a "b">]><urlset/>']
)
def test_not_a_sitemap(text: str) -> None:
    with pytest.raises(FeedParseError):
        parse_sitemap(text, "http://127.0.0.1:8000/sitemap.xml")


def test_gzipped_sitemap_and_gzip_bomb() -> None:
    assert sitemap_text(gzip.compress(NEWS_SITEMAP.encode()), "u", max_bytes=10_000) == NEWS_SITEMAP
    with pytest.raises(BodyTooLarge):
        sitemap_text(gzip.compress(b" " * 1_000_000), "u", max_bytes=10_000)


def _not_modified(handler: SiteRequestHandler, etag: str) -> bool:
    """Answer 304 when the request carries ``etag``."""
    if handler.headers.get("If-None-Match") != etag:
        return False
    handler.send_response(304)
    handler.end_headers()
    return True


def _home(handler: SiteRequestHandler) -> None:
    if _not_modified(handler, '"home"'):
        return
    body = (
        "<html><head><title>Home</title>"
        '<link rel="alternate" type="application/rss+xml" href="/feed.rss">'
        "</head><body><p>News</p></body></html>"
    )
    handler.send_body(body.encode(), "text/html; charset=utf-8", headers={"ETag": '"home"'})


def _feed(handler: SiteRequestHandler) -> None:
    if _not_modified(handler, '"feed"'):
        return
    body = (
        f"<rss version='2.0'><channel><title>t</title><item><link>{handler.origin}/a/feed-item.html</link>"
        "</item></channel></rss>"
    )
    handler.send_body(body.encode(), "application/rss+xml", headers={"ETag": '"feed"'})


def _index(handler: SiteRequestHandler) -> None:
    handler.send_body(
        f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>"
        f"{handler.origin}/news.xml</loc></sitemap></sitemapindex>".encode(),
        "application/xml",
    )


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    routes = {
        "/": _home,
        "/feed.rss": _feed,
        "/robots.txt": lambda h: h.send_body(f"Sitemap: {h.origin}/index.xml\n".encode(), "text/plain"),
        "/index.xml": _index,
        "/news.xml": lambda h: h.send_body(
            NEWS_SITEMAP.replace("http://127.0.0.1:8000", h.origin).encode(), "application/xml"
        ),
    }
    with SiteServer(SITE_ROOT, routes=routes) as server:
        yield server


def discover(site: SiteServer, validators: dict[str, Validators], via: list[tuple[str, str]]) -> Listing:
    settings = FetchSettings(min_interval=0.0)
    sources = SourceList(feeds=(), pages=(), settings=settings, sites=(Source(site.url("/")),))
    with make_client(settings) as client:
        finder = Discoverer(PoliteClient(client, settings), validators.get, lambda _: via)  # type: ignore[arg-type]
        return finder.run(sources)


def test_site_autodiscovers_its_feed_and_robots_sitemaps(site: SiteServer) -> None:
    listing = discover(site, {}, [])
    assert listing.failures == []
    assert listing.items == [site.url("/a/feed-item.html"), site.url("/a/1.html"), site.url("/a/2.html")]
    assert {(f.url, f.kind, f.via) for f in listing.fetched} >= {
        (site.url("/"), "site", None),
        (site.url("/feed.rss"), "feed", site.url("/")),
        (site.url("/index.xml"), "sitemap", site.url("/")),
        (site.url("/news.xml"), "sitemap", site.url("/")),
    }


def test_unchanged_home_page_uses_the_feeds_found_before(site: SiteServer) -> None:
    validators = {site.url("/"): Validators(etag='"home"'), site.url("/feed.rss"): Validators(etag='"feed"')}
    listing = discover(site, validators, [(site.url("/feed.rss"), "feed")])
    assert listing.unchanged == [site.url("/"), site.url("/feed.rss")]
    assert listing.items == []
    requests = [r for r in site.requests if r.path in ("/", "/feed.rss")][-2:]
    assert all("if-none-match" in r.headers for r in requests)
