"""store.minhash against datasketch: stored signatures must not change with the implementation."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]  # no stubs

from store.dedup import BANDS, LSH_THRESHOLD, NUM_PERM, fingerprint, word_shingles
from store.minhash import MinHasher

TEXT = " ".join(f"word{i} shared sentence number {i} of the wire story." for i in range(60))


@pytest.mark.parametrize("items", [[], [b"one"], [f"shingle {i}".encode() for i in range(500)]])
def test_signature_equals_datasketch(items: list[bytes]) -> None:
    reference = MinHash(num_perm=NUM_PERM)
    reference.update_batch(items)
    assert np.array_equal(MinHasher(NUM_PERM).signature(items), reference.hashvalues)


def test_fingerprint_stores_datasketch_values() -> None:
    reference = MinHash(num_perm=NUM_PERM)
    reference.update_batch(s.encode("utf-8") for s in word_shingles(TEXT))
    stored = fingerprint("https://example.com/a", None, TEXT, "h").minhash
    assert stored == reference.hashvalues.astype("<u8").tobytes()


def test_bands_are_the_ones_datasketch_chooses() -> None:
    assert BANDS == tuple(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def test_band_keys_hash_each_bands_hash_values() -> None:
    """Stored story_keys must not change: a band's key hashes its hash values' little-endian bytes."""
    found = fingerprint("https://example.com/a", None, TEXT, "h")
    values = found.hashvalues()

    def key(material: bytes) -> int:
        return int.from_bytes(hashlib.blake2b(material, digest_size=8).digest(), "little", signed=True)

    bands = [key(b"band:%d:" % i + values[a:b].astype("<u8").tobytes()) for i, (a, b) in enumerate(BANDS)]
    assert found.keys() == [key(f"url:{found.url_key}".encode()), key(b"text:h"), *bands]
