"""A fault-injecting news site on loopback: a feed of N items, a third misbehaving.

Item ``i`` lives at ``/a/i.html``; when ``i % 3 == 0`` it misbehaves in the
way ``FAULTS[(i // 3) % len(FAULTS)]`` names. The robots-disallowed items live
under ``/private/`` instead, which robots.txt disallows, so the server's log
proves whether they were ever requested. Listings (feed, sitemap index,
sitemap) carry ETags and answer 304 to a matching If-None-Match.

Pages are tiny generated HTML so that extraction stays cheap.
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from flows.site_server import Route, SiteRequestHandler, SiteServer

Fault = Literal[
    "500-once", "429-once", "slow", "truncated", "bad-utf8", "redirect-loop", "redirect-private",
    "huge", "gzip-bomb", "pdf", "404", "robots",
]  # fmt: skip
FAULTS: tuple[Fault, ...] = (
    "500-once", "429-once", "slow", "truncated", "bad-utf8", "redirect-loop", "redirect-private",
    "huge", "gzip-bomb", "pdf", "404", "robots",
)  # fmt: skip
# Faults after which the item is stored anyway: transient once, or decodable.
RECOVERS: frozenset[Fault] = frozenset({"500-once", "429-once", "bad-utf8"})

RETRY_AFTER_SECONDS = 1
# How long a /slow response is held before it is sent (or until ``release``):
# well past the read timeout below, so it always times out.
SLOW_HOLD = 15.0
HUGE_BYTES = 50 * 1024 * 1024
LISTING_ETAG = '"listing-v1"'
# The monitor's settings for the fault site: short timeouts, so a slow or cut
# item fails in a few seconds, and two polite retries for the transient ones.
# They are not shorter: on a 2-core machine at load 12-16 a healthy page's
# response once took over 0.5 s three times in a row, and four healthy items
# failed as timeouts (a /slow response is held far longer, SLOW_HOLD).
MONITOR_SETTINGS = """
[settings]
user_agent = "newsfacts-test/1.0 (+https://example.org/contact)"
connect_timeout = 3.0
read_timeout = 2.0
total_timeout = 6.0
max_bytes = 262144
min_interval = 0.0
per_host_concurrency = 4
retries = 2
backoff = 0.05
max_retry_after = 5.0
"""


def monitor_config(folder: Path, server: SiteServer) -> Path:
    """A sources file in ``folder`` listing the fault site's feed and sitemap index."""
    config = folder / "faults.toml"
    config.write_text(
        MONITOR_SETTINGS
        + f'\n[[feeds]]\nurl = "{server.url("/feed.xml")}"\n'
        + f'\n[[sitemaps]]\nurl = "{server.url("/sitemap-index.xml")}"\n'
    )
    return config


def fault_of(index: int) -> Fault | None:
    """The fault item ``index`` injects, None for a healthy item."""
    return FAULTS[(index // 3) % len(FAULTS)] if index % 3 == 0 else None


def item_path(index: int) -> str:
    """Where item ``index`` lives (robots-disallowed items under /private/)."""
    return f"/private/{index}.html" if fault_of(index) == "robots" else f"/a/{index}.html"


def article_html(index: int, extra: str = "") -> bytes:
    """A small news page with a unique, extractable paragraph."""
    text = (
        f"Story number {index} reports that the K visa office opened a new desk on Monday. "
        f"Officials said the desk number {index} will answer questions from applicants.{extra}"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Story {index}</title></head>"
        f"<body><article><h1>Story {index}</h1><p>{text}</p></article></body></html>"
    ).encode()


class FaultSite:
    """Routes of the fault site; ``release`` ends held /slow responses early."""

    def __init__(self, items: int = 200, *, slow_hold: float = SLOW_HOLD, with_faults: bool = True) -> None:
        self.items = items
        self.slow_hold = slow_hold
        self.with_faults = with_faults
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        self._bomb: bytes | None = None

    def fault(self, index: int) -> Fault | None:
        """The fault of item ``index`` on this site (none when faults are off)."""
        return fault_of(index) if self.with_faults else None

    def paths(self) -> list[str]:
        """Item paths in feed order."""
        return [item_path(i) if self.with_faults else f"/a/{i}.html" for i in range(self.items)]

    def server(self) -> SiteServer:
        """A SiteServer (not started) over an empty root, with these routes."""
        from tests.conftest import SITE_ROOT

        routes: dict[str, Route] = {
            "/robots.txt": lambda h: h.send_body(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/feed.xml": self._listing(self._feed, "application/rss+xml"),
            "/sitemap-index.xml": self._listing(self._index, "application/xml"),
            "/sitemap-news.xml": self._listing(self._sitemap, "application/xml"),
            "/a/*": self._item,
            "/private/*": self._item,
        }
        return SiteServer(SITE_ROOT, routes=routes)

    # --- listings -----------------------------------------------------------

    def _listing(self, build: Callable[[str], str], content_type: str) -> Route:
        def route(handler: SiteRequestHandler) -> None:
            send_listing(handler, LISTING_ETAG, lambda: build(handler.origin), content_type)

        return route

    def _feed(self, origin: str) -> str:
        entries = "".join(
            f"<item><title>Story {i}</title><link>{origin}{path}</link></item>"
            for i, path in enumerate(self.paths())
        )
        channel = f"<channel><title>Faults</title>{entries}</channel>"
        return f"<?xml version='1.0'?><rss version='2.0'>{channel}</rss>"

    def _index(self, origin: str) -> str:
        return (
            "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{origin}/sitemap-news.xml</loc></sitemap></sitemapindex>"
        )

    def _sitemap(self, origin: str) -> str:
        # The first 20 items again, with a tracking parameter on some: listed twice, stored once.
        urls = "".join(
            f"<url><loc>{origin}{path}{'?utm_source=sitemap' if i % 2 else ''}</loc>"
            "<news:news><news:publication_date>2025-09-29</news:publication_date></news:news></url>"
            for i, path in enumerate(self.paths()[:20])
        )
        return (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>"
        )

    # --- items --------------------------------------------------------------

    def _item(self, handler: SiteRequestHandler) -> None:
        name = handler.route_path.rsplit("/", 1)[-1].removesuffix(".html")
        index = int(name) if name.isdigit() else -1
        with self._lock:
            self._hits[handler.route_path] += 1
            first = self._hits[handler.route_path] == 1
        fault = self.fault(index) if 0 <= index < self.items else "404"
        if fault is None or (fault in ("500-once", "429-once") and not first):
            etag = {"ETag": f'"a{index}"'}
            handler.send_body(article_html(index), "text/html; charset=utf-8", headers=etag)
            return
        _FAULT_ROUTES[fault](self, handler)

    def _slow(self, handler: SiteRequestHandler) -> None:
        self.release.wait(self.slow_hold)
        handler.send_body(article_html(0), "text/html; charset=utf-8")

    def gzip_bomb(self) -> bytes:
        """64 MB of spaces in about 64 KB of gzip, built once per site."""
        with self._lock:
            if self._bomb is None:
                self._bomb = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)
            return self._bomb


def _truncated(site: FaultSite, handler: SiteRequestHandler) -> None:
    body = article_html(0)
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body) * 4))
    handler.end_headers()
    handler.wfile.write(body)
    handler.close_connection = True  # the promised rest never comes


def _huge(site: FaultSite, handler: SiteRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
    for _ in range(HUGE_BYTES // len(chunk)):
        handler.wfile.write(chunk)  # the client hanging up at its cap ends this


def _bad_utf8(site: FaultSite, handler: SiteRequestHandler) -> None:
    index = int(handler.route_path.rsplit("/", 1)[-1].removesuffix(".html"))
    body = article_html(index).replace(b"</p>", b" Caf\xe9 \xff\xfe.</p>")
    handler.send_body(body, "text/html; charset=utf-8")


_FAULT_ROUTES: dict[Fault, Callable[[FaultSite, SiteRequestHandler], None]] = {
    "500-once": lambda s, h: h.send_body(b"oops", "text/plain", status=500),
    "429-once": lambda s, h: h.send_body(
        b"slow down", "text/plain", status=429, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    ),
    "slow": FaultSite._slow,
    "truncated": _truncated,
    "bad-utf8": _bad_utf8,
    "redirect-loop": lambda s, h: h.send_body(
        b"", "text/plain", status=302, headers={"Location": h.route_path}
    ),
    "redirect-private": lambda s, h: h.send_body(
        b"", "text/plain", status=302, headers={"Location": "http://10.0.0.1/a.html"}
    ),
    "huge": _huge,
    "gzip-bomb": lambda s, h: h.send_body(
        s.gzip_bomb(), "text/html; charset=utf-8", headers={"Content-Encoding": "gzip"}
    ),
    "pdf": lambda s, h: h.send_body(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
    "404": lambda s, h: h.send_body(b"no such page", "text/plain", status=404),
    "robots": lambda s, h: h.send_body(article_html(0), "text/html; charset=utf-8"),
}


def send_listing(handler: SiteRequestHandler, etag: str, build: Callable[[], str], content_type: str) -> None:
    """A listing with an ETag: 304 to a request that already holds it, else the body."""
    if handler.headers.get("If-None-Match") == etag:
        handler.send_response(304)
        handler.send_header("ETag", etag)
        handler.end_headers()
        return
    handler.send_body(build().encode(), f"{content_type}; charset=utf-8", headers={"ETag": etag})
