"""``newsfacts demo``: the whole path on the bundled fixture site, offline.

Serves ``fixtures/site`` on 127.0.0.1, writes a one-feed source list, runs the
``monitor`` flow once into the store, and prints the H-1B and K visa timelines.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flows.monitor import monitor
from flows.render import monitor_summary, timeline_text
from flows.settings import resolve_db
from flows.site_server import SiteServer
from flows.timeline import load_timeline
from sources.errors import ConfigError
from sources.netguard import ALLOW_PRIVATE_ENV

DEMO_PROGRAMMES = ("H-1B", "K visa")


def bundled_site() -> Path:
    """``fixtures/site`` of this checkout."""
    return Path(__file__).resolve().parent.parent / "fixtures" / "site"


def run_demo(db: str | None, site: str | None) -> int:
    """Run the demo; returns the exit status."""
    root = Path(site) if site else bundled_site()
    if not (root / "feed.xml").is_file():
        raise ConfigError(f"no feed.xml in the demo site {root}")
    path = resolve_db(db)
    allow_loopback()
    with SiteServer(root) as server, tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "sources.toml"
        config.write_text(f'[[feeds]]\nurl = "{server.url("feed.xml")}"\nname = "fixture feed"\n')
        print(f"demo: serving {root} at {server.base_url}; store: {path}")
        summary = monitor(str(config), str(path))
    print(monitor_summary(summary))
    for programme in DEMO_PROGRAMMES:
        name, rows = load_timeline(str(path), programme)
        print()
        print(timeline_text(name, rows))
    return 0


def allow_loopback() -> None:
    """Let this process fetch from 127.0.0.1, where the demo site is served."""
    allowed = [item.strip() for item in os.environ.get(ALLOW_PRIVATE_ENV, "").split(",") if item.strip()]
    if "127.0.0.1" not in allowed:
        os.environ[ALLOW_PRIVATE_ENV] = ",".join([*allowed, "127.0.0.1"])
