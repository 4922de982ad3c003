"""MinHash signatures, bit for bit the ones datasketch's ``MinHash`` computes.

datasketch 2.0's default scheme ("affine32"): each shingle is hashed to 32
bits (the first 4 bytes of its SHA-1, little-endian), mixed by the
MurmurHash3 finalizer, and sent through ``num_perm`` affine permutations
``a * h + b mod 2**32`` whose odd ``a`` and ``b`` come from
``numpy.random.RandomState(seed)``; a signature is the minimum per
permutation. Signatures are stored (``story_signatures.minhash``), so these
must stay equal to datasketch's: ``tests/store/test_minhash.py`` checks that.

Why not import datasketch: ``import datasketch`` loads every sketch in the
package, ``scipy.integrate`` among them, which took 2.2-3.1 s of the 7.5 s
``newsfacts ingest`` of one page (``python -X importtime``, this 2-core
machine) -- as long as loading the spaCy model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np

_U32 = np.uint32
_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))
_EMPTY = _U32((1 << 32) - 1)


def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` parameters of the affine permutations, as datasketch draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def _fmix(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    mixed: np.ndarray = hv ^ (hv >> s3)
    return mixed


class MinHasher:
    """Signatures of byte strings under ``num_perm`` fixed permutations."""

    def __init__(self, num_perm: int, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.a, self.b = permutations(num_perm, seed)

    def signature(self, items: Iterable[bytes]) -> np.ndarray:
        """The ``num_perm`` uint32 minima over ``items`` (all 2**32-1 when empty)."""
        # The first 4 bytes of each SHA-1, read as little-endian uint32s in one go.
        prefixes = b"".join([hashlib.sha1(item).digest()[:4] for item in items])
        hashes = np.frombuffer(prefixes, dtype="<u4").astype(_U32)
        if not len(hashes):
            return np.full(self.num_perm, _EMPTY, dtype=_U32)
        mixed = _fmix(hashes).reshape(-1, 1)
        # a * h + b mod 2**32 for every shingle and permutation, in one buffer
        # (uint32 arithmetic wraps; in place, so no second temporary of that size).
        values = np.multiply(mixed, self.a)
        np.add(values, self.b, out=values)
        signature: np.ndarray = values.min(axis=0)
        return signature
