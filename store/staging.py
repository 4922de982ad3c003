"""Staged extractions: one Parquet file per article, written by any worker, loaded by one process.

DuckDB lets one process write a store file. When many workers (Dask worker
processes, other machines) extract articles, each writes its result here as
one Parquet file in a shared staging folder, and the one process that holds
the store loads the files (``store.loader``) through the ordinary save path.

A file is named from the article id and a hash of its content, so a retried
task writes the same name again (the new file replaces the old) instead of a
second copy. It is written under a hidden temporary name and renamed when
complete, so a reader never sees a half-written file under a final name; a
file cut short anyway (a partial copy, a full disk) does not read at all —
Parquet keeps its footer at the end — and :func:`read_staged` refuses it.

One row per record: row 0 is the article (``record = 'article'``, columns
``article_*``, ``final_url``, ``fetched_at``, ``n_facts``, ``n_topics``), then
one row per fact (``record`` = its kind, one column per field of the fact
classes), then one row per decision of the relevance gate (``record =
'topic'``, columns ``topic_*``: what ``article_topics`` is written from), so
any Parquet reader can look inside: ``SELECT * FROM 'staging/*.parquet'``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import types
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import duckdb

from extractors.models import EXTRACTOR_VERSION, AnyFact, Article, Fact
from extractors.relevance import TopicDecision
from sources.errors import StagingError
from store.ids import article_id
from store.messages import first_line, reraise_ctrl_c

SUFFIX = ".parquet"
ARTICLE_RECORD = "article"
TOPIC_RECORD = "topic"
_ARTICLE_PREFIX = "article_"
_TOPIC_PREFIX = "topic_"
# Hex characters of the content hash in a file name: 64 bits tell apart the
# few versions one article is ever staged in.
_HASH_LENGTH = 16
_SQL_TYPES: dict[object, str] = {
    str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", date: "DATE",
}  # fmt: skip
# Columns of the article record besides the Article's own fields.
_HEAD_COLUMNS = {
    "final_url": "VARCHAR", "fetched_at": "TIMESTAMP", "extractor_version": "VARCHAR", "n_facts": "INTEGER",
    "n_topics": "INTEGER",
}  # fmt: skip


@dataclass(frozen=True)
class Staged:
    """One article's extraction as staged: what ``store.writer.save_article`` takes."""

    article: Article
    facts: list[AnyFact]
    final_url: str
    fetched_at: datetime  # UTC, naive, as the store keeps it
    extractor_version: str = EXTRACTOR_VERSION
    # The relevance gate's decisions on the article (none: no [[topics]]).
    topics: tuple[TopicDecision, ...] = ()


def fact_classes() -> dict[str, type[Fact]]:
    """Every fact class by its kind."""
    return {cls.kind: cls for cls in get_args(AnyFact)}


def columns() -> dict[str, str]:
    """Column name -> DuckDB type of a staged file, derived from the record classes."""
    out = {"record": "VARCHAR", "seq": "INTEGER"}
    out |= {_ARTICLE_PREFIX + name: sql for name, sql in _field_types(Article).items()}
    out |= _HEAD_COLUMNS
    out |= {_TOPIC_PREFIX + name: sql for name, sql in _field_types(TopicDecision).items()}
    for cls in fact_classes().values():
        for name, sql in _field_types(cls).items():
            if out.setdefault(name, sql) != sql:
                raise StagingError(f"fact field {name!r} has two types: {out[name]} and {sql}")
    return out


def _field_types(cls: type[Any]) -> dict[str, str]:
    hints = get_type_hints(cls)
    return {f.name: _sql_type(hints[f.name], f"{cls.__name__}.{f.name}") for f in dataclasses.fields(cls)}


def _sql_type(hint: Any, where: str) -> str:
    if get_origin(hint) in (Union, types.UnionType):
        members = [arg for arg in get_args(hint) if arg is not type(None)]
        hint = members[0] if len(members) == 1 else hint
    if get_origin(hint) is Literal:
        return "VARCHAR"
    if get_origin(hint) is tuple:
        return "VARCHAR[]"
    if hint not in _SQL_TYPES:
        raise StagingError(f"cannot stage {where}: no Parquet column type for {hint!r}")
    return _SQL_TYPES[hint]


def write_staged(folder: Path, staged: Staged) -> Path:
    """Write ``staged`` into ``folder`` as one complete Parquet file; return its path.

    The same content always gets the same name, so writing it again (a
    retried task) replaces the file instead of adding one.
    """
    rows = _rows(staged)
    path = folder / f"{article_id(staged.article)}.{_content_hash(rows)}{SUFFIX}"
    temporary = folder / f".{path.name}.{uuid.uuid4().hex}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_parquet(temporary, rows)
        os.replace(temporary, path)  # atomic within one file system
    except (OSError, duckdb.Error) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        reraise_ctrl_c(exc)
        raise StagingError(f"cannot stage {staged.article.url} in {folder}: {_reason(exc)}") from exc
    return path


def _rows(staged: Staged) -> list[tuple[object, ...]]:
    names = list(columns())
    article: dict[str, object] = {
        "record": ARTICLE_RECORD, "seq": 0, "final_url": staged.final_url, "fetched_at": staged.fetched_at,
        "extractor_version": staged.extractor_version, "n_facts": len(staged.facts),
        "n_topics": len(staged.topics),
    }  # fmt: skip
    fields = dataclasses.fields(Article)
    article |= {_ARTICLE_PREFIX + f.name: getattr(staged.article, f.name) for f in fields}
    records = [article]
    for seq, fact in enumerate(staged.facts, start=1):
        values = {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact)}
        records.append({"record": fact.kind, "seq": seq, **_as_lists(values)})
    for seq, decision in enumerate(staged.topics, start=len(records)):
        values = {_TOPIC_PREFIX + f.name: getattr(decision, f.name) for f in dataclasses.fields(decision)}
        records.append({"record": TOPIC_RECORD, "seq": seq, **_as_lists(values)})
    return [tuple(record.get(name) for name in names) for record in records]


def _as_lists(values: dict[str, object]) -> dict[str, object]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


def _content_hash(rows: list[tuple[object, ...]]) -> str:
    text = json.dumps(rows, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def _write_parquet(path: Path, rows: list[tuple[object, ...]]) -> None:
    cols = columns()
    definitions = ", ".join(f'"{name}" {sql}' for name, sql in cols.items())
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE staged ({definitions})")
        con.executemany(f"INSERT INTO staged VALUES ({', '.join('?' for _ in cols)})", rows)
        con.table("staged").order("seq").write_parquet(str(path))
    finally:
        con.close()


def read_staged(path: Path) -> Staged:
    """The extraction staged in ``path``, whole, or :class:`StagingError`.

    A file that is cut short, is not Parquet, has other columns, has lost or
    gained records, or was staged by another extractor version is refused.
    """
    records = _read_records(path)
    if not records or records[0].get("record") != ARTICLE_RECORD:
        raise StagingError(f"staged file {path} has no article record")
    head = records[0]
    facts = [r for r in records[1:] if r["record"] != TOPIC_RECORD]
    topics = [r for r in records[1:] if r["record"] == TOPIC_RECORD]
    if head["n_facts"] != len(facts) or [r["seq"] for r in records] != list(range(len(records))):
        raise StagingError(f"staged file {path} holds {len(facts)} of its {head['n_facts']} facts")
    if head["n_topics"] != len(topics) or records[len(facts) + 1 :] != topics:
        wanted = head["n_topics"]
        raise StagingError(f"staged file {path} holds {len(topics)} of its {wanted} topic decisions")
    if head["extractor_version"] != EXTRACTOR_VERSION:
        raise StagingError(
            f"staged file {path} is from {head['extractor_version']}; this loader is {EXTRACTOR_VERSION}"
        )
    return Staged(
        article=_article(head),
        facts=[_fact(record, path) for record in facts],
        final_url=str(head["final_url"]),
        fetched_at=_timestamp(head["fetched_at"], path),
        extractor_version=str(head["extractor_version"]),
        topics=tuple(_topic(record) for record in topics),
    )


def _read_records(path: Path) -> list[dict[str, Any]]:
    con = duckdb.connect()
    try:
        result = con.execute("SELECT * FROM read_parquet(?) ORDER BY seq", [str(path)])
        names = [d[0] for d in result.description or []]
        rows = result.fetchall()
    except duckdb.Error as exc:
        reraise_ctrl_c(exc)
        raise StagingError(f"cannot read staged file {path}: {_reason(exc)}") from exc
    finally:
        con.close()
    expected = set(columns())
    before_topics = {name for name in expected if name != "n_topics" and not name.startswith(_TOPIC_PREFIX)}
    if set(names) not in (expected, before_topics):
        raise StagingError(f"staged file {path} has other columns than this loader writes")
    # A file staged before topic decisions were staged carries none.
    blank: dict[str, Any] = {name: None for name in expected - set(names)}
    blank |= {"n_topics": 0} if "n_topics" not in names else {}
    return [blank | dict(zip(names, row, strict=True)) for row in rows]


def _article(head: dict[str, Any]) -> Article:
    return Article(**{f.name: head[_ARTICLE_PREFIX + f.name] for f in dataclasses.fields(Article)})


def _topic(record: dict[str, Any]) -> TopicDecision:
    matched = record[_TOPIC_PREFIX + "matched"]
    return TopicDecision(
        topic=str(record[_TOPIC_PREFIX + "topic"]), relevant=bool(record[_TOPIC_PREFIX + "relevant"]),
        matched=tuple(matched or ()), reason=str(record[_TOPIC_PREFIX + "reason"]),
    )  # fmt: skip


def _fact(record: dict[str, Any], path: Path) -> AnyFact:
    cls = fact_classes().get(str(record["record"]))
    if cls is None:
        raise StagingError(f"staged file {path} has a record of unknown kind {record['record']!r}")
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        value = record[f.name]
        values[f.name] = tuple(value) if isinstance(value, list) else value
    fact = cls(**values)
    return fact  # type: ignore[return-value]  # every class in fact_classes() is a member of AnyFact


def _timestamp(value: object, path: Path) -> datetime:
    if not isinstance(value, datetime):
        raise StagingError(f"staged file {path} has no fetch time")
    return value


def staged_files(folder: Path) -> list[Path]:
    """The complete staged files in ``folder``, by name (temporary files are not listed)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith("."))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return first_line(exc)
