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

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

import duckdb

from extractors.models import normalise

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

_WORD = re.compile(r"\w+")


def quote_words(text: str) -> list[str]:
    """The words of a quote, normalised (case, quote marks, dashes) and without punctuation."""
    return _WORD.findall(normalise(text))


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


def speakers_of(con: duckdb.DuckDBPyConnection, fact_ids: Iterable[str]) -> set[str | None]:
    """The speakers (as stored) of the stored quotes among ``fact_ids``."""
    wanted = sorted(fact_ids)
    if not wanted:
        return set()
    rows = con.execute(
        "SELECT DISTINCT speaker FROM quotes WHERE fact_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
    ).fetchall()
    return {row[0] for row in rows}


def regroup(con: duckdb.DuckDBPyConnection, speakers: Iterable[str | None]) -> None:
    """Recompute ``quote_groups`` for every quote by one of ``speakers`` (None: unnamed)."""
    spellings: dict[str | None, set[str]] = {}
    for speaker in speakers:
        spellings.setdefault(_speaker_key(speaker), set()).update([speaker] if speaker else [])
    for key in sorted(spellings, key=lambda s: s or ""):
        variants = _variants(con, key, spellings[key])
        con.execute(
            "DELETE FROM quote_groups WHERE fact_id NOT IN (SELECT fact_id FROM quotes) "
            "OR fact_id IN (SELECT unnest(?::VARCHAR[]))",
            [[fid for fid, _ in variants]],
        )
        groups = _groups(variants)
        if groups:
            ids = sorted(groups)
            con.execute(
                "INSERT INTO quote_groups SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                [ids, [groups[i] for i in ids]],
            )


def _speaker_key(speaker: str | None) -> str | None:
    return normalise(speaker) if speaker else None


def _variants(
    con: duckdb.DuckDBPyConnection, key: str | None, spellings: set[str]
) -> list[tuple[str, list[str]]]:
    """(fact id, words) of every stored quote whose normalised speaker is ``key``, by fact id."""
    if key is None:
        rows = con.execute("SELECT fact_id, text, speaker FROM quotes WHERE speaker IS NULL").fetchall()
    else:
        # lower() narrows the scan to the spellings seen; normalise() decides, as
        # the fact identity does.
        rows = con.execute(
            "SELECT fact_id, text, speaker FROM quotes WHERE lower(speaker) IN (SELECT unnest(?::VARCHAR[]))",
            [sorted({s.lower() for s in spellings})],
        ).fetchall()
        rows = [row for row in rows if _speaker_key(row[2]) == key]
    return sorted((row[0], quote_words(row[1])) for row in rows)


def _groups(variants: list[tuple[str, list[str]]]) -> dict[str, str]:
    """Variant id -> merged quote id (the smallest variant id of its component)."""
    parent = {fid: fid for fid, _ in variants}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, (fa, wa) in enumerate(variants):
        for fb, wb in variants[i + 1 :]:
            if same_quote(wa, wb):
                ra, rb = root(fa), root(fb)
                parent[max(ra, rb)] = min(ra, rb)
    return {fid: root(fid) for fid in parent}
