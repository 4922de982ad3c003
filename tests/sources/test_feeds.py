"""sources.feeds: RSS 2.0 and Atom parsing, and fetching feeds from the test server."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from flows.site_server import SiteServer
from sources.errors import FeedParseError, UnsupportedContent
from sources.feeds import FeedItem, fetch_feed, parse_feed
from sources.fetch import FetchSettings

FEED_URL = "http://127.0.0.1:8000/news/feed.xml"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>http://127.0.0.1:8000/</link>
  <item><title>  First
     story </title><link>http://127.0.0.1:8000/a.html</link>
    <pubDate>Mon, 29 Sep 2025 08:30:00 +0200</pubDate></item>
  <item><title>Second</title><link>b.html</link><pubDate>not a date</pubDate></item>
  <item><title>First again</title><link>/news/../a.html#top</link></item>
  <item><link>  /c.html  </link></item>
  <item><title>Permalink</title><guid>http://127.0.0.1:8000/d.html</guid></item>
  <item><title>Opaque id</title><guid isPermaLink="false">http://127.0.0.1:8000/e.html</guid></item>
  <item><title>Script</title><link>javascript:void(0)</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
  <link rel="self" href="http://127.0.0.1:8000/news/feed.xml"/>
  <entry><title type="html">Entry one</title>
    <link rel="enclosure" href="/audio.mp3"/><link rel="alternate" href="one.html"/>
    <published>2025-09-29T08:30:00Z</published><updated>2025-09-30T00:00:00Z</updated></entry>
  <entry><title>Entry two</title><link href="http://127.0.0.1:8000/two.html"/>
    <updated>2025-10-01T12:00:00+02:00</updated></entry>
  <entry><title>No link</title></entry>
</feed>
"""


def urls(items: list[FeedItem]) -> list[str]:
    return [item.url for item in items]


def test_rss_links_are_resolved_deduplicated_and_in_feed_order() -> None:
    assert urls(parse_feed(RSS, FEED_URL)) == [
        "http://127.0.0.1:8000/a.html",
        "http://127.0.0.1:8000/news/b.html",
        "http://127.0.0.1:8000/c.html",
        "http://127.0.0.1:8000/d.html",
    ]


def test_rss_titles_and_dates_are_kept() -> None:
    first, second, third, _ = parse_feed(RSS, FEED_URL)
    assert first.title == "First story"
    assert first.published == datetime(2025, 9, 29, 6, 30, tzinfo=UTC)
    assert (second.published, third.title) == (None, None)


def test_atom_prefers_the_alternate_link_and_the_published_date() -> None:
    one, two = parse_feed(ATOM, FEED_URL)
    assert one == FeedItem(
        "http://127.0.0.1:8000/news/one.html", "Entry one", datetime(2025, 9, 29, 8, 30, tzinfo=UTC)
    )
    assert two.published == datetime(2025, 10, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))


def test_empty_channel_has_no_items() -> None:
    assert parse_feed('<rss version="2.0"><channel><title>x</title></channel></rss>', FEED_URL) == []


def test_leading_whitespace_and_bom_are_tolerated() -> None:
    assert len(parse_feed("\ufeff\n  " + RSS, FEED_URL)) == 4


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("<rss><channel><item>", "malformed", id="truncated"),
        pytest.param("", "malformed", id="empty"),
        pytest.param("<html><body>not a feed</body></html>", "not an RSS 2.0 or Atom feed", id="html"),
        pytest.param(
            '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>'
            "<link>&x;</link></item></channel></rss>",
            "entities",
            id="external-entity",
        ),
        pytest.param(
            '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><rss>&b;</rss>',
            "entities",
            id="entity-expansion",
        ),
    ],
)
def test_bad_feed_is_a_one_line_terminal_error(text: str, problem: str) -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_feed(text, FEED_URL)
    message = str(caught.value)
    assert (problem in message, FEED_URL in message, "\n" in message) == (True, True, False)
    assert caught.value.retryable is False


def test_loopback_rss_feed_is_fetched_and_parsed(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    # trafilatura.feeds would return nothing here: courlan rejects 127.0.0.1 links.
    items = fetch_feed(http_server.url("/faults/feed.xml"), client=http_client, settings=fetch_settings)
    assert urls(items) == [http_server.url(path) for path in ("/text.txt", "/redirect/1", "/latin1-header")]


def test_loopback_atom_feed_is_fetched_and_parsed(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    items = fetch_feed(http_server.url("/faults/atom.xml"), client=http_client, settings=fetch_settings)
    assert urls(items) == [http_server.url("/wrong-charset"), http_server.url("/text.txt")]


def test_broken_fetched_feed_names_its_url(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    url = http_server.url("/broken-feed.xml")
    with pytest.raises(FeedParseError, match=re.escape(url)):
        fetch_feed(url, client=http_client, settings=fetch_settings)


def test_html_page_is_not_taken_as_a_feed(
    http_server: SiteServer, http_client: httpx.Client, fetch_settings: FetchSettings
) -> None:
    with pytest.raises(UnsupportedContent):
        fetch_feed(http_server.url("/redirect/0"), client=http_client, settings=fetch_settings)
