"""sources.webhook against a real receiver on 127.0.0.1: signed POSTs, retries of 5xx only."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from sources.alert_config import Delivery
from sources.netguard import AddressPolicy
from sources.webhook import body_of, send_alert, sign, verify
from tests.webhook_receiver import HOLD, Receiver

SECRET = "test-secret"
PAYLOAD = {"alert_id": "a1", "title": "H-1B fee changed / conflict", "sources": [{"url": "https://x.example/"}]}
LOOPBACK = AddressPolicy.parse("127.0.0.1")


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as http:
        yield http


def delivery(url: str, retries: int = 2) -> Delivery:
    return Delivery(url, SECRET, retries=retries, backoff=0.01, timeout=2.0)


def test_first_500_is_retried_and_the_alert_arrives_once(client: httpx.Client) -> None:
    waits: list[float] = []
    with Receiver([500]) as hook:
        result = send_alert(client, delivery(hook.url), "a1", PAYLOAD, sleep=waits.append, policy=LOOPBACK)
    assert (result.delivered, result.attempts, result.error) == (True, 2, None)
    assert [r.status for r in hook.received] == [500, 200]
    assert hook.accepted() == ["a1"]
    assert all(r.signed_with(SECRET) and r.payload() == PAYLOAD for r in hook.received)
    assert waits == [0.01]


def test_4xx_is_not_retried(client: httpx.Client) -> None:
    with Receiver([410]) as hook:
        result = send_alert(client, delivery(hook.url), "a1", PAYLOAD, sleep=lambda _: None, policy=LOOPBACK)
    assert (result.delivered, result.attempts) == (False, 1)
    assert result.error is not None and "HTTP 410" in result.error and hook.url in result.error


def test_every_attempt_failing_gives_up_after_the_retries(client: httpx.Client) -> None:
    waits: list[float] = []
    with Receiver([503, 503, 503]) as hook:
        result = send_alert(client, delivery(hook.url), "a1", PAYLOAD, sleep=waits.append, policy=LOOPBACK)
    assert (result.delivered, result.attempts) == (False, 3)
    assert waits == [0.01, 0.02]  # backoff doubles
    assert hook.accepted() == []


def test_a_receiver_that_does_not_answer_times_out_and_is_retried(client: httpx.Client) -> None:
    with Receiver([HOLD]) as hook:
        impatient = Delivery(hook.url, SECRET, retries=1, backoff=0.0, timeout=0.3)
        result = send_alert(client, impatient, "a1", PAYLOAD, sleep=lambda _: None, policy=LOOPBACK)
    assert (result.delivered, result.attempts) == (True, 2)
    assert [r.status for r in hook.received] == [HOLD, 200]


def test_unreachable_receiver_is_transient(client: httpx.Client) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = send_alert(
        client, delivery(f"http://127.0.0.1:{port}/hook", retries=1), "a1", PAYLOAD,
        sleep=lambda _: None, policy=LOOPBACK,
    )  # fmt: skip
    assert (result.delivered, result.attempts) == (False, 2)
    assert result.error is not None and "ConnectError" in result.error


def test_loopback_is_refused_without_the_allow_list(client: httpx.Client) -> None:
    with Receiver() as hook:
        refuse = AddressPolicy()
        result = send_alert(client, delivery(hook.url), "a1", PAYLOAD, sleep=lambda _: None, policy=refuse)
    assert (result.delivered, result.attempts) == (False, 1)
    assert result.error is not None and "NEWSFACTS_ALLOW_PRIVATE" in result.error
    assert hook.received == []


def test_signature_is_hmac_sha256_of_the_exact_body() -> None:
    body = body_of(PAYLOAD)
    assert body.startswith(b'{"alert_id":"a1","sources":')  # compact, keys sorted
    assert sign(SECRET, body).startswith("sha256=") and len(sign(SECRET, body)) == 7 + 64
    assert verify(SECRET, body, sign(SECRET, body))
    assert not verify("other", body, sign(SECRET, body))
    assert not verify(SECRET, body + b" ", sign(SECRET, body))
    assert not verify(SECRET, body, None)
