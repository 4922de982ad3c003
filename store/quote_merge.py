"""One quote across outlets: exact quote facts ("variants") grouped into merged quotes.

A quote fact's id hashes its exact normalised text, which already makes curly
and straight quotation marks one fact. Outlets also trim a quote or edit it
lightly ("It's" -> "It is"); those stay separate variants in ``quotes`` (each
with its own sources and offsets) and are grouped here, per speaker, into one
merged quote whose id is the smallest variant id. Grouping is the connected
components of :func:`same_quote`, a symmetric test, so the result does not
depend on which outlet's copy arrived first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import duckdb

from extractors.models import normalise
from store.bulk import id_list, registered
from store.quote_pairs import FEW, Words, candidate_pairs, pairs_with, partner_candidates
from store.words import words

MIN_TRIMMED_WORDS = 6
"""A trimmed quote must keep this many words to match by containment. Measured on
fixtures/syndication: the trimmed Feller quote keeps 13 of 23 words (difflib ratio
only 0.72, hence this rule); the longest run of words two different quotes by one
speaker share there is 1 word (Feller: "china"; Das: "indian")."""

EDIT_RATIO = 0.8
"""Word-level difflib ratio above which two quotes are one lightly edited quote.
Measured on fixtures/syndication: "It's an appealing ..." vs "It is an appealing ..."
scores 0.93; the most similar pair of different quotes by one speaker (Feller's
"China will need ..." vs "If China can attract ...") scores 0.11."""


def quote_words(text: str) -> list[str]:
    """The words of a quote, normalised (case, quote marks, dashes) and without punctuation."""
    return words(text)


def same_quote(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two quotes (as :func:`quote_words`) by one speaker are one quote."""
    if list(a) == list(b):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_TRIMMED_WORDS and _contains(long_, short):
        return True
    return SequenceMatcher(None, list(a), list(b), autojunk=False).ratio() >= EDIT_RATIO


def _contains(long_: Sequence[str], short: Sequence[str]) -> bool:
    n = len(short)
    return any(list(long_[i : i + n]) == list(short) for i in range(len(long_) - n + 1))


def speaker_key(speaker: str | None) -> str | None:
    """The key a quote is grouped under: its normalised speaker, None for an unnamed one.

    A function of the quote's fact id (which hashes ``normalise(speaker or "")``),
    so every stored spelling of one speaker has one key.
    """
    return (normalise(speaker) if speaker else "") or None


@dataclass(frozen=True)
class KnownQuotes:
    """What a writer knows of the quotes around its write, so :func:`regroup` reads only what it must.

    ``speakers``: the distinct speakers of the quotes stored before the write
    (None for an unnamed quote); ``written``: fact id -> (text, speaker) of
    every quote row the write inserted or merged into; ``deletable``: the keys
    of the stored quotes the write may have deleted (those its re-saved
    articles stated before it: no other stored quote can lose its last source).
    """

    speakers: frozenset[str | None]
    written: Mapping[str, tuple[str, str | None]]
    deletable: frozenset[str | None] = frozenset()
    # quote text -> its quote_words, for the written quotes whose words were computed
    # already (on the extraction workers, ``store.fact_rows``); the others are computed here.
    words: Mapping[str, Words] = field(default_factory=dict)


def regroup(
    con: duckdb.DuckDBPyConnection, keys: Iterable[str | None], known: KnownQuotes | None = None
) -> None:
    """Recompute ``quote_groups`` for every stored quote whose speaker has one of ``keys``.

    Runs inside the caller's transaction, once for a whole batch of saves:
    the groups of a key are a function of its stored quotes, so regrouping
    after the last save that touched a key leaves what regrouping after each
    would. Every stored spelling of a key is read (found among the distinct
    speakers), not only the spellings the saves brought.

    With ``known``, a key no quote stored before the write has is grouped from
    the write's own rows: every stored quote of that key was written by it, and
    none of them has a ``quote_groups`` row yet (nor was a quote of it deleted,
    which only happens to stored ones), so nothing is read or deleted for it.
    A key with stored quotes none of which the write can have deleted keeps its
    stored groups, which are the components over those quotes (no edge between
    two of them changed): only the pairs with a quote that has no group yet are
    compared (:func:`grown_groups`), and only the rows that change are written.
    """
    wanted = set(keys)
    if not wanted:
        return
    if known is None:
        stored, spellings, kept = wanted, None, set()
        variants: dict[str | None, Variants] = {}
    else:
        spoken = known.speakers | {speaker for _, speaker in known.written.values()}
        stored = {speaker_key(speaker) for speaker in known.speakers} & wanted
        spellings = sorted(s for s in spoken if s is not None and speaker_key(s) in stored)
        variants = _written_variants(known.written, wanted - stored, known.words)
        kept = stored - known.deletable
    groups: dict[str, str] = {}
    if stored:
        found = _variants(con, stored, spellings)
        ids: list[str] = []
        for key in sorted(stored, key=lambda k: k or ""):
            if key in kept:
                changed, had_rows = grown_groups(found[key])
                groups |= changed
                ids += had_rows
            else:
                variants[key] = [(fid, words) for fid, words, _ in found[key]]
                ids += [fid for fid, _ in variants[key]]
        if ids or stored - kept:
            with id_list(con, "newsfacts_regrouped", ids) as regrouped:
                # Quotes are deleted only under a key regrouped in full: their rows go then.
                orphans = "fact_id NOT IN (SELECT fact_id FROM quotes) OR " if stored - kept else ""
                sql = f"DELETE FROM quote_groups WHERE {orphans}fact_id IN (SELECT id FROM {regrouped})"
                con.execute(sql)
    for key in sorted(variants, key=lambda k: k or ""):
        groups |= merged_groups(variants[key])
    if groups:
        ordered = sorted(groups)
        columns = {"fact_id": ordered, "quote_id": [groups[i] for i in ordered]}
        with registered(con, "newsfacts_groups", columns) as rows:
            con.execute(f"INSERT INTO quote_groups SELECT fact_id, quote_id FROM {rows}")


Variants = list[tuple[str, Words]]


def _written_variants(
    written: Mapping[str, tuple[str, str | None]], keys: set[str | None], known: Mapping[str, Words]
) -> dict[str | None, Variants]:
    """:func:`_variants` of ``keys`` from the rows a write wrote, for keys only it wrote
    (``known``: the words of texts computed already)."""
    out: dict[str | None, Variants] = {key: [] for key in keys}
    key_of: dict[str | None, str | None] = {}  # one speaker, many quotes: normalised once
    for fid, (text, speaker) in written.items():
        key = key_of[speaker] if speaker in key_of else key_of.setdefault(speaker, speaker_key(speaker))
        if key in out:
            found = known.get(text)
            out[key].append((fid, found if found is not None else tuple(quote_words(text))))
    return {key: sorted(found) for key, found in out.items()}


Grouped = list[tuple[str, Words, str | None]]  # fact id, words, its stored quote_groups id


def _variants(
    con: duckdb.DuckDBPyConnection, keys: set[str | None], spellings: Sequence[str] | None = None
) -> dict[str | None, Grouped]:
    """Key -> (fact id, words, stored group) of every stored quote with that speaker key, by fact id.

    ``spellings``, when the caller knows them, are every non-null stored
    speaker whose key is one of ``keys`` (or more); else they are read.
    """
    if spellings is None:
        spoken = con.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()
        spellings = [row[0] for row in spoken if speaker_key(row[0]) in keys]
    unnamed = "q.speaker IS NULL OR " if None in keys else ""
    with id_list(con, "newsfacts_spellings", spellings) as names:
        rows = con.execute(
            "SELECT q.fact_id, q.text, q.speaker, g.quote_id FROM quotes AS q "
            "LEFT JOIN quote_groups AS g USING (fact_id) "
            f"WHERE {unnamed}q.speaker IN (SELECT id FROM {names})"
        ).fetchall()
    out: dict[str | None, Grouped] = {key: [] for key in keys}
    for fid, text, speaker, group in rows:
        out[speaker_key(speaker)].append((fid, tuple(quote_words(text)), group))
    return {key: sorted(found) for key, found in out.items()}


def grown_groups(variants: Grouped) -> tuple[dict[str, str], set[str]]:
    """The groups of one key's quotes given the stored groups of those that have one:
    (variant id -> merged quote id for the variants whose group is new or changed,
    the ids among them that had a stored group).

    The stored groups are the components over the grouped quotes, so the
    components over all of them are those groups joined by the pairs with an
    ungrouped quote, which are the only ones compared: each against every quote
    when they are few, else through the indexes of ``store.quote_pairs`` over
    every quote, queried with the ungrouped ones (:func:`pairs_with`).
    """
    if all(group is not None for _, _, group in variants):
        return {}, set()
    stored = {fid: group for fid, _, group in variants if group is not None}
    new = {found for _, found, group in variants if group is None}
    if not stored.keys() >= set(stored.values()):  # (a group of another key: regroup)
        final = merged_groups([(fid, found) for fid, found, _ in variants])
    else:
        parent = {fid: fid for fid, _, _ in variants}
        for fid, group in stored.items():
            _join(parent, fid, group)
        by_words = _join_equal(parent, [(fid, found) for fid, found, _ in variants])
        for a, b in _pairs_with_new(list(by_words), new):
            if same_quote(a, b):
                _join(parent, by_words[a][0], by_words[b][0])
        final = {fid: _root(parent, fid) for fid in parent}
    changed = {fid: quote for fid, quote in final.items() if stored.get(fid) != quote}
    return changed, {fid for fid in changed if fid in stored}


def _pairs_with_new(lists: list[Words], new: set[Words]) -> Iterator[tuple[Words, Words]]:
    """The pairs of distinct non-empty ``lists`` with a list of ``new`` that may be one quote:
    each new one against every list when they are few, else through the indexes
    :func:`pairs_with` builds over every list."""
    if len(new) <= FEW:
        for found in new:
            if found:
                for j in partner_candidates(found, lists, MIN_TRIMMED_WORDS, EDIT_RATIO):
                    if lists[j] != found:
                        yield found, lists[j]
        return
    present = [found for found in lists if found]
    chosen = [i for i, found in enumerate(present) if found in new]
    for i, j in pairs_with(present, chosen, MIN_TRIMMED_WORDS, EDIT_RATIO):
        yield present[i], present[j]


def _root(parent: dict[str, str], node: str) -> str:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _join(parent: dict[str, str], a: str, b: str) -> None:
    """Join the components of ``a`` and ``b``; the smaller root wins (a root is its smallest id)."""
    ra, rb = _root(parent, a), _root(parent, b)
    parent[max(ra, rb)] = min(ra, rb)


def _join_equal(parent: dict[str, str], variants: Iterable[tuple[str, Words]]) -> dict[Words, list[str]]:
    """Join the variants whose word lists are equal (one quote); word list -> its variant ids, in order."""
    by_words: dict[Words, list[str]] = {}
    for fid, found in variants:
        by_words.setdefault(found, []).append(fid)
    for same in by_words.values():
        for fid in same[1:]:
            _join(parent, same[0], fid)
    return by_words


def merged_groups(variants: Sequence[tuple[str, Words]]) -> dict[str, str]:
    """Variant id -> merged quote id (the smallest variant id of its component).

    The components of :func:`same_quote` over every pair of ``variants``
    (one speaker's), comparing only the pairs ``store.quote_pairs`` nominates.
    """
    parent = {fid: fid for fid, _ in variants}
    by_words = _join_equal(parent, variants)
    lists = [words for words in by_words if words]
    if len(lists) >= 2:  # most speakers of a batch: one distinct quote, no pair to compare
        for i, j in candidate_pairs(lists, MIN_TRIMMED_WORDS, EDIT_RATIO):
            if same_quote(lists[i], lists[j]):
                _join(parent, by_words[lists[i]][0], by_words[lists[j]][0])
    return {fid: _root(parent, fid) for fid in parent}
