"""De-duplication: exact copies by text hash, near-identical copies by MinHash LSH (datasketch).

A copy links to its original and does not count as another source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
# Named, not defaulted: stored signatures must be read back with the scheme that made them.
SCHEME = "affine32"
SHINGLE_WORDS = 3
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word n-grams of the lowercased text: robust to re-wrapping and punctuation edits."""
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash_of(text: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch(list(shingles(text)))
    return signature


def minhash_to_bytes(signature: MinHash) -> bytes:
    return signature.hashvalues.astype(np.uint64).tobytes()


def minhash_from_bytes(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=np.uint64), scheme=SCHEME)


class NearDuplicateIndex:
    """Finds the original of a near-identical text among those indexed before it."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def load(self, stored: Iterable[tuple[str, bytes]]) -> None:
        """Index the originals already in the store."""
        for article_id, blob in stored:
            if blob:
                self.add(article_id, minhash_from_bytes(blob))

    def add(self, article_id: str, signature: MinHash) -> None:
        if article_id not in self._signatures:
            self._lsh.insert(article_id, signature)
            self._signatures[article_id] = signature

    def original_of(self, signature: MinHash) -> str | None:
        """The most similar indexed text at or above the threshold, if any.

        LSH only proposes candidates; the estimated Jaccard similarity confirms them.
        """
        scored = [
            (self._signatures[candidate].jaccard(signature), candidate)
            for candidate in self._lsh.query(signature)
        ]
        confirmed = [(score, candidate) for score, candidate in scored if score >= self.threshold]
        return max(confirmed)[1] if confirmed else None
