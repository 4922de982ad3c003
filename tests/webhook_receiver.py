"""A real webhook receiver on 127.0.0.1 (port 0, in a thread) for the delivery tests.

It records every POST (headers, raw body, the status it answered) and answers
each with the next status of a plan (then 200), so a test can make the first
delivery fail with a 500 and check that the alert still arrives exactly once.
A plan entry of ``HOLD`` answers nothing until the receiver stops (a timeout).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from sources.webhook import ALERT_ID_HEADER, SIGNATURE_HEADER, verify

HOLD = 0  # in a plan: keep the request open, unanswered, until the receiver stops


@dataclass(frozen=True)
class Received:
    """One POST: its headers (names lower-case), raw body and the status answered."""

    headers: dict[str, str]
    body: bytes
    status: int

    @property
    def alert_id(self) -> str:
        return self.headers[ALERT_ID_HEADER.lower()]

    def payload(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.body)
        return value

    def signed_with(self, secret: str) -> bool:
        return verify(secret, self.body, self.headers.get(SIGNATURE_HEADER.lower()))


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        status = self.server.next_status()
        self.server.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body, status))
        if status == HOLD:
            self.server.release.wait(30)
            return
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, plan: Iterable[int]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.plan = list(plan)
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.release = threading.Event()

    def next_status(self) -> int:
        with self.lock:
            return self.plan.pop(0) if self.plan else 200


class Receiver:
    """``with Receiver([500]) as hook:`` POSTs to ``hook.url``; the first gets a 500, the rest 200."""

    def __init__(self, plan: Iterable[int] = ()) -> None:
        self._server = _Server(plan)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/hook"

    @property
    def received(self) -> list[Received]:
        return list(self._server.received)

    def answer(self, *statuses: int) -> None:
        """Answer the next POSTs with ``statuses`` (then 200 again)."""
        with self._server.lock:
            self._server.plan.extend(statuses)

    def accepted(self) -> list[str]:
        """Alert ids in the order the receiver answered them 2xx."""
        return [r.alert_id for r in self.received if 200 <= r.status < 300]

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
