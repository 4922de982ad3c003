"""Story membership, kept up to date inside the transaction that saves an article.

A story is a connected component of the "same story" graph: articles are the
nodes, ``story_links`` the edges (``store.dedup.same_story`` decides each
one). Saving an article replaces its fingerprint, keys and links, then
recomputes only the components it can have changed: its old story and the
stories of the articles it now links to. A story's id is its smallest
article id, so neither the ids nor the grouping depend on ingest order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import duckdb

from extractors.models import Article
from store.dedup import Fingerprint, LinkReason, fingerprint, same_story


@dataclass(frozen=True)
class StoryInput:
    """What one article's save brings to dedup, computed before the transaction."""

    article_id: str
    outlet: str
    fingerprint: Fingerprint


def story_input(article_id: str, article: Article) -> StoryInput:
    """Fingerprint and outlet of ``article`` (pure: MinHash over its text)."""
    fp = fingerprint(article.url, article.canonical_url, article.text, article.text_hash)
    return StoryInput(article_id, outlet_of(article), fp)


def outlet_of(article: Article) -> str:
    """The outlet that published ``article``: its site name, else its host, else its URL."""
    if article.site and article.site.strip():
        return article.site.strip()
    host = urlsplit(article.url).hostname
    return host or article.url


# The members are spelled out as a list of parameters so DuckDB filters the
# articles scan by id (zone maps) instead of hash-joining the whole table.
_INSERT_STORIES = """
INSERT INTO stories
SELECT m.story_id,
       first(a.article_id ORDER BY a.published_at NULLS LAST, length(a.text) DESC, a.article_id),
       first(a.title ORDER BY a.published_at NULLS LAST, length(a.text) DESC, a.article_id),
       CASE WHEN count(DISTINCT g.wire) = 1 THEN min(g.wire) END,
       count(*),
       count(DISTINCT m.outlet),
       list_sort(list_distinct(list(m.outlet))),
       min(a.fetched_at),
       min(a.published_at)
FROM article_stories AS m
JOIN articles AS a USING (article_id)
JOIN story_signatures AS g USING (article_id)
WHERE m.article_id IN ({members}) AND a.article_id IN ({members}) AND g.article_id IN ({members})
GROUP BY m.story_id
"""


def update_stories(con: duckdb.DuckDBPyConnection, item: StoryInput) -> set[str]:
    """Store ``item``'s fingerprint, link it, regroup the stories it touches.

    Runs inside the caller's transaction, after the article row is written.
    Returns the stored articles whose story id changed (a story merged or
    split): the facts they state count stories differently now
    (``store.timeline``). ``item`` itself is among them only when it was
    stored before.
    """
    aid = item.article_id
    old_story = _story_of(con, aid)
    before = _members(con, [old_story]) if old_story else set()
    _replace_fingerprint(con, item)
    linked = _link(con, item)
    touched = before | {aid} | _members(con, _stories_of(con, linked))
    old_ids = _stories_of(con, touched)
    assignment = _components(con, touched)
    moved = _write_membership(con, assignment, item)
    _rewrite_stories(con, old_ids | set(assignment.values()), sorted(assignment))
    return moved


def _story_of(con: duckdb.DuckDBPyConnection, aid: str) -> str | None:
    row = con.execute("SELECT story_id FROM article_stories WHERE article_id = ?", [aid]).fetchone()
    return str(row[0]) if row else None


def _stories_of(con: duckdb.DuckDBPyConnection, aids: Iterable[str]) -> set[str]:
    wanted = sorted(aids)
    if not wanted:
        return set()
    rows = con.execute(
        "SELECT DISTINCT story_id FROM article_stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [wanted],
    ).fetchall()
    return {row[0] for row in rows}


def _members(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str]) -> set[str]:
    wanted = sorted(story_ids)
    if not wanted:
        return set()
    rows = con.execute(
        "SELECT article_id FROM article_stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
    ).fetchall()
    return {row[0] for row in rows}


def _replace_fingerprint(con: duckdb.DuckDBPyConnection, item: StoryInput) -> None:
    aid, fp = item.article_id, item.fingerprint
    for table in ("story_signatures", "story_keys"):
        con.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
    con.execute("DELETE FROM story_links WHERE article_a = ? OR article_b = ?", [aid, aid])
    con.execute(
        "INSERT INTO story_signatures VALUES (?, ?, ?, ?, ?, ?)",
        [aid, fp.url_key, fp.text_hash, fp.wire, fp.n_shingles, fp.minhash],
    )
    con.execute("INSERT INTO story_keys SELECT unnest(?::BIGINT[]), ?", [fp.keys(), aid])


def _link(con: duckdb.DuckDBPyConnection, item: StoryInput) -> set[str]:
    """Link ``item`` to every stored article it is one story with; the linked ids."""
    links: list[tuple[str, str, LinkReason, float]] = []
    for other, fp in _candidates(con, item):
        verdict = same_story(item.fingerprint, fp)
        if verdict:
            a, b = sorted((item.article_id, other))
            links.append((a, b, verdict[0], verdict[1]))
    if links:
        con.executemany("INSERT INTO story_links VALUES (?, ?, ?, ?)", links)
    return {a if b == item.article_id else b for a, b, _, _ in links}


def _candidates(con: duckdb.DuckDBPyConnection, item: StoryInput) -> list[tuple[str, Fingerprint]]:
    """Stored articles sharing at least one key with ``item``, with their fingerprints.

    Two steps, so the signatures table is read only for the few candidate ids
    (an IN list of parameters, which DuckDB answers from the primary key).
    """
    hits = con.execute(
        "SELECT DISTINCT article_id FROM story_keys WHERE key IN (SELECT unnest(?::BIGINT[])) "
        "AND article_id <> ? ORDER BY article_id",
        [item.fingerprint.keys(), item.article_id],
    ).fetchall()
    if not hits:
        return []
    ids = [row[0] for row in hits]
    rows = con.execute(
        "SELECT article_id, url_key, text_hash, wire, n_shingles, minhash FROM story_signatures "
        f"WHERE article_id IN ({', '.join('?' for _ in ids)}) ORDER BY article_id",
        ids,
    ).fetchall()
    return [(row[0], Fingerprint(row[1], row[2], row[3], int(row[4]), bytes(row[5]))) for row in rows]


def _components(con: duckdb.DuckDBPyConnection, touched: set[str]) -> dict[str, str]:
    """Article id -> story id (smallest member) for the components over ``touched``."""
    rows = con.execute(
        "SELECT article_a, article_b FROM story_links WHERE article_a IN (SELECT unnest($ids::VARCHAR[])) "
        "OR article_b IN (SELECT unnest($ids::VARCHAR[]))",
        {"ids": sorted(touched)},
    ).fetchall()
    parent = {aid: aid for aid in touched}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in rows:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        # The smaller id wins, so every component's root is its smallest member.
        parent[max(ra, rb)] = min(ra, rb)
    return {aid: root(aid) for aid in parent}


def _write_membership(
    con: duckdb.DuckDBPyConnection, assignment: dict[str, str], item: StoryInput
) -> set[str]:
    """Write the new story ids; the stored articles whose story id changed."""
    ids = sorted(assignment)
    moved = con.execute(
        "UPDATE article_stories SET story_id = m.story_id "
        "FROM (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS story_id) AS m "
        "WHERE article_stories.article_id = m.article_id AND article_stories.story_id <> m.story_id "
        "RETURNING article_stories.article_id",
        [ids, [assignment[i] for i in ids]],
    ).fetchall()
    con.execute(
        "INSERT INTO article_stories VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
        "story_id = excluded.story_id, outlet = excluded.outlet",
        [item.article_id, assignment[item.article_id], item.outlet],
    )
    return {row[0] for row in moved}


def _rewrite_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str], members: list[str]) -> None:
    """Recompute the ``stories`` rows of ``story_ids`` from their ``members`` (empty ones vanish)."""
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(story_ids)])
    marks = ", ".join("?" for _ in members)
    con.execute(_INSERT_STORIES.format(members=marks), members * 3)
