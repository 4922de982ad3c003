"""Keeping ``timeline_entries`` exact: each write recomputes the entries it touches.

The ``timeline`` view reads ``timeline_entries`` (migration 0009): one row
per event or fee fact with a source, holding what 0005's view computed on
every read (``timeline_live`` still does) plus the fact's source articles.
An entry depends on the fact's row, its ``fact_sources`` rows, those
articles' rows and their stories, so after a write the entries to recompute
are those of:

- every fact a saved article states now or stated before the save (its row
  may have merged, it may have gained or lost this source, or lost its last);
- every fact stated by an article whose story the write changed (a story
  merged or split: ``n_stories`` counts distinct stories).

A fact's sources are then its entry's ``article_ids``, minus the saved
articles, plus those of them that state it now: no scan of ``fact_sources``
(2.4M rows at 1M facts), and every other lookup is by primary key (an IN
list of parameters, which DuckDB answers from the index). The only scan is
for the facts of articles that changed story, when there are any. A fact
the write created, stated only by articles new in it, gets its entry from
the rows the write holds instead (``store.timeline_new``), without a join.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

import duckdb

from store.bulk import registered
from store.timeline_new import NewEntries, fee_detail, insert_new_entries

# One template for every entry: a full rebuild fills it from fact_sources,
# a refresh from the pairs it computed, filtered to the facts and articles
# it touches. The aggregates are 0005's (``count(DISTINCT x)`` written as the
# length of the distinct non-null list: the same counts, 27.8 -> 19.4 ms of CPU
# for the bench batch's 341 entries, best of 21); ``article_ids`` is the entry's own.
ENTRIES = """
WITH pairs AS ({pairs}),
items AS (
    SELECT e.fact_id, e.programme, 'event' AS kind, e.event_type, e.date AS event_date,
           e.precision AS event_precision, e.description AS detail
    FROM events AS e{fact_filter}
    UNION ALL
    SELECT fe.fact_id, fe.programme, 'fee' AS kind, NULL, NULL, NULL,
           {fee_detail}
    FROM fees AS fe{fact_filter}
),
sources AS (
    SELECT article_id, coalesce(canonical_url, final_url, url) AS source_url, published_at, site, fetched_at
    FROM articles{article_filter}
),
memberships AS (SELECT article_id, story_id, outlet FROM article_stories{article_filter}),
sourced AS (
    SELECT i.fact_id, i.programme, i.kind, i.event_type, i.event_date, i.event_precision, i.detail,
           count(*) AS n_sources,
           list(a.source_url ORDER BY a.published_at NULLS LAST, a.article_id) AS sources,
           list_sort(list_distinct(list(a.site))) AS sites,
           length(list_distinct(list(m.story_id))) AS n_stories,
           length(list_distinct(list(m.outlet))) AS n_outlets,
           coalesce(min(a.published_at) FILTER (WHERE m.story_id IS NOT NULL),
                    CAST(min(a.fetched_at) FILTER (WHERE m.story_id IS NOT NULL) AS DATE))
               AS first_reported_at,
           list_sort(list(a.article_id)) AS article_ids
    FROM items AS i
    JOIN pairs AS p USING (fact_id)
    JOIN sources AS a USING (article_id)
    LEFT JOIN memberships AS m USING (article_id)
    GROUP BY i.fact_id, i.programme, i.kind, i.event_type, i.event_date, i.event_precision, i.detail
)
SELECT fact_id,
       programme,
       kind,
       event_type,
       CASE WHEN kind = 'event' THEN event_date ELSE strftime(first_reported_at, '%Y-%m-%d') END,
       CASE WHEN kind = 'event' THEN event_precision WHEN first_reported_at IS NOT NULL THEN 'day' END,
       detail,
       n_sources,
       CAST(to_json(sources) AS VARCHAR),
       CAST(to_json(sites) AS VARCHAR),
       n_stories,
       n_outlets,
       first_reported_at,
       article_ids
FROM sourced
""".replace("{fee_detail}", fee_detail("fe."))
TIMELINE_KINDS = frozenset({"event", "fee"})
"""The fact kinds with timeline entries."""
_ALL_PAIRS = "SELECT fact_id, article_id FROM fact_sources WHERE kind IN ('event', 'fee')"
_GIVEN_PAIRS = "SELECT fact_id, article_id FROM timeline_refresh_pairs"
# DuckDB answers an IN list from the primary key up to index_scan_max_count
# (2048) matches; a larger refresh runs in slices of this many facts, and
# reads the articles of more sources than _LOOKUPS by a hash join instead
# (one event stated by every article of a big run has that many).
_SLICE = 1000
_LOOKUPS = 2000
_HEX_ID = re.compile(r"[0-9a-f]+")


def refresh_timeline(
    con: duckdb.DuckDBPyConnection,
    stated: Mapping[str, Iterable[str]],
    dropped: Iterable[str] = (),
    moved: Iterable[str] = (),
    *,
    created: Collection[str] = (),
    new: NewEntries | None = None,
) -> None:
    """Recompute the entries a write touched, inside its transaction, after all its rows.

    ``stated``: every saved article's id and the ids of the event and fee
    facts it states now (its ``fact_sources`` rows of the kinds in
    :data:`TIMELINE_KINDS`, none for an article that states none; ids of
    other kinds cost lookups and change nothing); ``dropped``: the ids of the facts, of any kind, the saved
    articles stated before the write; ``moved``: the articles whose story id
    the write changed (``store.stories.update_stories`` returns them). One
    call may cover many saves (a batch), as long as ``dropped`` was read
    before the batch's first write. ``created``: facts the write created (not
    stored before it), which have no entry to delete and read back. ``new``:
    the rows of the created facts and of the write's new articles, from which
    the entries of created facts stated only by new articles are computed
    without a join (``store.timeline_new``).
    """
    stating: dict[str, set[str]] = {}
    for aid, fact_ids in stated.items():
        for fid in fact_ids:
            stating.setdefault(fid, set()).add(aid)
    saved = set(stated)
    facts = set(stating) | set(dropped)
    if new is not None:
        # A created fact is stated by saved articles only, so no moved article adds it back below.
        facts -= insert_new_entries(con, {fid: aids for fid, aids in stating.items() if fid in created}, new)
    others = sorted(set(moved) - saved)
    if others:
        facts |= _facts_of(con, others)
    ordered = sorted(facts)
    for start in range(0, len(ordered), _SLICE):
        _recompute(con, ordered[start : start + _SLICE], saved, stating, created)


def rebuild_timeline(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every entry: for a store filled by other means than the writer (the bench's)."""
    con.execute("DELETE FROM timeline_entries")
    everything = ENTRIES.format(pairs=_ALL_PAIRS, fact_filter="", article_filter="")
    con.execute("INSERT INTO timeline_entries " + everything)


def _recompute(
    con: duckdb.DuckDBPyConnection,
    ids: list[str],
    saved: set[str],
    stating: dict[str, set[str]],
    created: Collection[str] = (),
) -> None:
    """Recompute the entries of ``ids``: sources from their entries and the saved articles."""
    fact_list = in_list(ids)
    entered = [fid for fid in ids if fid not in created]  # the facts that may have an entry
    before = []
    if entered:
        returning = "RETURNING fact_id, article_ids"
        sql = f"DELETE FROM timeline_entries WHERE fact_id IN ({in_list(entered)}) {returning}"
        before = con.execute(sql).fetchall()
    sources = {fid: set(aids) - saved for fid, aids in before}
    for fid in ids:
        sources.setdefault(fid, set()).update(stating.get(fid, ()))
    pairs = sorted((fid, aid) for fid, aids in sources.items() for aid in aids)
    if not pairs:
        return
    articles = sorted({aid for _, aid in pairs})
    article_filter = f" WHERE article_id IN ({in_list(articles)})" if len(articles) <= _LOOKUPS else ""
    sql = ENTRIES.format(
        pairs=_GIVEN_PAIRS, fact_filter=f" WHERE fact_id IN ({fact_list})", article_filter=article_filter
    )
    columns = {"fact_id": [fid for fid, _ in pairs], "article_id": [aid for _, aid in pairs]}
    with registered(con, "timeline_refresh_pairs", columns, {"fact_id": "string", "article_id": "string"}):
        con.execute("INSERT INTO timeline_entries " + sql)


def _facts_of(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> set[str]:
    """The event and fee facts stated by ``article_ids`` (a scan of fact_sources)."""
    sql = (
        f"SELECT DISTINCT fact_id FROM fact_sources WHERE article_id IN ({in_list(article_ids)}) "
        "AND kind IN ('event', 'fee')"
    )
    return {row[0] for row in con.execute(sql).fetchall()}


def in_list(ids: list[str]) -> str:
    """``ids`` as the literals of an IN list: ``'3fa0...', '9c1e...'``.

    Literals, not bound parameters, so that DuckDB reads the list from the
    primary-key index as it does for parameters, without binding a value: each
    bound value costs a failed ``import pandas`` (``store/bulk.py``), about
    4,400 of them for the bench's 162 pages. The ids are our own hex digests
    (``store.ids``); anything else is refused rather than quoted.
    """
    if not all(_HEX_ID.fullmatch(i) for i in ids):
        raise ValueError("timeline ids must be hex digests")
    return ", ".join(f"'{i}'" for i in ids)
