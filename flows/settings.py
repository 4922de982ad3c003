"""Where things live by default: the store path and the Prefect environment."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "NEWSFACTS_DB"
DEFAULT_DB = "newsfacts.duckdb"


def default_db() -> str:
    """``NEWSFACTS_DB`` if set, else ``newsfacts.duckdb`` in the working folder."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def resolve_db(db: str | None) -> Path:
    """The store path a command uses, absolute (served flows run elsewhere)."""
    return Path(db or default_db()).expanduser().resolve()


def quiet_prefect() -> None:
    """Defaults for this machine class: no telemetry to a host we cannot reach."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
