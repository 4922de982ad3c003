"""Timeline entries of the facts a batch created, from the rows it wrote: no join.

A fact the batch created (not stored before it) whose every source is an
article new in the batch has an entry made only of rows the batch holds in
memory: the fact's row, its source articles' rows and their stories. Its
entry is then computed here, in Python, with ``store.timeline.ENTRIES``'s
definitions, and inserted from one Arrow table; only the formatting DuckDB
owns (the fee summary's number, the JSON of the lists) stays in SQL
(:func:`fee_detail`, the fee summary, is written once, here, for both).

Profiled on the bench batch (186 new articles, 341 entries), the INSERT ...
SELECT of ENTRIES over the five tables was the save's largest statement
(about 70 ms of 260 ms, ``bench/store_writes.py``); the insert from Arrow
takes a few. Every other entry (a stored fact, a source stored before the
batch) is still recomputed by ``store.timeline``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from store.bulk import registered
from store.tables import FACT_TABLES, Row


def fee_detail(prefix: str) -> str:
    """The `facts` view's fee summary over the fee columns of ``prefix`` (``"fe."``, or ``""``)."""
    amount = f"{prefix}amount"
    return (
        f"concat_ws(' ', {prefix}programme, 'fee', "
        f"CASE WHEN {amount} = trunc({amount}) AND abs({amount}) < 1e15 "
        f"THEN CAST(CAST({amount} AS BIGINT) AS VARCHAR) ELSE CAST({amount} AS VARCHAR) END, "
        f"{prefix}currency, {prefix}period, 'for ' || {prefix}applies_to)"
    )


@dataclass(frozen=True)
class NewSource:
    """What an entry reads of one source article new in the batch, as its rows were written."""

    source_url: str  # coalesce(canonical_url, final_url, url)
    published_at: date | None
    site: str | None
    fetched_at: datetime  # the articles row's (the batch's earliest fetch)
    story_id: str
    outlet: str


@dataclass(frozen=True)
class NewEntries:
    """What the writer knows of a batch's created facts: the event and fee rows it
    inserted (fact id -> row, in ``FACT_TABLES`` column order), and its new articles."""

    events: Mapping[str, Row]
    fees: Mapping[str, Row]
    sources: Mapping[str, NewSource]  # new article id -> what its rows hold


_COLUMNS: dict[str, str] = {
    "fact_id": "string", "programme": "string", "kind": "string", "event_type": "string",
    "event_date": "string", "event_precision": "string", "description": "string", "amount": "float64",
    "currency": "string", "period": "string", "applies_to": "string", "n_sources": "int64",
    "sources": "string_list", "sites": "string_list", "n_stories": "int64", "n_outlets": "int64",
    "first_reported_at": "date32", "article_ids": "string_list",
}  # fmt: skip
# ENTRIES's final SELECT over the rows computed here.
_INSERT = f"""
INSERT INTO timeline_entries
SELECT fact_id,
       programme,
       kind,
       event_type,
       CASE WHEN kind = 'event' THEN event_date ELSE strftime(first_reported_at, '%Y-%m-%d') END,
       CASE WHEN kind = 'event' THEN event_precision WHEN first_reported_at IS NOT NULL THEN 'day' END,
       CASE WHEN kind = 'event' THEN description ELSE {fee_detail("")} END,
       n_sources,
       CAST(to_json(sources) AS VARCHAR),
       CAST(to_json(sites) AS VARCHAR),
       n_stories,
       n_outlets,
       first_reported_at,
       article_ids
FROM {{rows}}
"""
_EVENT = {name: i for i, name in enumerate(FACT_TABLES["event"].names)}
_FEE = {name: i for i, name in enumerate(FACT_TABLES["fee"].names)}


def insert_new_entries(
    con: duckdb.DuckDBPyConnection, stating: Mapping[str, Iterable[str]], new: NewEntries
) -> set[str]:
    """Insert the entries of the created facts of ``new`` whose sources (``stating``:
    fact id -> the articles stating it now) are all new articles; their ids."""
    columns: dict[str, list[object]] = {name: [] for name in _COLUMNS}
    done: set[str] = set()
    for fid, aids in stating.items():
        row, kind = (new.events.get(fid), "event") if fid in new.events else (new.fees.get(fid), "fee")
        sources = sorted(aids)
        if row is None or not sources or not all(aid in new.sources for aid in sources):
            continue
        _add(columns, fid, kind, row, [(aid, new.sources[aid]) for aid in sources])
        done.add(fid)
    if done:
        with registered(con, "newsfacts_new_entries", columns, _COLUMNS) as rows:
            con.execute(_INSERT.format(rows=rows))
    return done


def _add(
    columns: dict[str, list[object]], fid: str, kind: str, row: Row, sources: list[tuple[str, NewSource]]
) -> None:
    """One entry's values: ENTRIES's aggregates over its (article id, source) pairs, by article id."""
    is_event = kind == "event"
    fact = _EVENT if is_event else _FEE
    published = [s.published_at for _, s in sources if s.published_at is not None]
    first = min(published) if published else min(s.fetched_at for _, s in sources).date()
    by_date = sorted(sources, key=lambda pair: _published_order(pair[1]))
    values: dict[str, object] = {
        "fact_id": fid,
        "programme": row[fact["programme"]],
        "kind": kind,
        "event_type": row[fact["event_type"]] if is_event else None,
        "event_date": row[fact["date"]] if is_event else None,
        "event_precision": row[fact["precision"]] if is_event else None,
        "description": row[fact["description"]] if is_event else None,
        "amount": None if is_event else row[fact["amount"]],
        "currency": None if is_event else row[fact["currency"]],
        "period": None if is_event else row[fact["period"]],
        "applies_to": None if is_event else row[fact["applies_to"]],
        "n_sources": len(sources),
        # ORDER BY published_at NULLS LAST, article_id: ``sources`` is sorted by id, the sort is stable.
        "sources": [s.source_url for _, s in by_date],
        "sites": sorted({s.site for _, s in sources if s.site is not None}),
        "n_stories": len({s.story_id for _, s in sources}),
        "n_outlets": len({s.outlet for _, s in sources}),
        "first_reported_at": first,  # every new article has a story: no FILTER needed
        "article_ids": [aid for aid, _ in sources],
    }
    for name, value in values.items():
        columns[name].append(value)


def _published_order(source: NewSource) -> tuple[bool, date]:
    """ORDER BY published_at NULLS LAST."""
    return (source.published_at is None, source.published_at or date.min)
