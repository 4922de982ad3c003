"""Polite fetching for one monitor run: robots.txt, per-host pacing, retries.

One :class:`PoliteClient` lives for one run and is passed around (no module
state): it holds each host's robots.txt rules and a :class:`HostGate` per host
that bounds the requests in flight and spaces them by the larger of the
configured minimum interval and the host's Crawl-delay. Transient failures
(timeouts, 5xx, 429, dropped connections) are retried with exponential
backoff; a Retry-After on 429/503 is honoured for the whole host, and one
longer than ``max_retry_after`` ends the attempts (the item fails for now and
is tried again next run). Terminal failures (4xx, a PDF, ...) are never retried.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from protego import Protego

from sources.errors import (
    BlockedAddress,
    ClientStatusError,
    FetchError,
    NewsfactsError,
    RobotsDisallowed,
    RobotsUnavailable,
    TransientError,
    UnsupportedContent,
)
from sources.fetch import (
    DEFAULT_SETTINGS,
    HTML_OR_TEXT,
    TEXT_TYPES,
    FetchSettings,
    Unchanged,
    Validators,
    fetch,
    fetch_if_changed,
)
from sources.page import Page

Sleep = Callable[[float], None]


def origin_of(url: str) -> str:
    """``scheme://host:port`` of ``url``: the unit robots.txt and pacing apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass
class HostGate:
    """Pacing for one host: at most ``limit`` requests in flight, ``interval`` s apart."""

    limit: int
    interval: float
    _slots: threading.BoundedSemaphore = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _next_start: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.limit)

    @contextmanager
    def slot(self, sleep: Sleep) -> Iterator[None]:
        """Hold one request slot, starting no sooner than the host's pacing allows."""
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self.interval
            if start > now:
                sleep(start - now)
            yield

    def defer(self, seconds: float) -> None:
        """No request to this host for ``seconds`` (a Retry-After)."""
        with self._lock:
            self._next_start = max(self._next_start, time.monotonic() + seconds)


class RobotsRules:
    """One host's robots.txt for this run: parsed rules, or why there are none."""

    def __init__(self, rules: Protego | None, unavailable: NewsfactsError | None = None) -> None:
        self.rules = rules
        self.unavailable = unavailable

    def check(self, url: str, user_agent: str) -> None:
        """Raise unless ``url`` may be fetched by ``user_agent``."""
        if self.unavailable is not None:
            message = f"robots.txt unavailable, not fetching {url}: {self.unavailable.one_line()}"
            raise RobotsUnavailable(message, url=url)
        if self.rules is not None and not self.rules.can_fetch(url, user_agent):
            raise RobotsDisallowed(f"disallowed by robots.txt: {url}", url=url)

    def crawl_delay(self, user_agent: str) -> float:
        """The host's Crawl-delay for us, 0 if none."""
        delay = self.rules.crawl_delay(user_agent) if self.rules is not None else None
        return float(delay or 0.0)

    def sitemaps(self) -> list[str]:
        """``Sitemap:`` lines of the robots.txt."""
        return list(self.rules.sitemaps) if self.rules is not None else []


class PoliteClient:
    """Every HTTP request of one run goes through here."""

    def __init__(
        self,
        client: httpx.Client,
        settings: FetchSettings = DEFAULT_SETTINGS,
        *,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.client = client
        self.settings = settings
        self.sleep = sleep
        self._lock = threading.Lock()
        self._robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._gates: dict[str, HostGate] = {}

    def get(
        self,
        url: str,
        *,
        settings: FetchSettings | None = None,
        accept: frozenset[str] = HTML_OR_TEXT,
        validators: Validators | None = None,
    ) -> Page | Unchanged:
        """GET ``url`` if robots.txt allows it, paced, retried when transient.

        With ``validators`` the request is conditional and may return
        :class:`Unchanged`; without, it always returns a page or raises.
        """
        settings = settings or self.settings
        robots = self.robots(url, settings)
        robots.check(url, settings.user_agent)
        gate = self._gate(url, settings, robots)
        for attempt in range(settings.retries + 1):
            try:
                with gate.slot(self.sleep):
                    return fetch_if_changed(
                        url,
                        validators,
                        client=self.client,
                        settings=settings,
                        accept=accept,
                        check_hop=lambda target: self._allowed(target, settings),
                    )
            except TransientError as exc:
                delay = self._retry_delay(exc, attempt, settings)
                if delay is None:
                    raise
                if getattr(exc, "retry_after", None) is not None:
                    gate.defer(delay)  # the server asked the whole host to wait
                else:
                    self.sleep(delay)  # backoff for this item only, slot released
        raise AssertionError("unreachable: the last attempt raises")  # pragma: no cover

    def fetch(
        self, url: str, *, settings: FetchSettings | None = None, accept: frozenset[str] = HTML_OR_TEXT
    ) -> Page:
        """An unconditional :meth:`get`: always a page, or an error."""
        result = self.get(url, settings=settings, accept=accept)
        if isinstance(result, Unchanged):  # cannot happen: no validators were sent
            raise ClientStatusError(f"HTTP 304 Not Modified for {url}", url=url, status=304)
        return result

    def _allowed(self, url: str, settings: FetchSettings) -> None:
        """Raise unless robots.txt of ``url``'s host lets us fetch it (redirect targets too)."""
        self.robots(url, settings).check(url, settings.user_agent)

    def robots(self, url: str, settings: FetchSettings | None = None) -> RobotsRules:
        """The robots.txt rules of ``url``'s host, fetched once per run."""
        origin = origin_of(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per host even when many items start at once
            if origin not in self._robots:
                self._robots[origin] = self._fetch_robots(origin, settings or self.settings)
            return self._robots[origin]

    def _fetch_robots(self, origin: str, settings: FetchSettings) -> RobotsRules:
        gate = self._gate(origin, settings, None)
        try:
            with gate.slot(self.sleep):
                page = fetch(f"{origin}/robots.txt", client=self.client, settings=settings, accept=TEXT_TYPES)
        except (ClientStatusError, UnsupportedContent):
            return RobotsRules(None)  # no robots.txt (RFC 9309: 4xx means no rules)
        except BlockedAddress:
            # The host itself is refused; the request that follows fails with this
            # same refusal, before connecting, and names the page rather than robots.txt.
            return RobotsRules(None)
        except FetchError as exc:
            # RFC 9309: an unreachable robots.txt means "assume complete disallow".
            return RobotsRules(None, unavailable=exc)
        return RobotsRules(Protego.parse(page.text))

    def _gate(self, url: str, settings: FetchSettings, robots: RobotsRules | None) -> HostGate:
        origin = origin_of(url)
        with self._lock:
            gate = self._gates.get(origin)
            if gate is None:
                gate = HostGate(settings.per_host_concurrency, settings.min_interval)
                self._gates[origin] = gate
        if robots is not None:
            # A hostile Crawl-delay must not stall the run: capped like Retry-After.
            delay = min(robots.crawl_delay(settings.user_agent), settings.max_retry_after)
            gate.interval = max(gate.interval, delay)
        return gate

    def _retry_delay(self, exc: TransientError, attempt: int, settings: FetchSettings) -> float | None:
        """Seconds before the next attempt, or None when this failure is final."""
        if attempt >= settings.retries:
            return None
        delay = float(settings.backoff * (2**attempt))
        retry_after: float | None = getattr(exc, "retry_after", None)
        if retry_after is not None:
            if retry_after > settings.max_retry_after:
                return None
            delay = max(delay, retry_after)
        return delay
