"""A small static web site on 127.0.0.1 for tests and ``newsfacts demo``.

Fixture files link to the placeholder origin ``http://newsfacts.fixture``;
the server rewrites it to its real origin (``http://127.0.0.1:PORT``) in the
text files it serves, so feeds and pages point back at this server. Tests can
add ``routes``: GET handlers consulted before the static files, by exact path or
by a ``/prefix/*`` pattern.
"""

from __future__ import annotations

import hashlib
import mimetypes
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

PLACEHOLDER_ORIGIN = "http://newsfacts.fixture"

# Suffixes whose bodies get the placeholder origin rewritten; fixtures are UTF-8.
_TEXT_TYPES: Mapping[str, str] = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain",
}

Route = Callable[["SiteRequestHandler"], None]


@dataclass(frozen=True)
class LoggedRequest:
    """One GET the server received: the raw path and the headers (names lower-case)."""

    path: str
    headers: dict[str, str]


class SiteRequestHandler(BaseHTTPRequestHandler):
    """Serves routes, then files under the site root. Logs nothing."""

    server: _SiteHTTPServer

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` of this server."""
        return self.server.origin

    @property
    def route_path(self) -> str:
        """The request path without query or fragment, percent-decoded."""
        return unquote(urlsplit(self.path).path)

    def do_GET(self) -> None:
        # Every request is logged first, so tests can prove what was never asked for.
        self.server.log.append(LoggedRequest(self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.find_route(self.route_path)
        if route is not None:
            route(self)
        else:
            self._serve_file()

    def do_HEAD(self) -> None:
        self._serve_file(head=True)

    def send_body(
        self,
        body: bytes,
        content_type: str,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        head: bool = False,
    ) -> None:
        """Send a complete response with Content-Length and Content-Type."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_error_page(self, status: HTTPStatus, *, head: bool = False) -> None:
        """A short plain-text error response (no HTML: tests assert on bodies)."""
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_body(body, "text/plain; charset=utf-8", status=status.value, head=head)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request lines BaseHTTPRequestHandler writes to stderr."""

    def _serve_file(self, *, head: bool = False) -> None:
        path = self.server.resolve(self.route_path)
        if path is None:
            self.send_error_page(HTTPStatus.FORBIDDEN, head=head)
            return
        if path.is_dir():
            if not self.route_path.endswith("/"):
                # As real servers do, so relative links inside index.html resolve.
                self.send_body(b"", "text/plain", status=301, headers={"Location": self.route_path + "/"})
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error_page(HTTPStatus.NOT_FOUND, head=head)
            return
        body, content_type = self._file_body(path)
        # A strong ETag from the served bytes, so monitors can send conditional GETs.
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_body(body, content_type, head=head, headers={"ETag": etag})

    def _file_body(self, path: Path) -> tuple[bytes, str]:
        body = path.read_bytes()
        text_type = _TEXT_TYPES.get(path.suffix.lower())
        if text_type is not None:
            body = body.replace(PLACEHOLDER_ORIGIN.encode(), self.origin.encode())
            return body, f"{text_type}; charset=utf-8"
        guessed, _ = mimetypes.guess_type(path.name)
        return body, guessed or "application/octet-stream"


class _SiteHTTPServer(ThreadingHTTPServer):
    """The HTTP server holding the site root, routes and origin for handlers."""

    daemon_threads = True
    # socketserver's default backlog is 5: more clients connecting at once than
    # that (the bench fetches with 8 threads, a new connection per request) have
    # their SYN dropped and retried by the kernel a whole second later.
    request_queue_size = 128

    def __init__(self, root: Path, routes: Mapping[str, Route]) -> None:
        super().__init__(("127.0.0.1", 0), SiteRequestHandler)
        self.root = root.resolve()
        self.routes = routes
        self.log: list[LoggedRequest] = []  # list.append is atomic: handler threads share it
        host, port = self.server_address[:2]
        self.origin = f"http://{host!s}:{port}"

    def find_route(self, path: str) -> Route | None:
        """The exact route for ``path``, else the longest matching ``/prefix/*``."""
        if path in self.routes:
            return self.routes[path]
        prefixes = [key for key in self.routes if key.endswith("/*") and path.startswith(key[:-1])]
        return self.routes[max(prefixes, key=len)] if prefixes else None

    def resolve(self, url_path: str) -> Path | None:
        """The file for a URL path, or None if it would leave the root."""
        try:
            candidate = (self.root / url_path.lstrip("/")).resolve()
        except (OSError, RuntimeError, ValueError):  # a NUL byte, a symlink loop
            return None
        return candidate if candidate.is_relative_to(self.root) else None

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """Stay quiet when a client hangs up early (tests abort big bodies on purpose)."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve ``root`` on 127.0.0.1 at a free port, in a daemon thread."""

    def __init__(self, root: str | Path, *, routes: Mapping[str, Route] | None = None) -> None:
        self.root = Path(root)
        self.routes: dict[str, Route] = dict(routes or {})
        self._httpd: _SiteHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``, without a trailing slash."""
        if self._httpd is None:
            raise RuntimeError("SiteServer is not started")
        return self._httpd.origin

    @property
    def requests(self) -> list[LoggedRequest]:
        """The GET requests received so far, in arrival order."""
        return list(self._httpd.log) if self._httpd is not None else []

    def url(self, path: str = "/") -> str:
        """Absolute URL of ``path`` on this server (a leading slash is optional)."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def start(self) -> SiteServer:
        """Bind a free port and start serving; returns self."""
        if self._httpd is not None:
            return self
        if not self.root.is_dir():
            raise NotADirectoryError(f"site root is not a directory: {self.root}")
        self._httpd = _SiteHTTPServer(self.root, self.routes)
        # A short poll interval makes stop() return quickly.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice."""
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()
        self._httpd = None
        self._thread = None

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
