"""The TOML source list that the ``monitor`` flow reads.

```toml
[settings]                 # optional; any FetchSettings field
user_agent = "newsfacts/0.1 (+https://example.org/contact)"

[[feeds]]
url = "https://example.org/rss.xml"
name = "optional label"

[[sitemaps]]               # a sitemap, news sitemap or sitemap index
url = "https://example.org/sitemap_news.xml"

[[sites]]                  # a home page: feeds it links (<link rel=alternate>)
url = "https://example.org/"        # and the sitemaps its robots.txt names

[[pages]]
url = "https://example.org/story.html"
settings = { min_interval = 5 }     # optional on any entry: overrides [settings]
```

Every problem is a :class:`ConfigError` whose one-line message names the file.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Never

from sources import alert_config
from sources.alert_config import AlertConfig
from sources.errors import ConfigError, InvalidURL
from sources.fetch import FetchSettings, validate_url

_SECTIONS = ("feeds", "sitemaps", "sites", "pages")
_TOP_LEVEL = frozenset({"settings", *_SECTIONS, *alert_config.TOP_LEVEL_KEYS})
_SOURCE_KEYS = frozenset({"url", "name", "settings"})
# FetchSettings field annotations (strings, under postponed evaluation) -> TOML values taken.
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {"float": (int, float), "int": (int,), "str": (str,)}


@dataclass(frozen=True)
class Source:
    """One feed, sitemap, site or page to watch; ``settings`` only if it has its own."""

    url: str
    name: str | None = None
    settings: FetchSettings | None = None


@dataclass(frozen=True)
class SourceList:
    """The parsed source list: every kind of source and the run's fetch settings."""

    feeds: tuple[Source, ...]
    pages: tuple[Source, ...]
    settings: FetchSettings
    sitemaps: tuple[Source, ...] = ()
    sites: tuple[Source, ...] = ()
    # [[alerts]] and [delivery]: sources/alert_config.py
    alerts: AlertConfig = alert_config.NO_ALERTS

    def settings_for(self, source: Source) -> FetchSettings:
        """The source's own settings, else the run's."""
        return source.settings or self.settings


def load_sources(path: str | Path) -> SourceList:
    """Read and validate a source list; raise :class:`ConfigError` on any problem."""
    path = Path(path)
    data = _read_toml(path)
    unknown = sorted(set(data) - _TOP_LEVEL)
    if unknown:
        expected = ", ".join(("settings", *_SECTIONS, *sorted(alert_config.TOP_LEVEL_KEYS)))
        _fail(path, f"unknown top-level key(s) {', '.join(unknown)} (expected {expected})")
    settings = _settings(path, data.get("settings", {}))
    found = {section: _sources(path, data, section, settings) for section in _SECTIONS}
    if not any(found.values()):
        _fail(path, "no sources: add at least one [[feeds]], [[sitemaps]], [[sites]] or [[pages]] entry")
    return SourceList(
        feeds=found["feeds"],
        pages=found["pages"],
        settings=settings,
        sitemaps=found["sitemaps"],
        sites=found["sites"],
        alerts=alert_config.parse_alerts(path, data),
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: source list not found") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read source list ({exc.strerror or type(exc).__name__})") from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: source list is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {_one_line(str(exc))}") from exc


def _sources(path: Path, data: dict[str, Any], section: str, base: FetchSettings) -> tuple[Source, ...]:
    """The entries of one ``[[section]]`` array, validated, duplicates refused."""
    entries = data.get(section, [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        _fail(path, f"{section} must be an array of tables ([[{section}]])")
    sources = tuple(
        _source(path, section, index, entry, base) for index, entry in enumerate(entries, start=1)
    )
    seen: set[str] = set()
    for source in sources:
        if source.url in seen:
            _fail(path, f"{section}: duplicate url {source.url}")
        seen.add(source.url)
    return sources


def _source(path: Path, section: str, index: int, entry: dict[str, Any], base: FetchSettings) -> Source:
    where = f"{section} entry {index}"
    unknown = sorted(set(entry) - _SOURCE_KEYS)
    if unknown:
        _fail(path, f"{where}: unknown key(s) {', '.join(unknown)} (expected url, name, settings)")
    url, name = entry.get("url"), entry.get("name")
    if not isinstance(url, str) or not url.strip():
        _fail(path, f"{where}: missing url")
    if name is not None and not isinstance(name, str):
        _fail(path, f"{where}: name must be a string")
    try:
        validate_url(url.strip())
    except InvalidURL as exc:
        raise ConfigError(f"{path}: {where}: {exc}") from exc
    own = None
    if "settings" in entry:
        own = _settings(path, entry["settings"], base, where=f"{where}: settings")
    return Source(url=url.strip(), name=name, settings=own)


def _settings(
    path: Path, table: object, base: FetchSettings | None = None, *, where: str = "settings"
) -> FetchSettings:
    """FetchSettings from ``[settings]``: known fields only, right types, valid values."""
    if not isinstance(table, dict):
        _fail(path, f"{where} must be a table")
    fields = {field.name: field.type for field in dataclasses.fields(FetchSettings)}
    unknown = sorted(set(table) - set(fields))
    if unknown:
        _fail(path, f"{where}: unknown key(s) {', '.join(unknown)} (expected {', '.join(fields)})")
    for key, value in table.items():
        _check_setting_type(path, where, key, value, str(fields[key]))
    try:
        return dataclasses.replace(base, **table) if base is not None else FetchSettings(**table)
    except ValueError as exc:
        raise ConfigError(f"{path}: {where}: {exc}") from exc


def _check_setting_type(path: Path, where: str, key: str, value: object, annotation: str) -> None:
    # TOML booleans are ints to Python; refuse them so `max_redirects = true` is an error.
    if isinstance(value, bool):
        _fail(path, f"{where}: {key} must be {annotation}, not a boolean")
    expected = _PYTHON_TYPES.get(annotation, (object,))
    if not isinstance(value, expected):
        _fail(path, f"{where}: {key} must be {annotation}, not {type(value).__name__}")


def _fail(path: Path, problem: str) -> Never:
    raise ConfigError(f"{path}: {problem}")


def _one_line(text: str) -> str:
    return " ".join(text.split())
