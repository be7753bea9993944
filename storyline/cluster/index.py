"""A nearest-neighbour index of unit vectors by integer key: exact while small, approximate when large.

The open events of a time window number a few thousand; against so few, one matrix product finds the
exact nearest for a whole batch of articles faster than a graph search does. Past `EXACT_LIMIT`
vectors the index moves into usearch's HNSW graph, whose search costs about log(size), so looking up
the events an article may join stays cheap however many events are open. Entries can be replaced and
removed, which the time window needs.
"""

from __future__ import annotations

import numpy as np
from threadpoolctl import ThreadpoolController
from usearch.index import Index

# Where a batch of 64 searches costs about the same both ways (bench/scale.py's machine, 384
# dimensions): the product grows with the vectors, the graph search with their logarithm.
EXACT_LIMIT = 4096
# Candidates are rescored exactly, but a missed one is an event split in two, and its fragments then
# crowd the index: with 8 links and a search of 24, centroids spread evenly over the sphere (the
# synthetic stream of bench/scale.py) lost their own event often enough to fill the window with them.
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 64

# BLAS's threads cost more to wake than a product of this size saves: one thread is 1.3x faster.
_THREADS = ThreadpoolController()


class ExactIndex:
    """Vectors in the rows of one matrix, kept dense: a removed row is filled with the last one."""

    def __init__(self, dimension: int) -> None:
        self._vectors = np.zeros((16, dimension), dtype=np.float32)
        self._keys = np.zeros(16, dtype=np.int64)
        self._rows: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def items(self) -> tuple[np.ndarray, np.ndarray]:
        """The keys and their vectors."""
        size = len(self._rows)
        return self._keys[:size], self._vectors[:size]

    def put(self, key: int, vector: np.ndarray) -> None:
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = len(self._rows)
            self._grow_to(row + 1)
            self._keys[row] = key
        self._vectors[row] = vector

    def remove(self, key: int) -> None:
        row = self._rows.pop(key, None)
        if row is None:
            return
        last = len(self._rows)
        if row != last:
            moved = int(self._keys[last])
            self._keys[row], self._vectors[row] = moved, self._vectors[last]
            self._rows[moved] = row

    def get(self, key: int) -> np.ndarray:
        return self._vectors[self._rows[key]].copy()

    def nearest_many(self, vectors: np.ndarray, count: int) -> list[list[int]]:
        size = len(self._rows)
        if size <= count:
            return [self._keys[:size].tolist() for _ in vectors]
        with _THREADS.limit(limits=1, user_api="blas"):
            scores = vectors @ self._vectors[:size].T
        best = np.argpartition(scores, size - count, axis=1)[:, size - count :]
        return self._keys[best].tolist()

    def _grow_to(self, rows: int) -> None:
        if rows > len(self._keys):
            capacity = 2 * len(self._keys)
            self._vectors = np.resize(self._vectors, (capacity, self._vectors.shape[1]))
            self._keys = np.resize(self._keys, capacity)


class GraphIndex:
    """usearch's HNSW graph, vectors kept in half precision."""

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

    def __len__(self) -> int:
        return len(self._keys)

    def put(self, key: int, vector: np.ndarray) -> None:
        self.remove(key)
        self._index.add(key, vector)
        self._keys.add(key)

    def put_many(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        self._index.add(keys, vectors, threads=1)
        self._keys.update(keys.tolist())

    def remove(self, key: int) -> None:
        if key in self._keys:
            self._index.remove(key)
            self._keys.discard(key)

    def get(self, key: int) -> np.ndarray:
        return self._index.get(key).astype(np.float32)

    def nearest_many(self, vectors: np.ndarray, count: int) -> list[list[int]]:
        if not self._keys:
            return [[] for _ in vectors]
        if len(vectors) == 1:  # usearch answers a one-row batch as a single search
            return [self._index.search(vectors[0], count).keys.tolist()]
        found = self._index.search(vectors, count, threads=1)
        return [keys[:hits].tolist() for keys, hits in zip(found.keys, found.counts, strict=True)]


class VectorIndex:
    """Keys to unit vectors, searched by inner product; exact up to `EXACT_LIMIT` vectors."""

    def __init__(self, dimension: int) -> None:
        self._dimension = dimension
        self._index: ExactIndex | GraphIndex = ExactIndex(dimension)

    def __len__(self) -> int:
        return len(self._index)

    def put(self, key: int, vector: np.ndarray) -> None:
        """Add the vector under `key`, replacing what was there."""
        self._index.put(key, vector)
        if isinstance(self._index, ExactIndex) and len(self._index) > EXACT_LIMIT:
            graph = GraphIndex(self._dimension)
            graph.put_many(*self._index.items())
            self._index = graph

    def remove(self, key: int) -> None:
        self._index.remove(key)

    def get(self, key: int) -> np.ndarray:
        """The stored vector (in half precision once the index is a graph)."""
        return self._index.get(key)

    def nearest(self, vector: np.ndarray, count: int) -> list[int]:
        """The keys of up to `count` vectors with the largest inner product with `vector`, in no order."""
        return self.nearest_many(vector[np.newaxis], count)[0]

    def nearest_many(self, vectors: np.ndarray, count: int) -> list[list[int]]:
        """`nearest` for each row of `vectors`, in one search."""
        return self._index.nearest_many(vectors, count)
