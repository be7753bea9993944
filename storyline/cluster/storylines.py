"""Events that continue one another — the same dispute, summit after summit — linked into storylines.

Two events link when their centroids are close enough, however far apart in time; links are
transitive (union-find). Each event is looked up among its nearest neighbours in an index, never
against every other event, so linking costs about E log E for E events, not E².
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from storyline.cluster.index import VectorIndex

# How many nearest events are checked for a link; links are transitive, so a few are enough.
NEIGHBOURS = 16


class UnionFind:
    """Sets of event keys; each set's root is its smallest key."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def root(self, key: int) -> int:
        parent = self.parent
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    def join(self, first: int, second: int) -> None:
        low, high = sorted((self.root(first), self.root(second)))
        if low != high:
            self.parent[high] = low

    def copy(self) -> UnionFind:
        twin = UnionFind()
        twin.parent = dict(self.parent)
        return twin


class StorylineLinker:
    """Links each event as it closes to the closed events before it; open ones are linked on reading."""

    def __init__(self, dimension: int, threshold: float) -> None:
        self.threshold = threshold
        self.dimension = dimension
        self.closed = VectorIndex(dimension)
        self._sets = UnionFind()

    def close(self, key: int, centroid: np.ndarray) -> None:
        """Link a finished event to the closed events like it, and keep it for the events to come."""
        for other in self._similar(self.closed, self.closed.get, centroid):
            self._sets.join(key, other)
        self.closed.put(key, centroid)

    def storylines(self, open_events: dict[int, np.ndarray]) -> UnionFind:
        """The storylines as they stand, with the open events linked to all the others."""
        sets = self._sets.copy()
        opened = VectorIndex(self.dimension)
        for key, centroid in open_events.items():
            opened.put(key, centroid)
        for key, centroid in open_events.items():
            for other in self._similar(self.closed, self.closed.get, centroid):
                sets.join(key, other)
            for other in self._similar(opened, open_events.__getitem__, centroid):
                sets.join(key, other)
        return sets

    def _similar(
        self, index: VectorIndex, centroid_of: Callable[[int], np.ndarray], centroid: np.ndarray
    ) -> Iterator[int]:
        """Keys in `index` whose centroids are at least the threshold like `centroid`."""
        for key in index.nearest(centroid, NEIGHBOURS):
            if float(centroid_of(key) @ centroid) >= self.threshold:
                yield key
