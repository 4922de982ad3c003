"""``[[alerts]]`` and ``[delivery]`` in the source list: which changes to report, and where to.

```toml
[[alerts]]
rule = "fee_changed"          # new_programme | fee_changed | new_conflict | event_moved
                              # | person_quoted | story_outlets
programmes = ["H-1B"]         # optional, any rule: only alerts about these programmes
topic = "US visas"            # optional label: the digest groups alerts by it

[[alerts]]
rule = "person_quoted"
people = ["Michael Feller"]   # required for person_quoted (full names, any case)

[[alerts]]
rule = "story_outlets"
min_outlets = 3               # required for story_outlets (at least 2)

[delivery]                    # optional: without it alerts are only stored
webhook_url = "https://hooks.example.com/newsfacts"
secret_env = "NEWSFACTS_WEBHOOK_SECRET"   # the HMAC secret, read from the environment
retries = 3                   # retries of a failed POST (5xx, 429, timeouts), backoff doubling
backoff = 1.0                 # seconds before the first retry
timeout = 10.0                # seconds per POST
```

``secret = "..."`` works instead of ``secret_env`` but puts the secret in the
file; one of the two is required, so every webhook body is signed. Every
problem is a :class:`ConfigError` whose one-line message names the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Never, get_args

from sources.errors import ConfigError, InvalidURL
from sources.fetch import validate_url

RuleName = Literal[
    "new_programme", "fee_changed", "new_conflict", "event_moved", "person_quoted", "story_outlets"
]
RULES: tuple[RuleName, ...] = get_args(RuleName)
TOP_LEVEL_KEYS = frozenset({"alerts", "delivery"})

_RULE_KEYS = frozenset({"rule", "topic", "programmes", "people", "min_outlets"})
_DELIVERY_KEYS = frozenset({"webhook_url", "secret", "secret_env", "retries", "backoff", "timeout"})


@dataclass(frozen=True)
class AlertRule:
    """One ``[[alerts]]`` entry: the rule, its parameters, the digest topic it files under."""

    rule: RuleName
    topic: str | None = None
    programmes: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    min_outlets: int = 0


@dataclass(frozen=True)
class Delivery:
    """Where alerts are POSTed, signed with ``secret``; retries of transient failures."""

    webhook_url: str
    secret: str = field(repr=False)
    retries: int = 3
    backoff: float = 1.0
    timeout: float = 10.0


@dataclass(frozen=True)
class AlertConfig:
    """The alert rules (config order) and the delivery, if any."""

    rules: tuple[AlertRule, ...] = ()
    delivery: Delivery | None = None


NO_ALERTS = AlertConfig()


def parse_alerts(path: Path, data: dict[str, Any]) -> AlertConfig:
    """The ``[[alerts]]`` and ``[delivery]`` parts of a parsed source list."""
    entries = data.get("alerts", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        _fail(path, "alerts must be an array of tables ([[alerts]])")
    rules = tuple(_rule(path, index, entry) for index, entry in enumerate(entries, start=1))
    delivery = _delivery(path, data["delivery"]) if "delivery" in data else None
    return AlertConfig(rules, delivery)


def _rule(path: Path, index: int, entry: dict[str, Any]) -> AlertRule:
    where = f"alerts entry {index}"
    unknown = sorted(set(entry) - _RULE_KEYS)
    if unknown:
        expected = ", ".join(sorted(_RULE_KEYS))
        _fail(path, f"{where}: unknown key(s) {', '.join(unknown)} (expected {expected})")
    rule = entry.get("rule")
    if rule not in RULES:
        _fail(path, f"{where}: rule must be one of {', '.join(RULES)}, not {rule!r}")
    topic = entry.get("topic")
    if topic is not None and (not isinstance(topic, str) or not topic.strip()):
        _fail(path, f"{where}: topic must be a non-empty string")
    parsed = AlertRule(
        rule=rule,
        topic=topic.strip() if topic else None,
        programmes=_names(path, where, entry, "programmes"),
        people=_names(path, where, entry, "people"),
        min_outlets=_min_outlets(path, where, entry),
    )
    _check_params(path, where, parsed, entry)
    return parsed


def _names(path: Path, where: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(path, f"{where}: {key} must be a list of non-empty strings")
    return tuple(" ".join(v.split()) for v in value)


def _min_outlets(path: Path, where: str, entry: dict[str, Any]) -> int:
    value = entry.get("min_outlets", 0)
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(path, f"{where}: min_outlets must be an integer")
    return value


def _check_params(path: Path, where: str, rule: AlertRule, entry: dict[str, Any]) -> None:
    """Each rule's own parameters: required where it needs them, refused where it ignores them."""
    if rule.rule == "person_quoted" and not rule.people:
        _fail(path, f"{where}: person_quoted needs people = [\"Full Name\", ...]")
    if rule.rule != "person_quoted" and "people" in entry:
        _fail(path, f"{where}: people is only for person_quoted")
    if rule.rule == "story_outlets" and rule.min_outlets < 2:
        _fail(path, f"{where}: story_outlets needs min_outlets of at least 2")
    if rule.rule != "story_outlets" and "min_outlets" in entry:
        _fail(path, f"{where}: min_outlets is only for story_outlets")


def _delivery(path: Path, table: object) -> Delivery:
    if not isinstance(table, dict):
        _fail(path, "delivery must be a table ([delivery])")
    unknown = sorted(set(table) - _DELIVERY_KEYS)
    if unknown:
        expected = ", ".join(sorted(_DELIVERY_KEYS))
        _fail(path, f"delivery: unknown key(s) {', '.join(unknown)} (expected {expected})")
    url = table.get("webhook_url")
    if not isinstance(url, str) or not url.strip():
        _fail(path, "delivery: missing webhook_url")
    try:
        validate_url(url.strip())
    except InvalidURL as exc:
        raise ConfigError(f"{path}: delivery: webhook_url: {exc}") from exc
    return Delivery(
        webhook_url=url.strip(),
        secret=_secret(path, table),
        retries=int(_number(path, table, "retries", 3, integer=True)),
        backoff=_number(path, table, "backoff", 1.0),
        timeout=_number(path, table, "timeout", 10.0),
    )


def _secret(path: Path, table: dict[str, Any]) -> str:
    if ("secret" in table) == ("secret_env" in table):
        _fail(path, "delivery: set exactly one of secret_env (preferred) or secret, to sign the webhook body")
    if "secret" in table:
        value = table["secret"]
        if not isinstance(value, str) or not value:
            _fail(path, "delivery: secret must be a non-empty string")
        return value
    name = table["secret_env"]
    if not isinstance(name, str) or not name.strip():
        _fail(path, "delivery: secret_env must name an environment variable")
    secret = os.environ.get(name.strip(), "")
    if not secret:
        _fail(path, f"delivery: the environment variable {name.strip()} (secret_env) is not set")
    return secret


def _number(path: Path, table: dict[str, Any], key: str, default: float, *, integer: bool = False) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float)):
        _fail(path, f"delivery: {key} must be {'an integer' if integer else 'a number'}")
    if value < 0 or (key == "timeout" and value == 0):
        _fail(path, f"delivery: {key} must be {'positive' if key == 'timeout' else 'non-negative'}")
    return float(value)


def _fail(path: Path, problem: str) -> Never:
    raise ConfigError(f"{path}: {problem}")
