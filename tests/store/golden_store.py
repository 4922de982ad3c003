"""A fixed sequence of saves and the store it leaves, as JSON fixtures (``fixtures/store/``).

``saves.json`` holds extractions of the project's fixture pages (the gold
train and holdout pages, the syndication copies, the fixture site, the
conflict and unseen pages), frozen: article, facts, topic decisions and a
fetch time each, in a sequence with re-saves (half an article's facts, the
rest restored later, a second save without facts), so the fixture does not
move when the extractors do. ``golden.json`` is every table and view the
batched saves of that sequence left, dumped by the save path as it was
before the store-write speed work (main at 03f3bce): ``test_store_golden.py``
checks the save path still leaves exactly that.

Regenerate (only when the store's results are meant to change)::

    .venv/bin/python -m tests.store.golden_store
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from extractors.models import EXTRACTOR_VERSION, AnyFact, Article
from extractors.relevance import TopicDecision
from store.db import open_store
from store.staging import fact_classes
from store.writer import SAVE_BATCH, ArticleSave, SaveResult, save_articles

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAVES = FIXTURES / "store" / "saves.json"
GOLDEN = FIXTURES / "store" / "golden.json"
PAGES = ("gold/train", "gold/holdout", "syndication", "site", "conflict", "unseen")
TABLES = (
    "articles", "visa_programmes", "fees", "quotes", "people", "events", "fact_sources",
    "story_signatures", "story_keys", "story_links", "article_stories", "stories", "quote_groups",
    "article_topics", "timeline_entries",
)  # fmt: skip
# Views over those tables (the larger ones, facts and quotes_by_person, are left out: pure SQL over them).
VIEWS = ("timeline", "conflicts", "person_profiles", "fee_history")
CLOCKS = {"article_topics": "decided_at"}  # the only clock a save reads itself
_LONG = 64  # strings longer than this are dumped as their hash (texts, sentences, signatures)
_START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

Dump = dict[str, list[list[Any]]]


def load_saves(path: Path = SAVES) -> list[ArticleSave]:
    """The frozen sequence of saves."""
    classes = fact_classes()
    out = []
    stored = json.loads(path.read_text(encoding="utf-8"))
    for item in stored["saves"]:
        article = dict(stored["articles"][item["article"]])
        published = article["published_at"]
        article["published_at"] = date.fromisoformat(published) if published else None
        facts = [_fact(classes[fact.pop("kind")], fact) for fact in item["facts"]]
        topics = [
            TopicDecision(t["topic"], t["relevant"], tuple(t["matched"]), t["reason"]) for t in item["topics"]
        ]
        out.append(
            ArticleSave(
                Article(**article),
                facts,
                item["final_url"],
                datetime.fromisoformat(item["fetched_at"]),
                topics,
            )
        )
    return out


def _fact(cls: type[Any], values: dict[str, Any]) -> AnyFact:
    fact: AnyFact = cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})
    return fact


def save_in_batches(
    con: duckdb.DuckDBPyConnection, saves: Sequence[ArticleSave], size: int
) -> list[SaveResult]:
    """``saves`` in batches of ``size``, one transaction each."""
    results: list[SaveResult] = []
    for start in range(0, len(saves), size):
        results += save_articles(con, saves[start : start + size])
    return results


def dump(db: Path) -> Dump:
    """Every row of every table and view the saves write, JSON-ready, in a fixed order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for name in (*TABLES, *VIEWS):
            skip = f"EXCLUDE ({CLOCKS[name]})" if name in CLOCKS else ""
            rows = con.execute(f"SELECT * {skip} FROM {name} ORDER BY ALL").fetchall()
            out[name] = [[_plain(value) for value in row] for row in rows]
        return out
    finally:
        con.close()


# The extractors' version the save path stamps on articles and facts: not the
# store's result, and bumped with every extractor change, so the dump names it
# by this mark.
VERSION_MARK = "<EXTRACTOR_VERSION>"


def _plain(value: object) -> Any:
    if value == EXTRACTOR_VERSION:
        return VERSION_MARK
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return _plain(value.hex())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str) and len(value) > _LONG:
        return "sha256:" + hashlib.sha256(value.encode("utf-8")).hexdigest()
    return value


def store_of(db: Path, saves: Sequence[ArticleSave], size: int = SAVE_BATCH) -> tuple[Dump, list[list[Any]]]:
    """The dump and the save results of ``saves`` in batches of ``size`` into a new store at ``db``."""
    con = open_store(db)
    try:
        results = save_in_batches(con, saves, size)
    finally:
        con.close()
    return dump(db), [[r.article_id, r.new_facts, r.total_facts] for r in results]


def _write_saves() -> None:
    """Extract the fixture pages (spaCy) and write the sequence of saves."""
    from extractors.nlp import FactExtractor
    from extractors.relevance import compile_topics
    from flows import pipeline
    from sources.errors import NewsfactsError
    from sources.local import read_local
    from sources.topics import Topic

    programmes = ("H-1B", "K visa", "Skilled Worker visa", "Gold Card", "Express Entry")
    topics = compile_topics((
        Topic(name="visas", programmes=programmes, keywords=("visa", "work permit", "immigration")),
        Topic(name="china", countries=("China",), keywords=("Beijing",)),
    ))  # fmt: skip
    extractor = FactExtractor()
    kept = []
    for path in sorted(p for folder in PAGES for p in (FIXTURES / folder).rglob("*.html")):
        try:
            extraction = pipeline.extract(read_local(path), extractor, topics)
        except NewsfactsError:
            continue
        if extraction.skipped is None:
            kept.append(extraction)
    sequence = list(kept)
    for i, e in enumerate(kept):
        if i % 6 == 0:  # half its facts (some deleted), restored a few saves later
            sequence.append(dataclasses.replace(e, facts=e.facts[: len(e.facts) // 2]))
        if i % 6 == 3:
            sequence.append(kept[i - 3])
        if i % 10 == 5:  # saved twice in a row, the second time without facts
            sequence += [e, dataclasses.replace(e, facts=[])]
    items, articles = [], {}  # type: ignore[var-annotated]
    for n, e in enumerate(sequence):
        fetched = _START + timedelta(minutes=n)
        items.append({
            "article": articles.setdefault(e.article, len(articles)),
            "facts": [{"kind": f.kind, **dataclasses.asdict(f)} for f in e.facts],
            "final_url": e.page.final_url,
            "fetched_at": fetched.isoformat(),
            "topics": [t.to_dict() for t in e.topics],
        })  # fmt: skip
    SAVES.parent.mkdir(parents=True, exist_ok=True)
    SAVES.write_text(
        _one_row_a_line({"articles": [a.to_dict() for a in articles], "saves": items}), encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    """Write ``saves.json`` (unless ``--keep-saves``) and ``golden.json`` from the current code."""
    import tempfile

    if "--keep-saves" not in argv:
        _write_saves()
    with tempfile.TemporaryDirectory() as tmp:
        tables, results = store_of(Path(tmp) / "golden.duckdb", load_saves())
    GOLDEN.write_text(_one_row_a_line({"results": results, **tables}), encoding="utf-8")
    return 0


def _one_row_a_line(named: dict[str, list[Any]]) -> str:
    """JSON with one row per line, so a diff of the fixture names the rows that changed."""
    parts = []
    for name, rows in named.items():
        body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
        parts.append(f"{json.dumps(name)}: [\n{body}\n]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def read_golden(path: Path = GOLDEN) -> tuple[Dump, list[list[Any]]]:
    """The golden dump and save results."""
    named: Dump = json.loads(path.read_text(encoding="utf-8"))
    results = named.pop("results")
    return named, results


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
