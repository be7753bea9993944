"""An approximate-nearest-neighbour index of unit vectors by integer key (usearch's HNSW graph).

Search costs about log(size), so looking up the events an article may join stays cheap however many
events are open; entries can be replaced and removed, which the time window needs.
"""

from __future__ import annotations

import numpy as np
from usearch.index import Index

# Candidates are rescored exactly, but a missed one is an event split in two, and its fragments then
# crowd the index: with 8 links and a search of 24, centroids spread evenly over the sphere (the
# synthetic stream of bench/scale.py) lost their own event often enough to fill the window with them.
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 64


class VectorIndex:
    def __init__(self, dimension: int) -> None:
        self._index = Index(
            ndim=dimension,
            metric="ip",
            dtype="f16",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )
        self._keys: set[int] = set()

    def put(self, key: int, vector: np.ndarray) -> None:
        """Add the vector under `key`, replacing what was there."""
        self.remove(key)
        self._index.add(key, vector)
        self._keys.add(key)

    def remove(self, key: int) -> None:
        if key in self._keys:
            self._index.remove(key)
            self._keys.discard(key)

    def get(self, key: int) -> np.ndarray:
        """The stored vector (in half precision, as the index keeps it)."""
        return self._index.get(key).astype(np.float32)

    def nearest(self, vector: np.ndarray, count: int) -> list[int]:
        """The keys of up to `count` vectors with the largest inner product with `vector`."""
        if not self._keys:
            return []
        return self._index.search(vector, count).keys.tolist()

    def nearest_many(self, vectors: np.ndarray, count: int) -> list[list[int]]:
        """`nearest` for each row of `vectors`, in one search."""
        if not self._keys or len(vectors) == 1:  # usearch answers a one-row batch as a single search
            return [self.nearest(vector, count) for vector in vectors]
        found = self._index.search(vectors, count, threads=1)
        return [keys[:hits].tolist() for keys, hits in zip(found.keys, found.counts, strict=True)]
