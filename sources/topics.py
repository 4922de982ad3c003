"""``[[topics]]`` in the source list: one watchlist per topic.

```toml
[[topics]]
name = "visas"                       # required, unique
programmes = ["H-1B", "K visa"]      # canonical names (extractors/data/programmes.json)
keywords = ["work permit", "skilled worker"]   # any case, whole words, plural -s allowed
people = ["Jane Roe"]                # proper nouns: as written (case matters)
organisations = ["Home Office"]
countries = ["Canada"]
exclude = ["visa-free"]              # phrases whose words never count as a hit
min_hits = 1                         # distinct terms that must match (default 1)
```

``sources.config.load_sources`` calls :func:`parse_topics`; every problem is
a one-line :class:`ConfigError` naming the file, like the rest of the list.
With no topics every article is relevant.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Never

from extractors.programme_data import programme_names
from sources.errors import ConfigError

TERM_LISTS = ("programmes", "keywords", "people", "organisations", "countries")
TOPIC_KEYS = ("name", *TERM_LISTS, "exclude", "min_hits")


@dataclass(frozen=True)
class Topic:
    """One watchlist: the terms that make an article about ``name``."""

    name: str
    programmes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    min_hits: int = 1

    def term_count(self) -> int:
        """How many terms the topic watches (``exclude`` not counted)."""
        return sum(len(getattr(self, key)) for key in TERM_LISTS)


def parse_topics(path: Path, entries: object) -> tuple[Topic, ...]:
    """The ``[[topics]]`` array, validated; duplicate names (in any case) refused."""
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        _fail(path, "topics must be an array of tables ([[topics]])")
    topics = tuple(_topic(path, index, entry) for index, entry in enumerate(entries, start=1))
    seen: set[str] = set()
    for topic in topics:
        if topic.name.casefold() in seen:
            _fail(path, f"topics: duplicate name {topic.name}")
        seen.add(topic.name.casefold())
    return topics


def _topic(path: Path, index: int, entry: dict[str, object]) -> Topic:
    unknown = sorted(set(entry) - set(TOPIC_KEYS))
    if unknown:
        expected = ", ".join(TOPIC_KEYS)
        _fail(path, f"topics entry {index}: unknown key(s) {', '.join(unknown)} (expected {expected})")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        _fail(path, f"topics entry {index}: missing name")
    where = f"topic {name.strip()}"
    lists = {key: _strings(path, where, key, entry.get(key, [])) for key in (*TERM_LISTS, "exclude")}
    lists["programmes"] = tuple(_programme(path, where, p) for p in lists["programmes"])
    topic = Topic(name=name.strip(), **lists, min_hits=_min_hits(path, where, entry.get("min_hits", 1)))
    if topic.term_count() == 0:
        _fail(path, f"{where}: no terms (add {', '.join(TERM_LISTS)})")
    if topic.min_hits > topic.term_count():
        _fail(path, f"{where}: min_hits {topic.min_hits} is more than its {topic.term_count()} term(s)")
    return topic


def _strings(path: Path, where: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        _fail(path, f"{where}: {key} must be an array of strings")
    if any(not item.strip() for item in value):
        _fail(path, f"{where}: {key} has an empty entry")
    return tuple(dict.fromkeys(" ".join(item.split()) for item in value))


def _programme(path: Path, where: str, name: str) -> str:
    """The canonical spelling of a programme name given in any case."""
    known = programme_names()
    for canonical in known:
        if canonical.casefold() == name.casefold():
            return canonical
    _fail(path, f"{where}: unknown programme {name!r} (known: {', '.join(known)})")


def _min_hits(path: Path, where: str, value: object) -> int:
    # TOML booleans are ints to Python; `min_hits = true` is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        _fail(path, f"{where}: min_hits must be a positive integer")
    return value


def _fail(path: Path, problem: str) -> Never:
    raise ConfigError(f"{path}: {problem}")
