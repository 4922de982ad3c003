"""Discovery: from the source list to the page URLs a run should ingest.

Feeds (RSS, Atom), sitemaps (news sitemaps and indexes, followed to a bounded
depth), sites (feeds named by ``<link rel="alternate">`` on the home page,
found with ``trafilatura.feeds.determine_feed`` on the fetched HTML, plus the
``Sitemap:`` lines of robots.txt) and single pages. Every listing is fetched
conditionally; a 304 lists nothing new. What was fetched in full is returned
as :class:`Fetched` records for the caller to save (``store.seen.save_sources``)
once the run has dealt with the items (see ``store/sql/0003_monitoring.sql``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from trafilatura.feeds import FeedParameters, determine_feed

from sources.config import Source, SourceList
from sources.errors import NewsfactsError
from sources.feeds import parse_feed
from sources.fetch import FEED_TYPES, HTML_OR_TEXT, HTML_TYPES, FetchSettings, Unchanged, Validators
from sources.page import Page
from sources.polite import PoliteClient, origin_of
from sources.sitemaps import SITEMAP_TYPES, parse_sitemap, sitemap_text

ListingKind = Literal["feed", "sitemap", "site", "page"]
Lookup = Callable[[str], Validators | None]
ViaLookup = Callable[[str], list[tuple[str, ListingKind]]]

# A sitemap index may list indexes; real sites nest two levels at most. The
# cap on sitemaps per source stops a hostile index from listing thousands.
MAX_SITEMAP_DEPTH = 3
MAX_SITEMAPS_PER_SOURCE = 50


@dataclass(frozen=True)
class Fetched:
    """A listing fetched in full: its validators are saved at the end of the run."""

    url: str
    kind: ListingKind
    validators: Validators
    via: str | None = None


@dataclass
class Listing:
    """What discovery found: item URLs in order, watched pages already fetched, failures."""

    items: list[str] = field(default_factory=list)
    pages: dict[str, Page] = field(default_factory=dict)
    fetched: list[Fetched] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[tuple[str, NewsfactsError]] = field(default_factory=list)
    # Items are fetched with the settings of the source that listed them first.
    settings: dict[str, FetchSettings] = field(default_factory=dict)

    def add_items(self, urls: list[str], settings: FetchSettings) -> None:
        """Append item URLs not listed yet."""
        for url in urls:
            if url not in self.settings:
                self.settings[url] = settings
                self.items.append(url)


class Discoverer:
    """One run's discovery over a :class:`PoliteClient`.

    ``lookup`` gives the stored validators of a URL; ``via`` the feeds and
    sitemaps a site listed last time (used when its home page is a 304).
    """

    def __init__(self, http: PoliteClient, lookup: Lookup, via: ViaLookup) -> None:
        self.http = http
        self.lookup = lookup
        self.via = via

    def run(self, sources: SourceList) -> Listing:
        """Every source, in list order: sites, feeds, sitemaps, then pages."""
        listing = Listing()
        for site in sources.sites:
            self._guarded(listing, site.url, self._site, listing, site, sources.settings_for(site))
        for feed in sources.feeds:
            self._guarded(listing, feed.url, self._feed, listing, feed.url, sources.settings_for(feed))
        for sitemap in sources.sitemaps:
            settings = sources.settings_for(sitemap)
            self._guarded(listing, sitemap.url, self._sitemap, listing, sitemap.url, settings)
        for page in sources.pages:
            self._guarded(listing, page.url, self._page, listing, page, sources.settings_for(page))
        return listing

    def _guarded(self, listing: Listing, url: str, work: Callable[..., None], *args: object) -> None:
        # One broken source must not hide the others.
        try:
            work(*args)
        except NewsfactsError as exc:
            listing.failures.append((url, exc))

    def _get(
        self, listing: Listing, url: str, kind: ListingKind, settings: FetchSettings, accept: frozenset[str]
    ) -> Page | None:
        result = self.http.get(url, settings=settings, accept=accept, validators=self.lookup(url))
        if isinstance(result, Unchanged):
            listing.unchanged.append(url)
            return None
        return result

    def _feed(self, listing: Listing, url: str, settings: FetchSettings, via: str | None = None) -> None:
        page = self._get(listing, url, "feed", settings, FEED_TYPES)
        if page is not None:
            listing.add_items([item.url for item in parse_feed(page.text, page.final_url)], settings)
            listing.fetched.append(Fetched(url, "feed", Validators.of(page), via))

    def _sitemap(self, listing: Listing, url: str, settings: FetchSettings, via: str | None = None) -> None:
        queue, seen = [(url, 0)], {url}
        while queue and len(seen) <= MAX_SITEMAPS_PER_SOURCE:
            current, depth = queue.pop(0)
            page = self._get(listing, current, "sitemap", settings, SITEMAP_TYPES | FEED_TYPES)
            if page is None:
                continue
            parsed = parse_sitemap(sitemap_text(page.body, current, max_bytes=settings.max_bytes), current)
            listing.add_items([entry.url for entry in parsed.pages], settings)
            listing.fetched.append(Fetched(current, "sitemap", Validators.of(page), via))
            if depth < MAX_SITEMAP_DEPTH:
                children = [child for child in parsed.children if child not in seen]
                seen.update(children)
                queue.extend((child, depth + 1) for child in children)

    def _site(self, listing: Listing, site: Source, settings: FetchSettings) -> None:
        home = self._get(listing, site.url, "site", settings, HTML_TYPES)
        if home is None:
            found = self.via(site.url)
        else:
            found = [(feed, "feed") for feed in autodiscover_feeds(home)]
            found += [(sitemap, "sitemap") for sitemap in self.http.robots(site.url, settings).sitemaps()]
            listing.fetched.append(Fetched(site.url, "site", Validators.of(home)))
        for url, kind in found:
            work = self._sitemap if kind == "sitemap" else self._feed
            self._guarded(listing, url, work, listing, url, settings, site.url)

    def _page(self, listing: Listing, page: Source, settings: FetchSettings) -> None:
        fetched = self._get(listing, page.url, "page", settings, HTML_OR_TEXT)
        if fetched is not None:
            listing.pages[page.url] = fetched
            listing.add_items([page.url], settings)
            listing.fetched.append(Fetched(page.url, "page", Validators.of(fetched)))


def autodiscover_feeds(home: Page) -> list[str]:
    """Feed URLs a home page names (``<link rel="alternate" type="application/rss+xml">``).

    ``determine_feed`` parses the already-fetched HTML, with no network; it
    falls back to ``<a>`` links that look like feeds when no ``<link>`` does.
    """
    parts = urlsplit(home.final_url)
    base = origin_of(home.final_url)
    params = FeedParameters(base, parts.hostname or "", home.final_url)
    return list(dict.fromkeys(str(url) for url in determine_feed(home.text, params)))
