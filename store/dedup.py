"""Which articles tell the same story: keys, MinHash signatures and the pairwise test.

Pure functions, no DuckDB: ``store.stories`` persists what these compute and
asks :func:`same_story` about the candidates the persisted keys find.

An article gets *keys*, exact strings two copies of one story share:

- ``url:`` its canonical URL (else its own) normalised harder than an article
  id is: mobile and AMP hosts, ``amp/`` path segments and ``www.`` go too;
- ``text:`` its text hash;
- ``band:`` one key per MinHash LSH band (the bands and rows datasketch ``MinHashLSH`` chooses
  for :data:`LSH_THRESHOLD`, see :data:`BANDS`), so near-duplicates share at least
  one band with high probability and unrelated texts almost never do.

Keys only nominate candidates; :func:`same_story` decides, from the stored
signatures, whether a candidate pair is one story. The test is symmetric and
pairwise, so the stories (connected components of "same story") do not depend
on the order articles arrive in.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

import numpy as np

from store.ids import normalise_url
from store.minhash import MinHasher
from store.words import words

LinkReason = Literal["url", "text", "near_duplicate", "syndicated"]

NUM_PERM = 128
"""MinHash permutations: the Jaccard estimate's standard error is about 1/sqrt(128) = 0.09."""

SHINGLE_WORDS = 5
"""Words per shingle. Measured on fixtures/syndication (5 Reuters copies, 1 AP story)
and fixtures/conflict: with 3, 4, 5 and 7 words the two stories score Jaccard 0.00
against each other, and the copies at least 0.63 / 0.52 / 0.50 / 0.50 (the trimmed
copy; the others >= 0.86 at every length). Five words is the usual choice for
news text: short runs ("the U.S. H-1B visa") recur across unrelated stories on one
topic, five-word runs rarely do (synthetic unrelated articles from one shared
vocabulary: bench/dedup.py prints the largest Jaccard it meets)."""

LSH_THRESHOLD = 0.3
"""Jaccard at which LSH nominates a candidate (datasketch picks b=37 bands of r=3 rows).
The lowest copy-to-copy Jaccard measured is 0.50 (the trimmed copy), which LSH then
nominates with probability 1 - (1 - 0.5**3)**37 = 0.993; candidates are checked
against the stored signatures afterwards, so a low threshold costs lookups, not merges."""

NEAR_DUPLICATE_JACCARD = 0.5
"""Same story on text alone. Measured (5-word shingles): Reuters copies 0.86-0.98
pairwise except the trimmed copy (0.50-0.52); Reuters vs AP 0.00; the one-time-fee
page vs either 0.00."""

CONTAINMENT = 0.8
"""Same story when one text is (almost) inside the other: a trimmed copy keeps whole
paragraphs, so most of its shingles are in the full copy. Measured: the trimmed
copy's containment in the other Reuters copies 0.87-0.88 (the estimate's error is
about 0.09, the MinHash one); Reuters vs AP 0.00."""

WIRE_CONTAINMENT = 0.3
"""Same story when both copies credit the same wire and share this much. A credit
alone never merges (one wire files many stories a day on one topic); with it a
heavily rewritten copy still joins. No fixture pair falls between 0.00 (different
stories) and 0.87 (copies); 0.3 is about three MinHash standard errors above 0."""

BAND_ROWS = 3
BANDS: tuple[tuple[int, int], ...] = tuple((i, i + BAND_ROWS) for i in range(0, 37 * BAND_ROWS, BAND_ROWS))
"""(start, end) rows of each LSH band: the 37 bands of 3 rows datasketch's ``MinHashLSH``
chooses for LSH_THRESHOLD and NUM_PERM (tests/store/test_minhash.py checks that it still does;
written out because importing datasketch costs seconds, see store/minhash.py)."""

_HASHER = MinHasher(NUM_PERM)
"""The fixed permutations of every signature (constant parameters, not a cache)."""

_MOBILE_HOST = re.compile(r"^(?:www|m|mobile|amp)\.")
_AMP_SEGMENT = re.compile(r"(?:^|/)amp(?=/|$)")
_AMP_SUFFIX = re.compile(r"\.amp(?=\.html?$|$)")

# Wire credits as outlets print them. Each names which wire; see WIRE_CONTAINMENT
# for why a credit alone never merges two articles.
# The third element lists words one of which every match contains: a text
# with none of them is not searched (the regex search was a quarter of the
# fingerprint's time on the bench pages).
_WIRES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "reuters",
        re.compile(r"\bSource:\s*Reuters\b|\(Reuters\)|\(Reporting by\b|\bReuters reported\b"),
        ("Reuters", "(Reporting by"),
    ),
    (
        "ap",
        re.compile(
            r"\bSource:\s*(?:AP|Associated Press)\b|\(AP\)|[—–-]\s*AP\b|\bAP reported\b"
            r"|\bAssociated Press reported\b"
        ),
        ("AP", "Associated Press"),
    ),
    ("afp", re.compile(r"\bSource:\s*AFP\b|\(AFP\)|\bAFP reported\b"), ("AFP",)),
)


@dataclass(frozen=True)
class Fingerprint:
    """What dedup keeps of one article: its keys, signature and wire."""

    url_key: str
    text_hash: str
    wire: str | None
    n_shingles: int
    minhash: bytes  # NUM_PERM uint64 hash values, little-endian
    # The (url, canonical_url) it was computed from, when computed from an article: the
    # saver takes the fingerprint for its article when they match, without normalising
    # the URLs again (``store.stories.story_input``). Not part of what is compared.
    made_from: tuple[str, str | None] | None = field(default=None, compare=False)

    def keys(self) -> list[int]:
        """The exact keys another copy of the story may share with this one, as 64-bit ints."""
        return list(self._keys)

    @cached_property
    def _keys(self) -> tuple[int, ...]:
        # Computed once per fingerprint and kept with it (a cached property lives in the
        # instance's __dict__, which pickling copies): ``store.stories.article_fingerprint``
        # asks for them on the extraction worker, so the saving process does not hash
        # the 39 keys of each article again (5 ms of CPU for the 202 bench articles).
        keys = [_key(f"url:{self.url_key}".encode()), _key(f"text:{self.text_hash}".encode())]
        # A band's bytes are its slice of ``minhash`` (the hash values' little-endian bytes), taken
        # without numpy: 37 array slices per article were most of the keys' cost (22 -> 17 ms of
        # CPU for the 186 articles of bench/store_writes.py).
        signature = self.minhash
        for prefix, (start, end) in zip(_BAND_PREFIXES, BANDS, strict=True):
            keys.append(_key(prefix + signature[start * 8 : end * 8]))
        return tuple(keys)

    def hashvalues(self) -> np.ndarray:
        """The MinHash values as an array."""
        return np.frombuffer(self.minhash, dtype="<u8")


_BAND_PREFIXES = tuple(b"band:%d:" % band for band in range(len(BANDS)))


def _key(material: bytes) -> int:
    """A signed 64-bit hash (DuckDB BIGINT) of a key's bytes."""
    return int.from_bytes(hashlib.blake2b(material, digest_size=8).digest(), "little", signed=True)


def fingerprint(url: str, canonical_url: str | None, text: str, text_hash: str) -> Fingerprint:
    """The fingerprint of an article from its URLs and text."""
    shingles = _shingle_bytes(text)
    values = _HASHER.signature(shingles).astype("<u8").tobytes()
    key = article_url_key(url, canonical_url)
    return Fingerprint(key, text_hash, wire_of(text), len(shingles), values, (url, canonical_url))


def article_url_key(url: str, canonical_url: str | None) -> str:
    """The story URL key of an article: of its canonical URL when it has one."""
    return story_url_key(canonical_url or url)


def word_shingles(text: str) -> set[str]:
    """Distinct runs of :data:`SHINGLE_WORDS` words of the normalised text (quotes unified)."""
    found = words(text)
    if len(found) < SHINGLE_WORDS:
        return {" ".join(found)} if found else set()
    return {" ".join(found[i : i + SHINGLE_WORDS]) for i in range(len(found) - SHINGLE_WORDS + 1)}


def _shingle_bytes(text: str) -> set[bytes]:
    """:func:`word_shingles` as UTF-8, each word encoded once (what the MinHash hashes)."""
    found = [word.encode("utf-8") for word in words(text)]
    if len(found) < SHINGLE_WORDS:
        return {b" ".join(found)} if found else set()
    return set(map(b" ".join, zip(*(found[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def story_url_key(url: str) -> str:
    """``url`` as a story key: the article-id normalisation plus mobile/AMP variants folded.

    ``https://m.example.com/amp/2025/k-visa?utm_source=x`` and
    ``http://www.example.com/2025/k-visa`` give one key; the scheme is dropped
    because outlets serve one page over both.
    """
    parts = urlsplit(normalise_url(url))
    host = _MOBILE_HOST.sub("", parts.netloc)
    path = _AMP_SUFFIX.sub("", _AMP_SEGMENT.sub("", parts.path)) or "/"
    return urlunsplit(("", host, path, parts.query, ""))


def wire_of(text: str) -> str | None:
    """The wire service the text credits, if exactly one (two credits are no signal)."""
    found = {
        name for name, pattern, words in _WIRES if any(w in text for w in words) and pattern.search(text)
    }
    return found.pop() if len(found) == 1 else None


def jaccard(a: Fingerprint, b: Fingerprint) -> float:
    """MinHash estimate of the Jaccard similarity of two articles' shingle sets."""
    if not a.n_shingles or not b.n_shingles:
        return 0.0
    return float(np.count_nonzero(a.hashvalues() == b.hashvalues())) / NUM_PERM


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller article's shingles found in the other.

    From the Jaccard estimate and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
    """
    smaller = min(a.n_shingles, b.n_shingles)
    if not smaller:
        return 0.0
    j = jaccard(a, b)
    return min(1.0, j * (a.n_shingles + b.n_shingles) / (1.0 + j) / smaller)


def same_story(a: Fingerprint, b: Fingerprint) -> tuple[LinkReason, float] | None:
    """Why ``a`` and ``b`` are one story (and the similarity behind it), or None.

    Symmetric in ``a`` and ``b``, which keeps stories independent of ingest order.
    """
    if a.url_key == b.url_key:
        return "url", 1.0
    if a.text_hash == b.text_hash:
        return "text", 1.0
    j, c = jaccard(a, b), containment(a, b)
    if j >= NEAR_DUPLICATE_JACCARD or c >= CONTAINMENT:
        return "near_duplicate", round(max(j, c), 4)
    if a.wire is not None and a.wire == b.wire and c >= WIRE_CONTAINMENT:
        return "syndicated", round(c, 4)
    return None
