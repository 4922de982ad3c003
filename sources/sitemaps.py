"""XML sitemaps, Google News sitemaps and sitemap indexes: page URLs to fetch.

Parsed with the standard library, as :mod:`sources.feeds` is, rather than
with ``trafilatura.sitemaps``: its ``SitemapObject.process`` does work on an
already-fetched string, but it passes every link through courlan's
``extract_domain``, which returns None for an IP host, so a sitemap on
127.0.0.1 yields nothing; it also drops ``lastmod`` and news dates.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

from sources.errors import BodyTooLarge, FeedParseError

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# .xml.gz files are often served as octet-stream; the body is checked for gzip anyway.
SITEMAP_TYPES = frozenset(
    {"application/xml", "text/xml", "application/gzip", "application/x-gzip", "application/octet-stream"}
)
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SitemapEntry:
    """One page of a sitemap, with the newest date it gives (news date, else lastmod)."""

    url: str
    modified: datetime | None


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: pages (a urlset) or child sitemaps (an index)."""

    pages: list[SitemapEntry]
    children: list[str]


def sitemap_text(body: bytes, url: str, *, max_bytes: int) -> str:
    """The XML of a sitemap body, gunzipped (capped) when it is a ``.xml.gz``."""
    if body.startswith(_GZIP_MAGIC):
        inflater = zlib.decompressobj(wbits=31)
        # Inflate one byte past the cap: a gzip bomb stops there, not in memory.
        body = inflater.decompress(body, max_bytes + 1)
        if len(body) > max_bytes:
            raise BodyTooLarge(f"gzipped sitemap inflates past {max_bytes} bytes: {url}", url=url)
    return body.decode("utf-8", errors="replace")


def parse_sitemap(xml_text: str, sitemap_url: str) -> Sitemap:
    """Pages of a ``<urlset>`` or children of a ``<sitemapindex>``, in order, no repeats.

    Relative and non-http(s) locations are resolved or dropped as in feeds;
    anything else raises :class:`FeedParseError`.
    """
    if "<!ENTITY" in xml_text:
        raise FeedParseError(f"sitemap declares XML entities, refused: {sitemap_url}", url=sitemap_url)
    try:
        root = ET.fromstring(xml_text.lstrip("\ufeff \t\r\n"))
    except ET.ParseError as exc:
        raise FeedParseError(f"malformed sitemap XML ({exc}): {sitemap_url}", url=sitemap_url) from exc
    # Some generators omit the namespace; accept both spellings.
    tag = root.tag.removeprefix(SITEMAP)
    if tag == "urlset":
        return Sitemap(_pages(root, sitemap_url), [])
    if tag == "sitemapindex":
        children = [_absolute(loc, sitemap_url) for loc in _locs(root, "sitemap")]
        return Sitemap([], list(dict.fromkeys(url for url in children if url)))
    raise FeedParseError(f"not a sitemap (root <{root.tag}>): {sitemap_url}", url=sitemap_url)


def _pages(root: ET.Element, sitemap_url: str) -> list[SitemapEntry]:
    pages: dict[str, SitemapEntry] = {}
    for entry in _children(root, "url"):
        url = _absolute(_text(_child(entry, "loc")), sitemap_url)
        if url and url not in pages:
            news_date = _text(entry.find(f"{NEWS}news/{NEWS}publication_date"))
            pages[url] = SitemapEntry(url, _date(news_date) or _date(_text(_child(entry, "lastmod"))))
    return list(pages.values())


def _children(root: ET.Element, name: str) -> list[ET.Element]:
    return root.findall(f"{SITEMAP}{name}") + root.findall(name)


def _child(element: ET.Element, name: str) -> ET.Element | None:
    found = element.find(f"{SITEMAP}{name}")
    return found if found is not None else element.find(name)


def _locs(root: ET.Element, name: str) -> list[str | None]:
    return [_text(_child(entry, "loc")) for entry in _children(root, name)]


def _absolute(loc: str | None, base: str) -> str | None:
    if not loc:
        return None
    url = urldefrag(urljoin(base, loc)).url
    return url if urlsplit(url).scheme in ("http", "https") else None


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _date(value: str | None) -> datetime | None:
    """A W3C datetime (``2025-09-29`` or ``2025-09-29T08:30:00+00:00``), UTC if no zone."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
