"""RSS 2.0 and Atom feeds: the item links a monitor run should fetch.

Parsed with the standard library rather than ``trafilatura.feeds``: its
``extract_links`` works on a string without network access, but it drops
links whose host courlan rejects (127.0.0.1, localhost, so every loopback
test feed comes back empty), sorts the links instead of keeping feed order,
and keeps neither titles nor dates.
"""

from __future__ import annotations

import email.utils
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from sources.errors import FeedParseError
from sources.fetch import DEFAULT_SETTINGS, FEED_TYPES, FetchSettings, fetch

ATOM = "{http://www.w3.org/2005/Atom}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
# Link relations in Atom that point at the entry's page (no rel means alternate).
_PAGE_RELS = ("alternate", "")


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the absolute page URL, its title and date if given."""

    url: str
    title: str | None
    published: datetime | None


def fetch_feed(
    url: str,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings = DEFAULT_SETTINGS,
) -> list[FeedItem]:
    """Fetch a feed (feed media types only) and parse it against its final URL."""
    page = fetch(url, client=client, settings=settings, accept=FEED_TYPES)
    return parse_feed(page.text, page.final_url)


def parse_feed(xml_text: str, feed_url: str) -> list[FeedItem]:
    """Items of an RSS 2.0 or Atom document, in feed order, one per URL.

    Relative links are resolved against ``feed_url``; links that are not
    http(s) are dropped. Malformed XML, a document that is neither RSS nor
    Atom, or one declaring XML entities raises :class:`FeedParseError`.
    """
    root = _parse_xml(xml_text, feed_url)
    if root.tag == "rss":
        raw = [_rss_item(item) for item in root.iterfind("channel/item")]
    elif root.tag == f"{ATOM}feed":
        raw = [_atom_entry(entry) for entry in root.iterfind(f"{ATOM}entry")]
    else:
        raise FeedParseError(f"not an RSS 2.0 or Atom feed (root <{root.tag}>): {feed_url}", url=feed_url)
    return _resolved(raw, feed_url)


def _parse_xml(xml_text: str, feed_url: str) -> ET.Element:
    # Entity declarations are refused outright (as defusedxml does): ElementTree
    # never fetches external entities, but internal ones can still expand.
    if "<!ENTITY" in xml_text:
        raise FeedParseError(f"feed declares XML entities, refused: {feed_url}", url=feed_url)
    try:
        # Leading whitespace or a stray BOM before <?xml is a fatal error to expat.
        return ET.fromstring(xml_text.lstrip("\ufeff \t\r\n"))
    except ET.ParseError as exc:
        raise FeedParseError(f"malformed feed XML ({exc}): {feed_url}", url=feed_url) from exc


def _rss_item(item: ET.Element) -> tuple[str | None, str | None, datetime | None]:
    link = _text(item.find("link"))
    guid = item.find("guid")
    if link is None and guid is not None and guid.get("isPermaLink", "true").lower() != "false":
        link = _text(guid)
    published = _rfc822(_text(item.find("pubDate"))) or _iso(_text(item.find(_DC_DATE)))
    return link, _text(item.find("title")), published


def _atom_entry(entry: ET.Element) -> tuple[str | None, str | None, datetime | None]:
    links = entry.findall(f"{ATOM}link")
    page_links = [link for link in links if link.get("rel", "") in _PAGE_RELS]
    candidates = page_links or links
    href = candidates[0].get("href") if candidates else None
    published = _iso(_text(entry.find(f"{ATOM}published"))) or _iso(_text(entry.find(f"{ATOM}updated")))
    return href, _text(entry.find(f"{ATOM}title")), published


def _resolved(raw: list[tuple[str | None, str | None, datetime | None]], feed_url: str) -> list[FeedItem]:
    """Absolute http(s) URLs, first occurrence wins, fragments dropped."""
    items: dict[str, FeedItem] = {}
    for link, title, published in raw:
        if not link or not link.strip():
            continue
        url = urldefrag(urljoin(feed_url, link.strip())).url
        if urlsplit(url).scheme in ("http", "https") and url not in items:
            items[url] = FeedItem(url=url, title=title, published=published)
    return list(items.values())


def _text(element: ET.Element | None) -> str | None:
    """Stripped text content, None when absent or blank."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _rfc822(value: str | None) -> datetime | None:
    """An RSS pubDate; a date without a zone is taken as UTC."""
    if value is None:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _iso(value: str | None) -> datetime | None:
    """An Atom (RFC 3339) or Dublin Core date; a date without a zone is taken as UTC."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
