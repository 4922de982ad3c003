"""Story membership, kept up to date inside the transaction that saves an article.

A story is a connected component of the "same story" graph: articles are the
nodes, ``story_links`` the edges (``store.dedup.same_story`` decides each
one). Saving articles replaces their fingerprints, keys and links, then
recomputes only the components they can have changed: their old stories and
the stories of the articles they now link to. A story's id is its smallest
article id, so neither the ids nor the grouping depend on ingest order.

The links, and so the stories, are a function of the stored fingerprints (a
pair is linked when it shares a key and ``same_story`` says so, a symmetric
test), which is why a batch of saves can be grouped once, after all its
fingerprints are stored, and leave what grouping after each save leaves.
Every step is one statement for the whole batch, over Arrow tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

import duckdb

from extractors.models import Article
from store.bulk import id_list, registered
from store.dedup import Fingerprint, LinkReason, article_url_key, fingerprint, same_story


@dataclass(frozen=True)
class StoryInput:
    """What one article's save brings to dedup, computed before the transaction."""

    article_id: str
    outlet: str
    fingerprint: Fingerprint


@dataclass(frozen=True)
class Member:
    """What a story's row reads of one of its articles, as its ``articles`` row holds it."""

    article_id: str
    title: str | None
    published_at: date | None
    text_length: int  # characters, as DuckDB's length() counts them (code points)
    fetched_at: datetime


def story_input(article_id: str, article: Article, computed: Fingerprint | None = None) -> StoryInput:
    """Fingerprint and outlet of ``article``; the fingerprint ``computed`` earlier is
    taken when it is this article's (same URL key and text hash)."""
    if computed is None or not _is_of(computed, article):
        computed = article_fingerprint(article)
    return StoryInput(article_id, outlet_of(article), computed)


def article_fingerprint(article: Article) -> Fingerprint:
    """The dedup fingerprint of ``article`` (pure: MinHash over its text). The extraction
    workers compute it beside the facts (``flows.pipeline.extract_fetched``), so the one
    process that saves does not."""
    found = fingerprint(article.url, article.canonical_url, article.text, article.text_hash)
    found.keys()  # computed here, on the worker, and kept with the fingerprint
    return found


def _is_of(computed: Fingerprint, article: Article) -> bool:
    """Whether ``computed`` is the fingerprint of ``article`` (same URL key and text hash),
    checked on the URLs it was computed from when it says."""
    if computed.text_hash != article.text_hash:
        return False
    if computed.made_from is not None:
        return computed.made_from == (article.url, article.canonical_url)
    return computed.url_key == article_url_key(article.url, article.canonical_url)


def outlet_of(article: Article) -> str:
    """The outlet that published ``article``: its site name, else its host, else its URL."""
    if article.site and article.site.strip():
        return article.site.strip()
    host = urlsplit(article.url).hostname
    return host or article.url


# Joined from the member ids, so each table is probed for those rows only.
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
FROM {members} AS wanted
JOIN article_stories AS m ON m.article_id = wanted.id
JOIN articles AS a ON a.article_id = wanted.id
JOIN story_signatures AS g ON g.article_id = wanted.id
GROUP BY m.story_id
"""
_STORY_COLUMNS = (
    "story_id", "representative_article_id", "title", "wire", "n_articles", "n_outlets", "outlets",
    "first_seen_at", "first_published_at",
)  # fmt: skip
_SIGNATURE_COLUMNS = ("article_id", "url_key", "text_hash", "wire", "n_shingles", "minhash")


@dataclass(frozen=True)
class StoryUpdate:
    """What :func:`update_stories_many` did: each item's story id, and the stored
    articles whose story id changed (a merge or a split: ``store.timeline`` recounts
    the stories of the facts they state)."""

    story_ids: dict[str, str]
    moved: set[str]


def update_stories(con: duckdb.DuckDBPyConnection, item: StoryInput) -> str:
    """:func:`update_stories_many` for one article; its story id."""
    return update_stories_many(con, [item]).story_ids[item.article_id]


def update_stories_many(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[StoryInput],
    *,
    stored: set[str] | None = None,
    members: Mapping[str, Member] | None = None,
) -> StoryUpdate:
    """Store the fingerprints of ``items``, link them, regroup the stories they touch.

    ``items`` are the latest saves of distinct articles. Runs inside the
    caller's transaction, after the article rows are written; returns each
    item's story id and the stored articles whose story id changed.
    ``stored``, when the caller knows it, names the items whose articles
    were stored before (the others have no story yet);
    ``members``, each item's article row as written, lets a batch of new
    articles compute its story rows without reading them back.
    """
    if not items:
        return StoryUpdate({}, set())
    batch = {item.article_id: item for item in items}
    if len(batch) != len(items):
        raise ValueError("update_stories_many takes one item per article")
    old = _stories_around(con, batch if stored is None else stored & batch.keys())
    keys = [(key, item.article_id) for item in items for key in item.fingerprint.keys()]
    # An article with a story row has its fingerprint stored (both are written here).
    known = old.keys() & batch.keys()
    stored_hits = _replace_fingerprints(con, items, keys, stored=known)
    links = _link(con, batch, _batch_hits(keys) | stored_hits)
    linked = _stories_around(con, {node for pair in links for node in pair} - batch.keys())
    touched = old.keys() | batch.keys() | linked.keys()
    moved: set[str] = set()
    if old or linked:
        assignment = _components(touched, _links_of(con, touched))
        moved = _move_members(con, assignment)
        _delete_stories(con, set(old.values()) | set(linked.values()) | set(assignment.values()))
    else:  # only new articles, linked among themselves: no stored row can change
        assignment = _components(touched, list(links))
    _write_membership(con, assignment, items, known)
    if old or linked or members is None:
        _insert_stories(con, sorted(assignment))
    else:  # every member is new and its row is at hand: no join over the articles table
        _insert_story_rows(con, assignment, batch, members)
    return StoryUpdate({aid: assignment[aid] for aid in batch}, moved)


def _stories_around(con: duckdb.DuckDBPyConnection, aids: Iterable[str]) -> dict[str, str]:
    """Every member of the stories of ``aids`` -> its story id, as stored."""
    wanted = set(aids)
    if not wanted:
        return {}
    with id_list(con, "newsfacts_articles", wanted) as ids:
        rows = con.execute(
            "SELECT article_id, story_id FROM article_stories WHERE story_id IN "
            f"(SELECT story_id FROM article_stories WHERE article_id IN (SELECT id FROM {ids}))"
        ).fetchall()
    return {row[0]: row[1] for row in rows}


def _replace_fingerprints(
    con: duckdb.DuckDBPyConnection, items: Sequence[StoryInput], keys: list[tuple[int, str]], stored: set[str]
) -> set[tuple[str, str]]:
    """Write the fingerprints of ``items``, first deleting those of the ones ``stored`` before.

    Returns the (item, other article) pairs that share a key, the other not an
    item: read between the delete and the insert, when every key in the table
    is of an article outside the batch.
    """
    if stored:
        with id_list(con, "newsfacts_articles", stored) as ids:
            for table in ("story_signatures", "story_keys"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM {ids})")
            con.execute(
                f"DELETE FROM story_links WHERE article_a IN (SELECT id FROM {ids}) "
                f"OR article_b IN (SELECT id FROM {ids})"
            )
    fps = [(item.article_id, item.fingerprint) for item in items]
    signatures: dict[str, Sequence[object]] = {
        "article_id": [aid for aid, _ in fps],
        "url_key": [fp.url_key for _, fp in fps],
        "text_hash": [fp.text_hash for _, fp in fps],
        "wire": [fp.wire for _, fp in fps],
        "n_shingles": [fp.n_shingles for _, fp in fps],
        "minhash": [fp.minhash for _, fp in fps],
    }
    with _keys_table(con, keys) as rows:
        hits = con.execute(
            f"SELECT DISTINCT mine.article_id, theirs.article_id FROM {rows} AS mine "
            "JOIN story_keys AS theirs ON theirs.key = mine.key AND theirs.article_id <> mine.article_id"
        ).fetchall()
        con.execute(f"INSERT INTO story_keys SELECT key, article_id FROM {rows}")
    with registered(con, "newsfacts_signatures", signatures, {"wire": "string", "minhash": "binary"}) as rows:
        con.execute(f"INSERT INTO story_signatures SELECT {', '.join(_SIGNATURE_COLUMNS)} FROM {rows}")
    return {(aid, other) for aid, other in hits}


def _batch_hits(keys: list[tuple[int, str]]) -> set[tuple[str, str]]:
    """The ordered pairs of distinct batch articles that share a key (both orders).

    Most keys belong to one article: they are counted in C first, and only the
    repeated ones are grouped; copies of one text share all their ~39 keys, so each
    distinct set of sharers is expanded into pairs once (the bench batch: 13,494 keys,
    a set per key and every key's pairs were 7-8 ms of CPU)."""
    counts = Counter(key for key, _ in keys)
    sharing: dict[int, set[str]] = {}
    for key, aid in keys:
        if counts[key] > 1:
            sharing.setdefault(key, set()).add(aid)
    groups = {frozenset(aids) for aids in sharing.values() if len(aids) > 1}
    return {(a, b) for aids in groups for a in aids for b in aids if a != b}


def _keys_table(con: duckdb.DuckDBPyConnection, keys: list[tuple[int, str]]) -> AbstractContextManager[str]:
    columns: dict[str, Sequence[object]] = {"key": [k for k, _ in keys], "article_id": [a for _, a in keys]}
    return registered(con, "newsfacts_keys", columns, {"key": "int64", "article_id": "string"})


def _link(
    con: duckdb.DuckDBPyConnection, batch: dict[str, StoryInput], hits: set[tuple[str, str]]
) -> dict[tuple[str, str], tuple[LinkReason, float]]:
    """Link every article of ``batch`` to every article it shares a key with (``hits``:
    (batch article, other) pairs) and is one story with; the links."""
    links: dict[tuple[str, str], tuple[LinkReason, float]] = {}
    stored = _candidates(con, batch, hits)
    decided: set[tuple[str, str]] = set()
    for aid, other in sorted(stored):
        pair = (min(aid, other), max(aid, other))
        if pair in decided:  # two articles of the batch find each other twice
            continue
        decided.add(pair)
        theirs = batch[other].fingerprint if other in batch else stored[aid, other]
        verdict = same_story(batch[aid].fingerprint, theirs)
        if verdict:
            links[pair] = verdict
    if links:
        pairs = sorted(links)
        columns: dict[str, Sequence[object]] = {
            "article_a": [a for a, _ in pairs],
            "article_b": [b for _, b in pairs],
            "reason": [links[p][0] for p in pairs],
            "similarity": [float(links[p][1]) for p in pairs],
        }
        with registered(con, "newsfacts_links", columns) as rows:
            con.execute(f"INSERT INTO story_links SELECT * FROM {rows}")
    return links


def _candidates(
    con: duckdb.DuckDBPyConnection, batch: dict[str, StoryInput], hits: set[tuple[str, str]]
) -> dict[tuple[str, str], Fingerprint]:
    """(batch article, other article) pairs sharing at least one key -> the other's fingerprint.

    The signatures table is read only for the other articles outside the batch.
    """
    if not hits:
        return {}
    others = {other for _, other in hits if other not in batch}
    fingerprints: dict[str, Fingerprint] = {}
    if others:
        with id_list(con, "newsfacts_others", others) as ids:
            rows = con.execute(
                "SELECT article_id, url_key, text_hash, wire, n_shingles, minhash FROM story_signatures "
                f"WHERE article_id IN (SELECT id FROM {ids})"
            ).fetchall()
        fingerprints = {
            row[0]: Fingerprint(row[1], row[2], row[3], int(row[4]), bytes(row[5])) for row in rows
        }
    return {
        (aid, other): fingerprints[other] if other in fingerprints else batch[other].fingerprint
        for aid, other in hits
    }


def _links_of(con: duckdb.DuckDBPyConnection, touched: set[str]) -> list[tuple[str, str]]:
    """The stored links with an end in ``touched``."""
    with id_list(con, "newsfacts_touched", touched) as ids:
        rows = con.execute(
            f"SELECT article_a, article_b FROM story_links WHERE article_a IN (SELECT id FROM {ids}) "
            f"OR article_b IN (SELECT id FROM {ids})"
        ).fetchall()
    return [(a, b) for a, b in rows]


def _components(touched: set[str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article id -> story id (smallest member) for the components over ``touched``."""
    parent = {aid: aid for aid in touched}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        # The smaller id wins, so every component's root is its smallest member.
        parent[max(ra, rb)] = min(ra, rb)
    return {aid: root(aid) for aid in parent}


def _move_members(con: duckdb.DuckDBPyConnection, assignment: dict[str, str]) -> set[str]:
    """Stored articles whose story changed get their new story id; their ids."""
    ids = sorted(assignment)
    new: dict[str, Sequence[object]] = {"article_id": ids, "story_id": [assignment[i] for i in ids]}
    with registered(con, "newsfacts_assignment", new) as m:
        rows = con.execute(
            f"UPDATE article_stories SET story_id = m.story_id FROM {m} AS m "
            "WHERE article_stories.article_id = m.article_id AND article_stories.story_id <> m.story_id "
            "RETURNING article_stories.article_id"
        ).fetchall()
    return {row[0] for row in rows}


def _write_membership(
    con: duckdb.DuckDBPyConnection, assignment: dict[str, str], items: Sequence[StoryInput], known: set[str]
) -> None:
    """The batch articles' story rows, with their outlets (``known``: those that have one)."""
    for rows, conflict in (
        ([item for item in items if item.article_id not in known], ""),
        (
            [item for item in items if item.article_id in known],
            " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, outlet = excluded.outlet",
        ),
    ):
        if not rows:
            continue
        columns: dict[str, Sequence[object]] = {
            "article_id": [item.article_id for item in rows],
            "story_id": [assignment[item.article_id] for item in rows],
            "outlet": [item.outlet for item in rows],
        }
        with registered(con, "newsfacts_membership", columns) as m:
            con.execute(f"INSERT INTO article_stories SELECT article_id, story_id, outlet FROM {m}{conflict}")


def _delete_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Drop the ``stories`` rows of ``story_ids`` (recomputed next, empty ones gone)."""
    with id_list(con, "newsfacts_stories", story_ids) as ids:
        con.execute(f"DELETE FROM stories WHERE story_id IN (SELECT id FROM {ids})")


def _insert_story_rows(
    con: duckdb.DuckDBPyConnection,
    assignment: dict[str, str],
    batch: dict[str, StoryInput],
    members: Mapping[str, Member],
) -> None:
    """:data:`_INSERT_STORIES` computed here, for stories whose members are all in ``batch``."""
    stories: dict[str, list[str]] = {}
    for aid, story in assignment.items():
        stories.setdefault(story, []).append(aid)
    columns: dict[str, list[object]] = {name: [] for name in _STORY_COLUMNS}
    for story, aids in sorted(stories.items()):
        rows = [members[aid] for aid in aids]
        first = min(rows, key=_representative_order)
        wires = {batch[aid].fingerprint.wire for aid in aids} - {None}
        outlets = sorted({batch[aid].outlet for aid in aids})
        published = [r.published_at for r in rows if r.published_at is not None]
        values = (
            story, first.article_id, first.title, wires.pop() if len(wires) == 1 else None, len(rows),
            len(outlets), outlets, min(r.fetched_at for r in rows), min(published) if published else None,
        )  # fmt: skip
        for name, value in zip(_STORY_COLUMNS, values, strict=True):
            columns[name].append(value)
    types = {"title": "string", "wire": "string", "first_published_at": "date32"}
    with registered(con, "newsfacts_story_rows", columns, types) as rows_view:
        con.execute(f"INSERT INTO stories SELECT {', '.join(_STORY_COLUMNS)} FROM {rows_view}")


def _representative_order(row: Member) -> tuple[bool, date, int, str]:
    """ORDER BY published_at NULLS LAST, length(text) DESC, article_id."""
    return (row.published_at is None, row.published_at or date.min, -row.text_length, row.article_id)


def _insert_stories(con: duckdb.DuckDBPyConnection, members: list[str]) -> None:
    """The ``stories`` rows of the stories ``members`` make up, computed from them."""
    with id_list(con, "newsfacts_members", members) as ids:
        con.execute(_INSERT_STORIES.format(members=ids))
