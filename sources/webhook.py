"""POSTing one alert to the configured webhook, signed, with retries of transient failures.

The body is the alert as compact JSON (keys sorted). The header
``X-Newsfacts-Signature: sha256=<hex>`` is the HMAC-SHA256 of the exact body
bytes under the configured secret; a receiver recomputes it over the raw body
and compares in constant time (:func:`verify`). ``X-Newsfacts-Alert-Id``
carries the alert id, so a receiver can drop a copy it has already acted on.

The webhook host passes the same address guard as every fetch
(:mod:`sources.netguard`): a private or loopback receiver needs
``NEWSFACTS_ALLOW_PRIVATE``. Redirects are not followed: a POST is not
replayed to wherever a 3xx points.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from sources.alert_config import Delivery
from sources.errors import DeliveryError, DeliveryRefused, DeliveryTransient, NewsfactsError
from sources.fetch import DEFAULT_USER_AGENT, validate_url
from sources.netguard import AddressPolicy, check_host

SIGNATURE_HEADER = "X-Newsfacts-Signature"
ALERT_ID_HEADER = "X-Newsfacts-Alert-Id"
# Longest wait between two attempts, whatever the backoff or Retry-After says:
# a run should not stall on one receiver.
MAX_DELAY = 60.0

Sleep = Callable[[float], None]


@dataclass(frozen=True)
class DeliveryResult:
    """What sending one alert came to: POSTs made, delivered or not, the last error
    (``retryable``: it was transient, the receiver may be down)."""

    alert_id: str
    attempts: int
    delivered: bool
    error: str | None = None
    retryable: bool = False


def body_of(payload: Mapping[str, Any]) -> bytes:
    """The exact bytes POSTed (and signed): compact JSON, keys sorted, UTF-8."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str | None) -> bool:
    """Whether ``signature`` is the one :func:`sign` gives ``body`` (constant-time compare)."""
    return signature is not None and hmac.compare_digest(sign(secret, body), signature)


def send_alert(
    client: httpx.Client,
    delivery: Delivery,
    alert_id: str,
    payload: Mapping[str, Any],
    *,
    sleep: Sleep = time.sleep,
    policy: AddressPolicy | None = None,
) -> DeliveryResult:
    """POST one alert; transient failures are retried ``delivery.retries`` times with backoff.

    Never raises a :class:`DeliveryError`: the result says what happened, so
    the caller records it and tries the other alerts.
    """
    body = body_of(payload)
    guard = policy or AddressPolicy.from_env()
    attempt, error = 0, None
    while attempt <= delivery.retries:
        attempt += 1
        try:
            _post(client, delivery, alert_id, body, guard)
            return DeliveryResult(alert_id, attempt, delivered=True)
        except DeliveryError as exc:
            error = exc
        except NewsfactsError as exc:  # the address guard: refused or unresolvable
            error = DeliveryRefused(f"webhook {delivery.webhook_url}: {exc.one_line()}", url=exc.url)
        if not error.retryable or attempt > delivery.retries:
            break
        sleep(_delay(delivery.backoff, attempt, error))
    message = error.one_line() if error else None
    return DeliveryResult(alert_id, attempt, False, message, retryable=bool(error and error.retryable))


def _post(
    client: httpx.Client, delivery: Delivery, alert_id: str, body: bytes, policy: AddressPolicy
) -> None:
    target = delivery.webhook_url
    url = validate_url(target)
    check_host(url.host, url.port or (443 if url.scheme == "https" else 80), target, policy=policy)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": DEFAULT_USER_AGENT,
        SIGNATURE_HEADER: sign(delivery.secret, body),
        ALERT_ID_HEADER: alert_id,
    }
    where = f"webhook {target}"
    try:
        response = client.post(
            target, content=body, headers=headers, timeout=delivery.timeout, follow_redirects=False
        )
    except httpx.TimeoutException as exc:
        raise DeliveryTransient(f"{where}: timed out ({type(exc).__name__})", url=target) from exc
    except httpx.TransportError as exc:
        raise DeliveryTransient(f"{where}: {type(exc).__name__}: {exc}", url=target) from exc
    _check_status(response, where, target)


class _RetryAfter(DeliveryTransient):
    def __init__(self, message: str, *, url: str, retry_after: float | None) -> None:
        super().__init__(message, url=url)
        self.retry_after = retry_after


def _check_status(response: httpx.Response, where: str, url: str) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    if status >= 500 or status == 429:
        raise _RetryAfter(f"{where}: HTTP {status}", url=url, retry_after=_retry_after(response))
    raise DeliveryRefused(f"{where}: HTTP {status}", url=url)


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None  # absent, or an HTTP date: the backoff decides


def _delay(backoff: float, attempt: int, error: NewsfactsError) -> float:
    wait = backoff * 2.0 ** (attempt - 1)
    if isinstance(error, _RetryAfter) and error.retry_after is not None:
        wait = max(wait, error.retry_after)
    return min(wait, MAX_DELAY)
