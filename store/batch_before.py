"""What a batch of saves reads of the store before it writes (``store.writer``).

One statement for what every batch reads (its articles' stored sources,
which of its articles and facts are stored, the stored quotes' speakers), a
second only for a batch that re-saves an article, a third only when a saved
article was a source before (the speakers of its stored quotes).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import duckdb

from store.bulk import id_list
from store.quote_merge import speaker_key
from store.tables import FACT_TABLES

# What a batch reads before it writes, tagged: its articles' fact_sources rows
# ('source'), which of its articles are stored ('article'), which of the facts it
# states or stated are stored ('fact'), and (_SPEAKERS) the stored quotes' speakers.
_BEFORE = """
WITH old AS MATERIALIZED (
    SELECT article_id, fact_id FROM fact_sources WHERE article_id IN (SELECT id FROM {saved})
),
touched AS (SELECT id FROM {stated} UNION SELECT fact_id FROM old)
SELECT 'source' AS what, article_id AS key, fact_id FROM old
UNION ALL SELECT 'article', article_id, NULL FROM articles WHERE article_id IN (SELECT id FROM {saved})
{facts}"""
# One filter over the fact tables' union, not one per table: DuckDB inlined ``touched``
# (a UNION, deduplicated) once per table, five times (the statement was 7 ms of a
# two-article batch's 45 on the bench pages, the same rows as one filter).
_STORED_FACTS = (
    "UNION ALL SELECT 'fact', fact_id, NULL FROM ("
    + " UNION ALL ".join(f"SELECT fact_id FROM {t.table}" for t in FACT_TABLES.values())
    + ") WHERE fact_id IN (SELECT id FROM touched)\n"
)
_SPEAKERS = "UNION ALL SELECT DISTINCT 'speaker', speaker, NULL FROM quotes"


@dataclass
class Before:
    """What the store holds before a batch, as far as the batch's saves read it."""

    articles: set[str]  # the batch's articles that are stored
    sources: dict[str, set[str]]  # batch article id -> the facts it is a source of
    stored: set[str]  # of the facts the batch touches, those stored
    elsewhere: set[str]  # of the batch's articles' stored facts, those an article outside it states
    quote_keys: set[str | None]  # speaker keys of the stored quotes among the batch's old facts
    # The distinct speakers of the stored quotes (None: an unnamed quote), when read:
    # what lets ``regroup`` skip the speakers no stored quote has.
    speakers: set[str | None] | None = None


def read_before(
    con: duckdb.DuckDBPyConnection, saves: Sequence[tuple[str, Collection[str]]], *, quotes: bool
) -> Before:
    """What the store holds of a batch's ``saves`` (each: an article id and the ids of the
    facts that save states, in the batch's order) before the batch writes; ``quotes``:
    whether any save states a quote (the stored quotes' speakers are read then)."""
    aids = {aid for aid, _ in saves}
    sources: dict[str, set[str]] = {aid: set() for aid in aids}
    articles: set[str] = set()
    stored: set[str] = set()
    speakers: set[str | None] | None = set() if quotes else None
    stated = set().union(*(fids for _, fids in saves))
    # One statement for what every batch reads; a second only for a batch that re-saves.
    with id_list(con, "newsfacts_saved", aids) as saved, id_list(con, "newsfacts_stated", stated) as ids:
        sql = _BEFORE.format(saved=saved, stated=ids, facts=_STORED_FACTS)
        for what, key, fid in con.execute(sql + (_SPEAKERS if speakers is not None else "")).fetchall():
            if what == "source":
                sources[key].add(fid)
            elif what == "article":
                articles.add(key)
            elif what == "fact":
                stored.add(key)
            else:
                assert speakers is not None
                speakers.add(key)
        old = set().union(*sources.values())
        # A fact can lose a source only to a re-save: of an article stored before
        # the batch, or saved again later in it.
        last = {aid: i for i, (aid, _) in enumerate(saves)}
        losable = old.union(*(fids for i, (aid, fids) in enumerate(saves) if i < last[aid]))
        elsewhere: set[str] = set()
        if losable:
            with id_list(con, "newsfacts_losable", losable) as losing:
                rows = con.execute(
                    f"SELECT DISTINCT fact_id FROM fact_sources WHERE fact_id IN (SELECT id FROM {losing}) "
                    f"AND article_id NOT IN (SELECT id FROM {saved})"
                ).fetchall()
            elsewhere = {row[0] for row in rows}
    keys: set[str | None] = set()
    if old:
        with id_list(con, "newsfacts_old", old) as old_ids:
            sql = f"SELECT speaker FROM quotes WHERE fact_id IN (SELECT id FROM {old_ids})"
            keys = {speaker_key(row[0]) for row in con.execute(sql).fetchall()}
    return Before(articles, sources, stored, elsewhere, keys, speakers)
